"""Dates written in prose, and when a missing year can soundly be inferred from the article's date line."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTH_NUM = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip


def month_number(name: str) -> int:
    """1-12 for a month name or its abbreviation, any case, with or without a full stop ("Sept.")."""
    return _MONTH_NUM[name.rstrip(".").lower()]


_FULL_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_WEEKDAY_NUM = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY = _WEEKDAY  # for other modules
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

# Dates are found from their month name (a fast, charset-led scan), then the day, weekday and year are read
# from the few characters on either side. ISO dates are found separately.
# (?=[...]): a quick first test, the letters a month starts with.
_MONTH_RE = re.compile(rf"\b(?=[ADFJMNOS])(?P<m>{FULL_MONTH}|{_ABBR_MONTH})(?![\w'’])")
_ISO_RE = re.compile(rf"\b(?=[12])(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)\b")
# "August 3, 2023", "August 3rd", "Aug. 3 2023" (not "3:30" or "3.5")
_DAY_AFTER_RE = re.compile(rf"[ \t]+(?P<d>[0-3]?\d){_ORD}\b(?![:.]\d)(?:,?[ \t]+(?P<y>{_YEAR})\b)?")
# "September 2022"
_YEAR_AFTER_RE = re.compile(rf",?[ \t]+(?:of[ \t]+)?(?P<y>{_YEAR})\b")
# "Friday (17th February", "3 August", "the 3rd of August"
_DAY_BEFORE_RE = re.compile(
    rf"(?:\b(?P<wd>{_WEEKDAY})[ \t]*[,(]?[ \t]*)?(?:the[ \t]+)?(?<![:.\d])\b(?P<d>[0-3]?\d){_ORD}[ \t]+"
    rf"(?:of[ \t]+)?$"
)
_WEEKDAY_BEFORE_RE = re.compile(rf"\b(?P<wd>{_WEEKDAY}),?[ \t]+$")
# "in September": a bare month only after a preposition, so "May" the verb or name is not a month.
_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:in|since|from|until|till|by|during|early|late|mid|mid-|end[ \t]+of|start[ \t]+of|beginning[ \t]+of"
    r"|throughout|this|next|last|back[ \t]+in)[ \t]+$"
    r"|\b(?:early|mid|late)-$",  # "in mid-December"
    re.IGNORECASE,  # "In May, Netflix renewed the show"
)
_FOLLOWING_BEFORE_RE = re.compile(r"\b[Tt]he[ \t]+(?:following|next)[ \t]+$")
# "began in September 2023 and wrapped that December": the year of the date before it in the text. ("that May"
# is left out: "said that May would ..." names a person.)
_THAT_BEFORE_RE = re.compile(r"\b(?:[Tt]hat|[Tt]he[ \t]+same)[ \t]+$")
# "got under way in July 2025 ... and wrapped in September of that year", "on 12 May the same year".
_THAT_YEAR_AFTER_RE = re.compile(r",?[ \t]+(?:of[ \t]+)?(?:that|the[ \t]+same)[ \t]+year\b")


def _that_year(found: list[FoundDate], at: int) -> int | None:
    """The year of "that December" / "September of that year": the year of the last dated day or month
    before `at`, or None."""
    before = [d for d in found if d.end <= at and d.year is not None and d.month]
    return max(before, key=lambda d: d.end).year if before else None


def _following_year(found: list[FoundDate], at: int, month: int) -> int | None:
    """The year of "the following <month>": the first such month after the last dated day or month before
    `at`, or None."""
    before = [d for d in found if d.end <= at and d.year is not None and d.month]
    if not before:
        return None
    last = max(before, key=lambda d: d.end)
    return last.year + 1 if month <= last.month else last.year


# "Dec. 10 and 11", "17 and 18 March": the other day of the pair, in the same month.
_SECOND_DAY_AFTER_RE = re.compile(
    rf"[ \t]*(?:and|&)[ \t]+(?P<d>[0-3]?\d){_ORD}\b(?![:.]\d)(?:,?[ \t]+(?P<y>{_YEAR})\b)?"
)
_FIRST_DAY_BEFORE_RE = re.compile(rf"\b(?P<d>[0-3]?\d){_ORD}[ \t]+(?:and|&)[ \t]+$")

_RELATIVE = frozenset(("last", "next", "this"))
_YEAR_RELATIVE_AFTER_RE = re.compile(r"[ \t]+(?P<rel>last|this|next)[ \t]+year\b", re.IGNORECASE)
_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}
# A yearless day this close to the date line has only one possible year, whatever the tense.
_NEAR_DAYS = 30

# Verbs and markers of tense near a date.
_FUTURE_RE = re.compile(
    r"\b(?:[Ww]ill|'ll|set[ \t]+to|is[ \t]+to|are[ \t]+to|due|scheduled|slated|coming|upcoming|expected|"
    r"going[ \t]+to|plans?[ \t]+to|arrives|arriving|lands|drops|premieres|returns|hits|debuts|launches|"
    r"streams|airs|begins|starts|kicks[ \t]+off|is[ \t]+out|hoping|hopes"
    # A plural subject's schedule: "all eight episodes premiere Oct. 3" ("the premiere" is a noun: no tense).
    r"|(?:episodes|seasons|instalments|installments|chapters)[ \t]+(?:premiere|arrive|land|drop|debut|launch"
    r"|stream|air|return|hit))\b",
)
_PAST_RE = re.compile(
    r"\b(?:[Ww]as|[Ww]ere|had|did|began|begun|started|commenced|concluded|wrapped|finished|ended|announced|released|"
    r"premiered|revealed|confirmed|aired|debuted|dropped|landed|arrived|took[ \t]+place|held|ago|earlier|"
    r"spoke|appeared|attended|unveiled|shared|posted|renewed|completed|kicked[ \t]+off|ordered|greenlit|"
    r"commissioned|followed|[Ss]ince|got|went|came|took|won|became|screened|filmed|said|told)\b",
)

# A schedule in the present ("is streaming on Netflix from 3 October", "is on Netflix from"): the date may be
# just before or just after the date line, so the year is the one that puts it nearest.
_PRESENT_RE = re.compile(r"\b(?:is|are)[ \t]+(?:now[ \t]+)?(?:streaming|available|on[ \t]+[A-Z][\w+]*)\b")


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    weekday: int | None
    # "last" / "next" / "this" written before a bare month ("last September"); "following" / "that" for "the
    # following February" / "that December" that no earlier date in the text placed.
    relative: str | None = None
    year_shift: int | None = None  # "in May last year": -1 from the date line's year ("next year" +1)
    # month == 0: "Thursday" alone or "last month", which only the article's date line can place.


# Any month's first three letters. One regex beats twelve substring tests here: it skips from capital to
# capital (the letters these start with).
_MONTH_STEM_RE = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_ISO_HINT_RE = re.compile(r"\d\d\d\d-\d")


_WEEKDAY_ALONE_RE = re.compile(rf"\b(?P<wd>{_WEEKDAY})\b")
_RELATIVE_MONTH_RE = re.compile(r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)[ \t]+month\b")
_ANCHORED_HINTS = (*(day.capitalize() for day in _WEEKDAY_NUM), " month")


def might_have_date(text: str) -> bool:
    """Cheap test before the full date pattern: every date form has a month name, a weekday or "month", or
    is ISO."""
    if _MONTH_STEM_RE.search(text) is not None:
        return True
    for h in _ANCHORED_HINTS:
        if h in text:
            return True
    return "-" in text and _ISO_HINT_RE.search(text) is not None


def find_dates(text: str) -> list[FoundDate]:
    """Every date in `text`, in order: full dates, day+month, month+year and (after a preposition) month."""
    out = []
    for m in _ISO_RE.finditer(text):
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if _valid(year, month, day):
            out.append(FoundDate(m.start(), m.end(), year, month, day, None))
    for m in _MONTH_RE.finditer(text):
        month = month_number(m.group("m"))
        head = text[max(0, m.start() - 30) : m.start()]
        if (before := _DAY_BEFORE_RE.search(head)) is not None:
            day = int(before.group("d"))
            wd = before.group("wd")
            after = _YEAR_AFTER_RE.match(text, m.end())
            year = int(after.group("y")) if after else None
            start = m.start() - len(head) + before.start()
            end = after.end() if after else m.end()
        elif (after := _DAY_AFTER_RE.match(text, m.end())) is not None:
            day = int(after.group("d"))
            year = int(after.group("y")) if after.group("y") else None
            wdm = _WEEKDAY_BEFORE_RE.search(head)
            wd = wdm.group("wd") if wdm else None
            start = m.start() - len(head) + wdm.start() if wdm else m.start()
            end = after.end()
        elif (after := _YEAR_AFTER_RE.match(text, m.end())) is not None:
            out.append(FoundDate(m.start(), after.end(), int(after.group("y")), month, None, None))
            continue
        elif m.group("m").lower() in _FULL_MONTHS and (
            ((that := _THAT_BEFORE_RE.search(head)) is not None and month != 5)
            or (that := _THAT_YEAR_AFTER_RE.match(text, m.end())) is not None
        ):
            year = _that_year(out, m.start())
            if that.end() <= m.start():  # "that December"
                at, end = m.start() - len(head) + that.start(), m.end()
            else:  # "September of that year"
                at, end = m.start(), that.end()
            out.append(FoundDate(at, end, year, month, None, None, None if year else "that"))
            continue
        elif m.group("m").lower() in _FULL_MONTHS and (after_date := _FOLLOWING_BEFORE_RE.search(head)):
            # "Filming began on Oct. 2, 2023 ... It wrapped the following February": the first such month
            # after the date before it in the text; no such date, no year.
            year = _following_year(out, m.start(), month)
            at = m.start() - len(head) + after_date.start()
            out.append(FoundDate(at, m.end(), year, month, None, None, None if year else "following"))
            continue
        elif m.group("m").lower() in _FULL_MONTHS and (prep := _PREPOSITION_BEFORE_RE.search(head)):
            rel = prep.group(0).strip().lower()
            shift = None
            end = m.end()
            if (yr := _YEAR_RELATIVE_AFTER_RE.match(text, m.end())) is not None:
                shift, end = _YEAR_SHIFT[yr.group("rel").lower()], yr.end()
            out.append(
                FoundDate(m.start(), end, None, month, None, None, rel if rel in _RELATIVE else None, shift)
            )
            continue
        else:
            continue
        if not _valid(year or 2000, month, day):
            continue
        shift = None
        if year is None and (yr := _YEAR_RELATIVE_AFTER_RE.match(text, end)) is not None:
            shift, end = _YEAR_SHIFT[yr.group("rel").lower()], yr.end()  # "on 3 August last year"
        elif year is None and (that := _THAT_YEAR_AFTER_RE.match(text, end)) is not None:
            year, end = _that_year(out, start), that.end()  # "on 12 May that year"
            if year is None:
                continue
        pair = _paired_day(text, start, end, year, month, day)
        if pair and year is None:
            year = pair[0].year  # "Dec. 10 and 11, 2022": the year closes the pair
        weekday = _WEEKDAY_NUM[wd.lower()] if wd else None
        out.append(FoundDate(start, end, year, month, day, weekday, year_shift=shift))
        out += pair
    out += _anchored_dates(text, out)
    out.sort(key=lambda d: d.start)
    return out


def _paired_day(text: str, start: int, end: int, year: int | None, month: int, day: int) -> list[FoundDate]:
    """The other day of "Dec. 10 and 11" (after the date) or "17 and 18 March" (before it)."""
    if (m := _SECOND_DAY_AFTER_RE.match(text, end)) is not None:
        other, at, until = int(m.group("d")), m.start("d"), m.end()
        year = int(m.group("y")) if m.group("y") else year
    elif (m := _FIRST_DAY_BEFORE_RE.search(text, max(0, start - 12), start)) is not None:
        other, at, until = int(m.group("d")), m.start(), m.end("d")
    else:
        return []
    if other == day or not _valid(year or 2000, month, other):
        return []
    return [FoundDate(at, until, year, month, other, None)]


def _anchored_dates(text: str, found: list[FoundDate]) -> list[FoundDate]:
    """A weekday that is not part of a full date ("began streaming Thursday"), and "last/next/this month"."""
    out = []
    if "day" in text:
        for m in _WEEKDAY_ALONE_RE.finditer(text):
            # "Thursday 3 October" / "Tuesday (17 September)" belong to the full date that follows.
            if any(d.start <= m.start() < d.end or m.end() <= d.start <= m.end() + 3 for d in found):
                continue
            out.append(FoundDate(m.start(), m.end(), None, 0, None, _WEEKDAY_NUM[m.group("wd").lower()]))
    if "month" in text:
        for m in _RELATIVE_MONTH_RE.finditer(text):
            out.append(FoundDate(m.start(), m.end(), None, 0, None, None, m.group("rel").lower()))
    return out


def _anchored(d: FoundDate, dateline: dt.date | None, tense: str | None) -> str | None:
    """A weekday alone or "last/next/this month", placed from the date line (news style: "said Thursday"
    means the latest Thursday, "will open Monday" the coming one); None without a date line or a tense."""
    if dateline is None:
        return None
    if d.weekday is not None:
        back = (dateline.weekday() - d.weekday) % 7
        if tense == "future":
            return (dateline + dt.timedelta(days=(d.weekday - dateline.weekday()) % 7)).isoformat()
        if tense == "past" or back == 0:
            return (dateline - dt.timedelta(days=back)).isoformat()
        return None
    shift = {"last": -1, "next": 1}.get(d.relative or "", 0)
    year, month = divmod(dateline.year * 12 + dateline.month - 1 + shift, 12)
    return f"{year:04d}-{month + 1:02d}"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def tense_near(sentence: str, pos: int) -> str | None:
    """'future' / 'past' / 'present' from the tense marker nearest before `pos` (else after), or None."""
    best: tuple[int, str] | None = None
    for rx, label in ((_FUTURE_RE, "future"), (_PAST_RE, "past"), (_PRESENT_RE, "present")):
        for m in rx.finditer(sentence):
            dist = pos - m.end() if m.end() <= pos else (m.start() - pos) + 1000
            if best is None or dist < best[0]:
                best = (dist, label)
    return best[1] if best else None


def complete(d: FoundDate, dateline: dt.date | None, tense: str | None) -> str | None:
    """ISO "YYYY-MM-DD" or "YYYY-MM", inferring a missing year only where that is sound; else None."""
    if d.month == 0:
        return _anchored(d, dateline, tense)
    year = d.year
    if year is None and d.relative in ("following", "that"):
        return None  # "the following February" / "that December" with no date before it to follow
    if year is None and d.year_shift is not None and dateline is not None:
        year = dateline.year + d.year_shift
    if year is None:
        if dateline is None:
            return None
        candidates = (dateline.year - 1, dateline.year, dateline.year + 1)
        if d.day is not None and d.weekday is not None:
            # "Friday (20 May)": the weekday pins the year; take the one nearest the article's date.
            fits = [
                y
                for y in candidates
                if _valid(y, d.month, d.day) and dt.date(y, d.month, d.day).weekday() == d.weekday
            ]
            if not fits:
                return None
            year = min(fits, key=lambda y: abs((dt.date(y, d.month, d.day) - dateline).days))
        elif d.relative is not None and d.day is None:
            # "last September" is the latest September strictly before the date line's month; "next
            # September" the first one after it; "this September" the date line's year.
            year = dateline.year
            if d.relative == "last" and d.month >= dateline.month:
                year -= 1
            elif d.relative == "next" and d.month <= dateline.month:
                year += 1
        elif tense == "present" and d.day is not None:
            fits = [y for y in candidates if _valid(y, d.month, d.day)]
            if not fits:
                return None
            year = min(fits, key=lambda y: abs((dt.date(y, d.month, d.day) - dateline).days))
        elif tense in ("past", "future"):
            year = dateline.year
            when = (d.month, d.day) if d.day is not None else (d.month,)
            ref = (dateline.month, dateline.day) if d.day is not None else (dateline.month,)
            if tense == "past" and when > ref:
                year -= 1  # a past month after the date line happened the year before
            elif tense == "future" and when < ref:
                year += 1  # a coming month before the date line is next year's
        elif d.day is not None:
            near = [
                y
                for y in candidates
                if _valid(y, d.month, d.day)
                and abs((dt.date(y, d.month, d.day) - dateline).days) <= _NEAR_DAYS
            ]
            if len(near) != 1:
                return None
            year = near[0]
        else:
            return None
    if d.day is None:
        return f"{year:04d}-{d.month:02d}"
    if not _valid(year, d.month, d.day):
        return None
    return f"{year:04d}-{d.month:02d}-{d.day:02d}"
