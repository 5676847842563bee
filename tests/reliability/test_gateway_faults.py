"""Gateway faults on the product bot: it comes back, and every interaction it can see is answered.

One bot for the module (pytest-asyncio module loop): each fault hits a bot that already survived the
previous ones, which is what a long-running bot sees.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from localdiscord import LocalDiscord
from tests.reliability.conftest import bot_on_local, fresh_settings
from tests.reliability.tally import tried
from tests.replies import embed, text

pytestmark = pytest.mark.asyncio(loop_scope="module")

# What each command must say when it works: enough to tell a real answer from an error reply.
PROBES = {
    "/cast Tao": lambda r: embed(r)["title"] == "Tao Xu",
    "/quote who:Oseman": lambda r: "Oseman" in text(r),
    "/countdown": lambda r: "Season 2" in text(r) or "Premiered" in text(r),
    "/about": lambda r: "Articles (4)" in text(r),
}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def gateway(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[tuple[LocalDiscord, list]]:
    settings = fresh_settings(tmp_path_factory.mktemp("gateway"))
    async with bot_on_local(
        settings,
        discord_options={"heartbeat_interval_ms": 200},
        bot_options={"heartbeat_timeout": 1.0},  # notice a zombie connection in a second, not a minute
    ) as (discord_, _bot, errors):
        yield discord_, errors


async def _fault(discord_: LocalDiscord, fault: str) -> None:
    match fault:
        case "close 1006" | "close 4000" | "close 4009":
            await discord_.close_gateway(int(fault.split()[1]))
        case "RECONNECT":
            await discord_.send_reconnect()
        case "INVALID_SESSION resumable":
            await discord_.send_invalid_session(True)
        case "INVALID_SESSION not resumable":
            await discord_.send_invalid_session(False)
        case "zombie (no heartbeat ACKs)":
            discord_.stop_heartbeat_acks()


FAULTS = [
    "close 1006",
    "close 4000",
    "close 4009",
    "RECONNECT",
    "INVALID_SESSION resumable",
    "INVALID_SESSION not resumable",
    "zombie (no heartbeat ACKs)",
]


@pytest.mark.parametrize("fault", FAULTS)
async def test_the_bot_comes_back_and_answers_everything(gateway, fault: str) -> None:
    discord_, errors = gateway
    await discord_.wait_until_connected(10)
    identifies, resumes = len(discord_.identifies), len(discord_.resumes)
    discord_.reset_records()
    await _fault(discord_, fault)
    # Sent while the bot is away (or about to be): delivered by RESUME replay or after the new READY.
    during = [await discord_.send_interaction(line) for line in PROBES]
    for record in during:
        await discord_.wait_settled(record, settle=0.05, timeout=10)
    await discord_.wait_until_connected(10)
    after = [await discord_.interact(line, settle=0.05) for line in PROBES]
    for record, check in zip(during + after, [*PROBES.values()] * 2, strict=True):
        assert record.answered, f"{fault}: {record.command} {record.options} unanswered"
        assert check(record), f"{fault}: /{record.command} answered wrongly: {text(record)!r}"
    assert discord_.violations == []
    assert errors == []
    # The bot really went away and came back the way Discord expects for this fault.
    came_back = len(discord_.identifies) - identifies + len(discord_.resumes) - resumes
    assert came_back >= 1
    if fault in ("close 4009", "INVALID_SESSION not resumable"):
        assert len(discord_.identifies) > identifies  # a dead session needs a fresh IDENTIFY
    tried("gateway faults (interactions answered around a fault)", len(during) + len(after))


async def test_a_burst_during_a_drop_is_answered_in_full(gateway) -> None:
    discord_, errors = gateway
    await discord_.wait_until_connected(10)
    discord_.reset_records()
    sent = [await discord_.send_interaction("/cast Tao") for _ in range(10)]
    await discord_.close_gateway(1006)
    sent += [await discord_.send_interaction("/cast Nick") for _ in range(20)]
    await asyncio.gather(*(discord_.wait_settled(r, settle=0.05, timeout=10) for r in sent))
    assert all(r.answered for r in sent)
    assert {embed(r)["title"] for r in sent} == {"Tao Xu", "Nick Nelson"}
    assert discord_.violations == [] and errors == []
    tried("gateway faults (interactions answered around a fault)", len(sent))
