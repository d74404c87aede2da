"""Coding sheets on disk: CSV (UTF-8) and XLSX (openpyxl), written safely and read back with checks.

Text from the corpus reaches the sheet, which coders open in a spreadsheet: a CSV cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (OWASP's advice on
CSV injection) and the reader removes it again; XLSX cells are written as plain strings, never as
formulas. Reading a filled sheet checks it and reports the first problem as one line naming the file,
the row (as the spreadsheet numbers it: header = 1) and the column.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from ..model import MediacompareError
from ..outputs import atomic_write
from ..tables import csv_cell, csv_restore, csv_safe


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Write a CSV sheet atomically, every text cell made formula-safe (:func:`analysis.tables.csv_cell`:
    number literals such as ``-0.44`` stay numbers)."""
    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow([csv_safe(h) for h in header])
            w.writerows([[csv_cell(str(c)) for c in row] for row in rows])
    atomic_write(path, write)


def write_xlsx(path: Path, sheets: dict[str, tuple[Sequence[str], Sequence[Sequence[str]]]]) -> None:
    """Write a workbook atomically: one worksheet per entry, cells as plain strings (never formulas)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.remove(wb.active)
    for title, (header, rows) in sheets.items():
        ws = wb.create_sheet(title)
        for r, row in enumerate([header, *rows], start=1):
            for c, value in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c)
                cell.value = str(value)
                cell.data_type = "s"  # a string, even when it starts with '='
                if r == 1:
                    cell.font = Font(bold=True)
                elif len(str(value)) > 60:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
    # fixed document properties, so the same sample gives the same workbook content
    wb.properties.creator = "mediacompare"
    def write(tmp: Path) -> None:
        wb.save(tmp)
    atomic_write(path, write)


def read_sheet(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and ``(row number, cells)`` of a CSV or XLSX sheet (first worksheet), cells as text.

    Row numbers are the spreadsheet's (the header is row 1); blank rows are left out."""
    try:
        if path.suffix.lower() == ".xlsx":
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True, data_only=True)
            ws = wb.worksheets[0]
            rows = [["" if v is None else _text(v) for v in row] for row in ws.iter_rows(values_only=True)]
            wb.close()
        else:
            with path.open(encoding="utf-8-sig", newline="") as fh:
                rows = [[csv_restore(c) for c in row] for row in csv.reader(fh)]
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError) as exc:
        raise MediacompareError(f"{path}: cannot read the sheet ({exc})") from None
    except Exception as exc:  # openpyxl raises its own types for a damaged workbook
        raise MediacompareError(f"{path}: not a readable workbook ({type(exc).__name__})") from None
    if not rows or not any(rows[0]):
        raise MediacompareError(f"{path}: empty sheet (no header row)")
    header = [h.strip() for h in rows[0]]
    body = [(n, r + [""] * (len(header) - len(r))) for n, r in enumerate(rows[1:], start=2)
            if any(c.strip() for c in r)]
    return header, body


def _text(value: object) -> str:
    """A cell value as the coder typed it (spreadsheets turn 1 into 1.0 or an int)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
