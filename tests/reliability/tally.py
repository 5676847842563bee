"""How many cases each reliability property tried in this run, printed in the test summary.

tests/conftest.py prints TALLY from `pytest_terminal_summary`; docs/reliability.md quotes a run's numbers.
"""

from __future__ import annotations

from collections import Counter

TALLY: Counter[str] = Counter()


def tried(name: str, count: int = 1) -> None:
    TALLY[name] += count
