"""Merging the facts of many articles into one body of knowledge.

Pure functions, no I/O: `merge(facts)` takes what the extractor found per article and returns a `Knowledge`
where each person, character, cast pair, event and quote appears once, with the articles that state it.
The rules are general (name tokens, date precision, normalised text), never special cases of the seeds.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.model import ArticleFacts, CastPair

# Honorifics are not part of what identifies a name: "Mr. Farouk" and "Farouk" are the same character.
TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady", "lord"}
)
# Surname particles: the surname of "Thibault de Montalembert" is "de Montalembert".
PARTICLES = frozenset(
    {"de", "du", "da", "das", "dos", "del", "della", "di", "van", "von", "der", "den", "le", "la"}
)

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_NEW = re.compile(r"\bnew(?:comer)?s?\b", re.IGNORECASE)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_SEASON = re.compile(
    r"\bseason\s+(\d{1,2})\b|\b(first|second|third|fourth|fifth|sixth)\s+season\b", re.IGNORECASE
)


@dataclass
class ArticleRef:
    file: str
    title: str
    date: str | None
    source: str | None


@dataclass
class MergedPerson:
    name: str
    roles: list[str] = field(default_factory=list)  # "actor" for cast members, then roles as written
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # article files, oldest first, undated last


@dataclass
class MergedCharacter:
    name: str
    description: str | None = None
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass
class MergedCast:
    character: str
    actor: str
    returning: bool = True
    seasons: list[int] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass
class MergedEvent:
    what: str
    kind: str
    date: str
    season: int | None
    sources: list[str] = field(default_factory=list)


@dataclass
class MergedQuote:
    speaker: str
    text: str
    norm: str  # the dedupe key, see normalise_quote
    sources: list[str] = field(default_factory=list)  # sources[0] is the article the quote is shown with


@dataclass
class Knowledge:
    articles: list[ArticleRef] = field(default_factory=list)
    people: list[MergedPerson] = field(default_factory=list)
    characters: list[MergedCharacter] = field(default_factory=list)
    cast: list[MergedCast] = field(default_factory=list)
    events: list[MergedEvent] = field(default_factory=list)
    quotes: list[MergedQuote] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- names


@lru_cache(maxsize=65536)  # the same few names recur in thousands of articles
def clean_name(name: str) -> str:
    return " ".join(name.split())


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Lower-cased words of a name without honorifics: "Mr. Farouk" -> ("farouk",)."""
    words = [w.casefold() for w in _WORD.findall(name)]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return tuple(words)


def derived_aliases(name: str) -> list[str]:
    """Short forms fans type: first name, surname (with its particle), the name without a title."""
    words = _WORD.findall(name)
    if words and words[0].casefold() in TITLES and len(words) > 1:
        bare = words[1:]
        out = [" ".join(bare), f"{words[0]} {' '.join(bare)}"]  # "Farouk", "Mr Farouk"
        return [a for a in out if a != name]
    if len(words) < 2:
        return []
    out = [words[0], words[-1]]
    if len(words) >= 3 and words[-2].casefold() in PARTICLES:
        out.append(f"{words[-2]} {words[-1]}")
    return [a for a in out if a != name]


def _fuller(a: str, b: str) -> str:
    """The more complete of two spellings of one name: more words, then a title kept, then longer."""
    return max((a, b), key=lambda n: (len(name_tokens(n)), len(_WORD.findall(n)), len(n)))


def _add_one(items: list, item: object) -> None:
    """_add_unique of a single item, without building a set: the hot case (a role, a season, a name)."""
    if isinstance(item, str):
        key = item.casefold()
        if all(not isinstance(x, str) or x.casefold() != key for x in items):
            items.append(item)
    elif all(x != item or isinstance(x, str) for x in items):
        items.append(item)


def _add_unique(items: list, new: Iterable) -> None:
    seen = {x.casefold() if isinstance(x, str) else x for x in items}
    for item in new:
        key = item.casefold() if isinstance(item, str) else item
        if key not in seen:
            seen.add(key)
            items.append(item)


