"""/quote end to end: speakers matched fuzzily, topics searched with FTS5, sources shown."""

from __future__ import annotations

import pytest

from tests.replies import embed, is_ephemeral, text


async def test_quote_by_surname_and_topic_shows_source(local):
    card = embed(await local.interact("/quote who:Oseman about:rugby"))
    assert card["author"]["name"] == "Alice Oseman"
    assert "rugby" in card["description"].lower()
    assert "Heartstopper creator reveals favourite scene" in card["footer"]["text"]
    assert card["footer"]["text"].endswith("undated")  # that article has no date line


async def test_quote_by_first_name_with_typo(local):
    card = embed(await local.interact("/quote who:kit conor"))
    assert card["author"]["name"] == "Kit Connor"
    assert "Radio Times" in card["footer"]["text"] or "Kit Connor" in card["footer"]["text"]


async def test_random_quote_without_options(local):
    card = embed(await local.interact("/quote"))
    assert card["author"]["name"] in {"Kit Connor", "Alice Oseman"}


async def test_no_quote_on_that_topic_from_that_speaker(local):
    result = await local.interact("/quote who:Kit about:rugby")
    assert is_ephemeral(result)
    assert "no quote from Kit Connor" in text(result)
    assert "Alice Oseman" in text(result)


async def test_unknown_speaker_lists_who_can_be_quoted(local):
    result = await local.interact("/quote who:Zzyzx")
    assert is_ephemeral(result)
    assert "Kit Connor" in text(result) and "Alice Oseman" in text(result)


@pytest.mark.parametrize("about", ['"', "*", "NEAR(", "rugby OR", "-", "a" * 10_000, "‮evil", "' OR 1=1 --"])
async def test_hostile_search_text_always_gets_an_answer(local, about):
    result = await local.interact(f"/quote about:{about}")
    assert result.answered
    assert not result.violations


async def test_who_autocomplete(local):
    choices = await local.autocomplete("/quote who:Os")
    assert "Alice Oseman" in [c["value"] for c in choices]
