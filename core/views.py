"""Snapshot-derived helpers the cogs share: formatting mentions and keeping indexes in step with reloads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Generic, TypeVar

from core.text import inert, truncate
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


class SnapshotCache(Generic[T]):
    """Recomputes a value (an index) only when the store's snapshot object changes, i.e. after a reload."""

    def __init__(self, build: Callable[[Snapshot], T]) -> None:
        self._build = build
        self._source: Snapshot | None = None
        self._value: T | None = None

    def get(self, snapshot: Snapshot) -> T:
        if snapshot is not self._source or self._value is None:
            self._value = self._build(snapshot)
            self._source = snapshot
        return self._value
