"""Who may /reload, how often, and that the bot token never shows (tests/cogs/test_admin.py has the basics).

The check reads `interaction.permissions`: the permissions Discord computed for the member in that channel
(roles, channel overwrites, Administrator), as discord.py exposes them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import replace
from pathlib import Path

import discord
import pytest

from localdiscord import MOD_ROLE_ID, LocalDiscord, make_fast
from localdiscord.payloads import MANAGE_GUILD, MEMBER_PERMISSIONS
from tests.reliability.conftest import bot_on_local, fresh_settings, wait_final
from tests.reliability.tally import tried
from tests.replies import is_ephemeral, text

REFUSED = "Only moderators"


async def _refused_without_reloading(discord_: LocalDiscord, bot, **who) -> str:
    inode = bot.settings.database_path.stat().st_ino
    record = await discord_.interact("/reload", settle=0.05, **who)
    assert is_ephemeral(record) and record.callback_type == 4  # refused at once, never deferred
    assert not bot.store.reloading and bot.settings.database_path.stat().st_ino == inode
    tried("permission cases (/reload)")
    return text(record)


async def test_who_may_reload(tmp_path: Path) -> None:
    # The guild's "Moderator" role exists but is NOT listed in MODERATOR_ROLE_IDS here.
    settings = fresh_settings(tmp_path, moderator_role_ids=frozenset({1234567890123456789}))
    async with bot_on_local(settings) as (discord_, bot, errors):
        assert REFUSED in await _refused_without_reloading(discord_, bot, as_="member")
        assert REFUSED in await _refused_without_reloading(discord_, bot, as_="role")  # unlisted role
        # Manage Messages, Kick, Ban...: powerful, but not Manage Server.
        strong = MEMBER_PERMISSIONS | (1 << 13) | (1 << 1) | (1 << 2)
        assert REFUSED in await _refused_without_reloading(discord_, bot, as_="member", permissions=strong)
        for who in ("moderator", "owner", "member"):  # even the allowed are refused in DMs
            said = await _refused_without_reloading(discord_, bot, as_=who, dm=True)
            assert "only works in a server" in said
        allowed = [
            {"as_": "moderator"},  # Manage Server
            {"as_": "admin"},  # Administrator: Discord computes every permission, Manage Server included
            {"as_": "owner"},  # the bot's owner, with plain member permissions
            {"as_": "member", "permissions": MEMBER_PERMISSIONS | MANAGE_GUILD},
        ]
        for who in allowed:
            report = await wait_final(discord_, await discord_.send_interaction("/reload", **who))
            assert report.startswith("Reloaded."), (who, report)
            tried("permission cases (/reload)")
        assert errors == []


async def test_a_listed_role_may_reload(tmp_path: Path) -> None:
    settings = fresh_settings(tmp_path, moderator_role_ids=frozenset({MOD_ROLE_ID}))
    async with bot_on_local(settings) as (discord_, _bot, _errors):
        report = await wait_final(discord_, await discord_.send_interaction("/reload", as_="role"))
        assert report.startswith("Reloaded.")
    tried("permission cases (/reload)")


async def test_reload_cooldown_holds_for_every_moderator_and_ends(tmp_path: Path) -> None:
    cooldown = 3.0  # long enough that a slow machine still sends the refused attempts inside it
    settings = fresh_settings(tmp_path, reload_cooldown=cooldown)
    async with bot_on_local(settings) as (discord_, bot, _errors):
        started = time.monotonic()  # the bot starts the cooldown later, when it runs the command
        first = await wait_final(discord_, await discord_.send_interaction("/reload", as_="moderator"))
        assert first.startswith("Reloaded.")
        for who in ("moderator", "owner", "admin"):  # someone else cannot go around it
            said = await _refused_without_reloading(discord_, bot, as_=who)
            assert "reload again <t:" in said
        assert time.monotonic() - started < cooldown, "too slow to test the cooldown"
        await asyncio.sleep(started + cooldown + 0.1 - time.monotonic())
        again = await wait_final(discord_, await discord_.send_interaction("/reload", as_="owner"))
        assert again.startswith("Reloaded.")
    tried("permission cases (/reload)")


TOKEN = "MTAxNTc4.distinctive-SECRET.token-4f9c2b7e1d"


async def test_the_token_never_appears_in_logs_errors_or_replies(tmp_path: Path) -> None:
    from bot import make_bot

    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    root = logging.getLogger()
    keep, level = Keep(logging.DEBUG), root.level
    root.addHandler(keep)
    root.setLevel(logging.DEBUG)
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    try:
        async with LocalDiscord(token=TOKEN) as discord_:
            discord_.point_discord_py_here()
            # A wrong token is refused without being echoed.
            wrong = make_bot(fresh_settings(tmp_path / "wrong"))
            with pytest.raises(discord.LoginFailure) as failure:
                await wrong.login(TOKEN + "x")
            await wrong.close()
            assert TOKEN not in str(failure.value)

            bot = make_bot(replace(fresh_settings(tmp_path), token=TOKEN), guild_ready_timeout=0.05)
            make_fast(bot)
            task = asyncio.create_task(bot.start(TOKEN))
            await discord_.wait_until_connected(15)
            await bot.tree.sync()
            lines = ["/cast Tao", "/cast name:nobody", "/quote about:rugby", "/about", "/countdown"]
            results = [await discord_.interact(line, settle=0.05) for line in lines]
            discord_.fail_next("/callback", 429, retry_after=0.01, count=5)  # the gave-up path logs
            results.append(await discord_.interact("/cast Nick", settle=0.1))
            results.append(await discord_.interact("/reload", as_="moderator", settle=0.3))
            await discord_.close_gateway(4009)  # a fresh IDENTIFY carries the token again
            results.append(await discord_.interact("/cast Tao", settle=0.05))
            await bot.close()
            await asyncio.wait_for(task, 10)
    finally:
        root.removeHandler(keep)
        root.setLevel(level)
    assert len(records) > 50  # DEBUG logging really was captured (gateway, HTTP, the bot)
    logged = "\n".join(formatter.format(r) for r in records)
    leaks = [line for line in logged.splitlines() if TOKEN in line]
    assert not leaks, leaks[:3]
    sent = repr([r.responses for r in results])
    assert all(r.answered for r in results)
    assert TOKEN not in sent
    tried("token secrecy (log records and replies checked)", len(records) + len(results))
