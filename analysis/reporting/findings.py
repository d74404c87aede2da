"""The report's findings as sentences, generated from the outlet statistics with templates kept in data.

:func:`corpus_facts` counts what was analysed (articles, outlets, events, events covered by at least two
outlets, skipped inputs by status). :func:`findings` reads the pooled pairwise statistics
(:func:`analysis.reporting.stats_source.pairwise`) and decides what the design supports:

* **no inference** when no comparison has a p-value (one article per outlet, as in the seeds; a single
  outlet): the page says so, with the reason, and describes instead (each outlet's values of a few
  measures);
* otherwise a difference is *called* a difference only when its Benjamini–Hochberg adjusted p-value
  (Benjamini & Hochberg 1995; computed by :mod:`analysis.compare.stats` across every comparison of the
  pooled scope) is at most the false discovery rate ``fdr`` of ``findings_templates.yaml`` (0.05).
  Those rows become sentences, largest |Hedges' g| first: outlet pairs when the design tested pairs (up to
  12 outlets), else each outlet against the rest (many outlets); when none survive, the page says that.

Wording comes from ``findings_templates.yaml`` and the metric labels from ``metric_labels.yaml``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pandas as pd

from ..labels import outlet_labels
from .labels import (
    G_LIMIT,
    count_noun,
    format_article_value,
    format_count,
    format_g,
    format_p,
    format_value,
    load_yaml_data,
    metric_label,
)
from .stats_source import PAIRED

TEMPLATES_FILE = "findings_templates.yaml"
LISTED_OUTLETS = 12  # outlets named in "what was analysed"; the rest are counted
VS_REST = "outlet_vs_rest"
# Rows said as "A … than B" are outlet pairs, or outlets against the rest when no pair was tested (findings());
# omnibus tests count among the comparisons (one BH correction) but name no direction.
NO_INFERENCE = "no_inference"
DIFFERENCES = "differences"
NONE_SIGNIFICANT = "none_significant"


@lru_cache(maxsize=1)
def templates() -> dict[str, Any]:
    """``findings_templates.yaml``: ``meta``, ``fdr`` and ``templates``."""
    return load_yaml_data(TEMPLATES_FILE)


def _t(name: str, **fields: object) -> str:
    return " ".join(str(templates()["templates"][name]).split()).format(**fields)


@dataclass(frozen=True)
class CorpusFacts:
    """What was analysed: counts of articles per outlet, events and skipped inputs."""

    n_analysed: int
    outlets: dict[str, int]  # outlet label -> analysed articles, sorted by name
    n_events: int  # distinct non-empty event ids among analysed articles
    n_paired_events: int  # events with articles from at least two outlets
    n_without_event: int
    skipped: dict[str, int] = field(default_factory=dict)  # status -> count

    def largest(self, limit: int) -> list[tuple[str, int]]:
        """The ``limit`` outlets with the most analysed articles, most first, ties by name, with their counts."""
        return sorted(self.outlets.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    @property
    def max_per_outlet(self) -> int:
        return max(self.outlets.values(), default=0)


def corpus_facts(articles: pd.DataFrame) -> CorpusFacts:
    """Count analysed articles by outlet, their events, and skipped inputs by status."""
    status = articles["status"].astype(str) if "status" in articles.columns else pd.Series("analysed",
                                                                                           index=articles.index)
    done = articles[status == "analysed"]
    outlets = outlet_labels(done["outlet"]) if "outlet" in done.columns else pd.Series("", index=done.index)
    per_outlet = {str(k): int(v) for k, v in sorted(outlets.value_counts().items())}
    events = (done["event_id"].astype("string").fillna("").str.strip() if "event_id" in done.columns
              else pd.Series("", index=done.index, dtype="string"))
    with_event = events != ""
    by_event = pd.DataFrame({"e": events[with_event], "o": outlets[with_event]})
    n_paired = int((by_event.groupby("e")["o"].nunique() >= 2).sum()) if len(by_event) else 0
    skipped = {str(k): int(v) for k, v in sorted(status[status != "analysed"].value_counts().items())}
    return CorpusFacts(len(done), per_outlet, int(events[with_event].nunique()), n_paired,
                       int((~with_event).sum()), skipped)


def corpus_sentences(facts: CorpusFacts) -> list[str]:
    """What was analysed, as sentences (templates ``analysed``, ``paired_events``, ``skipped``)."""
    outlet_list = "; ".join(f"{o} {format_count(n)}" for o, n in facts.outlets.items())
    if len(facts.outlets) > LISTED_OUTLETS:  # the largest by name; the corpus page lists every outlet
        top = facts.largest(LISTED_OUTLETS)
        n_rest = facts.n_analysed - sum(n for _, n in top)
        outlet_list = "; ".join(f"{o} {format_count(n)}" for o, n in top) + "; " + _t(
            "other_outlets", n_other=format_count(len(facts.outlets) - len(top)), n_other_articles=format_count(n_rest))
    common = {"n_analysed": format_count(facts.n_analysed),
              "articles_word": "article" if facts.n_analysed == 1 else "articles",
              "n_outlets": format_count(len(facts.outlets)),
              "outlets_word": "outlet" if len(facts.outlets) == 1 else "outlets", "outlet_list": outlet_list}
    if facts.n_events:
        out = [_t("analysed", **common, n_events=format_count(facts.n_events),
                  events_word="event" if facts.n_events == 1 else "events")]
        out.append(_t("paired_events", n_paired_events=format_count(facts.n_paired_events)))
    else:
        out = [_t("analysed_no_events", **common)]
    n_skipped = sum(facts.skipped.values())
    if n_skipped:
        out.append(_t("skipped", n_skipped=format_count(n_skipped),
                      articles_word="article" if n_skipped == 1 else "articles",
                      skipped_list=", ".join(f"{k} {format_count(v)}" for k, v in facts.skipped.items())))
    else:
        out.append(_t("none_skipped"))
    return out


@dataclass(frozen=True)
class Finding:
    """One sentence of the first page and what it is about (for its links)."""

    text: str
    family: str = ""
    metric: str = ""
    target: str = ""
    outlet_a: str = ""
    outlet_b: str = ""


@dataclass(frozen=True)
class Findings:
    """The findings section: ``mode`` (no_inference, differences, none_significant), an intro, the sentences."""

    mode: str
    intro: str
    items: list[Finding]
    more: str = ""


def difference_sentence(row: pd.Series | dict[str, Any]) -> str:
    """One significant difference as a sentence (template ``difference``), numbers formatted by the metric's kind.

    The sign follows ``difference = mean_a − mean_b``: the verb phrase says "more"/"less" for outlet_a.
    """
    lab = metric_label(str(row["metric"]))
    target = str(row.get("target", "") or "")
    more = float(row["difference"]) > 0
    phrase = lab.more if more else lab.less
    shown_target = target.replace("_", " ")
    if not phrase:
        phrase = _t("phrase_more" if more else "phrase_less", label=lab.in_sentence(target))
    elif "{target}" in phrase:
        phrase = phrase.replace("{target}", shown_target)
    elif target:  # "quotes sources … than" -> "quotes sources … (government official) than"
        head, sep, tail = phrase.rpartition(" than")
        phrase = f"{head} ({shown_target}){sep}{tail}" if sep else f"{phrase} ({shown_target})"
    paired = str(row.get("design", "")) == PAIRED
    n_text = (_t("n_paired", n=format_count(int(row["n_a"]))) if paired else
              _t("n_independent", n_a=format_count(int(row["n_a"])), n_b=format_count(int(row["n_b"]))))
    unit = "percentage points" if lab.percent else lab.unit
    against_rest = str(row.get("contrast", "")) == VS_REST
    outlet_b = _t("rest_paired" if paired else "rest") if against_rest else row["outlet_b"]
    return _t("difference", outlet_a=row["outlet_a"], outlet_b=outlet_b, phrase=phrase,
              difference=format_value(float(row["difference"]), lab, signed=True), unit=unit,
              ci_low=format_value(float(row["ci_low"]), lab), ci_high=format_value(float(row["ci_high"]), lab),
              effect=_t("effect_paired" if paired else "effect_independent"),
              g=format_g(float(row["hedges_g"])), q=format_p(float(row["p_adjusted"])), n_text=n_text)


def findings(stats: pd.DataFrame, facts: CorpusFacts, keys: set[tuple[str, str]] | None = None,
             summary: pd.DataFrame | None = None, top: int = 15) -> Findings:
    """Decide what the design supports and write the findings (module docstring).

    ``stats``: pooled pairwise rows; ``keys``: the (metric, target) rows the summary tables show (findings
    are limited to those, so each links to its table row; None = article-level labelled metrics);
    ``summary``: outlet summaries used for the description when there is no inference; ``top``: at most
    that many sentences, the rest counted.
    """
    fdr = float(templates()["fdr"])
    tested = stats[stats["p_value"].notna()] if not stats.empty else stats
    if len(facts.outlets) < 2 or tested.empty:
        if len(facts.outlets) < 2:
            reason = _t("reason_one_outlet")
        elif facts.max_per_outlet <= 1:
            reason = _t("reason_one_each")
        else:
            reason = _t("reason_few")
        description = (f"{count_noun(facts.n_analysed, 'article', words=True)} from "
                       f"{count_noun(len(facts.outlets), 'outlet', words=True)}")
        intro = _t("no_inference", description=description, reason=reason)
        return Findings(NO_INFERENCE, intro, describe(summary) if summary is not None else [])
    # Per measure: its outlet pairs when the design tested any for it (up to 12 outlets), else each outlet against
    # the rest: with three outlets "A − the others" only repeats the pairs, with 150 there are no pairs to say.
    # (Deciding once for the whole table let a few pair-tested sparse measures hide every other measure's
    # outlet-against-rest differences, and the index then said none survived.)
    measure = pd.Series(list(zip(tested["metric"], tested["target"], strict=True)), index=tested.index)
    is_pair = tested["contrast"] == "pair"
    paired_measures = set(measure[is_pair])
    by_pairs = measure.isin(paired_measures)
    chosen = (is_pair & by_pairs) | ((tested["contrast"] == VS_REST) & ~by_pairs)
    eligible = tested[(tested["p_adjusted"] <= fdr) & chosen]
    wanted = [k for k in zip(eligible["metric"], eligible["target"], strict=True)
              if metric_label(k[0]).finding and (k in keys if keys is not None else k[1] == "")]
    eligible = eligible[[k in set(wanted) for k in zip(eligible["metric"], eligible["target"], strict=True)]]
    if eligible.empty:
        return Findings(NONE_SIGNIFICANT, _t("none_significant", fdr=fdr, n_tested=format_count(len(tested))), [])
    g = eligible["hedges_g"].abs()
    order = eligible.assign(_g=g.where(g < G_LIMIT).fillna(-1.0))  # near-zero-variance g's sort last
    order = order.sort_values(["_g", "p_adjusted", "metric", "target", "outlet_a", "outlet_b"],
                              ascending=[False, True, True, True, True, True], kind="stable")
    items = [Finding(difference_sentence(r), metric_label(r["metric"]).family, r["metric"], r["target"],
                     r["outlet_a"], "" if r["contrast"] == VS_REST else r["outlet_b"])
             for _, r in order.head(top).iterrows()]
    intro = _t("differences_intro", n_found=format_count(len(order)), fdr=fdr, n_tested=format_count(len(tested)))
    more = _t("differences_more", n_more=format_count(len(order) - top)) if len(order) > top else ""
    return Findings(DIFFERENCES, intro, items, more)


DESCRIBE_PER_FAMILY = 2


def describe(summary: pd.DataFrame) -> list[Finding]:
    """Outlet-by-outlet values of a few measures (the first two per-article-table metrics of each family)."""
    if summary.empty:
        return []
    out = []
    for family, fam in summary.groupby("family", sort=False):
        keys = [(m, t) for m, t in dict.fromkeys(zip(fam["metric"], fam["target"], strict=True))
                if metric_label(m).article_table and metric_label(m).finding and t == ""][:DESCRIBE_PER_FAMILY]
        for metric, target in keys:
            lab = metric_label(metric)
            rows = fam[(fam["metric"] == metric) & (fam["target"] == target)]
            # one article: its value as printed in the per-article table (counts as integers)
            n = rows["n"] if "n" in rows.columns else pd.Series([1])
            fmt = format_article_value if int(n.max()) <= 1 else format_value
            values = "; ".join(f"{r.outlet} {fmt(r.mean, lab)}" for r in rows.itertuples() if not math.isnan(r.mean))
            if values:
                out.append(Finding(_t("describe", label=lab.display(target), unit=lab.unit, values=values),
                                   str(family), metric, target))
    return out
