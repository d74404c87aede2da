"""Hedges, boosters and evidentials per 1,000 words by voice: hand counts on short texts and the seeds."""

from __future__ import annotations

import math
import warnings

import pytest

import analysis.metrics  # noqa: F401  (registers families before the sourcing modules are imported)
from analysis.corpus import load_corpus
from analysis.metrics.base import Settings
from analysis.model import Article
from analysis.parse import parse_article
from analysis.sourcing.hedges import find_hedges, hedge_result, load_hedge_lexicon, voice_word_counts


def doc_of(text: str):
    return parse_article(Article("t", text))


def values(result, metric: str) -> dict[str, float]:
    return {m.target: m.value for m in result.measurements if m.metric == metric}


def test_lexicon_has_header_and_categories() -> None:
    lex = load_hedge_lexicon()
    assert lex.name == "hedges"
    assert set(lex.categories) == {"modal", "epistemic_verb", "adverb", "epistemic_adjective", "evidential",
                                   "approximator", "booster"}
    assert "booster" not in lex.in_total


def test_rates_per_1000_words_by_hand() -> None:
    # 12 words: Officials may have sent about 200 troops | They clearly talked about it
    # cues: may (modal), about before 200 (approximator), clearly (booster); "about it" is not a hedge
    doc = doc_of("Officials may have sent about 200 troops. They clearly talked about it.")
    assert doc.n_words == 12
    res = hedge_result(doc, Settings(), spans=[])
    n, rate = values(res, "n_hedges"), values(res, "hedge_rate")
    assert n["journalist:modal"] == 1
    assert n["journalist:approximator"] == 1
    assert n["journalist:booster"] == 1
    assert n["journalist:all"] == 2  # boosters are not hedges and stay out of the total
    assert rate["journalist:all"] == pytest.approx(2 / 12 * 1000)  # 166.67
    assert rate["journalist:booster"] == pytest.approx(1 / 12 * 1000)
    assert rate["journalist:evidential"] == 0.0
    assert math.isnan(rate["quoted:all"]) and "no quoted text" in next(
        m.note for m in res.measurements if m.metric == "hedge_rate" and m.target == "quoted:all")
    cues = sorted(e.cue for e in res.evidence)
    assert cues == ["approximator: about (journalist)", "booster: clearly (journalist)", "modal: may (journalist)"]


def test_voice_split_with_a_quote() -> None:
    text = "The minister said: “We may win.” Troops could retreat."
    doc = doc_of(text)
    start = text.index("We may")
    spans = [(start, text.index("”"))]
    # words: The minister said We may win Troops could retreat = 9; quoted: We may win = 3
    assert voice_word_counts(doc, spans) == {"journalist": 6, "quoted": 3}
    res = hedge_result(doc, Settings(), spans=spans)
    n, rate = values(res, "n_hedges"), values(res, "hedge_rate")
    assert n["quoted:modal"] == 1 and n["journalist:modal"] == 1
    assert rate["quoted:modal"] == pytest.approx(1000 / 3)
    assert rate["journalist:modal"] == pytest.approx(1000 / 6)
    voices = {m.text: m.voice for m in find_hedges(doc, spans)}
    assert voices == {"may": "quoted", "could": "journalist"}


def test_may_the_month_and_the_name() -> None:
    doc = doc_of("In May, officials said troops may leave. May 5 was quiet. May the best side win. "
                 "Theresa May said nothing.")
    found = [(m.sentence_index, m.text) for m in find_hedges(doc) if m.category == "modal"]
    assert found == [(0, "may"), (2, "May")]


@pytest.mark.parametrize(("text", "expected"), [
    ("They talked about it.", []),
    ("About 5,000 people fled.", ["About"]),
    ("Some officials left.", []),
    ("Some 300 officials left.", ["Some"]),
    ("It flew over the city.", []),
    ("It fired over 13,000 shells.", ["over"]),
    ("It lasted nearly three years.", ["nearly"]),
    ("An estimated 40 people died.", ["An estimated"]),
])
def test_approximators_only_before_a_number(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_hedges(doc_of(text)) if m.category == "approximator"] == expected


