"""A cached re-run of ``mediacompare metrics`` against the first run, on the same real articles.

Each repetition starts from an empty cache directory: the first run computes and stores every article,
the second reads them back. Both are the command line a user types (a fresh process each, interpreter
start and imports included), writing the metrics table (``--with-tables`` adds evidence, sentences,
articles and records). The tables of the two runs are compared byte for byte.

    .venv/bin/python benchmarks/bench_cache.py --articles 2000 --repeat 1

The corpus: the first N articles of ``../shared/corpora/allsides_dev.jsonl.gz``, repeated with new ids
when N is larger, written as JSONL to a temporary folder.
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides_dev.jsonl.gz"


def write_corpus(source: Path, n: int, target: Path) -> None:
    """The first ``n`` rows of ``source`` (repeated with new ids past its end) as JSONL."""
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    with target.open("w", encoding="utf-8") as out:
        for i in range(n):
            row = dict(rows[i % len(rows)])
            if i >= len(rows):
                row["article_id"] = f"{row.get('article_id', i)}-r{i // len(rows)}"
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def run(corpus: Path, out: Path, cache: Path, tables: bool) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one ``mediacompare metrics`` command."""
    cmd = [sys.executable, "-m", "analysis.cli", "metrics", str(corpus), "-o", str(out / "metrics.csv"),
           "--cache", str(cache), "--quiet"]
    if tables:
        cmd += ["--evidence", str(out / "evidence.csv"), "--sentences", str(out / "sentences.csv"),
                "--articles", str(out / "articles.csv"), "--records", str(out / "records")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def same_tables(a: Path, b: Path) -> bool:
    names = sorted(str(p.relative_to(a)) for p in a.rglob("*.csv"))
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return bool(names) and not mismatch and not errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--with-tables", action="store_true", help="also write evidence, sentences, articles, records")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as tmp:
        root = Path(tmp)
        corpus = root / "corpus.jsonl"
        write_corpus(args.corpus, args.articles, corpus)
        first, second, identical = [], [], True
        for rep in range(args.repeat):
            cache = root / f"cache{rep}"
            first.append(run(corpus, root / f"first{rep}", cache, args.with_tables))
            second.append(run(corpus, root / f"second{rep}", cache, args.with_tables))
            identical &= same_tables(root / f"first{rep}", root / f"second{rep}")
            print(f"  rep {rep + 1}: first {first[-1]}, cached {second[-1]} (wall, CPU s)", file=sys.stderr)
        cache_mb = sum(p.stat().st_size for p in (root / "cache0").iterdir()) / 1e6
        fw, fc = (statistics.median(x[i] for x in first) for i in (0, 1))
        sw, sc = (statistics.median(x[i] for x in second) for i in (0, 1))
        tables = "all tables" if args.with_tables else "metrics table"
        print(f"# cached re-run — {args.articles} articles of {args.corpus.name}, {tables}, "
              f"median of {args.repeat}, the whole command (interpreter start and imports included)\n")
        print("| run | CPU s | wall s | articles/s (CPU) |")
        print("|---|---:|---:|---:|")
        print(f"| first (empty cache) | {fc:.1f} | {fw:.1f} | {args.articles / fc:.0f} |")
        print(f"| cached re-run | {sc:.1f} | {sw:.1f} | {args.articles / sc:.0f} |")
        print(f"\nspeed-up {fc / sc:.1f}× (CPU), {fw / sw:.1f}× (wall); tables byte-identical: {identical}; "
              f"cache size {cache_mb:.0f} MB")


if __name__ == "__main__":
    main()
