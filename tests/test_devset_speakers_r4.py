"""The round-4 speaker development sample (tests/fixtures/devset_speakers_r4) and ``--split r4``.

Schema checks always; with ../shared/corpora present every label is found at its stated place. No article
of the sample is in the devset, its held-out folder or the held-out speaker set, and none lent an excerpt to
the speaker tests (a development sample that overlaps another split would blur what each one measures).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_devset import bench  # the scorer, loaded once by the devset tests

R4 = bench.fixture_paths(bench.R4_SPEAKERS)


@pytest.mark.parametrize("path", R4, ids=[p.stem for p in R4])
def test_r4_fixture_schema(path: Path) -> None:
    data = bench.load_fixture(path)
    bench.check_schema(data, path.name)
    assert data["scope"] == "quotes" and data["quotes"]
    assert path.stem == f"{data['source'].split('_')[0]}_{data['article_id']}"


def test_r4_is_disjoint_from_the_other_splits() -> None:
    ids = bench.fixture_ids
    r4 = ids(bench.R4_SPEAKERS)
    others = ids(bench.DEVSET) | ids(bench.DEVSET / "heldout") | ids(bench.HELDOUT_SPEAKERS)
    excerpts = yaml.safe_load((bench.ROOT / "tests" / "fixtures" / "speakers" / "excerpts.yaml").read_text(
        encoding="utf-8"))
    assert r4 and not r4 & others
    assert not {a for _, a in r4} & {str(c["article_id"]) for c in excerpts}


def test_r4_size_and_styles() -> None:
    # The brief: about 12-15 articles weighted towards Reuters, The Guardian and AP wire copy.
    data = [bench.load_fixture(p) for p in R4]
    groups = [d["outlet_group"] for d in data]
    assert len(data) >= 12
    assert all(groups.count(g) >= 4 for g in ("Reuters", "The Guardian", "Associated Press"))
    assert sum(len(d["quotes"]) for d in data) >= 90


def test_split_r4_folder() -> None:
    assert bench.split_folders("r4") == [bench.R4_SPEAKERS]
