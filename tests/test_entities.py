"""Entity emphasis metrics: values worked by hand on a short text and on the seeds."""

import math
import warnings
from pathlib import Path

import pytest

from analysis.corpus import load_corpus
from analysis.metrics import FAMILIES
from analysis.metrics.base import Settings
from analysis.metrics.entities import compute_entities, prominence
from analysis.model import Article
from analysis.parse import parse_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
UPI = "002_3725b521bb5f0d30"

# One sentence per line, so each line is a paragraph and the lead is line 1.
# Words: 7 + 7 + 4 + 3 = 21. Mentions: North Korea (s0), Pyongyang -> North Korea (s1),
# Seoul -> South Korea (s2), Moscow -> Russia (s3): 4 in all.
SHORT = ("North Korea fired a missile on Monday.\n"
         "Pyongyang said the test was a success.\n"
         "Seoul condemned the launch.\n"
         "Moscow stayed silent.")


def _values(result):
    return {(m.metric, m.target): m for m in result.measurements}


@pytest.fixture(scope="module")
def short():
    doc = parse_article(Article("t", SHORT, title="North Korea tests missile"))
    return doc, _values(compute_entities(doc, Settings()))


def test_registered():
    assert FAMILIES["entities"] is compute_entities


def test_short_text_counts_by_hand(short):
    doc, v = short
    assert doc.n_words == 21 and doc.n_sentences == 4
    assert v[("n_actors", "")].value == 3
    assert v[("n_actor_mentions", "")].value == 4
    assert v[("mentions", "North Korea")].value == 2
    assert v[("mentions_per_1000_words", "North Korea")].value == pytest.approx(1000 * 2 / 21)  # 95.238
    assert v[("mentions_per_1000_words", "Russia")].value == pytest.approx(1000 / 21)  # 47.619
    assert v[("share_of_mentions", "North Korea")].value == pytest.approx(0.5)
    assert v[("share_of_sentences", "North Korea")].value == pytest.approx(0.5)
    assert v[("share_of_sentences", "South Korea")].value == pytest.approx(0.25)


def test_short_text_positions_by_hand(short):
    _, v = short
    assert v[("first_mention_sentence", "North Korea")].value == 0
    assert v[("first_mention_sentence", "Russia")].value == 3
    assert v[("first_mention_position", "Russia")].value == pytest.approx(3 / 4)
    assert v[("in_lead", "North Korea")].value == 1
    assert v[("in_lead", "South Korea")].value == 0
    assert v[("in_headline", "North Korea")].value == 1
    assert v[("in_headline", "Russia")].value == 0
    # h + Σ(1 − s/S): North Korea in the headline (h = 1), at s = 0 and 1 of S = 4 -> 1 + 1 + 0.75
    assert v[("prominence", "North Korea")].value == pytest.approx(2.75)
    assert v[("prominence", "Russia")].value == pytest.approx(0.25)


def test_prominence_rewards_earlier_and_more_mentions():
    assert prominence([0], 10) > prominence([5], 10) > prominence([9], 10)
    assert prominence([3, 4], 10) > prominence([3], 10)
    assert prominence([], 10) == 0


def test_headline_counts_once_as_a_first_sentence_mention():
    # h = 1 when the headline names the actor: as much as one more mention in the first sentence
    assert prominence([3], 10, in_headline=True) == pytest.approx(prominence([0, 3], 10)) == pytest.approx(1.7)
    assert prominence([], 10, in_headline=True) == 1


def test_evidence_one_row_per_mention(short):
    doc, _ = short
    out = compute_entities(doc, Settings())
    body = [e for e in out.evidence if e.metric == "mentions"]
    assert len(body) == 4
    e = next(e for e in body if e.sentence_index == 1)
    assert (e.target, e.start, e.end, e.text) == ("North Korea", doc.sentences[1].start,
                                                  doc.sentences[1].start + 9, doc.sentences[1].text)
    assert e.cue == "Pyongyang → North Korea (alias)"
    # a surface that is the actor's name as printed is not written twice: the cue is the rule alone
    same = [e for e in body if doc.body[e.start:e.end] == e.target]
    assert same and all(e.cue.startswith("(") and e.cue.endswith(")") and "→" not in e.cue for e in same)
    head = [e for e in out.evidence if e.sentence_index == -1]
    assert [(e.metric, e.target, e.start, e.end) for e in head] == [("in_headline", "North Korea", 0, 11)]


def test_actors_record_table(short):
    doc, _ = short
    rows = {r["actor"]: r for r in compute_entities(doc, Settings()).records["actors"]}
    assert rows["North Korea"] == {"actor": "North Korea", "kind": "country", "ner_type": "GPE",
                                   "source_type": "government official", "part_of": "",
                                   "surfaces": "North Korea;Pyongyang", "mentions": 2, "listed": True, "note": "",
                                   "name_in_article": "North Korea", "titles": ""}  # a country has no titles
    assert set(rows) == {"North Korea", "South Korea", "Russia"}


def test_no_headline_gives_nan_with_reason():
    doc = parse_article(Article("t", SHORT))
    v = _values(compute_entities(doc, Settings()))
    m = v[("in_headline", "North Korea")]
    assert math.isnan(m.value) and m.note == "the article has no headline"


