"""Source profile and the sourcing family's metrics: hand counts on short texts and on the seeds."""

import math
import warnings
from pathlib import Path

import pytest

from analysis.corpus import load_corpus
from analysis.lexicons import load_lexicon
from analysis.metrics.base import Settings
from analysis.metrics.sourcing import compute_sourcing, stance_verb_share
from analysis.model import Article
from analysis.parse import parse_article
from analysis.sourcing import classify_speaker, find_quotes, is_anonymous, source_profile

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
UPI = "002_3725b521bb5f0d30"
REWRITE = "000_dc77826089423d0b"
MINE = {"n_quotes", "n_direct_quotes", "n_indirect_quotes", "n_according_to", "n_citing", "n_scare_quotes",
        "n_sources", "n_named_sources", "n_anonymous_sources", "sources_by_type", "quoted_word_share",
        "stance_verb_count", "stance_verb_share"}


def _doc(text: str):
    return parse_article(Article("t", text))


def _values(result) -> dict[tuple[str, str], float]:
    return {(m.metric, m.target): m.value for m in result.measurements if m.metric in MINE}


@pytest.fixture(scope="module")
def seeds():
    return {a.article_id: parse_article(a) for a in load_corpus(SEEDS)}


def test_lexicons_have_headers_and_one_line_entries():
    verbs = load_lexicon("reporting_verbs.yaml")
    assert verbs.meta["licence"] and "Gender Gap Tracker" in verbs.meta["source"]
    assert verbs.data["verbs"]["claim"][0] == "distancing"
    assert verbs.data["verbs"]["confirm"][0] == "endorsing"
    assert verbs.data["verbs"]["admit"][0] == "concessive"
    types = load_lexicon("source_types.yaml")
    assert {"intelligence", "state media", "document"} <= set(types.data["types"])


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Seoul’s military intelligence", "intelligence"),
    ("state-run Korean Central News Agency", "state media"),
    ("Russian news agency TASS", "state media"),
    ("The Pentagon", "military"),
    ("The U.N. Charter’s Article 51", "document"),
    ("Analysts", "expert/analyst"),
    ("residents", "witness"),
    ("Jane Doe", "other"),
])
def test_speaker_types_from_cues(phrase, expected):
    assert classify_speaker(phrase) == expected


def test_anonymous_heads():
    assert is_anonymous("South Korean officials") and is_anonymous("Intelligence reports from the U.S.")
    assert not is_anonymous("Ukraine’s military intelligence") and not is_anonymous("The Pentagon")


def test_hand_counts_on_a_short_text():
    # 2 direct quotes by one named speaker, 1 indirect by anonymous officials, 1 scare quote.
    text = ("“We are ready,” the minister said. Officials claimed the talks failed. The so-called “red line” held. "
            "“Talks will go on,” the minister added.")
    doc = _doc(text)
    v = _values(compute_sourcing(doc, Settings()))
    assert v[("n_quotes", "")] == 3 and v[("n_direct_quotes", "")] == 2 and v[("n_indirect_quotes", "")] == 1
    assert v[("n_scare_quotes", "")] == 1
    assert v[("n_sources", "")] == 2 and v[("n_named_sources", "")] == 1 and v[("n_anonymous_sources", "")] == 1
    assert v[("sources_by_type", "government official")] == 2
    # words: We are ready the minister said (6) Officials claimed the talks failed (5) The so-called red
    # line held (5) Talks will go on the minister added (7) = 23; inside direct quotes: 3 + 4 = 7
    assert doc.n_words == 23
    assert v[("quoted_word_share", "")] == pytest.approx(7 / 23)
    # stance verbs: said (neutral), claimed (distancing), added (neutral)
    assert v[("stance_verb_count", "neutral")] == 2 and v[("stance_verb_count", "distancing")] == 1
    assert v[("stance_verb_share", "distancing")] == pytest.approx(1 / 3)


def test_quoting_more_raises_the_quoted_share():
    low = _values(compute_sourcing(_doc("The minister said the talks would go on."), Settings()))
    high = _values(compute_sourcing(_doc("“The talks will go on,” the minister said."), Settings()))
    assert low[("quoted_word_share", "")] == 0
    assert high[("quoted_word_share", "")] > low[("quoted_word_share", "")]


