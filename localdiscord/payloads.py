"""Discord objects as the real API sends them, built from Discord's documented shapes.

discord.py indexes some keys without a fallback (READY's ``session_id``, a member's ``flags``, a
user's ``avatar``, an interaction's ``attachment_size_limit`` ...): a missing one kills the client,
so every builder here sends the full object.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1420070400000


def snowflake_at(unix_ms: int, increment: int = 0) -> int:
    return ((unix_ms - DISCORD_EPOCH_MS) << 22) | (1 << 17) | (increment & 0xFFF)


# Realistic snowflakes (created 2019-2022). The two guilds land on different shards when
# shard_count=2: (GUILD_ID >> 22) % 2 == 0 and (SECOND_GUILD_ID >> 22) % 2 == 1.
APPLICATION_ID = 967001820364931072  # also the bot user's id, as for every modern bot
BOT_USER_ID = APPLICATION_ID
GUILD_ID = 967032019353731072
SECOND_GUILD_ID = 967032019357925376
OWNER_ID = 540803491430531072
MOD_ROLE_ID = 967349108736131072
MEMBER_ID = 716803198156931072
MODERATOR_ID = 727674834124931072
ROLE_MEMBER_ID = 794354201395331072

# Default permissions of a plain member: view, send, embed, attach, history, reactions, app commands.
MEMBER_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 6) | (1 << 31)
MANAGE_GUILD = 1 << 5
ADMINISTRATOR = 1 << 3
BOT_PERMISSIONS = MEMBER_PERMISSIONS | (1 << 13)  # + manage messages
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024

_counter = itertools.count()


def new_snowflake() -> int:
    """A fresh, increasing snowflake for the current instant."""
    return snowflake_at(int(time.time() * 1000), next(_counter))


def iso_now() -> str:
    return datetime.now(UTC).isoformat()


def iso_of(snowflake: int) -> str:
    ms = (snowflake >> 22) + DISCORD_EPOCH_MS
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat()


def channel_id_for(guild_id: int) -> int:
    """The guild's #general text channel: created one second after the guild."""
    return guild_id + (1000 << 22)


def user(user_id: int, username: str, *, bot: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": str(user_id),
        "username": username,
        "discriminator": "0",
        "global_name": None if bot else username.title(),
        "avatar": None,
        "public_flags": 0,
        "flags": 0,
    }
    if bot:
        data["bot"] = True
    return data


def bot_user() -> dict[str, Any]:
    data = user(BOT_USER_ID, "Heartstopper Bot", bot=True)
    data.update(verified=True, mfa_enabled=False, email=None, locale="en-US")
    return data


def username_for(user_id: int) -> str:
    known = {
        OWNER_ID: "owner",
        MEMBER_ID: "fan",
        MODERATOR_ID: "moderator",
        ROLE_MEMBER_ID: "rolemod",
        BOT_USER_ID: "heartstopper-bot",
    }
    return known.get(user_id, f"user{user_id % 100000}")


def member(user_id: int, role_ids: Sequence[int], *, permissions: int | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "user": user(user_id, username_for(user_id), bot=user_id == BOT_USER_ID),
        "nick": None,
        "avatar": None,
        "banner": None,
        "roles": [str(r) for r in role_ids],
        "joined_at": iso_of(user_id),
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "communication_disabled_until": None,
    }
    if permissions is not None:
        data["permissions"] = str(permissions)
    return data


def application(owner_id: int) -> dict[str, Any]:
    return {
        "id": str(APPLICATION_ID),
        "name": "Heartstopper Bot",
        "icon": None,
        "description": "Answers fans from news articles (local Discord).",
        "rpc_origins": [],
        "bot_public": True,
        "bot_require_code_grant": False,
        "bot": bot_user(),
        "owner": user(owner_id, username_for(owner_id)),
        "team": None,
        "verify_key": "0" * 64,
        "flags": 1 << 23,  # GATEWAY_MESSAGE_CONTENT_LIMITED; app commands need no privileged intent
        "summary": "",
        "tags": [],
        "redirect_uris": [],
        "interactions_endpoint_url": None,
        "approximate_guild_count": 2,
        "integration_types_config": {"0": {}},
    }


