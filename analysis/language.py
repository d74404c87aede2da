"""A cheap check that an article is English, before any English-only measure is computed.

The *English share* of a body is the share of its checkable words found in the CMU Pronouncing
Dictionary (about 126,000 English words and names; :func:`analysis.syllables.cmu_syllables`):

    english_share = n_checkable_words_in_dictionary / n_checkable_words

A checkable word is a word token (:func:`analysis.segment.tokenize`) of letters only (hyphens and
apostrophes allowed, no digit), at least three letters long, that does not start with a capital
letter. It is looked up lower-cased with curly apostrophes made straight
(:func:`analysis.syllables.normalise_word`); a possessive (``Korea's``) counts when its stem is in
the dictionary, a hyphenated word (``three-year-old``) when every part is.

Why not every alphabetic word: capitalised words are mostly names, which are the same in any
language (and the CMU dictionary holds many foreign names), and one- and two-letter words collide
across languages (Spanish/French/Italian *de*, *la*, *a*, *el* are CMU entries). Measured on every
alphabetic word, English text dense with foreign names scored 0.72 and Italian 0.53; on checkable
words they score 1.0 and 0.21.

Measured (``tests/test_language.py``, checkable words): both seed articles 1.0; German 0.30, Spanish
0.12 and 0.27, French 0.29, Italian 0.21, romanised Korean 0.0, Korean in Hangul 0.0; an English
paragraph dense with Korean, Russian and Ukrainian names 1.0. The default threshold
:data:`DEFAULT_MIN_ENGLISH_SHARE` = 0.6 leaves a margin of about 0.3 on both sides. A text without a
checkable word (a bare list of names) cannot be judged: its share is undefined and it is analysed.
Nor is a text with fewer than :data:`MIN_CHECKABLE_WORDS` (20) checkable words judged: one or two
dictionary misses move the share of a short text by 0.05–0.5 ("Oh, wouldn't it be loverly?" has two
checkable words, one of them not in the dictionary: share 0.5), so such a text is analysed and its
share is recorded (articles table ``english_share``, with ``english_words`` = its number of checkable
words). The Italian sample of ``tests/test_language.py`` (19 checkable words) is one such text.
This is a screening rule, not language identification: a non-English text quoting long English
passages scores higher. ``Settings.min_english_share`` (CLI ``--min-english-share``) = 0 disables it.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from .metrics.base import DEFAULT_MIN_ENGLISH_SHARE
from .model import ParsedArticle, Token, Undefined
from .syllables import cmu_syllables, normalise_word

__all__ = ["DEFAULT_MIN_ENGLISH_SHARE", "MIN_CHECKABLE_WORDS", "NOT_ENGLISH", "article_english_share",
           "english_reason", "english_share", "english_words", "in_dictionary", "is_checkable_word",
           "not_english_reason"]
NOT_ENGLISH = "not_english"
MIN_CHECKABLE_WORDS = 20  # fewer checkable words than this: too short to judge, analysed


def is_checkable_word(token: Token) -> bool:
    """A word token of letters (hyphens, apostrophes allowed), three or more letters, not capitalised."""
    text = token.text
    letters = sum(1 for c in text if c.isalpha())
    return (token.kind == "word" and letters >= 3 and not text[0].isupper()
            and all(c.isalpha() or c in "-'’" for c in text))


def in_dictionary(word: str, dictionary: dict[str, object] | None = None) -> bool:
    """Whether ``word`` (as printed) is an English word of the CMU dictionary, possessives and hyphenated
    compounds included."""
    cmu = dictionary if dictionary is not None else cmu_syllables()
    key = normalise_word(word)
    if key in cmu:
        return True
    if key.endswith("'s") and key[:-2] in cmu:
        return True
    parts = [p for p in key.split("-") if p]
    return len(parts) > 1 and all(p in cmu or (p.endswith("'s") and p[:-2] in cmu) for p in parts)


def english_share(tokens: Iterable[Token]) -> float:
    """Share of checkable words (lower-case, letters only, 3+ letters) that are in the CMU dictionary.

    See the module docstring; ``Undefined`` when there is no checkable word.
    """
    return _share_of(*_counts(tokens))


def _counts(tokens: Iterable[Token]) -> tuple[int, int]:
    """(words in the dictionary, checkable words) of ``tokens`` (each word's answer memoised per spelling)."""
    memo = _WORDS
    found_n = checkable = 0
    for t in tokens:
        if t.kind != "word":
            continue
        text = t.text
        found = memo.get(text, _UNSEEN)
        if found is _UNSEEN:
            found = _english_word(text)
            if len(memo) >= MAX_WORDS:
                memo.clear()
            memo[text] = found
        if found is not None:  # None: not checkable
            checkable += 1
            found_n += found
    return found_n, checkable


_UNSEEN = object()
_WORDS: dict[str, bool | None] = {}  # spelling -> _english_word(spelling): a dict look-up per word, not a call
MAX_WORDS = 200_000  # spellings remembered (forgotten all at once when full: memory stays flat)


def _share_of(found: int, checkable: int) -> float:
    if not checkable:
        return Undefined("no lower-case word of three or more letters to check")
    return found / checkable


def _english_word(text: str) -> bool | None:
    """For a word token's text: ``None`` when it is not checkable, else whether it is in the dictionary (memoised
    by :func:`_counts` in ``_WORDS``)."""
    if not is_checkable_word(Token(text, 0, len(text), "word")):
        return None
    return in_dictionary(text, cmu_syllables())


def _article_counts(doc: ParsedArticle) -> tuple[int, int]:
    """(words in the dictionary, checkable words) of the body (:func:`_counts`), counted once per article
    (``doc.cache["english_counts"]``; the two counts, not a list of a million flags for a 5 MB article)."""
    counts = doc.cache.get("english_counts")
    if counts is None:
        # (the sentences' tokens chained in C: a generator's step per token cost more than the count)
        counts = doc.cache["english_counts"] = _counts(chain.from_iterable(s.tokens for s in doc.sentences))
    return counts


def article_english_share(doc: ParsedArticle) -> float:
    """:func:`english_share` of the body's words, computed once per article."""
    return _share_of(*_article_counts(doc))


def english_words(doc: ParsedArticle) -> int:
    """Number of checkable words in the body (the denominator of :func:`english_share`)."""
    return _article_counts(doc)[1]


def not_english_reason(doc: ParsedArticle, threshold: float) -> str:
    """The reason to skip ``doc`` as ``not_english``, or ``""`` to analyse it: the check is off (threshold 0),
    the text is too short to judge (fewer than :data:`MIN_CHECKABLE_WORDS` checkable words), or its share
    reaches ``threshold``."""
    if threshold <= 0 or english_words(doc) < MIN_CHECKABLE_WORDS:
        return ""
    share = article_english_share(doc)
    return english_reason(share, threshold) if share < threshold else ""


def english_reason(share: float, threshold: float) -> str:
    """The articles-table reason for an article whose English share is below ``threshold``."""
    return (f"English share {share:.2f} < {threshold:g}: fewer than {threshold:.0%} of its lower-case words are "
            f"in the CMU English dictionary (set --min-english-share 0 to analyse it anyway)")
