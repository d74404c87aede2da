"""Resampling shortcuts of the outlet statistics: within-event shuffles as one draw per event, sign flips from
random bits, one bootstrap for every measure of the same articles. Checked against hand-enumerated permutation
distributions, exact small-sample p-values, uniform p under the null and the plain resampling they replace."""

from __future__ import annotations

import math
from collections import Counter
from itertools import permutations

import numpy as np
import pandas as pd
import pytest

from analysis.compare.contrasts import outlet_mean_cis
from analysis.compare.resampling import (
    BlockShuffledSums,
    DrawStream,
    random_signs,
    shared_permutations,
    stratified_boot_cis,
    stratified_boot_sums,
    subset_sums,
)
from analysis.compare.stats import pooled_and_per_event


def test_block_shuffle_draws_every_within_block_permutation_equally() -> None:
    # blocks [1, 2] and [10, 20, 30], labels 0,1 | 0,1,1. Label 0 gets one value of the first block and the
    # value moved to position 2: 2 · 3 = 6 sums (11, 21, 31, 12, 22, 32), each with probability 1/6 (the 2 · 6 = 12
    # within-block permutations split evenly: 2 of them give each sum); label 1 gets the rest of 63.
    values = np.array([1.0, 2, 10, 20, 30])
    shuffle = BlockShuffledSums(values, np.array([0, 1, 0, 1, 1]), 2, np.array([0, 0, 1, 1, 1]))
    sums = shuffle(np.random.default_rng(5), 60_000)
    assert np.all(sums.sum(axis=1) == 63)
    seen = Counter(sums[:, 0].tolist())
    assert set(seen) == {11.0, 21.0, 31.0, 12.0, 22.0, 32.0}
    for count in seen.values():  # binomial(60,000, 1/6): SD 91; 5 SD either side
        assert abs(count - 10_000) < 460


def test_block_shuffle_large_blocks_and_singles() -> None:
    # a block of 6 (above SMALL_BLOCK: shuffled position by position) and a single value that never moves
    values = np.array([7.0, 1, 2, 3, 4, 5, 6])
    labels = np.array([2, 0, 0, 0, 1, 1, 1])
    sums = BlockShuffledSums(values, labels, 3, np.array([0, 1, 1, 1, 1, 1, 1]))(np.random.default_rng(2), 6_000)
    assert np.all(sums[:, 2] == 7) and np.all(sums[:, 0] + sums[:, 1] == 21)
    # label 0 holds 3 of the 6 values: C(6, 3) = 20 subsets; its sum ranges over 6 … 15 and averages 3 · 3.5
    assert sums[:, 0].min() == 6 and sums[:, 0].max() == 15
    assert sums[:, 0].mean() == pytest.approx(10.5, abs=0.1)


def test_block_shuffle_matches_full_enumeration_of_a_block_of_four() -> None:
    # one block of 4 (the largest drawn as one integer): label 0 takes positions 0 and 1. The 24 orderings give
    # each of the C(4, 2) = 6 pairs of values 4 times, so the 6 possible sums are equally likely.
    values = np.array([1.0, 10, 100, 1000])
    sums = BlockShuffledSums(values, np.array([0, 0, 1, 1]), 2, np.zeros(4, dtype=int))(
        np.random.default_rng(9), 24_000)
    expected = {float(values[list(p[:2])].sum()) for p in permutations(range(4))}
    seen = Counter(sums[:, 0].tolist())
    assert set(seen) == expected and len(expected) == 6
    assert all(abs(c - 4_000) < 300 for c in seen.values())  # SD 58


def test_random_signs_are_fair_and_independent() -> None:
    bits = random_signs(np.random.default_rng(1), 4_000, 37).astype(float)  # 37: not a multiple of 8
    assert bits.shape == (4_000, 37) and set(np.unique(bits)) == {0.0, 1.0}
    assert abs(bits.mean() - 0.5) < 0.005  # SD of the mean of 148,000 fair bits: 0.0013
    corr = np.corrcoef(bits, rowvar=False)[np.triu_indices(37, 1)]
    assert np.abs(corr).max() < 0.08  # 4,000 draws: SD of a null correlation 0.016


