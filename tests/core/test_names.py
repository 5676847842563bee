"""The fuzzy name index on its own: exact, typo, close call, nothing, autocomplete bounds."""

from __future__ import annotations

from core.names import NameIndex, normalize

CAST = [
    ("Tao Xu", "William Gao"),
    ("Tara Jones", "Corinna Brown"),
    ("Nick Nelson", "Kit Connor"),
    ("David", "Jack Barton"),
    ("Mr. Farouk", "Nima Taleghani"),
]


def index() -> NameIndex[str]:
    return NameIndex((c, f"{c} ({a})", [c, a, *c.split(), *a.split()]) for c, a in CAST)


def test_normalize_ignores_case_accents_and_punctuation():
    assert normalize("  Mr. FAROUK ") == "mr farouk"
    assert normalize("Stéphane") == "stephane"
    assert normalize("@everyone!!") == "everyone"


def test_exact_first_name_surname_and_actor():
    idx = index()
    for query in ("Tao", "xu", "William Gao", "gao", "mr farouk", "Farouk", "DAVID"):
        assert idx.lookup(query).hit is not None, query


def test_typos_land():
    idx = index()
    assert idx.lookup("Nik Nelson").hit == "Nick Nelson"
    assert idx.lookup("kit conor").hit == "Nick Nelson"
    assert idx.lookup("Taleghany").hit == "Mr. Farouk"


def test_close_call_gives_candidates_not_a_guess():
    found = index().lookup("Ta")
    assert found.hit is None
    assert set(found.candidates) >= {"Tao Xu", "Tara Jones"}


def test_nothing_close():
    idx = index()
    found = idx.lookup("qqqqzzzz")
    assert found.hit is None and found.candidates == ()
    assert len(idx.suggestions("qqqqzzzz", limit=3)) == 3


def test_empty_and_symbol_only_queries_find_nothing():
    assert not index().lookup("").found
    assert not index().lookup("***").found


def test_shared_key_is_a_close_call():
    idx = NameIndex([("A", "A", ["Nelson"]), ("B", "B", ["Nelson"])])
    assert idx.lookup("nelson").candidates == ("A", "B")


def test_autocomplete_prefix_word_and_bound():
    idx = index()
    assert [t for t, _ in idx.complete("Ta")][:2] == ["Tao Xu", "Tara Jones"] or "Tao Xu" in dict(
        idx.complete("Ta")
    )
    assert "Tao Xu" in dict(idx.complete("gao"))  # any word of a name
    big = NameIndex((f"Person {i}", f"Person {i}", []) for i in range(200))
    assert len(big.complete("person")) == 25
    assert len(big.complete("")) == 25
