"""What the local Discord refuses or flags, seen through a real discord.py bot."""

import pytest

from localdiscord import LocalDiscord

from .conftest import TinyBot


async def test_deferral_then_followup_becomes_the_original(local: LocalDiscord, bot: TinyBot) -> None:
    record = await local.interact("/slow hidden:true", settle=0.05)
    assert record.callback_type == 5
    assert record.answered and record.ephemeral
    assert [r["content"] for r in record.responses] == ["done thinking"]
    # The followup replaced the "thinking" original rather than adding a second message.
    assert len(record.messages) == 1 and int(record.messages[0]["id"]) == record.original_id
    assert record.messages[0]["flags"] & 64
    assert local.violations == []


async def test_edit_of_the_original_is_recorded(local: LocalDiscord, bot: TinyBot) -> None:
    record = await local.interact("/edit", settle=0.1)
    assert [r.get("content") for r in record.responses] == ["first", "second"]
    assert record.messages[0]["content"] == "second"


async def test_autocomplete_returns_the_bots_choices(local: LocalDiscord, bot: TinyBot) -> None:
    choices = await local.autocomplete("/cast name:Ta")
    assert [c["name"] for c in choices] == ["Tao Xu", "Tara Jones", "Tariq"]
    assert await local.autocomplete("/cast zz") == []
    assert local.violations == []


async def test_more_than_25_choices_is_refused(local: LocalDiscord, bot: TinyBot) -> None:
    assert await local.autocomplete("/many pick:c") == []
    assert any("30 choices (max 25)" in v for v in local.violations)


async def test_embed_with_26_fields_is_refused_and_flagged(local: LocalDiscord, bot: TinyBot) -> None:
    record = await local.interact("/fields count:26", settle=0.1)
    assert any("26 fields (max 25)" in v for v in record.violations)
    # Discord answered 400, so the bot's fallback was what the fan saw.
    assert [r["content"] for r in record.responses] == ["that embed was refused"]
    assert record.ephemeral
    assert len(record.rejected[0]["payload"]["embeds"][0]["fields"]) == 26


async def test_25_fields_is_fine(local: LocalDiscord, bot: TinyBot) -> None:
    record = await local.interact("/fields count:25", settle=0.05)
    assert len(record.responses[0]["embeds"][0]["fields"]) == 25
    assert record.violations == []


async def test_mentions_without_allowed_mentions_are_flagged(local: LocalDiscord, bot: TinyBot) -> None:
    safe = await local.interact('/echo text:"hi @everyone <@123>"', settle=0.05)
    assert safe.violations == [] and safe.allowed_mentions == [{"parse": []}]
    loud = await local.interact('/shout text:"hi @everyone <@123>"', settle=0.05)
    assert loud.allowed_mentions == [None]
    assert any("@everyone" in v for v in loud.violations)
    assert any("<@123>" in v for v in loud.violations)


async def test_second_initial_response_is_refused(local: LocalDiscord, bot: TinyBot) -> None:
    record = await local.interact("/twice", settle=0.1)
    assert [r["content"] for r in record.responses] == ["one"]
    assert any("already acknowledged" in v for v in record.violations)


async def test_a_response_after_three_seconds_is_too_late(local: LocalDiscord, bot: TinyBot) -> None:
    record = await local.interact("/late", settle=0.05, timeout=6)
    assert not record.answered
    assert any("first response after 3." in v for v in record.violations)


async def test_lines_discord_would_never_send_raise(local: LocalDiscord, bot: TinyBot) -> None:
    with pytest.raises(ValueError, match="no option 'bogus'"):
        await local.interact("/cast name:Tao bogus:1")
    with pytest.raises(ValueError, match="not a whole number"):
        await local.interact("/cast name:Tao count:many")
    with pytest.raises(ValueError, match="missing required option"):
        await local.interact("/cast")
    with pytest.raises(ValueError, match="not a registered command"):
        await local.interact("/nope")
    assert local.records == []


async def test_options_mapping_carries_any_text(local: LocalDiscord, bot: TinyBot) -> None:
    text = 'name:"x" \u202e <@&1> ' + "z" * 10_000
    record = await local.interact("/cast", options={"name": text}, settle=0.05)
    assert record.options == {"name": text}
    assert record.violations and "content is" in record.violations[0]  # the echo is over 2000 chars


async def test_render_interaction_marks_an_ephemeral_deferral(local: LocalDiscord, bot: TinyBot) -> None:
    from localdiscord import render_interaction

    record = await local.interact("/slow hidden:true", settle=0.02)
    assert render_interaction(record) == "[only you can see this]\ndone thinking"
