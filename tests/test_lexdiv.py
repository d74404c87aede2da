"""MTLD (McCarthy & Jarvis, 2010) on hand-worked sequences."""

from __future__ import annotations

import math
import warnings

import pytest

from analysis.lexdiv import MTLD_MIN_TOKENS, mtld, mtld_factors
from analysis.model import reason_of


def test_factors_by_hand() -> None:
    # forward a a b c: a TTR 1/1; a 1/2 = .50 <= .72 -> factor 1, reset; b 1/1; c 2/2 = 1.
    # leftover TTR 1 -> partial (1 - 1)/(1 - .72) = 0. Factors = 1.
    assert mtld_factors(["a", "a", "b", "c"]) == pytest.approx(1.0)
    # backward c b a a: 1, 1, 1, 3/4 = .75 > .72: no full factor.
    # partial (1 - .75)/(1 - .72) = .25/.28 = 0.892857...
    assert mtld_factors(["c", "b", "a", "a"]) == pytest.approx(0.25 / 0.28)


def test_mtld_by_hand() -> None:
    # forward 4/1 = 4; backward 4/(.25/.28) = 4.48; mean = 4.24
    assert mtld(["a", "a", "b", "c"], min_tokens=0) == pytest.approx(4.24)


def test_threshold_is_a_parameter() -> None:
    # threshold .5: forward as above = 4; backward partial (1-.75)/(1-.5) = .5 -> 8; mean 6
    assert mtld(["a", "a", "b", "c"], threshold=0.5, min_tokens=0) == pytest.approx(6.0)


def test_too_short_is_undefined_with_reason() -> None:
    value = mtld(["a"] * (MTLD_MIN_TOKENS - 1))
    assert math.isnan(value)
    assert str(MTLD_MIN_TOKENS) in reason_of(value)


def test_empty_is_undefined_without_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = mtld([])
    assert math.isnan(value) and reason_of(value)


def test_all_distinct_is_undefined() -> None:
    value = mtld([f"w{i}" for i in range(150)])
    assert math.isnan(value) and "distinct" in reason_of(value)


def test_repetitive_text_is_less_diverse() -> None:
    repetitive = ["the", "cat", "sat", "on", "the", "mat"] * 20
    diverse = [f"w{i % 40}" for i in range(120)]  # 40 types cycling
    assert mtld(repetitive) < mtld(diverse)
