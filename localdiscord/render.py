"""Readable terminal text for what the bot sent, as a fan would roughly see it in Discord."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

EPHEMERAL = 1 << 6
_TIMESTAMP = re.compile(r"<t:(-?\d+)(?::([tTdDfFR]))?>")


def _timestamp(match: re.Match[str]) -> str:
    """Discord shows <t:unix:style> in the reader's time zone; a terminal shows it in UTC."""
    try:
        moment = datetime.fromtimestamp(int(match.group(1)), UTC)
    except (OverflowError, OSError, ValueError):
        return match.group(0)
    style = match.group(2) or "f"
    if style == "R":
        seconds = (moment - datetime.now(UTC)).total_seconds()
        return _relative(seconds)
    if style in "dD":
        return moment.strftime("%Y-%m-%d")
    if style in "tT":
        return moment.strftime("%H:%M UTC")
    return moment.strftime("%A %Y-%m-%d %H:%M UTC") if style == "F" else moment.strftime("%Y-%m-%d %H:%M UTC")


def _relative(seconds: float) -> str:
    size = abs(seconds)
    for unit, length in (
        ("year", 31536000),
        ("month", 2592000),
        ("day", 86400),
        ("hour", 3600),
        ("minute", 60),
    ):
        if size >= length:
            count = int(size // length)
            text = f"{count} {unit}{'s' if count != 1 else ''}"
            break
    else:
        text = f"{int(size)} seconds"
    return f"in {text}" if seconds > 0 else f"{text} ago"


def _text(value: Any) -> str:
    return _TIMESTAMP.sub(_timestamp, str(value)) if value is not None else ""


def _indent(text: str, prefix: str = "  ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


def render_embed(embed: Mapping[str, Any]) -> str:
    lines: list[str] = []
    author = (embed.get("author") or {}).get("name")
    if author:
        lines.append(_text(author))
    if embed.get("title"):
        lines.append(f"== {_text(embed['title'])} ==")
    if embed.get("description"):
        lines.append(_text(embed["description"]))
    for field in embed.get("fields") or []:
        lines.append(f"{_text(field.get('name'))}: {_text(field.get('value'))}")
    footer = (embed.get("footer") or {}).get("text")
    if footer:
        lines.append(f"-- {_text(footer)}")
    return _indent("\n".join(lines), "| ")


def render_message(payload: Mapping[str, Any]) -> str:
    """One message payload (callback data, followup or edit body) as plain text.

    Autocomplete answers ({"choices": [...]}) render as a choice list.
    """
    if "choices" in payload and "content" not in payload and "embeds" not in payload:
        choices = payload.get("choices") or []
        if not choices:
            return "[autocomplete] (no choices)"
        names = [
            f"  - {c.get('name')}" + (f"  ({c.get('value')})" if c.get("value") != c.get("name") else "")
            for c in choices
        ]
        return "[autocomplete]\n" + "\n".join(names)
    parts: list[str] = []
    if (payload.get("flags") or 0) & EPHEMERAL:
        parts.append("[only you can see this]")
    if payload.get("content"):
        parts.append(_text(payload["content"]))
    for embed in payload.get("embeds") or []:
        parts.append(render_embed(embed))
    if payload.get("title") and payload.get("custom_id"):
        parts.append(f"[modal] {payload['title']}")
    for attachment in payload.get("_files") or []:
        parts.append(f"[file] {attachment.get('filename')}")
    return "\n".join(parts) if parts else "(empty message)"


def render_interaction(record: Any) -> str:
    """Everything the bot sent for one interaction (a server.Interaction), ephemeral marked correctly.

    After an ephemeral deferral the followup body has no flags of its own, so the record knows better.
    """
    if not record.responses:
        return "(no answer)" if not record.acknowledged else "(thinking... no message)"
    blocks = []
    for index, payload in enumerate(record.responses):
        text = render_message(payload)
        if index == 0 and record.ephemeral and not text.startswith("[only you can see this]"):
            text = "[only you can see this]\n" + text
        blocks.append(text)
    return "\n\n".join(blocks)
