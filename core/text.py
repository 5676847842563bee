"""Text that is safe to send: it cannot ping anyone, break formatting, or exceed Discord's limits.

`allowed_mentions` is none on the client already; escaping here is the second belt, so echoed text
also *looks* inert (no blue @everyone) and cannot close our own markdown.
"""

from __future__ import annotations

import re
import unicodedata

import discord

CONTENT_LIMIT = 2000
EMBED_TOTAL = 6000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_COUNT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
CHOICE_LIMIT = 100
ELLIPSIS = "…"

# Control and format characters (zero-width, bidi overrides) that can hide or reorder what a reader sees.
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}
_SPACES = re.compile(r"\s+")
_MENTION = re.compile(r"@(everyone|here)|<(@[!&]?|#)(\d+)>")


def truncate(text: str, limit: int) -> str:
    """At most `limit` characters, marking the cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)].rstrip() + ELLIPSIS


def clean(text: str) -> str:
    """Printable text on one line: no control, zero-width or bidi characters, whitespace collapsed."""
    kept = "".join(ch if unicodedata.category(ch) not in _INVISIBLE else " " for ch in text)
    return _SPACES.sub(" ", kept).strip()


def defuse_mentions(text: str) -> str:
    """Break @everyone, @here and <@id>-style mentions with a zero-width space, as discord.py does."""
    return _MENTION.sub(lambda m: m.group(0).replace("@", "@\u200b").replace("<#", "<#\u200b"), text)


def inert(text: str) -> str:
    """Article or quote text, shown as written but unable to ping or inject markdown."""
    return defuse_mentions(discord.utils.escape_markdown(text, as_needed=False))


def echo(text: str | None, limit: int = 100) -> str:
    """What a user typed, fit to quote back in a reply: cleaned, shortened, inert."""
    if not text:
        return ""
    return inert(truncate(clean(text), limit))


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Trim an embed into Discord's limits, cutting the least important parts (last fields) first."""
    if embed.title:
        embed.title = truncate(embed.title, TITLE_LIMIT)
    if embed.description:
        embed.description = truncate(embed.description, DESCRIPTION_LIMIT)
    if embed.footer.text:
        embed.set_footer(text=truncate(embed.footer.text, FOOTER_LIMIT), icon_url=embed.footer.icon_url)
    if embed.author.name:
        embed.set_author(name=truncate(embed.author.name, TITLE_LIMIT), url=embed.author.url)
    fields = embed.fields[:FIELD_COUNT]
    embed.clear_fields()
    for f in fields:
        embed.add_field(
            name=truncate(f.name or "\u200b", FIELD_NAME_LIMIT),
            value=truncate(f.value or "\u200b", FIELD_VALUE_LIMIT),
            inline=f.inline,
        )
    while len(embed) > EMBED_TOTAL and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    if len(embed) > EMBED_TOTAL and embed.description:
        over = len(embed) - EMBED_TOTAL
        embed.description = truncate(embed.description, max(1, len(embed.description) - over))
    return embed


def bullet_chunks(lines: list[str], limit: int = FIELD_VALUE_LIMIT) -> list[str]:
    """Join lines into as few blocks as fit `limit` each (for embed fields), never splitting a line."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        line = truncate(line, limit)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            candidate = line
        current = candidate
    if current:
        chunks.append(current)
    return chunks
