"""Text reuse (containment of word 5-grams, Nicholls 2019): hand-counted shingles, pairs within events,
shared passages, corpus-wide near-duplicates against brute force, and hand-checked seed facts."""

from __future__ import annotations

import math
import random
import warnings
from itertools import combinations
from pathlib import Path

import pandas as pd
import pytest
from compare_frames import frames

from analysis.compare.reuse import containment, near_duplicates, reuse_label, reuse_table, shared_passages, shingles
from analysis.tables import AnalysisTables

SEEDS = Path(__file__).resolve().parent.parent / "seeds"




A_TEXT = "officials said the treaty was signed on monday"  # 8 words -> 4 shingles
B_TEXT = "a spokesman confirmed that the treaty was signed on monday"  # 10 words -> 6 shingles
# shared run of 6 words "the treaty was signed on monday" -> 2 shared 5-grams


def test_shingles_counted_by_hand() -> None:
    assert shingles(A_TEXT) == {
        ("officials", "said", "the", "treaty", "was"), ("said", "the", "treaty", "was", "signed"),
        ("the", "treaty", "was", "signed", "on"), ("treaty", "was", "signed", "on", "monday"),
    }
    assert len(shingles(B_TEXT)) == 6
    assert shingles("only four words here") == set()
    assert shingles(["The", "Treaty", "Was", "Signed", "On"]) == {("the", "treaty", "was", "signed", "on")}
    assert len(shingles(A_TEXT, n=3)) == 6


def test_containment_hand_value_and_asymmetry() -> None:
    a, b = shingles(A_TEXT), shingles(B_TEXT)
    assert len(a & b) == 2
    assert containment(a, b) == pytest.approx(2 / 4)
    assert containment(b, a) == pytest.approx(2 / 6)
    assert containment(a, a) == 1.0
    assert containment(a, set()) == 0.0


def test_containment_undefined_for_short_text_without_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = containment(shingles("too short"), shingles(B_TEXT))
    assert math.isnan(value)
    assert "fewer words" in value.reason


def test_labels_follow_documented_thresholds() -> None:
    assert reuse_label(0.85, 0.9) == "near-duplicate"
    assert reuse_label(1.0, 0.3) == "shared source text"  # A wholly inside a longer B
    assert reuse_label(0.1, 0.05) == "shared source text"
    assert reuse_label(0.05, 0.02) == "independent"
    assert reuse_label(float("nan"), 0.5) == "undefined"


def test_reuse_table_pairs_stay_within_events() -> None:
    arts, sents = frames({
        "a1": ("Outlet A", "e1", [A_TEXT]),
        "b1": ("Outlet B", "e1", [B_TEXT]),
        "c2": ("Outlet C", "e2", [A_TEXT]),  # same text, other event: never paired
        "d2": ("Outlet D", "e2", ["a wholly different story about the harvest in the north"]),
    })
    table = reuse_table(arts, sents)
    assert list(table.columns) == ["event_id", "article_a", "article_b", "outlet_a", "outlet_b",
                                   "containment_a_in_b", "containment_b_in_a", "n_shared", "label"]
    pairs = {(r.event_id, r.article_a, r.article_b) for r in table.itertuples()}
    assert pairs == {("e1", "a1", "b1"), ("e2", "c2", "d2")}
    e1 = table[table.event_id == "e1"].iloc[0]
    assert (e1.containment_a_in_b, e1.containment_b_in_a, e1.n_shared) == (pytest.approx(0.5), pytest.approx(1 / 3), 2)
    assert e1.label == "shared source text"
    assert table[table.event_id == "e2"].iloc[0].n_shared == 0


def test_missing_event_ids_form_one_event_and_skipped_articles_are_ignored() -> None:
    arts, sents = frames({"a": ("X", "", [A_TEXT]), "b": ("Y", "", [B_TEXT]), "c": ("Z", "", [A_TEXT])})
    arts.loc[arts.article_id == "c", "status"] = "empty"
    table = reuse_table(arts, sents)
    assert list(table.event_id) == ["all"]
    assert (table.article_a.iloc[0], table.article_b.iloc[0]) == ("a", "b")


