"""What the report notebooks call to show a family: summary, differences, per-article values, evidence, exports.

:func:`family_section` computes one family's outlet summary and pooled differences, writes its evidence
pages, its per-article detail pages and its paper tables into the report folder, and returns the HTML
shown on the notebook page (small at any corpus size: long tables are linked, not inlined, above
:data:`INLINE_ARTICLES` articles). :func:`show_figure` saves a figure and shows it *by reference*
(``<img src="figures/NAME.png">``) so pages do not carry base64 images. Notebooks hold no logic: they
call these.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..figures.style import Plot, close_plot, save_plot
from ..labels import outlet_labels
from ..tables import AnalysisTables
from ..validate.summary import load_validation, validation_note
from .detail import detail_links, write_detail_pages
from .display import article_rows, article_table_html, differences_html, headline_of, summary_html
from .events import events_index_html, write_event_pages
from .evidence import write_evidence_pages
from .exports import paper_differences, paper_summary, write_paper_table
from .html import MAX_COLUMNS, Cell, esc, fragment, html_table
from .labels import format_number, known_labels
from .layout import PAPER_DIR, family_info
from .stats_source import pooled_stats
from .summary import SHOWN_CONTRASTS, outlet_summary, summary_differences, undefined_summary

INLINE_ARTICLES = 400  # per-article tables up to this many articles are shown on the page too
VALIDATION_DIR = "validation"  # ``report --validation DIR`` is copied here (analysis.validate.summary)


@dataclass
class FamilySection:
    """One family's report section: the tables behind it and the HTML to display."""

    family: str
    summary: pd.DataFrame
    differences: pd.DataFrame
    html: str

    def _repr_html_(self) -> str:
        return self.html


def report_validation(output_dir: str | Path) -> dict | None:
    """The validation round the report was given (``OUT/validation/validation.json``), else ``None``."""
    folder = Path(output_dir) / VALIDATION_DIR
    return load_validation(folder) if (folder / "validation.json").is_file() else None


def validation_html(output_dir: str | Path, family: str) -> str:
    """The validation line shown under ``family``'s summary: the agreement figures, or "not validated"."""
    note = validation_note(report_validation(output_dir), family)
    if note is None:
        return ""
    folder = Path(output_dir) / VALIDATION_DIR
    more = ' <a href="validation/index.html">Validation page</a>.' if (folder / "index.html").is_file() else ""
    return f'<p class="validation small"><b>Validation.</b> {esc(note)}{more}</p>'


def report_stats(tables: AnalysisTables, output_dir: str | Path) -> pd.DataFrame:
    """Pooled outlet statistics, cached in ``output_dir/tables`` (one computation per report)."""
    return pooled_stats(tables, Path(output_dir) / "tables")


