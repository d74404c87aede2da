"""The speaker development samples (r4, s6-s13 under tests/fixtures/devset_speakers_*), checked alike.

Schema checks always; with ../shared/corpora present every label is found at its stated place. No article of
a sample is in another split (the devset, its held-out and e5 folders, the held-out speaker set, another
sample) and none lent an excerpt to the speaker tests (a development sample that overlaps another split would
blur what each one measures). Each sample's size and house styles are checked in its own test file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_devset import bench  # the scorer, loaded once by the devset tests

SAMPLES = {"r4": bench.R4_SPEAKERS, "s6": bench.S6_SPEAKERS, "s7": bench.S7_SPEAKERS, "s8": bench.S8_SPEAKERS,
           "s9": bench.S9_SPEAKERS, "s10": bench.S10_SPEAKERS,
           "s11": bench.S11_SPEAKERS, "s12": bench.S12_SPEAKERS, "s13": bench.S13_SPEAKERS}
FILES = [(split, p) for split, folder in SAMPLES.items() for p in bench.fixture_paths(folder)]
HAS_CORPORA = all((bench.CORPORA / s).is_file() for s in bench.SOURCES)


@pytest.mark.parametrize(("split", "path"), FILES, ids=[f"{s}-{p.stem}" for s, p in FILES])
def test_sample_fixture_schema(split: str, path: Path) -> None:
    data = bench.load_fixture(path)
    bench.check_schema(data, path.name)
    assert data["scope"] == "quotes" and data["quotes"]
    assert path.stem == f"{data['source'].split('_')[0]}_{data['article_id']}"


@pytest.mark.skipif(not HAS_CORPORA, reason="no ../shared/corpora")
@pytest.mark.parametrize("split", ["s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13"])
def test_sample_labels_resolve_against_the_corpora(split: str) -> None:
    arts = bench.load_devset(SAMPLES[split], bench.CORPORA)
    assert len(arts) == len(bench.fixture_paths(SAMPLES[split]))
    for art in arts:
        for q in art.quotes:  # each excerpt is found, in its paragraph, exactly as labelled
            assert art.text[q.span.start:q.span.end].replace("\u00a0", " ") == q.excerpt


@pytest.mark.parametrize("split", sorted(SAMPLES))
def test_sample_is_disjoint_from_the_other_splits(split: str) -> None:
    ids = bench.fixture_ids
    mine = ids(SAMPLES[split])
    others = (ids(bench.DEVSET) | ids(bench.DEVSET / "heldout") | ids(bench.HELDOUT_SPEAKERS)
              | ids(bench.DEVSET / "e5") | set().union(*(ids(f) for s, f in SAMPLES.items() if s != split))
              | (ids(bench.DEVSET / "m7") - {("roundups_dev.jsonl", "5971_left")}))  # in m7 too: see round 7's tests
    excerpts = yaml.safe_load((bench.ROOT / "tests" / "fixtures" / "speakers" / "excerpts.yaml").read_text(
        encoding="utf-8"))
    assert mine and not mine & others
    assert not {a for _, a in mine} & {str(c["article_id"]) for c in excerpts}


@pytest.mark.parametrize("split", sorted(SAMPLES))
def test_split_folder(split: str) -> None:
    assert bench.split_folders(split) == [SAMPLES[split]]
