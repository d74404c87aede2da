"""Sourcing figures and tables, checked against hand-made tidy tables and hand-checked seed facts."""

from __future__ import annotations

import hashlib
import math
import warnings
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest

import analysis.metrics  # registers the core families before the sourcing family module
import analysis.metrics.sourcing  # noqa: F401  (registers the "sourcing" family for the seed tables)
from analysis.figures import Plot, outlet_colors, save_plot
from analysis.figures.sourcing import (
    CLAIM_COLUMNS,
    QUOTE_COLUMNS,
    SOURCE_COLUMNS,
    claims_table,
    format_number,
    format_range,
    plot_actor_tone,
    plot_hedging,
    plot_source_profile,
    plot_stance_verbs,
    quotes_table,
    show_table,
    sources_table,
)
from analysis.figures.style import NEUTRAL
from analysis.metrics import Settings
from analysis.model import MediacompareError

COLUMNS = ["article_id", "outlet", "family", "metric", "target", "value", "note"]
PLOTS = [plot_source_profile, plot_stance_verbs, plot_hedging, plot_actor_tone]
EMPTY = "empty body: no text to find quotes in"
NO_VERBS = "no reporting verbs attribute content in this article"
NO_QUOTED = "no quoted text in the body: rate per 1,000 words undefined"
NAN = math.nan
# _dot_panel dodges 2 outlets by ±0.11 around the row index (step min(0.22, 0.75 / 2)): UPI above, Wire below.
UP, DOWN = -0.11, 0.11


def tidy(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS)


def src(article: str, outlet: str, metric: str, value: float, target: str = "", note: str = "") -> tuple:
    return (article, outlet, "sourcing", metric, target, value, note)


def source_rows(article: str, outlet: str, values: dict[str, float] | None) -> list[tuple]:
    """Source-profile rows; ``values=None`` gives the empty-body NaNs."""
    types = ("government official", "state media", "document")
    names = ["n_sources", "n_named_sources", "n_anonymous_sources", "n_direct_quotes", "n_indirect_quotes",
             "n_according_to", "n_citing"]
    if values is None:
        return ([src(article, outlet, "sources_by_type", NAN, t, EMPTY) for t in types]
                + [src(article, outlet, n, NAN, "", EMPTY) for n in names])
    return ([src(article, outlet, "sources_by_type", values[t], t) for t in types]
            + [src(article, outlet, n, values[n]) for n in names])


UPI_SOURCES = {"government official": 2, "state media": 1, "document": 0, "n_sources": 3, "n_named_sources": 2,
               "n_anonymous_sources": 1, "n_direct_quotes": 2, "n_indirect_quotes": 1, "n_according_to": 1,
               "n_citing": 0}


def stance_rows(article: str, outlet: str, counts: dict[str, int]) -> list[tuple]:
    """Counts as given; shares = count ÷ total, worked out in the tests' own numbers below."""
    total = sum(counts.values())
    rows = [src(article, outlet, "stance_verb_count", n, t) for t, n in counts.items()]
    rows += [src(article, outlet, "stance_verb_share", n / total if total else NAN, t, "" if total else NO_VERBS)
             for t, n in counts.items()]
    return rows


def hedge_rows(article: str, outlet: str, rates: dict[str, float], words: dict[str, int]) -> list[tuple]:
    rows = [src(article, outlet, "hedge_rate", v, t, NO_QUOTED if math.isnan(v) else "") for t, v in rates.items()]
    rows += [src(article, outlet, "n_voice_words", n, v) for v, n in words.items()]
    return rows


def tone_rows(article: str, outlet: str, values: dict[tuple[str, str], tuple[float, int]]) -> list[tuple]:
    rows = []
    for (actor, voice), (value, n) in values.items():
        where = "quoted text" if voice == "quoted" else "text outside quotes"
        rows.append(src(article, outlet, f"actor_tone_{voice}", value, actor,
                        f"no sentence mentioning {actor} has {where}" if math.isnan(value) else ""))
        rows.append(src(article, outlet, f"n_actor_tone_sentences_{voice}", n, actor))
    return rows


