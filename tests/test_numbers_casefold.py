"""Number words matched through re.IGNORECASE's extra folds (ſ, ı, İ, K) are looked up as the ASCII word they
match: "millionſ" is "millions" (a KeyError stopped the whole analysis before, found by random strings)."""

from __future__ import annotations

import pytest

from analysis.casefold import fold
from analysis.metrics import FAMILY_ORDER, Settings
from analysis.model import Article
from analysis.pipeline import analyse_record
from analysis.sourcing.numbers import find_numbers


def test_fold_maps_the_four_characters_to_their_ascii_letters() -> None:
    assert fold("THOUſAND") == "thousand"
    assert fold("bıllıon") == "billion"
    assert fold("\u212aM") == "km"
    assert fold("İN") == "in"
    assert fold("Million") == "million"


@pytest.mark.parametrize(("odd", "plain"), [
    ("The city spent two millionſ on roads.", "The city spent two millions on roads."),
    ("About three thouſands came.", "About three thousands came."),
    ("It cost 5 bıllion dollars.", "It cost 5 billion dollars."),
    ("It cost half a millıon dollars.", "It cost half a million dollars."),
])
def test_odd_spellings_give_the_values_of_the_plain_ones(odd: str, plain: str) -> None:
    values = [n.value for n in find_numbers(odd, 0)]
    assert values == [n.value for n in find_numbers(plain, 0)]
    assert values  # by hand: 2 and "millions" (vague: 2,000,000); 3 and 2,000; 5e9; 500,000


def test_an_article_with_a_long_s_is_analysed() -> None:
    text = "The city spent two millionſ on new roads, the mayor said on Tuesday. Work starts in May."
    result = analyse_record(Article("longs", text, outlet="Test"), Settings(), list(FAMILY_ORDER))
    assert "sourcing" in result.families
