"""Snapshot-derived helpers the cogs share: formatting mentions and keeping indexes in step with reloads."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from typing import Generic, TypeVar

from discord import app_commands

from core.names import NameIndex
from core.text import CHOICE_LIMIT, inert, truncate
from db.model import Mention, Snapshot

T = TypeVar("T")

_MONTHS = ("January February March April May June July August September October November December").split()


def human_date(value: str | None) -> str:
    """ "2023-08-03" -> "3 August 2023", "2022-09" -> "September 2022", None -> "undated"."""
    if not value:
        return "undated"
    parts = value.split("-")
    try:
        if len(parts) == 3:
            d = date.fromisoformat(value)
            return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return value


def mention_line(mention: Mention, limit: int = 160) -> str:
    """One source line for an embed: date and headline, inert."""
    return f"{human_date(mention.date)} — {inert(truncate(mention.title, limit))}"


def autocomplete_choices(
    index: NameIndex[T], typed: str, value: Callable[[T, str], str]
) -> list[app_commands.Choice[str]]:
    """At most 25 choices for what a fan is typing, each name and value cut to Discord's 1-100 characters."""
    return [
        app_commands.Choice(
            name=truncate(label, CHOICE_LIMIT), value=truncate(value(target, label), CHOICE_LIMIT)
        )
        for target, label in index.complete(typed[:CHOICE_LIMIT])
    ]


class SnapshotCache(Generic[T]):
    """A value derived from the store's snapshot (an index), recomputed when a reload swaps the snapshot.

    Deriving one from 10 000 articles takes long enough to stall every other command, so after the first
    one it is rebuilt off the event loop: `prepare` (awaited after a reload, before the reply says "done")
    or, for a snapshot swapped in elsewhere, in the background while the previous value keeps answering.
    """

    def __init__(self, build: Callable[[Snapshot], T]) -> None:
        self._build = build
        self._source: Snapshot | None = None
        self._value: T | None = None
        self._wanted: Snapshot | None = None  # the newest snapshot a build was started for
        self._background: set[asyncio.Task[None]] = set()

    def get(self, snapshot: Snapshot) -> T:
        if self._value is None:
            self._install(snapshot, self._build(snapshot))
        elif snapshot is not self._source and snapshot is not self._wanted:
            self._wanted = snapshot
            task = asyncio.get_running_loop().create_task(self._build_for(snapshot))
            self._background.add(task)
            task.add_done_callback(self._background.discard)
        assert self._value is not None
        return self._value

    async def prepare(self, snapshot: Snapshot) -> None:
        if snapshot is not self._source:
            self._wanted = snapshot
            await self._build_for(snapshot)

    async def _build_for(self, snapshot: Snapshot) -> None:
        value = await asyncio.to_thread(self._build, snapshot)
        if self._wanted is snapshot:  # a newer reload may have started another build meanwhile
            self._install(snapshot, value)

    def _install(self, snapshot: Snapshot, value: T) -> None:
        self._source, self._value = snapshot, value
