"""Sentence alignment: hand-computed TF-IDF cosine and surface similarity, labels on constructed pairs, one-to-one
matching,
within-event only, unique sentences / omissions / side by side, and hand-checked seed facts."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from compare_frames import frames

from analysis.compare.align import (
    align_sentences,
    event_similarity,
    omissions,
    relative_position,
    sentence_similarity,
    side_by_side,
    unique_sentences,
)
from analysis.tables import AnalysisTables

SEEDS = Path(__file__).resolve().parent.parent / "seeds"




A0 = "North Korea ratified a defence treaty with Russia on Monday"
A1 = "The agreement promises military assistance if either side is attacked"
A2 = "Fishing boats returned to the harbour after the storm"
B1 = "The agreement promises military help if either country is attacked"
B2 = "Prices of rice rose sharply in the capital this week"


def test_similarity_hand_value() -> None:
    # F = 5 words + 4 bigrams on each side; shared: north korea ratified the + 3 bigrams = 7
    assert sentence_similarity("north korea ratified the treaty", "North Korea ratified the pact") == \
        pytest.approx(2 * 7 / 18)
    # A1 / B1: 10 words + 9 bigrams each; shared 8 words (the agreement promises military if either is
    # attacked) + 5 bigrams (the agreement, agreement promises, promises military, if either, is attacked)
    assert sentence_similarity(A1, B1) == pytest.approx(2 * 13 / 38)
    assert sentence_similarity(A0, A0) == 1.0
    assert sentence_similarity("", "") == 0.0


def test_tfidf_cosine_hand_value_with_synonyms() -> None:
    # content terms: a = troop, ratifi, treati ("the" is a stop word);
    # b = troop (soldiers), ratifi (approved), treati (pact), seoul ("the", "in" stop words).
    # N = 2 sentences in the event; idf = ln((1+N)/(1+df)) + 1: shared terms ln(3/3) + 1 = 1,
    # seoul ln(3/2) + 1 = 1.405465. cos = 3 / (√3 · √(3 + 1.405465²)) = 3 / (1.732051 · 2.230545) = 0.776515
    docs = {"a": ["Troops ratified the treaty"], "b": ["Soldiers approved the pact in Seoul"]}
    assert event_similarity(docs, "a", "b")[0][0] == pytest.approx(0.776515, abs=1e-6)
    # without the synonym classes the two sentences share no term
    assert event_similarity(docs, "a", "b", synonyms=False)[0][0] == 0.0
    # A1 / B1 alone in an event: 4 shared terms (treati promis militari attack, idf 1) and 2 own terms on each
    # side (idf 1.405465): cos = 4 / (4 + 2·1.975332) = 0.503103
    assert event_similarity({"a": [A1], "b": [B1]}, "a", "b")[0][0] == pytest.approx(0.503103, abs=1e-6)


def test_idf_direction_rare_shared_word_counts_more() -> None:
    # "korea" is in 5 of the event's 6 sentences, "ratified" and "talks" in 2: a0 shares the ubiquitous "korea"
    # with b0 and the rarer "ratified" with b1, so b1 is the closer sentence (IDF at work)
    docs = {"a": ["Korea ratified"], "b": ["Korea talks", "Ratified talks"],
            "c": ["Korea trade", "Korea weather", "Korea fishing"]}
    m = event_similarity(docs, "a", "b")
    assert m[0][1] > m[0][0] > 0


def test_synonym_swap_is_paraphrase_not_verbatim() -> None:
    # same content terms -> cosine 1; surface Dice: 6 words + 5 bigrams each, shared ratified the on monday
    # + "ratified the", "on monday" = 6 -> 12/22 = 0.545 < 0.9: a paraphrase
    arts, sents = frames({"a": ("Outlet A", "e1", ["Troops ratified the treaty on Monday"]),
                          "b": ("Outlet B", "e1", ["Soldiers ratified the pact on Monday"])})
    al = align_sentences(arts, sents)
    assert al.label.tolist() == ["paraphrase", "paraphrase"]
    assert al.score.iloc[0] == pytest.approx(1.0)
    assert al.surface_score.iloc[0] == pytest.approx(12 / 22)


def test_similarity_direction_more_change_scores_lower() -> None:
    one = "North Korea ratified a defence treaty with Russia on Tuesday"
    three = "North Korea approved a defence pact with Moscow on Monday"
    assert sentence_similarity(A0, A0) > sentence_similarity(A0, one) > sentence_similarity(A0, three) > \
        sentence_similarity(A0, B2)


def test_labels_on_constructed_pair() -> None:
    arts, sents = frames({"a": ("Outlet A", "e1", [A0, A1, A2]), "b": ("Outlet B", "e1", [A0, B1, B2])})
    al = align_sentences(arts, sents)
    assert list(al.columns[:9]) == ["event_id", "article_a", "outlet_a", "sentence_a", "article_b", "outlet_b",
                                    "sentence_b", "label", "score"]
    ab = al[al.article_a == "a"].set_index("sentence_a")
    assert list(ab.label) == ["verbatim", "paraphrase", "unique"]
    assert list(ab.sentence_b.iloc[:2]) == [0, 1] and pd.isna(ab.sentence_b.iloc[2])
    assert ab.surface_score.iloc[1] == pytest.approx(26 / 38)  # surface Dice decides paraphrase, not verbatim
    assert ab.score.iloc[0] == pytest.approx(1.0) and 0.3 <= ab.score.iloc[1] < 1
    ba = al[al.article_a == "b"]
    assert list(ba.label) == ["verbatim", "paraphrase", "unique"]  # the mirror


def test_thresholds_are_parameters() -> None:
    arts, sents = frames({"a": ("Outlet A", "e1", [A1]), "b": ("Outlet B", "e1", [B1])})
    assert align_sentences(arts, sents, threshold_p=0.7).label.tolist() == ["unique", "unique"]
    assert align_sentences(arts, sents, threshold_v=0.6).label.tolist() == ["verbatim", "verbatim"]


def test_one_to_one_even_with_repeated_sentence() -> None:
    arts, sents = frames({"a": ("Outlet A", "e1", [A0, A0, A1]), "b": ("Outlet B", "e1", [A0, B1])})
    al = align_sentences(arts, sents)
    ab = al[al.article_a == "a"]
    assert list(ab.label) == ["verbatim", "unique", "paraphrase"]  # the second copy finds no free partner
    assert ab.best_score.iloc[1] == 1.0  # but its nearest sentence was identical
    matched = al.dropna(subset=["sentence_b"])
    assert not matched.duplicated(["article_a", "article_b", "sentence_b"]).any()
    pairs = set(zip(matched.article_a, matched.sentence_a, matched.article_b, matched.sentence_b, strict=True))
    assert all((b, j, a, i) in pairs for a, i, b, j in pairs)  # the mirror holds the same pairs


def test_within_event_only_and_never_within_one_outlet() -> None:
    arts, sents = frames({
        "a1": ("Outlet A", "e1", [A0, A1]),
        "b1": ("Outlet B", "e1", [B2]),
        "a1bis": ("Outlet A", "e1", [A0]),  # same outlet: not aligned with a1
        "c2": ("Outlet C", "e2", [A0, A1]),  # identical text in another event: never aligned with e1
    })
    al = align_sentences(arts, sents)
    pairs = set(zip(al.article_a, al.article_b, strict=True))
    assert pairs == {("a1", "b1"), ("b1", "a1"), ("a1bis", "b1"), ("b1", "a1bis")}
    assert set(al.event_id) == {"e1"}
    assert (al.label == "unique").all()


def test_unique_sentences_omissions_and_side_by_side() -> None:
    arts, sents = frames({"a": ("Outlet A", "e1", [A0, A1, A2]), "b": ("Outlet B", "e1", [A0, B1, B2]),
                          "c": ("Outlet C", "e1", [A2])})
    al = align_sentences(arts, sents)
    uniq = unique_sentences(al, sents, arts)
    a_rows = uniq[uniq.article_id == "a"].set_index("sentence_index")
    # A0 and A1 are missing from C only; A2 is in C (verbatim) but not in B
    assert a_rows.missing_from.to_dict() == {0: "Outlet C", 1: "Outlet C", 2: "Outlet B"}
    assert not a_rows.unique_to_outlet.any()
    b2 = uniq[(uniq.article_id == "b") & (uniq.sentence_index == 2)].iloc[0]
    assert b2.unique_to_outlet and b2.missing_from == "Outlet A; Outlet C" and b2.text == B2
    assert b2.relative_position == pytest.approx(2.5 / 3)
    om = omissions(al, sents, arts)
    c_left_out = om[om.article_id == "c"]
    assert set(zip(c_left_out.other_article, c_left_out.sentence_index, strict=True)) == {
        ("a", 0), ("a", 1), ("b", 0), ("b", 1), ("b", 2)}
    sbs = side_by_side(al, sents, "a", "b")
    assert list(sbs.columns) == ["sentence_a", "text_a", "mark", "sentence_b", "text_b", "score"]
    # B2 follows the row showing B1 (B's order is kept), before A's own A2
    assert list(sbs.mark) == ["= verbatim", "≈ paraphrase", "only B", "only A"]
    assert list(sbs.sentence_b.astype("Float64").fillna(-1)) == [0, 1, 2, -1]
    assert side_by_side(al, sents, "a", "nope").empty


def test_relative_position() -> None:
    assert relative_position(0, 4) == 0.125
    assert relative_position(3, 4) == 0.875


def test_empty_input_gives_empty_frames_without_warnings() -> None:
    arts = pd.DataFrame(columns=["article_id", "outlet", "event_id", "published", "status"])
    sents = pd.DataFrame(columns=["article_id", "sentence_index", "paragraph_index", "start", "end", "text",
                                  "tokens"]).astype({"sentence_index": "int64"})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        al = align_sentences(arts, sents)
        assert al.empty and "label" in al.columns
        assert unique_sentences(al, sents, arts).empty
        assert omissions(al, sents, arts).empty
        # an article with no sentences: nothing to align, no error
        a2, s2 = frames({"a": ("Outlet A", "e1", []), "b": ("Outlet B", "e1", [A0])})
        assert list(align_sentences(a2, s2).label) == ["unique"]


def test_seed_rewrite_has_no_verbatim_sentence(seed_tables: AnalysisTables) -> None:
    """Read by hand: 000 rewrites every sentence, so no sentence is shared verbatim with 002. Every
    sentence of both articles (14 + 16) appears exactly once in each direction."""
    al = align_sentences(seed_tables.articles, seed_tables.sentences)
    assert (al.label != "verbatim").all()
    counts = al.groupby("article_a").size().to_dict()
    assert counts == {"002_3725b521bb5f0d30": 14, "000_dc77826089423d0b": 16}
    assert not al.duplicated(["article_a", "sentence_a", "article_b"]).any()
    # UPI's Article 51 sentence (s5) and its New York Times report (s11) have nothing like them in 000
    upi = al[al.article_a == "002_3725b521bb5f0d30"].set_index("sentence_a")
    assert upi.loc[5, "label"] == "unique" and upi.loc[11, "label"] == "unique"


def test_seed_pairs_a_human_coder_makes(seed_tables: AnalysisTables) -> None:
    """Pairs read by hand (002 = UPI, 000 = the rewrite): the lead (002 s0 "North Korea ratified a defense treaty
    with Russia" / 000 s0 "North Korea officially endorsed a significant military agreement with Russia"),
    the June signing by Putin (s2 / s2), the technology-for-troops concern (s12 / s12) and North Korean troops
    in the Kursk region (002 s9 / 000 s10). 000 s1 (the accusation of sending troops) is not the lead's partner."""
    al = align_sentences(seed_tables.articles, seed_tables.sentences)
    upi = al[al.article_a == "002_3725b521bb5f0d30"].set_index("sentence_a")
    pairs = {int(i): int(j) for i, j in upi["sentence_b"].dropna().items()}
    assert pairs[0] == 0 and pairs[2] == 2 and pairs[12] == 12 and pairs[9] == 10
    assert pairs[1] in (4, 5)  # treaty ratified by Kim's decree: 000 s4 (treaty name, KCNA) or s5 (the decree)
    assert (upi.loc[[0, 2, 9, 12], "label"] == "paraphrase").all()
    rewrite = al[al.article_a == "000_dc77826089423d0b"].set_index("sentence_a")
    assert rewrite.loc[1, "label"] == "unique" or rewrite.loc[1, "sentence_b"] != 0
