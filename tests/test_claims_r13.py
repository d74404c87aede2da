"""Units and ranges of numeric claims (issue 7, round 13): a change and the level it reached, units from the noun
joined to a number by a hyphen, a capitalised plural after an adjective. Values and units worked out by hand."""

from __future__ import annotations

import pytest

import analysis.metrics  # noqa: F401  (registers families before the sourcing modules are imported)
from analysis.metrics.base import Settings
from analysis.model import Article
from analysis.parse import parse_article
from analysis.sourcing.claims import find_claims


def _claims(text: str) -> list[tuple[str, float, float, str]]:
    doc = parse_article(Article("t", text))
    return [(c.surface, c.value_low, c.value_high, c.unit)
            for c in find_claims(doc, Settings(), quotes=[], resolve=lambda *_: "")]


def test_a_change_and_the_level_it_reached_are_two_numbers():
    # roundups 5842_center: "rose by 37,000 to 412,000 last week" was one range 37,000-412,000 in "weeks"
    found = _claims("Filings for unemployment benefits rose by 37,000 to 412,000 last week, the report said.")
    assert [(low, high) for _, low, high, _ in found] == [(37000, 37000), (412000, 412000)]
    assert all(unit != "weeks" for *_, unit in found)  # "last week" says when


def test_a_range_after_from_is_still_a_range():
    assert [(low, high) for _, low, high, _ in _claims("Estimates range from 10 to 12 percent.")] == [(10, 12)]


@pytest.mark.parametrize(("text", "expected"), [
    # the levels before and after a change are two numbers; the first shares the second's sign and scale
    ("Prices rose from 5 to 7 percent this year.", [(5, 5, "%"), (7, 7, "%")]),
    ("The share went from 9 to 35 percent in a decade.", [(9, 9, "%"), (35, 35, "%")]),
    ("Sales fell from 2 to 1.5 million.", [(2e6, 2e6, ""), (1.5e6, 1.5e6, "")]),
    # allsides_dev: "the debt rose from $22,985,834,022,811.17 to $23,004,022,933,459.45" was one range
    ("The debt rose from $22.9 trillion to $23.0 trillion.", [(22.9e12, 22.9e12, "USD"), (23e12, 23e12, "USD")]),
    ("Uninsured rates dropped from 63.6 percent to 53.5 percent.", [(63.6, 63.6, "%"), (53.5, 53.5, "%")]),
])
def test_levels_before_and_after_a_change_are_two_numbers(text: str, expected: list) -> None:
    assert [(low, high, unit) for _, low, high, unit in _claims(text)] == expected


def test_a_duration_is_still_a_unit():
    assert [unit for *_, unit in _claims("He served 10 years in prison.")] == ["years"]


@pytest.mark.parametrize(("text", "unit"), [
    ("The 15-count indictment throws the case into doubt.", "counts"),  # was "throws"
    ("Fire gutted a 10-story building on Monday.", "stories"),
    ("A 6-inch blade was found.", "inches"),
    ("The party won a 3-point lead.", "points"),  # a listed hyphen unit, as before
])
def test_the_noun_joined_to_a_number_by_a_hyphen_is_its_unit(text: str, unit: str):
    assert [u for *_, u in _claims(text)] == [unit]


def test_an_adjective_before_a_capitalised_plural_is_no_unit():
    # allsides_dev: "millions of white Americans who stood along side them" had the unit "white"
    assert [u for *_, u in _claims("Millions of white Americans stood alongside them.")] == ["Americans"]
    assert [u for *_, u in _claims("About 30 young Democrats marched.")] == ["Democrats"]
