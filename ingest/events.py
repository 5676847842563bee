"""Dated events: premieres, production start/end, announcements, festival appearances (and trailers).

Each date found in a sentence is classified by the event keyword nearest before it in the sentence
(else nearest after), so "commenced in September 2022 and concluded in February 2023" yields a start
and an end, and "set to premiere on August 3, 2023, according to an announcement" is a premiere.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from ingest.dates import (
    FULL_MONTH,
    WEEKDAY,
    FoundDate,
    complete,
    find_dates,
    might_have_date,
    month_number,
    tense_near,
)
from ingest.model import Event
from ingest.names import SP
from ingest.text import Paragraph, sentence_at, sentence_spans

_WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_ORDINAL_NUM = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "fifth": 5, "5th": 5,
}  # fmt: skip
# The lookahead lists every alternative's first letter: most positions fail on it at once (2x faster).
_SEASON_RE = re.compile(
    r"(?=[Ssft1-5])\b(?:(?:[Ss]eason|[Ss]eries)[ \t]+(?P<n>\d{1,2}|one|two|three|four|five|six)\b"
    r"|(?P<o>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)[ \t]+(?:season|series|run)\b"
    r"|S(?P<s>\d{1,2})\b)"
)
_FESTIVAL_NAME = (
    r"\b(?:(?:[A-Z][\w'’\-]*|&|of|the)[ \t]+){0,6}?(?:[A-Z][\w'’\-]*[ \t]+)"
    r"(?:Festival|festival|Fest|Comic-Con|Con|Expo|Awards|Emmys|Emmy[ \t]+Awards|BAFTAs|Baftas|Oscars|Globes"
    r"|Flare)\b"
    # Festivals and ceremonies known by a one-word brand.
    r"|\b(?:Outfest|Frameline|Sundance|SXSW|Tribeca|VidCon|Tudum)\b"
)
_FESTIVAL_RE = re.compile(rf"(?P<festival>{_FESTIVAL_NAME})")
_FESTIVAL_HINTS = (
    "Fest", "festival", "Con", "Expo", "Awards", "Emmy", "BAFTA", "Bafta", "Oscars", "Globes", "Flare",
    "Outfest", "Frameline", "Sundance", "SXSW", "Tribeca", "Tudum",
)  # fmt: skip
# Any of the hints (capitalised, so one regex skipping from capital to capital beats a loop of tests).
_FESTIVAL_HINT_RE = re.compile("|".join(_FESTIVAL_HINTS))
# "at the start of August", "the beginning of the year" (but "the start of filming on 3 June" is a start).
_OF_A_PERIOD = (
    rf"[ \t]+of[ \t]+(?:{FULL_MONTH}|the[ \t]+(?:month|year|week|summer|spring|autumn|fall|winter)\b)"
)
_KEYWORDS = re.compile(
    r"\b(?=[abcdefghiklnoprstuwR])(?:"  # a quick first test: the letters its alternatives start with
    r"(?P<trailer>\btrailers?\b|\bteasers?\b)"
    # "wrapped at the start of August": "start of <a period>" places a date in its month, no event.
    rf"|(?P<start>\b(?:began|begins|begin|beginning(?!{_OF_A_PERIOD})|started|starts|start(?!{_OF_A_PERIOD})"
    r"|starting"
    r"|commenced|commences|commence"
    r"|kicked[ \t]+off|kicks[ \t]+off|kick[ \t]+off"
    r"|(?:first|opening)[ \t]+day[ \t]+(?:of|on)[ \t]+(?:filming|the[ \t]+shoot|shooting|production|set)"
    r"|got[ \t]+under[ \t]?way|get[ \t]+under[ \t]?way|under[ \t]?way"
    r"|went[ \t]+into[ \t]+production|entered[ \t]+production|go[ \t]+into[ \t]+production)\b)"
    r"|(?P<end>\b(?:wrapped|wraps|wrapping|wrap|concluded|concludes|conclude|finished|finishes|finish|ended|ends"
    r"|completed|completes"
    # "a photo of the cast on the final day of filming on Friday (12 September)": the wrap day.
    r"|(?:final|last)[ \t]+day[ \t]+(?:of|on)[ \t]+(?:filming|the[ \t]+shoot|shooting|production|set))\b)"
    # "Release Date: 17 Oct 2025", a review's credits box
    r"|(?P<premiere>\b(?:premiere[sd]?|premiering|release[sd]?|releasing|[Rr]elease[ \t]+[Dd]ate"
    r"|drops?|dropped"
    # "the cast arrived at the screening", "she landed at Heathrow": people reaching a place, no release.
    r"|dropping|(?:arrives?|arrived|arriving|lands?|landed|landing)(?![ \t]+at\b)|debuts?|debuted|debuting"
    r"|launch(?:es|ed)?"
    # Trade-press "bowed on Netflix in April 2022" ("bows out with a film" is an ending, not a release).
    r"|(?:bowed|bows|bowing)(?![ \t]+out\b)"
    r"|streaming(?![ \t]+(?:service|giant|platform|site|app|wars?|deal|chart|numbers|figures|rights)s?\b)"
    r"|returns?|returned|returning|airs?|aired|available|back[ \t]+on"
    # "is back for a second season on Netflix on August 3"
    r"|(?:is|are)[ \t]+back(?=[ \t]+(?:for|on)\b)"
    # "hit Netflix on October 3", not "the hit Netflix series" (an adjective)
    r"|(?<!the[ \t])(?<!a[ \t])(?<!smash[ \t])(?<!big[ \t])hits?(?![ \t]+(?:show|series|drama|film|single))"
    # "is out on Friday", not "camped out on the square" or "got his van out on Monday"
    r"|(?:is|are|be|been|was|were|now)[ \t]+out[ \t]+on"
    # "since the third series came out in October 2024" (not "came out as bisexual", "came out to his mum")
    r"|(?:came|comes)[ \t]+out(?![ \t]+(?:as|to)\b)"
    # "is on Netflix from 3 October": a schedule line with no release verb.
    r"|(?:is|are)[ \t]+on[ \t]+[A-Z][\w+]*(?:[ \t]+[A-Z][\w+]*)?[ \t]+from"
    # "streams on Netflix from October 24, 2025" (a weekday alone is no date the annotators count)
    r"|streams?(?=[ \t]+(?:on[ \t]+[A-Z][\w+]*(?:[ \t]+[A-Z][\w+]*)?[ \t]+)?from[ \t]+"
    r"(?![MTWFS][a-z]+day\b)))\b)"
    # "announced the release date on 22 August": the date of the announcement, not of the release.
    r"|(?P<announcement>\b(?:(?:announced|confirmed|revealed|unveiled)[ \t]+(?:the[ \t]+|its[ \t]+|a[ \t]+)?"
    r"(?:[\w'’]+[ \t]+)?(?:release|premiere|launch|air)[ \t]+date"
    r"|announced|announcement|announces|announce|announcing|confirmed|confirms|confirming|renewed|renewal"
    r"|renews|unveiled|(?:was|were|been|be|is|are)[ \t]+(?:officially[ \t]+)?revealed"
    # "Netflix ordered two more seasons in May 2022", "greenlit a fourth series"
    r"|ordered|orders|greenlit|green-lit|greenlighted|green-lighted|commissioned)\b)"
    # "Season 2 followed on August 3, 2023": a premiere only right after a season (see _classify).
    r"|(?P<followed>\b(?:followed|follows)\b)"
    r")"
)
_PRODUCTION_RE = re.compile(
    r"\b(?=[PpFfSsCcWw])"  # a quick first test: the letters its alternatives start with
    r"(?:[Pp]roduction|[Ff]ilming|[Ff]ilm|[Ff]ilmed|[Ss]hooting|[Ss]hoot|[Ss]hot|[Cc]ameras|[Ww]rap|[Ww]rapped"
    r"|[Pp]hotography)\b"
)
_LABEL = {
    "premiere": "premiere",
    "production_start": "production start",
    "production_end": "production end",
    "announcement": "announcement",
    "other": "trailer release",
}
# How far (chars) an event keyword may be from its date.
_BEFORE_WINDOW = 120
_AFTER_WINDOW = 60


def _season(m: re.Match) -> int | None:
    if m.group("n"):
        n = m.group("n")
        return int(n) if n.isdigit() else _WORD_NUM[n]
    if m.group("o"):
        return _ORDINAL_NUM[m.group("o")]
    return int(m.group("s"))


def season_mentions(text: str) -> list[tuple[int, int]]:
    """(offset, season number) of every "season 3" / "third season" / "S3" in `text`."""
    if not may_name_season(text):
        return []
    return _all_seasons(text)


def _all_seasons(text: str) -> list[tuple[int, int]]:
    return [(m.start(), _season(m)) for m in _SEASON_RE.finditer(text)]


def may_name_season(text: str) -> bool:
    """A cheap necessary test for season_mentions: False means `text` names no season that way."""
    return "eason" in text or "eries" in text or _SEASON_HINT_RE.search(text) is not None


# "S3" (an S that starts a word); "season"/"series" are tested as substrings first. The literal S leads so
# the regex engine can jump between S's.
_SEASON_HINT_RE = re.compile(r"S(?<!\wS)\d")


# "The Star Beast airs (Saturday 25 November) on BBC One": another show's broadcast, not ours.
_OTHER_CHANNEL_RE = re.compile(
    rf"\b(?:airs?|aired|airing|broadcasts?|screens?|screened|streams?|streaming|premieres?|premiered|debuts?"
    rf"|debuted|lands?|landed|arrives?|arrived|returns?){SP}(?:[^.;:!?\n]{{0,40}}?{SP})?on{SP}(?:the{SP})?"
    rf"(?:BBC|ITV|ITVX|ITV[1-4]|Channel{SP}[45]|E4|Sky|iPlayer|Disney\+|HBO|Apple{SP}TV\+?|Prime{SP}Video"
    rf"|Amazon|Hulu|Peacock|Paramount\+|Showtime|Starz|AMC|FX|CBS|NBC|BritBox)(?![\w+])"
)
_OWN_SHOW_RE = re.compile(r"Heartstopper|Netflix|\b[Ss]eason\b")


def on_other_channel(sentence: str) -> bool:
    """True if the sentence is about a broadcast on another channel and names nothing of our show."""
    return (
        " on " in sentence
        and _OTHER_CHANNEL_RE.search(sentence) is not None
        and not _OWN_SHOW_RE.search(sentence)
    )


_CREW_BEFORE_RE = re.compile(r"\b(?:[Pp]roduction|[Ff]ilming|[Cc]rews?|[Ss]hoot|[Cc]ameras|[Uu]nit)[ \t]+$")
_DATE_BEFORE_NOUN_RE = re.compile(rf"(?:(?:19|20)\d\d|{FULL_MONTH})[ \t]+$")
_NOUN_AFTER_RE = re.compile(r"[ \t]+(release|premiere|debut|launch|return|trailer|teaser)\b")


# Tudum is both Netflix's editorial site ("told Tudum", "on Netflix's Tudum") and its live fan event ("at
# Tudum", "the Tudum 2023 fan event").
_TUDUM_AT_RE = re.compile(r"\bat[ \t]+(?:the[ \t]+|this[ \t]+year['’]s[ \t]+)?(?:Netflix['’]s[ \t]+)?$")
_TUDUM_EVENT_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:19|20)\d\d[ \t]+)?(?:global[ \t]+)?(?:fan[ \t]+)?(?:event|live|stage)\b"
)


def _tudum_event(sentence: str, m: re.Match) -> bool:
    at = m.end() - len("Tudum")
    return bool(
        _TUDUM_AT_RE.search(sentence, max(0, at - 30), at) or _TUDUM_EVENT_AFTER_RE.match(sentence, m.end())
    )


# A trailer as the subject of a release verb: "the trailer was released on", "a teaser dropped on".
_TRAILER_SUBJECT_RE = re.compile(
    r"\b(?:trailers?|teasers?)(?:[ \t]+(?:was|were|is|are|has|have|had|been|will|be|finally|officially|first"
    r"|just|only))*[ \t]+$"
)
# "Two further series followed in August 2023 and October 2024": seasons with no number.
_SEASONS_BEFORE_RE = re.compile(r"\b(?:seasons?|series)[ \t]+$")


def _classify(
    sentence: str, pos: int, end: int, next_date: int | None = None
) -> tuple[str, str | None] | None:
    """(kind, festival name) for the date at sentence[pos:end], from the nearest keyword. A keyword after it
    but nearer `next_date` (where the sentence's next date starts) is that date's: "a screening on
    Wednesday, the evening before the film was released yesterday (Thursday, October 2)": not Wednesday."""
    production: bool | None = None  # found only if a start/end keyword needs it
    best: tuple[int, str, str | None] | None = None
    matches = list(_KEYWORDS.finditer(sentence))
    if _FESTIVAL_HINT_RE.search(sentence) is not None:
        matches += _FESTIVAL_RE.finditer(sentence)
    if (after := _NOUN_AFTER_RE.match(sentence, end)) is not None:
        # "confirmed for an October 2024 release": the noun the date qualifies names the event.
        return ("other", None) if after.group(1).startswith(("trailer", "teaser")) else ("premiere", None)
    for m in matches:
        if not end <= m.start() <= end + 1 and _DATE_BEFORE_NOUN_RE.search(
            sentence, max(0, m.start() - 16), m.start()
        ):
            continue  # "confirmed for an October 2024 release earlier this month": that noun has its date
        if m.end() <= pos:
            dist = pos - m.end()
            if dist > _BEFORE_WINDOW:
                continue
        elif m.start() >= end:
            if next_date is not None and next_date - m.end() < m.start() - end:
                continue  # nearer the sentence's next date (or after it): that date's keyword
            dist = m.start() - end + 500  # prefer keywords before the date
            if m.start() - end > _AFTER_WINDOW:
                continue
        else:
            continue
        group = m.lastgroup
        if group == "festival" and m.group(0).endswith("Tudum") and not _tudum_event(sentence, m):
            continue  # "spoke about the movie on Netflix's Tudum": Netflix's site, not its fan event
        if group == "festival":
            kind, fest = "festival", " ".join(m.group("festival").split())
        elif group in ("start", "end"):
            if production is None:
                production = _PRODUCTION_RE.search(sentence) is not None
            if not production:
                continue
            kind, fest = ("production_start" if group == "start" else "production_end"), None
        elif group == "trailer":
            kind, fest = "other", None
        elif (
            group == "premiere"
            and m.group(0).startswith("return")
            and _CREW_BEFORE_RE.search(sentence, max(0, m.start() - 30), m.start())
        ):
            kind, fest = "other", None  # "the production returned to the town in January": a shoot
        elif group == "premiere" and _TRAILER_SUBJECT_RE.search(sentence, max(0, m.start() - 50), m.start()):
            kind, fest = "other", None  # "The official trailer was released on 24 February": the trailer's
        elif group == "followed":
            # "a second season followed on ...", not "the backlash that followed in May".
            if not any(
                0 <= m.start() - sm.end() <= 25 for sm in _SEASON_RE.finditer(sentence)
            ) and not _SEASONS_BEFORE_RE.search(sentence, max(0, m.start() - 12), m.start()):
                continue
            kind, fest = "premiere", None
        else:
            kind, fest = group or "other", None
        if best is None or dist < best[0]:
            best = (dist, kind, fest)
    return (best[1], best[2]) if best else None


def _clean_festival(name: str) -> str:
    words = name.split()
    while words and words[0].lower() in ("the", "of", "&", "at", "in", "speaking"):
        words.pop(0)
    return " ".join(words)


def main_season(title: str, paragraphs: list[Paragraph]) -> int | None:
    """The season an article is about: the one its title names, none if the title is about the film, else
    the one it names most often."""
    if (m := _SEASON_RE.search(title)) is not None:
        return _season(m)
    if _FILM_RE.search(title.title() if title.isupper() else title):  # "HEARTSTOPPER FOREVER SETS ..."
        return None
    counts: dict[int, int] = {}
    for para in paragraphs:
        for _at, n in _all_seasons(para.text):
            counts[n] = counts.get(n, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None


# "between September and December 2023", "from May to August 2022": a production period.
_RANGE_RE = re.compile(
    rf"\b(?=[bf])(?:between|from)[ \t]+(?:(?:early|late|mid|mid-)[ \t]*)?(?P<m1>{FULL_MONTH})"
    rf"(?:[ \t]+(?P<y1>(?:19|20)\d\d))?[ \t]+(?:and|to|until|till|through|-|–)[ \t]+"
    rf"(?:(?:early|late|mid|mid-)[ \t]*)?(?P<m2>{FULL_MONTH})[ \t]+(?P<y2>(?:19|20)\d\d)\b"
)


def _ranges(sentence: str) -> list[tuple[int, int, str, str]]:
    """(start, end, start month ISO, end month ISO) for production periods in a sentence."""
    out = []
    if not _PRODUCTION_RE.search(sentence):
        return out
    for m in _RANGE_RE.finditer(sentence):
        m1, m2 = month_number(m.group("m1")), month_number(m.group("m2"))
        y2 = int(m.group("y2"))
        y1 = int(m.group("y1")) if m.group("y1") else (y2 if m1 <= m2 else y2 - 1)
        out.append((m.start(), m.end(), f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}"))
    return out


def find_events(paragraphs: list[Paragraph], dateline: str | None, title: str = "") -> list[Event]:
    """Dated events in reading order, deduplicated on (kind, date, season)."""
    ref = dt.date.fromisoformat(dateline) if dateline else None
    out: list[Event] = []
    seen: set[tuple[str, str, int | None]] = set()
    season_cache: list[int | None] = []

    def keep(event: Event | None) -> None:
        if event is not None and (key := (event.kind, event.date, event.season)) not in seen:
            seen.add(key)
            out.append(event)

    def article_season() -> int | None:
        if not season_cache:
            season_cache.append(main_season(title, paragraphs))
        return season_cache[0]

    heading: str | None = None  # a paragraph that is only a date ("Thursday, Oct. 3"), for the next one
    columns: list[str] | None = None  # the header row of the table being read ("Season | Release date")
    listings = listing_headings(paragraphs)
    other_show = False  # under a listings heading for another show ("The Crown – Netflix")
    for para in paragraphs:
        text = para.text
        if para.index in listings:
            other_show, heading = listings[para.index], None
            continue
        if other_show:
            continue
        if (cells := _table_cells(text)) is not None:
            if columns is not None and len(cells) == len(columns):
                for event in _table_row(cells, columns, ref, article_season):
                    keep(event)
                continue
            if not might_have_date(text) or not find_dates(text):
                columns = cells if any(ch.isalpha() for ch in text) else columns  # "|---|---|" keeps it
                heading = None
                continue
        columns = None
        para_dates = find_dates(text) if might_have_date(text) else []
        if heading is not None:
            keep(_under_heading(heading, text, para_dates, ref, article_season))
        heading = text if para_dates and _is_date_heading(text, para_dates, ref) else None
        if not para_dates:
            continue
        spans = sentence_spans(text)
        consumed: list[tuple[int, int]] = []
        for start, end in spans if ("between" in text or "from" in text) else ():
            for r_start, r_end, first, last in _ranges(text[start:end]):
                consumed.append((start + r_start, start + r_end))
                season = article_season()
                for kind, iso in (("production_start", first), ("production_end", last)):
                    label = _LABEL[kind]
                    what = f"Season {season} {label}" if season else label[:1].upper() + label[1:]
                    keep(Event(what=what, date=iso, kind=kind, season=season))
        dateline_end = _dateline_end(text)
        starts = [x.start for x in para_dates]  # find_dates sorts by start
        for found_date in para_dates:
            if any(a <= found_date.start < b for a, b in consumed):
                continue
            if found_date.end <= dateline_end and not _TODAY_RE.search(text):
                continue  # "LONDON, Sept 26 (Reuters) - Filming has finished": the story's date
            start, end = sentence_at(spans, found_date.start)
            # A window of the sentence around the date keeps very long "sentences" linear.
            start = max(start, found_date.start - _BEFORE_WINDOW - 60)
            end = min(end, found_date.end + _AFTER_WINDOW + 60)
            sentence = text[start:end]
            d = replace(found_date, start=found_date.start - start, end=found_date.end - start)
            # the sentence's next date: a bisection, so a paragraph of thousands of dates stays linear
            k = bisect.bisect_left(starts, found_date.end)
            following = starts[k] - start if k < len(starts) and starts[k] < end else None
            keep(_event(sentence, d, ref, article_season, following))
    return out


# A TV listings roundup heads each show's entry with its title and channels: "The Penguin – Sky Atlantic and
# NOW", "Strictly Come Dancing – BBC One, Saturday and Sunday". Dates under another show's heading are its.
_CHANNEL = (
    r"(?:Netflix|BBC[ \t]+(?:One|Two|Three|Four|iPlayer)|iPlayer|ITVX|ITV[1-4]?|Channel[ \t]+[45]|E4|More4"
    r"|Sky(?:[ \t]+(?:Atlantic|One|Max|Showcase|Comedy|Witness|Documentaries))?|NOW|Disney\+|Apple[ \t]+TV\+?"
    r"|(?:Amazon[ \t]+)?Prime[ \t]+Video|Hulu|HBO|Max|Peacock|Paramount\+|BritBox|All[ \t]+4|U&Dave|Dave)"
    r"(?![\w+])"
)
_LISTING_HEADING_RE = re.compile(
    rf"(?P<show>[^.!?:|]{{2,60}}?)[ \t]+[–—-][ \t]+{_CHANNEL}"
    rf"(?:[ \t]*(?:,|and|&|/)[ \t]*(?:{_CHANNEL}|{WEEKDAY}s?))*[ \t]*$"
)
_OWN_TITLE_RE = re.compile(r"Heartstopper")


def listing_headings(paragraphs: list[Paragraph]) -> dict[int, bool]:
    """{paragraph index: names another show} for the headings of a listings roundup: only an article with
    our show's heading and another's is one (a lone "Ana Lopez – Netflix" is a photo credit)."""
    found = {}
    for para in paragraphs:
        text = para.text
        if len(text) <= 90 and ("–" in text or "—" in text or " - " in text):
            m = _LISTING_HEADING_RE.match(text)
            if m is not None and not find_dates(m.group("show")):
                found[para.index] = _OWN_TITLE_RE.search(m.group("show")) is None
    return found if len(set(found.values())) == 2 else {}


# A wire or press dateline opening a paragraph: "LONDON, Sept 26 (Reuters) -", "LONDON, May 20, 2022 —".
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'’-]{1,30},[ \t]+(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)"
    r"(?:,?[ \t]+(?:19|20)\d\d)?(?:[ \t]+\([^)]{1,30}\))?[ \t]*[—–-]"
)
# "Netflix today announced ...": the dateline's date is the event's.
_TODAY_RE = re.compile(r"\b[Tt]oday\b")


def _dateline_end(text: str) -> int:
    """Where a leading dateline ends in a paragraph, else 0."""
    m = _DATELINE_RE.match(text)
    return m.end() if m else 0


def _table_cells(text: str) -> list[str] | None:
    """The cells of a pipe-delimited table row ("Season 1 | April 22nd, 2022 | 8"), else None."""
    if "|" not in text:
        return None
    cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
    return cells if len(cells) >= 2 else None


def _table_row(
    cells: list[str],
    columns: list[str],
    ref: dt.date | None,
    article_season: Callable[[], int | None],
) -> list[Event]:
    """Events of a table row: each dated cell read as if the row said "<other cells>, <column name> <date>"
    ("Season 1, 8: netflix release date April 22nd, 2022"), so the column's name classifies its dates."""
    out = []
    for i, cell in enumerate(cells):
        if not might_have_date(cell):
            continue
        others = ", ".join(c for j, c in enumerate(cells) if j != i and c)
        prefix = f"{others}: {columns[i].lower()} "
        for d in find_dates(cell):
            moved = replace(d, start=d.start + len(prefix), end=d.end + len(prefix))
            if (event := _event(prefix + cell, moved, ref, article_season)) is not None:
                out.append(event)
    return out


def _is_date_heading(text: str, dates: list[FoundDate], ref: dt.date | None) -> bool:
    """A listings-style heading: a short paragraph that is one date and nothing else (but not the byline's
    "3 March 2026" above the lead photo's caption: the article's own date)."""
    if len(text) > 40 or len(dates) != 1:
        return False
    d = dates[0]
    if ref is not None and (d.year, d.month, d.day) == (ref.year, ref.month, ref.day):
        return False
    rest = text[: dates[0].start] + text[dates[0].end :]
    return not any(ch.isalnum() for ch in rest)


def _under_heading(
    heading: str,
    text: str,
    dates: list[FoundDate],
    ref: dt.date | None,
    article_season: Callable[[], int | None],
) -> Event | None:
    """The release in the first sentence under a date heading ("Thursday, Oct. 3" / "Rosewood Lane ... returns
    for a third season."), read as if it ended "on <the heading's date>"; None if that sentence has a date of
    its own or is not about a release (listings also say "guests to be announced")."""
    spans = sentence_spans(text)
    if not spans or any(d.start < spans[0][1] for d in dates):
        return None
    first = text[spans[0][0] : spans[0][1]].rstrip(" .!?")[:_BEFORE_WINDOW]
    sentence = f"{first} on {heading.strip()}"
    found = find_dates(sentence)
    event = _event(sentence, found[-1], ref, article_season) if found else None
    return event if event is not None and event.kind == "premiere" else None


# "Netflix said on Thursday that ...": a wire lede dating the announcement it reports.
_ORG_SAID_BEFORE_RE = re.compile(
    r"\b(?:Netflix|[Tt]he[ \t]+(?:streamer|streaming[ \t]+(?:service|giant|platform)|company|studio|network))"
    r"[ \t]+(?:said|announced|confirmed)[ \t]+(?:on[ \t]+)?$"
)
_THAT_AFTER_RE = re.compile(r"[ \t]+that\b")
# A date that says when something was said ("the studio said on Friday", "she told reporters last month").
_SAID_BEFORE_RE = re.compile(
    r"\b(?:said|says|told(?:[ \t]+(?!on\b|last\b|this\b)[\w'’]+){0,2})"
    r"[ \t]+(?:on[ \t]+|last[ \t]+|this[ \t]+)?$"
)


# "The festival runs through June 15": the festival's own dates, not an appearance of the show at it.
_FESTIVAL_RUN_BEFORE_RE = re.compile(
    r"\b(?:runs?|running|ran|continues|continued|continuing|lasts|lasted)[ \t]+"
    r"(?:from|through|thru|until|till|to|between)[ \t]+$"
)


# Between a season named before a date and the date: a new clause may be about another season.
_CLAUSE_BREAK_RE = re.compile(r"[;:]|\.[ \t]|,[ \t]+(?:and|but|while|whereas)\b")


# The film, not a season: "Heartstopper Forever" by name, or "the film/movie" with no season in the sentence.
_FILM_RE = re.compile(
    r"(?P<title>Heartstopper[ \t]+(?!(?:Season|Series|Volume|Star|Stars|Cast|Creator|Fans?|Actors?|Actress"
    r"|Author|Is|Has|Will|Was|And|Returns?)\b)[A-Z][a-z]+)|\b(?:[Ff]ilm|[Mm]ovie)\b"
)


def _season_of_date(sentence: str, seasons: list[tuple[int, int]], at: int) -> int:
    """The season a date in `sentence` belongs to: the nearest one named before it in its clause ("Season one
    arrived on 22 April 2022, season two followed in ..."), else the nearest one at all."""
    before = [(pos, n) for pos, n in seasons if pos < at]
    if before:
        pos, n = max(before)
        if not _CLAUSE_BREAK_RE.search(sentence, pos, at):
            return n
    return min(seasons, key=lambda s: abs(s[0] - at))[1]


_DATE_NOUN_RE = re.compile(r"\b(?:premiere|release|launch)[ \t]+date\b", re.IGNORECASE)


def _event(
    sentence: str,
    d: FoundDate,
    ref: dt.date | None,
    article_season: Callable[[], int | None],
    next_date: int | None = None,
) -> Event | None:
    """The event a date in `sentence` marks; None without a nearby event keyword or a knowable year."""
    tense = None
    if _THAT_AFTER_RE.match(sentence, d.end) and _ORG_SAID_BEFORE_RE.search(
        sentence, max(0, d.start - 60), d.start
    ):
        # wire style: "Netflix said on Thursday that the show will end ...": the day it was announced (past),
        # whatever the news itself is ("Filming has finished, the studio said on Friday" is only a saying)
        found, tense = ("announcement", None), "past"
    else:
        found = _classify(sentence, d.start, d.end, next_date)
    if found is None:
        return None
    kind, fest = found
    if kind == "premiere" and on_other_channel(sentence):
        return None
    if kind == "festival" and _FESTIVAL_RUN_BEFORE_RE.search(sentence, max(0, d.start - 30), d.start):
        return None
    if kind != "announcement" and _SAID_BEFORE_RE.search(sentence, max(0, d.start - 40), d.start):
        return None  # "Filming has finished, the studio said on Friday": the day it was said
    tense = tense or tense_near(sentence, d.start)
    if tense is None and kind == "premiere" and _DATE_NOUN_RE.search(sentence):
        tense = "future"  # "Netflix has set a premiere date of August 3": a date set is a date to come
    iso = complete(d, ref, tense)
    if iso is None:
        return None
    # The window may cut a word, so its seasons are found afresh; "first run" holds neither hint word.
    if may_name_season(sentence) or "run" in sentence:
        seasons = [(m.start(), _season(m)) for m in _SEASON_RE.finditer(sentence)]
    else:
        seasons = []
    film = None if seasons or kind == "festival" else _FILM_RE.search(sentence)
    if seasons:
        season = _season_of_date(sentence, seasons, d.start)
    elif kind != "festival" and film is None:
        season = article_season()  # "Production on the new season began...": the article's season
    else:
        season = None  # a festival, or the film ("Heartstopper Forever arrives on 16 October"): no season
    if kind == "festival":
        what = _clean_festival(fest or "festival")
    else:
        label = _LABEL.get(kind, kind)
        if season:
            what = f"Season {season} {label}"
        elif film is not None:
            what = f"{film.group('title') or 'Film'} {label}"
        else:
            what = label[:1].upper() + label[1:]
    return Event(what=what, date=iso, kind=kind, season=season)
