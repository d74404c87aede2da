"""Time and memory of one huge article: per stage (clean, parse, each family) and the whole ``metrics`` run.

    .venv/bin/python benchmarks/bench_huge.py                      # 5 MB punctuated, 2 MB unpunctuated
    .venv/bin/python benchmarks/bench_huge.py --mb 1 2 --unpunctuated-mb 0.5 1 --timeout 300

Each measurement runs in a fresh subprocess (peak RSS = ``ru_maxrss`` of that process alone; CPU seconds =
user + system time of the stage in that process, the figure to compare on a shared machine) with a time
limit, so a stage that is still quadratic shows up as ``> LIMIT`` instead of hanging the benchmark.
A family's time is the family alone: the article is parsed first and the parse is not counted (its own
row gives it). The ``metrics`` row is ``mediacompare metrics ARTICLE -o metrics.csv --evidence
evidence.csv`` end to end (loading, cleaning, parsing, every family, writing, storing the results in a
fresh result cache as a first run does), with the size of the evidence table.

The article is made from the seed paragraphs (deterministic, no download): shuffled and repeated until
the size is reached, as paragraphs ("punctuated"), or with every sentence and clause mark removed and
joined into one line ("unpunctuated": one sentence of hundreds of thousands of words, the worst case of
segmentation failure).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("clean", "parse", "readability", "sentiment", "framing", "entities", "sourcing")


def make_article(path: Path, megabytes: float, punctuated: bool, seed: int = 11) -> int:
    """Write a news-like article of about ``megabytes`` MB (UTF-8) to ``path``; returns its size in bytes."""
    sys.path.insert(0, str(ROOT))
    from analysis.clean import clean_text
    from analysis.corpus import load_corpus

    paras = [p for a in load_corpus(ROOT / "seeds") for p in clean_text(a.text).body.split("\n")]
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    out: list[str] = []
    size = 0
    while size < target:
        p = rng.choice(paras)
        if not punctuated:
            p = re.sub(r"[.!?;:,\"“”()—–]", " ", p)
        out.append(p)
        size += len(p.encode("utf-8")) + 1
    text = ("\n" if punctuated else " ").join(out)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def worker(stage: str, article: Path, out: Path, families: str = "") -> None:
    """Run one stage on ``article`` and print ``{"seconds": …, "peak_mib": …}`` (plus sizes for metrics)."""
    sys.path.insert(0, str(ROOT))
    result: dict[str, float] = {}
    if stage == "metrics":  # the command reads the article itself: no copy of the text held here beside it
        from analysis.cli import main

        t0, c0 = time.perf_counter(), time.process_time()
        code = main(["metrics", str(article), "-o", str(out / "metrics.csv"), "--evidence", str(out / "evidence.csv"),
                     "--sentences", str(out / "sentences.csv"), "--quiet",
                     *(["--families", families] if families else [])])
        result["seconds"] = time.perf_counter() - t0
        result["cpu_s"] = time.process_time() - c0
        result["exit"] = code
        result["evidence_mb"] = (out / "evidence.csv").stat().st_size / 1e6 if code == 0 else float("nan")
    else:
        from analysis.clean import clean_text
        from analysis.metrics import FAMILIES, Settings
        from analysis.model import Article
        from analysis.parse import parse_article

        text = article.read_text(encoding="utf-8")
        art = Article("huge", text)
        t0, c0 = time.perf_counter(), time.process_time()
        if stage == "clean":
            clean_text(text)
        else:
            doc = parse_article(art)
            if stage != "parse":
                t0, c0 = time.perf_counter(), time.process_time()
                FAMILIES[stage](doc, Settings())
        result["seconds"] = time.perf_counter() - t0
        result["cpu_s"] = time.process_time() - c0
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(stage: str, article: Path, timeout: float, families: str = "") -> dict[str, float | str]:
    with tempfile.TemporaryDirectory() as out:
        # a fresh result cache per run: the time of a first run, never a hit stored by an earlier measurement
        env = {**os.environ, "MEDIACOMPARE_CACHE": str(Path(out) / "cache")}
        try:
            proc = subprocess.run([sys.executable, __file__, "--worker", stage, str(article), out, families],
                                  capture_output=True, text=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            return {"seconds": f"> {timeout:g}"}
    if proc.returncode != 0:
        return {"seconds": "failed: " + (proc.stderr.strip().splitlines() or ["?"])[-1][:120]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, nargs="*", default=[5.0], help="punctuated article sizes (MB)")
    ap.add_argument("--unpunctuated-mb", type=float, nargs="*", default=[2.0], help="unpunctuated article sizes")
    ap.add_argument("--stages", nargs="*", default=[*STAGES, "metrics"], help="stages to time")
    ap.add_argument("--timeout", type=float, default=600, help="seconds allowed per measurement")
    ap.add_argument("--metrics-families", metavar="LIST", default="",
                    help="families of the end-to-end metrics run (default: all), e.g. to size the evidence "
                         "table while a family is still too slow")
    ap.add_argument("--worker", nargs=4, metavar=("STAGE", "ARTICLE", "OUT", "FAMILIES"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker[0], Path(args.worker[1]), Path(args.worker[2]), args.worker[3])
        return
    print(f"Python {platform.python_version()}, {platform.system()} {platform.machine()}")
    print(f"analysis package: {ROOT / 'analysis'}; load average at start: {os.getloadavg()[0]:.1f}")
    print("| article | stage | seconds | CPU s | peak RSS (MiB) | evidence (MB) |")
    print("|---|---|---:|---:|---:|---:|")
    cases = [(mb, True) for mb in args.mb] + [(mb, False) for mb in args.unpunctuated_mb]
    with tempfile.TemporaryDirectory() as tmp:
        for mb, punctuated in cases:
            article = Path(tmp) / f"huge_{mb:g}_{'p' if punctuated else 'u'}.txt"
            size = make_article(article, mb, punctuated)
            label = f"{size / 1e6:.1f} MB {'punctuated' if punctuated else 'unpunctuated'}"
            for stage in args.stages:
                r = measure(stage, article, args.timeout, args.metrics_families)
                secs = r["seconds"]
                secs = f"{secs:.1f}" if isinstance(secs, float) else secs
                cpu = f"{r['cpu_s']:.1f}" if "cpu_s" in r else ""
                peak = f"{r['peak_mib']:.0f}" if "peak_mib" in r else ""
                ev = f"{r['evidence_mb']:.1f}" if "evidence_mb" in r else ""
                name = f"metrics ({args.metrics_families})" if stage == "metrics" and args.metrics_families else stage
                print(f"| {label} | {name} | {secs} | {cpu} | {peak} | {ev} | load {os.getloadavg()[0]:.1f}",
                      flush=True)


if __name__ == "__main__":
    main()
