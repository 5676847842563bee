"""A large article corpus generated from the real seed articles, for the reload benchmark.

Each generated article is one of the seeds with its people renamed (consistently within the article, about
half of them, so the real cast still answers), its dates and season number moved, its paragraphs shuffled
and a few sentences dropped. The extractor therefore meets thousands of distinct names and dates, not one
cached text: the work it does is the work a real flood of news would cause.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from config import PROJECT_ROOT

SEEDS_DIR = PROJECT_ROOT / "data" / "articles"

# Name parts the seeds use for the cast and crew; each may be swapped for a generated one.
NAME_TOKENS = (
    "Charlie Nick Elle Tao Tara Darcy Isaac David Stephane Naomi Felix Sahar "
    "Spring Nelson Argent Xu Jones Olsson Henderson Zahid Farouk "
    "Joe Kit Yasmin William Corinna Kizzy Tobie Jack Thibault Bel Ash Leila Nima "
    "Locke Connor Finney Gao Brown Edgell Donovan Barton Montalembert Priestley Self Khan Taleghani"
).split()
_TOKEN = re.compile(r"\b(" + "|".join(NAME_TOKENS) + r")\b")
_ONSETS = "b br c ch d f g h j k l m n p r s sh t th v w z".split()
_VOWELS = "a e i o u ai ea io ou".split()
_CODAS = ["", "n", "r", "s", "l", "th", "x", "nd", "rt"]
_MONTHS = ("January February March April May June July August September October November December").split()
_MONTH_DATE = re.compile(r"\b(" + "|".join(_MONTHS) + r") (\d{1,2})(, (\d{4}))?")
_HEADER_DATE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}")
_SEASON = re.compile(r"\b([Ss]eason) (\d)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def _name_part(rng: random.Random) -> str:
    syllables = rng.choice((2, 2, 3))
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)) + rng.choice(_CODAS)
    return word.capitalize()


def load_seeds(seeds_dir: Path = SEEDS_DIR) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]


def vary(text: str, rng: random.Random) -> str:
    """One new article from a seed: renamed people, moved dates, shuffled paragraphs, fewer sentences."""
    renames: dict[str, str] = {}

    def rename(m: re.Match[str]) -> str:
        token = m.group(1)
        if token not in renames:
            renames[token] = _name_part(rng) if rng.random() < 0.5 else token
        return renames[token]

    year = rng.randint(2019, 2027)
    season = rng.randint(2, 6)

    def move_date(m: re.Match[str]) -> str:
        day = rng.randint(1, 28)
        return f"{rng.choice(_MONTHS)} {day}" + (f", {year + rng.randint(-1, 1)}" if m.group(3) else "")

    lines = text.split("\n")
    head, body = lines[0], lines[1:]
    dated = bool(_HEADER_DATE.match(head))
    # Keep the headline (or date line) first; shuffle the middle paragraphs, drop some sentences.
    paragraphs = [p for p in "\n".join(body).split("\n\n")]
    middle = paragraphs[1:-1]
    rng.shuffle(middle)
    kept = []
    for para in [*paragraphs[:1], *middle, *paragraphs[-1:]]:
        sentences = _SENTENCE.split(para)
        if len(sentences) > 2:
            sentences = [s for s in sentences if rng.random() > 0.15] or sentences[:1]
        kept.append(" ".join(sentences))
    out = "\n".join([head, "\n\n".join(kept)])
    if not dated and rng.random() < 0.5:
        out = f"date {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n" + out
    elif dated:
        out = _HEADER_DATE.sub(f"date {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", out, 1)
    out = _TOKEN.sub(rename, out)
    out = _MONTH_DATE.sub(move_date, out)
    return _SEASON.sub(lambda m: f"{m.group(1)} {season}", out)


def generate(target: Path, count: int, *, seed: int = 3) -> list[Path]:
    """Write `count` generated articles into `target` (created); returns their paths."""
    target.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    seeds = load_seeds()
    paths = []
    for i in range(count):
        path = target / f"gen_{i:05d}.txt"
        path.write_text(vary(seeds[i % len(seeds)], rng), encoding="utf-8")
        paths.append(path)
    return paths


def add_one(target: Path, *, seed: int = 1001) -> Path:
    """One more generated article, unlike any `generate` wrote (its own seed and file name)."""
    rng = random.Random(seed)
    seeds = load_seeds()
    path = target / f"new_{seed:05d}.txt"
    path.write_text(vary(seeds[seed % len(seeds)], rng), encoding="utf-8")
    return path


def generated_names(count: int, *, seed: int = 5) -> list[tuple[str, str]]:
    """`count` distinct (character, actor) full-name pairs for the fuzzy-index benchmark."""
    rng = random.Random(seed)
    seen: set[str] = set()
    pairs = []
    while len(pairs) < count:
        character = f"{_name_part(rng)} {_name_part(rng)}"
        if character in seen:
            continue
        seen.add(character)
        pairs.append((character, f"{_name_part(rng)} {_name_part(rng)}"))
    return pairs
