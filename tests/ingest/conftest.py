"""Extraction tests run in strict mode: a bug in one stage fails the test instead of degrading quietly."""

from __future__ import annotations

import pytest

import ingest.extract


@pytest.fixture(autouse=True)
def strict_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest.extract, "STRICT", True)
