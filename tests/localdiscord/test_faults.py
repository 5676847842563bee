"""Gateway and REST faults: the bot comes back and answers what was sent meanwhile."""

import asyncio
from collections.abc import AsyncIterator

import discord
import pytest

from localdiscord import Interaction, LocalDiscord, run_bot

from .conftest import TinyBot


async def _while_away(local: LocalDiscord, fault: asyncio.Task) -> Interaction:
    """Let the fault detach the shard, then send an interaction the bot cannot see yet."""
    await asyncio.sleep(0)
    record = await local.send_interaction("/hello")
    assert not record.delivered
    await fault
    await local.wait_settled(record, settle=0.05)
    assert record.answered and record.redelivered
    return record


async def test_close_4000_resumes_and_replays_what_was_missed(local: LocalDiscord, bot: TinyBot) -> None:
    await _while_away(local, asyncio.create_task(local.close_gateway(4000)))
    assert local.resumes == [0]
    assert local.identifies == [(0, 1)]
    assert (await local.interact("/hello", settle=0.02)).answered


async def test_abrupt_drop_1006_resumes(local: LocalDiscord, bot: TinyBot) -> None:
    await local.close_gateway(1006)
    record = await local.interact("/hello", settle=0.05)
    assert record.answered
    assert local.resumes == [0]


async def test_close_4009_ends_the_session_and_the_bot_identifies_again(
    local: LocalDiscord, bot: TinyBot
) -> None:
    # The missed interaction is not in a resumable session any more: it waits for the next READY.
    await _while_away(local, asyncio.create_task(local.close_gateway(4009)))
    assert local.identifies == [(0, 1), (0, 1)]
    assert local.resumes == []


async def test_reconnect_opcode(local: LocalDiscord, bot: TinyBot) -> None:
    await local.send_reconnect()
    record = await local.interact("/hello", settle=0.05)
    assert record.answered
    assert local.resumes == [0]


@pytest.mark.parametrize("resumable", [True, False])
async def test_invalid_session(local: LocalDiscord, bot: TinyBot, resumable: bool) -> None:
    await local.send_invalid_session(resumable)
    record = await local.interact("/hello", settle=0.05)
    assert record.answered
    if resumable:
        assert local.resumes == [0] and len(local.identifies) == 1
    else:
        assert local.resumes == [] and len(local.identifies) == 2


@pytest.fixture
async def zombie_setup() -> AsyncIterator[tuple[LocalDiscord, TinyBot]]:
    async with LocalDiscord(heartbeat_interval_ms=200) as server:
        tiny = TinyBot(heartbeat_timeout=1.0)
        async with run_bot(tiny, server):
            yield server, tiny


async def test_zombie_connection_is_noticed_and_resumed(zombie_setup: tuple[LocalDiscord, TinyBot]) -> None:
    server, _ = zombie_setup
    server.stop_heartbeat_acks()
    record = await server.interact("/hello", settle=0.05, timeout=8)
    assert record.answered and record.redelivered
    assert server.resumes and set(server.resumes) == {0}  # a loaded machine may add a spurious one


async def test_callback_500_is_retried(local: LocalDiscord, bot: TinyBot) -> None:
    local.fail_next("/callback", 500)
    record = await local.interact("/hello", settle=0.05)
    assert record.answered
    callbacks = [status for method, path, status in local.requests if path.endswith("/callback")]
    assert callbacks == [500, 200]


async def test_callback_429_waits_retry_after(local: LocalDiscord, bot: TinyBot) -> None:
    local.fail_next("/callback", 429, retry_after=0.05)
    record = await local.interact("/hello", settle=0.05)
    assert record.answered
    callbacks = [status for method, path, status in local.requests if path.endswith("/callback")]
    assert callbacks == [429, 200]


async def test_slow_followup_still_lands(local: LocalDiscord, bot: TinyBot) -> None:
    local.fail_next("POST /api/v10/webhooks/", 200, delay=0.3)
    record = await local.interact("/slow", settle=0.05)
    assert record.answered
    assert [r["content"] for r in record.responses] == ["done thinking"]


async def test_followup_to_an_unknown_token_is_flagged(local: LocalDiscord, bot: TinyBot) -> None:
    partial = discord.Webhook.partial(bot.application_id or 0, "no-such-token", client=bot)
    with pytest.raises(discord.NotFound):
        await partial.send("hello?")
    assert any("unknown interaction token" in v for v in local.violations)