# Hand-worked hedge rates = 1000 × cues ÷ words of the voice.
# UPI a1: journalist 500 words, 2 modals (4.0), 1 evidential (2.0), 1 booster (2.0); all excludes boosters:
# (2 + 1) → 6.0. Quoted: 0 words, every rate undefined.
# Wire a2: journalist 250 words, 1 modal (4.0), nothing else; quoted 100 words, 1 evidential (10.0).
UPI_RATES = {"journalist:all": 6.0, "journalist:modal": 4.0, "journalist:evidential": 2.0, "journalist:booster": 2.0,
             "quoted:all": NAN, "quoted:modal": NAN, "quoted:evidential": NAN, "quoted:booster": NAN}
WIRE_RATES = {"journalist:modal": 4.0, "journalist:evidential": 0.0, "journalist:booster": 0.0, "journalist:all": 4.0,
              "quoted:modal": 0.0, "quoted:evidential": 10.0, "quoted:booster": 0.0, "quoted:all": 10.0}

UPI_TONE = {("North Korea", "journalist"): (0.5, 3), ("North Korea", "quoted"): (NAN, 0),
            ("Russia", "journalist"): (-0.25, 1), ("Russia", "quoted"): (-0.5, 1)}
WIRE_TONE = {("North Korea", "journalist"): (0.1, 2), ("North Korea", "quoted"): (NAN, 0),
             ("Ukraine", "journalist"): (-0.2, 1), ("Ukraine", "quoted"): (NAN, 0)}


@pytest.fixture
def table() -> pd.DataFrame:
    rows = source_rows("a1", "UPI", UPI_SOURCES) + source_rows("a2", "Wire", None)
    rows += stance_rows("a1", "UPI", {"neutral": 3, "distancing": 1, "concessive": 0, "endorsing": 0})
    rows += stance_rows("a2", "Wire", {"neutral": 0, "distancing": 0, "concessive": 0, "endorsing": 0})
    rows += hedge_rows("a1", "UPI", UPI_RATES, {"journalist": 500, "quoted": 0})
    rows += hedge_rows("a2", "Wire", WIRE_RATES, {"journalist": 250, "quoted": 100})
    rows += tone_rows("a1", "UPI", UPI_TONE) + tone_rows("a2", "Wire", WIRE_TONE)
    # rows of other families with the same metric names must be ignored
    rows += [("a1", "UPI", "entities", "n_sources", "", 99.0, ""), ("a1", "UPI", "other", "hedge_rate",
                                                                     "journalist:modal", 99.0, "")]
    return tidy(rows)


def points(ax: matplotlib.axes.Axes) -> set[tuple[float, float]]:
    """Scatter points drawn on ``ax``, rounded, as a set of (x, y)."""
    parts = [c.get_offsets() for c in ax.collections if len(c.get_offsets())]
    pts = np.vstack(parts) if parts else np.empty((0, 2))
    return {(round(float(x), 6), round(float(y), 6)) for x, y in pts}


def na_labels(ax: matplotlib.axes.Axes) -> list[tuple[float, str]]:
    """(y, colour) of every "n/a" drawn on ``ax``."""
    return sorted((round(float(t.get_position()[1]), 6), matplotlib.colors.to_hex(t.get_color()).upper())
                  for t in ax.texts if t.get_text() == "n/a")


def ticks(ax: matplotlib.axes.Axes) -> list[str]:
    return [" ".join(t.get_text().split()) for t in ax.get_yticklabels()]


COLORS = {k: v.upper() for k, v in outlet_colors(["UPI", "Wire"]).items()}


# ----------------------------------------------------------------------------- every plot


@pytest.mark.parametrize("fn", PLOTS)
def test_caption_counts_one_article_no_warning_no_mutation(fn, table: pd.DataFrame) -> None:
    before = table.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plot = fn(table)
    pd.testing.assert_frame_equal(table, before)
    assert isinstance(plot, Plot)
    assert "UPI n = 1" in plot.caption and "Wire n = 1" in plot.caption
    assert "one article" in plot.caption and "Limits:" in plot.caption
    assert "99" not in " ".join(str(x) for ax in plot.figure.axes for x in points(ax))  # other families ignored


