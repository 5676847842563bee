"""REST faults on the product bot's answers: the callback, followups and edits of the original.

What discord.py does (webhook/async_.py, AsyncWebhookAdapter.request, used for all three): up to 5 attempts;
a 429 carrying Discord's Via header sleeps `retry_after` and retries; a 5xx sleeps 1, 3, 5, 7 s between
attempts; any other 4xx raises at once. So one 500 on the callback costs ~1 s and still meets Discord's
3-second deadline, a second 500 makes the answer late (Discord then forgets the interaction), and five
429s in a row exhaust the attempts. What the bot gave up on is logged (see the tests at the bottom).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from localdiscord import LocalDiscord
from tests.reliability.conftest import bot_on_local, fresh_settings
from tests.reliability.tally import tried
from tests.replies import embed, text

pytestmark = pytest.mark.asyncio(loop_scope="module")

CALLBACK = "/callback"
EDIT = "PATCH /api/v10/webhooks/"
FOLLOWUP = "POST /api/v10/webhooks/"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def rest(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[tuple[LocalDiscord, list]]:
    settings = fresh_settings(tmp_path_factory.mktemp("rest"))
    async with bot_on_local(settings) as (discord_, _bot, errors):
        yield discord_, errors


@pytest.fixture
def clean(rest):
    discord_, errors = rest
    discord_.reset_records()
    errors.clear()
    return discord_, errors


def statuses(discord_: LocalDiscord, route: str) -> list[int]:
    return [status for method, path, status in discord_.requests if route in f"{method} {path}"]


@pytest.mark.parametrize(
    ("status", "retry_after", "delay"),
    [(500, None, 0.0), (429, 0.2, 0.0), (429, 1.5, 0.0), (200, None, 1.0)],
    ids=["500", "429 retry_after 0.2s", "429 retry_after 1.5s", "slow callback 1s"],
)
async def test_the_callback_is_retried_and_lands(clean, status, retry_after, delay) -> None:
    discord_, errors = clean
    discord_.fail_next(CALLBACK, status, retry_after=retry_after, delay=delay)
    record = await discord_.interact("/cast Tao", settle=0.05)
    assert embed(record)["title"] == "Tao Xu"
    expected = [200] if status == 200 else [status, 200]
    assert statuses(discord_, CALLBACK) == expected
    if retry_after:
        assert record.latency is not None and record.latency >= retry_after  # it waited as told
    assert discord_.violations == [] and errors == []
    tried("REST faults (answers delivered through a failing route)")


@pytest.mark.parametrize(("status", "retry_after"), [(500, None), (429, 0.3)], ids=["500", "429"])
async def test_the_final_edit_of_a_deferred_reload_is_retried(clean, status, retry_after) -> None:
    discord_, errors = clean
    discord_.fail_next(EDIT, status, retry_after=retry_after)
    record = await discord_.interact("/reload", as_="moderator", settle=0.2)
    assert "Reloaded." in text(record)
    assert statuses(discord_, EDIT)[:2] == [status, 200]
    assert discord_.violations == [] and errors == []
    tried("REST faults (answers delivered through a failing route)")


async def test_a_slow_edit_still_lands(clean) -> None:
    discord_, errors = clean
    discord_.fail_next(EDIT, 200, delay=1.0)
    record = await discord_.interact("/reload", as_="moderator", settle=0.2)
    assert "Reloaded." in text(record)
    assert errors == []
    tried("REST faults (answers delivered through a failing route)")


async def test_when_every_attempt_fails_the_bot_logs_what_it_gave_up_on(clean, caplog) -> None:
    discord_, errors = clean
    caplog.set_level(logging.WARNING)
    # Five 429s exhaust discord.py's five attempts for the callback.
    discord_.fail_next(CALLBACK, 429, retry_after=0.01, count=5)
    record = await discord_.interact("/cast Tao", settle=0.2)
    assert statuses(discord_, CALLBACK)[:5] == [429] * 5
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "gave up" in logged and "/cast" in logged, logged
    # Logged as a delivery failure, not as a bug with a traceback; the user is told once the route works.
    assert not [r for r in errors if r.name == "core.tree"]
    assert "Discord had trouble" in text(record)
    tried("REST faults (answers delivered through a failing route)")


async def test_an_answer_that_missed_the_deadline_is_logged_as_given_up(clean, caplog) -> None:
    discord_, errors = clean
    caplog.set_level(logging.WARNING)
    # 500, wait 1 s, 500, wait 3 s: the third attempt comes after Discord's 3 seconds.
    discord_.fail_next(CALLBACK, 500, count=2)
    record = await discord_.interact("/cast Tao", settle=0.2, timeout=8)
    assert not record.answered  # Discord no longer accepts an answer: nothing the bot can do
    assert not [r for r in errors if r.name == "core.tree"]
    # It did not try a second, equally late, error reply.
    assert len([v for v in discord_.violations if "first response after" in v]) == 1
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "gave up" in logged and "/cast" in logged, logged
    tried("REST faults (answers delivered through a failing route)")