def test_longest_entry_wins_and_multiword_entries() -> None:
    doc = doc_of("The claim could not be independently verified. It intercepted what it claims are radio calls. "
                 "In fact, the deal is, according to officials, reportedly done.")
    found = [(m.category, m.text) for m in find_hedges(doc)]
    assert found == [
        ("evidential", "could not be independently verified"),
        ("evidential", "what it claims are"),
        ("booster", "In fact"),
        ("evidential", "according to"),
        ("evidential", "reportedly"),
    ]


def test_word_boundaries() -> None:
    # "mayor", "couldn't"-like stems and "likelihood" must not match "may", "could", "likely"
    doc = doc_of("The mayor spoke of the likelihood of talks. Apparently it rained.")
    assert [(m.category, m.text) for m in find_hedges(doc)] == [("adverb", "Apparently")]


def test_empty_input_is_nan_with_reason_and_no_warnings() -> None:
    doc = doc_of("")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = hedge_result(doc, Settings(), spans=[])
    rates = [m for m in res.measurements if m.metric == "hedge_rate"]
    assert rates and all(math.isnan(m.value) and m.note for m in rates)
    assert all(m.value == 0 for m in res.measurements if m.metric == "n_hedges")


def test_direction_more_hedges_give_higher_rate() -> None:
    plain = hedge_result(doc_of("Troops left the city on Monday after talks."), Settings(), spans=[])
    hedged = hedge_result(doc_of("Troops may have possibly left the city, reportedly after talks."), Settings(),
                          spans=[])
    assert values(hedged, "hedge_rate")["journalist:all"] > values(plain, "hedge_rate")["journalist:all"] == 0


def test_seed_000_counts_by_hand() -> None:
    # 000 prints no quotation marks, so everything is the journalist's voice (396 words).
    # Hand count: s0 "as reported by", s4 "according to", s6 "as noted by", s8 "suggest", "may",
    # "indicate", "could", s9 "estimate", "as many as", s11 "nearly", s12 "potential" (an adjective:
    # "the potential exchange"), s13 "could", s15 "According to", "over" = 14.
    # "officially endorsed" (s0) is not a booster by our definition.
    doc = {a.article_id: parse_article(a) for a in load_corpus("seeds")}["000_dc77826089423d0b"]
    res = hedge_result(doc, Settings(), spans=[])
    n, rate = values(res, "n_hedges"), values(res, "hedge_rate")
    assert doc.n_words == 396
    assert n["journalist:modal"] == 3
    assert n["journalist:epistemic_verb"] == 3
    assert n["journalist:evidential"] == 4
    assert n["journalist:approximator"] == 3
    assert n["journalist:adverb"] == 0
    assert n["journalist:epistemic_adjective"] == 1
    assert n["journalist:booster"] == 0
    assert n["journalist:all"] == 14
    assert rate["journalist:all"] == pytest.approx(14 / 396 * 1000)  # 35.4 per 1,000 words
    assert math.isnan(rate["quoted:all"])


@pytest.mark.parametrize(("text", "expected"), [
    ("The ministry approved it, as reported by state media.", [("evidential", "as reported by")]),
    ("Kim can ratify pacts alone, as noted by the ministry.", [("evidential", "as noted by")]),
    ("The Times, citing officials, reported that troops moved.", [("evidential", "citing")]),
    ("They fear the potential exchange of technology.", [("epistemic_adjective", "potential")]),
    ("A possible attack is likely, and potentially soon.",
     [("epistemic_adjective", "possible"), ("epistemic_adjective", "likely"), ("adverb", "potentially")]),
    ("As he reported, troops moved.", []),  # "as reported by" needs its "by"
])
def test_evidential_phrases_and_epistemic_adjectives(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.category, m.text) for m in find_hedges(doc_of(text))] == expected


def test_seed_002_evidentials_include_what_it_claims_are() -> None:
    doc = {a.article_id: parse_article(a) for a in load_corpus("seeds")}["002_3725b521bb5f0d30"]
    found = [(m.sentence_index, m.category, m.text) for m in find_hedges(doc)]
    assert (10, "evidential", "what it claims are") in found
    assert (9, "approximator", "around") in found
    assert (12, "modal", "may") in found


