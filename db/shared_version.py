"""How a reload in one process reaches the others: a data-version file beside the articles.

Shards can run in separate processes (or machines sharing the articles folder), each with its own copy of
the store. After a successful /reload the process that ran it writes the new data version to
`<articles>/.data-version` (hidden, so it is never read as an article). Every process compares that file
with its own data version before answering (throttled) and, when it differs, rebuilds its own copy from
the same articles. A process acts on each published version once, so a build that comes out different
(the articles changed again meanwhile) cannot make it rebuild in a loop.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = ".data-version"
_MAX_BYTES = 200  # a data version is 16 hex digits; anything longer is not ours


def version_file(articles_dir: Path) -> Path:
    return Path(articles_dir) / FILE_NAME


def publish(articles_dir: Path, data_version: str) -> bool:
    """Announce `data_version` to the other processes (atomic replace); False if it cannot be written."""
    target = version_file(articles_dir)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f"{FILE_NAME}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        log.warning("cannot announce the reload to other processes (%s): %s", target, exc)
        return False
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(data_version + "\n")
        os.replace(temporary, target)
    except (OSError, UnicodeError) as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        log.warning("cannot announce the reload to other processes (%s): %s", target, exc)
        return False
    return True


def read_published(articles_dir: Path) -> str | None:
    """The last data version a reload announced, or None (no file yet, unreadable, or not ours)."""
    try:
        with open(version_file(articles_dir), "rb") as fh:
            raw = fh.read(_MAX_BYTES + 1)
    except OSError:
        return None
    text = raw.decode("ascii", "replace").strip()
    if not text or len(raw) > _MAX_BYTES or not text.isalnum():
        return None
    return text


class ReloadFollower:
    """Tells this process when another one reloaded, so it rebuilds its own copy of the store."""

    def __init__(self, articles_dir: Path) -> None:
        self.articles_dir = Path(articles_dir)
        # A reload announced before this process started is in the store it opened: the store is built
        # from the articles as they are at start.
        self._acted_on = read_published(self.articles_dir)

    def due(self, current_version: str) -> str | None:
        """The announced version to rebuild for, once per announcement; None when nothing is due.

        Blocking (reads a small file): call it in a thread.
        """
        published = read_published(self.articles_dir)
        if published is None or published == current_version or published == self._acted_on:
            return None
        self._acted_on = published
        return published

    def mark_published(self, data_version: str) -> None:
        """This process announced `data_version` itself: nothing to follow for it."""
        self._acted_on = data_version
