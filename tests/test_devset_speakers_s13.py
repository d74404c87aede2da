"""The round-18 speaker development sample (tests/fixtures/devset_speakers_s13): its size and house styles.

Schema, resolution against the corpora and disjointness from the other splits are checked for every speaker
sample alike in tests/test_devset_speaker_samples.py.
"""

from __future__ import annotations

from collections import Counter

from test_devset import bench  # the scorer, loaded once by the devset tests


def test_s13_size_and_styles() -> None:
    # The brief: 15-20 articles or roundup excerpts with about 150+ quotes, weighted to the styles that lag on
    # held-out data: wire copy carried by other outlets, British style, long-quote online outlets, broadcast
    # (every Reuters, Guardian and HuffPost text with a quote, and every British outlet's, is in a split already).
    data = [bench.load_fixture(p) for p in bench.fixture_paths(bench.S13_SPEAKERS)]
    quotes: Counter[str] = Counter()
    for d in data:
        quotes[d["outlet_group"]] += len(d["quotes"])
    assert len(data) == 16
    assert sum(quotes.values()) == 210  # counted in the folder's README table
    assert quotes["Reuters"] == 39 and quotes["Associated Press"] == 35
    assert quotes["CNN"] == 62
    assert quotes["Al Jazeera"] + quotes["Daily Sabah"] == 47
    assert quotes["ABC News"] == 25
    wire_carried = [d for d in data if d["outlet_group"] in ("Reuters", "Associated Press")]
    assert {d["outlet"] for d in wire_carried} == {"Newsmax - News", "The Jerusalem Post", "CBS News"}
    assert bench.split_folders("s13") == [bench.S13_SPEAKERS]