def test_headline_only_actor():
    doc = parse_article(Article("t", "The talks ended.", title="Putin and Kim Jong Un meet"))
    v = _values(compute_entities(doc, Settings()))
    assert v[("n_actors", "")].value == 0
    assert v[("in_headline", "Kim Jong Un")].value == 1
    assert v[("mentions", "Kim Jong Un")].value == 0
    m = v[("first_mention_sentence", "Kim Jong Un")]
    assert math.isnan(m.value) and "only in the headline" in m.note


def test_no_actors_gives_zero_counts():
    doc = parse_article(Article("t", "The weather was fine."))
    out = compute_entities(doc, Settings())
    assert [(m.metric, m.value) for m in out.measurements] == [("n_actors", 0.0), ("n_actor_mentions", 0.0)]
    assert out.records["actors"] == [] and out.evidence == []


def test_empty_input_nan_with_reason_and_no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = parse_article(Article("t", ""))
        out = compute_entities(doc, Settings())
    assert out.measurements and all(math.isnan(m.value) and m.note for m in out.measurements)
    assert out.evidence == []


def test_upi_seed_values_by_hand():
    doc = parse_article(next(a for a in load_corpus(SEEDS) if a.article_id == UPI))
    v = _values(compute_entities(doc, Settings()))
    assert doc.n_sentences == 14
    assert v[("n_actor_mentions", "")].value == 31
    assert v[("n_actors", "")].value == 16
    # Andrey Rudenko: s7 (title) and s8 ("Rudenko said"); S = 14
    assert v[("mentions", "Andrey Rudenko")].value == 2
    assert v[("first_mention_sentence", "Andrey Rudenko")].value == 7
    assert v[("first_mention_position", "Andrey Rudenko")].value == pytest.approx(7 / 14)
    assert v[("prominence", "Andrey Rudenko")].value == pytest.approx((1 - 7 / 14) + (1 - 8 / 14))
    assert v[("in_lead", "Andrey Rudenko")].value == 0
    # North Korea: s0 twice, s12, s13 -> 3 of 14 sentences (s2 "a state visit to Pyongyang" is the city)
    assert v[("mentions", "North Korea")].value == 4
    assert v[("share_of_sentences", "North Korea")].value == pytest.approx(3 / 14)
    assert v[("prominence", "North Korea")].value == pytest.approx(2 + (1 - 12 / 14) + (1 - 13 / 14))
    assert v[("mentions_per_1000_words", "North Korea")].value == pytest.approx(4000 / doc.n_words)
    assert v[("share_of_mentions", "Russia")].value == pytest.approx(6 / 31)
    assert v[("in_lead", "Russia")].value == 1
    # South Korea: s7 "the United States and South Korea", s13 "Seoul’s military intelligence"
    assert v[("prominence", "South Korea")].value == pytest.approx((1 - 7 / 14) + (1 - 13 / 14))


def test_upi_place_uses_record_table():
    doc = parse_article(next(a for a in load_corpus(SEEDS) if a.article_id == UPI))
    out = compute_entities(doc, Settings())
    s2 = doc.sentences[2]
    start = s2.start + s2.text.index("Pyongyang")
    s9 = doc.sentences[9]  # "… massing in the Kursk region of southwest Russia": a city of the gazetteer, as a place
    k9 = s9.start + s9.text.index("Kursk")
    assert out.records["actor_places"] == [{"actor": "North Korea", "kind": "city", "ner_type": "GPE",
                                            "sentence_index": 2, "start": start,
                                            "end": start + 9, "surface": "Pyongyang",
                                            "rule": "place after 'visit to'"},
                                           {"actor": "Kursk", "kind": "city", "ner_type": "GPE", "sentence_index": 9,
                                            "start": k9, "end": k9 + 5, "surface": "Kursk", "rule": "place after 'in'"}]
    assert not any(e.sentence_index == 2 and e.target == "North Korea" for e in out.evidence)


def test_no_place_uses_empty_place_table(short):
    doc, _ = short
    assert compute_entities(doc, Settings()).records["actor_places"] == []


def test_rewrite_south_korea_by_hand():
    doc = parse_article(next(a for a in load_corpus(SEEDS) if a.article_id.startswith("000_")))
    v = _values(compute_entities(doc, Settings()))
    assert doc.n_sentences == 16
    # South Korea in s1, s6, s9, s12, s15 (the last two possessives: "South Korea’s Unification Ministry",
    # "South Korea’s intelligence agency"); Σ(1 − s/16) = 5 − 43/16
    assert v[("mentions", "South Korea")].value == 5
    assert v[("share_of_sentences", "South Korea")].value == pytest.approx(5 / 16)
    assert v[("prominence", "South Korea")].value == pytest.approx(5 - 43 / 16)
    assert v[("n_actor_mentions", "")].value == 39


def test_may_after_a_given_name_is_part_of_the_name():
    # BBC E5pZc1o2iOC9qLx5: "Theresa May" is one person; "May 5" stays a date
    from analysis.entities import analyse_actors
    from analysis.metrics.base import Settings
    from analysis.model import Article
    from analysis.parse import parse_article

    def actors(text: str) -> set[str]:
        return {m.actor for m in analyse_actors(parse_article(Article("t", text)), Settings()).mentions}

    assert actors("Theresa May called the attack sickening.") == {"Theresa May"}
    assert "Theresa" not in actors("Prime Minister Theresa May said the attack was sickening.")
    assert not any("May" in a for a in actors("The Senate voted in May. Senator Chuck Grassley spoke on May 5."))