def test_shared_bootstrap_equals_plain_resampling() -> None:
    # the count-matrix bootstrap uses the same random numbers as stratified_boot_sums: same sums per group
    rng = np.random.default_rng(3)
    codes = np.repeat([0, 1, 2], [5, 9, 4])
    values = rng.normal(0, 1, (18, 3))
    lo, hi = stratified_boot_cis(values, codes, 3, 500, np.random.default_rng(11))
    for j in range(3):
        sums = stratified_boot_sums(values[:, j], codes, 3, 500, np.random.default_rng(11))
        means = sums / np.array([5, 9, 4])[None, :]
        q = np.quantile(means, [0.025, 0.975], axis=0)
        np.testing.assert_allclose(lo[:, j], q[0], rtol=0, atol=1e-12)
        np.testing.assert_allclose(hi[:, j], q[1], rtol=0, atol=1e-12)
    # a group of equal values has a CI of exactly that value
    lo, hi = stratified_boot_cis(np.array([[2.0], [2.0], [1.0], [3.0]]), np.array([0, 0, 1, 1]), 2, 200,
                                 np.random.default_rng(0))
    assert lo[0, 0] == hi[0, 0] == 2.0 and 1.0 <= lo[1, 0] <= hi[1, 0] <= 3.0


def test_outlet_cis_do_not_depend_on_the_other_measures() -> None:
    outlets = np.array(list("AAAABBBCCC"))
    articles = np.arange(10)
    x = np.arange(10.0)
    y = np.arange(10.0) ** 2
    z = np.r_[np.nan, np.arange(9.0)]  # another set of articles: its own bootstrap
    alone = outlet_mean_cis({("x", ""): (x, outlets, articles)}, 400, 7)
    together = outlet_mean_cis({("x", ""): (x, outlets, articles), ("y", ""): (y, outlets, articles),
                                ("z", ""): (z, outlets, articles)}, 400, 7)
    np.testing.assert_allclose(alone[("x", "")][0], together[("x", "")][0], rtol=0, atol=1e-12)
    np.testing.assert_allclose(alone[("x", "")][1], together[("x", "")][1], rtol=0, atol=1e-12)
    assert set(together) == {("x", ""), ("y", ""), ("z", "")}


