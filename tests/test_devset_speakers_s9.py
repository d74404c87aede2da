"""The round-11 speaker development sample (tests/fixtures/devset_speakers_s9): its size and house styles.

Schema, resolution against the corpora and disjointness from the other splits are checked for every speaker
sample alike in tests/test_devset_speaker_samples.py.
"""

from __future__ import annotations

from collections import Counter

from test_devset import bench  # the scorer, loaded once by the devset tests


def test_s9_size_and_styles() -> None:
    # The brief: 80-100 quotes from the house styles weak on held-out and Daily Mail; no unused Reuters,
    # Guardian or HuffPost text with a quote is left, so Daily Mail, BBC, The Independent and IJR.
    data = [bench.load_fixture(p) for p in bench.fixture_paths(bench.S9_SPEAKERS)]
    quotes: Counter[str] = Counter()
    for d in data:
        quotes[d["outlet_group"]] += len(d["quotes"])
    assert len(data) == 18
    assert 80 <= sum(quotes.values()) <= 100
    assert quotes["Daily Mail"] >= 40 and quotes["BBC"] >= 20 and quotes["The Independent"] >= 2
    assert bench.split_folders("s9") == [bench.S9_SPEAKERS]
