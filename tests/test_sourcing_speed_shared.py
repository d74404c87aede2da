"""Speed work in the sourcing family (issue 10): what is computed once per article is the same as what each
caller computed before, and the faster tests agree with the patterns they stand for."""

from __future__ import annotations

import re

import pytest

import analysis.metrics  # noqa: F401  (registers families before the sourcing modules are imported)
from analysis.model import Article
from analysis.parse import parse_article
from analysis.sourcing import numbers
from analysis.sourcing.quote_marks import _quote_mark_spans, sentence_word_counts, single_mark_view, word_starts

TEXT = ("North Korea ratified the treaty on Tuesday. “We are proud,” a spokesman said.\n\n"
        "'It is a good day for both nations,' the minister said. 'We will defend it,' he added.")


def test_word_starts_are_made_once_and_are_the_word_offsets() -> None:
    doc = parse_article(Article("t", TEXT))
    starts = word_starts(doc)
    assert starts == [t.start for t in doc.words]
    assert starts[:3] == [0, TEXT.index("Korea"), TEXT.index("ratified")]  # "North Korea ratified …"
    assert word_starts(doc) is starts  # the same list for every caller of the article


def test_sentence_word_counts_are_made_once() -> None:
    doc = parse_article(Article("t", "Two words. Then three more words here."))
    counts = sentence_word_counts(doc)
    assert counts == [2, 5]  # counted by hand: "Two words" / "Then three more words here"
    assert sentence_word_counts(doc) is counts


def test_single_mark_view_gets_its_own_shared_values() -> None:
    # the view shares its article's cache but has its own body (marks rewritten) and sentences: a value cached for
    # one is never handed to the other
    doc = parse_article(Article("t", TEXT))
    doubles = _quote_mark_spans(doc)
    assert [TEXT[a + 1:b] for a, b in doubles] == ["We are proud,"]
    view = single_mark_view(doc)
    assert view is not None and view.cache is doc.cache
    quoted = [view.body[a + 1:b] for a, b in _quote_mark_spans(view)]
    assert quoted == ["We are proud,", "It is a good day for both nations,", "We will defend it,"]
    assert _quote_mark_spans(doc) == doubles  # the article's own spans again, not the view's
    assert word_starts(view) == [t.start for t in view.words]
    assert sentence_word_counts(view) == [len(s.words) for s in view.sentences]


def _regex_word_before(text: str, pos: int) -> str:
    m = numbers._WORD_BEFORE.search(text, max(0, pos - numbers.BACK), pos)
    return m.group(1).lower() if m else ""


@pytest.mark.parametrize(("text", "expected"), [
    ("rose by ", "by"), ("Article ", "article"), ("U.S. ", "u.s."), ("it’s\n ", "it’s"), ("", ""), ("   ", ""),
    ("— ", ""), ("(", ""), ("x" * 150 + " ", ""),  # a word longer than the window has no start inside it
    ("a" + " " * 120, ""),  # only white space in the window
])
def test_word_before_reads_the_word_before_a_number(text: str, expected: str) -> None:
    assert numbers._word_before(text, len(text)) == expected == _regex_word_before(text, len(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("F-", True), ("COVID", True), ("B", True), ("a -", False), ("(", False), ("", False), ("x-\n", True),
    ("x\n", True), ("_", False), ("٣-", True),  # an Arabic-Indic digit is a digit
])
def test_joined_before_is_a_letter_or_digit_with_an_optional_hyphen(text: str, expected: bool) -> None:
    assert numbers._joined_before(text, len(text)) is expected
    assert bool(numbers._JOINED_BEFORE.search(text, max(0, len(text) - numbers.BACK), len(text))) is expected


@pytest.mark.parametrize(("pattern", "word", "text"), [
    (numbers._BETWEEN_BEFORE, "between", "somewhere BETWEEN "), (numbers._BY_BEFORE, "by", "rose By about $"),
    (numbers._CHANGE_FROM_BEFORE, "from", "fell from "), (numbers._AGE_WORD_BEFORE, "age", "at the Age of "),
    (numbers._AGE_WORD_BEFORE, "age", "children aged "), (numbers._BY_BEFORE, "by", "rose "),
])
def test_tail_search_with_a_needed_word_finds_what_the_pattern_finds(pattern: re.Pattern[str], word: str,
                                                                      text: str) -> None:
    plain = numbers._tail_search(pattern, text, len(text))
    needed = numbers._tail_search(pattern, text, len(text), word)
    assert (plain and plain.span()) == (needed and needed.span())


@pytest.mark.parametrize(("text", "expected"), [
    ("Two of the 12 people", [0, 11, 12]),  # "Two", "1", "2"
    ("someone often", []),  # number words inside longer words
    ("ONE hundred_x", [0]),  # "hundred" touches "_": no whole word
    ("forty-two", [0, 6]),
    ("5million and a million", [0, 15]),  # "million" glued to a digit is no whole word
])
def test_hint_starts_are_digits_and_whole_number_words(text: str, expected: list[int]) -> None:
    assert numbers._hint_starts(text) == expected
    assert [m.start() for m in numbers._HINT.finditer(text)] == expected


def test_hint_starts_leave_case_folded_letters_to_the_pattern() -> None:
    assert numbers._hint_starts("ſix") is None  # ſ matches "s" case-insensitively: searched with the pattern


def test_fractions_in_a_text_with_curly_marks() -> None:
    # non-ASCII text without the case-folded letters is pre-tested like ASCII text, with the same result
    found = numbers._fractions("“Two-thirds of them,” he said, “and half of the rest.”", 0)
    assert [(f.text, round(f.value, 1)) for f in found] == [("Two-thirds", 66.7), ("half", 50.0)]
    assert numbers._fractions("“None of them,” he said.", 0) == []
