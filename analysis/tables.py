"""Tidy output tables: metrics, evidence, sentences, articles and the families' detail (record) tables.

Each table is CSV or Parquet by extension. Columns (the output contract; ``docs/data_model.md``):

* metrics: ``article_id, outlet, family, metric, target, value, note`` (``target`` empty for
  article-level values; ``note`` gives the reason when ``value`` is NaN);
* evidence: ``article_id, family, metric, target, sentence_index, start, end, text, cue``
  (``sentence_index`` -1 is the headline; ``text`` is the sentence cut to a window around the cue,
  :func:`evidence_window`);
* sentences: ``article_id, sentence_index, paragraph_index, start, end, text, tokens`` (``tokens``:
  the sentence's word tokens joined by spaces, so later stages never re-tokenize);
* articles: metadata, cleaning results, counts, English share and ``status``/``reason`` for every
  input article;
* records: one table per detail-table name (quotes, claims, …), ``article_id, outlet`` and then the
  fixed columns of :func:`record_schema` (taken from the producers' dataclasses), header always written.

CSV floats are written as the shortest text that reads back to the same number (``repr``), NaN as an
empty cell; :func:`load_tables` reads ids and text as strings and restores the numeric columns.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import MediacompareError, Undefined
from .outputs import atomic_write
from .pipeline import COUNT_COLUMNS, FLOAT_COLUMNS, ArticleResult, paused_gc

if TYPE_CHECKING:
    import pandas as pd
# pandas is imported where a frame is made or read, not with this module: a metrics run writing CSV (a
# cached re-run above all) does not need it, and importing it is about half of the command's start-up time.

METRIC_COLUMNS = ["article_id", "outlet", "family", "metric", "target", "value", "note"]
EVIDENCE_COLUMNS = ["article_id", "family", "metric", "target", "sentence_index", "start", "end", "text", "cue"]
SENTENCE_COLUMNS = ["article_id", "sentence_index", "paragraph_index", "start", "end", "text", "tokens"]
INT_COLUMNS = {"sentence_index", "start", "end", "paragraph_index"}
# the first columns of every articles table (pipeline.article_row), present even when the corpus has no row
ARTICLE_COLUMNS = ["article_id", "outlet", "title", "published", "url", "event_id", "source", "status", "reason"]
TABLE_NAMES = ("metrics", "evidence", "sentences", "articles")
CORE_COLUMNS = {"metrics": METRIC_COLUMNS, "evidence": EVIDENCE_COLUMNS, "sentences": SENTENCE_COLUMNS}
RECORD_KEYS = ["article_id", "outlet"]  # prepended to every record table

# Which bundled family writes which record tables (written, header only when empty, whenever the family runs).
RECORD_FAMILIES = {
    "readability": ("readability_counts", "readability_sentences"),
    "sentiment": ("sentence_tone",),
    "entities": ("actors", "actor_places"),
    "sourcing": ("quotes", "sources", "hedges", "claims", "actor_tone"),
}
Kinds = dict[str, str]  # column -> "str" | "int" | "float" | "bool"


def _dataclass_kinds(cls: type) -> Kinds:
    """Column kinds of a record dataclass, from its field annotations."""
    names = {"int": "int", "float": "float", "bool": "bool"}
    return {f.name: names.get(str(f.type).replace("builtins.", ""), "str") for f in fields(cls)}


@lru_cache(maxsize=1)
def _record_schemas() -> dict[str, Kinds]:
    # Producers (read them to change a table): dataclasses where they exist, else the dict keys they build.
    from .metrics.entities import ActorPlaceRow, ActorRow  # metrics/entities.py compute_entities
    from .sourcing.actor_tone import TonePiece  # sourcing: actor_tone_result
    from .sourcing.claims import NumericClaim  # sourcing: claim_result
    from .sourcing.profile import Source  # metrics/sourcing.py: flat_record(Source)
    from .sourcing.quotes import Quote  # metrics/sourcing.py: flat_record(Quote)

    n = "int"
    return {
        "quotes": _dataclass_kinds(Quote),
        "sources": _dataclass_kinds(Source),
        "claims": _dataclass_kinds(NumericClaim),
        "actor_tone": _dataclass_kinds(TonePiece),
        # sourcing/hedges.py hedge_result
        "hedges": {"sentence_index": n, "start": n, "end": n, "voice": "str", "category": "str", "entry": "str",
                   "text": "str", "lexicon": "str"},
        "actors": _dataclass_kinds(ActorRow),
        "actor_places": _dataclass_kinds(ActorPlaceRow),  # place names used as places, not counted as mentions
        # metrics/sentiment.py _record (SCORE_KEYS, tone_label, reason_of)
        "sentence_tone": {"sentence_index": n, "paragraph_index": n, "neg": "float", "neu": "float",
                          "pos": "float", "compound": "float", "tone": "str", "note": "str"},
        # metrics/readability.py counts_record
        "readability_counts": {**dict.fromkeys(
            ["n_words", "n_spelled_words", "n_numerals", "n_sentences", "n_paragraphs", "n_syllables", "n_letters",
             "n_characters", "n_polysyllabic_words", "n_complex_words", "n_difficult_words", "n_difficult_names",
             "n_fallback_words"], n), "fallback_words": "str"},
        # metrics/readability.py compute_readability (sentence_rows)
        "readability_sentences": dict.fromkeys(
            ["sentence_index", "n_words", "n_numerals", "n_syllables", "n_polysyllabic_words", "n_complex_words",
             "n_difficult_words", "n_difficult_names", "n_fallback_words"], n),
    }


def record_schema(name: str, sample: Mapping[str, Any] | None = None) -> Kinds:
    """Column kinds of record table ``name``, ``article_id`` and ``outlet`` first.

    Bundled tables have a fixed schema; an unknown table (a user family's) takes the keys of ``sample``
    (its first row), with kinds from their Python types.
    """
    known = _record_schemas().get(name)
    if known is None:
        known = {k: _kind_of(v) for k, v in (sample or {}).items() if k not in RECORD_KEYS}
    return {"article_id": "str", "outlet": "str", **known}


def record_columns(name: str, sample: Mapping[str, Any] | None = None) -> list[str]:
    """Columns of record table ``name`` (see :func:`record_schema`)."""
    return list(record_schema(name, sample))


def record_tables_for(families: Iterable[str]) -> list[str]:
    """The bundled record tables the given families write, in family order."""
    return [t for f in families for t in RECORD_FAMILIES.get(f, ())]


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    return "str"


def _core_kinds(columns: list[str]) -> Kinds:
    return {c: "float" if c == "value" else "int" if c in INT_COLUMNS else "str" for c in columns}


WRITE_CHUNK = 10_000
"""Evidence rows of one article made and written at a time (:func:`write_results`)."""

EVIDENCE_WINDOW = 100
"""Most characters of sentence text an evidence row keeps around its cue (plus an ellipsis at each cut)."""
ELLIPSIS = "…"


def evidence_window(text: str, start: int, end: int, limit: int = EVIDENCE_WINDOW) -> str:
    """``text`` (a sentence) cut to at most ``limit`` characters around ``text[start:end]`` (the cue).

    A sentence of ``limit`` characters or fewer is returned whole. Otherwise the window is centred on the
    cue (a cue longer than ``limit`` keeps its first ``limit`` characters), moved inwards to the nearest
    spaces when a space lies between the cut and the cue, and each cut is marked with ``…``. So the
    evidence table grows with the number of cues, not with sentence length × cues; the full sentence
    is in the sentences table (same ``article_id`` and ``sentence_index``).
    """
    n = len(text)
    if n <= limit:
        return text
    start = min(max(start, 0), n)
    end = min(max(end, start), n)
    if end - start >= limit:
        lo, hi = start, start + limit
    else:
        pad = (limit - (end - start)) // 2
        lo, hi = start - pad, start - pad + limit
        if lo < 0:
            lo, hi = 0, hi - lo
        if hi > n:
            lo, hi = max(0, lo - (hi - n)), n
    if lo > 0 and not text[lo - 1].isspace():
        cut = text.find(" ", lo, start)
        lo = cut + 1 if cut >= 0 else lo
    if hi < n and not text[hi].isspace():
        cut = text.rfind(" ", max(end, lo), hi)
        hi = cut if cut > lo else hi
    return (ELLIPSIS if lo > 0 else "") + text[lo:hi].strip() + (ELLIPSIS if hi < n else "")


CUE_LIMIT = 1000
"""Most characters an evidence row keeps of its ``cue`` and ``target`` (a rule's description, the words behind
a count); longer ones, which only a sentence of hundreds of words produces, are cut at a space with ``…``."""


def bounded(text: str, limit: int = CUE_LIMIT) -> str:
    """``text`` unchanged when it has at most ``limit`` characters, else its start cut at a space, with ``…``."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit)
    return text[:cut if cut > 0 else limit].rstrip() + ELLIPSIS


def evidence_text(sentence: str, start: int, end: int) -> str:
    """The ``text`` cell of an evidence row whose cue is ``sentence[start:end]`` (offsets in the sentence).

    ``""`` when the cue is the whole sentence (a per-sentence row such as readability's counts or a
    sentence's VADER score): the sentence is the sentences-table row with the same ``article_id`` and
    ``sentence_index``, and repeating it in every such row made the evidence table several times the
    size of the text. Otherwise :func:`evidence_window`.
    """
    if start <= 0 and end >= len(sentence):
        return ""
    return evidence_window(sentence, start, end)


def _evidence_rows(res: ArticleResult) -> Iterator[list[Any]]:
    """Evidence rows with :func:`evidence_text` and :func:`bounded` cue and target (offsets stay the cue's
    body offsets), so no row grows with the length of its sentence. Headline rows (``sentence_index`` -1,
    not in the sentences table) keep a window of the headline."""
    starts = {s["sentence_index"]: s["start"] for s in res.sentences}
    for fam, e in res.tagged_evidence():
        if e.sentence_index in starts:
            base = starts[e.sentence_index]
            text = evidence_text(e.text, e.start - base, e.end - base)
        else:  # the headline (-1): offsets into the title itself
            text = evidence_window(e.text, e.start, e.end)
        yield [res.article_id, fam, e.metric, bounded(e.target), e.sentence_index, e.start, e.end, text,
               bounded(e.cue)]


def _metric_columns(res: ArticleResult) -> list[list[Any]]:
    """The article's metrics rows as :data:`METRIC_COLUMNS` columns (families in order)."""
    fams: list[str] = []
    metric: list[str] = []
    target: list[str] = []
    value: list[float] = []
    note: list[str] = []
    for fam, out in res.families.items():
        m, t, v, n = out.measurement_columns()
        fams += [fam] * len(m)
        metric += m
        target += t
        value += v
        note += n
    return [[res.article_id] * len(fams), [res.outlet] * len(fams), fams, metric, target, value, note]


def _metric_rows(res: ArticleResult) -> list[list[Any]]:
    return [list(row) for row in zip(*_metric_columns(res), strict=True)]


def _sentence_rows(res: ArticleResult) -> list[list[Any]]:
    aid = res.article_id
    return [[aid, *(s[c] for c in SENTENCE_COLUMNS[1:])] for s in res.sentences]


def record_rows(rows: Iterable[Mapping[str, Any]], name: str, columns: list[str]) -> list[list[Any]]:
    """Rows of record table ``name`` as lists in ``columns`` order; a key outside the columns is an error."""
    out = []
    for row in rows:
        extra = set(row) - set(columns)
        if extra:
            raise MediacompareError(f"record table {name!r}: unexpected column(s) {', '.join(sorted(extra))}; "
                                    f"known columns: {', '.join(columns)}")
        out.append([row.get(c, "") for c in columns])
    return out


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""
_RISKY = frozenset((*FORMULA_START, "'"))


def csv_safe(value: str) -> str:
    """A text cell a spreadsheet will not run: ``'`` put before text that (after any leading apostrophes) starts
    with ``= + - @``, tab or CR (``=HYPERLINK(…)`` -> ``'=HYPERLINK(…)``). :func:`csv_restore` undoes it exactly.
    Only text columns are written this way; numbers (``-0.5`` in ``value``) and Parquet keep the raw value."""
    if value[:1] in _RISKY and value.lstrip("'")[:1] in FORMULA_START:
        return "'" + value
    return value


_NUMBER_LITERAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


def csv_cell(value: str) -> str:
    """:func:`csv_safe` for a cell of a column that mixes text and numbers: a plain number literal
    (``-0.4404``) is kept as it is, since a spreadsheet reads it as a number, never as a formula."""
    return value if _NUMBER_LITERAL.fullmatch(value) else csv_safe(value)


def csv_restore(value: str) -> str:
    """The text :func:`csv_safe` was given: one leading ``'`` dropped where it added one."""
    if value[:1] == "'" and value[1:].lstrip("'")[:1] in FORMULA_START:
        return value[1:]
    return value


def _restore_column(col: pd.Series) -> pd.Series:
    mask = col.str[:1] == "'"
    if mask.any():
        col = col.copy()
        col[mask] = col[mask].map(csv_restore)
    return col


def _safe_column(col: pd.Series) -> pd.Series:
    import pandas as pd

    text = col.map(lambda v: csv_safe(v) if isinstance(v, str) and v[:1] in _RISKY else v)
    return text.astype(col.dtype) if isinstance(col.dtype, pd.StringDtype) else text


def format_value(value: Any) -> Any:
    """Stable text for CSV: floats by ``repr`` (shortest round-trip), NaN as empty."""
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    return value


def _csv_cells(rows: list[list[Any]], text_columns: frozenset[int]) -> list[Any]:
    """The rows' CSV cells: :func:`csv_safe` on the text columns' strings, :func:`format_value` on the rest
    (:func:`_csv_columns` on the rows' columns)."""
    if not rows:
        return []
    return list(zip(*_csv_columns(list(zip(*rows, strict=True)), text_columns), strict=True))


# float.__repr__ is repr() for a float and "nan" for any NaN (an Undefined included), written as ""
_PLAIN_FLOATS = frozenset({float, Undefined})


def _csv_columns(table: list[Any], text_columns: frozenset[int]) -> list[Any]:
    """The CSV cells of a table given as columns (each a sequence of equal length), column by column.

    A column of plain strings is changed only where a cell starts with a character of ``_RISKY``, a column of
    floats becomes ``repr`` or empty for NaN, a column with neither floats nor (in a text column) strings is
    kept; any other column goes cell by cell. The same cells as calling :func:`csv_safe` (text columns) and
    :func:`format_value` on every value, without a function call per cell.
    """
    isnan, risky = math.isnan, _RISKY
    columns: list[Any] = []
    for i, col in enumerate(table):
        try:
            distinct = set(col)  # the checks below need each distinct value once (a column repeats many)
        except TypeError:  # an unhashable cell (a user family's list): every cell
            distinct = col
        kinds = set(map(type, distinct))
        is_text = i in text_columns
        if kinds == {str}:
            risky_cells = is_text and any(v[:1] in risky for v in distinct)
            columns.append([csv_safe(v) if v[:1] in risky else v for v in col] if risky_cells else col)
        elif kinds <= _PLAIN_FLOATS:
            cells = list(map(float.__repr__, col))
            columns.append(["" if c == "nan" else c for c in cells] if "nan" in cells else cells)
        elif all(issubclass(k, float) for k in kinds):
            columns.append(["" if isnan(v) else repr(v) for v in col])
        elif not any(issubclass(k, float) or (is_text and issubclass(k, str)) for k in kinds):
            columns.append(col)
        else:
            columns.append([csv_safe(v) if is_text and isinstance(v, str) else format_value(v) for v in col])
    return columns


class TableWriter:
    """Append rows to a CSV or Parquet file with a fixed column list, in bounded memory.

    The header (CSV) or schema (Parquet) is written even when no row is.
    """

    def __init__(self, path: str | Path, columns: list[str], batch_rows: int = 50_000,
                 kinds: Kinds | None = None) -> None:
        self.path = Path(path)
        self.columns = columns
        self.kinds = kinds or _core_kinds(columns)
        self.text_columns = frozenset(i for i, c in enumerate(columns) if self.kinds.get(c, "str") == "str")
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
            self._csv.writerow([csv_safe(str(c)) for c in columns])  # a user's column "=cmd" is no formula either

    def write(self, rows: Iterable[list[Any]]) -> None:
        if self._csv is not None:
            self._csv.writerows(_csv_cells(rows if isinstance(rows, list) else list(rows), self.text_columns))
            return
        self.batch.extend(rows)
        if len(self.batch) >= self.batch_rows:
            self._flush()

    def write_columns(self, columns: list[list[Any]]) -> None:
        """Append rows given as columns (one list per column, in the writer's column order)."""
        if not columns or not columns[0]:
            return
        if self._csv is not None:
            self._csv.writerows(zip(*_csv_columns(columns, self.text_columns), strict=True))
            return
        self.write(zip(*columns, strict=True))

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(typed_frame(self.batch, self.columns, self.kinds), preserve_index=False)
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


def is_output_table(path: Path) -> bool:
    """Whether the file at ``path`` is a metrics, evidence, sentences, articles or bundled record table this module
    wrote: a CSV whose header line, or a Parquet file whose schema, has exactly those columns (the articles table:
    its own columns first). Anything that cannot be read is not."""
    try:
        if path.suffix.lower() == ".parquet":
            import pyarrow.parquet as pq

            columns = list(pq.read_schema(path).names)
        else:
            with path.open(encoding="utf-8", newline="") as fh:
                columns = next(csv.reader([fh.readline(65536)]), [])
    except Exception:  # unreadable, not UTF-8, not Parquet: a user's file
        return False
    return columns in (METRIC_COLUMNS, EVIDENCE_COLUMNS, SENTENCE_COLUMNS) or (
        columns[:len(ARTICLE_COLUMNS)] == ARTICLE_COLUMNS) or tuple(columns) in _record_headers()


@lru_cache(maxsize=1)
def _record_headers() -> frozenset[tuple[str, ...]]:
    """The columns of every bundled record table (``--records DIR`` inside a corpus folder: not corpus)."""
    return frozenset(tuple(record_columns(name)) for name in _record_schemas())


def table_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".parquet", ".pq"):
        return "parquet"
    raise MediacompareError(f"{path}: output must end in .csv or .parquet")


