"""The per-article result cache: same tables, only what changed recomputed, safe when shared, bounded."""

from __future__ import annotations

import filecmp
import math
import multiprocessing
import shutil
import sqlite3
from pathlib import Path

import pytest

from analysis import cache as cache_mod
from analysis import lexicons, pipeline
from analysis.cache import FAMILY_INPUTS, CacheConfig, ResultCache, decode_detail, decode_measurements
from analysis.cli import main
from analysis.corpus import load_corpus
from analysis.metrics import FAMILIES, Settings
from analysis.model import Undefined
from analysis.parse import parse_article

REPO = Path(__file__).resolve().parent.parent
TABLES = ("metrics", "evidence", "articles", "sentences")


def _run(corpus: Path, out: Path, *extra: str) -> Path:
    args = ["metrics", str(corpus), "-o", str(out / "metrics.csv"), "--quiet", "--records", str(out / "records")]
    for name in TABLES[1:]:
        args += [f"--{name}", str(out / f"{name}.csv")]
    assert main([*args, *extra]) == 0
    return out


def _same_tables(a: Path, b: Path) -> None:
    names = [f"{t}.csv" for t in TABLES] + [f"records/{p.name}" for p in sorted((a / "records").iterdir())]
    assert names[-1].startswith("records/")
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    assert (mismatch, errors) == ([], [])


@pytest.fixture
def computed(monkeypatch):
    """Records which families are computed (not read from the cache), per article."""
    calls: list[tuple[str, tuple[str, ...]]] = []
    real = pipeline.analyse_parsed

    def spy(doc, settings, families=None):
        fams = tuple(families) if families is not None else tuple(pipeline.selected_families(settings))
        calls.append((doc.article_id, fams))
        return real(doc, settings, families)

    monkeypatch.setattr(pipeline, "analyse_parsed", spy)
    return calls


def test_cached_rerun_gives_byte_identical_tables_and_computes_nothing(tmp_path, seeds_dir, computed):
    cache = tmp_path / "cache"
    plain = _run(seeds_dir, tmp_path / "plain", "--no-cache")
    assert len(computed) == 2 and not (tmp_path / "cache").exists()  # --no-cache: nothing written
    first = _run(seeds_dir, tmp_path / "first", "--cache", str(cache))
    assert len(computed) == 4
    second = _run(seeds_dir, tmp_path / "second", "--cache", str(cache))
    assert len(computed) == 4  # the second run computed no family of either article
    _same_tables(plain, first)
    _same_tables(plain, second)
    # a metrics-only re-run reads only the measurements, and writes the same metrics table
    only = tmp_path / "only"
    assert main(["metrics", str(seeds_dir), "-o", str(only / "metrics.csv"), "--quiet", "--cache", str(cache)]) == 0
    assert filecmp.cmp(plain / "metrics.csv", only / "metrics.csv", shallow=False)
    assert len(computed) == 4


def test_editing_one_rules_file_recomputes_only_the_family_that_reads_it(tmp_path, seeds_dir, computed):
    cache = tmp_path / "cache"
    frames = tmp_path / "frames.yaml"
    shutil.copy(lexicons.bundled_path("frames.yaml"), frames)
    _run(seeds_dir, tmp_path / "a", "--cache", str(cache), "--frames", str(frames))
    computed.clear()
    text = frames.read_text(encoding="utf-8")
    assert text.count("    - accus*\n") == 1
    frames.write_text(text.replace("    - accus*\n", "    - accus*\n              - blam*\n"), encoding="utf-8")
    edited = _run(seeds_dir, tmp_path / "b", "--cache", str(cache), "--frames", str(frames))
    assert sorted(computed) == [(aid, ("framing",)) for aid in sorted(a.article_id for a in load_corpus(seeds_dir))]
    fresh = _run(seeds_dir, tmp_path / "c", "--no-cache", "--frames", str(frames))
    _same_tables(fresh, edited)


