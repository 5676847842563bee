"""The cheap pre-tests that let extraction skip a costly pattern must never skip a match: wherever the pattern
matches, its pre-test matches too (checked on text built from the pieces those patterns look for)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest import cast, dates, events, quotes
from ingest.names import TOKEN

PIECES = [
    "Kit Connor", "Nick Nelson", "Nick", "Mr. Farouk", "Coach Singh", "Jo Bell", "O'Brien", "Élodie Roux",
    "Charlie", " as ", " plays ", " play ", " portrays ", " stars as ", " joins the cast this season as ",
    " takes on the role of ", " in a recurring role as ", " reprises her role as ", " guest-stars as ",
    " voices ", " display ", " is ", " and ", ", ", ", who plays ", " & ", "'s ", "’s ", " shy ",
    " new teacher ", " the 20-year-old", " He plays ", " starred in ", " appears opposite ", " acts ",
    " in the hit Netflix series", " on Heartstopper", " drama", " season 3", " Season two", " third run",
    " S2", "S12", "xS3", "first season", ".", "\t", "\u00a0", "(", ")", "'", "‘", "’", ":", "—", "-", " ",
    "the", "a", "role", "part", "turn", "of",
]  # fmt: skip
text = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=14).map("".join)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(text)
def test_season_mentions_need_their_hint(s: str) -> None:
    if events._all_seasons(s) and "run" not in s:
        assert events.may_name_season(s), s


# The original forms of the rewritten patterns (they opened with a lookbehind or \b, which is slow).
_OLD = {
    "season": re.compile(
        r"\b(?:[Ss]eason|[Ss]eries)[ \t]+(?P<n>\d{1,2}|one|two|three|four|five|six)\b"
        r"|\b(?P<o>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)[ \t]+(?:season|series|run)\b"
        r"|\bS(?P<s>\d{1,2})\b"
    ),
    "open": re.compile(r"(?:(?<=^)|(?<=[\s(:—–-]))['‘](?=[^\s'‘’])"),
    "close": re.compile(r"(?<=[^\s'‘’])['’](?=$|[\s.,;:!?)—–-])"),
}


@settings(max_examples=500, deadline=None, derandomize=True)
@given(text)
def test_rewritten_patterns_match_as_before(s: str) -> None:
    for old, new in (
        (_OLD["season"], events._SEASON_RE),
        (_OLD["open"], quotes._SINGLE_OPEN_RE),
        (_OLD["close"], quotes._SINGLE_CLOSE_RE),
    ):
        assert [(m.span(), m.groupdict()) for m in old.finditer(s)] == [
            (m.span(), m.groupdict()) for m in new.finditer(s)
        ], s


# Patterns given a quick first-letter test (a lookahead listing the letters their alternatives start with):
# without it they must match exactly the same, on text made of their own words.
FIRST_LETTER = [
    (events._KEYWORDS, r"\b(?=[abcdefghikloprstuw])"),
    (events._PRODUCTION_RE, r"\b(?=[PpFfSsCcWw])"),
    (dates._MONTH_RE, r"\b(?=[ADFJMNOS])"),
    (dates._ISO_RE, r"\b(?=[12])"),
]
_OWN_WORDS = sorted({w for p, _ in FIRST_LETTER for w in re.findall(r"[A-Za-z]+", p.pattern)})
_WORDS_TEXT = st.lists(
    st.sampled_from(
        [*_OWN_WORDS, " ", "\t", "-", "'s", ",", ".", "2023-08-03", "19", "3", "Kit Connor", "x", "_"]
    ),
    max_size=12,
).map(lambda ws: "".join(ws))


@settings(max_examples=600, deadline=None, derandomize=True)
@given(_WORDS_TEXT, st.sampled_from(range(len(FIRST_LETTER))))
def test_first_letter_tests_change_no_match(s: str, k: int) -> None:
    new, test = FIRST_LETTER[k]
    lookahead = test.removeprefix(r"\b")  # (the \b, where added, is redundant: every alternative has it)
    old = re.compile(new.pattern.replace(lookahead, "", 1))
    assert [(m.span(), m.lastgroup) for m in old.finditer(s)] == [
        (m.span(), m.lastgroup) for m in new.finditer(s)
    ], s


@settings(max_examples=400, deadline=None, derandomize=True)
@given(text, st.sampled_from(quotes._VERB_BEFORE_NAME_ENDINGS))
def test_speech_verb_before_a_name_needs_its_last_word(s: str, verb: str) -> None:
    for head in (s, f"{s} {verb} ", f"{s} {verb}\t\n"):
        if quotes._VERB_BEFORE_NAME_RE.search(head):
            assert head.rstrip().endswith(quotes._VERB_BEFORE_NAME_ENDINGS), head


# Patterns rewritten to open with their first capital (look-behind moved after it): the same matches as the
# original form, on text made of names, apostrophes, word characters and the patterns' own separators.
_FREE_TOKEN_OLD = [
    (
        cast._SHARED_SURNAME_RE,
        rf"(?<![\w'’])(?P<a>{TOKEN})(?:,{cast.SP}(?P<b>{TOKEN}))?,?{cast.SP}(?:and|&){cast.SP}(?P<c>{TOKEN})"
        rf"{cast.SP}(?P<sur>{TOKEN})(?![\w'’]|{cast.SP}{TOKEN})",
    ),
    (
        quotes._VOX_AGE_RE,
        rf"(?<![\w'’])(?P<name>{TOKEN})(?:,[ \t]*\d{{1,2}}[ \t]*,|[ \t]*\([ \t]*\d{{1,2}}[ \t]*\))",
    ),
    (
        quotes._INITIALLED_RE,
        r"(?<![\w'’.])(?P<first>[A-Z][a-z]{1,20})[ \t]+(?P<initial>(?![AI][ \t.])[A-Z]\.?)[ \t]+"
        r"(?P<last>[A-Z][a-z]{1,20}(?:-[A-Z][a-z]{1,20})?)(?![\w'’-])",
    ),
]
_NAMES_TEXT = st.lists(
    st.sampled_from(
        [
            "Jane", "Julio", "Spring", "Russell", "T", "J.", "A", "Davies", "Élodie", "O'Brien", "Priya",
            " and ", " & ", ", ", ",", " ", "\t", "\n", "'", "’", ".", "x", "_", "7", "15", " (15)", ", 16,",
            "Mc", "Donald", "-", "Smith-Jones",
        ]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=800, deadline=None, derandomize=True)
@given(_NAMES_TEXT, st.sampled_from(range(len(_FREE_TOKEN_OLD))))
def test_capital_first_patterns_match_as_before(s: str, k: int) -> None:
    new, old_source = _FREE_TOKEN_OLD[k]
    old = re.compile(old_source)
    assert [(m.span(), m.groupdict()) for m in old.finditer(s)] == [
        (m.span(), m.groupdict()) for m in new.finditer(s)
    ], s


_VOX_TEXT = st.lists(
    st.sampled_from(
        [
            "fan", "Fan", "superfan", "Superfan", "student", "Student", "viewer", "Viewer", "pupil", "Pupil",
            "reader", "Reader", "teenager", "Teenager", "supporter", "Supporter", "Priya", "Callum", " ",
            "\t", ",", "(", ")", "15", "7", " said", "x",
        ]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=600, deadline=None, derandomize=True)
@given(_VOX_TEXT)
def test_vox_pop_patterns_need_their_hints(s: str) -> None:
    if quotes._VOX_AGE_RE.search(s):
        assert quotes._VOX_AGE_HINT_RE.search(s), s
    if quotes._VOX_ROLE_RE.search(s):
        assert any(h in s for h in quotes._VOX_ROLE_HINTS), s
