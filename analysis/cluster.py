"""Run ``mediacompare metrics`` and ``compare`` on Dask workers: ``--scheduler ADDRESS`` or ``--scheduler local:N``.

The corpus is cut into partitions, ranges of its records in input order. No article text leaves the
client: each worker opens the corpus itself (a path every worker can read, e.g. on a shared file
system), streams it with :func:`analysis.corpus.load_corpus` up to the end of its range, analyses the
records of its range and writes its own part of every table. Streaming from the start keeps every
record's identity exactly as in one process (row numbers, ``duplicate_id`` across partitions), at the
price of parsing the records before a range again; that reading is cheap next to the analysis.

Output, per table the user asks for:

* ``NAME.parquet``: a Parquet dataset, the directory ``NAME.parquet/`` with ``part-00000.parquet``,
  ``part-00001.parquet`` … one per partition, in corpus order (pandas, pyarrow, DuckDB and Dask read
  the directory; files starting with ``_`` hold our marker and are ignored by them);
* ``NAME.csv``: the partitions' CSV parts concatenated in corpus order (assembled only when asked for).

Rows and their order are those of a single-process run: reading the parts in file-name order gives the
corpus order (tests/test_cluster.py compares every table with a one-process run). The articles table
(one small row per article) is written by the client, in one part.

``compare --scheduler`` analyses the corpus in the same way into a working folder beside its output (metrics,
sentences, articles and claims: what the comparison reads), loads those tables on the client, and compares
batches of whole events on the workers (:func:`event_mapper`; unlike the analysis, these tasks carry their
events' sentences from the client); the pooled keyness and statistics run on the client. Its tables equal a
one-process run's (tests/test_cluster.py).

Dask is an optional extra (``pip install mediacompare[cluster]``); nothing else imports this module.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from .corpus import mark_records_folder
from .metrics import Settings
from .model import MediacompareError

PARTS_PER_WORKER = 4  # partitions per worker thread: keeps workers busy when partitions differ in cost
MARKER = "_mediacompare_dataset"  # in a dataset directory we wrote (ignored by Parquet readers)


@dataclass(frozen=True)
class Partition:
    """Records ``start`` (inclusive) to ``stop`` (exclusive) of the corpus at ``path``, in input order."""

    index: int
    path: str
    text_column: str
    start: int
    stop: int


@dataclass(frozen=True)
class Job:
    """What every partition task needs besides its range (small and picklable)."""

    settings: Settings
    staging: str  # a folder every worker can write to
    formats: dict[str, str]  # table -> "csv" | "parquet" for metrics, evidence, sentences (those asked for)
    records_format: str | None  # format of the record tables, None when not asked for
    record_tables: tuple[str, ...]
    cache: Any = None  # analysis.cache.CacheConfig | None


def count_records(path: str, text_column: str) -> int:
    """Number of records (articles and skipped inputs) the corpus yields: runs on a worker."""
    from .corpus import load_corpus

    return sum(1 for _ in load_corpus(path, text_column=text_column))


def plan(n_records: int, n_threads: int, path: str, text_column: str,
         partitions: int | None = None) -> list[Partition]:
    """Equal ranges of records: ``partitions`` of them, else :data:`PARTS_PER_WORKER` per worker thread."""
    n = max(1, min(n_records, partitions or n_threads * PARTS_PER_WORKER))
    bounds = [i * n_records // n for i in range(n + 1)]  # floor(i·N/n): sizes differ by at most one
    return [Partition(i, path, text_column, bounds[i], bounds[i + 1]) for i in range(n)]


def partition_records(part: Partition) -> Iterator[Any]:
    """The records of ``part``, read on the worker from the corpus file itself."""
    from .corpus import load_corpus

    return islice(load_corpus(part.path, text_column=part.text_column), part.start, part.stop)


def analyse_partition(part: Partition, job: Job) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Analyse one partition on a worker and write its parts; returns status counts and its article rows."""
    from .pipeline import ALL_PARTS, analyse_records
    from .tables import write_results

    folder = Path(job.staging) / f"{part.index:05d}"
    folder.mkdir(exist_ok=True)  # not its parents: a staging folder the client removed (error, interrupt) stays gone
    rows: list[dict[str, Any]] = []
    keep = frozenset({"metrics", *job.formats} | ({"records"} if job.records_format else set())) & ALL_PARTS

    def collect() -> Iterator[Any]:
        for res in analyse_records(partition_records(part), job.settings, progress=False, cache=job.cache,
                                   keep=keep):
            rows.append(res.article)
            yield res

    paths = {name: folder / f"{name}.{fmt}" for name, fmt in job.formats.items()}
    counts = write_results(collect(), paths["metrics"], evidence=paths.get("evidence"),
                           sentences=paths.get("sentences"),
                           records_dir=folder / "records" if job.records_format else None,
                           records_format=job.records_format or "csv", record_tables=job.record_tables)
    return counts, rows


