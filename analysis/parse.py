"""Parse once: clean an article and segment its body into paragraphs, sentences and tokens.

Every metric family reads the same :class:`ParsedArticle`; nothing re-splits the text.
"""

from __future__ import annotations

from .clean import clean_text, normalise_text
from .model import Article, Paragraph, ParsedArticle, Sentence
from .segment import sentence_spans, tokenize


def parse_article(article: Article) -> ParsedArticle:
    """Clean ``article`` and segment its body; the headline (title) is parsed separately."""
    cleaned = clean_text(article.text)
    body = cleaned.body
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    pos = 0
    for para in body.split("\n"):
        offset = pos
        pos += len(para) + 1
        spans = sentence_spans(para)
        if not spans:
            continue
        p_index = len(paragraphs)
        first = len(sentences)
        for s, e in spans:
            sentences.append(
                Sentence(len(sentences), p_index, offset + s, offset + e, para[s:e],
                         tokenize(para[s:e], offset + s))
            )
        paragraphs.append(Paragraph(p_index, offset, offset + len(para), tuple(range(first, len(sentences)))))
    headline = None
    title = normalise_text(article.title).replace("\n", " ").strip()
    if title:
        headline = Sentence(-1, -1, 0, len(title), title, tokenize(title))
    return ParsedArticle(article, cleaned, tuple(paragraphs), tuple(sentences), headline)
