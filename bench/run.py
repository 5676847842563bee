"""`python -m bench [--quick] [--json]`: the whole benchmark in one run (see docs/benchmarks.md).

Three kinds of process take part: this orchestrator; the load generator (bench.loadgen: the local Discord,
driven over a pipe); and one bot at a time (bench.botproc: first the bare discord.py floor, then the
Heartstopper bot), each a fresh `python -m bench.botproc` so its start-up time and memory are its own.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import multiprocessing
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import corpus, fuzzy
from bench.stats import cpu_seconds, latency_summary, ratio, rss_mb
from config import PROJECT_ROOT


@dataclass(frozen=True)
class Sizes:
    sequential: int  # calls per command for sequential latency
    bursts: tuple[int, ...]
    articles: int  # generated corpus for the reload
    names: int  # names in the fuzzy index
    fuzzy_queries: int
    thefuzz_queries: int
    extraction_sample: int  # articles extracted in one process for the per-core rate


FULL = Sizes(2000, (2000, 5000), 10_000, 10_000, 2000, 200, 2000)
QUICK = Sizes(20, (20, 50), 40, 200, 50, 10, 20)

CAST_EXACT = ["/cast name:Tao", "/cast name:Nick Nelson", "/cast name:Kit Connor", "/cast name:Elle"]
CAST_FUZZY = ["/cast name:tao xu", "/cast name:kit conor", "/cast name:Mr Farouk", "/cast name:Charly"]
AUTOCOMPLETE = [f"? /cast name:{p}" for p in ("T", "Ta", "Tao", "Ni", "Nick", "Kit C", "Ell", "Far", "wil")]
QUOTE_ABOUT = ["/quote about:scene", "/quote about:season", "/quote about:filming", "/quote about:rugby"]
COUNTDOWN = ["/countdown"]
PING = ["/ping"]
BOT_SEQUENTIAL = (
    ("cast_exact", CAST_EXACT),
    ("cast_fuzzy", CAST_FUZZY),
    ("autocomplete", AUTOCOMPLETE),
    ("quote_about", QUOTE_ABOUT),
    ("countdown", COUNTDOWN),
)
QUIET_SECONDS = 3.0  # after the bursts, before reading RSS again: the bot may give memory back when idle


class LoadGen:
    """The load generator process and the pipe to it."""

    def __init__(self, shards: int = 1) -> None:
        from bench import loadgen

        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=loadgen.main, args=(child, shards), name="bench-loadgen", daemon=True
        )
        self.process.start()
        child.close()
        self.base_url = self._conn.recv()["base_url"]
        self.pid = self.process.pid

    def call(self, op: str, **kwargs: Any) -> dict[str, Any]:
        self._conn.send((op, kwargs))
        reply = self._conn.recv()
        if "error" in reply:
            raise RuntimeError(f"load generator {op}: {reply['error']}")
        return reply

    def stop(self) -> None:
        try:
            self.call("stop")
        except (OSError, EOFError, RuntimeError):
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()


@contextmanager
def bot_process(
    kind: str,
    base_url: str,
    env: dict[str, str],
    gen: LoadGen,
    commands: list[str],
    log: Path,
    shard_ids: list[int] | None = None,
):
    """Start a bot process (its log to `log`); yields (pid, seconds from process start to ready)."""
    started = time.perf_counter()
    with open(log, "ab") as log_file:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.botproc", kind, base_url],
            cwd=PROJECT_ROOT,
            env={**os.environ, **env},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log_file,
            text=True,
        )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        if line.strip() != "READY":
            raise RuntimeError(f"the {kind} bot did not start (exit code {proc.poll()})")
        startup = time.perf_counter() - started
        gen.call("wait_ready", commands=commands, shard_ids=shard_ids)
        print(f"... {kind} bot ready: pid {proc.pid}", file=sys.stderr, flush=True)
        yield proc.pid, startup
    finally:
        if proc.stdin:
            proc.stdin.close()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def sequential(gen: LoadGen, lines: list[str], n: int) -> dict[str, Any]:
    reply = gen.call("sequential", lines=lines, n=n)
    return {
        **latency_summary(reply["latencies"]),
        "unanswered": reply["unanswered"],
        "problems": reply["problems"],
    }


def burst(gen: LoadGen, lines: list[str], n: int, pids: list[int]) -> dict[str, Any]:
    """A burst of n; `pids` are the bot processes, whose CPU time per interaction is reported.

    The load generator's own CPU time is reported beside it: on a 2-core machine the two share the cores,
    so `cpu_bound_per_s` (cores / CPU time per interaction of both) is the most this pair could reach.
    """
    bot_before, gen_before = cpu_seconds(pids), cpu_seconds([gen.pid])
    reply = gen.call("burst", lines=lines, n=n)
    bot_after, gen_after = cpu_seconds(pids), cpu_seconds([gen.pid])
    summary = latency_summary(reply["latencies"])
    bot_ms = _cpu_ms_each(bot_before, bot_after, n)
    gen_ms = _cpu_ms_each(gen_before, gen_after, n)
    return {
        "n": n,
        "throughput_per_s": round(reply["responded"] / reply["seconds"], 1) if reply["seconds"] else None,
        "p50_ms": summary["p50_ms"],
        "p99_ms": summary["p99_ms"],
        "in_time": reply["in_time"],
        "past_3s": reply["late"],
        "never_answered": reply["lost"],
        "send_seconds": round(reply["send_seconds"], 3),
        "bot_cpu_ms_each": bot_ms,
        "loadgen_cpu_ms_each": gen_ms,
        "cpu_bound_per_s": _cpu_bound(bot_ms, gen_ms, len(pids)),
    }


def _cpu_bound(bot_ms: float | None, gen_ms: float | None, processes: int) -> int | None:
    """Responses a second the CPUs allow: each process is one core at most, and all share the machine's."""
    if not bot_ms or not gen_ms:
        return None
    cores = os.cpu_count() or 1
    return round(min(processes * 1000 / bot_ms, 1000 / gen_ms, cores * 1000 / (bot_ms + gen_ms)))


