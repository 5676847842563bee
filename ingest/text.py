"""Paragraph and sentence boundaries: the units every extractor works in (keeps all passes linear)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A sentence ends at . ! ? or … (optionally followed by closing quotes/brackets), then space, then
# something that can start a sentence.
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*[ \t\u00a0]+(?=[\"“‘'(\[]?[A-Z0-9À-Þ])")
# Abbreviations that end in a dot without ending the sentence ("Mr. Farouk", "J. K.").
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|St|Prof|Jr|Sr|vs|No|Vol|Ep|etc|approx|Capt|Gen|Rev)|\b[A-Z])\.$"
)

# "Dec. 10", "Sept. 5": an abbreviated month before a day number ends no sentence.
_MONTH_ABBREV = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")

_PARAGRAPH_END = frozenset(".!?:;\"”’')]…")


@dataclass(frozen=True)
class Paragraph:
    index: int
    text: str
    is_headline: bool = False


def paragraphs(headline: str, body: str) -> list[Paragraph]:
    """One paragraph per non-empty line; the headline (if any) comes first, flagged."""
    out: list[Paragraph] = []
    if headline.strip():
        out.append(Paragraph(0, " ".join(headline.split()), True))
    lines: list[str] = []
    for line in body.split("\n"):
        line = line.strip()
        if not line:
            lines.append("")
        elif lines and lines[-1] and _continues(lines[-1], line):
            lines[-1] += " " + line  # a hard-wrapped paragraph: "...while Hayley Atwell\nwill play..."
        else:
            lines.append(line)
    for line in lines:
        if line:
            out.append(Paragraph(len(out), line))
    return out


def _continues(previous: str, line: str) -> bool:
    """Whether `line` is the rest of `previous`'s sentence (the text was wrapped, not a new paragraph)."""
    return previous[-1] not in _PARAGRAPH_END and line[0].islower()


@lru_cache(maxsize=1024)
def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a paragraph. Cached: cast, quotes and events all split the same
    paragraphs (callers must not mutate the list)."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[max(start, m.start() - 8) : m.start() + 1]
        if text[m.start()] == "." and (
            _ABBREV.search(head) or (text[m.end() : m.end() + 1].isdigit() and _MONTH_ABBREV.search(head))
        ):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """(start, end) of the sentence containing `pos` (spans are sorted and contiguous)."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = spans[mid]
        if pos < s:
            hi = mid - 1
        elif pos >= e:
            lo = mid + 1
        else:
            return s, e
    return (0, spans[-1][1]) if spans else (0, pos)


def sentence_start(spans: list[tuple[int, int]], pos: int) -> int:
    """Start offset of the sentence containing `pos`."""
    return sentence_at(spans, pos)[0]


# Words a Title Case Heading capitalises that are never part of a name: lowered so the patterns read
# "Nick's Aunt Diane Is Portrayed By Hayley Atwell" as prose.
_HEADING_WORDS = frozenset(
    "Is Are Was Were Will Be Been Has Have Had By As Of In On At For From To And Or With Into Who Whose "
    "Returns Return Returned Returning Joins Join Joined Plays Play Played Playing Portrayed Portrays "
    "Portraying Stars Star Introduces Introduced Introducing Reprises Reprising Brought Life Voiced Voices "
    "Cast Back Again Now Also Still Fighting Preparing Gets Takes Meets Steps".split()
)
# Relations lowered after a possessive: "Nick's Aunt Diane" -> "Nick's aunt Diane".
_HEADING_RELATIONS = frozenset(
    "Aunt Uncle Mum Mom Mother Dad Father Brother Sister Cousin Friend Boyfriend Girlfriend Teacher Coach "
    "Grandmother Grandfather Gran Grandma Grandad Stepdad Stepmum Therapist Doctor Tutor Classmate".split()
)
_TITLE_WORD_RE = re.compile(r"[A-Za-z][\w'’\-]*")


def heading_as_prose(text: str) -> str:
    """A Title Case heading ("Season 3 Introduces Jack Maddox, Played By Jonathan Bailey") with its heading
    words lowered, same length so offsets hold; any other text unchanged. Names keep their capitals."""
    if len(text) > 120 or text[-1:] in '.!?"”' or " " not in text:
        return text
    words = _TITLE_WORD_RE.findall(text)
    if len(words) < 5 or sum(1 for w in words if w[0].isupper()) < len(words) - 1:
        return text
    if sum(1 for w in words if w in _HEADING_WORDS) < 2:
        return text
    first = True
    prev = ""

    def low(m: re.Match) -> str:
        nonlocal first, prev
        w, before = m.group(0), prev
        prev = w
        if first:
            first = False
            return w
        if w in _HEADING_WORDS or (w in _HEADING_RELATIONS and before.endswith(("'s", "’s"))):
            return w.lower()
        return w

    return _TITLE_WORD_RE.sub(low, text)
