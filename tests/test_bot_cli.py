"""The command line as other tools and newcomers use it: real subprocesses, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from config import PROJECT_ROOT

SEEDS = sorted((PROJECT_ROOT / "data" / "articles").glob("*.txt"))


def run(
    *args: str, cwd: Path = PROJECT_ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"} | (env or {})
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "bot.py"), *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_a_token_it_exits_at_once_saying_how_to_get_one_and_try_locally(tmp_path):
    result = run(cwd=tmp_path)  # no .env there
    assert result.returncode != 0
    assert "DISCORD_TOKEN" in result.stderr
    assert "python bot.py local" in result.stderr


def test_extract_json_contract_with_a_bad_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = run("extract", str(SEEDS[2]), str(bad), "--json")
    assert result.returncode == 0
    out = json.loads(result.stdout)
    assert set(out) == {"articles", "errors"}
    [article] = out["articles"]
    assert article["file"] == str(SEEDS[2])  # the path as given
    assert set(article) == {"file", "title", "date", "cast", "events", "quotes"}
    assert {"actor": "Kit Connor", "character": "Nick Nelson", "description": None} in article["cast"]
    assert all(q["speaker"] == "Kit Connor" for q in article["quotes"]) and article["quotes"]
    assert out["errors"] == [{"file": str(bad), "error": out["errors"][0]["error"]}]
    assert "binary" in out["errors"][0]["error"]


def test_extract_json_events_and_dates():
    out = json.loads(run("extract", str(SEEDS[0]), "--json").stdout)
    [article] = out["articles"]
    assert article["date"] == "2023-06-22"
    dates = {e["date"] for e in article["events"]}
    assert {"2023-08-03", "2022-09", "2023-02", "2022-09-22"} <= dates


def test_reload_builds_and_reports_then_fails_cleanly_with_nothing_to_load(tmp_path):
    db = tmp_path / "store.db"
    ok = run("reload", "--articles", str(PROJECT_ROOT / "data" / "articles"), "--db", str(db))
    assert ok.returncode == 0, ok.stderr
    assert db.exists()
    assert "4" in ok.stdout  # four articles loaded
    before = db.read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    failed = run("reload", "--articles", str(empty), "--db", str(db))
    assert failed.returncode != 0
    assert db.read_bytes() == before  # the old store is untouched


def test_ask_json_contract_one_line_per_command(tmp_path):
    result = run(
        "ask",
        "--json",
        "--db",
        str(tmp_path / "s.db"),
        "--now",
        "2023-08-01T12:00:00Z",
        "/cast name:Tao",
        "/countdown",
        "--autocomplete",
        "/cast name:Ta",
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["command"] for line in lines] == ["/cast name:Tao", "/countdown", "/cast name:Ta"]
    assert lines[0]["responses"][0]["embeds"][0]["title"] == "Tao Xu"
    assert "to go" in lines[1]["responses"][0]["embeds"][0]["description"]  # --now is before the premiere
    assert "Tao Xu" in [c["value"] for c in lines[2]["choices"]]


def test_ask_reports_a_command_the_bot_does_not_have_and_goes_on(tmp_path):
    result = run("ask", "--json", "--db", str(tmp_path / "s.db"), "/nonsense", "/cast Tao")
    assert result.returncode != 0
    bad, good = (json.loads(line) for line in result.stdout.splitlines())
    assert bad["command"] == "/nonsense" and bad["error"] and bad["responses"] == []
    assert good["responses"][0]["embeds"][0]["title"] == "Tao Xu"


def test_local_is_a_terminal_conversation_with_the_bot(tmp_path):
    """The README's first command: lines typed in, replies rendered readably, a clean exit at the end."""
    typed = "/cast Tao\n? /cast name:Ta\n/nonsense\n/reload\nquit\n"
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "bot.py"), "local", "--db", str(tmp_path / "s.db")],
        cwd=PROJECT_ROOT,
        input=typed,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Ready: 4 articles, 13 roles" in out
    assert "== Tao Xu ==" in out and "Played by **William Gao**" in out
    assert "Tao Xu (William Gao)  →  Tao Xu" in out  # autocomplete choices
    assert "nonsense" in out  # an unknown command is explained, and the conversation goes on
    assert "[only you can see this]\n  Reloaded." in out
    assert out.rstrip().endswith("Bye.")


async def test_sync_publishes_every_command_to_one_guild(tmp_path):
    """`bot.py sync --guild ID` against a local Discord (LOCAL_DISCORD_URL, the hook the shard tests use)."""
    import asyncio

    from localdiscord import GUILD_ID, LocalDiscord

    async with LocalDiscord() as discord_:
        environment = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"} | {
            "DISCORD_TOKEN": "local-token",
            "LOCAL_DISCORD_URL": discord_.base_url,
            "DATABASE_PATH": str(tmp_path / "s.db"),
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            str(PROJECT_ROOT / "bot.py"),
            "sync",
            "--guild",
            str(GUILD_ID),
            cwd=PROJECT_ROOT,
            env=environment,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(process.communicate(), 60)
        assert process.returncode == 0, err.decode()
        assert f"synced 5 commands to guild {GUILD_ID}" in out.decode()
        assert set(discord_.commands) == {"cast", "countdown", "quote", "reload", "about"}
        assert "local-token" not in out.decode() + err.decode()
