"""The read side (db.store.Store) on real SQLite files, with real worker processes for rebuilds."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import sqlite3
import weakref
from pathlib import Path

import pytest
from dbtest_seams import (
    NicenessRecordingExtract,
    SlowJsonExtract,
    json_extract,
    seed_like_articles,
    write_articles,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.build import build_database, building_path
from db.model import QuoteRow
from db.store import Store, fts_query
from ingest.model import ArticleFacts, CastPair, Quote

NEW_ARTICLE = ArticleFacts(
    file="004_s3.txt",
    title="Season 3 adds a new face",
    date="2024-05-01",
    cast=[CastPair("Hayley Atwell", "Diane Nelson", "a new face: Nick's aunt")],
    quotes=[Quote("Hayley Atwell", "I am thrilled to join the rugby-loving cast.")],
)
HOSTILE = [
    '"',
    '""',
    "*",
    "NEAR(",
    "NEAR(rugby scene, 2)",
    "rugby AND",
    "AND",
    "OR NOT",
    "-rugby",
    "^rugby",
    "text:rugby",
    "rugby*",
    "(",
    ")",
    "'; DROP TABLE quotes; --",
    "%",
    "_",
    "\\",
    "\x00",
    "\u200b\u202e",
    "🏉🌧️",
    "ラグビー",
    "@everyone <@&123>",
    "a" * 10_000,
    "rugby " * 2_000,
    " ",
    "",
]


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    directory = tmp_path / "articles"
    write_articles(directory, seed_like_articles())
    return directory


@pytest.fixture
async def store(articles: Path, tmp_path: Path):
    # Built in-process first so open() finds a current store (saves a worker start per test);
    # test_open_builds_a_missing_store covers the build at open.
    assert build_database(articles, tmp_path / "store.db", extract=json_extract).ok
    s = await Store.open(tmp_path / "store.db", articles, extract=json_extract)
    yield s
    await s.close()


def inode(path: Path) -> int:
    return os.stat(path).st_ino


def leftovers(db: Path) -> list[Path]:
    """Files a build may leave beside the store: none after any reload, good or failed."""
    built = building_path(db)
    return [p for p in (built, Path(f"{built}-journal"), Path(f"{built}-wal")) if p.exists()]


def wal_files(db: Path) -> list[Path]:
    return [p for p in (Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists()]


async def wait_until(condition, seconds: float = 60) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not reached")


# ---------------------------------------------------------------------------------------------- open


async def test_open_builds_a_missing_store_and_serves_it(articles: Path, tmp_path: Path):
    store = await Store.open(tmp_path / "new" / "store.db", articles, extract=json_extract)
    await store.close()  # the snapshot stays readable; queries are covered below
    snap = store.snapshot
    assert store.path.exists() and snap.data_version and snap.built_at
    pairs = {(c.character, c.actor) for c in snap.cast}
    assert ("Nick Nelson", "Kit Connor") in pairs and ("Charlie Spring", "Joe Locke") in pairs
    nick = next(c for c in snap.cast if c.character == "Nick Nelson")
    assert snap.cast[0] == nick  # the most reported role first
    assert {"Nick", "Nelson"} <= set(nick.character_aliases) and "Connor" in nick.actor_aliases
    assert [m.date for m in nick.mentions] == ["2022-05-20", "2023-02-20", "2023-06-22", None]
    farouk = next(c for c in snap.cast if c.actor == "Nima Taleghani")
    assert farouk.returning is False and farouk.description == "a new teacher at Truham"
    assert {p.name for p in snap.people} == {"Alice Oseman", "Euros Lyn", "Jane Garvey"}
    assert [(e.kind, e.date) for e in snap.events] == [
        ("production_start", "2022-09"),  # a month sorts before the days in it
        ("announcement", "2022-09-22"),
        ("production_end", "2023-02"),
        ("festival", "2023-02-17"),
        ("premiere", "2023-08-03"),
    ]
    assert snap.speakers == ("Alice Oseman", "Joe Locke", "Kit Connor")
    assert snap.quote_count == 5 and len(snap.articles) == 4
    assert not building_path(store.path).exists()
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


async def test_open_reuses_a_current_store_without_rebuilding(store: Store, articles: Path):
    before = (inode(store.path), store.snapshot.built_at)
    await store.close()
    again = await Store.open(store.path, articles, extract=json_extract)
    try:
        assert (inode(again.path), again.snapshot.built_at) == before
    finally:
        await again.close()


async def test_open_rebuilds_when_the_articles_changed(store: Store, articles: Path):
    await store.close()
    write_articles(articles, [NEW_ARTICLE])
    again = await Store.open(store.path, articles, extract=json_extract)
    try:
        assert any(c.character == "Diane Nelson" for c in again.snapshot.cast)
    finally:
        await again.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "old_schema", "no_meta"])
async def test_open_rebuilds_a_damaged_or_outdated_store(store: Store, articles: Path, damage: str):
    await store.close()
    path = store.path
    if damage == "garbage":
        path.write_bytes(os.urandom(50_000))
    elif damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA user_version = 0" if damage == "old_schema" else "DROP TABLE meta")
        conn.commit()
        conn.close()
    again = await Store.open(path, articles, extract=json_extract)
    try:
        assert again.snapshot.quote_count == 5
        assert len(await again.find_quotes(about="rugby")) == 1
    finally:
        await again.close()


async def test_open_without_articles_or_store_serves_an_empty_snapshot(tmp_path: Path):
    s = await Store.open(tmp_path / "store.db", tmp_path / "no-such-dir", extract=json_extract)
    try:
        assert s.snapshot.cast == () and s.snapshot.quote_count == 0
        assert await s.find_quotes() == [] and await s.random_quote(about="x") is None
        assert not (tmp_path / "store.db").exists()  # nothing was created out of nothing
    finally:
        await s.close()


async def test_open_with_articles_gone_keeps_serving_the_old_store(
    store: Store, articles: Path, tmp_path: Path
):
    await store.close()
    again = await Store.open(store.path, tmp_path / "moved-away", extract=json_extract)
    try:
        assert again.snapshot.quote_count == 5
    finally:
        await again.close()


# ---------------------------------------------------------------------------------------------- queries


async def test_find_quotes_by_speaker_and_topic(store: Store):
    kit = await store.find_quotes(speaker="Kit Connor")
    assert {q.speaker for q in kit} == {"Kit Connor"} and len(kit) == 2
    assert all(isinstance(q, QuoteRow) and q.article.file == "002_kit.txt" for q in kit)
    assert kit[0].article.date == "2022-05-20"
    rain = await store.find_quotes(about="RAIN bedroom")
    assert [q.speaker for q in rain] == ["Alice Oseman"] and "bedroom" in rain[0].text
    assert await store.find_quotes(speaker="Kit Connor", about="rugby") == []
    assert await store.find_quotes(speaker="kit connor") == []  # canonical names only
    assert len(await store.find_quotes(about="rug")) == 1  # prefix match as fans type
    assert len(await store.find_quotes(limit=2)) == 2
    assert len(await store.find_quotes(limit=-5)) == 1
    assert len(await store.find_quotes(limit="lots")) == 5  # type: ignore[arg-type]


async def test_random_quote(store: Store):
    seen = {(await store.random_quote(speaker="Alice Oseman")).text for _ in range(30)}
    assert len(seen) == 2
    assert (await store.random_quote(about="rugby")).speaker == "Alice Oseman"
    assert await store.random_quote(speaker="Nobody") is None


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
async def test_hostile_text_never_raises(store: Store, text: str):
    found = await store.find_quotes(about=text)
    assert isinstance(found, list) and all(isinstance(q, QuoteRow) for q in found)
    assert (await store.random_quote(speaker=text, about=text)) is None or text.strip()
    assert await store.find_quotes(speaker=text) == []
    assert store.snapshot.quote_count == 5


async def test_fts_operators_are_searched_as_words(store: Store):
    assert [q.speaker for q in await store.find_quotes(about='"rugby" NEAR( *')] == []
    assert len(await store.find_quotes(about="rugby*!!")) == 1
    assert fts_query('NEAR( " * AND -x') == '"NEAR"* "AND"* "x"*'
    assert fts_query('" * ( )') is None


async def test_like_fallback_when_full_text_fails(store: Store, monkeypatch: pytest.MonkeyPatch):
    import db.store as store_module

    monkeypatch.setattr(store_module, "fts_query", lambda text: "NEAR(")  # invalid FTS5: must fall back
    found = await store.find_quotes(about="rugby")
    assert len(found) == 1 and "rugby" in found[0].text
    assert await store.find_quotes(about="100%_") == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), speaker=st.one_of(st.none(), st.text(max_size=40)))
async def test_arbitrary_text_never_raises(store: Store, text: str, speaker: str | None):
    assert isinstance(await store.find_quotes(speaker=speaker, about=text), list)
    await store.random_quote(speaker=speaker, about=text)


async def test_queries_answer_while_another_writer_holds_the_lock(store: Store):
    conn = sqlite3.connect(store.path, timeout=0.1)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO meta (key, value) VALUES ('intruder', 'x')")
        assert len(await store.find_quotes(about="rugby")) == 1
        assert len(await store.find_quotes()) == 5
    finally:
        conn.rollback()
        conn.close()


async def test_the_serving_connection_never_writes(store: Store):
    async with store._reading() as conn:
        with pytest.raises(sqlite3.OperationalError):
            await conn.execute("DELETE FROM quotes")


# ---------------------------------------------------------------------------------------------- rebuild


async def test_rebuild_swaps_in_new_data_and_reports_what_changed(store: Store, articles: Path):
    old_version = store.snapshot.data_version
    write_articles(articles, [NEW_ARTICLE])
    calls: list[tuple[int, int]] = []
    report = await store.rebuild(progress=lambda d, t: calls.append((d, t)))
    assert report.ok, report.error
    assert report.added["cast"] == 1 and report.added["articles"] == 1 and report.removed["cast"] == 0
    assert store.snapshot.data_version == report.data_version != old_version
    assert any(c.character == "Diane Nelson" and not c.returning for c in store.snapshot.cast)
    assert len(await store.find_quotes(about="rugby")) == 2
    assert calls[-1] == (5, 5)
    assert not store.reloading and leftovers(store.path) == []


async def test_a_replaced_snapshot_is_freed_without_the_collector(store: Store, articles: Path):
    # Snapshots are loaded with the collector paused and then frozen out of its reach (a full collection
    # over a 10 000-article snapshot stalled the event loop): that is only safe while a snapshot has no
    # reference cycles, so reference counting alone must free the old one when a reload replaces it.
    old = weakref.ref(store.snapshot)
    old_member = weakref.ref(store.snapshot.cast[0])
    write_articles(articles, [NEW_ARTICLE])
    gc.disable()
    try:
        assert (await store.rebuild()).ok
        assert old() is None and old_member() is None
    finally:
        gc.enable()
    assert gc.isenabled() and gc.get_freeze_count() > 0


async def test_progress_may_be_a_coroutine_function_and_may_fail(store: Store):
    calls: list[tuple[int, int]] = []

    async def show(done: int, total: int) -> None:
        await asyncio.sleep(0)
        calls.append((done, total))

    assert (await store.rebuild(progress=show)).ok
    assert calls[-1] == (4, 4)

    def broken(done: int, total: int) -> None:
        raise RuntimeError("message edit failed")

    assert (await store.rebuild(progress=broken)).ok


async def test_a_failed_rebuild_keeps_the_old_store_serving(store: Store, tmp_path: Path):
    before = store.snapshot
    empty = tmp_path / "empty"
    empty.mkdir()
    for directory in (empty, tmp_path / "missing"):
        report = await store.rebuild(directory)
        assert not report.ok and report.error
        assert store.snapshot is before
        assert len(await store.find_quotes()) == 5
    assert store.articles_dir != empty


async def test_a_second_rebuild_while_one_runs_is_refused(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    marker = tmp_path / "started"
    store._extract = SlowJsonExtract(str(marker), 0.05)
    first = asyncio.create_task(store.rebuild())
    await wait_until(lambda: store.reloading)
    second = await store.rebuild()
    assert second.ok is False and second.error == "a reload is already running"
    assert (await first).ok


async def test_kill_minus_9_of_the_reload_worker_keeps_the_old_store(
    store: Store, articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    before = store.snapshot
    marker = tmp_path / "started"
    store._extract = SlowJsonExtract(str(marker), 60)
    write_articles(articles, [NEW_ARTICLE])
    task = asyncio.create_task(store.rebuild())
    await wait_until(lambda: marker.exists() and store._worker is not None)
    os.kill(store._worker.pid, signal.SIGKILL)
    report = await task
    assert not report.ok and "stopped unexpectedly" in report.error
    assert store.snapshot is before and not store.reloading
    assert len(await store.find_quotes()) == 5
    assert leftovers(store.path) == []
    # And the next start (or reload) still works from the old file and picks up the new article.
    await store.close()
    again = await Store.open(store.path, articles, extract=json_extract)
    try:
        assert again.snapshot.quote_count == 6
    finally:
        await again.close()


async def test_a_reload_racing_many_queries_always_answers(store: Store, articles: Path):
    old_cast = len(store.snapshot.cast)
    write_articles(articles, [NEW_ARTICLE])
    done = asyncio.Event()
    answers: list[int] = []
    during_reload = 0

    async def client() -> None:
        nonlocal during_reload
        while not done.is_set():
            if store.reloading:
                during_reload += 1
            found = await store.find_quotes()
            answers.append(len(found))
            assert len(store.snapshot.cast) in (old_cast, old_cast + 1)
            await asyncio.sleep(0)

    async def reload() -> None:
        try:
            report = await store.rebuild()
            assert report.ok, report.error
        finally:
            done.set()

    await asyncio.gather(reload(), *(client() for _ in range(200)))
    assert set(answers) <= {5, 6} and 6 in answers
    assert during_reload > 0
    assert len(await store.find_quotes()) == 6


async def test_close_stops_answering_quietly(store: Store):
    await store.close()
    assert await store.find_quotes() == []
    assert (await store.rebuild()).ok is False


# ------------------------------------------------------------------------------------------ other processes


async def test_refresh_after_another_process_swapped_the_file(store: Store, articles: Path):
    assert await store.refresh_if_changed() is False
    old = store.snapshot.data_version
    assert await store.data_version_on_disk() == old
    write_articles(articles, [NEW_ARTICLE])
    # Another process (a shard, or `bot.py reload`) rebuilds and swaps the same file.
    report = await asyncio.to_thread(build_database, articles, store.path, extract=json_extract)
    assert report.ok
    assert await store.data_version_on_disk() == report.data_version != old
    # A fresh connection sees the new file intact although the old one's -wal/-shm are still beside it:
    # the serving connection is read-only, so its WAL never holds a frame to replay onto the new file.
    assert wal_files(store.path)
    fresh = sqlite3.connect(store.path)
    try:
        assert fresh.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert fresh.execute("SELECT count(*) FROM quotes").fetchone() == (6,)
    finally:
        fresh.close()
    assert store.snapshot.data_version == old  # not yet seen
    assert await store.refresh_if_changed() is True
    assert store.snapshot.data_version == report.data_version and store.snapshot.quote_count == 6
    assert len(await store.find_quotes(about="thrilled")) == 1
    assert await store.refresh_if_changed() is False


async def test_refresh_ignores_a_missing_or_unreadable_file(store: Store):
    store.path.rename(store.path.with_suffix(".moved"))
    assert await store.refresh_if_changed() is False
    store.path.write_bytes(b"not a database")
    assert await store.data_version_on_disk() == ""
    assert await store.refresh_if_changed() is False
    assert len(await store.find_quotes()) == 5  # still answering from the open connection


async def test_an_empty_store_picks_up_a_file_another_process_built(articles: Path, tmp_path: Path):
    db = tmp_path / "shared.db"
    s = await Store.open(db, tmp_path / "nothing-here", extract=json_extract)
    try:
        assert s.snapshot.quote_count == 0 and await s.refresh_if_changed() is False
        assert (await asyncio.to_thread(build_database, articles, db, extract=json_extract)).ok
        assert await s.refresh_if_changed() is True
        assert s.snapshot.quote_count == 5 and len(await s.find_quotes(about="rugby")) == 1
    finally:
        await s.close()


async def test_a_stalled_reload_is_stopped_and_the_old_store_keeps_serving(store: Store, articles: Path):
    """A worker stuck on one article (a hung file system) must not keep /reload "already running" forever."""
    before = store.snapshot
    store._extract = SlowJsonExtract(None, 60)
    store.stall_seconds = 0.5
    write_articles(articles, [NEW_ARTICLE])
    report = await store.rebuild()
    assert not report.ok and "stalled" in report.error and "not changed" in report.error
    assert store.snapshot is before and not store.reloading and store._worker is None
    assert len(await store.find_quotes()) == 5
    assert leftovers(store.path) == []
    # The next reload, with a working extractor, goes through.
    store._extract, store.stall_seconds = json_extract, 30
    assert (await store.rebuild()).ok
    assert store.snapshot.quote_count == 6


async def test_the_rebuild_runs_at_a_lower_priority_than_the_bot(store: Store, tmp_path: Path):
    """A big reload must not take the CPU from the process answering fans."""
    record = tmp_path / "niceness"
    store._extract = NicenessRecordingExtract(str(record))
    assert (await store.rebuild()).ok
    assert int(record.read_text()) >= os.nice(0) + 10 or int(record.read_text()) == 19