_DTYPES = {"float": "float64", "int": "int64", "bool": "bool", "str": "string"}


def _typed(col: pd.Series, kind: str) -> pd.Series:
    import pandas as pd

    """``col`` as ``kind``; text cells from CSV ("" = NaN for floats, "True"/"False" for bools) are parsed."""
    if kind == "str":
        return col.astype("string").fillna("")
    if col.dtype == object or isinstance(col.dtype, pd.StringDtype):
        text = col.astype("string").fillna("")
        if kind == "bool":
            return text.map({"True": True, "False": False, "true": True, "false": False}).astype("bool")
        if kind == "float":
            return text.where(text != "", "nan").astype("float64")
        return text.astype("int64")
    return col.astype(_DTYPES[kind])


def typed_frame(rows: list[list[Any]], columns: list[str], kinds: Kinds | None = None) -> pd.DataFrame:
    """A frame with stable dtypes: by default value float, indices int, everything else string;
    ``kinds`` gives each column's kind (``str``, ``int``, ``float``, ``bool``) instead."""
    import pandas as pd

    kinds = kinds or _core_kinds(columns)
    df = pd.DataFrame(rows, columns=columns)
    for col in columns:
        df[col] = _typed(df[col], kinds.get(col, "str"))
    return df


def typed_columns(df: pd.DataFrame, kinds: Kinds) -> pd.DataFrame:
    """``df`` (e.g. read from CSV as text) with each column of ``kinds`` cast to its kind."""
    for col in df.columns:
        df[col] = _typed(df[col], kinds.get(col, "str"))
    return df


