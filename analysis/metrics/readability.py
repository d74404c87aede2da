"""Readability: classic formulas computed from the toolkit's own segmentation.

Counts are computed once per article by :func:`readability_counts` and cached in
``doc.cache["readability_counts"]``; every metric below is a formula over those counts.

Word definitions (used identically by every formula):

* ``W`` (words): every word token of the body, alphabetic or numeric (``doc.words``): "10,000"
  and "Hwasong-19" are one word each. ``W`` is the denominator of **every** per-word ratio
  (syllables, letters and digits, complex and difficult words), as in the published formulas.
* Numerals are read aloud (Flesch, 1948): their syllables are those of the spoken words
  (:mod:`analysis.numerals`; "10,000" = "ten thousand" = 3). They are polysyllabic when the
  spoken form has 3+ syllables (McLaughlin, 1969, has them pronounced), complex (Gunning) only
  when one spoken word has 3+ syllables ("11" = "eleven"), and never Dale–Chall difficult.
* ``S`` (sentences): ``doc.sentences``; ``P`` (paragraphs): ``doc.paragraphs``.
* Syllables: CMU Pronouncing Dictionary, first pronunciation, with a heuristic fallback
  (:mod:`analysis.syllables`); words that used the fallback are listed in the evidence.
* Characters (ARI) and letters (Coleman–Liau): the letters and digits of every word; digits are
  a numeral's printed length, so a numeral is not a zero-length word in ``W``.
* Proper names: a capitalised word that is not sentence-initial (not the first word, nor the
  first after an opening quote, colon or bracket); a sentence-initial capitalised word counts as
  a name when the same spelling appears capitalised in a non-initial position elsewhere in the
  article.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from ..frozen import quick_init
from ..lexdiv import MTLD_MIN_TOKENS
from ..lexdiv import mtld as _mtld
from ..model import ParsedArticle, Undefined
from ..numerals import spell_numeral
from ..syllables import SyllableCount, count_syllables, normalise_word, syllable_count
from .base import Evidence, FamilyResult, Settings, metric, register_family, scalar_measurements

FAMILY = "readability"
CACHE_KEY = "readability_counts"
SMOG_MIN_SENTENCES = 30
_SENTENCE_OPENERS = frozenset("“‘\"'(:[—–")
_EASY_WORDS_PATH = "resources/en/easy_words.txt"
_COMPOUND_SPLIT = re.compile(r"[\s-]+")


# ---------------------------------------------------------------------------------------------
# Word lists and word rules


@lru_cache(maxsize=1)
def dale_chall_familiar_words() -> frozenset[str]:
    """The Dale–Chall familiar-word list shipped inside the installed textstat package.

    ``textstat/resources/en/easy_words.txt`` (textstat 0.7.13): 2,941 lower-case entries, 47 of
    them contractions, 9 hyphenated, plus "mr." and "mrs."; textstat describes it as the list
    of "the most commonly used 3000 English words" behind its New Dale–Chall score (Chall &
    Dale, 1995). It is read from the installed package, not copied.

    It is read without importing textstat (whose package init imports its whole backend and
    nltk, about 0.6 s): ``find_spec`` locates the package directory without executing it. Only
    when textstat is not installed as plain files (a zip) does this fall back to
    ``importlib.resources``, which imports the package.
    """
    spec = find_spec("textstat")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    path = next((Path(loc) / _EASY_WORDS_PATH for loc in locations if (Path(loc) / _EASY_WORDS_PATH).is_file()),
                None)
    if path is not None:
        text = path.read_text(encoding="utf-8")
    else:
        text = resources.files("textstat").joinpath(_EASY_WORDS_PATH).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def _inflection_stems(w: str) -> list[str]:
    """Candidate stems of ``w`` under regular inflection (-s, -es, -ies, -ed, -ied, -ing, -er, -est)."""
    out: list[str] = []

    def undouble(stem: str) -> None:
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])

    if w.endswith("ies") or w.endswith("ied"):
        out.append(w[:-3] + "y")
    if w.endswith("iest"):
        out.append(w[:-4] + "y")
    if w.endswith("ier"):
        out.append(w[:-3] + "y")
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    if w.endswith("ed") or w.endswith("er"):
        out += [w[:-2], w[:-1]]
        undouble(w[:-2])
    if w.endswith("est"):
        out += [w[:-3], w[:-2]]
        undouble(w[:-3])
    if w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
        undouble(w[:-3])
    return [s for s in out if len(s) > 1]


def is_familiar(word: str) -> bool:
    """Dale–Chall familiarity of one spelled word (Chall & Dale, 1995; our operationalisation).

    Familiar when the word (case-insensitive) is on the list, or is a regular inflection of a
    listed word (plural/third person -s, -es, -ies; possessive 's; past -ed, -d, -ied;
    progressive -ing with e-drop and doubled consonant; comparative -er/-r/-ier and superlative
    -est/-st/-iest), or is hyphenated and every part is familiar. Derivational suffixes (-ly,
    -ness, -ment, -tion) are not stripped. Without part-of-speech tags the -er rule also strips
    look-alikes (charter -> chart). Proper names are NOT exempt (see dale_chall_score).
    """
    easy = dale_chall_familiar_words()
    w = normalise_word(word)
    if w in easy:
        return True
    if w.endswith("'s") or w.endswith("s'"):
        w = w[:-2] if w.endswith("'s") else w[:-1]
        if w in easy:
            return True
    if "-" in w:
        parts = [p for p in w.split("-") if p]
        return bool(parts) and all(is_familiar(p) for p in parts)
    return any(s in easy for s in _inflection_stems(w))


def _has_gunning_suffix_exemption(w: str) -> bool:
    """True when ``w`` reaches 3 syllables only through an -es, -ed or -ing ending (Gunning, 1952)."""
    if not w.endswith(("es", "ed", "ing")):
        return False
    stems = _inflection_stems(w)
    found = [syllable_count(s) for s in stems]
    in_dict = [c.n for c in found if c.source == "cmudict"]
    if in_dict:
        return min(in_dict) < 3
    return False


def is_complex_word(word: str, is_name: bool) -> bool:
    """Gunning's (1952) "hard word", as we operationalise it.

    3 or more syllables, except (1) proper names (see the module docstring), (2) hyphenated
    compounds none of whose parts has 3 syllables (``self-defense``, ``cutting-edge``), and
    (3) words whose 3rd syllable comes from an -es, -ed or -ing ending: a regular stem found in
    the CMU dictionary has fewer than 3 syllables (``deploying`` → deploy). Closed compounds of
    easy words (``bookkeeper``) cannot be recognised without a list and are counted complex.
    A numeral is the compound of its spoken words: complex only when one of them has 3+
    syllables ("11" = "eleven"; not "2022" = "twenty twenty-two", nor "10,000").
    """
    if is_name or count_syllables(word) < 3:
        return False
    w = spell_numeral(normalise_word(word))
    parts = [p for p in _COMPOUND_SPLIT.split(w) if p]
    if len(parts) > 1:
        return any(count_syllables(p) >= 3 and not _has_gunning_suffix_exemption(p) for p in parts)
    return not _has_gunning_suffix_exemption(w)


@dataclass(frozen=True, slots=True)
class WordFacts:
    """Per-spelling facts the counts need, computed once per distinct token text."""

    n_letters: int
    n_characters: int  # letters and digits
    has_letter: bool
    has_digit: bool
    normalised: str  # normalise_word(text)
    spoken: str  # the numeral read aloud (spell_numeral), or "" when there are no digits


def word_facts(text: str) -> WordFacts:
    """Letters, characters, and normalised and spoken forms of one token text."""
    norm = normalise_word(text)
    has_digit = any(ch.isdecimal() for ch in text)
    return WordFacts(sum(ch.isalpha() for ch in text), sum(ch.isalnum() for ch in text),
                     any(ch.isalpha() for ch in text), has_digit, norm, spell_numeral(norm) if has_digit else "")


# ---------------------------------------------------------------------------------------------
# Counts, computed once per article


@quick_init
@dataclass(frozen=True)
class SentenceCounts:
    """Readability counts of one sentence, with the words behind each count."""

    index: int
    n_words: int
    n_numerals: int
    n_syllables: int
    polysyllabic: tuple[str, ...]
    complex: tuple[str, ...]
    difficult: tuple[str, ...]
    difficult_names: tuple[str, ...]
    fallback: tuple[tuple[str, int], ...]
    numerals: tuple[tuple[str, str, int], ...] = ()  # (numeral as printed, as read aloud, syllables)
    # the words of the four lists once each, in text order, with their classes (:data:`HARD_CLASSES`):
    # "Comprehensive PDN, mutual PCD, treaty D"; what the evidence cue writes
    hard: str = ""


@dataclass(frozen=True)
class ReadabilityCounts:
    """Every count the readability formulas use (see the module docstring for definitions)."""

    n_words: int = 0
    n_spelled_words: int = 0
    n_numerals: int = 0
    n_sentences: int = 0
    n_paragraphs: int = 0
    n_syllables: int = 0
    n_letters: int = 0
    n_characters: int = 0
    n_polysyllabic_words: int = 0
    n_complex_words: int = 0
    n_difficult_words: int = 0
    n_difficult_names: int = 0
    words_per_sentence: tuple[int, ...] = ()
    lexical_tokens: tuple[str, ...] = ()
    fallback_words: tuple[str, ...] = ()
    sentences: tuple[SentenceCounts, ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class _WordCounts:
    """What the counts need about one token text, looked up once per distinct spelling (cached)."""

    facts: WordFacts
    syllables: SyllableCount
    complex_unless_name: bool  # is_complex_word(text, is_name=False)
    familiar: bool  # is_familiar(text)


@lru_cache(maxsize=65536)
def _word_counts(text: str) -> _WordCounts:
    """The one memo of the per-spelling facts (:func:`word_facts`, :func:`is_familiar` and
    :func:`is_complex_word` keep none of their own: a 5 MB article filled four memos of 65,536 spellings)."""
    return _WordCounts(word_facts(text), syllable_count(text), is_complex_word(text, False), is_familiar(text))


def _names_seen(doc: ParsedArticle) -> set[str]:
    """The spellings seen capitalised in a non-initial position anywhere in ``doc`` (the proper-name rule of the
    module docstring): spelled words (word tokens with a letter) with a capital first letter that are not
    sentence-initial. A word is sentence-initial when it is the sentence's first word or follows an opening quote,
    bracket, colon or dash. A pass of its own, before the counts, which need the whole article's names."""
    names: set[str] = set()
    for sent in doc.sentences:
        first_word_seen = prev_opener = False
        for tok in sent.tokens:
            if tok.kind == "punct":
                prev_opener = tok.text in _SENTENCE_OPENERS
                continue
            if first_word_seen and not prev_opener and tok.kind == "word" and tok.text[:1].isupper() \
                    and _word_counts(tok.text).facts.has_letter:
                names.add(tok.text)
            first_word_seen, prev_opener = True, False
    return names


