"""Structures that keep one huge article's analysis near-linear and in bounded memory (issue 8).

Each helper is checked against values worked out by hand; speed itself is measured in
``benchmarks/huge_articles.md``, never in tests.
"""

from __future__ import annotations

from analysis.metrics.base import Settings
from analysis.model import Article
from analysis.parse import parse_article
from analysis.sourcing.finder import _Finder


def _finder(quoted: list[tuple[int, int]]) -> _Finder:
    finder = _Finder(parse_article(Article("a", "Nothing is quoted here.")), Settings())
    finder.quoted = list(quoted)
    return finder


def test_last_quoted_end_is_the_largest_end_of_the_spans_inside() -> None:
    # spans (start, end), not in text order as a mixed quote's inner span may be added late
    finder = _finder([(40, 55), (10, 20), (22, 30), (5, 60), (70, 80)])
    assert finder._last_quoted_end(0, 100) == 80  # every span inside
    assert finder._last_quoted_end(10, 30) == 30  # (10, 20) and (22, 30); (5, 60) starts before 10
    assert finder._last_quoted_end(10, 29) == 20  # (22, 30) ends after 29
    assert finder._last_quoted_end(11, 100) == 80  # (22, 30), (40, 55), (70, 80)
    assert finder._last_quoted_end(40, 55) == 55  # the bounds are inclusive
    assert finder._last_quoted_end(41, 69) == -1  # (40, 55) starts before 41; none inside
    assert finder._last_quoted_end(0, 4) == -1
    finder.quoted.append((85, 90))  # a span added after the first look-up is seen
    assert finder._last_quoted_end(81, 95) == 90
