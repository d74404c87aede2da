"""The comparison statistics run on one BLAS thread unless the user set a thread count (analysis.compare.blas)."""

from __future__ import annotations

import numpy as np
import pytest
from threadpoolctl import threadpool_info

from analysis.compare.blas import USER_SETTINGS, one_blas_thread


def _blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


@pytest.fixture
def no_user_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in USER_SETTINGS:
        monkeypatch.delenv(name, raising=False)


def test_one_thread_inside_and_restored_after(no_user_setting: None) -> None:
    np.ones((2, 2)) @ np.ones((2, 2))  # numpy's BLAS is loaded
    before = _blas_threads()
    if not before:
        pytest.skip("numpy exposes no BLAS library to threadpoolctl here")
    with one_blas_thread():
        assert _blas_threads() == [1] * len(before)
    assert _blas_threads() == before


def test_a_user_setting_is_kept(monkeypatch: pytest.MonkeyPatch, no_user_setting: None) -> None:
    np.ones((2, 2)) @ np.ones((2, 2))
    before = _blas_threads()
    if not before or max(before) == 1:
        pytest.skip("BLAS already runs one thread here: a kept setting cannot be told from a limit")
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", str(max(before)))
    with one_blas_thread():
        assert _blas_threads() == before


def test_same_products_on_one_thread(no_user_setting: None) -> None:
    """What the statistics compute does not depend on the thread count (draw counts times values)."""
    rng = np.random.default_rng(7)
    counts = rng.integers(0, 5, size=(400, 300)).astype(float)
    values = rng.normal(size=(300, 6))
    threaded = counts @ values
    with one_blas_thread():
        single = counts @ values
    # the counts are small integers: each product is a sum of exactly representable terms; the two orders of
    # summation agree to rounding
    np.testing.assert_allclose(single, threaded, rtol=1e-12, atol=1e-12)