def paired_frames(values: dict[str, list[float]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One article per outlet and event: ``values[outlet][e]`` is the value in event e."""
    metrics, articles = [], []
    for outlet, vals in values.items():
        for e, v in enumerate(vals):
            aid = f"{outlet}{e}"
            metrics.append({"article_id": aid, "outlet": outlet, "family": "t", "metric": "m", "target": "",
                            "value": v, "note": ""})
            articles.append({"article_id": aid, "outlet": outlet, "event_id": f"ev{e}", "status": "analysed"})
    return pd.DataFrame(metrics), pd.DataFrame(articles)


def test_paired_outlet_against_rest_p_matches_the_exact_sign_flip_distribution() -> None:
    # A against the rest (B, C) per event: d = A − (B + C)/2 = 1, 2, 3, 4 in events 0 … 3. Its 2⁴ = 16 sign
    # patterns give |mean| ≥ 2.5 only for all + and all −: exact two-sided p = 2/16 = 0.125. The sequential rule
    # stops after 20 exceedances (p = 20/l): an unbiased-in-spirit estimate with SD about 0.125/√20 = 0.03.
    metrics, articles = paired_frames({"A": [1.0, 2, 3, 4], "B": [0.0, 0, 0, 0], "C": [0.0, 0, 0, 0]})
    s = pooled_and_per_event(metrics, articles, per_event=False, min_articles=4)
    row = s[(s["contrast"] == "outlet_vs_rest") & (s["outlet_a"] == "A")].iloc[0]
    assert row["design"] == "paired within events" and row["difference"] == pytest.approx(2.5)
    assert row["p_value"] == pytest.approx(0.125, abs=0.06) and row["n_resamples"] < 2000


def test_aligned_omnibus_p_matches_the_exact_within_event_distribution() -> None:
    # 4 events, outlets A and B: A higher in every event. Aligned values ±d; within-event permutations swap
    # A and B per event (2⁴ = 16, equally likely). H is largest when all swaps agree: both "all A higher" and
    # "all B higher" reach it (H depends on the squared rank sums), so the exact p = 2/16 = 0.125.
    metrics, articles = paired_frames({"A": [1.0, 2, 3, 4], "B": [0.0, 0, 0, 0]})
    s = pooled_and_per_event(metrics, articles, per_event=False, min_articles=4)
    row = s[s["contrast"] == "omnibus"].iloc[0]
    assert row["design"] == "aligned within events"
    assert row["p_value"] == pytest.approx(0.125, abs=0.06)


def test_paired_p_values_are_uniform_under_the_null() -> None:
    # 150 data sets with no outlet effect (every value independent N(0, 1); 3 outlets × 12 events): the
    # outlet-against-rest sign-flip p and the aligned omnibus p are valid (P(p ≤ u) ≤ u). Besag–Clifford
    # p-values sit on a grid, so the check is on the share at or below 0.05, 0.2 and 0.5 with binomial slack.
    rng = np.random.default_rng(20)
    p_rest, p_omni = [], []
    for _ in range(150):
        metrics, articles = paired_frames({o: list(rng.normal(0, 1, 12)) for o in "ABC"})
        s = pooled_and_per_event(metrics, articles, n_boot=400, per_event=False)
        p_rest += list(s.loc[s["contrast"] == "outlet_vs_rest", "p_value"])
        p_omni += list(s.loc[s["contrast"] == "omnibus", "p_value"])
    for ps in (np.array(p_rest), np.array(p_omni)):
        n = len(ps)
        for u in (0.05, 0.2, 0.5):
            slack = 3 * math.sqrt(u * (1 - u) / n)
            assert np.mean(ps <= u) <= u + slack
            assert np.mean(ps <= u) >= u - slack - 0.05  # not wildly conservative either


def test_stronger_effects_give_smaller_p() -> None:
    # monotonicity: the same noise, A shifted by 0, 0.5, 1, 2 within every event
    rng = np.random.default_rng(4)
    noise = {o: rng.normal(0, 1, 15) for o in "ABC"}
    ps = []
    for shift in (0.0, 0.5, 1.0, 2.0):
        metrics, articles = paired_frames({"A": list(noise["A"] + shift), "B": list(noise["B"]),
                                           "C": list(noise["C"])})
        s = pooled_and_per_event(metrics, articles, per_event=False)
        ps.append(float(s.loc[(s["contrast"] == "outlet_vs_rest") & (s["outlet_a"] == "A"), "p_value"].iloc[0]))
    assert ps == sorted(ps, reverse=True) and ps[-1] < 0.001


@pytest.mark.parametrize("n, size", [(6, 2), (6, 4), (20, 5), (20, 15), (10, 6)])
def test_subset_sums_draw_every_subset_equally(n: int, size: int) -> None:
    # values 2^i make each subset's sum unique, so the draws' sums count the subsets. (6, 2): rejection;
    # (6, 4): its complement of 2; (20, 5): Floyd's algorithm (5² > 20 ≥ 4 · 5); (20, 15): Floyd on the
    # complement; (10, 6): a complement of 4 above n/4, from random permutations. Every one of the C(n, size)
    # subsets must appear about equally often: a chi-square of the counts within 5 SD of its df.
    values = 2.0 ** np.arange(n)
    cells = math.comb(n, size)
    draws = 40 * cells if cells > 100 else 20_000
    sums = subset_sums(values, size, draws, np.random.default_rng(n * 100 + size))
    bits = sums.astype(np.int64)
    assert all(bin(b).count("1") == size for b in np.unique(bits))
    counts = np.array(list(Counter(bits.tolist()).values()), dtype=float)
    assert len(counts) == cells
    expected = draws / cells
    chi2 = float(((counts - expected) ** 2 / expected).sum())
    df = cells - 1
    assert abs(chi2 - df) < 5 * math.sqrt(2 * df)


def test_subset_sums_chunked_floyd_and_edges() -> None:
    # Floyd's taken-mask in chunks of rows (cells capped) draws as many sums, each a sum of 5 distinct values
    import analysis.compare.resampling as r

    values = 2.0 ** np.arange(20)
    old = r.FLOYD_CELLS
    try:
        r.FLOYD_CELLS = 60  # 3 rows of 20 at a time
        sums = subset_sums(values, 5, 100, np.random.default_rng(1)).astype(np.int64)
    finally:
        r.FLOYD_CELLS = old
    assert len(sums) == 100 and all(bin(b).count("1") == 5 for b in sums.tolist())
    assert np.all(subset_sums(values, 20, 3, np.random.default_rng(1)) == values.sum())
    assert np.all(subset_sums(values, 0, 3, np.random.default_rng(1)) == 0)


def test_independent_outlet_against_rest_p_matches_the_exact_permutation_distribution() -> None:
    # A = {4, 5}, rest B, C = {0, 1, 2, 3} (3 outlets, no events). Each of the C(6, 2) = 15 label sets S for A
    # is equally likely; with s its sum, mean(S) − mean(rest) = s/2 − (15 − s)/4 = (3s − 15)/4. Observed s = 9:
    # 3. |3s − 15| ≥ 12 only for s = 9 ({4, 5}) and s = 1 ({0, 1}): exact two-sided p = 2/15.
    groups = {"A": [4.0, 5], "B": [0.0, 1], "C": [2.0, 3]}
    metrics = pd.DataFrame([{"article_id": f"{o}{i}", "outlet": o, "family": "t", "metric": "m", "target": "",
                             "value": v, "note": ""} for o, vals in groups.items() for i, v in enumerate(vals)])
    articles = metrics[["article_id", "outlet"]].assign(event_id="", status="analysed")
    s = pooled_and_per_event(metrics, articles, per_event=False, min_articles=2)
    row = s[(s["contrast"] == "outlet_vs_rest") & (s["outlet_a"] == "A")].iloc[0]
    assert row["design"] == "independent articles" and row["difference"] == pytest.approx(3.0)
    assert row["p_value"] == pytest.approx(2 / 15, abs=0.06) and row["n_resamples"] < 2000


def test_independent_outlet_against_rest_p_is_uniform_under_the_null() -> None:
    rng = np.random.default_rng(21)
    ps = []
    for _ in range(120):
        metrics = pd.DataFrame([{"article_id": f"{o}{i}", "outlet": o, "family": "t", "metric": "m", "target": "",
                                 "value": float(rng.normal()), "note": ""} for o in "ABCD" for i in range(12)])
        articles = metrics[["article_id", "outlet"]].assign(event_id="", status="analysed")
        s = pooled_and_per_event(metrics, articles, n_boot=400, per_event=False)
        ps += list(s.loc[s["contrast"] == "outlet_vs_rest", "p_value"])
    ps_a = np.array(ps)
    for u in (0.05, 0.2, 0.5):
        slack = 3 * math.sqrt(u * (1 - u) / len(ps_a))
        assert u - slack - 0.05 <= np.mean(ps_a <= u) <= u + slack


def test_shared_permutations_are_permutations_and_the_same_when_drawn_again(monkeypatch) -> None:
    import analysis.compare.resampling as r

    monkeypatch.setattr(r, "_STREAMS", {})
    monkeypatch.setattr(r, "_CACHED", [0])
    draw = shared_permutations(7, 30)
    first = [draw(r.BATCH).copy() for _ in range(3)]
    assert all(np.array_equal(np.sort(rows, axis=1), np.tile(np.arange(30), (r.BATCH, 1))) for rows in first)
    assert not np.array_equal(first[0], first[1])
    again = shared_permutations(7, 30)  # the same stream from its first batch: the same permutations
    assert np.array_equal(again(r.BATCH), first[0]) and np.array_equal(again(10), first[1][:10])
    monkeypatch.setattr(r, "_STREAMS", {})  # forgotten, and nothing kept in memory: drawn again from the states
    monkeypatch.setattr(r, "STREAM_CACHE_BYTES", 0)
    stream = DrawStream(("permutations", 7, 30), lambda rng: rng.permuted(
        np.tile(np.arange(30, dtype=np.int32), (r.BATCH, 1)), axis=1))
    assert all(np.array_equal(stream.batch(b), first[b]) for b in (2, 0, 1))


def test_omnibus_p_does_not_depend_on_the_other_measures() -> None:
    # the omnibus permutations are shared by every measure on the same number of values, yet a measure's p
    # is the same alone or next to other measures, in either order
    rng = np.random.default_rng(3)
    rows = [{"article_id": f"{o}{i}", "outlet": o, "family": "t", "metric": metric, "target": "",
             "value": float(rng.normal() + (0.4 if o == "A" and metric == "m1" else 0)), "note": ""}
            for metric in ("m1", "m2") for o in "ABC" for i in range(12)]
    metrics = pd.DataFrame(rows)
    articles = metrics[["article_id", "outlet"]].drop_duplicates().assign(event_id="", status="analysed")

    def omnibus(frame: pd.DataFrame) -> pd.Series:
        s = pooled_and_per_event(frame, articles, per_event=False)
        return s[s["contrast"] == "omnibus"].set_index("metric")["p_value"]

    both = omnibus(metrics)
    alone = omnibus(metrics[metrics["metric"] == "m2"])
    assert both["m2"] == alone["m2"] and len(both) == 2


def test_blocks_of_equal_values_never_move() -> None:
    # blocks [3, 3] (equal: any ordering gives label 0 and label 1 a 3 each) and [1, 2]: only the second moves,
    # so label 0's sum is 3 + 1 or 3 + 2, each half the time, and the layout has one block of 2
    values = np.array([3.0, 3, 1, 2])
    shuffle = BlockShuffledSums(values, np.array([0, 1, 0, 1]), 2, np.array([0, 0, 1, 1]))
    assert len(shuffle.small) == 1 and len(shuffle.small[0][2]) == 1  # one block of 2 left to draw
    sums = shuffle(np.random.default_rng(8), 20_000)
    assert set(sums[:, 0].tolist()) == {4.0, 5.0} and np.all(sums.sum(axis=1) == 9)
    assert abs(float((sums[:, 0] == 4).mean()) - 0.5) < 0.02  # SD 0.0035
    everything_equal = BlockShuffledSums(np.ones(4), np.array([0, 1, 0, 1]), 2, np.array([0, 0, 1, 1]))
    assert not everything_equal.small and np.all(everything_equal(np.random.default_rng(1), 3) == 2)


def test_paired_outlet_against_rest_zero_differences_do_not_change_the_exact_p() -> None:
    # as the 4-event example, plus 2 events where A equals the rest (d = 0): a zero is the same under either
    # sign, so the 2⁶ sign patterns give |mean| ≥ 10/6 only when the 4 nonzero signs agree: p = 2/16 still
    metrics, articles = paired_frames({"A": [1.0, 2, 3, 4, 0, 0], "B": [0.0] * 6, "C": [0.0] * 6})
    s = pooled_and_per_event(metrics, articles, per_event=False, min_articles=4)
    row = s[(s["contrast"] == "outlet_vs_rest") & (s["outlet_a"] == "A")].iloc[0]
    assert row["n_a"] == 6 and row["difference"] == pytest.approx(10 / 6)
    assert row["p_value"] == pytest.approx(0.125, abs=0.06)


def test_shared_resamples_differ_by_side_and_repeat_by_key() -> None:
    from analysis.compare.stats import bootstrap_ci, shared_resamples

    x_draws, y_draws = shared_resamples(3, 12, 2000, "x"), shared_resamples(3, 12, 2000, "y")
    assert x_draws.shape == (2000, 12) and x_draws.min() >= 0 and x_draws.max() <= 11
    assert not np.array_equal(x_draws, y_draws)  # two samples of the same size are never resampled alike
    assert np.array_equal(shared_resamples(3, 12, 2000, "x"), x_draws)
    # each position drawn with probability 1/12: 24,000 draws, SD about 33 per position
    counts = np.bincount(x_draws.ravel(), minlength=12)
    assert np.all(np.abs(counts - 2000) < 170)
    # the interval of a difference of 4 between two samples of spread ±1 lies around 4, the same on a re-run
    x, y = np.array([4.0, 5, 6] * 4), np.array([0.0, 1, 2] * 4)
    lo, hi = bootstrap_ci(x, y, 2000, stream_seed=3)
    assert lo < 4 < hi and hi - lo < 1.5 and (lo, hi) == bootstrap_ci(x, y, 2000, stream_seed=3)
