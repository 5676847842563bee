import discord

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


async def test_files_arrive_as_multipart_with_payload_json(local: LocalDiscord, bot: TinyBot) -> None:
    record = await local.interact("/file", settle=0.02)
    assert record.responses[0]["content"] == "here"
    assert record.responses[0]["_files"][0]["filename"] == "cast.csv"
    assert record.responses[0]["attachments"][0]["filename"] == "cast.csv"


async def test_guild_commands_are_used_in_their_guild(local: LocalDiscord, bot: TinyBot) -> None:
    guild = discord.Object(GUILD_ID)
    bot.tree.copy_global_to(guild=guild)
    await bot.tree.sync(guild=guild)
    command = local.commands["hello"]
    assert command["guild_id"] == str(GUILD_ID)
    record = await local.interact("/hello", settle=0.02)
    assert record.answered and local.violations == []


async def test_get_and_delete_of_the_original(local: LocalDiscord, bot: TinyBot) -> None:
    record = await local.send_interaction("/hello")
    await local.wait_settled(record, settle=0.02)
    # Read back through discord.py's own webhook code, as a bot would.
    webhook = discord.Webhook.partial(bot.application_id or 0, record.token, client=bot)
    original = await webhook.fetch_message(record.original_id or 0)
    assert original.content == "hello fan"
    await original.delete()
    assert record.deleted == [record.original_id]
