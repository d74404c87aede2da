"""The one place the report reads outlet statistics from :mod:`analysis.compare` (an adapter).

The report needs, for each metric × target of the pooled scope, the rows of the design that scales with the
number of outlets (:mod:`analysis.compare.contrasts`): ``contrast`` = ``omnibus`` (Kruskal–Wallis across the
tested outlets), ``outlet_vs_rest`` (each outlet with at least the minimum of articles against all other
articles), ``pair`` (every pair when there are at most 12 outlets, else pairs of tested outlets when at most
12 are tested) and ``outlet`` (description only), with ``n_a, n_b, mean_a, mean_b, difference, ci_low,
ci_high, hedges_g, cliffs_delta, statistic, effect_size, n_groups, p_value, p_adjusted, design, status,
note``. Whatever shape the comparison module's table takes, :func:`pairwise` returns exactly those columns
(missing ones as NaN / ``""``), so the rest of the report does not depend on it.

:func:`pooled_stats` computes them once per report with the comparison module's own statistics (the same
call, seed, minimum and number of draws as the pooled scope of ``mediacompare compare``, so q-values agree
with the forest plot) and caches the result as ``tables/outlet_stats.parquet`` (+ CSV) in the report folder,
keyed by a fingerprint of the metrics and articles tables: the notebooks and the first page read one table
instead of recomputing it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from ..compare import stats as cstats
from ..tables import AnalysisTables, write_frame

PAIRWISE_COLUMNS = ["metric", "target", "contrast", "outlet_a", "outlet_b", "n_a", "n_b", "mean_a", "mean_b",
                    "difference", "ci_low", "ci_high", "hedges_g", "cliffs_delta", "statistic", "effect_size",
                    "n_groups", "n_resamples", "p_value", "p_adjusted", "design", "status", "note"]
TEXT_COLUMNS = {"metric", "target", "contrast", "outlet_a", "outlet_b", "design", "status", "note"}
CACHE_NAME = "outlet_stats"
POOLED = "pooled"
PAIRED = cstats.PAIRED


def pairwise(stats: pd.DataFrame, scope: str = POOLED) -> pd.DataFrame:
    """The pairwise rows of one ``scope`` (all rows when there is no ``scope`` column) in the report's columns."""
    df = stats
    if "scope" in df.columns:
        df = df[df["scope"].astype(str) == scope]
    out = pd.DataFrame(index=df.index)
    for col in PAIRWISE_COLUMNS:
        if col in df.columns:
            out[col] = df[col]
        elif col == "contrast":  # a table of outlet pairs only (compare.stats.outlet_stats)
            out[col] = "pair"
        else:
            out[col] = "" if col in TEXT_COLUMNS else float("nan")
    for col in TEXT_COLUMNS:
        out[col] = out[col].fillna("").astype(str)
    for col in set(PAIRWISE_COLUMNS) - TEXT_COLUMNS:
        out[col] = pd.to_numeric(out[col], errors="coerce").astype(float)
    return out.reset_index(drop=True)


def fingerprint(tables: AnalysisTables) -> str:
    """SHA-256 (first 16 hex digits) of the metrics and articles tables' content."""
    h = hashlib.sha256()
    for df in (tables.metrics, tables.articles):
        h.update(",".join(map(str, df.columns)).encode("utf-8"))
        h.update(pd.util.hash_pandas_object(df.astype("string"), index=False).to_numpy().tobytes())
    return h.hexdigest()[:16]


def compute_pooled(tables: AnalysisTables) -> pd.DataFrame:
    """Pooled outlet statistics (paired within events where outlets share events), as the pooled scope of
    ``mediacompare compare`` (:func:`analysis.compare.stats.pooled_and_per_event`, default minimum)."""
    from ..compare.run import event_articles

    arts = event_articles(tables.articles, None)
    stats = cstats.pooled_and_per_event(tables.metrics, arts.assign(event_id=arts["given_event_id"]),
                                        n_boot=cstats.N_BOOT, seed=cstats.SEED, per_event=False)
    return pairwise(stats)


def pooled_stats(tables: AnalysisTables, cache_dir: str | Path | None = None) -> pd.DataFrame:
    """:func:`compute_pooled`, read from ``cache_dir/outlet_stats.parquet`` when it was made from these tables.

    The fingerprint is stored in a ``fingerprint`` column of the cache (dropped on return).
    """
    key = fingerprint(tables)
    path = Path(cache_dir) / f"{CACHE_NAME}.parquet" if cache_dir else None
    if path is not None and path.is_file():
        cached = pd.read_parquet(path)
        if "fingerprint" in cached.columns and (cached.empty or str(cached["fingerprint"].iloc[0]) == key):
            return pairwise(cached.drop(columns="fingerprint"))
    stats = compute_pooled(tables)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        stamped = stats.assign(fingerprint=key)
        write_frame(stamped, path)
        write_frame(stamped, path.with_suffix(".csv"))
    return stats
