"""Extract seams for store tests: articles written as JSON facts, read through the real article reader.

They live in a module (not a test file) so the store's worker process can import them by name.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from ingest.model import ArticleError, ArticleFacts, CastPair, Event, Person, Quote
from ingest.reader import read_article


def facts_to_text(facts: ArticleFacts) -> str:
    return json.dumps(
        {
            "title": facts.title,
            "date": facts.date,
            "source": facts.source,
            "cast": [[c.actor, c.character, c.description] for c in facts.cast],
            "people": [[p.name, p.role] for p in facts.people],
            "events": [[e.what, e.date, e.kind, e.season] for e in facts.events],
            "quotes": [[q.speaker, q.text] for q in facts.quotes],
            "aliases": facts.aliases,
        }
    )


def json_extract(path: Path) -> ArticleFacts:
    """Read `path` with the real reader (so bad files fail the real way) and parse its JSON facts."""
    text = read_article(path)
    try:
        d = json.loads(text)
    except ValueError:
        raise ArticleError(str(path), "not a JSON test article") from None
    return ArticleFacts(
        file=str(path),
        title=d["title"],
        date=d.get("date"),
        source=d.get("source"),
        cast=[CastPair(*c) for c in d.get("cast", [])],
        people=[Person(*p) for p in d.get("people", [])],
        events=[Event(e[0], e[1], e[2], e[3]) for e in d.get("events", [])],
        quotes=[Quote(*q) for q in d.get("quotes", [])],
        aliases=d.get("aliases", {}),
    )


def slow_json_extract(path: Path) -> ArticleFacts:
    """json_extract that announces itself and then takes its time: lets a test kill a build half way."""
    marker = os.environ.get("DBTEST_STARTED_MARKER")
    if marker:
        Path(marker).touch()
    time.sleep(float(os.environ.get("DBTEST_SLOW_SECONDS", "0.2")))
    return json_extract(path)


def exploding_extract(path: Path) -> ArticleFacts:
    """An extractor with a bug on one article: the build must skip it, not die."""
    if "boom" in path.name:
        raise RuntimeError("extractor bug")
    return json_extract(path)
