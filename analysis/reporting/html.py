"""Small static-HTML building blocks of the report: escaping, links, pages, and tables that sort and filter.

Every untrusted string (outlet names, titles, ids, sentences, cues) goes through :func:`esc`; the markup
around it is the toolkit's own. :func:`html_table` writes a plain ``<table>`` whose columns sort when
their header is clicked and whose rows filter as one types, with a small inline script (no CDN, no
network); without JavaScript it is an ordinary table. Tables are fixed-layout at 100 % width with
wrapping cells, so they are never wider than the page; :data:`MAX_COLUMNS` bounds the column count.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from .. import safe_text
from ..model import MediacompareError

MAX_COLUMNS = 12  # no report table has more columns (never wider than the page)


def esc(text: object) -> str:
    """``text`` as HTML text or attribute value (:func:`analysis.safe_text.html`)."""
    return safe_text.html(text)


def slug(text: str, prefix: str = "") -> str:
    """A file-name and anchor-safe id for any string: lower-case ASCII words, hyphens, and a CRC-32 of the
    original text so distinct strings never share a slug (``"Fox News"`` -> ``"fox-news-3b2f0c47"``)."""
    words = re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")[:40].strip("-")
    crc = f"{zlib.crc32(str(text).encode('utf-8')):08x}"
    return f"{prefix}{words + '-' if words else ''}{crc}"


def link(href: str, text: str, title: str = "") -> str:
    """``<a>`` with escaped text; ``href`` is built by the toolkit (relative paths and slugs), escaped too."""
    t = f' title="{esc(title)}"' if title else ""
    return f'<a href="{esc(href)}"{t}>{esc(text)}</a>'


@dataclass(frozen=True)
class Cell:
    """A table cell: its text (escaped on output), an optional link, the value it sorts by, a class."""

    text: str
    href: str = ""
    sort: float | str | None = None
    title: str = ""
    cls: str = ""

    def html(self) -> str:
        body = link(self.href, self.text, self.title) if self.href else esc(self.text)
        attrs = ""
        if self.sort is not None:
            attrs += f' data-sort="{esc(self.sort)}"'
        if self.cls:
            attrs += f' class="{esc(self.cls)}"'
        if self.title and not self.href:
            attrs += f' title="{esc(self.title)}"'
        return f"<td{attrs}>{body}</td>"


Row = Sequence[Cell | str]

TABLE_CSS = """
table.mc { border-collapse: collapse; width: 100% !important; table-layout: fixed !important; font-size: 0.85em;
  margin: 0.5em 0 1em !important; }
table.mc th, table.mc td { border: none !important; border-bottom: 1px solid #ddd !important;
  padding: 3px 5px !important; text-align: left !important; vertical-align: top !important;
  overflow-wrap: anywhere; white-space: normal !important; max-width: none !important; }
