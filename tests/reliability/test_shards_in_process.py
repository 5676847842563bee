"""SHARD_COUNT / SHARD_IDS in one process: make_bot picks Bot(shard_id) or an AutoShardedBot."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import HeartstopperBot, ShardedHeartstopperBot
from localdiscord import GUILD_ID, SECOND_GUILD_ID
from tests.reliability.conftest import bot_on_local, fresh_settings
from tests.reliability.tally import tried
from tests.replies import embed

BOTH = (GUILD_ID, SECOND_GUILD_ID)  # shard 0 and shard 1 of 2


async def test_several_shard_ids_run_as_one_auto_sharded_bot(tmp_path: Path) -> None:
    settings = fresh_settings(tmp_path, shard_count=2, shard_ids=(0, 1))
    async with bot_on_local(settings, discord_options={"guild_ids": BOTH, "shard_count": 2}) as (
        discord_,
        bot,
        errors,
    ):
        assert isinstance(bot, ShardedHeartstopperBot) and sorted(bot.shards) == [0, 1]
        await discord_.close_gateway(4000, shard_id=1)  # one shard drops; both keep answering
        for guild_id in BOTH * 3:
            record = await discord_.interact("/cast Tao", guild_id=guild_id, settle=0.05)
            assert embed(record)["title"] == "Tao Xu" and record.shard_id == discord_.shard_for(guild_id)
        assert sorted(discord_.identifies) == [(0, 2), (1, 2)]
        assert errors == []
    tried("shards in one process: commands answered", 6)


@pytest.mark.parametrize("shard", [0, 1])
async def test_one_shard_id_runs_that_shard_only(tmp_path: Path, shard: int) -> None:
    settings = fresh_settings(tmp_path, shard_count=2, shard_ids=(shard,))
    async with bot_on_local(settings, discord_options={"guild_ids": BOTH, "shard_count": 2}) as (
        discord_,
        bot,
        _errors,
    ):
        assert type(bot) is HeartstopperBot and bot.shard_id == shard and bot.shard_count == 2
        assert [g.id for g in bot.guilds] == [BOTH[shard]]
        record = await discord_.interact("/cast Tao", guild_id=BOTH[shard], settle=0.05)
        assert embed(record)["title"] == "Tao Xu"
        assert discord_.identifies == [(shard, 2)]
    tried("shards in one process: commands answered")
