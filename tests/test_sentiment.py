"""Lexical tone (VADER): identity with vaderSentiment, hand-computed aggregates, undefined cases."""

import math
import warnings
from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.corpus import load_corpus
from analysis.metrics import FAMILIES, Settings
from analysis.metrics.sentiment import (
    describe_cue,
    fifth_of,
    fired_entries,
    lead_compound,
    mean_compound,
    score_text,
    sentence_scores,
    tone_arc,
)
from analysis.model import Article
from analysis.parse import parse_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _compound(valence_sum: float) -> float:
    """VADER's normalisation, Hutto & Gilbert (2014): x / sqrt(x² + 15), rounded as vaderSentiment does."""
    return round(valence_sum / math.sqrt(valence_sum**2 + 15), 4)


# Lexicon valences (vader_lexicon.txt): war −2.9, good 1.9, attack −2.1, failed −2.3; "meeting"/"ended" absent.
WAR, GOOD, ATTACK_FAILED = _compound(-2.9), _compound(1.9), _compound(-2.1 - 2.3)
FIVE = "The war began. The talks were good.\nThe meeting ended. The attack failed. The talks were good."
EXPECTED = [WAR, GOOD, 0.0, ATTACK_FAILED, GOOD]


@pytest.fixture(scope="module")
def seeds():
    return {a.article_id: parse_article(a) for a in load_corpus(SEEDS)}


def _doc(text: str, title: str = ""):
    return parse_article(Article("t", text, outlet="Test", title=title))


def _values(result, metric):
    return {m.target: m for m in result.measurements if m.metric == metric}


def test_hand_computed_compounds_match_the_formula():
    assert WAR == -0.5994 and GOOD == 0.4404 and ATTACK_FAILED == -0.7506
    doc = _doc(FIVE)
    assert [s["compound"] for s in sentence_scores(doc)] == EXPECTED


def test_five_sentence_text_mean_shares_lead_and_fifths():
    doc = _doc(FIVE)
    res = FAMILIES["sentiment"](doc, Settings())
    scalar = {t: m.value for t, m in _values(res, "mean_compound").items()}
    assert scalar[""] == pytest.approx((WAR + GOOD + 0 + ATTACK_FAILED + GOOD) / 5)
    assert _values(res, "share_positive_sentences")[""].value == pytest.approx(2 / 5)
    assert _values(res, "share_negative_sentences")[""].value == pytest.approx(2 / 5)
    assert _values(res, "share_neutral_sentences")[""].value == pytest.approx(1 / 5)
    assert _values(res, "n_scored_sentences")[""].value == 5
    # lead = first paragraph = sentences 0 and 1
    assert _values(res, "lead_compound")[""].value == pytest.approx((WAR + GOOD) / 2)
    # five sentences: relative positions 0.1, 0.3, 0.5, 0.7, 0.9 -> one per fifth
    arc = _values(res, "tone_arc")
    assert [arc[f"fifth_{k}"].value for k in range(1, 6)] == pytest.approx(EXPECTED)
    per_sentence = _values(res, "sentence_compound")
    assert [per_sentence[f"sentence:{i}"].value for i in range(5)] == EXPECTED


