"""Fuzzy name lookup and autocomplete over a fixed set of things (cast, speakers, events).

Built once per store snapshot and kept in memory: autocomplete fires on every keystroke, so it never
touches SQLite. An exact key answers; near keys become "did you mean" candidates.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

T = TypeVar("T")

CLEAR_HIT = 86  # a score this high, with no rival close behind, is the answer
RIVAL_GAP = 6  # a second target within this many points makes it a close call
LONE_HIT = 75  # ... and so is a fair score with no other candidate at all
CLOSE_CALL = 62  # below this, nothing is close enough to offer
# Above this many keys, autocomplete's fuzzy pass only scores keys with a word starting with the typed
# first letter: scoring every key costs ~1 ms per 5 000 keys, too slow for a keystroke (docs/benchmarks.md).
NARROW_FUZZY_FROM = 2000
MAX_SHARED = 10  # a key shared by hundreds of targets offers the first few (best known), not all of them
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-blind form: "Mr. Farouk" and "mr farouk" meet."""
    if not text.isascii():  # ASCII has no accents to strip: most names skip the decomposition
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text.casefold().replace("_", " "))).strip()


@dataclass(frozen=True)
class Lookup(Generic[T]):
    """The answer to a name query: `hit` when one target clearly matches, else ranked `candidates`."""

    hit: T | None
    candidates: tuple[T, ...]

    @property
    def found(self) -> bool:
        return self.hit is not None


class NameIndex(Generic[T]):
    """Maps every name and alias of each target to it; `label` is how a target is shown in choices."""

    def __init__(self, entries: Iterable[tuple[T, str, Iterable[str]]]) -> None:
        self._targets: list[T] = []
        self._labels: list[str] = []
        keys: dict[str, set[int]] = {}
        normal: dict[str, str] = {}  # the same actor or alias recurs across entries: normalise it once
        for target, label, names in entries:
            index = len(self._targets)
            self._targets.append(target)
            self._labels.append(label)
            for name in (label, *names):
                if (key := normal.get(name)) is None:
                    key = normal[name] = normalize(name)
                if key:
                    keys.setdefault(key, set()).add(index)
        self._label_keys = [normal[label] for label in self._labels]
        self._keys = sorted(keys)
        self._owners = [sorted(keys[k]) for k in self._keys]
        # Word starts let "gao" complete to "william gao" as well as prefixes of the whole name.
        words: dict[str, set[int]] = {}
        for key, owners in zip(self._keys, self._owners, strict=True):
            for word in key.split(" "):
                words.setdefault(word, set()).update(owners)
        self._words = sorted(words)
        self._word_owners = [sorted(words[w]) for w in self._words]
        by_letter: dict[str, list[int]] = {}
        for k, key in enumerate(self._keys):
            for letter in {word[0] for word in key.split(" ") if word}:
                by_letter.setdefault(letter, []).append(k)
        self._keys_by_letter = {letter: ([self._keys[k] for k in ks], ks) for letter, ks in by_letter.items()}
        self.complete = lru_cache(maxsize=4096)(self._complete)

    def __len__(self) -> int:
        return len(self._targets)

    @property
    def targets(self) -> list[T]:
        return list(self._targets)

    def lookup(self, query: str) -> Lookup[T]:
        key = normalize(query)
        if not key:
            return Lookup(None, ())
        i = bisect.bisect_left(self._keys, key)
        if i < len(self._keys) and self._keys[i] == key:
            owners = self._owners[i]
            if len(owners) == 1:
                return Lookup(self._targets[owners[0]], ())
            return Lookup(None, tuple(self._targets[o] for o in owners[:MAX_SHARED]))
        ranked = self._ranked(key, limit=10)
        if not ranked:
            return Lookup(None, ())
        best_score = ranked[0][1]
        close = [t for t, s in ranked if s >= CLOSE_CALL]
        rivals = [t for t, s in ranked[1:] if s > best_score - RIVAL_GAP]
        # A lone near match is the answer too: "Charly" has nobody else to mean.
        if (best_score >= CLEAR_HIT and not rivals) or (best_score >= LONE_HIT and len(close) == 1):
            return Lookup(self._targets[ranked[0][0]], ())
        return Lookup(None, tuple(self._targets[t] for t in close[:5]))

    def suggestions(self, query: str, limit: int = 5) -> list[T]:
        """Whatever is nearest, however far: for a "nothing close, but try these" reply."""
        key = normalize(query)
        ranked = self._ranked(key, limit=limit, cutoff=0) if key else []
        chosen = [self._targets[t] for t, _ in ranked]
        return chosen or self._targets[:limit]

    def _ranked(self, key: str, limit: int, cutoff: float = CLOSE_CALL - 10) -> list[tuple[int, float]]:
        """Targets by their best-scoring key, best first."""
        best: dict[int, float] = {}
        for _, score, k in process.extract(
            key,
            self._keys,
            scorer=fuzz.token_sort_ratio,
            processor=None,
            limit=limit * 3,
            score_cutoff=cutoff,
        ):
            for owner in self._owners[k]:
                if score > best.get(owner, -1):
                    best[owner] = score
        return sorted(best.items(), key=lambda item: (-item[1], self._labels[item[0]]))[:limit]

    def _complete(self, typed: str, limit: int = 25) -> tuple[tuple[T, str], ...]:
        """Autocomplete as (target, label): prefix hits on whole names, then on any word, then fuzzy."""
        key = normalize(typed)
        if not key:
            return tuple(zip(self._targets[:limit], self._labels[:limit], strict=True))
        chosen: dict[int, None] = {}
        for sorted_keys, owners in ((self._keys, self._owners), (self._words, self._word_owners)):
            i = bisect.bisect_left(sorted_keys, key)
            while i < len(sorted_keys) and sorted_keys[i].startswith(key) and len(chosen) < limit:
                chosen.update(dict.fromkeys(owners[i]))
                i += 1
        if len(chosen) < limit and len(key) >= 2:
            keys, positions = self._keys, None
            if len(self._keys) > NARROW_FUZZY_FROM:
                keys, positions = self._keys_by_letter.get(key[0], ([], []))
            for _, _score, k in process.extract(
                key, keys, scorer=fuzz.ratio, processor=None, limit=limit, score_cutoff=55
            ):
                chosen.update(dict.fromkeys(self._owners[k if positions is None else positions[k]]))
        # What the fan is typing the start of comes first: "Ta" lists Tao, Tara, then Mr. Farouk (Taleghani).
        ranked = sorted(chosen, key=lambda t: not self._label_keys[t].startswith(key))
        return tuple((self._targets[t], self._labels[t]) for t in ranked[:limit])


__all__ = ["Lookup", "NameIndex", "normalize"]
