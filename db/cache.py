"""The extraction cache: what the extractor found in one article, keyed by the file's content.

A reload re-extracts only articles that are new or changed. Each row of the store's `extract_cache`
table holds one article's facts (JSON) under the sha256 of the file's bytes and a fingerprint of the
extractor's source, so an edited article or an edited extractor is read again. The table lives inside
the store: every build reads the old store's rows (read-only) and writes the ones still in use into the
new store, so there is no extra file to manage, and a deleted store means a cold build.

A cached row never names the file: the same content under a new name comes out with its new name.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from ingest.model import ArticleFacts, CastPair, Event, Person, Quote

# Part of the fingerprint: changing how facts are encoded here invalidates every cached row too.
CACHE_FORMAT = 1
INGEST_DIR = Path(__file__).resolve().parent.parent / "ingest"
_SHA256 = re.compile(r"[0-9a-f]{64}")


@functools.cache
def extractor_fingerprint() -> str:
    """A hash of the ingest package's source (every .py file, by relative path), computed once per process."""
    h = hashlib.sha256(f"cache-format {CACHE_FORMAT}\n".encode())
    for path in sorted(INGEST_DIR.rglob("*.py")):
        h.update(path.relative_to(INGEST_DIR).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()[:32]


def cacheable(digest: str) -> bool:
    """Only a real content hash is a key: 'large:...', 'unreadable:...' markers say nothing of the content."""

    return _SHA256.fullmatch(digest) is not None


def encode(facts: ArticleFacts) -> str:
    return json.dumps(
        {
            "title": facts.title,
            "date": facts.date,
            "source": facts.source,
            "cast": [[c.actor, c.character, c.description, c.new, c.season] for c in facts.cast],
            "people": [[p.name, p.role] for p in facts.people],
            "events": [[e.what, e.date, e.kind, e.season] for e in facts.events],
            "quotes": [[q.speaker, q.text] for q in facts.quotes],
            "aliases": facts.aliases,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


class CorruptRow(ValueError):
    """A cached row that does not decode to well-formed facts: the article is extracted again."""


def _is_str(v: object) -> bool:
    return isinstance(v, str)


def _is_opt_str(v: object) -> bool:
    return v is None or isinstance(v, str)


def _is_opt_int(v: object) -> bool:
    return v is None or (isinstance(v, int) and not isinstance(v, bool))


def _is_bool(v: object) -> bool:
    return isinstance(v, bool)


def _rows(value: object, *checks: Callable[[object], bool]) -> list[list]:
    if not isinstance(value, list):
        raise CorruptRow("not a list")
    for row in value:
        if not (
            isinstance(row, list)
            and len(row) == len(checks)
            and all(c(v) for c, v in zip(checks, row, strict=True))
        ):
            raise CorruptRow(f"malformed entry {row!r:.80}")
    return value


def decode(text: object, file: str) -> ArticleFacts:
    """The facts a row holds, named `file`; raises CorruptRow for anything that is not exactly what
    `encode` writes (a damaged or hand-edited row must cost one re-extraction, never a reload)."""
    try:
        data = json.loads(text)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise CorruptRow(str(exc)) from None
    if not isinstance(data, dict):
        raise CorruptRow("not an object")
    try:
        title, date, source, aliases = data["title"], data["date"], data["source"], data["aliases"]
        cast = _rows(data["cast"], _is_str, _is_str, _is_opt_str, _is_bool, _is_opt_int)
        people = _rows(data["people"], _is_str, _is_str)
        events = _rows(data["events"], _is_str, _is_str, _is_str, _is_opt_int)
        quotes = _rows(data["quotes"], _is_str, _is_str)
    except KeyError as exc:
        raise CorruptRow(f"missing {exc}") from None
    if not (_is_str(title) and _is_opt_str(date) and _is_opt_str(source) and isinstance(aliases, dict)):
        raise CorruptRow("malformed article fields")
    if not all(_is_str(k) and isinstance(v, list) and all(map(_is_str, v)) for k, v in aliases.items()):
        raise CorruptRow("malformed aliases")
    return ArticleFacts(
        file=file,
        title=title,
        date=date,
        source=source,
        cast=[CastPair(*row) for row in cast],
        people=[Person(*row) for row in people],
        events=[Event(*row) for row in events],
        quotes=[Quote(*row) for row in quotes],
        aliases=aliases,
    )


def read_cache(conn: sqlite3.Connection, fingerprint: str) -> dict[str, str]:
    """digest -> encoded facts, for the rows this extractor wrote (sqlite3.Error if there is no table)."""
    rows = conn.execute("SELECT digest, facts FROM extract_cache WHERE extractor = ?", (fingerprint,))
    return {digest: facts for digest, facts in rows if isinstance(digest, str)}


# Computed at import, next to the extractor's own import (the rebuild's fork server preloads both), so the
# fingerprint describes the code that runs in the workers even if the source is edited while the bot runs.
extractor_fingerprint()