def _cpu_ms_each(before: float | None, after: float | None, n: int) -> float | None:
    return None if before is None or after is None else round((after - before) * 1000 / n, 3)


SECTIONS = ("sequential", "bursts", "shards", "reload", "extraction", "fuzzy")


def measure_floor(
    gen: LoadGen, sizes: Sizes, work: Path, log: Any, only: frozenset[str] = frozenset(SECTIONS)
) -> dict[str, Any]:
    out: dict[str, Any] = {"bursts": {}}
    with bot_process("floor", gen.base_url, {}, gen, ["ping"], work / "floor.log") as (pid, startup):
        out["startup_seconds"] = round(startup, 3)
        out["rss_start_mb"] = rss_mb(pid)
        if "sequential" in only:
            log("floor: sequential /ping")
            out["sequential"] = sequential(gen, PING, sizes.sequential)
        for n in sizes.bursts if "bursts" in only else ():
            log(f"floor: burst of {n}")
            out["bursts"][str(n)] = burst(gen, PING, n, [pid])
        out["rss_after_bursts_mb"] = rss_mb(pid)
    return out


BOT_COMMANDS = ["cast", "countdown", "quote", "reload", "about"]


def bot_env(articles: Path, db: Path) -> dict[str, str]:
    return {
        "ARTICLES_DIR": str(articles),
        "DATABASE_PATH": str(db),
        "MODERATOR_ROLE_IDS": "",
        "RELOAD_COOLDOWN": "0",
        "LOG_LEVEL": "ERROR",
    }