def articles_frame(rows: list[dict[str, Any]] | pd.DataFrame) -> pd.DataFrame:
    """The articles table: the pipeline's counts as Int64, its English share as float, all else string."""
    import pandas as pd

    # object columns: no inference from the rows ("1" and a missing value stay "1" and "", not "1.0" and "")
    df = rows.copy() if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows, dtype=object)
    for col in ARTICLE_COLUMNS:  # an empty corpus still has the columns (no KeyError: 'status' downstream)
        if col not in df.columns:
            df[col] = pd.Series("", index=df.index, dtype="string")
    df = df[[*ARTICLE_COLUMNS, *(c for c in df.columns if c not in ARTICLE_COLUMNS)]]
    for col in df.columns:
        if col in COUNT_COLUMNS:
            text = df[col].astype("string")
            df[col] = pd.to_numeric(text.where(text != "", pd.NA)).astype("Int64")
        elif col in FLOAT_COLUMNS:
            df[col] = _typed(df[col], "float")
        else:
            df[col] = df[col].astype("string").fillna("")
    return df


def write_frame(df: pd.DataFrame, path: str | Path) -> None:
    """Write ``df`` as CSV or Parquet by extension, deterministically (CSV floats: shortest round-trip text;
    text cells through :func:`csv_safe`). Atomic: written to a hidden temporary file in the same folder and
    renamed over ``path`` only when complete, so a failure or interrupt leaves the old file intact."""
    path = Path(path)
    kind = table_kind(path)

    def write(tmp: Path) -> None:
        if kind == "csv":
            _csv_safe_frame(df).to_csv(tmp, index=False, lineterminator="\n")
        else:
            df.to_parquet(tmp, index=False)

    atomic_write(path, write)


