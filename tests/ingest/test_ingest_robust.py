"""Extraction never raises, stays linear on hostile input, and emits the JSON contract's shape."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.extract import extract_article

_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def _well_formed(facts) -> None:
    data = facts.to_json()
    json.dumps(data)
    assert set(data) == {"file", "title", "date", "cast", "events", "quotes"}
    assert isinstance(data["title"], str)
    assert data["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["date"])
    for c in data["cast"]:
        assert set(c) == {"actor", "character", "description"}
        assert c["actor"] and c["character"]
    for e in data["events"]:
        assert set(e) == {"what", "date"} and e["what"]
        assert _DATE.fullmatch(e["date"]), e
        year, month = int(e["date"][:4]), int(e["date"][5:7])
        assert 1900 <= year <= 2100 and 1 <= month <= 12
    for q in data["quotes"]:
        assert set(q) == {"speaker", "text"} and q["speaker"] and q["text"]


def test_json_shape_on_a_full_article():
    facts = extract_article(
        "date 2024-07-18\nsource: https://example.com/x\nHeadline\n"
        "Joe Locke (Charlie Spring) returns. Season 3 premieres on October 3.\n"
        '"It is brilliant," said Joe Locke.',
        "data/articles/x.txt",
    )
    data = facts.to_json()
    assert data == {
        "file": "data/articles/x.txt",
        "title": "Headline",
        "date": "2024-07-18",
        "cast": [{"actor": "Joe Locke", "character": "Charlie Spring", "description": None}],
        "events": [{"what": "Season 3 premiere", "date": "2024-10-03"}],
        "quotes": [{"speaker": "Joe Locke", "text": "It is brilliant"}],
    }
    assert facts.source == "https://example.com/x"


HOSTILE = [
    "(" * 200_000,
    '"' * 100_000,
    "“" * 50_000 + "”" * 50_000,
    "Mr. " * 50_000,
    ("Kit Connor as " * 20_000) + "Nick",
    "A (B (C (D (E " * 20_000,
    ("Aaaa Bbbb " * 30_000) + "as",
    "date 2023-06-22 " + "August 3, " * 10_000,
    ("Joe Locke, " * 10_000) + "as Charlie",
    "\n".join(['"Quote, " said Kit Connor. "More' for _ in range(5_000)]),
    "x" * 200_000,
    "\u200b\u00a0\t" * 50_000,
    "Oseman Osman Osemann " * 20_000,
]


def test_hostile_inputs_complete_and_return():
    # No wall clock: the suite itself would hang if any pattern backtracked catastrophically.
    for text in HOSTILE:
        _well_formed(extract_article(text, "hostile.txt"))


_CHARS = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?()[]-–—'\"“”‘’\n\t")
_PIECES = [
    "Mr. ",
    " as ",
    " plays ",
    " (",
    ")",
    " said ",
    "August ",
    "3 ",
    "2023",
    "Season 2 ",
    "Kit Connor",
    "Nick",
]
_PIECES += ["premiere ", "date 2023-06-22 ", "who plays ", "played by ", "Friday ", "\ud7ff", "\x00"]
_ALPHABET = st.sampled_from(_CHARS + _PIECES)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_never_raises_on_article_like_text(text):
    _well_formed(extract_article(text, "fuzz.txt"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_text(text):
    _well_formed(extract_article(text, "fuzz.txt"))
