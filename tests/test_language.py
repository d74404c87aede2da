"""The English check: share of lower-case words (3+ letters) in the CMU dictionary, and status not_english."""

import math
import warnings

import pytest

from analysis.language import (
    DEFAULT_MIN_ENGLISH_SHARE,
    MIN_CHECKABLE_WORDS,
    english_share,
    english_words,
    is_checkable_word,
    not_english_reason,
)
from analysis.metrics import Settings
from analysis.model import Article
from analysis.parse import parse_article
from analysis.pipeline import analyse_record
from analysis.segment import tokenize

SAMPLES = {
    "german": "Nordkorea hat den Verteidigungsvertrag mit Russland ratifiziert, wie die staatliche Nachrichtenagentur "
              "am Dienstag meldete. Der Vertrag verpflichtet beide Länder, einander im Falle eines Angriffs "
              "unverzüglich militärischen Beistand zu leisten. Machthaber Kim Jong Un unterzeichnete das Dekret "
              "nach Angaben der Agentur persönlich.",
    "spanish": "Corea del Norte ratificó el tratado de defensa con Rusia, informó el martes la agencia estatal de "
               "noticias. El acuerdo obliga a ambos países a prestarse asistencia militar inmediata en caso de "
               "ataque. El líder Kim Jong Un firmó el decreto, según la agencia.",
    "italian": "La Corea del Nord ha ratificato il trattato di difesa con la Russia, ha riferito martedì l'agenzia di "
               "stampa statale. L'accordo obbliga i due paesi a fornire assistenza militare immediata in caso di "
               "attacco.",
    "korean": "북한이 러시아와 체결한 포괄적 전략적 동반자 관계 조약을 비준했다고 "
              "조선중앙통신이 12일 보도했다. 조약은 한쪽이 무력 침공을 받으면 "
              "다른 쪽이 지체 없이 군사적 원조를 제공하도록 규정하고 있다.",
    "romanised_korean": "Bukhan-i reosiawa chegyeolhan pogwaljeok jeollyakjeok dongbanja gwangye joyageul "
                        "bijunhaetdago Joseon Jungang Tongsini bodohaetda.",
}
ENGLISH_WITH_NAMES = ("Kim Jong Un met Choe Son Hui and Sergei Shoigu in Pyongyang on Tuesday. Rudenko told "
                      "Lavrov that Zelenskyy and Syrskyi had moved troops to Kursk, Sudzha and Pokrovsk, according "
                      "to Budanov.")


def _share(text: str) -> float:
    return english_share(parse_article(Article("x", text)).words)


def test_hand_counted_share_on_a_short_text():
    # checkable: "cat", "sat", "zzyzxq", "mat" (The/Kim capitalised; "on" under 3 letters); 3 of 4 in CMU
    assert english_share(tokenize("The cat sat zzyzxq on Kim's mat.")) == 0.75


def test_seeds_are_english_and_other_languages_fall_well_below_the_threshold(seed_tables):
    shares = dict(zip(seed_tables.articles["article_id"], seed_tables.articles["english_share"], strict=True))
    assert shares == {"002_3725b521bb5f0d30": 1.0, "000_dc77826089423d0b": 1.0}
    measured = {k: _share(v) for k, v in SAMPLES.items()}
    assert max(measured.values()) <= DEFAULT_MIN_ENGLISH_SHARE - 0.25  # German 0.30 is the highest
    assert measured["korean"] == 0 and measured["romanised_korean"] == 0
    assert _share(ENGLISH_WITH_NAMES) == 1.0  # names are not checked, so name-dense English passes


def test_no_checkable_word_is_undefined_with_a_reason_and_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        empty = english_share(())
        names = _share("Kim Jong Un, Choe Son Hui, Pak Jong Chon.")
    assert math.isnan(empty) and empty.reason == "no lower-case word of three or more letters to check"
    assert math.isnan(names)


def test_non_english_article_gets_status_not_english_with_its_share():
    row = analyse_record(Article("de", SAMPLES["german"]), Settings(), ["readability"]).article
    assert row["status"] == "not_english" and row["english_share"] == pytest.approx(0.3)
    assert row["reason"].startswith("English share 0.30 < 0.6")
    on = analyse_record(Article("de", SAMPLES["german"]), Settings(min_english_share=0), ["readability"])
    assert on.article["status"] == "analysed" and "readability" in on.families
    names = analyse_record(Article("n", "Kim Jong Un, Choe Son Hui, Pak Jong Chon."), Settings(), ["readability"])
    assert names.article["status"] == "analysed"  # cannot be judged: analysed, share NaN


@pytest.mark.parametrize("text, words", [
    ("Oh, wouldn't it be loverly?", 2),  # wouldn't, loverly: share 0.5, too short to judge
    ("A frisson, according to Newsday.", 2),  # frisson, according
])
def test_short_texts_are_analysed_with_their_share_recorded(text, words):
    row = analyse_record(Article("s", text), Settings(), ["readability"]).article
    assert row["status"] == "analysed"
    assert row["english_words"] == words < MIN_CHECKABLE_WORDS
    assert 0 <= row["english_share"] <= 1


def test_the_threshold_applies_from_twenty_checkable_words():
    # German sample: enough checkable words to judge; the first 19 of them are not
    german = SAMPLES["german"]
    doc = parse_article(Article("de", german))
    assert english_words(doc) >= MIN_CHECKABLE_WORDS
    checkable = [t for t in doc.words if is_checkable_word(t)]
    cut = german[:checkable[MIN_CHECKABLE_WORDS - 1].start]  # ends before the 20th checkable word
    short = parse_article(Article("de", cut))
    assert english_words(short) == MIN_CHECKABLE_WORDS - 1
    assert not_english_reason(short, DEFAULT_MIN_ENGLISH_SHARE) == ""
    assert not_english_reason(doc, DEFAULT_MIN_ENGLISH_SHARE).startswith("English share 0.30")
