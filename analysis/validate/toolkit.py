"""The toolkit's own codes for each unit, read from the analysis tables (never shown to coders).

Sentence units are ``ARTICLE_ID#S`` (sentence index ``S`` of the cleaned body), article units are the
article id. For each code the toolkit gives a value in the coders' vocabulary and the cue that made it
(the evidence ``cue``), so a disagreement can be traced to the lexicon entry behind it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from ..tables import AnalysisTables
from .codebook import NO_STANCE, Code, frame_code

TOP_ACTORS = 3  # article units: the toolkit's main actors are its three most prominent (entities family)


def sentence_unit(article_id: str, sentence_index: int) -> str:
    """Unit id of a sentence: ``ARTICLE_ID#S``."""
    return f"{article_id}#{int(sentence_index)}"


@dataclass
class ToolkitCodes:
    """Per unit: code -> value (as the coders would write it) and code -> cue."""

    values: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    cues: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))

    def fired(self, unit: str, codes: list[Code]) -> bool:
        """Whether the toolkit found anything for ``unit`` among ``codes`` (for stratified sampling)."""
        row = self.values.get(unit, {})
        for code in codes:
            value = row.get(code.name, "")
            if code.level == "binary" and value == "1":
                return True
            if code.level == "set" and value:
                return True
            if code.level == "interval" and value and abs(float(value)) >= 0.05:
                return True
        return False


def _tone_level(compound: float) -> str:
    return "" if pd.isna(compound) else repr(round(float(compound), 4))


def _actor_kinds(tables: AnalysisTables) -> dict[tuple[str, str], str]:
    actors = tables.records.get("actors")
    if actors is None or actors.empty:
        return {}
    return {(str(a), str(n)): str(k) for a, n, k in zip(actors["article_id"], actors["actor"], actors["kind"],
                                                        strict=True)}


def _join(names: list[str]) -> str:
    return "; ".join(dict.fromkeys(n for n in names if n))


def sentence_codes(tables: AnalysisTables, codes: list[Code]) -> ToolkitCodes:
    """The toolkit's codes for every sentence of every analysed article."""
    out = ToolkitCodes()
    names = {c.name for c in codes}
    for aid, s in zip(tables.sentences["article_id"], tables.sentences["sentence_index"], strict=True):
        unit = sentence_unit(aid, s)
        row = out.values[unit]
        for c in codes:
            row[c.name] = "0" if c.level == "binary" else NO_STANCE if c.name == "stance" else ""
    ev = tables.evidence
    frames = ev[(ev["family"] == "framing") & (ev["metric"] == "item_present")]
    for aid, s, target, cue in zip(frames["article_id"], frames["sentence_index"], frames["target"], frames["cue"],
                                   strict=True):
        name = frame_code(target)
        if name in names and s >= 0:
            unit = sentence_unit(aid, s)
            out.values[unit][name] = "1"
            out.cues[unit][name] = _join([out.cues[unit].get(name, ""), str(cue)])
    if "actors" in names:
        kinds = _actor_kinds(tables)
        ents = ev[(ev["family"] == "entities") & (ev["metric"] == "mentions") & (ev["sentence_index"] >= 0)]
        found: dict[str, list[str]] = defaultdict(list)
        for aid, s, actor, cue in zip(ents["article_id"], ents["sentence_index"], ents["target"], ents["cue"],
                                      strict=True):
            unit = sentence_unit(aid, s)
            kind = kinds.get((aid, actor), "")
            found[unit].append(f"{actor}|{kind}" if kind else actor)
            out.cues[unit]["actors"] = _join([out.cues[unit].get("actors", ""), str(cue)])
        for unit, actors in found.items():
            out.values[unit]["actors"] = _join(actors)
    quotes = tables.records.get("quotes")
    if quotes is not None and "quote" in names:
        for q in quotes.sort_values(["article_id", "sentence_index", "start"], kind="stable").itertuples():
            if int(q.sentence_index) < 0:
                continue  # a headline quote: the headline is no coding unit
            for s in range(int(q.sentence_index), int(q.end_sentence_index) + 1):
                row = out.values[sentence_unit(q.article_id, s)]
                if row.get("quote") == "1":
                    continue  # the first quote of a sentence gives its speaker and stance
                row["quote"] = "1"
                row["speaker"] = str(q.speaker or "")
                row["stance"] = str(q.tier or "") or NO_STANCE
                out.cues[sentence_unit(q.article_id, s)]["quote"] = f"{q.rule}: {q.verb or ''}".strip()
    tone = tables.records.get("sentence_tone")
    if tone is not None and "tone" in names:
        for aid, s, compound in zip(tone["article_id"], tone["sentence_index"], tone["compound"], strict=True):
            out.values[sentence_unit(aid, s)]["tone"] = _tone_level(compound)
    return out


def article_codes(tables: AnalysisTables, codes: list[Code]) -> ToolkitCodes:
    """The toolkit's codes for every analysed article."""
    out = ToolkitCodes()
    names = {c.name for c in codes}
    m = tables.metrics
    for aid in tables.analysed["article_id"]:
        out.values[aid] = {c.name: "0" if c.level == "binary" else "" for c in codes}
    items = m[(m["family"] == "framing") & (m["metric"] == "item_present")]
    for aid, target, value in zip(items["article_id"], items["target"], items["value"], strict=True):
        if frame_code(target) in names and value == 1:
            out.values[aid][frame_code(target)] = "1"
    ev = tables.evidence
    frames = ev[(ev["family"] == "framing") & (ev["metric"] == "item_present")]
    for aid, target, cue in zip(frames["article_id"], frames["target"], frames["cue"], strict=True):
        name = frame_code(target)
        if name in names:
            out.cues[aid][name] = _join([out.cues[aid].get(name, ""), str(cue)])
    if "actors" in names:
        kinds = _actor_kinds(tables)
        prom = m[(m["family"] == "entities") & (m["metric"] == "prominence")]
        prom = prom.sort_values(["article_id", "value", "target"], ascending=[True, False, True], kind="stable")
        for aid, group in prom.groupby("article_id", sort=True):
            top = [f"{a}|{kinds[(aid, a)]}" if (aid, a) in kinds else a for a in group["target"].head(TOP_ACTORS)]
            out.values[aid]["actors"] = _join(top)
            out.cues[aid]["actors"] = "top by prominence: " + _join(
                f"{a} {v:.2f}" for a, v in zip(group["target"].head(TOP_ACTORS), group["value"].head(TOP_ACTORS),
                                               strict=True))
    sources = tables.records.get("sources")
    if sources is not None and "speakers" in names:
        for aid, group in sources.groupby("article_id", sort=True):
            out.values[aid]["speakers"] = _join([str(s) for s in group["speaker"]])
    if "tone" in names:
        tone = m[(m["family"] == "sentiment") & (m["metric"] == "mean_compound")]
        for aid, value in zip(tone["article_id"], tone["value"], strict=True):
            out.values[aid]["tone"] = _tone_level(value)
    return out


def toolkit_codes(tables: AnalysisTables, codes: list[Code], unit: str) -> ToolkitCodes:
    """The toolkit's codes for units of kind ``unit``."""
    return sentence_codes(tables, codes) if unit == "sentence" else article_codes(tables, codes)
