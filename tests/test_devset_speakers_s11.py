"""The round-13 speaker development sample (tests/fixtures/devset_speakers_s11): its size and house styles.

Schema, resolution against the corpora and disjointness from the other splits are checked for every speaker
sample alike in tests/test_devset_speaker_samples.py.
"""

from __future__ import annotations

from collections import Counter

from test_devset import bench  # the scorer, loaded once by the devset tests


def test_s11_size_and_styles() -> None:
    # The brief: a new sample of at least 100 quotes weighted to the three house styles: Fox News online
    # copy, New York Times news, HuffPost-like online-first left outlets (every HuffPost text with a quote is in
    # another split already).
    data = [bench.load_fixture(p) for p in bench.fixture_paths(bench.S11_SPEAKERS)]
    quotes: Counter[str] = Counter()
    for d in data:
        quotes[d["outlet_group"]] += len(d["quotes"])
    assert len(data) == 28
    assert sum(quotes.values()) == 195  # counted in the folder's README table
    assert quotes["Fox News"] == 97 and quotes["New York Times"] == 36
    assert quotes["ThinkProgress"] + quotes["Daily Beast"] + quotes["Raw Story"] == 62
    assert bench.split_folders("s11") == [bench.S11_SPEAKERS]