def test_kind_counts_add_up_and_shares_sum_to_one(seeds):
    for doc in seeds.values():
        v = _values(compute_sourcing(doc, Settings()))
        kinds = sum(v[(k, "")] for k in ("n_direct_quotes", "n_indirect_quotes", "n_according_to", "n_citing"))
        assert kinds == v[("n_quotes", "")]
        assert v[("n_named_sources", "")] + v[("n_anonymous_sources", "")] == v[("n_sources", "")]
        assert sum(n for (m, _), n in v.items() if m == "sources_by_type") == v[("n_sources", "")]
        assert sum(n for (m, _), n in v.items() if m == "stance_verb_share") == pytest.approx(1.0)


def test_upi_seed_profile_counted_by_hand(seeds):
    doc = seeds[UPI]
    v = _values(compute_sourcing(doc, Settings()))
    # see tests/test_quotes.py UPI_QUOTES: 4 direct, 8 indirect (one of them the mixed quote of s7),
    # 1 according to, 1 citing
    assert [v[(m, "")] for m in ("n_quotes", "n_direct_quotes", "n_indirect_quotes", "n_according_to",
                                 "n_citing", "n_scare_quotes")] == [14, 4, 8, 1, 1, 1]
    # 12 sources: state media, KCNA, the treaty ("the agreement" s4 and "The pact" s6 are the same
    # document), the Charter's Article 51, Rudenko, TASS, Pentagon, Ukraine's military intelligence,
    # NYT, U.S. and Ukrainian officials, South Korean officials, Seoul's military intelligence;
    # anonymous: state media and the two "officials"
    assert (v[("n_sources", "")], v[("n_named_sources", "")], v[("n_anonymous_sources", "")]) == (12, 9, 3)
    by_type = {t: n for (m, t), n in v.items() if m == "sources_by_type"}
    assert by_type == {"government official": 3, "state media": 3, "intelligence": 2, "military": 1,
                       "expert/analyst": 0, "other media": 1, "document": 2, "witness": 0, "other": 0}
    # words inside direct quotes counted by hand: 49 (treaty) + 20 (Article 51) + 17 (pact)
    # + 9 (Rudenko, the quoted part of the mixed quote) + 24 (Rudenko) = 119, of 412 body words
    assert doc.n_words == 412
    assert v[("quoted_word_share", "")] == pytest.approx(119 / 412)
    assert v[("stance_verb_count", "neutral")] == 11
    assert v[("stance_verb_count", "distancing")] == 1 and v[("stance_verb_count", "endorsing")] == 1


def test_rewrite_seed_profile_counted_by_hand(seeds):
    v = _values(compute_sourcing(seeds[REWRITE], Settings()))
    assert (v[("n_quotes", "")], v[("n_direct_quotes", "")], v[("n_indirect_quotes", "")],
            v[("n_according_to", "")]) == (9, 0, 7, 2)
    assert (v[("n_sources", "")], v[("n_named_sources", "")], v[("n_anonymous_sources", "")]) == (9, 5, 4)
    assert v[("quoted_word_share", "")] == 0


def test_sources_table_groups_quotes_by_speaker(seeds):
    sources = {s.speaker: s for s in source_profile(find_quotes(seeds[UPI]))}
    rudenko = sources["Andrey Rudenko"]
    # s7 (mixed: indirect with a partial direct quote) and s8 (direct)
    assert (rudenko.n_quotes, rudenko.n_direct, rudenko.n_indirect, rudenko.first_sentence_index) == (2, 1, 1, 7)
    assert rudenko.speaker_type == "government official" and rudenko.named
    treaty = sources["treaty"]  # "the agreement states" (s4) and "The pact also promises" (s6)
    assert (treaty.n_quotes, treaty.n_direct, treaty.speaker_type, treaty.surfaces) == (
        2, 2, "document", "the agreement; The pact")
    assert "The U.N. Charter’s Article 51" in sources  # a charter is another document


def test_same_kind_of_instrument_is_one_document_source_charter_is_not():
    doc = _doc("“Each side shall help the other,” the agreement states.\nThe accord also promises “more trade.”\n"
               "The charter stipulates “self-defense if an armed attack occurs.”\n"
               "The treaties also promise “more trade and more aid.”")
    sources = {s.speaker: s for s in source_profile(find_quotes(doc))}
    assert sources["treaty"].n_quotes == 2 and sources["treaty"].surfaces == "the agreement; The accord"
    assert "The charter" in sources  # not merged with the treaty
    assert "The treaties" in sources  # plural: several documents, not merged


