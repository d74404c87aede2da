"""Load a corpus as a stream of :class:`Article` records, accounting for every input.

Two input shapes are accepted:

* a directory of ``.txt`` files, optionally with ``manifest.csv`` (or ``manifest.toml``)
  giving ``article_id, file, outlet, headline, dateline, published, url, event_id, notes``;
* a table (``.csv``, ``.tsv``, ``.jsonl``/``.ndjson``, ``.parquet``) with a text column and
  metadata columns ``article_id, outlet, title, published, url, event_id``.

Every input yields either an :class:`Article` or a :class:`Skipped` record with the reason
(empty, undecodable, duplicate id, missing file, unlisted file, invalid row — a JSONL line that is not
a JSON object or has no text field), keeping the metadata the input gave. A row without an id gets
``row-N`` (N = its row or line number). Input that cannot be read at all, or a CSV/Parquet table whose
header/schema lacks the text column, raises :class:`MediacompareError` with a one-line message naming
the file.
"""

from __future__ import annotations

import csv
import json
import math
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .model import Article, MediacompareError, Skipped

METADATA_COLUMNS = ("article_id", "outlet", "title", "published", "url", "event_id")
ALIASES = {"headline": "title", "id": "article_id", "date": "published", "source_outlet": "outlet"}
MANIFEST_NAMES = ("manifest.csv", "manifest.toml")
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet")

Record = Article | Skipped


def load_corpus(path: str | Path, text_column: str = "text") -> Iterator[Record]:
    """Stream the corpus at ``path``: one :class:`Article` or :class:`Skipped` per input.

    Duplicate ``article_id`` values after the first are skipped with the first one's source.
    """
    path = Path(path)
    if not path.exists():
        raise MediacompareError(f"{path}: no such file or directory")
    if path.is_dir():
        records: Iterable[Record] = _iter_directory(path)
    elif path.suffix.lower() in TABLE_SUFFIXES:
        records = _iter_table(path, text_column)
    elif path.suffix.lower() == ".txt":
        records = [_read_text_file(path, {"article_id": path.stem}, str(path))]
    else:
        raise MediacompareError(
            f"{path}: unsupported input; give a directory of .txt files or a "
            f"{'/'.join(TABLE_SUFFIXES)} table"
        )
    seen: dict[str, str] = {}
    for rec in records:
        if isinstance(rec, Article):
            first = seen.get(rec.article_id)
            if first is not None:
                yield Skipped.of(rec, "duplicate_id", f"article_id {rec.article_id!r} already used by {first}")
                continue
            seen[rec.article_id] = rec.source
            if not rec.text.strip():
                yield Skipped.of(rec, "empty", "no text")
                continue
        yield rec


def input_files(path: str | Path) -> list[Path]:
    """Every file :func:`load_corpus` reads (or would read if it existed) at ``path``, so no output replaces one.

    A table or a .txt file is itself; a directory is its manifest names (present or not), its .txt files
    and every file its manifest names.
    """
    path = Path(path)
    if not path.is_dir():
        return [path]
    files = [path / n for n in MANIFEST_NAMES] + sorted(path.glob("*.txt"))
    manifest = next((path / n for n in MANIFEST_NAMES if (path / n).is_file()), None)
    if manifest is not None:
        files += [path / row["file"] for row in read_manifest(manifest) if row.get("file")]
    return files


def _clean_value(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _article_from_row(row: dict[str, Any], text: str, source: str, default_id: str) -> Article:
    meta: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    for key, value in row.items():
        name = ALIASES.get(str(key).strip().lower(), str(key).strip().lower())
        if name in METADATA_COLUMNS:
            meta[name] = _clean_value(value)
        else:
            extra.append((str(key), _clean_value(value)))
    article_id = meta.pop("article_id", "") or default_id
    return Article(article_id=article_id, text=text, source=source, extra=tuple(extra), **meta)


def read_manifest(path: Path) -> list[dict[str, str]]:
    """Rows of a ``manifest.csv`` or ``manifest.toml`` (``[[article]]`` tables)."""
    try:
        if path.suffix == ".toml":
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            rows = data.get("article") or data.get("articles") or []
            return [{k: _clean_value(v) for k, v in r.items()} for r in rows]
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, csv.Error) as exc:
        raise MediacompareError(f"{path}: cannot read manifest ({exc})") from None
    if rows and "file" not in rows[0]:
        raise MediacompareError(f"{path}: manifest needs a 'file' column; found {', '.join(rows[0])}")
    return [{k: _clean_value(v) for k, v in r.items() if k is not None} for r in rows]


