"""Records that flow through the pipeline: Article -> CleanedText -> ParsedArticle.

Data flows one way (load -> clean -> parse once -> metric families -> tidy tables);
these classes are the contracts between the stages.
"""

from __future__ import annotations

import math
from dataclasses import FrozenInstanceError, dataclass, field
from functools import cached_property
from operator import attrgetter
from sys import intern
from typing import Any

from .frozen import quick_init

MAX_SENTENCE_WORDS = 250
"""Longest sentence the tone and speaker rules process. A longer "sentence" is almost always a segmentation
failure (unpunctuated text), on which VADER's and the quote finder's rules take time quadratic in length;
such sentences are left unscored with the reason in the evidence."""


class MediacompareError(Exception):
    """An input or usage problem, reported to the user as one line without a traceback."""


class Undefined(float):
    """A NaN that carries the reason the measure is undefined.

    Behaves as ``float('nan')`` everywhere (``math.isnan`` is true) and keeps
    ``.reason`` so the tidy tables can say why a value is missing.
    """

    reason: str

    def __new__(cls, reason: str) -> Undefined:
        obj = super().__new__(cls, math.nan)
        obj.reason = reason
        return obj

    def __repr__(self) -> str:
        return f"Undefined({self.reason!r})"


def reason_of(value: float) -> str:
    """The reason attached to an :class:`Undefined` value, else ``""``."""
    return getattr(value, "reason", "") if isinstance(value, float) and math.isnan(value) else ""


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, as loaded; metadata is never inferred beyond what the input says."""

    article_id: str
    text: str
    outlet: str = ""
    title: str = ""
    published: str = ""
    url: str = ""
    event_id: str = ""
    source: str = ""  # where it came from: a file path or "table.csv row 12"
    extra: tuple[tuple[str, str], ...] = ()  # further metadata columns, in input order


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input article that could not be analysed, and why; keeps whatever metadata the input gave."""

    article_id: str
    source: str
    status: str  # empty | undecodable | unreadable | duplicate_id | missing_file | unlisted | not_text | invalid
    reason: str
    outlet: str = ""
    event_id: str = ""
    title: str = ""
    published: str = ""
    url: str = ""
    extra: tuple[tuple[str, str], ...] = ()  # further metadata columns, in input order

    @classmethod
    def of(cls, article: Article, status: str, reason: str, source: str | None = None) -> Skipped:
        """``article`` skipped with ``status`` and ``reason``, its metadata kept."""
        return cls(article.article_id, article.source if source is None else source, status, reason,
                   article.outlet, article.event_id, article.title, article.published, article.url, article.extra)


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str = ""  # the dateline as printed, e.g. "SEOUL, Nov. 12 (UPI) —"
    place: str = ""
    date: str = ""  # as printed, e.g. "Nov. 12"; never completed with a guessed year
    agency: str = ""


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The article split into body (what metrics see) and non-body fields."""

    body: str
    caption: str = ""
    credit: str = ""
    byline: str = ""
    trailer: str = ""  # end matter: "Reporting by …; Editing by …", copyright lines
    dateline: Dateline = Dateline()
    removed: tuple[str, ...] = ()  # human-readable notes of what cleaning took out
    markup: str = "text"  # "html" when the raw text was judged to be HTML and its markup stripped, else "text"


class Token:
    """One word, number or punctuation mark of a text: ``Token(text, start, end, kind)``, immutable.

    ``start`` and ``end`` are character offsets into the text the token came from (body or headline); a token is
    the characters it spans, so ``end`` is ``start + len(text)`` and is derived, not stored (a 5 MB article has
    about a million tokens: each stored offset was a 32-byte integer object and one more slot). ``kind`` is
    ``"word"``, ``"number"`` or ``"punct"``. ``lower`` is ``text.lower()``, made once with the token (interned:
    one string per spelling): the rules read it for almost every token, often several times. Equality, hash and
    repr are those of the frozen dataclass this was: over ``(text, start, end, kind)``.
    """

    __slots__ = ("kind", "lower", "start", "text")
    text: str
    start: int
    kind: str
    lower: str

    def __init__(self, text: str, start: int, end: int, kind: str) -> None:
        if end != start + len(text):
            raise ValueError(f"a token spans its text: end {end} != start {start} + len({text!r})")
        _set_text(self, text)
        _set_start(self, start)
        _set_kind(self, kind)
        _set_lower(self, intern(text.lower()))

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_word(self) -> bool:
        """Words for counting: alphabetic or numeric tokens (not punctuation)."""
        return self.kind != "punct"

    def _key(self) -> tuple[str, int, int, str]:
        return self.text, self.start, self.start + len(self.text), self.kind

    def __eq__(self, other: object) -> bool:
        return self._key() == other._key() if other.__class__ is Token else NotImplemented  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Token(text={self.text!r}, start={self.start!r}, end={self.end!r}, kind={self.kind!r})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}: a Token is immutable")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}: a Token is immutable")

    def __reduce__(self) -> tuple[type[Token], tuple[str, int, int, str]]:
        return Token, self._key()


_new_object = object.__new__
_set_text, _set_start, _set_kind, _set_lower = (  # the slots' setters (the class is immutable)
    Token.text.__set__, Token.start.__set__, Token.kind.__set__, Token.lower.__set__)  # type: ignore[attr-defined]


TOKEN_TEXT = attrgetter("text")  # Token.text, for map() over a sentence's tokens without a Python loop
TOKEN_LOWER = attrgetter("lower")  # Token.lower, likewise


def make_token(text: str, start: int, end: int, kind: str) -> Token:
    """``Token(text, start, end, kind)`` (``end`` is ``start + len(text)``), built through its slots: the
    tokenizer makes one per word and mark, and a call of ``__init__`` per token costs about twice as much."""
    tok = _new_object(Token)
    _set_text(tok, text)
    _set_start(tok, start)
    _set_kind(tok, kind)
    _set_lower(tok, intern(text.lower()))
    return tok


@quick_init
@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # 0-based position in the body; -1 for the headline
    paragraph: int  # 0-based paragraph index; -1 for the headline
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]

    @property
    def words(self) -> tuple[Token, ...]:
        return tuple([t for t in self.tokens if t.kind != "punct"])  # Token.is_word, without a call per token


@quick_init
@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    sentence_indices: tuple[int, ...]


@dataclass(eq=False)
class ParsedArticle:
    """An article parsed once: paragraphs, sentences and tokens shared by every family.

    ``cache`` holds per-article values that several families reuse (for example the
    VADER scores of each sentence), so nothing is computed twice.
    """

    article: Article
    cleaned: CleanedText
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    headline: Sentence | None = None
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def article_id(self) -> str:
        return self.article.article_id

    @property
    def body(self) -> str:
        return self.cleaned.body

    @cached_property
    def words(self) -> tuple[Token, ...]:
        """All word tokens of the body, in order."""
        return tuple([t for s in self.sentences for t in s.tokens if t.kind != "punct"])  # Token.is_word, inlined

    @property
    def n_words(self) -> int:
        return len(self.words)

    @property
    def n_sentences(self) -> int:
        return len(self.sentences)

    @property
    def n_paragraphs(self) -> int:
        return len(self.paragraphs)

    @cached_property
    def lead(self) -> tuple[Sentence, ...]:
        """The lead: the sentences of the first body paragraph."""
        if not self.paragraphs:
            return ()
        return tuple(self.sentences[i] for i in self.paragraphs[0].sentence_indices)
