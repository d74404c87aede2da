"""Same-event comparison figures (issue 4): keyness, outlet differences (forest), text reuse, side-by-side.

Each ``plot_*`` takes a table of :func:`analysis.compare.run.compare_tables`, never mutates it, and
returns a :class:`~analysis.figures.style.Plot` whose caption states what is drawn, the definition and
source, the design and n, and what the design cannot support. :func:`render_side_by_side` returns
HTML for notebooks (no figure).
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from ..compare.align import side_by_side
from ..compare.contrasts import REST
from ..compare.stats import design_summary
from ..reporting.labels import metric_label
from ..safe_text import markdown as md
from .style import NEUTRAL, Plot, figure, outlet_colors, styled, wrap_label

POOLED = "pooled"


def _empty(name: str, title: str, message: str, why: str) -> Plot:
    fig = figure("single", 1.4)
    ax = fig.subplots()
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", color=NEUTRAL, transform=ax.transAxes)
    return Plot(fig, name, f"**{title}.** {why}")


def _choose_scope(df: pd.DataFrame, scope: str | None) -> tuple[pd.DataFrame, str]:
    """Rows of one scope: the one asked for, else ``pooled`` when present, else the first in order."""
    if "scope" not in df.columns or df.empty:
        return df, scope or ""
    scopes = list(dict.fromkeys(df["scope"].astype(str)))
    chosen = scope if scope is not None else (POOLED if POOLED in scopes else scopes[0])
    return df[df["scope"].astype(str) == chosen], chosen


def _scope_text(scope: str) -> str:
    if not scope:
        return ""
    return "all events pooled" if scope == POOLED else f"event “{md(scope)}”"


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in text)[:60].strip("_") or "x"


# ----------------------------------------------------------------------------- keyness


@styled
def plot_keyness(keyness_df: pd.DataFrame, top: int = 15, scope: str | None = None,
                 outlet_a: str | None = None, outlet_b: str | None = None) -> Plot:
    """Diverging bars of Hardie's log ratio for the most key terms of one outlet pair, labelled with counts.

    ``top`` terms per side (largest G² first) are drawn; the scope (default ``pooled`` when present) and
    the outlet pair (default: the contrast with the most words on its first side, i.e. the largest outlet
    against the rest when there are many outlets; ties: the first) can be chosen. Accepts the ``keyness`` table of
    :func:`~analysis.compare.run.compare_tables` or the output of :func:`~analysis.compare.keyness.keyness`.
    """
    title = "Keyness"
    df, chosen = _choose_scope(keyness_df, scope)
    # colours as in the other figures: over every outlet of the table (sorted names), "the rest" neutral grey
    everyone = set()
    if "outlet_a" in df.columns:
        everyone = (set(df["outlet_a"].astype(str)) | set(df["outlet_b"].astype(str))) - {REST}
    if "outlet_a" in df.columns and not df.empty:
        pairs = list(dict.fromkeys(zip(df["outlet_a"].astype(str), df["outlet_b"].astype(str), strict=True)))
        if outlet_a and outlet_b:
            pa, pb = outlet_a, outlet_b
        else:  # the first contrast by name is an arbitrary one (a 9-article outlet among 145): the largest instead
            words = df.groupby([df["outlet_a"].astype(str), df["outlet_b"].astype(str)], sort=False)["total_a"].max()
            pa, pb = max(pairs, key=lambda p: (float(words.get(p, 0)), -pairs.index(p)))
        df = df[(df["outlet_a"].astype(str) == pa) & (df["outlet_b"].astype(str) == pb)]
    else:
        pa, pb = outlet_a or "group A", outlet_b or "group B"
    if df.empty:
        return _empty("keyness", title, "No terms to compare",
                      "No term reached the minimum frequency in this comparison (or fewer than two outlets), "
                      "so nothing is plotted.")
    df = df.assign(log_ratio=df["log_ratio"].astype(float), g2=df["g2"].astype(float))
    pos = df[df["log_ratio"] > 0].sort_values(["g2", "term"], ascending=[False, True]).head(top)
    neg = df[df["log_ratio"] < 0].sort_values(["g2", "term"], ascending=[False, True]).head(top)
    shown = pd.concat([pos.iloc[::-1], neg])  # A's terms on top (largest G² highest), then B's
    colors = {**outlet_colors(everyone | ({pa, pb} - {REST})), REST: NEUTRAL}
    fig = figure("single", 0.9 + 0.16 * len(shown))
    ax = fig.subplots()
    y = np.arange(len(shown))[::-1]
    bar_colors = [colors[pa] if v > 0 else colors[pb] for v in shown["log_ratio"]]
    ax.barh(y, shown["log_ratio"], color=bar_colors, height=0.7, zorder=3)
    ax.axvline(0, color=NEUTRAL, linewidth=0.6, zorder=2)
    ax.set_yticks(y, shown["term"].astype(str))
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", visible=False)
    span = float(np.nanmax(np.abs(shown["log_ratio"]))) if len(shown) else 1.0
    ax.set_xlim(-span * 1.45, span * 1.45)
    for yi, (_, r) in zip(y, shown.iterrows(), strict=True):
        lr = float(r["log_ratio"])
        ax.text(lr + (0.04 * span if lr > 0 else -0.04 * span), yi, f"{int(r['count_a'])} / {int(r['count_b'])}",
                ha="left" if lr > 0 else "right", va="center", fontsize=6, color="#333333")
    # the outlet names in full, wrapped (a shortened "ABC News (Online) ÷ (all other…" is no axis label for a paper)
    ax.set_xlabel(textwrap.fill(f"log ratio: log₂ of relative frequency in {pa} ÷ {pb}", 44, break_long_words=False))
    ax.set_title(f"← more in {pb}\nmore in {pa} →", fontsize=7)
    total_a, total_b = int(df["total_a"].iloc[0]), int(df["total_b"].iloc[0])
    descriptive = df["p_value"].isna().all()
    na = int(df["n_articles_a"].iloc[0]) if "n_articles_a" in df.columns else None
    nb = int(df["n_articles_b"].iloc[0]) if "n_articles_b" in df.columns else None
    zero = int(((df["count_a"] == 0) | (df["count_b"] == 0)).sum())
    caption = " ".join(filter(None, [
        f"**{title}: {md(pa)} vs {md(pb)}{', ' + _scope_text(chosen) if chosen else ''}.** Terms used relatively more "
        f"by one side: bars show Hardie's (2014) log ratio log₂((a/N₁)/(b/N₂)) (+1 = twice as frequent in "
        f"{md(pa)}); labels give the raw counts a / b. Terms are the {min(top, len(pos))} + {min(top, len(neg))} with "
        f"the largest log-likelihood G² (Rayson & Garside 2000) on each side; "
        f"N₁ = {total_a:,} and N₂ = {total_b:,} word tokens"
        + (f" in {na} and {nb} article(s)" if na is not None else "") + ".",
        (f"A zero count is replaced by 0.5 in the log ratio ({zero} of the {len(df)} terms compared)." if zero else ""),
        ("**Descriptive only**: with one article on a side, word counts are not replicated, and word-level "
         "tests overstate significance (Lijffijt et al. 2016), so no p-values are given."
         if descriptive else
         "p-values (table) come from an article-level permutation test (Lijffijt et al. 2016), Benjamini–"
         "Hochberg adjusted across terms; the bars themselves are effect sizes, not tests."),
    ]))
    name = "keyness" + (f"_{_safe(chosen)}" if chosen and chosen != POOLED else "")
    return Plot(fig, name, caption)


# ----------------------------------------------------------------------------- forest plot


def _row_label(metric: str, target: str) -> str:
    """The measure's readable label with its unit (``metric_labels.yaml``), as in the report's tables."""
    return metric_label(metric).header(target)


@styled
def plot_forest(stats_df: pd.DataFrame, metrics: Sequence[str] | None = None, scope: str | None = None,
                top: int = 12, max_contrasts: int = 8) -> Plot:
    """Differences between outlets with 95% bootstrap CIs, one small panel per metric (own x scale).

    Within a panel each outlet pair is a row: the point is ``mean_a − mean_b`` (paired: mean within-event
    difference), the line its percentile-bootstrap 95% CI (absent when the design cannot support it), and
    ``q`` the BH-adjusted p. Default metrics: article-level rows (no target), those with an adjusted p first
    (smallest first), then by name, at most ``top``. Rows: outlet pairs and outlets against the rest
    (:mod:`analysis.compare.contrasts`); with more than ``max_contrasts``, those with the smallest q on any
    plotted metric (the caption says how many are left out).
    """
    title = "Outlet differences"
    df, chosen = _choose_scope(stats_df, scope)
    if df.empty:
        return _empty("outlet_differences", title, "No outlet comparison",
                      "Fewer than two outlets with defined metric values, so there is nothing to compare.")
    df = df.assign(target=df["target"].fillna("").astype(str), metric=df["metric"].astype(str))
    if metrics is not None:
        df = df[df["metric"].isin(list(metrics))]
        keys = [(m, t) for m in metrics for t in sorted(df.loc[df["metric"] == m, "target"].unique())]
    else:
        df = df[(df["target"] == "") & df["difference"].notna()]
        best = df.groupby(["metric", "target"])["p_adjusted"].min().reset_index()
        best = best.assign(_nan=best["p_adjusted"].isna()).sort_values(["_nan", "p_adjusted", "metric"])
        keys = list(zip(best["metric"], best["target"], strict=True))
    keys = keys[:top]
    if not keys:
        return _empty("outlet_differences", title, "No metric to plot", "No metric had a defined difference.")
    df = df[df.set_index(["metric", "target"]).index.isin(keys)]
    pairs = list(dict.fromkeys(zip(df["outlet_a"].astype(str), df["outlet_b"].astype(str), strict=True)))
    n_contrasts = len(pairs)
    if n_contrasts > max_contrasts:  # many outlets: the contrasts with the smallest q on any plotted metric
        best = df.groupby(["outlet_a", "outlet_b"], sort=False)["p_adjusted"].min().reset_index()
        best = best.assign(_nan=best["p_adjusted"].isna()).sort_values(["_nan", "p_adjusted", "outlet_a", "outlet_b"],
                                                                       kind="stable")
        kept = set(zip(best["outlet_a"].head(max_contrasts), best["outlet_b"].head(max_contrasts), strict=True))
        pairs = [p for p in pairs if p in kept]
        df = df[[p in kept for p in zip(df["outlet_a"], df["outlet_b"], strict=True)]]
    colors = outlet_colors({o for p in pairs for o in p})
    ncols = 2 if len(keys) > 4 else 1
    nrows = math.ceil(len(keys) / ncols)
    fig = figure("double", 0.4 + nrows * (0.62 + 0.16 * (len(pairs) - 1)))
    grid = fig.subplots(nrows, ncols, squeeze=False)
    axes = [grid[i % nrows, i // nrows] for i in range(len(keys))]  # fill column by column
    for spare in [grid[i % nrows, i // nrows] for i in range(len(keys), nrows * ncols)]:
        spare.set_axis_off()
    labels = [f"{wrap_label(a, 20)} − {wrap_label(b, 20)}".replace("\n", " ") for a, b in pairs]
    for i, (ax, (metric, target)) in enumerate(zip(axes, keys, strict=True)):
        sub = df[(df["metric"] == metric) & (df["target"] == target)]
        for k, (oa, ob) in enumerate(pairs):
            r = sub[(sub["outlet_a"] == oa) & (sub["outlet_b"] == ob)]
            if r.empty:
                continue
            r = r.iloc[0]
            if not math.isnan(r["ci_low"]):
                ax.hlines(k, r["ci_low"], r["ci_high"], color=colors[oa], linewidth=1.2, zorder=3)
            if not math.isnan(r["difference"]):
                ax.plot([r["difference"]], [k], marker="o", color=colors[oa], markersize=4, zorder=4)
            q = r["p_adjusted"]
            note = f"q = {q:.3f}" if not math.isnan(q) else f"n = {int(r['n_a'])} vs {int(r['n_b'])}, no CI"
            ax.annotate(note, xy=(1.0, k), xycoords=("axes fraction", "data"), xytext=(4, 0),
                        textcoords="offset points", fontsize=6, va="center", color="#333333")
        ax.axvline(0, color=NEUTRAL, linewidth=0.6, zorder=2)
        ax.set_ylim(len(pairs) - 0.5, -0.5)
        # every panel has the same contrast rows: only the first column names them, so two columns of
        # panels keep their width (names repeated beside each column squeezed the panels to slivers)
        shown = len(pairs) > 1 and i // nrows == 0
        ax.set_yticks(range(len(pairs)), labels if shown else [""] * len(pairs))
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="y", visible=False)
        ax.set_title(wrap_label(_row_label(metric, target), 44 if ncols == 1 else 34, 2), loc="left", fontsize=7,
                     pad=2)
        lo, hi = ax.get_xlim()
        ax.set_xlim(min(lo, -abs(hi) * 0.05), max(hi, abs(lo) * 0.05))  # keep zero in view
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4))  # tick labels of a narrow panel do not collide
    pair_text = "; ".join(f"{md(a)} − {md(b)}" for a, b in pairs)
    if n_contrasts > len(pairs):
        pair_text += (f"; the {len(pairs)} of {n_contrasts:,} contrasts with the smallest q on these metrics, the "
                      "others in the stats table")
    caption = " ".join(filter(None, [
        f"**{title}{' (' + _scope_text(chosen) + ')' if chosen else ''}.** Difference in per-article metric "
        f"values between outlets ({pair_text}); each panel has its own scale (metric units). Points: "
        "difference of outlet means (paired design: mean within-event difference); lines: 95% percentile "
        "bootstrap CI (Efron & Tibshirani 1993); q: p-value (permutation or sign-flip test) adjusted with "
        "Benjamini–Hochberg across all metrics of this scope.",
        md(design_summary(df)),
        "Effect sizes (Hedges' g, Cliff's δ) and every metric are in the stats table.",
    ]))
    name = "outlet_differences" + (f"_{_safe(chosen)}" if chosen and chosen != POOLED else "")
    return Plot(fig, name, caption)


# ----------------------------------------------------------------------------- text reuse


REUSE_SINGLE_WIDTH = 5  # outlets a single-column heatmap holds; more: double column
REUSE_COUNTS_SHOWN = 8  # outlets up to which each cell also prints its number of article pairs


@styled
def plot_reuse(reuse_df: pd.DataFrame) -> Plot:
    """Heatmap of mean containment C(row outlet, column outlet) over the article pairs of each outlet pair.

    C(A,B) = |shingles(A) ∩ shingles(B)| / |shingles(A)| over word 5-grams (Nicholls 2019): the share of
    the row outlet's text found in the column outlet's article of the same event. Cells give the mean and
    the number of article pairs; the diagonal (same outlet) is drawn only when an outlet has several
    articles in one event.
    """
    title = "Text reuse"
    if reuse_df.empty:
        return _empty("text_reuse", title, "No article pairs",
                      "No event has two or more analysed articles, so no text reuse can be measured.")
    a = reuse_df.loc[:, ["outlet_a", "outlet_b", "containment_a_in_b"]].set_axis(["row", "col", "c"], axis=1)
    b = reuse_df.loc[:, ["outlet_b", "outlet_a", "containment_b_in_a"]].set_axis(["row", "col", "c"], axis=1)
    both = pd.concat([a, b], ignore_index=True).astype({"row": str, "col": str, "c": float})
    outlets = sorted(set(both["row"]) | set(both["col"]))
    mean = both.groupby(["row", "col"])["c"].mean().unstack().reindex(index=outlets, columns=outlets)
    count = both.groupby(["row", "col"])["c"].count().unstack().reindex(index=outlets, columns=outlets)
    k = len(outlets)
    wide, counts_shown = k > REUSE_SINGLE_WIDTH, k <= REUSE_COUNTS_SHOWN
    fig = figure("double" if wide else "single", 1.3 + (0.42 if wide else 0.38) * k)
    ax = fig.subplots()
    im = ax.imshow(mean.to_numpy(float), vmin=0, vmax=1, cmap="Blues", aspect="auto")
    for i in range(k):
        for j in range(k):
            v, n = mean.iat[i, j], count.iat[i, j]
            if pd.isna(v):
                continue
            ax.text(j, i, f"{v:.2f}\n({int(n)})" if counts_shown else f"{v:.2f}", ha="center", va="center",
                    fontsize=6 if counts_shown else 5, color="white" if v > 0.6 else "#222222")
    labels = [wrap_label(o, 16) for o in outlets]
    ax.set_xticks(range(k), labels, rotation=30, ha="right")
    ax.set_yticks(range(k), labels)
    ax.set_xlabel("found in (column outlet)")
    ax.set_ylabel("text of (row outlet)")
    ax.grid(False)
    fig.colorbar(im, ax=ax, shrink=0.8, label="containment")
    n_pairs = len(reuse_df)
    n_events = reuse_df["event_id"].nunique() if "event_id" in reuse_df.columns else 1
    labels_count = reuse_df["label"].value_counts().to_dict() if "label" in reuse_df.columns else {}
    caption = " ".join(filter(None, [
        f"**{title}.** Share of the row outlet's word 5-grams that also occur in the column outlet's article "
        "of the same event: containment C(A,B) = |shingles(A) ∩ shingles(B)| / |shingles(A)| (Nicholls 2019; "
        "the 5-gram length is our choice). Cells: mean over article pairs "
        + ("(number of pairs in brackets); " if counts_shown else "(the pairs are in the reuse table); ")
        + "C is asymmetric, so the two triangles differ.",
        f"{n_pairs} article pair(s) in {n_events} event(s); labels: "
        + ", ".join(f"{lab} {n}" for lab, n in sorted(labels_count.items())) + ".",
        "Undefined containments (an article shorter than 5 words) are left out of the means.",
    ]))
    return Plot(fig, "text_reuse", caption)


# ----------------------------------------------------------------------------- side by side

_SIDE_CSS = """<style>
.mc-side { border-collapse: collapse; font-size: 0.85em; width: 100% !important; table-layout: fixed !important; }
.mc-side th, .mc-side td { border: none !important; border-bottom: 1px solid #ddd !important;
  padding: 3px 6px !important; vertical-align: top !important; text-align: left !important;
  white-space: normal !important; }
