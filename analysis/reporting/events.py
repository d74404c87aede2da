"""One page per event: its articles side by side, with each side's numeric claims and quotes.

:func:`write_event_pages` writes ``events/EVENT.html`` for every event with articles from at least two
outlets: the articles (outlet, date, headline, id; each an anchor the evidence pages link to), the
sentence alignment of every article pair (:func:`analysis.figures.compare.render_side_by_side`), the
numeric claims compared across outlets, and each article's quotes (speaker, kind, verb, quoted text).
Work is grouped by event, so the cost grows linearly with the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..figures.compare import render_side_by_side
from ..labels import outlet_labels
from ..tables import AnalysisTables
from .display import headline_of
from .html import Cell, esc, html_table, page
from .layout import article_anchor, event_path

MAX_PAIRS = 12  # article pairs aligned on one event page (3 outlets = 3 pairs)
CLAIM_COLUMNS = ["referent", "outlet_a", "value_a", "attribution_a", "outlet_b", "value_b", "attribution_b", "label"]


def _by_event(df: pd.DataFrame | None, column: str = "event_id") -> dict[str, pd.DataFrame]:
    if df is None or df.empty or column not in df.columns:
        return {}
    return {str(k): g for k, g in df.groupby(df[column].astype(str), sort=False)}


def event_page(event_id: str, arts: pd.DataFrame, sentences: pd.DataFrame, alignment: pd.DataFrame,
               claims: pd.DataFrame | None, quotes: pd.DataFrame | None, headlines: pd.Series) -> str:
    """The HTML page of one event (module docstring)."""
    parts = ["<h2>Articles</h2><ul>"]
    for r in arts.sort_values(["outlet", "article_id"], kind="stable").itertuples(index=False):
        parts.append(f'<li id="{esc(article_anchor(r.article_id))}"><b>{esc(r.outlet)}</b>, {esc(r.published)}: '
                     f"{esc(headlines.get(r.article_id, ''))} <span class=small>({esc(r.article_id)})</span></li>")
    parts.append("</ul><h2>Side by side</h2>")
    parts.append(render_side_by_side(alignment, sentences, max_pairs=MAX_PAIRS))
    parts.append("<h2>Numeric claims</h2>")
    if claims is None or claims.empty:
        parts.append("<p>No numeric claim about the same referent in two outlets' articles.</p>")
    else:
        rows = [[Cell("" if pd.isna(r[c]) else str(r[c])) for c in CLAIM_COLUMNS] for _, r in claims.iterrows()]
        parts.append(html_table("claims", [c.replace("_", " ") for c in CLAIM_COLUMNS], rows))
    parts.append("<h2>Quotes, article by article</h2>")
    if quotes is None or quotes.empty:
        parts.append("<p>No quotes found.</p>")
    else:
        for aid, grp in quotes.groupby("article_id", sort=True):
            outlet = str(grp["outlet"].iloc[0])
            parts.append(f"<h3>{esc(outlet)}: {esc(headlines.get(str(aid), str(aid)))}</h3>")
            rows = [[Cell(str(r.sentence_index)), Cell(str(r.kind)), Cell(str(r.speaker)), Cell(str(r.verb)),
                     Cell(str(r.text))] for r in grp.itertuples(index=False)]
            parts.append(html_table(f"q-{article_anchor(str(aid))}", ["sentence", "kind", "speaker", "verb", "text"],
                                    rows, numeric=[True, False, False, False, False],
                                    widths=["7%", "10%", "20%", "10%", ""]))
    return page(f"Event {event_id}", "\n".join(parts), up="../index.html")


def write_event_pages(tables: AnalysisTables, comparison: dict[str, pd.DataFrame],
                      output_dir: str | Path) -> pd.DataFrame:
    """Write the page of every event compared across outlets; return ``event_id, n_articles, n_outlets,
    outlets, page`` (page relative to ``output_dir``), one row per event, sorted by event id."""
    from ..figures.sourcing import quotes_table

    out = Path(output_dir)
    events = comparison.get("events", pd.DataFrame(columns=["event_id", "article_id", "outlet"]))
    arts = tables.articles.assign(article_id=tables.articles["article_id"].astype(str),
                                  outlet=outlet_labels(tables.articles["outlet"]))
    meta = arts.set_index("article_id")
    heads = headline_of(tables.articles, tables.sentences)
    sents = tables.sentences.assign(article_id=tables.sentences["article_id"].astype(str))
    event_of = dict(zip(events["article_id"].astype(str), events["event_id"].astype(str), strict=True))
    sents_by = {str(k): g for k, g in sents.groupby(sents["article_id"].map(event_of), sort=False)}
    align_by = _by_event(comparison.get("alignment"))
    claims_by = _by_event(comparison.get("claims"))
    quotes = quotes_table(tables.records.get("quotes"))
    quotes = quotes.assign(_e=quotes["article_id"].astype(str).map(event_of)) if not quotes.empty else quotes
    quotes_by = _by_event(quotes, "_e")
    rows = []
    for event_id, grp in events.groupby(events["event_id"].astype(str), sort=True):
        ids = grp["article_id"].astype(str)
        outlets = sorted(set(meta.loc[ids, "outlet"]))
        if len(outlets) < 2:
            continue
        ev = pd.DataFrame({"article_id": ids.to_numpy(), "outlet": meta.loc[ids, "outlet"].to_numpy(),
                           "published": meta.loc[ids].get("published", pd.Series("", index=ids)).fillna("")
                           .astype(str).to_numpy()})
        claims = claims_by.get(event_id)
        html = event_page(event_id, ev, sents_by.get(event_id, sents.iloc[0:0]),
                          align_by.get(event_id, pd.DataFrame(columns=comparison["alignment"].columns)),
                          claims.loc[:, [c for c in CLAIM_COLUMNS if c in claims.columns]] if claims is not None
                          else None, quotes_by.get(event_id), heads)
        rel = event_path(event_id)
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(html, encoding="utf-8")
        rows.append([event_id, len(ids), len(outlets), "; ".join(outlets), rel])
    return pd.DataFrame(rows, columns=["event_id", "n_articles", "n_outlets", "outlets", "page"])


def events_index_html(pages: pd.DataFrame, prefix: str = "") -> str:
    """A sortable table of the event pages (event, articles, outlets, link)."""
    rows = [[Cell(r.event_id, href=prefix + r.page),
             Cell(f"{r.n_articles:,}", sort=r.n_articles), Cell(f"{r.n_outlets:,}", sort=r.n_outlets),
             Cell(r.outlets)] for r in pages.itertuples(index=False)]
    return html_table("event-pages", ["Event (side by side)", "Articles", "Outlets", "Outlet names"], rows,
                      numeric=[False, True, True, False], widths=["30%", "10%", "10%", ""], filterable=True)
