"""Lexical tone near each actor by voice: VADER on hand-selected sentence pieces, and the seeds."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import analysis.metrics  # noqa: F401  (registers families before the sourcing modules are imported)
from analysis.corpus import load_corpus
from analysis.metrics.base import Settings
from analysis.model import Article, ParsedArticle
from analysis.parse import parse_article
from analysis.sourcing.actor_tone import actor_tone_result, sentence_voices

SIA = SentimentIntensityAnalyzer()


def vader(text: str) -> float:
    return SIA.polarity_scores(text)["compound"]


@dataclass(frozen=True)
class Mention:
    """Stand-in for analysis.entities.ActorMention (only the fields actor_tone reads)."""

    actor: str
    sentence_index: int


def values(result, metric: str) -> dict[str, float]:
    return {m.target: m.value for m in result.measurements if m.metric == metric}


TEXT = "Russia praised the wonderful deal. “Russia is a terrible aggressor,” Ukraine said."


@pytest.fixture
def example():
    doc = parse_article(Article("t", TEXT))
    spans = [(TEXT.index("Russia is"), TEXT.index("”"))]
    mentions = [Mention("Russia", 0), Mention("Russia", 1), Mention("Ukraine", 1)]
    return doc, spans, mentions


def test_sentence_cut_into_voices(example) -> None:
    doc, spans, _ = example
    assert sentence_voices(doc.sentences[1], spans) == {"journalist": "Ukraine said.",
                                                       "quoted": "Russia is a terrible aggressor,"}
    assert sentence_voices(doc.sentences[0], spans) == {"journalist": "Russia praised the wonderful deal.",
                                                       "quoted": ""}


def test_tone_equals_vader_on_hand_selected_pieces(example) -> None:
    doc, spans, mentions = example
    res = actor_tone_result(doc, Settings(), mentions=mentions, spans=spans, score=SIA.polarity_scores)
    j, q = values(res, "actor_tone_journalist"), values(res, "actor_tone_quoted")
    assert j["Russia"] == pytest.approx((vader("Russia praised the wonderful deal.") + vader("Ukraine said.")) / 2)
    assert q["Russia"] == pytest.approx(vader("Russia is a terrible aggressor,"))
    assert j["Ukraine"] == pytest.approx(vader("Ukraine said."))
    assert q["Ukraine"] == pytest.approx(vader("Russia is a terrible aggressor,"))
    n_j, n_q = values(res, "n_actor_tone_sentences_journalist"), values(res, "n_actor_tone_sentences_quoted")
    assert (n_j["Russia"], n_q["Russia"], n_j["Ukraine"], n_q["Ukraine"]) == (2, 1, 1, 1)
    # evidence: one row per scored piece, under the actor-tone metrics (lexical tone near the actor)
    assert len(res.evidence) == 5
    assert all(e.metric.startswith("actor_tone_") and e.cue.startswith("VADER ") for e in res.evidence)
    assert len(res.records["actor_tone"]) == 5
    # the cue says which words were scored instead of repeating them (they are the records' text)
    cues = {(e.metric, e.target, e.sentence_index): e.cue for e in res.evidence}
    assert cues[("actor_tone_journalist", "Russia", 0)] == (
        f"VADER {vader('Russia praised the wonderful deal.'):+.4f}, the sentence")
    assert cues[("actor_tone_journalist", "Ukraine", 1)].endswith(", the sentence outside direct quotes")
    assert cues[("actor_tone_quoted", "Ukraine", 1)].endswith(", its direct quotes")
    assert [r["text"] for r in res.records["actor_tone"] if r["sentence_index"] == 1][:2] == [
        "Ukraine said.", "Russia is a terrible aggressor,"]


def test_direction_positive_words_score_higher(example) -> None:
    doc, spans, mentions = example
    q = values(actor_tone_result(doc, Settings(), mentions=mentions, spans=spans, score=SIA.polarity_scores),
               "actor_tone_quoted")
    j = values(actor_tone_result(doc, Settings(), mentions=mentions, spans=spans, score=SIA.polarity_scores),
               "actor_tone_journalist")
    assert j["Russia"] > 0 > q["Russia"]  # "wonderful" vs "terrible"


def test_voice_without_text_is_nan_with_reason() -> None:
    doc = parse_article(Article("t", "Russia praised the deal."))
    res = actor_tone_result(doc, Settings(), mentions=[Mention("Russia", 0)], spans=[], score=SIA.polarity_scores)
    [m] = [m for m in res.measurements if m.metric == "actor_tone_quoted"]
    assert math.isnan(m.value) and m.note == "no sentence mentioning Russia has quoted text"


def test_empty_input_no_rows_no_warnings() -> None:
    doc = parse_article(Article("t", ""))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = actor_tone_result(doc, Settings(), mentions=[], spans=[], score=SIA.polarity_scores)
    assert res.measurements == [] and res.evidence == []


def test_headline_mentions_are_not_used() -> None:
    doc = parse_article(Article("t", "Talks went on.", title="Russia wins"))
    res = actor_tone_result(doc, Settings(), mentions=[Mention("Russia", -1)], spans=[], score=SIA.polarity_scores)
    assert res.measurements == []


def test_seed_000_north_korea_with_the_real_modules() -> None:
    # 000 prints no quotation marks. By hand, North Korea (the state; "North Korean" is a demonym,
    # not a mention) is named in sentences 0, 1, 5, 6, 8, 12, 13, 14 and 15.
    doc = {a.article_id: parse_article(a) for a in load_corpus("seeds")}["000_dc77826089423d0b"]
    res = actor_tone_result(doc, Settings())
    expected = sum(vader(doc.sentences[i].text) for i in (0, 1, 5, 6, 8, 12, 13, 14, 15)) / 9
    assert values(res, "actor_tone_journalist")["North Korea"] == pytest.approx(expected)
    assert math.isnan(values(res, "actor_tone_quoted")["North Korea"])


def test_seed_002_rudenko_quote_is_quoted_voice() -> None:
    # s8: U.S. policy “involves flooding [the Korean Peninsula] with weapons, …,” Rudenko said.
    doc = {a.article_id: parse_article(a) for a in load_corpus("seeds")}["002_3725b521bb5f0d30"]
    res = actor_tone_result(doc, Settings())
    pieces = {(r["sentence_index"], r["voice"]): r["text"] for r in res.records["actor_tone"]
              if r["actor"] == "Andrey Rudenko"}
    assert pieces[(8, "journalist")] == "U.S. policy Rudenko said."
    assert pieces[(8, "quoted")].startswith("involves flooding [the Korean Peninsula] with weapons")
    rows = [r for r in res.records["actor_tone"] if r["actor"] == "Andrey Rudenko" and r["sentence_index"] == 8]
    assert all(r["compound"] == pytest.approx(vader(r["text"])) for r in rows)


def test_sentence_without_quotes_reuses_the_sentiment_familys_score(monkeypatch: pytest.MonkeyPatch) -> None:
    # the journalist piece of a sentence without quoted text IS the sentence: when the sentiment family has
    # scored the article (analysis.metrics.sentiment.sentence_scores, cached on the doc), its score is read
    # from there, not from a second VADER run; without it, only that sentence is scored (not every sentence)
    from analysis.metrics import sentiment
    from analysis.metrics.sentiment import score_text, sentence_scores

    text = "Russia praised the treaty. North Korea said “we are proud.” The talks ended."
    mentions = [type("M", (), {"actor": "Russia", "sentence_index": 0})(),
                type("M", (), {"actor": "North Korea", "sentence_index": 1})()]
    scored: list[str] = []
    monkeypatch.setattr(sentiment, "score_text", lambda t: scored.append(t) or score_text(t))

    def pieces_of(doc: ParsedArticle) -> dict[tuple[str, str], float]:
        res = actor_tone_result(doc, Settings(), mentions=mentions, spans=[(doc.body.index("we"),
                                                                            doc.body.index("”"))])
        return {(p["actor"], p["voice"]): p["compound"] for p in res.records["actor_tone"]}

    doc = parse_article(Article("t", text))
    assert doc.n_sentences == 3
    alone = pieces_of(doc)
    assert "vader_sentences" not in doc.cache  # the family alone: the third sentence, no actor's, is not scored
    assert sorted(scored) == ["North Korea said", "Russia praised the treaty.", "we are proud."]
    shared = parse_article(Article("t", text))
    sentence_scores(shared)  # what the sentiment family computes first
    scored.clear()
    assert pieces_of(shared) == alone
    assert sorted(scored) == ["North Korea said", "we are proud."]  # the whole sentence: read from the cache
    assert alone[("Russia", "journalist")] == sentence_scores(shared)[0]["compound"] == score_text(
        "Russia praised the treaty.")["compound"]
    assert alone[("North Korea", "journalist")] == score_text("North Korea said")["compound"]


def test_over_long_quoted_piece_is_not_scored() -> None:
    # a 300-word quoted span (over the sentiment family's 250-word cap) gives no quoted piece;
    # the short journalist part of the same sentence is still scored
    quote = " ".join(["war"] * 300)
    doc = parse_article(Article("x", f"Russia said: “{quote}.”"))
    res = actor_tone_result(doc, Settings())
    values = {(m.metric, m.target): m for m in res.measurements}
    assert math.isnan(values[("actor_tone_quoted", "Russia")].value)
    assert values[("n_actor_tone_sentences_quoted", "Russia")].value == 0
    assert values[("n_actor_tone_sentences_journalist", "Russia")].value == 1
