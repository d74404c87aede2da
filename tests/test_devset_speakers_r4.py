"""The round-4 speaker development sample (tests/fixtures/devset_speakers_r4): its size and house styles.

Schema, resolution against the corpora and disjointness from the other splits are checked for every speaker
sample alike in tests/test_devset_speaker_samples.py.
"""

from __future__ import annotations

from test_devset import bench  # the scorer, loaded once by the devset tests

R4 = bench.fixture_paths(bench.R4_SPEAKERS)


def test_r4_size_and_styles() -> None:
    # The brief: about 12-15 articles weighted towards Reuters, The Guardian and AP wire copy.
    data = [bench.load_fixture(p) for p in R4]
    groups = [d["outlet_group"] for d in data]
    assert len(data) >= 12
    assert all(groups.count(g) >= 4 for g in ("Reuters", "The Guardian", "Associated Press"))
    assert sum(len(d["quotes"]) for d in data) >= 90
