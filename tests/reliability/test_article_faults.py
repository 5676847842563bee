"""Bad article folders through /reload: a clear report naming each problem, and the store keeps serving."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from localdiscord import LocalDiscord
from tests.reliability.conftest import bot_on_local, fresh_settings, wait_final
from tests.reliability.tally import tried
from tests.replies import embed
from tests.seeds import copy_seeds

pytestmark = pytest.mark.asyncio(loop_scope="module")

FIFTY_MB = 50 * 1024 * 1024
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def served(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[tuple[LocalDiscord, object]]:
    settings = fresh_settings(tmp_path_factory.mktemp("articles"))
    async with bot_on_local(settings) as (discord_, bot, errors):
        yield discord_, bot
        assert errors == []


@pytest.fixture
def articles(served) -> Path:
    """The bot's articles folder, put back to the four seeds after the test."""
    _, bot = served
    directory = bot.settings.articles_dir
    yield directory
    if directory.is_symlink() or directory.is_file():
        directory.unlink()
    elif directory.exists():
        shutil.rmtree(directory)  # root or the owner may remove a chmod 0 file
    copy_seeds(directory)


async def reload_and_check_still_serving(served) -> str:
    """Run /reload as a moderator; assert the old (seed) data still answers; return the report."""
    discord_, bot = served
    version = bot.store.snapshot.data_version
    report = await wait_final(discord_, await discord_.send_interaction("/reload", as_="moderator"))
    assert embed(await discord_.interact("/cast Tao", settle=0.05))["title"] == "Tao Xu"
    if "Reload failed" in report:
        assert bot.store.snapshot.data_version == version
    assert discord_.violations == []
    return report.replace("\\", "")  # the report is markdown-escaped


def make_bad_entries(directory: Path) -> dict[str, str]:
    """Every kind of bad directory entry, each with the reason the report must give."""
    os.mkfifo(directory / "fifo.txt")  # opening it for reading would block forever
    (directory / "dangling.txt").symlink_to(directory / "nowhere.txt")
    (directory / "loop.txt").symlink_to(directory / "loop.txt")
    (directory / "a.md").symlink_to(directory / "b.md")
    (directory / "b.md").symlink_to(directory / "a.md")
    (directory / "folder.txt").mkdir()
    with open(directory / "huge.txt", "wb") as fh:
        line = b"Heartstopper news: Kit Connor plays Nick Nelson. " * 20 + b"\n"
        for _ in range(FIFTY_MB // len(line) + 1):
            fh.write(line)
    expected = {
        "fifo.txt": "not a regular file",
        "dangling.txt": "file not found",
        "loop.txt": "symbolic link loop",
        "a.md": "symbolic link loop",
        "folder.txt": "is a directory",
        "huge.txt": "too large",
    }
    if not IS_ROOT:  # root reads whatever the mode; see the test run as another user below
        (directory / "locked.txt").write_text("date 2024-01-01\nLocked\n\nKit Connor as Nick.\n")
        (directory / "locked.txt").chmod(0)
        expected["locked.txt"] = "permission denied"
    return expected


async def test_bad_entries_beside_good_articles_are_each_reported(served, articles: Path) -> None:
    expected = make_bad_entries(articles)
    report = await reload_and_check_still_serving(served)
    assert "Reloaded 4 article(s)" in report, report
    for name, reason in expected.items():
        line = next((row for row in report.splitlines() if row.strip().startswith(f"{name}:")), None)
        assert line is not None and reason in line, f"{name}: {reason!r} not in {report}"
    tried("article folder faults (reported, store kept serving)", len(expected))


async def test_only_bad_entries_fail_the_reload_and_keep_the_old_store(served, articles: Path) -> None:
    for path in list(articles.iterdir()):  # noqa: ASYNC240 (a test's own temporary folder)
        path.unlink()
    expected = make_bad_entries(articles)
    report = await reload_and_check_still_serving(served)
    assert "Reload failed" in report and "no readable article" in report, report
    assert all(name in report for name in expected)
    tried("article folder faults (reported, store kept serving)")


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("empty", "no article files"),
        ("missing", "articles directory not found"),
        ("a file", "not a directory"),
        ("a dangling symlink", "articles directory not found"),
        ("a symlink loop", "cannot list directory"),
    ],
)
async def test_an_unusable_articles_folder_fails_the_reload_clearly(served, articles, case, reason) -> None:
    shutil.rmtree(articles)
    if case == "empty":
        articles.mkdir()
    elif case == "a file":
        articles.write_text("not a folder")
    elif case == "a dangling symlink":
        articles.symlink_to(articles.parent / "gone")
    elif case == "a symlink loop":
        articles.symlink_to(articles)
    report = await reload_and_check_still_serving(served)
    assert "Reload failed" in report and reason in report, report
    tried("article folder faults (reported, store kept serving)")


async def test_a_fifo_among_the_articles_does_not_stop_the_bot_starting(tmp_path: Path) -> None:
    # The data version is computed at start: hashing a FIFO used to block the start forever.
    settings = fresh_settings(tmp_path)
    os.mkfifo(settings.articles_dir / "fifo.txt")
    async with bot_on_local(settings) as (discord_, _bot, errors):
        assert embed(await discord_.interact("/cast Tao", settle=0.05))["title"] == "Tao Xu"
        assert errors == []
    tried("article folder faults (reported, store kept serving)")
