"""Score a validation round (``mediacompare validate score``): coders against each other, toolkit against coders.

Reads the coding folder written by :mod:`analysis.validate.sample` and every filled sheet in it
(``coded_<coder>.csv`` / ``.xlsx``, or the files given). Reports

* reliability between human coders per code: Krippendorff's α with a bootstrap 95% interval, percent
  agreement, units coded twice or more (set and name codes: mean pairwise Jaccard / exact agreement;
  α is not defined for them);
* the toolkit against the reference code — the coder named ``adjudicated`` when present, else the
  majority of coders (a tie leaves the unit out for that code): precision, recall, F1 (also weighted
  by the sampling weights) and α per frame item and per frame, per stance tier, for quotes (detected;
  speaker right), for actors (found; type right), and for tone (Pearson r, Spearman ρ, sign agreement);
* every disagreement with the unit, the toolkit's value and cue and each coder's code;
* when the corpus is at hand, the same agreement for the toolkit re-run now with the current lexicons
  (``after``) next to the codes stored when the sample was drawn (``before``).
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..model import MediacompareError
from . import agreement as ag
from .codebook import NO_STANCE, Code
from .names import match_sets, same_actor, split_set
from .sheets import read_sheet

GOLD = "adjudicated"


@dataclass
class Round:
    """One coding round as read from disk."""

    folder: Path
    meta: dict[str, Any]
    codes: list[Code]
    units: list[str]  # in sample order
    weights: dict[str, float]
    outlets: dict[str, str]
    toolkit: dict[str, dict[str, str]]  # unit -> code -> value (when the sample was drawn)
    cues: dict[str, dict[str, str]]
    texts: dict[str, str]
    coders: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)  # coder -> unit -> code -> value


def _read_codebook(path: Path) -> list[Code]:
    header, rows = read_sheet(path)
    idx = {h: i for i, h in enumerate(header)}
    return [Code(r[idx["code"]], r[idx["measure"]], r[idx["level"]], tuple(r[idx["values"]].split()),
                 r[idx["question"]], r[idx["source"]]) for _, r in rows]


def _require(folder: Path, name: str) -> Path:
    path = folder / name
    if not path.is_file():
        raise MediacompareError(f"{folder}: no {name}; is this a folder written by 'mediacompare validate sample'?")
    return path


def load_round(folder: str | Path, sheets: Sequence[str | Path] = ()) -> Round:
    """The coding folder and its filled sheets (``coded_*`` in the folder unless ``sheets`` are given)."""
    folder = Path(folder)
    try:
        meta = json.loads(_require(folder, "sample.json").read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise MediacompareError(f"{folder / 'sample.json'}: not valid JSON ({exc})") from None
    codes = _read_codebook(_require(folder, "codebook.csv"))
    header, rows = read_sheet(_require(folder, "sample.csv"))
    i = {h: k for k, h in enumerate(header)}
    units = [r[i["unit_id"]] for _, r in rows]
    weights = {r[i["unit_id"]]: float(r[i["weight"]]) for _, r in rows}
    outlets = {r[i["unit_id"]]: r[i["outlet"]] for _, r in rows}
    header, rows = read_sheet(_require(folder, "toolkit_codes.csv"))
    toolkit = {r[0]: {h: r[k] for k, h in enumerate(header) if k and not h.startswith("cue:")} for _, r in rows}
    cues = {r[0]: {h[4:]: r[k] for k, h in enumerate(header) if h.startswith("cue:")} for _, r in rows}
    header, rows = read_sheet(_require(folder, "coding_sheet.csv"))
    t = header.index("text")
    texts = {r[0]: r[t] for _, r in rows}
    rnd = Round(folder, meta, codes, units, weights, outlets, toolkit, cues, texts)
    files = [Path(s) for s in sheets] or sorted(
        p for p in folder.glob("coded_*") if p.suffix.lower() in (".csv", ".xlsx"))
    if not files:
        raise MediacompareError(f"{folder}: no filled sheets (coded_<coder>.csv or .xlsx); copy coding_sheet.csv "
                                "for each coder, fill it in and name it coded_<coder>.csv")
    for path in files:
        _read_filled(rnd, path)
    return rnd


def _read_filled(rnd: Round, path: Path) -> None:
    """Add one filled sheet's codes; the first problem is a one-line error naming file, row and column."""
    header, rows = read_sheet(path)
    for needed in ("unit_id", *(c.name for c in rnd.codes)):
        if needed not in header:
            raise MediacompareError(f"{path}: missing column {needed!r} (the sheet must keep every column of "
                                    "coding_sheet.csv)")
    col = {h: k for k, h in enumerate(header)}
    default_coder = path.stem[len("coded_"):] if path.stem.startswith("coded_") else path.stem
    known = set(rnd.units)
    seen: dict[tuple[str, str], int] = {}
    given: Counter[str] = Counter()
    for n, row in rows:
        unit = row[col["unit_id"]].strip()
        if unit not in known:
            raise MediacompareError(f"{path}: row {n}, column unit_id: {unit!r} is not a unit of this sample")
        coder = (row[col["coder"]].strip() if "coder" in col else "") or default_coder
        if (coder, unit) in seen:
            raise MediacompareError(f"{path}: row {n}: unit {unit!r} coded twice by {coder!r} "
                                    f"(first in row {seen[(coder, unit)]})")
        seen[(coder, unit)] = n
        codes = rnd.coders.setdefault(coder, {}).setdefault(unit, {})
        if codes:
            raise MediacompareError(f"{path}: row {n}: unit {unit!r} already coded by {coder!r} in another sheet")
        for code in rnd.codes:
            value = row[col[code.name]].strip()
            if not value:
                continue
            if code.level == "binary" and value.lower() in ("yes", "no", "true", "false"):
                value = "1" if value.lower() in ("yes", "true") else "0"
            if not code.allows(value):
                allowed = (", ".join(code.values) if code.level != "interval"
                           else f"{code.values[0]} to {code.values[-1]}")
                raise MediacompareError(f"{path}: row {n}, column {code.name}: {value!r} is not a code "
                                        f"(allowed: {allowed})")
            codes[code.name] = value
            given[coder] += 1
    for coder in {c for c, _ in seen}:
        if not given[coder]:
            raise MediacompareError(f"{path}: coder {coder!r} gave no codes")


