"""Numeric claims compared across outlets within an event (our method, METHODS.md "Numeric claims").

Input: the ``claims`` records of the sourcing family (one row per quantity: ``article_id,
sentence_index, surface, value, value_low, value_high, unit, referent, approximator,
attributed_to`` …). Steps:

1. **Referent key.** The referent is lower-cased and its head noun mapped to its normalised name
   through the ``referents`` synonyms of ``claim_referents.yaml`` ("North Korean soldiers" ->
   "north korean troops"); modifiers are kept, so "troops" and "north korean troops" are different
   referents. Measured quantities keep their unit in the key ("area" in square miles is not compared
   with "area" in square kilometres: no unit conversion). Claims without a referent are not compared.
2. **Figures.** A claim's figure is its printed range [value_low, value_high] (a single number: low =
   high; "thousands": 2,000–9,999), widened by ±``tolerance`` (5 %, for rounding).
3. **Label.** For two articles of different outlets and one referent, claims are paired one-to-one:
   first pairs whose figures overlap (label ``same``), then the remaining pairs (``different``),
   each time closest values first; a claim left without a partner is ``only_in_one``.
   Approximators are reported, not used for the label: "as many as 12,000" and "around 10,000"
   print different figures, so they are ``different``.
4. **Compatible.** Whether both claims can be true when approximators are read as bounds: an
   upper-bound approximator ("as many as", "up to", "nearly") makes the range [0, high], a
   lower-bound one ("over", "more than", "at least") [low, ∞). The two lists are data
   (``approximator_bounds: {upper: [...], lower: [...]}`` in the referents file); without that
   section ``compatible`` is NA. "as many as 12,000" and "around 10,000" are different but compatible.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..lexicons import load_lexicon
from .events import analysed_articles

REFERENTS_FILE = "claim_referents.yaml"
TOLERANCE = 0.05

CLAIM_COMPARE_COLUMNS = [
    "event_id", "referent", "outlet_a", "article_a", "value_a", "approximator_a", "attribution_a",
    "outlet_b", "article_b", "value_b", "approximator_b", "attribution_b", "label",
    "surface_a", "sentence_a", "surface_b", "sentence_b", "compatible",
]


@dataclass(frozen=True)
class ReferentRules:
    """Referent synonyms (printed form -> normalised name) and approximator bounds."""

    forms: dict[tuple[str, ...], str]
    upper: frozenset[str]
    lower: frozenset[str]


def load_referent_rules(referents: str | Path | Mapping[str, Sequence[str]] | None = None) -> ReferentRules:
    """Rules from a lexicon file (default: bundled ``claim_referents.yaml``) or a mapping
    ``{normalised name: [printed forms]}`` (then no approximator bounds)."""
    if referents is None or isinstance(referents, str | Path):
        data = load_lexicon(referents or REFERENTS_FILE).data
        table = data.get("referents") or {}
        bounds = data.get("approximator_bounds") or {}
    else:
        table, bounds = referents, {}
    forms: dict[tuple[str, ...], str] = {}
    for name, printed in table.items():
        forms[tuple(str(name).lower().split())] = str(name).lower()
        for form in printed or []:
            forms[tuple(str(form).lower().split())] = str(name).lower()
    return ReferentRules(forms, frozenset(str(w).lower() for w in bounds.get("upper") or []),
                         frozenset(str(w).lower() for w in bounds.get("lower") or []))


def referent_key(referent: str, unit: str, rules: ReferentRules) -> str:
    """The comparison key of a claim: lower-cased referent with its head noun normalised, plus the
    unit in brackets when the unit is a measure (neither a referent noun nor a word of the referent);
    ``""`` = no referent."""
    words = str(referent or "").lower().split()
    if not words:
        return ""
    for n in range(min(3, len(words)), 0, -1):
        name = rules.forms.get(tuple(words[-n:]))
        if name is not None:
            words = [*words[:-n], name]
            break
    key = " ".join(words)
    u = str(unit or "").lower().strip()
    if u and tuple(u.split()) not in rules.forms and u not in words:
        key += f" [{u}]"
    return key


def _num(x: Any, default: float) -> float:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return default
    return default if math.isnan(v) else v


@dataclass(frozen=True)
class ClaimRow:
    article_id: str
    sentence_index: int
    surface: str
    value: float
    low: float
    high: float
    approximator: str
    attribution: str

    def figure(self, tol: float) -> tuple[float, float]:
        lo, hi = sorted((self.low, self.high))
        return lo - abs(lo) * tol, hi + abs(hi) * tol

    def bounds(self, tol: float, rules: ReferentRules) -> tuple[float, float]:
        lo, hi = self.figure(tol)
        if self.approximator in rules.upper:
            return min(0.0, lo), hi
        if self.approximator in rules.lower:
            return lo, math.inf
        return lo, hi


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _distance(a: ClaimRow, b: ClaimRow) -> float:
    scale = max(abs(a.value), abs(b.value))
    return abs(a.value - b.value) / scale if scale else 0.0


def pair_claims(claims_a: Sequence[ClaimRow], claims_b: Sequence[ClaimRow], tolerance: float = TOLERANCE
                ) -> list[tuple[int | None, int | None, str]]:
    """One-to-one pairs of two articles' claims about one referent: ``(i, j, label)``.

    Overlapping figures are paired first (``same``), then the rest (``different``), closest values
    first (ties: reading order); leftovers are ``only_in_one`` with the other index ``None``.
    """
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[tuple[int | None, int | None, str]] = []
    for label in ("same", "different"):
        cands = sorted((_distance(a, b), i, j) for i, a in enumerate(claims_a) for j, b in enumerate(claims_b)
                       if i not in used_a and j not in used_b
                       and (label == "different" or _overlap(a.figure(tolerance), b.figure(tolerance))))
        for _, i, j in cands:
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            out.append((i, j, label))
    out += [(i, None, "only_in_one") for i in range(len(claims_a)) if i not in used_a]
    out += [(None, j, "only_in_one") for j in range(len(claims_b)) if j not in used_b]
    return sorted(out, key=lambda p: (p[0] is None, p[0] if p[0] is not None else p[1]))


def _claims_by_article(claims: pd.DataFrame, rules: ReferentRules) -> dict[str, dict[str, list[ClaimRow]]]:
    out: dict[str, dict[str, list[ClaimRow]]] = {}
    if claims is None or claims.empty:
        return out
    df = claims.sort_values(["article_id", "sentence_index", *(["start"] if "start" in claims.columns else [])],
                            kind="stable")
    for r in df.to_dict("records"):
        key = referent_key(r.get("referent", ""), r.get("unit", ""), rules)
        if not key:
            continue
        value = _num(r.get("value"), math.nan)
        if math.isnan(value):
            continue
        c = ClaimRow(str(r["article_id"]), int(r.get("sentence_index", -1)), str(r.get("surface", "") or ""), value,
                   _num(r.get("value_low"), value), _num(r.get("value_high"), value),
                   str(r.get("approximator", "") or "").lower(), str(r.get("attributed_to", "") or ""))
        out.setdefault(c.article_id, {}).setdefault(key, []).append(c)
    return out


def compare_claims(claims: pd.DataFrame, articles: pd.DataFrame,
                   referents: str | Path | Mapping[str, Sequence[str]] | None = None,
                   tolerance: float = TOLERANCE) -> pd.DataFrame:
    """Align numeric claims about the same referent across outlets within each event (our method;
    see the module docstring for the referent key, figures, labels and ``compatible``).

    One row per claim pair or unpaired claim, for every pair of analysed articles from different
    outlets in an event (A before B in outlet, article-id order). The side without a claim has NaN
    value and empty text. ``sentence_a``/``sentence_b`` point to the sentences the claims came from.
    """
    rules = load_referent_rules(referents)
    by_article = _claims_by_article(claims, rules)
    arts = analysed_articles(articles)
    rows: list[list[object]] = []
    for event_id, group in arts.groupby("event_id", sort=True):
        ids = list(group["article_id"])
        outlet = dict(zip(group["article_id"], group["outlet"], strict=True))
        for k, a in enumerate(ids):
            for b in ids[k + 1:]:
                if outlet[a] == outlet[b]:
                    continue
                ca, cb = by_article.get(a, {}), by_article.get(b, {})
                for ref in sorted(set(ca) | set(cb)):
                    la, lb = ca.get(ref, []), cb.get(ref, [])
                    for i, j, label in pair_claims(la, lb, tolerance):
                        x = la[i] if i is not None else None
                        y = lb[j] if j is not None else None
                        compatible = (None if x is None or y is None or not (rules.upper or rules.lower)
                                      else _overlap(x.bounds(tolerance, rules), y.bounds(tolerance, rules)))
                        rows.append([
                            str(event_id), ref, outlet[a], a, x.value if x else math.nan, x.approximator if x else "",
                            x.attribution if x else "", outlet[b], b, y.value if y else math.nan,
                            y.approximator if y else "", y.attribution if y else "", label,
                            x.surface if x else "", x.sentence_index if x else None,
                            y.surface if y else "", y.sentence_index if y else None, compatible,
                        ])
    df = pd.DataFrame(rows, columns=CLAIM_COMPARE_COLUMNS)
    return df.astype({"value_a": "float64", "value_b": "float64", "sentence_a": "Int64", "sentence_b": "Int64",
                      "compatible": "boolean"})