table.mc th { background: #f3f3f3 !important; cursor: pointer; font-weight: 600; }
table.mc td.num, table.mc th.num { text-align: right !important; font-variant-numeric: tabular-nums; }
table.mc td.id { color: #666; font-size: 0.85em; }
table.mc tbody tr:nth-child(odd) { background: #fafafa !important; }
table.mc caption { caption-side: bottom; text-align: left; color: #444; font-size: 0.9em; padding-top: 0.3em; }
input.mc-filter { width: 100%; box-sizing: border-box; margin: 0.3em 0; padding: 3px; }
""".strip()

# Sort on header click (numbers numerically via data-sort, text otherwise); filter rows containing the typed text.
# Each table is set up once, however many copies of the script a page carries.
TABLE_SCRIPT = r"""<script>
(function () {
  function key(td) { var s = td.getAttribute('data-sort'); return s === null ? td.textContent.trim() : s; }
  var num = /^\s*-?\d+(\.\d+)?(e[-+]?\d+)?\s*$/i;
  function cmp(a, b) { if (num.test(a) && num.test(b)) { return parseFloat(a) - parseFloat(b); }
    return a.localeCompare(b); }
  document.querySelectorAll('table.mc').forEach(function (t) {
    var body = t.tBodies[0]; if (!body || t.getAttribute('data-mc-ready')) { return; }
    t.setAttribute('data-mc-ready', '1');  // a page may carry this script once per table group
    t.querySelectorAll('th').forEach(function (th, i) {
      th.addEventListener('click', function () {
        var asc = th.getAttribute('data-dir') !== 'asc'; th.setAttribute('data-dir', asc ? 'asc' : 'desc');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r, s) { var c = cmp(key(r.cells[i]), key(s.cells[i])); return asc ? c : -c; });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
    var box = document.querySelector('input[data-table="' + t.id + '"]');
    if (box) { box.addEventListener('input', function () { var q = box.value.toLowerCase();
      Array.prototype.forEach.call(body.rows, function (r) {
        r.style.display = r.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none'; }); }); }
  });
})();
</script>"""


WIDTH_CAP = 60
"""Characters beyond which a column's typical cell no longer earns it more width (:func:`auto_widths`)."""
WORD_CAP = 14
"""Longest word (cell or header) a column is kept wide enough for, so words are not broken mid-word."""
WORD_SCALE = 1.5
"""A word's weight per character against a running text's: a word must fit on one line, a text may wrap."""


def _longest_word(text: str) -> int:
    return min(WORD_CAP, max((len(w) for w in text.split()), default=0))


def auto_widths(header: Sequence[str], rows: Sequence[Row]) -> list[str]:
    """CSS column widths from the content, for a table given none: each column's share of the width is its
    mean cell length in characters, at least :data:`WORD_SCALE` × the longest word of its cells and header (up
    to :data:`WORD_CAP` characters) and 3, at most :data:`WIDTH_CAP` (a quoted passage gets room, a number little, and
    "anonymous" is not broken). Deterministic; one column: no widths."""
    if len(header) < 2:
        return []
    weights = []
    for j, head in enumerate(header):
        cells = [row[j].text if isinstance(row[j], Cell) else str(row[j]) for row in rows]
        mean = sum(min(len(c), WIDTH_CAP) for c in cells) / len(cells) if cells else 0.0
        word = max([_longest_word(str(head)), *(_longest_word(c) for c in cells)])
        weights.append(min(WIDTH_CAP, max(mean, WORD_SCALE * word, 3)))
    total = sum(weights)
    return [f"{100 * w / total:.1f}%" for w in weights]


def html_table(table_id: str, header: Sequence[str], rows: Sequence[Row], caption: str = "",
               numeric: Sequence[bool] | None = None, widths: Sequence[str] | None = None,
               filterable: bool = False, row_ids: Sequence[str] | None = None) -> str:
    """A sortable table (``<table class="mc">``); ``filterable`` adds a search box above it.

    ``header`` is plain text (escaped); ``rows`` hold :class:`Cell` or plain strings; ``numeric`` marks
    right-aligned columns; ``widths`` are CSS widths per column (``""`` = automatic; none given: from the content,
    :func:`auto_widths`); ``row_ids`` give rows
    an ``id`` (link targets; ``""`` = none). More than
    :data:`MAX_COLUMNS` columns is an error: split the table instead.
    """
    if len(header) > MAX_COLUMNS:
        raise MediacompareError(f"table {table_id}: {len(header)} columns, at most {MAX_COLUMNS} fit a page")
    numeric = list(numeric) if numeric is not None else [False] * len(header)
    parts = []
    if filterable:
        parts.append(f'<input class="mc-filter" type="search" placeholder="Filter rows…" '
                     f'data-table="{esc(table_id)}" aria-label="Filter rows">')
    parts.append(f'<table class="mc" id="{esc(table_id)}">')
    widths = widths or auto_widths(header, rows)
    if widths:
        parts.append("<colgroup>" + "".join(f'<col style="width:{esc(w)}">' if w else "<col>" for w in widths)
                     + "</colgroup>")
    if caption:
        parts.append(f"<caption>{esc(caption)}</caption>")
    heads = "".join(f'<th{" class=num" if n else ""}>{esc(h)}</th>' for h, n in zip(header, numeric, strict=True))
    parts.append(f"<thead><tr>{heads}</tr></thead><tbody>")
    ids = list(row_ids) if row_ids is not None else [""] * len(rows)
    for row, rid in zip(rows, ids, strict=True):
        cells = []
        for cell, num in zip(row, numeric, strict=True):
            c = cell if isinstance(cell, Cell) else Cell(str(cell))
            if num and not c.cls:
                c = Cell(c.text, c.href, c.sort, c.title, "num")
            cells.append(c.html())
        parts.append((f'<tr id="{esc(rid)}">' if rid else "<tr>") + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return "\n".join(parts)


PAGE_CSS = """
body { font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 1.6em; } h3 { font-size: 1.1em; }
p.small, .small { font-size: 0.85em; color: #444; } code { font-size: 0.9em; }
ul.findings li { margin-bottom: 0.5em; } .links { font-size: 0.85em; }
img { max-width: 100%; height: auto; }
blockquote { margin: 0.3em 0 0.6em 1em; padding-left: 0.6em; border-left: 3px solid #ccc; }
""".strip()


def page(title: str, body: str, up: str = "") -> str:
    """A complete standalone HTML page (inline CSS and table script, nothing fetched); ``up``: link back."""
    back = f'<p class="small">{link(up, "← report index")}</p>\n' if up else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(title)}</title>
  <style>
{PAGE_CSS}
{TABLE_CSS}
  </style>
</head>
<body>
{back}<h1>{esc(title)}</h1>
{body}
{TABLE_SCRIPT}
</body>
</html>
"""


def fragment(body: str) -> str:
    """HTML to display inside a notebook page: the table style and script around ``body``."""
    return f"<style>\n{TABLE_CSS}\n</style>\n{body}\n{TABLE_SCRIPT}"
