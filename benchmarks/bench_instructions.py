"""Instructions executed per pass: the naive script and mediacompare counted by Valgrind's cachegrind, side by side.

CPU seconds on a shared or virtual machine move by about ±10 % between runs of the same code (other tenants, the
clock, the caches); the number of machine instructions a pass executes does not (with ``PYTHONHASHSEED`` fixed). This
script counts them for each configuration of ``bench_pipeline.py`` on the same articles: each configuration runs in a
process of its own under ``valgrind --tool=cachegrind --cache-sim=no``, once with one pass and once with two passes
after the same warm-up, and the difference is one pass (start-up, imports and warm-up cancel out). "× naive" = the
naive script's instructions / the configuration's. Instructions are not time: an instruction that misses the cache
costs more than one that hits, so this ratio complements the CPU-time ratio of ``bench_pipeline.py``, it does not
replace it. About 25 times slower than running natively: use a few dozen articles.

    python benchmarks/bench_instructions.py --articles 20
    python benchmarks/bench_instructions.py --articles 20 --configs naive,all

Needs ``valgrind`` on PATH and the ``bench`` extra's pySBD.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides_dev.jsonl.gz"
CONFIGS = {"naive": "naive script (pySBD + VADER + textstat)", "all": "mediacompare, all families",
           "readability,sentiment": "mediacompare, readability + sentiment"}


def one_pass(corpus: Path, n: int, config: str, passes: int) -> None:
    """The measured process: warm up, run ``config`` once untimed, then ``passes`` more times."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_pipeline as bp

    articles = bp.read_articles(corpus, n)
    bp.warm_up(articles)
    run = bp.naive if config == "naive" else bp.mediacompare(None if config == "all" else tuple(config.split(",")))
    for _ in range(1 + passes):
        run(articles)


def instructions(corpus: Path, n: int, config: str, passes: int) -> int:
    """Instructions cachegrind counts for a process that runs ``config`` ``1 + passes`` times after warm-up."""
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", sys.executable,
           __file__, "--child", config, "--corpus", str(corpus), "--articles", str(n), "--passes", str(passes)]
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"bench_instructions: no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--configs", default="naive,all,readability+sentiment",
                    help="comma-separated: naive, all, readability+sentiment, or a family list joined by '+'")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--passes", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        one_pass(args.corpus, args.articles, args.child, args.passes)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("bench_instructions: valgrind is not on PATH (apt install valgrind)")
    configs = [c.replace("+", ",") for c in args.configs.split(",")]
    counts = {}
    for config in configs:
        counts[config] = instructions(args.corpus, args.articles, config, 2) - \
            instructions(args.corpus, args.articles, config, 1)
        print(f"  {config}: {counts[config] / 1e6:,.0f} M instructions per pass", file=sys.stderr, flush=True)
    base = counts.get("naive")
    print(f"# instructions per pass — {args.articles} articles of {args.corpus.name}, cachegrind, PYTHONHASHSEED=0\n")
    print("| pipeline | million instructions | × naive |")
    print("|---|---:|---:|")
    for config, count in counts.items():
        ratio = f"{base / count:.2f}" if base else "—"
        name = CONFIGS.get(config, "mediacompare, " + config.replace(",", " + "))
        print(f"| {name} | {count / 1e6:,.0f} | {ratio} |")


if __name__ == "__main__":
    main()
