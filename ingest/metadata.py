"""The article header: optional `date YYYY-MM-DD`, `source: URL`, `title: ...` lines, else a headline."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ingest.dates import find_dates

MAX_TITLE = 200
# How many leading lines may be metadata; beyond that everything is body.
_MAX_HEADER_LINES = 8

_DATE_LINE = re.compile(r"[ \t]*date[ \t]*[:=]?[ \t]*(\d{4})-(\d{1,2})-(\d{1,2})\b[ \t]*(.*)", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"[ \t]*(?:source|url)[ \t]*:[ \t]*(\S.*?)[ \t]*$", re.IGNORECASE)
_TITLE_LINE = re.compile(r"[ \t]*(?:title|headline)[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“‘'(]?[A-Z0-9])")


@dataclass(frozen=True)
class Header:
    title: str
    date: str | None  # ISO "YYYY-MM-DD" when the date line holds a real calendar date
    source: str | None
    headline: str  # text that is a headline only (excluded from quotes); "" when the title is body text
    body: str  # everything after the header, the text facts are extracted from


_KICKER = re.compile(r"[ \t]*[A-Z][A-Z&'’\-]+(?:[ \t]+[A-Z&][A-Z&'’\-]*){0,2}[ \t]*")


def _trim_title(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_TITLE:
        return text
    cut = text.rfind(" ", 0, MAX_TITLE - 1)
    return (text[: cut if cut > 40 else MAX_TITLE - 1]).rstrip(" ,;:-") + "…"


def first_sentence(text: str) -> str:
    """The first sentence of `text`, trimmed to a title-sized string."""
    m = _SENTENCE_END.search(text, 0, min(len(text), MAX_TITLE * 3))
    return _trim_title(text[: m.start() + 1] if m else text)


def _valid_date(y: str, m: str, d: str) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def parse_header(text: str) -> Header:
    """Split an article's text into its metadata and body. Never raises."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    date: str | None = None
    source: str | None = None
    title: str | None = None
    body_lead = ""  # text following the date on the date line: it belongs to the body
    i = 0
    seen_meta = 0
    while i < len(lines) and seen_meta < _MAX_HEADER_LINES:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if date is None and not body_lead and (m := _DATE_LINE.match(line)):
            date = _valid_date(m.group(1), m.group(2), m.group(3))
            body_lead = m.group(4).strip()
        elif source is None and (m := _SOURCE_LINE.match(line)):
            source = m.group(1)
        elif title is None and (m := _TITLE_LINE.match(line)) and m.group(1):
            title = _trim_title(m.group(1))
        else:
            break
        seen_meta += 1
        i += 1
        if body_lead:
            break  # the date line carried body text: the header is over
    rest = "\n".join(lines[i:])
    headline = ""
    if body_lead:
        body = body_lead + ("\n" + rest if rest.strip() else "")
        if title is None:
            title = first_sentence(body_lead)
    else:
        body = rest
        if title is None:
            # The first non-empty line is the headline.
            stripped = rest.lstrip("\n")
            first, _, after = stripped.partition("\n")
            if _KICKER.fullmatch(first) and after.strip():
                # A section kicker ("HOLLYWOOD", "TV & RADIO") above the headline is not the headline.
                first, _, after = after.lstrip("\n").partition("\n")
            if first.strip():
                headline = first.strip()
                title = _trim_title(headline)
                body = after
                # Outlets' exports often put the date/source lines under the headline, not above it.
                date, source, body = _metadata_after_headline(body, date, source)
    if date is None:
        date = _date_near_top(body)
    return Header(title=title or "", date=date, source=source, headline=headline, body=body)