# ----------------------------------------------------------------------------------- reference


def _majority(values: list[str], code: Code) -> str | None:
    if not values:
        return None
    if code.level == "interval":
        return repr(sum(float(v) for v in values) / len(values))
    if code.level == "set":  # names given by a majority of the coders
        items = [split_set(v) for v in values]
        names: list[tuple[str, str]] = []
        for entry in items:
            for name, kind in entry:
                votes = sum(any(same_actor(name, other) for other, _ in e) for e in items)
                if votes * 2 > len(values) and not any(same_actor(name, n) for n, _ in names):
                    names.append((name, kind))
        return "; ".join(f"{n}|{k}" if k else n for n, k in names)
    if code.level == "text":  # names of one actor vote together; the longest spelling stands for them
        groups: list[list[str]] = []
        for v in values:
            for g in groups:
                if (not v and not g[0]) or (v and g[0] and same_actor(v, g[0])):
                    g.append(v)
                    break
            else:
                groups.append([v])
        best = max(groups, key=len)
        return max(best, key=len) if len(best) * 2 > len(values) else None
    counts = Counter(values).most_common()
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        return None  # a tie: no reference for this unit
    return counts[0][0]


def reference(rnd: Round) -> dict[str, dict[str, str]]:
    """unit -> code -> reference value (the adjudicated coder's, else the coders' majority)."""
    if GOLD in rnd.coders:
        return rnd.coders[GOLD]
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for unit in rnd.units:
        for code in rnd.codes:
            values = [c[unit][code.name] for c in rnd.coders.values() if code.name in c.get(unit, {})]
            value = _majority(values, code)
            if value is not None and (value or code.level in ("set", "text")):
                out[unit][code.name] = value
    return out


# ----------------------------------------------------------------------------------- reliability


def _human_rows(rnd: Round, code: Code) -> list[list[str | float | None]]:
    rows = []
    for coder, units in sorted(rnd.coders.items()):
        if coder == GOLD:
            continue
        row: list[str | float | None] = []
        for unit in rnd.units:
            v = units.get(unit, {}).get(code.name)
            row.append(None if v is None else float(v) if code.level == "interval" else v)
        rows.append(row)
    return rows


def _num(x: float) -> float | None:
    return None if isinstance(x, float) and math.isnan(x) else round(float(x), 6)


def _why(x: float) -> str:
    return getattr(x, "reason", "") if isinstance(x, float) and math.isnan(x) else ""


def _reasons(**stats: float) -> str:
    """Why each undefined statistic is undefined ("precision: the toolkit never fired; …")."""
    return "; ".join(f"{name}: {_why(x)}" for name, x in stats.items() if _why(x))


