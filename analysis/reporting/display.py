"""Report tables as HTML: outlet summaries, paired differences and per-article values, formatted by metric kind.

* :func:`summary_html` — one row per metric (× target) and outlet: n, mean, 95% CI, median, IQR,
  undefined count, and a link to the example sentences behind the number; the metric's first row
  carries the anchor the first page links to.
* :func:`differences_html` — the pooled pairwise statistics of the same rows: contrast, design, n,
  difference with its 95% CI, Hedges' g, Cliff's δ, q.
* :func:`article_rows` / :func:`article_table_html` — per-article values of a family, one row per
  article with outlet, date and headline (or the first words of the lead) first and the id last,
  at most :data:`MAX_METRIC_COLUMNS` metric columns; sortable and filterable.

Columns are bounded (:data:`analysis.reporting.html.MAX_COLUMNS`), so no table is wider than the page.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ..labels import outlet_labels
from .html import Cell, html_table
from .labels import (
    NA,
    format_article_value,
    format_count,
    format_g,
    format_number,
    format_p,
    format_value,
    metric_label,
)
from .layout import definition_href, evidence_href, summary_anchor
from .summary import family_values, summary_keys

MAX_METRIC_COLUMNS = 7
HEADLINE_WORDS = 12


def _sort(v: float) -> float | str:
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else round(float(v), 12)


def summary_html(summary: pd.DataFrame, family: str, prefix: str = "", table_id: str = "") -> str:
    """The outlet summary of one family as a sortable HTML table (see the module docstring)."""
    rows, ids = [], []
    seen: set[tuple[str, str]] = set()
    for r in summary.itertuples(index=False):
        lab = metric_label(r.metric, family)
        key = (r.metric, r.target)
        ids.append(summary_anchor(family, r.metric, r.target) if key not in seen else "")
        seen.add(key)
        ci = "" if math.isnan(r.ci_low) else f"{format_value(r.ci_low, lab)} to {format_value(r.ci_high, lab)}"
        iqr = "" if math.isnan(r.q1) else f"{format_value(r.q1, lab)} to {format_value(r.q3, lab)}"
        undefined = Cell(format_count(r.n_undefined), sort=r.n_undefined, title=r.undefined_reason)
        rows.append([
            Cell(lab.header(r.target), href=definition_href(r.metric, prefix),
                 title=f"definition (also in {lab.doc})" if lab.doc else "definition"),
            Cell(r.outlet),
            Cell(format_count(r.n), sort=r.n),
            Cell(format_value(r.mean, lab), sort=_sort(r.mean)),
            Cell(ci or NA),
            Cell(format_value(r.median, lab), sort=_sort(r.median)),
            Cell(iqr or NA),
            undefined,
            Cell("see", href=evidence_href(family, r.metric, r.target, r.outlet, prefix),
                 title="example sentences behind this number"),
        ])
    header = ["Measure (unit)", "Outlet", "n", "Mean", "95% CI of mean", "Median", "IQR", "n/a", "Evidence"]
    numeric = [False, False, True, True, True, True, True, True, False]
    widths = ["25%", "16%", "6%", "8%", "13%", "8%", "12%", "5%", "7%"]
    caption = ("n: articles with a defined value. Percentages are shown for shares; 95% CI: percentile bootstrap "
               "of the mean (2,000 resamples of articles; Efron & Tibshirani 1993). IQR: 25th to 75th percentile.")
    return html_table(table_id or f"summary-{family}", header, rows, caption, numeric, widths, filterable=True,
                      row_ids=ids)


def differences_html(differences: pd.DataFrame, family: str, prefix: str = "", table_id: str = "") -> str:
    """The pooled outlet statistics of one family's summary rows as a sortable HTML table: per measure the
    omnibus test across outlets, each outlet against the rest, and outlet pairs (:func:`contrast_text`)."""
    rows = []
    for r in differences.itertuples(index=False):
        lab = metric_label(r.metric, family)
        contrast = getattr(r, "contrast", "pair") or "pair"
        design = str(r.design)
        q = Cell(format_p(r.p_adjusted).replace("no q", NA).replace("q = ", "").replace("q ", ""),
                 sort=_sort(r.p_adjusted), title=r.note)
        if contrast == "omnibus":
            h = f"H = {format_number(r.statistic, 1)}" if not math.isnan(r.statistic) else NA
            rows.append([Cell(lab.header(r.target)), Cell(contrast_text(r)),
                         Cell("aligned in events" if "aligned" in design else "independent", title=r.note),
                         Cell(format_count(r.n_a), sort=r.n_a), Cell(h, sort=_sort(r.statistic)),
                         Cell(f"ε² = {format_number(r.effect_size, 2)}", sort=_sort(r.effect_size)), Cell(NA), q])
            continue
        paired = "paired" in design
        n = format_count(r.n_a) if paired else f"{format_count(r.n_a)} / {format_count(r.n_b)}"
        diff = format_value(r.difference, lab, signed=True)
        ci = "" if math.isnan(r.ci_low) else f" [{format_value(r.ci_low, lab)}, {format_value(r.ci_high, lab)}]"
        rows.append([
            Cell(lab.header(r.target)),
            Cell(contrast_text(r)),
            Cell("paired (events)" if paired else "independent", title=r.note),
            Cell(n, sort=r.n_a),
            Cell(diff + ci, sort=_sort(r.difference)),
            Cell(format_g(r.hedges_g), sort=_sort(r.hedges_g)),
            Cell(format_number(r.cliffs_delta, 2), sort=_sort(r.cliffs_delta)),
            q,
        ])
    header = ["Measure (unit)", "Contrast (A − B)", "Design", "n (events or articles)", "Difference [95% CI]",
              "Hedges' g", "Cliff's δ", "q (BH)"]
    numeric = [False, False, False, True, True, True, True, True]
    widths = ["26%", "22%", "10%", "8%", "16%", "6%", "6%", "6%"]
    caption = ("Difference = mean of A − mean of B (paired: mean within-event difference over the events both "
               "cover; against the rest: the outlet against all other articles pooled, paired: against the mean "
               "of the other outlets in each event it shares). 95% percentile bootstrap CI; Hedges' g (paired: "
               "g_av, Lakens 2013); Cliff's δ. All tested outlets: Kruskal–Wallis H across the outlets with at "
               "least the minimum of articles, effect size ε² = H/(n − 1). q: permutation or sign-flip p-value, "
               "Benjamini–Hochberg adjusted across every test of the pooled statistics. n/a: the design gives no "
               "interval or test (see the note on hover).")
    return html_table(table_id or f"differences-{family}", header, rows, caption, numeric, widths, filterable=True)


def contrast_text(row: Any) -> str:
    """What a statistics row compares: ``"A − B"``, ``"A − all other outlets"`` or ``"all 5 tested outlets"``."""
    contrast = str(getattr(row, "contrast", "pair") or "pair")
    if contrast == "omnibus":
        return f"all {format_count(int(getattr(row, 'n_groups', 0) or 0))} tested outlets (Kruskal–Wallis)"
    if contrast == "outlet_vs_rest":
        return f"{row.outlet_a} − all other outlets"
    return f"{row.outlet_a} − {row.outlet_b}"


def headline_of(articles: pd.DataFrame, sentences: pd.DataFrame | None = None,
                words: int = HEADLINE_WORDS) -> pd.Series:
    """Per article id: its title, else the first ``words`` words of its first body sentence followed by "…"."""
    arts = articles.assign(article_id=articles["article_id"].astype(str))
    titles = arts.get("title", pd.Series("", index=arts.index)).fillna("").astype(str).str.strip()
    out = pd.Series(titles.to_numpy(), index=arts["article_id"].to_numpy())
    if sentences is not None and not sentences.empty and (out == "").any():
        body = sentences[sentences["sentence_index"] == 0]
        lead = pd.Series(body["text"].fillna("").astype(str).to_numpy(), index=body["article_id"].astype(str))
        lead = lead[~lead.index.duplicated()]
        for aid in out.index[out == ""]:
            text = str(lead.get(aid, "")).split()
            out[aid] = " ".join(text[:words]) + (" …" if len(text) > words else "") if text else "(no text)"
    return out[~out.index.duplicated()]


def article_columns(values: pd.DataFrame, family: str) -> list[tuple[str, str]]:
    """(metric, target) columns of the per-article table: the summary rows flagged ``article_table``, at most
    :data:`MAX_METRIC_COLUMNS`."""
    return [k for k in summary_keys(values, family) if metric_label(k[0]).article_table][:MAX_METRIC_COLUMNS]


def article_rows(metrics: pd.DataFrame, articles: pd.DataFrame, family: str,
                 sentences: pd.DataFrame | None = None) -> tuple[list[tuple[str, str]], pd.DataFrame]:
    """Per-article values of a family: columns ``outlet, published, headline, event_id, article_id`` and one
    column per (metric, target) of :func:`article_columns`; sorted by outlet, date, id."""
    vals = family_values(metrics, articles, family)
    cols = article_columns(vals, family)
    arts = articles[articles["status"].astype(str) == "analysed"] if "status" in articles.columns else articles
    base = pd.DataFrame({
        "outlet": outlet_labels(arts["outlet"]).to_numpy(),
        "published": arts.get("published", pd.Series("", index=arts.index)).fillna("").astype(str).to_numpy(),
        "event_id": arts.get("event_id", pd.Series("", index=arts.index)).fillna("").astype(str).to_numpy(),
        "article_id": arts["article_id"].astype(str).to_numpy(),
    })
    heads = headline_of(arts, sentences)
    base["headline"] = base["article_id"].map(heads).fillna("")
    for metric, target in cols:
        sub = vals[(vals["metric"] == metric) & (vals["target"] == target)]
        base[f"{metric}|{target}"] = base["article_id"].map(dict(zip(sub["article_id"], sub["value"], strict=True)))
    base = base.sort_values(["outlet", "published", "article_id"], kind="stable").reset_index(drop=True)
    return cols, base


def article_table_html(cols: list[tuple[str, str]], rows: pd.DataFrame, family: str, table_id: str = "",
                       caption: str = "") -> str:
    """The per-article table as HTML: outlet, date, headline, the metric columns, then the article id."""
    labs = [metric_label(m, family) for m, _ in cols]
    header = ["Outlet", "Date", "Headline (or lead)", *[lab.header(t) for lab, (_, t) in zip(labs, cols, strict=True)],
              "Article id"]
    numeric = [False, False, False, *[True] * len(cols), False]
    out_rows = []
    for d in rows.to_dict("records"):
        cells = [Cell(d["outlet"]), Cell(d["published"]), Cell(d["headline"], title=f"event {d['event_id']}")]
        for lab, (m, t) in zip(labs, cols, strict=True):
            v = d[f"{m}|{t}"]
            cells.append(Cell(format_article_value(v, lab), sort=_sort(v)))
        cells.append(Cell(d["article_id"], cls="id"))
        out_rows.append(cells)
    widths = ["12%", "8%", "22%", *[""] * len(cols), "10%"]
    return html_table(table_id or f"articles-{family}", header, out_rows, caption, numeric, widths, filterable=True)
