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
* ``keyness`` — term counts, G², log ratio (and an article-level p only when texts are replicated), the
  top terms of each side per contrast: over the corpus (``scope`` ``pooled``) each outlet against all
  others and selected outlet pairs, and the outlet pairs of each event when there are few events or one
  was asked for (:func:`keyness_blocks`; terms counted once per article,
  :func:`analysis.compare.terms.count_terms`);
* ``stats`` — per-outlet description, omnibus test, each outlet against the rest and selected outlet pairs
  per metric: difference, 95% bootstrap CI, Hedges' g, Cliff's δ, one BH correction per scope, pooled
  (paired within events where outlets share events) and per event
  (:func:`analysis.compare.stats.pooled_and_per_event`, :mod:`analysis.compare.contrasts`).

* ``events`` — which event each analysed article was compared in, and how (``method``): the given
  ``event_id``, one corpus-wide event ``all``, or an event proposed by
  :func:`analysis.compare.events.group_events`.

Pairwise work never crosses events, so cost grows linearly with the number of events; the per-event tables come
from :func:`compare_event`, a pure function of a batch of whole events (to map over batches on a cluster). The pooled
keyness and statistics grow with the number of outlets, not of outlet pairs. Articles without an event id form
one event ``all``; when there are more than ``max_all`` (:data:`MAX_ALL_EVENT`, 200) of them, all-pairs work
over them would grow with the square of the corpus, so they are grouped automatically with
:func:`analysis.compare.events.group_events` (date window + shared text) and the ``events`` table says so for
each article. Asking for ``event="all"`` explicitly compares them as one event regardless.
:func:`write_comparison` writes every table as CSV and Parquet, the keyness rows as they are produced.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from ..tables import AnalysisTables, TableWriter, write_frame
from .align import align_sentences, unique_sentences
from .blas import one_blas_thread
from .claims import CLAIM_COMPARE_COLUMNS, compare_claims
from .contrasts import MAX_PAIR_OUTLETS, MIN_ARTICLES, named_pairs, select_pairs
from .events import ALL_EVENT, assign_events, group_events
from .keyness import KEYNESS_COLUMNS, contrast_keyness
from .reuse import near_duplicates, reuse_table, shared_passages
from .stats import MAX_EVENT_BLOCKS, N_BOOT, SEED, pooled_and_per_event
from .terms import TermCounts, TermOptions, count_terms, load_stopwords

COMPARISON_TABLES = ("events", "reuse", "passages", "near_duplicates", "alignment", "unique_sentences", "claims",
                     "keyness", "stats")
EVENT_TABLES = ("reuse", "passages", "alignment", "unique_sentences", "claims")  # made per event
EVENTS_COLUMNS = ["event_id", "article_id", "outlet", "given_event_id", "method"]
AUTO_PREFIX = "auto-"  # event ids given by group_events
MAX_ALL_EVENT = 200  # articles without an event id compared all-pairs as one event; above: grouped automatically
KEYNESS_TABLE_COLUMNS = ["scope", "outlet_a", "outlet_b", *KEYNESS_COLUMNS, "contrast", "side", "rank"]
KEYNESS_KINDS = {"scope": "str", "outlet_a": "str", "outlet_b": "str", "term": "str", "count_a": "int",
                 "count_b": "int", "total_a": "int", "total_b": "int", "g2": "float", "log_ratio": "float",
                 "p_value": "float", "p_adjusted": "float", "n_articles_a": "int", "n_articles_b": "int",
                 "note": "str", "contrast": "str", "side": "str", "rank": "int"}
TOP_TERMS = 30  # keyness rows per side of each contrast
REST = "(all other outlets)"
POOLED = "pooled"
FORMATS = ("csv", "parquet")


@dataclass(frozen=True)
class CompareSettings:
    """Settings of one comparison (docs/comparison.md and docs/statistics.md say what each does).

    Keyness: ``min_freq``, ``stopwords``, ``terms`` (what is left out), ``keyness_top`` terms per side,
    ``keyness_full`` (also every term, as ``keyness_full.parquet``). Statistics: ``n_boot`` resamples (at most,
    for permutation tests), ``seed``, ``min_articles`` per tested outlet, ``contrasts`` (named outlet
    pairs ``"A:B"``), ``per_event`` blocks (None: only with at most 20 events). Events: ``max_all``.
    """

    min_freq: int = 3
    stopwords: bool | str | frozenset[str] = True
    terms: TermOptions = field(default_factory=TermOptions)
    keyness_top: int = TOP_TERMS
    keyness_full: bool = False
    n_boot: int = N_BOOT
    seed: int = SEED
    min_articles: int = MIN_ARTICLES
    contrasts: tuple[str, ...] = ()
    per_event: bool | None = None
    max_all: int = MAX_ALL_EVENT


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


