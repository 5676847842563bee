"""/reload for moderators and /about for everyone: the store's lifecycle as Discord sees it."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from core.checks import moderator_only, per_user_cooldown
from core.text import CONTENT_LIMIT, bullet_chunks, fit_embed, inert, truncate
from core.tree import FriendlyError
from core.views import human_date
from db.build import format_report

if TYPE_CHECKING:
    from bot import HeartstopperBot

COLOUR = discord.Colour(0xF4A7B9)
PROGRESS_EVERY = 1.0  # seconds between progress edits: Discord rate-limits message edits


def progress_bar(done: int, total: int, width: int = 20) -> str:
    filled = width * done // total if total else width
    return f"[{'#' * filled}{'-' * (width - filled)}] {done}/{total} articles"


class Admin(commands.Cog):
    def __init__(self, bot: HeartstopperBot) -> None:
        self.bot = bot
        self._last_reload: dict[int, float] = {}  # guild id -> monotonic time of the last reload started

    def _check_reload_cooldown(self, guild_id: int) -> None:
        wait = self.bot.settings.reload_cooldown - (time.monotonic() - self._last_reload.get(guild_id, -1e9))
        if wait > 0:
            again = discord.utils.format_dt(discord.utils.utcnow() + timedelta(seconds=wait), "R")
            raise FriendlyError(f"The articles were reloaded a moment ago; you can reload again {again}.")

    @app_commands.command(
        name="reload", description="Moderators: rebuild the bot's knowledge from data/articles"
    )
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @moderator_only
    async def reload(self, interaction: discord.Interaction) -> None:
        store = self.bot.store
        if store.reloading:
            raise FriendlyError("A reload is already running; its result will show where it was started.")
        assert interaction.guild_id is not None  # guild_only
        self._check_reload_cooldown(interaction.guild_id)
        self._last_reload[interaction.guild_id] = time.monotonic()
        await interaction.response.defer(ephemeral=True, thinking=True)
        last_edit = time.monotonic()  # a reload quicker than one interval shows only its result

        async def progress(done: int, total: int) -> None:
            nonlocal last_edit
            if time.monotonic() - last_edit < PROGRESS_EVERY or done >= total:
                return
            last_edit = time.monotonic()
            try:
                await interaction.edit_original_response(content=f"Reloading… {progress_bar(done, total)}")
            except discord.HTTPException:
                pass  # progress is a courtesy; the final answer below is what matters

        report = await store.rebuild(progress=progress)
        await self.bot.after_reload(report)
        text = format_report(report)
        headline = "Reloaded." if report.ok else "Reload failed: the previous data is still being served."
        await interaction.edit_original_response(
            content=truncate(f"{headline}\n{inert(text)}", CONTENT_LIMIT)
        )

    @app_commands.command(name="about", description="What the bot knows: articles, counts and data version")
    @per_user_cooldown()
    async def about(self, interaction: discord.Interaction) -> None:
        await self.bot.ensure_fresh()
        snap = self.bot.store.snapshot
        embed = discord.Embed(
            title="About this bot",
            description=(
                "Answers about Heartstopper from the news articles below. "
                f"I know **{len(snap.cast)}** roles, **{len(snap.people)}** other people, "
                f"**{len(snap.events)}** dated events and **{snap.quote_count}** quotes."
            ),
            colour=COLOUR,
        )
        articles = sorted(snap.articles, key=lambda a: (a.date or "9999", a.title))
        lines = [f"{human_date(a.date)} — {inert(truncate(a.title, 150))}" for a in articles]
        for i, chunk in enumerate(bullet_chunks(lines)[:5]):
            embed.add_field(
                name=f"Articles ({len(articles)})" if i == 0 else "\u200b", value=chunk, inline=False
            )
        if not articles:
            embed.add_field(name="Articles (0)", value="None loaded yet.", inline=False)
        embed.set_footer(
            text=f"Data version {snap.data_version[:12] or 'none'} · built {snap.built_at or 'never'}"
        )
        await interaction.response.send_message(embed=fit_embed(embed))


async def setup(bot: HeartstopperBot) -> None:
    await bot.add_cog(Admin(bot))
