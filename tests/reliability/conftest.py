"""The real bot against a local Discord, shared by a whole test module (one store build, one login)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from config import Settings
from localdiscord import MOD_ROLE_ID, LocalDiscord, run_bot
from tests.seeds import copy_seeds

SEASON_3 = """\
date 2024-05-10
Heartstopper season 3 confirms its premiere date and new cast

Netflix has confirmed that Heartstopper season 3 will premiere on October 3, 2024.

Joining the cast this season is Jonathan Bailey as Jack Maddox, a famous actor.
"""


def fresh_settings(root: Path, **changes: Any) -> Settings:
    """Settings on a private copy of the seed articles; no query cooldowns, no reload cooldown."""
    articles = root / "articles"
    if not articles.exists():
        copy_seeds(articles)
    base = Settings(
        articles_dir=articles,
        database_path=root / "store.db",
        moderator_role_ids=frozenset({MOD_ROLE_ID}),
        reload_cooldown=0,
        query_cooldown_per=0,
    )
    return replace(base, **changes)


class ErrorLog(logging.Handler):
    """Keeps every ERROR (or worse) logged anywhere: a command that raised shows up here."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.asynccontextmanager
async def bot_on_local(
    settings: Settings,
    *,
    discord_options: dict[str, Any] | None = None,
    bot_options: dict[str, Any] | None = None,
) -> AsyncIterator[tuple[LocalDiscord, Any, list[logging.LogRecord]]]:
    """The product bot (make_bot) logged in to a fresh LocalDiscord; yields (discord, bot, errors logged)."""
    from bot import make_bot

    errors = ErrorLog()
    logging.getLogger().addHandler(errors)
    discord_ = LocalDiscord(moderator_role_id=MOD_ROLE_ID, **(discord_options or {}))
    await discord_.start()
    try:
        bot = make_bot(settings, guild_ready_timeout=0.05, **(bot_options or {}))
        async with run_bot(bot, discord_):
            yield discord_, bot, errors.records
    finally:
        await discord_.stop()
        logging.getLogger().removeHandler(errors)


async def wait_final(discord_: LocalDiscord, record: Any, timeout: float = 30) -> str:  # noqa: ASYNC109
    """The content of a /reload's last message once it is the result, not a progress bar."""
    async with asyncio.timeout(timeout):
        while True:
            await discord_.wait_settled(record, settle=0.05, timeout=timeout)
            last = record.responses[-1].get("content") if record.responses else None
            if last and not last.startswith("Reloading"):
                return last
            await asyncio.sleep(0.02)
