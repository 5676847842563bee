"""Settings from the environment and `.env`, read once at start.

Fails fast with a helpful message on what is missing or malformed, never at the first command.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import load_dotenv

PROJECT_ROOT = Path(__file__).resolve().parent

TOKEN_HELP = """\
No DISCORD_TOKEN is set, so the bot cannot log in to Discord.

To run it for real:
  1. Create an application at https://discord.com/developers/applications, add a bot, copy its token.
  2. cp .env.example .env and put the token after DISCORD_TOKEN=.
  3. Invite the bot with the applications.commands and bot scopes, then run: python bot.py sync

To try it without Discord (no token needed), talk to it through the built-in local Discord:
  python bot.py local
  python bot.py ask "/cast name:Tao" "/countdown"
"""


class ConfigError(Exception):
    """A setting is missing or malformed; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    token: str | None = None
    articles_dir: Path = PROJECT_ROOT / "data" / "articles"
    database_path: Path = PROJECT_ROOT / "data" / "heartstopper.db"
    dev_guild_id: int | None = None
    moderator_role_ids: frozenset[int] = field(default_factory=frozenset)
    release_timezone: str = "America/Los_Angeles"
    query_cooldown_rate: int = 5  # commands per user ...
    query_cooldown_per: float = (
        10.0  # ... per this many seconds: room for a chatty fan, not for a spam script
    )
    reload_cooldown: float = 30.0  # seconds between two reloads in one server
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    log_level: str = "INFO"

    @property
    def release_zone(self) -> ZoneInfo:
        return ZoneInfo(self.release_timezone)

    def require_token(self) -> str:
        if not self.token:
            raise ConfigError(TOKEN_HELP)
        return self.token


def _int(name: str, raw: str) -> int:
    try:
        return int(raw.strip())
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None


def _float(name: str, raw: str) -> float:
    try:
        value = float(raw.strip())
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value < 0:
        raise ConfigError(f"{name} must not be negative, got {raw!r}")
    return value


def _int_list(name: str, raw: str) -> tuple[int, ...]:
    return tuple(_int(name, part) for part in raw.replace(";", ",").split(",") if part.strip())


def _path(raw: str) -> Path:
    path = Path(raw).expanduser()
    return path if path.is_absolute() else Path.cwd() / path


def load_settings(env: dict[str, str] | None = None, *, dotenv: bool = True) -> Settings:
    """Settings from `env` (default: os.environ after loading `.env` from the working directory)."""
    if env is None:
        if dotenv:
            load_dotenv(Path.cwd() / ".env", override=False)
        env = dict(os.environ)
    get = {k: v for k, v in env.items() if v is not None and v.strip() != ""}.get
    kwargs: dict = {}
    if token := get("DISCORD_TOKEN"):
        kwargs["token"] = token.strip()
    if raw := get("ARTICLES_DIR"):
        kwargs["articles_dir"] = _path(raw)
    if raw := get("DATABASE_PATH"):
        kwargs["database_path"] = _path(raw)
    if raw := get("DEV_GUILD_ID"):
        kwargs["dev_guild_id"] = _int("DEV_GUILD_ID", raw)
    if raw := get("MODERATOR_ROLE_IDS"):
        kwargs["moderator_role_ids"] = frozenset(_int_list("MODERATOR_ROLE_IDS", raw))
    if raw := get("RELEASE_TIMEZONE"):
        try:
            ZoneInfo(raw.strip())
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"RELEASE_TIMEZONE {raw!r} is not a known IANA time zone") from None
        kwargs["release_timezone"] = raw.strip()
    if raw := get("QUERY_COOLDOWN_RATE"):
        kwargs["query_cooldown_rate"] = max(1, _int("QUERY_COOLDOWN_RATE", raw))
    if raw := get("QUERY_COOLDOWN_PER"):
        kwargs["query_cooldown_per"] = _float("QUERY_COOLDOWN_PER", raw)
    if raw := get("RELOAD_COOLDOWN"):
        kwargs["reload_cooldown"] = _float("RELOAD_COOLDOWN", raw)
    if raw := get("SHARD_COUNT"):
        kwargs["shard_count"] = _int("SHARD_COUNT", raw)
        if kwargs["shard_count"] < 1:
            raise ConfigError("SHARD_COUNT must be at least 1")
    if raw := get("SHARD_IDS"):
        ids = _int_list("SHARD_IDS", raw)
        count = kwargs.get("shard_count")
        if count is None:
            raise ConfigError("SHARD_IDS needs SHARD_COUNT too")
        if any(not 0 <= i < count for i in ids):
            raise ConfigError(f"SHARD_IDS must be between 0 and {count - 1}")
        kwargs["shard_ids"] = ids
    if raw := get("LOG_LEVEL"):
        kwargs["log_level"] = raw.strip().upper()
    return Settings(**kwargs)
