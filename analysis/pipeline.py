"""Run the metric families over a corpus, one article at a time (streaming, flat memory).

load -> clean -> parse once -> every family -> one :class:`ArticleResult` per input article.

An article is analysed only when cleaning leaves at least one word and a letter (else status ``no_body``) and its
English share (:mod:`analysis.language`) is at least ``Settings.min_english_share`` (else ``not_english``).
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import load_corpus
from .interrupts import quiet_worker
from .language import NOT_ENGLISH, article_english_share, english_words, not_english_reason
from .metrics import FAMILIES, Evidence, FamilyResult, Measurement, Settings
from .model import Article, MediacompareError, ParsedArticle, Skipped
from .parse import parse_article

if TYPE_CHECKING:
    from .cache import CacheConfig

ANALYSED = "analysed"
ALL_PARTS = frozenset({"metrics", "evidence", "sentences", "records"})  # what an ArticleResult carries


@dataclass
class ArticleResult:
    """Everything the tidy tables need about one input article (analysed or skipped)."""

    article: dict[str, Any]
    families: dict[str, FamilyResult] = field(default_factory=dict)
    sentences: list[dict[str, Any]] = field(default_factory=list)

    def tagged_measurements(self) -> Iterator[tuple[str, Measurement]]:
        """``(family, measurement)`` pairs in family order."""
        for name, out in self.families.items():
            for m in out.measurements:
                yield name, m

    def tagged_evidence(self) -> Iterator[tuple[str, Evidence]]:
        for name, out in self.families.items():
            for e in out.evidence:
                yield name, e

    def records(self, name: str) -> list[dict[str, Any]]:
        """Rows of detail table ``name`` from every family, with article_id and outlet first."""
        return [{"article_id": self.article_id, "outlet": self.outlet, **r}
                for out in self.families.values() for r in out.records.get(name, [])]

    def record_names(self) -> list[str]:
        return sorted({n for out in self.families.values() for n in out.records})

    @property
    def article_id(self) -> str:
        return str(self.article["article_id"])

    @property
    def outlet(self) -> str:
        return str(self.article["outlet"])


def selected_families(settings: Settings) -> list[str]:
    """Family names to run, in registry order; unknown names are an error."""
    if settings.families is None:
        return list(FAMILIES)
    unknown = [f for f in settings.families if f not in FAMILIES]
    if unknown:
        raise MediacompareError(f"unknown metric family {', '.join(unknown)}; choose from {', '.join(FAMILIES)}")
    return [f for f in FAMILIES if f in settings.families]


# the articles table's own integer columns
COUNT_COLUMNS = ("n_paragraphs", "n_sentences", "n_words", "english_words")
FLOAT_COLUMNS = ("english_share",)  # the articles table's own float columns


def article_row(article: Article | Skipped, doc: ParsedArticle | None = None, status: str = ANALYSED,
                reason: str = "") -> dict[str, Any]:
    """The articles-table row: metadata, cleaning results, counts, English share and status."""
    if isinstance(article, Skipped):
        status, reason = article.status, article.reason
    row: dict[str, Any] = {"article_id": article.article_id, "outlet": article.outlet, "title": article.title,
                           "published": article.published, "url": article.url, "event_id": article.event_id,
                           "source": article.source, "status": status, "reason": reason}
    if doc is not None:
        c = doc.cleaned
        row.update({
            "dateline_text": c.dateline.text, "dateline_place": c.dateline.place,
            "dateline_date": c.dateline.date, "dateline_agency": c.dateline.agency,
            "caption": c.caption, "credit": c.credit, "byline": c.byline, "trailer": c.trailer,
            "markup": c.markup, "removed": "; ".join(c.removed),
            "n_paragraphs": doc.n_paragraphs, "n_sentences": doc.n_sentences, "n_words": doc.n_words,
            "english_share": article_english_share(doc), "english_words": english_words(doc),
        })
    for key, value in article.extra:
        row.setdefault(f"meta_{key}" if key in row else key, value)
    return row


def analyse_parsed(doc: ParsedArticle, settings: Settings, families: Iterable[str] | None = None) -> ArticleResult:
    """Run every selected family on one parsed article."""
    result = ArticleResult(article_row(doc.article, doc))
    for name in families if families is not None else selected_families(settings):
        result.families[name] = FAMILIES[name](doc, settings)
    # what the families shared (VADER scores, actors, quotes …) is read by none of them any more: freed before
    # the sentence rows are made, which is when a huge article's memory peaked
    doc.cache.clear()
    result.sentences = [
        {"sentence_index": s.index, "paragraph_index": s.paragraph, "start": s.start, "end": s.end, "text": s.text,
         "tokens": " ".join([t.text for t in s.tokens if t.kind != "punct"])}  # Token.is_word, inlined
        for s in doc.sentences
    ]
    return result


def analyse_record(record: Article | Skipped, settings: Settings, families: list[str],
                   cache: CacheConfig | None = None, keep: frozenset[str] = ALL_PARTS) -> ArticleResult:
    """Analyse one loaded record; skipped inputs and bodies emptied by cleaning become status rows.

    With ``cache``, results stored by an earlier run for the same inputs are reused (:mod:`analysis.cache`);
    a result read from it fills only the parts named in ``keep`` (see :func:`analyse_corpus`).
    """
    if isinstance(record, Skipped):
        return ArticleResult(article_row(record))
    if cache is not None:
        from .cache import cached_analysis

        return cached_analysis(record, settings, families, cache, keep)
    doc = parse_article(record)
    if doc.n_words == 0:
        return ArticleResult(article_row(record, doc, "no_body", "no word left after removing caption, credit, "
                                                                 "byline, dateline and separator lines"))
    if not any(ch.isalpha() for ch in doc.body):  # "12345": numbers and symbols only, no prose to measure
        return ArticleResult(article_row(record, doc, "no_body", "no letter in the body: only numbers and symbols"))
    reason = not_english_reason(doc, settings.min_english_share)  # too short to judge: analysed
    if reason:
        return ArticleResult(article_row(record, doc, NOT_ENGLISH, reason))
    return analyse_parsed(doc, settings, families)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cyclic garbage collector off inside the block (restored after, even on error).

    One article's analysis allocates millions of objects that live until its result is written (tokens,
    mentions, quotes, evidence); each automatic collection of the oldest generation walks all of them, which
    took about a fifth of a huge article's CPU time. Reference counting still frees everything not in a
    cycle as soon as it is dropped; the few cycles an analysis makes are collected after the block.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """The objects alive when a run starts (modules, lexicons, gazetteers, memos) out of the cyclic garbage
    collector's view for the run, and back in its view after (``gc.freeze`` / ``gc.unfreeze``).

    Between articles the collector runs; every so often a full collection walks every object of the process, about
    420,000 after the lexicons are loaded, which cost about 0.2 s each time (3 % of a run's time at the usual rate of
    one per 150 articles). Frozen objects are not walked; nothing is freed later than it would be otherwise except
    cyclic garbage that already existed when the run started, which the first full collection after the run frees.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _analyse_one(record: Article | Skipped, settings: Settings, families: list[str], cache: CacheConfig | None,
                 keep: frozenset[str]) -> ArticleResult:
    with paused_gc():
        if cache is None:  # the three-argument call: what tests and wrappers of analyse_record rely on
            return analyse_record(record, settings, families)
        return analyse_record(record, settings, families, cache, keep)


