"""Readable metric labels, units and number formats for the report, read from ``metric_labels.yaml``.

One home for how a metric is shown: its label, unit, kind (count, rate, score, grade, share,
indicator), decimals, direction, the docs/ section defining it, and which evidence rows hold its
sentences. Numbers are formatted by kind: counts per article as integers when integral and with the
kind's decimals otherwise (means of counts), shares and indicators as percentages, the minus sign as
U+2212, NaN as "n/a". Unknown metrics get their identifier as label and a generic format.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..model import MediacompareError

LABELS_FILE = "metric_labels.yaml"
MINUS = "−"
NA = "n/a"
DEFAULT_KIND = "score"


@dataclass(frozen=True)
class MetricLabel:
    """How one metric is named and formatted (see ``metric_labels.yaml``)."""

    metric: str
    family: str
    label: str
    unit: str
    kind: str
    decimals: int
    percent: bool
    higher: str
    doc: str
    targets: str = ""
    article_table: bool = False
    finding: bool = True
    evidence: str = ""
    evidence_cue: str = ""
    more: str = ""
    less: str = ""
    undefined: str = ""
    proper: bool = False  # the label starts with a name ("Flesch Reading Ease"): capitalised in a sentence

    def display(self, target: str = "") -> str:
        """``"Frame score (conflict)"``; the target is shown as printed, underscores as spaces."""
        return f"{self.label} ({target.replace('_', ' ')})" if target else self.label

    def in_sentence(self, target: str = "") -> str:
        """:meth:`display` inside a sentence: "is higher on median sentence length"; names ("Flesch
        Reading Ease", marked ``proper``) and initialisms ("SMOG") keep their capitals."""
        text = self.display(target)
        first = text.split(" ", 1)[0]
        if self.proper or first.isupper() or not first[:1].isupper():
            return text
        return text[:1].lower() + text[1:]

    def header(self, target: str = "") -> str:
        """Table header with unit: ``"Anonymous sources (per article)"``."""
        return f"{self.display(target)} ({self.unit})" if self.unit else self.display(target)


def load_yaml_data(name: str) -> dict[str, Any]:
    """A YAML data file of this package with a ``meta`` header (name, version, source, licence)."""
    path = resources.files(__package__).joinpath(name)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    meta = data.get("meta") if isinstance(data, dict) else None
    if not isinstance(meta, dict) or any(k not in meta for k in ("name", "version", "source", "licence")):
        raise MediacompareError(f"{name}: needs a meta header with name, version, source and licence")
    return data


@lru_cache(maxsize=1)
def _labels() -> tuple[dict[str, MetricLabel], dict[str, dict[str, Any]], dict[str, Any]]:
    data = load_yaml_data(LABELS_FILE)
    kinds: dict[str, dict[str, Any]] = data["kinds"]
    out: dict[str, MetricLabel] = {}
    for name, entry in data["metrics"].items():
        kind = entry.get("kind", DEFAULT_KIND)
        if kind not in kinds:
            raise MediacompareError(f"{LABELS_FILE}: metric {name!r} has unknown kind {kind!r}")
        k = kinds[kind]
        out[name] = MetricLabel(
            metric=name, family=str(entry.get("family", "")), label=str(entry.get("label", name)),
            unit=str(entry.get("unit", "")), kind=kind, decimals=int(entry.get("decimals", k.get("decimals", 2))),
            percent=bool(k.get("percent", False)), higher=str(entry.get("higher", "")),
            doc=str(entry.get("doc", "")), targets=str(entry.get("targets", "")),
            article_table=bool(entry.get("article_table", False)), finding=bool(entry.get("finding", True)),
            evidence=str(entry.get("evidence", "")), evidence_cue=str(entry.get("evidence_cue", "")),
            more=str(entry.get("more", "")), less=str(entry.get("less", "")),
            undefined=str(entry.get("undefined", "")), proper=bool(entry.get("proper", False)),
        )
    return out, kinds, dict(data["meta"])


def labels_meta() -> dict[str, Any]:
    """The ``meta`` header of the labels file (for the manifest and methods)."""
    return dict(_labels()[2])


def known_labels() -> dict[str, MetricLabel]:
    """Every labelled metric, in file order (the order tables and findings use)."""
    return dict(_labels()[0])


def metric_label(metric: str, family: str = "") -> MetricLabel:
    """The label of ``metric``; an unlisted metric gets its identifier (underscores as spaces)."""
    found = _labels()[0].get(metric)
    if found is not None:
        return found
    return MetricLabel(metric=metric, family=family, label=metric.replace("_", " "), unit="", kind=DEFAULT_KIND,
                       decimals=2, percent=False, higher="", doc="")


def family_order(family: str) -> list[str]:
    """The labelled metrics of ``family`` in file order."""
    return [m for m, lab in _labels()[0].items() if lab.family == family]


def format_number(value: float | None, decimals: int, percent: bool = False, signed: bool = False) -> str:
    """``1234.5`` -> ``"1,234.5"``; ``-0.41`` -> ``"−0.41"``; percent: ``0.253`` -> ``"25.3"``; NaN -> ``"n/a"``.

    ``signed`` puts "+" before positive numbers (differences). Rounds half to even like Python's format;
    a value that rounds to zero is shown without a minus sign.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NA
    v = float(value) * (100.0 if percent else 1.0)
    text = f"{v:,.{max(decimals, 0)}f}"
    if re.fullmatch(r"-0(\.0*)?", text):
        text = text[1:]
    if text.startswith("-"):
        return MINUS + text[1:]
    if signed and not re.fullmatch(r"0(\.0*)?", text):
        return "+" + text
    return text


def format_value(value: float | None, lab: MetricLabel, signed: bool = False) -> str:
    """A metric value (mean, difference, interval bound) formatted by its kind (see :func:`format_number`)."""
    return format_number(value, lab.decimals, lab.percent, signed)


def format_article_value(value: float | None, lab: MetricLabel) -> str:
    """One article's value: a count as an integer (``14``, never ``14.000000``), other kinds as
    :func:`format_value`."""
    if lab.kind == "count" and value is not None and not math.isnan(float(value)) and float(value).is_integer():
        return format_number(value, 0)
    return format_value(value, lab)


def format_count(n: int | float) -> str:
    """An integer count with thousands separators: ``1234`` -> ``"1,234"``."""
    return format_number(float(n), 0)


G_LIMIT = 1000.0  # |g| beyond this comes from a near-zero variance (float rounding), not from the data


def format_g(g: float | None) -> str:
    """Hedges' g to 2 decimals; NaN, or |g| ≥ 1,000 (a variance that is zero up to rounding), as ``"n/a"``."""
    if g is None or (isinstance(g, float) and (math.isnan(g) or abs(g) >= G_LIMIT)):
        return NA
    return format_number(g, 2)


def format_p(q: float | None) -> str:
    """``q = 0.003``; below 0.001 ``q < 0.001``; NaN ``"no q"``."""
    if q is None or (isinstance(q, float) and math.isnan(q)):
        return "no q"
    return "q < 0.001" if q < 0.001 else f"q = {q:.3f}"


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def count_noun(n: int, singular: str, plural: str | None = None, words: bool = False) -> str:
    """``count_noun(2, "article", words=True)`` -> ``"two articles"``; numbers above ten in digits."""
    noun = singular if n == 1 else (plural or singular + "s")
    number = NUMBER_WORDS[n] if words and 0 <= n < len(NUMBER_WORDS) else format_count(n)
    return f"{number} {noun}"
