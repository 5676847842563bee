"""Who may run what, and how often: shared by the cogs so the rules live in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

if TYPE_CHECKING:
    from config import Settings


def _settings(interaction: discord.Interaction) -> Settings:
    return interaction.client.settings  # type: ignore[attr-defined]


def query_cooldown(interaction: discord.Interaction) -> app_commands.Cooldown | None:
    """Per-user cooldown for the fan commands, sized by QUERY_COOLDOWN_RATE / QUERY_COOLDOWN_PER."""
    settings = _settings(interaction)
    if settings.query_cooldown_per <= 0:
        return None
    return app_commands.Cooldown(settings.query_cooldown_rate, settings.query_cooldown_per)


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
