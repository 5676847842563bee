"""The per-user cooldown on the fan commands, end to end through the local Discord."""

from __future__ import annotations

from dataclasses import replace

from tests.replies import is_ephemeral, text


async def test_a_user_over_the_rate_is_told_to_slow_down_and_others_are_not(start_local, settings):
    discord_, _bot = await start_local(replace(settings, query_cooldown_rate=2, query_cooldown_per=60))
    first, second, third = [await discord_.interact("/cast name:Tao", user_id=4242) for _ in range(3)]
    assert not is_ephemeral(first) and not is_ephemeral(second)
    assert is_ephemeral(third) and "Slow down" in text(third)
    other = await discord_.interact("/cast name:Tao", user_id=4343)
    assert not is_ephemeral(other)
    countdown = await discord_.interact("/countdown", user_id=4242)  # each command counts on its own
    assert not is_ephemeral(countdown)


async def test_no_cooldown_when_the_window_is_zero(start_local, settings):
    discord_, _bot = await start_local(replace(settings, query_cooldown_rate=1, query_cooldown_per=0))
    replies = [await discord_.interact("/cast name:Tao", user_id=4242) for _ in range(3)]
    assert not any(is_ephemeral(r) for r in replies)
