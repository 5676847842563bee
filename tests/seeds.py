"""The bundled articles, copied for a test: only the article files, never what a local run left beside them
(a `.data-version` announcement, an editor's backup)."""

from __future__ import annotations

import shutil
from pathlib import Path

from config import PROJECT_ROOT
from ingest.reader import list_article_files

SEEDS = PROJECT_ROOT / "data" / "articles"


def copy_seeds(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for article in list_article_files(SEEDS):
        shutil.copyfile(article, target / article.name)
    return target
