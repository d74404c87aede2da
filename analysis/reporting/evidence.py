"""Evidence pages: the sentences, cues and articles behind each outlet-level number, one click from it.

For a metric (× target) of a family, :func:`evidence_rows` selects the evidence-table rows that produced
it: the evidence metric named in ``metric_labels.yaml`` (else the family's, else the metric itself),
rows whose cue matches the label's ``evidence_cue``, and for a target the rows about that target
(same target, a sub-target such as ``conflict.reproach`` of ``conflict``, or ``journalist:modal`` of
``journalist:all``; for types such as ``sources_by_type`` the cue naming it). :func:`write_evidence_pages`
writes one page per summary row, with a section per outlet (anchor ``#o-…``) listing at most
:data:`PER_OUTLET` sentences, at most :data:`PER_ARTICLE` per article, each with its article's outlet,
date, headline and id, the cue, and a link to the article's event page (side-by-side view).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..labels import outlet_labels
from .display import headline_of
from .html import Cell, esc, html_table, link, page
from .labels import metric_label
from .layout import article_anchor, definition_href, event_path, evidence_path, family_info, outlet_anchor

PER_OUTLET = 20
PER_ARTICLE = 2


def evidence_rows(evidence: pd.DataFrame, family: str, metric: str, target: str = "") -> pd.DataFrame:
    """The evidence rows behind ``metric`` (× ``target``) of ``family`` (module docstring)."""
    lab = metric_label(metric, family)
    name = lab.evidence or family_info(family).evidence or metric
    rows = evidence[(evidence["family"].astype(str) == family) & (evidence["metric"].astype(str) == name)]
    cue = rows["cue"].fillna("").astype(str)
    if lab.evidence_cue:
        keep = cue.str.contains(lab.evidence_cue, regex=True)
        rows, cue = rows[keep], cue[keep]
    if target:
        t = target.removesuffix(":all")
        tg = rows["target"].fillna("").astype(str)
        hit = (tg == t) | tg.str.startswith(t + ".") | tg.str.startswith(t + ":")
        if not hit.any():
            hit = cue.str.contains(rf"(?:^|; ){re.escape(target)}(?:;|$)|\({re.escape(target)}\)", regex=True)
        rows = rows[hit]
    return rows


def _sample(rows: pd.DataFrame) -> pd.DataFrame:
    """At most PER_ARTICLE rows per article and PER_OUTLET per outlet, in article and sentence order."""
    rows = rows.sort_values(["article_id", "sentence_index", "start"], kind="stable")
    rows = rows[rows.groupby("article_id").cumcount() < PER_ARTICLE]
    return rows.head(PER_OUTLET)


def sentence_texts(rows: pd.DataFrame, sentences: pd.DataFrame | None) -> list[str]:
    """The ``text`` of each evidence row; a row whose text is empty (its cue is the whole sentence, so the
    evidence table leaves the sentence to the sentences table) gets the sentence from ``sentences``."""
    texts = [str(t) for t in rows["text"]]
    if sentences is None or sentences.empty or "" not in texts:
        return texts
    wanted = set(zip(rows["article_id"].astype(str), rows["sentence_index"].astype(int), strict=True))
    lookup = {(a, int(i)): str(t) for a, i, t in zip(sentences["article_id"].astype(str), sentences["sentence_index"],
                                                      sentences["text"], strict=True) if (a, int(i)) in wanted}
    return [t or lookup.get((str(a), int(i)), "") for t, a, i in
            zip(texts, rows["article_id"], rows["sentence_index"], strict=True)]


def evidence_page(evidence: pd.DataFrame, articles: pd.DataFrame, family: str, metric: str, target: str,
                  headlines: pd.Series, sentences: pd.DataFrame | None = None) -> str:
    """The HTML page of one metric (× target): a section per outlet with sample sentences (per-sentence
    rows show their sentence from ``sentences``)."""
    lab = metric_label(metric, family)
    rows = evidence_rows(evidence, family, metric, target)
    arts = articles.assign(article_id=articles["article_id"].astype(str), outlet=outlet_labels(articles["outlet"]))
    if "status" in arts.columns:
        arts = arts[arts["status"].astype(str) == "analysed"]
    info = arts.set_index("article_id")
    rows = rows.assign(article_id=rows["article_id"].astype(str))
    rows = rows[rows["article_id"].isin(info.index)]
    rows = rows.assign(outlet=rows["article_id"].map(info["outlet"]))
    parts = [f"<p>{esc(lab.header(target))}: higher = {esc(lab.higher or 'see definition')}. "
             f"{link(definition_href(metric, '../../'), 'Definition')} "
             f"(also in <code>{esc(lab.doc or 'docs/')}</code>). "
             "Sample sentences from the evidence table (at most "
             f"{PER_ARTICLE} per article and {PER_OUTLET} per outlet); every row is in <code>tables/evidence.csv"
             "</code>.</p>"]
    if rows.empty:
        parts.append("<p>No sentence-level evidence rows for this measure: it is computed from counts over the "
                     "whole article (see the detail tables and the methods).</p>")
    for outlet in sorted(arts["outlet"].unique()):
        grp = rows[rows["outlet"] == outlet]
        n_articles = int((arts["outlet"] == outlet).sum())
        parts.append(f'<h2 id="{esc(outlet_anchor(outlet))}">{esc(outlet)}</h2>')
        parts.append(f"<p class=small>{len(grp):,} evidence rows in {grp['article_id'].nunique():,} of "
                     f"{n_articles:,} articles.</p>")
        if grp.empty:
            continue
        table_rows = []
        sample = _sample(grp)
        for r, text in zip(sample.itertuples(index=False), sentence_texts(sample, sentences), strict=True):
            a = info.loc[r.article_id]
            event = str(a.get("event_id", "") or "")
            where = (f"../../{event_path(event)}#{article_anchor(r.article_id)}" if event else "")
            table_rows.append([
                Cell(str(headlines.get(r.article_id, "")), href=where,
                     title=f"{a.get('published', '')} · {r.article_id}"),
                Cell(str(r.sentence_index), sort=int(r.sentence_index)),
                Cell(text), Cell(str(r.cue)), Cell(str(r.article_id), cls="id"),
            ])
        parts.append(html_table(f"ev-{outlet_anchor(outlet)}", ["Article (event view)", "Sentence", "Text", "Cue",
                                                                  "Article id"], table_rows,
                                numeric=[False, True, False, False, False],
                                widths=["20%", "9%", "41%", "18%", "12%"]))
    return page(f"Evidence: {lab.display(target)}", "\n".join(parts), up="../../index.html")


def write_evidence_pages(out_dir: str | Path, evidence: pd.DataFrame, articles: pd.DataFrame,
                         sentences: pd.DataFrame | None, family: str, keys: list[tuple[str, str]]) -> list[Path]:
    """Write the evidence page of each (metric, target) in ``keys``; return the paths."""
    heads = headline_of(articles, sentences)
    out = []
    for metric, target in keys:
        path = Path(out_dir) / evidence_path(family, metric, target)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(evidence_page(evidence, articles, family, metric, target, heads, sentences),
                        encoding="utf-8")
        out.append(path)
    return out

