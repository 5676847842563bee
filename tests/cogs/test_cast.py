"""/cast end to end: a real INTERACTION_CREATE through discord.py, the reply read back over HTTP."""

from __future__ import annotations

import pytest

from tests.replies import embed, final, is_ephemeral, text

FUZZY = {
    "Tao": ("Tao Xu", "William Gao"),
    "tao xu": ("Tao Xu", "William Gao"),
    "William Gao": ("Tao Xu", "William Gao"),
    "Nik Nelson": ("Nick Nelson", "Kit Connor"),
    "kit conor": ("Nick Nelson", "Kit Connor"),
    "Mr Farouk": ("Mr. Farouk", "Nima Taleghani"),
    "Connor": ("Nick Nelson", "Kit Connor"),
    "yasmin": ("Elle Argent", "Yasmin Finney"),
}


@pytest.mark.parametrize(("query", "expected"), FUZZY.items())
async def test_fuzzy_names_land_on_the_role(local, query, expected):
    result = await local.interact(f'/cast name:"{query}"')
    character, actor = expected
    card = embed(result)
    assert card["title"] == character
    assert actor in card["description"]
    assert not is_ephemeral(result)
    assert not result.violations


async def test_bare_text_is_the_name_option_and_card_lists_sources(local):
    card = embed(await local.interact("/cast Tao"))
    sources = next(f for f in card["fields"] if f["name"] == "Mentioned in")
    assert "2023" in sources["value"]  # the dated article that names Tao


async def test_role_description_is_shown(local):
    card = embed(await local.interact("/cast name:Jack Barton"))
    assert card["title"].startswith("David")
    assert "older brother" in card["description"]


async def test_new_faces_are_marked_new(local):
    card = embed(await local.interact("/cast name:Leila Khan"))
    assert "new student at Higgs" in card["description"]
    assert "New to the cast" in card["description"]


async def test_creator_is_answered_truthfully_as_not_cast(local):
    result = await local.interact("/cast name:Alice Oseman")
    assert "Not in the cast" in text(result)
    assert "creator" in text(result).lower()


async def test_director_is_not_cast(local):
    assert "Not in the cast" in text(await local.interact("/cast name:Euros Lyn"))


async def test_no_name_lists_the_whole_cast_returning_and_new(local):
    card = embed(await local.interact("/cast"))
    names = {f["name"] for f in card["fields"]}
    assert {"Returning", "New faces"} <= names
    everything = text(await local.interact("/cast"))
    for character in (
        "Charlie Spring",
        "Nick Nelson",
        "Tao Xu",
        "Isaac Henderson",
        "Mr. Farouk",
        "Sahar Zahid",
    ):
        assert character in everything
    assert card["footer"]["text"].startswith("13 roles")


async def test_close_call_offers_candidates_ephemerally(local):
    result = await local.interact("/cast name:Ta")
    assert is_ephemeral(result)
    assert "Did you mean" in text(result)
    assert "Tao Xu" in text(result) and "Tara Jones" in text(result)


async def test_nothing_close_answers_with_suggestions(local):
    result = await local.interact("/cast name:Zzyzx Qwv")
    assert is_ephemeral(result)
    assert "couldn't find" in text(result)
    assert "Try one of these" in text(result)


async def test_everyone_ping_is_echoed_inert(local):
    result = await local.interact("/cast name:@everyone <@&123456789012345678>")
    message = final(result)
    assert "@everyone" not in text(result)  # defused with a zero-width space
    assert message["allowed_mentions"]["parse"] == []
    assert not result.violations


async def test_ten_thousand_characters_get_a_short_clear_answer(local):
    result = await local.interact("/cast name:" + "Nick" * 2500)
    assert is_ephemeral(result)
    assert len(final(result)["content"]) <= 2000
    assert not result.violations


async def test_markdown_in_the_name_cannot_format_the_reply(local):
    result = await local.interact("/cast name:**bold** ||spoiler|| `code`")
    assert "\\*\\*bold\\*\\*" in text(result)


async def test_autocomplete_suggests_from_a_prefix(local):
    choices = await local.autocomplete("/cast name:Ta")
    assert 0 < len(choices) <= 25
    assert "Tao Xu" in [c["value"] for c in choices]
    assert all(1 <= len(c["name"]) <= 100 and 1 <= len(c["value"]) <= 100 for c in choices)


async def test_autocomplete_of_nothing_offers_at_most_25(local):
    choices = await local.autocomplete("/cast name:")
    assert 0 < len(choices) <= 25


async def test_autocomplete_by_surname_and_typo(local):
    assert "Elle Argent" in [c["value"] for c in await local.autocomplete("/cast name:Finn")]
    assert "Nick Nelson" in [c["value"] for c in await local.autocomplete("/cast name:kit con")]