def test_moved_corpus_is_found_and_keeps_its_own_source(tmp_path, seeds_dir, computed):
    cache = tmp_path / "cache"
    _run(seeds_dir, tmp_path / "a", "--cache", str(cache))
    moved = tmp_path / "elsewhere"
    shutil.copytree(seeds_dir, moved)
    computed.clear()
    out = _run(moved, tmp_path / "b", "--cache", str(cache))
    assert computed == []
    assert str(moved) in (out / "articles.csv").read_text(encoding="utf-8")
    _same_tables(_run(moved, tmp_path / "c", "--no-cache"), out)


def test_jobs_and_concurrent_runs_share_one_cache(tmp_path, seeds_dir):
    cache = tmp_path / "cache"
    plain = _run(seeds_dir, tmp_path / "plain", "--no-cache")
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_run, args=(seeds_dir, tmp_path / f"p{i}", "--cache", str(cache), "--jobs", "2"))
             for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    for i in range(3):
        _same_tables(plain, tmp_path / f"p{i}")
    n = sqlite3.connect(cache / cache_mod.DB_NAME).execute("SELECT COUNT(*) FROM entries").fetchone()[0]
    assert n == 2 * (2 + 2 * len(FAMILIES))  # per article: row, sentences, and two parts per family


def test_values_round_trip_with_reasons(tmp_path):
    doc = parse_article(next(iter(load_corpus(REPO / "seeds"))))
    texts = {s.index: s.text for s in doc.sentences}
    for name in FAMILIES:
        res = FAMILIES[name](doc, Settings())
        blob = cache_mod.encode_measurements(res)
        stored = cache_mod.StoredResult(cache_mod.decode_columns(blob), [], {})  # what a cache hit gives
        metrics, targets, _, notes = stored.measurement_columns()
        assert (metrics, targets, notes) == ([m.metric for m in res.measurements], [m.target for m in res.measurements],
                                             [m.note for m in res.measurements])
        for ms in (decode_measurements(blob), stored.measurements):
            assert [(m.metric, m.target, m.note) for m in ms] == [(m.metric, m.target, m.note)
                                                                  for m in res.measurements]
            for a, b in zip(ms, res.measurements, strict=True):
                assert (math.isnan(a.value) and math.isnan(b.value)) or a.value == b.value
                assert getattr(a.value, "reason", "") == getattr(b.value, "reason", "")
        evidence, records = decode_detail(cache_mod.encode_detail(res, texts), texts)
        assert evidence == res.evidence
        assert records.keys() == res.records.keys()
    odd = {"t": [{"x": Undefined("why"), "y": (1, "a"), "z": -0.0, "w": True, "v": None}]}
    back = cache_mod._unpack(cache_mod._pack(cache_mod._enc(odd)))
    assert back["t"][0]["x"].reason == "why" and back["t"][0]["y"] == (1, "a") and back["t"][0]["w"] is True
    assert math.copysign(1, back["t"][0]["z"]) == -1 and back["t"][0]["v"] is None


def test_least_recently_used_entries_are_evicted_beyond_the_bound(tmp_path):
    store = ResultCache(CacheConfig(tmp_path, max_bytes=1000))
    for i in range(10):
        store.put(f"k{i}", bytes(200))  # 2,000 bytes stored
    store.commit()
    store.get_many(["k0", "k1"])  # read: now the most recently used
    evicted = store.evict()
    assert store.total_bytes() <= 800  # evicted down to 80% of the bound
    left = {k for (k,) in store.conn.execute("SELECT key FROM entries")}
    assert {"k0", "k1"} <= left and evicted == 10 - len(left)
    store.close()


