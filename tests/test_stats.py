"""Outlet statistics: hand-worked effect sizes and BH, bootstrap coverage, paired design, seeds without inference."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.compare.stats import (
    INDEPENDENT,
    NO_INFERENCE,
    PAIRED,
    bh_adjust,
    bootstrap_ci,
    cliffs_delta,
    design_summary,
    hedges_g,
    hedges_g_av,
    outlet_stats,
    permutation_p,
    pooled_and_per_event,
    refined_draws,
    sign_flip_p,
)


def frames(rows: list[tuple[str, str, str, str, float]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """metrics + articles from (article_id, outlet, event_id, metric, value) rows."""
    metrics = pd.DataFrame([{"article_id": a, "outlet": o, "family": "test", "metric": m, "target": "",
                             "value": v, "note": "" if not math.isnan(v) else "undefined here"}
                            for a, o, _, m, v in rows])
    articles = pd.DataFrame([{"article_id": a, "outlet": o, "event_id": e, "status": "analysed"}
                             for a, o, e, _, _ in rows]).drop_duplicates("article_id")
    return metrics, articles


def test_hedges_g_by_hand() -> None:
    # x = 1,2,3 (mean 2, s² = 1); y = 3,4,5 (mean 4, s² = 1); s_p = 1; d = (2 − 4)/1 = −2
    # J = 1 − 3/(4·(3+3) − 9) = 1 − 3/15 = 0.8; g = 0.8·(−2) = −1.6
    assert hedges_g([1, 2, 3], [3, 4, 5]) == pytest.approx(-1.6)
    assert hedges_g([3, 4, 5], [1, 2, 3]) == pytest.approx(1.6)  # direction: positive when x is larger
    assert math.isnan(hedges_g([1], [2, 3]))
    assert "at least 2" in hedges_g([1], [2, 3]).reason
    assert "no variance" in hedges_g([1, 1], [2, 2]).reason


def test_hedges_g_av_by_hand() -> None:
    # pairs x = 3,5,7 and y = 1,4,4: d = 2,1,3 (mean 2); s_x = 2, s_y = √3 = 1.732051; mean SD = 1.866025
    # d_av = 2/1.866025 = 1.071797; J = 1 − 3/(4·6 − 9) = 0.8; g_av = 0.857437
    assert hedges_g_av([3, 5, 7], [1, 4, 4]) == pytest.approx(0.857437, abs=1e-6)


def test_cliffs_delta_by_hand() -> None:
    # x = 1,2,3 vs y = 2,4: pairs (1,2)< (1,4)< (2,2)= (2,4)< (3,2)> (3,4)<  -> (1 − 4)/6 = −0.5
    assert cliffs_delta([1, 2, 3], [2, 4]) == pytest.approx(-0.5)
    assert cliffs_delta([5, 6], [1, 2]) == 1.0  # complete dominance
    assert math.isnan(cliffs_delta([], [1.0]))


def test_bh_adjustment_by_hand() -> None:
    # p = .01 .04 .03 .20, m = 4; sorted .01 .03 .04 .20 -> m·p/rank = .04 .06 .05333 .20
    # step-up minimum from the largest rank: .20, .05333, .05333, .04 -> back in input order:
    p = [0.01, 0.04, 0.03, 0.20]
    assert bh_adjust(p) == pytest.approx([0.04, 0.0533333, 0.0533333, 0.20], abs=1e-6)
    # NaN stays NaN and does not count in m
    out = bh_adjust([0.01, math.nan, 0.04, 0.03, 0.20])
    assert math.isnan(out[1])
    assert out[[0, 2, 3, 4]] == pytest.approx([0.04, 0.0533333, 0.0533333, 0.20], abs=1e-6)
    assert bh_adjust([0.9, 0.8]) == pytest.approx([0.9, 0.9])  # capped by the step-up minimum, ≤ 1


def test_bootstrap_ci_covers_known_difference() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(11.0, 1.0, 200)
    y = rng.normal(10.0, 1.0, 200)  # true difference 1.0
    lo, hi = bootstrap_ci(x, y, n_boot=2000, rng=np.random.default_rng(20241112))
    assert lo < 1.0 < hi
    # width ≈ 2·1.96·√(1/200 + 1/200) = 0.392
    assert hi - lo == pytest.approx(0.392, abs=0.06)
    assert bootstrap_ci(x, y, rng=np.random.default_rng(1)) == bootstrap_ci(x, y, rng=np.random.default_rng(1))
    assert all(math.isnan(v) for v in bootstrap_ci([1.0], [2.0, 3.0]))


def test_permutation_and_sign_flip_p() -> None:
    rng = np.random.default_rng(3)
    x, y = rng.normal(1, 1, 30), rng.normal(0, 1, 30)
    assert permutation_p(x, y, rng=np.random.default_rng(1)) < 0.01
    same = rng.normal(0, 1, 30)
    assert permutation_p(same, same.copy(), rng=np.random.default_rng(1)) == 1.0  # T = 0: every T* is as extreme
    assert sign_flip_p(np.full(10, 0.5) + rng.normal(0, 0.1, 10), rng=np.random.default_rng(1)) < 0.01
    # p is never 0: (1 + #extreme)/(1 + n) ≥ 1/(n + 1)
    assert permutation_p([10.0, 11, 12], [0.0, 1, 2], n_perm=99, rng=np.random.default_rng(1)) >= 0.01


def test_p_values_get_the_resolution_bh_needs() -> None:
    """One real difference among 200 tests: 2,000 draws give it p = 1/2,001 and BH q = 200/2,001 ≈ 0.1, so it
    could never be called a difference. Re-drawn with ⌈20·200/0.05⌉ = 80,000 permutations it still sees
    no permuted difference as extreme (30 vs 30 perfectly separated values: exact p = 2/C(60,30) ≈ 1.7e-17),
    so p = 1/80,001 and q = 200/80,001 = 0.0025."""
    rng = np.random.default_rng(5)
    rows = [(f"a{i}", "A", f"ea{i}", "real", 10.0 + i / 100) for i in range(30)]
    rows += [(f"b{i}", "B", f"eb{i}", "real", float(i) / 100) for i in range(30)]
    for k in range(199):  # null metrics: both outlets draw from one distribution
        rows += [(f"{o.lower()}{i}", o, f"e{o.lower()}{i}", f"null{k:03d}", float(v))
                 for o in "AB" for i, v in enumerate(rng.normal(0, 1, 30))]
    metrics, articles = frames(rows)
    s = outlet_stats(metrics, articles).set_index("metric")
    assert refined_draws(200) == 80_000
    real = s.loc["real"]
    assert real["n_resamples"] == 80_000 and real["p_value"] == pytest.approx(1 / 80_001)
    assert real["p_adjusted"] == pytest.approx(200 / 80_001)
    nulls = s.drop(index="real")
    assert (nulls["p_adjusted"] > 0.05).all()  # refining resolves p; it does not make null differences
    # re-drawn: only rows that used all 2,000 draws (fewer than 20 exceedances, so p < 0.0105) — few nulls
    assert 0 < (nulls["n_resamples"] > 2_000).sum() <= (nulls["p_value"] < 0.05).sum() < 20


def test_contrasts_get_the_resolution_bh_needs() -> None:
    """The scalable design (omnibus, each outlet against the rest, pairs) re-draws unresolved tests, in stages.
    Three outlets of 20 articles; on one metric A's values are all above B's and C's. Each of the 101
    metrics has 7 tests (omnibus, 3 outlet-vs-rest, 3 pairs), so m = 707: with 2,000 draws the 4 tests
    involving A (omnibus, A against the rest, A–B, A–C) get p = 1/2,001 and q = 707/4/2,001 ≈ 0.088, never
    a difference. Stage 1 re-draws them 20,000 times (at most ⌈20·707/0.05⌉ = 282,800 in later stages). A
    against the rest is perfectly separated (20 of 60 values on top: exact p = 2/C(60,20) ≈ 5e-16), so no
    permutation is as extreme: p = 1/20,001 and q ≤ 707/4/20,001 ≈ 0.009, so no further stage is needed."""
    rng = np.random.default_rng(9)
    rows = [(f"a{i}", "A", f"ea{i}", "real", 10.0 + i / 100) for i in range(20)]
    rows += [(f"{o.lower()}{i}", o, f"e{o.lower()}{i}", "real", float(rng.normal(0, 1))) for o in "BC"
             for i in range(20)]
    for k in range(100):
        rows += [(f"{o.lower()}{i}", o, f"e{o.lower()}{i}", f"null{k:03d}", float(v))
                 for o in "ABC" for i, v in enumerate(rng.normal(0, 1, 20))]
    metrics, articles = frames(rows)
    s = pooled_and_per_event(metrics, articles, per_event=False)
    tests = s[s["p_value"].notna()]
    assert len(tests) == 101 * 7 and refined_draws(707) == 282_800
    real = s[(s["metric"] == "real") & (s["contrast"] == "outlet_vs_rest")].set_index("outlet_a").loc["A"]
    assert real["n_resamples"] == 20_000 and real["p_value"] == pytest.approx(1 / 20_001)
    assert real["p_adjusted"] <= 0.05
    assert tests["n_resamples"].max() <= 282_800
    nulls = tests[tests["metric"] != "real"]
    assert (nulls["p_adjusted"] > 0.05).all()
    assert s.equals(pooled_and_per_event(metrics, articles, per_event=False))  # deterministic


def test_independent_design_table() -> None:
    rng = np.random.default_rng(11)
    rows = [(f"a{i}", "A", f"ea{i}", "m", float(v)) for i, v in enumerate(rng.normal(11, 1, 40))]
    rows += [(f"b{i}", "B", f"eb{i}", "m", float(v)) for i, v in enumerate(rng.normal(10, 1, 40))]
    metrics, articles = frames(rows)
    s = outlet_stats(metrics, articles)
    r = s.iloc[0]
    assert (r["outlet_a"], r["outlet_b"], r["design"], r["n_a"], r["n_b"]) == ("A", "B", INDEPENDENT, 40, 40)
    assert r["difference"] == pytest.approx(r["mean_a"] - r["mean_b"])
    assert r["ci_low"] < r["difference"] < r["ci_high"]
    assert r["hedges_g"] > 0.5 and r["cliffs_delta"] > 0.3 and r["p_value"] < 0.01
    assert r["p_adjusted"] == pytest.approx(r["p_value"])  # one comparison: BH leaves it as is
    assert s.equals(outlet_stats(metrics, articles))  # deterministic with the fixed seed


def test_paired_within_events_on_multi_event_corpus() -> None:
    # 12 events with very different levels (SD 10); within each event A = B + 1 (+ small noise).
    rng = np.random.default_rng(5)
    rows = []
    for e in range(12):
        level = rng.normal(50, 10)
        rows.append((f"a{e}", "A", f"ev{e}", "m", level + 1 + rng.normal(0, 0.2)))
        rows.append((f"b{e}", "B", f"ev{e}", "m", level + rng.normal(0, 0.2)))
    metrics, articles = frames(rows)
    paired = outlet_stats(metrics, articles).iloc[0]
    assert paired["design"] == PAIRED and paired["n_a"] == 12
    assert paired["ci_low"] < 1.0 < paired["ci_high"] and paired["ci_low"] > 0.5  # tight around 1
    assert paired["p_value"] < 0.01
    indep = outlet_stats(metrics, articles, paired=False).iloc[0]
    assert indep["design"] == INDEPENDENT
    assert indep["ci_low"] < 0 < indep["ci_high"]  # the between-event spread hides the difference
    assert paired["difference"] == pytest.approx(indep["difference"])  # balanced design: same mean difference


def test_paired_averages_several_articles_and_drops_unshared_events() -> None:
    rows = [("a1", "A", "e1", "m", 4.0), ("a2", "A", "e1", "m", 6.0), ("b1", "B", "e1", "m", 3.0),
            ("a3", "A", "e2", "m", 2.0), ("b2", "B", "e2", "m", 1.0), ("a4", "A", "e3", "m", 100.0)]
    metrics, articles = frames(rows)
    r = outlet_stats(metrics, articles, n_boot=200).iloc[0]
    # e1: mean(4, 6) − 3 = 2; e2: 2 − 1 = 1; e3 only A -> left out. mean difference = 1.5
    assert r["design"] == PAIRED and r["n_a"] == 2 and r["difference"] == pytest.approx(1.5)
    assert (r["mean_a"], r["mean_b"]) == (pytest.approx(3.5), pytest.approx(2.0))
    assert "left out" in r["note"] and "averaged" in r["note"]


def test_bh_across_metrics_in_table() -> None:
    rng = np.random.default_rng(2)
    rows = []
    for i in range(20):
        rows.append((f"a{i}", "A", "", "strong", float(rng.normal(3, 1))))
        rows.append((f"a{i}", "A", "", "none", float(rng.normal(0, 1))))
        rows.append((f"b{i}", "B", "", "strong", float(rng.normal(0, 1))))
        rows.append((f"b{i}", "B", "", "none", float(rng.normal(0, 1))))
    metrics, articles = frames(rows)
    s = outlet_stats(metrics, articles, n_boot=500).set_index("metric")
    assert (s["design"] == INDEPENDENT).all()  # no event ids: nothing to pair
    assert list(s["p_adjusted"]) == pytest.approx(list(bh_adjust(s["p_value"].to_numpy())))
    only = outlet_stats(metrics, articles, metrics_list=["none"], n_boot=500)
    assert list(only["metric"]) == ["none"]
    # a row's numbers do not depend on which other metrics are in the call
    assert only.iloc[0]["ci_low"] == s.loc["none", "ci_low"]


def test_small_and_empty_input_no_inference_no_warnings() -> None:
    metrics, articles = frames([("a1", "A", "e1", "m", 1.0), ("b1", "B", "e1", "m", 2.0),
                                ("a1", "A", "e1", "u", math.nan), ("b1", "B", "e1", "u", math.nan)])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = outlet_stats(metrics, articles).set_index("metric")
        empty = outlet_stats(metrics.iloc[0:0], articles)
    m = s.loc["m"]
    assert m["difference"] == -1.0 and m["n_a"] == 1
    assert all(math.isnan(m[c]) for c in ("ci_low", "ci_high", "hedges_g", "cliffs_delta", "p_value", "p_adjusted"))
    assert NO_INFERENCE in m["note"]
    assert math.isnan(s.loc["u", "difference"]) and "no defined value" in s.loc["u", "note"]
    assert empty.empty and list(empty.columns)[:4] == ["metric", "target", "outlet_a", "outlet_b"]
    assert "cannot support inference" in design_summary(s.reset_index())


def test_seeds_one_article_per_outlet(seeds_dir: Path) -> None:
    from analysis.pipeline import analyse_corpus
    from analysis.tables import collect_tables

    t = collect_tables(analyse_corpus(seeds_dir, progress=False))
    s = outlet_stats(t.metrics, t.articles, metrics_list=["n_sentences", "n_paragraphs"])
    s = s.set_index("metric")
    # both seeds are the same event -> paired design with one event; hand counts: 002 (UPI) has 14
    # sentences / 12 paragraphs, 000 (unattributed) 16 / 8
    assert (s["design"] == PAIRED).all() and (s["n_a"] == 1).all()
    assert s.loc["n_sentences", "outlet_a"] == "UPI"
    assert s.loc["n_sentences", "difference"] == -2.0
    assert s.loc["n_paragraphs", "difference"] == 4.0
    assert s["p_value"].isna().all() and s["ci_low"].isna().all()
    assert s["note"].str.contains(NO_INFERENCE).all()
    both = pooled_and_per_event(t.metrics, t.articles, metrics_list=["n_sentences"])
    pairs = both[both["contrast"] == "pair"]
    assert list(pairs["scope"]) == ["pooled", "kp-ru-treaty-ratification-2024-11"]
    assert list(pairs["design"]) == [PAIRED, INDEPENDENT]
    assert (pairs["status"] == "described").all()
    # each outlet is described (n = 1 < the minimum of 10), never tested; no omnibus with 0 tested outlets
    outlets = both[(both["contrast"] == "outlet") & (both["scope"] == "pooled")].set_index("outlet_a")
    assert outlets.loc["UPI", "mean_a"] == 14 and outlets.loc["UPI", "median_a"] == 14
    assert (outlets["status"] == "described").all() and outlets["note"].str.contains("minimum of 10").all()
    assert not (both["contrast"] == "omnibus").any()
    one = pooled_and_per_event(t.metrics, t.articles, event="kp-ru-treaty-ratification-2024-11",
                               metrics_list=["n_sentences"])
    assert set(one["scope"]) == {"kp-ru-treaty-ratification-2024-11"}
    # no per-sentence row (sentiment's sentence_compound, target sentence:N) in the full table
    full = pooled_and_per_event(t.metrics, t.articles, n_boot=50)
    assert not full["target"].str.fullmatch(r"sentence:\d+").any()


def test_sentence_positions_never_enter_the_statistics() -> None:
    # a per-sentence value (target "sentence:N") has no counterpart in another article; the article-level
    # targets ("" and an actor or frame name, even one that contains "sentence") are kept
    metrics, articles = frames([("a1", "A", "e1", "tone", 0.5), ("b1", "B", "e1", "tone", 0.1)])
    extra = pd.DataFrame([
        {"article_id": "a1", "outlet": "A", "family": "test", "metric": "sentence_compound", "target": "sentence:0",
         "value": 0.9, "note": ""},
        {"article_id": "b1", "outlet": "B", "family": "test", "metric": "sentence_compound", "target": "sentence:12",
         "value": -0.9, "note": ""},
        {"article_id": "a1", "outlet": "A", "family": "test", "metric": "mentions", "target": "sentence structure",
         "value": 2.0, "note": ""},
        {"article_id": "b1", "outlet": "B", "family": "test", "metric": "mentions", "target": "sentence structure",
         "value": 1.0, "note": ""},
    ])
    s = outlet_stats(pd.concat([metrics, extra], ignore_index=True), articles)
    assert set(zip(s["metric"], s["target"], strict=True)) == {("tone", ""), ("mentions", "sentence structure")}
    assert s.set_index("metric").loc["tone", "difference"] == pytest.approx(0.4)
    both = pooled_and_per_event(pd.concat([metrics, extra], ignore_index=True), articles, min_articles=1)
    assert not both["target"].str.startswith("sentence:").any()


def test_event_means_by_hand() -> None:
    from analysis.compare.stats import _event_means

    values = np.array([4.0, 6.0, 1.0, 100.0, 2.0])
    events = np.array(["e2", "e2", "e1", "e3", "e1"], dtype=object)
    # e1: (1 + 2)/2 = 1.5, e2: (4 + 6)/2 = 5; e3 not shared -> not returned; order follows `shared`
    assert list(_event_means(values, events, ["e1", "e2"])) == [1.5, 5.0]


# ----------------------------------------------------------------------------- many outlets


def test_kruskal_wallis_and_epsilon_squared_by_hand() -> None:
    from analysis.compare.resampling import kruskal_wallis, midranks

    # no ties: A = 1,2,3 (ranks sum 6), B = 4,5,6 (15); n = 6
    # H = 12/(6·7)·(6²/3 + 15²/3) − 3·7 = (12/42)·87 − 21 = 24.857143 − 21 = 3.857143; ε² = H/(n−1) = 0.771429
    h, eps2 = kruskal_wallis(np.array([1, 2, 3, 4, 5, 6.0]), np.array(list("AAABBB")))
    assert h == pytest.approx(3.857143, abs=1e-6) and eps2 == pytest.approx(0.771429, abs=1e-6)
    # ties: A = 1,2; B = 2,3; C = 4,4 -> midranks 1, 2.5 | 2.5, 4 | 5.5, 5.5; R = 3.5, 6.5, 11
    # Σ R²/n = (12.25 + 42.25 + 121)/2 = 87.75; H₀ = (12/42)·87.75 − 21 = 4.071429
    # tie correction C = 1 − (2·(2³ − 2))/(6³ − 6) = 1 − 12/210 = 0.942857; H = 4.071429/0.942857 = 4.318182
    values = np.array([1, 2, 2, 3, 4, 4.0])
    assert list(midranks(values)) == [1, 2.5, 2.5, 4, 5.5, 5.5]
    h, eps2 = kruskal_wallis(values, np.array(list("AABBCC")))
    assert h == pytest.approx(4.318182, abs=1e-6) and eps2 == pytest.approx(4.318182 / 5, abs=1e-6)
    assert math.isnan(kruskal_wallis(np.array([1.0, 2.0]), np.array(["A", "A"]))[0])  # one group


def test_kruskal_wallis_agrees_with_scipy() -> None:
    stats = pytest.importorskip("scipy.stats")
    from analysis.compare.resampling import kruskal_wallis

    rng = np.random.default_rng(4)
    values = np.round(rng.normal(0, 1, 60), 1)  # rounding makes ties
    groups = np.repeat(["A", "B", "C", "D"], 15)
    expected = stats.kruskal(*[values[groups == g] for g in "ABCD"]).statistic
    assert kruskal_wallis(values, groups)[0] == pytest.approx(expected, rel=1e-12)


def test_sequential_p_stops_early_only_far_from_the_threshold() -> None:
    from analysis.compare.resampling import EXCEEDANCES, sequential_p

    rng = np.random.default_rng(0)

    def draw(m: int) -> np.ndarray:
        return rng.normal(0, 1, (m, 2))

    # observed 0: every draw is as extreme -> stops at the h-th draw, p = h/h = 1
    # observed 10: no draw is as extreme -> all 2,000 draws, p = 1/2001
    p, used = sequential_p(draw, np.array([0.0, 10.0]), 2000)
    assert (p[0], used[0]) == (1.0, EXCEEDANCES)
    assert (p[1], used[1]) == (pytest.approx(1 / 2001), 2000)


def many_outlets(seed: int = 1, shift: float = 3.0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """12 outlets: O00–O08 with 12 articles, O09–O11 with 3; O01's metric "m" is shifted by ``shift``."""
    rng = np.random.default_rng(seed)
    rows = []
    for o in range(12):
        for i in range(12 if o < 9 else 3):
            rows.append((f"o{o}-{i}", f"O{o:02d}", "", "m", float(rng.normal(shift if o == 1 else 0, 1))))
            rows.append((f"o{o}-{i}", f"O{o:02d}", "", "flat", float(rng.normal(0, 1))))
    return frames(rows)


