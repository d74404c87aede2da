"""The Dask engine gives the tables of a single-process run; the default path never imports Dask."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.cluster import MARKER, plan

REPO = Path(__file__).resolve().parent.parent


def test_default_install_path_never_imports_dask(tmp_path, seeds_dir):
    code = (
        "import sys\n"
        "from analysis.cli import main\n"
        f"assert main(['metrics', {str(seeds_dir)!r}, '-o', {str(tmp_path / 'm.csv')!r}, '--quiet', "
        f"'--jobs', '2']) == 0\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_partitions_cover_the_records_in_order():
    parts = plan(10, 2, "c.jsonl", "text")
    # 2 threads x 4 partitions each; bounds floor(10·i/8) = 0 1 2 3 5 6 7 8 10
    assert [(p.start, p.stop) for p in parts] == [(0, 1), (1, 2), (2, 3), (3, 5), (5, 6), (6, 7), (7, 8), (8, 10)]
    assert [(p.start, p.stop) for p in plan(3, 4, "c", "text")] == [(0, 1), (1, 2), (2, 3)]
    assert [(p.start, p.stop) for p in plan(0, 4, "c", "text")] == [(0, 0)]


@pytest.fixture(scope="module")
def scheduler():
    """Two in-process worker threads: quick to start; the CLI connects to the scheduler's address."""
    dask = pytest.importorskip("dask.distributed")
    cluster = dask.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    yield cluster.scheduler_address
    cluster.close()


def _metrics(corpus: Path, out: Path, ext: str, *extra: str) -> Path:
    args = ["metrics", str(corpus), "-o", str(out / f"metrics.{ext}"), "--quiet", "--no-cache",
            "--evidence", str(out / f"evidence.{ext}"), "--sentences", str(out / f"sentences.{ext}"),
            "--articles", str(out / f"articles.{ext}"), "--records", str(out / "records")]
    assert main([*args, *extra]) == 0
    return out


def _parquet_same(single: Path, dataset: Path) -> None:
    assert dataset.is_dir() and (dataset / MARKER).is_file()
    parts = sorted(dataset.glob("part-*.parquet"))
    frame = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    want = pd.read_parquet(single)
    pd.testing.assert_frame_equal(frame, want)
    pd.testing.assert_frame_equal(pd.read_parquet(dataset), want)  # readers take the directory as one table


def test_seeds_on_two_workers_give_the_single_process_tables(tmp_path, seeds_dir, scheduler):
    one = _metrics(seeds_dir, tmp_path / "one", "parquet")
    many = _metrics(seeds_dir, tmp_path / "many", "parquet", "--scheduler", scheduler)
    for name in ("metrics", "evidence", "sentences", "articles"):
        _parquet_same(one / f"{name}.parquet", many / f"{name}.parquet")
    records = sorted(p.name for p in (one / "records").iterdir())
    assert records == sorted(p.name for p in (many / "records").iterdir())  # the .mediacompare-records marker too
    for name in (n for n in records if not n.startswith(".")):
        _parquet_same(one / "records" / name, many / "records" / name)
    # a second run replaces the datasets it wrote
    _metrics(seeds_dir, tmp_path / "many", "parquet", "--scheduler", scheduler)
    _parquet_same(one / "metrics.parquet", many / "metrics.parquet")


