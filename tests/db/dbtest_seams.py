"""Extract seams for store tests: articles written as JSON facts, read through the real article reader.

They live in a module (not a test file) so the store's worker process can import them by name.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
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


@dataclass(frozen=True)
class SlowJsonExtract:
    """json_extract that announces itself and then takes its time: lets a test kill a build half way.

    Its settings travel with it (pickled) rather than through the environment, which a reload worker
    forked from the store's fork server does not share once that server has started.
    """

    marker: str | None = None
    seconds: float = 0.2

    def __call__(self, path: Path) -> ArticleFacts:
        if self.marker:
            Path(self.marker).touch()
        time.sleep(self.seconds)
        return json_extract(path)


def slow_json_extract(path: Path) -> ArticleFacts:
    """SlowJsonExtract configured from the environment, for a build run as a command in a subprocess."""
    marker = os.environ.get("DBTEST_STARTED_MARKER")
    return SlowJsonExtract(marker, float(os.environ.get("DBTEST_SLOW_SECONDS", "0.2")))(path)


def exploding_extract(path: Path) -> ArticleFacts:
    """An extractor with a bug on one article: the build must skip it, not die."""
    if "boom" in path.name:
        raise RuntimeError("extractor bug")
    return json_extract(path)


def write_articles(directory: Path, articles: list[ArticleFacts]) -> list[Path]:
    """Write each article as a JSON test article named after its `file`."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for facts in articles:
        path = directory / facts.file
        path.write_text(facts_to_text(facts), encoding="utf-8")
        paths.append(path)
    return paths


def seed_like_articles() -> list[ArticleFacts]:
    """Facts shaped like the four seed articles (as the extractor should give them), for store tests."""
    return [
        ArticleFacts(
            file="000_season2.txt",
            title="Heartstopper season 2 release date",
            date="2023-06-22",
            cast=[
                CastPair("Joe Locke", "Charlie Spring"),
                CastPair("Kit Connor", "Nick Nelson"),
                CastPair("Yasmin Finney", "Elle Argent"),
                CastPair("William Gao", "Tao Xu"),
            ],
            people=[Person("Alice Oseman", "creator"), Person("Euros Lyn", "director")],
            events=[
                Event("Season 2 premiere", "2023-08-03", "premiere", 2),
                Event("Season 2 production start", "2022-09", "production_start", 2),
                Event("Season 2 production end", "2023-02", "production_end", 2),
                Event("Season 2 announcement", "2022-09-22", "announcement", 2),
            ],
            aliases={"Alice Oseman": ["Oseman"]},
        ),
        ArticleFacts(
            file="001_paris.txt",
            title="Heartstopper takes us to Paris",
            date=None,
            cast=[
                CastPair("Kit Connor", "Nick"),
                CastPair("Joe Locke", "Charlie"),
                CastPair("Jack Barton", "David", "Nick's older brother"),
                CastPair("Nima Taleghani", "Mr. Farouk", "a new teacher at Truham"),
                CastPair("Leila Khan", "Sahar Zahid", "a new student at Higgs"),
            ],
            events=[Event("Season 2 premiere", "2023-08", "premiere", 2)],
            quotes=[Quote("Joe Locke", "more mature")],
        ),
        ArticleFacts(
            file="002_kit.txt",
            title="Kit Connor hopes season 2 films soon",
            date="2022-05-20",
            cast=[CastPair("Kit Connor", "Nick Nelson")],
            people=[Person("Jane Garvey", "interviewer")],
            quotes=[
                Quote(
                    "Kit Connor",
                    "I don't have any sort of official dates. Hopefully in the next couple of months.",
                ),
                Quote("Kit Connor", "It's just people being happy."),
            ],
            aliases={"Kit Connor": ["Connor"]},
        ),
        ArticleFacts(
            file="003_alice.txt",
            title="Heartstopper creator reveals favourite scene",
            date="2023-02-20",
            cast=[CastPair("Joe Locke", "Charlie"), CastPair("Kit Connor", "Nick")],
            people=[Person("Alice Oseman", "creator")],
            events=[Event("BFI Future Film Festival", "2023-02-17", "festival", None)],
            quotes=[
                Quote("Alice Oseman", "It's the scene in Charlie's bedroom when Nick has run in the rain."),
                Quote("Alice Oseman", "Like, practically, yeah, rugby. So difficult."),
            ],
            aliases={"Alice Oseman": ["Oseman", "Osman"]},
        ),
    ]


@dataclass(frozen=True)
class NicenessRecordingExtract:
    """json_extract that writes the niceness of the process it runs in (the rebuild worker) to `path`."""

    path: str

    def __call__(self, path: Path) -> ArticleFacts:
        Path(self.path).write_text(str(os.nice(0)))
        return json_extract(path)