def _iter_directory(folder: Path) -> Iterator[Record]:
    manifest = next((folder / n for n in MANIFEST_NAMES if (folder / n).is_file()), None)
    files = sorted(p for p in folder.glob("*.txt") if p.is_file())
    if manifest is None:
        for p in files:
            yield _read_text_file(p, {"article_id": p.stem}, str(p))
        return
    listed: set[str] = set()
    for n, row in enumerate(read_manifest(manifest), start=2):
        name = row.get("file", "")
        row = {k: v for k, v in row.items() if k != "file"}
        row.setdefault("article_id", "")
        row["article_id"] = row["article_id"] or Path(name).stem
        where = f"{manifest} row {n}"
        if not name:
            yield Skipped.of(_article_from_row(row, "", where, f"row-{n}"), "invalid", "manifest row names no file")
            continue
        listed.add(name)
        target = folder / name
        if not target.is_file():
            yield Skipped.of(_article_from_row(row, "", where, Path(name).stem), "missing_file",
                             f"{target} named in manifest is missing")
            continue
        yield _read_text_file(target, row, str(target))
    for p in files:
        if p.name not in listed:
            yield Skipped(p.stem, str(p), "unlisted",
                          f"not listed in {manifest.name}; add a row to analyse it")


def _read_text_file(path: Path, row: dict[str, Any], source: str) -> Record:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skipped.of(_article_from_row(row, "", source, path.stem), "undecodable",
                          f"not valid UTF-8 at byte {exc.start}")
    return _article_from_row(row, text, source, path.stem)


def _iter_table(path: Path, text_column: str) -> Iterator[Record]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        rows: Iterable[tuple[str, dict[str, Any] | str]] = _jsonl_rows(path)
    elif suffix == ".parquet":
        rows = _parquet_rows(path, text_column)
    else:
        rows = _csv_rows(path, "\t" if suffix == ".tsv" else ",", text_column)
    for where, row in rows:
        default_id = f"row-{where.rsplit(' ', 1)[-1]}"
        if isinstance(row, str):  # a row that could not be parsed: row holds the reason
            yield Skipped(default_id, where, "invalid", row)
            continue
        if text_column not in row:  # only JSONL rows get here: a table without the column is fatal
            yield Skipped.of(_article_from_row(row, "", where, default_id), "invalid",
                             f"no {text_column!r} field (name the text field with --text-column)")
            continue
        text = row.pop(text_column)
        if text is not None and not isinstance(text, str) and not (isinstance(text, float) and math.isnan(text)):
            text = str(text)
        yield _article_from_row(row, _clean_value(text) and text, where, default_id)


def _csv_rows(path: Path, sep: str, text_column: str) -> Iterator[tuple[str, dict[str, Any]]]:
    csv.field_size_limit(1 << 30)
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh, delimiter=sep)
            if reader.fieldnames is None:
                raise MediacompareError(f"{path}: empty table")
            _require_column(path, [f for f in reader.fieldnames if f is not None], text_column)
            for n, row in enumerate(reader, start=1):
                yield f"{path} row {n}", {k: v for k, v in row.items() if k is not None}
    except UnicodeDecodeError as exc:
        raise MediacompareError(f"{path}: not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
    except csv.Error as exc:
        raise MediacompareError(f"{path}: malformed CSV ({exc})") from None


def _require_column(path: Path, columns: list[str], text_column: str) -> None:
    """A table (CSV header, Parquet schema) without the text column cannot be analysed at all."""
    if text_column not in columns:
        raise MediacompareError(
            f"{path}: no {text_column!r} column (found: {', '.join(map(str, columns))}); "
            f"name the text column with --text-column"
        )


def _jsonl_rows(path: Path) -> Iterator[tuple[str, dict[str, Any] | str]]:
    with path.open("rb") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path} line {n}"
            try:
                obj = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield where, f"not valid JSON ({exc})"
                continue
            if not isinstance(obj, dict):
                yield where, "not a JSON object"
                continue
            yield where, obj


def _parquet_rows(path: Path, text_column: str) -> Iterator[tuple[str, dict[str, Any]]]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for unreadable files
        raise MediacompareError(f"{path}: cannot read Parquet ({exc})") from None
    _require_column(path, list(pf.schema_arrow.names), text_column)
    n = 0
    for batch in pf.iter_batches(batch_size=1000):
        for row in batch.to_pylist():
            n += 1
            yield f"{path} row {n}", row
