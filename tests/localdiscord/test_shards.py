"""Two shards: each guild's events go to the shard (guild_id >> 22) % shard_count."""

from localdiscord import GUILD_ID, SECOND_GUILD_ID, LocalDiscord, run_bot

from .conftest import TinyBot, TinyShardedBot


def test_the_two_guilds_land_on_different_shards() -> None:
    assert (GUILD_ID >> 22) % 2 == 0
    assert (SECOND_GUILD_ID >> 22) % 2 == 1


async def test_one_client_per_shard_each_answers_its_own_guild() -> None:
    async with LocalDiscord(guild_ids=(GUILD_ID, SECOND_GUILD_ID), shard_count=2) as server:
        first, second = TinyBot(shard_id=0, shard_count=2), TinyBot(shard_id=1, shard_count=2)
        async with run_bot(first, server), run_bot(second, server, sync_commands=False):
            assert [g.id for g in first.guilds] == [GUILD_ID]
            assert [g.id for g in second.guilds] == [SECOND_GUILD_ID]
            for guild_id in (GUILD_ID, SECOND_GUILD_ID, GUILD_ID):
                record = await server.interact("/hello", guild_id=guild_id, settle=0.02)
                assert record.answered and record.shard_id == server.shard_for(guild_id)
        assert first.answered_by_shard == [0, 0]
        assert second.answered_by_shard == [1]
        assert sorted(server.identifies) == [(0, 2), (1, 2)]


async def test_auto_sharded_bot_asks_gateway_bot_and_runs_both_shards() -> None:
    async with LocalDiscord(guild_ids=(GUILD_ID, SECOND_GUILD_ID), shard_count=2) as server:
        bot = TinyShardedBot()
        async with run_bot(bot, server):
            assert bot.shard_count == 2
            assert {g.id for g in bot.guilds} == {GUILD_ID, SECOND_GUILD_ID}
            await server.close_gateway(4000, shard_id=1)
            answered = [
                await server.interact("/hello", guild_id=g, settle=0.02) for g in (GUILD_ID, SECOND_GUILD_ID)
            ]
            assert all(r.answered for r in answered)
        assert bot.answered_by_shard == [0, 1]
        assert ("GET", "/api/v10/gateway/bot", 200) in server.requests
        assert server.resumes == [1]
