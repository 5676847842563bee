"""The bot gives a burst's memory back once it is quiet: gc + malloc_trim, not while commands keep coming."""

from __future__ import annotations

import asyncio

import bot as bot_module


async def test_memory_is_trimmed_once_after_commands_then_not_while_idle(start_local, settings, monkeypatch):
    trims: list[int] = []
    trimmed = asyncio.Event()

    def trim() -> None:
        trims.append(1)
        trimmed.set()

    monkeypatch.setattr(bot_module, "QUIET_BEFORE_TRIM", 0.02)
    monkeypatch.setattr(bot_module, "_malloc_trim", trim)
    discord_, bot = await start_local(settings)
    bot._trimmer.cancel()  # restart it with the short quiet period patched above
    bot._trimmer = asyncio.create_task(bot._trim_memory_when_quiet())

    await asyncio.sleep(0.1)
    assert trims == []  # nothing happened yet: nothing to give back

    await discord_.interact("/cast name:Tao")
    await asyncio.wait_for(trimmed.wait(), 10)
    await asyncio.sleep(0.1)
    assert trims == [1]  # once per quiet spell, not on every tick