def test_min_articles_describes_small_outlets_and_tests_the_rest() -> None:
    metrics, articles = many_outlets()
    s = pooled_and_per_event(metrics, articles, n_boot=400)
    m = s[s["metric"] == "m"]
    outlets = m[m["contrast"] == "outlet"].set_index("outlet_a")
    assert len(outlets) == 12
    small = ["O09", "O10", "O11"]
    assert (outlets.loc[small, "status"] == "described").all()
    assert outlets.loc[small, "note"].str.contains("3 article(s) with a value, fewer than the minimum of 10",
                                                   regex=False).all()
    assert (outlets.drop(index=small)["status"] == "tested").all()
    omnibus = m[m["contrast"] == "omnibus"].iloc[0]
    assert omnibus["n_groups"] == 9 and omnibus["n_a"] == 9 * 12  # only the tested outlets enter
    assert omnibus["p_value"] < 0.01 and omnibus["effect_size"] > 0.2
    rest = m[m["contrast"] == "outlet_vs_rest"].set_index("outlet_a")
    assert set(rest.index) == {f"O{o:02d}" for o in range(9)}  # small outlets are not tested
    assert rest.loc["O01", "n_b"] == 8 * 12 + 3 * 3  # the rest pools every other article, small outlets too
    assert rest.loc["O01", "difference"] == pytest.approx(rest.loc["O01", "mean_a"] - rest.loc["O01", "mean_b"])
    assert rest.loc["O01", "ci_low"] > 2 and rest.loc["O01", "p_adjusted"] < 0.05
    # 12 outlets (at most MAX_PAIR_OUTLETS): every pair gets a row; pairs with a small outlet are described
    pairs = m[m["contrast"] == "pair"]
    assert len(pairs) == 66
    with_small = pairs["outlet_a"].isin(small) | pairs["outlet_b"].isin(small)
    assert pairs.loc[with_small, "p_value"].isna().all() and (pairs.loc[with_small, "status"] == "described").all()
    assert pairs.loc[~with_small, "p_value"].notna().all()
    # one BH correction over every p-value of the scope
    pooled = s[s["scope"] == "pooled"]
    assert pooled["p_adjusted"].to_numpy() == pytest.approx(bh_adjust(pooled["p_value"].to_numpy()), nan_ok=True)
    assert "3 of 12 outlets" in design_summary(s)