def test_shared_passages_are_maximal_runs() -> None:
    arts, sents = frames({
        "a1": ("Outlet A", "e1", ["officials said", "the treaty was signed on monday in the capital"]),
        "b1": ("Outlet B", "e1", ["reports say the treaty was signed on monday", "after talks in the capital"]),
    })
    passages = shared_passages(arts, sents)
    assert list(passages.passage) == ["the treaty was signed on monday"]
    row = passages.iloc[0]
    assert (row.sentence_a, row.sentence_b, row.n_words) == (1, 0, 6)


def test_empty_tables_give_empty_frames_without_warnings() -> None:
    arts = pd.DataFrame(columns=["article_id", "outlet", "event_id", "published", "status"])
    sents = pd.DataFrame(columns=["article_id", "sentence_index", "paragraph_index", "start", "end", "text",
                                  "tokens"]).astype({"sentence_index": "int64"})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert reuse_table(arts, sents).empty
        assert shared_passages(arts, sents).empty
        assert near_duplicates(arts, sents).empty


def test_near_duplicates_match_brute_force() -> None:
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(300)]
    docs: dict[str, tuple[str, str, list[str]]] = {}
    for k in range(40):
        words = [rng.choice(vocab) for _ in range(rng.randint(20, 60))]
        docs[f"d{k:02d}"] = (f"O{k % 3}", f"e{k % 5}", [" ".join(words)])
        if k % 4 == 0:  # a copy with a few words changed, filed under another event
            copy = list(words)
            for _ in range(k % 3):
                copy[rng.randrange(len(copy))] = rng.choice(vocab)
            docs[f"c{k:02d}"] = ("Copier", f"e{(k + 1) % 5}", [" ".join(copy)])
    arts, sents = frames(docs)
    for threshold in (0.5, 0.8, 0.95):
        found = near_duplicates(arts, sents, threshold=threshold)
        sh = {a: shingles(ss[0]) for a, (_, _, ss) in docs.items()}
        brute = {(a, b) for a, b in combinations(sorted(docs), 2)
                 if sh[a] and sh[b] and min(len(sh[a] & sh[b]) / len(sh[a]), len(sh[a] & sh[b]) / len(sh[b]))
                 >= threshold}
        assert set(zip(found.article_a, found.article_b, strict=True)) == brute
    assert len(near_duplicates(arts, sents, threshold=0.8)) >= 5
    exact = near_duplicates(arts, sents, threshold=1.0)  # unchanged copies: k % 4 == 0 and k % 3 == 0
    assert {("c00", "d00"), ("c12", "d12"), ("c24", "d24"), ("c36", "d36")} <= set(
        zip(exact.article_a, exact.article_b, strict=True))
    assert (exact.event_a != exact.event_b).any()  # corpus-wide: copies filed under another event are found


def test_seed_articles_share_three_short_passages(seed_tables: AnalysisTables) -> None:
    """Read by hand: 000 is a rewrite; the only 5-word runs it shares with UPI's 002 are
    "The comprehensive strategic partnership treaty" (002 s1, 000 s4), "North Korean leader Kim Jong Un"
    (002 s1, 000 s2; 6 words = 2 shingles) and "in the Kursk region of" (002 s9, 000 s10)."""
    tables = seed_tables
    table = reuse_table(tables.articles, tables.sentences)
    assert len(table) == 1
    row = table.iloc[0]
    assert row.article_a == "002_3725b521bb5f0d30" and row.article_b == "000_dc77826089423d0b"
    assert row.n_shared == 4
    words = tables.sentences.groupby("article_id")["tokens"].apply(lambda t: len(" ".join(t).split()))
    assert row.containment_a_in_b == pytest.approx(4 / (words["002_3725b521bb5f0d30"] - 4))
    # 000 repeats the 6-word run "the U.S., South Korea, and Ukraine" (s1 and s9): 2 shingles counted once
    assert row.containment_b_in_a == pytest.approx(4 / (words["000_dc77826089423d0b"] - 4 - 2))
    assert row.label == "independent"
    passages = shared_passages(tables.articles, tables.sentences)
    got = {(p.passage.lower(), p.sentence_a, p.sentence_b) for p in passages.itertuples()}
    assert got == {("the comprehensive strategic partnership treaty", 1, 4),
                   ("north korean leader kim jong un", 1, 2), ("in the kursk region of", 9, 10)}


