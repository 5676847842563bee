"""The bot's clock, so `--now` can preview a countdown at any instant and tests can freeze time."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta


class Clock:
    """Real time, or time that started at `start` and runs forward from there."""

    def __init__(self, start: datetime | None = None) -> None:
        if start is not None and start.tzinfo is None:
            start = start.replace(tzinfo=UTC)
        self._start = start
        self._t0 = time.monotonic()

    def now(self) -> datetime:
        if self._start is None:
            return datetime.now(UTC)
        return self._start + timedelta(seconds=time.monotonic() - self._t0)


def parse_instant(raw: str) -> datetime:
    """An ISO date or date-time from the command line; naive values are taken as UTC."""
    value = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)