def reliability(rnd: Round) -> list[dict[str, Any]]:
    """Human-human agreement per code."""
    out = []
    for code in rnd.codes:
        rows = _human_rows(rnd, code)
        n_units = sum(sum(r[i] is not None for r in rows) >= 2 for i in range(len(rnd.units))) if rows else 0
        rec: dict[str, Any] = {"code": code.name, "measure": code.measure, "level": code.level,
                               "coders": len(rows), "units": n_units}
        if code.level in ("set", "text"):
            pairs = []
            for i in range(len(rnd.units)):
                vals = [r[i] for r in rows if r[i] is not None]
                for a in range(len(vals)):
                    for b in range(a + 1, len(vals)):
                        pairs.append(_name_agreement(str(vals[a]), str(vals[b]), code))
            rec.update(alpha=None, alpha_low=None, alpha_high=None,
                       note="alpha not defined for name lists; agreement = mean pairwise Jaccard" if code.level == "set"
                       else "alpha not defined for free names; agreement = share of pairs naming the same actor",
                       agreement=_num(sum(pairs) / len(pairs)) if pairs else None)
        else:
            level = "interval" if code.level == "interval" else "nominal"
            alpha = ag.krippendorff_alpha(rows, level) if len(rows) >= 2 else ag.Undefined("fewer than two coders")
            low, high = ag.alpha_interval(rows, level) if len(rows) >= 2 and not math.isnan(alpha) else (alpha, alpha)
            pct = ag.percent_agreement(rows) if len(rows) >= 2 else alpha
            rec.update(alpha=_num(alpha), alpha_low=_num(low), alpha_high=_num(high), agreement=_num(pct),
                       note=_why(alpha) or _why(pct))
        out.append(rec)
    return out


def _name_agreement(a: str, b: str, code: Code) -> float:
    if code.level == "text":
        return float((not a and not b) or same_actor(a, b))
    x, y = [n for n, _ in split_set(a)], [n for n, _ in split_set(b)]
    union = len(x) + len(y) - len(match_sets(x, y))
    return len(match_sets(x, y)) / union if union else 1.0


# ----------------------------------------------------------------------------------- toolkit vs reference


def _binary_row(name: str, measure: str, system: list[bool], ref: list[bool], weights: list[float]) -> dict[str, Any]:
    c, cw = ag.confusion(system, ref), ag.confusion(system, ref, weights)
    alpha = ag.krippendorff_alpha([[int(s) for s in system], [int(r) for r in ref]]) if system else ag.Undefined(
        "no unit with a reference code")
    return {"code": name, "measure": measure, "n": len(system), "tp": int(c.tp), "fp": int(c.fp), "fn": int(c.fn),
            "precision": _num(c.precision), "recall": _num(c.recall), "f1": _num(c.f1), "alpha": _num(alpha),
            "weighted_precision": _num(cw.precision), "weighted_recall": _num(cw.recall), "weighted_f1": _num(cw.f1),
            "note": _reasons(precision=c.precision, recall=c.recall, F1=c.f1, alpha=alpha)}


def _frame_of(code: str) -> str:
    return code.split(":", 1)[1].split(".", 1)[0]


def toolkit_agreement(rnd: Round, ref: dict[str, dict[str, str]], toolkit: dict[str, dict[str, str]]
                      ) -> list[dict[str, Any]]:
    """One row per code (and per frame, stance tier, quote speaker, actor type, tone) against ``ref``."""
    rows: list[dict[str, Any]] = []
    units = [u for u in rnd.units if u in toolkit]
    for code in rnd.codes:
        have = [u for u in units if code.name in ref.get(u, {})]
        if code.level == "binary":
            system = [toolkit[u].get(code.name) == "1" for u in have]
            truth = [ref[u][code.name] == "1" for u in have]
            rows.append(_binary_row(code.name, code.measure, system, truth, [rnd.weights[u] for u in have]))
        elif code.name == "stance":
            for tier in [v for v in code.values if v != NO_STANCE]:
                system = [toolkit[u].get("stance") == tier for u in have]
                truth = [ref[u]["stance"] == tier for u in have]
                rows.append(_binary_row(f"stance={tier}", code.measure, system, truth, [rnd.weights[u] for u in have]))
        elif code.name == "speaker":
            both = [u for u in have
                    if ref[u].get("quote") == "1" and toolkit[u].get("quote") == "1" and ref[u]["speaker"]]
            right = sum(same_actor(toolkit[u].get("speaker", ""), ref[u]["speaker"]) for u in both)
            rows.append({"code": "speaker_right", "measure": code.measure, "n": len(both),
                         "accuracy": _num(right / len(both)) if both else None,
                         "note": "" if both else "no quote found by both toolkit and coders"})
        elif code.level == "set":
            rows += _set_rows(code, have, ref, toolkit, rnd.weights)
        elif code.level == "interval":
            rows.append(_tone_row(code, have, ref, toolkit))
    for frame in sorted({_frame_of(c.name) for c in rnd.codes if c.measure == "framing"}):
        items = [c.name for c in rnd.codes if c.measure == "framing" and _frame_of(c.name) == frame]
        have = [u for u in units if all(i in ref.get(u, {}) for i in items)]
        system = [any(toolkit[u].get(i) == "1" for i in items) for u in have]
        truth = [any(ref[u][i] == "1" for i in items) for u in have]
        rows.append(_binary_row(f"frame:{frame}", "framing", system, truth, [rnd.weights[u] for u in have]))
    return rows


