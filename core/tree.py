"""One CommandTree that answers every failed command with a friendly ephemeral reply.

Expected failures (a check, a cooldown, a bad option) get a plain explanation; anything else is logged with
its traceback under a short error id that the user sees, so a moderator can quote it in a bug report.
"""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta

import discord
from discord import app_commands

from core.text import CONTENT_LIMIT, echo, truncate

log = logging.getLogger(__name__)

UNKNOWN_INTERACTION = 10062  # Discord's code once an interaction's token is no longer accepted


class FriendlyError(app_commands.AppCommandError):
    """A failure whose message is meant for the user as written."""


def explain(error: app_commands.AppCommandError, now: discord.utils.datetime) -> str | None:
    """The user-facing text for an expected failure, or None for a bug."""
    if isinstance(error, FriendlyError):
        return str(error)
    if isinstance(error, app_commands.CommandOnCooldown):
        again = discord.utils.format_dt(now + timedelta(seconds=error.retry_after), "R")
        return f"Slow down a little: you can use this command again {again}."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command only works in a server, not in direct messages."
    if isinstance(
        error, app_commands.MissingPermissions | app_commands.MissingAnyRole | app_commands.MissingRole
    ):
        return "Only moderators can use this command (Manage Server, a moderator role, or the bot owner)."
    if isinstance(error, app_commands.BotMissingPermissions):
        return "I'm missing permissions in this channel to do that."
    if isinstance(error, app_commands.TransformerError):
        return f"I couldn't understand the value {echo(str(error.value), 80)!s} for that option."
    if isinstance(error, app_commands.CommandNotFound):
        return "I don't know that command any more; the command list may be updating. Try again in a minute."
    if isinstance(error, app_commands.CommandSignatureMismatch):
        return "This command changed since Discord last synced it. Ask a moderator to re-sync the commands."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use this command here."
    return None


class BotTree(app_commands.CommandTree):
    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        message = explain(error, discord.utils.utcnow())
        command = interaction.command.qualified_name if interaction.command else "?"
        cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        if message is None and isinstance(cause, discord.HTTPException):
            # Sending the answer failed after discord.py's own retries (5xx, 429): not a bug in the command.
            log.warning(
                "gave up delivering the answer to /%s (interaction %s): %s %s",
                command,
                interaction.id,
                cause.status,
                cause.text or "",
            )
            if isinstance(cause, discord.NotFound) and cause.code == UNKNOWN_INTERACTION:
                return  # the 3 seconds are over: Discord accepts no answer to this interaction any more
            message = "Discord had trouble taking my answer. Please try the command again."
        if message is None:
            error_id = secrets.token_hex(4)
            log.error("error %s in /%s", error_id, command, exc_info=cause)
            message = f"Something went wrong on my side (error id `{error_id}`). The team has the details."
        await reply_ephemeral(interaction, message)


async def reply_ephemeral(interaction: discord.Interaction, message: str) -> None:
    """Answer whether or not the interaction was already acknowledged; never raise."""
    message = truncate(message, CONTENT_LIMIT)
    try:
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True)
        else:
            await interaction.response.send_message(message, ephemeral=True)
    except discord.HTTPException:
        log.warning("gave up delivering an error reply for interaction %s", interaction.id, exc_info=True)