@pytest.mark.parametrize("fn", PLOTS)
def test_empty_table_explains_itself(fn) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plot = fn(tidy([]))
    assert "nothing is plotted" in plot.caption and "sourcing" in plot.caption


@pytest.mark.parametrize("fn", PLOTS)
def test_table_without_sourcing_rows_explains_itself(fn) -> None:
    plot = fn(tidy([("a1", "UPI", "readability", "flesch_reading_ease", "", 50.0, "")]))
    assert "nothing is plotted" in plot.caption


@pytest.mark.parametrize("fn", PLOTS)
def test_missing_column_is_a_usage_error(fn, table: pd.DataFrame) -> None:
    with pytest.raises(MediacompareError, match="note"):
        fn(table.drop(columns=["note"]))


def digests(paths: dict[str, Path]) -> dict[str, str]:
    return {k: hashlib.sha256(p.read_bytes()).hexdigest() for k, p in paths.items()}


@pytest.mark.parametrize("fn", PLOTS)
def test_rerender_is_byte_identical(fn, table: pd.DataFrame, tmp_path: Path) -> None:
    first = digests(save_plot(fn(table), tmp_path / "a"))
    second = digests(save_plot(fn(table), tmp_path / "b"))
    assert first == second and {"png", "svg", "pdf", "caption"} <= set(first)


# ----------------------------------------------------------------------------- source profile


def test_source_profile_positions_zero_drawn_nan_not(table: pd.DataFrame) -> None:
    plot = plot_source_profile(table)
    types_ax, named_ax, kinds_ax = plot.figure.axes[:3]
    assert ticks(types_ax) == ["government official", "state media", "document"]  # taxonomy order
    # UPI: 2 officials (row 0), 1 state media (row 1), 0 documents (row 2) — the 0 is a real count, drawn at 0.
    assert points(types_ax) == {(2.0, UP), (1.0, 1 + UP), (0.0, 2 + UP)}
    assert points(named_ax) == {(3.0, UP), (2.0, 1 + UP), (1.0, 2 + UP)}
    assert points(kinds_ax) == {(2.0, UP), (1.0, 1 + UP), (1.0, 2 + UP), (0.0, 3 + UP)}
    # Wire's empty body: every value NaN -> an n/a in Wire's colour in each row, never a point at 0
    assert na_labels(types_ax) == [(r + DOWN, COLORS["Wire"]) for r in range(3)]
    assert na_labels(kinds_ax) == [(r + DOWN, COLORS["Wire"]) for r in range(4)]
    assert f"undefined for 1 of 2 articles: {EMPTY}." in plot.caption and "a2" not in plot.caption
    assert types_ax.get_xlim()[0] < 0  # a zero marker is not cut by the axis
    assert "Asr, Taboada et al. 2021" in plot.caption and "anonymous" in plot.caption


def test_source_profile_several_articles_show_outlet_mean(table: pd.DataFrame) -> None:
    more = pd.concat([table, tidy(source_rows("a3", "UPI", {**UPI_SOURCES, "n_sources": 5}))], ignore_index=True)
    plot = plot_source_profile(more)
    named_ax = plot.figure.axes[1]
    row0 = sorted(x for x, y in points(named_ax) if abs(y) < 0.5)
    assert row0 == [3.0, 4.0, 5.0]  # articles 3 and 5, outlet mean (3 + 5) / 2 = 4
    assert "UPI n = 2" in plot.caption and "outlet means" in plot.caption


# ----------------------------------------------------------------------------- stance verbs


