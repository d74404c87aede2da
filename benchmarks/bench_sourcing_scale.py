"""Time and peak memory of the sourcing family on one huge article: is it near-linear in length?

Each size runs in a fresh subprocess so peak RSS (``ru_maxrss``) is that run's alone. Two kinds of text:

- ``news``: real articles of ``../shared/corpora/allsides_dev.jsonl.gz`` concatenated (paragraphs
  kept) up to the size; the two seed articles repeated when the corpus is absent;
- ``flat``: the words of the same text with every punctuation mark and line break removed (one
  paragraph, one "sentence": the worst case for sentence-bound searches).

Reported per size: parse time (cleaning and segmentation, not the family), the shared passes that
run before the family in a pipeline and are cached on the article (the entity layer's actor pass,
which the quote finder reads, and the sentiment family's sentence tone, which actor tone reuses),
the sourcing family itself (quotes, speakers, quote evidence, hedges, claims, actor tone), and
peak RSS of the whole run. Run from the
repository root::

    .venv/bin/python benchmarks/bench_sourcing_scale.py --sizes 0.5 1 2 5 --kinds news flat

``--code DIR`` measures another ``analysis/`` (exported with ``git archive COMMIT analysis | tar -x -C DIR``)
on the same text, so two versions can be run side by side; the last column is the family's CPU time
(``time.process_time``), less sensitive than wall time to other work on a shared machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides_dev.jsonl.gz"
MB = 1_000_000


def source_text(n_chars: int) -> str:
    """Real news text of at least ``n_chars`` characters (paragraphs kept), cut at a paragraph end."""
    parts: list[str] = []
    size = 0
    while size < n_chars:
        added = 0
        if CORPUS.exists():
            with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
                for line in fh:
                    text = json.loads(line).get("text") or ""
                    parts.append(text)
                    size += len(text) + 1
                    added += 1
                    if size >= n_chars:
                        break
        else:
            for p in sorted((ROOT / "seeds").glob("*.txt")):
                text = p.read_text(encoding="utf-8")
                parts.append(text)
                size += len(text) + 1
                added += 1
        if not added:
            raise SystemExit("no text to build the benchmark article from")
    return "\n".join(parts)[:n_chars]


def make_text(kind: str, mb: float) -> str:
    text = source_text(int(mb * MB))
    if kind == "flat":
        text = re.sub(r"[^\w\s]+", " ", text)
        text = re.sub(r"\s+", " ", text).strip()
    return text


def run_once(kind: str, mb: float) -> dict[str, float]:
    from analysis.metrics.base import Settings
    from analysis.metrics.sentiment import sentence_scores
    from analysis.metrics.sourcing import compute_sourcing
    from analysis.model import Article
    from analysis.parse import parse_article
    from analysis.sourcing.entity_layer import entity_layer

    text = make_text(kind, mb)
    t0 = time.perf_counter()
    doc = parse_article(Article("bench", text, outlet="Bench", title="Benchmark"))
    t1 = time.perf_counter()
    settings = Settings()
    layer = entity_layer()
    if layer is not None:
        layer.analyse_actors(doc, settings)  # the entities family's pass (cached on the article)
    sentence_scores(doc)  # the sentiment family's sentence tone, which actor tone reuses (cached)
    t2 = time.perf_counter()
    c2 = time.process_time()
    result = compute_sourcing(doc, settings)
    t3 = time.perf_counter()
    cpu = time.process_time() - c2
    quotes = len(result.records.get("quotes", []))
    claims = len(result.records.get("claims", []))
    return {"chars": len(text), "words": doc.n_words, "parse_s": t1 - t0, "actors_s": t2 - t1,
            "sourcing_s": t3 - t2, "sourcing_cpu_s": cpu, "quotes": quotes, "claims": claims,
            "evidence": len(result.evidence),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1, 2, 5], help="article sizes in MB")
    ap.add_argument("--kinds", nargs="+", default=["news", "flat"], choices=["news", "flat"])
    ap.add_argument("--code", type=Path, default=ROOT, help="folder holding the analysis package to measure")
    ap.add_argument("--one", nargs=2, metavar=("KIND", "MB"), help=argparse.SUPPRESS)  # child process
    args = ap.parse_args(argv)
    if args.one:
        sys.path.insert(0, str(args.code.resolve()))  # this analysis/, not the installed one
        print(json.dumps(run_once(args.one[0], float(args.one[1]))))
        return
    print(f"Python {platform.python_version()}; {platform.platform()}; text from "
          f"{'allsides_dev (concatenated)' if CORPUS.exists() else 'the seeds (repeated)'}\n")
    print("| kind | MB | words | parse s | shared passes s | sourcing s | sourcing s per MB | quotes | claims | "
          "evidence rows | peak RSS MB | sourcing CPU s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for kind in args.kinds:
        for mb in args.sizes:
            out = subprocess.run([sys.executable, __file__, "--one", kind, str(mb), "--code", str(args.code)],
                                 capture_output=True,
                                 text=True, cwd=ROOT, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"| {kind} | {mb:g} | {r['words']:,} | {r['parse_s']:.1f} | {r['actors_s']:.1f} | "
                  f"{r['sourcing_s']:.1f} | {r['sourcing_s'] / mb:.1f} | {r['quotes']:,} | {r['claims']:,} | "
                  f"{r['evidence']:,} | {r['peak_mb']:.0f} | {r['sourcing_cpu_s']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
