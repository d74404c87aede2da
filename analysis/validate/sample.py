"""Draw a coding sample and write the coding sheets (``mediacompare validate sample``).

Design (METHODS.md, "Measuring our own measures"): units are stratified by outlet and by whether the
toolkit fired on them, so both precision (fired units) and recall (units it missed) can be estimated.
"Fired" means a yes/no code (frame item, quote) fired,
or, when only actors or tone are coded, an actor was found or the tone is not neutral. Half of the
sample goes to fired units and half to the rest (the remainder to the other side when one
runs short); within each side the units are spread evenly over outlets (an outlet with too few units
gives its share to the others). Units are drawn without replacement with a seeded generator. Each
unit's sampling weight is N_h / n_h (stratum size over units drawn from it), the inverse inclusion
probability, so corpus-level precision and recall can be estimated (Horvitz & Thompson 1952).

Written to the output folder:

* ``coding_sheet.csv`` and ``coding_sheet.xlsx`` (sheets "coding" and "codebook"): one row per unit
  with its text and context and an empty column per code, plus ``coder`` and ``notes``. Give each coder
  a copy; a filled copy is read back as ``coded_<coder>.csv`` or ``.xlsx``.
* ``codebook.csv``: each code, its level, allowed values, the question in plain words, its source.
* ``toolkit_codes.csv``: the toolkit's own codes and cues for the same units — kept apart, so the
  coders stay blind to them.
* ``sample.csv``: each unit's stratum, stratum size, draws and weight; ``sample.json``: the design,
  seed, corpus, settings, package and lexicon versions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .. import __version__
from ..metrics.base import Settings
from ..model import MediacompareError
from ..outputs import atomic_write
from ..tables import AnalysisTables
from .codebook import Code, codebook
from .sheets import write_csv, write_xlsx
from .toolkit import ToolkitCodes, sentence_unit, toolkit_codes

MARKER = "sample.json"
CONTEXT_COLUMNS = ("unit_id", "article_id", "outlet", "published", "headline", "previous_sentence", "text",
                   "next_sentence")
MAX_CELL = 32_000  # spreadsheets hold at most 32,767 characters in a cell


@dataclass(frozen=True)
class Unit:
    unit_id: str
    article_id: str
    sentence_index: int  # -1 for article units
    outlet: str
    fired: bool


def allocate(n: int, sizes: list[int]) -> list[int]:
    """Spread ``n`` draws as evenly as possible over strata of ``sizes`` (no stratum above its size).

    Water-filling: every stratum gets the same share, a stratum smaller than its share gives the rest
    to the others; leftover single draws go to the first strata in order.
    """
    take = [0] * len(sizes)
    left = min(n, sum(sizes))
    open_ = [i for i, s in enumerate(sizes) if s > 0]
    while left > 0 and open_:
        share = max(1, left // len(open_))
        for i in list(open_):
            if left == 0:
                break
            add = min(share, sizes[i] - take[i], left)
            take[i] += add
            left -= add
            if take[i] == sizes[i]:
                open_.remove(i)
    return take


def _units(tables: AnalysisTables, unit: str, tk: ToolkitCodes, codes: list[Code]) -> list[Unit]:
    """Every unit with its outlet and whether the toolkit fired on it.

    "Fired" looks at the yes/no codes (frame items, quotes) when any are coded: actors and tone are
    present in almost every sentence and would leave nothing to balance against. With only actors or
    tone coded, fired means an actor was found or the tone is not neutral (|compound| >= 0.05).
    """
    codes = [c for c in codes if c.level == "binary"] or codes
    outlet = dict(zip(tables.articles["article_id"], tables.articles["outlet"].fillna(""), strict=True))
    if unit == "article":
        ids = list(tables.analysed["article_id"])
        return [Unit(a, a, -1, str(outlet.get(a, "")), tk.fired(a, codes)) for a in ids]
    out = []
    for aid, s in zip(tables.sentences["article_id"], tables.sentences["sentence_index"], strict=True):
        uid = sentence_unit(aid, s)
        out.append(Unit(uid, aid, int(s), str(outlet.get(aid, "")), tk.fired(uid, codes)))
    return out


def draw(units: list[Unit], n: int, seed: int) -> tuple[list[Unit], dict[tuple[str, bool], tuple[int, int]]]:
    """The stratified sample (in a shuffled, seeded order) and each stratum's (size, draws)."""
    rng = np.random.default_rng(seed)
    strata: dict[tuple[str, bool], list[Unit]] = {}
    for u in units:
        strata.setdefault((u.outlet, u.fired), []).append(u)
    fired_total = sum(len(v) for (o, f), v in strata.items() if f)
    rest_total = len(units) - fired_total
    half = allocate(n, [fired_total, rest_total])
    chosen: list[Unit] = []
    counts: dict[tuple[str, bool], tuple[int, int]] = {}
    for side, quota in zip((True, False), half, strict=True):
        keys = sorted(k for k in strata if k[1] is side)
        for key, k in zip(keys, allocate(quota, [len(strata[k]) for k in keys]), strict=True):
            pool = strata[key]
            picks = sorted(rng.choice(len(pool), size=k, replace=False).tolist()) if k else []
            chosen += [pool[i] for i in picks]
            counts[key] = (len(pool), k)
    order = rng.permutation(len(chosen))
    return [chosen[i] for i in order], counts


def _body(sentences: pd.DataFrame) -> str:
    paragraphs: dict[int, list[str]] = {}
    for p, t in zip(sentences["paragraph_index"], sentences["text"], strict=True):
        paragraphs.setdefault(int(p), []).append(str(t))
    return "\n\n".join(" ".join(v) for _, v in sorted(paragraphs.items()))


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[:MAX_CELL] + " […] (cut: the spreadsheet cell limit)"


