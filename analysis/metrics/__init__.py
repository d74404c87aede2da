"""Metric families. Importing this package registers every family in a fixed order."""

from .base import (
    FAMILIES,
    METRICS,
    Evidence,
    FamilyResult,
    Measurement,
    MetricSpec,
    Settings,
    metric,
    register_family,
    scalar_measurements,
)

# Registration order is output order.
from . import readability, sentiment, framing, entities, sourcing  # noqa: F401  isort: skip

__all__ = [
    "FAMILIES", "METRICS", "Evidence", "FamilyResult", "Measurement", "MetricSpec", "Settings",
    "metric", "register_family", "scalar_measurements",
]
