"""Outlet statistics that scale with the number of outlets: omnibus test, each outlet against the rest,
pairwise contrasts only where they can be tested or were asked for, one BH correction.

For each metric × target (one value per article, :func:`analysis.compare.stats.article_values`):

* ``outlet`` rows — every outlet with a defined value: n, mean, median and a 95% percentile-bootstrap CI
  of its mean (:func:`outlet_mean_cis`: one stratified bootstrap per set of articles, shared by every
  measure defined on exactly those articles, :func:`analysis.compare.resampling.stratified_boot_cis`).
  ``status`` is ``tested`` when the outlet has at least ``min_articles`` articles (default
  :data:`MIN_ARTICLES`, 10) with a value, else ``described``: it is described, never tested (the note says
  why).
* ``omnibus`` — one test across the tested outlets (at least 2): Kruskal–Wallis H (tie-corrected) with
  ε² = H/(n − 1) (Kruskal & Wallis 1952; Tomczak & Tomczak 2014), p from permuting outlet labels
  (sequential, :func:`analysis.compare.resampling.sequential_p`). When outlets share events (given event
  ids, at least one event covered by two tested outlets), values are first aligned within events (value
  minus the event mean, Hodges & Lehmann 1962) and labels are permuted only within events
  (:class:`analysis.compare.resampling.BlockShuffledSums`: one uniform draw among the s! orderings of each
  event of s ≤ 4 articles); articles in events covered by a single tested outlet are left out (note).
* ``outlet_vs_rest`` — each tested outlet against all other articles pooled (when there are at least 3
  outlets; with 2 it would repeat the pair): difference of means, bootstrap CI (outlets resampled within
  themselves, so the rest keeps its outlet mix), Hedges' g, Cliff's δ, two-sided permutation p over all
  articles. Paired design (shared events): per event, the outlet's mean minus the mean of the other
  outlets' event means; sign-flip p and CI over those events, Hedges' g_av, at least ``min_articles``
  events to be tested (the sign flips of all outlets of one measure in one matrix of random bits, the CIs
  from one bootstrap stratified by outlet).
* ``pair`` — pairs of outlets (:func:`analysis.compare.stats.compare_pair`, paired within events where they
  share one): all pairs when there are at most ``max_pair_outlets`` outlets (default 12; small designs such
  as 3 outlets × 100 events), else all pairs of tested outlets when there are at most that many, plus every
  pair named in ``contrasts``. A pair is tested when both sides have ``min_articles`` units (articles, or
  shared events when paired); a named pair needs only 2 (the user chose it), else it is described.
* targets: a metric × target with a non-empty target (an actor, frame, source type …) is analysed only
  when at least 2 outlets have ``min_articles`` articles with a value for it; the others are counted in
  one ``rare_targets`` row per metric (target ``(rare targets)``).

Every p-value of one scope (omnibus, outlet-vs-rest and pair rows of every metric and target) is adjusted
together with Benjamini–Hochberg (1995). Random draws come from ``numpy.random.default_rng`` seeded with
``seed`` and the row key, so results are deterministic and a group's numbers do not depend on the others.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations

import numpy as np
import pandas as pd

from .resampling import (
    BlockShuffledSums,
    GroupSums,
    kruskal_wallis,
    kw_core,
    midranks,
    percentile_ci,
    random_signs,
    sequential_p,
    shared_permutations,
    stratified_boot_cis,
    stratified_boot_sums,
    subset_sums,
)
from .stats import (
    INDEPENDENT,
    N_BOOT,
    NO_INFERENCE,
    PAIRED,
    SEED,
    ValueCodes,
    bh_adjust,
    compare_pair,
    hedges_g,
    hedges_g_av,
    refined_draws,
    resolution_limited,
    row_rng,
)

MIN_ARTICLES = 10
MAX_PAIR_OUTLETS = 12
ALIGNED = "aligned within events"
REST = "(all other outlets)"
RARE_TARGET = "(rare targets)"
OMNIBUS, OUTLET, VS_REST, PAIR, RARE = "omnibus", "outlet", "outlet_vs_rest", "pair", "rare_targets"
CONTRAST_ORDER = {OMNIBUS: 0, OUTLET: 1, VS_REST: 2, PAIR: 3, RARE: 4}
TESTED, DESCRIBED, NOT_TESTED = "tested", "described", "not tested"

Row = dict[str, object]


def parse_contrast(text: str) -> tuple[str, str]:
    """``"A:B"`` -> ``("A", "B")`` (outlet names as written; split at the last ``:`` so "A: B" names work only
    when B has no colon). Raises ValueError on an empty side or a pair of one outlet."""
    a, sep, b = str(text).rpartition(":")
    a, b = a.strip(), b.strip()
    if not sep or not a or not b or a == b:
        raise ValueError(f"contrast {text!r}: expected two different outlets as A:B")
    return a, b


def named_pairs(contrasts: Iterable[str | tuple[str, str]]) -> set[tuple[str, str]]:
    """Named contrasts as sorted outlet pairs."""
    out: set[tuple[str, str]] = set()
    for c in contrasts:
        a, b = parse_contrast(c) if isinstance(c, str) else (str(c[0]), str(c[1]))
        out.add((a, b) if a < b else (b, a))
    return out


def outlet_contrasts(vals: pd.DataFrame | ValueCodes, min_articles: int = MIN_ARTICLES,
                     contrasts: Iterable[str | tuple[str, str]] = (), n_boot: int = N_BOOT, seed: int = SEED,
                     paired: bool | str = "auto", max_pair_outlets: int = MAX_PAIR_OUTLETS) -> pd.DataFrame:
    """The rows of one scope from article values (``article_id, outlet, event_id, metric, target, value``, or
    the same rows as :class:`analysis.compare.stats.ValueCodes`); see the module docstring. Columns:
    :data:`analysis.compare.stats.STATS_COLUMNS`; BH across the scope."""
    from .stats import STATS_COLUMNS, typed_stats

    named = named_pairs(contrasts)
    min_articles = max(2, int(min_articles))
    rows: list[Row] = []
    if len(vals) == 0:
        return typed_stats(pd.DataFrame(columns=STATS_COLUMNS))
    vc = vals if isinstance(vals, ValueCodes) else ValueCodes.from_frame(vals)
    # article codes in order of first appearance (they seed the shared bootstraps), before any reordering
    article_codes = pd.factorize(vc.article, use_na_sentinel=False)[0].astype(np.int32)
    # one code per metric × target, in (metric, target) name order; :func:`value_codes` rows come sorted by it,
    # other rows are put in that order stably (a group's rows keep their order)
    width = max(1, len(vc.targets))
    pair = vc.metric.astype(np.int64) * width + vc.target
    if len(pair) > 1 and (pair[1:] < pair[:-1]).any():
        order = np.argsort(pair, kind="stable")
        vc, pair, article_codes = vc.take(order), pair[order], article_codes[order]
    values = vc.value
    # outlet codes are ranks in name order: sorting them orders a group as its outlet names do
    outlet_codes, outlet_names, k = vc.outlet, vc.outlets, len(vc.outlets)
    starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])
    ends = np.r_[starts[1:], len(pair)]
    rare: dict[str, int] = {}
    groups: dict[tuple[str, str], slice] = {}
    for lo, hi in zip(starts.tolist(), ends.tolist(), strict=True):
        metric, target = str(vc.metrics[vc.metric[lo]]), str(vc.targets[vc.target[lo]])
        if target:  # analysed only when 2 outlets have min_articles values
            codes = outlet_codes[lo:hi][~np.isnan(values[lo:hi])]
            if int((np.bincount(codes, minlength=k) >= min_articles).sum()) < 2:
                rare[metric] = rare.get(metric, 0) + 1
                continue
        groups[(metric, target)] = slice(lo, hi)
    event_codes, event_names = vc.event, vc.events
    cis = outlet_mean_cis({key: (values[pos], outlet_codes[pos], article_codes[pos])
                           for key, pos in groups.items()}, n_boot, seed)
    rest_cis = RestBootstraps(n_boot, seed)
    for (metric, target), pos in groups.items():
        rows.extend(group_rows(metric, target, values[pos], outlet_names[outlet_codes[pos]],
                               event_names[event_codes[pos]], min_articles, named, n_boot, seed, paired,
                               max_pair_outlets, outlet_ci=cis.get((metric, target)), articles=article_codes[pos],
                               rest_cis=rest_cis))
    rest_cis.finish()
    for metric, n in sorted(rare.items()):
        rows.append(_row(metric, RARE_TARGET, RARE, "", "", status=NOT_TESTED, n_groups=n,
                         note=f"{n} target(s) with fewer than 2 outlets of at least {min_articles} articles "
                              "with a value: not analysed"))
    out = pd.DataFrame(rows, columns=STATS_COLUMNS)
    if out.empty:
        return typed_stats(out)
    out["p_adjusted"] = bh_adjust(out["p_value"].to_numpy(dtype=float))

    def strings(pos: slice) -> tuple[np.ndarray, np.ndarray]:
        return outlet_names[outlet_codes[pos]], event_names[event_codes[pos]]

    _refine(out, rows, groups, values, strings, min_articles, named, n_boot, seed, paired, max_pair_outlets)
    order = out["contrast"].map(CONTRAST_ORDER)
    out = out.assign(_o=order).sort_values(["metric", "target", "_o", "outlet_a", "outlet_b"], kind="stable")
    return typed_stats(out.drop(columns="_o").reset_index(drop=True))


def _defined_by_outlet(values: np.ndarray, outlets: np.ndarray) -> np.ndarray:
    """Positions of the defined values, grouped by outlet (stable): the order :func:`group_rows` works in."""
    keep = np.flatnonzero(~np.isnan(values))
    return keep[np.argsort(outlets[keep], kind="stable")]


def outlet_mean_cis(groups: dict[tuple[str, str], tuple[np.ndarray, np.ndarray, np.ndarray]], n_boot: int,
                    seed: int) -> dict[tuple[str, str], tuple[np.ndarray, np.ndarray]]:
    """Bootstrap CIs of each outlet's mean for every metric × target: ``groups`` maps the key to (values,
    outlets, article codes); returns (low, high) per outlet in the order of ``numpy.unique(outlets)``
    (outlets may be names or any codes that sort as the names do).

    Measures defined for exactly the same articles (most article-level metrics) share one stratified
    bootstrap (:func:`analysis.compare.resampling.stratified_boot_cis`), seeded from ``seed`` and the set of
    articles itself, not from the metric: a measure's CIs are the same whichever other measures are in the
    table, and computing many measures at once only saves the repeated draws.
    """
    import hashlib

    buckets: dict[bytes, list[tuple[tuple[str, str], np.ndarray]]] = {}
    layout: dict[bytes, tuple[np.ndarray, int]] = {}
    for key, (values, outlets, articles) in groups.items():
        order = _defined_by_outlet(values, outlets)
        if len(order) == 0:
            continue
        signature = articles[order].astype(np.int64).tobytes()
        if signature not in layout:
            names, codes = np.unique(outlets[order], return_inverse=True)
            layout[signature] = (codes, len(names))
        buckets.setdefault(signature, []).append((key, values[order]))
    out: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
    for signature, members in buckets.items():
        codes, k = layout[signature]
        if not (np.bincount(codes, minlength=k) >= 2).any():
            continue
        digest = hashlib.blake2b(signature, digest_size=8).hexdigest()
        lo, hi = stratified_boot_cis(np.column_stack([v for _, v in members]), codes, k, n_boot,
                                     row_rng(seed, "outlet-means", digest))
        for j, (key, _) in enumerate(members):
            out[key] = (lo[:, j], hi[:, j])
    return out


REFINE_STEP = 10  # each refinement stage draws this many times more permutations than the last


def _refine(out: pd.DataFrame, rows: list[Row], groups: dict[tuple[str, str], slice], values: np.ndarray,
            strings: Callable[[slice], tuple[np.ndarray, np.ndarray]], min_articles: int,
            named: set[tuple[str, str]], n_boot: int, seed: int, paired: bool | str, max_pair_outlets: int) -> None:
    """Re-draw, in place, the tests whose BH decision the number of draws may have decided.

    A test is re-drawn while it used every draw it was given, p ≤ α and q > α
    (:func:`analysis.compare.stats.resolution_limited`): first with 10 × ``n_boot`` permutations, then 10 times
    more at each stage, up to :func:`analysis.compare.stats.refined_draws` (m tests: ⌈20·m/α⌉). ``strings(pos)``
    gives the outlet and event strings of a group's rows. Tests tied at
    the smallest possible p usually pass BH after one stage, so few go the whole way (a staged version of the
    resolution argument of Gandy & Hahn 2014). Only the tests in question are drawn again; q is recomputed
    after each stage.
    """
    target = refined_draws(int(out["p_value"].notna().sum()))
    index = {(r["metric"], r["target"], r["contrast"], r["outlet_a"], r["outlet_b"]): i for i, r in enumerate(rows)}
    draws = n_boot
    while draws < target:
        limited = set(resolution_limited(out, draws))
        if not limited:
            return
        draws = min(target, draws * REFINE_STEP)
        wanted: dict[tuple[str, str], set[tuple[str, str, str]]] = {}
        for i in limited:
            r = rows[i]
            wanted.setdefault((str(r["metric"]), str(r["target"])), set()).add(
                (str(r["contrast"]), str(r["outlet_a"]), str(r["outlet_b"])))
        for key, only in sorted(wanted.items()):
            pos = groups[key]
            for r in group_rows(*key, values[pos], *strings(pos), min_articles, named, n_boot, seed,
                                paired, max_pair_outlets, n_perm=draws, only=only):
                i = index[(r["metric"], r["target"], r["contrast"], r["outlet_a"], r["outlet_b"])]
                if i in limited:
                    out.loc[i, "p_value"], out.loc[i, "n_resamples"] = r["p_value"], r["n_resamples"]
        out["p_adjusted"] = bh_adjust(out["p_value"].to_numpy(dtype=float))


def _row(metric: str, target: str, contrast: str, oa: str, ob: str, **kw: object) -> Row:
    row: Row = {"metric": metric, "target": target, "contrast": contrast, "outlet_a": oa, "outlet_b": ob,
                "n_a": 0, "n_b": 0, "n_groups": 0, "n_resamples": 0, "design": "", "status": "", "note": ""}
    for col in ("mean_a", "mean_b", "median_a", "median_b", "difference", "ci_low", "ci_high", "hedges_g",
                "cliffs_delta", "statistic", "effect_size", "p_value", "p_adjusted"):
        row[col] = math.nan
    row.update(kw)
    return row


def group_rows(metric: str, target: str, values: np.ndarray, outlets: np.ndarray, events: np.ndarray,
               min_articles: int, named: set[tuple[str, str]], n_boot: int, seed: int, paired: bool | str,
               max_pair_outlets: int, n_perm: int | None = None,
               only: set[tuple[str, str, str]] | None = None,
               outlet_ci: tuple[np.ndarray, np.ndarray] | None = None, articles: np.ndarray | None = None,
               rest_cis: RestBootstraps | None = None) -> list[Row]:
    """All rows of one metric × target (module docstring); bootstrap CIs with ``n_boot`` draws, permutation
    tests with at most ``n_perm`` (default ``n_boot``). ``only``: just the tests keyed (contrast, outlet_a,
    outlet_b) among them (outlet-against-rest rows of one metric × target are drawn together).
    ``articles``: article codes of the values (default: their positions), which seed the paired
    outlet-against-rest bootstrap; ``rest_cis``: where that bootstrap is collected to be drawn once for every
    measure on the same articles (:class:`RestBootstraps`; default: drawn here, alone)."""
    n_perm = n_boot if n_perm is None else int(n_perm)
    nan_by_outlet = _nan_counts(values, outlets)
    keep = ~np.isnan(values)
    v, o, e = values[keep], outlets[keep], events[keep]
    a = (np.arange(len(values)) if articles is None else np.asarray(articles))[keep]
    if len(v) == 0:
        return []
    order = np.argsort(o, kind="stable")
    v, o, e, a = v[order], o[order], e[order], a[order]
    names, codes = np.unique(o, return_inverse=True)
    k = len(names)
    sizes = np.bincount(codes, minlength=k)
    tested = [i for i in range(k) if sizes[i] >= min_articles]
    key = (metric, target)
    notes = {str(n): (f"{int(c)} undefined article value(s) left out" if c else "") for n, c in nan_by_outlet}
    shared = _shared_event_mode(o, e, paired)
    kinds = {c for c, _, _ in only} if only is not None else {OUTLET, OMNIBUS, VS_REST, PAIR}
    if OUTLET in kinds and outlet_ci is None:
        outlet_ci = outlet_mean_cis({key: (v, o, np.arange(len(v)))}, n_boot, seed).get(key)
    rows = _outlet_rows(key, v, codes, names, sizes, min_articles, n_boot, notes, outlet_ci) if OUTLET in kinds else []
    if len(tested) >= 2 and OMNIBUS in kinds:
        rows.append(_omnibus(key, v, codes, e, tested, names, shared, n_perm, seed))
    if k >= 3 and tested and VS_REST in kinds:
        wanted = {a for c, a, _ in only if c == VS_REST} if only is not None else None
        rows.extend(_vs_rest_paired(key, v, codes, e, names, tested, min_articles, n_boot, seed, n_perm, wanted,
                                    a, rest_cis)
                    if shared else _vs_rest(key, v, codes, names, sizes, tested, n_boot, seed, n_perm, wanted))
    if PAIR in kinds:
        pairs = {(a, b) for c, a, b in only if c == PAIR} if only is not None else None
        rows.extend(_pairs(key, v, o, e, names, sizes, min_articles, named, n_boot, seed, paired, max_pair_outlets,
                           tested, n_perm, pairs))
    return rows


def _shared_event_mode(outlets: np.ndarray, events: np.ndarray, paired: bool | str) -> bool:
    """True when the paired/aligned design applies: ``paired`` is True, or "auto" and some event id is
    given to articles of at least two outlets."""
    if paired is False:
        return False
    has = events != ""
    if not has.any():
        return paired is True
    ev = pd.factorize(events[has])[0].astype(np.int64)
    ou = pd.factorize(outlets[has])[0]
    cells = np.unique(ev * (int(ou.max()) + 1) + ou)  # distinct (event, outlet)
    per_event = np.bincount(cells // (int(ou.max()) + 1))  # outlets per event
    return bool((per_event >= 2).any()) or paired is True


def _nan_counts(values: np.ndarray, outlets: np.ndarray) -> list[tuple[str, int]]:
    """(outlet, number of undefined values) for every outlet, in name order."""
    codes, names = pd.factorize(outlets)
    counts = np.bincount(codes, weights=np.isnan(values), minlength=len(names)).astype(np.int64)
    return sorted(zip((str(n) for n in names), counts.tolist(), strict=True))


def _segment_medians(v: np.ndarray, codes: np.ndarray, k: int) -> np.ndarray:
    """``numpy.median`` of the values of each code 0 … k − 1 (NaN for a code without values; ``v`` without NaN)
    from one sort: the middle value, or the mean (a + b)/2 of the two middle values as numpy computes it."""
    order = np.lexsort((v, codes))
    s, c = v[order], codes[order]
    sizes = np.bincount(c, minlength=k)
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    out = np.full(k, np.nan)
    has = sizes > 0
    upper = s[(starts + sizes // 2)[has]]
    lower = s[(starts + (sizes - 1) // 2)[has]]
    out[has] = np.where(sizes[has] % 2 == 1, upper, (lower + upper) / 2)
    return out


def _outlet_rows(key: tuple[str, str], v: np.ndarray, codes: np.ndarray, names: np.ndarray, sizes: np.ndarray,
                 min_articles: int, n_boot: int, notes: dict[str, str],
                 ci: tuple[np.ndarray, np.ndarray] | None) -> list[Row]:
    k = len(names)
    sums = np.bincount(codes, weights=v, minlength=k)
    lo, hi = ci if ci is not None else (np.full(k, np.nan), np.full(k, np.nan))
    medians = _segment_medians(v, codes, k)
    rows = []
    for i, name in enumerate(names):
        tested = sizes[i] >= min_articles
        note = [] if tested else [f"described, not tested: {int(sizes[i])} article(s) with a value, fewer than "
                                  f"the minimum of {min_articles}"]
        if notes.get(str(name)):
            note.append(notes[str(name)])
        ok = sizes[i] >= 2
        rows.append(_row(*key, OUTLET, str(name), "", n_a=int(sizes[i]), mean_a=float(sums[i] / sizes[i]),
                         median_a=float(medians[i]), ci_low=float(lo[i]) if ok else math.nan,
                         ci_high=float(hi[i]) if ok else math.nan, n_resamples=n_boot if ok else 0,
                         design=INDEPENDENT, status=TESTED if tested else DESCRIBED, note="; ".join(note)))
    return rows


def _omnibus(key: tuple[str, str], v: np.ndarray, codes: np.ndarray, e: np.ndarray, tested: list[int],
             names: np.ndarray, shared: bool, n_perm: int, seed: int) -> Row:
    sel = np.isin(codes, tested)
    x, g, ev = v[sel], codes[sel], e[sel]
    note = []
    blocks = None
    if shared:
        x, g, blocks, dropped = _aligned(x, g, ev)
        if dropped:
            note.append(f"{dropped} article(s) outside events covered by 2 tested outlets left out")
    _, g = np.unique(g, return_inverse=True)
    k_used = int(g.max()) + 1 if len(g) else 0
    h, eps2 = kruskal_wallis(x, g) if k_used >= 2 else (math.nan, math.nan)
    row = _row(*key, OMNIBUS, "", "", n_a=len(x), n_groups=k_used, statistic=h, effect_size=eps2,
               design=ALIGNED if shared else INDEPENDENT, status=TESTED)
    if math.isnan(h):
        note.append("Kruskal–Wallis undefined: fewer than 2 outlets or no variation")
        row.update(status=NOT_TESTED, note="; ".join(note))
        return row
    ranks = midranks(x)
    sizes = np.bincount(g, minlength=k_used).astype(float)
    observed = kw_core(np.bincount(g, weights=ranks, minlength=k_used)[None, :], sizes, len(x))
    if blocks is not None:  # labels fixed, ranks permuted within events
        shuffled, rng = BlockShuffledSums(ranks, g, k_used, blocks), row_rng(seed, *key, "omnibus")

        def draw(m: int) -> np.ndarray:
            return kw_core(shuffled(rng, m), sizes, len(x))[:, None]
    else:
        permutations, sums = shared_permutations(seed, len(x)), GroupSums(g, k_used)

        def draw(m: int) -> np.ndarray:
            return kw_core(sums(ranks[permutations(m)]), sizes, len(x))[:, None]

    p, used = sequential_p(draw, observed, n_perm, two_sided=False)
    note.append(f"Kruskal–Wallis across {k_used} tested outlets" + (" on event-aligned values" if shared else ""))
    row.update(p_value=float(p[0]), n_resamples=int(used[0]), note="; ".join(note))
    return row


def _aligned(x: np.ndarray, g: np.ndarray, events: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Values aligned within events for the omnibus: the articles of events (non-empty ids) covered by at least
    2 outlets, ordered by event id then outlet code (stable), each value minus its event's mean; returns
    (aligned values, outlet codes, event block codes 0, 1, … in event id order, number of articles left out).
    The event mean is pandas' grouped mean (as the table's other event means)."""
    has = np.flatnonzero(events != "")
    _, ev = np.unique(events[has], return_inverse=True)  # codes in sorted id order
    pairs = np.unique(ev.astype(np.int64) * (int(g.max(initial=0)) + 1) + g[has])
    outlets_in = np.bincount(pairs // (int(g.max(initial=0)) + 1), minlength=int(ev.max(initial=-1)) + 1)
    keep = outlets_in[ev] >= 2
    pos, ev = has[keep], ev[keep]
    order = np.lexsort((g[pos], ev))  # by event, then outlet; stable
    pos, ev = pos[order], ev[order]
    means = pd.Series(x[pos]).groupby(ev).transform("mean").to_numpy(float)
    _, blocks = np.unique(ev, return_inverse=True)
    return x[pos] - means, g[pos], blocks, len(x) - len(pos)


def _cliffs_from_ranks(rank_sum: np.ndarray, n1: np.ndarray, n2: np.ndarray) -> np.ndarray:
    """Cliff's δ = 2U/(n₁n₂) − 1 with U = R₁ − n₁(n₁+1)/2 (midranks over both samples; ties count ½)."""
    u = rank_sum - n1 * (n1 + 1) / 2
    return 2 * u / (n1 * n2) - 1


def _vs_rest(key: tuple[str, str], v: np.ndarray, codes: np.ndarray, names: np.ndarray, sizes: np.ndarray,
             tested: list[int], n_boot: int, seed: int, n_perm: int, only: set[str] | None = None) -> list[Row]:
    """Independent outlet-against-rest rows. Shuffling the outlet labels of all articles gives an outlet's sum
    the distribution of the sum of a uniformly random subset of its size, so each tested outlet is its own test
    with its own stream (seeded from the row key and the outlet), drawn as random subsets
    (:func:`analysis.compare.resampling.subset_sums`: m·s values a draw, not a permutation of all n) and stopped
    by its own sequential rule. ``only``: just those outlets' tests (a refinement: p-values only, no CI); an
    outlet's p does not depend on which other outlets are tested or re-drawn."""
    n, k = len(v), len(names)
    if only is not None:
        tested = [i for i in tested if str(names[i]) in only]
        if not tested:
            return []
    idx = np.asarray(tested)
    total = v.sum()
    sums = np.bincount(codes, weights=v, minlength=k)
    na, nr = sizes[idx].astype(float), (n - sizes[idx]).astype(float)
    diff = sums[idx] / na - (total - sums[idx]) / nr
    p, used = np.full(len(idx), np.nan), np.zeros(len(idx), dtype=np.int64)
    for j, i in enumerate(idx):  # each outlet its own test and stream: it stops when its own p is clear
        draw = _rest_draws(v, int(sizes[i]), row_rng(seed, *key, "vs-rest", str(names[i])))
        pj, uj = sequential_p(draw, diff[j:j + 1], n_perm)
        p[j], used[j] = pj[0], uj[0]
    lo = hi = np.full(len(idx), np.nan)
    if only is None:
        boot = stratified_boot_sums(v, codes, k, n_boot, row_rng(seed, *key, "vs-rest-boot"))
        bs = boot[:, idx]
        lo, hi = percentile_ci(bs / na[None, :] - (boot.sum(axis=1)[:, None] - bs) / nr[None, :])
    rank_sums = np.bincount(codes, weights=midranks(v), minlength=k)[idx]
    delta = _cliffs_from_ranks(rank_sums, na, nr)
    rows = []
    for j, i in enumerate(idx):
        mine = codes == i
        rows.append(_row(*key, VS_REST, str(names[i]), REST, n_a=int(na[j]), n_b=int(nr[j]),
                         mean_a=float(sums[i] / na[j]), mean_b=float((total - sums[i]) / nr[j]),
                         median_a=float(np.median(v[mine])), median_b=float(np.median(v[~mine])),
                         difference=float(diff[j]), ci_low=float(lo[j]), ci_high=float(hi[j]),
                         hedges_g=float(hedges_g(v[mine], v[~mine])), cliffs_delta=float(delta[j]),
                         p_value=float(p[j]), n_resamples=int(used[j]), design=INDEPENDENT, status=TESTED,
                         note=_reason(hedges_g(v[mine], v[~mine]))))
    return rows


def _rest_draws(v: np.ndarray, size: int, rng: np.random.Generator) -> Callable[[int], np.ndarray]:
    """``draw(m)`` for one outlet against the rest: mean of a random ``size``-subset of ``v`` (the outlet's
    articles under shuffled labels) minus the mean of the others, as an m × 1 matrix."""
    total, rest = float(v.sum()), len(v) - size

    def draw(m: int) -> np.ndarray:
        s = subset_sums(v, size, m, rng)
        return (s / size - (total - s) / rest)[:, None]

    return draw


def _reason(value: object) -> str:
    return str(getattr(value, "reason", "") or "")


def _vs_rest_paired(key: tuple[str, str], v: np.ndarray, codes: np.ndarray, e: np.ndarray, names: np.ndarray,
                    tested: list[int], min_articles: int, n_boot: int, seed: int, n_perm: int,
                    only: set[str] | None = None, articles: np.ndarray | None = None,
                    rest_cis: RestBootstraps | None = None) -> list[Row]:
    """Paired outlet-against-rest rows. The sign-flip draws of every tested outlet of this metric × target come
    from one matrix (:func:`analysis.compare.resampling.random_signs`, one column per outlet × event; each
    outlet's mean of its signed differences is one test of :func:`sequential_p`) and the CIs from one
    stratified bootstrap (each outlet's differences resampled within that outlet), shared with every measure on
    the same ``articles`` (codes aligned with ``v``; :class:`RestBootstraps`). ``only``: just those
    outlets' tests (a refinement: p-values only, from draws of those outlets alone; no CI)."""
    from .stats import cliffs_delta

    # one mean per (event, outlet), in event then outlet order; per event the sum and number of outlet means,
    # so "the other outlets' mean" is (S − own)/(C − 1)
    k = len(names)
    has = e != ""
    _, event_codes = np.unique(e[has], return_inverse=True)
    cell, inverse = np.unique(event_codes.astype(np.int64) * k + codes[has], return_inverse=True)
    # pandas' grouped mean and sum (compensated summation) on integer keys: the same event means as before
    m = pd.Series(v[has]).groupby(inverse).mean().to_numpy(float)
    cell_event, cell_outlet = cell // k, cell % k
    event_sum = pd.Series(m).groupby(cell_event).transform("sum").to_numpy(float)
    event_n = np.bincount(cell_event)[cell_event].astype(float)
    by_outlet = np.argsort(cell_outlet, kind="stable")
    bounds = np.searchsorted(cell_outlet[by_outlet], np.arange(k + 1))
    rows: list[Row] = []
    inputs: list[tuple[Row, np.ndarray, np.ndarray, np.ndarray]] = []
    for i in tested:
        name = str(names[i])
        if only is not None and name not in only:
            continue
        pos = by_outlet[bounds[i]:bounds[i + 1]]
        pos = pos[event_n[pos] > 1]  # events another outlet covered too
        x = m[pos]
        y = (event_sum[pos] - m[pos]) / (event_n[pos] - 1)
        d = x - y
        n = len(d)
        row = _row(*key, VS_REST, name, REST, n_a=n, n_b=n, mean_a=_mean(x), mean_b=_mean(y),
                   median_a=_median(x), median_b=_median(y), difference=_mean(d), design=PAIRED)
        rows.append(row)
        if n < min_articles:
            row.update(status=DESCRIBED, note=f"{NO_INFERENCE}: {n} event(s) shared with other outlets, fewer than "
                                               f"the minimum of {min_articles}")
        else:
            inputs.append((row, x, y, d))
    if not inputs:
        return rows
    d_all = np.concatenate([d for _, _, _, d in inputs])
    sizes = np.array([len(d) for _, _, _, d in inputs])
    test_of = np.repeat(np.arange(len(inputs)), sizes)
    t = len(inputs)
    total = np.bincount(test_of, weights=d_all, minlength=t)
    rng = row_rng(seed, *key, "vs-rest-signs")
    # a zero difference is the same under either sign: only the others are flipped (exact; sparse measures are
    # mostly zeros)
    moving = d_all != 0
    d_moving = d_all[moving]
    moving_of = np.bincount(test_of[moving], minlength=t)  # each test's flippable differences, in test order
    first = np.r_[0, np.cumsum(moving_of)[:-1]]

    def draw(k: int, tests: np.ndarray) -> np.ndarray:
        # only the tests still drawing get bits (sequential_p's live_only); Σ sign·d with sign = 2·bit − 1 is
        # 2·Σ bit·d − Σ d, summed per test over its (contiguous) columns; a test without a nonzero d sums 0
        flipped = np.zeros((k, len(tests)))
        some = np.flatnonzero(moving_of[tests] > 0)
        if len(some):
            chosen = tests[some]
            cols = np.concatenate([np.arange(first[i], first[i] + moving_of[i]) for i in chosen])
            starts = np.r_[0, np.cumsum(moving_of[chosen])[:-1]]
            flipped[:, some] = np.add.reduceat(random_signs(rng, k, len(cols)) * d_moving[None, cols], starts, axis=1)
        return (2 * flipped - total[None, tests]) / sizes[None, tests]

    p, used = sequential_p(draw, total / sizes, n_perm, live_only=True)
    for j, (row, x, y, _) in enumerate(inputs):
        g = hedges_g_av(x, y)
        row.update(ci_low=math.nan, ci_high=math.nan, hedges_g=g, cliffs_delta=cliffs_delta(x, y),
                   p_value=float(p[j]), n_resamples=int(used[j]), status=TESTED, note=_reason(g))
    if only is None:
        # the layout of d_all (which event of which outlet each value is) follows from the articles and the
        # tested outlets: measures with the same articles in the same order have the same layout
        arts = np.arange(len(v)) if articles is None else np.asarray(articles)
        signature = arts.astype(np.int64).tobytes() + b"|" + sizes.astype(np.int64).tobytes()
        collector = rest_cis if rest_cis is not None else RestBootstraps(n_boot, seed)
        collector.add(signature, d_all, test_of, [row for row, _, _, _ in inputs])
        if rest_cis is None:
            collector.finish()
    return rows


class RestBootstraps:
    """Bootstrap CIs of paired outlet-against-rest differences, drawn once per layout for every measure on the
    same articles. :meth:`add` collects a measure's differences (grouped by test, ``test_of`` ascending) and its
    rows; :meth:`finish` draws one stratified bootstrap per layout
    (:func:`analysis.compare.resampling.stratified_boot_cis`: each test's differences resampled within that
    test, the same draw counts for every measure), seeded from ``seed`` and the layout's signature (the
    articles), not the measure: a measure's CIs do not depend on which other measures are in the table."""

    def __init__(self, n_boot: int, seed: int) -> None:
        self.n_boot, self.seed = n_boot, seed
        self.layouts: dict[bytes, tuple[np.ndarray, list[tuple[np.ndarray, list[Row]]]]] = {}

    def add(self, signature: bytes, d: np.ndarray, test_of: np.ndarray, rows: list[Row]) -> None:
        self.layouts.setdefault(signature, (test_of, []))[1].append((d, rows))

    def finish(self) -> None:
        import hashlib

        for signature, (test_of, members) in self.layouts.items():
            t = len(members[0][1])
            digest = hashlib.blake2b(signature, digest_size=8).hexdigest()
            lo, hi = stratified_boot_cis(np.column_stack([d for d, _ in members]), test_of, t, self.n_boot,
                                         row_rng(self.seed, "vs-rest-paired-boot", digest))
            for j, (_, rows) in enumerate(members):
                for i, row in enumerate(rows):
                    row.update(ci_low=float(lo[i, j]), ci_high=float(hi[i, j]))
        self.layouts.clear()


def _mean(a: np.ndarray) -> float:
    return float(np.mean(a)) if len(a) else math.nan


def _median(a: np.ndarray) -> float:
    return float(np.median(a)) if len(a) else math.nan


def select_pairs(names: Sequence[str], tested: Sequence[str], named: set[tuple[str, str]],
                 max_pair_outlets: int = MAX_PAIR_OUTLETS) -> list[tuple[str, str]]:
    """Outlet pairs (sorted) that get a ``pair`` row: all pairs of ``names`` when there are at most
    ``max_pair_outlets``, else all pairs of ``tested`` when at most that many, plus the ``named`` pairs whose
    two outlets are both present."""
    pool = list(names) if len(names) <= max_pair_outlets else list(tested) if len(tested) <= max_pair_outlets else []
    present = set(names)
    out = set(combinations(sorted(pool), 2)) | {p for p in named if p[0] in present and p[1] in present}
    return sorted(out)


def _pairs(key: tuple[str, str], v: np.ndarray, o: np.ndarray, e: np.ndarray, names: np.ndarray,
           sizes: np.ndarray, min_articles: int, named: set[tuple[str, str]], n_boot: int, seed: int,
           paired: bool | str, max_pair_outlets: int, tested: list[int], n_perm: int,
           only: set[tuple[str, str]] | None = None) -> list[Row]:
    chosen = select_pairs([str(n) for n in names], [str(names[i]) for i in tested], named, max_pair_outlets)
    if only is not None:
        chosen = [p for p in chosen if p in only]
    rows = []
    # o is sorted by outlet: each outlet's values are one slice, and its median is taken once
    present, starts = np.unique(o, return_index=True)
    where = {str(name): slice(lo, hi) for name, lo, hi in zip(present, starts, np.r_[starts[1:], len(o)], strict=True)}
    medians = {name: float(np.median(v[pos])) for name, pos in where.items()}
    for oa, ob in chosen:
        ia, ib = where[oa], where[ob]
        minimum = 2 if (oa, ob) in named else min_articles
        r = compare_pair(key[0], key[1], oa, ob, (v[ia], e[ia]), (v[ib], e[ib]), paired, n_boot,
                         row_rng(seed, *key, oa, ob), min_units=minimum, n_perm=n_perm, stream_seed=seed)
        tested_pair = not math.isnan(float(r["p_value"]))  # type: ignore[arg-type]
        r.update(contrast=PAIR, median_a=medians[oa], median_b=medians[ob],
                 status=TESTED if tested_pair else DESCRIBED, n_groups=0,
                 n_resamples=int(r.pop("_n_resamples", 0)), statistic=math.nan, effect_size=math.nan)
        if (oa, ob) in named:
            r["note"] = "; ".join(filter(None, ["named contrast", str(r["note"])]))
        rows.append(r)
    return rows
