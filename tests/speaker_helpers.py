"""What the speaker-rule tests ask of the quote finder: the quotes of a short text, and the speaker of the quote(s)
holding some words (one answer expected: a report and its quoted part agree)."""

from __future__ import annotations

from analysis.model import Article
from analysis.parse import parse_article
from analysis.sourcing import find_quotes


def quotes(text: str, published: str = "") -> list:
    """The quotes :func:`analysis.sourcing.find_quotes` finds in ``text`` (an article with no headline)."""
    return list(find_quotes(parse_article(Article("t", text, published=published))))


def speakers(text: str, words: str, published: str = "", kind: str | None = None) -> set[tuple[str, str]]:
    """``(speaker, speaker as printed)`` of every quote (of ``kind``, if given) whose text holds ``words``."""
    return {(q.speaker, q.speaker_surface) for q in quotes(text, published)
            if words in q.text and (kind is None or q.kind == kind)}


def speaker(text: str, words: str, published: str = "", kind: str | None = None) -> tuple[str, str]:
    """The one ``(speaker, speaker as printed)`` of :func:`speakers`; fails when there is none or more than one."""
    found = speakers(text, words, published, kind)
    assert len(found) == 1, found  # every quote holding the words (a report and its quoted part) agrees
    return found.pop()
