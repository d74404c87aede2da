"""Lexical tone (VADER): identity with vaderSentiment, hand-computed aggregates, undefined cases."""

import math
import time
import warnings
from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.corpus import load_corpus
from analysis.metrics import FAMILIES, Settings
from analysis.metrics.sentiment import (
    MAX_SENTENCE_WORDS,
    describe_cue,
    fifth_of,
    fired_entries,
    lead_compound,
    mean_compound,
    n_scored_sentences,
    score_text,
    sentence_scores,
    tone_arc,
    too_long_reason,
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


def test_per_sentence_scores_are_records_and_evidence_not_metrics():
    """Sentence i of one article is not comparable with sentence i of another: no per-sentence metric rows."""
    res = FAMILIES["sentiment"](_doc(FIVE), Settings())
    assert not [m for m in res.measurements if m.metric == "sentence_compound" or m.target.startswith("sentence:")]
    # 7 article-level metrics + 5 fifths
    assert len(res.measurements) == 12
    assert [r["compound"] for r in res.records["sentence_tone"]] == EXPECTED
    assert [(e.metric, e.target) for e in res.evidence] == [("sentence_compound", f"sentence:{i}") for i in range(5)]


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


def test_entries_collected_while_scoring_are_fired_entries():
    from analysis.metrics.sentiment import _analyse

    for text in ("The talks were not good.", "WAR, war and peace!", "a very kind of good man", "a kind man",
                 "The meeting ended.", "No, no good at all :) but GREAT"):
        scores, entries = _analyse(text)
        assert entries == fired_entries(text), text
        assert describe_cue(text, scores["compound"], entries=entries) == describe_cue(text, scores["compound"])


def test_evidence_cue_lists_fired_entries_with_raw_valences():
    assert describe_cue("The attack failed.", ATTACK_FAILED) == "attack −2.1; failed −2.3; compound −0.751"
    # raw lexicon valence, in order; VADER's rules are not replayed (tokens keep VADER's edge-punctuation stripping)
    assert fired_entries("The talks were not good.") == [("good", 1.9)]
    assert fired_entries("WAR, war and peace!") == [("war", -2.9), ("war", -2.9), ("peace", 2.5)]
    # "very" is a booster (never an entry); "kind" before "of" is skipped as VADER does; "kind" alone is an entry
    assert fired_entries("a very kind of good man") == [("good", 1.9)]
    assert fired_entries("a kind man") == [("kind", 2.4)]
    # negation: VADER gives 1.9 · −0.74 = −1.406 -> compound −0.3412, not the raw 0.4404: the cue says so
    assert score_text("The talks were not good.")["compound"] == _compound(1.9 * -0.74) == -0.3412
    assert describe_cue("The talks were not good.", -0.3412) == "good +1.9; compound −0.341 (after VADER's rules)"
    assert describe_cue("The meeting ended.", 0.0) == "no VADER lexicon entry; compound 0"


def test_seed_sentences_identical_to_vadersentiment(seeds):
    sia = SentimentIntensityAnalyzer()  # an independent instance, not the module's cached one
    for doc in seeds.values():
        scores = sentence_scores(doc)
        assert len(scores) == len(doc.sentences)
        for sentence, got in zip(doc.sentences, scores, strict=True):
            assert got == sia.polarity_scores(sentence.text)
        assert score_text(doc.sentences[0].text) == sia.polarity_scores(doc.sentences[0].text)


# Sentences that exercise every rule of VADER's scorer: negation at each distance ("not", "n't", "never so",
# "without doubt"), "no" before a lexicon word, boosters and dampeners, ALL CAPS, "but", "least", idioms
# ("the bomb", "kiss of death"), "kind of", "!" and "?", emoticons and emoji.
RULE_SENTENCES = [
    "The talks were not good.", "It isn't a good deal, and they didn't like it.",
    "Never so happy; never this sad.", "Without doubt a great win, without any doubt.",
    "No good answer came.", "There was no doubt, nor any hope.", "It was extremely bad and slightly good.",
    "The GREAT deal was TERRIBLE for them.", "The plan was good, but the result was awful.",
    "At least it was fun; the least happy man; very least.", "That show was the bomb.",
    "It was the kiss of death for the bill.", "It was kind of good, a kind man.", "Good!!! Really good??",
    "What a day :) and :( again", "Great news 😀 but sad 😢 too", "no no no not never", "",
    "He said it was \"not bad at all\" and cut the crap.", "Yeah right, sort of okay, kind of.",
]


def test_rule_sentences_identical_to_vadersentiment():
    sia = SentimentIntensityAnalyzer()
    for text in RULE_SENTENCES:
        assert score_text(text) == sia.polarity_scores(text), text


DEV_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "allsides_dev.jsonl.gz"


@pytest.mark.skipif(not DEV_CORPUS.is_file(), reason="development corpora (../shared/corpora) not present")
def test_development_corpus_sentences_identical_to_vadersentiment():
    """Every sentence of 40 real articles (about 1,500 sentences) scores as vaderSentiment scores it."""
    import gzip
    import json

    from analysis.model import Article as Art

    sia = SentimentIntensityAnalyzer()
    n = 0
    with gzip.open(DEV_CORPUS, "rt", encoding="utf-8") as fh:
        for line, _ in zip(fh, range(40), strict=False):
            row = json.loads(line)
            doc = parse_article(Art(str(row["article_id"]), row["text"], title=row.get("title", "")))
            for sentence, got in zip(doc.sentences, sentence_scores(doc), strict=True):
                if not too_long_reason(sentence.text):
                    assert got == sia.polarity_scores(sentence.text), sentence.text
                    n += 1
    assert n > 1000


def test_seed_raw_valences_reproduce_compound_unless_rules_applied(seeds):
    """Raw valences sum to VADER's score except where a rule changed it, and exactly there the cue says so.

    Hand-checked rule sentences: 002 s4 "without delay" (negation), 000 s3 "the most substantial defense"
    (booster), 000 s8 "this agreement" (×1.25), 000 s13 "particularly alarming" (booster).
    """
    ruled = {("002_3725b521bb5f0d30", 4), ("000_dc77826089423d0b", 3), ("000_dc77826089423d0b", 8),
             ("000_dc77826089423d0b", 13)}
    for aid, doc in seeds.items():
        res = FAMILIES["sentiment"](doc, Settings())
        cues = {e.sentence_index: e.cue for e in res.evidence}
        for sentence, scores in zip(doc.sentences, sentence_scores(doc), strict=True):
            total = math.fsum(v for _, v in fired_entries(sentence.text))
            by_rule = (aid, sentence.index) in ruled
            assert (_compound(total) != scores["compound"]) == by_rule, sentence.text
            assert cues[sentence.index].endswith("(after VADER's rules)") == by_rule


def test_seed_facts_checked_by_hand(seeds):
    d2 = seeds["002_3725b521bb5f0d30"]
    res = FAMILIES["sentiment"](d2, Settings())
    cues = {e.sentence_index: e.cue for e in res.evidence}
    # "… help Moscow in its war against Ukraine": ratified +0.6, defense +0.5, help +1.7, war −2.9 -> sum −0.1
    assert cues[0] == "ratified +0.6; defense +0.5; help +1.7; war −2.9; compound −0.026"
    assert res.records["sentence_tone"][0]["compound"] == _compound(0.6 + 0.5 + 1.7 - 2.9)
    # "… without delay …": 'without' negates delay (−1.3 · −0.74 = +0.962): raw sum 1.7 − 2.9 − 1.2 − 1.3 + 2.2
    # = −1.5, VADER's 1.7 − 2.9 − 1.2 + 0.962 + 2.2 = 0.762 -> +0.193
    assert cues[4] == ("party +1.7; war −2.9; aggression −1.2; delay −1.3; agreement +2.2; "
                       "compound +0.193 (after VADER's rules)")
    assert sentence_scores(d2)[4]["compound"] == _compound(1.7 - 2.9 - 1.2 + 1.3 * 0.74 + 2.2) == 0.193
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


def test_cache_is_reused_without_copies_and_read_only():
    doc = _doc(FIVE)
    first = sentence_scores(doc)
    assert "vader_sentences" in doc.cache
    assert sentence_scores(doc) is first  # the cached sequence itself, not a copy per metric
    with pytest.raises(TypeError):
        first[0]["compound"] = 99.0
    with pytest.raises(TypeError):
        first[0] = {}
    with pytest.raises(TypeError):
        first[0].compound = 99.0  # type: ignore[misc]
    assert sentence_scores(doc)[0]["compound"] == WAR
    # one small read-only mapping per sentence, equal to VADER's own dict, keys in its order
    vader = SentimentIntensityAnalyzer().polarity_scores(doc.sentences[0].text)
    assert first[0] == vader and list(first[0].items()) == list(vader.items())


def test_sentence_tone_records(seeds):
    d0 = seeds["000_dc77826089423d0b"]
    rows = FAMILIES["sentiment"](d0, Settings()).records["sentence_tone"]
    assert [r["sentence_index"] for r in rows] == list(range(16))
    assert rows[1]["tone"] == "negative" and rows[2]["tone"] == "neutral" and rows[0]["tone"] == "positive"
    assert set(rows[0]) == {"sentence_index", "paragraph_index", "neg", "neu", "pos", "compound", "tone", "note"}
    assert all(r["note"] == "" for r in rows)


def _long(n_words: int, word: str = "war") -> str:
    return " ".join([word] * (n_words - 1) + ["ended."])


def test_sentence_longer_than_250_words_is_not_scored():
    assert MAX_SENTENCE_WORDS == 250
    assert too_long_reason(_long(250)) == "" and too_long_reason(_long(251)).startswith("not scored: 251 words")
    # paragraph 1: "The talks were good." (+0.4404); paragraph 2: one 301-word "sentence" of "war … ended."
    doc = _doc("The talks were good.\n" + _long(301))
    assert len(doc.sentences) == 2 and len(doc.sentences[1].text.split()) == 301
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = FAMILIES["sentiment"](doc, Settings())
    values = {(m.metric, m.target): m for m in res.measurements}
    # only the short sentence counts: mean = its compound, 1 of 1 scored sentences positive
    assert values[("n_scored_sentences", "")].value == 1
    assert values[("mean_compound", "")].value == GOOD
    assert values[("share_positive_sentences", "")].value == 1.0
    assert values[("lead_compound", "")].value == GOOD
    # two sentences: positions 0.25 and 0.75 -> fifths 2 and 4; fifth 4 holds only the unscored sentence
    assert values[("tone_arc", "fifth_2")].value == GOOD
    assert math.isnan(values[("tone_arc", "fifth_4")].value)
    assert values[("tone_arc", "fifth_4")].note.startswith("no sentence of fifth 4 scored")
    ev = [e for e in res.evidence if e.sentence_index == 1]
    assert len(ev) == 1 and ev[0].cue.startswith("not scored: 301 words, more than the 250")
    row = res.records["sentence_tone"][1]
    assert math.isnan(row["compound"]) and row["tone"] == "not scored" and row["note"].startswith("not scored")


def test_long_unpunctuated_text_is_fast_and_undefined_with_reason():
    """6,000 words without a full stop are one 'sentence' (a segmentation failure): not scored, in well under 1 s."""
    doc = _doc(" ".join(["the war did not end and peace is good"] * 667))
    assert len(doc.sentences) == 1
    start = time.perf_counter()
    res = FAMILIES["sentiment"](doc, Settings())
    assert time.perf_counter() - start < 1.0
    values = {(m.metric, m.target): m for m in res.measurements}
    assert values[("n_scored_sentences", "")].value == 0 == n_scored_sentences(doc)
    m = values[("mean_compound", "")]
    assert math.isnan(m.value) and m.note.startswith("no sentence scored")
    assert "6003 words" in res.evidence[0].cue


def test_too_long_headline_is_undefined_with_reason():
    res = FAMILIES["sentiment"](_doc(FIVE, title=_long(260)), Settings())
    m = _values(res, "headline_compound")[""]
    assert math.isnan(m.value) and m.note.startswith("not scored: 260 words")


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


def test_vader_words_equal_sentitext():
    """VaderWords splits, strips and flags capitals exactly as vaderSentiment's SentiText (tricky strings: emoticons,
    two-letter remains, all capitals, one word, empty, only punctuation; then every sentence of 40 real articles)."""
    from vaderSentiment.vaderSentiment import SentiText

    from analysis.metrics.sentiment import VaderWords

    texts = [*RULE_SENTENCES, "", "   ", "!!!", ":-) ;) <3 :D", "'ok' \"no\" (yes)", "US UK EU", "GREAT", "a",
             "Hello WORLD", "...wow... --hey-- x.", "“Quoted” ‘single’ «guillemets»", "ALL CAPS HERE"]
    if DEV_CORPUS.is_file():
        import gzip
        import json

        with gzip.open(DEV_CORPUS, "rt", encoding="utf-8") as fh:
            for line, _ in zip(fh, range(40), strict=False):
                texts += json.loads(line)["text"].split("\n")
    for text in texts:
        ours, theirs = VaderWords(text), SentiText(text)
        assert ours.words_and_emoticons == theirs.words_and_emoticons, text
        assert ours.is_cap_diff is theirs.is_cap_diff, text
