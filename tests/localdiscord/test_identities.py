"""Who the interaction comes from, as discord.py sees it on the bot's side."""

import pytest

from localdiscord import GUILD_ID, MOD_ROLE_ID, OWNER_ID, LocalDiscord
from localdiscord.payloads import MEMBER_ID, MODERATOR_ID, ROLE_MEMBER_ID

from .conftest import TinyBot


@pytest.mark.parametrize(
    ("as_", "expected"),
    [
        ("member", f"{MEMBER_ID} manage_guild=False roles=[] owner=False in={GUILD_ID}"),
        ("moderator", f"{MODERATOR_ID} manage_guild=True roles=[] owner=False in={GUILD_ID}"),
        ("owner", f"{OWNER_ID} manage_guild=False roles=[] owner=True in={GUILD_ID}"),
        ("role", f"{ROLE_MEMBER_ID} manage_guild=False roles=[{MOD_ROLE_ID}] owner=False in={GUILD_ID}"),
    ],
)
async def test_identity_reaches_the_bot(local: LocalDiscord, bot: TinyBot, as_: str, expected: str) -> None:
    record = await local.interact("/whoami", as_=as_, settle=0.02)
    assert record.responses[0]["content"] == expected


async def test_dm_has_no_guild_and_no_member(local: LocalDiscord, bot: TinyBot) -> None:
    record = await local.interact("/whoami", dm=True, settle=0.02)
    assert record.guild_id is None
    assert record.responses[0]["content"].endswith("in=dm")


async def test_explicit_user_roles_and_permissions(local: LocalDiscord, bot: TinyBot) -> None:
    record = await local.interact(
        "/whoami", user_id=1234567890123, role_ids=[MOD_ROLE_ID], permissions=1 << 5, settle=0.02
    )
    assert (
        record.responses[0]["content"]
        == f"1234567890123 manage_guild=True roles=[{MOD_ROLE_ID}] owner=False in={GUILD_ID}"
    )