def test_family_inputs_cover_every_lexicon_a_family_loads(monkeypatch):
    """Each bundled family reads only files FAMILY_INPUTS declares (a new lexicon must be declared there)."""
    loaded: list[str] = []
    real = lexicons._load

    def spy(path, mtime_ns):
        loaded.append(Path(path).name)
        return real(path, mtime_ns)

    monkeypatch.setattr(lexicons, "_load", spy)
    # the files read once per process (bundled-only lists behind lru_cache) are read again for the spy
    from analysis.entities.chunker import stopwords
    from analysis.entities.gazetteers import listed_organisations
    from analysis.entities.teams import positions

    doc = parse_article(next(iter(load_corpus(REPO / "seeds"))))
    for name in FAMILY_INPUTS:
        for once in (stopwords, listed_organisations, positions):
            once.cache_clear()
        loaded.clear()
        doc.cache.clear()
        FAMILIES[name](doc, Settings())
        declared = {f for f, _ in FAMILY_INPUTS[name].lexicons}
        undeclared = set(loaded) - declared
        assert not undeclared, f"family {name} reads {undeclared}: add it to FAMILY_INPUTS in analysis/cache.py"
    assert set(FAMILY_INPUTS) == set(FAMILIES)


def test_cache_option_rejects_a_file(tmp_path, seeds_dir, capsys):
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    assert main(["metrics", str(seeds_dir), "-o", str(tmp_path / "m.csv"), "--cache", str(target)]) == 2
    assert "not a directory" in capsys.readouterr().err


def test_an_unusable_cache_named_by_the_user_is_a_one_line_error(tmp_path, seeds_dir, capsys):
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / "results.sqlite").write_bytes(b"not an SQLite database, just text " * 4)
    before = (corrupt / "results.sqlite").read_bytes()
    blocked = tmp_path / "a_file" / "cache"  # its parent is a file: the folder cannot be made, even by root
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    for folder in (corrupt, blocked):
        code = main(["metrics", str(seeds_dir), "-o", str(tmp_path / "m.csv"), "--families", "readability",
                     "--cache", str(folder), "--quiet"])
        err = capsys.readouterr().err
        assert code == 2 and err.count("\n") == 1 and "cannot be used as the result cache" in err, err
    assert (corrupt / "results.sqlite").read_bytes() == before  # the user's file is left as it was
    assert not (tmp_path / "m.csv").exists()


def test_an_unusable_default_cache_warns_and_the_run_goes_on(tmp_path, seeds_dir, capsys, monkeypatch):
    """The platform's cache folder (a read-only home directory on a cluster, say) is not the user's choice."""
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    monkeypatch.delenv("MEDIACOMPARE_CACHE", raising=False)
    monkeypatch.setattr(cache_mod, "default_cache_dir", lambda: tmp_path / "a_file" / "cache")
    assert main(["metrics", str(seeds_dir), "-o", str(tmp_path / "m.csv"), "--families", "readability",
                 "--quiet"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot be used" in err and "running without it" in err


def test_an_unusable_cache_named_by_the_environment_is_an_error(tmp_path, seeds_dir, capsys, monkeypatch):
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    monkeypatch.setenv("MEDIACOMPARE_CACHE", str(tmp_path / "a_file" / "cache"))
    assert main(["metrics", str(seeds_dir), "-o", str(tmp_path / "m.csv"), "--families", "readability",
                 "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "give another MEDIACOMPARE_CACHE, or --no-cache" in err


def test_a_store_failing_when_the_run_ends_is_a_warning(tmp_path, seeds_dir, capsys, monkeypatch):
    """The last commit or eviction failing (disk full on a cached re-run) gave an sqlite3 traceback."""
    plain = _run(seeds_dir, tmp_path / "plain", "--no-cache")
    real_close = ResultCache.close

    def full(self):
        real_close(self)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(ResultCache, "close", full)
    ending = _run(seeds_dir, tmp_path / "ending", "--cache", str(tmp_path / "cache"))
    _same_tables(plain, ending)
    assert "database or disk is full" in capsys.readouterr().err


def test_a_store_failing_mid_run_keeps_the_tables_right(tmp_path, seeds_dir, capsys, monkeypatch):
    """A full disk under the cache: each article is analysed without it, one warning, same tables as --no-cache."""
    plain = _run(seeds_dir, tmp_path / "plain", "--no-cache")

    def full(self, key, value):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(ResultCache, "put", full)
    failing = _run(seeds_dir, tmp_path / "failing", "--cache", str(tmp_path / "cache"))
    _same_tables(plain, failing)
    err = capsys.readouterr().err
    assert err.count("the result cache") == 1 and "database or disk is full" in err