def test_synthetic_corpus_csv_assembled_byte_identical(tmp_path, scheduler):
    from analysis.synthetic import write_synthetic_corpus

    corpus = write_synthetic_corpus(tmp_path / "syn.csv", n_events=170, seed=5)  # 510 articles
    assert len(pd.read_csv(corpus)) >= 500
    extra = ("--families", "readability,sentiment")
    one = _metrics(corpus, tmp_path / "one", "csv", *extra)
    many = _metrics(corpus, tmp_path / "many", "csv", *extra, "--scheduler", scheduler)
    names = ["metrics.csv", "evidence.csv", "sentences.csv", "articles.csv",
             *(f"records/{p.name}" for p in sorted((one / "records").iterdir()))]
    _, mismatch, errors = filecmp.cmpfiles(one, many, names, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_bad_local_scheduler_is_a_one_line_error(tmp_path, seeds_dir, capsys):
    pytest.importorskip("dask.distributed")
    assert main(["metrics", str(seeds_dir), "-o", str(tmp_path / "m.csv"), "--scheduler", "local:zero"]) == 2
    assert "local:N" in capsys.readouterr().err
    assert not list(tmp_path.glob(".mediacompare-*"))  # the staging folder made before connecting is removed


def test_existing_non_dataset_directory_is_not_replaced(tmp_path, seeds_dir, scheduler, capsys):
    target = tmp_path / "metrics.parquet"
    target.mkdir()
    (target / "mine.txt").write_text("keep", encoding="utf-8")
    assert main(["metrics", str(seeds_dir), "-o", str(target), "--scheduler", scheduler]) == 2
    assert "not a Parquet dataset written by mediacompare" in capsys.readouterr().err
    assert (target / "mine.txt").read_text(encoding="utf-8") == "keep"


def test_compare_on_two_workers_gives_the_single_process_tables(tmp_path, seeds_dir, scheduler):
    """compare --scheduler: the analysis and the per-event batches on the workers, the same files as one process
    (CSV and Parquet byte for byte), on the seeds (one event, every family) and on 180 synthetic articles in 60
    events (per-event tables in 5 batches); the working folder beside the output is removed."""
    from analysis import cluster
    from analysis.compare import run
    from analysis.synthetic import write_synthetic_corpus

    corpus = write_synthetic_corpus(tmp_path / "syn.csv", n_events=60, seed=5)
    cases = [(seeds_dir, ()), (corpus, ("--families", "readability,sentiment"))]
    original = run.EVENT_BATCH_ARTICLES
    run.EVENT_BATCH_ARTICLES = 40  # 5 batches (tasks) of 180 articles: read where the batches are made (client)
    sizes: list[int] = []
    mapper = cluster.event_mapper

    def counting(client):  # the batches the workers get
        inner = mapper(client)
        return lambda batches: inner(b for b in batches if not sizes.append(len(b[0])))

    cluster.event_mapper = counting
    try:
        for k, (source, extra) in enumerate(cases):
            base = ["compare", str(source), "--quiet", "--no-cache", "--resamples", "200", *extra]
            assert main([*base, "-o", str(tmp_path / f"one{k}")]) == 0
            assert main([*base, "-o", str(tmp_path / f"many{k}"), "--scheduler", scheduler]) == 0
            names = sorted(p.name for p in (tmp_path / f"one{k}").iterdir())
            assert names == sorted(p.name for p in (tmp_path / f"many{k}").iterdir())
            _, mismatch, errors = filecmp.cmpfiles(tmp_path / f"one{k}", tmp_path / f"many{k}", names, shallow=False)
            assert (mismatch, errors) == ([], [])
    finally:
        run.EVENT_BATCH_ARTICLES = original
        cluster.event_mapper = mapper
    # the seeds: one event of 2 articles; then 60 events of 3: batch b holds the events whose running count c
    # (3, 6, …, 180) has (c − 1) // 40 == b: c ≤ 39 (13 events), ≤ 78 (13), ≤ 120 (14), ≤ 159 (13), the last 7
    assert sizes == [2, 39, 39, 42, 39, 21]
    alignment = pd.read_parquet(tmp_path / "many1" / "alignment.parquet")
    assert alignment["event_id"].nunique() == 60
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".mediacompare")]


def test_a_partition_never_recreates_a_removed_staging_folder(tmp_path, seeds_dir):
    """After an error or interrupt the client removes its staging folder; a partition task still running (or
    started late) must fail rather than make the folder again beside the user's output."""
    from analysis.cluster import Job, Partition, analyse_partition
    from analysis.metrics import Settings

    gone = tmp_path / ".mediacompare-removed"
    job = Job(Settings(), str(gone), {"metrics": "parquet"}, None, ())
    with pytest.raises(FileNotFoundError):
        analyse_partition(Partition(0, str(seeds_dir), "text", 0, 1), job)
    assert list(tmp_path.iterdir()) == []


def test_cluster_run_warns_of_articles_without_an_outlet_and_repaired_rows(tmp_path, scheduler, capsys):
    # as a single-process run: one line each on stderr, also with --quiet (2 articles without an outlet, the
    # first 'b'; one CSV row with an unquoted comma in its last, text column kept and recorded)
    corpus = tmp_path / "c.csv"
    words = "The minister said the budget would rise next year, officials said on Monday. " * 3
    corpus.write_text("id,outlet,text\n"
                      f"a,UPI,\"{words}\"\n"
                      f"b,,\"{words}\"\n"
                      f"c,,\"{words}\"\n"
                      f"d,AP,{words}\n", encoding="utf-8")
    assert main(["metrics", str(corpus), "-o", str(tmp_path / "m.csv"), "--quiet", "--no-cache",
                 "--scheduler", scheduler]) == 0
    err = capsys.readouterr().err
    assert "2 analysed articles have no outlet (first: 'b')" in err
    assert "1 row had more cells than the header" in err and "(first: 'd'" in err
