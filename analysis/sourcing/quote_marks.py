"""Quote-span finding on body offsets: paired double quotation marks (curly or straight, mixed, over
paragraphs) and embedded social-media posts printed without marks.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..model import ParsedArticle

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


def _quote_mark_spans(doc: ParsedArticle) -> list[tuple[int, int]]:
    """(open, close) body offsets of double-quote pairs; the content is body[open + 1:close]."""
    body = doc.body
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
            elif c in closers:
                spans.append((open_at, i))
                open_at = None
        if open_at is not None:
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            reopens = nxt is not None and body[nxt.start:nxt.end].lstrip()[:1] in OPENERS
            if not reopens:
                spans.append((open_at, p.end))  # unclosed: the quote ends with its paragraph
                open_at = None
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
    out = []
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


