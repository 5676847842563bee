"""The extractor on hostile text: never raises, and its work grows linearly with the input.

Work is counted, not timed: every Python and C function call made while extracting (sys.setprofile), for
an input of n and of 4n characters. Linear code makes about 4x the calls; a quadratic loop 16x. Regular
expressions that backtrack catastrophically do their work inside one C call, so a 1 MB input (half the
reader's 2 MB limit) of every hostile pattern is also run: it would never finish if one did.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.extract import extract_article
from tests.reliability.tally import tried

HEADER = "date 2023-06-22\nHeartstopper news\n\n"
FAMILIES = {
    "cast as": "Kit Connor as Nick Nelson, ",
    "parenthesis": "Kit Connor (Nick Nelson), ",
    "parenthesis reversed": "Nick Nelson (Kit Connor) ",
    "possessive": "Kit Connor's Nick Nelson, ",
    "who plays": "Kit Connor, who plays Nick Nelson, ",
    "played by": "Nick Nelson, played by Kit Connor. ",
    "quotes": '"Quote, " said Kit Connor. "More\n',
    "said": 'Kit Connor said: "Rugby." ',
    "dates": "August 3, 2023 premiere. ",
    "names": "Aaaa Bbbb ",
    "list": "Joe Locke, ",
    "unclosed": "(((( [[[ “ « ",
    "invisible": "\u200b\u00a0\t\u202e",
    "titles": "Mr. Mrs. Dr. Ms. ",
}
LIMIT = 6.0  # calls(4n) / calls(n): ~4 when linear, ~16 when quadratic


def _article(unit: str, size: int) -> str:
    return HEADER + (unit * (size // len(unit) + 1))[:size]


def work(text: str) -> int:
    """Function calls (Python and C) made while extracting `text`: deterministic, unlike a clock. Counted on a
    second run, so the name caches hold this text's names whatever earlier tests left in them (a cache
    filled by other tests made the count depend on test order)."""
    extract_article(text, "warm.txt")
    calls = 0

    def count(frame, event, arg) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        extract_article(text, "work.txt")
    finally:
        sys.setprofile(None)
    return calls


def _ratio(unit: str, n: int = 4000) -> float:
    return work(_article(unit, 4 * n)) / max(1, work(_article(unit, n)))


@pytest.mark.parametrize("family", FAMILIES)
def test_work_grows_linearly(family: str) -> None:
    assert _ratio(FAMILIES[family]) <= LIMIT
    tried("extractor: linear work on hostile families (n vs 4n)")


PIECES = [*FAMILIES.values(), " as ", " (", ")", " said ", " plays ", "Season 2 ", "\n\n", ". ", ", "]


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PIECES) | st.text(min_size=1, max_size=6), min_size=1, max_size=6))
def test_work_grows_linearly_on_generated_patterns(parts: list[str]) -> None:
    unit = "".join(parts)
    assert _ratio(unit, 2000) <= LIMIT, repr(unit)
    tried("extractor: linear work on generated patterns (n vs 4n)")


def test_a_megabyte_of_every_hostile_pattern_completes() -> None:
    for unit in FAMILIES.values():
        facts = extract_article(_article(unit, 1_000_000 // len(FAMILIES)), "big.txt")
        assert facts.title
    mixed = HEADER + "".join(FAMILIES.values()) * (1_000_000 // len("".join(FAMILIES.values())))
    assert extract_article(mixed, "mixed.txt").title
    tried("extractor: 1 MB hostile inputs completed", len(FAMILIES) + 1)
