"""Undefined values summarised by count and reason, never by article id (captions and table notes).

Notes of undefined values often carry numbers that vary per article ("SMOG is defined on samples of at
least 30 sentences; the body has 14"). :func:`merge_reasons` groups notes that differ only in such
numbers and writes each group once, keeping the numbers all its notes share and putting "N" where they
differ ("… at least 30 sentences; the body has N"). :func:`describe_undefined` turns a tidy frame of
``article_id, metric, target, value, note`` into one sentence per measure:
``"SMOG undefined for 212 of 300 articles: … the body has N."``
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pandas as pd

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NO_REASON = "no reason given"


def merge_reasons(notes: Iterable[str]) -> list[tuple[int, str]]:
    """(count, reason) per group of notes equal up to their numbers, most frequent first (ties by text)."""
    groups: dict[tuple[str, ...], list[list[str]]] = {}
    for note in notes:
        text = str(note or "").strip() or NO_REASON
        groups.setdefault(tuple(_NUMBER.split(text)), []).append(_NUMBER.findall(text))
    out = []
    for parts, numbers in groups.items():
        merged = [nums[0] if len(set(nums)) == 1 else "N" for nums in zip(*numbers, strict=True)]
        text = "".join(p + (merged[i] if i < len(merged) else "") for i, p in enumerate(parts))
        out.append((len(numbers), text))
    return sorted(out, key=lambda kv: (-kv[0], kv[1]))


def describe_undefined(df: pd.DataFrame, label: Callable[[str, str], str] | None = None,
                       unit: str = "articles") -> list[str]:
    """One sentence per (metric, target) with NaN values: how many of how many ``unit``, and why.

    ``df`` has ``article_id, metric, target, value, note``; ``label(metric, target)`` names the measure
    (default: the metric with the target in brackets). Counts are distinct articles.
    """
    if df.empty:
        return []
    name = label or (lambda m, t: m.replace("_", " ") + (f" [{t}]" if t else ""))
    target = df["target"].fillna("").astype(str) if "target" in df.columns else pd.Series("", index=df.index)
    df = df.assign(target=target)
    out = []
    for (metric, tgt), grp in df.groupby(["metric", "target"], sort=True):
        nan = grp[grp["value"].isna()]
        if nan.empty:
            continue
        first = nan.drop_duplicates("article_id")
        reasons = merge_reasons(first["note"].fillna("").astype(str))
        why = reasons[0][1] if len(reasons) == 1 else "; ".join(f"{n:,} {text}" for n, text in reasons)
        out.append(f"{name(str(metric), str(tgt))} undefined for {first['article_id'].nunique():,} of "
                   f"{grp['article_id'].nunique():,} {unit}: {why}.")
    return out
