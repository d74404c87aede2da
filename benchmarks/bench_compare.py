"""Cost of ``mediacompare compare`` against ``metrics``, and the quality and speed of automatic event grouping.

Two parts, each printing a Markdown table (results in benchmarks/compare.md):

``budget`` — ``mediacompare metrics`` and ``mediacompare compare`` on the same corpus, alternating, each run
in its own process under ``/usr/bin/time`` (wall seconds and peak RSS of the process tree's largest
process). Corpora, written to a temporary folder from ``../shared/corpora`` (never into the repository):

* ``allsides-2000``: the 1,542 AllSides articles plus the first 458 again under new ids (2,000), their
  491 outlet labels mapped onto 150 (outlets sorted by name, 150 consecutive buckets of 3 or 4, each named
  after its first outlet) — a corpus of about 150 outlets without event ids;
* ``roundups-10k``: the 1,479 roundup excerpts 7 times (10,353 articles) with new article and event ids and
  dates moved by 400 days per copy, so every copy is a separate set of 506 events.

``events`` — :func:`analysis.compare.events.group_events` on ``roundups_dev`` with its event ids hidden:
pairwise precision, recall and F1 (pairs of articles placed in one event) and the adjusted Rand index
(Hubert & Arabie 1985) against the hidden ids, on two halves of the events (even / odd position in id
order; the threshold was chosen on the even half), and its time on 10,000 and 50,000 articles without ids
(the roundups repeated with new ids, dates moved by 400 days per copy; parsing not timed).

    .venv/bin/python benchmarks/bench_compare.py events
    .venv/bin/python benchmarks/bench_compare.py budget --repeats 3
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
ALLSIDES = CORPORA / "allsides_dev.jsonl.gz"
ROUNDUPS = CORPORA / "roundups_dev.jsonl"


def read_jsonl(path: Path) -> list[dict]:
    import gzip

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_jsonl(rows: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    return path


def shifted(date: str, days: int) -> str:
    ts = pd.to_datetime(date, errors="coerce")
    return "" if pd.isna(ts) else (ts + pd.Timedelta(days=days)).strftime("%Y-%m-%d")


def repeated(rows: list[dict], copies: int, keep_events: bool) -> list[dict]:
    out = []
    for k in range(copies):
        for r in rows:
            new = dict(r, article_id=f"{r['article_id']}-c{k}", published=shifted(r.get("published", ""), 400 * k))
            new["event_id"] = f"{r['event_id']}-c{k}" if keep_events and r.get("event_id") else ""
            out.append(new)
    return out


def allsides_2000() -> list[dict]:
    rows = read_jsonl(ALLSIDES)
    outlets = sorted({r["outlet"] for r in rows})
    first = {}  # bucket -> its first outlet; bucket i·150 // n gives exactly 150 buckets of 3 or 4 outlets
    label = {o: first.setdefault(i * 150 // len(outlets), o) for i, o in enumerate(outlets)}
    extra = [dict(r, article_id=f"{r['article_id']}-r") for r in rows[: 2000 - len(rows)]]
    return [dict(r, outlet=label[r["outlet"]], event_id="") for r in rows + extra]


# ----------------------------------------------------------------------------- budget


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one command, from /usr/bin/time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t0 = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", tf.name, *cmd], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - t0
        user, system, peak = tf.read().split()[-3:]
        return wall, float(user) + float(system), int(peak) / 1024


def budget(repeats: int, names: list[str]) -> None:
    """``metrics`` and ``compare`` alternating on each corpus; the ratio is of CPU seconds (the machine is shared)."""
    cli = [sys.executable, "-m", "analysis"]
    print("| corpus | articles | outlets | metrics CPU s | compare CPU s | ratio (CPU) | metrics wall s | "
          "compare wall s | metrics peak MiB | compare peak MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as tmp:
        folder = Path(tmp)
        corpora = {"allsides-2000": allsides_2000, "roundups-10k": lambda: repeated(read_jsonl(ROUNDUPS), 7, True)}
        for name in names:
            rows = corpora[name]()
            path = write_jsonl(rows, folder / f"{name}.jsonl")
            m_runs, c_runs = [], []
            for k in range(repeats):
                m_runs.append(timed([*cli, "metrics", str(path), "-o", str(folder / f"m{k}.parquet"), "--quiet",
                                     "--no-cache"]))
                c_runs.append(timed([*cli, "compare", str(path), "-o", str(folder / f"c{k}"), "--quiet",
                                     "--no-cache"]))
                shutil.rmtree(folder / f"c{k}", ignore_errors=True)
                print(f"  {name} run {k + 1}: metrics {m_runs[-1]}, compare {c_runs[-1]} (wall s, CPU s, MiB)",
                      file=sys.stderr, flush=True)
            mw, mc = (statistics.median(r[i] for r in m_runs) for i in (0, 1))
            cw, cc = (statistics.median(r[i] for r in c_runs) for i in (0, 1))
            print(f"| {name} | {len(rows):,} | {len({r['outlet'] for r in rows})} | {mc:.1f} | {cc:.1f} | "
                  f"{cc / mc:.2f} | {mw:.1f} | {cw:.1f} | {max(r[2] for r in m_runs):.0f} | "
                  f"{max(r[2] for r in c_runs):.0f} |", flush=True)


# ----------------------------------------------------------------------------- events


def parsed_tables(rows: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Articles and sentences tables as the pipeline writes them (parse only, no metrics)."""
    from analysis.model import Article
    from analysis.parse import parse_article

    arts, sents = [], []
    for r in rows:
        doc = parse_article(Article(article_id=r["article_id"], text=r["text"], outlet=r.get("outlet", ""),
                                    title=r.get("title", ""), published=r.get("published", "")))
        arts.append({"article_id": r["article_id"], "outlet": r.get("outlet", ""), "title": r.get("title", ""),
                     "published": r.get("published", ""), "event_id": "", "status": "analysed"})
        sents += [{"article_id": r["article_id"], "sentence_index": s.index,
                   "tokens": " ".join(t.text for t in s.tokens if t.is_word)} for s in doc.sentences]
    return pd.DataFrame(arts), pd.DataFrame(sents)