def test_a_lower_minimum_tests_small_outlets() -> None:
    metrics, articles = many_outlets()
    s = pooled_and_per_event(metrics, articles, n_boot=200, min_articles=3, metrics_list=["m"])
    assert (s.loc[s["contrast"] == "outlet", "status"] == "tested").all()
    assert s.loc[s["contrast"] == "omnibus", "n_groups"].iloc[0] == 12


def test_contrast_selection() -> None:
    from analysis.compare.contrasts import named_pairs, parse_contrast, select_pairs

    names = [f"O{i:02d}" for i in range(15)]
    # more than 12 outlets, 5 tested: all pairs of the tested ones, plus the named pair
    pairs = select_pairs(names, names[:5], named_pairs(["O14:O13"]))
    assert len(pairs) == 10 + 1 and ("O13", "O14") in pairs
    # 13 tested: no automatic pairs, only named ones; a named pair with an absent outlet is dropped
    assert select_pairs(names, names[:13], named_pairs(["O01:O02", "O01:Nobody"])) == [("O01", "O02")]
    assert len(select_pairs(names[:4], [], set())) == 6  # small designs: every pair, tested or described
    assert parse_contrast("Fox News:HuffPost") == ("Fox News", "HuffPost")
    with pytest.raises(ValueError):
        parse_contrast("Fox News")


