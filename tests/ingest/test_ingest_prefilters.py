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

# Words of the cast patterns' own verbs, so generated text reaches their matches.
CAST_PIECES = [
    " stars as ", " returns as ", " returning as ", " landed the role of ", " won the lead part of ",
    " makes a brief cameo as ", " cameos as ", " pops up as ", " reprises her role as ", " her turn as ",
    " in the recurring role of ", " joins in a guest arc as ", " respectively as ", " are back as ",
    " reprise their roles as ", " star as ", " starred in ", " appeared opposite ", " acts on ",
    ", the ", ", a ", ", who is the ", " writer", " in the Netflix series", " on the hit show", " drama",
    "Jane", "Julio Spring", " and ", " & ", "Tara Jones", "Darcy Olsson", ", ", "'s ", "’s ", " Nick's mum ",
    " steals", " is", " and Darcy", ".", " x", "Kit Connor", "BBC", " drama ", " in ",
    " said: “", " said, \"",
]  # fmt: skip
cast_text = st.lists(st.sampled_from(CAST_PIECES + PIECES), max_size=14).map("".join)

# (pattern, its pre-test): wherever the pattern matches, the pre-test must too.
NECESSARY = [
    (cast._PLAYS_RE, cast._PLAY_VERB_HINT_RE),
    (cast._PLAYS_REF_RE, cast._PLAY_VERB_HINT_RE),
    (cast._LIST_AS_RE, cast._LIST_AS_HINT_RE),
    (cast._LIST_PAREN_AS_RE, cast._LIST_AS_HINT_RE),
    (cast._POSSESSIVE_PAIR_RE, cast._POSSESSIVE_PAIR_HINT_RE),
    (cast._REVIEW_POSSESSIVE_RE, cast._POSSESSIVE_HINT_RE),
    (cast._APPOS_CHAR_RE, cast._APPOS_CHAR_HINT_RE),
    (cast._ACTOR_CREDIT_RE, cast._ACTOR_CREDIT_HINT_RE),
    (cast._AS_RE, cast._AS_HINT_RE),
    (cast._SHARED_SURNAME_RE, cast._SHARED_SURNAME_HINT_RE),
    (cast._ROLE_AFTER_RE, cast._ROLE_AFTER_HINT_RE),
    (cast._PRODUCTION_GENRE_RE, cast._PRODUCTION_GENRE_HINT_RE),
    (cast._PRODUCTION_IN_RE, cast._PRODUCTION_IN_HINT_RE),
    (cast._QUOTE_SPEAKER_BEFORE_RE, cast._QUOTE_OPENS_HINT_RE),
]


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(cast_text)
def test_a_pattern_never_matches_where_its_pre_test_does_not(s: str) -> None:
    for pattern, hint in NECESSARY:
        if pattern.search(s):
            assert hint.search(s), (pattern.pattern[:40], s)


def test_the_pre_tests_see_the_matches_they_guard() -> None:
    # (so the property above is not vacuous: each pattern does match text of these pieces)
    samples = [
        "Kit Connor returns as Nick Nelson.", "Jo Bell and Sam Oak star as Tara Jones and Darcy Olsson.",
        "Jo Bell and Sam Oak, as Tara and Darcy, get a storyline.", "Joe Locke's Charlie Spring",
        "Mia Chen's wry Darcy steals", "Kit Connor, Nick Nelson in the Netflix series",
        "Kit Connor starred in Rocketman", "Kit Connor as Nick", "Jane and Julio Spring",
        "Jo Bell, the writer", "The 20-year-old, who plays Elle",
        "Jo Bell makes a brief cameo as Coach Hale.", "Sam Oak reprises her role as Tara.",
        "the BBC Three drama Grime Kids", "in Channel 4's The Lowtide", 'Jo Bell said: "Yes."',
    ]  # fmt: skip
    for pattern, hint in NECESSARY:
        hits = [x for x in samples if pattern.search(x)]
        assert hits, pattern.pattern[:60]
        assert all(hint.search(x) for x in hits)


_NAMES = st.sampled_from(["Kit Connor", "Nick", "Mr. Farouk", "Tara Jones", "Élodie Roux", "the"])
_SEPS = st.sampled_from([", ", " and ", ", and ", " & ", " ", ","])
_VERBS = st.sampled_from(
    [" as ", " play ", " plays ", ", as ", " who play ", " respectively as ", " star as ", " as\t",
     " are expected to return as ", " portrays ", " reprise their roles as ", " as Charlie's parents, "]
)  # fmt: skip


@settings(max_examples=800, deadline=None, derandomize=True)
@given(
    st.lists(st.tuples(_NAMES, _SEPS), min_size=1, max_size=3),
    _VERBS,
    st.lists(st.tuples(_NAMES, _SEPS), max_size=3),
    st.sampled_from([".", " x", " as", ""]),
)
def test_list_patterns_need_their_hint(actors: list, verb: str, roles: list, end: str) -> None:
    s = "".join(a + b for a, b in actors) + verb + "".join(a + b for a, b in roles) + end
    for pattern in (cast._LIST_AS_RE, cast._LIST_PAREN_AS_RE):
        if pattern.search(s):
            assert cast._LIST_AS_HINT_RE.search(s), s


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
    (cast._ACTOR_CUE_RE, r"\b(?=[sacnHh])"),
    (cast._PARA_NEW_RE, r"\b(?=[njc])"),
    (cast._PAIR_CUE_RE, r"\b(?=[abcfijnr])"),
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


