"""Summary tables for publication: CSV (numbers), LaTeX (booktabs) and Markdown (formatted by metric kind).

:func:`paper_summary` and :func:`paper_differences` turn the outlet summary and the pooled differences
into tables with readable labels and units; :func:`write_paper_table` writes ``NAME.csv`` (full-precision
numbers, NaN as an empty cell), ``NAME.tex`` (a ``booktabs`` tabular: ``\\toprule``/``\\midrule``/
``\\bottomrule``, LaTeX special characters escaped) and ``NAME.md`` (a pipe table), the last two with
numbers formatted as in the report. Deterministic: same input, same bytes.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from .. import safe_text
from ..tables import write_frame
from .labels import NA, format_count, format_g, format_number, format_p, format_value, metric_label

SUMMARY_PAPER_COLUMNS = ["Measure", "Unit", "Outlet", "n", "Mean", "CI low", "CI high", "Median", "Q1", "Q3"]
DIFFERENCE_PAPER_COLUMNS = ["Measure", "Unit", "Outlet A", "Outlet B", "Design", "n A", "n B", "Difference",
                            "CI low", "CI high", "Hedges g", "Cliff delta", "q"]


def _unit(lab_unit: str, percent: bool) -> str:
    return lab_unit if not percent else lab_unit or "%"


def paper_summary(summary: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(numbers, formatted) versions of an outlet summary, columns :data:`SUMMARY_PAPER_COLUMNS`.

    Numbers are in the metric's display scale (shares and indicators as percentages).
    """
    num_rows, fmt_rows = [], []
    for r in summary.itertuples(index=False):
        lab = metric_label(r.metric, r.family)
        scale = 100.0 if lab.percent else 1.0
        vals = [r.mean, r.ci_low, r.ci_high, r.median, r.q1, r.q3]
        num_rows.append([lab.display(r.target), _unit(lab.unit, lab.percent), r.outlet, int(r.n),
                         *[v * scale for v in vals]])
        fmt_rows.append([lab.display(r.target), _unit(lab.unit, lab.percent), r.outlet, format_count(r.n),
                         *[format_value(v, lab) for v in vals]])
    return (pd.DataFrame(num_rows, columns=SUMMARY_PAPER_COLUMNS),
            pd.DataFrame(fmt_rows, columns=SUMMARY_PAPER_COLUMNS))


def paper_differences(differences: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(numbers, formatted) versions of the pooled differences, columns :data:`DIFFERENCE_PAPER_COLUMNS`."""
    num_rows, fmt_rows = [], []
    for r in differences.itertuples(index=False):
        if getattr(r, "contrast", "pair") == "omnibus":  # no difference to tabulate: in outlet_stats.csv
            continue
        lab = metric_label(r.metric, r.family)
        scale = 100.0 if lab.percent else 1.0
        design = "paired" if "paired" in str(r.design) else "independent"
        head = [lab.display(r.target), "percentage points" if lab.percent else lab.unit, r.outlet_a, r.outlet_b,
                design]
        num_rows.append([*head, int(r.n_a), int(r.n_b), r.difference * scale, r.ci_low * scale, r.ci_high * scale,
                         r.hedges_g, r.cliffs_delta, r.p_adjusted])
        q = format_p(r.p_adjusted)
        fmt_rows.append([*head, format_count(r.n_a), format_count(r.n_b), format_value(r.difference, lab, signed=True),
                         format_value(r.ci_low, lab), format_value(r.ci_high, lab), format_g(r.hedges_g),
                         format_number(r.cliffs_delta, 2), NA if q == "no q" else q.removeprefix("q = ")
                         .removeprefix("q ")])
    return (pd.DataFrame(num_rows, columns=DIFFERENCE_PAPER_COLUMNS),
            pd.DataFrame(fmt_rows, columns=DIFFERENCE_PAPER_COLUMNS))


def to_latex(table: pd.DataFrame, caption: str = "", label: str = "") -> str:
    """A booktabs ``table`` environment: text columns left-aligned, the rest right-aligned."""
    numeric = [c not in ("Measure", "Unit", "Outlet", "Outlet A", "Outlet B", "Design") for c in table.columns]
    spec = "".join("r" if n else "l" for n in numeric)
    lines = ["\\begin{table}[ht]", "\\centering", "\\small"]
    if caption:
        lines.append(f"\\caption{{{safe_text.latex(caption)}}}")
    if label:
        lines.append(f"\\label{{{safe_text.latex(label)}}}")
    header = " & ".join(safe_text.latex(c) for c in table.columns)
    lines += [f"\\begin{{tabular}}{{{spec}}}", "\\toprule", header + r" \\", "\\midrule"]
    lines += [" & ".join(safe_text.latex(v) for v in row) + r" \\" for row in table.astype(str).itertuples(index=False)]
    lines += ["\\bottomrule", "\\end{tabular}", "\\end{table}", ""]
    return "\n".join(lines)


def to_markdown(table: pd.DataFrame) -> str:
    """A pipe table; numeric columns right-aligned (``---:``). Every cell is literal Markdown
    (:func:`analysis.safe_text.markdown_cell` escapes ``|`` with the rest, so a cell cannot end early)."""
    numeric = [c not in ("Measure", "Unit", "Outlet", "Outlet A", "Outlet B", "Design") for c in table.columns]
    lines = ["| " + " | ".join(safe_text.markdown_cell(c) for c in table.columns) + " |",
             "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    lines += ["| " + " | ".join(safe_text.markdown_cell(v) for v in row) + " |"
              for row in table.astype(str).itertuples(index=False)]
    return "\n".join(lines) + "\n"


def write_paper_table(numbers: pd.DataFrame, formatted: pd.DataFrame, out_dir: str | Path, name: str,
                      caption: str = "") -> dict[str, Path]:
    """Write ``NAME.csv`` (numbers), ``NAME.tex`` and ``NAME.md`` (formatted) to ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"csv": out / f"{name}.csv", "tex": out / f"{name}.tex", "md": out / f"{name}.md"}
    write_frame(numbers.map(lambda v: float("nan") if isinstance(v, float) and math.isnan(v) else v), paths["csv"])
    paths["tex"].write_text(to_latex(formatted, caption, f"tab:{name}"), encoding="utf-8")
    paths["md"].write_text((f"{caption}\n\n" if caption else "") + to_markdown(formatted), encoding="utf-8")
    return paths