def compute_readability_counts(doc: ParsedArticle) -> ReadabilityCounts:
    """Count words, syllables, letters and word classes over ``doc``'s sentences (no caching).

    Two passes over the tokens: the proper names first (:func:`_names_seen`), then the counts, one sentence at a
    time (no word of the article is held meanwhile: memory stays flat on a 5 MB article)."""
    seen_as_name = _names_seen(doc)
    per_sentence = []
    lexical: list[str] = []
    fallback: dict[str, None] = {}
    n_letters = n_chars = 0
    for sent in doc.sentences:
        n_words = n_num = n_syl = 0
        poly, comp, diff, diff_names, fb, spoken, hard = [], [], [], [], [], [], []
        first_word_seen = prev_opener = False
        for tok in sent.tokens:  # the word and number tokens, each with whether it is sentence-initial
            if tok.kind == "punct":
                prev_opener = tok.text in _SENTENCE_OPENERS
                continue
            initial = not first_word_seen or prev_opener
            first_word_seen, prev_opener = True, False
            text = tok.text
            wc = _word_counts(text)
            facts, sc = wc.facts, wc.syllables
            spelled = tok.kind == "word" and facts.has_letter
            n_words += 1
            n_syl += sc.n
            n_letters += facts.n_letters
            n_chars += facts.n_characters
            classes = ""
            if sc.n >= 3:
                poly.append(text)
                classes = "P"
            if wc.complex_unless_name and not _is_name(text, spelled, initial, seen_as_name):
                comp.append(text)
                classes += "C"
            if sc.source == "fallback":
                fb.append((text, sc.n))
                fallback.setdefault(text)
            if facts.has_digit:
                spoken.append((text, facts.spoken, sc.n))
            if not spelled:
                n_num += 1
            else:
                lexical.append(facts.normalised)
                if not wc.familiar:
                    diff.append(text)
                    classes += "D"
                    if _is_name(text, spelled, initial, seen_as_name):
                        diff_names.append(text)
                        classes += "N"
            if classes:
                hard.append(f"{text} {classes}")
        per_sentence.append(SentenceCounts(sent.index, n_words, n_num, n_syl, tuple(poly), tuple(comp), tuple(diff),
                                           tuple(diff_names), tuple(fb), tuple(spoken), ", ".join(hard)))
    n_words = sum(s.n_words for s in per_sentence)
    n_num = sum(s.n_numerals for s in per_sentence)
    return ReadabilityCounts(
        n_words=n_words,
        n_spelled_words=n_words - n_num,
        n_numerals=n_num,
        n_sentences=len(doc.sentences),
        n_paragraphs=len(doc.paragraphs),
        n_syllables=sum(s.n_syllables for s in per_sentence),
        n_letters=n_letters,
        n_characters=n_chars,
        n_polysyllabic_words=sum(len(s.polysyllabic) for s in per_sentence),
        n_complex_words=sum(len(s.complex) for s in per_sentence),
        n_difficult_words=sum(len(s.difficult) for s in per_sentence),
        n_difficult_names=sum(len(s.difficult_names) for s in per_sentence),
        words_per_sentence=tuple(s.n_words for s in per_sentence),
        lexical_tokens=tuple(lexical),
        fallback_words=tuple(fallback),
        sentences=tuple(per_sentence),
    )