def _relation_forms() -> list[str]:
    """Every spelling _RELATION's alternatives allow (its optional "-" and "e" both ways)."""
    forms = []
    for alt in cast._RELATION.removeprefix("(?:").removesuffix(")").split("|"):
        alt = alt.replace("[ \\t]+", " ")
        variants = [alt.replace("-?", "-"), alt.replace("-?", "")] if "-?" in alt else [alt]
        for v in variants:
            forms += [v[:-1], v[:-2]] if v.endswith("?") else [v]
    return forms


def test_every_relation_has_its_last_word_listed() -> None:
    forms = _relation_forms()
    assert len(forms) > 70
    for form in forms:
        assert form.split()[-1] in cast._RELATION_LAST_WORDS, form
        head = f"and his older {form}, "
        assert cast._DESC_TAIL_RE.search(head), form
        assert cast._may_end_with_desc(head, form.split()[-1])


@settings(max_examples=500, deadline=None, derandomize=True)
@given(text, st.sampled_from(["brother", "best friend", "love interest", "teachers", "fiancée", "shy", "x"]))
def test_a_description_before_a_name_needs_its_last_word(s: str, word: str) -> None:
    for head in (s, f"{s} {word}", f"{s} his {word}, "):
        last_word = head.rstrip(" \t,").rpartition(" ")[2]
        if last_word.isalpha() and last_word.islower() and cast._DESC_TAIL_RE.search(head):
            assert cast._may_end_with_desc(head, last_word), head


_QUOTE_TEXT = st.lists(
    st.sampled_from(
        [
            "Jo Bell", "Kit Connor", "Alice", ' said', " says", " told", " added", ' "', '"', "”", "“", "'",
            "’", ",", ".", "!", "?", "…", ":", " ", "\t", " she", " x", "Hi", " the actor",
        ]
    ),
    max_size=16,
).map("".join)  # fmt: skip


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(_QUOTE_TEXT)
def test_quote_speakers_apart_match_the_alternation(s: str) -> None:
    assert [
        (m.span(), m.groupdict().get("a"), m.groupdict().get("b"), m.groupdict().get("c"))
        for m in cast._quote_speakers(s)
    ] == [(m.span(), m.group("a"), m.group("b"), m.group("c")) for m in cast._QUOTE_SPEAKER_RE.finditer(s)], s


def test_quote_speakers_sample() -> None:
    s = 'Hi," said Jo Bell. Kit Connor said: "Yes." "No," Alice added.'
    found = [m.group(0) for m in cast._QUOTE_SPEAKER_RE.finditer(s)]
    assert len(found) == 3
    assert [m.group(0) for m in cast._quote_speakers(s)] == found


_PRODUCTION_TEXT = st.lists(
    st.sampled_from(
        [
            "In", "in", " ", "\t", "\u00a0", "BBC", "Three", "Channel 4", "'s", "’s", " drama", " series",
            " film", "drama", " crime", " new", "The", " Lowtide", " Grime Kids", "Netflix", "being", "x",
            "Ina", "_", "-", "&", "'", "9", "Élodie", ".", ",", " the", " hit",
        ]
    ),
    max_size=16,
).map("".join)  # fmt: skip


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(_PRODUCTION_TEXT)
def test_production_names_apart_match_the_alternation(s: str) -> None:
    assert [(m.span(), m.group("prod")) for m in cast._production_named(s)] == [
        (m.span(), m.group("prod")) for m in cast._PRODUCTION_NAMED_RE.finditer(s)
    ], s


def test_production_names_sample() -> None:
    s = "She starred in the BBC Three drama Grime Kids. In Channel 4's The Lowtide, and in Netflix's Ana."
    found = [m.group("prod") for m in cast._PRODUCTION_NAMED_RE.finditer(s)]
    assert len(found) == 3
    assert [m.group("prod") for m in cast._production_named(s)] == found


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(cast_text)
def test_the_play_verb_hint_apart_matches_the_alternation(s: str) -> None:
    assert cast._play_verb_hint(s) == (cast._PLAY_VERB_HINT_RE.search(s) is not None), s


def test_the_play_verb_hint_samples() -> None:
    for s in (
        "Jo joined in a guest arc as Tara",
        "she took the role of Nadia",
        "He voiced Nick",
        "x plays y",
    ):
        assert cast._play_verb_hint(s) and cast._PLAY_VERB_HINT_RE.search(s), s
    assert not cast._play_verb_hint("Jo Bell joined the school in May")


_HINT = st.text(alphabet="ast '’(", min_size=1, max_size=4)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(_HINT | st.sampled_from(cast._SENTENCE_HINTS), min_size=1, max_size=8), text)
def test_the_cheapest_hints_test_the_same(hints: list[str], s: str) -> None:
    kept = cast._cheapest(tuple(hints))
    assert set(kept) <= set(hints)
    assert cast._has(s, kept) == cast._has(s, tuple(hints)), (hints, s)


def test_the_sentence_hints_hold_every_pattern_hint() -> None:
    for hints in (cast._ANY_HINTS, ("appear", "featur", "acted", "acts ", "series", "show", "drama")):
        assert all(any(k in h for k in cast._SENTENCE_HINTS) for h in hints)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(cast_text)
def test_the_shared_surname_hint_apart_matches_the_alternation(s: str) -> None:
    assert cast._shared_surname_hint(s) == (cast._SHARED_SURNAME_HINT_RE.search(s) is not None), s


def test_the_shared_surname_hint_samples() -> None:
    for s in ("Jane and Julio Spring", "Jane & Julio Spring.", "Jo and Kit Connor, both 20"):
        assert cast._shared_surname_hint(s), s
    assert not cast._shared_surname_hint("Jane and Julio Spring Day")