def measure_shards(sizes: Sizes, work: Path, log: Any) -> dict[str, Any]:
    """The biggest burst again, served by two bot processes with one gateway shard each (one guild each).

    This is how a bot gets past one core: Discord routes each guild to one shard, so each process parses
    and answers only its guilds' interactions. The load generator shares the same CPUs.
    """
    from db.build import build_database

    articles = work / "shard-articles"
    shutil.copytree(corpus.SEEDS_DIR, articles)
    n = max(sizes.bursts)
    gen = LoadGen(shards=2)
    out: dict[str, Any] = {"processes": 2}
    try:
        with contextlib.ExitStack() as stack:
            pids = []
            for shard in (0, 1):
                db = work / f"shard{shard}.db"
                build_database(articles, db)
                env = {**bot_env(articles, db), "SHARD_COUNT": "2", "SHARD_IDS": str(shard)}
                pid, _ = stack.enter_context(
                    bot_process(
                        "bot", gen.base_url, env, gen, BOT_COMMANDS, work / f"shard{shard}.log", [shard]
                    )
                )
                pids.append(pid)
            log(f"two shard processes: burst of {n} /cast")
            out["burst"] = burst(gen, CAST_EXACT, n, pids)
            time.sleep(QUIET_SECONDS)
            out["rss_after_burst_quiet_mb"] = [rss_mb(pid) for pid in pids]
    finally:
        gen.stop()
    return out


def measure_bot(
    gen: LoadGen, sizes: Sizes, work: Path, log: Any, only: frozenset[str] = frozenset(SECTIONS)
) -> dict[str, Any]:
    from db.build import build_database

    articles = work / "articles"
    shutil.copytree(corpus.SEEDS_DIR, articles)
    db = work / "store.db"
    build_database(articles, db)  # a warm start: the store exists, as on every restart but the first
    env = bot_env(articles, db)
    out: dict[str, Any] = {"sequential": {}, "bursts": {}}
    with bot_process("bot", gen.base_url, env, gen, BOT_COMMANDS, work / "bot.log") as (pid, startup):
        out["startup_seconds"] = round(startup, 3)
        out["rss_start_mb"] = rss_mb(pid)
        for name, lines in BOT_SEQUENTIAL if "sequential" in only else ():
            log(f"bot: sequential {name}")
            out["sequential"][name] = sequential(gen, lines, sizes.sequential)
        for n in sizes.bursts if "bursts" in only else ():
            log(f"bot: burst of {n} /cast")
            out["bursts"][str(n)] = burst(gen, CAST_EXACT, n, [pid])
        out["rss_after_bursts_mb"] = rss_mb(pid)
        if "bursts" in only:
            time.sleep(QUIET_SECONDS)  # the bot trims its memory once the burst is over
            out["rss_after_bursts_quiet_mb"] = rss_mb(pid)
        if "reload" not in only:
            return out

        log(f"bot: generating {sizes.articles} articles")
        corpus.generate(articles, sizes.articles)
        # Cold: the store holds only the seeds, so its extraction cache knows none of the generated articles.
        log("bot: /reload while /cast runs")
        out["reload"] = {
            "articles": sizes.articles + len(list(corpus.SEEDS_DIR.glob("*.txt"))),
            **_reload_result(gen.call("reload_under_load", cast_lines=CAST_EXACT)),
        }
        log("bot: autocomplete with the large store")
        out["autocomplete_after_reload"] = sequential(gen, AUTOCOMPLETE, sizes.sequential)
        out["cast_exact_after_reload"] = sequential(gen, CAST_EXACT, max(20, sizes.sequential // 4))
        out["rss_after_reload_mb"] = rss_mb(pid)
        # Incremental: one new article; the others' facts come from the cache the cold reload filled.
        corpus.add_one(articles)
        log("bot: one new article, /reload again while /cast runs")
        out["reload_incremental"] = {
            "articles": out["reload"]["articles"] + 1,
            **_reload_result(gen.call("reload_under_load", cast_lines=CAST_EXACT)),
        }
    return out


def _reload_result(reload: dict[str, Any]) -> dict[str, Any]:
    return {
        "seconds": round(reload["seconds"], 2),
        "finished": reload["finished"],
        "progress_edits": reload["progress_edits"],
        "report": reload["final"].splitlines()[:3],
        "cast_during": {
            **latency_summary(reload["cast_latencies"]),
            "unanswered": reload["cast_unanswered"],
        },
    }


def measure_extraction(work: Path, sizes: Sizes) -> dict[str, Any]:
    """Extraction alone: one process over a sample, then the real build (its process pool) over all."""
    from db.build import build_database
    from ingest.extract import extract_file

    files = sorted((work / "articles").glob("gen_*.txt"))
    sample = files[: sizes.extraction_sample]
    started = time.perf_counter()
    for path in sample:
        extract_file(path)
    one = time.perf_counter() - started
    marks: dict[str, float] = {}

    def progress(done: int, total: int) -> None:
        if done == total:
            marks.setdefault("extracted", time.perf_counter())

    started = time.perf_counter()
    report = build_database(work / "articles", work / "cli.db", progress)
    total = time.perf_counter() - started
    extracted = marks.get("extracted", started + total) - started
    n = len(report.loaded) + len(report.skipped)
    return {
        "one_process_articles_per_s": round(len(sample) / one, 1) if one else None,
        "build_articles_per_s": round(n / extracted, 1) if extracted else None,
        "build_extract_seconds": round(extracted, 2),
        "build_total_seconds": round(total, 2),
        "build_phases_seconds": dict(report.phases),  # extract, merge, write, compare, swap
        "build_ok": report.ok,
        "articles": n,
        "cpus": os.cpu_count(),
    }


def run(sizes: Sizes, log: Any, only: frozenset[str] = frozenset(SECTIONS)) -> dict[str, Any]:
    started = time.perf_counter()
    result: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()} {platform.release()}",
        "sizes": sizes.__dict__,
    }
    work = Path(tempfile.mkdtemp(prefix="hs-bench-"))
    gen = LoadGen()
    try:
        result["floor"] = measure_floor(gen, sizes, work, log, only)
        result["bot"] = measure_bot(gen, sizes, work, log, only)
    finally:
        gen.stop()
    try:
        if "shards" in only:
            result["shards"] = measure_shards(sizes, work, log)
        if "extraction" in only and "reload" in only:  # extraction reads the corpus the reload wrote
            log("extraction alone")
            result["extraction"] = measure_extraction(work, sizes)
        if "fuzzy" in only:
            log(f"fuzzy index with {sizes.names} names")
            result["fuzzy"] = fuzzy.run(sizes.names, sizes.fuzzy_queries, sizes.thefuzz_queries)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if only == frozenset(SECTIONS):
        result["ratios"] = ratios(result)
        result["targets"] = targets(result)
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def ratios(r: dict[str, Any]) -> dict[str, Any]:
    floor_p50 = r["floor"]["sequential"]["p50_ms"]
    out = {f"{k}_p50_vs_floor": ratio(v["p50_ms"], floor_p50) for k, v in r["bot"]["sequential"].items()}
    for n, b in r["bot"]["bursts"].items():
        out[f"burst_{n}_throughput_vs_floor"] = ratio(
            b["throughput_per_s"], r["floor"]["bursts"][n]["throughput_per_s"]
        )
    return out


