"""Run any discord.Client against a LocalDiscord inside the current event loop.

Knobs for fast tests (all applied by ``run_bot(..., fast=True)``, the default):
- ``guild_ready_timeout``: discord.py waits this long after the last GUILD_CREATE before ``on_ready``
  (default 2 s). Pass ``Client(..., guild_ready_timeout=0.05)`` or let run_bot set it.
- the re-IDENTIFY wait: ``Client.before_identify_hook`` sleeps 5 s before every non-initial IDENTIFY
  (after INVALID_SESSION or a 4009 close). run_bot replaces it with a no-op on the instance.
- ``heartbeat_timeout`` (``Client(..., heartbeat_timeout=2.0)``): how long discord.py waits for any
  gateway message before treating the connection as a zombie (default 60 s). Only zombie tests need it.
- ``LocalDiscord(heartbeat_interval_ms=...)``: the HELLO heartbeat interval (default 41250 ms).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

import discord

from .server import LocalDiscord

LOCAL_TOKEN = "local-token"
_log = logging.getLogger(__name__)


async def _no_identify_wait(shard_id: int | None, *, initial: bool = False) -> None:
    return None


def make_fast(bot: discord.Client, *, guild_ready_timeout: float = 0.05) -> None:
    """Shorten discord.py's startup and re-identify waits on this client (test use)."""
    state = bot._connection
    state.guild_ready_timeout = min(state.guild_ready_timeout, guild_ready_timeout)
    bot.before_identify_hook = _no_identify_wait  # type: ignore[method-assign]


def _shards_of(bot: discord.Client, discord_: LocalDiscord) -> list[int]:
    """The shards this client runs: one for Client(shard_id=...), its shard_ids, or all of them."""
    shard_ids = getattr(bot, "shard_ids", None)
    if shard_ids:
        return list(shard_ids)
    if bot.shard_id is not None:
        return [bot.shard_id]
    return list(range(discord_.shard_count))


@contextlib.asynccontextmanager
async def run_bot(
    bot: discord.Client,
    discord_: LocalDiscord,
    *,
    sync_commands: bool = True,
    fast: bool = True,
    timeout: float = 15.0,  # noqa: ASYNC109 (the API promised to the bot)
) -> AsyncIterator[None]:
    """Start `bot` against `discord_`, wait until it is connected and ready, sync its commands.

    On exit the bot is closed cleanly. A bot that dies while starting raises its error here.
    """
    discord_.point_discord_py_here()
    if fast:
        make_fast(bot)
    task = asyncio.create_task(bot.start(LOCAL_TOKEN), name="local-bot")

    async def connected() -> None:
        await discord_.wait_until_connected(timeout, shard_ids=_shards_of(bot, discord_))
        await bot.wait_until_ready()

    waiter = asyncio.create_task(connected())
    try:
        done, _ = await asyncio.wait({task, waiter}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            task.result()  # raises the bot's startup error
            raise RuntimeError("the bot stopped before it connected to the local Discord")
        if waiter not in done:
            raise TimeoutError(f"the bot did not connect to the local Discord within {timeout}s")
        waiter.result()
        tree = getattr(bot, "tree", None)
        if sync_commands and tree is not None:
            await tree.sync()
        yield
    finally:
        waiter.cancel()
        if not bot.is_closed():
            await bot.close()
        try:
            await asyncio.wait_for(task, 10)
        except (asyncio.CancelledError, TimeoutError):
            task.cancel()
        except Exception:
            _log.exception("the local bot ended with an error")
