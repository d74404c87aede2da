"""Write a scored validation round: JSON with every figure, CSV tables, a Markdown and a LaTeX (booktabs)
table for a methods section, and a short static HTML page. Text from the coding sheets (unit text,
codes, coder names) is escaped for each medium."""

from __future__ import annotations

import csv
import io
import json
import math
import textwrap
from pathlib import Path
from typing import Any

from .. import safe_text
from ..model import MediacompareError
from ..outputs import atomic_write
from ..tables import csv_cell

RELIABILITY_COLUMNS = ("code", "measure", "level", "coders", "units", "alpha", "alpha_low", "alpha_high", "agreement",
                       "note")
TOOLKIT_COLUMNS = ("code", "measure", "n", "precision", "recall", "f1", "alpha", "weighted_precision",
                   "weighted_recall", "weighted_f1", "accuracy", "pearson_r", "spearman_rho", "sign_agreement", "note")
DISAGREEMENT_COLUMNS = ("unit_id", "outlet", "code", "toolkit", "reference", "coders", "cue", "text")


def fmt(value: Any, digits: int = 3) -> str:
    """A number to ``digits`` decimals, an int as is, empty for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


NOT_APPLICABLE = "—"
"""Shown where a statistic does not apply to a row (precision of a tone scale)."""
UNDEFINED = "n/a"
"""Shown where a statistic applies but is undefined (precision when the toolkit never fired); the row's
``note`` in ``agreement.csv`` says why."""


def _shown(row: dict[str, Any], key: str) -> str:
    """A statistic for a displayed table: its value, ``n/a`` when undefined, ``—`` when it does not apply."""
    if key not in row:
        return NOT_APPLICABLE
    return fmt(row[key]) or UNDEFINED


def _csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(columns)
            for r in rows:  # numbers stay numbers; text is made formula-safe
                w.writerow([csv_cell(fmt(r.get(c), 6)) for c in columns])
    atomic_write(path, write)


def _interval(r: dict[str, Any]) -> str:
    if r.get("alpha") is None:
        return ""
    low, high = r.get("alpha_low"), r.get("alpha_high")
    return f"{fmt(r['alpha'])} [{fmt(low)}, {fmt(high)}]" if low is not None else fmt(r["alpha"])


def _table_rows(result: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """The methods-section table: per code, human α [CI] and the toolkit's P / R / F1 (or r, accuracy)."""
    header = ["Code", "n", "Coders' α [95% CI]", "Agreement", "Toolkit P", "Toolkit R", "Toolkit F1",
              "Toolkit α / r / accuracy"]
    rel = {r["code"]: r for r in result["reliability"]}
    rows = []
    for t in result["toolkit"]["before"]:
        h = rel.get(t["code"], {})
        other = next((k for k in ("alpha", "pearson_r", "accuracy") if k in t), "")
        human = ((_interval(h) or UNDEFINED) if "alpha" in h else NOT_APPLICABLE) if h else NOT_APPLICABLE
        rows.append([t["code"], fmt(t.get("n")), human, _shown(h, "agreement") if h else NOT_APPLICABLE,
                     _shown(t, "precision"), _shown(t, "recall"), _shown(t, "f1"),
                     _shown(t, other) if other else NOT_APPLICABLE])
    return header, rows


TABLE_NOTE = ("n: units with a reference code (names for actors_type_right: matched names the coders typed). "
              "α: Krippendorff (2004), 95% bootstrap interval over units; agreement: share of agreeing coder pairs. "
              "P/R/F1: the toolkit against the reference code, F1 = 2TP/(2TP+FP+FN). α ≥ .800 is the usual "
              "standard, .667 the lowest for tentative conclusions. n/a: undefined (the toolkit never fired, the "
              "reference never coded it present, or no variation; agreement.csv's note says which); —: does not "
              "apply to this code.")