def test_stance_verbs_counts_and_shares(table: pd.DataFrame) -> None:
    plot = plot_stance_verbs(table)
    count_ax, share_ax = plot.figure.axes[:2]
    assert [t.split(" (")[0] for t in ticks(count_ax)] == ["neutral", "distancing", "concessive", "endorsing"]
    # UPI 3 neutral + 1 distancing of 4 verbs: shares 3/4 and 1/4; Wire has no verbs: counts 0, shares undefined.
    assert points(count_ax) == {(3.0, UP), (1.0, 1 + UP), (0.0, 2 + UP), (0.0, 3 + UP),
                                (0.0, DOWN), (0.0, 1 + DOWN), (0.0, 2 + DOWN), (0.0, 3 + DOWN)}
    assert points(share_ax) == {(0.75, UP), (0.25, 1 + UP), (0.0, 2 + UP), (0.0, 3 + UP)}
    assert na_labels(share_ax) == [(r + DOWN, COLORS["Wire"]) for r in range(4)]
    assert na_labels(count_ax) == []
    assert f"share [neutral] undefined for 1 of 2 articles: {NO_VERBS}." in plot.caption
    assert share_ax.get_xlim() == (-0.03, 1.03)
    assert "Bender et al." in plot.caption and "distancing (claim, allege" in plot.caption


# ----------------------------------------------------------------------------- hedging


def test_hedging_rates_by_voice_and_na_for_a_voice_without_words(table: pd.DataFrame) -> None:
    plot = plot_hedging(table)
    journalist_ax, quoted_ax = plot.figure.axes[:2]
    # categories in order of first appearance, the "all" total last even though UPI lists it first
    assert ticks(journalist_ax) == ["modal", "evidential", "booster", "all (in total)"]
    assert points(journalist_ax) == {(4.0, UP), (2.0, 1 + UP), (2.0, 2 + UP), (6.0, 3 + UP),
                                     (4.0, DOWN), (0.0, 1 + DOWN), (0.0, 2 + DOWN), (4.0, 3 + DOWN)}
    # UPI has no quoted words: four n/a in UPI's colour, no point; Wire's quoted evidential 1 of 100 words = 10
    assert points(quoted_ax) == {(0.0, DOWN), (10.0, 1 + DOWN), (0.0, 2 + DOWN), (10.0, 3 + DOWN)}
    assert na_labels(quoted_ax) == [(r + UP, COLORS["UPI"]) for r in range(4)]
    # UPI's quoted voice is wholly undefined: counted once for the voice, not per rate, and no id is listed
    assert f"hedging rate [quoted text] undefined for 1 of 2 articles: {NO_QUOTED}." in plot.caption
    assert "a1" not in plot.caption
    # one article per outlet: the median words per voice are that article's counts
    assert "Median words per voice and article: UPI journalist 500, quoted 0; Wire journalist 250, quoted 100." \
        in plot.caption
    assert "Hyland (1998, 2005)" in plot.caption and "1000 × cues ÷ words" in plot.caption


def test_hedging_partly_undefined_voice_is_listed_per_rate() -> None:
    rows = hedge_rows("a1", "UPI", {"quoted:modal": NAN, "quoted:all": 5.0}, {"quoted": 200})
    plot = plot_hedging(tidy(rows))
    assert f"rate [quoted:modal] undefined for 1 of 1 articles: {NO_QUOTED}." in plot.caption
    assert "hedging rate" not in plot.caption


# ----------------------------------------------------------------------------- actor tone