# Without a `date` line, a line near the top that is only a date ("20 May 2022", "Published: 3 October 2024 at
# 09:00") or opens with a wire/press dateline ("LONDON, May 20, 2022 — ...") is the article's date.
_TOP_LINES = 6
_BEFORE_DATE = re.compile(
    r"[ \t*_]*(?:By[ \t]+[^|\n]{1,60}\|[ \t]*)?"  # "By Sam Lee | Published ..."
    r"(?:[A-Z][A-Za-z .'’-]{1,40},[ \t]*"
    r"|(?:(?:Published|Posted|Updated|First[ \t]+published|Last[ \t]+updated)(?:[ \t]+on)?[ \t]*:?[ \t]*)?"
    # A time before the date: "06:00, 28 JUL 2025", "Published 3:00 a.m. ET Oct. 3, 2024".
    # "Updated 7:41 PM GMT, October 15, 2026" (AP prints the time first, in capitals, with its zone).
    # "Updated 9:14 AM GMT+1, May 8, 2025": a zone with an offset.
    r"(?:\d{1,2}[:.]\d\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]+[A-Z]{2,4}(?:[+-]\d{1,2})?)?[ \t]*,?[ \t]*)?"
    # A weekday before a day-first date, often abbreviated: "Thu 3 Oct 2024 08.00 BST" (the Guardian).
    r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,?[ \t]+)?)$"
)
# Bylines print months in capitals ("SEPTEMBER 30, 2024", "28 JUL 2025"); prose dates never do, so only the
# top lines read them, as the same-length capitalised word.
_CAPS_MONTH = re.compile(
    r"\b(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\b"
)
_AFTER_DATE = re.compile(r"[ \t*_]*(?:$|[—–|]|-[ \t]|(?:at[ \t]+|,[ \t]*)?\d{1,2}[:.]\d\d)")
# A numeric byline date, "11/04/2026 06:00am BST" (HuffPost UK) or "04/11/2026 6:00 AM ET": which number is
# the day is the outlet's convention, so it is read only when a number over 12 or the time zone settles it.
_NUMERIC_DATE = re.compile(
    r"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)\b"
    r"(?:[ \t]*,?[ \t]*(?:at[ \t]+)?\d{1,2}[:.]\d\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?)?"
    r"(?:[ \t]+(?P<zone>[A-Z]{2,4}))?[ \t]*(?:$|[—–|])"
)
_DAY_FIRST_ZONES = frozenset(
    ("BST", "GMT", "IST", "CET", "CEST", "WET", "WEST", "AEST", "AEDT", "NZST", "NZDT")
)
_MONTH_FIRST_ZONES = frozenset(
    ("ET", "EST", "EDT", "PT", "PST", "PDT", "CT", "CST", "CDT", "MT", "MST", "MDT")
)


def _numeric_date(line: str) -> str | None:
    """The ISO date of a byline line holding a numeric date, when its day/month order is certain."""
    m = _NUMERIC_DATE.search(line)
    if m is None or _BEFORE_DATE.match(line[: m.start()]) is None:
        return None
    a, b, zone = int(m.group("a")), int(m.group("b")), m.group("zone")
    if a > 12 or (b <= 12 and zone in _DAY_FIRST_ZONES):
        day, month = a, b
    elif b > 12 or zone in _MONTH_FIRST_ZONES:
        day, month = b, a
    else:
        return None  # "04/05/2026" with no zone: 4 May or April 5
    return _valid_date(m.group("y"), str(month), str(day))


def _date_near_top(body: str) -> str | None:
    seen = 0
    for line in body.split("\n"):
        if not line.strip():
            continue
        seen += 1
        if seen > _TOP_LINES:
            break
        if "/" in line and (numeric := _numeric_date(line[:100])) is not None:
            return numeric
        head = _CAPS_MONTH.sub(lambda m: m.group(0).capitalize(), line[:100])
        for d in find_dates(head):
            if (
                d.year is not None
                and d.day is not None
                and d.month
                and _BEFORE_DATE.match(head[: d.start]) is not None
                and _AFTER_DATE.match(head, d.end) is not None
            ):
                return _valid_date(str(d.year), str(d.month), str(d.day))
    return None


def _metadata_after_headline(
    body: str, date: str | None, source: str | None
) -> tuple[str | None, str | None, str]:
    """Consume `date ...` / `source: ...` lines that directly follow the headline (blank lines allowed)."""
    lines = body.split("\n")
    i = 0
    seen = 0
    while i < len(lines) and seen < _MAX_HEADER_LINES:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if date is None and (m := _DATE_LINE.match(line)) and not m.group(4).strip():
            date = _valid_date(m.group(1), m.group(2), m.group(3))
        elif source is None and (m := _SOURCE_LINE.match(line)):
            source = m.group(1)
        else:
            break
        seen += 1
        i += 1
    if not seen:
        return date, source, body
    return date, source, "\n".join(lines[i:])
