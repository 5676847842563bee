"""Permission denied on one article, for real: as root a chmod 0 file is readable, so drop to `nobody`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from config import PROJECT_ROOT
from tests.reliability.tally import tried
from tests.seeds import copy_seeds

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.mark.skipif(not IS_ROOT, reason="covered through /reload by chmod 0 when not running as root")
def test_permission_denied_on_one_file_as_an_unprivileged_user() -> None:
    """Root reads a chmod 0 file anyway, so the real build (`python bot.py reload`) runs as `nobody`.

    Not through /reload: the reload worker process is started from sys.executable, and an interpreter
    under a root-only home (pyenv in /root) cannot be started again by `nobody`. The report is the same
    `format_report` text /reload shows.
    """
    work = Path(tempfile.mkdtemp(prefix="reliability-nobody-"))  # outside pytest's root-only tmp
    try:
        _reload_as_nobody(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _reload_as_nobody(work: Path) -> None:
    work.chmod(0o755)
    articles = work / "articles"
    copy_seeds(articles)
    locked = articles / "locked.txt"
    locked.write_text("date 2024-01-01\nLocked article\n\nKit Connor plays Nick Nelson.\n")
    for path in (work, articles, *articles.iterdir()):
        os.chown(path, 65534, 65534)
    os.chown(locked, 0, 0)
    locked.chmod(0)
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONDONTWRITEBYTECODE": "1", "HOME": str(work)}
    command = [sys.executable, str(PROJECT_ROOT / "bot.py"), "reload"]
    command += ["--articles", str(articles), "--db", str(work / "store.db")]
    # setpriv drops to nobody with no capabilities left (Popen(user=...) cannot exec a pyenv
    # interpreter under /root; setpriv can).
    if shutil.which("setpriv"):
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        as_nobody: dict = {}
    else:
        as_nobody = {"user": 65534, "group": 65534, "extra_groups": []}
    try:
        done = subprocess.run(
            command, cwd=work, env=env, capture_output=True, text=True, timeout=60, **as_nobody
        )
    except PermissionError as exc:
        pytest.skip(f"cannot run this Python as an unprivileged user here: {exc}")
    assert done.returncode == 0, done.stderr
    assert "Reloaded 4 article(s)" in done.stdout, done.stdout
    assert "locked.txt: permission denied" in done.stdout, done.stdout
    tried("article folder faults (reported, store kept serving)")
