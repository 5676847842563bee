"""A loopback Discord for tests, the terminal REPL (`python bot.py local`) and the benchmark."""

from .harness import make_fast, run_bot
from .payloads import APPLICATION_ID, GUILD_ID, MOD_ROLE_ID, OWNER_ID, SECOND_GUILD_ID
from .render import render_interaction, render_message
from .server import Interaction, LocalDiscord, point_discord_py_at

__all__ = [
    "APPLICATION_ID",
    "GUILD_ID",
    "MOD_ROLE_ID",
    "OWNER_ID",
    "SECOND_GUILD_ID",
    "Interaction",
    "LocalDiscord",
    "make_fast",
    "point_discord_py_at",
    "render_interaction",
    "render_message",
    "run_bot",
]
