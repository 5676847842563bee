from localdiscord import GUILD_ID, LocalDiscord

from .conftest import TinyBot


async def test_sync_registers_every_command(local: LocalDiscord, bot: TinyBot) -> None:
    assert {"hello", "slow", "cast", "echo", "shout", "fields", "late"} <= set(local.commands)
    cast = local.commands["cast"]
    assert [o["name"] for o in cast["options"]] == ["name", "count"]
    assert cast["options"][0]["autocomplete"] is True


async def test_plain_reply_is_recorded(local: LocalDiscord, bot: TinyBot) -> None:
    record = await local.interact("/hello", settle=0.05)
    assert record.answered
    assert record.callback_type == 4
    assert record.responses[0]["content"] == "hello fan"
    assert record.responses[0]["allowed_mentions"] == {"parse": []}
    assert not record.ephemeral
    assert record.latency is not None and record.latency < 3
    assert record.guild_id == GUILD_ID
    assert local.violations == []
