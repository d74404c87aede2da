"""Benchmark sentence splitters: accuracy on the English Golden Rules and speed on news text.

Run from the repository root (pySBD and spaCy come with the ``bench`` extra)::

    .venv/bin/python benchmarks/bench_segment.py [--repeat 50] [--runs 3]

Accuracy: the share of the 48 Golden Rules (benchmarks/golden_rules_en.yaml) whose sentences
a tool returns exactly (white space stripped), and the share where only the *number* of
sentences matches. textstat 0.7.x has no sentence splitter, only a count
(``textstat.sentence_count`` -> ``backend.counts.count_sentences``: the regex
``\\b[^.!?]+[.!?]*`` and pieces of two words or fewer not counted), so it gets a count score; a
second row scores the raw pieces of that regex as if they were its sentences.

Speed: the cleaned bodies of the seed articles, paragraph by paragraph (the unit ``parse.py``
hands to ``sentence_spans``), repeated ``--repeat`` times; best of ``--runs`` timings. textstat
caches its counts per string, so its caches are cleared before every call to time real work.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.clean import clean_text  # noqa: E402
from analysis.corpus import load_corpus  # noqa: E402
from analysis.segment import split_sentences  # noqa: E402

Splitter = Callable[[str], list[str]]


def load_golden(path: Path = ROOT / "benchmarks" / "golden_rules_en.yaml") -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def seed_paragraphs() -> list[str]:
    paras = []
    for article in load_corpus(ROOT / "seeds"):
        paras.extend(p for p in clean_text(article.text).body.split("\n") if p.strip())
    return paras


def ours() -> Splitter:
    return split_sentences


def pysbd_splitter() -> Splitter:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in seg.segment(text) if s.strip()]


def spacy_splitter() -> Splitter:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return lambda text: [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def textstat_regex_splitter() -> Splitter:
    """The pieces textstat's count_sentences finds with its regex, taken as sentences."""
    import re

    pattern = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)  # as in textstat/backend/counts/_count_sentences.py
    return lambda text: [p.strip() for p in pattern.findall(text) if p.strip()]


def textstat_counter() -> Callable[[str], int]:
    import textstat
    from textstat.backend.counts import _count_sentences, _count_words
    from textstat.backend.selections import _list_words

    caches = [f for m in (_count_sentences, _count_words, _list_words) for f in vars(m).values()
              if hasattr(f, "cache_clear")]

    def count(text: str) -> int:
        for f in caches:
            f.cache_clear()
        return textstat.sentence_count(text)

    return count


def score(cases: Sequence[dict], split: Splitter | None, count: Callable[[str], int] | None) -> dict:
    exact, counts, failed = 0, 0, []
    for case in cases:
        if split is not None:
            got = split(case["text"])
            n = len(got)
            ok = got == case["expected"]
            exact += ok
        else:
            n = count(case["text"])
            ok = n == len(case["expected"])
        counts += n == len(case["expected"])
        if not ok:
            failed.append(case["id"])
    return {"exact": exact if split is not None else None, "count": counts, "failed": failed}


def speed(paras: Sequence[str], fn: Callable[[str], object], runs: int) -> tuple[float, int]:
    """Best wall time over ``runs`` passes, and the number of sentences found (or counted)."""
    best, n = float("inf"), 0
    for _ in range(runs):
        t0 = time.perf_counter()
        out = [fn(p) for p in paras]
        best = min(best, time.perf_counter() - t0)
        n = sum(o if isinstance(o, int) else len(o) for o in out)
    return best, n


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=50, help="times the seed paragraphs are repeated")
    ap.add_argument("--runs", type=int, default=3, help="timed passes; the best is reported")
    args = ap.parse_args(argv)

    cases = load_golden()
    paras = seed_paragraphs() * args.repeat
    n_chars = sum(len(p) for p in paras)
    tools: list[tuple[str, Splitter | None, Callable[[str], int] | None]] = [
        (f"mediacompare {version('mediacompare')} (analysis.segment)", ours(), None),
        (f"pySBD {version('pysbd')} (clean=False)", pysbd_splitter(), None),
        (f"spaCy {version('spacy')} blank('en') + sentencizer", spacy_splitter(), None),
        (f"textstat {version('textstat')} sentence_count (count only)", None, textstat_counter()),
        (f"textstat {version('textstat')} count_sentences regex pieces", textstat_regex_splitter(), None),
    ]
    print(f"date {dt.date.today().isoformat()}; Python {platform.python_version()}; {platform.platform()}; "
          f"os.cpu_count()={os.cpu_count()}")
    print(f"Golden Rules: {len(cases)} cases. Speed text: {len(paras)} paragraphs, {n_chars:,} characters "
          f"(seed bodies x{args.repeat}), best of {args.runs}.\n")
    print("| tool | exact match | count match | chars/s | sentences/s | sentences found |")
    print("|---|---|---|---|---|---|")
    failures = []
    for name, split, count in tools:
        s = score(cases, split, count)
        t, n = speed(paras, split or count, args.runs)
        exact = "—" if s["exact"] is None else f"{s['exact']}/{len(cases)} ({100 * s['exact'] / len(cases):.1f}%)"
        print(f"| {name} | {exact} | {s['count']}/{len(cases)} ({100 * s['count'] / len(cases):.1f}%) | "
              f"{n_chars / t:,.0f} | {n / t:,.0f} | {n} |")
        failures.append((name, s["failed"]))
    print()
    for name, failed in failures:
        print(f"{name}: fails {len(failed)}: {', '.join(map(str, failed)) or 'none'}")


if __name__ == "__main__":
    main()
