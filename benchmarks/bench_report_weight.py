"""Page weight of the report as the corpus grows (issue 9: at most 3 MB a page at 300 articles, 10 MB at 10,000).

For each size N the synthetic multi-event corpus (``analysis.synthetic``: N/3 events × 3 outlets) is
analysed once (``mediacompare metrics``' pipeline, all families), then every piece of report content is
built with :func:`analysis.reporting.content.build_content` (the calls the notebooks make, without
executing them). Reported: the bytes each notebook page would carry (its outputs plus nbconvert's
template, :data:`TEMPLATE_BYTES`, measured on the seeds report), the largest file among the detail pages
(evidence, per-article, per-event pages, index), the number of HTML files and the total, and the time.

    .venv/bin/python benchmarks/bench_report_weight.py --sizes 300 3000 10000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from analysis.report import load_or_analyse
from analysis.reporting.content import build_content
from analysis.synthetic import write_synthetic_corpus

MB = 1_000_000
TEMPLATE_BYTES = 600_000  # nbconvert's lab template (inline CSS) around a rendered notebook's outputs
LIMITS = {300: 3 * MB, 10_000: 10 * MB}


def measure(n: int, folder: Path) -> dict[str, float]:
    t0 = time.perf_counter()
    corpus = write_synthetic_corpus(folder / f"syn{n}.jsonl", n_events=max(1, n // 3))
    tables = load_or_analyse(corpus)
    t1 = time.perf_counter()
    out = folder / f"out{n}"
    pages = build_content(tables, out, corpus.name)
    t2 = time.perf_counter()
    files = {p: p.stat().st_size for p in out.rglob("*.html")}
    largest = max(files.items(), key=lambda kv: kv[1])
    return {"n": n, "page01": pages["01"] + TEMPLATE_BYTES, "page02": pages["02"] + TEMPLATE_BYTES,
            "page03": pages["03"] + TEMPLATE_BYTES, "detail_max": largest[1],
            "detail_max_name": largest[0].relative_to(out).as_posix(), "html_files": len(files),
            "html_total": sum(files.values()), "analyse_s": t1 - t0, "content_s": t2 - t1}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[300, 3000, 10_000])
    args = ap.parse_args()
    print("| articles | page 01 (MB) | page 02 (MB) | page 03 (MB) | largest other page (MB) | HTML files | "
          "all HTML (MB) | limit per page (MB) | analyse (s) | content (s) |")
    print("|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="bench-weight-") as tmp:
        for n in args.sizes:
            r = measure(n, Path(tmp))
            limit = LIMITS.get(n)
            print(f"| {n:,} | {r['page01'] / MB:.2f} | {r['page02'] / MB:.2f} | {r['page03'] / MB:.2f} | "
                  f"{r['detail_max'] / MB:.2f} (`{r['detail_max_name']}`) | {r['html_files']:,} | "
                  f"{r['html_total'] / MB:.1f} | {limit / MB if limit else '—'} | {r['analyse_s']:.0f} | "
                  f"{r['content_s']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