def _is_name(text: str, spelled: bool, initial: bool, seen_as_name: set[str]) -> bool:
    """Is a word a proper name (module docstring): a spelled word with a capital first letter, not sentence-initial
    or seen as a name elsewhere in the article? Asked only of the words whose class depends on it (complex and
    difficult words), not of every word."""
    return spelled and text[:1].isupper() and (not initial or text in seen_as_name)


def readability_counts(doc: ParsedArticle) -> ReadabilityCounts:
    """The article's readability counts, computed on first use and cached in ``doc.cache``."""
    counts = doc.cache.get(CACHE_KEY)
    if not isinstance(counts, ReadabilityCounts):
        counts = compute_readability_counts(doc)
        doc.cache[CACHE_KEY] = counts
    return counts


def _undefined_reason(c: ReadabilityCounts) -> str:
    """Why the per-word formulas (denominators W and S) are undefined for these counts, or ``""``."""
    if c.n_sentences == 0 or c.n_words == 0:
        return "empty body: no words or sentences to measure"
    return ""


# ---------------------------------------------------------------------------------------------
# Formulas over counts (pure arithmetic, shared with the agreement check)


def flesch_reading_ease_formula(words: float, sentences: float, syllables: float) -> float:
    """206.835 − 1.015·W/S − 84.6·Syl/W (Flesch, 1948)."""
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


