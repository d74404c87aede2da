"""The round-7 speaker development sample (tests/fixtures/devset_speakers_s7): its size and house styles.

Schema, resolution against the corpora and disjointness from the other splits are checked for every speaker
sample alike in tests/test_devset_speaker_samples.py.
"""

from __future__ import annotations

from test_devset import bench  # the scorer, loaded once by the devset tests


def test_s7_size_and_styles() -> None:
    # The brief: 12-15 articles weighted to the worst-scoring house styles (Reuters first, then AP wire copy).
    data = [bench.load_fixture(p) for p in bench.fixture_paths(bench.S7_SPEAKERS)]
    groups = [d["outlet_group"] for d in data]
    assert 12 <= len(data) <= 16
    assert groups.count("Reuters") >= 8 and groups.count("Associated Press") >= 2
    assert sum(len(d["quotes"]) for d in data) >= 70
