"""Shared fixtures: the repository, the seed corpus, and a builder for small temporary corpora."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# Tests never read or write the user's result cache (analysis.cache); tests/test_cache.py passes --cache DIR.
os.environ["MEDIACOMPARE_CACHE"] = "off"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The source tree (the package is installed editable from it)."""
    return REPO


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The seed corpus: two articles on North Korea ratifying its treaty with Russia + manifest.csv."""
    return REPO / "seeds"


CorpusBuilder = Callable[..., Path]


@pytest.fixture
def make_corpus(tmp_path: Path) -> CorpusBuilder:
    """Build a small corpus under ``tmp_path`` and return its path.

    ``make_corpus({"a1": ("Outlet A", "Text one."), ...})`` writes a directory of .txt files with a
    manifest.csv (``manifest=False`` leaves the manifest out, ``unlisted={"x.txt": "text"}`` adds
    files the manifest does not name); ``make_corpus(rows, table="news.csv")`` writes one CSV table
    with the columns ``article_id, outlet, text`` instead.
    """
    counter = iter(range(1_000))

    def build(articles: dict[str, tuple[str, str]], *, table: str | None = None, manifest: bool = True,
              unlisted: dict[str, str] | None = None) -> Path:
        root = tmp_path / f"corpus{next(counter)}"
        root.mkdir()
        if table is not None:
            path = root / table
            with path.open("w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(["article_id", "outlet", "text"])
                for aid, (outlet, text) in articles.items():
                    w.writerow([aid, outlet, text])
            return path
        for aid, (_, text) in articles.items():
            (root / f"{aid}.txt").write_text(text, encoding="utf-8")
        for name, text in (unlisted or {}).items():
            (root / name).write_text(text, encoding="utf-8")
        if manifest:
            with (root / "manifest.csv").open("w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(["article_id", "file", "outlet"])
                for aid, (outlet, _) in articles.items():
                    w.writerow([aid, f"{aid}.txt", outlet])
        return root

    return build


@pytest.fixture(scope="session")
def seed_tables():
    """The seed corpus analysed once per test session (every family, default settings).

    Treat it as read-only: copy a frame before changing it.
    """
    from analysis.pipeline import analyse_corpus
    from analysis.tables import collect_tables

    return collect_tables(analyse_corpus(REPO / "seeds"))
