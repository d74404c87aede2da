"""Syllable counts: CMU dictionary (first pronunciation), lookup rules and the fallback."""

from __future__ import annotations

import pytest

from analysis.numerals import cardinal_words, ordinal_words, spell_numeral, year_words
from analysis.syllables import (
    cmu_dictionary,
    cmu_syllables,
    count_syllables,
    heuristic_syllables,
    phones_syllables,
    syllable_count,
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # CMU: "the" DH AH0 (first of three pronunciations, all one vowel) -> 1
        ("the", 1),
        ("cat", 1),  # K AE1 T
        ("cooperation", 5),  # K OW0 AA2 P ER0 EY1 SH AH0 N
        ("ratification", 5),  # R AE2 T AH0 F AH0 K EY1 SH AH0 N
        ("Pyongyang", 2),  # P Y AO1 NG Y AE1 NG
        ("military", 4),  # M IH1 L AH0 T EH2 R IY0
        ("Korea", 3),  # K AO2 R IY1 AH0
    ],
)
def test_cmu_counts_vowel_phonemes(word: str, expected: int) -> None:
    sc = syllable_count(word)
    assert (sc.n, sc.source) == (expected, "cmudict")


def test_first_pronunciation_is_used() -> None:
    # CMU lists "fire" as F AY1 ER0 (2 syllables) first, then F AY1 R (1 syllable).
    prons = cmu_dictionary()["fire"]
    assert [phones_syllables(p) for p in prons] == [2, 1]
    assert count_syllables("fire") == 2


def test_dictionary_is_loaded_once() -> None:
    assert cmu_dictionary() is cmu_dictionary()


def test_case_and_curly_apostrophe_are_normalised() -> None:
    # russia's: R AH1 SH AH0 Z -> 2, whether written with ' or ’ or capitalised
    assert count_syllables("Russia’s") == count_syllables("russia's") == 2


def test_hyphenated_word_sums_its_parts() -> None:
    # "test-fired" is not in CMU: test (T EH1 S T) = 1 + fired (F AY1 ER0 D) = 2
    assert "test-fired" not in cmu_dictionary()
    sc = syllable_count("test-fired")
    assert (sc.n, sc.source) == (3, "cmudict")
    # a numeral part is read aloud: Hwasong (fallback: a, o -> 2) + 19 "nineteen" (N AY1 N T IY1 N 2) -> 4
    sc = syllable_count("Hwasong-19")
    assert (sc.n, sc.source) == (4, "fallback")


def test_possessive_not_in_dictionary_uses_the_stem() -> None:
    # Rudenko is not in CMU: fallback u, e, o -> 3; "'s" after o adds no syllable
    assert syllable_count("Rudenko’s").n == 3
    assert syllable_count("Rudenko’s").source == "fallback"


def test_initialism_spells_its_letters() -> None:
    # I.A.E.A. is not in CMU: I (AY1) + A (EY1) + E (IY1) + A (EY1) = 4
    assert "i.a.e.a." not in cmu_dictionary()
    assert (syllable_count("I.A.E.A.").n, syllable_count("I.A.E.A.").source) == (4, "cmudict")


@pytest.mark.parametrize(
    ("token", "spoken", "syllables"),
    [
        ("10,000", "ten thousand", 3),  # T EH1 N + TH AW1 Z AH0 N D
        ("51", "fifty-one", 3),
        ("2022", "twenty twenty-two", 5),  # a year: 2 + (2 + 1)
        ("1905", "nineteen oh five", 4),
        ("1900", "nineteen hundred", 4),
        ("2005", "two thousand five", 4),
        ("2100", "two thousand one hundred", 6),  # outside 1100–2099: a number, not a year
        ("12,000", "twelve thousand", 3),
        ("1,200.5", "one thousand two hundred point five", 8),
        ("3.5", "three point five", 3),
        ("50%", "fifty percent", 4),  # F IH1 F T IY0 + P ER0 S EH1 N T
        ("21st", "twenty-first", 3),
        ("12th", "twelfth", 1),
        ("1990s", "nineteen nineties", 4),
        ("10:30", "ten thirty", 3),
        ("42-year-old", "forty-two-year-old", 5),
        ("007", "zero zero seven", 6),
        ("f-16", "f-sixteen", 3),  # EH1 F + S IH0 K S T IY1 N
    ],
)
def test_numerals_are_read_aloud(token: str, spoken: str, syllables: int) -> None:
    assert spell_numeral(token) == spoken
    sc = syllable_count(token)
    assert (sc.n, sc.source) == (syllables, "numeral")


def test_number_words_by_hand() -> None:
    assert cardinal_words(0) == "zero"
    assert cardinal_words(115) == "one hundred fifteen"
    assert cardinal_words(1_000_001) == "one million one"
    assert cardinal_words(40_300_020) == "forty million three hundred thousand twenty"
    assert cardinal_words(10**15) == "one zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero"
    assert year_words(2010) == "twenty ten" and year_words(1100) == "eleven hundred"
    assert ordinal_words("twenty-one") == "twenty-first" and ordinal_words("forty") == "fortieth"
    assert spell_numeral("2022's") == "twenty twenty-two's" and spell_numeral("1990's") == "nineteen nineties"
    assert spell_numeral("g7") == "g seven" and spell_numeral("1.2.3") == "one two three"
    assert spell_numeral("treaty") == "treaty"


def test_odd_numerals_never_raise() -> None:
    long = "7" * 5000  # longer than Python's int-from-string limit: read digit by digit
    assert count_syllables(long) == 5000 * 2
    assert count_syllables("٣") == 1  # an Arabic-Indic three: "three"
    assert syllable_count("'").n == 0


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Kursk", 1),  # u
        ("Rudenko", 3),  # u, e, o
        ("blorped", 1),  # o, e -> 2; -ed after p is silent -> 1
        ("flakes", 1),  # a, e -> 2; -es after k is silent -> 1
        ("trazes", 2),  # a, e -> 2; -es after z is a syllable
        ("gurble", 2),  # u, e -> 2; consonant + le keeps its syllable
        ("brame", 1),  # a, e -> 2; silent final e -> 1
        ("xyzzt", 1),  # y -> 1
        ("brr", 1),  # no vowel group, still one syllable
        ("", 0),
    ],
)
def test_heuristic_fallback(word: str, expected: int) -> None:
    assert heuristic_syllables(word) == expected


def test_fallback_is_reported() -> None:
    assert syllable_count("Kursk").source == "fallback"
    assert syllable_count("cat").source == "cmudict"


def test_the_compact_dictionary_is_the_first_pronunciations_syllables() -> None:
    # the rules read one syllable count per word (cmu_syllables), textstat's check the pronunciations
    # (cmu_dictionary): the same words, and each count is the vowel phonemes of the first pronunciation
    compact, full = cmu_syllables(), cmu_dictionary()
    assert compact.keys() == full.keys()
    assert all(compact[w] == phones_syllables(prons[0]) for w, prons in full.items())
    # hand counts: co-op-er-a-tion, trea-ty, read (both pronunciations one syllable)
    assert (compact["cooperation"], compact["treaty"], compact["read"]) == (5, 2, 1)