def test_named_contrast_is_tested_below_the_minimum() -> None:
    metrics, articles = many_outlets()
    s = pooled_and_per_event(metrics, articles, n_boot=200, metrics_list=["m"], contrasts=["O10:O09"])
    named = s[(s["contrast"] == "pair") & (s["outlet_a"] == "O09") & (s["outlet_b"] == "O10")].iloc[0]
    assert named["status"] == "tested" and named["p_value"] == named["p_value"]  # 3 vs 3: tested when named
    assert "named contrast" in named["note"]


def test_rare_targets_are_counted_not_tested() -> None:
    metrics, articles = many_outlets()
    actor = metrics[metrics["metric"] == "m"].assign(metric="mentions", target="rare actor")
    common = metrics[metrics["metric"] == "m"].assign(metric="mentions", target="common actor")
    s = pooled_and_per_event(pd.concat([metrics, actor.iloc[:5], common]), articles, n_boot=100)
    assert "common actor" in set(s["target"]) and "rare actor" not in set(s["target"])
    rare = s[s["contrast"] == "rare_targets"].iloc[0]
    assert (rare["metric"], rare["n_groups"], rare["status"]) == ("mentions", 1, "not tested")


def test_contrasts_are_deterministic_and_order_free() -> None:
    metrics, articles = many_outlets(shift=0.5)
    a = pooled_and_per_event(metrics, articles, n_boot=300)
    b = pooled_and_per_event(metrics.sample(frac=1, random_state=3), articles.sample(frac=1, random_state=4),
                             n_boot=300)
    pd.testing.assert_frame_equal(a, b)


