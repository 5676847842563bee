"""The store built by the real extractor from the bundled articles in data/articles/ (integration)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from db.build import build_database, format_report
from db.store import Store
from tests.seeds import copy_seeds

SEED_CAST = {
    ("Charlie Spring", "Joe Locke"),
    ("Nick Nelson", "Kit Connor"),
    ("Elle Argent", "Yasmin Finney"),
    ("Tao Xu", "William Gao"),
    ("Tara Jones", "Corinna Brown"),
    ("Darcy Olsson", "Kizzy Edgell"),
    ("Isaac Henderson", "Tobie Donovan"),
    ("David", "Jack Barton"),
    ("Stephane", "Thibault de Montalembert"),
    ("Naomi", "Bel Priestley"),
    ("Felix", "Ash Self"),
    ("Sahar Zahid", "Leila Khan"),
    ("Mr. Farouk", "Nima Taleghani"),
}


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "articles")


def test_the_seed_articles_build_one_merged_cast_list(articles: Path, tmp_path: Path):
    report = build_database(articles, tmp_path / "store.db")
    assert report.ok, report.error
    assert len(report.loaded) == 4 and report.skipped == []
    assert report.counts["characters"] == 13
    assert "characters: 13" in format_report(report)


async def test_the_store_serves_the_seed_articles(articles: Path, tmp_path: Path):
    store = await Store.open(tmp_path / "store.db", articles)  # built by the real extractor, in a worker
    try:
        snap = store.snapshot
        assert {(c.character, c.actor) for c in snap.cast} == SEED_CAST
        nick = next(c for c in snap.cast if c.actor == "Kit Connor")
        assert "Nick" in nick.character_aliases and len(nick.mentions) == 4  # "Nick" and "Nick Nelson" merged
        assert next(c for c in snap.cast if c.actor == "Nima Taleghani").returning is False
        assert {(e.kind, e.date) for e in snap.events} >= {
            ("premiere", "2023-08-03"),
            ("production_start", "2022-09"),
            ("production_end", "2023-02"),
            ("announcement", "2022-09-22"),
            ("festival", "2023-02-17"),
        }
        alice = next(p for p in snap.people if p.name == "Alice Oseman")
        assert "Osman" in alice.aliases and "Oseman" in alice.aliases
        assert {"Kit Connor", "Alice Oseman"} <= set(snap.speakers)
        rugby = await store.find_quotes(speaker="Alice Oseman", about="rugby coach")
        assert rugby and all("rugby" in q.text for q in rugby)
        assert rugby[0].article.file.startswith("003_")
        kit = await store.find_quotes(speaker="Kit Connor", about="Euphoria")
        assert kit and kit[0].speaker == "Kit Connor"
    finally:
        await store.close()


async def test_a_real_reload_with_bad_files_and_concurrent_queries(articles: Path, tmp_path: Path):
    store = await Store.open(tmp_path / "store.db", articles)
    try:
        before = store.snapshot.quote_count
        (articles / "broken.txt").write_bytes(b"\xff\xfe\x00\x00binary")
        (articles / "empty.txt").write_text("")
        (articles / "004_new.txt").write_text(
            "date 2024-05-01\nHeartstopper season 3 adds a new face\n\n"
            "Hayley Atwell will play Diane, Nick's aunt, in the third season.\n"
            'Atwell said: "I have loved this show since the very first episode, and I cannot wait."\n',
            encoding="utf-8",
        )
        answers: list[int] = []
        done = asyncio.Event()

        async def client() -> None:
            while not done.is_set():
                answers.append(len(await store.find_quotes(about="rugby")))
                await asyncio.sleep(0)

        async def reload():
            try:
                return await store.rebuild()
            finally:
                done.set()

        report, *_ = await asyncio.gather(reload(), *(client() for _ in range(50)))
        assert report.ok, report.error
        assert dict(report.skipped).keys() == {"broken.txt", "empty.txt"}
        assert report.added["articles"] == 1 and report.removed["articles"] == 0
        assert len(set(answers)) == 1 and answers[0] > 0  # old or new data: the rugby quotes did not change
        assert store.snapshot.quote_count >= before
    finally:
        await store.close()
