"""/countdown: time to (or since) a premiere, in every fan's own time zone via Discord timestamps."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import discord
from discord import app_commands
from discord.ext import commands

from core.checks import per_user_cooldown
from core.names import NameIndex
from core.text import echo, fit_embed, inert, truncate
from core.tree import reply_ephemeral
from core.views import autocomplete_choices, human_date, mention_line
from db.model import EventInfo, Snapshot

if TYPE_CHECKING:
    from bot import HeartstopperBot

COLOUR = discord.Colour(0xF4A7B9)


def event_label(event: EventInfo) -> str:
    return f"{event.what} ({human_date(event.date)})"


def build_index(snapshot: Snapshot) -> NameIndex[EventInfo]:
    return NameIndex((e, event_label(e), [e.what, e.kind.replace("_", " "), e.date]) for e in snapshot.events)


def starts_at(event: EventInfo, zone: ZoneInfo) -> datetime | None:
    """Midnight of a dated event in the release time zone; None when only the month is known."""
    try:
        day = date.fromisoformat(event.date)
    except ValueError:
        return None
    return datetime.combine(day, time.min, tzinfo=zone)


def default_event(events: tuple[EventInfo, ...], now: datetime, zone: ZoneInfo) -> EventInfo | None:
    """The next premiere to come, else the most recent one (the fandom's answer to "when?")."""
    timed = [(at, e) for e in events if e.kind == "premiere" and (at := starts_at(e, zone)) is not None]
    upcoming = [(at, e) for at, e in timed if at > now]
    if upcoming:
        return min(upcoming, key=lambda pair: pair[0])[1]
    if timed:
        return max(timed, key=lambda pair: pair[0])[1]
    return None


def span(seconds: float) -> str:
    """A plain-words duration: "12 days, 4 hours", "2 years, 3 months"."""
    minutes = int(seconds // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    years, days_left = divmod(days, 365)
    months, days_left = divmod(days_left, 30)

    def unit(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    if years:
        return ", ".join(unit(n, w) for n, w in ((years, "year"), (months, "month")) if n)
    if months:
        return ", ".join(unit(n, w) for n, w in ((months, "month"), (days_left, "day")) if n)
    if days:
        return ", ".join(unit(n, w) for n, w in ((days, "day"), (hours, "hour")) if n)
    if hours:
        return ", ".join(unit(n, w) for n, w in ((hours, "hour"), (mins, "minute")) if n)
    return unit(max(mins, 0), "minute")


def countdown_embed(event: EventInfo, now: datetime, zone: ZoneInfo) -> discord.Embed:
    title = f"Heartstopper: {event.what}" if "heartstopper" not in event.what.lower() else event.what
    embed = discord.Embed(title=truncate(title, 256), colour=COLOUR)
    at = starts_at(event, zone)
    if at is None:
        embed.description = (
            f"Set for **{human_date(event.date)}**; the articles don't give the exact day yet."
        )
    elif at > now:
        left = (at - now).total_seconds()
        embed.description = (
            f"Starts {discord.utils.format_dt(at, 'F')} ({discord.utils.format_dt(at, 'R')})\n"
            f"**{span(left)}** to go."
        )
    else:
        ago = (now - at).total_seconds()
        verb = "Premiered" if event.kind == "premiere" else "Happened"
        embed.description = (
            f"{verb} {discord.utils.format_dt(at, 'F')} ({discord.utils.format_dt(at, 'R')})\n"
            f"That was **{span(ago)}** ago."
        )
    if event.mentions:
        embed.add_field(name="Source", value=mention_line(event.mentions[0]), inline=False)
    if at is not None:
        embed.set_footer(text=f"Shown in your own time zone · counted from midnight {zone.key}")
    return fit_embed(embed)


class Countdown(commands.Cog):
    def __init__(self, bot: HeartstopperBot) -> None:
        self.bot = bot
        self._index = bot.snapshot_cache(build_index)

    @app_commands.command(name="countdown", description="How long until (or since) a Heartstopper premiere")
    @app_commands.describe(
        event="An event from the news: a premiere, production start, festival... (default: premiere)"
    )
    @per_user_cooldown()
    async def countdown(self, interaction: discord.Interaction, event: str | None = None) -> None:
        await self.bot.ensure_fresh()
        snapshot = self.bot.store.snapshot
        zone = self.bot.settings.release_zone
        now = self.bot.clock.now()
        if event and event.strip():
            index = self._index.get(snapshot)
            found = index.lookup(event)
            if found.hit is None:
                known = found.candidates or tuple(index.suggestions(event, limit=8))
                listing = "\n".join(f"• {inert(event_label(e))}" for e in known)
                await reply_ephemeral(
                    interaction,
                    f"I don't know an event called “{echo(event)}”."
                    + (f"\nEvents I know:\n{listing}" if listing else ""),
                )
                return
            chosen: EventInfo | None = found.hit
        else:
            chosen = default_event(snapshot.events, now, zone)
        if chosen is None:
            await reply_ephemeral(interaction, "No premiere date appears in the articles I know yet.")
            return
        await interaction.response.send_message(embed=countdown_embed(chosen, now, zone))

    @countdown.autocomplete("event")
    async def event_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        # The label is the value: it is also a key of the index, so the chosen event is found exactly.
        return autocomplete_choices(self._index.get(self.bot.store.snapshot), current, lambda _, label: label)


async def setup(bot: HeartstopperBot) -> None:
    await bot.add_cog(Countdown(bot))
