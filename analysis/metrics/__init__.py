"""Metric families.

``FAMILIES`` and ``METRICS`` (the registries) are filled on first access by importing every
family module, in the fixed order of ``FAMILY_ORDER``, which is also the output order. Loading
them lazily keeps ``analysis.metrics.base`` importable on its own, so a family's helper module
(for example ``analysis.sourcing.claims``) can be imported first without an import cycle.
"""

from __future__ import annotations

import importlib
from typing import Any

from . import base as _base
from .base import (
    Evidence,
    FamilyResult,
    Measurement,
    MetricSpec,
    Settings,
    metric,
    register_family,
    scalar_measurements,
)

FAMILY_ORDER = ("readability", "sentiment", "framing", "entities", "sourcing")


def load_families() -> dict[str, Any]:
    """Import every bundled family module once and put the registry in ``FAMILY_ORDER``."""
    for name in FAMILY_ORDER:
        importlib.import_module(f"{__name__}.{name}")
    ordered = {n: _base.FAMILIES[n] for n in FAMILY_ORDER}
    extra = {n: f for n, f in _base.FAMILIES.items() if n not in ordered}  # user-registered, after ours
    _base.FAMILIES.clear()
    _base.FAMILIES.update(ordered | extra)
    return _base.FAMILIES


def __getattr__(name: str) -> Any:
    if name in ("FAMILIES", "METRICS"):
        load_families()
        return getattr(_base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FAMILIES", "FAMILY_ORDER", "METRICS", "Evidence", "FamilyResult", "Measurement", "MetricSpec", "Settings",
    "load_families", "metric", "register_family", "scalar_measurements",
]