def _per_event(settings: CompareSettings, n_events: int) -> bool:
    return bool(settings.per_event) or (settings.per_event is None and n_events <= MAX_EVENT_BLOCKS)


def keyness_contrasts(arts: pd.DataFrame, event: str | None, settings: CompareSettings
                      ) -> Iterator[tuple[str, str, str, str, list[str], list[str]]]:
    """``(scope, contrast, outlet_a, outlet_b, ids_a, ids_b)`` of every keyness contrast, in output order.

    Pooled (``event`` None): each outlet against all other articles (``outlet_vs_rest``; with at least 3
    outlets) and the outlet pairs of :func:`analysis.compare.contrasts.select_pairs` (all pairs up to 12
    outlets, else pairs of outlets with ``min_articles`` articles, up to 12, plus named pairs). Per event
    (the asked-for event, or every event when :func:`_per_event`): the outlet pairs of the event.
    """
    named = named_pairs(settings.contrasts)
    scopes: list[tuple[str, pd.DataFrame]] = []
    if event is None:
        scopes.append((POOLED, arts))
        ids = sorted(arts["event_id"].unique())
        if _per_event(settings, len(ids)):
            scopes.extend((str(e), g) for e, g in arts.groupby("event_id", sort=True))
    else:
        scopes.extend((str(e), g) for e, g in arts.groupby("event_id", sort=True))
    for scope, group in scopes:
        members = {str(o): sorted(g["article_id"]) for o, g in group.groupby("outlet", sort=True)}
        names = sorted(members)
        if scope == POOLED and len(names) >= 3:
            everyone = sorted(set(group["article_id"].tolist()))  # once, not once per outlet
            for o in names:
                own = set(members[o])
                yield scope, "outlet_vs_rest", o, REST, members[o], [a for a in everyone if a not in own]
        tested = [o for o in names if len(members[o]) >= settings.min_articles]
        for oa, ob in select_pairs(names, tested, named, MAX_PAIR_OUTLETS):
            yield scope, "pair", oa, ob, members[oa], members[ob]


def keyness_blocks(sentences: pd.DataFrame, articles: pd.DataFrame, event: str | None = None,
                   settings: CompareSettings | None = None, counts: TermCounts | None = None,
                   top: int | None = -1) -> Iterator[pd.DataFrame]:
    """Keyness tables, one per contrast (:func:`keyness_contrasts`) as it is computed: columns
    :data:`KEYNESS_TABLE_COLUMNS`, the ``settings.keyness_top`` terms of each side (``top=None``: every term,
    p-values still only for the top ones). Terms are counted once for all contrasts
    (:func:`analysis.compare.terms.count_terms`, or ``counts`` given)."""
    s = settings or CompareSettings()
    arts = event_articles(articles, event)
    opts = replace(s.terms, stopwords=load_stopwords(s.stopwords))
    tc = counts if counts is not None else count_terms(sentences, arts, opts)
    position = {a: i for i, a in enumerate(tc.article_ids)}
    n = len(tc.article_ids)
    keep = s.keyness_top if top == -1 else top
    named = named_pairs(s.contrasts)
    for scope, contrast, oa, ob, ids_a, ids_b in keyness_contrasts(arts, event, s):
        in_a, in_b = _mask(ids_a, position, n), _mask(ids_b, position, n)
        k = contrast_keyness(tc, in_a, in_b, min_freq=s.min_freq, top=keep, test_top=s.keyness_top,
                             n_perm=s.n_boot, seed=s.seed, key=("keyness", scope, oa, ob),
                             min_articles=2 if (oa, ob) in named else s.min_articles)
        if not k.empty:
            yield k.assign(scope=scope, outlet_a=oa, outlet_b=ob, contrast=contrast).loc[:, KEYNESS_TABLE_COLUMNS]