def _coarse(kind: str) -> str:
    k = kind.lower()
    if k in ("person", "per"):
        return "person"
    if k in ("organisation", "organization", "org", "organisation/agency", "media"):
        return "organisation"
    if k in ("country", "gpe", "state", "government"):
        return "country"
    if k in ("place", "loc", "location", "city", "region"):
        return "place"
    return k


def _set_rows(code: Code, have: list[str], ref: dict[str, dict[str, str]], toolkit: dict[str, dict[str, str]],
              weights: dict[str, float]) -> list[dict[str, Any]]:
    tp = fp = fn = 0.0
    typed = right = 0
    for u in have:
        sys_items, ref_items = split_set(toolkit[u].get(code.name, "")), split_set(ref[u][code.name])
        pairs = match_sets([n for n, _ in sys_items], [n for n, _ in ref_items])
        tp += len(pairs)
        fp += len(sys_items) - len(pairs)
        fn += len(ref_items) - len(pairs)
        for i, j in pairs:
            if ref_items[j][1]:
                typed += 1
                right += _coarse(sys_items[i][1]) == _coarse(ref_items[j][1])
    c = ag.Confusion(tp, fp, fn, 0)
    name = "found" if code.name == "actors" else "named"
    return [{"code": f"{code.name}_{name}", "measure": code.measure, "n": len(have), "tp": int(tp), "fp": int(fp),
             "fn": int(fn), "precision": _num(c.precision), "recall": _num(c.recall), "f1": _num(c.f1),
             "note": "names matched one to one (docs/validation.md)"},
            {"code": f"{code.name}_type_right", "measure": code.measure, "n": typed,
             "accuracy": _num(right / typed) if typed else None,
             "note": "" if typed else "coders gave no types"}][: 2 if code.name == "actors" else 1]


def _tone_row(code: Code, have: list[str], ref: dict[str, dict[str, str]], toolkit: dict[str, dict[str, str]]
              ) -> dict[str, Any]:
    pairs = [(float(toolkit[u][code.name]), float(ref[u][code.name])) for u in have if toolkit[u].get(code.name)]
    x, y = [p[0] for p in pairs], [p[1] for p in pairs]
    r, rho = ag.pearson(x, y), ag.spearman(x, y)
    signs = [ag.sign(a, 0.05) == ag.sign(b) for a, b in pairs]
    return {"code": code.name, "measure": code.measure, "n": len(pairs), "pearson_r": _num(r),
            "spearman_rho": _num(rho),
            "sign_agreement": _num(sum(signs) / len(signs)) if signs else None,
            "note": _why(r) or "toolkit sign by VADER's ±0.05 convention; human sign of the −2…+2 scale"}


def disagreements(rnd: Round, ref: dict[str, dict[str, str]], toolkit: dict[str, dict[str, str]]
                  ) -> list[dict[str, str]]:
    """Units where the toolkit's binary/nominal code differs from the reference, with cues and coders' codes."""
    out = []
    for u in rnd.units:
        for code in rnd.codes:
            if code.level not in ("binary", "nominal") or code.name not in ref.get(u, {}):
                continue
            mine = toolkit.get(u, {}).get(code.name, "")
            if mine != ref[u][code.name]:
                coders = "; ".join(f"{c}={v[u][code.name]}" for c, v in sorted(rnd.coders.items())
                                   if code.name in v.get(u, {}))
                out.append({"unit_id": u, "outlet": rnd.outlets.get(u, ""), "code": code.name, "toolkit": mine,
                            "reference": ref[u][code.name], "coders": coders,
                            "cue": rnd.cues.get(u, {}).get(code.name, ""), "text": rnd.texts.get(u, "")})
    return out


def score_round(rnd: Round, after: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """Every figure of a validation round as one JSON-ready dict."""
    ref = reference(rnd)
    result: dict[str, Any] = {
        "tool": f"mediacompare {__version__}", "sample": rnd.meta,
        "coders": sorted(rnd.coders), "reference": GOLD if GOLD in rnd.coders else "majority of coders",
        "units": len(rnd.units), "reliability": reliability(rnd),
        "toolkit": {"before": toolkit_agreement(rnd, ref, rnd.toolkit)},
        "disagreements": disagreements(rnd, ref, rnd.toolkit),
    }
    if after is not None:
        result["toolkit"]["after"] = toolkit_agreement(rnd, ref, after)
    return result