def family_section(tables: AnalysisTables, family: str, output_dir: str | Path, only: list[str] | None = None,
                   part: str = "") -> FamilySection:
    """Summary, differences, per-article table, evidence pages and paper exports of ``family``.

    ``only`` keeps those metrics (a part of a large family, e.g. the hedging metrics of sourcing); ``part``
    then names it in table ids and export files (``sourcing-hedging_summary.csv``). The per-article table
    is shown with the whole family (``only`` not given).
    """
    out = Path(output_dir)
    summary = outlet_summary(tables.metrics, tables.articles, family)
    if only is not None:
        summary = summary[summary["metric"].isin(only)].reset_index(drop=True)
    name = f"{family}-{re.sub(r'[^a-z0-9]+', '_', part.lower()).strip('_')}" if part else family
    stats = report_stats(tables, out)
    differences = summary_differences(stats, summary)
    keys = list(dict.fromkeys(zip(summary["metric"], summary["target"], strict=True)))
    write_evidence_pages(out, tables.evidence, tables.articles, tables.sentences, family, keys)
    title = family_info(family).title + (f" ({part})" if part else "")
    parts = []
    if summary.empty:
        return FamilySection(family, summary, differences, f"<p><em>No {esc(family)} values.</em></p>")
    parts.append(f"<h3>{esc(title)}: outlet summary</h3>")
    parts.append(summary_html(summary, family, table_id=f"summary-{name}"))
    parts.append(validation_html(out, family))
    notes = undefined_summary(tables.metrics, tables.articles, family, only)
    if notes:
        parts.append("<p class=small>" + " ".join(esc(n) for n in notes) + "</p>")
    inferential = bool(differences["p_value"].notna().any())
    if not differences.empty:
        parts.append(f"<h3>{esc(title)}: differences between outlets</h3>")
        if not inferential:
            parts.append("<p>The design supports no inference (fewer than two articles or shared events per "
                         "outlet): differences are descriptive, without interval or test.</p>")
        parts.append(differences_html(differences, family, table_id=f"differences-{name}"))
    paper = out / PAPER_DIR / "tables"
    nums, fmt = paper_summary(summary)
    write_paper_table(nums, fmt, paper, f"{name}_summary", f"{title}: outlet summary (n, mean, 95% CI, median, IQR)")
    if not differences.empty:
        dn, df = paper_differences(differences)
        write_paper_table(dn, df, paper, f"{name}_differences", f"{title}: differences between outlets")
    if only is None:
        parts.append(article_section_html(tables, family, out))
    return FamilySection(family, summary, differences, fragment("\n".join(parts)))


def article_section_html(tables: AnalysisTables, family: str, output_dir: str | Path) -> str:
    """The per-article values of ``family``: written to detail pages; inlined up to INLINE_ARTICLES articles."""
    cols, rows = article_rows(tables.metrics, tables.articles, family, tables.sentences)
    if not cols:
        return ""
    title = family_info(family).title

    def render(chunk: pd.DataFrame, table_id: str) -> str:
        return article_table_html(cols, chunk, family, table_id)

    pages = write_detail_pages(output_dir, family, rows, f"{title}: per-article values", render)
    parts = [f"<h3>{esc(title)}: per-article values</h3>"]
    if len(rows) <= INLINE_ARTICLES:
        parts.append(article_table_html(cols, rows, family))
    else:
        parts.append(f"<p>{len(rows):,} articles: the per-article table is on its own page(s).</p>")
    parts.append("<p class=small>Sortable (click a header) and filterable; also on its own page:" +
                 detail_links(pages) + "Every value of every measure is in <code>tables/metrics.csv</code>.</p>")
    return "\n".join(parts)


def article_section(tables: AnalysisTables, family: str, output_dir: str | Path) -> HTMLText:
    """:func:`article_section_html` for display in a notebook."""
    return HTMLText(fragment(article_section_html(tables, family, output_dir)))