def flesch_kincaid_grade_formula(words: float, sentences: float, syllables: float) -> float:
    """0.39·W/S + 11.8·Syl/W − 15.59 (Kincaid et al., 1975)."""
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def gunning_fog_formula(words: float, sentences: float, complex_words: float) -> float:
    """0.4·(W/S + 100·Complex/W) (Gunning, 1952)."""
    return 0.4 * (words / sentences + 100 * complex_words / words)


def smog_formula(polysyllables: float, sentences: float) -> float:
    """1.043·√(Poly·30/S) + 3.1291 (McLaughlin, 1969)."""
    return 1.043 * math.sqrt(polysyllables * 30 / sentences) + 3.1291


def coleman_liau_formula(letters: float, words: float, sentences: float) -> float:
    """0.0588·L − 0.296·S100 − 15.8; L = 100·letters/W, S100 = 100·S/W (Coleman & Liau, 1975)."""
    return 0.0588 * (100 * letters / words) - 0.296 * (100 * sentences / words) - 15.8


def automated_readability_formula(characters: float, words: float, sentences: float) -> float:
    """4.71·chars/W + 0.5·W/S − 21.43 (Senter & Smith, 1967)."""
    return 4.71 * characters / words + 0.5 * words / sentences - 21.43


def new_dale_chall_formula(difficult: float, words: float, sentences: float) -> float:
    """0.1579·PDW + 0.0496·W/S, + 3.6365 when PDW > 5; PDW = 100·difficult/W (Chall & Dale, 1995)."""
    pdw = 100 * difficult / words
    return 0.1579 * pdw + 0.0496 * words / sentences + (3.6365 if pdw > 5 else 0.0)


