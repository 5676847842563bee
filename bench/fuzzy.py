"""Fuzzy names at scale: core.names.NameIndex with thousands of names, and thefuzz beside rapidfuzz."""

from __future__ import annotations

import random
import time
from typing import Any

from bench.corpus import generated_names
from bench.stats import latency_summary
from core.names import NameIndex, normalize


def _queries(pairs: list[tuple[str, str]], count: int, rng: random.Random) -> list[str]:
    """What fans type: prefixes of names (1-8 letters), surnames, and names with a typo."""
    out = []
    for _ in range(count):
        character, actor = rng.choice(pairs)
        name = rng.choice((character, actor))
        kind = rng.random()
        if kind < 0.5:
            out.append(name[: rng.randint(1, 8)])
        elif kind < 0.7:
            out.append(name.split()[-1][: rng.randint(2, 6)])
        else:
            i = rng.randrange(len(name))
            out.append(name[:i] + rng.choice("aeioustr") + name[i + 1 :])
    return out


def _timed(fn: Any, queries: list[str]) -> list[float]:
    out = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        out.append(time.perf_counter() - t)
    return out


def run(names: int, queries: int, thefuzz_queries: int) -> dict[str, Any]:
    rng = random.Random(11)
    pairs = generated_names(names // 2)  # every pair is two names: a character and an actor
    started = time.perf_counter()
    index = NameIndex(
        (i, f"{c} ({a})", [c, a, c.split()[0], a.split()[-1]]) for i, (c, a) in enumerate(pairs)
    )
    build_seconds = time.perf_counter() - started
    qs = _queries(pairs, queries, rng)
    # Uncached: the raw cost of a keystroke nobody typed before (the index memoises repeats).
    uncached = _timed(index._complete, qs)
    index.complete.cache_clear()
    _timed(index.complete, qs)
    cached = _timed(index.complete, qs)
    lookups = _timed(index.lookup, qs)

    from rapidfuzz import fuzz as rf_fuzz
    from rapidfuzz import process as rf_process
    from thefuzz import fuzz as tf_fuzz
    from thefuzz import process as tf_process

    keys = sorted({normalize(n) for pair in pairs for n in pair})
    sample = qs[:thefuzz_queries]
    rapid = _timed(lambda q: rf_process.extract(q, keys, scorer=rf_fuzz.WRatio, limit=25), sample)
    thefuzz = _timed(lambda q: tf_process.extract(q, keys, scorer=tf_fuzz.WRatio, limit=25), sample)
    return {
        "names": 2 * len(pairs),
        "keys": len(index._keys),
        "index_build_seconds": round(build_seconds, 3),
        "autocomplete_uncached": latency_summary(uncached),
        "autocomplete_cached": latency_summary(cached),
        "lookup": latency_summary(lookups),
        "extract_rapidfuzz": latency_summary(rapid),
        "extract_thefuzz": latency_summary(thefuzz),
    }