def _csv_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its text columns through :func:`csv_safe` (see :func:`write_frame`)."""
    import pandas as pd

    text = [c for c in frame.columns if frame[c].dtype == object or isinstance(frame[c].dtype, pd.StringDtype)]
    frame = frame.assign(**{c: _safe_column(frame[c]) for c in text}) if text else frame
    risky = [c for c in frame.columns if csv_safe(str(c)) != str(c)]  # a user's column "=cmd" in the header
    return frame.rename(columns={c: csv_safe(str(c)) for c in risky}) if risky else frame


def write_frames(frames: Iterable[pd.DataFrame], path: str | Path) -> None:
    """:func:`write_frame` of frames with the same columns and dtypes, one after another (a CSV header once,
    a Parquet row group each), without holding them all; atomic as :func:`write_frame`."""
    path = Path(path)
    kind = table_kind(path)

    def write(tmp: Path) -> None:
        if kind == "csv":
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                for n, frame in enumerate(frames):
                    _csv_safe_frame(frame).to_csv(fh, index=False, header=n == 0, lineterminator="\n")
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        writer = None
        try:
            for frame in frames:
                table = pa.Table.from_pandas(frame, preserve_index=False)
                if writer is None:
                    writer = pq.ParquetWriter(tmp, table.schema)
                writer.write_table(table.cast(writer.schema))
        finally:
            if writer is not None:
                writer.close()

    atomic_write(path, write)


def _empty_frame() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame()


@dataclass
class AnalysisTables:
    """The four tidy tables of one analysis and its record tables, as DataFrames."""

    metrics: pd.DataFrame
    evidence: pd.DataFrame
    sentences: pd.DataFrame
    articles: pd.DataFrame
    records: dict[str, pd.DataFrame] = field(default_factory=dict)
    # the corpus actors table (analysis.entities.canonical.actor_index): one row per canonical actor; derived
    # from the actors records when tables are gathered or loaded, not a file of its own
    actor_index: pd.DataFrame = field(default_factory=_empty_frame)

    @property
    def analysed(self) -> pd.DataFrame:
        return self.articles[self.articles["status"] == "analysed"]

    @property
    def skipped(self) -> pd.DataFrame:
        return self.articles[self.articles["status"] != "analysed"]


def records_frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Record table ``name`` as a typed frame with its fixed columns (empty: the columns only)."""
    kinds = record_schema(name, rows[0] if rows else None)
    columns = list(kinds)
    return typed_frame(record_rows(rows, name, columns), columns, kinds)


