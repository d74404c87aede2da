"""Every piece of report content the bundled notebooks show, built without executing them.

:func:`build_content` makes the calls the three notebooks make (corpus, the five families, quotes and
claims, events and statistics) plus the first page, and returns the size in bytes of each notebook
page's outputs. Tests and ``benchmarks/bench_report_weight.py`` use it to check page weight and
content at corpus sizes where executing notebooks would be slow; the notebooks stay the reference.
"""

from __future__ import annotations

from pathlib import Path

from ..compare.run import compare_tables
from ..figures.sourcing import claims_table, quotes_table
from ..tables import AnalysisTables
from .notebook import corpus_section, events_section, family_section, records_section, stats_section

PAGE_FAMILIES = {"01": ("readability", "sentiment", "framing", "entities"), "02": ("sourcing",)}


def build_content(tables: AnalysisTables, out: str | Path, corpus: str) -> dict[str, int]:
    """Write the detail pages, paper tables and ``index.html`` into ``out``; return the bytes of HTML each
    notebook page (``01``, ``02``, ``03``) would show, without nbconvert's template around it."""
    from ..report import write_index

    out = Path(out)
    page01 = len(corpus_section(tables, out))
    for fam in PAGE_FAMILIES["01"]:
        page01 += len(family_section(tables, fam, out).html)
    page02 = len(records_section(tables, quotes_table(tables.records.get("quotes")), "quotes", "Quotes", out).html)
    page02 += len(records_section(tables, claims_table(tables.records.get("claims"), tables.sentences), "claims",
                                  "Numeric claims", out).html)
    for fam in PAGE_FAMILIES["02"]:
        page02 += len(family_section(tables, fam, out).html)
    comparison = compare_tables(tables)
    page03 = len(events_section(tables, comparison, out).html) + len(stats_section(tables, out).html)
    write_index(out, [("01-outlet-comparison.html", "Outlet comparison")], tables, corpus, out_name="OUT")
    return {"01": page01, "02": page02, "03": page03}