# ---------------------------------------------------------------------------------------------
# Registered article-level metrics


@metric(family=FAMILY, higher_is="easier")
def flesch_reading_ease(doc: ParsedArticle) -> float:
    """Flesch Reading Ease (Flesch, 1948). Higher = easier.

    206.835 − 1.015·W/S − 84.6·Syl/W, with W all word tokens (numerals included) and Syl their
    CMU-dictionary syllables, numerals read aloud. NaN when the body has no words.
    """
    c = readability_counts(doc)
    if reason := _undefined_reason(c):
        return Undefined(reason)
    return flesch_reading_ease_formula(c.n_words, c.n_sentences, c.n_syllables)


@metric(family=FAMILY, higher_is="harder")
def flesch_kincaid_grade(doc: ParsedArticle) -> float:
    """Flesch–Kincaid grade level (Kincaid et al., 1975). Higher = harder.

    0.39·W/S + 11.8·Syl/W − 15.59, numerals read aloud. NaN when the body has no words.
    """
    c = readability_counts(doc)
    if reason := _undefined_reason(c):
        return Undefined(reason)
    return flesch_kincaid_grade_formula(c.n_words, c.n_sentences, c.n_syllables)


@metric(family=FAMILY, higher_is="harder")
def gunning_fog(doc: ParsedArticle) -> float:
    """Gunning Fog index (Gunning, 1952). Higher = harder.

    0.4·(W/S + 100·Complex/W), with Gunning's own complex words (not textstat's Dale–Chall
    difficult words): 3+ syllables, excluding proper names (capitalised non-initial words),
    hyphenated compounds of shorter parts, and words made 3 syllables by -es/-ed/-ing
    (see ``is_complex_word``). NaN when the body has no words.
    """
    c = readability_counts(doc)
    if reason := _undefined_reason(c):
        return Undefined(reason)
    return gunning_fog_formula(c.n_words, c.n_sentences, c.n_complex_words)


@metric(family=FAMILY, higher_is="harder")
def smog_index(doc: ParsedArticle) -> float:
    """SMOG grade (McLaughlin, 1969). Higher = harder.

    1.043·√(Poly·30/S) + 3.1291, Poly = words of 3+ syllables (names included; numerals by their
    spoken form, as McLaughlin has them pronounced).
    SMOG was calibrated on 30-sentence samples, so it is NaN below 30 sentences.
    """
    c = readability_counts(doc)
    if reason := _undefined_reason(c):
        return Undefined(reason)
    if c.n_sentences < SMOG_MIN_SENTENCES:
        return Undefined(f"SMOG is defined on samples of at least {SMOG_MIN_SENTENCES} sentences; "
                         f"the body has {c.n_sentences}")
    return smog_formula(c.n_polysyllabic_words, c.n_sentences)


@metric(family=FAMILY, higher_is="harder")
def coleman_liau_index(doc: ParsedArticle) -> float:
    """Coleman–Liau index (Coleman & Liau, 1975). Higher = harder.

    0.0588·L − 0.296·S100 − 15.8, L = letters per 100 words, S100 = sentences per 100 words.
    Digits count as letters (a numeral's printed length; W includes numerals, which would
    otherwise be zero-length words). NaN when the body has no words.
    """
    c = readability_counts(doc)
    if reason := _undefined_reason(c):
        return Undefined(reason)
    return coleman_liau_formula(c.n_characters, c.n_words, c.n_sentences)


@metric(family=FAMILY, higher_is="harder")
def automated_readability_index(doc: ParsedArticle) -> float:
    """Automated Readability Index (Senter & Smith, 1967). Higher = harder.

    4.71·chars/W + 0.5·W/S − 21.43, chars = letters and digits of all words, numerals included
    (no punctuation, apostrophes or hyphens). NaN when the body has no words.
    """
    c = readability_counts(doc)
    if reason := _undefined_reason(c):
        return Undefined(reason)
    return automated_readability_formula(c.n_characters, c.n_words, c.n_sentences)


