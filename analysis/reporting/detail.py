"""Detail pages: long tables written as separate static pages, split so no page grows with the corpus.

A report page shows summaries; the rows behind them (every article's values, every quote, every claim)
go to pages of their own under ``articles/``, one per outlet when there are many rows and in chunks of
at most :data:`ROWS_PER_PAGE` rows, so a page stays a few megabytes at any corpus size and is loaded
only when a reader opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .html import esc, link, page, slug
from .layout import ARTICLES_DIR

ROWS_PER_PAGE = 3000  # rows of one detail page (about 1 MB of HTML)
SPLIT_BY_OUTLET = 1000  # above this many rows, one page (or more) per outlet


def write_detail_pages(out_dir: str | Path, name: str, rows: pd.DataFrame, title: str,
                       render: Callable[[pd.DataFrame, str], str], intro: str = "",
                       outlet_column: str = "outlet") -> list[tuple[str, str, int]]:
    """Write ``rows`` as one or more pages ``articles/NAME[--OUTLET][--k].html``; return (path, label, n) per page.

    ``render(chunk, table_id)`` gives the HTML table of a chunk; paths are relative to ``out_dir``.
    """
    out = Path(out_dir)
    groups: list[tuple[str, pd.DataFrame]]
    if len(rows) > SPLIT_BY_OUTLET and outlet_column in rows.columns:
        groups = [(str(o), g) for o, g in rows.groupby(outlet_column, sort=True)]
    else:
        groups = [("", rows)]
    written: list[tuple[str, str, int]] = []
    for outlet, grp in groups:
        chunks = [grp.iloc[i:i + ROWS_PER_PAGE] for i in range(0, max(len(grp), 1), ROWS_PER_PAGE)]
        for k, chunk in enumerate(chunks, start=1):
            stem = name + (f"--{slug(outlet)}" if outlet else "") + (f"--{k}" if len(chunks) > 1 else "")
            rel = f"{ARTICLES_DIR}/{stem}.html"
            label = (outlet or "every row") + (f", part {k} of {len(chunks)}" if len(chunks) > 1 else "")
            body = (f"<p>{intro}</p>\n" if intro else "") + f"<p>{len(chunk):,} rows ({esc(label)}).</p>\n"
            body += render(chunk, f"t-{slug(stem)}")
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page(f"{title}: {label}", body, up="../index.html"), encoding="utf-8")
            written.append((rel, label, len(chunk)))
    return written


def detail_links(pages: list[tuple[str, str, int]], prefix: str = "") -> str:
    """Links to detail pages (``prefix`` is the path from the linking page to the report root): a list, or with
    more than :data:`LIST_LINKS` pages (one per outlet of a many-outlet corpus) one wrapped paragraph."""
    items = [f"{link(prefix + rel, label)} ({n:,} {'row' if n == 1 else 'rows'})" for rel, label, n in pages]
    if len(items) > LIST_LINKS:
        return f'<p class="small">{" · ".join(items)}</p>'
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


LIST_LINKS = 12
