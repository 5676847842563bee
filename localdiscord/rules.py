"""Discord's documented limits, checked on what the bot sends.

Each check returns a list of human-readable problems (empty when the payload is fine). The server turns
them into violations and, where Discord itself would refuse the request, a 400 answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

CONTENT_MAX = 2000
EMBEDS_MAX = 10
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELDS_MAX = 25
EMBED_FIELD_NAME_MAX = 256
EMBED_FIELD_VALUE_MAX = 1024
EMBED_FOOTER_MAX = 2048
EMBED_AUTHOR_MAX = 256
EMBED_TOTAL_MAX = 6000
CHOICES_MAX = 25
CHOICE_TEXT_MIN, CHOICE_TEXT_MAX = 1, 100
COMMAND_NAME_RE = re.compile(r"^[-_\w]{1,32}$")
COMMAND_DESCRIPTION_MAX = 100
COMMAND_OPTIONS_MAX = 25

EPHEMERAL = 1 << 6

# <@123>, <@!123> (user), <@&123> (role); @everyone / @here.
_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")
_MASS_MENTION = re.compile(r"@(everyone|here)")


def _text_len(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


def check_embed(embed: Mapping[str, Any], index: int) -> tuple[list[str], int]:
    """Problems with one embed, and its character count toward the 6000 total."""
    problems: list[str] = []
    where = f"embeds[{index}]"

    def limit(label: str, value: Any, maximum: int) -> int:
        size = _text_len(value)
        if size > maximum:
            problems.append(f"{where}.{label} is {size} chars (max {maximum})")
        return size

    total = limit("title", embed.get("title"), EMBED_TITLE_MAX)
    total += limit("description", embed.get("description"), EMBED_DESCRIPTION_MAX)
    fields = embed.get("fields") or []
    if len(fields) > EMBED_FIELDS_MAX:
        problems.append(f"{where} has {len(fields)} fields (max {EMBED_FIELDS_MAX})")
    for number, field in enumerate(fields):
        name, value = field.get("name"), field.get("value")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}.fields[{number}].name is empty")
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}.fields[{number}].value is empty")
        total += limit(f"fields[{number}].name", name, EMBED_FIELD_NAME_MAX)
        total += limit(f"fields[{number}].value", value, EMBED_FIELD_VALUE_MAX)
    total += limit("footer.text", (embed.get("footer") or {}).get("text"), EMBED_FOOTER_MAX)
    total += limit("author.name", (embed.get("author") or {}).get("name"), EMBED_AUTHOR_MAX)
    return problems, total


def check_message(payload: Mapping[str, Any], *, editing: bool = False) -> list[str]:
    """Problems Discord would reject a message create/edit for (400 Invalid Form Body)."""
    problems: list[str] = []
    content = payload.get("content")
    if content is not None and not isinstance(content, str):
        problems.append("content is not a string")
    elif content and len(content) > CONTENT_MAX:
        problems.append(f"content is {len(content)} chars (max {CONTENT_MAX})")
    embeds = payload.get("embeds") or []
    if len(embeds) > EMBEDS_MAX:
        problems.append(f"{len(embeds)} embeds (max {EMBEDS_MAX})")
    total = 0
    for index, embed in enumerate(embeds):
        embed_problems, size = check_embed(embed, index)
        problems.extend(embed_problems)
        total += size
    if total > EMBED_TOTAL_MAX:
        problems.append(f"embeds total {total} chars (max {EMBED_TOTAL_MAX})")
    has_body = (
        bool(content) or bool(embeds) or bool(payload.get("components")) or bool(payload.get("attachments"))
    )
    if not editing and not has_body and not payload.get("poll"):
        problems.append("cannot send an empty message")
    return problems


def check_choices(choices: Any) -> list[str]:
    """Problems with an autocomplete answer (type 8)."""
    if not isinstance(choices, list):
        return ["autocomplete data.choices is not a list"]
    problems: list[str] = []
    if len(choices) > CHOICES_MAX:
        problems.append(f"autocomplete returned {len(choices)} choices (max {CHOICES_MAX})")
    for index, choice in enumerate(choices):
        name = choice.get("name") if isinstance(choice, dict) else None
        value = choice.get("value") if isinstance(choice, dict) else None
        if not isinstance(name, str) or not CHOICE_TEXT_MIN <= len(name) <= CHOICE_TEXT_MAX:
            problems.append(f"choices[{index}].name {name!r:.60} must be 1-100 chars")
        if isinstance(value, str):
            if not CHOICE_TEXT_MIN <= len(value) <= CHOICE_TEXT_MAX:
                problems.append(f"choices[{index}].value {value!r:.60} must be 1-100 chars")
        elif not isinstance(value, int | float) or isinstance(value, bool):
            problems.append(f"choices[{index}].value {value!r:.60} is not a string or number")
    return problems


def pinging_mentions(payload: Mapping[str, Any]) -> list[str]:
    """Mentions in the message that would actually notify someone, given its allowed_mentions.

    Without allowed_mentions Discord parses everything in the content. Embeds never ping in real
    Discord, but the team rule is stricter: a mention-looking embed is only fine under explicit
    allowed_mentions, so embeds are scanned too when allowed_mentions is missing.
    """
    allowed = payload.get("allowed_mentions")
    content = payload.get("content") if isinstance(payload.get("content"), str) else ""
    texts = [content]
    if allowed is None:
        for embed in payload.get("embeds") or []:
            texts.append(embed.get("title") or "")
            texts.append(embed.get("description") or "")
            texts.extend(f.get("name", "") + " " + f.get("value", "") for f in embed.get("fields") or [])
            texts.append((embed.get("footer") or {}).get("text") or "")
        parse = {"everyone", "users", "roles"}
        users: set[str] = set()
        roles: set[str] = set()
    else:
        parse = set(allowed.get("parse") or [])
        users = {str(u) for u in allowed.get("users") or []}
        roles = {str(r) for r in allowed.get("roles") or []}
    found: list[str] = []
    for text in texts:
        if not isinstance(text, str):
            continue
        if "everyone" in parse:
            found.extend(f"@{m}" for m in _MASS_MENTION.findall(text))
        found.extend(f"<@{u}>" for u in _USER_MENTION.findall(text) if "users" in parse or u in users)
        found.extend(f"<@&{r}>" for r in _ROLE_MENTION.findall(text) if "roles" in parse or r in roles)
    return found


def check_command(command: Mapping[str, Any]) -> list[str]:
    """Problems Discord would reject an application command registration for."""
    problems: list[str] = []
    name = command.get("name", "")
    if not isinstance(name, str) or not COMMAND_NAME_RE.match(name) or name != name.lower():
        problems.append(f"command name {name!r} must be 1-32 lowercase word characters")
    if command.get("type", 1) == 1:
        description = command.get("description", "")
        if not isinstance(description, str) or not 1 <= len(description) <= COMMAND_DESCRIPTION_MAX:
            problems.append(f"/{name}: description must be 1-100 chars")
    problems.extend(_check_options(f"/{name}", command.get("options") or []))
    return problems


def _check_options(where: str, options: list[Mapping[str, Any]]) -> list[str]:
    problems: list[str] = []
    if len(options) > COMMAND_OPTIONS_MAX:
        problems.append(f"{where}: {len(options)} options (max {COMMAND_OPTIONS_MAX})")
    seen_optional = False
    for option in options:
        oname = option.get("name", "")
        label = f"{where} {oname}"
        if not isinstance(oname, str) or not COMMAND_NAME_RE.match(oname) or oname != oname.lower():
            problems.append(f"{label}: option name must be 1-32 lowercase word characters")
        description = option.get("description", "")
        if not isinstance(description, str) or not 1 <= len(description) <= COMMAND_DESCRIPTION_MAX:
            problems.append(f"{label}: option description must be 1-100 chars")
        if option.get("type") in (1, 2):
            problems.extend(_check_options(label, option.get("options") or []))
            continue
        if option.get("required"):
            if seen_optional:
                problems.append(f"{label}: required options must come before optional ones")
        else:
            seen_optional = True
        choices = option.get("choices") or []
        if choices and option.get("autocomplete"):
            problems.append(f"{label}: autocomplete cannot be combined with choices")
        if choices:
            problems.extend(f"{label}: {p}" for p in check_choices(choices))
    return problems