@metric(family=FAMILY, higher_is="harder")
def dale_chall_score(doc: ParsedArticle) -> float:
    """New Dale–Chall score (Chall & Dale, 1995). Higher = harder.

    0.1579·PDW + 0.0496·W/S, plus 3.6365 when PDW > 5; PDW = 100·difficult/W, difficult =
    not on the familiar-word list shipped with textstat, after regular inflections and
    hyphenated parts (``is_familiar``); numerals are familiar. Every occurrence counts. Proper
    names are counted difficult: news is full of names (North Korea, Pyongyang, Putin), which
    raises the score; ``n_difficult_names`` in the readability_counts table says by how many,
    and :func:`dale_chall_names_familiar` gives the value with names familiar (not emitted as
    a metric). NaN on no words.
    """
    c = readability_counts(doc)
    if reason := _undefined_reason(c):
        return Undefined(reason)
    return new_dale_chall_formula(c.n_difficult_words, c.n_words, c.n_sentences)


def dale_chall_names_familiar(c: ReadabilityCounts) -> float:
    """The New Dale–Chall score (Chall & Dale, 1995) with proper names counted familiar.

    ``new_dale_chall_formula(difficult − difficult names, W, S)``: the alternative reading of the
    name rule, for a reader who wants it. Not a registered metric (the toolkit counts names
    difficult, see dale_chall_score). NaN when there are no words.
    """
    if reason := _undefined_reason(c):
        return Undefined(reason)
    return new_dale_chall_formula(c.n_difficult_words - c.n_difficult_names, c.n_words, c.n_sentences)


@metric(family=FAMILY, higher_is="longer")
def n_words(doc: ParsedArticle) -> float:
    """Word tokens in the body, alphabetic and numeric: the W of Flesch (1948)."""
    return float(readability_counts(doc).n_words)


@metric(family=FAMILY, higher_is="longer")
def n_sentences(doc: ParsedArticle) -> float:
    """Sentences in the body by the toolkit's segmenter: the S of Flesch (1948)."""
    return float(readability_counts(doc).n_sentences)


@metric(family=FAMILY, higher_is="longer")
def n_paragraphs(doc: ParsedArticle) -> float:
    """Non-empty paragraphs of the cleaned body: a toolkit count that no formula uses.

    Reported as context: the indices (Flesch, 1948, and the others) need only words, sentences
    and syllables.
    """
    return float(readability_counts(doc).n_paragraphs)


@metric(family=FAMILY, higher_is="longer")
def n_syllables(doc: ParsedArticle) -> float:
    """Syllables of all words, numerals read aloud (CMU dictionary, Weide 1998, with fallback): Flesch's (1948) Syl."""
    return float(readability_counts(doc).n_syllables)


@metric(family=FAMILY, higher_is="harder")
def n_polysyllabic_words(doc: ParsedArticle) -> float:
    """Words of 3 or more syllables, names included, numerals by their spoken form (McLaughlin, 1969)."""
    return float(readability_counts(doc).n_polysyllabic_words)


@metric(family=FAMILY, higher_is="harder")
def n_difficult_words(doc: ParsedArticle) -> float:
    """Word occurrences not familiar by the Dale–Chall list and rules (Chall & Dale, 1995).

    Names included, numerals not (they are familiar).
    """
    return float(readability_counts(doc).n_difficult_words)


@metric(family=FAMILY, higher_is="harder")
def mean_words_per_sentence(doc: ParsedArticle) -> float:
    """Mean sentence length W/S in words, numerals included (Flesch, 1948). NaN when there are no sentences."""
    c = readability_counts(doc)
    if c.n_sentences == 0:
        return Undefined("empty body: no sentences to measure")
    return c.n_words / c.n_sentences


@metric(family=FAMILY, higher_is="harder")
def median_words_per_sentence(doc: ParsedArticle) -> float:
    """Median sentence length in words: our robust companion to the mean W/S of Flesch (1948).

    One long quoted sentence moves it less than the mean. NaN when there are no sentences.
    """
    c = readability_counts(doc)
    if c.n_sentences == 0:
        return Undefined("empty body: no sentences to measure")
    return float(statistics.median(c.words_per_sentence))


@metric(family=FAMILY, higher_is="harder")
def syllables_per_word(doc: ParsedArticle) -> float:
    """Syl/W: syllables per word, numerals read aloud, the word term of Flesch (1948). NaN without words."""
    c = readability_counts(doc)
    if reason := _undefined_reason(c):
        return Undefined(reason)
    return c.n_syllables / c.n_words


