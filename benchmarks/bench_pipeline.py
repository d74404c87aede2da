"""Throughput and memory of the full metrics pipeline on a generated corpus.

Each size runs in a fresh subprocess so peak RSS (``ru_maxrss``) is that run's alone; flat
memory means the peak barely grows with the number of articles.

    .venv/bin/python benchmarks/bench_pipeline.py --sizes 500 2000 8000 --jobs 1 2

The corpus is made by recombining the seed paragraphs (deterministic, no download), written as
JSONL, and streamed through ``analyse_corpus`` -> ``write_results`` (metrics, evidence, sentences).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(path: Path, n: int, seed: int = 7) -> None:
    """Write ``n`` news-like articles (shuffled seed paragraphs, 8–14 per article) as JSONL."""
    from analysis.clean import clean_text
    from analysis.corpus import load_corpus

    paras = [p for a in load_corpus(ROOT / "seeds") for p in clean_text(a.text).body.split("\n")]
    rng = random.Random(seed)
    outlets = [f"Outlet {c}" for c in "ABCDEF"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = "\n".join(rng.sample(paras, rng.randint(8, 14)))
            fh.write(json.dumps({"article_id": f"a{i:06d}", "outlet": outlets[i % len(outlets)],
                                 "event_id": f"e{i // len(outlets):05d}", "title": "Synthetic benchmark article",
                                 "text": "SEOUL (AP) — " + body}) + "\n")


def run_once(corpus: Path, jobs: int) -> dict[str, float]:
    from analysis.pipeline import analyse_corpus
    from analysis.tables import write_results

    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        counts = write_results(analyse_corpus(corpus, jobs=jobs, progress=False), Path(out) / "m.parquet",
                               Path(out) / "e.parquet", Path(out) / "a.parquet", Path(out) / "s.parquet")
        seconds = time.perf_counter() - t0
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    n = sum(counts.values())
    return {"articles": n, "seconds": seconds, "articles_per_s": n / seconds,
            "peak_rss_mib": max(peak_self, peak_children)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 8000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--child", nargs=2, metavar=("CORPUS", "JOBS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_once(Path(args.child[0]), int(args.child[1]))))
        return
    print(f"# pipeline benchmark — Python {platform.python_version()}, {platform.machine()}, "
          f"{__import__('os').cpu_count()} cores\n")
    print("| articles | jobs | seconds | articles/s | peak RSS (MiB) |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus = Path(tmp) / f"corpus{n}.jsonl"
            make_corpus(corpus, n)
            for jobs in args.jobs:
                out = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(jobs)],
                                     check=True, capture_output=True, text=True).stdout
                r = json.loads(out.strip().splitlines()[-1])
                print(f"| {r['articles']} | {jobs} | {r['seconds']:.1f} | {r['articles_per_s']:.0f} | "
                      f"{r['peak_rss_mib']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
