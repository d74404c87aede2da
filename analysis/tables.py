"""Tidy output tables: metrics, evidence, sentences and articles (CSV or Parquet by extension).

Columns (the output contract):

* metrics: ``article_id, outlet, family, metric, target, value, note`` (``target`` empty for
  article-level values; ``note`` gives the reason when ``value`` is NaN);
* evidence: ``article_id, family, metric, target, sentence_index, start, end, text, cue``
  (``sentence_index`` -1 is the headline);
* sentences: ``article_id, sentence_index, paragraph_index, start, end, text, tokens`` (``tokens``:
  the sentence's word tokens joined by spaces, so later stages never re-tokenize);
* articles: metadata, cleaning results and ``status``/``reason`` for every input article.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .model import MediacompareError
from .pipeline import ArticleResult

METRIC_COLUMNS = ["article_id", "outlet", "family", "metric", "target", "value", "note"]
EVIDENCE_COLUMNS = ["article_id", "family", "metric", "target", "sentence_index", "start", "end", "text", "cue"]
SENTENCE_COLUMNS = ["article_id", "sentence_index", "paragraph_index", "start", "end", "text", "tokens"]
INT_COLUMNS = {"sentence_index", "start", "end", "paragraph_index"}


def _rows(res: ArticleResult) -> tuple[list[list[Any]], list[list[Any]], list[list[Any]]]:
    metrics = [[res.article_id, res.outlet, fam, m.metric, m.target, m.value, m.note]
               for fam, m in res.tagged_measurements()]
    evidence = [[res.article_id, fam, e.metric, e.target, e.sentence_index, e.start, e.end, e.text, e.cue]
                for fam, e in res.tagged_evidence()]
    sentences = [[res.article_id, *(s[c] for c in SENTENCE_COLUMNS[1:])] for s in res.sentences]
    return metrics, evidence, sentences


def format_value(value: Any) -> Any:
    """Stable text for CSV: floats by ``repr`` (shortest round-trip), NaN as empty."""
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    return value


class TableWriter:
    """Append rows to a CSV or Parquet file with a fixed column list, in bounded memory."""

    def __init__(self, path: str | Path, columns: list[str], batch_rows: int = 50_000) -> None:
        self.path = Path(path)
        self.columns = columns
        self.kind = table_kind(self.path)
        self.batch: list[list[Any]] = []
        self.batch_rows = batch_rows
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = None
        self._csv = None
        self._pq = None
        if self.kind == "csv":
            self._fh = self.path.open("w", newline="", encoding="utf-8")
            self._csv = csv.writer(self._fh, lineterminator="\n")
            self._csv.writerow(columns)

    def write(self, rows: Iterable[list[Any]]) -> None:
        if self._csv is not None:
            self._csv.writerows([format_value(v) for v in r] for r in rows)
            return
        self.batch.extend(rows)
        if len(self.batch) >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(typed_frame(self.batch, self.columns), preserve_index=False)
        if self._pq is None:
            self._pq = pq.ParquetWriter(self.path, table.schema)
        self._pq.write_table(table)
        self.batch = []

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
        elif self.kind == "parquet":
            if self.batch or self._pq is None:
                self._flush()
            if self._pq is not None:
                self._pq.close()


def table_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".parquet", ".pq"):
        return "parquet"
    raise MediacompareError(f"{path}: output must end in .csv or .parquet")


def typed_frame(rows: list[list[Any]], columns: list[str]) -> pd.DataFrame:
    """A frame with stable dtypes: value float, indices int, everything else string."""
    df = pd.DataFrame(rows, columns=columns)
    for col in columns:
        if col == "value":
            df[col] = df[col].astype("float64")
        elif col in INT_COLUMNS:
            df[col] = df[col].astype("int64")
        else:
            df[col] = df[col].astype("string")
    return df


def articles_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for col in df.columns:
        if col.startswith("n_"):
            df[col] = df[col].astype("Int64")
        else:
            df[col] = df[col].astype("string").fillna("")
    return df


def write_frame(df: pd.DataFrame, path: str | Path) -> None:
    """Write ``df`` as CSV or Parquet by extension, deterministically."""
    path = Path(path)
    kind = table_kind(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "csv":
        df.to_csv(path, index=False, lineterminator="\n", float_format="%.17g")
    else:
        df.to_parquet(path, index=False)


@dataclass
class AnalysisTables:
    """The four tidy tables of one analysis, as DataFrames (for notebooks and small corpora)."""

    metrics: pd.DataFrame
    evidence: pd.DataFrame
    sentences: pd.DataFrame
    articles: pd.DataFrame
    records: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def analysed(self) -> pd.DataFrame:
        return self.articles[self.articles["status"] == "analysed"]

    @property
    def skipped(self) -> pd.DataFrame:
        return self.articles[self.articles["status"] != "analysed"]


def collect_tables(results: Iterable[ArticleResult]) -> AnalysisTables:
    """Gather streamed results into DataFrames."""
    metrics: list[list[Any]] = []
    evidence: list[list[Any]] = []
    sentences: list[list[Any]] = []
    articles: list[dict[str, Any]] = []
    records: dict[str, list[dict[str, Any]]] = {}
    for res in results:
        m, e, s = _rows(res)
        metrics += m
        evidence += e
        sentences += s
        articles.append(res.article)
        for name in res.record_names():
            records.setdefault(name, []).extend(res.records(name))
    return AnalysisTables(typed_frame(metrics, METRIC_COLUMNS), typed_frame(evidence, EVIDENCE_COLUMNS),
                          typed_frame(sentences, SENTENCE_COLUMNS), articles_frame(articles),
                          {name: pd.DataFrame(rows) for name, rows in sorted(records.items())})


TABLE_NAMES = ("metrics", "evidence", "sentences", "articles")


def save_tables(tables: AnalysisTables, folder: str | Path, fmt: str = "parquet") -> dict[str, Path]:
    """Write every table of ``tables`` into ``folder`` as ``NAME.parquet`` (or ``.csv``)."""
    folder = Path(folder)
    paths = {}
    frames = {name: getattr(tables, name) for name in TABLE_NAMES} | tables.records
    for name, df in frames.items():
        paths[name] = folder / f"{name}.{fmt}"
        write_frame(df, paths[name])
    return paths


def load_tables(folder: str | Path) -> AnalysisTables:
    """Read tables written by :func:`save_tables` (Parquet preferred over CSV)."""
    folder = Path(folder)

    def read(name: str) -> pd.DataFrame | None:
        for ext, reader in ((".parquet", pd.read_parquet), (".csv", pd.read_csv)):
            p = folder / f"{name}{ext}"
            if p.is_file():
                return reader(p)
        return None

    core = {}
    for name in TABLE_NAMES:
        df = read(name)
        if df is None:
            raise MediacompareError(f"{folder}: no {name}.parquet or {name}.csv; run 'mediacompare metrics' first")
        core[name] = df
    extra = sorted({p.stem for p in folder.iterdir() if p.suffix in (".parquet", ".csv")} - set(TABLE_NAMES))
    return AnalysisTables(**core, records={n: read(n) for n in extra})


def write_results(results: Iterable[ArticleResult], metrics: str | Path, evidence: str | Path | None = None,
                  articles: str | Path | None = None, sentences: str | Path | None = None,
                  records: dict[str, str | Path] | None = None) -> dict[str, int]:
    """Stream results into the tidy tables; returns counts of articles by status.

    ``records`` maps a detail-table name (e.g. ``"quotes"``) to its output path.
    """
    records = records or {}
    detail: dict[str, list[dict[str, Any]]] = {name: [] for name in records}
    writers = {"metrics": TableWriter(metrics, METRIC_COLUMNS)}
    if evidence:
        writers["evidence"] = TableWriter(evidence, EVIDENCE_COLUMNS)
    if sentences:
        writers["sentences"] = TableWriter(sentences, SENTENCE_COLUMNS)
    rows: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    try:
        for res in results:
            m, e, s = _rows(res)
            writers["metrics"].write(m)
            if "evidence" in writers:
                writers["evidence"].write(e)
            if "sentences" in writers:
                writers["sentences"].write(s)
            rows.append(res.article)
            for name in detail:
                detail[name].extend(res.records(name))
            counts[res.article["status"]] = counts.get(res.article["status"], 0) + 1
    finally:
        for w in writers.values():
            w.close()
    if articles:
        write_frame(articles_frame(rows), articles)
    for name, path in records.items():
        write_frame(pd.DataFrame(detail[name]), path)
    return counts


