"""The read side of the knowledge store, as the cogs use it.

Small tables (cast, people, events, articles) live in memory as an immutable `Snapshot`, replaced in one
assignment after each rebuild, so lookups and autocomplete never wait on SQLite. Quotes are read on demand
through one aiosqlite connection (WAL mode, read-only). Rebuilds run `build_database` in a separate process
so the event loop never stalls; the new file is swapped in only after the serving connection has closed,
because a `-wal` file left beside a swapped-in database would be replayed onto it.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import inspect
import json
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import aiosqlite

from db.build import (
    SCHEMA_VERSION,
    _acquire_lock,
    _fsync_dir,
    _release_lock,
    _remove,
    articles_version,
    build_database,
    building_path,
    read_data_version,
    sqlite_uri,
)
from db.model import (
    ArticleInfo,
    CastMember,
    EventInfo,
    Mention,
    PersonInfo,
    QuoteRow,
    ReloadReport,
    Snapshot,
)

log = logging.getLogger(__name__)

EMPTY_SNAPSHOT = Snapshot(
    cast=(), people=(), events=(), articles=(), speakers=(), quote_count=0, data_version="", built_at=""
)
MAX_LIMIT = 200
_MAX_TERMS = 12  # words of user text used in a full-text query
_MAX_TERM_LEN = 64
_MAX_LIKE_LEN = 200
_PROGRESS_INTERVAL = 0.1  # seconds: at most ~10 progress callbacks a second
# A reload whose worker sends nothing (no progress, no report) for this long is stopped. Generous: the last
# step (merging and writing 10 000 articles) sends nothing for ~5 s here.
RELOAD_STALL_SECONDS = 120.0
_REBUILD_NICENESS = 10
_TERM = re.compile(r"\w+")
_QUOTE_SELECT = (
    "SELECT q.id, p.name, q.text, a.file, a.title, a.date FROM quotes q "
    "JOIN people p ON p.id = q.speaker_id JOIN articles a ON a.id = q.article_id"
)


def fts_query(text: str) -> str | None:
    """User text as a safe FTS5 query: each word a quoted string with prefix match, all required.

    Quoting every token means FTS5 operators typed by users (`"`, `*`, `NEAR(`, `AND`, `-`, `^`, `:`) are
    plain words or dropped, never syntax. None when the text has no word to search for.
    """
    words = _TERM.findall(unicodedata.normalize("NFKC", text))[:_MAX_TERMS]
    if not words:
        return None
    return " ".join('"' + w[:_MAX_TERM_LEN].replace('"', '""') + '"*' for w in words)


def like_pattern(text: str) -> str:
    escaped = text.strip()[:_MAX_LIKE_LEN].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _file_id(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


def _check_store(path: Path, articles_dir: Path) -> str | None:
    """Why the store at `path` must be (re)built before serving, or None if it is usable as is."""
    if not path.is_file():
        return "no database yet"
    try:
        conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
    except sqlite3.Error as exc:
        return f"cannot open the database ({exc})"
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return "the database is damaged"
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return "the database has another schema version"
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error as exc:
        return f"the database is not readable ({exc})"
    finally:
        conn.close()
    if meta.get("schema_version") != str(SCHEMA_VERSION):
        return "the database has another schema version"
    on_disk = articles_version(articles_dir)
    if on_disk is not None and on_disk != meta.get("data_version"):
        return "the articles changed since the database was built"
    return None


@functools.cache
def _worker_context() -> multiprocessing.context.BaseContext:
    """Forkserver: fork is unsafe in a process running threads, and spawn re-imports everything per reload
    (~1.5 s); the fork server imports the builder once and forks a clean worker from it in milliseconds."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["db.build", "ingest.extract"])
    return ctx


def start_worker_server() -> None:
    """Start the rebuild's fork server now, not at the first reload (its start, importing the extractor,
    was ~1 s of the first /reload). Blocking: call it in a thread. Never raises."""
    try:
        _worker_context()
        multiprocessing.forkserver.ensure_running()
    except Exception as exc:  # the first reload will start it (or report why it cannot)
        log.warning("could not start the reload worker server early: %s", exc)


def _build_worker(articles_dir: Path, db_path: Path, pipe, extract) -> None:  # pragma: no cover - child
    """Entry point of the rebuild process: build next to the store, send progress and the report back."""
    # Background work: let the bot's own process (answering fans) win the CPU when both want it. Its pool
    # workers inherit this.
    with contextlib.suppress(OSError, AttributeError):
        os.nice(_REBUILD_NICENESS)

    def progress(done: int, total: int) -> None:
        pipe.send(("progress", done, total))

    report = build_database(articles_dir, db_path, progress, extract=extract, swap=False)
    pipe.send(("report", report))
    pipe.close()


