"""Recognising person-like names in text and resolving short forms to the full name within one article.

Every pattern here is linear: name tokens and the lowercase particles between them are disjoint classes,
so the bounded repetitions cannot backtrack catastrophically.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
UPPER = _UP  # the capitals a name starts with, for character classes elsewhere
# One capitalised name word: "Kit", "McDonald", "O'Brien", "Jean-Luc", "Xu". No possessive "'s".
TOKEN = rf"[{_UP}](?:['’][{_UP}])?[{_LO}]+(?:[{_UP}][{_LO}]+)?(?:-[{_UP}][{_LO}]+)?"
_PARTICLE = r"(?:de|van|von|der|den|da|del|della|di|du|le|la|ter|bin|al|dos|das)"
_SP = r"[ \t\u00a0]+"
# Up to four words; particles only between words ("Thibault de Montalembert").
# TOKEN not preceded by a word character or an apostrophe, i.e. `(?<![\w'’]){TOKEN}`, written with the
# capital first and the look-behind after it: a pattern that opens with a character class lets the regex
# engine skip straight to the next capital instead of trying every position.
FREE_TOKEN = rf"[{_UP}](?<![\w'’].)" + TOKEN.removeprefix(f"[{_UP}]")
NAME = rf"{TOKEN}(?:(?:{_SP}{_PARTICLE}){{0,2}}{_SP}{TOKEN}){{0,3}}"
TITLE = (
    r"(?:Mr|Mrs|Ms|Mx|Miss|Dr|Doctor|Coach|Professor|Prof|Sir|Dame|Aunt|Auntie|Uncle|Nana|Grandma|Grandad"
    r"|Principal|Headteacher|Madame|Monsieur)\.?"
)
# A character may carry a title: "Mr. Farouk", "Coach Singh".
CHAR = rf"(?:{TITLE}{_SP})?{NAME}"
SP = _SP
PARTICLE = _PARTICLE

NAME_RE = re.compile(NAME)
_TITLE_RE = re.compile(rf"{TITLE}{_SP}")

_MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
# Capitalised words that are not parts of a person's or character's name (sentence openers, places,
# outlets, show words). Names are trimmed of these at either end.
STOP_WORDS = frozenset(
    (
        "The A An And But Or Nor So Yet For In On At To Of By With From As If When While After Before "
        "Since Until Meanwhile However Also Plus Then This That These Those It Its He She They We I You "
        "His Her Their Our My Your Who Whom Whose What Where Why How Which Here There Both Each Every "
        "All Some Many Most More Other Another Despite Although Though Because According Including "
        "Speaking Asked Read Check Try Season Seasons Series Episode Episodes Volume Part Chapter "
        "Netflix Heartstopper Twitter Instagram Tiktok Youtube Facebook Channel Film Films Festival "
        "Radio Times Podcast Live Today Yesterday Tomorrow Now Just Not No Yes Oh Well Like Newcomer "
        "Newcomers Star Stars Actor Actors Actress Creator Director Author Writer Producer Host Critic "
        "Editor Editors England London Paris British American English French Emmys Emmy Awards Award "
        "Children Family Cast Crew Fans Fan Trailer Teaser Images Photos First Second Third Fourth Fifth "
        "New Returning Returns Return Meet Who's Everything Here's What's Don't Exclusive Watch Read "
        "More Latest Related Share Follow Subscribe Sign Advertisement Image Photo Credit Credits "
        "Entertainment News Drama Comedy Romance Guide Streaming Stream Magazine Newsletter Authors "
        "Author Video Videos Teen Teens Queer Pride Love Lgbtq Lgbt School Schools Book Books Graphic "
        "Novel Novels Webcomic Comic Comics Show Shows Television Tv Bbc Itv Hbo Disney Apple Amazon "
        "Prime Hulu Universal Warner Sony Paramount Dear Mum Dad Mother Father Brother Sister Official "
        "Synopsis Rugby Exams Prom Kingdom United Britain Europe France Spain Italy Germany Ireland "
        "Scotland Wales Update Updates Release Date Dates Premiere Production Filming Interview "
        "Interviews Q A Sunday Still Even Only Yeah Wow Sure Okay Actually Really Very Such Than Again "
        "Once Later Earlier Soon Previously Currently Finally Recently Additionally Elsewhere Overall "
        "Unlike Alongside Among Between Without Within About Above Below Over Under Through During "
        "Against Towards Toward Upon Into Onto Ask Tell Imagine Remember Catch Grab Listen Expect Find Keep "
        "Picture Forget Welcome Reprising Playing Portraying Rounding Starring Played Portrayed Voiced "
        "Review Reviews Does Did Do Is Are Was Were Has Have Had Can Could Should Would Must Might Shall "
        # a Title Case headline's verbs: "Kit Connor 'Forced' to Come Out as Bisexual"
        "Come Comes Came " + _MONTHS + " " + _WEEKDAYS
    ).split()
)
MONTH_WORDS = frozenset(_MONTHS.split())
# Occupations that open a sentence before a name ("Comedian Dev Sharma cameos as ..."): trimmed only from
# the front, since some are surnames too ("Bryan Singer").
_LEADING_ONLY = frozenset(
    "comedian comedians singer singers rapper rappers presenter presenters broadcaster broadcasters musician "
    "musicians dancer dancers footballer footballers popstar youtuber youtubers influencer influencers "
    "playwright poet model models student students pupil pupils resident residents shopkeeper shopkeepers "
    "fan fans superfan superfans viewer viewers local locals owner landlord landlady pensioner".split()
)
_STOP_LOWER = frozenset(w.lower() for w in STOP_WORDS)
# Words that make a capitalised run an organisation, not a person (never a first name or surname as written).
_ORGANISATION_WORDS = frozenset(
    "Council Borough Committee Trust University College Academy Foundation Society Association Films "
    "Productions Studios Pictures Records Agency Department Ministry Police Institute Ltd Limited Inc "
    "Corporation Theatre Cinema Picture House Hospital Charity Campaign Council's".split()
)

_PARTICLES = frozenset("de van von der den da del della di du le la ter bin al dos das".split())

# Official titles that make the full name after them a person ("Cllr Sarah Okonjo", "Dr. Ana Lopez"). Not
# "Doctor" ("Doctor Who") nor courtesy titles ("Mr. Farouk" is a character).
PERSON_TITLES = frozenset(
    "Cllr Councillor Councilor Dr Prof Professor Sir Dame Lord Lady Rev Revd Baroness".split()
)

# Heartstopper character first names, used ONLY as a last tie-breaker when nothing in the article says
# which side of "A (B)" is the character.
CHARACTER_HINTS = frozenset(
    "charlie nick tao elle tara darcy isaac imogen ben harry tori oliver sahar david stephane naomi felix "
    "farouk ajayi singh sarah julio christian james michael geoff diane".split()
)


def is_stop(token: str) -> bool:
    return token.rstrip(".").lower() in _STOP_LOWER


@lru_cache(maxsize=8192)
def split_title(name: str) -> tuple[str, str]:
    """("Mr.", "Farouk") for "Mr. Farouk"; ("", name) when there is no title."""
    m = _TITLE_RE.match(name)
    if m:
        return m.group(0).strip(), name[m.end() :]
    return "", name


@lru_cache(maxsize=8192)
def clean_name(raw: str) -> str:
    """Trim stop words from both ends of a matched name ("And Isaac" -> "Isaac"); "" if nothing is left.

    A title is kept ("Mr. Farouk"), but a title alone is not a name.
    """
    title, rest = split_title(raw.strip())
    words = rest.split()
    while words and (is_stop(words[0]) or words[0] in _PARTICLES or words[0].lower() in _LEADING_ONLY):
        words.pop(0)
        title = ""  # the title belonged to a trimmed word
    while words and (is_stop(words[-1]) or words[-1] in _PARTICLES):
        words.pop()
    if not words:
        return ""
    return f"{title} {' '.join(words)}" if title else " ".join(words)


@lru_cache(maxsize=8192)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name without its title."""
    return tuple(split_title(name)[1].split())


