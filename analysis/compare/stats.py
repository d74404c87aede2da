"""Outlet statistics from per-article metric values: differences, bootstrap CIs, effect sizes, adjusted p.

The unit of analysis is the article (one value per article, metric and target, from the tidy metrics
table), never the word or the sentence: rows whose target is a sentence position (``sentence:N``; no bundled
family writes such rows to the metrics table, but a user family might) are left out, because sentence N
of one article has no counterpart in another. For each
metric (× target) and each pair of outlets:

* **independent design** (outlets cover different events, or ``paired=False``): difference of the
  outlet means, percentile-bootstrap 95% CI resampling articles within each outlet (Efron &
  Tibshirani 1993, ch. 13), Hedges' g with its small-sample correction (Hedges 1981; Hedges & Olkin
  1985), Cliff's δ (Cliff 1993), and a two-sided permutation p-value of the difference in means;
* **paired within events** (the two outlets cover the same events; ``paired="auto"`` chooses it
  whenever they share an event): the articles of an outlet in one event are averaged, the unit is the
  event, the difference is the mean within-event difference, the CI bootstraps events, the effect size
  is Hedges' g_av (Lakens 2013) and the p-value comes from a sign-flip (randomisation) test over events;
* p-values are adjusted with Benjamini & Hochberg (1995) across every row of one call (all metrics,
  targets and outlet pairs of one scope). A permutation p-value from n draws cannot fall below
  1/(n + 1), while BH needs p ≤ α/m for the smallest of m tests: tests that used every draw with p ≤ α but
  q > α are re-drawn with up to ⌈20·m/α⌉ draws (:func:`refined_draws`), then all rows are adjusted again.

With fewer than 2 units per outlet (articles, or shared events when paired) there is no CI, no p-value
and no effect size that needs a variance; the ``note`` says that inference is not supported. Everything
is numpy; random draws use ``numpy.random.default_rng`` seeded from ``seed`` and the row's key, so a row's
numbers do not depend on which other metrics are in the table.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

import numpy as np
import pandas as pd

from ..model import Undefined
from .resampling import EXCEEDANCES, DrawStream, permutation_indices, random_signs, sequential_p, shared_permutations

STATS_COLUMNS = ["metric", "target", "outlet_a", "outlet_b", "n_a", "n_b", "mean_a", "mean_b", "difference",
                 "ci_low", "ci_high", "hedges_g", "cliffs_delta", "p_value", "p_adjusted", "design", "note",
                 # added for many outlets (analysis.compare.contrasts); docs/statistics.md, "The stats table"
                 "contrast", "status", "median_a", "median_b", "statistic", "effect_size", "n_groups",
                 "n_resamples"]
STR_COLUMNS = ("metric", "target", "outlet_a", "outlet_b", "design", "note", "contrast", "status")
INT_COLUMNS = ("n_a", "n_b", "n_groups", "n_resamples")
SEED = 20241112
N_BOOT = 2000
CONFIDENCE = 0.95
INDEPENDENT = "independent articles"
PAIRED = "paired within events"
NO_INFERENCE = "inference not supported"
SENTENCE_TARGET = r"sentence:\d+"  # per-sentence positional values: not comparable across articles


# ----------------------------------------------------------------------------- statistics


def hedges_g(x: Sequence[float], y: Sequence[float]) -> float:
    """Hedges' g: standardised mean difference of two independent samples with small-sample correction.

    g = J · (mean(x) − mean(y)) / s_p, with the pooled SD s_p = √(((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2))
    (sample variances, ddof = 1) and J = 1 − 3/(4(n₁+n₂) − 9) (Hedges 1981; Hedges & Olkin 1985, eq. 5.10's
    approximation). Positive when x is larger. Undefined below 2 values per sample or when s_p = 0.
    """
    a, b = _clean(x), _clean(y)
    n1, n2 = len(a), len(b)
    if n1 < 2 or n2 < 2:
        return Undefined(f"Hedges' g needs at least 2 values per group (n={n1}, {n2})")
    sp2 = ((n1 - 1) * a.var(ddof=1) + (n2 - 1) * b.var(ddof=1)) / (n1 + n2 - 2)
    if not sp2 > 0:
        return Undefined("Hedges' g undefined: no variance within either group")
    j = 1 - 3 / (4 * (n1 + n2) - 9)
    return float(j * (a.mean() - b.mean()) / math.sqrt(sp2))


def hedges_g_av(x: Sequence[float], y: Sequence[float]) -> float:
    """Hedges' g_av for paired samples (Lakens 2013, eqs. 10 and 4): J · mean(x − y) / ((s_x + s_y)/2).

    x[i] and y[i] are the two outlets' values in the same event; s_x, s_y are sample SDs (ddof = 1);
    J = 1 − 3/(4(n₁+n₂) − 9) with n₁ = n₂ = the number of pairs, as Lakens (2013) applies it to d_av.
    Undefined below 2 pairs or when both SDs are 0.
    """
    a, b = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    keep = ~(np.isnan(a) | np.isnan(b))
    a, b = a[keep], b[keep]
    n = len(a)
    if n < 2:
        return Undefined(f"Hedges' g_av needs at least 2 pairs (n={n})")
    sd = (a.std(ddof=1) + b.std(ddof=1)) / 2
    if not sd > 0:
        return Undefined("Hedges' g_av undefined: no variance within either outlet")
    j = 1 - 3 / (4 * (2 * n) - 9)
    return float(j * (a - b).mean() / sd)


def cliffs_delta(x: Sequence[float], y: Sequence[float]) -> float:
    """Cliff's δ (Cliff 1993): (#{xᵢ > yⱼ} − #{xᵢ < yⱼ}) / (n₁·n₂) over all pairs; −1 … 1, 0 = no dominance.

    Positive when values of x tend to exceed those of y. Ordinal, so robust to outliers and skew.
    Undefined when a sample is empty.
    """
    a, b = _clean(x), _clean(y)
    if len(a) == 0 or len(b) == 0:
        return Undefined(f"Cliff's delta needs at least 1 value per group (n={len(a)}, {len(b)})")
    sign = np.sign(a[:, None] - b[None, :])
    return float(sign.sum() / (len(a) * len(b)))


def bh_adjust(p_values: Sequence[float]) -> np.ndarray:
    """Benjamini–Hochberg (1995) adjusted p-values (the false discovery rate "q-values" of step-up BH).

    For the m non-NaN p-values sorted ascending, p_adj(i) = min over k ≥ i of min(1, m·p(k)/k); NaN stays
    NaN and is not counted in m. Reject at FDR α where p_adj ≤ α.
    """
    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    m = len(ok)
    if m == 0:
        return out
    order = ok[np.argsort(p[ok], kind="stable")]
    ranked = p[order] * m / np.arange(1, m + 1)
    out[order] = np.minimum(1.0, np.minimum.accumulate(ranked[::-1])[::-1])
    return out


def bootstrap_ci(x: Sequence[float], y: Sequence[float] | None = None, n_boot: int = N_BOOT,
                 rng: np.random.Generator | None = None, confidence: float = CONFIDENCE,
                 stream_seed: int | None = None) -> tuple[float, float]:
    """Percentile bootstrap CI (Efron & Tibshirani 1993, §13.3) of mean(x) − mean(y), or of mean(x) alone.

    Independent samples: x and y are resampled with replacement separately, ``n_boot`` times. Paired data:
    pass the within-pair differences as x and no y. The interval is the (1−c)/2 and (1+c)/2 quantiles of the
    bootstrap distribution (numpy's default linear interpolation). Undefined below 2 values per sample.
    ``stream_seed``: the resampled positions come from the process's shared draws for that seed, the sample
    size and the side (x or y: never the same draws for both) instead of ``rng`` (:func:`shared_resamples`).
    """
    rng = rng if rng is not None else np.random.default_rng(SEED)
    a = _clean(x)
    b = _clean(y) if y is not None else None
    if len(a) < 2 or (b is not None and len(b) < 2):
        reason = f"bootstrap CI needs at least 2 values per group (n={len(a)}{'' if b is None else f', {len(b)}'})"
        return Undefined(reason), Undefined(reason)
    if stream_seed is not None:
        stats = a[shared_resamples(stream_seed, len(a), n_boot, "x")].mean(axis=1)
        if b is not None:
            stats = stats - b[shared_resamples(stream_seed, len(b), n_boot, "y")].mean(axis=1)
    else:
        stats = _resampled_means(a, n_boot, rng)
        if b is not None:
            stats = stats - _resampled_means(b, n_boot, rng)
    lo, hi = np.quantile(stats, [(1 - confidence) / 2, (1 + confidence) / 2])
    return float(lo), float(hi)


def permutation_p(x: Sequence[float], y: Sequence[float], n_perm: int = N_BOOT,
                  rng: np.random.Generator | None = None) -> float:
    """Two-sided permutation p-value of mean(x) − mean(y) for independent samples.

    The group labels are shuffled, at most ``n_perm`` times, with Besag & Clifford's (1991) sequential
    stopping (:func:`analysis.compare.resampling.sequential_p`: stop after 20 permuted statistics at least
    as extreme, p = 20/l); otherwise p = (1 + #{|T*| ≥ |T|}) / (1 + n_perm), which never gives 0 (Phipson &
    Smyth 2010). Exchangeability under the null is the assumption (Good 2005). Undefined below 2 values
    per group.
    """
    return permutation_test(x, y, n_perm, rng)[0]


def permutation_test(x: Sequence[float], y: Sequence[float], n_perm: int = N_BOOT,
                     rng: np.random.Generator | None = None, stream_seed: int | None = None) -> tuple[float, int]:
    """:func:`permutation_p` and the number of permutations drawn. With ``stream_seed`` the permutations come
    from the process's shared stream for that seed and the number of values
    (:func:`analysis.compare.resampling.shared_permutations`) instead of ``rng``."""
    rng = rng if rng is not None else np.random.default_rng(SEED)
    a, b = _clean(x), _clean(y)
    if len(a) < 2 or len(b) < 2:
        return Undefined(f"permutation test needs at least 2 values per group (n={len(a)}, {len(b)})"), 0
    pooled = np.concatenate([a, b])
    na = len(a)
    shared = shared_permutations(stream_seed, len(pooled)) if stream_seed is not None else None
    total = pooled.sum()

    def draw(m: int) -> np.ndarray:
        if shared is not None:  # mean(a*) − mean(b*) from the sum of the first na permuted values
            s = pooled[shared(m)[:, :na]].sum(axis=1)
            return (s / na - (total - s) / (len(pooled) - na))[:, None]
        perms = pooled[permutation_indices(rng, m, len(pooled))]
        return (perms[:, :na].mean(axis=1) - perms[:, na:].mean(axis=1))[:, None]

    p, used = sequential_p(draw, np.array([a.mean() - b.mean()]), n_perm)
    return float(p[0]), int(used[0])


def sign_flip_p(d: Sequence[float], n_perm: int = N_BOOT, rng: np.random.Generator | None = None) -> float:
    """Two-sided randomisation p-value of mean(d) = 0 for paired differences (sign-flip test; Good 2005).

    Each difference's sign is flipped at random, at most ``n_perm`` times with the sequential stopping of
    :func:`permutation_p`; p = (1 + #{|T*| ≥ |T|}) / (1 + n_perm) (Phipson & Smyth 2010) when it runs to the
    end. Undefined below 2 pairs.
    """
    return sign_flip_test(d, n_perm, rng)[0]


def sign_flip_test(d: Sequence[float], n_perm: int = N_BOOT, rng: np.random.Generator | None = None
                   ) -> tuple[float, int]:
    """:func:`sign_flip_p` and the number of sign-flip draws."""
    rng = rng if rng is not None else np.random.default_rng(SEED)
    a = _clean(d)
    if len(a) < 2:
        return Undefined(f"sign-flip test needs at least 2 pairs (n={len(a)})"), 0

    def draw(m: int) -> np.ndarray:  # Σ sign·d with sign = 2·bit − 1 is 2·Σ bit·d − Σ d (8 bits per random byte)
        return ((2 * (random_signs(rng, m, len(a)) @ a) - a.sum()) / len(a))[:, None]

    p, used = sequential_p(draw, np.array([a.mean()]), n_perm)
    return float(p[0]), int(used[0])


def shared_resamples(seed: int, n: int, n_boot: int, side: str) -> np.ndarray:
    """``n_boot`` × n positions drawn uniformly with replacement (int32), the same for every bootstrap of n
    values on that ``side`` with that seed in this process (:class:`analysis.compare.resampling.DrawStream`):
    every pair of outlets with n articles on a side resamples them alike, which leaves each interval a
    percentile bootstrap and saves drawing the positions again for every measure."""
    def make(rng: np.random.Generator) -> np.ndarray:
        return rng.integers(0, n, size=(n_boot, n), dtype=np.int32)

    return DrawStream.of(("resamples", int(seed), int(n), int(n_boot), side), make).batch(0)


def _resampled_means(a: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    idx = rng.integers(0, len(a), size=(n_boot, len(a)))
    return a[idx].mean(axis=1)


def _clean(x: Sequence[float] | None) -> np.ndarray:
    a = np.asarray([] if x is None else x, dtype=float)
    return a[~np.isnan(a)]


def row_rng(seed: int, *key: str) -> np.random.Generator:
    """A generator seeded from ``seed`` and a stable CRC-32 of the row key (order-independent results)."""
    return np.random.default_rng([seed, zlib.crc32("\x1f".join(key).encode("utf-8"))])


# ----------------------------------------------------------------------------- tables


def is_article_level(targets: pd.Series) -> pd.Series:
    """True where a metric row's target is article-level, i.e. not a per-sentence position (``sentence:N``).

    A value at sentence N of one article has no counterpart in another article (sentence 3 of one story is not
    sentence 3 of another), so such rows never enter the outlet statistics.
    """
    return ~targets.fillna("").astype(str).str.fullmatch(SENTENCE_TARGET)


def _analysed_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """``article_id, outlet, event_id`` of the analysed articles as strings, one row per id (event ``""`` when
    the table has no event column)."""
    arts = articles
    if "status" in arts.columns:
        arts = arts[arts["status"].astype(str) == "analysed"]
    cols = ["article_id", "outlet"] + (["event_id"] if "event_id" in arts.columns else [])
    arts = arts.loc[:, cols].astype(str).drop_duplicates("article_id")
    return arts if "event_id" in arts.columns else arts.assign(event_id="")


def article_values(metrics: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Article-level metric rows of analysed articles with ``event_id`` attached: ``article_id, outlet, event_id,
    metric, target, value, note`` (outlet and event from the articles table; missing target/event -> ``""``),
    sorted by metric, target, outlet and article id.
    Rows whose target is a sentence position (``sentence:N``, :func:`is_article_level`) are left out.
    :func:`value_codes` gives the same rows as integer codes (what the outlet statistics use)."""
    arts = _analysed_articles(articles)
    m = metrics.loc[is_article_level(metrics["target"]), ["article_id", "metric", "target", "value", "note"]].copy()
    m["article_id"] = m["article_id"].astype(str)
    m["metric"] = m["metric"].astype(str)
    m["target"] = m["target"].fillna("").astype(str)
    m["note"] = m["note"].fillna("").astype(str)
    m["value"] = pd.to_numeric(m["value"], errors="coerce").astype(float)
    out = m.merge(arts, on="article_id", how="inner")
    out["outlet"] = out["outlet"].replace({"<NA>": "", "nan": ""})
    out["event_id"] = out["event_id"].replace({"<NA>": "", "nan": ""})
    out = out.sort_values(["metric", "target", "outlet", "article_id"], kind="stable")  # input order never matters
    return out.loc[:, ["article_id", "outlet", "event_id", "metric", "target", "value", "note"]].reset_index(drop=True)


@dataclass(frozen=True)
class ValueCodes:
    """Article-level metric values with every text column as integer codes into its sorted distinct names
    (``outlets[outlet]`` is the outlet of each row, and so on): the rows of :func:`article_values`, in its
    order, without a string per row. From :func:`value_codes` (a metrics table) or :meth:`from_frame` (rows of
    :func:`article_values`). Codes are ranks in name order, so sorting codes sorts names."""

    value: np.ndarray
    metric: np.ndarray
    target: np.ndarray
    outlet: np.ndarray
    event: np.ndarray
    article: np.ndarray
    metrics: np.ndarray
    targets: np.ndarray
    outlets: np.ndarray
    events: np.ndarray
    articles: np.ndarray

    def __len__(self) -> int:
        return len(self.value)

    def take(self, rows: np.ndarray) -> ValueCodes:
        """The rows selected by ``rows`` (a boolean mask or positions), in their order; the same names."""
        cols = {c: getattr(self, c)[rows] for c in ("value", "metric", "target", "outlet", "event", "article")}
        return replace(self, **cols)

    @classmethod
    def from_frame(cls, vals: pd.DataFrame) -> ValueCodes:
        """Rows with the columns of :func:`article_values` (``note`` not needed), in their order."""
        cols = {}
        for col, names in (("metric", "metrics"), ("target", "targets"), ("outlet", "outlets"), ("event", "events"),
                           ("article", "articles")):
            source = "event_id" if col == "event" else "article_id" if col == "article" else col
            cols[names], cols[col] = np.unique(vals[source].to_numpy(dtype=object).astype(str), return_inverse=True)
        return cls(value=vals["value"].to_numpy(dtype=float), **cols)


def _small(codes: np.ndarray, n: int) -> np.ndarray:
    """Codes in −1 … n − 1 in the smallest signed integer type that holds them (int8 for 64 metrics, int16 for
    10,000 articles: the code arrays of 2 million rows take 2–4 MB each instead of 16)."""
    return codes.astype(np.min_scalar_type(-max(int(n), 1)), copy=False)


def _coded(column: pd.Series, text: Callable[[pd.Series], pd.Series]) -> tuple[np.ndarray, np.ndarray]:
    """``column`` as codes into its distinct values after ``text`` (applied to the distinct values only, never
    to every row): (codes, names); values that ``text`` makes equal share a code; a missing result -> -1. A
    categorical column's own codes are used (no pass over its rows)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes, uniques = column.cat.codes.to_numpy(), column.cat.categories  # −1: missing
    else:
        codes, uniques = pd.factorize(column, use_na_sentinel=False)
    # a missing value last, so that code −1 (a missing categorical value) takes its text
    strings = text(pd.Series([*np.asarray(uniques, dtype=object), None], dtype=object))
    recoded, names = pd.factorize(strings, use_na_sentinel=True)  # NaN (a missing text) -> -1
    return _small(recoded, len(names))[codes], np.asarray(names, dtype=object)


def value_codes(metrics: pd.DataFrame, articles: pd.DataFrame) -> ValueCodes:
    """The rows of :func:`article_values` (``note`` left out) as :class:`ValueCodes`, made from integer codes
    of the metrics table's columns (a categorical column's own codes): no string copy, merge or sort of the
    whole table (a 2-million-row metrics table made about 400 MB of such copies). The same rows in the same
    order: article-level targets of analysed articles, sorted (stably) by metric, target, outlet and article
    id."""
    arts = _analysed_articles(articles)
    art_ids = arts["article_id"].to_numpy(dtype=object)
    outlet_text = arts["outlet"].replace({"<NA>": "", "nan": ""}).fillna("").to_numpy(dtype=object)
    event_text = arts["event_id"].replace({"<NA>": "", "nan": ""}).fillna("").to_numpy(dtype=object)
    a_codes, a_names = _coded(metrics["article_id"], lambda s: s.astype(str))
    m_codes, m_names = _coded(metrics["metric"], lambda s: s.astype(str))
    t_codes, t_names = _coded(metrics["target"], lambda s: s.fillna("").astype(str))
    # the analysed article of each metrics article id, or −1; a last −1 for a missing id (code −1)
    row_of = _small(np.r_[pd.Index(art_ids).get_indexer(a_names), -1], len(art_ids))
    level = is_article_level(pd.Series(t_names, dtype=object)).to_numpy(dtype=bool)
    keep = (row_of[a_codes] >= 0) & (m_codes >= 0)
    keep[keep] = level[t_codes[keep]]
    art_row = row_of[a_codes[keep]]
    value = pd.to_numeric(metrics["value"], errors="coerce").to_numpy(dtype=float)[keep]

    def ranked(codes: np.ndarray, names: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        sorted_names, rank = np.unique(names.astype(str), return_inverse=True)
        return _small(rank, len(sorted_names))[codes], sorted_names

    metric, metric_names = ranked(m_codes[keep], m_names)
    target, target_names = ranked(t_codes[keep], t_names)
    outlet, outlet_names = ranked(art_row, outlet_text)
    event, event_names = ranked(art_row, event_text)
    article, article_names = ranked(art_row, art_ids)
    order = np.lexsort((article, outlet, target, metric))  # stable: equal keys keep the table's order
    return ValueCodes(value[order], metric[order], target[order], outlet[order], event[order], article[order],
                      metric_names, target_names, outlet_names, event_names, article_names)


def outlet_stats(metrics: pd.DataFrame, articles: pd.DataFrame, metrics_list: Iterable[str] | None = None,
                 n_boot: int = N_BOOT, seed: int = SEED, paired: bool | str = "auto",
                 event: str | None = None, outlets: Iterable[str] | None = None) -> pd.DataFrame:
    """Compare outlets pairwise on per-article metric values; one row per metric × target × outlet pair.

    Every pair of outlets, for a few outlets chosen by hand; with many outlets use :func:`pooled_and_per_event`
    (omnibus, outlet against the rest, selected pairs: :mod:`analysis.compare.contrasts`).
    Columns: :data:`STATS_COLUMNS` (``contrast`` = ``"pair"``). ``difference = mean_a − mean_b``; ``n_*``
    count articles (independent) or events (paired) with a defined value. ``metrics_list`` keeps only those
    metric names (default: every metric); ``event`` keeps only the articles of that event (then the design
    is independent: there is nothing to pair within one event); ``outlets`` keeps only those outlets.
    ``paired``: ``"auto"`` pairs within events when the two outlets share at least one event, ``True``
    forces pairing (no shared event -> no inference), ``False`` never pairs. p-values: permutation or
    sign-flip test with at most ``n_boot`` draws (sequential stopping), BH-adjusted across all rows.
    Deterministic for a given ``seed``. Sorted by metric, target, outlet_a, outlet_b.
    """
    vals = _select(article_values(metrics, articles), metrics_list, outlets)
    if event is not None:
        vals = vals[vals["event_id"] == str(event)]
        paired = False
    return _all_pairs(vals, n_boot, seed, paired)


MAX_EVENT_BLOCKS = 20  # per-event blocks by default only up to this many events


def pooled_and_per_event(metrics: pd.DataFrame, articles: pd.DataFrame, event: str | None = None,
                         metrics_list: Iterable[str] | None = None, n_boot: int = N_BOOT, seed: int = SEED,
                         paired: bool | str = "auto", outlets: Iterable[str] | None = None,
                         min_articles: int | None = None, contrasts: Iterable[str | tuple[str, str]] = (),
                         per_event: bool | None = None) -> pd.DataFrame:
    """Outlet statistics pooled over the corpus plus one block per event, with a leading ``scope`` column.

    Each block is :func:`analysis.compare.contrasts.outlet_contrasts`: per-outlet description, omnibus test,
    each outlet against the rest, selected pairs (``contrasts``: named pairs ``"A:B"``), ``min_articles``
    (default :data:`analysis.compare.contrasts.MIN_ARTICLES`) per tested outlet. ``scope`` is ``"pooled"``
    for every article (paired within events where outlets share them), else the event id (that event's
    articles only, independent design). ``per_event``: None = per-event blocks only when there are at most
    :data:`MAX_EVENT_BLOCKS` events (with more, the pooled paired design is the within-event comparison; one
    event at a time with ``event=``), True/False = always/never. ``event`` given: only that event's block.
    BH adjustment is done within each scope. Articles without an event id appear only in the pooled block.
    """
    from .contrasts import MIN_ARTICLES, outlet_contrasts

    minimum = MIN_ARTICLES if min_articles is None else int(min_articles)
    vals = _select_codes(value_codes(metrics, articles), metrics_list, outlets)
    contrasts = list(contrasts)

    def block(v: ValueCodes, scope: str, design: bool | str) -> pd.DataFrame:
        return outlet_contrasts(v, minimum, contrasts, n_boot, seed, design).assign(scope=scope)

    blocks = []
    present = np.unique(vals.event)  # codes of the events with a row, in id order
    if not event:
        blocks.append(block(vals, "pooled", paired))
        ids = [int(c) for c in present if vals.events[c]]
        if per_event or (per_event is None and len(ids) <= MAX_EVENT_BLOCKS):
            blocks.extend(block(vals.take(vals.event == c), str(vals.events[c]), False) for c in ids)
    else:
        code = np.searchsorted(vals.events, str(event))
        found = code < len(vals.events) and vals.events[code] == str(event)
        blocks.append(block(vals.take(vals.event == code if found else np.zeros(len(vals), dtype=bool)),
                            str(event), False))
    out = pd.concat(blocks, ignore_index=True) if blocks else typed_stats(pd.DataFrame(columns=STATS_COLUMNS))
    if "scope" not in out.columns:
        out["scope"] = pd.Series(dtype=str)
    return out.loc[:, ["scope", *STATS_COLUMNS]]


def _select_codes(vals: ValueCodes, metrics_list: Iterable[str] | None, outlets: Iterable[str] | None) -> ValueCodes:
    """:func:`_select` on :class:`ValueCodes`."""
    keep = np.ones(len(vals), dtype=bool)
    if metrics_list is not None:
        keep &= np.isin(vals.metrics, [str(m) for m in metrics_list])[vals.metric]
    if outlets is not None:
        keep &= np.isin(vals.outlets, [str(o) for o in outlets])[vals.outlet]
    return vals if keep.all() else vals.take(keep)


def _select(vals: pd.DataFrame, metrics_list: Iterable[str] | None, outlets: Iterable[str] | None) -> pd.DataFrame:
    if metrics_list is not None:
        vals = vals[vals["metric"].isin(list(metrics_list))]
    if outlets is not None:
        vals = vals[vals["outlet"].isin([str(o) for o in outlets])]
    return vals


ALPHA = 0.05  # the false discovery rate the report calls a difference at
MAX_DRAWS = 1_000_000  # cap on the permutation draws of one refined test


def refined_draws(m: int, alpha: float = ALPHA) -> int:
    """Permutation draws for a test whose p-value the first ``n_boot`` draws could not resolve.

    With m tests, Benjamini–Hochberg can only call the smallest p a difference when p ≤ α/m; a Monte
    Carlo p-value from n draws is at least 1/(n + 1), so a few thousand draws cannot reach it once m is in
    the hundreds. Refined tests get up to ⌈h·m/α⌉ draws (h = 20 exceedances, the sequential stopping
    rule's), capped at :data:`MAX_DRAWS`: enough to resolve p = α/m with about h expected exceedances
    (Gandy & Hahn 2014 on Monte Carlo resolution in multiple testing).
    """
    return int(min(MAX_DRAWS, math.ceil(EXCEEDANCES * max(m, 1) / alpha)))


def resolution_limited(stats: pd.DataFrame, n_boot: int, alpha: float = ALPHA) -> list[int]:
    """Rows whose BH decision the draws may have decided: all ``n_boot`` permutation draws used (the
    sequential rule never stopped), p ≤ α, yet q > α. Those are re-drawn with :func:`refined_draws`."""
    p = stats["p_value"].to_numpy(dtype=float)
    q = stats["p_adjusted"].to_numpy(dtype=float)
    used = pd.to_numeric(stats["n_resamples"], errors="coerce").fillna(0).to_numpy()
    return [int(i) for i in np.flatnonzero((used >= n_boot) & (p <= alpha) & (q > alpha))]


def _all_pairs(vals: pd.DataFrame, n_boot: int, seed: int, paired: bool | str) -> pd.DataFrame:
    rows: list[dict[str, object]] = []
    inputs: list[tuple] = []
    values = vals["value"].to_numpy(dtype=float)
    events = vals["event_id"].to_numpy(dtype=object)
    outlets = vals["outlet"].to_numpy(dtype=object)
    for (metric, target), pos in sorted(vals.groupby(["metric", "target"], sort=False).indices.items()):
        by_outlet: dict[str, list[int]] = {}
        for i in pos:
            by_outlet.setdefault(str(outlets[i]), []).append(int(i))
        for oa, ob in combinations(sorted(by_outlet), 2):
            ia, ib = np.array(by_outlet[oa]), np.array(by_outlet[ob])
            args = (str(metric), str(target), oa, ob, (values[ia], events[ia]), (values[ib], events[ib]), paired,
                    n_boot)
            row = compare_pair(*args, row_rng(seed, str(metric), str(target), oa, ob))
            row.update(contrast="pair", n_resamples=row.pop("_n_resamples", 0),
                       status="tested" if not math.isnan(float(row["p_value"])) else "described")
            rows.append(row)
            inputs.append(args)
    out = pd.DataFrame(rows, columns=STATS_COLUMNS)
    if out.empty:
        return typed_stats(out)
    out["p_adjusted"] = bh_adjust(out["p_value"].to_numpy(dtype=float))
    limited = resolution_limited(out, n_boot)
    if len(limited):
        n_more = refined_draws(int(out["p_value"].notna().sum()))
        for i in limited:
            args = inputs[i]
            row = compare_pair(*args, row_rng(seed, *map(str, args[:4])), n_perm=n_more)
            out.loc[i, "p_value"], out.loc[i, "n_resamples"] = row["p_value"], row.get("_n_resamples", 0)
        out["p_adjusted"] = bh_adjust(out["p_value"].to_numpy(dtype=float))
    return typed_stats(out.sort_values(["metric", "target", "outlet_a", "outlet_b"], kind="stable")
                       .reset_index(drop=True))


def design_summary(stats: pd.DataFrame, scope: str | None = None) -> str:
    """One plain sentence on what the rows of a stats table support (for captions and notebooks).

    With a ``scope`` column (from :func:`pooled_and_per_event`), only one scope is described: ``scope``,
    else ``"pooled"`` when present, else the first. Only outlet-pair and outlet-against-rest rows count
    (``contrast`` column, when present); outlets below the minimum are named as described only.
    """
    prefix = ""
    if "scope" in stats.columns and not stats.empty:
        scopes = list(dict.fromkeys(stats["scope"].astype(str)))
        chosen = scope if scope is not None else ("pooled" if "pooled" in scopes else scopes[0])
        stats = stats[stats["scope"].astype(str) == chosen]
        prefix = "All events pooled. " if chosen == "pooled" else f"Event {chosen}. "
    described = ""
    if "contrast" in stats.columns:
        outlets = stats[stats["contrast"] == "outlet"]
        small = outlets[outlets["status"] == "described"]
        if not small.empty:
            n_small = small["outlet_a"].nunique()
            described = (f" {n_small} of {outlets['outlet_a'].nunique()} outlets have fewer articles than the "
                         "minimum for some metric and are described there, not tested.")
        stats = stats[stats["contrast"].isin(["pair", "outlet_vs_rest"])]
    if stats.empty:
        return prefix + "No outlet comparison: fewer than two outlets with defined values." + described
    inferential = stats["p_value"].notna()
    designs = ", ".join(sorted(stats["design"].astype(str).unique()))
    n_lo, n_hi = int(min(stats["n_a"].min(), stats["n_b"].min())), int(max(stats["n_a"].max(), stats["n_b"].max()))
    n_text = f"n = {n_lo}" if n_lo == n_hi else f"n = {n_lo}–{n_hi}"
    if not inferential.any():
        return (f"{prefix}Design: {designs}; {n_text} per outlet. The design cannot support inference (too few "
                "articles or shared events per outlet): differences are descriptive, with no confidence "
                "interval, effect size needing a variance, or p-value." + described)
    return (f"{prefix}Design: {designs}; {n_text} per outlet. 95% percentile bootstrap CIs of the difference in means "
            f"(Efron & Tibshirani 1993); p-values from permutation/sign-flip tests, Benjamini–Hochberg adjusted "
            f"across the {int(inferential.sum())} comparisons with a p-value (Benjamini & Hochberg 1995)."
            + described)


def _event_means(values: np.ndarray, events: np.ndarray, shared: list[str]) -> np.ndarray:
    """Mean value per event, in the order of ``shared`` (events sorted; one pass with np.unique + bincount)."""
    keep = np.isin(events, shared)
    uniq, inverse = np.unique(events[keep].astype(str), return_inverse=True)
    sums = np.bincount(inverse, weights=values[keep], minlength=len(uniq))
    counts = np.bincount(inverse, minlength=len(uniq))
    pos = np.searchsorted(uniq, np.asarray(shared, dtype=str))
    return (sums / counts)[pos].astype(float)


Side = tuple[np.ndarray, np.ndarray]  # (values, event ids) of one outlet's articles


def compare_pair(metric: str, target: str, oa: str, ob: str, a: Side, b: Side, paired: bool | str, n_boot: int,
                 rng: np.random.Generator, min_units: int = 2, n_perm: int | None = None,
                 stream_seed: int | None = None) -> dict[str, object]:
    """One pair of outlets: difference, CI, effect sizes and p (module docstring); fewer than ``min_units``
    units (articles, or shared events when paired) on a side -> described only, the note says why. The
    bootstrap uses ``n_boot`` draws, the permutation test at most ``n_perm`` (default ``n_boot``); the
    number of permutation draws is in ``_n_resamples``. ``stream_seed``: the independent permutation test
    draws from the shared stream of that seed (:func:`permutation_test`)."""
    n_perm = n_boot if n_perm is None else n_perm
    notes: list[str] = []
    (va, ea), (vb, eb) = a, b
    n_nan = int(np.isnan(va).sum() + np.isnan(vb).sum())
    if n_nan:
        notes.append(f"{n_nan} undefined article value(s) left out")
    pairable = paired is True or (paired == "auto" and bool((set(ea) & set(eb)) - {""}))
    keep_a, keep_b = ~np.isnan(va), ~np.isnan(vb)
    va, ea, vb, eb = va[keep_a], ea[keep_a], vb[keep_b], eb[keep_b]
    row: dict[str, object] = {"metric": metric, "target": target, "outlet_a": oa, "outlet_b": ob}
    empty = [o for o, v in ((oa, va), (ob, vb)) if len(v) == 0]
    if empty:
        notes.insert(0, f"no defined value for {' and '.join(empty)}")
        row.update(n_a=len(va), n_b=len(vb), mean_a=_mean(va), mean_b=_mean(vb), difference=math.nan,
                   ci_low=math.nan, ci_high=math.nan, hedges_g=math.nan, cliffs_delta=math.nan, p_value=math.nan,
                   p_adjusted=math.nan, design=PAIRED if pairable else INDEPENDENT, note="; ".join(notes))
        return row
    shared = sorted((set(ea) & set(eb)) - {""})
    use_pair = paired is True or (paired == "auto" and bool(shared))
    if use_pair:
        in_a, in_b = np.isin(ea, shared), np.isin(eb, shared)
        x, y = _event_means(va, ea, shared), _event_means(vb, eb, shared)
        dropped = int((~in_a).sum() + (~in_b).sum())
        if dropped:
            notes.append(f"{dropped} article(s) in events not covered by both outlets left out")
        if int(in_a.sum()) > len(shared) or int(in_b.sum()) > len(shared):
            notes.append("several articles of an outlet in one event averaged")
        d = x - y
        n = len(d)
        row.update(n_a=n, n_b=n, mean_a=_mean(x), mean_b=_mean(y), difference=_mean(d), design=PAIRED)
        if n < max(2, min_units):
            notes.insert(0, f"{NO_INFERENCE}: {n} shared event(s), needs at least {max(2, min_units)}")
            row.update(ci_low=math.nan, ci_high=math.nan, hedges_g=math.nan, cliffs_delta=math.nan, p_value=math.nan)
        else:
            lo, hi = bootstrap_ci(d, None, n_boot, rng, stream_seed=stream_seed)
            p, used = sign_flip_test(d, n_perm, rng)
            row.update(ci_low=lo, ci_high=hi, hedges_g=hedges_g_av(x, y), cliffs_delta=cliffs_delta(x, y),
                       p_value=p, _n_resamples=used)
    else:
        x, y = va, vb
        row.update(n_a=len(x), n_b=len(y), mean_a=_mean(x), mean_b=_mean(y), design=INDEPENDENT)
        row["difference"] = row["mean_a"] - row["mean_b"]  # type: ignore[operator]
        if len(x) < max(2, min_units) or len(y) < max(2, min_units):
            notes.insert(0, f"{NO_INFERENCE}: {len(x)} vs {len(y)} article(s), needs at least {max(2, min_units)} "
                            "per outlet")
            row.update(ci_low=math.nan, ci_high=math.nan, hedges_g=math.nan, cliffs_delta=math.nan, p_value=math.nan)
        else:
            lo, hi = bootstrap_ci(x, y, n_boot, rng, stream_seed=stream_seed)
            p, used = permutation_test(x, y, n_perm, rng, stream_seed)
            row.update(ci_low=lo, ci_high=hi, hedges_g=hedges_g(x, y), cliffs_delta=cliffs_delta(x, y),
                       p_value=p, _n_resamples=used)
    for key in ("hedges_g", "cliffs_delta", "ci_low"):
        reason = getattr(row[key], "reason", "")
        if reason and not any(NO_INFERENCE in n for n in notes):
            notes.append(reason)
    row["p_adjusted"] = math.nan
    row["note"] = "; ".join(notes)
    return row


def _mean(a: np.ndarray) -> float:
    return float(np.mean(a)) if len(a) else math.nan


def typed_stats(df: pd.DataFrame) -> pd.DataFrame:
    """The stats columns with their types (strings, int64 counts, float64 numbers); missing columns added."""
    out = df.copy()
    for col in STATS_COLUMNS:
        if col not in out.columns:
            out[col] = "" if col in STR_COLUMNS else 0 if col in INT_COLUMNS else math.nan
    for col in STATS_COLUMNS:
        kind = str if col in STR_COLUMNS else "int64" if col in INT_COLUMNS else "float64"
        out[col] = out[col].fillna("" if kind is str else 0 if col in INT_COLUMNS else math.nan).astype(kind)
    return out.loc[:, [*STATS_COLUMNS, *[c for c in out.columns if c not in STATS_COLUMNS]]]