.mc-side .idx { width: 2.5em; color: #666; } .mc-side .mark { width: 8em; color: #333; }
.mc-side tr.verbatim td { background: #eeeeee; } .mc-side tr.paraphrase td { background: #f7f7f7; }
.mc-side tr.only-a td.text-a { background: #fdf1dc; } .mc-side tr.only-b td.text-b { background: #e3f1fb; }
</style>"""
_MARK_CLASS = {"= verbatim": "verbatim", "≈ paraphrase": "paraphrase", "only A": "only-a", "only B": "only-b"}


def render_side_by_side(alignment: pd.DataFrame, sentences: pd.DataFrame, article_a: str | None = None,
                        article_b: str | None = None, max_pairs: int = 6) -> str:
    """HTML: two articles side by side, shared sentences on one row, unique ones highlighted.

    Uses :func:`analysis.compare.align.side_by_side`. Rows: ``= verbatim`` (grey), ``≈ paraphrase``
    (light grey, with the similarity), ``only A`` / ``only B`` (the sentence one outlet has and the other
    lacks, tinted). Without ``article_a``/``article_b``: every aligned article pair in the alignment table
    (each pair once), at most ``max_pairs``, with a line saying how many were left out.
    """
    if alignment.empty:
        return "<p><em>No article pairs from different outlets within one event: nothing to align.</em></p>"
    if article_a is not None and article_b is not None:
        pairs = [(str(article_a), str(article_b))]
    else:
        seen: dict[frozenset[str], tuple[str, str]] = {}
        for a, b in zip(alignment["article_a"].astype(str), alignment["article_b"].astype(str), strict=True):
            seen.setdefault(frozenset((a, b)), (a, b))
        pairs = list(seen.values())
    info = {}
    for col, out in (("article_a", "outlet_a"), ("article_b", "outlet_b")):
        info.update(dict(zip(alignment[col].astype(str), alignment[out].astype(str), strict=True)))
    events = dict(zip(alignment["article_a"].astype(str), alignment["event_id"].astype(str), strict=True))
    parts = [_SIDE_CSS]
    for a, b in pairs[:max_pairs]:
        side = side_by_side(alignment, sentences, a, b)
        counts = side["mark"].value_counts().to_dict()
        head_a = html.escape(f"{info.get(a, '')} ({a})")
        head_b = html.escape(f"{info.get(b, '')} ({b})")
        summary = ", ".join(f"{html.escape(m)}: {counts.get(m, 0)}" for m in _MARK_CLASS)
        parts.append(f"<h4>{head_a} ↔ {head_b} — event {html.escape(events.get(a, ''))}</h4>"
                     f"<p>{summary}</p>")
        rows = [f'<table class="mc-side"><thead><tr><th class="idx">#</th><th>{head_a}</th><th class="mark">'
                f'match</th><th class="idx">#</th><th>{head_b}</th></tr></thead><tbody>']
        for r in side.itertuples(index=False):
            score = "" if pd.isna(r.score) else f" ({r.score:.2f})"
            ia = "" if pd.isna(r.sentence_a) else str(int(r.sentence_a))
            ib = "" if pd.isna(r.sentence_b) else str(int(r.sentence_b))
            rows.append(f'<tr class="{_MARK_CLASS.get(r.mark, "")}"><td class="idx">{ia}</td>'
                        f'<td class="text-a">{html.escape(str(r.text_a or ""))}</td>'
                        f'<td class="mark">{html.escape(str(r.mark))}{score}</td><td class="idx">{ib}</td>'
                        f'<td class="text-b">{html.escape(str(r.text_b or ""))}</td></tr>')
        rows.append("</tbody></table>")
        parts.append("".join(rows))
    if len(pairs) > max_pairs:
        parts.append(f"<p><em>{len(pairs) - max_pairs} more article pair(s) not shown; pass article_a and "
                     "article_b, or choose one event.</em></p>")
    parts.append("<p><small># = sentence index in the cleaned body (0 = first). Similarity: TF-IDF cosine over "
                 "content-word stems and listed synonyms, IDF within the event (our choice; verbatim = surface Dice "
                 "≥ 0.9); lexical, so “only A/B” means no sentence with enough shared words, not a missing fact. "
                 "See the alignment table for every score.</small></p>")
    return "\n".join(parts)
