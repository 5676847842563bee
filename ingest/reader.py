"""Reading article files safely: every way a file can be bad becomes an ArticleError with a human reason."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ingest.model import ArticleError

ARTICLE_SUFFIXES = (".txt", ".md")
# Editors and downloaders leave these behind while a file is still being written.
_IN_PROGRESS_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".swp", ".swx", ".bak", "~")
# Share of control characters (other than tab/newline/CR/form feed) above which text is treated as binary.
_MAX_CONTROL_SHARE = 0.10
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def _human_size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} KB"
    return f"{n} bytes"


def read_article(path: Path, max_bytes: int = 2_000_000) -> str:
    """Return the article's UTF-8 text, or raise ArticleError(file, reason) saying why it cannot be used."""
    name = str(path)
    try:
        st = os.stat(path)  # follows symlinks: a loop raises ELOOP here
    except FileNotFoundError:
        raise ArticleError(name, "file not found") from None
    except PermissionError:
        raise ArticleError(name, "permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleError(name, "symbolic link loop") from None
        raise ArticleError(name, f"cannot read file ({exc.strerror or exc})") from None

    if stat.S_ISDIR(st.st_mode):
        raise ArticleError(name, "is a directory, not an article file")
    if not stat.S_ISREG(st.st_mode):
        raise ArticleError(name, "not a regular file")
    if st.st_size > max_bytes:
        raise ArticleError(name, f"too large ({_human_size(st.st_size)}; limit {_human_size(max_bytes)})")

    try:
        with open(path, "rb") as fh:
            # Read one byte past the limit: the file may have grown since stat().
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise ArticleError(name, "permission denied") from None
    except IsADirectoryError:
        raise ArticleError(name, "is a directory, not an article file") from None
    except OSError as exc:
        raise ArticleError(name, f"cannot read file ({exc.strerror or exc})") from None

    if len(data) > max_bytes:
        raise ArticleError(name, f"too large (over {_human_size(max_bytes)})")
    if not data.strip():
        raise ArticleError(name, "empty file" if not data else "file contains only whitespace")
    if b"\x00" in data:
        raise ArticleError(name, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(name, f"not valid UTF-8 text (bad byte at offset {exc.start})") from None
    if not text.strip():
        raise ArticleError(name, "file contains only whitespace")
    controls = sum(1 for ch in text if ch < " " and ch not in _ALLOWED_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise ArticleError(name, "binary file (mostly control characters), not text")
    return text


def _is_article_name(name: str) -> bool:
    if name.startswith(".") or name.startswith("~$") or name.startswith("#"):
        return False
    lower = name.lower()
    if lower.endswith(_IN_PROGRESS_SUFFIXES):
        return False
    return lower.endswith(ARTICLE_SUFFIXES)


def list_article_files(directory: Path) -> list[Path]:
    """Article files (*.txt, *.md) in `directory`, sorted; hidden and half-written files skipped."""
    name = str(directory)
    try:
        entries = list(os.scandir(directory))
    except FileNotFoundError:
        raise ArticleError(name, "articles directory not found") from None
    except NotADirectoryError:
        raise ArticleError(name, "not a directory") from None
    except PermissionError:
        raise ArticleError(name, "permission denied (cannot list the articles directory)") from None
    except OSError as exc:
        raise ArticleError(name, f"cannot list directory ({exc.strerror or exc})") from None
    paths = [Path(directory) / e.name for e in entries if _is_article_name(e.name)]
    return sorted(paths, key=lambda p: p.name)
