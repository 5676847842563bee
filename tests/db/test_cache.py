"""The extraction cache (db/cache.py) on real SQLite files with the real extractor: a warm build must give
exactly the store a cold build gives, re-extract what changed, and survive a damaged cache."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench import corpus
from db.build import SCHEMA_VERSION, build_database, format_report
from db.cache import CorruptRow, decode, encode, extractor_fingerprint
from db.store import Store, _check_store
from ingest.extract import extract_file

GENERATED = 16  # generated articles beside the four real seeds: real extraction, a few seconds


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("corpus") / "articles"
    shutil.copytree(corpus.SEEDS_DIR, directory, ignore=shutil.ignore_patterns(".*"))
    corpus.generate(directory, GENERATED)
    return directory


@pytest.fixture
def articles(corpus_dir: Path, tmp_path: Path) -> Path:
    directory = tmp_path / "articles"
    shutil.copytree(corpus_dir, directory)
    return directory


def count(directory: Path) -> int:
    return len([p for p in directory.iterdir() if p.suffix in (".txt", ".md")])


def tables(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows in storage order, the schema and meta without its build time; not the cache."""
    conn = sqlite3.connect(db)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if r[0] != "extract_cache"
        ]
        out = {name: conn.execute(f'SELECT * FROM "{name}"').fetchall() for name in names}
        out["sqlite_master"] = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name != 'extract_cache' ORDER BY name"
        ).fetchall()
        out["meta"] = [row for row in out["meta"] if row[0] != "built_at"]
        out["user_version"] = conn.execute("PRAGMA user_version").fetchall()
        return out
    finally:
        conn.close()


