"""The round-12 speaker development sample (tests/fixtures/devset_speakers_s10): its size and house styles.

Schema, resolution against the corpora and disjointness from the other splits are checked for every speaker
sample alike in tests/test_devset_speaker_samples.py.
"""

from __future__ import annotations

from collections import Counter

from test_devset import bench  # the scorer, loaded once by the devset tests


def test_s10_size_and_styles() -> None:
    # The brief: 15-20 articles, at least 80 quotes, house styles near the weak outlets (no unused Reuters,
    # Guardian or HuffPost text with a quote is left): wire copy, British papers and online-first outlets.
    data = [bench.load_fixture(p) for p in bench.fixture_paths(bench.S10_SPEAKERS)]
    quotes: Counter[str] = Counter()
    for d in data:
        quotes[d["outlet_group"]] += len(d["quotes"])
    assert len(data) == 17
    assert sum(quotes.values()) == 117  # counted in the folder's README table
    assert quotes["Associated Press"] >= 15 and quotes["Daily Mail"] >= 15
    online = ("Business Insider", "BuzzFeed News", "Daily Beast", "Slate", "Yahoo News")
    assert sum(quotes[g] for g in online) >= 80
    assert bench.split_folders("s10") == [bench.S10_SPEAKERS]