class _PersonResolver:
    """Maps every spelling of a person seen in any article to one canonical full name.

    Per article the extractor already gives canonical names, but an article that only ever says "Oseman"
    (or misspells her) yields that spelling; across articles it resolves to the full name when that is
    unambiguous: an alias some article lists for exactly one full name, or the first/surname of exactly one.
    """

    def __init__(self, facts: list[ArticleFacts]) -> None:
        spellings: Counter[str] = Counter()
        self.alias_keys: set[str] = set()
        alias_of: dict[str, set[str]] = defaultdict(set)
        for art in facts:
            for name in _person_names(art):
                spellings[clean_name(name)] += 1
            for canonical, aliases in art.aliases.items():
                canonical = clean_name(canonical)
                if not canonical:
                    continue
                self.alias_keys.add(canonical.casefold())
                spellings[canonical] += 1
                for alias in aliases:
                    alias = clean_name(alias)
                    if alias and alias.casefold() != canonical.casefold():
                        alias_of[alias.casefold()].add(canonical)
        # One spelling per case-insensitive name: the most common one.
        self.spelling: dict[str, str] = {}
        for name, _ in spellings.most_common():
            self.spelling.setdefault(name.casefold(), name)
        self.alias_of = {k: {self.spelling[c.casefold()] for c in v} for k, v in alias_of.items()}
        full = [n for n in self.spelling.values() if len(name_tokens(n)) >= 2]
        self.by_word: dict[str, set[str]] = defaultdict(set)
        for name in full:
            toks = name_tokens(name)
            self.by_word[toks[0]].add(name)
            self.by_word[toks[-1]].add(name)
        self._cache: dict[str, str] = {}
        self._raw: dict[str, str] = {}  # name as given -> result: most calls repeat a name seen before

    def __call__(self, name: str) -> str:
        hit = self._raw.get(name)
        if hit is not None:
            return hit
        raw = name
        name = clean_name(name)
        if name in self._cache:
            self._raw[raw] = self._cache[name]
            return self._cache[name]
        key = name.casefold()
        result = self.spelling.get(key, name)
        if key not in self.alias_keys:
            owners = self.alias_of.get(key, set())
            toks = name_tokens(name)
            if len(owners) == 1:
                result = next(iter(owners))
            elif not owners and len(toks) == 1 and len(self.by_word.get(toks[0], ())) == 1:
                result = next(iter(self.by_word[toks[0]]))
        self._cache[name] = self._raw[raw] = result
        return result


def _person_names(art: ArticleFacts) -> Iterable[str]:
    for pair in art.cast:
        yield pair.actor
    for person in art.people:
        yield person.name
    for quote in art.quotes:
        yield quote.speaker


# ---------------------------------------------------------------------------------------------- dates, text


def date_precision(date: str) -> int:
    return 3 if len(date) == 10 else 2


def dates_compatible(a: str, b: str) -> bool:
    """The same date at different precision: "2023-08" and "2023-08-03"."""
    return a.startswith(b) or b.startswith(a)


