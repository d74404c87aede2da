"""The round-15 speaker development sample (tests/fixtures/devset_speakers_s12): its size and house styles.

Schema, resolution against the corpora and disjointness from the other splits are checked for every speaker
sample alike in tests/test_devset_speaker_samples.py.
"""

from __future__ import annotations

from collections import Counter

from test_devset import bench  # the scorer, loaded once by the devset tests


def test_s12_size_and_styles() -> None:
    # The brief: 15-20 articles or roundup excerpts with about 150+ quotes, weighted to the styles that lag on
    # held-out data: wire copy (AP text carried by other outlets), British style, long-quote online left
    # outlets, CNN (every Reuters, Guardian and HuffPost text with a quote is in another split already).
    data = [bench.load_fixture(p) for p in bench.fixture_paths(bench.S12_SPEAKERS)]
    quotes: Counter[str] = Counter()
    for d in data:
        quotes[d["outlet_group"]] += len(d["quotes"])
    assert len(data) == 18
    assert sum(quotes.values()) == 200  # counted in the folder's README table
    assert quotes["Associated Press"] + quotes["AFP"] == 90
    assert quotes["CNN"] == 43
    assert quotes["Daily Mail"] + quotes["BBC"] + quotes["The Independent"] == 31
    assert quotes["Mother Jones"] == 36
    wire_carried = [d for d in data if d["outlet_group"] in ("Associated Press", "AFP") and d["outlet"] not in (
        "Associated Press", "AP Fact Check")]
    assert {d["outlet"] for d in wire_carried} == {"PBS NewsHour", "The Times of Israel", "Salon", "Yahoo! News"}
    assert bench.split_folders("s12") == [bench.S12_SPEAKERS]
