"""A tiny real discord.py bot (not the product's) and a LocalDiscord to run it against."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from localdiscord import LocalDiscord, run_bot

NAMES = ["Tao Xu", "Tara Jones", "Tariq", "Nick Nelson", "Charlie Spring", "Elle Argent"]


class TinyCommands:
    """One command per behaviour the local Discord must see (mixed into a Bot or an AutoShardedBot)."""

    answered_by_shard: list[int | None]
    tree: app_commands.CommandTree
    http: discord.http.HTTPClient

    async def setup_hook(self) -> None:
        tree = self.tree

        @tree.command(description="Say hello")
        async def hello(interaction: discord.Interaction) -> None:
            self.answered_by_shard.append(interaction.guild.shard_id if interaction.guild else None)
            await interaction.response.send_message(f"hello {interaction.user.name}")

        @tree.command(description="Who is asking")
        async def whoami(interaction: discord.Interaction) -> None:
            user = interaction.user
            roles = [r.id for r in getattr(user, "roles", [])[1:]]  # without @everyone
            owner = await self.is_owner(user)  # type: ignore[attr-defined]
            where = "dm" if interaction.guild is None else str(interaction.guild.id)
            manage = interaction.permissions.manage_guild
            await interaction.response.send_message(
                f"{user.id} manage_guild={manage} roles={roles} owner={owner} in={where}"
            )

        @tree.command(description="Send a file")
        async def file(interaction: discord.Interaction) -> None:
            upload = discord.File(io.BytesIO(b"tao,nick\n"), filename="cast.csv")
            await interaction.response.send_message("here", file=upload)

        @tree.command(description="Think, then answer")
        @app_commands.describe(hidden="only you see it")
        async def slow(interaction: discord.Interaction, hidden: bool = False) -> None:
            await interaction.response.defer(ephemeral=hidden, thinking=True)
            await asyncio.sleep(0.05)
            await interaction.followup.send("done thinking")

        @tree.command(description="Look a name up")
        async def cast(interaction: discord.Interaction, name: str, count: int = 1) -> None:
            await interaction.response.send_message(f"{name} x{count}")

        @cast.autocomplete("name")
        async def cast_names(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            return [
                app_commands.Choice(name=n, value=n) for n in NAMES if n.lower().startswith(current.lower())
            ]

        @tree.command(description="Too many choices")
        async def many(interaction: discord.Interaction, pick: str) -> None:
            await interaction.response.send_message(pick)

        @many.autocomplete("pick")
        async def many_choices(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            return [app_commands.Choice(name=f"choice {i}", value=str(i)) for i in range(30)]

        @tree.command(description="Echo safely")
        async def echo(interaction: discord.Interaction, text: str) -> None:
            await interaction.response.send_message(text, allowed_mentions=discord.AllowedMentions.none())

        @tree.command(description="Echo without allowed_mentions")
        async def shout(interaction: discord.Interaction, text: str) -> None:
            # Bypasses discord.py so the payload really lacks allowed_mentions.
            route = discord.http.Route(
                "POST",
                "/interactions/{interaction_id}/{token}/callback",
                interaction_id=interaction.id,
                token=interaction.token,
            )
            await self.http.request(route, json={"type": 4, "data": {"content": text}})

        @tree.command(description="An embed with too many fields")
        async def fields(interaction: discord.Interaction, count: int) -> None:
            embed = discord.Embed(title="Fields")
            for i in range(count):
                embed.add_field(name=f"n{i}", value=f"v{i}")
            try:
                await interaction.response.send_message(embed=embed)
            except discord.HTTPException:
                await interaction.response.send_message("that embed was refused", ephemeral=True)

        @tree.command(description="Answer too late")
        async def late(interaction: discord.Interaction) -> None:
            await asyncio.sleep(3.2)
            try:
                await interaction.response.send_message("sorry, late")
            except discord.NotFound:
                pass

        @tree.command(description="Reply then edit")
        async def edit(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("first")
            await interaction.edit_original_response(content="second")

        @tree.command(description="Answer twice")
        async def twice(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("one")
            route = discord.http.Route(
                "POST",
                "/interactions/{interaction_id}/{token}/callback",
                interaction_id=interaction.id,
                token=interaction.token,
            )
            try:
                await self.http.request(
                    route, json={"type": 4, "data": {"content": "two", "allowed_mentions": {"parse": []}}}
                )
            except discord.HTTPException:
                pass


@pytest.fixture
async def local() -> AsyncIterator[LocalDiscord]:
    server = LocalDiscord(heartbeat_interval_ms=1000)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
async def bot(local: LocalDiscord) -> AsyncIterator[TinyBot]:
    tiny = TinyBot()
    async with run_bot(tiny, local):
        yield tiny


def _bot_options() -> dict:
    return {
        "command_prefix": commands.when_mentioned,
        "intents": discord.Intents.default(),
        "allowed_mentions": discord.AllowedMentions.none(),
    }


class TinyBot(TinyCommands, commands.Bot):
    def __init__(self, **options: object) -> None:
        super().__init__(**{**_bot_options(), **options})
        self.answered_by_shard = []


class TinyShardedBot(TinyCommands, commands.AutoShardedBot):
    def __init__(self, **options: object) -> None:
        super().__init__(**{**_bot_options(), **options})
        self.answered_by_shard = []
