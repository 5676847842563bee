"""Who may run what, and how often: shared by the cogs so the rules live in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import discord
from discord import app_commands

if TYPE_CHECKING:
    from config import Settings

T = TypeVar("T")


def _settings(interaction: discord.Interaction) -> Settings:
    return interaction.client.settings  # type: ignore[attr-defined]


def query_cooldown(interaction: discord.Interaction) -> app_commands.Cooldown | None:
    """Per-user cooldown for the fan commands, sized by QUERY_COOLDOWN_RATE / QUERY_COOLDOWN_PER."""
    settings = _settings(interaction)
    if settings.query_cooldown_per <= 0:
        return None
    return app_commands.Cooldown(settings.query_cooldown_rate, settings.query_cooldown_per)


def per_user_cooldown() -> Callable[[T], T]:
    """A per-user `query_cooldown` check for one command; raises CommandOnCooldown like discord.py's.

    discord.py's `checks.dynamic_cooldown` scans every user's bucket on every call to drop stale ones:
    O(fans active in the window) per command, which at premiere time (thousands of fans within ten seconds)
    costs more than the command itself (docs/benchmarks.md). Here stale buckets are dropped at most once
    per window, so each call is O(1).
    """
    buckets: dict[int, app_commands.Cooldown] = {}
    pruned_at = 0.0

    async def predicate(interaction: discord.Interaction) -> bool:
        nonlocal buckets, pruned_at
        now = interaction.created_at.timestamp()
        fresh = query_cooldown(interaction)
        if fresh is None:
            return True
        if now - pruned_at >= fresh.per:
            buckets = {k: b for k, b in buckets.items() if now <= b._last + b.per}
            pruned_at = now
        bucket = buckets.get(interaction.user.id)
        if bucket is None or (bucket.rate, bucket.per) != (fresh.rate, fresh.per):
            bucket = buckets[interaction.user.id] = fresh
        retry_after = bucket.update_rate_limit(now)
        if retry_after is None:
            return True
        raise app_commands.CommandOnCooldown(bucket, retry_after)

    return app_commands.check(predicate)


async def is_moderator(interaction: discord.Interaction) -> bool:
    """Manage Server in this channel (as Discord computed it), a MODERATOR_ROLE_IDS role, or the bot owner.

    Checked at run time because server admins can override the command's default permissions.
    """
    if interaction.guild is None:
        raise app_commands.NoPrivateMessage()
    if interaction.permissions.manage_guild:
        return True
    role_ids = {role.id for role in getattr(interaction.user, "roles", ())}
    if role_ids & _settings(interaction).moderator_role_ids:
        return True
    if await interaction.client.is_owner(interaction.user):  # type: ignore[attr-defined]
        return True
    raise app_commands.MissingPermissions(["manage_guild"])


moderator_only = app_commands.check(is_moderator)
