"""Parse once: clean an article and segment its body into paragraphs, sentences and tokens.

Every metric family reads the same :class:`ParsedArticle`; nothing re-splits the text.
"""

from __future__ import annotations

from .clean import clean_text, normalise_text
from .model import Article, Paragraph, ParsedArticle, Sentence
from .segment import sentence_spans, tokenize


def parse_article(article: Article) -> ParsedArticle:
    """Clean ``article`` and segment its body; the headline (title) is parsed separately.

    A sentence is a segment with at least one word token (word or number): segments of punctuation
    only (``* * *``, ``###``, a stray ``!!!``) are dropped, and a paragraph without such a sentence is
    not a paragraph. Sentence and paragraph indices are dense (0, 1, 2 …); offsets index ``doc.body``.
    """
    cleaned = clean_text(article.text)
    body = cleaned.body
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    pos = 0
    for para in body.split("\n"):
        offset = pos
        pos += len(para) + 1
        p_index = len(paragraphs)
        first = len(sentences)
        for s, e in sentence_spans(para):
            tokens = tokenize(para[s:e], offset + s)
            if not any(t.is_word for t in tokens):
                continue  # a separator ("* * *") or stray punctuation is not a sentence
            sentences.append(Sentence(len(sentences), p_index, offset + s, offset + e, para[s:e], tokens))
        if len(sentences) == first:
            continue  # a paragraph without a word is not a paragraph
        paragraphs.append(Paragraph(p_index, offset, offset + len(para), tuple(range(first, len(sentences)))))
    headline = None
    title = normalise_text(article.title).replace("\n", " ").strip()
    if title:
        headline = Sentence(-1, -1, 0, len(title), title, tokenize(title))
    return ParsedArticle(article, cleaned, tuple(paragraphs), tuple(sentences), headline)