def collect_tables(results: Iterable[ArticleResult]) -> AnalysisTables:
    """Gather streamed results into DataFrames (for notebooks and small corpora)."""
    metrics: list[list[Any]] = []
    evidence: list[list[Any]] = []
    sentences: list[list[Any]] = []
    articles: list[dict[str, Any]] = []
    records: dict[str, list[dict[str, Any]]] = {}
    for res in results:
        metrics += _metric_rows(res)
        evidence += _evidence_rows(res)
        sentences += _sentence_rows(res)
        articles.append(res.article)
        for name in res.record_names():
            records.setdefault(name, []).extend(res.records(name))
    return with_canonical_actors(AnalysisTables(
        typed_frame(metrics, METRIC_COLUMNS), typed_frame(evidence, EVIDENCE_COLUMNS),
        typed_frame(sentences, SENTENCE_COLUMNS), articles_frame(articles),
        {name: records_frame(name, rows) for name, rows in sorted(records.items())}))


def with_canonical_actors(tables: AnalysisTables) -> AnalysisTables:
    """One name per actor across the corpus (:mod:`analysis.entities.canonical`): entity and sourcing targets
    renamed in ``metrics`` and ``evidence``, canonical names in the ``actors`` records (each article's own
    name stays in ``name_in_article``), and the corpus actors table in ``tables.actor_index``. The files on
    disk keep each article's own names; ``actor_index`` lists what was merged and why."""
    actors = tables.records.get("actors")
    if actors is None or actors.empty:
        return tables
    from .entities.canonical import actor_index, canonicalise

    tables.actor_index = actor_index(actors)
    tables.metrics, tables.records["actors"], tables.evidence = canonicalise(tables.metrics, actors, tables.evidence)
    return tables


