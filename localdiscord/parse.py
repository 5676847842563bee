"""Turning a typed line like ``/quote who:Kit about:rugby`` into interaction options.

Validation follows what Discord's own client enforces before anything reaches a bot: the command
and its options must be registered, required options present, values of the declared type and
within declared choices, lengths and ranges. Anything else raises ``ValueError`` here: such an
interaction could never be sent by real Discord.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, NUMBER = 3, 4, 5, 10
_KEY = re.compile(r"^([a-z0-9_-]{1,32}):(.*)$", re.DOTALL)
_TRUE = {"true", "yes", "y", "1", "on"}
_FALSE = {"false", "no", "n", "0", "off"}


@dataclass
class ParsedCommand:
    name: str  # top-level command name
    path: list[str]  # subcommand group / subcommand names below it
    values: dict[str, Any]  # option name -> typed value, for the innermost (sub)command
    schema_options: list[dict[str, Any]] = field(default_factory=list)

    @property
    def qualified(self) -> str:
        return " ".join([self.name, *self.path])


def split_line(line: str) -> tuple[str, list[str]]:
    """'/cast name:"tao xu"' -> ('cast', ['name:tao xu'])."""
    text = line.strip()
    if not text.startswith("/"):
        raise ValueError(f"a command starts with '/': {line!r}")
    try:
        words = shlex.split(text[1:], posix=True)
    except ValueError:
        # An unbalanced quote is part of what the fan typed, not syntax.
        words = text[1:].split()
    if not words:
        raise ValueError("no command name")
    return words[0].lower(), words[1:]


def parse_line(line: str, commands: Mapping[str, Mapping[str, Any]]) -> ParsedCommand:
    """Parse a typed line against the registered command schemas (by name)."""
    name, words = split_line(line)
    command = commands.get(name)
    if command is None:
        known = ", ".join(sorted(f"/{n}" for n in commands)) or "none (did the bot sync?)"
        raise ValueError(f"/{name} is not a registered command; registered: {known}")
    options: list[dict[str, Any]] = list(command.get("options") or [])
    path: list[str] = []
    while words and any(o.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP) for o in options):
        sub = next((o for o in options if o["name"] == words[0].lower()), None)
        if sub is None or sub.get("type") not in (SUB_COMMAND, SUB_COMMAND_GROUP):
            subs = ", ".join(o["name"] for o in options)
            raise ValueError(f"/{name}: {words[0]!r} is not a subcommand ({subs})")
        path.append(sub["name"])
        options = list(sub.get("options") or [])
        words = words[1:]
    if any(o.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP) for o in options):
        raise ValueError(f"/{name} needs a subcommand: {', '.join(o['name'] for o in options)}")
    raw = _assign_words(name, words, options)
    return ParsedCommand(name=name, path=path, values=raw, schema_options=options)


def _assign_words(name: str, words: list[str], options: list[dict[str, Any]]) -> dict[str, str]:
    by_name = {o["name"]: o for o in options}
    raw: dict[str, str] = {}
    current: str | None = None
    for word in words:
        match = _KEY.match(word)
        if match:
            key = match.group(1)
            if key not in by_name:
                raise ValueError(f"/{name} has no option {key!r} (options: {', '.join(by_name) or 'none'})")
            if key in raw:
                raise ValueError(f"/{name}: option {key!r} given twice")
            raw[key] = match.group(2)
            current = key
        elif current is None:
            if not options:
                raise ValueError(f"/{name} takes no options, got {word!r}")
            # Bare text before any key fills the first option, as a fan typing fast would mean.
            current = options[0]["name"]
            raw[current] = word
        else:
            raw[current] = f"{raw[current]} {word}" if raw[current] else word
    return raw


def typed_values(
    command_name: str,
    raw: Mapping[str, Any],
    options: list[dict[str, Any]],
    *,
    autocomplete: str | None = None,
) -> dict[str, Any]:
    """Check raw option values against the schema and convert them to their declared types.

    With ``autocomplete`` (the focused option's name), the focused value stays the partial text and
    required options may be missing, as in Discord.
    """
    by_name = {o["name"]: o for o in options}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        option = by_name.get(key)
        if option is None:
            raise ValueError(
                f"/{command_name} has no option {key!r} (options: {', '.join(by_name) or 'none'})"
            )
        if key == autocomplete:
            values[key] = str(value)
            continue
        values[key] = _convert(command_name, option, value)
    if autocomplete is None:
        missing = [o["name"] for o in options if o.get("required") and o["name"] not in values]
        if missing:
            raise ValueError(f"/{command_name} is missing required option(s): {', '.join(missing)}")
    return values


def _convert(command_name: str, option: Mapping[str, Any], value: Any) -> Any:
    kind = option.get("type")
    label = f"/{command_name} {option['name']}"
    if kind == STRING:
        result: Any = str(value)
        if "min_length" in option and len(result) < option["min_length"]:
            raise ValueError(f"{label}: at least {option['min_length']} characters")
        if "max_length" in option and len(result) > option["max_length"]:
            raise ValueError(f"{label}: at most {option['max_length']} characters")
    elif kind in (INTEGER, NUMBER):
        try:
            result = int(value) if kind == INTEGER else float(value)
        except (TypeError, ValueError):
            raise ValueError(
                f"{label}: {value!r} is not a {'whole ' if kind == INTEGER else ''}number"
            ) from None
        if "min_value" in option and result < option["min_value"]:
            raise ValueError(f"{label}: at least {option['min_value']}")
        if "max_value" in option and result > option["max_value"]:
            raise ValueError(f"{label}: at most {option['max_value']}")
    elif kind == BOOLEAN:
        text = str(value).strip().lower()
        if isinstance(value, bool):
            result = value
        elif text in _TRUE:
            result = True
        elif text in _FALSE:
            result = False
        else:
            raise ValueError(f"{label}: {value!r} is not true/false")
    else:
        raise ValueError(f"{label}: option type {kind} is not supported by the local Discord")
    choices = option.get("choices")
    if choices:
        for choice in choices:
            if choice["value"] == result or (
                isinstance(value, str) and choice["name"].lower() == value.lower()
            ):
                return choice["value"]
        names = ", ".join(c["name"] for c in choices)
        raise ValueError(f"{label}: {value!r} is not one of the choices ({names})")
    return result


def option_payload(
    path: list[str], values: Mapping[str, Any], options: list[dict[str, Any]], focused: str | None
):
    """The interaction's data.options list, nested under subcommands when there are any."""
    by_name = {o["name"]: o for o in options}
    leaf: list[dict[str, Any]] = []
    for key, value in values.items():
        entry: dict[str, Any] = {"name": key, "type": by_name[key]["type"], "value": value}
        if key == focused:
            entry["type"] = by_name[key]["type"]
            entry["focused"] = True
        leaf.append(entry)
    nested = leaf
    for index, sub in reversed(list(enumerate(path))):
        kind = SUB_COMMAND if index == len(path) - 1 else SUB_COMMAND_GROUP
        nested = [{"name": sub, "type": kind, "options": nested}]
    return nested
