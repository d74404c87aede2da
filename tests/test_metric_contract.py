"""One conformance test for every registered article-level scalar metric, in every family.

A metric registered with ``@metric`` is picked up here automatically (scikit-learn's
"common tests" idea): float or NaN, deterministic, NaN only with a reason, a docstring that
cites its source (author and year), and a unique snake_case name.
"""

from __future__ import annotations

import math
import re
import warnings
from pathlib import Path

import pytest

from analysis.corpus import load_corpus
from analysis.metrics import METRICS
from analysis.model import Article, ParsedArticle, reason_of
from analysis.parse import parse_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
# An author-like capitalised word followed, within the same line, by a year 1900–2099:
# "Flesch (1948)", "Kincaid et al., 1975", "McCarthy & Jarvis (2010)".
CITATION = re.compile(r"[A-Z][A-Za-z’'\-]+[^\n]{0,60}?\b(?:19|20)\d{2}\b")
SHORT_TEXT = "Officials in Pyongyang approved the agreement. It sends 10,000 troops to Kursk."
NAMES = sorted(METRICS)


def _seeds() -> list[ParsedArticle]:
    return [parse_article(a) for a in load_corpus(SEEDS)]


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


def test_there_are_metrics() -> None:
    assert NAMES, "no scalar metric is registered"


@pytest.mark.parametrize("name", NAMES)
def test_name_is_snake_case_and_matches_function(name: str) -> None:
    spec = METRICS[name]
    assert SNAKE.match(name), name
    assert spec.func.__name__ == name
    assert spec.family and spec.higher_is


def test_names_are_unique() -> None:
    funcs = [spec.func for spec in METRICS.values()]
    assert len({f.__name__ for f in funcs}) == len(funcs)
    assert len(set(NAMES)) == len(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_docstring_cites_author_and_year(name: str) -> None:
    doc = METRICS[name].func.__doc__ or ""
    assert doc.strip(), f"{name} has no docstring"
    assert CITATION.search(doc), f"{name}: docstring lacks a citation (author and year)"


@pytest.mark.parametrize("name", NAMES)
def test_returns_float_or_nan_with_reason_and_is_deterministic(name: str) -> None:
    func = METRICS[name].func
    first_run = [parse_article(Article("short", SHORT_TEXT)), *_seeds()]
    second_run = [parse_article(Article("short", SHORT_TEXT)), *_seeds()]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for doc, again in zip(first_run, second_run, strict=True):
            v = func(doc)
            assert isinstance(v, float), f"{name} returned {type(v).__name__} on {doc.article_id}"
            if math.isnan(v):
                assert reason_of(v), f"{name} returned NaN without a reason on {doc.article_id}"
            assert _same(func(doc), v), f"{name} changed on a second call"
            assert _same(func(again), v), f"{name} differs on a fresh parse of {doc.article_id}"


@pytest.mark.parametrize("name", NAMES)
def test_empty_body_gives_number_or_nan_with_reason_without_warnings(name: str) -> None:
    doc = parse_article(Article("empty", ""))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        v = METRICS[name].func(doc)
    assert isinstance(v, float)
    if math.isnan(v):
        assert reason_of(v), f"{name}: NaN on an empty body must carry a reason"
