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


def sentence_texts(rows: pd.DataFrame, sentences: pd.DataFrame | pd.Series | None) -> list[str]:
    """The ``text`` of each evidence row; a row whose text is empty (its cue is the whole sentence, so the
    evidence table leaves the sentence to the sentences table) gets the sentence from ``sentences`` (the
    sentences table, or its ``text`` indexed by article id and sentence index: :func:`sentence_index`)."""
    texts = [str(t) for t in rows["text"]]
    if sentences is None or sentences.empty or "" not in texts:
        return texts
    indexed = sentences if isinstance(sentences, pd.Series) else sentence_index(sentences)
    keys = list(zip(rows["article_id"].astype(str), rows["sentence_index"].astype(int), strict=True))
    found = indexed.reindex(pd.MultiIndex.from_tuples(keys)).fillna("").astype(str).tolist()
    return [t or f for t, f in zip(texts, found, strict=True)]


def sentence_index(sentences: pd.DataFrame) -> pd.Series:
    """Sentence text indexed by (article id as text, sentence index), first row of each key kept."""
    idx = pd.MultiIndex.from_arrays([sentences["article_id"].astype(str).to_numpy(),
                                     sentences["sentence_index"].astype(int).to_numpy()])
    text = pd.Series(sentences["text"].to_numpy(), index=idx)
    return text[~text.index.duplicated()]


class _Corpus:
    """What every evidence page of a report shares, prepared once: analysed articles with outlet labels and
    their counts per outlet, the sentence lookup, headlines."""

    def __init__(self, articles: pd.DataFrame, sentences: pd.DataFrame | None, headlines: pd.Series) -> None:
        arts = articles.assign(article_id=articles["article_id"].astype(str), outlet=outlet_labels(articles["outlet"]))
        if "status" in arts.columns:
            arts = arts[arts["status"].astype(str) == "analysed"]
        self.info = arts.set_index("article_id")
        self.info = self.info[~self.info.index.duplicated()]
        self.outlets = sorted(arts["outlet"].unique())
        self.n_articles = arts["outlet"].value_counts().to_dict()
        self.sentences = sentence_index(sentences) if sentences is not None and not sentences.empty else None
        self.headlines = headlines


def evidence_page(evidence: pd.DataFrame, articles: pd.DataFrame, family: str, metric: str, target: str,
                  headlines: pd.Series, sentences: pd.DataFrame | None = None) -> str:
    """The HTML page of one metric (× target): a section per outlet with sample sentences (per-sentence
    rows show their sentence from ``sentences``)."""
    return _page(evidence, _Corpus(articles, sentences, headlines), family, metric, target)


def _page(evidence: pd.DataFrame, corpus: _Corpus, family: str, metric: str, target: str) -> str:
    lab = metric_label(metric, family)
    info = corpus.info
    rows = evidence_rows(evidence, family, metric, target)
    rows = rows.assign(article_id=rows["article_id"].astype(str))
    rows = rows[rows["article_id"].isin(info.index)]
    rows = rows.assign(outlet=rows["article_id"].map(info["outlet"]))
    by_outlet = {str(k): g for k, g in rows.groupby("outlet", sort=False)} if not rows.empty else {}
    parts = [f"<p>{esc(lab.header(target))}: higher = {esc(lab.higher or 'see definition')}. "
             f"{link(definition_href(metric, '../../'), 'Definition')} "
             f"(also in <code>{esc(lab.doc or 'docs/')}</code>). "
             "Sample sentences from the evidence table (at most "
             f"{PER_ARTICLE} per article and {PER_OUTLET} per outlet); every row is in <code>tables/evidence.csv"
             "</code>.</p>"]
    if rows.empty:
        parts.append("<p>No sentence-level evidence rows for this measure: it is computed from counts over the "
                     "whole article (see the detail tables and the methods).</p>")
    for outlet in corpus.outlets:
        grp = by_outlet.get(str(outlet), rows.iloc[0:0])
        n_articles = int(corpus.n_articles.get(outlet, 0))
        parts.append(f'<h2 id="{esc(outlet_anchor(outlet))}">{esc(outlet)}</h2>')
        parts.append(f"<p class=small>{len(grp):,} evidence rows in {grp['article_id'].nunique():,} of "
                     f"{n_articles:,} articles.</p>")
        if grp.empty:
            continue
        table_rows = []
        sample = _sample(grp)
        for r, text in zip(sample.itertuples(index=False), sentence_texts(sample, corpus.sentences), strict=True):
            a = info.loc[r.article_id]
            event = str(a.get("event_id", "") or "")
            where = (f"../../{event_path(event)}#{article_anchor(r.article_id)}" if event else "")
            table_rows.append([
                Cell(str(corpus.headlines.get(r.article_id, "")), href=where,
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
    """Write the evidence page of each (metric, target) in ``keys``; return the paths. The articles, the
    sentence lookup and the family's evidence rows are prepared once for all pages."""
    corpus = _Corpus(articles, sentences, headline_of(articles, sentences))
    own = evidence[evidence["family"].astype(str) == family]
    out = []
    for metric, target in keys:
        path = Path(out_dir) / evidence_path(family, metric, target)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_page(own, corpus, family, metric, target), encoding="utf-8")
        out.append(path)
    return out