class _Stalled(Exception):
    """The worker sent nothing for too long (a hung file system, a stuck read): it is stopped."""


def _receive(pipe, on_progress: Callable[[int, int], None], stall_seconds: float) -> ReloadReport | None:
    """Read the worker's messages until its report (None if it died first). Runs in a thread.

    Raises _Stalled when no message comes for `stall_seconds`: progress arrives many times a second while
    articles are read, so a silence that long means the worker is stuck, not slow.
    """
    try:
        while True:
            if not pipe.poll(stall_seconds):
                raise _Stalled
            message = pipe.recv()
            if message[0] == "progress":
                on_progress(message[1], message[2])
            elif message[0] == "report":
                return message[1]
    except (EOFError, OSError):
        return None
    finally:
        pipe.close()


class Store:
    """The knowledge store: an in-memory snapshot plus quote queries, rebuilt from articles on demand."""

    def __init__(
        self,
        path: Path,
        articles_dir: Path,
        *,
        extract: Callable | None = None,
        stall_seconds: float = RELOAD_STALL_SECONDS,
    ) -> None:
        self.path = Path(path)
        self.articles_dir = Path(articles_dir)
        self.stall_seconds = stall_seconds
        self.snapshot: Snapshot = EMPTY_SNAPSHOT
        self.reloading = False
        self._extract = extract  # a picklable extract function, for tests; None = the real extractor
        self._conn: aiosqlite.Connection | None = None
        self._file_id: tuple[int, int, int, int] | None = None
        self._active = 0  # queries in flight on the current connection
        self._idle = asyncio.Event()
        self._idle.set()
        self._gate = asyncio.Event()  # cleared while the connection is being swapped
        self._gate.set()
        self._swap_lock = asyncio.Lock()
        self._worker: multiprocessing.process.BaseProcess | None = None
        self._server_started: asyncio.Task[None] | None = None
        self._closed = False

    # ------------------------------------------------------------------------------------------ life cycle

    @classmethod
    async def open(cls, db_path: Path, articles_dir: Path, *, extract: Callable | None = None) -> Store:
        """Open the store, building it first when it is missing, damaged, outdated or stale; never raises."""
        store = cls(db_path, articles_dir, extract=extract)
        store._server_started = asyncio.create_task(asyncio.to_thread(start_worker_server))
        with contextlib.suppress(OSError):  # if it cannot be created, the build reports why
            store.path.parent.mkdir(parents=True, exist_ok=True)
        reason = await asyncio.to_thread(_check_store, store.path, store.articles_dir)
        if reason is not None:
            log.info("building the store at %s: %s", store.path, reason)
            report = await store.rebuild()
            if report.ok:
                return store
            log.warning("building the store failed: %s", report.error)
        await store._swap(None)
        if store._conn is None:
            log.error("no usable store at %s: serving an empty snapshot", store.path)
        return store

    async def close(self) -> None:
        self._closed = True
        if self._server_started is not None:
            await self._server_started  # a thread; it never raises
        worker = self._worker
        if worker is not None and worker.is_alive():
            worker.kill()
        async with self._swap_lock:
            self._gate.clear()
            await self._wait_idle()
            conn, self._conn = self._conn, None
            if conn is not None:
                with contextlib.suppress(Exception):
                    await conn.close()
            self._gate.set()

    async def _connect(self) -> tuple[aiosqlite.Connection, str]:
        """Open the serving connection; returns it with the data version of the file it opened."""
        conn = await aiosqlite.connect(sqlite_uri(self.path, "rw"), uri=True)
        try:
            await conn.execute("PRAGMA busy_timeout = 5000")
            await conn.execute("PRAGMA journal_mode = WAL")
            await conn.execute("PRAGMA query_only = 1")  # the serving side never changes data
            rows = await conn.execute_fetchall("SELECT value FROM meta WHERE key = 'data_version'")
        except BaseException:
            await conn.close()
            raise
        return conn, rows[0][0] if rows else ""

    async def _wait_idle(self) -> None:
        while self._active:
            self._idle.clear()
            await self._idle.wait()

    async def _swap(self, built: Path | None) -> str | None:
        """Serve `built` (moved over the store file) or, if None, the store file as it is now.

        The new snapshot is read first, in a thread, while the old connection keeps answering; then the
        gate closes only for close + replace + reopen (milliseconds): queries in flight finish on the old
        connection, queries arriving meanwhile wait and run on the new one. Returns an error, or None.
        On error the old snapshot stays, and the old connection too unless it was already closed.
        """
        try:
            snapshot = await asyncio.to_thread(read_snapshot, built or self.path)
        except Exception as exc:  # a damaged file: keep serving what we have
            log.error("cannot read the store at %s: %s", built or self.path, exc)
            return f"cannot read the database: {exc}"
        async with self._swap_lock:
            self._gate.clear()
            try:
                await self._wait_idle()
                old, self._conn = self._conn, None
                if old is not None:
                    with contextlib.suppress(Exception):
                        await old.close()
                error = None
                if built is not None:
                    try:
                        await asyncio.to_thread(self._replace, built)
                    except OSError as exc:
                        error = f"could not swap in the new database: {exc}"
                if self._closed:
                    return error or "the store is closed"
                try:
                    self._conn, version = await self._connect()
                    self._file_id = _file_id(self.path)
                except (sqlite3.Error, OSError, ValueError) as exc:
                    log.error("cannot open the store at %s: %s", self.path, exc)
                    return error or f"cannot open the new database: {exc}"
                if error is None:
                    if version != snapshot.data_version:  # swapped again by another process meanwhile
                        snapshot = await asyncio.to_thread(read_snapshot, self.path)
                    self.snapshot = snapshot
                return error
            finally:
                self._gate.set()

    def _replace(self, built: Path) -> None:
        lock = _acquire_lock(self.path)  # a command-line build of the same file must not interleave
        if lock is False:
            raise OSError("another reload is building this database")
        try:
            os.replace(built, self.path)
            _fsync_dir(self.path.parent)
        finally:
            _release_lock(lock)

    # ------------------------------------------------------------------------------------------ rebuild

    async def rebuild(
        self, articles_dir: Path | None = None, progress: Callable[[int, int], object] | None = None
    ) -> ReloadReport:
        """Rebuild from the articles in a worker process and swap the result in; never raises.

        On failure the old connection and snapshot keep serving. `progress(done, total)` (a function or a
        coroutine function) is called on the event loop, at most ~10 times a second, plus once at the end.
        """
        if self.reloading:
            return ReloadReport(ok=False, error="a reload is already running")
        if self._closed:
            return ReloadReport(ok=False, error="the store is closed")
        self.reloading = True
        directory = Path(articles_dir) if articles_dir is not None else self.articles_dir
        try:
            report = await self._build_in_worker(directory, progress)
            if report.ok:
                error = await self._swap(building_path(self.path))
                if error:
                    report.ok, report.error = False, error
                else:
                    self.articles_dir = directory
            return report
        except Exception as exc:  # never let a reload take the bot down
            log.exception("reload failed")
            return ReloadReport(ok=False, error=f"{type(exc).__name__}: {exc}")
        finally:
            await asyncio.to_thread(_remove_if_left, self.path)
            self.reloading = False

    async def _build_in_worker(
        self, directory: Path, progress: Callable[[int, int], object] | None
    ) -> ReloadReport:
        loop = asyncio.get_running_loop()
        latest: list[tuple[int, int] | None] = [None]
        delivered: list[tuple[int, int] | None] = [None]
        arrived = asyncio.Event()

        def on_progress(done: int, total: int) -> None:  # in the reader thread
            def store() -> None:
                latest[0] = (done, total)
                arrived.set()

            loop.call_soon_threadsafe(store)

        async def deliver() -> None:
            while True:
                await arrived.wait()
                arrived.clear()
                value = latest[0]
                if value is not None and value != delivered[0]:
                    delivered[0] = value
                    await _call_progress(progress, *value)
                await asyncio.sleep(_PROGRESS_INTERVAL)

        ctx = _worker_context()
        receiver, sender = ctx.Pipe(duplex=False)
        worker = ctx.Process(
            target=_build_worker,
            args=(directory, self.path, sender, self._extract),
            name="store-rebuild",
        )
        deliverer = asyncio.create_task(deliver()) if progress is not None else None
        try:
            await asyncio.to_thread(worker.start)
            self._worker = worker
            sender.close()
            try:
                report = await asyncio.to_thread(_receive, receiver, on_progress, self.stall_seconds)
            except _Stalled:
                worker.kill()
                await asyncio.to_thread(worker.join, 5)
                log.error("the reload worker sent nothing for %s s; stopped it", self.stall_seconds)
                return ReloadReport(
                    ok=False,
                    error=f"the reload stalled (nothing happened for {self.stall_seconds:g} s; is the "
                    "articles folder on a hung file system?) and was stopped; the store was not changed",
                )
            await asyncio.to_thread(worker.join)
        finally:
            self._worker = None
            if worker.is_alive():
                worker.kill()
            if deliverer is not None:
                deliverer.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await deliverer
        if progress is not None:
            await asyncio.sleep(0)  # let the last call_soon_threadsafe land
            if latest[0] is not None and latest[0] != delivered[0]:
                await _call_progress(progress, *latest[0])
        if report is None:
            return ReloadReport(
                ok=False, error=f"the reload process stopped unexpectedly (exit code {worker.exitcode})"
            )
        return report

    # ------------------------------------------------------------------------------------------ queries

    @contextlib.asynccontextmanager
    async def _reading(self) -> AsyncIterator[aiosqlite.Connection | None]:
        while not self._gate.is_set():
            await self._gate.wait()
        conn = self._conn
        self._active += 1
        try:
            yield conn
        finally:
            self._active -= 1
            if self._active == 0:
                self._idle.set()

    async def find_quotes(
        self, speaker: str | None = None, about: str | None = None, limit: int = 50
    ) -> list[QuoteRow]:
        """Quotes by `speaker` (canonical name, exact) about free user text, best first. Never raises."""
        try:
            limit = max(1, min(int(limit), MAX_LIMIT))
        except (TypeError, ValueError):
            limit = 50
        return await self._quotes(speaker, about, limit, randomly=False)

    async def random_quote(self, speaker: str | None = None, about: str | None = None) -> QuoteRow | None:
        rows = await self._quotes(speaker, about, 1, randomly=True)
        return rows[0] if rows else None

    async def _quotes(
        self, speaker: str | None, about: str | None, limit: int, randomly: bool
    ) -> list[QuoteRow]:
        try:
            async with self._reading() as conn:
                if conn is None:
                    return []
                about = (about or "").strip()
                match = fts_query(about) if about else None
                if match is not None:
                    try:
                        return await self._select(conn, speaker, "fts", match, limit, randomly)
                    except sqlite3.OperationalError as exc:
                        log.warning("full-text query %r failed (%s); falling back to LIKE", match, exc)
                if about:
                    return await self._select(conn, speaker, "like", like_pattern(about), limit, randomly)
                return await self._select(conn, speaker, None, None, limit, randomly)
        except Exception:  # user text must never turn into an error for the caller
            log.exception("quote query failed (speaker=%r, about=%r)", speaker, (about or "")[:100])
            return []

    @staticmethod
    async def _select(
        conn: aiosqlite.Connection,
        speaker: str | None,
        how: str | None,
        term: str | None,
        limit: int,
        randomly: bool,
    ) -> list[QuoteRow]:
        where: list[str] = []
        params: list[object] = []
        sql = _QUOTE_SELECT
        order = "q.id"
        if how == "fts":
            sql += " JOIN quotes_fts f ON f.rowid = q.id"
            where.append("quotes_fts MATCH ?")
            params.append(term)
            order = "f.rank, q.id"
        elif how == "like":
            where.append("q.text LIKE ? ESCAPE '\\'")
            params.append(term)
        if speaker is not None:
            where.append("p.name = ?")
            params.append(speaker)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {'random()' if randomly else order} LIMIT ?"
        params.append(limit)
        rows = await conn.execute_fetchall(sql, params)
        return [QuoteRow(id=r[0], speaker=r[1], text=r[2], article=Mention(r[3], r[4], r[5])) for r in rows]

    # -------------------------------------------------------------------------------------- other processes

    async def data_version_on_disk(self) -> str:
        """meta.data_version of the store file as it is on disk now ("" if unreadable)."""
        return await asyncio.to_thread(read_data_version, self.path) or ""

    async def refresh_if_changed(self) -> bool:
        """Reopen if another process swapped a new store file in; True if it did."""
        if self.reloading or self._closed:
            return False
        now = await asyncio.to_thread(_file_id, self.path)
        if now is None or now == self._file_id:
            return False
        version = await self.data_version_on_disk()
        if not version:
            return False  # being replaced or damaged: keep serving what we have
        same_file = self._file_id is not None and now[:2] == self._file_id[:2]
        if same_file and self._conn is not None and version == self.snapshot.data_version:
            self._file_id = now  # same file, touched (e.g. a checkpoint): nothing to reload
            return False
        error = await self._swap(None)
        return error is None