def test_fifths_of_ten_and_three_sentences():
    # 10 sentences: positions 0.05, 0.15 | 0.25, 0.35 | ... -> two per fifth
    assert [fifth_of(i, 10) for i in range(10)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    # 3 sentences: positions 1/6, 1/2, 5/6 -> fifths 1, 3, 5; fifths 2 and 4 are empty
    assert [fifth_of(i, 3) for i in range(3)] == [1, 3, 5]
    doc = _doc("The war began. The meeting ended. The talks were good.")
    arc = tone_arc(doc)
    assert arc["fifth_1"] == WAR and arc["fifth_3"] == 0.0 and arc["fifth_5"] == GOOD
    for k in (2, 4):
        assert math.isnan(arc[f"fifth_{k}"])
        assert "no sentence falls in fifth" in arc[f"fifth_{k}"].reason


def test_direction_negative_text_scores_below_positive_text():
    neg = _doc("The attack failed. The war began.")
    pos = _doc("The talks were good. The talks were good.")
    assert mean_compound(neg) < 0 < mean_compound(pos)


def test_headline_scored_with_evidence_and_missing_headline_is_undefined():
    res = FAMILIES["sentiment"](_doc(FIVE, title="War began"), Settings())
    assert _values(res, "headline_compound")[""].value == WAR
    head = [e for e in res.evidence if e.sentence_index == -1]
    assert len(head) == 1 and head[0].text == "War began" and "war −2.9" in head[0].cue
    res = FAMILIES["sentiment"](_doc(FIVE), Settings())
    m = _values(res, "headline_compound")[""]
    assert math.isnan(m.value) and m.note == "no headline"
    assert not [e for e in res.evidence if e.sentence_index == -1]


def test_evidence_cue_lists_fired_entries_with_valences():
    assert describe_cue("The attack failed.", ATTACK_FAILED) == "attack −2.1; failed −2.3; compound −0.751"
    # negation: 1.9 · −0.74 = −1.406 (VADER's N_SCALAR)
    assert fired_entries("The talks were not good.") == [("good", 1.9, pytest.approx(-1.406))]
    assert describe_cue("The talks were not good.", -0.3412) == "good +1.9 → −1.406; compound −0.341"
    assert describe_cue("The meeting ended.", 0.0) == "no VADER lexicon entry; compound 0"


def test_seed_sentences_identical_to_vadersentiment(seeds):
    sia = SentimentIntensityAnalyzer()  # an independent instance, not the module's cached one
    for doc in seeds.values():
        scores = sentence_scores(doc)
        assert len(scores) == len(doc.sentences)
        for sentence, got in zip(doc.sentences, scores, strict=True):
            assert got == sia.polarity_scores(sentence.text)
        assert score_text(doc.sentences[0].text) == sia.polarity_scores(doc.sentences[0].text)


def test_seed_fired_entries_reproduce_compound(seeds):
    """The evidence's adjusted valences sum to the score VADER gave (no ! or ? in the seeds)."""
    for doc in seeds.values():
        for sentence, scores in zip(doc.sentences, sentence_scores(doc), strict=True):
            total = sum(adj for _, _, adj in fired_entries(sentence.text))
            assert _compound(total) == scores["compound"], sentence.text


def test_seed_facts_checked_by_hand(seeds):
    d2 = seeds["002_3725b521bb5f0d30"]
    res = FAMILIES["sentiment"](d2, Settings())
    cues = {e.sentence_index: e.cue for e in res.evidence}
    # "… help Moscow in its war against Ukraine": ratified +0.6, defense +0.5, help +1.7, war −2.9 -> sum −0.1
    assert cues[0] == "ratified +0.6; defense +0.5; help +1.7; war −2.9; compound −0.026"
    assert _values(res, "sentence_compound")["sentence:0"].value == _compound(0.6 + 0.5 + 1.7 - 2.9)
    # "… without delay …": 'without' negates delay (−1.3 · −0.74 = 0.962)
    assert "delay −1.3 → +0.962" in cues[4]
    # lead of 002 is its first sentence alone
    assert lead_compound(d2) == _compound(-0.1)
    d0 = seeds["000_dc77826089423d0b"]
    # "… small-scale confrontations … artillery fire …": confrontations −1.5, fire −1.4
    assert sentence_scores(d0)[10]["compound"] == _compound(-1.5 - 1.4)


def test_shares_add_to_one(seeds):
    for doc in [*seeds.values(), _doc(FIVE)]:
        res = FAMILIES["sentiment"](doc, Settings())
        total = sum(_values(res, f"share_{k}_sentences")[""].value for k in ("positive", "negative", "neutral"))
        assert total == pytest.approx(1.0)


def test_cache_is_reused_and_not_exposed_for_mutation():
    doc = _doc(FIVE)
    first = sentence_scores(doc)
    first[0]["compound"] = 99.0
    assert "vader_sentences" in doc.cache
    assert sentence_scores(doc)[0]["compound"] == WAR


def test_sentence_tone_records(seeds):
    d0 = seeds["000_dc77826089423d0b"]
    rows = FAMILIES["sentiment"](d0, Settings()).records["sentence_tone"]
    assert [r["sentence_index"] for r in rows] == list(range(16))
    assert rows[1]["tone"] == "negative" and rows[2]["tone"] == "neutral" and rows[0]["tone"] == "positive"
    assert set(rows[0]) == {"sentence_index", "paragraph_index", "neg", "neu", "pos", "compound", "tone"}


@pytest.mark.parametrize("text", ["", "   \n  ", "\n\n"])
def test_empty_body_gives_nan_with_reason_and_no_warnings(text):
    doc = _doc(text)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = FAMILIES["sentiment"](doc, Settings())
    values = {(m.metric, m.target): m for m in res.measurements}
    assert values[("n_scored_sentences", "")].value == 0
    for name in ("mean_compound", "share_positive_sentences", "share_negative_sentences",
                 "share_neutral_sentences", "lead_compound"):
        assert math.isnan(values[(name, "")].value) and values[(name, "")].note.startswith("empty body")
    for k in range(1, 6):
        m = values[("tone_arc", f"fifth_{k}")]
        assert math.isnan(m.value) and m.note
    assert not res.evidence and res.records["sentence_tone"] == []
