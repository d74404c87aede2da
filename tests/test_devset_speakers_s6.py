"""The round-6 speaker development sample (tests/fixtures/devset_speakers_s6) and ``--split s6``.

Schema checks always; with ../shared/corpora present every label is found at its stated place. No article
of the sample is in another split (devset, its held-out folder, the held-out speaker set, the r4 sample) and
none lent an excerpt to the speaker tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_devset import bench  # the scorer, loaded once by the devset tests

S6 = bench.fixture_paths(bench.S6_SPEAKERS)


@pytest.mark.parametrize("path", S6, ids=[p.stem for p in S6])
def test_s6_fixture_schema(path: Path) -> None:
    data = bench.load_fixture(path)
    bench.check_schema(data, path.name)
    assert data["scope"] == "quotes" and data["quotes"]
    assert path.stem == f"{data['source'].split('_')[0]}_{data['article_id']}"


@pytest.mark.skipif(not all((bench.CORPORA / s).is_file() for s in bench.SOURCES), reason="no ../shared/corpora")
def test_s6_labels_resolve_against_the_corpora() -> None:
    arts = bench.load_devset(bench.S6_SPEAKERS, bench.CORPORA)
    assert len(arts) == len(S6)
    for art in arts:
        for q in art.quotes:  # each excerpt is found, in its paragraph, exactly as labelled
            assert art.text[q.span.start:q.span.end].replace("\u00a0", " ") == q.excerpt


def test_s6_is_disjoint_from_the_other_splits() -> None:
    ids = bench.fixture_ids
    s6 = ids(bench.S6_SPEAKERS)
    others = (ids(bench.DEVSET) | ids(bench.DEVSET / "heldout") | ids(bench.HELDOUT_SPEAKERS)
              | ids(bench.R4_SPEAKERS) | ids(bench.DEVSET / "e5"))
    excerpts = yaml.safe_load((bench.ROOT / "tests" / "fixtures" / "speakers" / "excerpts.yaml").read_text(
        encoding="utf-8"))
    assert s6 and not s6 & others
    assert not {a for _, a in s6} & {str(c["article_id"]) for c in excerpts}


def test_s6_size_and_styles() -> None:
    # The brief: the worst-scoring house styles (Reuters, The Guardian; British outlets where those are scarce).
    data = [bench.load_fixture(p) for p in S6]
    groups = [d["outlet_group"] for d in data]
    assert all(groups.count(g) >= 8 for g in ("Reuters", "The Guardian"))
    assert sum(len(d["quotes"]) for d in data) >= 90


def test_split_s6_folder() -> None:
    assert bench.split_folders("s6") == [bench.S6_SPEAKERS]
