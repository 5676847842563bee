"""A bot in its own process, connected to the load generator's local Discord.

    python -m bench.botproc floor URL    a bare discord.py bot with default settings and one /ping command
    python -m bench.botproc bot URL      the Heartstopper bot as `make_bot` builds it (settings from env)

Prints "READY" on stdout once connected and its commands are synced, then runs until stdin closes.
"""

from __future__ import annotations

import asyncio
import logging
import sys

import discord
from discord import app_commands

from localdiscord.harness import LOCAL_TOKEN, make_fast
from localdiscord.server import point_discord_py_at


def floor_bot() -> discord.Client:
    """The floor: discord.py's defaults everywhere, a one-line answer."""
    client = discord.Client(intents=discord.Intents.default())
    tree = app_commands.CommandTree(client)

    @tree.command(name="ping", description="Answers pong")
    async def ping(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("pong")

    client.tree = tree  # type: ignore[attr-defined]
    return client


def heartstopper_bot() -> discord.Client:
    from bot import make_bot
    from config import load_settings

    return make_bot(load_settings(dotenv=False))


async def _run(kind: str) -> None:
    bot = floor_bot() if kind == "floor" else heartstopper_bot()
    # Only the start-up waits for the last GUILD_CREATE (2 s by default) are shortened; nothing on the
    # command path is touched.
    make_fast(bot)
    async with bot:
        task = asyncio.create_task(bot.start(LOCAL_TOKEN))
        ready = asyncio.create_task(bot.wait_until_ready())
        done, _ = await asyncio.wait({task, ready}, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            task.result()
            raise RuntimeError("the bot stopped before it was ready")
        await bot.tree.sync()  # type: ignore[attr-defined]
        print("READY", flush=True)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, sys.stdin.read)  # the orchestrator closes stdin to stop us
        await bot.close()
        await asyncio.wait({task}, timeout=10)


def main(argv: list[str]) -> int:
    kind, url = argv
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    point_discord_py_at(url)
    if kind == "bot":
        from bot import use_fast_event_loop

        use_fast_event_loop()  # as `python bot.py` does; the floor keeps asyncio's default loop
    try:
        asyncio.run(_run(kind))
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