def test_outlet_against_rest_paired_within_events_by_hand() -> None:
    # 12 events with very different levels; within each event A = level + 2, B = level + 1, C = level.
    # A against the rest, per event: 2 − mean(1, 0) = 1.5; C: 0 − mean(2, 1) = −1.5 (exactly, every event)
    rng = np.random.default_rng(8)
    rows = []
    for e in range(12):
        level = float(rng.integers(30, 70))  # whole numbers: aligned values are exact (+1, 0, −1)
        rows += [(f"a{e}", "A", f"ev{e}", "m", level + 2), (f"b{e}", "B", f"ev{e}", "m", level + 1),
                 (f"c{e}", "C", f"ev{e}", "m", level)]
    metrics, articles = frames(rows)
    s = pooled_and_per_event(metrics, articles, n_boot=300, per_event=False)
    rest = s[s["contrast"] == "outlet_vs_rest"].set_index("outlet_a")
    assert (rest["design"] == PAIRED).all() and (rest["n_a"] == 12).all()
    assert rest.loc["A", "difference"] == pytest.approx(1.5) and rest.loc["C", "difference"] == pytest.approx(-1.5)
    assert rest.loc["B", "difference"] == pytest.approx(0.0)
    assert rest.loc["A", "p_value"] < 0.01 and rest.loc["B", "p_value"] == 1.0  # every sign flip ties with 0
    omnibus = s[s["contrast"] == "omnibus"].iloc[0]
    # aligned within events every A is +1, B 0, C −1: three blocks of 12 ties. Midranks 6.5, 18.5, 30.5;
    # H₀ = 12/(36·37)·12·(6.5² + 18.5² + 30.5²) − 3·37 = 31.135; tie correction 1 − 3·(12³ − 12)/(36³ − 36)
    # = 0.889575; H = 35 = n − 1, so ε² = 1: the outlets explain all the (aligned) rank variation
    assert omnibus["design"] == "aligned within events" and omnibus["p_value"] < 0.01
    assert omnibus["statistic"] == pytest.approx(35.0) and omnibus["effect_size"] == pytest.approx(1.0)