def targets(r: dict[str, Any]) -> dict[str, dict[str, Any]]:
    bot, floor = r["bot"], r["floor"]
    bursts = sorted(bot["bursts"], key=int)
    big, small = bot["bursts"][bursts[-1]], bot["bursts"][bursts[0]]
    floor_big = floor["bursts"][bursts[-1]]

    def target(ok: bool, measured: str) -> dict[str, Any]:
        return {"met": bool(ok), "measured": measured}

    cast_ratio = r["ratios"]["cast_exact_p50_vs_floor"]
    auto = r["fuzzy"]["autocomplete_uncached"]["p99_ms"]
    tput = ratio(big["throughput_per_s"], floor_big["throughput_per_s"])
    ext = r["extraction"]["build_articles_per_s"]
    reload = bot["reload"]
    during = reload["cast_during"]["p99_ms"]
    rss = bot.get("rss_after_bursts_quiet_mb", bot["rss_after_bursts_mb"])
    shards = r.get("shards")
    shard_tput = ratio(shards["burst"]["throughput_per_s"], floor_big["throughput_per_s"]) if shards else None
    return {
        "cast p50 <= 1.2x floor p50": target(cast_ratio is not None and cast_ratio <= 1.2, f"{cast_ratio}x"),
        "autocomplete p99 < 2 ms at scale": target(auto is not None and auto < 2, f"{auto} ms"),
        f"burst {bursts[-1]}: nothing lost": target(
            big["never_answered"] == 0,
            f"{big['never_answered']} never answered ({big['past_3s']} answered past 3 s)",
        ),
        f"burst {bursts[-1]}: throughput >= 2x floor": target(tput is not None and tput >= 2, f"{tput}x"),
        f"burst {bursts[-1]}: throughput >= 2x floor, 2 processes (1 shard each)": target(
            shard_tput is not None and shard_tput >= 2, f"{shard_tput}x"
        ),
        f"burst {bursts[0]}: none past 3 s": target(small["past_3s"] == 0, f"{small['past_3s']} late"),
        "extraction >= 1000 articles/s": target(ext is not None and ext >= 1000, f"{ext}/s"),
        "reload < 15 s": target(reload["finished"] and reload["seconds"] < 15, f"{reload['seconds']} s"),
        "cast p99 < 50 ms during reload": target(during is not None and during < 50, f"{during} ms"),
        "RSS < 120 MB after bursts (3 s quiet)": target(
            rss is not None and rss < 120, f"{rss} MB ({bot['rss_after_bursts_mb']} MB at once)"
        ),
    }


