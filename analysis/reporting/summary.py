"""Outlet-level summary tables: per family, metric (× target) and outlet, n, mean with its 95% CI, median, IQR.

For each labelled metric of a family (``metric_labels.yaml``; targets chosen by its ``targets`` entry)
and each outlet: ``n`` articles with a defined value, ``n_undefined`` articles whose value is NaN (with
the most common reason), the mean with a 95% percentile-bootstrap CI of the mean (Efron & Tibshirani
1993, §13.3; :func:`analysis.compare.stats.bootstrap_ci`, seeded per row so a row's interval does not
depend on the others), the median and the interquartile range (numpy's linear-interpolation
quantiles). Below 2 defined values the CI is NaN. :func:`summary_differences` takes the matching rows
of the pooled outlet statistics (paired within events where outlets share events).

The numbers stay numbers here; :mod:`analysis.reporting.display` formats them.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from ..compare.stats import N_BOOT, SEED, article_values, bootstrap_ci, row_rng
from ..labels import outlet_labels
from .labels import family_order, metric_label
from .undefined import describe_undefined

SUMMARY_COLUMNS = ["family", "metric", "target", "outlet", "n", "n_undefined", "undefined_reason", "mean", "ci_low",
                   "ci_high", "median", "q1", "q3"]
DIFFERENCE_COLUMNS = ["family", "metric", "target", "contrast", "outlet_a", "outlet_b", "design", "n_a", "n_b",
                      "mean_a", "mean_b", "difference", "ci_low", "ci_high", "hedges_g", "cliffs_delta", "statistic",
                      "effect_size", "n_groups", "p_value", "p_adjusted", "status", "note"]
# Contrasts a differences table shows (analysis.compare.contrasts), in this order within a measure; the
# per-outlet ``outlet`` rows repeat the summary table and ``rare_targets`` rows only count untested targets.
SHOWN_CONTRASTS = ("omnibus", "outlet_vs_rest", "pair")
_TOP = re.compile(r"top\s+(\d+)")


def chosen_targets(values: pd.DataFrame, metric: str, rule: str) -> list[str]:
    """The targets of ``metric`` a summary shows: ``""`` only (no rule), ``all`` (sorted), ``top N`` (by the sum of
    the values over articles, highest first, ties by name), or a regular expression the target must match."""
    targets = values.loc[values["metric"] == metric, ["target", "value"]]
    if not rule:
        return [""] if (targets["target"] == "").any() else []
    named = targets[targets["target"] != ""]
    if rule == "all":
        return sorted(named["target"].unique())
    m = _TOP.fullmatch(rule)
    if m:
        sums = named.groupby("target")["value"].sum(min_count=1).fillna(-math.inf)
        ranked = sorted(sums.items(), key=lambda kv: (-kv[1], kv[0]))
        return [t for t, _ in ranked[: int(m.group(1))]]
    return sorted(t for t in named["target"].unique() if re.fullmatch(rule, t))


def summary_keys(values: pd.DataFrame, family: str) -> list[tuple[str, str]]:
    """(metric, target) rows of a family's summary, in label-file order then target order."""
    present = set(values["metric"])
    keys: list[tuple[str, str]] = []
    for metric in family_order(family):
        if metric in present:
            keys += [(metric, t) for t in chosen_targets(values, metric, metric_label(metric).targets)]
    return keys


def family_values(metrics: pd.DataFrame, articles: pd.DataFrame, family: str) -> pd.DataFrame:
    """Article-level rows of ``family`` for analysed articles (:func:`analysis.compare.stats.article_values`),
    outlet labels for display."""
    vals = article_values(metrics[metrics["family"].astype(str) == family], articles)
    return vals.assign(outlet=outlet_labels(vals["outlet"]))


def outlet_summary(metrics: pd.DataFrame, articles: pd.DataFrame, family: str, n_boot: int = N_BOOT,
                   seed: int = SEED) -> pd.DataFrame:
    """One row per (metric, target, outlet) of ``family``: see the module docstring. Outlets sorted."""
    vals = family_values(metrics, articles, family)
    rows: list[dict[str, object]] = []
    for metric, target in summary_keys(vals, family):
        sub = vals[(vals["metric"] == metric) & (vals["target"] == target)]
        for outlet, grp in sorted(sub.groupby("outlet"), key=lambda kv: str(kv[0])):
            v = grp["value"].to_numpy(dtype=float)
            defined = v[~np.isnan(v)]
            notes = grp.loc[grp["value"].isna(), "note"]
            reason = str(notes.value_counts().index[0]) if len(notes) else ""
            lo, hi = bootstrap_ci(defined, None, n_boot, row_rng(seed, "summary", metric, target, str(outlet)))
            q1, med, q3 = (np.quantile(defined, [0.25, 0.5, 0.75]) if len(defined) else (math.nan,) * 3)
            rows.append({"family": family, "metric": metric, "target": target, "outlet": str(outlet),
                         "n": len(defined), "n_undefined": len(v) - len(defined), "undefined_reason": reason,
                         "mean": float(defined.mean()) if len(defined) else math.nan, "ci_low": float(lo),
                         "ci_high": float(hi), "median": float(med), "q1": float(q1), "q3": float(q3)})
    out = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    return out.astype({"n": "int64", "n_undefined": "int64"})


def summary_differences(stats: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    """The pooled outlet statistics (:func:`analysis.reporting.stats_source.pairwise`) of the summary's rows:
    per measure the omnibus test, each outlet against the rest and the outlet pairs (:data:`SHOWN_CONTRASTS`)."""
    keys = summary.loc[:, ["family", "metric", "target"]].drop_duplicates()
    if keys.empty or stats.empty:
        return pd.DataFrame(columns=DIFFERENCE_COLUMNS)
    stats = stats[stats["contrast"].isin(SHOWN_CONTRASTS)]
    out = stats.merge(keys, on=["metric", "target"], how="inner")
    order = {k: i for i, k in enumerate(zip(keys["metric"], keys["target"], strict=True))}
    out = out.assign(_o=[order[k] for k in zip(out["metric"], out["target"], strict=True)],
                     _c=out["contrast"].map({c: i for i, c in enumerate(SHOWN_CONTRASTS)}))
    out = out.sort_values(["_o", "_c", "outlet_a", "outlet_b"], kind="stable")
    return out.loc[:, DIFFERENCE_COLUMNS].reset_index(drop=True)


def undefined_summary(metrics: pd.DataFrame, articles: pd.DataFrame, family: str,
                      only: list[str] | None = None) -> list[str]:
    """Caption sentences on undefined values of the summary's rows, by count and reason, never by id.

    ``"SMOG undefined for 212 of 300 articles: fewer than 30 sentences."`` The reason is the label file's
    ``undefined`` text when given, else the notes merged by :func:`analysis.reporting.undefined.merge_reasons`.
    """
    vals = family_values(metrics, articles, family)
    keys = [k for k in summary_keys(vals, family) if only is None or k[0] in only]
    rows = vals[[k in set(keys) for k in zip(vals["metric"], vals["target"], strict=True)]]
    short = {m: metric_label(m).undefined for m, _ in keys if metric_label(m).undefined}
    rows = rows.assign(note=[short.get(m, n) for m, n in zip(rows["metric"], rows["note"], strict=True)])
    groups = {k: g for k, g in rows.groupby(["metric", "target"], sort=False)}

    def label(metric: str, target: str) -> str:
        return metric_label(metric, family).display(target)

    return [line for k in keys if k in groups for line in describe_undefined(groups[k], label)]