@dataclass
class HTMLText:
    """HTML that a notebook displays as such."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


def show_figure(plot: Plot, output_dir: str | Path) -> None:
    """Save ``plot`` to ``output_dir/figures`` and display it by reference (relative ``<img>``) with its caption.

    Returns nothing, so a notebook cell ending with it prints no file paths (they would name the
    temporary build folder and make re-rendered pages differ)."""
    from IPython.display import HTML, Markdown, display

    paths = save_plot(plot, Path(output_dir) / "figures")
    rel = os.path.relpath(paths["png"], Path(output_dir)).replace(os.sep, "/")
    width_px = round(plot.figure.get_figwidth() * 110)
    display(HTML(f'<img src="{esc(rel)}" width="{width_px}" alt="{esc(plot.name)}">'))
    display(Markdown(plot.caption))
    close_plot(plot)


CORPUS_HEADER = ["Outlet", "Date", "Headline (or lead)", "Event", "Words", "Removed by cleaning", "Status",
                 "Article id"]


def corpus_section(tables: AnalysisTables, output_dir: str | Path) -> str:
    """Articles per outlet (analysed, words) on the page; the full article list on detail pages."""

    arts = tables.articles.assign(outlet=outlet_labels(tables.articles["outlet"]),
                                  article_id=tables.articles["article_id"].astype(str))
    heads = headline_of(arts, tables.sentences)

    def col(name: str) -> pd.Series:
        return arts.get(name, pd.Series("", index=arts.index)).fillna("").astype(str)

    rows = pd.DataFrame({"outlet": arts["outlet"], "published": col("published"),
                         "headline": arts["article_id"].map(heads).fillna(""), "event_id": col("event_id"),
                         "n_words": pd.to_numeric(arts.get("n_words"), errors="coerce"),
                         "removed": col("removed"), "status": col("status"), "reason": col("reason"),
                         "article_id": arts["article_id"]})
    rows = rows.sort_values(["outlet", "published", "article_id"], kind="stable").reset_index(drop=True)

    def render(chunk: pd.DataFrame, table_id: str) -> str:
        body = [[Cell(r.outlet), Cell(r.published), Cell(r.headline), Cell(r.event_id), _record_cell(r.n_words),
                 Cell(r.removed), Cell(r.status, title=r.reason), Cell(r.article_id, cls="id")]
                for r in chunk.itertuples(index=False)]
        return html_table(table_id, CORPUS_HEADER, body, numeric=[False, False, False, False, True, False, False,
                                                                   False],
                          widths=["12%", "8%", "", "10%", "6%", "20%", "8%", "10%"], filterable=True)

    pages = write_detail_pages(output_dir, "corpus", rows, "Articles", render)
    done = rows[rows["status"] == "analysed"]
    per = done.groupby("outlet").agg(n=("article_id", "size"), words=("n_words", "median"),
                                     events=("event_id", lambda s: int((s != "").sum() and s[s != ""].nunique())))
    table = html_table("corpus-outlets", ["Outlet", "Analysed articles", "Median words", "Events covered"],
                       [[Cell(str(o)), Cell(f"{int(r.n):,}", sort=int(r.n)),
                         Cell("n/a" if pd.isna(r.words) else f"{r.words:,.0f}", sort="" if pd.isna(r.words) else
                              float(r.words)), Cell(f"{int(r.events):,}", sort=int(r.events))]
                        for o, r in per.iterrows()], numeric=[False, True, True, True], filterable=len(per) > 10)
    skipped = rows[rows["status"] != "analysed"]
    why = skipped.groupby(["status", "reason"]).size().sort_values(ascending=False).head(20)
    skip_html = ("<p>Every input was analysed.</p>" if skipped.empty else
                 "<p>Not analysed, by status and reason:</p><ul>" +
                 "".join(f"<li>{esc(s)}: {esc(r or 'no reason given')} ({n:,})</li>" for (s, r), n in why.items())
                 + "</ul>")
    return fragment(table + skip_html + "<p class=small>Every article (outlet, date, headline, event, words, what "
                    "cleaning removed, status):" + detail_links(pages) + "</p>")


def _record_cell(value: object) -> Cell:
    """A record value as a cell: NaN empty, whole floats as integers, other floats to 3 decimals."""

    if value is None or (isinstance(value, float) and pd.isna(value)):
        return Cell("", sort="")
    if isinstance(value, float):
        return Cell(format_number(value, 0 if value.is_integer() else 3), sort=value)
    if isinstance(value, int) and not isinstance(value, bool):
        return Cell(f"{value:,}", sort=value)
    return Cell(str(value))


RECORD_SAMPLE = 15  # rows of a record table shown on the report page; the rest on detail pages


def records_section(tables: AnalysisTables, records: pd.DataFrame, name: str, title: str,
                    output_dir: str | Path, columns: list[str] | None = None) -> HTMLText:
    """A record table (quotes, sources, claims …): the first rows on the page, every row on detail pages.

    The article is shown by its headline (the id on hover); ``columns`` chooses and orders the columns
    (default: all but ``article_id``), at most :data:`analysis.reporting.html.MAX_COLUMNS` with the article.
    """

    if records.empty:
        return HTMLText(f"<p><em>No {esc(title.lower())}.</em></p>")
    cols = [c for c in (columns or list(records.columns)) if c in records.columns and c != "article_id"]
    cols = cols[: MAX_COLUMNS - 1]
    heads = headline_of(tables.articles, tables.sentences)

    has_article = "article_id" in records.columns

    def render(chunk: pd.DataFrame, table_id: str) -> str:
        numeric = [pd.api.types.is_numeric_dtype(chunk[c]) and not pd.api.types.is_bool_dtype(chunk[c]) for c in cols]
        body = []
        for d in chunk.to_dict("records"):
            cells = [_record_cell(d[c]) for c in cols]
            if has_article:
                aid = str(d["article_id"])
                cells.append(Cell(str(heads.get(aid, aid)), title=aid))
            body.append(cells)
        header = [c.replace("_", " ") for c in cols] + (["article"] if has_article else [])
        return html_table(table_id, header, body, numeric=[*numeric, *([False] if has_article else [])],
                          filterable=True)

    pages = write_detail_pages(output_dir, name, records, title, render)
    shown = render(records.head(RECORD_SAMPLE), f"sample-{name}")
    more = (f"<p class=small>The first {RECORD_SAMPLE} of {len(records):,} rows; every row, sortable and "
            "filterable:" if len(records) > RECORD_SAMPLE else "<p class=small>Also on its own page:")
    return HTMLText(fragment(shown + more + detail_links(pages) + "</p>"))


def events_section(tables: AnalysisTables, comparison: dict[str, pd.DataFrame], output_dir: str | Path) -> HTMLText:
    """Write one page per compared event (side by side, claims, quotes) and show the list of events."""

    pages = write_event_pages(tables, comparison, output_dir)
    if pages.empty:
        return HTMLText("<p><em>No event has articles from two outlets: nothing to compare side by side.</em></p>")
    detail = write_detail_pages(output_dir, "events", pages.assign(outlet=""), "Events compared",
                                lambda chunk, tid: events_index_html(chunk, prefix="../"), outlet_column="_none")
    shown = events_index_html(pages.head(RECORD_SAMPLE))
    more = (f"<p class=small>{len(pages):,} events compared across outlets; the first {RECORD_SAMPLE} are listed "
            "here, every one on:" if len(pages) > RECORD_SAMPLE else "<p class=small>Also on its own page:")
    return HTMLText(fragment(shown + more + detail_links(detail) + "</p>"))


MAX_STATS_ROWS = 300  # outlet differences listed on the page (many outlets give many pairs)


def stats_section(tables: AnalysisTables, output_dir: str | Path) -> HTMLText:
    """The pooled outlet differences of every labelled article-level measure, largest |g| first."""

    stats = report_stats(tables, output_dir)
    labelled = known_labels()
    rows = stats[(stats["target"] == "") & stats["metric"].isin(list(labelled))
                 & stats["contrast"].isin(SHOWN_CONTRASTS)]
    rows = rows.assign(family=[labelled[m].family for m in rows["metric"]])
    rows = rows.assign(_g=rows["hedges_g"].abs().fillna(-1.0)).sort_values(
        ["_g", "metric", "outlet_a", "outlet_b"], ascending=[False, True, True, True], kind="stable")
    if rows.empty:
        return HTMLText("<p><em>No outlet comparison: fewer than two outlets with defined values.</em></p>")
    shown = f"the {MAX_STATS_ROWS:,} largest of {len(rows):,}; " if len(rows) > MAX_STATS_ROWS else ""
    parts = [differences_html(rows.head(MAX_STATS_ROWS), "", table_id="differences-all"),
             f"<p class=small>Sorted by |Hedges' g|, largest first ({shown}click a header to re-sort). "
             "Every metric and target (actors, frames, source types) with every statistic: "
             '<a href="tables/outlet_stats.csv">tables/outlet_stats.csv</a>.</p>']
    return HTMLText(fragment("\n".join(parts)))