def pair_scores(truth: list[str], pred: list[str]) -> dict[str, float]:
    """Pairwise precision / recall / F1 and the adjusted Rand index of ``pred`` against ``truth``."""
    def pairs(counts: Counter) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    joint = pairs(Counter(zip(truth, pred, strict=True)))
    t, p = pairs(Counter(truth)), pairs(Counter(pred))
    n = len(truth) * (len(truth) - 1) // 2
    expected = t * p / n if n else 0.0
    ari = (joint - expected) / ((t + p) / 2 - expected) if (t + p) / 2 != expected else 1.0
    precision, recall = (joint / p if p else 1.0), (joint / t if t else 1.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "ari": ari}


def events(thresholds: list[float], sizes: list[int]) -> None:
    from analysis.compare.events import SIMILARITY, group_events

    rows = read_jsonl(ROUNDUPS)
    ids = sorted({r["event_id"] for r in rows})
    half = {e: i % 2 for i, e in enumerate(ids)}
    print("| half | threshold | articles | true events | groups | singletons | pair precision | pair recall | "
          "pair F1 | ARI |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for h, label in ((0, "even (tuning)"), (1, "odd (held out)")):
        part = [r for r in rows if half[r["event_id"]] == h]
        arts, sents = parsed_tables(part)
        truth = [r["event_id"] for r in part]
        for t in (thresholds if h == 0 else [SIMILARITY]):
            out = group_events(arts, sents, threshold=t).set_index("article_id")["event_id"]
            pred = [out[r["article_id"]] for r in part]
            sizes_ = Counter(pred)
            sc = pair_scores(truth, pred)
            print(f"| {label} | {t:g} | {len(part)} | {len(set(truth))} | {len(sizes_)} | "
                  f"{sum(1 for c in sizes_.values() if c == 1)} | {sc['precision']:.3f} | {sc['recall']:.3f} | "
                  f"{sc['f1']:.3f} | {sc['ari']:.3f} |", flush=True)
    print()
    print("| articles (no event ids) | group_events s | peak traced MiB | groups | singletons |")
    print("|---|---|---|---|---|")
    for n in sizes:
        copies = math.ceil(n / len(rows))
        big = repeated(rows, copies, keep_events=False)[:n]
        arts, sents = parsed_tables(big)
        tracemalloc.start()
        t0 = time.perf_counter()
        out = group_events(arts, sents)
        seconds = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        sizes_ = Counter(out["event_id"])
        print(f"| {n:,} | {seconds:.1f} | {peak:.0f} | {len(sizes_):,} | "
              f"{sum(1 for c in sizes_.values() if c == 1):,} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="part", required=True)
    b = sub.add_parser("budget")
    b.add_argument("--repeats", type=int, default=3)
    b.add_argument("--corpora", nargs="+", default=["allsides-2000", "roundups-10k"])
    e = sub.add_parser("events")
    e.add_argument("--thresholds", type=float, nargs="+", default=[0.2, 0.25, 0.3, 0.35, 0.4, 0.5])
    e.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    args = parser.parse_args()
    if not CORPORA.is_dir():
        sys.exit(f"{CORPORA}: not found (the development corpora live next to the repository)")
    if args.part == "budget":
        budget(args.repeats, args.corpora)
    else:
        events(args.thresholds, args.sizes)


if __name__ == "__main__":
    main()
