"""The name index above NARROW_FUZZY_FROM keys: autocomplete's fuzzy pass narrows by first letter."""

from __future__ import annotations

from core.names import NARROW_FUZZY_FROM, NameIndex


def _big_index() -> NameIndex[str]:
    filler = [(f"Person {i}", f"Person {i}", [f"Zed{i:05d} Quill{i:05d}"]) for i in range(NARROW_FUZZY_FROM)]
    return NameIndex([("Tao Xu", "Tao Xu (William Gao)", ["Tao Xu", "William Gao", "Tao", "Gao"]), *filler])


def test_typos_still_complete_in_a_large_index():
    idx = _big_index()
    assert len(idx._keys) > NARROW_FUZZY_FROM
    assert "Tao Xu" in [t for t, _ in idx.complete("tao xuu")]
    assert "Tao Xu" in [t for t, _ in idx.complete("wiliam gao")]
    assert "Tao Xu" in [t for t, _ in idx.complete("gao")]  # prefix of a later word, as before


def test_large_index_autocomplete_stays_bounded_and_lookup_is_unchanged():
    idx = _big_index()
    assert len(idx.complete("zed0")) == 25
    assert idx.lookup("Tao Xuu").hit == "Tao Xu"  # /cast's lookup still scores every key


def test_a_name_shared_by_hundreds_offers_the_first_few():
    idx = NameIndex([(f"Tao {i}", f"Tao {i}", ["Tao"]) for i in range(300)])
    assert idx.lookup("tao").candidates == tuple(f"Tao {i}" for i in range(10))