def _remove_if_left(db_path: Path) -> None:
    """A build that died leaves its half-written file behind (a finished one was moved away already).

    Only when no build holds the lock: a command-line build may be writing the same `.building` path now.
    """
    built = building_path(db_path)
    if not built.exists():
        return
    lock = _acquire_lock(db_path)
    if lock is False:
        return
    try:
        _remove(built)
    finally:
        _release_lock(lock)


async def _call_progress(progress: Callable[[int, int], object] | None, done: int, total: int) -> None:
    if progress is None:
        return
    try:
        result = progress(done, total)
        if inspect.isawaitable(result):
            await result
    except Exception:  # a progress display that fails must not fail the reload
        log.exception("progress callback failed")


# ---------------------------------------------------------------------------------------------- snapshot


def read_snapshot(path: Path) -> Snapshot:
    """Read the small tables of the store file at `path` into a Snapshot (blocking: use a thread).

    The collector is paused while the snapshot is built, and the result is frozen out of its reach
    (`gc.freeze`). Building millions of long-lived objects otherwise sets off a full collection each time
    the heap grows by a quarter (11 of them while a 10 000-article snapshot loaded, each walking the whole
    heap with the GIL held: 135-340 ms during which the event loop could not answer a command). The snapshot
    is immutable and acyclic, so reference counting alone frees it when the next one replaces it.
    """
    conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
    try:
        conn.execute("BEGIN")  # one consistent read
        with _collector_paused():
            snapshot = load_snapshot(conn)
            gc.freeze()
        return snapshot
    finally:
        conn.close()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_snapshot(conn: sqlite3.Connection) -> Snapshot:
    """Read the small tables into an immutable Snapshot."""
    meta = dict(_all(conn, "SELECT key, value FROM meta"))
    articles: dict[int, ArticleInfo] = {}
    mention_of: dict[int, Mention] = {}
    for aid, file, title, date, source, sha in _all(
        conn, "SELECT id, file, title, date, source, sha256 FROM articles"
    ):
        articles[aid] = ArticleInfo(file, title, date, source, sha)
        mention_of[aid] = Mention(file, title, date)

    mentions: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for entity, eid, aid in _all(conn, "SELECT entity, entity_id, article_id FROM mentions"):
        mentions[(entity, eid)].append(mention_of[aid])

    def mentioned(entity: str, eid: int) -> tuple[Mention, ...]:
        found = mentions.get((entity, eid), [])
        return tuple(sorted(found, key=lambda m: (m.date is None, m.date or "", m.file)))

    aliases: dict[tuple[str, int], list[str]] = defaultdict(list)
    for alias, pid, cid in _all(conn, "SELECT alias, person_id, character_id FROM aliases ORDER BY id"):
        aliases[("person", pid) if pid is not None else ("character", cid)].append(alias)

    people_rows = _all(conn, "SELECT id, name, roles FROM people ORDER BY id")
    person_name = {pid: name for pid, name, _ in people_rows}
    people = []
    for pid, name, roles_json in people_rows:
        roles = tuple(json.loads(roles_json))
        if roles == ("actor",):
            continue  # cast-only people are served through `cast`
        people.append(PersonInfo(name, roles, tuple(aliases[("person", pid)]), mentioned("person", pid)))

    characters = {
        cid: (name, description)
        for cid, name, description in _all(conn, "SELECT id, name, description FROM characters")
    }
    cast = []
    for cast_id, cid, pid, returning, seasons in _all(
        conn, 'SELECT id, character_id, person_id, is_returning, seasons FROM "cast" ORDER BY id'
    ):
        name, description = characters[cid]
        cast.append(
            CastMember(
                character=name,
                actor=person_name[pid],
                description=description,
                character_aliases=tuple(aliases[("character", cid)]),
                actor_aliases=tuple(aliases[("person", pid)]),
                mentions=mentioned("cast", cast_id),
                seasons=tuple(json.loads(seasons)),
                returning=bool(returning),
            )
        )
    # The most reported roles first: the leads before a one-off mention.
    cast.sort(key=lambda c: (-len(c.mentions), c.character.casefold()))

    events = [
        EventInfo(what, kind, date, season, mentioned("event", eid))
        for eid, what, kind, date, season in _all(
            conn, "SELECT id, what, kind, date, season FROM events ORDER BY date, id"
        )
    ]
    speakers = tuple(
        r[0]
        for r in _all(
            conn, "SELECT DISTINCT p.name FROM quotes q JOIN people p ON p.id = q.speaker_id ORDER BY p.name"
        )
    )
    quote_count = (_all(conn, "SELECT count(*) FROM quotes"))[0][0]
    return Snapshot(
        cast=tuple(cast),
        people=tuple(people),
        events=tuple(events),
        articles=tuple(sorted(articles.values(), key=lambda a: (a.date is None, a.date or "", a.file))),
        speakers=speakers,
        quote_count=quote_count,
        data_version=meta.get("data_version", ""),
        built_at=meta.get("built_at", ""),
    )


def _all(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    return conn.execute(sql).fetchall()
