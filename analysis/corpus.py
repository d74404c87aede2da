"""Load a corpus as a stream of :class:`Article` records, accounting for every input.

Two input shapes are accepted:

* a directory of ``.txt`` files, optionally with ``manifest.csv`` (or ``manifest.toml``)
  giving ``article_id, file, outlet, headline, dateline, published, url, event_id, notes``;
* a table (``.csv``, ``.tsv``, ``.jsonl``/``.ndjson``, ``.json`` (an array of objects), ``.parquet``) with a
  text column and metadata columns ``article_id, outlet, title, published, url, event_id``; the text formats
  may be compressed (``.gz``, ``.bz2``, ``.xz``: ``news.jsonl.gz``) and are decompressed as they are read.

A folder is read recursively (hidden files and folders excepted): a ``.txt`` file in a subfolder has the
id ``sub/name``, and every other file is a ``not_text`` row (never silently passed over).

Every input yields either an :class:`Article` or a :class:`Skipped` record with the reason (empty,
undecodable — also binary data —, duplicate id, missing file, unlisted file, a file that is not a .txt file,
invalid row — a JSONL line that is not a JSON object or has no text field), keeping the metadata the input
gave. A row without an id gets ``row-N`` (N = its row or line number). Input that cannot be read at all,
or a CSV/Parquet table whose header/schema lacks the text column, raises :class:`MediacompareError` with a
one-line message naming the file.
"""

from __future__ import annotations

import bz2
import contextlib
import csv
import datetime
import gzip
import io
import json
import lzma
import math
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .model import Article, MediacompareError, Skipped

METADATA_COLUMNS = ("article_id", "outlet", "title", "published", "url", "event_id")
ALIASES = {"headline": "title", "id": "article_id", "date": "published", "source_outlet": "outlet"}
MANIFEST_NAMES = ("manifest.csv", "manifest.toml")
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet")
COMPRESSIONS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}  # for every table format but Parquet

Record = Article | Skipped
READ_NOTE = "read_note"  # the extra column recording how a row was repaired when read (the articles table has it)


