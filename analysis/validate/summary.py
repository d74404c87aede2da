"""The validation figures a report shows next to each measure (``mediacompare report --validation DIR``).

``DIR`` is the output folder of ``mediacompare validate score`` (its ``validation.json``). For each
report family the coded measure is looked up (framing -> framing, sentiment -> tone, sourcing ->
sourcing, entities -> entities); its rows give the toolkit's agreement with the human reference of the
latest stage (``after`` when ``validate score`` re-ran the toolkit after a lexicon edit, else
``before``): F1 for yes/no codes, accuracy for speaker and type checks, Pearson's r for tone, with the
coders' Krippendorff's α beside it. Without a validation folder every coded measure reads "not validated
on this corpus". Readability is a formula of counts, not a coding judgement, and gets no line.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import MediacompareError

NOT_VALIDATED = ("Not validated on this corpus: no human-coded sample was given (code one with "
                 "'mediacompare validate sample' and 'validate score', then build the report with "
                 "--validation DIR).")
FAMILY_MEASURE = {"framing": "framing", "sentiment": "tone", "sourcing": "sourcing", "entities": "entities"}
"""Report family -> the measure coders code for it; families not listed (readability) are not coded."""
ROUND_KEYS = {"tool": str, "sample": dict, "coders": list, "reference": str, "units": int, "reliability": list,
              "disagreements": list}
"""What ``validate score`` writes besides ``toolkit`` (checked, so a hand-edited file is one line, not a traceback)."""
MAX_CODES = 8  # codes named in one family's line; the validation page lists all


@dataclass(frozen=True)
class CodeFigure:
    """One code's agreement between the toolkit and the human reference."""

    code: str
    figure: str  # "F1 0.80", "r 0.41", "accuracy 0.75", or "undefined"
    n: int
    alpha: str  # the coders' α to 2 decimals, "" when not computed for this code


def load_validation(folder: str | Path | None) -> dict[str, Any] | None:
    """The scored round in ``folder/validation.json``; ``None`` when no folder is given.

    A folder without ``validation.json`` or with an unreadable one is a one-line :class:`MediacompareError`.
    """
    if folder is None or str(folder) == "":
        return None
    path = Path(folder) / "validation.json"
    try:
        result = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MediacompareError(f"{folder}: no validation.json; pass the output folder of 'mediacompare validate "
                                "score'") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise MediacompareError(f"{path}: cannot read ({exc})") from None
    if not isinstance(result, dict) or not isinstance(result.get("toolkit"), dict) or not result["toolkit"].get(
            "before"):
        raise MediacompareError(f"{path}: not a scored validation round (no toolkit agreement)")
    missing = [k for k, kind in ROUND_KEYS.items() if not isinstance(result.get(k), kind)]
    if missing:
        raise MediacompareError(f"{path}: not a scored validation round (missing or malformed: {', '.join(missing)})")
    return result


def latest_stage(result: dict[str, Any]) -> str:
    """``after`` when the toolkit was re-run on the units after a lexicon edit, else ``before``."""
    return "after" if result["toolkit"].get("after") else "before"


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        return None
    return float(value)


def _figure(row: dict[str, Any]) -> str:
    for key, label in (("f1", "F1"), ("pearson_r", "r"), ("accuracy", "accuracy")):
        value = _number(row.get(key))
        if value is not None:
            return f"{label} {value:.2f}"
    return "undefined"


def code_figures(result: dict[str, Any], measure: str) -> list[CodeFigure]:
    """The latest stage's figure for every code of ``measure``, in the round's order."""
    alpha = {r.get("code"): _number(r.get("alpha")) for r in result.get("reliability", [])}
    rows = []
    for r in result["toolkit"][latest_stage(result)]:
        if r.get("measure") != measure:
            continue
        a = alpha.get(r.get("code"))
        rows.append(CodeFigure(str(r.get("code", "")), _figure(r), int(r.get("n") or 0),
                               "" if a is None else f"{a:.2f}"))
    return rows


def validation_note(result: dict[str, Any] | None, family: str) -> str | None:
    """One plain-text sentence for the report next to ``family``'s measures (escape it where it is shown).

    ``None`` for a family that is not coded (readability)."""
    measure = FAMILY_MEASURE.get(family)
    if measure is None:
        return None
    if result is None:
        return NOT_VALIDATED
    rows = code_figures(result, measure)
    if not rows:
        return f"Not validated on this corpus: the validation round given did not code {measure}."
    parts = [f"{r.code}: {r.figure}, n = {r.n}" + (f", coders' α = {r.alpha}" if r.alpha else "")
             for r in rows[:MAX_CODES]]
    more = f"; {len(rows) - MAX_CODES} more codes on the validation page" if len(rows) > MAX_CODES else ""
    stage = " (re-run with the current lexicons)" if latest_stage(result) == "after" else ""
    coders = ", ".join(str(c) for c in result.get("coders", []))
    return (f"Validation on this corpus ({result.get('units', '?')} human-coded units, coders {coders}, "
            f"reference: {result.get('reference', '')}), toolkit against the reference{stage}: "
            + "; ".join(parts) + more + ".")
