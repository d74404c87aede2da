"""The fast paths of parsing and table writing give what the plain definitions give (issue 10).

Each fast path is checked against values worked out by hand, not against its own output.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import math

import pytest

from analysis.metrics.base import flat_record
from analysis.model import Token, Undefined, make_token
from analysis.segment import tokenize, tokenize_phrase
from analysis.tables import TableWriter


def test_make_token_is_the_frozen_token() -> None:
    tok = make_token("Korea’s", 3, 10, "word")
    assert tok == Token("Korea’s", 3, 10, "word")
    assert hash(tok) == hash(Token("Korea’s", 3, 10, "word"))
    assert tok.is_word and tok.lower == "korea’s"
    with pytest.raises(dataclasses.FrozenInstanceError):
        tok.text = "x"  # type: ignore[misc]


def test_token_lower_is_stored_once_per_spelling() -> None:
    # the lower-case form is made with the token, whichever way it is built, and is not part of its identity
    built = Token("KCNA", 0, 4, "word")
    assert built.lower == "kcna" and make_token("KCNA", 0, 4, "word").lower == "kcna"
    assert repr(built) == "Token(text='KCNA', start=0, end=4, kind='word')"
    a, b, c = tokenize("Said SAID said")
    assert a.lower == b.lower == c.lower == "said" and a.lower is b.lower is c.lower  # one string per spelling
    assert Token("Reuters", 0, 7, "word").lower == "reuters"


def test_a_token_end_is_derived_from_its_start_and_text() -> None:
    # end is not stored (a million tokens of a 5 MB article held a million offset objects): a token spans its text
    import pickle

    tok = make_token("Hwasong-19", 120, 130, "word")
    assert tok.end == 130 and tokenize("said Hwasong-19", 100)[1] == Token("Hwasong-19", 105, 115, "word")
    with pytest.raises(ValueError, match="spans its text"):
        Token("Korea", 0, 4, "word")
    with pytest.raises(dataclasses.FrozenInstanceError):
        del tok.start
    assert pickle.loads(pickle.dumps(tok)) == tok and {tok: 1}[Token("Hwasong-19", 120, 130, "word")] == 1
    assert tok != Token("Hwasong-19", 121, 131, "word") and tok != ("Hwasong-19", 120, 130, "word")


def test_tokenize_phrase_is_tokenize() -> None:
    phrase = "the Foreign Ministry’s spokeswoman, Maria Zakharova"
    assert tokenize_phrase(phrase) == tokenize(phrase)
    assert [t.text for t in tokenize_phrase(phrase)][-3:] == [",", "Maria", "Zakharova"]


@pytest.mark.parametrize(("text", "expected"), [
    # the longest title (6 letters) and the shortest (1) are one token with their period before a name
    ("Messrs. Smith and Jones", ["Messrs.", "Smith", "and", "Jones"]),
    ("Smith v. Jones", ["Smith", "v.", "Jones"]),
    ("MRS. Gandhi", ["MRS.", "Gandhi"]),  # titles match in any case
    ("St. Louis", ["St.", "Louis"]),
    ("Main St. the", ["Main", "St", ".", "the"]),  # St. is a title only before a capital
    ("Mr.Smith", ["Mr", ".", "Smith"]),  # no space: the period is not the title's
    ("Dr. 5", ["Dr", ".", "5"]),  # a title's period stays only before a letter
    ("the Dr.", ["the", "Dr."]),  # a title at the end of the text keeps its period
    ("Messrsx. Smith", ["Messrsx", ".", "Smith"]),  # 7 letters: no title
    ("xMr. Smith", ["xMr", ".", "Smith"]),  # a title starts a word
    ("mail kim@example.org now", ["mail", "kim@example.org", "now"]),
    ("U.S. officials", ["U.S.", "officials"]),
])
def test_titles_and_words(text: str, expected: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == expected


def test_token_kinds_and_offsets() -> None:
    toks = tokenize("Mr. Li paid 12,000 won.", offset=100)
    assert [(t.text, t.start, t.end, t.kind) for t in toks] == [
        ("Mr.", 100, 103, "word"), ("Li", 104, 106, "word"), ("paid", 107, 111, "word"),
        ("12,000", 112, 118, "number"), ("won", 119, 122, "word"), (".", 122, 123, "punct")]


def test_csv_cells_are_formatted_per_column_as_per_value() -> None:
    columns = ["article_id", "outlet", "value", "sentence_index", "note"]
    rows = [
        ["a1", "=HYPERLINK(x)", 0.1, 3, "-lead"],
        ["a2", "'+1", math.nan, 4, ""],
        ["a3", "Reuters", Undefined("no words"), None, "plain"],
        ["a4", "@handle", 2.0, 5, 7],  # a number in a text column is written as is
    ]
    path_out = io.StringIO()
    w = TableWriter.__new__(TableWriter)  # only the CSV part of the writer, on a string buffer
    w.columns, w.text_columns = columns, frozenset({0, 1, 4})
    w._csv = csv.writer(path_out, lineterminator="\n")
    w.write(rows)
    assert path_out.getvalue().splitlines() == [
        "a1,'=HYPERLINK(x),0.1,3,'-lead",
        "a2,''+1,,4,",
        "a3,Reuters,,,plain",
        "a4,'@handle,2.0,5,7",
    ]


def test_csv_columns_repeat_values_and_signed_zeros() -> None:
    """Columns checked by their distinct values: -0.0 and 0.0 (equal, one set element) keep their own text,
    a repeated risky text is made safe in every row, NaN and Undefined are empty."""
    from analysis.tables import _csv_columns

    values = [0.0, -0.0, math.nan, Undefined("no words"), 1e-05, 0.1 + 0.2, 2.0]
    text = ["=1", "a", "=1", "b", "a", "-x", "a"]
    ids = ["a1"] * 7
    got = _csv_columns([ids, text, values], frozenset({0, 1}))
    assert got[0] == ids
    assert got[1] == ["'=1", "a", "'=1", "b", "a", "'-x", "a"]
    assert got[2] == ["0.0", "-0.0", "", "", "1e-05", "0.30000000000000004", "2.0"]


def test_flat_record_is_asdict_of_a_flat_dataclass() -> None:
    @dataclasses.dataclass(frozen=True)
    class Row:
        speaker: str
        n: int
        share: float

    row = Row("Kim", 2, 0.5)
    assert flat_record(row) == {"speaker": "Kim", "n": 2, "share": 0.5}
    assert list(flat_record(row)) == ["speaker", "n", "share"]  # field order: the table's column order


def test_span_counts_by_bisection_are_the_per_position_tests() -> None:
    from analysis.sourcing.hedges import _Spans

    # overlapping spans: a position is tested against the span with the last start at or before it
    # 0 -> [0, 10) yes; 3 -> [2, 5) yes; 7 -> [2, 5) no; 12 -> [2, 5) no
    sp = _Spans([(0, 10), (2, 5)])
    assert [sp.contains(p) for p in (0, 3, 7, 12)] == [True, True, False, False]
    assert sp.count_inside([0, 3, 7, 12]) == 2
    assert _Spans([(4, 8), (1, 2)]).count_inside([0, 1, 2, 4, 7, 8]) == 3  # 1, 4 and 7
    assert _Spans([]).count_inside([1, 2]) == 0


def test_quoted_word_share_counts_words_wholly_inside_a_span() -> None:
    from analysis.metrics.sourcing import quoted_word_share
    from analysis.model import Article
    from analysis.parse import parse_article

    doc = parse_article(Article("t", "a b c d e f g h i j."))  # ten words: a = 0-1, b = 2-3, … j = 18-19
    assert quoted_word_share(doc, [(0, 3)]) == pytest.approx(2 / 10)  # a, b
    assert quoted_word_share(doc, [(1, 4)]) == pytest.approx(1 / 10)  # b only: a starts before, c ends after
    # a word is inside when one span holds it whole: d (6-7) lies in (0, 9), though the later (2, 5) does not
    assert quoted_word_share(doc, [(2, 5), (0, 9)]) == pytest.approx(5 / 10)  # a, b, c, d, e
    assert quoted_word_share(doc, [(4, 7), (4, 11), (16, 40)]) == pytest.approx(6 / 10)  # c, d, e, f; i, j
    assert quoted_word_share(doc, []) == 0


def test_tokenize_builds_the_tokens_make_token_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis import segment

    text = "Mr. Kim told KCNA: “It is 12,000.”"
    toks = tokenize(text, 5)
    # offsets counted by hand: Mr. 0-3, Kim 4-7, told 8-12, KCNA 13-17, : 17-18, “ 19-20, It 20-22, …
    assert [(t.text, t.start, t.end) for t in toks][:5] == [("Mr.", 5, 8), ("Kim", 9, 12), ("told", 13, 17),
                                                            ("KCNA", 18, 22), (":", 22, 23)]
    assert all(t == make_token(t.text, t.start, t.end, t.kind) and t.lower == t.text.lower() for t in toks)
    # the spellings remembered are bounded: forgotten all at once when full, the tokens the same after
    monkeypatch.setattr(segment, "MAX_SPELLINGS", 3)
    segment._SPELLINGS.clear()
    again = tokenize(text, 5)
    assert len(segment._SPELLINGS) <= 3 and [(t.text, t.lower, t.start) for t in again] == [
        (t.text, t.lower, t.start) for t in toks]
