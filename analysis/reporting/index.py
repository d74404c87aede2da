"""The report's first page: what was analysed, then the findings, each linked to its figure, table and evidence.

:func:`index_html` builds it from the tables, the pooled outlet statistics and the family summaries;
sentences come from :mod:`analysis.reporting.findings` (templates in data), numbers from the statistics
module. Below the findings: the report pages, the paper exports and the tables, grouped and described
rather than listed as file names.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..tables import AnalysisTables
from ..validate.summary import validation_note
from .findings import DIFFERENCES, NO_INFERENCE, Finding, corpus_facts, corpus_sentences, findings
from .html import esc, link, page
from .layout import PAPER_DIR, evidence_href, families, family_info, figure_href, summary_href
from .notebook import VALIDATION_DIR, report_validation
from .stats_source import pooled_stats
from .summary import outlet_summary

TABLE_DESCRIPTIONS = {
    "metrics": "every value of every measure, one row per article × measure × target, with the reason when undefined",
    "evidence": "the sentence and the lexicon entry or rule behind each value",
    "sentences": "the cleaned body split into sentences",
    "articles": "every input with its metadata, cleaning results and status",
    "outlet_stats": "pooled outlet statistics: omnibus tests, each outlet against the rest, outlet pairs "
                    "(differences, CIs, effect sizes, q)",
}


def _finding_links(f: Finding) -> str:
    if not f.family:
        return ""
    info = family_info(f.family)
    parts = []
    if info.figure:
        parts.append(link(figure_href(f.family), "figure"))
    if info.page:
        parts.append(link(summary_href(f.family, f.metric, f.target), "table"))
    outlets = [o for o in (f.outlet_a, f.outlet_b) if o]
    for o in outlets or [""]:
        parts.append(link(evidence_href(f.family, f.metric, f.target, o), f"sentences ({o})" if o else "sentences"))
    return f' <span class="links">[{" · ".join(parts)}]</span>'


def _validation_section(out: Path) -> str:
    """Per coded family: the toolkit's agreement with human coders on this corpus, or "not validated"."""
    result = report_validation(out)
    items = []
    for fam in families():
        note = validation_note(result, fam)
        if note is not None:
            items.append(f"<li><b>{esc(family_info(fam).title)}</b>: {esc(note)}</li>")
    if not items:
        return ""
    page_link = (f" {link(f'{VALIDATION_DIR}/index.html', 'The validation page')} lists every code, the coders' "
                 "reliability and the units where the toolkit and the coders disagree."
                 if (out / VALIDATION_DIR / "index.html").is_file() else "")
    return ("<h2>Validation</h2><p>How closely the dictionary and rule-based measures agree with human coders on "
            "a sample of this corpus (Krippendorff, 2004; docs/validation.md)." + page_link + "</p><ul>"
            + "".join(items) + "</ul>")


def _paper_section(out: Path) -> str:
    """The exports for publication, grouped: each summary table with its CSV, LaTeX and Markdown files."""
    tables_dir = out / PAPER_DIR / "tables"
    stems = sorted({p.stem for p in tables_dir.iterdir() if p.is_file()}) if tables_dir.is_dir() else []
    items = []
    for stem in stems:
        fmts = " · ".join(link(f"{PAPER_DIR}/tables/{stem}{ext}", ext.lstrip(".")) for ext in (".csv", ".tex", ".md")
                          if (tables_dir / f"{stem}{ext}").is_file())
        family, _, kind = stem.rpartition("_")
        items.append(f"<li>{esc(family.replace('-', ': ').replace('_', ' ').capitalize())}, {esc(kind)} ({fmts})</li>")
    extra = [link(f"{PAPER_DIR}/methods.md", "methods.md"), link(f"{PAPER_DIR}/references.bib", "references.bib"),
             link("manifest.json", "manifest.json")]
    return ("<h2>For the paper</h2><p>Every figure as PNG (300 dpi), SVG and PDF with its caption in "
            f"<code>figures/</code>; definitions and versions in {extra[0]}, every cited method in {extra[1]}; "
            f"{extra[2]} lists every output with its SHA-256, the package and lexicon versions and the command. "
            "Summary tables as CSV (numbers), LaTeX (booktabs) and Markdown:</p><ul>" + "".join(items) + "</ul>")


def index_html(tables: AnalysisTables, out: Path, pages: list[tuple[str, str]], corpus: str, version: str,
               stats: pd.DataFrame | None = None) -> str:
    """The HTML of ``index.html`` (see the module docstring)."""
    facts = corpus_facts(tables.articles)
    stats = stats if stats is not None else pooled_stats(tables, out / "tables")
    summaries = [outlet_summary(tables.metrics, tables.articles, fam) for fam in families()]
    summary = pd.concat([s for s in summaries if not s.empty], ignore_index=True) if any(
        not s.empty for s in summaries) else pd.DataFrame(columns=["family", "metric", "target", "outlet", "mean"])
    keys = set(zip(summary["metric"], summary["target"], strict=True))
    result = findings(stats, facts, keys, summary)
    body = [f"<p>Corpus <code>{esc(corpus)}</code>, analysed with mediacompare {esc(version)}.</p>",
            "<h2>What was analysed</h2>", "<p>" + " ".join(esc(s) for s in corpus_sentences(facts)) + "</p>",
            "<h2>Findings</h2>" if result.mode == DIFFERENCES else "<h2>What the design supports</h2>",
            f"<p>{esc(result.intro)}</p>"]
    if result.items:
        if result.mode == NO_INFERENCE:
            body.append(f"<p>{esc('Selected measures, outlet by outlet (descriptive):')}</p>")
        body.append('<ul class="findings">' + "".join(f"<li>{esc(f.text)}{_finding_links(f)}</li>"
                                                      for f in result.items) + "</ul>")
    if result.more:
        body.append(f"<p>{esc(result.more)} {link('tables/outlet_stats.csv', 'outlet_stats.csv')}</p>")
    body.append(_validation_section(out))
    body.append("<h2>Report pages</h2><ul>" + "".join(f"<li>{link(href, title)}</li>" for href, title in pages)
                + "</ul>")
    body.append(_paper_section(out))
    tables_dir = out / "tables"
    if tables_dir.is_dir():
        items = []
        for name in sorted({p.stem for p in tables_dir.iterdir() if p.suffix in (".csv", ".parquet")}):
            what = TABLE_DESCRIPTIONS.get(name, "detail table")
            fmts = " · ".join(link(f"tables/{name}{s}", s.lstrip(".")) for s in (".csv", ".parquet")
                              if (tables_dir / f"{name}{s}").is_file())
            items.append(f"<li><b>{esc(name)}</b>: {esc(what)} ({fmts})</li>")
        body.append("<h2>Tables</h2><p>The tidy tables behind every number.</p><ul>" + "".join(items) + "</ul>")
    return page("mediacompare report", "\n".join(body))
