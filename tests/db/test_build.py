"""Building the store file (db.build) on real SQLite files: schema, report, bad files, atomic swap."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dbtest_seams import exploding_extract, json_extract, seed_like_articles, write_articles
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import db.build as build_module
from db.build import (
    SCHEMA_VERSION,
    articles_version,
    build_database,
    building_path,
    format_report,
    write_database,
)
from db.merge import merge
from ingest.model import ArticleFacts, CastPair, Event, Person, Quote

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    directory = tmp_path / "articles"
    write_articles(directory, seed_like_articles())
    return directory


def build(articles: Path, db: Path, **kw):
    return build_database(articles, db, extract=json_extract, **kw)


def rows(db: Path, sql: str, *params) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_schema_and_meta(articles: Path, tmp_path: Path):
    db = tmp_path / "store.db"
    report = build(articles, db)
    assert report.ok, report.error
    tables = {r[0] for r in rows(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {
        "meta",
        "articles",
        "people",
        "characters",
        "cast",
        "aliases",
        "events",
        "quotes",
        "mentions",
    } <= tables
    assert "quotes_fts" in tables
    assert rows(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    meta = dict(rows(db, "SELECT key, value FROM meta"))
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    assert meta["data_version"] == report.data_version == articles_version(articles)
    assert meta["built_at"]
    # Swapped in in rollback-journal mode, with nothing beside it.
    assert rows(db, "PRAGMA journal_mode") == [("delete",)]
    assert not Path(f"{db}-wal").exists() and not building_path(db).exists()


def test_report_counts_and_stored_facts(articles: Path, tmp_path: Path):
    db = tmp_path / "store.db"
    report = build(articles, db)
    assert report.ok
    assert sorted(report.loaded) == sorted(p.name for p in articles.iterdir())
    assert report.counts == {t: rows(db, f'SELECT count(*) FROM "{t}"')[0][0] for t in build_module.TABLES}
    assert report.added == report.counts  # no old store: everything is new
    assert set(report.removed.values()) == {0}
    assert rows(
        db,
        'SELECT ch.name, ch.description, c.is_returning FROM "cast" c '
        "JOIN characters ch ON ch.id = c.character_id JOIN people p ON p.id = c.person_id "
        "WHERE p.name = 'Nima Taleghani'",
    ) == [("Mr. Farouk", "a new teacher at Truham", 0)]
    # Every fact keeps its articles, with their dates.
    sources = rows(
        db,
        "SELECT a.file, a.date FROM mentions m JOIN articles a ON a.id = m.article_id "
        "JOIN events e ON e.id = m.entity_id "
        "WHERE m.entity = 'event' AND e.kind = 'premiere' ORDER BY a.file",
    )
    assert sources == [("000_season2.txt", "2023-06-22"), ("001_paris.txt", None)]
    assert rows(db, "SELECT date FROM events WHERE kind = 'premiere'") == [("2023-08-03",)]
    assert json.loads(rows(db, "SELECT roles FROM people WHERE name = 'Alice Oseman'")[0][0]) == ["creator"]
    assert ("Osman",) in rows(
        db, "SELECT alias FROM aliases a JOIN people p ON p.id = a.person_id WHERE p.name = 'Alice Oseman'"
    )
    assert rows(db, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'rugby'") == [(1,)]


def test_added_and_removed_against_the_old_store(articles: Path, tmp_path: Path):
    db = tmp_path / "store.db"
    assert build(articles, db).ok
    (articles / "002_kit.txt").unlink()
    write_articles(
        articles,
        [
            ArticleFacts(
                file="004_s3.txt",
                title="Season 3 cast",
                date="2024-05-01",
                cast=[CastPair("Hayley Atwell", "Diane Nelson", "a new face: Nick's aunt")],
                quotes=[Quote("Hayley Atwell", "I am thrilled to join the cast.")],
            )
        ],
    )
    report = build(articles, db)
    assert report.ok
    assert report.added["articles"] == 1 and report.removed["articles"] == 1
    assert report.added["cast"] == 1 and report.removed["cast"] == 0
    assert report.added["quotes"] == 1 and report.removed["quotes"] == 2
    assert ("Diane Nelson",) in rows(db, "SELECT name FROM characters")
    text = format_report(report)
    assert "Reloaded 4 article(s)" in text and "cast: " in text and "(+1 / -0)" in text


def test_bad_files_are_skipped_and_listed_while_good_ones_load(articles: Path, tmp_path: Path):
    (articles / "empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02garbage" * 10)
    (articles / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (articles / "big.txt").write_bytes(b"a" * 2_100_000)
    (articles / "notjson.txt").write_text("just prose, which the JSON test extractor cannot read")
    (articles / "loop.txt").symlink_to(articles / "loop.txt")
    db = tmp_path / "store.db"
    report = build(articles, db)
    assert report.ok
    assert len(report.loaded) == 4
    skipped = dict(report.skipped)
    assert set(skipped) == {"empty.txt", "binary.txt", "latin1.txt", "big.txt", "notjson.txt", "loop.txt"}
    assert "empty" in skipped["empty.txt"]
    assert "binary" in skipped["binary.txt"]
    assert "UTF-8" in skipped["latin1.txt"]
    assert "too large" in skipped["big.txt"]
    assert "loop" in skipped["loop.txt"]
    text = format_report(report)
    assert "Skipped 6 file(s)" in text and "big.txt: too large" in text


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_permission_denied_file_is_skipped(articles: Path, tmp_path: Path):
    locked = articles / "locked.txt"
    locked.write_text("{}")
    locked.chmod(0)
    report = build(articles, tmp_path / "store.db")
    assert report.ok and "permission" in dict(report.skipped)["locked.txt"]


def test_an_extractor_bug_costs_one_article_not_the_reload(articles: Path, tmp_path: Path):
    write_articles(articles, [ArticleFacts(file="boom.txt", title="x", date=None)])
    report = build_database(articles, tmp_path / "store.db", extract=exploding_extract)
    assert report.ok
    assert "extractor bug" in dict(report.skipped)["boom.txt"]


def good_old_store(articles: Path, tmp_path: Path) -> tuple[Path, bytes]:
    db = tmp_path / "store.db"
    assert build(articles, db).ok
    return db, db.read_bytes()


@pytest.mark.parametrize("case", ["missing", "empty", "all_bad", "not_a_dir"])
def test_nothing_readable_keeps_the_old_store(articles: Path, tmp_path: Path, case: str):
    db, before = good_old_store(articles, tmp_path)
    target = tmp_path / "other"
    if case == "empty":
        target.mkdir()
    elif case == "all_bad":
        target.mkdir()
        (target / "a.txt").write_bytes(b"")
        (target / "b.txt").write_bytes(b"\xff\xfe\x00")
    elif case == "not_a_dir":
        target.write_text("a file")
    report = build(target, db)
    assert not report.ok and report.error
    assert db.read_bytes() == before
    assert not building_path(db).exists()
    assert "Reload failed" in format_report(report)
    if case == "all_bad":
        assert len(report.skipped) == 2


def test_failure_half_way_keeps_the_old_store_and_removes_the_new_file(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    db, before = good_old_store(articles, tmp_path)
    real_insert = build_module._insert_all
    seen_building = []

    def insert_then_fail(conn, *args):
        real_insert(conn, *args)  # everything written, not yet committed
        seen_building.append(building_path(db).exists())
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    monkeypatch.setattr(build_module, "_insert_all", insert_then_fail)
    report = build(articles, db)
    assert not report.ok and "simulated" in report.error
    assert seen_building == [True]
    assert db.read_bytes() == before
    assert not building_path(db).exists()
    assert rows(db, "SELECT count(*) FROM quotes")[0][0] > 0


def test_failure_at_the_swap_keeps_the_old_store(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    db, before = good_old_store(articles, tmp_path)

    def no_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_module.os, "replace", no_replace)
    report = build(articles, db)
    assert not report.ok and "No space" in report.error
    assert db.read_bytes() == before and not building_path(db).exists()


def test_a_stale_building_file_is_removed_by_the_next_build(articles: Path, tmp_path: Path):
    db = tmp_path / "store.db"
    building_path(db).write_bytes(b"half a database from a killed build")
    Path(f"{building_path(db)}-journal").write_bytes(b"junk")
    assert build(articles, db).ok
    assert not building_path(db).exists() and not Path(f"{building_path(db)}-journal").exists()
    assert rows(db, "SELECT count(*) FROM articles") == [(4,)]


def test_swap_false_leaves_the_finished_file_for_the_caller(articles: Path, tmp_path: Path):
    db = tmp_path / "store.db"
    report = build(articles, db, swap=False)
    assert report.ok and not db.exists()
    assert rows(building_path(db), "SELECT count(*) FROM articles") == [(4,)]


def test_progress_is_reported_and_ends_at_the_total(articles: Path, tmp_path: Path):
    calls: list[tuple[int, int]] = []
    assert build(articles, tmp_path / "store.db", progress=lambda d, t: calls.append((d, t))).ok
    assert calls and calls[-1] == (4, 4)
    assert all(t == 4 and 0 < d <= 4 for d, t in calls)


def test_parallel_extraction_gives_the_same_store(articles: Path, tmp_path: Path):
    one = build(articles, tmp_path / "one.db", workers=1)
    two = build(articles, tmp_path / "two.db", workers=2)
    assert one.ok and two.ok
    assert one.counts == two.counts and one.data_version == two.data_version
    query = "SELECT p.name, q.text FROM quotes q JOIN people p ON p.id = q.speaker_id ORDER BY q.id"
    assert rows(tmp_path / "one.db", query) == rows(tmp_path / "two.db", query)


def test_a_concurrent_build_of_the_same_database_is_refused(articles: Path, tmp_path: Path):
    db = tmp_path / "store.db"
    lock = build_module._acquire_lock(db)
    try:
        report = build(articles, db)
    finally:
        build_module._release_lock(lock)
    assert not report.ok and "already" in report.error
    assert build(articles, db).ok


def test_data_version_follows_the_content_of_the_articles(articles: Path, tmp_path: Path):
    before = articles_version(articles)
    assert before == articles_version(articles)
    (articles / "001_paris.txt").write_text((articles / "001_paris.txt").read_text() + " ")
    assert articles_version(articles) != before
    assert articles_version(tmp_path / "missing") is None


_KILLED_BUILD = """
import sys, time
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from pathlib import Path
import db.build as b
from dbtest_seams import json_extract, slow_json_extract
phase, marker = sys.argv[5], Path(sys.argv[6])
real_insert = b._insert_all