def save_tables(tables: AnalysisTables, folder: str | Path, fmt: str = "parquet") -> dict[str, Path]:
    """Write every table of ``tables`` into ``folder`` as ``NAME.parquet`` (or ``.csv``)."""
    folder = Path(folder)
    paths = {}
    frames = {name: getattr(tables, name) for name in TABLE_NAMES} | tables.records
    for name, df in frames.items():
        paths[name] = folder / f"{name}.{fmt}"
        write_frame(df, paths[name])
    return paths


def read_table(path: str | Path, kinds: Kinds | None = None, categorical: bool = False) -> pd.DataFrame:
    """Read one table written by this module; CSV cells are text (ids stay "001") and the columns in
    ``kinds`` get their kind back. An unreadable file is a :class:`MediacompareError`.

    ``categorical``: the ``str`` columns of ``kinds`` become pandas categoricals (the same values, missing ->
    ``""``), read from Parquet as dictionaries without a string per row: a 2-million-row metrics table takes
    about 50 MB instead of 240 MB (and about 460 MB while it is read)."""
    import pandas as pd

    path = Path(path)
    text = [c for c, k in (kinds or {}).items() if k == "str"] if categorical else []
    try:
        if path.suffix.lower() == ".csv":
            _require_whole_csv(path)
            df = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
            df = df.apply(_restore_column) if len(df.columns) else df  # every CSV cell is text here
            df.columns = [csv_restore(str(c)) for c in df.columns]  # header names too ("'=cmd" was "=cmd")
        elif text:
            import pyarrow.parquet as pq

            present = set(pq.read_schema(path).names) if path.is_file() else None
            df = pd.read_parquet(path, read_dictionary=[c for c in text if present is None or c in present])
        else:
            df = pd.read_parquet(path)
        if text:
            for col in df.columns:
                df[col] = _categorical_text(df[col]) if col in text else _typed(df[col], kinds.get(col, "str"))
            import pyarrow as pa

            pa.default_memory_pool().release_unused()  # the reader's buffers (about 150 MB for 2 million rows)
            return df
        return typed_columns(df, kinds) if kinds is not None else df
    except MediacompareError:
        raise
    except Exception as exc:  # pandas/pyarrow raise many types for unreadable or mistyped files
        raise MediacompareError(f"{path}: cannot read table ({type(exc).__name__}: {exc})") from None


def _require_whole_csv(path: Path) -> None:
    """Every CSV table this module writes ends with a line break: one that does not was cut short (a copy or
    download stopped mid-row), and its last row would be read with a cut value ("70" for "70.5")."""
    with path.open("rb") as fh:
        if fh.seek(0, 2) and (fh.seek(-1, 2), fh.read(1))[1] != b"\n":
            raise MediacompareError(f"{path}: ends in the middle of a row (the file was cut short? every table "
                                    f"mediacompare writes ends with a line break); give the complete table")


def _require_complete(metrics_path: Path, metrics: pd.DataFrame, articles_path: Path, articles: pd.DataFrame,
                      sentences_path: Path | None, sentences: pd.DataFrame | None) -> None:
    """CSV tables cut short at a row boundary (``head -n``) read without error: each analysed article of the
    articles table must have every article-level measure (a row without a target) that the others have, and as
    many sentence rows as its ``n_sentences``. (A Parquet file cut short does not read at all.)"""
    if sentences_path is not None and sentences_path.suffix.lower() != ".csv":
        sentences = None
    analysed = articles.loc[articles["status"] == "analysed", "article_id"]
    if metrics_path.suffix.lower() != ".csv":
        metrics = metrics.iloc[:0]
    else:  # every family writes rows for every analysed article: none at all is a table cut after its header
        missing = analysed[~analysed.astype("string").isin(set(metrics["article_id"].astype("string").unique()))]
        if len(missing):
            raise MediacompareError(
                f"{metrics_path}: no rows for {len(missing)} analysed article{'s' if len(missing) != 1 else ''} of "
                f"{articles_path} (first: {str(missing.iloc[0])!r}); the table was cut short or is not from one "
                f"run: give the complete tables of one run")
    scalar = metrics.loc[metrics["target"].astype("string").fillna("") == "", "article_id"].astype("string")
    counts = scalar.value_counts().reindex(analysed.astype("string"), fill_value=0)
    if len(counts) and (counts < counts.max()).any():
        short = counts[counts < counts.max()]
        first, n = str(short.index[0]), int(short.iloc[0])
        raise MediacompareError(
            f"{metrics_path}: {len(short)} analysed article{'s' if len(short) != 1 else ''} of {articles_path} "
            f"ha{'ve' if len(short) != 1 else 's'} fewer article-level measures than the others (first: {first!r}, "
            f"{n} of {int(counts.max())}); the table was cut short or is not from one run: give the complete "
            f"tables of one run")
    if sentences is None or sentences_path is None or "n_sentences" not in articles.columns:
        return
    expected = articles.loc[articles["status"] == "analysed"].set_index("article_id")["n_sentences"].dropna()
    found = sentences["article_id"].astype("string").value_counts().reindex(expected.index.astype("string"),
                                                                             fill_value=0)
    wrong = (found.to_numpy() != expected.to_numpy()).nonzero()[0]
    if len(wrong):
        i = wrong[0]
        raise MediacompareError(
            f"{sentences_path}: {len(wrong)} analysed article{'s' if len(wrong) != 1 else ''} of {articles_path} "
            f"without {'its' if len(wrong) == 1 else 'their'} n_sentences sentence rows (first: "
            f"{str(expected.index[i])!r}, {int(found.iloc[i])} of {int(expected.iloc[i])}); the table was cut short "
            f"or is not from one run: give the complete tables of one run")