def role(role_id: int, name: str, permissions: int, position: int) -> dict[str, Any]:
    return {
        "id": str(role_id),
        "name": name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
        "hoist": False,
        "icon": None,
        "unicode_emoji": None,
        "position": position,
        "permissions": str(permissions),
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


def text_channel(guild_id: int) -> dict[str, Any]:
    return {
        "id": str(channel_id_for(guild_id)),
        "type": 0,
        "guild_id": str(guild_id),
        "name": "general",
        "position": 0,
        "permission_overwrites": [],
        "parent_id": None,
        "topic": "Heartstopper chat",
        "nsfw": False,
        "rate_limit_per_user": 0,
        "last_message_id": None,
        "flags": 0,
    }


def guild(guild_id: int, owner_id: int, moderator_role_id: int) -> dict[str, Any]:
    """A full GUILD_CREATE Guild object (available), with its channel, roles and the bot's member."""
    name = "Heartstopper Fans" if guild_id == GUILD_ID else f"Heartstopper Fans {guild_id % 1000}"
    return {
        "id": str(guild_id),
        "name": name,
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "owner_id": str(owner_id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 1,
        "default_message_notifications": 1,
        "explicit_content_filter": 2,
        "roles": [
            role(guild_id, "@everyone", MEMBER_PERMISSIONS, 0),
            role(moderator_role_id, "Moderator", MEMBER_PERMISSIONS, 1),
        ],
        "emojis": [],
        "stickers": [],
        "features": [],
        "mfa_level": 0,
        "application_id": None,
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "vanity_url_code": None,
        "description": None,
        "banner": None,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": "en-US",
        "public_updates_channel_id": None,
        "nsfw_level": 0,
        "premium_progress_bar_enabled": False,
        "safety_alerts_channel_id": None,
        # GUILD_CREATE extras
        "joined_at": iso_now(),
        "large": False,
        "unavailable": False,
        "member_count": 5,
        "voice_states": [],
        "members": [member(BOT_USER_ID, [])],
        "channels": [text_channel(guild_id)],
        "threads": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "lazy": True,
    }


def ready(
    session_id: str, resume_url: str, guild_ids: Sequence[int], shard: tuple[int, int]
) -> dict[str, Any]:
    return {
        "v": 10,
        "user": bot_user(),
        "guilds": [{"id": str(g), "unavailable": True} for g in guild_ids],
        "session_id": session_id,
        "session_type": "normal",
        "resume_gateway_url": resume_url,
        "shard": list(shard),
        "application": {"id": str(APPLICATION_ID), "flags": 1 << 23},
        "private_channels": [],
        "relationships": [],
        "presences": [],
        "guild_join_requests": [],
        "geo_ordered_rtc_regions": [],
        "user_settings": {},
        "_trace": ["localdiscord"],
    }


def message(
    message_id: int,
    channel_id: int,
    guild_id: int | None,
    body: dict[str, Any],
    *,
    interaction: dict[str, Any] | None = None,
    flags: int = 0,
    edited: bool = False,
) -> dict[str, Any]:
    """A Message object as Discord returns it for an interaction response or followup."""
    data: dict[str, Any] = {
        "id": str(message_id),
        "type": 20 if interaction is not None else 0,
        "channel_id": str(channel_id),
        "author": user(APPLICATION_ID, "Heartstopper Bot", bot=True),
        "content": body.get("content") or "",
        "timestamp": iso_of(message_id),
        "edited_timestamp": iso_now() if edited else None,
        "tts": bool(body.get("tts", False)),
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": list(body.get("embeds") or []),
        "components": list(body.get("components") or []),
        "pinned": False,
        "webhook_id": str(APPLICATION_ID),
        "application_id": str(APPLICATION_ID),
        "flags": flags,
    }
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
    if interaction is not None:
        data["interaction_metadata"] = interaction
    return data


def interaction(
    *,
    interaction_id: int,
    token: str,
    kind: int,
    command: dict[str, Any],
    options: list[dict[str, Any]],
    guild_id: int | None,
    user_id: int,
    role_ids: Sequence[int],
    permissions: int,
) -> dict[str, Any]:
    """An INTERACTION_CREATE for an application command (kind 2) or its autocomplete (kind 4)."""
    data: dict[str, Any] = {
        "id": str(command.get("id", 0)),
        "name": command["name"],
        "type": command.get("type", 1),
        "options": options,
    }
    if command.get("guild_id"):
        data["guild_id"] = str(command["guild_id"])
    payload: dict[str, Any] = {
        "id": str(interaction_id),
        "application_id": str(APPLICATION_ID),
        "type": kind,
        "data": data,
        "token": token,
        "version": 1,
        "app_permissions": str(BOT_PERMISSIONS),
        "locale": "en-US",
        "entitlements": [],
        "entitlement_sku_ids": [],
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
    }
    if guild_id is not None:
        channel = text_channel(guild_id)
        channel["permissions"] = str(permissions)
        payload.update(
            guild_id=str(guild_id),
            guild={"id": str(guild_id), "locale": "en-US", "features": []},
            guild_locale="en-US",
            channel_id=channel["id"],
            channel=channel,
            member=member(user_id, role_ids, permissions=permissions),
            authorizing_integration_owners={"0": str(guild_id)},
            context=0,
        )
    else:
        the_user = user(user_id, username_for(user_id))
        dm_channel_id = user_id + (2000 << 22)
        payload.update(
            channel_id=str(dm_channel_id),
            channel={
                "id": str(dm_channel_id),
                "type": 1,
                "last_message_id": None,
                "flags": 0,
                "recipients": [the_user],
            },
            user=the_user,
            authorizing_integration_owners={"0": "0"},
            context=1,
        )
    return payload
