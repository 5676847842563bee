"""Snapshot-derived caches: built once, rebuilt off the event loop after a reload, never serving a mix."""

from __future__ import annotations

import asyncio
import threading

from core.views import SnapshotCache, human_date
from db.model import Snapshot


def snapshot(version: str) -> Snapshot:
    return Snapshot((), (), (), (), (), 0, version, "")


def test_human_dates():
    assert human_date("2023-08-03") == "3 August 2023"
    assert human_date("2022-09") == "September 2022"
    assert human_date(None) == "undated"
    assert human_date("garbage") == "garbage"


async def test_first_use_builds_at_once_then_reuses():
    calls: list[str] = []
    cache = SnapshotCache(lambda s: calls.append(s.data_version) or s.data_version)
    one = snapshot("one")
    assert cache.get(one) == "one"
    assert cache.get(one) == "one"
    assert calls == ["one"]


async def test_a_new_snapshot_is_built_in_a_thread_while_the_old_value_answers():
    loop_thread = threading.get_ident()
    built_in: list[int] = []
    release = threading.Event()

    def build(s: Snapshot) -> str:
        built_in.append(threading.get_ident())
        if s.data_version == "two":
            release.wait(5)
        return s.data_version

    cache = SnapshotCache(build)
    one, two = snapshot("one"), snapshot("two")
    assert cache.get(one) == "one"
    assert cache.get(two) == "one"  # the old index keeps answering while the new one is built
    assert cache.get(two) == "one"  # and only one build is started for it
    release.set()
    for _ in range(100):
        await asyncio.sleep(0.01)
        if cache.get(two) == "two":
            break
    assert cache.get(two) == "two"
    assert built_in[1:] == [built_in[1]] and built_in[1] != loop_thread


async def test_prepare_installs_before_returning_and_a_newer_build_wins():
    slow = threading.Event()

    def build(s: Snapshot) -> str:
        if s.data_version == "old-reload":
            slow.wait(5)
        return s.data_version

    cache = SnapshotCache(build)
    cache.get(snapshot("start"))
    older = asyncio.create_task(cache.prepare(snapshot("old-reload")))
    await asyncio.sleep(0.01)
    newest = snapshot("new-reload")
    await cache.prepare(newest)
    assert cache.get(newest) == "new-reload"
    slow.set()
    await older
    assert cache.get(newest) == "new-reload"  # the slower, older build did not overwrite it