def _mask(ids: list[str], position: dict[str, int], n: int) -> np.ndarray:
    m = np.zeros(n, dtype=bool)
    m[[position[a] for a in ids if a in position]] = True
    return m


def keyness_table(sentences: pd.DataFrame, articles: pd.DataFrame, event: str | None = None, min_freq: int = 3,
                  stopwords: bool | str | Iterable[str] = True, seed: int = SEED,
                  settings: CompareSettings | None = None) -> pd.DataFrame:
    """Every block of :func:`keyness_blocks` in one table (``min_freq``, ``stopwords`` and ``seed`` override
    ``settings``)."""
    s = replace(settings or CompareSettings(), min_freq=min_freq, seed=seed,
                stopwords=stopwords if isinstance(stopwords, (bool, str)) else frozenset(stopwords))
    blocks = list(keyness_blocks(sentences, articles, event, s))
    if not blocks:
        return _typed_keyness(pd.DataFrame(columns=KEYNESS_TABLE_COLUMNS))
    return _typed_keyness(pd.concat(blocks, ignore_index=True))


def _typed_keyness(df: pd.DataFrame) -> pd.DataFrame:
    kinds = {"str": object, "int": "int64", "float": "float64"}
    return df.astype({c: kinds[k] for c, k in KEYNESS_KINDS.items()})


def stats_table(metrics: pd.DataFrame, articles: pd.DataFrame, event: str | None = None, n_boot: int = N_BOOT,
                seed: int = SEED, settings: CompareSettings | None = None) -> pd.DataFrame:
    """Outlet statistics: ``scope`` = ``"pooled"`` (paired within the given event ids where outlets share
    events, else independent) plus one block per given event (:func:`_per_event`); ``event`` given: only that
    event. ``settings`` gives the minimum articles, named contrasts and per-event choice."""
    s = settings or CompareSettings()
    arts = event_articles(articles, event)
    kw = {"n_boot": n_boot, "seed": seed, "min_articles": s.min_articles, "contrasts": s.contrasts}
    if event is None:
        n_events = arts.loc[arts["given_event_id"] != "", "given_event_id"].nunique()
        return pooled_and_per_event(metrics, arts.assign(event_id=arts["given_event_id"]),
                                    per_event=_per_event(s, n_events), **kw)
    return pooled_and_per_event(metrics, arts, event=str(event), **kw)


def _in_event(df: pd.DataFrame, event: str | None) -> pd.DataFrame:
    if event is None or "event_id" not in df.columns:
        return df.reset_index(drop=True)
    return df[df["event_id"].astype(str) == str(event)].reset_index(drop=True)


def compare_event(articles: pd.DataFrame, sentences: pd.DataFrame, claims: pd.DataFrame | None = None
                  ) -> dict[str, pd.DataFrame]:
    """The same-event tables (:data:`EVENT_TABLES`: reuse, passages, alignment, unique sentences, claims) of the
    events in ``articles`` (analysed articles with ``event_id``), from their sentences and claim records.

    Each table is worked event by event inside (pairs never cross events), so the tables of several events at
    once equal the concatenation, in event order, of the tables of each event: a pure function of its
    arguments that can be mapped over batches of events (:func:`event_batches`; e.g. on Dask workers).
    """
    alignment = align_sentences(articles, sentences)
    if claims is not None and not claims.empty:
        claim_rows = compare_claims(claims, articles)
    else:
        claim_rows = pd.DataFrame({c: pd.Series(dtype=object) for c in CLAIM_COMPARE_COLUMNS})
    return {
        "reuse": reuse_table(articles, sentences),
        "passages": shared_passages(articles, sentences),
        "alignment": alignment,
        "unique_sentences": unique_sentences(alignment, sentences, articles),
        "claims": claim_rows,
    }


EVENT_BATCH_ARTICLES = 2000
"""Articles per :func:`compare_event` call: whole events packed in event order. One call per event cost more
in pandas' per-call overhead than in comparing (2–3-article events); a batch keeps memory bounded."""


