"""/countdown end to end, with the bot's clock set before and after the Season 2 premiere."""

from __future__ import annotations

from datetime import UTC, datetime

from core.clock import Clock
from tests.replies import embed, is_ephemeral, text

# Midnight 3 August 2023 in Los Angeles (PDT, UTC-7), when Netflix released Season 2.
PREMIERE = int(datetime(2023, 8, 3, 7, 0, tzinfo=UTC).timestamp())


async def test_after_the_premiere_says_how_long_ago(start_local, settings):
    discord_, _ = await start_local(settings, clock=Clock(datetime(2026, 11, 21, 12, tzinfo=UTC)))
    result = await discord_.interact("/countdown")
    card = embed(result)
    assert "Season 2 premiere" in card["title"]
    assert f"<t:{PREMIERE}:F>" in card["description"]
    assert f"<t:{PREMIERE}:R>" in card["description"]
    assert "Premiered" in card["description"] and "3 years" in card["description"]
    assert "America/Los_Angeles" in card["footer"]["text"]


async def test_before_the_premiere_counts_down(start_local, settings):
    discord_, _ = await start_local(settings, clock=Clock(datetime(2023, 8, 1, 5, 30, tzinfo=UTC)))
    card = embed(await discord_.interact("/countdown"))
    assert f"<t:{PREMIERE}:R>" in card["description"]
    assert "**2 days, 1 hour** to go" in card["description"]


async def test_release_time_zone_is_configurable(start_local, settings):
    from dataclasses import replace

    london = replace(settings, release_timezone="Europe/London")
    discord_, _ = await start_local(london, clock=Clock(datetime(2023, 8, 1, tzinfo=UTC)))
    london_midnight = int(datetime(2023, 8, 2, 23, 0, tzinfo=UTC).timestamp())  # BST, UTC+1
    assert f"<t:{london_midnight}:F>" in embed(await discord_.interact("/countdown"))["description"]


async def test_named_event_with_month_precision(local):
    result = await local.interact("/countdown event:production start")
    assert "September 2022" in text(result)


async def test_named_event_by_autocomplete_value(local):
    choices = await local.autocomplete("/countdown event:fest")
    assert choices, "the festival appearance should be offered"
    result = await local.interact(f'/countdown event:"{choices[0]["value"]}"')
    assert str(int(datetime(2023, 2, 17, 8, tzinfo=UTC).timestamp())) in text(result)


async def test_unknown_event_lists_what_exists(local):
    result = await local.interact("/countdown event:Season 9 world tour @here")
    assert is_ephemeral(result)
    assert "Events I know" in text(result)
    assert "@here" not in text(result)