def test_actor_tone_top_actors_by_scored_pieces(table: pd.DataFrame) -> None:
    plot = plot_actor_tone(table, top=2)
    journalist_ax, quoted_ax = plot.figure.axes[:2]
    # pieces: North Korea 3 + 0 + 2 + 0 = 5, Russia 1 + 1 = 2, Ukraine 1 + 0 = 1 -> top 2 = North Korea, Russia
    assert ticks(journalist_ax) == ["North Korea", "Russia"]
    assert points(journalist_ax) == {(0.5, UP), (0.1, DOWN), (-0.25, 1 + UP)}
    assert points(quoted_ax) == {(-0.5, 1 + UP)}
    # North Korea has no quoted text in either article: one grey label for the row, not one per outlet;
    # Wire does not mention Russia (n/a, but no NaN row)
    assert na_labels(quoted_ax) == [(1 + DOWN, COLORS["Wire"])]
    assert [(round(float(t.get_position()[1]), 6), matplotlib.colors.to_hex(t.get_color()).upper())
            for t in quoted_ax.texts if t.get_text() == "n/a for every outlet"] == [(0.0, NEUTRAL.upper())]
    assert journalist_ax.get_xlim() == (-1.05, 1.05)
    assert "not stance toward it" in plot.caption and "Hutto & Gilbert 2014" in plot.caption
    # top 2 actors: quoted-voice pairs UPI/North Korea (NaN), UPI/Russia (-0.5), Wire/North Korea (NaN)
    assert ("tone near actors [quoted text] undefined for 2 of 3 actor–article pairs: no sentence mentioning "
            "the actor has quoted text.") in plot.caption
    assert "a1" not in plot.caption
    assert "Ukraine" not in plot.caption  # not among the top 2
    assert "The 2 actors shown have the most scored sentence pieces" in plot.caption


def test_actor_tone_ties_by_name_and_accepts_actor_voice_targets() -> None:
    # separate metrics per voice, and the equivalent "actor_tone" metric with target "actor|voice"
    split = tidy([src("a1", "UPI", "actor_tone_journalist", 0.2, "Zed"), src("a1", "UPI", "actor_tone_journalist",
                  -0.3, "Abe"), src("a1", "UPI", "actor_tone_quoted", 0.4, "Abe")])
    joined = tidy([src("a1", "UPI", "actor_tone", 0.2, "Zed|journalist"), src("a1", "UPI", "actor_tone", -0.3,
                   "Abe|journalist"), src("a1", "UPI", "actor_tone", 0.4, "Abe|quoted")])
    a, b = plot_actor_tone(split, top=1), plot_actor_tone(joined, top=1)
    # no count rows: ranked by defined values, Abe 2 > Zed 1
    assert ticks(a.figure.axes[0]) == ticks(b.figure.axes[0]) == ["Abe"]
    assert points(a.figure.axes[0]) == points(b.figure.axes[0]) == {(-0.3, 0.0)}
    tie = tidy([src("a1", "UPI", "actor_tone_journalist", 0.2, "Zed"), src("a1", "UPI", "actor_tone_journalist",
                0.1, "Abe")])
    assert ticks(plot_actor_tone(tie, top=1).figure.axes[0]) == ["Abe"]  # equal weight: by name


# ----------------------------------------------------------------------------- tables


def test_format_numbers_and_ranges() -> None:
    assert format_number(10000.0) == "10,000" and format_number(2.5) == "2.5" and format_number(NAN) == ""
    assert format_range(2000.0, 9999.0, 2000.0) == "2,000–9,999"  # "thousands"
    assert format_range(12000.0, 12000.0, 12000.0) == "12,000"


def test_claims_table_by_hand() -> None:
    claims = pd.DataFrame([
        {"article_id": "a1", "outlet": "UPI", "sentence_index": 2, "start": 40, "end": 60,
         "surface": "around 10,000 North Korean troops", "value": 10000.0, "value_low": 10000.0,
         "value_high": 10000.0, "unit": "troops", "referent": "North Korean troops", "approximator": "around",
         "attributed_to": "The Pentagon", "attribution_cue": "confirmed", "attributed_actor": "Pentagon",
         "attribution_rule": "'confirmed' before the claim"},
        {"article_id": "a1", "outlet": "UPI", "sentence_index": 0, "start": 5, "end": 24,
         "surface": "thousands of troops", "value": 2000.0, "value_low": 2000.0, "value_high": 9999.0,
         "unit": "troops", "referent": "troops", "approximator": "", "attributed_to": "", "attribution_cue": "",
         "attributed_actor": "", "attribution_rule": ""},
        {"article_id": "b1", "outlet": "", "sentence_index": 1, "start": 9, "end": 30,
         "surface": "as many as 12,000 North Korean soldiers", "value": 12000.0, "value_low": 12000.0,
         "value_high": 12000.0, "unit": "soldiers", "referent": "North Korean troops", "approximator": "as many as",
         "attributed_to": "Intelligence reports", "attribution_cue": "estimate", "attributed_actor": "",
         "attribution_rule": "'estimate' before the claim"},
    ])
    before = claims.copy()
    sentences = pd.DataFrame({"article_id": ["a1", "a1", "b1"], "sentence_index": [0, 2, 1],
                              "text": ["S zero.", "S two.", "B one."]})
    out = claims_table(claims, sentences)
    pd.testing.assert_frame_equal(claims, before)
    assert list(out.columns) == list(CLAIM_COLUMNS)
    # grouped by referent: both "North Korean troops" claims first (outlets sorted), then "troops"
    assert list(out["referent"]) == ["North Korean troops", "North Korean troops", "troops"]
    assert list(out["outlet"]) == ["(no outlet)", "UPI", "UPI"]
    assert list(out["value"]) == ["12,000", "10,000", "2,000–9,999"]
    assert list(out["attributed_to"]) == ["Intelligence reports", "The Pentagon", "(unattributed)"]
    assert list(out["sentence"]) == ["B one.", "S two.", "S zero."]
    assert out.loc[1, "attribution"] == "confirmed; 'confirmed' before the claim"
    assert claims_table(claims)["sentence"].tolist() == ["", "", ""]  # no sentences table: left empty