def load_corpus(path: str | Path, text_column: str = "text", exclude: Iterable[str | Path] = ()) -> Iterator[Record]:
    """Stream the corpus at ``path``: one :class:`Article` or :class:`Skipped` per input.

    Duplicate ``article_id`` values after the first are skipped with the first one's source. ``exclude``: files
    or folders inside a corpus folder that are not part of it (the run's own outputs written there).
    """
    path = Path(path)
    if not path.exists():
        raise MediacompareError(f"{shown(path)}: no such file or directory")
    if path.is_dir():
        records: Iterable[Record] = _iter_directory(path, exclude)
    elif not path.is_file():  # a pipe (it would block, and a table is read more than once) or a device
        raise MediacompareError(f"{shown(path)}: not a regular file (a pipe or a device); save the corpus to a "
                                f"file or folder first")
    elif table_format(path):
        records = _iter_table(path, text_column)
    elif path.suffix.lower() == ".txt":
        records = [_read_text_file(path, {"article_id": shown(path.stem)}, shown(path))]
    else:
        hint = _FOREIGN.get(path.suffix.lower(), "")
        raise MediacompareError(
            f"{shown(path)}: unsupported input{hint}; give a directory of .txt files or a "
            f"{'/'.join(TABLE_SUFFIXES)} table (all but .parquet may end in .gz, .bz2 or .xz)"
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


_FOREIGN = {**dict.fromkeys((".xlsx", ".xls", ".xlsm", ".ods"), " (a spreadsheet: save it as CSV, UTF-8)"),
            **dict.fromkeys((".zip", ".tar", ".tgz", ".7z", ".rar"), " (an archive: unpack it first)"),
            **dict.fromkeys((".docx", ".doc", ".odt", ".rtf", ".pdf"), " (a document: save its text as .txt)")}


def table_format(path: Path) -> str:
    """The table format of ``path`` by its name ("csv", "jsonl", ...; "" if none): ``news.jsonl.gz`` is "jsonl"."""
    suffixes = [x.lower() for x in path.suffixes[-2:]]
    if suffixes and suffixes[-1] in COMPRESSIONS:
        suffixes = suffixes[:-1] if suffixes[:-1] != [".parquet"] else []
    if not suffixes or suffixes[-1] not in TABLE_SUFFIXES:
        return ""
    return {".ndjson": "jsonl"}.get(suffixes[-1], suffixes[-1].lstrip("."))


def input_files(path: str | Path) -> list[Path]:
    """Every file :func:`load_corpus` reads (or would read if it existed) at ``path``, so no output replaces one.

    A table or a .txt file is itself; a directory is its manifest names (present or not), every file it lists
    (the .txt files and the other files it reports as ``not_text`` rows: a user's notes.csv in the corpus folder
    is never replaced by an output) and every file its manifest names.
    """
    path = Path(path)
    if not path.is_dir():
        return [path]
    files = [path / n for n in MANIFEST_NAMES] + _folder_files(path)
    manifest = _manifest_of(path)
    if manifest is not None:
        files += [path / row["file"] for row in read_manifest(manifest) if row.get("file")]
    return files


_SURROGATE = re.compile("[\ud800-\udfff]")


def safe_text(text: str) -> str:
    """``text`` that can be written as UTF-8: a lone surrogate (a ``\\ud800`` escape in JSON) becomes U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def shown(path: str | Path) -> str:
    """A path as text that can be printed and written: bytes of a file name that are not UTF-8 as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _clean_value(value: Any) -> str:
    """A metadata value as stripped text: None and NaN are empty, bytes are decoded, numbers printed, a list or
    an object as JSON text (never Python's repr); a byte that is not UTF-8 (or a lone surrogate) becomes U+FFFD."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).decode("utf-8", "replace")
    if isinstance(value, (list, tuple, dict)):
        value = json.dumps(value, ensure_ascii=False, default=str)
    elif isinstance(value, (datetime.date, datetime.time)):  # a TOML or Parquet date: ISO 8601 ("2024-11-12T10:00")
        value = value.isoformat()
    text = str(value)
    if _SURROGATE.search(text):  # a CSV cell read with surrogateescape: back to bytes, decoded with U+FFFD
        with contextlib.suppress(UnicodeEncodeError):  # a JSON "\\ud800" escape: safe_text replaces it
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _INVISIBLE_ENDS.sub("", safe_text(text))


# White space and invisible format characters (right-to-left and left-to-right marks and overrides, zero-width
# spaces and joiners, a byte-order mark) at either end of a metadata value: "Fox News\u200f" is "Fox News", never a
# second outlet that looks the same.
_INVISIBLE_ENDS = re.compile(r"^[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+|"
                             r"[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+$")


_KINDS = ((bool, "a boolean"), (int, "a number"), (float, "a number"), (dict, "an object"), (list, "a list"))


def _kind(value: Any) -> str:
    """What a value that is not text is ("a number", "a list", ...), for a reason."""
    return "a list" if isinstance(value, tuple) else next(
        (name for cls, name in _KINDS if isinstance(value, cls)), f"a {type(value).__name__}")


def _bad_byte(value: bytes | bytearray) -> int | None:
    """Where ``value`` stops being UTF-8 (the first bad byte), or None when it is UTF-8."""
    try:
        bytes(value).decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return None


def text_problem(value: Any) -> tuple[str, str] | None:
    """``(status, reason)`` when a text field is not text: numbers, booleans, objects and lists are ``invalid``
    (never turned into "12345" and scored); bytes are accepted only when they are UTF-8 (else ``undecodable``)."""
    if value is None or isinstance(value, str) or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (bytes, bytearray)):
        at = _bad_byte(value)
        return None if at is None else ("undecodable", f"the text is bytes that are not valid UTF-8 (at byte {at})")
    return "invalid", f"the text field is {_kind(value)}, not a string"


def metadata_problem(row: dict[str, Any]) -> tuple[str, str] | None:
    """``(status, reason)`` when a row's metadata cannot be read: a metadata field (``article_id``, ``outlet``,
    ``title``, ``published``, ``url``, ``event_id``) holding a list, an object or a boolean, which has no text of
    its own (``invalid``: never written as "['a', 'b']"), or bytes that are not UTF-8 (``undecodable``: a Latin-1
    outlet cell in a CSV table is never read with U+FFFD in silence). Numbers are text as written (an id 17, a
    date 20241112); other columns are carried as they are (a list or an object as JSON text; bytes that are not
    UTF-8 with U+FFFD, as a Parquet column may hold binary data)."""
    for name, key in _metadata_keys(row).items():
        value = row[key]
        spelled = "" if str(key) == name else f" ({safe_text(str(key))!r})"
        if isinstance(value, (bool, list, tuple, dict)):
            return "invalid", f"the {name} field{spelled} is {_kind(value)}, not a string"
        if isinstance(value, float) and math.isinf(value):  # JSON's Infinity: never the text "inf"
            return "invalid", f"the {name} field{spelled} is an infinite number, not a string"
        if isinstance(value, (bytes, bytearray)) and (at := _bad_byte(value)) is not None:
            return "undecodable", f"the {name} field{spelled} is not valid UTF-8 (at byte {at})"
    return None


def _text_of(value: Any) -> str:
    """The text of a text field that passed :func:`text_problem` (None/NaN: empty; UTF-8 bytes decoded)."""
    if value is None or isinstance(value, float):
        return ""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8-sig")
    return safe_text(value)


def _metadata_keys(keys: Iterable[Any]) -> dict[str, Any]:
    """Which key of a row gives each metadata field: the field's own name as written ("outlet") before another
    spelling ("Outlet") or an alias ("source_outlet"), else the first such key. Other keys are extra columns."""
    chosen: dict[str, Any] = {}
    for key in keys:
        name = ALIASES.get(str(key).strip().lower(), str(key).strip().lower())
        if name in METADATA_COLUMNS and (name not in chosen or str(key) == name):
            chosen[name] = key
    return chosen


def _article_from_row(row: dict[str, Any], text: str, source: str, default_id: str) -> Article:
    meta: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    chosen = {key: name for name, key in _metadata_keys(row).items()}
    for key, value in row.items():  # a second spelling ("id" beside "article_id") is kept as an extra column
        if key in chosen:
            meta[chosen[key]] = _clean_value(value)
        else:
            extra.append((safe_text(str(key)), _clean_value(value)))
    article_id = meta.pop("article_id", "") or default_id
    return Article(article_id=article_id, text=text, source=source, extra=tuple(extra), **meta)


def _manifest_rows(path: Path, text: str) -> list[dict[str, Any]]:
    if path.suffix == ".toml":
        data = tomllib.loads(text)
        rows = data.get("article", data.get("articles", [] if not data else None))
        if rows is None:
            raise MediacompareError(f"{path}: no [[article]] tables (found {', '.join(map(str, data))})")
        if isinstance(rows, dict):
            raise MediacompareError(f"{path}: [article] is a single table; write [[article]] (double brackets) "
                                    f"before each article")
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise MediacompareError(f"{path}: 'article' must be an array of tables, one [[article]] per article")
        return rows
    fh = io.StringIO(text, newline="")
    return list(csv.DictReader(fh, delimiter=_csv_delimiter(fh)))  # ";" as a table's (spreadsheets' CSV)


def read_manifest(path: Path) -> list[dict[str, str]]:
    """Rows of a ``manifest.csv`` or ``manifest.toml`` (``[[article]]`` tables)."""
    return [row for row, _ in manifest_entries(path)]


def _entry_problem(row: dict[str, Any]) -> str:
    """Why a manifest row cannot be used ("" when it can): a ``file`` that is not a string (TOML ``file = 5``)
    or a metadata field with a list, table or boolean (:func:`metadata_problem`)."""
    name = row.get("file")
    if name is not None and not isinstance(name, str):
        return f"the file field is {_kind(name)} ({_clean_value(name)[:80]}), not a file name; write it as a string"
    problem = metadata_problem(row)
    return problem[1] if problem else ""


def manifest_entries(path: Path) -> list[tuple[dict[str, str], str]]:
    """Each row of a manifest as text, with why it cannot be used ("" when it can; see :func:`_entry_problem`)."""
    try:
        rows = _manifest_rows(path, _decode(path.read_bytes()))
    except OSError as exc:
        raise MediacompareError(f"{shown(path)}: cannot read manifest ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        problem = exc.reason if exc.encoding == "utf-16" else f"not valid UTF-8 at byte {exc.start}"
        raise MediacompareError(f"{shown(path)}: cannot read manifest ({problem})") from None
    except (tomllib.TOMLDecodeError, csv.Error) as exc:
        raise MediacompareError(f"{shown(path)}: cannot read manifest ({exc})") from None
    if rows and "file" not in rows[0]:
        raise MediacompareError(f"{shown(path)}: manifest needs a 'file' column; found "
                                f"{', '.join(str(k) for k in rows[0])}")
    return [({str(k): _clean_value(v) for k, v in r.items() if k is not None}, _entry_problem(r)) for r in rows]


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` (normalised, not resolved: a link the user placed in the folder is fine) is in ``folder``."""
    root = os.path.normpath(folder)
    return os.path.normpath(path).startswith(root.rstrip(os.sep) + os.sep)


