"""The data-version file that carries a reload from one process to the others (db.shared_version)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from db.build import articles_version
from db.shared_version import FILE_NAME, ReloadFollower, publish, read_published, version_file
from ingest.reader import list_article_files
from tests.seeds import copy_seeds


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    copy_seeds(tmp_path / "articles")
    return tmp_path / "articles"


def test_publish_then_read(articles: Path) -> None:
    assert read_published(articles) is None
    assert publish(articles, "0123abcd4567ef89")
    assert read_published(articles) == "0123abcd4567ef89"
    assert publish(articles, "ffff000011112222")
    assert read_published(articles) == "ffff000011112222"
    assert [p.name for p in articles.iterdir() if p.name.startswith(FILE_NAME)] == [FILE_NAME]


def test_the_file_is_neither_an_article_nor_part_of_the_data_version(articles: Path) -> None:
    before = articles_version(articles)
    publish(articles, "0123abcd4567ef89")
    assert version_file(articles) not in list_article_files(articles)
    assert articles_version(articles) == before


@pytest.mark.parametrize("content", [b"", b"\n", b"\x00\xff garbage", b"a" * 500, b"not a version!"])
def test_a_damaged_file_reads_as_nothing_published(articles: Path, content: bytes) -> None:
    version_file(articles).write_bytes(content)
    assert read_published(articles) is None


def test_a_folder_that_cannot_be_written_is_reported_not_raised(tmp_path: Path, caplog) -> None:
    assert not publish(tmp_path / "missing", "0123abcd4567ef89")
    assert "cannot announce the reload" in caplog.text
    if os.geteuid() != 0:  # root writes anywhere
        folder = tmp_path / "read-only"
        folder.mkdir(mode=0o555)
        assert not publish(folder, "0123abcd4567ef89")


def test_the_follower_acts_once_per_announcement(articles: Path) -> None:
    publish(articles, "aaaa")
    follower = ReloadFollower(articles)
    assert follower.due("mine") is None  # announced before this process started: already in its store
    publish(articles, "bbbb")
    assert follower.due("mine") == "bbbb"
    assert follower.due("mine") is None  # the rebuild came out different: do not loop
    publish(articles, "cccc")
    assert follower.due("cccc") is None  # already serving it
    follower.mark_published("dddd")
    publish(articles, "dddd")
    assert follower.due("mine") is None  # its own announcement
    publish(articles, "eeee")
    assert follower.due("mine") == "eeee"
