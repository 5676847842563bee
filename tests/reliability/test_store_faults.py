"""Store faults with the product bot on real files: damaged at rest, locked, reload killed, reload racing."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sqlite3
from pathlib import Path

import pytest

from db.build import build_database, building_path, read_data_version
from tests.reliability.conftest import SEASON_3, bot_on_local, fresh_settings, wait_final
from tests.reliability.tally import tried
from tests.replies import embed, text

DAMAGE = {
    "deleted": lambda db: db.unlink(),
    "truncated to 0 bytes": lambda db: db.write_bytes(b""),
    "truncated half way": lambda db: db.write_bytes(db.read_bytes()[: db.stat().st_size // 2]),
    "garbage": lambda db: db.write_bytes(os.urandom(64 * 1024)),
    "garbage with a SQLite header": lambda db: db.write_bytes(b"SQLite format 3\x00" + os.urandom(8192)),
}


async def _serves_the_seeds(discord_) -> str:
    """Asserts the bot answers from the four seed articles; returns the /about footer (data version)."""
    assert embed(await discord_.interact("/cast Tao", settle=0.05))["title"] == "Tao Xu"
    assert "Oseman" in text(await discord_.interact("/quote who:Oseman", settle=0.05))
    about = embed(await discord_.interact("/about", settle=0.05))
    assert "Articles (4)" in {f["name"] for f in about["fields"]}
    return about["footer"]["text"]


@pytest.mark.parametrize("damage", DAMAGE)
async def test_a_store_damaged_while_stopped_is_rebuilt_at_start(tmp_path: Path, damage: str) -> None:
    settings = fresh_settings(tmp_path)
    assert build_database(settings.articles_dir, settings.database_path).ok
    DAMAGE[damage](settings.database_path)
    async with bot_on_local(settings) as (discord_, _bot, errors):
        await _serves_the_seeds(discord_)
        assert discord_.violations == [] and errors == []
    with sqlite3.connect(settings.database_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    tried("store damaged at rest (rebuilt at start)")


async def test_queries_answer_while_another_writer_holds_the_database(tmp_path: Path) -> None:
    settings = fresh_settings(tmp_path)
    async with bot_on_local(settings) as (discord_, bot, errors):
        version = bot.store.snapshot.data_version
        writer = sqlite3.connect(settings.database_path, timeout=0.1, isolation_level=None)
        try:
            writer.execute("BEGIN EXCLUSIVE")  # in WAL mode readers still read the last commit
            writer.execute("DELETE FROM quotes")
            writer.execute("INSERT INTO meta (key, value) VALUES ('intruder', 'x')")
            for _ in range(5):
                await _serves_the_seeds(discord_)
                record = await discord_.interact("/quote about:rugby", settle=0.05)
                assert embed(record)["description"], text(record)  # a quote, read through SQLite
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        assert bot.store.snapshot.data_version == version
        assert discord_.violations == [] and errors == []
    tried("store locked by another writer (queries answered)", 5 * 4)


def _add_copies(articles: Path, count: int) -> list[Path]:
    """Enough articles that a reload takes a while: copies of the seeds under new names."""
    seeds = sorted(articles.iterdir())
    added = []
    for i in range(count):
        target = articles / f"copy_{i:04d}_{seeds[i % len(seeds)].name}"
        shutil.copyfile(seeds[i % len(seeds)], target)
        added.append(target)
    return added


async def test_reload_process_killed_half_way_keeps_the_old_data(tmp_path: Path) -> None:
    settings = fresh_settings(tmp_path)
    async with bot_on_local(settings) as (discord_, bot, errors):
        footer = await _serves_the_seeds(discord_)
        old_version = bot.store.snapshot.data_version
        added = _add_copies(settings.articles_dir, 400)
        reload = await discord_.send_interaction("/reload", as_="moderator")
        # Half way: the worker is running (400 articles keep it busy for about a second). Progress edits are
        # not waited for: a reload quicker than one progress interval shows none.
        for _ in range(1500):
            worker = bot.store._worker
            if worker is not None and worker.is_alive():
                break
            await asyncio.sleep(0.01)
        else:
            pytest.fail(f"the reload worker never ran: {reload.responses}")
        os.kill(bot.store._worker.pid, signal.SIGKILL)
        report = await wait_final(discord_, reload)
        assert "Reload failed" in report and "stopped unexpectedly" in report, report
        assert await _serves_the_seeds(discord_) == footer
        assert errors == []
    # The next start (with the articles as they were) serves the old store file, intact.
    assert not building_path(settings.database_path).exists()
    assert read_data_version(settings.database_path) == old_version
    for path in added:
        path.unlink()
    inode = settings.database_path.stat().st_ino
    async with bot_on_local(settings) as (discord_, bot, errors):
        assert await _serves_the_seeds(discord_) == footer
        assert settings.database_path.stat().st_ino == inode  # not rebuilt: the old file was good
        assert errors == []
    tried("reload process killed (old data served)")


async def test_a_reload_racing_200_cast_calls_answers_every_one(tmp_path: Path) -> None:
    settings = fresh_settings(tmp_path)
    async with bot_on_local(settings) as (discord_, bot, errors):
        # Copies of the seeds keep the reload busy long enough (~1 s) for the race to happen even when the
        # machine is loaded; without them a reload of five articles can end before twenty calls are sent.
        _add_copies(settings.articles_dir, 300)
        (settings.articles_dir / "004_season3.txt").write_text(SEASON_3, encoding="utf-8")
        reload = await discord_.send_interaction("/reload", as_="moderator")
        calls = []
        lines = ["/cast Tao", "/cast name:Jonathan Bailey", "/quote who:Oseman", "/cast"]

        async def wave(size: int) -> None:
            for _ in range(size):
                calls.append(await discord_.send_interaction(lines[len(calls) % len(lines)]))

        async with asyncio.timeout(10):
            while not bot.store.reloading:  # noqa: ASYNC110 (the store has no event for this)
                await asyncio.sleep(0.005)
        while bot.store.reloading and len(calls) < 160:  # spread over the reload, swap included
            await wave(4)
            await asyncio.sleep(0.01)
        during = len(calls)
        assert "Reloaded." in await wait_final(discord_, reload)
        await wave(200 - len(calls))
        await asyncio.gather(*(discord_.wait_settled(r, settle=0.05, timeout=15) for r in calls))
        assert during >= 20, f"the reload ended before the race began ({during} sent during it)"
        old = new = 0
        for record in calls:
            assert record.answered and not record.rejected, record.command
            seen = text(record)
            assert "went wrong" not in seen
            if record.options.get("name") == "Jonathan Bailey":
                if "couldn't find" in seen:
                    old += 1
                else:
                    assert embed(record)["title"] == "Jack Maddox"
                    new += 1
            elif record.options.get("name") == "Tao":
                assert embed(record)["title"] == "Tao Xu"
            elif record.command == "quote":
                assert "Oseman" in seen
            else:
                assert embed(record)["title"] == "The Heartstopper cast"
        assert old + new == 50 and new >= 1
        assert discord_.violations == [] and errors == []
    tried("reload racing concurrent commands (answered, old or new)", len(calls))
