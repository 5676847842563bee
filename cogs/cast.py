"""/cast: who plays whom, found fuzzily by character, actor, first name, surname or alias."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from core.checks import per_user_cooldown
from core.names import NameIndex
from core.text import bullet_chunks, echo, fit_embed, inert, truncate
from core.tree import reply_ephemeral
from core.views import SnapshotCache, autocomplete_choices, mention_line
from db.model import CastMember, PersonInfo, Snapshot

if TYPE_CHECKING:
    from bot import HeartstopperBot

Someone = CastMember | PersonInfo
COLOUR = discord.Colour(0xF4A7B9)  # Heartstopper pink
MAX_SOURCES = 8
EMBED_CACHE = 1024  # answers kept ready per snapshot: building an embed was ~12% of a /cast in a burst


def build_index(snapshot: Snapshot) -> NameIndex[Someone]:
    """Cast first, so a name shared by an actor and a crew entry resolves to the role fans ask about."""
    entries: list[tuple[Someone, str, list[str]]] = [
        (m, f"{m.character} ({m.actor})", [m.character, m.actor, *m.character_aliases, *m.actor_aliases])
        for m in snapshot.cast
    ]
    cast_actors = {m.actor for m in snapshot.cast}
    entries += [
        (p, f"{p.name} ({', '.join(p.roles)})", [p.name, *p.aliases])
        for p in snapshot.people
        if p.name not in cast_actors
    ]
    return NameIndex(entries)


def describe(someone: Someone) -> str:
    if isinstance(someone, CastMember):
        return f"**{inert(someone.character)}** ({inert(someone.actor)})"
    return f"**{inert(someone.name)}** ({inert(', '.join(someone.roles))})"


def cast_embed(member: CastMember) -> discord.Embed:
    lines = [f"Played by **{inert(member.actor)}**"]
    if member.description:
        lines.append(f"*{inert(member.description)}*")
    lines.append("Returning cast" if member.returning else "New to the cast")
    embed = discord.Embed(title=truncate(member.character, 256), description="\n".join(lines), colour=COLOUR)
    if member.seasons:
        embed.add_field(name="Seasons", value=", ".join(f"Season {s}" for s in member.seasons), inline=True)
    aliases = sorted({*member.character_aliases} - {member.character})
    if aliases:
        embed.add_field(name="Also called", value=inert(", ".join(aliases)), inline=True)
    sources = [mention_line(m) for m in member.mentions[:MAX_SOURCES]]
    if len(member.mentions) > MAX_SOURCES:
        sources.append(f"…and {len(member.mentions) - MAX_SOURCES} more")
    if sources:
        embed.add_field(name="Mentioned in", value=bullet_chunks(sources)[0], inline=False)
    return fit_embed(embed)


def person_embed(person: PersonInfo) -> discord.Embed:
    roles = ", ".join(person.roles) or "named in the coverage"
    embed = discord.Embed(
        title=truncate(person.name, 256),
        description=f"Not in the cast: {inert(roles)}.",
        colour=COLOUR,
    )
    sources = [mention_line(m) for m in person.mentions[:MAX_SOURCES]]
    if sources:
        embed.add_field(name="Mentioned in", value=bullet_chunks(sources)[0], inline=False)
    return fit_embed(embed)


def whole_cast_embed(snapshot: Snapshot) -> discord.Embed:
    embed = discord.Embed(title="The Heartstopper cast", colour=COLOUR)
    groups = (
        ("Returning", [m for m in snapshot.cast if m.returning]),
        ("New faces", [m for m in snapshot.cast if not m.returning]),
    )
    for title, members in groups:
        lines = [
            f"**{inert(m.character)}**: {inert(m.actor)}" for m in sorted(members, key=lambda m: m.character)
        ]
        for i, chunk in enumerate(bullet_chunks(lines)):
            embed.add_field(name=title if i == 0 else f"{title} (cont.)", value=chunk, inline=False)
    if not snapshot.cast:
        embed.description = "No cast is known yet: the articles loaded name nobody in a role."
    else:
        embed.set_footer(
            text=f"{len(snapshot.cast)} roles from {len(snapshot.articles)} articles · /cast name for more"
        )
    return fit_embed(embed)


class Cast(commands.Cog):
    def __init__(self, bot: HeartstopperBot) -> None:
        self.bot = bot
        self._index = bot.snapshot_cache(build_index)
        # Keyed by id(): the members live in the snapshot this cache belongs to, so ids stay unique.
        self._embeds: SnapshotCache[dict[int, discord.Embed]] = bot.snapshot_cache(lambda _snapshot: {})

    def index(self) -> NameIndex[Someone]:
        return self._index.get(self.bot.store.snapshot)

    def embed_for(self, someone: Someone, snapshot: Snapshot) -> discord.Embed:
        """The answer for one person, built once per snapshot (discord.py only reads a sent embed)."""
        cache = self._embeds.get(snapshot)
        embed = cache.get(id(someone))
        if embed is None:
            if len(cache) >= EMBED_CACHE:
                cache.clear()
            embed = cast_embed(someone) if isinstance(someone, CastMember) else person_embed(someone)
            cache[id(someone)] = embed
        return embed

    @app_commands.command(name="cast", description="Who plays whom in Heartstopper")
    @app_commands.describe(name="A character or actor: first name, surname or full name (typos are fine)")
    @per_user_cooldown()
    async def cast(self, interaction: discord.Interaction, name: str | None = None) -> None:
        await self.bot.ensure_fresh()
        snapshot = self.bot.store.snapshot
        if not name or not name.strip():
            await interaction.response.send_message(embed=whole_cast_embed(snapshot))
            return
        index = self.index()
        found = index.lookup(name)
        if found.hit is not None:
            await interaction.response.send_message(embed=self.embed_for(found.hit, snapshot))
            return
        if found.candidates:
            options = "\n".join(f"• {describe(c)}" for c in found.candidates)
            await reply_ephemeral(interaction, f"Did you mean one of these for “{echo(name)}”?\n{options}")
            return
        nearest = ", ".join(describe(c) for c in index.suggestions(name, limit=5))
        await reply_ephemeral(
            interaction,
            f"I couldn't find anyone called “{echo(name)}” in the articles I know."
            + (f"\nTry one of these: {nearest}" if nearest else ""),
        )

    @cast.autocomplete("name")
    async def cast_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return autocomplete_choices(
            self.index(),
            current,
            lambda someone, _: someone.character if isinstance(someone, CastMember) else someone.name,
        )


async def setup(bot: HeartstopperBot) -> None:
    await bot.add_cog(Cast(bot))