def cache_rows(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT digest, extractor, facts FROM extract_cache ORDER BY digest").fetchall()
    finally:
        conn.close()


def cold(articles: Path, tmp_path: Path) -> dict[str, list[tuple]]:
    db = tmp_path / "cold" / "store.db"
    db.parent.mkdir(exist_ok=True)
    db.unlink(missing_ok=True)
    report = build_database(articles, db, workers=1)
    assert report.ok and report.reused == 0, report.error
    return tables(db)


def test_a_warm_build_gives_the_same_store_as_a_cold_one(articles: Path, tmp_path: Path):
    n = count(articles)
    warm_db = tmp_path / "warm.db"
    first = build_database(articles, warm_db, workers=1)
    assert first.ok and first.reused == 0
    assert len(cache_rows(warm_db)) == n
    second = build_database(articles, warm_db, workers=1)
    assert second.ok and second.reused == n  # nothing was extracted
    assert len(second.loaded) == n and not second.skipped
    assert tables(warm_db) == cold(articles, tmp_path)
    assert second.counts == first.counts and second.data_version == first.data_version
    assert all(r[1] == extractor_fingerprint() for r in cache_rows(warm_db))
    assert f"{n} unchanged since the last reload" in format_report(second)
    assert "unchanged" not in format_report(first)


def test_a_changed_article_is_extracted_again(articles: Path, tmp_path: Path):
    db = tmp_path / "store.db"
    assert build_database(articles, db, workers=1).ok
    path = sorted(articles.glob("gen_*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n\nZelda Quorn plays Mr Ajayi, a new teacher at Truham.\n", encoding="utf-8")
    report = build_database(articles, db, workers=1)
    assert report.ok and report.reused == count(articles) - 1
    assert tables(db) == cold(articles, tmp_path)
    assert any(r[0] == "Zelda Quorn" for r in sqlite3.connect(db).execute("SELECT name FROM people"))
    assert len(cache_rows(db)) == count(articles)  # the old content's row is not carried forward


def test_a_renamed_article_keeps_its_facts_under_its_new_name(articles: Path, tmp_path: Path):
    db = tmp_path / "store.db"
    assert build_database(articles, db, workers=1).ok
    old = sorted(articles.glob("gen_*.txt"))[1]
    old.rename(articles / "renamed.txt")
    report = build_database(articles, db, workers=1)
    assert report.ok and report.reused == count(articles)
    files = {r[0] for r in sqlite3.connect(db).execute("SELECT file FROM articles")}
    assert "renamed.txt" in files and old.name not in files
    assert tables(db) == cold(articles, tmp_path)


def test_another_extractor_fingerprint_invalidates_every_row(articles: Path, tmp_path: Path):
    db = tmp_path / "store.db"
    n = count(articles)
    assert build_database(articles, db, workers=1).ok
    other = build_database(articles, db, workers=1, fingerprint="an edited extractor")
    assert other.ok and other.reused == 0
    assert {r[1] for r in cache_rows(db)} == {"an edited extractor"}  # stale rows are not carried
    again = build_database(articles, db, workers=1, fingerprint="an edited extractor")
    assert again.reused == n
    assert tables(db) == cold(articles, tmp_path)


def test_the_fingerprint_follows_the_ingest_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import db.cache as cache_module

    fake = tmp_path / "ingest"
    fake.mkdir()
    (fake / "a.py").write_text("X = 1\n")
    monkeypatch.setattr(cache_module, "INGEST_DIR", fake)
    extractor_fingerprint.cache_clear()
    try:
        first = extractor_fingerprint()
        (fake / "a.py").write_text("X = 2\n")
        assert extractor_fingerprint() == first  # computed once per process
        extractor_fingerprint.cache_clear()
        assert extractor_fingerprint() != first
    finally:
        monkeypatch.undo()
        extractor_fingerprint.cache_clear()


@pytest.mark.parametrize(
    "damage",
    [
        "{",
        "",
        "null",
        "[]",
        '{"title": 5}',
        '{"title": "t", "date": null, "source": null, "cast": [["A"]], "people": [], "events": [],'
        ' "quotes": [], "aliases": {}}',
        '{"title": "t", "date": null, "source": null, "cast": [], "people": [], "events": [],'
        ' "quotes": [], "aliases": {"A": "not a list"}}',
    ],
)
def test_a_corrupt_cache_row_is_extracted_again(articles: Path, tmp_path: Path, damage: str):
    db = tmp_path / "store.db"
    assert build_database(articles, db, workers=1).ok
    conn = sqlite3.connect(db)
    digest = conn.execute("SELECT digest FROM extract_cache ORDER BY digest LIMIT 1").fetchone()[0]
    conn.execute("UPDATE extract_cache SET facts = ? WHERE digest = ?", (damage, digest))
    conn.commit()
    conn.close()
    report = build_database(articles, db, workers=1)
    assert report.ok and report.reused == count(articles) - 1
    assert tables(db) == cold(articles, tmp_path)
    assert dict((d, f) for d, _, f in cache_rows(db))[digest] != damage  # replaced by a good row


def test_a_bad_article_is_reported_again_on_a_warm_reload(articles: Path, tmp_path: Path):
    (articles / "empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    db = tmp_path / "store.db"
    first = build_database(articles, db, workers=1)
    second = build_database(articles, db, workers=1)
    assert first.ok and second.ok
    assert sorted(second.skipped) == sorted(first.skipped) and len(second.skipped) == 2
    assert second.reused == count(articles) - 2


def test_a_store_without_a_cache_table_builds_cold(articles: Path, tmp_path: Path):
    db = tmp_path / "store.db"
    assert build_database(articles, db, workers=1).ok
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE extract_cache")  # as a store of schema version 1 has none
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    assert _check_store(db, articles) == "the database has another schema version"
    report = build_database(articles, db, workers=1)
    assert report.ok and report.reused == 0
    assert tables(db) == cold(articles, tmp_path)
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def add_changed_copy(articles: Path) -> None:
    new = articles / "new.txt"
    shutil.copy(sorted(articles.glob("gen_*.txt"))[2], new)
    new.write_text(new.read_text(encoding="utf-8").replace("Heartstopper", "Heartstopper's"))


async def test_the_store_worker_reuses_the_old_stores_cache(articles: Path, tmp_path: Path):
    store = await Store.open(tmp_path / "store.db", articles)  # the real extractor in the worker process
    try:
        assert store.snapshot.cast
        add_changed_copy(articles)
        report = await store.rebuild()
        assert report.ok and report.reused == count(articles) - 1
        assert tables(store.path) == cold(articles, tmp_path)
    finally:
        await store.close()


def test_encoded_facts_decode_to_the_same_facts(corpus_dir: Path):
    for path in sorted(corpus_dir.iterdir()):
        facts = extract_file(path)
        assert decode(encode(facts), facts.file) == facts
        assert decode(encode(facts), "elsewhere.txt").file == "elsewhere.txt"


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), st.binary(max_size=50), st.integers(), st.none()))
def test_decode_rejects_anything_malformed_with_corrupt_row_only(text: object):
    try:
        facts = decode(text, "x.txt")
    except CorruptRow:
        return
    assert facts.file == "x.txt"  # only a well-formed object decodes