@pytest.mark.parametrize(("fn", "columns"), [(claims_table, CLAIM_COLUMNS), (quotes_table, QUOTE_COLUMNS),
                                             (sources_table, SOURCE_COLUMNS)])
def test_tables_of_missing_or_empty_records(fn, columns) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for records in (None, pd.DataFrame(), pd.DataFrame({"article_id": []})):
            out = fn(records)
            assert out.empty and list(out.columns) == list(columns)


def test_quotes_table_order_and_labels() -> None:
    quotes = pd.DataFrame([
        {"article_id": "a1", "outlet": "UPI", "kind": "direct", "speaker": "Andrey Rudenko",
         "speaker_surface": "Rudenko", "speaker_type": "government official", "named": True, "verb": "say",
         "negated": False, "sentence_index": 8, "end_sentence_index": 8, "start": 100, "end": 140, "text": "x",
         "tier": "neutral", "rule": "speaker_after"},
        {"article_id": "a1", "outlet": "UPI", "kind": "indirect", "speaker": "officials",
         "speaker_surface": "officials", "speaker_type": "government official", "named": False, "verb": "confirm",
         "negated": True, "sentence_index": 2, "end_sentence_index": 2, "start": 10, "end": 40, "text": "y",
         "tier": "endorsing", "rule": "verb_complement"},
    ])
    out = quotes_table(quotes)
    assert list(out["sentence_index"]) == [2, 8]
    assert list(out["named"]) == ["anonymous", "named"]
    assert list(out["negated"]) == [True, False]
    assert list(out["speaker_as_printed"]) == ["officials", "Rudenko"]


def test_show_table_does_not_cut_long_text(capsys: pytest.CaptureFixture[str]) -> None:
    sentence = "word " * 60 + "END"
    show_table(pd.DataFrame({"sentence": [sentence] * 70}))
    out = capsys.readouterr().out  # outside a notebook IPython prints the text repr
    assert out.count("END") == 70  # every row, and every cell whole


# ----------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seed_tables():
    from analysis.pipeline import analyse_corpus
    from analysis.tables import collect_tables

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    return collect_tables(analyse_corpus(seeds, Settings(families=("sourcing",)), progress=False))


UPI, REWRITE = "UPI", "Unattributed (AP-style dateline)"


def test_seed_figures_draw_without_warnings(seed_tables) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plots = [fn(seed_tables.metrics) for fn in PLOTS]
    for plot in plots:
        assert "nothing is plotted" not in plot.caption
        assert f"{UPI} n = 1" in plot.caption and f"{REWRITE} n = 1" in plot.caption


