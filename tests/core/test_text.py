"""Safe text: nothing echoed can ping, format or overflow."""

from __future__ import annotations

import discord
from hypothesis import given
from hypothesis import strategies as st

from core.text import EMBED_TOTAL, bullet_chunks, defuse_mentions, echo, fit_embed, truncate


def test_mentions_are_defused():
    for raw in ("@everyone", "@here", "<@123>", "<@!123>", "<@&456>", "<#789>"):
        assert defuse_mentions(raw) != raw
        assert "\u200b" in defuse_mentions(raw)


def test_echo_cleans_shortens_and_escapes():
    out = echo("**hi**\u202e\x00\n@everyone" + "x" * 500, limit=50)
    assert "\u202e" not in out and "\x00" not in out and "\n" not in out
    assert out.startswith("\\*\\*hi\\*\\*")
    assert "@\u200beveryone" in out
    assert out.endswith("…")


@given(st.text())
def test_echo_never_leaves_a_live_mention(raw):
    out = echo(raw, limit=200)
    assert "@everyone" not in out and "@here" not in out


def test_truncate():
    assert truncate("abc", 3) == "abc"
    assert truncate("abcdef", 4) == "abc…"


def test_fit_embed_respects_every_limit():
    embed = discord.Embed(title="t" * 300, description="d" * 5000)
    for _ in range(30):
        embed.add_field(name="n" * 300, value="v" * 2000)
    embed.set_footer(text="f" * 3000)
    fit_embed(embed)
    assert len(embed.title) <= 256 and len(embed.description) <= 4096
    assert len(embed.fields) <= 25 and all(len(f.value) <= 1024 and len(f.name) <= 256 for f in embed.fields)
    assert len(embed.footer.text) <= 2048
    assert len(embed) <= EMBED_TOTAL


def test_bullet_chunks_never_split_a_line_and_fit():
    chunks = bullet_chunks([f"line {i} " + "x" * 100 for i in range(40)], limit=1024)
    assert all(len(c) <= 1024 for c in chunks)
    assert sum(c.count("line ") for c in chunks) == 40
