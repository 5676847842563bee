"""The benchmark runs end to end at tiny sizes and reports every section with numbers (no timing asserts)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from config import PROJECT_ROOT


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0


@pytest.fixture(scope="module")
def result() -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--json"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_floor_and_bot_sequential_latency_for_every_command(result: dict) -> None:
    assert _number(result["floor"]["sequential"]["p50_ms"])
    commands = result["bot"]["sequential"]
    assert set(commands) == {"cast_exact", "cast_fuzzy", "autocomplete", "quote_about", "countdown"}
    for name, summary in commands.items():
        assert summary["n"] == result["sizes"]["sequential"], name
        assert summary["unanswered"] == 0, name
        assert _number(summary["p50_ms"]) and _number(summary["p99_ms"]), name
        assert _number(result["ratios"][f"{name}_p50_vs_floor"]), name


def test_bursts_report_throughput_deadline_misses_and_losses(result: dict) -> None:
    for who in ("floor", "bot"):
        bursts = result[who]["bursts"]
        assert sorted(bursts, key=int) == [str(n) for n in result["sizes"]["bursts"]]
        for burst in bursts.values():
            assert _number(burst["throughput_per_s"]) and _number(burst["p99_ms"])
            assert _number(burst["past_3s"]) and _number(burst["never_answered"])


def test_the_biggest_burst_runs_again_on_two_shard_processes(result: dict) -> None:
    shards = result["shards"]
    assert shards["processes"] == 2
    burst = shards["burst"]
    assert burst["n"] == max(result["sizes"]["bursts"])
    assert burst["in_time"] + burst["past_3s"] + burst["never_answered"] == burst["n"]
    assert len(shards["rss_after_burst_quiet_mb"]) == 2


def test_reload_at_scale_loads_the_generated_corpus_and_serves_meanwhile(result: dict) -> None:
    reload = result["bot"]["reload"]
    assert reload["finished"], reload
    assert reload["report"][0].startswith("Reloaded."), reload["report"]
    assert f"Reloaded {reload['articles']} article(s)" in reload["report"][1]
    assert reload["cast_during"]["n"] > 0 and reload["cast_during"]["unanswered"] == 0
    again = result["bot"]["reload_incremental"]  # one new article, the rest from the extraction cache
    assert again["finished"] and again["articles"] == reload["articles"] + 1
    assert f"Reloaded {again['articles']} article(s)" in again["report"][1]
    assert again["cast_during"]["unanswered"] == 0 and _number(again["seconds"])
    extraction = result["extraction"]
    assert extraction["build_ok"]
    assert _number(extraction["one_process_articles_per_s"]) and _number(extraction["build_articles_per_s"])


def test_fuzzy_memory_startup_and_targets_are_reported(result: dict) -> None:
    fuzzy = result["fuzzy"]
    for key in (
        "autocomplete_uncached",
        "autocomplete_cached",
        "lookup",
        "extract_rapidfuzz",
        "extract_thefuzz",
    ):
        assert _number(fuzzy[key]["p99_ms"]), key
    for who in ("floor", "bot"):
        assert _number(result[who]["startup_seconds"])
        assert _number(result[who]["rss_start_mb"]) and _number(result[who]["rss_after_bursts_mb"])
    assert _number(result["bot"]["rss_after_bursts_quiet_mb"])
    assert len(result["targets"]) == 10
    assert all(isinstance(t["met"], bool) and t["measured"] for t in result["targets"].values())
