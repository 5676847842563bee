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
_WEEKDAY_NUM = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY_MONTH = rf"(?:{_FULL_MONTH}|{_ABBR_MONTH})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

DATE_RE = re.compile(
    rf"\b(?P<iso>(?P<iy>{_YEAR})-(?P<im>\d\d)-(?P<id>\d\d))\b"
    # "Friday, August 3, 2023", "August 3rd", "Aug. 3 2023"
    rf"|(?:(?P<wd1>{_WEEKDAY}),?[ \t]+)?\b(?P<m1>{_DAY_MONTH})[ \t]+(?P<d1>[0-3]?\d){_ORD}\b(?![:.]\d)"
    rf"(?:,?[ \t]+(?P<y1>{_YEAR})\b)?"
    # "Friday (17th February 2023)", "3 August", "the 3rd of August, 2023"
    rf"|(?:(?P<wd2>{_WEEKDAY})[ \t]*[,(]?[ \t]*)?\b(?:the[ \t]+)?(?P<d2>[0-3]?\d){_ORD}[ \t]+(?:of[ \t]+)?"
    rf"(?P<m2>{_DAY_MONTH})\b(?:,?[ \t]+(?P<y2>{_YEAR})\b)?"
    # "September 2022"
    rf"|\b(?P<m3>{_FULL_MONTH}|{_ABBR_MONTH})[ \t]+(?:of[ \t]+)?(?P<y3>{_YEAR})\b"
    # "in September": only after a preposition, so "May" the verb or name is not a month
    rf"|\b(?:in|since|from|until|till|by|during|early|late|mid|mid-|end[ \t]+of|start[ \t]+of"
    rf"|beginning[ \t]+of|throughout|this|next|last|back[ \t]+in)[ \t]+(?P<m4>{_FULL_MONTH})\b"
)

# Verbs and markers of tense near a date.
_FUTURE_RE = re.compile(
    r"\b(?:will|'ll|set[ \t]+to|is[ \t]+to|are[ \t]+to|due|scheduled|slated|coming|upcoming|expected|"
    r"going[ \t]+to|plans?[ \t]+to|arrives|arriving|lands|drops|premieres|returns|hits|debuts|launches|"
    r"streams|airs|begins|starts|kicks[ \t]+off|is[ \t]+out|hoping|hopes)\b",
    re.IGNORECASE,
)
_PAST_RE = re.compile(
    r"\b(?:was|were|had|did|began|begun|started|commenced|concluded|wrapped|finished|ended|announced|released|"
    r"premiered|revealed|confirmed|aired|debuted|dropped|landed|arrived|took[ \t]+place|held|ago|earlier|"
    r"spoke|appeared|attended|unveiled|shared|posted|renewed|completed|kicked[ \t]+off)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    weekday: int | None


def find_dates(text: str) -> list[FoundDate]:
    out = []
    for m in DATE_RE.finditer(text):
        g = m.groupdict()
        if g["iso"]:
            year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
            if _valid(year, month, day):
                out.append(FoundDate(m.start(), m.end(), year, month, day, None))
            continue
        for mk, dk, yk, wk in (
            ("m1", "d1", "y1", "wd1"),
            ("m2", "d2", "y2", "wd2"),
            ("m3", None, "y3", None),
        ):
            if g[mk]:
                month = _MONTH_NUM[g[mk].rstrip(".").lower()]
                day = int(g[dk]) if dk and g[dk] else None
                year = int(g[yk]) if g[yk] else None
                weekday = _WEEKDAY_NUM[g[wk].lower()] if wk and g[wk] else None
                if day is not None and not _valid(year or 2000, month, day):
                    break
                out.append(
                    FoundDate(m.start(mk if not (wk and g[wk]) else wk), m.end(), year, month, day, weekday)
                )
                break
        else:
            if g["m4"]:
                out.append(FoundDate(m.start("m4"), m.end(), None, _MONTH_NUM[g["m4"].lower()], None, None))
    return out


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def tense_near(sentence: str, pos: int) -> str | None:
    """'future' / 'past' from the tense marker nearest before `pos` (else nearest after), or None."""
    best: tuple[int, str] | None = None
    for rx, label in ((_FUTURE_RE, "future"), (_PAST_RE, "past")):
        for m in rx.finditer(sentence):
            dist = pos - m.end() if m.end() <= pos else (m.start() - pos) + 1000
            if best is None or dist < best[0]:
                best = (dist, label)
    return best[1] if best else None


def complete(d: FoundDate, dateline: dt.date | None, tense: str | None) -> str | None:
    """ISO "YYYY-MM-DD" or "YYYY-MM", inferring a missing year only where that is sound; else None."""
    year = d.year
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
        elif tense in ("past", "future"):
            year = dateline.year
            when = (d.month, d.day) if d.day is not None else (d.month,)
            ref = (dateline.month, dateline.day) if d.day is not None else (dateline.month,)
            if tense == "past" and when > ref:
                year -= 1  # a past month after the date line happened the year before
            elif tense == "future" and when < ref:
                year += 1  # a coming month before the date line is next year's
        else:
            return None
    if d.day is None:
        return f"{year:04d}-{d.month:02d}"
    if not _valid(year, d.month, d.day):
        return None
    return f"{year:04d}-{d.month:02d}-{d.day:02d}"
