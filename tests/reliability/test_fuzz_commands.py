"""Every option of every command fed hostile unicode through the local Discord (hypothesis).

For each example: the bot answers (the local Discord refuses anything over Discord's limits and records
it), logs no error, sends no live mention, and the data is untouched. One bot serves the whole module.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localdiscord import LocalDiscord
from tests.reliability.conftest import bot_on_local, fresh_settings
from tests.reliability.tally import tried

pytestmark = pytest.mark.asyncio(loop_scope="module")

EXAMPLES = 100  # per option: enough to hit every piece below many times, quick enough for CI

PIECES = [
    "@everyone", "@here", "<@&967349108736131072>", "<@540803491430531072>", "<@!1>", "<#1>", "<@&1>",
    "**", "__", "`", "```", "~~", "||", "> ", "# ", "[x](https://e.com)", "\\", "*",
    "\u200b", "\u200d", "\u202e", "\u2066", "\u061c", "\ufeff", "\x00", "\x1b[31m", "\r\n", "\t",
    "🏳️‍🌈", "👨‍👩‍👧", "🏉", "\U0001f1ec\U0001f1e7", "ﷺ", "𒐫", "Z\u0351\u0352\u0353",
    "שלום", "مرحبا", "ラグビー", "İ", "ß", "ﬃ",
    '"', "'", "NEAR(", "NEAR(a b, 2)", "AND", "OR", "NOT", "-", "^", ":", "(", ")", "{a b}",
    "'; DROP TABLE quotes; --", "%", "_", "' OR 1=1 --", "\\x00",
    "Tao", "Nick", "Kit Connor", "Oseman", "rugby", "Season 2", "premiere", " ",
]  # fmt: skip

hostile = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40).map("".join),
    st.builds(
        lambda unit, size: (unit * (size // len(unit) + 1))[:size],
        st.sampled_from(PIECES) | st.text(min_size=1, max_size=3),
        st.sampled_from([2000, 6000, 10_000]),
    ),
)

LIVE_MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>")
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same cases every run: a red CI run reproduces
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[tuple[LocalDiscord, Any, list]]:
    settings_ = fresh_settings(tmp_path_factory.mktemp("fuzz"))
    async with bot_on_local(settings_) as (discord_, bot, errors):
        version = bot.store.snapshot.data_version
        on_disk = await bot.store.data_version_on_disk()
        yield discord_, bot, errors
        # Nothing a fan typed changed the data, in memory or on disk.
        assert bot.store.snapshot.data_version == version
        assert await bot.store.data_version_on_disk() == on_disk


def _texts(payload: dict) -> list[str]:
    texts = [payload.get("content") or ""]
    for embed in payload.get("embeds") or []:
        texts += [embed.get("title") or "", embed.get("description") or ""]
        texts += [
            (embed.get("author") or {}).get("name") or "",
            (embed.get("footer") or {}).get("text") or "",
        ]
        texts += [f"{f.get('name')}\n{f.get('value')}" for f in embed.get("fields") or []]
    for choice in payload.get("choices") or []:
        texts += [str(choice.get("name")), str(choice.get("value"))]
    return texts


async def _check(fuzzed, line: str, options: dict[str, str], *, autocomplete: str | None = None) -> None:
    discord_, bot, errors = fuzzed
    version = bot.store.snapshot.data_version
    record = await discord_.send_interaction(
        line, options=options, autocomplete=autocomplete is not None, autocomplete_focus=autocomplete
    )
    await discord_.wait_settled(record, settle=0, timeout=10)
    assert record.acknowledged and not record.rejected, (options, record.rejected)
    assert record.answered or autocomplete is not None
    assert record.violations == [], record.violations
    assert errors == [], [r.getMessage() for r in errors]
    for payload, allowed in zip(record.responses, record.allowed_mentions, strict=True):
        if autocomplete is None:
            assert allowed == {"parse": []} or (allowed and not any(allowed.values())), allowed
        for shown in _texts(payload):
            assert not LIVE_MENTION.search(shown), shown
    assert bot.store.snapshot.data_version == version
    what = f"fuzz {line} {'+'.join(options) or '(no options)'}"
    tried(what + (" (autocomplete)" if autocomplete else ""))


@FUZZ
@given(value=hostile)
async def test_cast_name(fuzzed, value: str) -> None:
    await _check(fuzzed, "/cast", {"name": value})


@FUZZ
@given(value=hostile)
async def test_countdown_event(fuzzed, value: str) -> None:
    await _check(fuzzed, "/countdown", {"event": value})


@FUZZ
@given(value=hostile)
async def test_quote_who(fuzzed, value: str) -> None:
    await _check(fuzzed, "/quote", {"who": value})


@FUZZ
@given(value=hostile)
async def test_quote_about(fuzzed, value: str) -> None:
    await _check(fuzzed, "/quote", {"about": value})


@FUZZ
@given(who=hostile, about=hostile)
async def test_quote_who_and_about(fuzzed, who: str, about: str) -> None:
    await _check(fuzzed, "/quote", {"who": who, "about": about})


@FUZZ
@given(value=hostile)
async def test_cast_name_autocomplete(fuzzed, value: str) -> None:
    await _check(fuzzed, "/cast", {"name": value}, autocomplete="name")


@FUZZ
@given(value=hostile)
async def test_countdown_event_autocomplete(fuzzed, value: str) -> None:
    await _check(fuzzed, "/countdown", {"event": value}, autocomplete="event")


@FUZZ
@given(value=hostile)
async def test_quote_who_autocomplete(fuzzed, value: str) -> None:
    await _check(fuzzed, "/quote", {"who": value}, autocomplete="who")


async def test_commands_without_options_answer_cleanly(fuzzed) -> None:
    for line in ("/about", "/cast", "/countdown", "/quote"):
        await _check(fuzzed, line, {})
