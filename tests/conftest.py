"""Shared fixtures: a copy of the bundled articles, settings pointing at temporary files, and the real bot
running against the local Discord in the test's event loop."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from config import Settings
from core.clock import Clock
from tests.seeds import copy_seeds


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    target = tmp_path / "articles"
    return copy_seeds(target)


@pytest.fixture
def settings(tmp_path: Path, articles_dir: Path) -> Settings:
    from localdiscord.server import MOD_ROLE_ID

    return Settings(
        articles_dir=articles_dir,
        database_path=tmp_path / "store.db",
        moderator_role_ids=frozenset({MOD_ROLE_ID}),
        reload_cooldown=0,
        query_cooldown_rate=1000,
    )


@pytest.fixture
async def start_local() -> AsyncIterator[Callable[..., Any]]:
    """Start the bot against a fresh local Discord: `discord_, bot = await start_local(settings)`."""
    from localdiscord.console import local_session

    async with contextlib.AsyncExitStack() as stack:

        async def start(settings: Settings, *, clock: Clock | None = None) -> tuple[Any, Any]:
            discord_, bot = await stack.enter_async_context(local_session(settings, clock))
            discord_.settle = 0.05  # the cogs answer in one message; a deferral still waits for its answer
            return discord_, bot

        yield start


@pytest.fixture
async def local(start_local: Callable[..., Any], settings: Settings) -> Any:
    """The bundled articles, the real clock: the local Discord to send interactions through."""
    discord_, _bot = await start_local(settings)
    return discord_


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """One line per reliability property: how many cases it tried in this run (issue 5 asks for counts)."""
    from tests.reliability.tally import TALLY

    if TALLY:
        terminalreporter.section("reliability: cases tried")
        for name, count in sorted(TALLY.items()):
            terminalreporter.write_line(f"{count:>7}  {name}")