def test_aligned_values_by_hand() -> None:
    from analysis.compare.contrasts import _aligned

    # e2: one article (outlet 0) -> left out; no event -> left out; e1: outlets 1 (2.0) and 0 (3.0), mean 2.5;
    # e0: outlets 0 (5.0) and 1 (6.0), mean 5.5. Ordered by event id, then outlet: e0/0, e0/1, e1/0, e1/1
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
    g = np.array([0, 1, 0, 1, 0, 1])
    events = np.array(["e2", "e1", "e1", "", "e0", "e0"])
    aligned, outlets, blocks, dropped = _aligned(x, g, events)
    assert aligned.tolist() == [-0.5, 0.5, 0.5, -0.5]
    assert outlets.tolist() == [0, 1, 0, 1] and blocks.tolist() == [0, 0, 1, 1] and dropped == 2
    # an event with two articles of one outlet only is not covered by 2 outlets
    _, _, _, dropped = _aligned(np.array([1.0, 2.0, 3.0]), np.array([0, 0, 1]), np.array(["a", "a", "b"]))
    assert dropped == 3


def paired_rest_frames(extra: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """12 events × outlets A, B, C; metric "m": A = level + 2, B = level + 1, C = level + noise; with ``extra``
    a second metric "z" on the same articles."""
    rng, other = np.random.default_rng(5), np.random.default_rng(6)
    rows = []
    for e in range(12):
        level = float(rng.integers(30, 70))
        for o, add in (("A", 2.0), ("B", 1.0), ("C", float(rng.normal(0, 1)))):
            rows.append((f"{o}{e}", o, f"ev{e}", "m", level + add))
            if extra:
                rows.append((f"{o}{e}", o, f"ev{e}", "z", float(other.normal(0, 1))))
    return frames(rows)


def test_paired_rest_cis_shared_across_measures_of_the_same_articles() -> None:
    alone = pooled_and_per_event(*paired_rest_frames(False), n_boot=400, per_event=False)
    both = pooled_and_per_event(*paired_rest_frames(True), n_boot=400, per_event=False)
    cols = ["outlet_a", "difference", "ci_low", "ci_high", "p_value"]
    a = alone[alone["contrast"] == "outlet_vs_rest"].loc[:, cols].reset_index(drop=True)
    b = both[(both["contrast"] == "outlet_vs_rest") & (both["metric"] == "m")].loc[:, cols].reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)  # a measure's numbers do not depend on the other measures
    rest = a.set_index("outlet_a")
    # per event, A against the mean of B and C: 2 − (1 + c)/2 with c the noise of C; B: 1 − (2 + c)/2. A mean of
    # resampled per-event differences lies between the smallest and largest difference of that outlet
    m, _ = paired_rest_frames(False)
    c = m[m["outlet"] == "C"].sort_values("article_id", key=lambda s: s.str[1:].astype(int))
    level = m[m["outlet"] == "B"].sort_values("article_id", key=lambda s: s.str[1:].astype(int))["value"].to_numpy() - 1
    noise = c["value"].to_numpy() - level
    d_a, d_b = 2 - (1 + noise) / 2, 1 - (2 + noise) / 2
    assert rest.loc["A", "difference"] == pytest.approx(d_a.mean())
    assert d_a.min() <= rest.loc["A", "ci_low"] < d_a.mean() < rest.loc["A", "ci_high"] <= d_a.max()
    assert d_b.min() <= rest.loc["B", "ci_low"] < d_b.mean() < rest.loc["B", "ci_high"] <= d_b.max()


