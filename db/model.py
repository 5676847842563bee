"""What the store serves: an in-memory snapshot of the small tables (cast, people, events, articles),
loaded once per build so lookups and autocomplete never wait on SQLite, plus quote rows read on demand.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mention:
    """An article that states a fact."""

    file: str
    title: str
    date: str | None


@dataclass(frozen=True)
class CastMember:
    character: str  # fullest name, "Nick Nelson"
    actor: str  # "Kit Connor"
    description: str | None  # "Nick's older brother"
    character_aliases: tuple[str, ...]  # "Nick", "Nelson"
    actor_aliases: tuple[str, ...]  # "Connor", "Kit"
    mentions: tuple[Mention, ...]  # oldest first; undated last
    seasons: tuple[int, ...] = ()  # seasons the articles tie the role to, when known
    returning: bool = True  # False when first introduced as a new face


@dataclass(frozen=True)
class PersonInfo:
    """Anyone named with a role who is not only cast: creator, director, interviewer..."""

    name: str
    roles: tuple[str, ...]
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class EventInfo:
    what: str  # "Season 2 premiere"
    kind: str  # "premiere", "production_start", ...
    date: str  # "YYYY-MM-DD" or "YYYY-MM"
    season: int | None
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class ArticleInfo:
    file: str
    title: str
    date: str | None
    source: str | None
    sha256: str


@dataclass(frozen=True)
class QuoteRow:
    id: int
    speaker: str
    text: str
    article: Mention


@dataclass(frozen=True)
class Snapshot:
    cast: tuple[CastMember, ...]
    people: tuple[PersonInfo, ...]
    events: tuple[EventInfo, ...]
    articles: tuple[ArticleInfo, ...]
    speakers: tuple[str, ...]  # everyone with at least one quote
    quote_count: int
    data_version: str  # content hash of the articles the store was built from
    built_at: str  # ISO timestamp


@dataclass
class ReloadReport:
    """What a rebuild did. `ok` is False when the old store was kept."""

    ok: bool
    loaded: list[str] = field(default_factory=list)  # files read
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    added: dict[str, int] = field(default_factory=dict)  # table -> rows added vs the old store
    removed: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # table -> rows now
    data_version: str = ""
    seconds: float = 0.0
    error: str | None = None  # why the old store was kept
    # Seconds per build phase ("extract", "merge", "write", "compare"), for the benchmark and logs.
    phases: dict[str, float] = field(default_factory=dict)
    # Articles whose facts came from the extraction cache instead of the extractor (db/cache.py).
    reused: int = 0
