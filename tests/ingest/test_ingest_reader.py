"""Every way an article file can be bad gives ArticleError with the file name and a human reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest.extract import extract_file
from ingest.model import ArticleError
from ingest.reader import list_article_files, read_article


def _reason(path: Path, **kwargs) -> str:
    with pytest.raises(ArticleError) as info:
        read_article(path, **kwargs)
    assert info.value.file == str(path)
    assert str(path) in str(info.value)
    return info.value.reason


def test_reads_utf8_text_and_strips_a_bom(tmp_path: Path):
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeffHeadline with “curly” quotes\nBody.".encode())
    assert read_article(p) == "Headline with “curly” quotes\nBody."


def test_missing_file(tmp_path: Path):
    assert "not found" in _reason(tmp_path / "nope.txt")


def test_directory(tmp_path: Path):
    d = tmp_path / "dir.txt"
    d.mkdir()
    assert "directory" in _reason(d)


def test_symlink_loop(tmp_path: Path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    assert "loop" in _reason(a)


def test_empty_and_whitespace_only(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\t\r\n  ")
    assert "empty" in _reason(empty)
    assert "whitespace" in _reason(blank)


def test_binary_with_nul_bytes(tmp_path: Path):
    p = tmp_path / "img.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in _reason(p)


def test_binary_mostly_control_characters(tmp_path: Path):
    p = tmp_path / "ctl.txt"
    p.write_bytes(bytes(range(1, 9)) * 50 + b"some text")
    assert "binary" in _reason(p)


def test_not_utf8(tmp_path: Path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Café crème, déjà vu".encode("latin-1"))
    reason = _reason(p)
    assert "UTF-8" in reason and "offset" in reason


def test_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    p = tmp_path / "big.txt"
    p.write_text("x" * 5000, encoding="utf-8")

    def no_open(*args, **kwargs):
        raise AssertionError("a file over the limit must not be opened")

    monkeypatch.setattr("builtins.open", no_open)
    reason = _reason(p, max_bytes=1000)
    assert "too large" in reason and "limit" in reason


def test_permission_denied(tmp_path: Path):
    p = tmp_path / "secret.txt"
    p.write_text("Headline\nBody", encoding="utf-8")
    p.chmod(0)
    try:
        if os.access(p, os.R_OK):
            pytest.skip("running as root: chmod 000 does not deny reading")
        assert "permission denied" in _reason(p)
    finally:
        p.chmod(0o644)


def test_unlistable_directory_is_reported(tmp_path: Path):
    with pytest.raises(ArticleError) as info:
        list_article_files(tmp_path / "missing")
    assert "not found" in info.value.reason
    f = tmp_path / "file.txt"
    f.write_text("x", encoding="utf-8")
    with pytest.raises(ArticleError) as info:
        list_article_files(f)
    assert "not a directory" in info.value.reason


def test_lists_articles_sorted_skipping_hidden_and_partial_files(tmp_path: Path):
    for name in ["b.txt", "a.md", ".hidden.txt", "c.txt.tmp", "d.part", "e.txt~", "notes.json", "f.TXT"]:
        (tmp_path / name).write_text("Headline\nBody", encoding="utf-8")
    assert [p.name for p in list_article_files(tmp_path)] == ["a.md", "b.txt", "f.TXT"]


def test_extract_file_raises_only_for_unreadable_files(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("Headline only", encoding="utf-8")
    assert extract_file(good).title == "Headline only"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ArticleError):
        extract_file(bad)


def test_permission_denied_reason_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # As root chmod cannot deny, so the OS refusal itself is simulated at the open() call.
    p = tmp_path / "secret.txt"
    p.write_text("Headline\nBody", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", denied)
    assert "permission denied" in _reason(p)