def test_paired_rest_ci_of_constant_differences_is_that_constant() -> None:
    # A − mean(B, C) = 1.5 and C − mean(A, B) = −1.5 in every event: every resample has the same mean
    rows = []
    for e in range(10):
        rows += [(f"a{e}", "A", f"ev{e}", "m", 10.0 * e + 2), (f"b{e}", "B", f"ev{e}", "m", 10.0 * e + 1),
                 (f"c{e}", "C", f"ev{e}", "m", 10.0 * e)]
    s = pooled_and_per_event(*frames(rows), n_boot=200, per_event=False)
    rest = s[s["contrast"] == "outlet_vs_rest"].set_index("outlet_a")
    assert rest.loc["A", ["ci_low", "ci_high"]].tolist() == pytest.approx([1.5, 1.5])
    assert rest.loc["C", ["ci_low", "ci_high"]].tolist() == pytest.approx([-1.5, -1.5])


def test_refining_one_outlet_against_the_rest_gives_its_p_of_all_outlets_drawn_together() -> None:
    from analysis.compare.contrasts import REST, VS_REST, group_rows

    # independent design, 4 outlets of 15 articles; outlet O1 shifted a little, O3 far (its test never stops)
    rng = np.random.default_rng(2)
    values = np.concatenate([rng.normal(shift, 1, 15) for shift in (0.0, 0.6, 0.0, 4.0)])
    outlets = np.repeat(np.array(["O0", "O1", "O2", "O3"]), 15)
    events = np.full(60, "", dtype=object).astype(str)
    args = (values, outlets, events, 10, set(), 500, 7, "auto", 12)
    full = {r["outlet_a"]: r for r in group_rows("m", "", *args, n_perm=3000) if r["contrast"] == VS_REST}
    only = group_rows("m", "", *args, n_perm=3000, only={(VS_REST, "O1", REST)})
    assert [r["outlet_a"] for r in only] == ["O1"]
    assert only[0]["p_value"] == full["O1"]["p_value"] and only[0]["n_resamples"] == full["O1"]["n_resamples"]
    assert full["O3"]["n_resamples"] == 3000 and only[0]["n_resamples"] < 3000