@metric(family=FAMILY, higher_is="more diverse")
def mtld(doc: ParsedArticle) -> float:
    """MTLD lexical diversity (McCarthy & Jarvis, 2010): threshold 0.72, mean of forward and backward passes.

    Over the lower-cased spelled words. NaN below 100 tokens, the shortest texts McCarthy & Jarvis
    validated it on, where one partial factor dominates the value.
    """
    c = readability_counts(doc)
    if c.n_words == 0:
        return Undefined("empty body: no words or sentences to measure")
    return _mtld(c.lexical_tokens, min_tokens=MTLD_MIN_TOKENS)


# ---------------------------------------------------------------------------------------------
# The family: scalar metrics, per-sentence evidence and count tables


HARD_CLASSES = {"P": "polysyllabic (3+ syllables)", "C": "complex (Gunning)", "D": "difficult (Dale–Chall)",
                "N": "a name counted difficult"}
"""The class letters of a sentence cue's hard words (:func:`sentence_cue`)."""


def sentence_cue(sc: SentenceCounts) -> str:
    """The evidence cue of one sentence: its counts and the words behind them.

    ``words=N; numerals=N; syllables=N; hard words: W CLASSES, …`` where each word that is polysyllabic,
    complex, difficult or a name counted difficult is written once, in text order, followed by the letters of
    its classes (:data:`HARD_CLASSES`: P polysyllabic, C complex (Gunning), D difficult (Dale–Chall), N a name
    counted difficult), e.g. ``mutual PCD, Korea PDN, treaty D, following P``. Each count is the number of words
    carrying its letter (so each list of the counts is the words with that letter, in order); ``hard words``
    is left out when there is none. Then the numerals read aloud and the fallback syllable counts, if any.
    """
    parts = [f"words={sc.n_words}", f"numerals={sc.n_numerals}", f"syllables={sc.n_syllables}"]
    if sc.hard:
        parts.append(f"hard words: {sc.hard}")
    if sc.numerals:
        parts.append("numerals read aloud: " + ", ".join(f"{w}=“{spoken}” ({n})" for w, spoken, n in sc.numerals))
    if sc.fallback:
        parts.append("fallback syllables: " + ", ".join(f"{w}={n}" for w, n in sc.fallback))
    return "; ".join(parts)


def counts_record(c: ReadabilityCounts) -> dict[str, object]:
    """One flat row of every count behind the article's readability values."""
    return {
        "n_words": c.n_words, "n_spelled_words": c.n_spelled_words, "n_numerals": c.n_numerals,
        "n_sentences": c.n_sentences, "n_paragraphs": c.n_paragraphs, "n_syllables": c.n_syllables,
        "n_letters": c.n_letters, "n_characters": c.n_characters,
        "n_polysyllabic_words": c.n_polysyllabic_words, "n_complex_words": c.n_complex_words,
        "n_difficult_words": c.n_difficult_words, "n_difficult_names": c.n_difficult_names,
        "n_fallback_words": len(c.fallback_words), "fallback_words": "; ".join(c.fallback_words),
    }


@register_family(FAMILY)
def compute_readability(doc: ParsedArticle, settings: Settings) -> FamilyResult:
    """Readability metrics, one evidence row per sentence, and count tables."""
    c = readability_counts(doc)
    evidence = [
        Evidence("sentence_counts", "", sent.index, sent.start, sent.end, sent.text, sentence_cue(sc))
        for sent, sc in zip(doc.sentences, c.sentences, strict=True)
    ]
    sentence_rows: list[dict[str, object]] = [
        {"sentence_index": sc.index, "n_words": sc.n_words, "n_numerals": sc.n_numerals,
         "n_syllables": sc.n_syllables, "n_polysyllabic_words": len(sc.polysyllabic),
         "n_complex_words": len(sc.complex), "n_difficult_words": len(sc.difficult),
         "n_difficult_names": len(sc.difficult_names), "n_fallback_words": len(sc.fallback)}
        for sc in c.sentences
    ]
    result = FamilyResult(
        measurements=scalar_measurements(doc, FAMILY),
        evidence=evidence,
        records={"readability_counts": [counts_record(c)], "readability_sentences": sentence_rows},
    )
    # no other family reads the counts: dropped so the later families do not run beside them (a second call
    # counts again)
    doc.cache.pop(CACHE_KEY, None)
    return result
