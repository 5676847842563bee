"""Reading the bot's replies as the local Discord recorded them (plain JSON payloads)."""

from __future__ import annotations

from typing import Any

EPHEMERAL = 1 << 6


def final(result: Any) -> dict:
    """The message a user ends up seeing: the last payload the bot sent for the interaction."""
    assert result.answered, f"{result.command} was not answered"
    assert result.responses, f"{result.command} sent no message"
    return result.responses[-1]


def embed(result: Any) -> dict:
    embeds = final(result).get("embeds") or []
    assert embeds, f"expected an embed, got {final(result)!r}"
    return embeds[0]


def text(result: Any) -> str:
    """Everything a reader sees in the final message, flattened for `in` checks."""
    message = final(result)
    parts = [message.get("content") or ""]
    for e in message.get("embeds") or []:
        parts += [e.get("title", ""), e.get("description", ""), (e.get("author") or {}).get("name", "")]
        parts += [f"{f['name']}\n{f['value']}" for f in e.get("fields", [])]
        parts.append((e.get("footer") or {}).get("text", ""))
    return "\n".join(p for p in parts if p)


def is_ephemeral(result: Any) -> bool:
    return bool(result.ephemeral)
