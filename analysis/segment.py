"""Sentence boundaries and tokens for English news text.

A rule-based splitter: a boundary is a run of terminal punctuation (. ! ? …), optionally
followed by closing quotes or brackets, then white space and a plausible sentence start.
Periods after known abbreviations (Nov., Gen., U.S.), initials, decimals and list markers
are not boundaries unless the next word is a typical sentence opener.
"""

from __future__ import annotations

import re

from .model import Token

# Abbreviations whose period never ends a sentence when followed by a capitalised word
# (titles, months, and other forms that precede a name or number in news copy).
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cpl adm cmdr rep sen gov pres rev hon st mt
    ft jr sr messrs mmes msgr fr sec insp supt det atty amb
    jan feb mar apr jun jul aug sep sept oct nov dec
    no nos vol vols fig figs p pp art ch sec ed eds est approx dept univ corp inc ltd co bros
    vs v etc al""".split()
)
# Abbreviations that may end a sentence (decided by what follows).
FLEXIBLE_ABBREVIATIONS = frozenset({"co", "inc", "ltd", "corp", "etc", "jr", "sr", "bros", "al"})

SENTENCE_OPENERS = frozenset(
    """a an the this that these those it its he she they we i you his her their our my your
    there here how what when where why who which but and so yet however meanwhile still
    also then in on at for if as after before while although though since because one some
    many most all no none".""".split()
)

_TERMINAL = re.compile(
    r"""(?P<punct>(?:\.\s?){3,}\.?|[.!?…]+)   # terminal run, incl. spaced ellipsis
        (?P<close>[”’"'\)\]]*)                  # closing quotes / brackets
        (?P<space>\s+)""",
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"([\w’'&°.\-]+)$")
_NEXT_WORD = re.compile(r"[“‘\"'(\[]*([\w’'.\-]+)")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_LIST_ITEM = re.compile(r"^(?:\d{1,3}|[a-zA-Z])$")


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    punct = m.group("punct")
    after = text[m.end():]
    nxt_m = _NEXT_WORD.match(after)
    if not nxt_m:
        return bool(after.strip()) is False or not after[0].isalnum()
    nxt = nxt_m.group(1)
    first = after[0]
    if punct != "." or m.group("close"):
        # ! ? … and quoted endings: boundary unless the next word is lower case
        return not first.islower()
    before_m = _WORD_BEFORE.search(text, 0, m.start())
    before = before_m.group(1) if before_m else ""
    # lower-case continuation never starts a sentence
    if first.islower():
        return False
    stem = before.rstrip(".").lower()
    if _INITIALISM.match(before + "."):
        # U.S. / U.N. / E.U.: a boundary only when the next word opens a sentence
        return nxt.lower() in SENTENCE_OPENERS
    if len(before) == 1 and before.isupper():
        # an initial (Jonas E. Smith) unless a pronoun follows a lone "I."
        return before == "I" and nxt.lower() in SENTENCE_OPENERS
    if stem in TITLE_ABBREVIATIONS:
        if stem in FLEXIBLE_ABBREVIATIONS:
            return nxt.lower() in SENTENCE_OPENERS
        return False
    if _LIST_ITEM.match(before) and first.isupper():
        return False
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text`` (one paragraph), stripped of white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _TERMINAL.finditer(text):
        if _is_boundary(text, m):
            end = m.end() - len(m.group("space"))
            spans.append((start, end))
            start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` as strings (paragraph breaks are always boundaries)."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n", text):
        out.extend(para[s:e] for s, e in sentence_spans(para))
    return out


_TOKEN = re.compile(
    r"""(?P<number>\d+(?:[.,:]\d+)*%?(?![^\W_]))             # 12,000  3.5  50%
      |(?P<word>(?:[^\W\d_]\.){2,}                      # initialisms: U.S. U.N.
        |[^\W_]+(?:[’'\-][^\W_]+)*                      # words, hyphenated, possessive
        )
      |(?P<punct>\S)""",
    re.VERBOSE,
)


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Tokens of ``text``; offsets are shifted by ``offset`` so they index the body."""
    tokens = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        tokens.append(Token(m.group(), m.start() + offset, m.end() + offset, kind))
    return tuple(tokens)