def test_seed_002_voice_split_with_the_real_quote_finder() -> None:
    # Direct quotes in 002, words counted by hand: s4 49, s5 20, s6 17, s7 9, s8 24 = 119 of 412.
    # The scare quote “comprehensive strategic partnership” (s1) is not speech: journalist's voice.
    pytest.importorskip("analysis.sourcing.quotes")
    doc = {a.article_id: parse_article(a) for a in load_corpus("seeds")}["002_3725b521bb5f0d30"]
    res = hedge_result(doc, Settings())
    n, rate = values(res, "n_hedges"), values(res, "hedge_rate")
    assert values(res, "n_voice_words") == {"journalist": 293, "quoted": 119}
    # journalist: according to (s7), around (s9), what it claims are (s10), citing (s11), may (s12),
    # could (s13)
    assert n["journalist:all"] == 6 and n["quoted:all"] == 0
    assert n["journalist:evidential"] == 3
    assert rate["journalist:all"] == pytest.approx(6 / 293 * 1000)  # 20.5 per 1,000 words
    assert rate["quoted:all"] == 0.0


def test_user_hedges_file_adds_exactly_the_hand_counted_cues(tmp_path) -> None:
    from analysis.lexicons import bundled_path

    # bundled: one cue, "could" (modal). The user file adds "reckon" and its forms as an epistemic
    # verb: "reckon" (s0) and "reckoned" (s1), two more; 6 + 4 = 10 words, no quotes.
    text = "Officials reckon the talks could fail. Analysts reckoned so too."
    bundled = bundled_path("hedges.yaml").read_text(encoding="utf-8")
    line = "      - doubt|doubts|doubted|doubting\n"
    assert line in bundled
    user = tmp_path / "my_hedges.yaml"
    user.write_text(bundled.replace(line, line + "      - reckon|reckons|reckoned|reckoning\n", 1), encoding="utf-8")
    doc = doc_of(text)
    assert doc.n_words == 10
    before = hedge_result(doc, Settings(), spans=[])
    after = hedge_result(doc, Settings(hedges_file=user), spans=[])
    assert values(before, "n_hedges")["journalist:all"] == 1
    assert values(after, "n_hedges")["journalist:all"] == 3
    assert values(after, "n_hedges")["journalist:epistemic_verb"] == 2
    assert values(after, "hedge_rate")["journalist:all"] == pytest.approx(300.0)  # 1000 · 3 / 10
    assert [r["text"] for r in after.records["hedges"]] == ["reckon", "could", "reckoned"]


def test_user_hedges_file_also_gives_the_claims_approximators(tmp_path) -> None:
    from analysis.lexicons import bundled_path
    from analysis.sourcing.claims import find_claims

    bundled = bundled_path("hedges.yaml").read_text(encoding="utf-8")
    line = "      - an estimated\n"  # the last approximator entry
    assert line in bundled
    user = tmp_path / "my_hedges.yaml"
    user.write_text(bundled.replace(line, line + "      - in excess of\n", 1), encoding="utf-8")
    text = "In excess of 300 soldiers were wounded."
    (plain,) = find_claims(doc_of(text), Settings())
    (with_user,) = find_claims(doc_of(text), Settings(hedges_file=user))
    assert (plain.approximator, plain.surface) == ("", "300 soldiers")
    assert (with_user.approximator, with_user.surface) == ("in excess of", "In excess of 300 soldiers")
    assert values(hedge_result(doc_of(text), Settings(hedges_file=user), spans=[]), "n_hedges")["journalist:all"] == 1


def test_edited_hedges_file_is_recompiled_like_load_lexicon(tmp_path) -> None:
    # load_lexicon caches per path and modification time; the compiled hedges and claim rules follow it
    import os

    from analysis.lexicons import bundled_path
    from analysis.sourcing.claims import load_claim_rules

    p = tmp_path / "hedges.yaml"
    text = bundled_path("hedges.yaml").read_text(encoding="utf-8")
    p.write_text(text, encoding="utf-8")
    assert "conceivably" not in {e.label for e in load_hedge_lexicon(str(p)).entries}
    n_approx = len(load_claim_rules(hedges=str(p)).approximators)
    p.write_text(text.replace("      - possibly\n", "      - possibly\n      - conceivably\n")
                 .replace("      - as many as\n", "      - as many as\n      - somewhere near\n"), encoding="utf-8")
    st = p.stat()
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert "conceivably" in {e.label for e in load_hedge_lexicon(str(p)).entries}
    assert len(load_claim_rules(hedges=str(p)).approximators) == n_approx + 1
    assert [m.text for m in find_hedges(doc_of("It is conceivably true."), lexicon=load_hedge_lexicon(str(p)))] == [
        "conceivably"]
