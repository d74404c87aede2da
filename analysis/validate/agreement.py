"""Agreement statistics for validating the toolkit against human coders.

* Krippendorff's α (Krippendorff 2004, *Content Analysis*, 2nd ed., ch. 11; worked examples in
  Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"): α = 1 − D_o / D_e, computed by the
  ``krippendorff`` package (nominal codes: nominal metric; tone scales: interval metric).
* A 95% interval for α by resampling units with replacement (percentile bootstrap, ``n_boot`` draws,
  fixed seed). This is a unit bootstrap, simpler than the algorithm of Hayes & Krippendorff (2007);
  the methods note says so.
* Percent agreement: the share of agreeing pairs among all pairs of codes given to the same unit
  (pairable values only).
* Toolkit against the reference code: precision = TP / (TP + FP), recall = TP / (TP + FN),
  F1 = 2TP / (2TP + FP + FN) (= 2PR / (P + R) where both are defined; 0 when the toolkit never fires but the
  reference does, undefined only when neither does; van Rijsbergen 1979, ch. 7), optionally with
  sampling weights (each unit counts with its weight, the inverse of its inclusion probability, so the
  figures estimate the corpus rather than the balanced sample).
* Tone: Pearson's r and Spearman's ρ between the toolkit score and the human scale, and sign agreement
  (the toolkit's tone label from VADER's ±0.05 convention against the sign of the human scale).
Undefined values are :class:`~analysis.model.Undefined` NaNs with the reason.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from ..model import Undefined

N_BOOT = 1000
"""Bootstrap draws for the α interval (documented in docs/validation.md)."""


def _matrix(rows: Sequence[Sequence[Hashable | None]], level: str) -> tuple[np.ndarray, dict]:
    """Coders × units as floats (NaN = not coded); nominal categories mapped to integers."""
    if level == "interval":
        data = np.array([[np.nan if v is None else float(v) for v in row] for row in rows], dtype=float)
        return data, {}
    cats = sorted({v for row in rows for v in row if v is not None}, key=str)
    index = {c: i for i, c in enumerate(cats)}
    data = np.array([[np.nan if v is None else index[v] for v in row] for row in rows], dtype=float)
    return data, index


def _pairable(data: np.ndarray) -> np.ndarray:
    """Columns (units) coded by at least two coders: only those carry agreement information."""
    return data[:, (~np.isnan(data)).sum(axis=0) >= 2]


def krippendorff_alpha(rows: Sequence[Sequence[Hashable | None]], level: str = "nominal") -> float:
    """Krippendorff's α for ``rows`` (one list per coder, one value per unit, ``None`` = missing).

    ``level`` is ``nominal`` or ``interval``. Undefined (NaN with reason) when fewer than two values
    are pairable or when every pairable value is the same (no expected disagreement).
    """
    import krippendorff

    data, _ = _matrix(rows, level)
    data = _pairable(data)
    if data.shape[1] == 0:
        return Undefined("fewer than two coders coded the same unit")
    values = data[~np.isnan(data)]
    if np.unique(values).size < 2:
        return Undefined("every code is the same value: no variation, alpha undefined")
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))


def alpha_interval(rows: Sequence[Sequence[Hashable | None]], level: str = "nominal", n_boot: int = N_BOOT,
                   seed: int = 1) -> tuple[float, float]:
    """Percentile 95% interval of α over ``n_boot`` resamples of the pairable units (seeded)."""
    import krippendorff

    data, _ = _matrix(rows, level)
    data = _pairable(data)
    n = data.shape[1]
    if n < 2:
        why = Undefined("too few pairable units for an interval")
        return why, why
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(n_boot):
        sample = data[:, rng.integers(0, n, n)]
        values = sample[~np.isnan(sample)]
        if np.unique(values).size < 2:
            continue  # a resample without variation has no alpha; it is left out
        draws.append(krippendorff.alpha(reliability_data=sample, level_of_measurement=level))
    if len(draws) < n_boot / 2:
        why = Undefined("most resamples had no variation")
        return why, why
    low, high = np.percentile(draws, [2.5, 97.5])
    return float(low), float(high)


def percent_agreement(rows: Sequence[Sequence[Hashable | None]]) -> float:
    """Agreeing pairs ÷ all pairs of values given to the same unit (pairable values only)."""
    agree = total = 0
    for unit in zip(*rows, strict=True):
        values = [v for v in unit if v is not None]
        for a, b in combinations(values, 2):
            total += 1
            agree += a == b
    return agree / total if total else Undefined("no unit was coded twice")


@dataclass(frozen=True)
class Confusion:
    """Weighted counts of a binary decision against the reference."""

    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0
    tn: float = 0.0

    @property
    def n(self) -> float:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        d = self.tp + self.fp
        return self.tp / d if d else Undefined("the toolkit never fired")

    @property
    def recall(self) -> float:
        d = self.tp + self.fn
        return self.tp / d if d else Undefined("the reference code is never present")

    @property
    def f1(self) -> float:
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else Undefined("neither the toolkit nor the reference coded it present")


def confusion(system: Sequence[bool], reference: Sequence[bool], weights: Sequence[float] | None = None) -> Confusion:
    """Counts of (system, reference) decisions; each unit weighs ``weights[i]`` (default 1)."""
    tp = fp = fn = tn = 0.0
    for i, (s, r) in enumerate(zip(system, reference, strict=True)):
        w = 1.0 if weights is None else float(weights[i])
        if s and r:
            tp += w
        elif s:
            fp += w
        elif r:
            fn += w
        else:
            tn += w
    return Confusion(tp, fp, fn, tn)


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson's r; undefined below three pairs or without variation."""
    a, b = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if a.size < 3:
        return Undefined("fewer than three units")
    if a.std() == 0 or b.std() == 0:
        return Undefined("no variation in one of the two scores")
    return float(np.corrcoef(a, b)[0, 1])


def _ranks(x: np.ndarray) -> np.ndarray:
    """Average ranks (ties share the mean rank), 1-based."""
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(x.size, dtype=float)
    sorted_x = x[order]
    i = 0
    while i < x.size:
        j = i
        while j + 1 < x.size and sorted_x[j + 1] == sorted_x[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's ρ: Pearson's r of the average ranks."""
    a, b = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if a.size < 3:
        return Undefined("fewer than three units")
    return pearson(_ranks(a), _ranks(b))


def sign(value: float, threshold: float = 0.0) -> int:
    """-1, 0 or +1: negative below −threshold, positive above +threshold."""
    return 1 if value > threshold else -1 if value < -threshold else 0


def set_jaccard(a: set[str], b: set[str]) -> float:
    """|A ∩ B| / |A ∪ B|; two empty sets agree fully (1.0)."""
    union = a | b
    return len(a & b) / len(union) if union else 1.0