def _fmt(value: Any) -> str:
    return "-" if value is None else str(value)


def table(r: dict[str, Any]) -> str:
    floor, bot, fz, ex = r["floor"], r["bot"], r["fuzzy"], r["extraction"]
    fp50 = floor["sequential"]["p50_ms"]
    rows = [
        f"Heartstopper bot benchmark · {r['date']} · {r['machine']}",
        "",
        "Sequential latency (gateway event sent -> first response), ms",
        f"  {'command':<26}{'n':>6}{'p50':>9}{'p99':>9}{'max':>9}{'p50/floor':>11}",
    ]

    def seq_row(name: str, s: dict[str, Any]) -> str:
        return (
            f"  {name:<26}{s['n']:>6}{_fmt(s['p50_ms']):>9}{_fmt(s['p99_ms']):>9}{_fmt(s['max_ms']):>9}"
            f"{_fmt(ratio(s['p50_ms'], fp50)):>11}"
        )

    rows.append(seq_row("floor /ping", floor["sequential"]))
    for name, s in bot["sequential"].items():
        rows.append(seq_row(name, s))
    rows.append(seq_row("autocomplete, big store", bot["autocomplete_after_reload"]))
    rows.append(seq_row("cast_exact, big store", bot["cast_exact_after_reload"]))
    rows += [
        "",
        "Bursts (all sent at once; per s = responses a second, late ones included)",
        f"  {'':<16}{'n':>6}{'per s':>9}{'p50 ms':>9}{'p99 ms':>9}{'in 3 s':>8}{'>3 s':>7}{'lost':>7}"
        f"{'vs floor':>10}{'CPU ms':>8}{'gen ms':>8}{'CPU cap':>9}",
    ]
    runs = [
        (who, n, b)
        for who, data in (("floor /ping", floor), ("bot /cast", bot))
        for n, b in data["bursts"].items()
    ]
    if "shards" in r:
        runs.append(("bot, 2 procs", str(r["shards"]["burst"]["n"]), r["shards"]["burst"]))
    for who, n, b in runs:
        vs = ratio(b["throughput_per_s"], floor["bursts"][n]["throughput_per_s"])
        rows.append(
            f"  {who:<16}{n:>6}{_fmt(b['throughput_per_s']):>9}{_fmt(b['p50_ms']):>9}"
            f"{_fmt(b['p99_ms']):>9}{b['in_time']:>8}{b['past_3s']:>7}{b['never_answered']:>7}"
            f"{_fmt(vs):>10}{_fmt(b.get('bot_cpu_ms_each')):>8}{_fmt(b.get('loadgen_cpu_ms_each')):>8}"
            f"{_fmt(b.get('cpu_bound_per_s')):>9}"
        )
    rows += [
        "  (CPU ms / gen ms = CPU time per interaction of the bot process(es) / of the load generator during",
        "   the burst; CPU cap = the most responses a second that CPU time allows: each process gets at most",
        "   one core, and the bot and the load generator share the machine's)",
    ]
    rl = bot["reload"]
    cd = rl["cast_during"]
    inc = bot["reload_incremental"]
    ic = inc["cast_during"]
    rows += [
        "",
        f"Reload at scale: {rl['articles']} articles",
        f"  /reload answered in {rl['seconds']} s ({'finished' if rl['finished'] else 'NOT finished'}), "
        f"{rl['progress_edits']} progress edits; {rl['report'][0] if rl['report'] else ''}",
        f"  /cast during the reload: n={cd['n']} p50={_fmt(cd['p50_ms'])} ms p99={_fmt(cd['p99_ms'])} ms "
        f"max={_fmt(cd['max_ms'])} ms unanswered={cd['unanswered']}",
        f"  incremental /reload (one new article, the rest from the extraction cache): {inc['seconds']} s "
        f"({'finished' if inc['finished'] else 'NOT finished'}: {(inc['report'] or [''])[0]}); "
        f"/cast during it: n={ic['n']} "
        f"p50={_fmt(ic['p50_ms'])} ms p99={_fmt(ic['p99_ms'])} ms max={_fmt(ic['max_ms'])} ms "
        f"unanswered={ic['unanswered']}",
        f"  extraction: {ex['one_process_articles_per_s']} articles/s in one process; "
        f"{ex['build_articles_per_s']} articles/s in the build's pool ({ex['cpus']} CPUs); "
        f"build {ex['build_total_seconds']} s total",
        "  build phases, s: "
        + ", ".join(f"{name} {secs}" for name, secs in ex.get("build_phases_seconds", {}).items()),
        "",
        f"Fuzzy at scale: {fz['names']} names, {fz['keys']} keys with aliases "
        f"(index built in {fz['index_build_seconds']} s), ms",
        f"  {'':<34}{'n':>6}{'p50':>9}{'p99':>9}{'max':>9}",
    ]
    for name, key in (
        ("autocomplete, first keystroke", "autocomplete_uncached"),
        ("autocomplete, repeated keystroke", "autocomplete_cached"),
        ("lookup (/cast)", "lookup"),
        ("rapidfuzz process.extract WRatio", "extract_rapidfuzz"),
        ("thefuzz process.extract WRatio", "extract_thefuzz"),
    ):
        s = fz[key]
        rows.append(
            f"  {name:<34}{s['n']:>6}{_fmt(s['p50_ms']):>9}{_fmt(s['p99_ms']):>9}{_fmt(s['max_ms']):>9}"
        )
    rows += [
        "",
        "Memory and start-up",
        f"  {'':<16}{'ready s':>9}{'RSS start':>11}{'RSS bursts':>12}{'3 s later':>11}{'RSS reload':>12}",
        f"  {'floor':<16}{floor['startup_seconds']:>9}{_fmt(floor['rss_start_mb']):>11}"
        f"{_fmt(floor['rss_after_bursts_mb']):>12}{'-':>11}{'-':>12}",
        f"  {'bot':<16}{bot['startup_seconds']:>9}{_fmt(bot['rss_start_mb']):>11}"
        f"{_fmt(bot['rss_after_bursts_mb']):>12}{_fmt(bot.get('rss_after_bursts_quiet_mb')):>11}"
        f"{_fmt(bot['rss_after_reload_mb']):>12}",
        "",
        "Targets",
    ]
    for name, t in r["targets"].items():
        rows.append(f"  [{'met' if t['met'] else 'NOT'}] {name}: {t['measured']}")
    rows.append(f"\n(benchmark took {r['seconds']} s)")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks the benchmark runs")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument(
        "--only",
        metavar="SECTIONS",
        help=f"comma-separated subset of {','.join(SECTIONS)}; prints JSON (the table needs every section)",
    )
    args = parser.parse_args(argv)
    only = frozenset(args.only.split(",")) if args.only else frozenset(SECTIONS)
    if unknown := only - set(SECTIONS):
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    logging.basicConfig(level=logging.ERROR)
    logging.disable(logging.WARNING)  # the extractor's per-article notes would drown the table

    def log(text: str) -> None:
        print(f"... {text}", file=sys.stderr, flush=True)

    result = run(QUICK if args.quick else FULL, log, only)
    if args.only:
        print(json.dumps(result, indent=1))
    else:
        print(json.dumps(result) if args.json else table(result))
    return 0