def _exists(path: Path) -> bool:
    return _safely(Path.exists, path)


def _safely(test: Callable[[Path], bool], path: Path, failed: bool = False) -> bool:
    """``test(path)`` (``Path.exists``, ``Path.is_symlink``), or ``failed`` where the path cannot be looked at (a
    name past the system's path length): the entry is then listed and its reading fails with the reason."""
    try:
        return test(path)
    except OSError:
        return failed


def _same_path(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` (neither holding a NUL) are one file (links followed)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _hidden(name: str) -> bool:
    """A hidden file or folder (``.git``, ``.DS_Store``, a half-written ``.x.partial.csv``) but a hidden ``.txt``
    file, which is read as it always was."""
    return name.startswith(".") and not name.lower().endswith(".txt")


# Files that mark a folder as mediacompare's own output (a report, a comparison, a Parquet dataset): not corpus.
RECORDS_MARKER = ".mediacompare-records"  # in a metrics --records folder: its tables may be replaced by a rerun
CACHE_MARKER = ".mediacompare-cache"  # in a result cache folder (--cache DIR): its results.sqlite is not corpus
OUTPUT_MARKERS = (".mediacompare-report.json", ".mediacompare-compare.json", "_mediacompare_dataset", RECORDS_MARKER,
                  CACHE_MARKER)
CACHE_FILES = ("results.sqlite", "results.sqlite-wal", "results.sqlite-shm", "results.sqlite-journal")


def mark_records_folder(folder: Path) -> None:
    """Mark ``folder`` as written by ``metrics --records``: a later run may replace its tables, and a corpus
    folder holding it does not read it as corpus."""
    (folder / RECORDS_MARKER).write_text("Written by 'mediacompare metrics --records': a later run may replace "
                                         "its tables.\n", encoding="utf-8")


def _folder_files(folder: Path, exclude: Iterable[str | Path] = ()) -> list[Path]:
    """Every file under ``folder`` that the corpus accounts for, in path order compared folder by folder (so
    the folder's own files by name as a plain listing sorts them: "a-b.txt" before "a.txt").

    Files in subfolders too; links to folders are not followed; hidden files and folders, folders holding a
    mediacompare output marker (a report, a comparison, ``--records``, a result cache: its SQLite files are left
    out also when the cache is the corpus folder itself), the tables mediacompare writes (recognised by their
    header: ``-o corpus/metrics.csv`` of an earlier run), and ``exclude`` are left out. A folder named ``x.txt`` and
    a link to a folder
    are entries themselves (they become ``unreadable`` rows), so nothing under the folder is passed over in
    silence. The folder itself unlistable is a one-line error."""
    skip = {os.path.normpath(os.path.abspath(p)) for p in exclude}
    found: list[Path] = []
    failed: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=failed.append):
        here = Path(root)
        if here != folder and (any(_exists(here / m) for m in OUTPUT_MARKERS)
                               or os.path.normpath(os.path.abspath(here)) in skip):
            dirs[:] = []
            continue
        keep = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            if d.lower().endswith(".txt") or _safely(Path.is_symlink, here / d, True):
                found.append(here / d)  # read as a file: "a directory, not a file" / a link not followed
            else:
                keep.append(d)
        dirs[:] = keep
        cache_here = _exists(here / CACHE_MARKER)
        found += [here / f for f in files
                  if not _hidden(f) and os.path.normpath(os.path.abspath(here / f)) not in skip
                  and not (cache_here and f in CACHE_FILES) and not _own_table(here / f)]
    for exc in failed:
        if os.path.normpath(exc.filename or "") == os.path.normpath(folder):
            raise MediacompareError(f"{shown(folder)}: cannot list the folder ({exc.strerror or exc})")
        found.append(Path(exc.filename))  # a subfolder that cannot be listed: an unreadable row
    return sorted(found, key=lambda p: Path(os.path.relpath(p, folder)).parts)


def _own_table(path: Path) -> bool:
    """Whether ``path`` is a table an earlier mediacompare run wrote (metrics, evidence, sentences or articles, by
    its header or Parquet schema): an output written into the corpus folder, neither corpus nor a user's file."""
    if path.suffix.lower() not in (".csv", ".parquet") or not _safely(Path.is_file, path):
        return False
    from .tables import is_output_table

    return is_output_table(path)


def _relative_id(path: Path, folder: Path) -> str:
    """The id of a file found in ``folder``: its name without ``.txt``, with its subfolders (``sub/a``)."""
    rel = os.path.relpath(path, folder).replace(os.sep, "/")
    return shown(rel[:-4] if rel.lower().endswith(".txt") else rel)


def _other_file(path: Path, folder: Path) -> Skipped:
    """A file of the folder that is not an article file: listed, with what to do about it."""
    rid, where = _relative_id(path, folder), shown(path)
    try:
        path.lstat()
    except OSError as exc:  # a name past the system's path length: listed, never read
        return Skipped(rid, where, "unreadable", f"cannot read ({exc.strerror or exc})")
    if path.is_dir():
        what = ("a link to a folder; not followed (give that folder itself)" if path.is_symlink()
                else "a subfolder that cannot be listed")
        return Skipped(rid, where, "unreadable", what)
    if path.name.lower() in MANIFEST_NAMES and path.parent == folder:  # Manifest.csv: not read as the manifest
        return Skipped(rid, where, "not_text", f"named like a manifest but not read as one: a manifest is named "
                       f"{' or '.join(MANIFEST_NAMES)}, in lower case")
    kind = path.suffix.lower() or "no extension"
    return Skipped(rid, where, "not_text", f"not a .txt file ({kind}); save the article as UTF-8 text in a "
                   ".txt file, or give a table (.csv, .jsonl, ...) as the corpus")


def _near_name(target: Path) -> str:
    """" (did you mean 'a.txt'?)" when a file of the folder differs from a missing ``target`` only in the case of its
    letters or by the .txt a manifest row left out; else ""."""
    with contextlib.suppress(OSError):
        names = {p.name.lower(): p.name for p in target.parent.iterdir()}
        for guess, why in ((target.name.lower(), "file names are case-sensitive"),
                           (target.name.lower() + ".txt", "give the whole file name")):
            if guess in names:
                return f" (did you mean {names[guess]!r}? {why})"
    return ""


def _manifest_of(folder: Path) -> Path | None:
    """The folder's manifest, if any; both a manifest.csv and a manifest.toml is a one-line error (which one
    lists the articles would be a guess)."""
    found = [folder / n for n in MANIFEST_NAMES if (folder / n).is_file()]
    if len(found) > 1:
        raise MediacompareError(f"{shown(folder)}: both {' and '.join(MANIFEST_NAMES)}; keep the one that lists "
                                f"the articles and move or rename the other")
    return found[0] if found else None


def _iter_directory(folder: Path, exclude: Iterable[str | Path] = ()) -> Iterator[Record]:
    manifest = _manifest_of(folder)
    try:
        found = _folder_files(folder, exclude)
    except OSError as exc:
        raise MediacompareError(f"{shown(folder)}: cannot list the folder ({exc.strerror or exc})") from None
    found = [p for p in found if manifest is None or os.path.normpath(p) != os.path.normpath(manifest)]
    is_txt = {p: p.suffix.lower() == ".txt" and not (_safely(Path.is_symlink, p) and p.is_dir()) for p in found}
    if manifest is None:
        for p in found:
            if is_txt[p]:
                yield _read_text_file(p, {"article_id": _relative_id(p, folder)}, shown(p))
            else:
                yield _other_file(p, folder)
        return
    listed: dict[str, int] = {}  # normalised path -> manifest row
    for n, (row, typed) in enumerate(manifest_entries(manifest), start=2):
        bad_file = typed.startswith("the file field")
        name = "" if bad_file else row.get("file", "")
        row = {k: v for k, v in row.items() if k != "file"}
        row.setdefault("article_id", "")
        row["article_id"] = row["article_id"] or Path(name).stem.replace("\0", "\\x00")
        where = f"{shown(manifest)} row {n}"
        target = Path(os.path.normpath(folder / name))
        problem = (typed if bad_file
                   else "manifest row names no file" if not name
                   else f"{name!r}: a file name cannot hold a NUL character" if "\0" in name
                   else f"{name!r} is the manifest itself, not an article" if _same_path(target, manifest)
                   else f"{name!r} is outside the corpus folder; only files in {shown(folder)} are read"
                   if not _inside(target, folder)
                   else f"{name!r} is already named by manifest row {listed[str(target)]}"
                   if str(target) in listed else "")
        if problem:
            yield Skipped.of(_article_from_row(row, "", where, f"row-{n}"), "invalid", problem)
            continue
        listed[str(target)] = n
        if typed:  # the file is named (so it is not also unlisted), but the row's metadata cannot be read
            yield Skipped.of(_article_from_row(row, "", where, f"row-{n}"), "invalid", typed)
            continue
        if not target.exists() and not target.is_symlink():
            yield Skipped.of(_article_from_row(row, "", where, Path(name).stem), "missing_file",
                             f"{shown(target)} named in manifest is missing{_near_name(target)}")
            continue
        yield _read_text_file(target, row, shown(target))
    for p in found:
        if os.path.normpath(p) in listed:
            continue
        if is_txt[p]:
            yield Skipped(_relative_id(p, folder), shown(p), "unlisted",
                          f"not listed in {manifest.name}; add a row to analyse it")
        else:
            yield _other_file(p, folder)


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_BINARY = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # C0 control codes but tab, line and page breaks; DEL
BINARY_SHARE = 0.1


def binary_reason(text: str) -> str:
    """Why ``text`` is binary data rather than text ("" if it is text): more than 10% of its characters are
    control codes (NUL, escape, ...). Text has none but tab and line breaks, so a few stray ones (removed by
    cleaning, with a note) pass; UTF-16/UTF-32 without a byte-order mark, images and archives do not."""
    if not text:
        return ""
    n = sum(1 for _ in _BINARY.finditer(text[:100_000]))
    share = n / min(len(text), 100_000)
    if share <= BINARY_SHARE:
        return ""
    nul = text.count("\x00", 0, 100_000) / min(len(text), 100_000)
    hint = "; UTF-16 or UTF-32 text? save it as UTF-8" if nul >= 0.25 else ""
    return f"binary data, not text ({share:.0%} of its characters are control codes such as NUL){hint}"


def _decode(raw: bytes) -> str:
    """UTF-8 text (a leading byte-order mark dropped); UTF-16 gets its own message."""
    if raw.startswith(_UTF16_BOMS):
        raise UnicodeDecodeError("utf-16", raw, 0, 2, "UTF-16 text; save it as UTF-8")
    return raw.decode("utf-8-sig")


def _read_text_file(path: Path, row: dict[str, Any], source: str) -> Record:
    default_id = shown(path.stem)
    with contextlib.suppress(OSError):
        if not path.is_dir() and path.exists() and not path.is_file():  # reading a pipe would block
            return Skipped.of(_article_from_row(row, "", source, default_id), "unreadable",
                              "not a regular file (a pipe or a device)")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = "a directory, not a file" if path.is_dir() else f"cannot read ({exc.strerror or exc})"
        return Skipped.of(_article_from_row(row, "", source, default_id), "unreadable", reason)
    try:
        text = _decode(raw)
    except UnicodeDecodeError as exc:
        reason = exc.reason if exc.encoding == "utf-16" else f"not valid UTF-8 at byte {exc.start}"
        return Skipped.of(_article_from_row(row, "", source, default_id), "undecodable", reason)
    binary = binary_reason(text)
    if binary:
        return Skipped.of(_article_from_row(row, "", source, default_id), "undecodable", binary)
    return _article_from_row(row, text, source, default_id)


Row = dict[str, Any] | tuple[str, str]  # a parsed row, or (status, reason) for a line that could not be parsed


def _iter_table(path: Path, text_column: str) -> Iterator[Record]:
    fmt = table_format(path)
    if fmt == "jsonl" and _opens_array(_first_line(path)):  # one JSON array saved as .jsonl (pretty-printed)
        fmt = "json"
    if fmt == "jsonl":
        rows: Iterable[tuple[str, Row]] = _jsonl_rows(path)
    elif fmt == "json":
        rows = _json_rows(path)
    elif fmt == "parquet":
        rows = _parquet_rows(path, text_column)
    else:
        rows = _csv_rows(path, "\t" if fmt == "tsv" else ",", text_column)
    for where, row in rows:
        default_id = f"row-{where.rsplit(' ', 1)[-1]}"
        if isinstance(row, tuple):  # a row that could not be parsed
            yield Skipped(default_id, where, *row)
            continue
        if text_column not in row:  # only JSONL rows get here: a table without the column is fatal
            near = [k for k in row if str(k).strip().lower() == text_column.lower()]
            hint = f"--text-column {safe_text(str(near[0]))!r}" if near else "--text-column"
            yield Skipped.of(_article_from_row(row, "", where, default_id), "invalid",
                             f"no {text_column!r} field (name the text field with {hint})")
            continue
        text = row.pop(text_column)
        problem = text_problem(text) or metadata_problem(row)  # the text's problem first
        if problem is None:
            text = _text_of(text)
            binary = binary_reason(text)
            problem = ("undecodable", binary) if binary else None
        if problem is not None:
            yield Skipped.of(_article_from_row(row, "", where, default_id), *problem)
            continue
        yield _article_from_row(row, text, where, default_id)


def _open_binary(path: Path) -> io.BufferedIOBase:
    """``path`` opened for reading bytes, decompressed as it is read when its name ends in .gz, .bz2 or .xz."""
    opener = COMPRESSIONS.get(path.suffix.lower())
    return opener(path, "rb") if opener is not None else path.open("rb")  # type: ignore[return-value]


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[None]:
    """A damaged compressed stream (or a read error) met part-way through a table is a one-line error."""
    try:
        yield
    except (OSError, EOFError, lzma.LZMAError) as exc:
        what = "cannot decompress" if path.suffix.lower() in COMPRESSIONS else "cannot read"
        raise MediacompareError(f"{shown(path)}: {what} ({getattr(exc, 'strerror', None) or exc})") from None


def _open_table(path: Path) -> bytes:
    """The first bytes of a table (to recognise UTF-16); an unreadable file is a one-line error."""
    with _reading(path), _open_binary(path) as fh:
        return fh.read(16)


# Files that are not text, by their first bytes: a table saved in one of these is one line naming it.
_MAGIC = ((b"PK\x03\x04", "a ZIP archive (an Excel .xlsx workbook?); save the table as CSV (UTF-8)"),
          (b"\xd0\xcf\x11\xe0", "an old Excel/Word file; save the table as CSV (UTF-8)"),
          (b"PAR1", "a Parquet file; name it .parquet"),
          (b"\x1f\x8b", "gzip-compressed; name it .gz (news.jsonl.gz)"),
          (b"BZh", "bzip2-compressed; name it .bz2"), (b"\xfd7zXZ", "xz-compressed; name it .xz"),
          (b"%PDF", "a PDF document"), (b"SQLite format 3\0", "an SQLite database"))


def _check_text_table(path: Path, what: str) -> None:
    """A text table (CSV, TSV, JSON, JSONL) that is UTF-16 (with or without a byte-order mark; UTF-32 is named so
    too) or a
    binary file by its first bytes is one line saying what it is, not one invalid row per line."""
    first = _open_table(path)
    if len(first) >= 8 and (first[1:4] == first[5:8] == b"\0\0\0" or first[:3] == first[4:7] == b"\0\0\0"
                            or first[:4] in (b"\xff\xfe\0\0", b"\0\0\xfe\xff")):
        raise MediacompareError(f"{shown(path)}: UTF-32 text; save the {what} as UTF-8")
    if first.startswith(_UTF16_BOMS) or (len(first) >= 4 and (first[1::2] == bytes(len(first[1::2]))
                                                              or first[0::2] == bytes(len(first[0::2])))):
        raise MediacompareError(f"{shown(path)}: UTF-16 text; save the {what} as UTF-8")
    kind = next((k for magic, k in _MAGIC if first.startswith(magic)), "")  # after decompression (.gz, ...)
    if kind:
        raise MediacompareError(f"{shown(path)}: binary data, not a text table: {kind}")


def _csv_rows(path: Path, sep: str, text_column: str) -> Iterator[tuple[str, Row]]:
    """CSV/TSV rows. A cell that is not UTF-8 makes its row ``undecodable``, not the whole table."""
    csv.field_size_limit(1 << 30)
    n = 0  # rows read so far
    _check_text_table(path, "table")
    try:
        with _reading(path), io.TextIOWrapper(_open_binary(path), encoding="utf-8-sig", errors="surrogateescape",
                                              newline="") as fh:
            if sep == ",":
                sep = _csv_delimiter(fh)
            # strict: a quote left open would otherwise swallow every later row into one cell
            reader = csv.DictReader(fh, delimiter=sep, strict=True)
            if reader.fieldnames is None or not any(f.strip() for f in reader.fieldnames):
                raise MediacompareError(f"{shown(path)}: empty table" + ("" if reader.fieldnames is None else
                                                                         " (its header line is blank)"))
            header = [safe_text(f) for f in reader.fieldnames]
            if binary_reason("".join(header)):
                raise MediacompareError(f"{shown(path)}: binary data, not a {sep!r}-separated text table")
            if "\x00" in "".join(header):  # a stray NUL: a column name that no option could name
                raise MediacompareError(f"{shown(path)}: a column name in the header holds a NUL character "
                                        f"({', '.join(repr(h) for h in header if chr(0) in h)}); remove it")
            if sep == "," and len(header) == 1 and "\t" in header[0] and text_column not in header:
                raise MediacompareError(f"{shown(path)}: the header is separated by tabs; name the file .tsv")
            _require_column(path, header, text_column)
            _require_unique(path, header)
            names = list(reader.fieldnames)
            for n, row in enumerate(reader, start=1):
                if [row.get(f) for f in names] == names and None not in row:  # "article_id,outlet,text" again
                    yield f"{shown(path)} row {n}", ("invalid", "the row repeats the header (two tables joined into "
                                                     "one file?); not an article")
                    continue
                more = row.pop(None, None) or []  # cells past the header's: separators in an unquoted text?
                while more and not more[-1].strip():  # a spreadsheet's trailing empty cells
                    more.pop()
                if more and header[-1] == text_column:  # the text is the last column: it is the rest of the line
                    row[text_column] = sep.join([row[text_column], *more])
                    row[READ_NOTE] = (f"{len(more)} cell{'s' if len(more) != 1 else ''} more than the header: the "
                                      f"rest of the line was kept as the text (unquoted {sep!r} in the text? or "
                                      f"in an earlier cell, which then holds only its first part)")
                elif more:  # where the text ends cannot be known: never analyse a cut text
                    yield f"{shown(path)} row {n}", ("invalid", f"{len(header) + len(more)} cells where the header "
                                                     f"has {len(header)} (a separator inside an unquoted cell?); "
                                                     f"quote the cells that hold {sep!r}")
                    continue
                text = row.get(text_column) or ""
                if _SURROGATE.search(text):  # bytes that are not UTF-8: text_problem names the first
                    row[text_column] = text.encode("utf-8", "surrogateescape")
                for key, value in row.items():  # other cells as bytes too: _iter_table names the first
                    if key != text_column and isinstance(value, str) and _SURROGATE.search(value):
                        row[key] = value.encode("utf-8", "surrogateescape")
                yield f"{shown(path)} row {n}", {safe_text(k): v for k, v in row.items() if k is not None}
    except csv.Error as exc:
        hint = ("; a cell that opens with a quotation mark is read as quoted: quote the whole cell and double the "
                'quotation marks inside it ("")' if "expected after '\"'" in str(exc) else "")
        raise MediacompareError(f"{shown(path)}: malformed CSV in row {n + 1} ({exc}){hint}") from None


def _csv_delimiter(fh: io.TextIOWrapper) -> str:
    """The delimiter of a .csv file: a comma, or a semicolon when the header line has semicolons and no comma
    (the CSV that spreadsheets write where the comma is the decimal mark). ``fh`` is left at its start."""
    first = fh.readline()
    fh.seek(0)
    outside = re.sub(r'"[^"]*"', "", first)  # separators inside a quoted header name do not count
    return ";" if ";" in outside and "," not in outside else ","


def _require_column(path: Path, columns: list[str], text_column: str) -> None:
    """A table (CSV header, Parquet schema) without the text column cannot be analysed at all."""
    if text_column not in columns:
        if _own_table(path):
            raise MediacompareError(f"{shown(path)}: a table mediacompare wrote (no {text_column!r} column), not a "
                                    f"corpus; give the corpus it was made from ('compare --from-tables' reads a "
                                    f"folder of such tables)")
        near = [c for c in columns if str(c).strip().lower() == text_column.lower()]
        hint = f"--text-column {near[0]!r}" if near else "--text-column"
        raise MediacompareError(
            f"{shown(path)}: no {text_column!r} column (found: {', '.join(map(str, columns))}); "
            f"name the text column with {hint}"
        )


def _require_unique(path: Path, columns: list[str]) -> None:
    """A column name given twice (a CSV header, a Parquet schema) would keep only one column's values."""
    seen: set[str] = set()
    for name in columns:
        if name.strip() and name in seen:
            raise MediacompareError(f"{shown(path)}: the column {name!r} appears twice; rename one (only one "
                                    f"column's values would be read)")
        seen.add(name)


def _jsonl_rows(path: Path) -> Iterator[tuple[str, Row]]:
    """JSONL rows; a line that is not UTF-8, not JSON (also nested too deep or with a number too long to read)
    or not an object is a row with its reason, and the file goes on."""
    _check_text_table(path, "file")
    if _first_line(path) == b"{":  # one object over many lines: every line would be an invalid row
        raise MediacompareError(f"{shown(path)}: its first line is '{{' alone: JSON Lines hold one whole object per "
                                f"line (this looks like pretty-printed JSON); write one object per line, or give "
                                f"one JSON array as a .json file")
    with _reading(path), _open_binary(path) as fh:
        for n, line in enumerate(_split_cr(fh), start=1):
            if not line.strip():
                continue
            where = f"{shown(path)} line {n}"
            try:
                # -sig: a byte-order mark opening the file; a key given twice is refused, not the last kept
                obj = json.loads(line.decode("utf-8-sig"), object_pairs_hook=_unique_keys)
            except UnicodeDecodeError as exc:
                yield where, ("undecodable", f"not valid UTF-8 at byte {exc.start} of the line")
                continue
            except RecursionError:
                yield where, ("invalid", "not valid JSON (nested too deeply to read)")
                continue
            except ValueError as exc:  # JSONDecodeError, or an integer of more digits than Python converts
                message = str(exc).splitlines()[0][:200]
                hint = ("; more than one JSON value on the line (files joined without a line break?): put each "
                        "object on its own line" if message.startswith("Extra data") else "")
                yield where, ("invalid", f"not valid JSON ({message}){hint}")
                continue
            if not isinstance(obj, dict):
                yield where, ("invalid", "not a JSON object")
                continue
            yield where, obj


def _first_line(path: Path) -> bytes:
    """The first line of a JSON Lines file that is not blank, stripped (its first 64 KB at most, never read whole:
    a one-line file of gigabytes; b"" if none)."""
    with _reading(path), _open_binary(path) as fh:
        while line := fh.readline(65536):
            line = line.strip().removeprefix(b"\xef\xbb\xbf").strip()
            if line:
                return line
    return b""


def _opens_array(line: bytes) -> bool:
    """Whether the first line of a .jsonl file opens a JSON array that goes on past it (``[`` or ``[{"text": ...},``),
    not a line that is a whole JSON value (an array on one line is one invalid row)."""
    if not line.startswith(b"["):
        return False
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return True
    return False


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are all different ({"text": "...", "text": 5} would keep the 5 silently)."""
    obj = dict(pairs)
    if len(obj) < len(pairs):
        seen: set[str] = set()
        twice = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise ValueError(f"the key {twice!r} is given twice in one object")
    return obj


def _split_cr(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Lines ended by LF, CRLF or a lone CR (old Mac files): a raw CR cannot be inside a JSON string, so
    splitting at one never cuts a value."""
    for line in lines:
        body = line.rstrip(b"\r\n")
        if b"\r" in body:
            yield from body.split(b"\r")
        else:
            yield line


def _json_rows(path: Path) -> Iterator[tuple[str, Row]]:
    """A .json file holding one array of article objects (read whole: use JSONL for corpora too big for memory),
    or JSON Lines saved as .json. An element that is not an object is a row with its reason; anything else
    than an array is a one-line error."""
    _check_text_table(path, "file")
    with _reading(path), _open_binary(path) as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MediacompareError(f"{shown(path)}: not valid UTF-8 at byte {exc.start}") from None
    del raw
    if not text.strip():
        raise MediacompareError(f"{shown(path)}: empty file; a .json corpus is an array of article objects "
                                f"([{{\"text\": ...}}, ...])")
    try:
        data = json.loads(text)
    except RecursionError:
        raise MediacompareError(f"{shown(path)}: not valid JSON (nested too deeply to read)") from None
    except ValueError as exc:  # JSONDecodeError, or an integer of more digits than Python converts
        if text.lstrip().startswith("{"):  # JSON Lines saved as .json: each line a row, a bad one invalid
            del text
            yield from _jsonl_rows(path)
            return
        raise MediacompareError(f"{shown(path)}: not valid JSON ({str(exc).splitlines()[0][:200]})") from None
    if isinstance(data, dict) and not any(isinstance(v, list) and v and all(isinstance(x, dict) for x in v)
                                          for v in data.values()):
        yield f"{shown(path)} item 1", data  # one article object (not an object wrapping the array)
        return
    if not isinstance(data, list):
        inner = next((f" whose {safe_text(str(k))!r} holds an array of {len(v)} objects: save that array alone"
                      for k, v in data.items() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)),
                     "") if isinstance(data, dict) else ""
        raise MediacompareError(f"{shown(path)}: a .json corpus is an array of article objects "
                                f"([{{\"text\": ...}}, ...]); this file holds "
                                f"{_KIND_NAMES.get(type(data), 'a value')}{inner}")
    for n, obj in enumerate(data, start=1):
        where = f"{shown(path)} item {n}"
        yield (where, obj) if isinstance(obj, dict) else (where, ("invalid", "not a JSON object"))


_KIND_NAMES = {dict: "an object", str: "a string", int: "a number", float: "a number", bool: "a boolean",
               type(None): "null"}


def _parquet_rows(path: Path, text_column: str) -> Iterator[tuple[str, Row]]:
    import pyarrow.parquet as pq

    _open_table(path)
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for unreadable files
        raise MediacompareError(f"{shown(path)}: cannot read Parquet ({exc})") from None
    _require_column(path, list(pf.schema_arrow.names), text_column)
    _require_unique(path, list(pf.schema_arrow.names))
    n = 0
    batches = pf.iter_batches(batch_size=1000)
    while True:
        try:
            batch = next(batches, None)
        except Exception as exc:  # a damaged row group
            raise MediacompareError(f"{shown(path)}: cannot read Parquet after row {n} ({exc})") from None
        if batch is None:
            return
        for row in batch.to_pylist():
            n += 1
            yield f"{shown(path)} row {n}", row