def _worker(args: tuple[Article | Skipped, Settings, list[str], CacheConfig | None, frozenset[str]]) -> ArticleResult:
    return _analyse_one(*args)


def analyse_corpus(path: str | Path, settings: Settings | None = None, *, text_column: str = "text",
                   jobs: int = 1, progress: bool | None = None, cache: CacheConfig | None = None,
                   keep: frozenset[str] = ALL_PARTS, exclude: Iterable[str | Path] = ()) -> Iterator[ArticleResult]:
    """Stream one :class:`ArticleResult` per input article, in input order.

    ``jobs > 1`` analyses articles in worker processes; results keep the input order, so
    output is identical to a single-process run. ``progress`` shows a progress bar on stderr
    (default: when stderr is a terminal). ``cache`` reuses and stores per-article results
    (:mod:`analysis.cache`; ``None``: no cache). ``keep`` names the parts of each result the caller reads:
    the articles row and ``metrics`` always, and of ``evidence``, ``sentences`` and ``records`` those
    listed; a result read from the cache leaves the others empty (so a metrics-only run decodes no evidence).
    ``exclude``: the run's own output files or folders inside a corpus folder (not read as inputs).
    """
    records = load_corpus(path, text_column=text_column, exclude=exclude)
    yield from analyse_records(records, settings, jobs=jobs, progress=progress, cache=cache, keep=keep)


def analyse_records(records: Iterable[Article | Skipped], settings: Settings | None = None, *, jobs: int = 1,
                    progress: bool | None = None, cache: CacheConfig | None = None,
                    keep: frozenset[str] = ALL_PARTS) -> Iterator[ArticleResult]:
    """:func:`analyse_corpus` over records already loaded (one partition of a corpus, for example)."""
    settings = settings or Settings()
    families = selected_families(settings)
    if progress is None:
        progress = sys.stderr.isatty()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", desc="analysing", file=sys.stderr)
    try:
        with frozen_heap():
            if jobs > 1:
                ctx = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
                with ctx.Pool(jobs, initializer=quiet_worker) as pool:  # only the parent handles SIGINT/SIGTERM
                    tasks = ((r, settings, families, cache, keep) for r in records)
                    for res in pool.imap(_worker, tasks, chunksize=16):
                        if bar is not None:
                            bar.update()
                        yield res
            else:
                for rec in records:
                    res = _analyse_one(rec, settings, families, cache, keep)
                    if bar is not None:
                        bar.update()
                    yield res
    finally:
        if bar is not None:
            bar.close()
        if cache is not None:
            from .cache import close_stores

            close_stores()
