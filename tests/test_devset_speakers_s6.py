"""The round-6 speaker development sample (tests/fixtures/devset_speakers_s6): its size and house styles.

Schema, resolution against the corpora and disjointness from the other splits are checked for every speaker
sample alike in tests/test_devset_speaker_samples.py.
"""

from __future__ import annotations

from test_devset import bench  # the scorer, loaded once by the devset tests

S6 = bench.fixture_paths(bench.S6_SPEAKERS)


def test_s6_size_and_styles() -> None:
    # The brief: the worst-scoring house styles (Reuters, The Guardian; British outlets where those are scarce).
    data = [bench.load_fixture(p) for p in S6]
    groups = [d["outlet_group"] for d in data]
    assert all(groups.count(g) >= 8 for g in ("Reuters", "The Guardian"))
    assert sum(len(d["quotes"]) for d in data) >= 90