@lru_cache(maxsize=8192)
def is_full_name(name: str) -> bool:
    """Two or more name words: "Kit Connor", "Thibault de Montalembert"; never an organisation's name
    ("Surrey Heath Borough Council", "See-Saw Films")."""
    if " " not in name:
        return False
    words = name_words(name)
    if any(w in _ORGANISATION_WORDS for w in words):
        return False
    return len([w for w in words if w not in _PARTICLES]) >= 2


@lru_cache(maxsize=8192)
def norm_key(name: str) -> str:
    """A comparison key: "Mr Farouk" and "Mr. Farouk" are the same name."""
    return " ".join(name.replace(".", "").split()).lower()


@dataclass
class NameIndex:
    """Full person names of one article; resolves surnames, first names and misspellings to them."""

    persons: dict[str, int] = field(default_factory=dict)  # full name -> priority (higher = surer person)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    _cache: dict[str, str | None] = field(default_factory=dict)

    def add(self, name: str, priority: int = 1) -> None:
        if not is_full_name(name):
            return
        if self.persons.get(name, -1) < priority:
            self.persons[name] = priority
            self._cache.clear()

    def forget(self, names: Iterable[str]) -> None:
        """Drop names that turned out not to be people (a character, "Handling Charlie")."""
        for name in names:
            if self.persons.pop(name, None) is not None:
                self._cache.clear()

    def _record(self, form: str, full: str) -> None:
        if form != full:
            self.aliases.setdefault(full, set()).add(form)

    def resolve(self, name: str, min_priority: int = 1) -> str | None:
        """The full name `name` refers to, or None. Full names resolve to themselves."""
        name = " ".join(name.split())
        if not name:
            return None
        key = f"{min_priority}\x00{name}"
        if key in self._cache:
            full = self._cache[key]
        else:
            full = self._resolve(name, min_priority)
            self._cache[key] = full
        if full is not None:
            self._record(name, full)
        return full

    def _resolve(self, name: str, min_priority: int) -> str | None:
        words = name_words(name)
        if not words:
            return None
        if len(words) >= 2:
            if is_full_name(name):
                return name
            return None
        token = words[0]
        if is_stop(token):
            return None
        candidates = [p for p, pr in self.persons.items() if pr >= min_priority]
        # One pass for both tests (this runs for every short name in the article).
        by_surname, by_first = set(), set()
        for p in candidates:
            words = name_words(p)
            if words[-1] == token:
                by_surname.add(p)
            if words[0] == token:
                by_first.add(p)
        for hits in (by_surname, by_first):  # surname first, then first name
            if len(hits) == 1:
                return hits.pop()
            if len(hits) > 1:
                best = max(self.persons[h] for h in hits)
                top = [h for h in hits if self.persons[h] == best]
                return top[0] if len(top) == 1 else None
        # A misspelt surname ("Osman" for "Oseman"): conservative similarity, same initial, unique best.
        if len(token) >= 5:
            scored = []
            for p in candidates:
                last = p.split()[-1]
                if last[0] == token[0] and abs(len(last) - len(token)) <= 2:
                    score = fuzz.ratio(token, last)
                    if score >= 85:
                        scored.append((score, p))
            if scored:
                scored.sort(reverse=True)
                if len(scored) == 1 or scored[0][0] > scored[1][0]:
                    return scored[0][1]
        return None
