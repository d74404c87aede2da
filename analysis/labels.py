"""Display labels shared by the figures, notebooks and report (no plotting imports)."""

from __future__ import annotations

import pandas as pd

NO_OUTLET = "(no outlet)"  # how an article without an outlet is labelled


def outlet_labels(column: pd.Series) -> pd.Series:
    """Outlet names for display: missing or empty outlets become ``NO_OUTLET``; the input is not changed."""
    return column.fillna("").astype(str).replace("", NO_OUTLET)
