"""Building the store: read every article, merge, write a NEW database file in one transaction, swap it in.

`build_database` is synchronous and self-contained so it can run in a worker process (db.store does that) or
from the command line. The old database is never touched until the new one is complete and on disk: a build
that fails or is killed half way leaves the old store serving, and only a `<db>.building` file behind, which
the next build removes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import json
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from db.cache import CorruptRow, cacheable, decode, encode, extractor_fingerprint, read_cache
from db.merge import Knowledge, merge
from db.model import ReloadReport
from ingest.model import ArticleError, ArticleFacts
from ingest.reader import list_article_files

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux/macOS: no cross-process build lock
    fcntl = None  # type: ignore[assignment]

# 2: the extract_cache table (db/cache.py). A store of another version is rebuilt at start.
SCHEMA_VERSION = 2
SCHEMA_PATH = Path(__file__).with_name("schema.sql")
TABLES = ("articles", "people", "characters", "cast", "aliases", "events", "quotes")
# Files larger than this are identified by size and mtime in the data version instead of being hashed:
# the reader rejects them anyway, and hashing a 50 MB file at every start would be wasted time.
_HASH_LIMIT = 8_000_000
# Extraction moves to a process pool above this many files (a pool costs ~0.2 s to start).
_PARALLEL_FROM = 1500
_PROGRESS_EVERY = 0.05  # seconds between progress callbacks
_BUILD_CACHE_KIB = 65536  # page cache of the file being built: the whole 10 000-article store fits

Extract = Callable[[Path], ArticleFacts]


def default_extract(path: Path) -> ArticleFacts:
    from ingest.extract import extract_file  # imported late: the extractor is a sibling module

    return extract_file(path)


def sqlite_uri(path: Path, mode: str) -> str:
    """A URI that opens `path` read-only ("ro") or read-write without creating it ("rw")."""
    return f"{Path(path).resolve().as_uri()}?mode={mode}"


def building_path(db_path: Path) -> Path:
    return Path(f"{db_path}.building")


def _lock_path(db_path: Path) -> Path:
    return Path(f"{db_path}.lock")


# ---------------------------------------------------------------------------------------------- data version


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes; for a file that cannot be read, a marker that still changes when it does."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            # Never open a FIFO or device to hash it: opening a FIFO with no writer blocks forever.
            return f"special:{stat.S_IFMT(st.st_mode):o}"
        if st.st_size > _HASH_LIMIT:
            return f"large:{st.st_size}:{st.st_mtime_ns}"
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError as exc:
        return f"unreadable:{exc.errno}"


def version_of(digests: Iterable[tuple[str, str]]) -> str:
    """The data version: a hash of every article file's name and content."""
    h = hashlib.sha256()
    for name, digest in sorted(digests):
        h.update(f"{name}\0{digest}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()[:16]


def articles_version(articles_dir: Path) -> str | None:
    """The data version the articles on disk would build, without extracting; None if unlistable/empty."""
    try:
        files = list_article_files(articles_dir)
    except ArticleError:
        return None
    if not files:
        return None
    return version_of((p.name, file_digest(p)) for p in files)


# ---------------------------------------------------------------------------------------------- reading


# (file name, digest, facts or None, reason it was skipped or None, facts encoded for the cache or None)
Read = tuple[str, str, ArticleFacts | None, str | None, str | None]


def _read_one(path: Path, extract: Extract, encode_facts: bool = False) -> Read:
    """Digest and extract one file. Never raises."""
    name = path.name
    digest = file_digest(path)
    try:
        facts = extract(path)
    except ArticleError as exc:
        return name, digest, None, exc.reason, None
    except Exception as exc:  # a bug in extraction must cost one article, not the reload
        return name, digest, None, f"extraction failed ({type(exc).__name__}: {exc})", None
    facts = dataclasses.replace(facts, file=name)
    # Encoded here, in the pool, so a cold build encodes in parallel. A failed article is never cached:
    # it is read again (and reported again) on every reload.
    return name, digest, facts, None, encode(facts) if encode_facts and cacheable(digest) else None


def _read_star(args: tuple[Path, Extract, bool]) -> Read:
    return _read_one(*args)


def _read_all(
    files: list[Path],
    extract: Extract,
    workers: int | None,
    progress: Callable[[int], None],
    encode_facts: bool = False,
) -> Iterable[Read]:
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if len(files) >= _PARALLEL_FROM else 1
    if workers <= 1:
        for i, path in enumerate(files, 1):
            yield _read_one(path, extract, encode_facts)
            progress(i)
        return
    # Workers are forked from this process, whose collector build_database has paused: theirs runs.
    with ProcessPoolExecutor(max_workers=workers, initializer=gc.enable) as pool:
        chunk = max(8, min(64, len(files) // (workers * 8)))  # small enough for smooth progress
        jobs = [(p, extract, encode_facts) for p in files]
        for i, result in enumerate(pool.map(_read_star, jobs, chunksize=chunk), 1):
            yield result
            progress(i)


def _reuse(files: list[Path], cache: dict[str, str]) -> tuple[list[Read | None], list[int]]:
    """The articles whose content the cache holds, decoded; and the indexes of the files still to extract.

    A row that does not decode is treated as missing: that article is simply extracted again.
    """
    results: list[Read | None] = [None] * len(files)
    if not cache:  # a cold build: no need to hash every file twice
        return results, list(range(len(files)))
    missing: list[int] = []
    for i, path in enumerate(files):
        digest = file_digest(path)
        text = cache.get(digest) if cacheable(digest) else None
        if text is not None:
            try:
                results[i] = (path.name, digest, decode(text, path.name), None, text)
                continue
            except CorruptRow:
                pass
        missing.append(i)
    return results, missing


def read_old_cache(db_path: Path, fingerprint: str) -> dict[str, str]:
    """The extraction cache of the store at `db_path` for this extractor; empty if there is none."""
    return _read_store(db_path, lambda conn: read_cache(conn, fingerprint)) or {}


# ---------------------------------------------------------------------------------------------- writing


def write_database(
    path: Path,
    knowledge: Knowledge,
    digests: dict[str, str],
    data_version: str,
    cache_rows: Iterable[tuple[str, str, str]] = (),
) -> None:
    """Write `knowledge` to a new SQLite file at `path` in one transaction and fsync it.

    The file is private until it is swapped in, and is deleted if anything fails, so no rollback journal or
    synchronous writes are needed while it is built; one fsync at the end makes it durable.
    """
    tables, indexes = _schema_statements()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute(f"PRAGMA cache_size=-{_BUILD_CACHE_KIB}")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.executescript("BEGIN;\n" + "\n".join(tables))
        _insert_all(conn, knowledge, digests, data_version)
        conn.executemany(
            "INSERT OR IGNORE INTO extract_cache (digest, extractor, facts) VALUES (?, ?, ?)", cache_rows
        )
        # An index built over the finished table is one sort; kept up to date row by row it is a random
        # B-tree insert per row (the alias index alone was ~0.8 s of a 10 000-article build).
        for statement in indexes:
            conn.execute(statement)
        conn.execute("COMMIT")
        # The swapped-in file must be in rollback-journal mode: no -wal/-shm may travel with it.
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if mode.lower() != "delete":
            raise RuntimeError(f"built database is in journal mode {mode!r}, expected 'delete'")
    finally:
        conn.close()
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _schema_statements() -> tuple[list[str], list[str]]:
    """schema.sql split into (everything else, CREATE INDEX statements), each in file order.

    The indexes are created after the bulk insert; their SQL text (what sqlite_master keeps) is unchanged.
    """
    tables: list[str] = []
    indexes: list[str] = []
    pending = ""
    for line in SCHEMA_PATH.read_text(encoding="utf-8").splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            code = "\n".join(ln for ln in pending.splitlines() if not ln.lstrip().startswith("--")).strip()
            words = code.upper().split(None, 3)
            is_index = words[:2] == ["CREATE", "INDEX"] or words[:3] == ["CREATE", "UNIQUE", "INDEX"]
            (indexes if is_index else tables).append(pending)  # as written: sqlite_master keeps the text
            pending = ""
    if pending.strip():
        tables.append(pending)
    return tables, indexes


def _json_list(values: list, cache: dict[tuple, str]) -> str:
    """json.dumps of a short list; the same few lists (["actor"], [2]) recur tens of thousands of times."""
    key = (*values, *map(type, values))  # typed: [1] and [True] are equal tuples but not equal JSON
    text = cache.get(key)
    if text is None:
        text = cache[key] = json.dumps(values)
    return text


def _insert_all(conn: sqlite3.Connection, k: Knowledge, digests: dict[str, str], data_version: str) -> None:
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [
            ("schema_version", str(SCHEMA_VERSION)),
            ("data_version", data_version),
            ("built_at", datetime.now(UTC).isoformat(timespec="seconds")),
        ],
    )
    article_id = {a.file: i for i, a in enumerate(k.articles, 1)}
    conn.executemany(
        "INSERT INTO articles (id, file, title, date, source, sha256) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (i, a.file, a.title, a.date, a.source, digests.get(a.file, ""))
            for i, a in enumerate(k.articles, 1)
        ],
    )
    json_cache: dict[tuple, str] = {}
    person_id = {p.name: i for i, p in enumerate(k.people, 1)}
    conn.executemany(
        "INSERT INTO people (id, name, roles) VALUES (?, ?, ?)",
        [(i, p.name, _json_list(p.roles, json_cache)) for i, p in enumerate(k.people, 1)],
    )
    character_id = {c.name: i for i, c in enumerate(k.characters, 1)}
    conn.executemany(
        "INSERT INTO characters (id, name, description) VALUES (?, ?, ?)",
        [(i, c.name, c.description) for i, c in enumerate(k.characters, 1)],
    )
    conn.executemany(
        'INSERT INTO "cast" (id, character_id, person_id, is_returning, seasons) VALUES (?, ?, ?, ?, ?)',
        [
            (
                i,
                character_id[c.character],
                person_id[c.actor],
                int(c.returning),
                _json_list(c.seasons, json_cache),
            )
            for i, c in enumerate(k.cast, 1)
        ],
    )
    aliases = [(a, i, None) for i, p in enumerate(k.people, 1) for a in p.aliases]
    aliases += [(a, None, i) for i, c in enumerate(k.characters, 1) for a in c.aliases]
    conn.executemany("INSERT INTO aliases (alias, person_id, character_id) VALUES (?, ?, ?)", aliases)
    conn.executemany(
        "INSERT INTO events (id, what, kind, date, season) VALUES (?, ?, ?, ?, ?)",
        [(i, e.what, e.kind, e.date, e.season) for i, e in enumerate(k.events, 1)],
    )
    conn.executemany(
        "INSERT INTO quotes (id, speaker_id, text, norm, article_id) VALUES (?, ?, ?, ?, ?)",
        [
            (i, person_id[q.speaker], q.text, q.norm, article_id[q.sources[0]])
            for i, q in enumerate(k.quotes, 1)
        ],
    )
    conn.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')")

    # mentions is a WITHOUT ROWID table keyed (entity, entity_id, article_id): rows sent in key order
    # append to its B-tree instead of landing at random pages. Entities go in name order, ids ascend.
    groups: list[tuple[str, list]] = [
        ("cast", k.cast),
        ("character", k.characters),
        ("event", k.events),
        ("person", k.people),
        ("quote", k.quotes),
    ]
    assert [g[0] for g in groups] == sorted(g[0] for g in groups)
    mentions: list[tuple[str, int, int]] = []
    get_id = article_id.get
    for entity, items in groups:
        for i, item in enumerate(items, 1):
            sources = item.sources
            if len(sources) == 1:  # most facts: one article
                only = get_id(sources[0])
                if only is not None:
                    mentions.append((entity, i, only))
                continue
            ids = sorted({a for a in map(get_id, sources) if a is not None})
            mentions.extend([(entity, i, a) for a in ids])
    conn.executemany("INSERT INTO mentions (entity, entity_id, article_id) VALUES (?, ?, ?)", mentions)


# ---------------------------------------------------------------------------------------------- what changed

_KEY_QUERIES = {
    "articles": "SELECT file FROM articles",
    "people": "SELECT name FROM people",
    "characters": "SELECT name FROM characters",
    "cast": 'SELECT ch.name, p.name FROM "cast" c JOIN characters ch ON ch.id = c.character_id '
    "JOIN people p ON p.id = c.person_id",
    "aliases": "SELECT a.alias, coalesce(p.name, ''), coalesce(ch.name, '') FROM aliases a "
    "LEFT JOIN people p ON p.id = a.person_id LEFT JOIN characters ch ON ch.id = a.character_id",
    "events": "SELECT kind, date, coalesce(season, -1) FROM events",
    "quotes": "SELECT norm FROM quotes",
}


T = TypeVar("T")


def _read_store(path: Path, read: Callable[[sqlite3.Connection], T]) -> T | None:
    """`read(connection)` on the store file at `path`, read-only; None if missing or not a readable store."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
    except sqlite3.Error:
        return None
    try:
        return read(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def read_keys(path: Path) -> dict[str, set] | None:
    """The natural key of every row per table, or None if `path` is missing or not a readable store."""
    return _read_store(
        path, lambda conn: {table: set(conn.execute(sql).fetchall()) for table, sql in _KEY_QUERIES.items()}
    )


def read_data_version(path: Path) -> str | None:
    """meta.data_version of the store file at `path` as it is on disk now, or None if unreadable."""

    def version(conn: sqlite3.Connection) -> str | None:
        row = conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
        return row[0] if row else None

    return _read_store(path, version)


# ---------------------------------------------------------------------------------------------- build


def build_database(
    articles_dir: Path,
    db_path: Path,
    progress: Callable[[int, int], None] | None = None,
    *,
    extract: Extract | None = None,
    swap: bool = True,
    workers: int | None = None,
    fingerprint: str | None = None,
) -> ReloadReport:
    """Rebuild the store at `db_path` from the articles in `articles_dir`; never raises.

    With `swap=False` the finished file is left at `<db_path>.building` for the caller to swap in (the Store
    does, after closing its connection). `extract` and `workers` exist for tests and the benchmark.

    Articles whose content the old store's extraction cache holds for this extractor are not extracted
    again (db/cache.py). The extractor is identified by `fingerprint`: by default the hash of the ingest
    package's source; a custom `extract` without a fingerprint uses no cache at all.
    """
    if fingerprint is None and extract is None:
        fingerprint = extractor_fingerprint()
    started = time.perf_counter()
    articles_dir, db_path = Path(articles_dir), Path(db_path)
    report = ReloadReport(ok=False)
    building = building_path(db_path)
    lock = _acquire_lock(db_path)
    if lock is False:
        report.error = "another reload is already building this database"
        return report
    # The build allocates millions of small objects that all live until it ends: the cyclic collector
    # would scan them over and over for nothing (~1 s of a 10 000-article build). Nothing here makes
    # reference cycles that must be freed before the build returns.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        _remove(building)  # a stale one from a killed build
        try:
            _build_into(
                building,
                articles_dir,
                db_path,
                report,
                progress,
                extract or default_extract,
                workers,
                fingerprint,
            )
            if swap:
                swap_started = time.perf_counter()
                os.replace(building, db_path)
                _fsync_dir(db_path.parent)
                report.phases["swap"] = round(time.perf_counter() - swap_started, 3)
            report.ok = True
        except Exception as exc:
            report.ok = False
            report.error = report.error or f"{type(exc).__name__}: {exc}"
            _remove(building)
        except BaseException:
            _remove(building)
            raise
    finally:
        if gc_was_enabled:
            gc.enable()
        _release_lock(lock)
        report.seconds = round(time.perf_counter() - started, 3)
    return report


class _NothingToLoad(Exception):
    pass


def _build_into(
    building: Path,
    articles_dir: Path,
    db_path: Path,
    report: ReloadReport,
    progress: Callable[[int, int], None] | None,
    extract: Extract,
    workers: int | None,
    fingerprint: str | None,
) -> None:
    try:
        files = list_article_files(articles_dir)
    except ArticleError as exc:
        report.error = f"{exc.reason}: {articles_dir}"
        raise _NothingToLoad(report.error) from None
    if not files:
        report.error = f"no article files (*.txt, *.md) in {articles_dir}"
        raise _NothingToLoad(report.error)

    total = len(files)
    last_call = 0.0

    def tick(done: int) -> None:
        nonlocal last_call
        now = time.monotonic()
        if progress is not None and (done == total or now - last_call >= _PROGRESS_EVERY):
            last_call = now
            progress(done, total)

    phase_started = time.perf_counter()

    def phase(name: str) -> None:
        nonlocal phase_started
        now = time.perf_counter()
        report.phases[name] = round(now - phase_started, 3)
        phase_started = now

    cache = read_old_cache(db_path, fingerprint) if fingerprint else {}
    results, missing = _reuse(files, cache)
    del cache
    report.reused = len(files) - len(missing)
    if report.reused:
        tick(report.reused)
        phase("reuse")
    fresh = _read_all(
        [files[i] for i in missing],
        extract,
        workers,
        lambda done: tick(report.reused + done),
        encode_facts=fingerprint is not None,
    )
    for i, result in zip(missing, fresh, strict=True):
        results[i] = result

    facts: list[ArticleFacts] = []
    digests: dict[str, str] = {}
    cache_rows: dict[str, tuple[str, str, str]] = {}
    for name, digest, article, reason, encoded in filter(None, results):
        digests[name] = digest
        if article is None:
            report.skipped.append((name, reason or "unreadable"))
        else:
            facts.append(article)
            report.loaded.append(name)
            if fingerprint and encoded is not None:
                cache_rows[digest] = (digest, fingerprint, encoded)
    if not facts:
        report.error = f"no readable article in {articles_dir} ({len(report.skipped)} skipped)"
        raise _NothingToLoad(report.error)

    report.data_version = version_of(digests.items())
    phase("extract")
    knowledge = merge(facts)
    phase("merge")
    write_database(building, knowledge, digests, report.data_version, cache_rows.values())
    phase("write")
    new = read_keys(building)
    if new is None:
        raise RuntimeError("the database just built cannot be read back")
    old = read_keys(db_path) or {}
    for table in TABLES:
        report.counts[table] = len(new[table])
        report.added[table] = len(new[table] - old.get(table, set()))
        report.removed[table] = len(old.get(table, set()) - new[table])
    phase("compare")


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not supported everywhere; the file itself is already synced
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _acquire_lock(db_path: Path) -> int | bool | None:
    """An exclusive lock so two builds of one database never interleave; the kernel drops it if we die.

    Returns the locked fd, False if another build holds it, None if locking is unavailable.
    """
    if fcntl is None:
        return None
    try:
        fd = os.open(_lock_path(db_path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return None  # e.g. a read-only directory: the build itself will report the real problem
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return False
    return fd


def _release_lock(lock: int | bool | None) -> None:
    if isinstance(lock, int) and not isinstance(lock, bool):
        with contextlib.suppress(OSError):
            fcntl.flock(lock, fcntl.LOCK_UN)
        os.close(lock)


# ---------------------------------------------------------------------------------------------- report text


def format_report(report: ReloadReport) -> str:
    """Human-readable summary of a rebuild, shared by `bot.py reload` and the /reload command."""
    lines: list[str] = []
    if report.ok:
        lines.append(
            f"Reloaded {len(report.loaded)} article(s) in {report.seconds:.1f} s"
            f" (data version {report.data_version})."
        )
        if report.reused:
            lines.append(f"  {report.reused} unchanged since the last reload: not read again.")
        for table in TABLES:
            if table not in report.counts:
                continue
            added, removed = report.added.get(table, 0), report.removed.get(table, 0)
            change = f" (+{added} / -{removed})" if added or removed else ""
            lines.append(f"  {table}: {report.counts[table]}{change}")
    else:
        lines.append(f"Reload failed, the previous data is still served: {report.error or 'unknown error'}")
    if report.skipped:
        lines.append(f"Skipped {len(report.skipped)} file(s):")
        shown = report.skipped[:20]
        lines.extend(f"  {name}: {reason}" for name, reason in shown)
        if len(report.skipped) > len(shown):
            lines.append(f"  ... and {len(report.skipped) - len(shown)} more")
    return "\n".join(lines)