def insert_then_hang(conn, *args):
    real_insert(conn, *args)
    marker.touch()  # rows written into the new file, transaction still open
    time.sleep(60)

if phase == "writing":
    b._insert_all = insert_then_hang
extract = slow_json_extract if phase == "extracting" else json_extract
b.build_database(Path(sys.argv[3]), Path(sys.argv[4]), extract=extract, workers=1)
"""


@pytest.mark.parametrize("phase", ["extracting", "writing"])
def test_kill_minus_9_during_a_build_leaves_the_old_store_intact(articles: Path, tmp_path: Path, phase: str):
    """A real build process killed half way: the old file is untouched and the next build cleans up."""
    db, before = good_old_store(articles, tmp_path)
    marker = tmp_path / "reached"
    env = dict(os.environ, DBTEST_STARTED_MARKER=str(marker), DBTEST_SLOW_SECONDS="60")
    args = [str(ROOT), str(Path(__file__).parent), str(articles), str(db), phase, str(marker)]
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_BUILD, *args], env=env)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, "the build process ended before reaching the phase"
            assert time.monotonic() < deadline, "the build process never reached the phase"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert db.read_bytes() == before
    assert rows(db, "SELECT count(*) FROM quotes")[0][0] == 5
    if phase == "writing":
        assert building_path(db).exists()  # the half-written file a killed build leaves behind
    # The lock died with the process: the next build runs and removes the leftover.
    report = build(articles, db)
    assert report.ok and not building_path(db).exists()


_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
_dates = st.sampled_from([None, "2023-08-03", "2023-08", "garbage", ""])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(_text, _dates, st.lists(st.tuples(_text, _text, _text), max_size=4), _text, _text),
        min_size=1,
        max_size=5,
    )
)
def test_any_extracted_facts_write_a_consistent_database(tmp_path: Path, rows_in):
    facts = [
        ArticleFacts(
            file=f"{i}.txt",
            title=title,
            date=date,
            cast=[CastPair(a, c, d or None) for a, c, d in pairs],
            people=[Person(who, "creator")],
            quotes=[Quote(who, said), Quote(who.upper(), said.lower())],
            events=[Event(said, date or "2023-01", "premiere", None)],
            aliases={who: [title]},
        )
        for i, (title, date, pairs, who, said) in enumerate(rows_in)
    ]
    k = merge(facts)
    db = tmp_path / f"prop{abs(hash(repr(rows_in)))}.db"
    db.unlink(missing_ok=True)
    write_database(db, k, {}, "v")
    assert rows(db, "SELECT count(*) FROM quotes")[0][0] == len(k.quotes)
    assert rows(db, 'SELECT count(*) FROM "cast"')[0][0] == len(k.cast)
    assert rows(db, "PRAGMA foreign_key_check") == []
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_indexes_created_after_the_rows_give_the_schema_as_written(articles: Path, tmp_path: Path):
    """The builder runs schema.sql's CREATE INDEX statements after the bulk insert: the built file must
    hold exactly the schema a plain executescript of schema.sql gives, and the indexes must be used."""
    plain = tmp_path / "plain.db"
    conn = sqlite3.connect(plain)
    conn.executescript(build_module.SCHEMA_PATH.read_text(encoding="utf-8"))
    conn.close()
    assert build(articles, tmp_path / "store.db").ok
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    assert rows(tmp_path / "store.db", schema) == rows(plain, schema)
    assert {name for (name,) in rows(plain, "SELECT name FROM sqlite_master WHERE type = 'index'")} >= {
        "aliases_alias",
        "quotes_speaker",
    }
    plan = rows(
        tmp_path / "store.db", "EXPLAIN QUERY PLAN SELECT * FROM aliases WHERE alias = 'x' COLLATE NOCASE"
    )
    assert any("aliases_alias" in str(step) for step in plan)
    assert rows(tmp_path / "store.db", "PRAGMA integrity_check") == [("ok",)]


def test_the_report_times_each_phase(articles: Path, tmp_path: Path):
    report = build(articles, tmp_path / "store.db")
    assert report.ok
    assert set(report.phases) == {"extract", "merge", "write", "compare", "swap"}
    assert all(seconds >= 0 for seconds in report.phases.values())
    assert sum(report.phases.values()) <= report.seconds + 0.01


@pytest.mark.parametrize("fail", [False, True])
def test_the_garbage_collector_is_back_as_it_was_after_a_build(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail: bool
):
    """The build pauses the cyclic collector; the caller's process gets it back, also after a failure."""
    import gc

    if fail:

        def broken_insert(conn, *args):
            raise sqlite3.OperationalError("disk I/O error (simulated)")

        monkeypatch.setattr(build_module, "_insert_all", broken_insert)
    seen_during = []
    try:
        assert gc.isenabled()
        report = build(articles, tmp_path / "on.db", progress=lambda d, t: seen_during.append(gc.isenabled()))
        assert report.ok is not fail
        assert gc.isenabled()
        assert seen_during and not any(seen_during)
        gc.disable()
        build(articles, tmp_path / "off.db")
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_repeated_json_lists_are_encoded_by_value_and_type():
    cache: dict = {}
    encode = build_module._json_list
    assert [encode(v, cache) for v in ([1], [True], [1.0], ["actor"], [], [1])] == [
        "[1]",
        "[true]",
        "[1.0]",
        '["actor"]',
        "[]",
        "[1]",
    ]