def context_rows(tables: AnalysisTables, units: list[Unit]) -> list[list[str]]:
    """Sheet rows (the context columns) for ``units``."""
    arts = tables.articles.set_index("article_id")
    by_article = {aid: g.sort_values("sentence_index") for aid, g in tables.sentences.groupby("article_id")}
    rows = []
    for u in units:
        sents = by_article.get(u.article_id, tables.sentences.iloc[0:0])
        text = dict(zip(sents["sentence_index"], sents["text"], strict=True))
        meta = arts.loc[u.article_id] if u.article_id in arts.index else None
        headline = "" if meta is None or pd.isna(meta.get("title")) else str(meta.get("title"))
        published = "" if meta is None or pd.isna(meta.get("published")) else str(meta.get("published"))
        if u.sentence_index < 0:
            rows.append([u.unit_id, u.article_id, u.outlet, published, headline, "", _clip(_body(sents)), ""])
        else:
            s = u.sentence_index
            rows.append([u.unit_id, u.article_id, u.outlet, published, headline, str(text.get(s - 1, "")),
                         str(text.get(s, "")), str(text.get(s + 1, ""))])
    return rows


def _check_output(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise MediacompareError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise MediacompareError(f"{out}: folder is not empty and holds no earlier coding sample; choose a new folder")
    if (out / MARKER).exists() and any(out.glob("coded_*")):
        raise MediacompareError(f"{out}: holds filled sheets (coded_*); a new sample would orphan them, "
                                "choose a new folder")


def lexicon_versions(settings: Settings) -> dict[str, str]:
    """Name -> version of every lexicon and rules file the codes come from."""
    from ..metrics.framing import frame_rules
    from ..sourcing.stance import reporting_verbs_for

    rules, verbs = frame_rules(settings), reporting_verbs_for(settings)
    return {rules.name: rules.version, verbs.name: verbs.version}


def write_sample(tables: AnalysisTables, out: str | Path, *, settings: Settings, unit: str,
                 measures: tuple[str, ...], n: int, seed: int, corpus: str, command: str = "") -> dict[str, Path]:
    """Draw the sample from analysed ``tables`` and write the sheets into ``out``; returns the paths."""
    out = Path(out)
    _check_output(out)
    codes = codebook(settings, unit, measures)
    tk = toolkit_codes(tables, codes, unit)
    units = _units(tables, unit, tk, codes)
    if not units:
        raise MediacompareError(f"{corpus}: no analysed {unit} to sample")
    chosen, counts = draw(units, n, seed)
    names = [c.name for c in codes]
    header = [*CONTEXT_COLUMNS, "coder", *names, "notes"]
    rows = [[*ctx, "", *([""] * len(names)), ""] for ctx in context_rows(tables, chosen)]
    book_header = ["code", "measure", "level", "values", "question", "source"]
    book = [[c.name, c.measure, c.level, " ".join(c.values), c.question, c.source] for c in codes]
    paths = {"coding_sheet.csv": out / "coding_sheet.csv", "coding_sheet.xlsx": out / "coding_sheet.xlsx",
             "codebook.csv": out / "codebook.csv", "toolkit_codes.csv": out / "toolkit_codes.csv",
             "sample.csv": out / "sample.csv", MARKER: out / MARKER}
    write_csv(paths["coding_sheet.csv"], header, rows)
    write_xlsx(paths["coding_sheet.xlsx"], {"coding": (header, rows), "codebook": (book_header, book)})
    write_csv(paths["codebook.csv"], book_header, book)
    tk_header = ["unit_id", *names, *[f"cue:{c}" for c in names]]
    write_csv(paths["toolkit_codes.csv"], tk_header,
              [[u.unit_id, *[tk.values[u.unit_id].get(c, "") for c in names],
                *[tk.cues[u.unit_id].get(c, "") for c in names]] for u in chosen])
    sample_rows = []
    for u in chosen:
        size, k = counts[(u.outlet, u.fired)]
        stratum = "fired" if u.fired else "not_fired"
        index = str(u.sentence_index) if u.sentence_index >= 0 else ""  # empty for an article unit
        sample_rows.append([u.unit_id, u.article_id, index, u.outlet, stratum, str(size), str(k), repr(size / k)])
    write_csv(paths["sample.csv"], ["unit_id", "article_id", "sentence_index", "outlet", "stratum", "stratum_size",
                                    "stratum_draws", "weight"], sample_rows)
    meta = {
        "tool": f"mediacompare {__version__}", "command": command, "corpus": corpus, "unit": unit,
        "measures": list(measures), "n_requested": n, "n_drawn": len(chosen), "seed": seed,
        "population": len(units), "lexicons": lexicon_versions(settings),
        "settings": {k: str(v) for k, v in _settings_files(settings).items()},
        "strata": [{"outlet": o, "stratum": "fired" if f else "not_fired", "size": s, "draws": k,
                    "weight": (s / k) if k else None}
                   for (o, f), (s, k) in sorted(counts.items())],
    }
    atomic_write(paths[MARKER], lambda tmp: tmp.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n",
                                                      encoding="utf-8"))
    return paths


def _settings_files(settings: Settings) -> dict[str, str]:
    names = ("actors_file", "frames_file", "reporting_verbs_file", "hedges_file", "source_types_file")
    return {n: str(getattr(settings, n)) for n in names if getattr(settings, n, None)}