def test_candidate_pairs_never_miss_a_pair_both_modes() -> None:
    """Prefix filtering against brute force, on sets that all share a block of boilerplate."""
    from analysis.compare.reuse import candidate_pairs

    rng = random.Random(11)
    boiler = set(range(1000, 1010))  # 10 elements every set has (a footer)
    sets = {f"d{i:02d}": boiler | {rng.randrange(60) for _ in range(rng.randrange(5, 40))} for i in range(40)}
    for t in (0.2, 0.5, 0.8, 0.95):
        for both in (True, False):
            cands = candidate_pairs(sets, t, both=both)
            need = min if both else max
            true = {(a, b) for a, b in combinations(sorted(sets), 2)
                    if need(len(sets[a] & sets[b]) / len(sets[a]), len(sets[a] & sets[b]) / len(sets[b])) >= t}
            assert true <= cands, (t, both)
    # boilerplate outside the prefixes: 3 sets = footer (4 common elements) + 16 own elements; at t = 0.5 the
    # prefix is the 11 rarest (own) elements, so the shared footer makes no candidate
    footer = {"f1", "f2", "f3", "f4"}
    own = {k: footer | {f"{k}{j}" for j in range(16)} for k in ("a", "b", "c")}
    assert candidate_pairs(own, 0.5, both=False) == set()
    assert candidate_pairs(own, 0.1, both=False) == {("a", "b"), ("a", "c"), ("b", "c")}  # prefix reaches footer


def test_hashed_shingles_are_stable_ints() -> None:
    from analysis.compare.reuse import hashed_shingles, shingle_hash

    h = hashed_shingles("a b c d e f", 5)
    assert h == {shingle_hash(("a", "b", "c", "d", "e")), shingle_hash(("b", "c", "d", "e", "f"))}
    assert all(isinstance(x, int) and 0 <= x < 2 ** 64 for x in h)
    assert hashed_shingles("A B C D E", 5) == hashed_shingles(["a", "b", "c", "d", "e"], 5)  # lower-cased
    assert hashed_shingles("a b", 5) == set()


def test_prefix_candidates_are_candidate_pairs_both_ways() -> None:
    """The vectorised prefix filter finds exactly the pairs of the set-based one (``both=True``)."""
    import numpy as np

    from analysis.compare.reuse import candidate_pairs, prefix_candidates

    rng = random.Random(5)
    boiler = set(range(1000, 1010))
    sets = {f"d{i:02d}": boiler | {rng.randrange(80) for _ in range(rng.randrange(0, 40))} for i in range(50)}
    sets["empty"] = set()
    arrays = {k: np.array(sorted(v), dtype=np.uint64) for k, v in sets.items()}
    for t in (0.1, 0.5, 0.8, 1.0):
        assert prefix_candidates(arrays, t) == sorted(candidate_pairs(sets, t, both=True)), t


def test_article_shingle_arrays_are_the_hashed_shingles_of_the_body() -> None:
    import numpy as np

    from analysis.compare.reuse import article_shingle_arrays, hashed_shingles

    sents = pd.DataFrame({"article_id": ["b", "a", "a", "a"], "sentence_index": [0, 1, -1, 0],
                          "tokens": ["x y", "F G H", "Title words here and more", "A b C d E"]})
    got = article_shingle_arrays(sents, ["a", "b", "c"], 5)
    # a: headline left out, sentences in order, words joined across the sentence boundary
    assert got["a"].tolist() == sorted(hashed_shingles("a b c d e f g h", 5))
    assert got["b"].dtype == np.uint64 and len(got["b"]) == 0 and len(got["c"]) == 0
