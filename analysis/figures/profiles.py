"""Outlet profile figures (issue 2) drawn from the tidy metrics table.

Each ``plot_*`` takes the tidy metrics frame (``article_id, outlet, family, metric, target, value,
note``), never mutates it, and returns a :class:`~analysis.figures.style.Plot` whose caption says what
is plotted, its definition and source, how many articles each outlet has, which values are undefined
(NaN, with the family's reason) and the limits of the measure.

Conventions shared by every figure here:

* one colour per outlet (Okabe–Ito, sorted outlet names);
* one small point per article; when an outlet has several articles, a larger outlined marker shows
  the outlet mean of the defined values; with one article per outlet only the values are shown —
  never error bars;
* NaN is drawn as missing ("n/a" where an outlet has no defined value), never as zero.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import blended_transform_factory

from ..labels import outlet_labels
from ..model import MediacompareError
from ..reporting.undefined import describe_undefined
from ..safe_text import markdown as md
from .style import BAND, NEUTRAL, Plot, figure, outlet_colors, outlet_markers, styled, wrap_label

METRIC_COLUMNS = ("article_id", "outlet", "family", "metric", "target", "value", "note")

GRADE_INDICES: dict[str, str] = {
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman–Liau",
    "automated_readability_index": "ARI",
}
READABILITY_SOURCES = (
    "Flesch–Kincaid grade (Kincaid et al. 1975), Gunning fog (Gunning 1952), SMOG (McLaughlin 1969; "
    "defined on 30-sentence samples), Coleman–Liau (Coleman & Liau 1975), ARI (Senter & Smith 1967); "
    "Flesch Reading Ease (Flesch 1948); New Dale–Chall (Chall & Dale 1995)"
)
FRAMES: dict[str, str] = {
    "responsibility": "Responsibility",
    "human_interest": "Human interest",
    "conflict": "Conflict",
    "morality": "Morality",
    "economic": "Economic consequences",
}
_FIFTH = re.compile(r"^fifth_([1-5])$")


# ----------------------------------------------------------------------------- table helpers


def family_rows(metrics: pd.DataFrame, family: str, names: Sequence[str] | None = None) -> pd.DataFrame:
    """A copy of the rows of ``family`` (optionally only ``names``), with numeric ``value``.

    ``outlet`` and ``note`` become strings (missing outlet -> ``"(no outlet)"``); ``target`` becomes
    ``""`` when missing. Raises :class:`MediacompareError` if a tidy column is absent.
    """
    missing = [c for c in METRIC_COLUMNS if c not in metrics.columns]
    if missing:
        raise MediacompareError(f"metrics table lacks column(s) {', '.join(missing)}")
    df = metrics.loc[metrics["family"].astype(str) == family, list(METRIC_COLUMNS)].copy()
    if names is not None:
        df = df[df["metric"].astype(str).isin(list(names))]
    df["article_id"] = df["article_id"].astype(str)
    df["metric"] = df["metric"].astype(str)
    df["outlet"] = outlet_labels(df["outlet"])
    df["target"] = df["target"].fillna("").astype(str)
    df["note"] = df["note"].fillna("").astype(str)
    df["value"] = pd.to_numeric(df["value"], errors="coerce").astype(float)
    return df.reset_index(drop=True)


def articles_per_outlet(df: pd.DataFrame) -> dict[str, int]:
    """Distinct articles per outlet, outlets sorted."""
    counts = df.groupby("outlet")["article_id"].nunique()
    return {str(k): int(v) for k, v in sorted(counts.items())}


def describe_counts(counts: dict[str, int]) -> str:
    """``"UPI n = 1; Reuters n = 3"`` (outlet names escaped for Markdown)."""
    return "; ".join(f"{md(outlet)} n = {n}" for outlet, n in counts.items())


def describe_missing(df: pd.DataFrame, label: dict[str, str] | None = None) -> str:
    """Caption sentence on NaN values (not drawn), by measure: how many articles and why, never which.

    ``"Undefined values (NaN) are not drawn and are not zero: SMOG undefined for 212 of 300 articles: SMOG is
    defined on samples of at least 30 sentences; the body has N."`` (:func:`analysis.reporting.undefined.
    describe_undefined`); ``""`` when every value is defined.
    """
    lines = describe_undefined(df, lambda m, t: md((label or {}).get(m, m)) + (f" [{md(t)}]" if t else ""))
    return f"Undefined values (NaN) are not drawn and are not zero: {' '.join(lines)}" if lines else ""


def _empty_plot(name: str, title: str, family: str, what: str, width: str = "single") -> Plot:
    fig = figure(width, 1.6)
    ax = fig.subplots()
    ax.set_axis_off()
    ax.text(0.5, 0.5, f"No {family} values to plot", ha="center", va="center", color=NEUTRAL,
            transform=ax.transAxes)
    caption = (f"**{title}.** No rows of family “{family}” ({what}) were found in the metrics table, "
               "so nothing is plotted.")
    return Plot(fig, name, caption)


@dataclass(frozen=True)
class _Row:
    key: tuple[str, str]  # (metric, target)
    label: str


def _dot_panel(ax: Axes, df: pd.DataFrame, rows: Sequence[_Row], outlets: Sequence[str], colors: dict[str, str],
               markers: dict[str, str], multi: set[str]) -> None:
    """Horizontal dot plot: one row per (metric, target), outlets dodged within the row.

    Articles are small points; outlets in ``multi`` (several articles) also get an outlined mean
    marker. An outlet with no defined value in a row gets an "n/a" in its colour; a row no outlet has a
    value for gets one grey "n/a for every outlet".
    """
    k = len(outlets)
    step = min(0.22, 0.75 / max(k, 1))
    na_transform = blended_transform_factory(ax.transAxes, ax.transData)
    for r, row in enumerate(rows):
        sub = df[(df["metric"] == row.key[0]) & (df["target"] == row.key[1])]
        sub = sub.sort_values("article_id", kind="mergesort")  # same drawing whatever the input row order
        if k > 1 and not sub["value"].notna().any():  # undefined everywhere: one label, not k stacked ones
            ax.text(0.01, r, "n/a for every outlet", transform=na_transform, ha="left", va="center", fontsize=6,
                    color=NEUTRAL, fontweight="bold")
            continue
        for j, outlet in enumerate(outlets):
            y = r + (j - (k - 1) / 2) * step
            vals = sub.loc[sub["outlet"] == outlet, "value"].to_numpy(dtype=float)
            defined = vals[~np.isnan(vals)]
            if defined.size == 0:
                ax.text(0.01, y, "n/a", transform=na_transform, ha="left", va="center", fontsize=6,
                        color=colors[outlet], fontweight="bold")
                continue
            if outlet in multi:
                ax.scatter(defined, np.full(defined.size, y), s=10, color=colors[outlet], marker=markers[outlet],
                           alpha=0.55, linewidths=0, zorder=3)
                ax.scatter([defined.mean()], [y], s=38, color=colors[outlet], marker=markers[outlet],
                           edgecolors="black", linewidths=0.7, zorder=4)
            else:
                ax.scatter(defined, np.full(defined.size, y), s=24, color=colors[outlet], marker=markers[outlet],
                           linewidths=0, zorder=3)
    ax.set_yticks(range(len(rows)), [row.label for row in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)


LEGEND_CHAR_INCHES = 0.055  # width of a 7-pt legend character, generously (DejaVu Sans averages ~0.05 in)
LEGEND_MARKER_INCHES = 0.45  # marker, padding and column spacing of one legend entry


def _legend(fig_or_ax: object, outlets: Sequence[str], colors: dict[str, str], markers: dict[str, str],
            multi: set[str], counts: dict[str, int], **kwargs: object) -> None:
    handles = [Line2D([], [], linestyle="", marker=markers[o], color=colors[o], markersize=5,
                      label=f"{wrap_label(o, 26)} (n = {counts.get(o, 0)})") for o in outlets]
    if multi:
        handles.append(Line2D([], [], linestyle="", marker="o", markerfacecolor="white", markeredgecolor="black",
                              markersize=6, label="outlet mean"))
    fig = fig_or_ax if isinstance(fig_or_ax, Figure) else getattr(fig_or_ax, "figure", None)
    if fig is not None and "ncols" in kwargs:  # as many columns as fit the figure's width, so none is cut off
        longest = max((len(line) for h in handles for line in str(h.get_label()).split("\n")), default=1)
        fit = int(fig.get_figwidth() // (LEGEND_CHAR_INCHES * longest + LEGEND_MARKER_INCHES))
        kwargs["ncols"] = max(1, min(int(kwargs["ncols"]), fit))  # type: ignore[call-overload]
    fig_or_ax.legend(handles=handles, **kwargs)  # type: ignore[attr-defined]


def _reading_note(counts: dict[str, int]) -> str:
    multi = [o for o, n in counts.items() if n > 1]
    if multi:
        return ("Small points are single articles; outlined markers are outlet means of the defined values "
                "(no error bars or tests are shown).")
    return ("Each outlet has one article, so each point is one article's value: differences are descriptive, "
            "not estimates of outlet-level differences.")


def _setup(df: pd.DataFrame) -> tuple[list[str], dict[str, str], dict[str, str], set[str], dict[str, int]]:
    counts = articles_per_outlet(df)
    outlets = list(counts)
    return outlets, outlet_colors(outlets), outlet_markers(outlets), {o for o, n in counts.items() if n > 1}, counts


# ----------------------------------------------------------------------------- readability


@styled
def plot_readability(metrics: pd.DataFrame) -> Plot:
    """Readability indices per outlet: grade-level indices on one axis, Flesch and Dale–Chall apart.

    The indices have different scales and directions (Flesch Reading Ease: higher = easier; all
    others: higher = harder), so they get separate panels.
    """
    names = [*GRADE_INDICES, "flesch_reading_ease", "dale_chall_score"]
    df = family_rows(metrics, "readability", names)
    df = df[df["target"] == ""]
    title = "Readability by outlet"
    if df.empty:
        return _empty_plot("readability_by_outlet", title, "readability", ", ".join(names), "double")
    outlets, colors, markers, multi, counts = _setup(df)
    fig = figure("double", 2.4 + 0.12 * max(len(outlets) - 2, 0))
    axes = fig.subplots(1, 3, width_ratios=[2.4, 1.2, 1.2])
    grade_rows = [_Row((m, ""), lab) for m, lab in GRADE_INDICES.items()]
    panels = [
        (axes[0], grade_rows, "US school grade (higher = harder)", "Grade-level indices"),
        (axes[1], [_Row(("flesch_reading_ease", ""), "Flesch Reading Ease")],
         "0–100 (higher = easier)", "Flesch Reading Ease"),
        (axes[2], [_Row(("dale_chall_score", ""), "New Dale–Chall")], "score (higher = harder)", "New Dale–Chall"),
    ]
    for ax, rows, xlabel, panel_title in panels:
        _dot_panel(ax, df, rows, outlets, colors, markers, multi)
        ax.set_xlabel(xlabel)
        ax.set_title(panel_title, loc="left")
        if len(rows) == 1:
            ax.set_yticks([])
    _legend(fig, outlets, colors, markers, multi, counts, loc="outside lower center", ncols=min(len(outlets) + 1, 4))
    label = {**GRADE_INDICES, "flesch_reading_ease": "Flesch Reading Ease", "dale_chall_score": "New Dale–Chall"}
    caption = " ".join(filter(None, [
        f"**{title}.** Readability indices of each article's cleaned body, by outlet. Left: grade-level "
        "indices on one axis (US school grade; higher = harder). Middle: Flesch Reading Ease (0–100; higher = "
        "easier). Right: New Dale–Chall score (higher = harder).",
        f"Sources: {READABILITY_SOURCES}; formulas in the methods section.",
        f"Articles per outlet: {describe_counts(counts)}.",
        _reading_note(counts),
        describe_missing(df, label),
        "Limits: the indices were built for school texts, depend on sentence segmentation and syllable "
        "counts, and Dale–Chall counts proper names (frequent in news) as difficult words.",
    ]))
    return Plot(fig, "readability_by_outlet", caption)


# ----------------------------------------------------------------------------- tone arc


def _index(target: str, pattern: re.Pattern[str]) -> int | None:
    m = pattern.match(target)
    return int(m.group(1)) if m else None


SENTENCE_TONE_COLUMNS = ("article_id", "outlet", "sentence_index", "compound")
_PLOT_COLUMNS = ["article_id", "outlet", "metric", "target", "value", "note"]


def sentence_points(sentence_tone: pd.DataFrame) -> pd.DataFrame:
    """The ``sentence_tone`` records as tidy-like rows (``article_id, outlet, sentence, value, note``).

    Body sentences only (``sentence_index`` ≥ 0), sorted by outlet, article and sentence; ``n`` is
    the article's number of body sentences (highest index + 1). Raises :class:`MediacompareError`
    if a needed column is absent.
    """
    missing = [c for c in SENTENCE_TONE_COLUMNS if c not in sentence_tone.columns]
    if missing:
        raise MediacompareError(f"sentence_tone records lack column(s) {', '.join(missing)}")
    df = pd.DataFrame({
        "article_id": sentence_tone["article_id"].astype(str),
        "outlet": outlet_labels(sentence_tone["outlet"]),
        "sentence": pd.to_numeric(sentence_tone["sentence_index"], errors="coerce"),
        "value": pd.to_numeric(sentence_tone["compound"], errors="coerce").astype(float),
        "note": (sentence_tone["note"].fillna("").astype(str) if "note" in sentence_tone.columns
                 else pd.Series("", index=sentence_tone.index)),
    })
    df = df[df["sentence"].notna() & (df["sentence"] >= 0)].copy()
    df["sentence"] = df["sentence"].astype(int)
    df["metric"] = "sentence_compound"
    df["target"] = ["sentence:" + str(i) for i in df["sentence"]]
    df["n"] = df.groupby("article_id")["sentence"].transform("max") + 1
    return df.sort_values(["outlet", "article_id", "sentence"], kind="mergesort").reset_index(drop=True)


def _describe_tone_missing(used: pd.DataFrame) -> str:
    """Undefined sentence scores counted in sentences (not listed by position), tone-arc values in articles."""
    used = used.reset_index(drop=True)
    sentence = used["metric"] == "sentence_compound"
    lines = describe_undefined(used[sentence].assign(article_id=used["article_id"] + "\x1f" + used["target"],
                                                     target=""), lambda m, t: "sentence compound", unit="sentences")
    lines += describe_undefined(used[~sentence], lambda m, t: "tone arc" + (f" [{md(t)}]" if t else ""))
    return f"Undefined values (NaN) are not drawn and are not zero: {' '.join(lines)}" if lines else ""


@styled
def plot_tone_arc(metrics: pd.DataFrame, sentence_tone: pd.DataFrame | None = None) -> Plot:
    """Sentence-level VADER compound against relative position, with the article's fifth means.

    Points come from the ``sentence_tone`` records (``tables.records["sentence_tone"]``; without
    them only the arcs are drawn): x = (i + 0.5) / n for body sentence i of an article with n body
    sentences. The tone arc lines join the metrics table's ``tone_arc`` means of fifths 1–5 at the
    fifths' midpoints 0.1, 0.3, …, 0.9. Outlets are drawn in sorted order, one panel each.
    """
    df = family_rows(metrics, "sentiment", ["tone_arc"])
    title = "Lexical tone through the article"
    df["fifth"] = [_index(t, _FIFTH) for t in df["target"]]
    arc = df[df["fifth"].notna()].sort_values(["outlet", "article_id", "fifth"], kind="mergesort").copy()
    all_points = sentence_points(sentence_tone) if sentence_tone is not None else None
    n_headline = 0
    if sentence_tone is not None and "sentence_index" in sentence_tone.columns:
        n_headline = int((pd.to_numeric(sentence_tone["sentence_index"], errors="coerce") < 0).sum())
    sent = all_points if all_points is not None else pd.DataFrame(columns=[*_PLOT_COLUMNS, "sentence", "n"])
    used = pd.concat([sent[_PLOT_COLUMNS], arc[_PLOT_COLUMNS]])
    if used.empty:
        return _empty_plot("tone_arc", title, "sentiment", "tone_arc, and no sentence_tone records", "double")
    outlets, colors, markers, multi, counts = _setup(used)
    ncols = min(len(outlets), 3)
    nrows = math.ceil(len(outlets) / ncols)
    fig = figure("double" if len(outlets) > 1 else "single", 2.1 * nrows + 0.3)
    axes = np.atleast_1d(fig.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False)).ravel()
    sent = sent.assign(position=(sent["sentence"].astype(float) + 0.5) / sent["n"].astype(float))
    arc["position"] = (arc["fifth"].astype(float) - 0.5) / 5
    for ax, outlet in zip(axes, outlets, strict=False):
        c = colors[outlet]
        ax.axhspan(-0.05, 0.05, color=BAND, alpha=0.6, linewidth=0, zorder=1)
        ax.axhline(0, color=NEUTRAL, linewidth=0.6, zorder=2)
        s = sent[sent["outlet"] == outlet].dropna(subset=["value"])
        if not s.empty:
            ax.scatter(s["position"].to_numpy(dtype=float), s["value"].to_numpy(dtype=float), s=9, color=c,
                       marker=markers[outlet], alpha=0.55, linewidths=0, zorder=3)
        a = arc[arc["outlet"] == outlet]
        for _, art in a.groupby("article_id", sort=True):
            ax.plot(art["position"], art["value"], color=c, linewidth=0.7 if outlet in multi else 1.4,
                    alpha=0.5 if outlet in multi else 1.0, marker="" if outlet in multi else "o", markersize=3,
                    zorder=4)
        if outlet in multi and not a.empty:
            mean = a.groupby("fifth")["value"].mean().reindex([1, 2, 3, 4, 5])
            ax.plot((mean.index.to_numpy(dtype=float) - 0.5) / 5, mean.to_numpy(), color=c, linewidth=1.8,
                    marker="o", markersize=4, markeredgecolor="black", markeredgewidth=0.5, zorder=5)
        ax.set_title(wrap_label(f"{outlet} (n = {counts[outlet]})", 34), loc="left")
        ax.set_ylim(-1.05, 1.05)
        ax.set_xlim(0, 1)
        ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    for ax in axes[len(outlets):]:
        ax.set_axis_off()
    for ax in axes[::ncols]:
        ax.set_ylabel("VADER compound")
    for ax in axes[:len(outlets)][-ncols:]:
        ax.set_xlabel("relative position in article")
    caption = " ".join(filter(None, [
        (f"**{title}.** Points: VADER compound score of each body sentence (−1 to +1; Hutto & Gilbert 2014) "
         "at its relative position (i + 0.5)/n in an article of n body sentences (from the sentence_tone "
         "records). " if all_points is not None else
         f"**{title}.** Per-sentence points are not drawn (no sentence_tone records were given). ") +
        "Lines: the tone arc, the mean compound of the scored sentences in each fifth of "
        "the article, drawn at the fifths' midpoints. Grey band: −0.05 to +0.05, the conventional neutral "
        "range from the VADER README.",
        f"Articles per outlet: {describe_counts(counts)}.",
        "Thin lines are single articles and the thick outlined line the outlet mean of the fifth means."
        if multi else "Each outlet has one article, so the line is that article's arc, not an outlet average.",
        f"Headline scores ({n_headline}) are not drawn." if n_headline else "",
        _describe_tone_missing(used),
        "Limits: VADER is a general-purpose lexicon; on hard news it mostly measures how negative the event is, "
        "not an outlet's stance, and agrees poorly with human coding of news tone (Boukes et al. 2020; "
        "van Atteveldt et al. 2021). Quoted speech is scored with the journalist's own voice.",
    ]))
    return Plot(fig, "tone_arc", caption)


# ----------------------------------------------------------------------------- frames


@styled
def plot_frame_profile(metrics: pd.DataFrame) -> Plot:
    """Generic frame scores (items present ÷ applicable items, 0–1) per frame and outlet."""
    df = family_rows(metrics, "framing", ["frame_score"])
    df = df[df["target"] != ""]
    title = "Generic news frames by outlet"
    if df.empty:
        return _empty_plot("frame_profile", title, "framing", "frame_score")
    outlets, colors, markers, multi, counts = _setup(df)
    extra = sorted(set(df["target"]) - set(FRAMES))
    rows = [_Row(("frame_score", f), FRAMES.get(f, f.replace("_", " ").capitalize())) for f in [*FRAMES, *extra]]
    fig = figure("single", 1.3 + 0.32 * len(rows) + 0.15 * len(outlets))
    ax = fig.subplots()
    _dot_panel(ax, df, rows, outlets, colors, markers, multi)
    ax.set_xlim(-0.03, 1.03)
    ax.set_xlabel("frame score (share of items present)")
    _legend(fig, outlets, colors, markers, multi, counts, loc="outside lower center", ncols=min(len(outlets) + 1, 2))
    caption = " ".join(filter(None, [
        f"**{title}.** Frame score = codebook items detected ÷ items applicable to text, for the five generic "
        "frames of Semetko & Valkenburg (2000); in the bundled rules file: responsibility 5 items, human interest "
        "4 applicable (the visuals item does not apply to text), conflict 4, morality 3, economic consequences 3. "
        "0 = no item detected, 1 = all items detected.",
        f"Articles per outlet: {describe_counts(counts)}.",
        _reading_note(counts),
        describe_missing(df, {"frame_score": "frame score"}),
        "Limits: items are detected by the toolkit's rule lexicon (see methods section), not by human coders; "
        "validate against a human-coded sample (Krippendorff's α) before reporting. Scores take few values "
        "(multiples of 1/3, 1/4 or 1/5).",
    ]))
    return Plot(fig, "frame_profile", caption)


# ----------------------------------------------------------------------------- actors


ACTOR_METRICS: dict[str, tuple[str, str]] = {
    "mentions_per_1000_words": ("Mentions per 1,000 words", "mentions per 1,000 body words"),
    "prominence": ("Prominence", "h + Σ(1 − sᵢ/S)\n(higher = more prominent)"),
}


def _plural(n: int, noun: str) -> str:
    return f"{noun}" if n == 1 else f"{n} {noun}s"


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


@styled
def plot_actor_emphasis(metrics: pd.DataFrame, top: int = 8) -> Plot:
    """Actor emphasis per outlet for the ``top`` actors overall (by mean mentions per 1,000 words).

    One panel per available measure: ``mentions_per_1000_words`` and ``prominence`` (family "entities").
    Actors are ranked by the mean of the first available measure over all articles in the entities
    rows, an article without the actor counting 0 (it was not mentioned there); ties by name.
    """
    df = family_rows(metrics, "entities", list(ACTOR_METRICS))
    df = df[df["target"] != ""]
    title = "Actor emphasis by outlet"
    if df.empty:
        return _empty_plot("actor_emphasis", title, "entities", ", ".join(ACTOR_METRICS))
    present = [m for m in ACTOR_METRICS if m in set(df["metric"])]
    rank_metric = present[0]
    n_articles = df["article_id"].nunique()
    ranking = (df[df["metric"] == rank_metric].groupby("target")["value"].sum(min_count=1) / n_articles)
    ranking = (ranking.fillna(-math.inf).reset_index()
               .sort_values(["value", "target"], ascending=[False, True], kind="mergesort"))
    actors = list(ranking["target"][: max(int(top), 1)])
    df = df[df["target"].isin(actors)]
    outlets, colors, markers, multi, counts = _setup(df)
    width = "double" if len(present) > 1 else "single"
    fig = figure(width, 1.1 + 0.3 * len(actors) + 0.1 * len(outlets))
    axes = np.atleast_1d(fig.subplots(1, len(present), sharey=True))
    rows_of = {m: [_Row((m, a), wrap_label(a, 24)) for a in actors] for m in present}
    for ax, m in zip(axes, present, strict=True):
        _dot_panel(ax, df, rows_of[m], outlets, colors, markers, multi)
        ax.set_title(ACTOR_METRICS[m][0], loc="left")
        ax.set_xlabel(ACTOR_METRICS[m][1])
        ax.set_xlim(left=0)
    _legend(fig, outlets, colors, markers, multi, counts, loc="outside lower center", ncols=min(len(outlets) + 1, 4))
    defs = []
    if "mentions_per_1000_words" in present:
        defs.append("mentions per 1,000 words = 1000 × the actor's mentions (after merging aliases and short forms) "
                    "÷ body words")
    if "prominence" in present:
        defs.append("prominence = h + Σ over the actor's body mentions of (1 − sᵢ/S), sᵢ the 0-based sentence "
                    "index, S the number of body sentences and h 1 when the headline names the actor (else 0): an "
                    "inverted-pyramid weight that grows with frequency and earliness, a toolkit choice (headline "
                    "mention and first-mention position are strong salience cues, Dunietz & Gillick 2014)")
    caption = " ".join(filter(None, [
        f"**{title}.** The {_plural(len(actors), 'actor')} with the highest mean "
        f"{ACTOR_METRICS[rank_metric][1]} over all {n_articles} articles (an article that does not mention "
        "the actor counts 0 in this ranking), by outlet. "
        f"{_sentence_case('; '.join(defs))}.",
        f"Articles per outlet: {describe_counts(counts)}.",
        _reading_note(counts),
        "No marker (or n/a) means the actor was not detected in that outlet's articles or its value is undefined.",
        describe_missing(df, {m: v[0] for m, v in ACTOR_METRICS.items()}),
        "Limits: actors are found by the toolkit's actor lexicon and alias rules; unlisted actors and unresolved "
        "pronouns are not counted.",
    ]))
    return Plot(fig, "actor_emphasis", caption)