def _categorical_text(col: pd.Series) -> pd.Series:
    """A text column as a pandas categorical of strings (categories in order of first appearance), missing
    values as ``""``: the values of ``col.astype("string").fillna("")`` (the ``str`` kind), one code per row."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(col, use_na_sentinel=True)
    names = pd.Series(np.asarray(uniques, dtype=object), dtype=object).astype("string").fillna("")
    if (codes < 0).any():
        codes = np.where(codes < 0, len(names), codes)
        names = pd.concat([names, pd.Series([""], dtype="string")], ignore_index=True)
    recoded, categories = pd.factorize(names)  # "" from a missing value and a given "" are one category
    return pd.Series(pd.Categorical.from_codes(recoded[codes], categories=pd.Index(categories, dtype="string")),
                     index=col.index, name=col.name)


def _require_table_columns(path: Path, name: str, df: pd.DataFrame, columns: Iterable[str]) -> None:
    """A table read back that lacks a column mediacompare writes is one line, not a KeyError later."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise MediacompareError(f"{path}: not a mediacompare {name} table (no {', '.join(map(repr, missing))} "
                                f"column{'s' if len(missing) > 1 else ''}); write it with 'mediacompare metrics'")


def load_tables(folder: str | Path, tables: Iterable[str] = TABLE_NAMES,
                records: Iterable[str] | None = None, categorical: Iterable[str] = ()) -> AnalysisTables:
    """Read tables written by :func:`save_tables` or :func:`write_results` (Parquet preferred over CSV).

    ``tables`` names the core tables to read (the others are empty frames with their columns);
    ``records`` the record tables (None: every other table in the folder; a missing one is skipped);
    ``categorical`` the core tables (not ``articles``) whose text columns are read as pandas categoricals
    (:func:`read_table`; ``mediacompare compare`` reads its metrics table so).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise MediacompareError(f"{folder}: no such tables folder")
    wanted = set(tables)

    def find(name: str) -> Path | None:  # a Parquet file or dataset directory (compare --scheduler), or a CSV
        return next((p for ext in (".parquet", ".csv") if (p := folder / f"{name}{ext}").is_file()
                     or (ext == ".parquet" and p.is_dir())), None)

    core: dict[str, pd.DataFrame] = {}
    for name in TABLE_NAMES:
        if name not in wanted:
            core[name] = (typed_frame([], CORE_COLUMNS[name]) if name in CORE_COLUMNS
                          else articles_frame([]))
            continue
        path = find(name)
        if path is None:
            raise MediacompareError(f"{folder}: no {name}.parquet or {name}.csv; run 'mediacompare metrics' first")
        if name == "articles":
            raw = read_table(path)
            _require_table_columns(path, name, raw, ("article_id", "status"))
            core[name] = articles_frame(raw)
            ids = core[name]["article_id"][core[name]["status"] == "analysed"]  # a duplicate_id row repeats one
            if ids.duplicated().any():
                first = ids[ids.duplicated()].iloc[0]
                raise MediacompareError(f"{path}: article_id {first!r} is listed {(ids == first).sum()} times; "
                                        f"give the articles table of one run")
        else:
            core[name] = read_table(path, _core_kinds(CORE_COLUMNS[name]), categorical=name in set(categorical))
            _require_table_columns(path, name, core[name], CORE_COLUMNS[name])
    if {"metrics", "articles"} <= wanted:
        unknown = set(core["metrics"]["article_id"].unique()) - set(core["articles"]["article_id"])
        if unknown:
            raise MediacompareError(f"{find('metrics')}: {len(unknown)} article id{'s' if len(unknown) != 1 else ''} "
                                    f"that {find('articles')} does not list (first: {min(unknown)!r}); give the "
                                    f"tables of one run")
        with_sentences = "sentences" in wanted
        _require_complete(find("metrics"), core["metrics"], find("articles"), core["articles"],
                          find("sentences") if with_sentences else None,
                          core["sentences"] if with_sentences else None)
    if records is None:
        records = sorted({p.stem for p in folder.iterdir()
                          if p.suffix in (".parquet", ".csv") and not p.name.startswith(".")} - set(TABLE_NAMES))
    loaded = {}
    for name in records:
        path = find(name)
        if path is not None:  # an unknown (user) table keeps Parquet's types; from CSV it is text
            loaded[name] = read_table(path, record_schema(name) if name in _record_schemas() else None)
    return with_canonical_actors(AnalysisTables(**core, records=loaded))


class _RecordWriters:
    """One :class:`TableWriter` per record table: those named in ``paths`` always (header only when empty),
    and with a ``folder`` every other table the results carry, as ``folder/NAME.fmt``."""

    def __init__(self, paths: Mapping[str, Path], folder: Path | None, fmt: str) -> None:
        self.paths, self.folder, self.fmt = dict(paths), folder, fmt
        self.writers: dict[str, TableWriter] = {}
        for name in self.paths:
            if name in _record_schemas():
                self._open(name, None)

    def _open(self, name: str, sample: Mapping[str, Any] | None) -> TableWriter:
        kinds = record_schema(name, sample)
        path = self.paths.get(name) or Path(self.folder or ".") / f"{name}.{self.fmt}"
        self.writers[name] = TableWriter(path, list(kinds), kinds=kinds)
        return self.writers[name]

    def write(self, res: ArticleResult) -> None:
        for name in res.record_names():
            if self.folder is None and name not in self.paths:
                continue
            rows = res.records(name)
            writer = self.writers.get(name)
            if writer is None:
                if not rows:
                    continue  # a user family's table: its columns come from its first row
                writer = self._open(name, rows[0])
            writer.write(record_rows(rows, name, writer.columns))

    def close(self) -> None:
        for name in self.paths:
            if name not in self.writers:
                self._open(name, None)  # a named user table that never had a row: article_id, outlet only
        for writer in self.writers.values():
            writer.close()


def write_results(results: Iterable[ArticleResult], metrics: str | Path, evidence: str | Path | None = None,
                  articles: str | Path | None = None, sentences: str | Path | None = None,
                  records: Mapping[str, str | Path] | None = None, *, records_dir: str | Path | None = None,
                  records_format: str = "csv", record_tables: Iterable[str] = ()) -> dict[str, int]:
    """Stream results into the tidy tables, in bounded memory; returns counts of articles by status.

    ``records`` maps a record-table name (e.g. ``"quotes"``) to its output path; ``records_dir`` writes
    every record table the results carry as ``DIR/NAME.<records_format>``, plus each of ``record_tables``
    (e.g. :func:`record_tables_for` the selected families) even when it has no row. Record tables have
    fixed columns (:func:`record_schema`) and always a header. Only the articles table (one row per
    article) is held in memory.
    """
    writers = {"metrics": TableWriter(metrics, METRIC_COLUMNS)}
    if evidence:
        writers["evidence"] = TableWriter(evidence, EVIDENCE_COLUMNS)
    if sentences:
        writers["sentences"] = TableWriter(sentences, SENTENCE_COLUMNS)
    detail = None
    if records or records_dir is not None:
        folder = Path(records_dir) if records_dir is not None else None
        paths = {name: folder / f"{name}.{records_format}" for name in record_tables} if folder is not None else {}
        paths.update({name: Path(p) for name, p in (records or {}).items()})
        detail = _RecordWriters(paths, folder, records_format)
    rows = _ArticleRows(Path(articles).parent if articles else None)
    counts: dict[str, int] = {}
    try:
        for res in results:
            with paused_gc():  # the rows of a huge article are many young objects; no cycle among them
                writers["metrics"].write_columns(_metric_columns(res))
                if "evidence" in writers:
                    ev_rows = _evidence_rows(res)  # in chunks: a huge article's rows are never all made at once
                    while chunk := list(islice(ev_rows, WRITE_CHUNK)):
                        writers["evidence"].write(chunk)
                if "sentences" in writers:
                    writers["sentences"].write(_sentence_rows(res))
                if detail is not None:
                    detail.write(res)
            rows.add(res.article)
            counts[res.article["status"]] = counts.get(res.article["status"], 0) + 1
        if articles:
            rows.write(articles)
    finally:
        for w in writers.values():
            w.close()
        if detail is not None:
            detail.close()
        rows.close()
    return counts


SPILL_ROWS = 10_000  # articles-table rows held in memory before they go to a temporary file


class _ArticleRows:
    """The articles table's rows while a run streams (``folder`` None: not kept, only counted by the caller).

    Up to :data:`SPILL_ROWS` rows are held in memory and written as one frame, as :func:`articles_frame` makes
    it; past that, every batch of rows is pickled into an anonymous temporary file in ``folder`` (unlinked at
    once: nothing is left behind, whatever ends the run) and the table is written batch by batch with the
    columns of all rows, so memory stays flat in the corpus size. Pickle, not JSON: the rows come back with
    the types they had (the file is this process's own, never a user's).
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.rows: list[dict[str, Any]] = []
        self.columns: dict[str, None] = {}  # every column, in order of first appearance (as pandas orders them)
        self.spill: Any = None

    def add(self, row: dict[str, Any]) -> None:
        if self.folder is None:
            return
        self.rows.append(row)
        if len(self.rows) >= SPILL_ROWS:
            self._spill()

    def _spill(self) -> None:
        import pickle
        import tempfile

        if self.spill is None:
            self.spill = tempfile.TemporaryFile(dir=self.folder, prefix=".mediacompare-articles-")
        for row in self.rows:
            self.columns.update(dict.fromkeys(row))
        pickle.dump(self.rows, self.spill, protocol=pickle.HIGHEST_PROTOCOL)
        self.rows = []

    def _frames(self) -> Iterator[pd.DataFrame]:
        import pickle

        import pandas as pd

        self.spill.seek(0)
        columns = list(self.columns)
        while True:
            try:
                batch = pickle.load(self.spill)
            except EOFError:
                return
            yield articles_frame(pd.DataFrame(batch, columns=columns, dtype=object))

    def write(self, path: str | Path) -> None:
        if self.spill is None:
            write_frame(articles_frame(self.rows), path)
            return
        if self.rows:
            self._spill()
        write_frames(self._frames(), path)

    def close(self) -> None:
        if self.spill is not None:
            self.spill.close()
            self.spill = None
