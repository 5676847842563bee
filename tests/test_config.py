"""Settings: defaults, parsing, and failing fast with a useful message."""

from __future__ import annotations

import pytest

from config import ConfigError, Settings, load_settings


def test_defaults_without_environment():
    settings = load_settings({})
    assert settings.token is None
    assert settings.release_timezone == "America/Los_Angeles"
    assert settings.articles_dir.name == "articles"


def test_missing_token_says_how_to_get_one_and_how_to_try_locally():
    with pytest.raises(ConfigError) as raised:
        Settings().require_token()
    assert "discord.com/developers" in str(raised.value)
    assert "python bot.py local" in str(raised.value)


def test_values_are_parsed():
    settings = load_settings(
        {
            "DISCORD_TOKEN": " abc ",
            "MODERATOR_ROLE_IDS": "1, 2",
            "DEV_GUILD_ID": "42",
            "SHARD_COUNT": "2",
            "SHARD_IDS": "0,1",
            "RELOAD_COOLDOWN": "5",
        }
    )
    assert settings.token == "abc"
    assert settings.moderator_role_ids == {1, 2}
    assert settings.dev_guild_id == 42
    assert settings.shard_ids == (0, 1)
    assert settings.reload_cooldown == 5.0


@pytest.mark.parametrize(
    "env",
    [
        {"DEV_GUILD_ID": "not-a-number"},
        {"RELEASE_TIMEZONE": "Mars/Olympus"},
        {"SHARD_IDS": "0"},
        {"SHARD_COUNT": "2", "SHARD_IDS": "5"},
        {"RELOAD_COOLDOWN": "-1"},
    ],
)
def test_bad_values_fail_fast(env):
    with pytest.raises(ConfigError):
        load_settings(env)