def test_family_evidence_and_records(seeds):
    res = compute_sourcing(seeds[UPI], Settings())
    quote_rows = [e for e in res.evidence if e.metric == "quote"]
    assert len(quote_rows) == 14  # each quote lies in one sentence
    pentagon = next(e for e in quote_rows if e.target == "Pentagon")
    assert pentagon.cue == "indirect; confirm (endorsing); military; named"
    assert pentagon.sentence_index == 9 and seeds[UPI].body[pentagon.start:pentagon.end].startswith("around 10,000")
    assert len(res.records["quotes"]) == 14 and {"kind", "speaker", "negated", "start", "end"} <= set(
        res.records["quotes"][0])
    assert len(res.records["sources"]) == 12
    mixed = next(e for e in quote_rows if e.target == "Andrey Rudenko" and e.sentence_index == 7)
    assert mixed.cue.startswith("indirect (mixed: holds a partial direct quote); say (neutral)")


def test_quote_over_three_sentences_gives_one_evidence_row_per_sentence_inside_it():
    # by hand: the quote runs over three sentences; each row's offsets must lie inside its own sentence
    text = "“We will stay. We will fight. We will win,” the minister said."
    doc = _doc(text)
    assert doc.n_sentences == 3
    res = compute_sourcing(doc, Settings())
    rows = [e for e in res.evidence if e.metric == "quote"]
    assert [(e.sentence_index, text[e.start:e.end]) for e in rows] == [
        (0, "We will stay."), (1, "We will fight."), (2, "We will win")]
    for e in rows:
        s = doc.sentences[e.sentence_index]
        assert e.text == s.text and s.start <= e.start < e.end <= s.end
        assert e.cue.endswith("of 3 of the quote at body 1–41")  # "We will stay. … We will win" = text[1:41]
    assert len(res.records["quotes"]) == 1  # still one quote


def test_empty_body_gives_nan_with_reason_and_no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = compute_sourcing(_doc(""), Settings())
    mine = [m for m in res.measurements if m.metric in MINE]
    assert {m.metric for m in mine} == MINE
    assert all(math.isnan(m.value) and m.note for m in mine)


def test_stance_share_undefined_without_verbs():
    value = stance_verb_share({"neutral": 0, "distancing": 0}, "neutral")
    assert math.isnan(value) and "no reporting verbs" in value.reason


def test_edited_source_types_and_verbs_files_are_recompiled_like_load_lexicon(tmp_path):
    # load_lexicon caches per path and modification time; the compiled source types and verbs follow it
    import os

    from analysis.lexicons import bundled_path
    from analysis.sourcing.profile import load_source_types
    from analysis.sourcing.stance import load_reporting_verbs

    def touch(p):
        st = p.stat()
        os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))

    types = tmp_path / "source_types.yaml"
    text = bundled_path("source_types.yaml").read_text(encoding="utf-8")
    types.write_text(text, encoding="utf-8")
    assert classify_speaker("the harbour master", load_source_types(str(types))) == "other"
    types.write_text(text.replace("witness: [", "witness: [harbour master, "), encoding="utf-8")
    touch(types)
    assert classify_speaker("the harbour master", load_source_types(str(types))) == "witness"

    verbs = tmp_path / "reporting_verbs.yaml"
    text = bundled_path("reporting_verbs.yaml").read_text(encoding="utf-8")
    verbs.write_text(text, encoding="utf-8")
    assert ("opined",) not in load_reporting_verbs(str(verbs)).forms
    verbs.write_text(text.replace("verbs:\n", "verbs:\n  opine: [neutral, opine, opines, opined]\n", 1),
                     encoding="utf-8")
    touch(verbs)
    assert load_reporting_verbs(str(verbs)).forms[("opined",)] == ("opine", "neutral")


@pytest.mark.parametrize(("sentence", "cue"), [
    # the cue's words in order, whatever their case or the punctuation around them
    ("An official, who spoke on condition of anonymity, said the talks failed.", "on condition of anonymity"),
    ("AN OFFICIAL SPOKE ON CONDITION OF ANONYMITY.", "on condition of anonymity"),
    ("People familiar with the matter said so.", "people familiar with"),
    # every word of a cue present, but not as the cue: no cue
    ("Anonymity was the condition, on which he spoke.", ""),
    ("The minister said the talks failed.", ""),
])
def test_anonymous_cue(sentence, cue):
    from analysis.sourcing.profile import anonymous_cue

    assert anonymous_cue(sentence) == cue
