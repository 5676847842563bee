"""`python bot.py local` and `python bot.py ask`: the real bot, talked to through the local Discord.

Both run the local Discord and the bot in this one event loop; the bot connects to it over loopback HTTP
and WebSocket exactly as it would to Discord.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sys
from collections.abc import AsyncIterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from localdiscord.harness import run_bot
from localdiscord.payloads import MOD_ROLE_ID
from localdiscord.render import render_interaction
from localdiscord.server import LocalDiscord

if TYPE_CHECKING:
    from bot import HeartstopperBot
    from config import Settings
    from core.clock import Clock

HELP = """\
Type a slash command as you would in Discord, for example:
  /cast Tao            /cast name:"kit conor"     /cast
  /countdown           /quote who:Oseman about:rugby
  /about               /reload   (you are a moderator here)
  ? /cast name:Ta      shows the autocomplete choices
  quit                 leaves (so does Ctrl-D)"""


@contextlib.asynccontextmanager
async def local_session(
    settings: Settings, clock: Clock | None = None
) -> AsyncIterator[tuple[LocalDiscord, HeartstopperBot]]:
    from bot import make_bot

    # The local server's moderator role must be one the bot accepts, or `--as role` proves nothing.
    role_id = min(settings.moderator_role_ids, default=MOD_ROLE_ID)
    settings = replace(settings, moderator_role_ids=settings.moderator_role_ids | {role_id})
    discord_ = LocalDiscord(moderator_role_id=role_id)
    await discord_.start()
    bot = make_bot(settings, clock=clock, guild_ready_timeout=0.05)
    try:
        async with run_bot(bot, discord_, sync_commands=True):
            yield discord_, bot
    finally:
        await discord_.stop()


def _quiet() -> None:
    # The replies are the output here; the bot's own INFO logging would drown them.
    for name in ("discord", "heartstopper", "db", "localdiscord"):
        logging.getLogger(name).setLevel(logging.WARNING)


def run_ask(
    settings: Settings,
    commands: Sequence[str],
    *,
    autocomplete: Sequence[str] = (),
    as_: str = "member",
    as_json: bool = False,
    clock: Clock | None = None,
) -> int:
    """Run each command in order and print what the bot sent; 1 if any went unanswered."""
    _quiet()

    async def ask() -> int:
        failures = 0
        async with local_session(settings, clock) as (discord_, _bot):
            for line in commands:
                try:
                    result = await discord_.interact(line, as_=as_)
                except ValueError as exc:  # Discord's own client would refuse to send this line
                    failures += 1
                    error = {"command": line, "error": str(exc), "responses": []}
                    print(json.dumps(error, ensure_ascii=False) if as_json else f"> {line}\n  {exc}")
                    continue
                failures += not result.answered
                if as_json:
                    print(json.dumps({"command": line, "responses": result.responses}, ensure_ascii=False))
                else:
                    print(f"> {line}")
                    print(_indent(render_interaction(result)))
                sys.stdout.flush()
            for line in autocomplete:
                choices = await discord_.autocomplete(line, as_=as_)
                if as_json:
                    print(json.dumps({"command": line, "choices": choices}, ensure_ascii=False))
                else:
                    print(f"? {line}")
                    for choice in choices:
                        print(f"  {choice['name']}  →  {choice['value']}")
        return 1 if failures else 0

    return asyncio.run(ask())


def run_local(settings: Settings, *, clock: Clock | None = None, as_: str = "moderator") -> int:
    """A read-eval-print loop: one slash command per line, replies rendered readably."""
    _quiet()
    interactive = sys.stdin.isatty()

    async def repl() -> int:
        loop = asyncio.get_running_loop()
        print("Starting the bot against the local Discord…", flush=True)
        async with local_session(settings, clock) as (discord_, bot):
            snap = bot.store.snapshot
            print(f"Ready: {len(snap.articles)} articles, {len(snap.cast)} roles, {snap.quote_count} quotes.")
            print(HELP, flush=True)
            while True:
                if interactive:
                    print("\nheartstopper> ", end="", flush=True)
                line = await loop.run_in_executor(None, sys.stdin.readline)
                if not line:
                    break
                line = line.strip()
                if not line:
                    continue
                if line in {"quit", "exit", "/quit", "/exit"}:
                    break
                if line in {"help", "/help", "?"}:
                    print(HELP)
                    continue
                if not interactive:
                    print(f"\n> {line}")
                try:
                    if line.startswith("?"):
                        for choice in await discord_.autocomplete(line[1:].strip(), as_=as_):
                            print(f"  {choice['name']}  →  {choice['value']}")
                        continue
                    result = await discord_.interact(line, as_=as_)
                except ValueError as exc:  # not a command the bot registered, or a bad option
                    print(f"  {exc}")
                    continue
                print(_indent(render_interaction(result)), flush=True)
        print("Bye.")
        return 0

    return asyncio.run(repl())


def _indent(text: str) -> str:
    return "\n".join(f"  {row}" for row in text.splitlines())
