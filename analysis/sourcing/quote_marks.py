"""Quote-span finding on body offsets: paired double quotation marks (curly or straight, mixed, over
paragraphs) and embedded social-media posts printed without marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from ..model import ParsedArticle, make_token

# our choice, as the sentiment family's cap: a longer "sentence" is almost always a segmentation failure
# (unpunctuated text), and the speaker and clause search would take time quadratic in its length
OPENERS = {"“": "”", '"': '"'}

_MARK = re.compile("[“”\"]")  # the characters of OPENERS and CLOSERS

# a quote opened with one style may be closed with the other ('"Hello,” he said', '“Hello," he said'):
# copy-edited text mixes them, and double quotes are not nested inside double quotes in English
CLOSERS = {"“": frozenset('”"'), '"': frozenset('"”')}

def sentence_at(doc: ParsedArticle, offset: int) -> int:
    """Index of the sentence of ``doc`` that starts at or before body ``offset`` (0 when none does)."""
    starts = doc.cache.get("_sourcing_sentence_starts")
    if starts is None:
        starts = [s.start for s in doc.sentences]
        doc.cache["_sourcing_sentence_starts"] = starts
    return max(0, bisect_right(starts, offset) - 1)


def sentence_word_counts(doc: ParsedArticle) -> list[int]:
    """``len(s.words)`` of each sentence of ``doc`` (counted once per article: the finder's too-long test, the
    antecedent window and the claims read it; cached with the sentences, so the single-mark view gets its own).
    Read only."""
    sents = doc.sentences
    cached = doc.cache.get("_sourcing_sentence_words")
    if cached is not None and cached[0] is sents:
        return cached[1]  # type: ignore[no-any-return]
    counts = [len(s.words) for s in sents]
    doc.cache["_sourcing_sentence_words"] = (sents, counts)
    return counts


def word_starts(doc: ParsedArticle) -> list[int]:
    """Body offsets of ``doc.words`` (ascending), made once per article and shared by the finder, the hedges,
    the gender cues and the quoted-word share (cached in ``doc.cache`` with the words they are the starts of, so
    the single-mark view, whose cache is its article's, gets its own). Read only."""
    words = doc.words
    cached = doc.cache.get("_sourcing_word_starts")
    if cached is not None and cached[0] is words:
        return cached[1]  # type: ignore[no-any-return]
    starts = [t.start for t in words]
    doc.cache["_sourcing_word_starts"] = (words, starts)
    return starts


def _quote_mark_spans(doc: ParsedArticle) -> list[tuple[int, int]]:
    """(open, close) body offsets of double-quote pairs; the content is body[open + 1:close]. Found once per body
    (cached in ``doc.cache`` with the body: the single-mark view shares its article's cache); read only."""
    body = doc.body
    cached = doc.cache.get("_sourcing_mark_spans")
    if cached is not None and cached[0] is body:
        return cached[1]  # type: ignore[no-any-return]
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closers: frozenset[str] = frozenset()
    paras = doc.paragraphs
    for n, p in enumerate(paras):
        carried = open_at is not None
        first_char = next((i for i in range(p.start, p.end) if not body[i].isspace()), p.end)
        for m in _MARK.finditer(body, p.start, p.end):  # only the marks: linear in marks, not characters
            i, c = m.start(), m.group()
            if open_at is None:
                if c in OPENERS:
                    open_at, closers = i, CLOSERS[c]
            elif carried and i == first_char and c in OPENERS:
                continue  # the reopening mark of a quote that runs on from the previous paragraph
            elif c in closers or (c == "“" and body[i - 1] in ",.?!…" and body[i + 1:i + 2] in (" ", "\n", "")):
                # (an opening mark typed as the closing one after the quote's last punctuation, before a space:
                # '“Fear of discrimination can lead individuals to forgo care,“ the … Secretary Xavier Becerra said')
                spans.append((open_at, i))
                open_at = None
        if open_at is not None:
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            reopens = nxt is not None and body[nxt.start:nxt.end].lstrip()[:1] in OPENERS
            if not reopens:
                spans.append((open_at, p.end))  # unclosed: the quote ends with its paragraph
                open_at = None
    doc.cache["_sourcing_mark_spans"] = (body, spans)
    return spans


# An embedded social-media post as printed by news sites: the post's text, then "— Name (@handle) Month D, YYYY"
_POST_SIGNATURE = re.compile(r"[ \t]+(?:[—–]|-{1,2})[ \t]*(?P<name>[^\W\d_][^()\n—–]{0,60}?)"
                             r"[ \t]*\((?P<handle>@\w{1,30})\)[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]*\d{4})")

def embedded_posts(doc: ParsedArticle) -> list[tuple[int, int, int, int]]:
    """(content start, content end, name start, name end) body offsets of embedded posts: a paragraph's text
    followed by the signature of an embedded tweet ("… Bad for country! — Donald J. Trump (@realDonaldTrump)
    October 11, 2017"), printed without quotation marks. The content runs from the paragraph start (or the end
    of the post before it) to the dash; leading dots ("....The assault") are left out."""
    body = doc.body
    out: list[tuple[int, int, int, int]] = []
    if "(@" not in body:
        return out  # every signature has its handle in brackets
    for p in doc.paragraphs:
        start = p.start
        for m in _POST_SIGNATURE.finditer(body, p.start, p.end):
            cstart, cend = start, m.start()
            while cstart < cend and body[cstart] in " .…“”\"":
                cstart += 1
            while cend > cstart and body[cend - 1] in " “”\"":
                cend -= 1
            if any(c.isalpha() for c in body[cstart:cend]):
                out.append((cstart, cend, m.start("name"), m.end("name")))
            start = m.end()
    return out




# Single quotation marks as a house style (Daily Mail: "'For now, it's prohibited,' Freyre said."). A mark
# opens at a paragraph start or after a space, bracket, colon or dash, before a non-space that is not a digit
# ("the '90s"); it closes after a non-space, before a space, punctuation or the paragraph end ("Cuba's" and
# "don't" are neither). A mark that opens inside an open quote opens a nested one ("ending 'veiled tourism' to
# Cuba"); "s' " before a word is a plural possessive ("the lawyers' fees") when the quote closes later in the
# paragraph.
_SINGLE_OPENERS, _SINGLE_CLOSERS = "'‘", "'’"
_SINGLE_MARK = re.compile("['‘’]")
_BEFORE_OPENER = frozenset(" \t\n([:—–-\"“")
_AFTER_CLOSER = frozenset(" \t\n,.:;!?)]—–-\"”")
SINGLE_STYLE_MIN_QUOTES = 2  # our choice: sentence-like single-quoted spans that make single marks an article's style
SINGLE_STYLE_MIN_WORDS = 4  # our choice: words of a single-quoted span that count as speech, not a scare quote
POSSESSIVE_LOOKAHEAD = 20  # marks looked at for a later closer (linear time in a paragraph of many marks)


def _single_pairs(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) offsets of the outermost paired single marks of the paragraph ``body[start:end]``."""
    marks = [m.start() for m in _SINGLE_MARK.finditer(body, start, end)]
    if not marks:
        return []

    def opens(i: int) -> bool:
        return (body[i] in _SINGLE_OPENERS and (i == start or body[i - 1] in _BEFORE_OPENER)
                and i + 1 < end and not body[i + 1].isspace() and not body[i + 1].isdigit())

    def closes(i: int) -> bool:
        return (body[i] in _SINGLE_CLOSERS and i > start and not body[i - 1].isspace()
                and (i + 1 == end or body[i + 1] in _AFTER_CLOSER))

    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for n, i in enumerate(marks):
        if opens(i):
            stack.append(i)
        elif stack and closes(i):
            possessive = (body[i - 1] == "s" and i + 2 < end and body[i + 1] == " " and body[i + 2].isalpha()
                          and any(closes(j) for j in marks[n + 1:n + 1 + POSSESSIVE_LOOKAHEAD]))
            if possessive:
                continue
            o = stack.pop()
            if not stack:
                pairs.append((o, i))
    return pairs


def single_mark_view(doc: ParsedArticle) -> ParsedArticle | None:
    """``doc`` with its paired single quotation marks written as double ones (same offsets, tokens and
    sentences otherwise unchanged), when single marks are the article's quotation style: at least
    :data:`SINGLE_STYLE_MIN_QUOTES` single-quoted spans of :data:`SINGLE_STYLE_MIN_WORDS` words or more outside
    double quotes, and no more double-quoted spans than single-quoted ones; None otherwise. Single marks inside a
    double-quoted span stay (a quote within a quote)."""
    body = doc.body
    if "'" not in body and "‘" not in body:
        return None
    doubles = _quote_mark_spans(doc)  # in text order, not overlapping
    opens = [x for x, _ in doubles]

    def in_double(a: int) -> bool:
        k = bisect_right(opens, a) - 1
        return k >= 0 and doubles[k][0] < a < doubles[k][1]

    pairs = [(a, b) for p in doc.paragraphs for a, b in _single_pairs(body, p.start, p.end) if not in_double(a)]
    speech = sum(len(body[a + 1:b].split()) >= SINGLE_STYLE_MIN_WORDS for a, b in pairs)
    if speech < SINGLE_STYLE_MIN_QUOTES or len(doubles) > len(pairs):
        return None
    new = {a: "“" for a, _ in pairs} | {b: "”" for _, b in pairs}
    chars = list(body)
    for i, c in new.items():
        chars[i] = c
    text = "".join(chars)
    at = sorted(new)
    sentences = []
    for s in doc.sentences:
        k = bisect_left(at, s.start)
        if k < len(at) and at[k] < s.end:  # only sentences with a rewritten mark get new tokens
            toks = tuple(make_token(new[t.start], t.start, t.end, "punct") if t.start in new else t for t in s.tokens)
            s = replace(s, text=text[s.start:s.end], tokens=toks)
        sentences.append(s)
    return ParsedArticle(doc.article, replace(doc.cleaned, body=text), doc.paragraphs, tuple(sentences),
                         doc.headline, doc.cache)
