"""Memory and time of ``mediacompare metrics`` as the corpus grows: flat memory, linear time.

The corpus: the development corpus repeated with new ids (``-rK`` appended) up to N articles, written
as JSONL. Each size runs the command a user types, in a fresh process, with ``--jobs`` workers, the
cache off, all families, Parquet metrics and articles tables. Memory is the resident set of the whole
process tree (the command and its workers), sampled every 0.2 s with psutil; the peak is reported. CPU seconds
are user + system time of the whole tree (the command and the workers it waited for), the figure that shows
linearity on a shared machine, where wall time moves with the load.

    .venv/bin/python benchmarks/bench_scale.py --sizes 2000 10000 20000 --jobs 2
    .venv/bin/python benchmarks/bench_scale.py --corpus ../shared/corpora/roundups_dev.jsonl --sizes 1000 10000 100000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from bench_cache import DEFAULT_CORPUS, write_corpus


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run(corpus: Path, out: Path, jobs: int) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds of the process tree and its peak resident memory (MiB) of one command."""
    cmd = [sys.executable, "-m", "analysis.cli", "metrics", str(corpus), "-o", str(out / "metrics.parquet"),
           "--articles", str(out / "articles.parquet"), "--jobs", str(jobs), "--no-cache", "--quiet"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd)
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(ps))
        time.sleep(0.2)
    if proc.returncode:
        raise SystemExit(f"mediacompare failed ({proc.returncode})")
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 20000])
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for n in args.sizes:
            corpus = Path(tmp) / f"corpus{n}.jsonl"
            write_corpus(args.corpus, n, corpus)
            seconds, cpu, peak = run(corpus, Path(tmp) / f"out{n}", args.jobs)
            corpus.unlink()
            rows.append({"articles": n, "seconds": seconds, "cpu_seconds": cpu, "peak_mib": peak,
                         "load_after": round(psutil.getloadavg()[0], 1)})
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    print(f"# scale — {args.corpus.name} repeated with new ids, --jobs {args.jobs}, all families, cache off\n")
    print("| articles | wall s | CPU s (tree) | CPU ms per article | peak RSS of the process tree (MiB) | load after |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['articles']:,} | {r['seconds']:.0f} | {r['cpu_seconds']:.0f} | "
              f"{1000 * r['cpu_seconds'] / r['articles']:.1f} | {r['peak_mib']:.0f} | {r['load_after']} |")


if __name__ == "__main__":
    main()
