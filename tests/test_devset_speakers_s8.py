"""The round-8 speaker development sample (tests/fixtures/devset_speakers_s8): its size and house styles.

Schema, resolution against the corpora and disjointness from the other splits are checked for every speaker
sample alike in tests/test_devset_speaker_samples.py.
"""

from __future__ import annotations

from collections import Counter

from test_devset import bench  # the scorer, loaded once by the devset tests


def test_s8_size_and_styles() -> None:
    # The brief: 14-16 articles, 120+ quotes, weighted to the weak house styles (every unused Reuters excerpt
    # with a reporting clause, the one unused HuffPost text) and to NYT, AP, Washington Post and CNN.
    data = [bench.load_fixture(p) for p in bench.fixture_paths(bench.S8_SPEAKERS)]
    groups = Counter(d["outlet_group"] for d in data)
    quotes = Counter()
    for d in data:
        quotes[d["outlet_group"]] += len(d["quotes"])
    assert 14 <= len(data) <= 16
    assert sum(quotes.values()) >= 120
    assert groups["Reuters"] >= 8 and groups["HuffPost"] >= 1 and groups["New York Times"] >= 2
    assert all(quotes[g] >= 10 for g in ("Associated Press", "Washington Post", "CNN", "Reuters"))
