"""Sourcing figures and tables (issue 3 §7): who speaks, how they are introduced, hedging, tone near actors.

Every ``plot_*`` takes the tidy metrics frame (``article_id, outlet, family, metric, target, value,
note``) and reads only rows of family ``"sourcing"``; the ``*_table`` helpers take a record table
(``quotes``, ``sources``, ``claims`` from ``AnalysisTables.records``). None mutates its input.

The conventions are those of :mod:`analysis.figures.profiles`: one colour per outlet (Okabe–Ito,
sorted names), one point per article, an outlined outlet mean only when an outlet has several
articles, and NaN drawn as "n/a" in the outlet's colour — never as zero. A count of 0 is a real
value and is drawn at 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from ..labels import outlet_labels
from ..reporting.undefined import describe_undefined
from ..safe_text import markdown as md
from .profiles import (
    _dot_panel,
    _empty_plot,
    _legend,
    _reading_note,
    _Row,
    _setup,
    describe_counts,
    describe_missing,
    family_rows,
)
from .style import BAND, NEUTRAL, Plot, figure, styled, wrap_label

FAMILY = "sourcing"

SOURCE_TYPES: tuple[str, ...] = ("government official", "state media", "intelligence", "military",
                                 "expert/analyst", "other media", "document", "witness", "other")
SOURCE_COUNTS: dict[str, str] = {
    "n_sources": "all sources",
    "n_named_sources": "named",
    "n_anonymous_sources": "anonymous",
}
ATTRIBUTION_KINDS: dict[str, str] = {
    "n_direct_quotes": "direct quote",
    "n_indirect_quotes": "indirect quote",
    "n_according_to": "“according to”",
    "n_citing": "“citing”",
}
TIERS: dict[str, str] = {
    "neutral": "neutral (say, tell, add, report)",
    "distancing": "distancing (claim, allege, insist)",
    "concessive": "concessive (admit, concede)",
    "endorsing": "endorsing (confirm, reveal)",
}
VOICES: dict[str, str] = {"journalist": "Journalist's voice", "quoted": "Quoted text"}
TONE_METRICS: dict[str, str] = {"journalist": "actor_tone_journalist", "quoted": "actor_tone_quoted"}
TONE_COUNTS: dict[str, str] = {"journalist": "n_actor_tone_sentences_journalist",
                               "quoted": "n_actor_tone_sentences_quoted"}
ALL_HEDGES = "all"
MAX_OUTLETS_LISTED = 12  # captions list per-outlet numbers up to this many outlets

QUOTE_COLUMNS = ("outlet", "article_id", "sentence_index", "kind", "speaker", "speaker_as_printed", "speaker_type",
                 "named", "verb", "tier", "negated", "text")
SOURCE_COLUMNS = ("outlet", "article_id", "speaker", "speaker_type", "named", "n_quotes", "n_direct", "n_indirect",
                  "n_according_to", "n_citing", "first_sentence_index", "as_printed")
CLAIM_COLUMNS = ("outlet", "article_id", "referent", "value", "unit", "approximator", "as_printed", "attributed_to",
                 "attributed_actor", "attribution", "sentence_index", "sentence")
UNATTRIBUTED = "(unattributed)"

QUOTE_LIMITS = (
    "quotes are found by rules (a quoted span or clause with a reporting verb from the bundled list, “according "
    "to X”, “citing X”), not by human coders, so unusual constructions are missed; speaker resolution may miss "
    "appositions and pronouns, and one speaker printed under two unrelated names counts twice"
)


# ----------------------------------------------------------------------------- shared helpers


def _ordered(values: Iterable[str], preferred: Sequence[str]) -> list[str]:
    """``preferred`` items that occur in ``values``, then the others in order of first appearance."""
    seen = list(dict.fromkeys(values))
    return [v for v in preferred if v in seen] + [v for v in seen if v not in preferred]


def _count_axis(ax: Axes, df: pd.DataFrame, integer: bool = True) -> None:
    """x from just below 0 (so a 0 marker is not cut by the spine) to a little past the largest value."""
    top = df["value"].max(skipna=True)
    top = float(top) if pd.notna(top) and top > 0 else 1.0
    ax.set_xlim(-0.04 * top - (0.3 if integer else 0), top * 1.08 + (0.3 if integer else 0))
    if integer:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _articles_words(metrics: pd.DataFrame) -> str:
    """"Median words per voice and article: UPI journalist 293, quoted 119; …" from the ``n_voice_words`` rows
    (one entry per outlet; ``""`` when there are none or more than :data:`MAX_OUTLETS_LISTED` outlets)."""
    words = family_rows(metrics, FAMILY, ["n_voice_words"])
    if words.empty or words["outlet"].nunique() > MAX_OUTLETS_LISTED:
        return ""
    parts = []
    for outlet, grp in words.groupby("outlet", sort=True):
        med = grp.groupby("target")["value"].median()
        shown = ", ".join(f"{v} {format_number(med[v]) if pd.notna(med[v]) else 'n/a'}" for v in VOICES if v in med)
        parts.append(f"{md(outlet)} {shown}")
    return f"Median words per voice and article: {'; '.join(parts)}."


# ----------------------------------------------------------------------------- source profile


@styled
def plot_source_profile(metrics: pd.DataFrame) -> Plot:
    """Who speaks, per outlet: distinct sources by type, named vs anonymous, and attributions by kind.

    ``sources_by_type`` (target = source type), ``n_sources`` / ``n_named_sources`` /
    ``n_anonymous_sources`` and ``n_direct_quotes`` / ``n_indirect_quotes`` / ``n_according_to`` /
    ``n_citing`` (family "sourcing"), one panel each group. Counts per article, not per 1,000 words.
    """
    names = ["sources_by_type", *SOURCE_COUNTS, *ATTRIBUTION_KINDS]
    df = family_rows(metrics, FAMILY, names)
    df = df[(df["metric"] != "sources_by_type") | (df["target"] != "")]
    title = "Who speaks: sources by outlet"
    if df.empty:
        return _empty_plot("source_profile", title, FAMILY, ", ".join(names), "double")
    outlets, colors, markers, multi, counts = _setup(df)
    types = _ordered(df.loc[df["metric"] == "sources_by_type", "target"], SOURCE_TYPES)
    panels = [
        ("Sources by type", [_Row(("sources_by_type", t), t) for t in types], "distinct sources"),
        ("Named vs anonymous", [_Row((m, ""), lab) for m, lab in SOURCE_COUNTS.items()], "distinct sources"),
        ("Attributions by kind", [_Row((m, ""), lab) for m, lab in ATTRIBUTION_KINDS.items()], "attributions"),
    ]
    n_rows = max(len(p[1]) for p in panels)
    fig = figure("double", 1.2 + 0.26 * n_rows + 0.12 * len(outlets))
    axes = fig.subplots(1, 3, width_ratios=[1.5, 1, 1])
    for ax, (panel_title, rows, xlabel) in zip(axes, panels, strict=True):
        _dot_panel(ax, df, rows, outlets, colors, markers, multi)
        keys = {r.key for r in rows}
        _count_axis(ax, df[[(m, t) in keys for m, t in zip(df["metric"], df["target"], strict=True)]])
        ax.set_title(panel_title, loc="left")
        ax.set_xlabel(xlabel)
    _legend(fig, outlets, colors, markers, multi, counts, loc="outside lower center", ncols=min(len(outlets) + 1, 4))
    label = {"sources_by_type": "sources of type", **SOURCE_COUNTS, **ATTRIBUTION_KINDS}
    caption = " ".join(filter(None, [
        f"**{title}.** Left: distinct sources per article by source type. A source is a distinct speaker of at "
        "least one attribution in the article (direct quote, indirect quote, “according to X”, “citing X”); "
        "speakers are merged by name (case and a leading “the” ignored). Types are the toolkit's own taxonomy "
        f"({', '.join(md(t) for t in types)}), assigned from cue words in the speaker phrase "
        "(lexicon source_types.yaml). "
        "Middle: all, named and anonymous sources; a source is anonymous when its phrase names no one (head noun "
        "such as “officials”, “analysts”) or the sentence says “on condition of anonymity”. Right: attributions by "
        "kind (a quote with an “according to” and a verb counts once per pattern). Reporting verbs were written "
        "with the Gender Gap Tracker list (Asr, Taboada et al. 2021) as reference. All values are counts per "
        "article, not normalised by length; 0 is drawn as 0.",
        f"Articles per outlet: {describe_counts(counts)}.",
        _reading_note(counts),
        describe_missing(df, label),
        f"Limits: {QUOTE_LIMITS}; documents (treaty, charter) count as sources when they are quoted; the type of a "
        "source is read from its own words, so “Intelligence reports from the U.S.” is intelligence.",
    ]))
    return Plot(fig, "source_profile", caption)


# ----------------------------------------------------------------------------- stance verbs


@styled
def plot_stance_verbs(metrics: pd.DataFrame) -> Plot:
    """Reporting-verb stance tiers per outlet: counts (``stance_verb_count``) and shares (``stance_verb_share``).

    Target = tier (neutral, distancing, concessive, endorsing; other tiers appended). The share is
    tier count ÷ all stance verbs of the article, undefined (n/a) when the article has none.
    """
    names = ["stance_verb_count", "stance_verb_share"]
    df = family_rows(metrics, FAMILY, names)
    df = df[df["target"] != ""]
    title = "Reporting verbs by stance tier"
    if df.empty:
        return _empty_plot("stance_verbs", title, FAMILY, ", ".join(names), "double")
    outlets, colors, markers, multi, counts = _setup(df)
    tiers = _ordered(df["target"], list(TIERS))
    fig = figure("double", 1.2 + 0.3 * len(tiers) + 0.12 * len(outlets))
    axes = fig.subplots(1, 2, sharey=True)
    for ax, metric, panel_title, xlabel in (
        (axes[0], "stance_verb_count", "Count", "reporting verbs per article"),
        (axes[1], "stance_verb_share", "Share", "share of the article's reporting verbs"),
    ):
        rows = [_Row((metric, t), wrap_label(TIERS.get(t, t), 24)) for t in tiers]
        _dot_panel(ax, df, rows, outlets, colors, markers, multi)
        ax.set_title(panel_title, loc="left")
        ax.set_xlabel(xlabel)
        if metric == "stance_verb_share":
            ax.set_xlim(-0.03, 1.03)
        else:
            _count_axis(ax, df[df["metric"] == metric])
    _legend(fig, outlets, colors, markers, multi, counts, loc="outside lower center", ncols=min(len(outlets) + 1, 4))
    caption = " ".join(filter(None, [
        f"**{title}.** Reporting verbs the journalist used to attribute content to a source, grouped into "
        "stance tiers: neutral (say, tell, add, state, note, report), distancing (claim, allege, insist, "
        "maintain), concessive (admit, concede, acknowledge) and endorsing (confirm, reveal, point out). The "
        "tiers are the toolkit's mapping (lexicon reporting_verbs.yaml), supported by Bender et al., *Writing and "
        "Reporting for the Media*. Left: verbs per article. Right: share = verbs of the tier ÷ all reporting "
        "verbs of the article; undefined (n/a) when the article has none.",
        f"Articles per outlet: {describe_counts(counts)}.",
        _reading_note(counts),
        describe_missing(df, {"stance_verb_count": "count", "stance_verb_share": "share"}),
        "Limits: the tier belongs to the verb lemma, not to its use in context; negated verbs (“did not confirm”) "
        "keep their tier; verbs are found only in the attributions the quote rules detect; news copy uses “said” "
        "for most attributions, so shares rest on few non-neutral verbs.",
    ]))
    return Plot(fig, "stance_verbs", caption)


# ----------------------------------------------------------------------------- hedging


def _category_label(category: str) -> str:
    if category == ALL_HEDGES:
        return "all (in total)"
    return category.replace("_", " ")


def _describe_hedge_missing(df: pd.DataFrame) -> str:
    """NaN rates, never by article: a voice whose every rate is undefined in an article counts once for that
    voice ("hedging rate [quoted text] undefined for 3 of 10 articles: …"); other NaN rates count per rate."""
    parts = []
    for (_, voice), grp in df.groupby(["article_id", "voice"], sort=True):
        whole = bool(grp["value"].isna().all())
        # one row per article and voice (undefined when every rate is), so each article counts once per voice
        parts.append(grp.head(1).assign(metric="hedging rate", target=VOICES.get(voice, voice).lower(),
                                        value=float("nan") if whole else 0.0))
        if not whole:
            parts.append(grp.assign(metric="rate"))
    return describe_missing(pd.concat(parts, ignore_index=True)) if parts else ""


@styled
def plot_hedging(metrics: pd.DataFrame) -> Plot:
    """Hedges, boosters and evidentials per 1,000 words of each voice (``hedge_rate``), per outlet.

    Target ``<voice>:<category>``; one panel per voice (journalist = body outside direct quotes,
    quoted = inside them). A voice with no words has NaN rates, drawn as n/a.
    """
    df = family_rows(metrics, FAMILY, ["hedge_rate"])
    split = [t.partition(":") for t in df["target"]]
    df = df.assign(voice=[v for v, _, _ in split], category=[c for _, _, c in split])
    df = df[df["voice"].isin(list(VOICES)) & (df["category"] != "")]
    title = "Hedges, boosters and evidentials by voice"
    if df.empty:
        return _empty_plot("hedging", title, FAMILY, "hedge_rate", "double")
    outlets, colors, markers, multi, counts = _setup(df)
    categories = [c for c in dict.fromkeys(df["category"]) if c != ALL_HEDGES]
    if (df["category"] == ALL_HEDGES).any():
        categories.append(ALL_HEDGES)
    fig = figure("double", 1.2 + 0.27 * len(categories) + 0.12 * len(outlets))
    axes = fig.subplots(1, 2, sharey=True, sharex=True)
    for ax, voice in zip(axes, VOICES, strict=True):
        rows = [_Row(("hedge_rate", f"{voice}:{c}"), _category_label(c)) for c in categories]
        _dot_panel(ax, df, rows, outlets, colors, markers, multi)
        ax.set_title(VOICES[voice], loc="left")
        ax.set_xlabel("cues per 1,000 words of this voice")
    _count_axis(axes[0], df, integer=False)
    _legend(fig, outlets, colors, markers, multi, counts, loc="outside lower center", ncols=min(len(outlets) + 1, 4))
    caption = " ".join(filter(None, [
        f"**{title}.** Rate = 1000 × cues ÷ words of the voice, per lexicon category (lexicon hedges.yaml: modal, "
        "epistemic verb, adverb, epistemic adjective, evidential such as “reportedly”, “according to” or “could not "
        "be independently verified”, "
        "approximator, booster). The journalist's voice is the body outside direct-quote spans; quoted text is "
        "inside them; a cue belongs to the voice of its first character. “all (in total)” sums the categories the "
        "lexicon counts in the total (boosters, which mark certainty, are left out). Hedges and boosters as "
        "concepts: Hyland (1998, 2005); the word lists are the toolkit's own.",
        f"Articles per outlet: {describe_counts(counts)}.",
        _articles_words(metrics),
        _reading_note(counts),
        "n/a: the voice has no words in that article (for quoted text: no direct quotes), so a rate is undefined, "
        "not zero.",
        _describe_hedge_missing(df),
        "Limits: matching is on word forms without syntax (a modal “may” and the month are told apart only by "
        "case and a following number); rates over few words (short quotes) swing widely; indirect quotes are "
        "counted in the journalist's voice, except the quoted words of a mixed quote.",
    ]))
    return Plot(fig, "hedging", caption)


# ----------------------------------------------------------------------------- actor tone


def _tone_rows(metrics: pd.DataFrame) -> pd.DataFrame:
    """Rows of tone near actors, as metric ``actor_tone_<voice>`` with target = actor.

    Accepts the family's ``actor_tone_journalist`` / ``actor_tone_quoted`` rows, and an
    ``actor_tone`` metric with target ``actor|voice``.
    """
    df = family_rows(metrics, FAMILY, [*TONE_METRICS.values(), "actor_tone"])
    combined = (df["metric"] == "actor_tone") & df["target"].str.contains("|", regex=False)
    if combined.any():
        actor_voice = df.loc[combined, "target"].str.rpartition("|")
        df.loc[combined, "target"] = actor_voice[0]
        df.loc[combined, "metric"] = actor_voice[2].map(TONE_METRICS).fillna("")
    df = df[df["metric"].isin(list(TONE_METRICS.values())) & (df["target"] != "")]
    return df.reset_index(drop=True)


def _describe_tone_missing(df: pd.DataFrame) -> str:
    """Undefined tone values by voice: how many actor–article pairs and why (the actor's name generalised)."""
    voice_of = {m: v for v, m in TONE_METRICS.items()}
    pairs = df.assign(article_id=df["article_id"] + "\x1f" + df["target"],
                      target=[VOICES[voice_of[m]].lower() for m in df["metric"]], metric="tone near actors",
                      note=[(n.replace(a, "the actor") if a else n) for a, n in zip(df["target"], df["note"],
                                                                                     strict=True)])
    lines = describe_undefined(pairs, lambda m, t: f"{md(m)} [{md(t)}]", unit="actor–article pairs")
    return f"Undefined values (NaN, shown as n/a, not zero): {' '.join(lines)}" if lines else ""


@styled
def plot_actor_tone(metrics: pd.DataFrame, top: int = 8) -> Plot:
    """Lexical tone near the ``top`` actors, by voice, per outlet — not stance toward them.

    ``actor_tone_journalist`` / ``actor_tone_quoted`` (target = actor): mean VADER compound of the
    pieces of sentences mentioning the actor in that voice. Actors are ranked by the number of
    scored pieces over all articles and voices (``n_actor_tone_sentences_*``; without those rows, by
    the number of defined values), ties by name.
    """
    df = _tone_rows(metrics)
    title = "Lexical tone near actors, by voice"
    if df.empty:
        return _empty_plot("actor_tone", title, FAMILY, ", ".join(TONE_METRICS.values()), "double")
    n_pieces = family_rows(metrics, FAMILY, list(TONE_COUNTS.values()))
    n_pieces = n_pieces[n_pieces["target"] != ""]
    if not n_pieces.empty:
        weight = n_pieces.groupby("target")["value"].sum(min_count=1).fillna(0.0)
        basis = "scored sentence pieces"
    else:
        weight = df.groupby("target")["value"].count().astype(float)
        basis = "defined values"
    ranking = pd.DataFrame({"target": sorted(set(df["target"]))})
    ranking["weight"] = ranking["target"].map(weight).fillna(0.0)
    ranking = ranking.sort_values(["weight", "target"], ascending=[False, True], kind="mergesort")
    actors = list(ranking["target"][: max(int(top), 1)])
    df = df[df["target"].isin(actors)]
    outlets, colors, markers, multi, counts = _setup(df)
    fig = figure("double", 1.2 + 0.28 * len(actors) + 0.12 * len(outlets))
    axes = fig.subplots(1, 2, sharey=True, sharex=True)
    for ax, voice in zip(axes, VOICES, strict=True):
        ax.axvspan(-0.05, 0.05, color=BAND, alpha=0.6, linewidth=0, zorder=1)
        ax.axvline(0, color=NEUTRAL, linewidth=0.6, zorder=2)
        rows = [_Row((TONE_METRICS[voice], a), wrap_label(a, 24)) for a in actors]
        _dot_panel(ax, df, rows, outlets, colors, markers, multi)
        ax.set_title(VOICES[voice], loc="left")
        ax.set_xlabel("VADER compound near the actor (−1 to +1)")
    axes[0].set_xlim(-1.05, 1.05)
    _legend(fig, outlets, colors, markers, multi, counts, loc="outside lower center", ncols=min(len(outlets) + 1, 4))
    caption = " ".join(filter(None, [
        f"**{title}.** Lexical tone near the actor, not stance toward it. For each body sentence that mentions an "
        "actor, the text outside direct quotes (journalist's voice) and the text inside them (quoted) are scored "
        "separately with VADER (compound, −1 to +1; Hutto & Gilbert 2014); the value is the mean over the actor's "
        f"sentence pieces in that voice. The {'actor' if len(actors) == 1 else f'{len(actors)} actors'} shown "
        f"have the most {basis} over all articles and both voices (ties by name). Grey band: −0.05 to +0.05, "
        "the conventional neutral range from the VADER README.",
        f"Articles per outlet: {describe_counts(counts)}.",
        _reading_note(counts),
        "No marker or n/a: the actor is not mentioned in that outlet's articles, or no sentence mentioning it "
        "has text in that voice.",
        _describe_tone_missing(df),
        "Limits: the words scored mostly describe the event (war, troops, attack), not an evaluation of the "
        "actor; every actor mentioned in a sentence gets that sentence's score; VADER agrees poorly with human "
        "coding of news tone (Boukes et al. 2020; van Atteveldt et al. 2021); headline mentions are not used.",
    ]))
    return Plot(fig, "actor_tone", caption)


# ----------------------------------------------------------------------------- tables


def _records(table: pd.DataFrame | None, columns: Sequence[str]) -> pd.DataFrame | None:
    """A typed copy of a record table, or ``None`` when it is missing, empty or lacks a needed column."""
    if table is None or table.empty or any(c not in table.columns for c in columns):
        return None
    df = table.copy()
    df["outlet"] = outlet_labels(df["outlet"])
    df["article_id"] = df["article_id"].astype(str)
    return df


def _text(series: pd.Series) -> pd.Series:
    return series.fillna("").astype(str)


def quotes_table(quotes: pd.DataFrame | None) -> pd.DataFrame:
    """The ``quotes`` records for display, one row per attribution, in reading order per article.

    Columns: outlet, article_id, sentence_index, kind (direct, indirect, according_to, citing),
    speaker (canonical), speaker_as_printed, speaker_type, named ("named"/"anonymous"), verb, tier,
    negated, text (the quoted content or attributed clause). Empty frame when there are no quotes.
    """
    need = ("outlet", "article_id", "kind", "speaker", "sentence_index", "start", "text")
    df = _records(quotes, need)
    if df is None:
        return pd.DataFrame(columns=list(QUOTE_COLUMNS))
    df = df.sort_values(["outlet", "article_id", "sentence_index", "start"], kind="mergesort")
    out = pd.DataFrame({
        "outlet": df["outlet"], "article_id": df["article_id"], "sentence_index": df["sentence_index"].astype(int),
        "kind": _text(df["kind"]), "speaker": _text(df["speaker"]),
        "speaker_as_printed": _text(df.get("speaker_surface", df["speaker"])),
        "speaker_type": _text(df.get("speaker_type", pd.Series("", index=df.index))),
        "named": ["named" if bool(v) else "anonymous" for v in df.get("named", pd.Series(True, index=df.index))],
        "verb": _text(df.get("verb", pd.Series("", index=df.index))),
        "tier": _text(df.get("tier", pd.Series("", index=df.index))),
        "negated": [bool(v) and pd.notna(v) for v in df.get("negated", pd.Series(False, index=df.index))],
        "text": _text(df["text"]),
    })
    return out.reset_index(drop=True)


def sources_table(sources: pd.DataFrame | None) -> pd.DataFrame:
    """The ``sources`` records for display: one row per distinct speaker of an article, first quoted first.

    Columns: outlet, article_id, speaker, speaker_type, named, n_quotes, n_direct, n_indirect,
    n_according_to, n_citing, first_sentence_index, as_printed (the speaker phrases as printed).
    """
    need = ("outlet", "article_id", "speaker", "speaker_type", "named", "n_quotes", "first_sentence_index")
    df = _records(sources, need)
    if df is None:
        return pd.DataFrame(columns=list(SOURCE_COLUMNS))
    df = df.sort_values(["outlet", "article_id", "first_sentence_index"], kind="mergesort")
    out = df.assign(named=["named" if bool(v) else "anonymous" for v in df["named"]],
                    as_printed=_text(df.get("surfaces", df["speaker"])))
    for col in ("n_direct", "n_indirect", "n_according_to", "n_citing"):
        if col not in out.columns:
            out[col] = pd.NA
    return out.loc[:, list(SOURCE_COLUMNS)].reset_index(drop=True)


def format_number(value: float) -> str:
    """``10000.0`` -> ``"10,000"``, ``2.5`` -> ``"2.5"``; NaN -> ``""``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    v = float(value)
    if v.is_integer():
        return f"{int(v):,}"
    return f"{v:,.4f}".rstrip("0").rstrip(".")


def format_range(low: float, high: float, value: float) -> str:
    """The claim's value, or ``"low–high"`` when the text gives a range or a vague plural ("thousands")."""
    lo, hi = format_number(low), format_number(high)
    if lo and hi and lo != hi:
        return f"{lo}–{hi}"
    return format_number(value) or lo or hi


def claims_table(claims: pd.DataFrame | None, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Numeric claims for display, grouped by referent so claims about the same thing sit together.

    Columns: outlet, article_id, referent, value (the number, or "low–high" for a range or a vague
    plural such as "thousands", which the claims module reads as 2,000–9,999), unit, approximator,
    as_printed, attributed_to (as printed; "(unattributed)" when no source), attributed_actor,
    attribution (cue and rule), sentence_index, sentence (the sentence text when ``sentences``, the
    tidy sentences table, is given; else empty). Sorted by referent, outlet, article, position.
    """
    need = ("outlet", "article_id", "sentence_index", "start", "value", "referent")
    df = _records(claims, need)
    if df is None:
        return pd.DataFrame(columns=list(CLAIM_COLUMNS))
    blank = pd.Series("", index=df.index)
    low = pd.to_numeric(df.get("value_low", df["value"]), errors="coerce")
    high = pd.to_numeric(df.get("value_high", df["value"]), errors="coerce")
    value = pd.to_numeric(df["value"], errors="coerce")
    attributed = _text(df.get("attributed_to", blank))
    cue, rule = _text(df.get("attribution_cue", blank)), _text(df.get("attribution_rule", blank))
    out = pd.DataFrame({
        "outlet": df["outlet"], "article_id": df["article_id"], "referent": _text(df["referent"]),
        "value": [format_range(a, b, v) for a, b, v in zip(low, high, value, strict=True)],
        "unit": _text(df.get("unit", blank)), "approximator": _text(df.get("approximator", blank)),
        "as_printed": _text(df.get("surface", blank)),
        "attributed_to": attributed.where(attributed != "", UNATTRIBUTED),
        "attributed_actor": _text(df.get("attributed_actor", blank)),
        "attribution": ["; ".join(p for p in (c, r) if p) for c, r in zip(cue, rule, strict=True)],
        "sentence_index": df["sentence_index"].astype(int), "sentence": "",
        "_start": df["start"].astype(int),
    })
    if sentences is not None and {"article_id", "sentence_index", "text"} <= set(sentences.columns):
        ids = zip(sentences["article_id"].astype(str), sentences["sentence_index"].astype(int), strict=True)
        key = dict(zip(ids, sentences["text"].fillna("").astype(str), strict=True))
        out["sentence"] = [key.get((a, i), "") for a, i in zip(out["article_id"], out["sentence_index"], strict=True)]
    out["_ref"] = out["referent"].str.lower()
    out = out.sort_values(["_ref", "outlet", "article_id", "sentence_index", "_start"], kind="mergesort")
    return out.loc[:, list(CLAIM_COLUMNS)].reset_index(drop=True)


def show_table(table: pd.DataFrame) -> None:
    """For notebooks: display ``table`` whole — every row, and cell text (quotes, sentences) never cut short."""
    from IPython.display import display

    with pd.option_context("display.max_colwidth", None, "display.max_rows", None, "display.max_columns", None):
        display(table)
