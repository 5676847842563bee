"""Two bot processes, one gateway shard each, each with its own store built from one articles folder.

Real subprocesses (`python bot.py` with SHARD_COUNT=2, SHARD_IDS=0 / 1) log in to one LocalDiscord in this
process, which routes each guild to shard (guild_id >> 22) % 2 like Discord. LOCAL_DISCORD_URL is the
test/dev hook that points a `python bot.py` at a local Discord instead of discord.com.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from config import PROJECT_ROOT
from db.shared_version import read_published
from localdiscord import GUILD_ID, MOD_ROLE_ID, SECOND_GUILD_ID, LocalDiscord
from tests.reliability.conftest import SEASON_3, wait_final
from tests.reliability.tally import tried
from tests.replies import embed, text
from tests.seeds import copy_seeds

GUILD_OF_SHARD = {0: GUILD_ID, 1: SECOND_GUILD_ID}  # (GUILD_ID >> 22) % 2 == 0, SECOND_GUILD_ID's is 1


def _start(shard: int, discord_: LocalDiscord, articles: Path, work: Path) -> tuple[subprocess.Popen, Path]:
    log = work / f"shard{shard}.log"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DISCORD_TOKEN": "two-process-test-token",
        "LOCAL_DISCORD_URL": discord_.base_url,
        "SHARD_COUNT": "2",
        "SHARD_IDS": str(shard),
        "ARTICLES_DIR": str(articles),
        "DATABASE_PATH": str(work / f"shard{shard}.db"),  # each process its own copy of the store
        "DEV_GUILD_ID": str(GUILD_OF_SHARD[shard]),  # each registers the commands in its guild at start
        "MODERATOR_ROLE_IDS": str(MOD_ROLE_ID),
        "RELOAD_COOLDOWN": "0",
        "QUERY_COOLDOWN_PER": "0",
        "LOG_LEVEL": "DEBUG",  # discord.py then logs every gateway event it receives, with its shard
    }
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, str(PROJECT_ROOT / "bot.py")], cwd=work, env=env, stdout=out, stderr=out
        )
    return process, log


async def _commands_registered(discord_: LocalDiscord, guild_id: int) -> None:
    async with asyncio.timeout(30):
        while True:
            try:
                record = await discord_.send_interaction("/about", guild_id=guild_id)
            except ValueError:  # not registered yet in that guild
                await asyncio.sleep(0.1)
                continue
            await discord_.wait_settled(record, settle=0, timeout=10)
            return


async def test_each_guild_is_answered_by_its_own_shard_and_a_reload_reaches_both(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    copy_seeds(articles)
    async with LocalDiscord(
        guild_ids=(GUILD_ID, SECOND_GUILD_ID), shard_count=2, moderator_role_id=MOD_ROLE_ID
    ) as discord_:
        processes = [_start(shard, discord_, articles, tmp_path) for shard in (0, 1)]
        try:
            try:
                await discord_.wait_until_connected(60)
                for guild_id in GUILD_OF_SHARD.values():
                    await _commands_registered(discord_, guild_id)
            except TimeoutError:
                pytest.fail(
                    "the bots did not start:\n" + "\n".join(p[1].read_text()[-3000:] for p in processes)
                )
            assert sorted(discord_.identifies) == [(0, 2), (1, 2)]

            # Every guild's commands are answered, each by the process running its shard.
            answered: dict[int, list[int]] = {0: [], 1: []}
            for _ in range(3):
                for shard, guild_id in GUILD_OF_SHARD.items():
                    for line in ("/cast Tao", "/quote who:Oseman", "/countdown"):
                        record = await discord_.interact(line, guild_id=guild_id, settle=0.05)
                        assert record.answered and record.violations == [], record.command
                        assert record.shard_id == shard
                        answered[shard].append(record.id)
            logs = {shard: log.read_text() for shard, (_, log) in enumerate(processes)}
            for shard, ids in answered.items():
                other = logs[1 - shard]
                assert all(str(i) in logs[shard] and str(i) not in other for i in ids), f"shard {shard}"
            tried("two processes: commands answered by their own shard", sum(map(len, answered.values())))

            # A new article, then /reload in guild 1: process 0 rebuilds and announces it; process 1,
            # which never watches the articles themselves, rebuilds its own copy on its next commands.
            (articles / "004_season3.txt").write_text(SEASON_3, encoding="utf-8")
            second = SECOND_GUILD_ID
            assert "couldn't find" in text(
                await discord_.interact("/cast name:Jonathan Bailey", guild_id=second)
            )
            report = await wait_final(
                discord_, await discord_.send_interaction("/reload", as_="moderator", guild_id=GUILD_ID)
            )
            assert report.startswith("Reloaded."), report
            new_card = embed(await discord_.interact("/cast name:Jonathan Bailey", guild_id=GUILD_ID))
            assert new_card["title"] == "Jack Maddox"
            assert read_published(articles)
            async with asyncio.timeout(30):
                while True:
                    record = await discord_.interact("/cast name:Jonathan Bailey", guild_id=second, settle=0)
                    assert record.answered
                    if "Jack Maddox" in text(record):
                        break
                    await asyncio.sleep(0.3)
            assert "picked up a reload" in processes[1][1].read_text()
            about = [
                embed(await discord_.interact("/about", guild_id=g, settle=0.05))["footer"]["text"]
                for g in GUILD_OF_SHARD.values()
            ]
            assert about[0].split(" · ")[0] == about[1].split(" · ")[0]  # the same data version
            tried("two processes: a reload in one seen by both")
        finally:
            for process, _ in processes:
                process.send_signal(signal.SIGINT)
            for process, _ in processes:
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