def test_seed_source_profile_direct_quotes(seed_tables) -> None:
    # Read by hand: UPI's story has six “…” passages; “comprehensive strategic partnership” is a scare quote,
    # the other five are speech (the agreement states, Article 51 stipulates, the pact promises, Rudenko twice);
    # Rudenko's first (s7) sits inside an indirect quote ("said last week that the treaty reflects “…”"), a
    # mixed quote counted once, as indirect: four direct quotes. The rewrite prints no quotation marks at all.
    kinds_ax = plot_source_profile(seed_tables.metrics).figure.axes[2]
    assert ticks(kinds_ax)[0] == "direct quote"
    assert {p for p in points(kinds_ax) if abs(p[1]) < 0.5} == {(4.0, UP), (0.0, DOWN)}


def test_seed_stance_verbs_endorsing(seed_tables) -> None:
    # Read by hand. UPI: one endorsing verb ("The Pentagon, meanwhile, confirmed last week that …") and one
    # distancing ("what it claims are"). The rewrite: one distancing ("accuse North Korea of …"), no endorsing
    # (its verbs: reported, accuse, noted, dictate, suggest, estimate, reported).
    count_ax = plot_stance_verbs(seed_tables.metrics).figure.axes[0]
    assert {p for p in points(count_ax) if abs(p[1] - 3) < 0.5} == {(1.0, 3 + UP), (0.0, 3 + DOWN)}
    assert {p for p in points(count_ax) if abs(p[1] - 1) < 0.5} == {(1.0, 1 + UP), (1.0, 1 + DOWN)}


def test_seed_hedging_rewrite_has_no_quoted_voice(seed_tables) -> None:
    plot = plot_hedging(seed_tables.metrics)
    quoted_ax = plot.figure.axes[1]
    n_rows = len(ticks(plot.figure.axes[0]))  # the panels share the y axis
    assert n_rows >= 2
    rewrite_color = outlet_colors([UPI, REWRITE])[REWRITE].upper()
    assert na_labels(quoted_ax) == [(r + DOWN, rewrite_color) for r in range(n_rows)]
    assert all(abs(y - round(y) - UP) < 1e-9 for _, y in points(quoted_ax))  # only UPI drawn in quoted text
    # the rewrite (one of the two articles) has no direct quotes: its quoted voice is counted, not named
    assert "hedging rate [quoted text] undefined for 1 of 2 articles: no quoted text in the body" in plot.caption
    assert "000_dc77826089423d0b" not in plot.caption
    assert f"{REWRITE} journalist" in plot.caption and "quoted 0" in plot.caption


def test_seed_actor_tone_rewrite_quoted_all_undefined(seed_tables) -> None:
    plot = plot_actor_tone(seed_tables.metrics, top=8)
    journalist_ax, quoted_ax = plot.figure.axes[:2]
    actors = ticks(journalist_ax)
    assert len(actors) == 8 and set(actors[:2]) == {"North Korea", "Russia"}  # the two states of the treaty
    assert {y for _, y in points(quoted_ax)} <= {r + UP for r in range(8)}  # no quoted text in the rewrite


def test_seed_claims_table_aligns_troop_numbers(seed_tables) -> None:
    out = claims_table(seed_tables.records["claims"], seed_tables.sentences)
    troops = out[out["referent"] == "North Korean troops"].reset_index(drop=True)
    # UPI: "The Pentagon, meanwhile, confirmed last week that around 10,000 North Korean troops are massing …"
    # Rewrite: "Intelligence reports from the U.S., South Korea, and Ukraine estimate that as many as 12,000
    # North Korean soldiers have been deployed …"
    assert list(troops["outlet"]) == [UPI, REWRITE]
    assert list(troops["value"]) == ["10,000", "12,000"]
    assert list(troops["approximator"]) == ["around", "as many as"]
    assert "Pentagon" in troops.loc[0, "attributed_to"]
    assert troops.loc[1, "attributed_to"].startswith("Intelligence reports")
    assert troops.loc[0, "sentence"].startswith("The Pentagon, meanwhile, confirmed")
    quotes = quotes_table(seed_tables.records["quotes"])
    assert (quotes.loc[quotes["outlet"] == REWRITE, "kind"] != "direct").all()
