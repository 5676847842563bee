"""What one article yields, before articles are merged into the store.

These types are the contract between the extractor (`ingest.extract`), the store builder (`db.build`)
and the `bot.py extract --json` command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ArticleError(Exception):
    """An article file that cannot be read: empty, binary, not UTF-8, too large, unreadable."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


@dataclass(frozen=True)
class CastPair:
    actor: str  # canonical full name, e.g. "Kit Connor"
    character: str  # fullest name the article gives, e.g. "Nick Nelson"
    description: str | None = None  # "Nick's older brother", "a new teacher at Truham"
    # Not in the JSON contract; read by db.merge. The article introduces the pair as new ("new faces",
    # "has been cast as", "joining the cast"), and the season it ties the role to, when it says.
    new: bool = False
    season: int | None = None


@dataclass(frozen=True)
class Person:
    """Someone who is not (only) cast: creator, writer, director, interviewer, critic..."""

    name: str
    role: str  # a short noun phrase: "creator", "director", "interviewer"


@dataclass(frozen=True)
class Event:
    what: str  # human readable: "Season 2 premiere"
    date: str  # "YYYY-MM-DD" or "YYYY-MM"
    kind: str  # "premiere" | "production_start" | "production_end" | "announcement" | "festival" | "other"
    season: int | None = None


@dataclass(frozen=True)
class Quote:
    speaker: str  # canonical full name
    text: str


@dataclass
class ArticleFacts:
    file: str
    title: str
    date: str | None  # "YYYY-MM-DD" from the metadata line, if any
    source: str | None = None
    cast: list[CastPair] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # canonical full name -> other spellings seen in this article ("Oseman", "Osman", "Alice")
    aliases: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> dict:
        """The per-article object of `bot.py extract --json` (a stable contract)."""
        return {
            "file": self.file,
            "title": self.title,
            "date": self.date,
            "cast": [
                {"actor": c.actor, "character": c.character, "description": c.description} for c in self.cast
            ],
            "events": [{"what": e.what, "date": e.date} for e in self.events],
            "quotes": [{"speaker": q.speaker, "text": q.text} for q in self.quotes],
        }