def event_batches(base: pd.DataFrame, sentences: pd.DataFrame, claims: pd.DataFrame | None,
                  size: int | None = None
                  ) -> Iterator[tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame | None]]:
    """``(articles, sentences, claims)`` of consecutive whole events (in event order) with at least two
    articles each (one article has nothing to compare), about ``size`` (default :data:`EVENT_BATCH_ARTICLES`)
    articles a batch; one pass each."""
    size = EVENT_BATCH_ARTICLES if size is None else size
    events = base["event_id"].astype(str)
    counts = events.value_counts()
    multi = counts[counts >= 2].sort_index()
    if multi.empty:
        return
    batch_of = dict(zip(multi.index, (multi.cumsum().to_numpy() - 1) // max(1, size), strict=True))
    article_batch = events.map(batch_of)
    keep = article_batch.notna()
    event_of = dict(zip(base["article_id"].astype(str)[keep], article_batch[keep].astype(int), strict=True))
    sents = dict(iter(sentences.groupby(sentences["article_id"].astype(str).map(event_of), sort=False)))
    claim_parts: dict[int, pd.DataFrame] = {}
    if claims is not None and not claims.empty:
        claim_parts = dict(iter(claims.groupby(claims["article_id"].astype(str).map(event_of), sort=False)))
    for b, group in base[keep].groupby(article_batch[keep].astype(int), sort=True):
        yield (group, sents.get(b, sentences.iloc[0:0]),
               claim_parts.get(b, claims.iloc[0:0] if claims is not None else None))


BatchMapper = Callable[[Iterable[tuple[pd.DataFrame, pd.DataFrame, "pd.DataFrame | None"]]],
                       Iterable[dict[str, pd.DataFrame]]]
"""Maps :func:`compare_event` over an iterable of batches and yields the results in order (e.g. on Dask workers:
:func:`analysis.cluster.event_mapper`)."""


def event_tables(base: pd.DataFrame, sentences: pd.DataFrame, claims: pd.DataFrame | None,
                 mapper: BatchMapper | None = None) -> dict[str, pd.DataFrame]:
    """:func:`compare_event` mapped over batches of whole events of ``base``, concatenated in event order.

    ``mapper``: where the batches are compared (default: here, one batch at a time)."""
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in EVENT_TABLES}
    batches = event_batches(base, sentences, claims)
    results = mapper(batches) if mapper is not None else (compare_event(*b) for b in batches)
    for result in results:
        for name, df in result.items():
            if not df.empty:
                parts[name].append(df)
    empty = compare_event(base.iloc[0:0], sentences.iloc[0:0], None) if not all(parts.values()) else {}
    return {name: pd.concat(frames, ignore_index=True) if len(frames) > 1 else
            frames[0].reset_index(drop=True) if frames else empty[name] for name, frames in parts.items()}


def compare_tables(tables: AnalysisTables, event: str | None = None, *, min_freq: int | None = None,
                   stopwords: bool | str | Iterable[str] | None = None, n_boot: int | None = None,
                   seed: int | None = None, max_all: int | None = None, settings: CompareSettings | None = None,
                   keyness: bool = True, mapper: BatchMapper | None = None) -> dict[str, pd.DataFrame]:
    """Every comparison table of one analysis, keyed by name (see the module docstring).

    ``event``: compare only that event (an ``event_id``, or ``"all"`` for articles without one); None or
    ``""`` = every event, plus the pooled keyness and statistics. ``settings`` (:class:`CompareSettings`)
    holds every option; ``min_freq``, ``stopwords``, ``n_boot``, ``seed`` and ``max_all`` override it. More
    than ``max_all`` articles without an event id are grouped automatically (module docstring; ``events``
    table). The statistics pair within the *given* event ids only. ``keyness=False`` leaves the keyness table
    out (:func:`write_comparison` streams it). ``mapper``: where the per-event batches are compared
    (:func:`event_tables`). Deterministic.
    """
    with one_blas_thread():  # analysis.compare.blas: the statistics' matrix products cost less CPU on one thread
        return _compare_tables(tables, event, mapper, keyness, _settings(
            settings, min_freq=min_freq, stopwords=stopwords, n_boot=n_boot, seed=seed, max_all=max_all))


def _compare_tables(tables: AnalysisTables, event: str | None, mapper: BatchMapper | None, keyness: bool,
                    s: CompareSettings) -> dict[str, pd.DataFrame]:
    event = str(event) if event else None
    sentences = tables.sentences
    # every analysed article with its event; grouping only when it can matter (all events, or an auto- event)
    grouping = event is None or event.startswith(AUTO_PREFIX)
    resolved = resolve_events(tables.articles, sentences, None, max_all=s.max_all if grouping else math.inf)
    arts = resolved if event is None else resolved[resolved["event_id"] == event]
    events = arts.loc[:, EVENTS_COLUMNS].sort_values(["event_id", "outlet", "article_id"], kind="stable")
    base = arts.loc[:, [c for c in arts.columns if c not in ("given_event_id", "method")]]
    per_event = event_tables(base, sentences, tables.records.get("claims"), mapper)
    out = {
        "events": events.reset_index(drop=True),
        "reuse": per_event["reuse"],
        "passages": per_event["passages"],
        "near_duplicates": _near_duplicates(resolved, sentences, event),  # corpus-wide: every article
        "alignment": per_event["alignment"],
        "unique_sentences": per_event["unique_sentences"],
        "claims": per_event["claims"],
    }
    if keyness:
        out["keyness"] = keyness_table(sentences, base, event, s.min_freq, s.stopwords, s.seed, settings=s)
    out["stats"] = stats_table(tables.metrics, tables.articles, event, n_boot=s.n_boot, seed=s.seed, settings=s)
    return out


def _settings(settings: CompareSettings | None, **overrides: object) -> CompareSettings:
    s = settings or CompareSettings()
    given = {k: v for k, v in overrides.items() if v is not None}
    if "stopwords" in given and not isinstance(given["stopwords"], (bool, str)):
        given["stopwords"] = frozenset(given["stopwords"])  # type: ignore[arg-type]
    return replace(s, **given)  # type: ignore[arg-type]


def _near_duplicates(articles: pd.DataFrame, sentences: pd.DataFrame, event: str | None) -> pd.DataFrame:
    """Corpus-wide near-duplicate pairs (wire copy across events too); with ``event``, pairs touching it."""
    pairs = near_duplicates(articles, sentences)
    if event is None:
        return pairs
    return pairs[(pairs["event_a"] == event) | (pairs["event_b"] == event)].reset_index(drop=True)


def write_comparison(tables: AnalysisTables, out_dir: str | Path, event: str | None = None,
                     formats: Iterable[str] = FORMATS, settings: CompareSettings | None = None,
                     mapper: BatchMapper | None = None) -> dict[str, Path]:
    """Write every table of :func:`compare_tables` to ``out_dir`` as ``NAME.csv`` and ``NAME.parquet``.

    Returns ``{"NAME.csv": path, "NAME.parquet": path, …}`` in table order. CSV floats are written with
    17 significant digits (exact round trip); NaN is an empty cell, its reason in the ``note`` column.
    Keyness rows are written as each contrast is computed (bounded memory); with
    ``settings.keyness_full`` every term of every contrast also goes to ``keyness_full.parquet``.
    """
    s = settings or CompareSettings()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    formats = list(formats)
    paths: dict[str, Path] = {}
    computed = compare_tables(tables, event, settings=s, keyness=False, mapper=mapper)
    for name in COMPARISON_TABLES:
        if name == "keyness":
            paths.update(_write_keyness(tables, computed["events"], out, event, formats, s))
            continue
        for fmt in formats:
            path = out / f"{name}.{fmt}"
            write_frame(_portable(computed[name]), path)
            paths[path.name] = path
    return paths


def _write_keyness(tables: AnalysisTables, events: pd.DataFrame, out: Path, event: str | None,
                   formats: list[str], s: CompareSettings) -> dict[str, Path]:
    base = events.rename(columns={}).assign(status="analysed").drop(columns=["given_event_id", "method"])
    writers = {fmt: TableWriter(out / f"keyness.{fmt}", KEYNESS_TABLE_COLUMNS, kinds=KEYNESS_KINDS)
               for fmt in formats}
    full = (TableWriter(out / "keyness_full.parquet", KEYNESS_TABLE_COLUMNS, kinds=KEYNESS_KINDS)
            if s.keyness_full else None)
    try:
        for block in keyness_blocks(tables.sentences, base, event, s, top=None if full else -1):
            if full is not None:
                full.write(block.itertuples(index=False, name=None))
                block = block[block["rank"] <= s.keyness_top]
            for w in writers.values():
                w.write(block.itertuples(index=False, name=None))
    finally:
        for w in [*writers.values(), *([full] if full else [])]:
            w.close()
    paths = {w.path.name: w.path for w in writers.values()}
    if full is not None:
        paths[full.path.name] = full.path
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