def normalise_quote(text: str) -> str:
    """The dedupe key of a quotation: case, quote marks, punctuation and spacing do not matter."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text.replace("’", "'")))


def is_new_face(description: str | None) -> bool:
    return bool(description and _NEW.search(description))


def seasons_in(description: str | None) -> list[int]:
    if not description:
        return []
    out = []
    for digits, word in _SEASON.findall(description):
        out.append(int(digits) if digits else _ORDINALS[word.casefold()])
    return sorted(set(out))


def _most_informative(descriptions: list[str]) -> str | None:
    """The description with the most words; among equals, the one most articles use, then the first."""
    if not descriptions:
        return None
    counts = Counter(descriptions)
    order = {d: i for i, d in reversed(list(enumerate(descriptions)))}
    return max(counts, key=lambda d: (len(_WORD.findall(d)), counts[d], -order[d]))


# ---------------------------------------------------------------------------------------------- merge


def merge(facts: list[ArticleFacts]) -> Knowledge:
    """Merge per-article facts into one Knowledge. Articles with the same file name count once."""
    seen_files: set[str] = set()
    unique: list[ArticleFacts] = []
    for art in facts:
        if art.file not in seen_files:
            seen_files.add(art.file)
            unique.append(art)
    facts = unique

    dates = {art.file: art.date for art in facts}
    resolve = _PersonResolver(facts)
    knowledge = Knowledge(
        articles=[ArticleRef(a.file, clean_name(a.title or "") or a.file, a.date, a.source) for a in facts]
    )

    people = _merge_people(facts, resolve)
    characters, cast = _merge_cast(facts, resolve, people)
    knowledge.events = _merge_events(facts)
    knowledge.quotes = _merge_quotes(facts, resolve, people)
    knowledge.people = list(people.values())
    knowledge.characters = list(characters.values())
    knowledge.cast = list(cast.values())

    # Sources are collected with repeats (cheap at 10 000 articles); here they become unique, oldest
    # first, undated last, first-seen order among equals (the sort is stable). A file's rank stands for
    # its (undated, date) key: equal keys, equal ranks, so the order is the same as sorting the keys.
    date_keys = sorted({(d is None, d or "") for d in dates.values()})
    rank_of_key = {key: i for i, key in enumerate(date_keys)}
    rank = {f: rank_of_key[(d is None, d or "")] for f, d in dates.items()}

    def order(files: list[str]) -> list[str]:
        if len(files) == 1:
            return list(files)
        return sorted(dict.fromkeys(files), key=rank.__getitem__)

    for group in (knowledge.people, knowledge.characters, knowledge.cast, knowledge.events, knowledge.quotes):
        for item in group:
            item.sources = order(item.sources)
    return knowledge


def _merge_people(facts: list[ArticleFacts], resolve: _PersonResolver) -> dict[str, MergedPerson]:
    people: dict[str, MergedPerson] = {}

    def person(raw: str, file: str) -> MergedPerson | None:
        name = resolve(raw)
        if not name:
            return None
        entry = people.get(name)
        if entry is None:
            entry = people[name] = MergedPerson(name=name, aliases=derived_aliases(name))
        if clean_name(raw) != name:
            _add_one(entry.aliases, clean_name(raw))
        entry.sources.append(file)
        return entry

    for art in facts:
        for pair in art.cast:
            entry = person(pair.actor, art.file)
            if entry:
                _add_one(entry.roles, "actor")
        for who in art.people:
            entry = person(who.name, art.file)
            if entry and who.role.strip():
                _add_one(entry.roles, clean_name(who.role))
        for quote in art.quotes:
            person(quote.speaker, art.file)
        for canonical, aliases in art.aliases.items():
            entry = people.get(resolve(canonical))
            if entry:
                _add_unique(entry.aliases, [a for a in map(clean_name, aliases) if a and a != entry.name])
    return people


def _merge_cast(
    facts: list[ArticleFacts], resolve: _PersonResolver, people: dict[str, MergedPerson]
) -> tuple[dict[str, MergedCharacter], dict[tuple[str, str], MergedCast]]:
    # 1. Per actor, cluster the character names that are one character: "Nick" ⊂ "Nick Nelson".
    names_by_actor: dict[str, dict[str, None]] = defaultdict(dict)  # insertion-ordered sets
    pairs: list[tuple[str, CastPair, str, str]] = []  # (file, pair, actor, character), for step 2
    for art in facts:
        for pair in art.cast:
            character = clean_name(pair.character)
            actor = resolve(pair.actor)
            if character and actor:
                names_by_actor[actor][character] = None
                pairs.append((art.file, pair, actor, character))

    display: dict[tuple[str, str], str] = {}  # (actor, spelling) -> fullest name of its cluster
    short_names: dict[str, list[str]] = defaultdict(list)  # fullest name -> other spellings
    for actor, names in names_by_actor.items():
        if len(names) == 1:  # most actors: one character name, its own cluster
            (only,) = names
            display[(actor, only)] = only
            continue
        clusters: list[list[str]] = []
        # A name joins the first cluster whose head has all its words; only clusters whose head has the
        # name's first word can, so each word indexes the clusters (in creation order) whose head has it.
        # An actor credited with thousands of characters would otherwise scan every cluster per name.
        heads: list[set[str]] = []
        with_word: dict[str, list[int]] = defaultdict(list)
        for name in sorted(names, key=lambda n: -len(name_tokens(n))):
            toks = set(name_tokens(name))
            home = None
            if toks:
                for i in with_word.get(name_tokens(name)[0], ()):
                    if toks <= heads[i]:
                        home = i
                        break
            if home is not None:
                clusters[home].append(name)
            else:
                heads.append(toks)
                for word in toks:
                    with_word[word].append(len(clusters))
                clusters.append([name])
        for cluster in clusters:
            best = cluster[0]
            for name in cluster[1:]:
                best = _fuller(best, name)
            for name in cluster:
                display[(actor, name)] = best
                if name != best:
                    _add_one(short_names[best], name)

    # 2. Characters, cast pairs and their sources.
    characters: dict[str, MergedCharacter] = {}
    cast: dict[tuple[str, str], MergedCast] = {}
    descriptions: dict[str, list[str]] = defaultdict(list)
    for file, pair, actor, character in pairs:
        name = display[(actor, character)]
        char = characters.get(name)
        if char is None:
            char = characters[name] = MergedCharacter(name=name)
        char.sources.append(file)
        entry = cast.get((name, actor))
        if entry is None:
            entry = cast[(name, actor)] = MergedCast(character=name, actor=actor)
        entry.sources.append(file)
        description = clean_name(pair.description or "")
        if description:
            descriptions[name].append(description)
            if is_new_face(description):
                entry.returning = False
            _add_unique(entry.seasons, seasons_in(description))
        # Optional signals an extractor may give beside the description (the pair introduced in a
        # "new faces" passage, or tied to a season); absent fields mean no signal.
        if getattr(pair, "new", False) is True:
            entry.returning = False
        season = getattr(pair, "season", None)
        if isinstance(season, int) and not isinstance(season, bool):
            _add_one(entry.seasons, season)

    for name, char in characters.items():
        char.description = _most_informative(descriptions[name])
        _add_unique(char.aliases, [n for n in short_names[name] + derived_aliases(name) if n != name])
    for entry in cast.values():
        entry.seasons.sort()

    # 3. Aliases the articles list for a character (not for a person).
    for art in facts:
        for canonical, aliases in art.aliases.items():
            canonical = clean_name(canonical)
            if canonical in characters and resolve(canonical) not in people:
                char = characters[canonical]
                _add_unique(char.aliases, [a for a in map(clean_name, aliases) if a and a != canonical])
    return characters, cast


def _merge_events(facts: list[ArticleFacts]) -> list[MergedEvent]:
    events: list[MergedEvent] = []
    groups: dict[tuple, list[MergedEvent]] = defaultdict(list)

    def better_what(a: MergedEvent, what: str, date: str, season: int | None) -> str:
        mine = (a.season is not None, date_precision(a.date), len(a.what))
        theirs = (season is not None, date_precision(date), len(what))
        return what if theirs > mine else a.what

    for art in facts:
        for ev in art.events:
            date = ev.date.strip()
            what = clean_name(ev.what)
            if not _DATE.match(date) or not what:
                continue  # a malformed event is dropped, never a crash
            kind = clean_name(ev.kind).casefold() or "other"
            # "other" events share no meaning by kind alone: their text tells them apart. Compatible dates
            # always share their month (and an event's month never changes), so the month is in the key:
            # the scan below then sees only the few candidates, in the same order as before.
            key = (kind, ev.season, " ".join(name_tokens(what)) if kind == "other" else None, date[:7])
            for existing in groups[key]:
                if dates_compatible(existing.date, date):
                    existing.what = better_what(existing, what, date, ev.season)
                    if date_precision(date) > date_precision(existing.date):
                        existing.date = date
                    existing.sources.append(art.file)
                    break
            else:
                event = MergedEvent(what=what, kind=kind, date=date, season=ev.season, sources=[art.file])
                groups[key].append(event)
                events.append(event)

    # An article that did not name the season reports the same event as one that did.
    merged_away: set[int] = set()
    with_season: dict[tuple[str, str], list[MergedEvent]] = defaultdict(list)  # (kind, month) -> events
    for e in events:
        if e.season is not None:
            with_season[(e.kind, e.date[:7])].append(e)
    for event in events:
        if event.season is not None or event.kind == "other":
            continue
        candidates = with_season.get((event.kind, event.date[:7]), ())
        matches = [e for e in candidates if dates_compatible(e.date, event.date)]
        if len(matches) == 1:
            target = matches[0]
            if date_precision(event.date) > date_precision(target.date):
                target.date = event.date
            target.sources.extend(event.sources)
            merged_away.add(id(event))
    return [e for e in events if id(e) not in merged_away]


def _merge_quotes(
    facts: list[ArticleFacts], resolve: _PersonResolver, people: dict[str, MergedPerson]
) -> list[MergedQuote]:
    quotes: dict[str, MergedQuote] = {}
    norms: dict[str, str] = {}  # the same quotation is reported by many articles
    for art in facts:
        for quote in art.quotes:
            norm = norms.get(quote.text)
            if norm is None:
                norm = norms[quote.text] = normalise_quote(quote.text)
            speaker = resolve(quote.speaker)
            if not norm or speaker not in people:
                continue
            existing = quotes.get(norm)
            if existing is None:
                quotes[norm] = MergedQuote(
                    speaker=speaker, text=quote.text.strip(), norm=norm, sources=[art.file]
                )
            else:
                existing.sources.append(art.file)
    return list(quotes.values())
