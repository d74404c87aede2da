"""Same-event comparison of a whole analysis: the tables behind ``mediacompare compare``.

:func:`compare_tables` turns the tidy tables of one analysis into comparison tables:

* ``reuse`` — containment of word 5-grams both ways for each article pair of an event (Nicholls 2019;
  :func:`analysis.compare.reuse.reuse_table`);
* ``passages`` — the text each pair shares (:func:`analysis.compare.reuse.shared_passages`);
* ``near_duplicates`` — corpus-wide pairs, across events too, whose 5-gram containment is at least 0.8
  both ways: wire copy or republished text (:func:`analysis.compare.reuse.near_duplicates`);
* ``alignment`` — each sentence of an article against each article of another outlet in its event:
  the matched sentence, label (verbatim / paraphrase / unique) and score
  (:func:`analysis.compare.align.align_sentences`);
* ``unique_sentences`` — sentences an outlet has that another outlet's article lacks, with position
  (:func:`analysis.compare.align.unique_sentences`);
* ``claims`` — numeric claims about the same referent, each outlet's value and attribution, label
  same / different / only_in_one (:func:`analysis.compare.claims.compare_claims`);
* ``keyness`` — term counts, G², log ratio (and a text-level p only when texts are replicated) for
  every pair of outlets within each event, plus a ``pooled`` scope over the corpus
  (:func:`analysis.compare.keyness.keyness`);
* ``stats`` — per-article metric differences between outlets: difference, 95% bootstrap CI, Hedges' g,
  Cliff's δ, BH-adjusted p, n and design, pooled (paired within events where outlets share events) and
  per event (:func:`analysis.compare.stats.pooled_and_per_event`).

* ``events`` — which event each analysed article was compared in, and how (``method``): the given
  ``event_id``, one corpus-wide event ``all``, or an event proposed by
  :func:`analysis.compare.events.group_events`.

Pairwise work never crosses events, so cost grows linearly with the number of events (the pooled
keyness and statistics are one pass per outlet pair). Articles without an event id form one event
``all``; when there are more than ``max_all`` (:data:`MAX_ALL_EVENT`, 200) of them, all-pairs work over
them would grow with the square of the corpus, so they are grouped automatically with
:func:`analysis.compare.events.group_events` (date window + shared text) and the ``events`` table says
so for each article. Asking for ``event="all"`` explicitly compares them as one event regardless.
:func:`write_comparison` writes every table as CSV and Parquet.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

import pandas as pd

from ..tables import AnalysisTables, write_frame
from .align import align_sentences, unique_sentences
from .claims import CLAIM_COMPARE_COLUMNS, compare_claims
from .events import ALL_EVENT, assign_events, group_events
from .keyness import KEYNESS_COLUMNS, keyness
from .reuse import near_duplicates, reuse_table, shared_passages
from .stats import N_BOOT, SEED, pooled_and_per_event

COMPARISON_TABLES = ("events", "reuse", "passages", "near_duplicates", "alignment", "unique_sentences", "claims",
                     "keyness", "stats")
EVENTS_COLUMNS = ["event_id", "article_id", "outlet", "given_event_id", "method"]
AUTO_PREFIX = "auto-"  # event ids given by group_events
MAX_ALL_EVENT = 200  # articles without an event id compared all-pairs as one event; above: grouped automatically
KEYNESS_TABLE_COLUMNS = ["scope", "outlet_a", "outlet_b", *KEYNESS_COLUMNS]
POOLED = "pooled"
FORMATS = ("csv", "parquet")


def analysed(articles: pd.DataFrame) -> pd.DataFrame:
    """Analysed articles (all rows when there is no status column) with string ids and outlets."""
    arts = articles
    if "status" in arts.columns:
        arts = arts[arts["status"].astype("string").fillna("") == "analysed"]
    return arts.assign(article_id=arts["article_id"].astype(str),
                       outlet=arts["outlet"].astype("string").fillna("").astype(str))


def event_articles(articles: pd.DataFrame, event: str | None) -> pd.DataFrame:
    """The analysed articles of ``event`` (all when None), with the event every comparison uses
    (:func:`analysis.compare.events.assign_events`: the given id, or ``"all"`` when missing) in
    ``event_id`` and the id as given in ``given_event_id``."""
    arts = analysed(articles)
    given = (arts["event_id"].astype("string").fillna("").str.strip() if "event_id" in arts.columns
             else pd.Series("", index=arts.index, dtype="string"))
    arts = arts.assign(given_event_id=given.astype(str), event_id=assign_events(arts).astype(str))
    return arts if event is None else arts[arts["event_id"] == str(event)]


def resolve_events(articles: pd.DataFrame, sentences: pd.DataFrame, event: str | None = None,
                   max_all: float = MAX_ALL_EVENT) -> pd.DataFrame:
    """The analysed articles of :func:`event_articles` (all events) with ``method`` saying how each got its event.

    ``method``: ``"given"``; ``"no event id: one event 'all'"`` while at most ``max_all`` articles lack an id;
    above that (and unless ``event == "all"`` was asked for) those articles are grouped with
    :func:`analysis.compare.events.group_events` (their ``event_id`` becomes ``auto-NNN`` and ``method``
    reads ``"grouped automatically: N articles without event id (more than 200); "`` followed by
    group_events' own method). Then filtered to ``event`` when given.
    """
    arts = event_articles(articles, None)
    missing = arts["given_event_id"] == ""
    method = pd.Series("given", index=arts.index, dtype=object)
    method[missing] = f"no event id: one event '{ALL_EVENT}'"
    n_missing = int(missing.sum())
    if n_missing > max_all and event != ALL_EVENT:
        grouped = group_events(arts.loc[missing].assign(event_id=""), sentences).set_index("article_id")
        ids = arts.loc[missing, "article_id"]
        arts.loc[missing, "event_id"] = ids.map(grouped["event_id"]).astype(str).to_numpy()
        why = f"grouped automatically: {n_missing} articles without event id (more than {max_all}); "
        method[missing] = [why + str(m) for m in ids.map(grouped["method"])]
    arts = arts.assign(method=method.astype(str))
    return arts if event is None else arts[arts["event_id"] == str(event)]


def event_summary(articles: pd.DataFrame, event: str | None = None) -> pd.DataFrame:
    """One row per event: ``event_id, n_articles, n_outlets, outlets`` ("; "-joined, sorted) of the analysed
    articles; events with a single outlet cannot be compared across outlets."""
    arts = event_articles(articles, event)
    rows = [[str(e), len(g), g["outlet"].nunique(), "; ".join(sorted(g["outlet"].unique()))]
            for e, g in arts.groupby("event_id", sort=True)]
    return pd.DataFrame(rows, columns=["event_id", "n_articles", "n_outlets", "outlets"])


def keyness_table(sentences: pd.DataFrame, articles: pd.DataFrame, event: str | None = None, min_freq: int = 3,
                  stopwords: bool | str | Iterable[str] = True, seed: int = SEED) -> pd.DataFrame:
    """Keyness for every pair of outlets within each event (``scope`` = event id) and, when ``event`` is
    None, over the whole corpus (``scope`` = ``"pooled"``); ``outlet_a`` before ``outlet_b`` in name order.

    Columns: ``scope, outlet_a, outlet_b`` + :data:`analysis.compare.keyness.KEYNESS_COLUMNS`.
    """
    arts = event_articles(articles, event)
    ids = set(arts["article_id"])
    sents = sentences[sentences["article_id"].astype(str).isin(ids)]
    if "sentence_index" in sents.columns:
        sents = sents[sents["sentence_index"] >= 0]  # headline rows (if any) are not body text
    event_of = dict(zip(arts["article_id"], arts["event_id"], strict=True))
    by_event = {str(e): g for e, g in sents.groupby(sents["article_id"].astype(str).map(event_of), sort=True)}
    blocks: list[pd.DataFrame] = []
    scopes: list[tuple[str, pd.DataFrame, pd.DataFrame]] = []
    if event is None:
        scopes.append((POOLED, arts, sents))
    for e, group in arts.groupby("event_id", sort=True):
        scopes.append((str(e), group, by_event.get(str(e), sents.iloc[0:0])))
    for scope, group, s in scopes:
        for oa, ob in combinations(sorted(group["outlet"].unique()), 2):
            k = keyness(s, group, oa, ob, min_freq=min_freq, stopwords=stopwords, seed=seed)
            if not k.empty:
                blocks.append(k.assign(scope=scope, outlet_a=oa, outlet_b=ob))
    if not blocks:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in KEYNESS_TABLE_COLUMNS})
    return pd.concat(blocks, ignore_index=True).loc[:, KEYNESS_TABLE_COLUMNS]


def stats_table(metrics: pd.DataFrame, articles: pd.DataFrame, event: str | None = None, n_boot: int = N_BOOT,
                seed: int = SEED) -> pd.DataFrame:
    """Outlet statistics: ``scope`` = ``"pooled"`` (paired within the given event ids where outlets share
    events, else independent) plus one block per given event; ``event`` given: only that event."""
    arts = event_articles(articles, event)
    if event is None:
        return pooled_and_per_event(metrics, arts.assign(event_id=arts["given_event_id"]), n_boot=n_boot, seed=seed)
    return pooled_and_per_event(metrics, arts, event=str(event), n_boot=n_boot, seed=seed)


def _in_event(df: pd.DataFrame, event: str | None) -> pd.DataFrame:
    if event is None or "event_id" not in df.columns:
        return df.reset_index(drop=True)
    return df[df["event_id"].astype(str) == str(event)].reset_index(drop=True)


def compare_tables(tables: AnalysisTables, event: str | None = None, *, min_freq: int = 3,
                   stopwords: bool | str | Iterable[str] = True, n_boot: int = N_BOOT,
                   seed: int = SEED, max_all: int = MAX_ALL_EVENT) -> dict[str, pd.DataFrame]:
    """Every comparison table of one analysis, keyed by name (see the module docstring).

    ``event``: compare only that event (an ``event_id``, or ``"all"`` for articles without one); None or
    ``""`` = every event, plus the pooled keyness and statistics. ``min_freq`` and ``stopwords`` go to
    keyness (stop words removed by default), ``n_boot`` and ``seed`` to the statistics. More than ``max_all``
    articles without an event id are grouped automatically (module docstring; ``events`` table). The
    statistics pair within the *given* event ids only. Deterministic.
    """
    event = str(event) if event else None
    sentences = tables.sentences
    # every analysed article with its event; grouping only when it can matter (all events, or an auto- event)
    grouping = event is None or event.startswith(AUTO_PREFIX)
    resolved = resolve_events(tables.articles, sentences, None, max_all=max_all if grouping else math.inf)
    arts = resolved if event is None else resolved[resolved["event_id"] == event]
    events = arts.loc[:, EVENTS_COLUMNS].sort_values(["event_id", "outlet", "article_id"], kind="stable")
    base = arts.loc[:, [c for c in arts.columns if c not in ("given_event_id", "method")]]
    alignment = align_sentences(base, sentences)
    claims_records = tables.records.get("claims")
    if claims_records is not None and not claims_records.empty:
        claims = compare_claims(claims_records, base)
    else:
        claims = pd.DataFrame({c: pd.Series(dtype=object) for c in CLAIM_COMPARE_COLUMNS})
    return {
        "events": events.reset_index(drop=True),
        "reuse": _in_event(reuse_table(base, sentences), event),
        "passages": _in_event(shared_passages(base, sentences), event),
        "near_duplicates": _near_duplicates(resolved, sentences, event),  # corpus-wide: every article
        "alignment": _in_event(alignment, event),
        "unique_sentences": _in_event(unique_sentences(alignment, sentences, base), event),
        "claims": _in_event(claims, event),
        "keyness": keyness_table(sentences, base, event, min_freq=min_freq, stopwords=stopwords, seed=seed),
        "stats": stats_table(tables.metrics, tables.articles, event, n_boot=n_boot, seed=seed),
    }


def _near_duplicates(articles: pd.DataFrame, sentences: pd.DataFrame, event: str | None) -> pd.DataFrame:
    """Corpus-wide near-duplicate pairs (wire copy across events too); with ``event``, pairs touching it."""
    pairs = near_duplicates(articles, sentences)
    if event is None:
        return pairs
    return pairs[(pairs["event_a"] == event) | (pairs["event_b"] == event)].reset_index(drop=True)


def write_comparison(tables: AnalysisTables, out_dir: str | Path, event: str | None = None,
                     formats: Iterable[str] = FORMATS) -> dict[str, Path]:
    """Write every table of :func:`compare_tables` to ``out_dir`` as ``NAME.csv`` and ``NAME.parquet``.

    Returns ``{"NAME.csv": path, "NAME.parquet": path, …}`` in table order. CSV floats are written with
    17 significant digits (exact round trip); NaN is an empty cell, its reason in the ``note`` column.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, df in compare_tables(tables, event).items():
        for fmt in formats:
            path = out / f"{name}.{fmt}"
            write_frame(_portable(df), path)
            paths[path.name] = path
    return paths


def _portable(df: pd.DataFrame) -> pd.DataFrame:
    """Object columns holding mixed values become strings (Parquet needs one type per column)."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            values = out[col].dropna()
            kinds = {type(v) for v in values}
            if len(kinds) > 1 or (kinds and not kinds <= {str, bool}):
                out[col] = out[col].map(lambda v: v if pd.isna(v) else str(v)).astype("string")
    return out