def connect(scheduler: str) -> tuple[Any, Any]:
    """A Dask client for ``ADDRESS`` or ``local:N`` (a LocalCluster of N single-threaded worker processes)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise MediacompareError("--scheduler needs Dask: pip install 'mediacompare[cluster]'") from None
    if scheduler.startswith("local:"):
        try:
            n = int(scheduler.split(":", 1)[1])
        except ValueError:
            raise MediacompareError(f"--scheduler {scheduler}: give local:N with N a whole number") from None
        if n < 1:
            raise MediacompareError(f"--scheduler {scheduler}: N must be 1 or more")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=30), None
    except OSError as exc:
        raise MediacompareError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({exc})") from None
    except (ValueError, TypeError) as exc:  # an address Dask cannot parse ("missing port number in address ...")
        raise MediacompareError(f"--scheduler {scheduler}: not a scheduler address ({exc}); give one such as "
                                f"tcp://host:8786, or local:N") from None


@contextmanager
def session(scheduler: str) -> Iterator[Any]:
    """A Dask client for ``scheduler`` (:func:`connect`), closed (with its LocalCluster) on leaving."""
    client, cluster = connect(scheduler)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def event_mapper(client: Any) -> Callable[[Iterable[tuple[Any, Any, Any]]], Iterator[dict[str, Any]]]:
    """``compare``'s batches of whole events (:func:`analysis.compare.run.event_batches`) compared on the
    workers with :func:`analysis.compare.run.compare_event`, one task per batch; results in batch order, so the
    tables are those of one process. The batch frames (the events' articles, sentences and claims, already on
    the client) are sent with their task; at most two tasks per worker thread are in flight, so what travels
    and waits is bounded. An error or interrupt cancels the tasks not yet done."""
    def mapper(batches: Iterable[tuple[Any, Any, Any]]) -> Iterator[dict[str, Any]]:
        from .compare.run import compare_event

        window = 2 * _thread_count(client)
        flight: deque[Any] = deque()
        try:
            for batch in batches:
                flight.append(client.submit(compare_event, *batch, pure=False))
                if len(flight) >= window:
                    yield flight.popleft().result()
            while flight:
                yield flight.popleft().result()
        finally:
            if flight:
                client.cancel(list(flight))
    return mapper


def _thread_count(client: Any) -> int:
    return max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values()))


def run_partitions(client: Any, corpus: Path, text_column: str, job: Job,
                   partitions: int | None = None) -> list[tuple[dict[str, int], list[dict[str, Any]]]]:
    """Count the records on a worker, plan the partitions and analyse them; results in partition order."""
    path = str(corpus.resolve())
    n = client.submit(count_records, path, text_column, pure=False).result()
    parts = plan(n, _thread_count(client), path, text_column, partitions)
    futures = client.map(analyse_partition, parts, job=job, pure=False)
    try:
        return client.gather(futures)
    except BaseException:  # an error or interrupt: the partitions not yet done are not run
        client.cancel(futures)
        raise


# ---------------------------------------------------------------- assembling the parts

def _is_our_dataset(path: Path) -> bool:
    return path.is_dir() and (path / MARKER).is_file() and all(
        p.name == MARKER or (p.name.startswith("part-") and p.suffix == ".parquet") for p in path.iterdir())


def check_target(path: Path) -> None:
    """A dataset target may be new or a dataset this command wrote before (replaced); nothing else."""
    if path.suffix.lower() == ".parquet" and path.exists() and not _is_our_dataset(path):
        raise MediacompareError(f"{path}: exists and is not a Parquet dataset written by mediacompare; "
                                "choose another name or remove it")


def assemble(parts: list[Path], target: Path) -> None:
    """Parts (one per partition, in order) into ``target``: a Parquet dataset directory or one CSV file."""
    tmp = target.with_name(f".{target.name}.partial")
    if tmp.exists():
        shutil.rmtree(tmp) if tmp.is_dir() else tmp.unlink()
    if target.suffix.lower() == ".parquet":
        tmp.mkdir(parents=True)
        for i, part in enumerate(parts):
            os.replace(part, tmp / f"part-{i:05d}.parquet")
        (tmp / MARKER).write_text("Parquet dataset written by mediacompare; parts in corpus order.\n",
                                  encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)  # checked by check_target: a dataset we wrote
        os.replace(tmp, target)
        return
    with tmp.open("wb") as out:
        for i, part in enumerate(parts):
            with part.open("rb") as fh:
                header = fh.readline()
                if i == 0:
                    out.write(header)
                shutil.copyfileobj(fh, out)
    os.replace(tmp, target)


def write_articles(rows: list[dict[str, Any]], target: Path) -> None:
    from .tables import articles_frame, write_frame

    if target.suffix.lower() == ".parquet":
        staging = target.with_name(f".{target.name}.rows.parquet")
        write_frame(articles_frame(rows), staging)
        assemble([staging], target)
    else:
        tmp = target.with_name(f".{target.stem}.partial.csv")
        write_frame(articles_frame(rows), tmp)
        os.replace(tmp, target)


def run_metrics_on_cluster(scheduler: str, corpus: Path, settings: Settings, targets: dict[str, Path],
                           records_dir: Path | None, record_format: str, record_tables: list[str],
                           text_column: str = "text", cache: Any = None,
                           partitions: int | None = None, client: Any = None,
                           on_article: Callable[[dict[str, Any]], None] | None = None) -> dict[str, int]:
    """``mediacompare metrics`` on a Dask cluster: the same tables as one process (see the module docstring).

    ``client``: an open Dask client to use (and leave open); default: connect to ``scheduler`` for this run.
    ``on_article``: called with every article row (the articles table's), in corpus order, after the run."""
    for path in targets.values():
        check_target(path)
    staging = targets["metrics"].parent / f".mediacompare-{uuid.uuid4().hex[:12]}"
    formats = {name: path.suffix.lower().lstrip(".") for name, path in targets.items() if name != "articles"}
    job = Job(settings, str(staging.resolve()), formats, record_format if records_dir is not None else None,
              tuple(record_tables), cache)
    staging.mkdir(parents=True)  # made here, so a worker never re-creates it once removed
    try:
        with session(scheduler) if client is None else nullcontext(client) as client:
            results = run_partitions(client, corpus, text_column, job, partitions)
            folders = [staging / f"{i:05d}" for i in range(len(results))]
            for name in formats:
                assemble([f / f"{name}.{formats[name]}" for f in folders], targets[name])
            if records_dir is not None:
                records_dir.mkdir(parents=True, exist_ok=True)
                names = sorted({p.name for f in folders if (f / "records").is_dir()
                                for p in (f / "records").iterdir()})
                for name in names:
                    parts = [f / "records" / name for f in folders if (f / "records" / name).exists()]
                    assemble(parts, records_dir / name)
                mark_records_folder(records_dir)  # as a single-process run: a rerun may replace these tables
            if "articles" in targets:
                write_articles([row for _, rows in results for row in rows], targets["articles"])
    finally:  # also when the scheduler cannot be reached: the staging folder is ours
        shutil.rmtree(staging, ignore_errors=True)
    counts: dict[str, int] = {}
    for part_counts, rows in results:
        for k, v in part_counts.items():
            counts[k] = counts.get(k, 0) + v
        if on_article is not None:
            for row in rows:
                on_article(row)
    return counts