def markdown_table(result: dict[str, Any]) -> str:
    """The agreement table as GitHub-flavoured Markdown."""
    header, rows = _table_rows(result)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(safe_text.markdown_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n\n" + TABLE_NOTE + "\n"


def latex_table(result: dict[str, Any]) -> str:
    """The agreement table as a LaTeX ``tabular`` with booktabs rules."""
    header, rows = _table_rows(result)
    out = io.StringIO()
    out.write("% requires \\usepackage{booktabs}\n\\begin{tabular}{l" + "r" * (len(header) - 1) + "}\n\\toprule\n")
    out.write(" & ".join(safe_text.latex(h) for h in header) + " \\\\\n\\midrule\n")
    for row in rows:
        out.write(" & ".join(safe_text.latex(c) for c in row) + " \\\\\n")
    out.write("\\bottomrule\n\\end{tabular}\n")
    out.write("".join(f"% {line}\n" for line in textwrap.wrap("Note: " + TABLE_NOTE, 100)))
    return out.getvalue()


def _html_table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{safe_text.html(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{safe_text.html(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def html_page(result: dict[str, Any]) -> str:
    """A short static page: design, reliability, toolkit agreement (before/after), disagreements."""
    s = result["sample"]
    header, rows = _table_rows(result)
    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Validation</title>",
        "<style>body{font-family:DejaVu Sans,Arial,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}"
        "table{border-collapse:collapse;font-size:.85rem;display:block;overflow-x:auto}"
        "td,th{border-bottom:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}"
        "td:last-child{min-width:16rem}.note{font-size:.85rem}</style></head><body>",
        "<h1>Validation against human coding</h1>",
        f"<p>{safe_text.html(str(result['units']))} {safe_text.html(str(s.get('unit', '')))} units drawn with seed "
        f"{safe_text.html(str(s.get('seed', '')))}, stratified by outlet and by whether the toolkit fired; coders: "
        f"{safe_text.html(', '.join(result['coders']))}; reference: {safe_text.html(result['reference'])}. "
        f"{safe_text.html(result['tool'])}; lexicons: "
        f"{safe_text.html(', '.join(f'{k} {v}' for k, v in sorted(s.get('lexicons', {}).items())))}.</p>",
        "<h2>Agreement</h2>", _html_table(header, rows),
        f"<p class=\"note\">{safe_text.html(TABLE_NOTE)}</p>",
    ]
    if "after" in result["toolkit"]:
        before = {r["code"]: r for r in result["toolkit"]["before"]}
        changes = [[r["code"], _shown(before.get(r["code"], {}), "f1"), _shown(r, "f1")]
                   for r in result["toolkit"]["after"] if "f1" in r]
        parts += ["<h2>After the lexicon edit</h2>",
                  "<p>The toolkit re-run now on the same units, against the same reference.</p>",
                  _html_table(["Code", "F1 before", "F1 after"], changes)]
    dis = result["disagreements"][:200]
    parts += [f"<h2>Disagreements ({len(result['disagreements'])})</h2>",
              _html_table(list(DISAGREEMENT_COLUMNS), [[str(d[c]) for c in DISAGREEMENT_COLUMNS] for d in dis]),
              "</body></html>\n"]
    return "\n".join(parts)


def write_outputs(result: dict[str, Any], out: str | Path) -> dict[str, Path]:
    """Write every output of a scored round into ``out``; returns name -> path."""
    out = Path(out)
    if out.is_dir() and any(out.iterdir()) and not (out / "validation.json").exists():
        raise MediacompareError(f"{out}: folder is not empty and holds no earlier validation; choose a new folder")
    paths = {n: out / n for n in ("validation.json", "reliability.csv", "agreement.csv", "disagreements.csv",
                                  "agreement.md", "agreement.tex", "index.html")}
    atomic_write(paths["validation.json"], lambda t: t.write_text(
        json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"))
    _csv(paths["reliability.csv"], RELIABILITY_COLUMNS, result["reliability"])
    rows = [dict(r, stage=stage) for stage, rs in result["toolkit"].items() for r in rs]
    _csv(paths["agreement.csv"], ("stage", *TOOLKIT_COLUMNS), rows)
    _csv(paths["disagreements.csv"], DISAGREEMENT_COLUMNS, result["disagreements"])
    atomic_write(paths["agreement.md"], lambda t: t.write_text(markdown_table(result), encoding="utf-8"))
    atomic_write(paths["agreement.tex"], lambda t: t.write_text(latex_table(result), encoding="utf-8"))
    atomic_write(paths["index.html"], lambda t: t.write_text(html_page(result), encoding="utf-8"))
    return paths
