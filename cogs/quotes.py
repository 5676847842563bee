"""/quote: what the cast and creator said in interviews, with the article it came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from core.checks import per_user_cooldown
from core.names import NameIndex
from core.text import clean, echo, fit_embed, inert, truncate
from core.tree import reply_ephemeral
from core.views import autocomplete_choices, human_date
from db.model import QuoteRow, Snapshot

if TYPE_CHECKING:
    from bot import HeartstopperBot

COLOUR = discord.Colour(0xF4A7B9)
MAX_ABOUT = 200  # longer search text is cut: nobody means 10 000 characters of topic


def build_index(snapshot: Snapshot) -> NameIndex[str]:
    """Speakers by their names and every alias the store knows for them (cast or crew)."""
    aliases: dict[str, set[str]] = {name: set() for name in snapshot.speakers}
    for person in snapshot.people:
        if person.name in aliases:
            aliases[person.name].update(person.aliases)
    for member in snapshot.cast:
        if member.actor in aliases:
            aliases[member.actor].update(member.actor_aliases)
            # Fans may ask for the quote by role: "/quote who:Nick".
            aliases[member.actor].update((member.character, *member.character_aliases))
    return NameIndex((name, name, sorted(names)) for name, names in aliases.items())


def quote_embed(quote: QuoteRow) -> discord.Embed:
    embed = discord.Embed(description=f"“{inert(quote.text)}”", colour=COLOUR)
    embed.set_author(name=truncate(quote.speaker, 256))
    embed.set_footer(text=f"{truncate(quote.article.title, 200)} · {human_date(quote.article.date)}")
    return fit_embed(embed)


class Quotes(commands.Cog):
    def __init__(self, bot: HeartstopperBot) -> None:
        self.bot = bot
        self._index = bot.snapshot_cache(build_index)

    @app_commands.command(name="quote", description="A random quote from the cast and creator's interviews")
    @app_commands.describe(who="Who said it (fuzzy: Kit, Oseman...)", about="Words the quote should mention")
    @per_user_cooldown()
    async def quote(
        self, interaction: discord.Interaction, who: str | None = None, about: str | None = None
    ) -> None:
        await self.bot.ensure_fresh()
        snapshot = self.bot.store.snapshot
        index = self._index.get(snapshot)
        speaker = None
        if who and who.strip():
            found = index.lookup(who)
            if found.hit is None:
                options = found.candidates or tuple(index.suggestions(who, limit=8))
                await reply_ephemeral(
                    interaction,
                    f"I have no quotes from anyone called “{echo(who)}”."
                    + (f"\nPeople I can quote: {', '.join(inert(s) for s in options)}" if options else ""),
                )
                return
            speaker = found.hit
        topic = clean(about)[:MAX_ABOUT] if about else None
        row = await self.bot.store.random_quote(speaker=speaker, about=topic or None)
        if row is None:
            if not snapshot.quote_count:
                message = "I don't know any quotes yet: none of the loaded articles has an interview."
            else:
                whose = f" from {inert(speaker)}" if speaker else ""
                topic_text = f" mentioning “{echo(about)}”" if topic else ""
                people = ", ".join(inert(s) for s in snapshot.speakers[:10])
                message = f"I found no quote{whose}{topic_text}. People I can quote: {people}."
            await reply_ephemeral(interaction, message)
            return
        await interaction.response.send_message(embed=quote_embed(row))

    @quote.autocomplete("who")
    async def who_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return autocomplete_choices(self._index.get(self.bot.store.snapshot), current, lambda name, _: name)


async def setup(bot: HeartstopperBot) -> None:
    await bot.add_cog(Quotes(bot))
