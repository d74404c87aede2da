"""Figure style and issue-2 profile figures, checked against hand-made tidy tables."""

from __future__ import annotations

import hashlib
import math
import struct
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.font_manager import FontProperties, findfont

from analysis.figures import (
    Plot,
    figure,
    outlet_colors,
    outlet_markers,
    save_plot,
    show_plot,
    style_context,
    wrap_label,
)
from analysis.figures.profiles import (
    plot_actor_emphasis,
    plot_frame_profile,
    plot_readability,
    plot_tone_arc,
)
from analysis.figures.style import RC
from analysis.model import MediacompareError

# Okabe & Ito (2008) as printed in Wong (2011), Nature Methods 8:441, typed in independently.
OKABE_ITO_HEX = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
COLUMNS = ["article_id", "outlet", "family", "metric", "target", "value", "note"]
PLOTS = [plot_readability, plot_tone_arc, plot_frame_profile, plot_actor_emphasis]


def tidy(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS)


def readability_rows(article: str, outlet: str, smog: float = math.nan) -> list[tuple]:
    vals = {"flesch_reading_ease": 45.0, "flesch_kincaid_grade": 12.0, "gunning_fog": 14.0, "smog_index": smog,
            "coleman_liau_index": 11.0, "automated_readability_index": 13.0, "dale_chall_score": 10.5}
    return [(article, outlet, "readability", m, "", v, "fewer than 30 sentences" if math.isnan(v) else "")
            for m, v in vals.items()]


def tone_rows(article: str, outlet: str, fifths: list[float]) -> list[tuple]:
    return [(article, outlet, "sentiment", "tone_arc", f"fifth_{k}", v, "" if not math.isnan(v) else
             f"no sentence falls in fifth {k}") for k, v in enumerate(fifths, start=1)]


def sentence_tone(article: str, outlet: str, compounds: list[float], headline: float | None = None) -> pd.DataFrame:
    """``sentence_tone`` records as the pipeline writes them (headline row index −1 when given)."""
    rows = [] if headline is None else [(article, outlet, -1, -1, headline, "")]
    rows += [(article, outlet, i, 0, c, "" if not math.isnan(c) else "not scored: 300 words")
             for i, c in enumerate(compounds)]
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_index", "paragraph_index", "compound", "note"])


TONE_A1 = [0.5, -0.5, 0.0, -0.8]


def frame_rows(article: str, outlet: str, scores: dict[str, float]) -> list[tuple]:
    return [(article, outlet, "framing", "frame_score", f, v, "no applicable items" if math.isnan(v) else "")
            for f, v in scores.items()]


def actor_rows(article: str, outlet: str, per1000: dict[str, float]) -> list[tuple]:
    rows = []
    for actor, v in per1000.items():
        rows.append((article, outlet, "entities", "mentions_per_1000_words", actor, v, ""))
        rows.append((article, outlet, "entities", "prominence", actor, v / 100, ""))
    return rows


FRAMES_A = {"responsibility": 0.2, "human_interest": 0.25, "conflict": 0.75, "morality": 0.0, "economic": 1 / 3}
FRAMES_B = {**FRAMES_A, "morality": math.nan}


@pytest.fixture
def table() -> pd.DataFrame:
    rows = readability_rows("a1", "UPI") + readability_rows("a2", "Wire", smog=9.0)
    rows += tone_rows("a1", "UPI", [0.5, -0.5, math.nan, 0.0, -0.8])
    rows += tone_rows("a2", "Wire", [0.1] * 5)
    rows += frame_rows("a1", "UPI", FRAMES_A) + frame_rows("a2", "Wire", FRAMES_B)
    rows += actor_rows("a1", "UPI", {"North Korea": 30.0, "Russia": 20.0, "NATO": 1.0})
    rows += actor_rows("a2", "Wire", {"North Korea": 28.0, "Russia": 10.0, "Ukraine": 12.0})
    return tidy(rows)


@pytest.fixture
def records() -> pd.DataFrame:
    return pd.concat([sentence_tone("a1", "UPI", TONE_A1), sentence_tone("a2", "Wire", [0.1] * 5)],
                     ignore_index=True)


def offsets(ax: matplotlib.axes.Axes) -> np.ndarray:
    """All scatter points drawn on ``ax`` as an (n, 2) array."""
    parts = [c.get_offsets() for c in ax.collections if len(c.get_offsets())]
    return np.vstack(parts) if parts else np.empty((0, 2))


# ----------------------------------------------------------------------------- style


def test_journal_widths_in_inches_and_mm() -> None:
    single, double = figure("single"), figure("double", 3.0)
    assert single.get_figwidth() == 3.5 and double.get_figwidth() == 7.2
    assert double.get_figheight() == 3.0
    assert round(3.5 * 25.4) == 89 and round(7.2 * 25.4) == 183  # 89 mm and 183 mm columns
    with pytest.raises(ValueError):
        figure("triple")


def test_palette_is_okabe_ito_distinct_and_deterministic() -> None:
    outlets = ["Reuters", "AP", "UPI", "BBC", "CNN", "NHK", "KCNA", "Yonhap"]
    colors = outlet_colors(outlets)
    assert set(colors.values()) <= OKABE_ITO_HEX
    assert len(set(colors.values())) == 8  # eight outlets, eight distinct colours
    assert colors == outlet_colors(list(reversed(outlets)))  # order of input does not matter
    assert list(colors) == sorted(outlets)  # assigned in sorted-name order
    assert outlet_colors(["UPI", "AP"])["AP"] == outlet_colors(["AP", "Zeit"])["AP"]  # first sorted -> first colour


def test_more_than_eight_outlets_differ_by_colour_or_marker() -> None:
    outlets = [f"outlet {i:02d}" for i in range(12)]
    colors, markers = outlet_colors(outlets), outlet_markers(outlets)
    assert len({(colors[o], markers[o]) for o in outlets}) == 12


def test_wrap_label() -> None:
    wrapped = wrap_label("Unattributed (AP-style dateline)", 18)
    assert wrapped.split("\n") == ["Unattributed (AP-", "style dateline)"]
    assert wrap_label("UPI") == "UPI"
    assert wrap_label("") == "(no outlet)"


def test_fonts_readable_and_shipped_with_matplotlib() -> None:
    sizes = [v for k, v in RC.items() if k.endswith(("size", "fontsize")) and "marker" not in k
             and "major" not in k]
    assert sizes and min(sizes) >= 7
    with style_context():
        path = findfont(FontProperties(family=matplotlib.rcParams["font.family"]), fallback_to_default=False)
    assert Path(path).name == "DejaVuSans.ttf"
    assert str(Path(matplotlib.get_data_path())) in path


def test_style_does_not_change_global_state(table: pd.DataFrame) -> None:
    before = dict(matplotlib.rcParams)
    plot_frame_profile(table)
    assert dict(matplotlib.rcParams) == before


def simple_plot() -> Plot:
    with style_context():
        fig = figure("single")
        ax = fig.subplots()
        ax.plot([0, 1, 2], [1, 0, 2], label="line")
        ax.set_title("title")
        ax.legend()
    return Plot(fig, "simple", "A test caption.")


def png_chunks(data: bytes) -> dict[bytes, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, {}
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        chunks.setdefault(kind, data[pos + 8:pos + 8 + length])
        pos += 12 + length
    return chunks


def test_png_is_300_dpi_at_journal_width(tmp_path: Path) -> None:
    paths = save_plot(simple_plot(), tmp_path)
    chunks = png_chunks(paths["png"].read_bytes())
    x_ppm, y_ppm, unit = struct.unpack(">IIB", chunks[b"pHYs"])
    assert unit == 1  # metres
    assert x_ppm == y_ppm == round(300 / 0.0254)  # 11811 pixels per metre = 300 dpi
    width, height = struct.unpack(">II", chunks[b"IHDR"][:8])
    assert width == 3.5 * 300 and height == round(3.5 * 0.7 * 300)


def digests(paths: dict[str, Path]) -> dict[str, str]:
    return {k: hashlib.sha256(p.read_bytes()).hexdigest() for k, p in paths.items()}


def test_rerender_is_byte_identical(tmp_path: Path, table: pd.DataFrame) -> None:
    for fn in [*PLOTS, lambda _t: simple_plot()]:
        first = digests(save_plot(fn(table), tmp_path / "a"))
        second = digests(save_plot(fn(table), tmp_path / "b"))
        assert first == second
        assert {"png", "svg", "pdf", "caption"} <= set(first)


def test_rerender_in_a_fresh_interpreter_is_byte_identical(tmp_path: Path) -> None:
    code = ("import sys; sys.path.insert(0, sys.argv[2]); from test_figures import simple_plot; "
            "from analysis.figures import save_plot; save_plot(simple_plot(), sys.argv[1])")
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "fresh"), str(Path(__file__).parent)], check=True)
    here = save_plot(simple_plot(), tmp_path / "here")
    fresh = {k: tmp_path / "fresh" / p.name for k, p in here.items()}
    assert digests(here) == digests(fresh)


def test_saved_files_carry_no_timestamps_or_versions(tmp_path: Path) -> None:
    paths = save_plot(simple_plot(), tmp_path)
    assert b"Software" not in paths["png"].read_bytes() and b"tIME" not in paths["png"].read_bytes()
    svg = paths["svg"].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and matplotlib.__version__ not in svg
    pdf = paths["pdf"].read_bytes()
    assert b"CreationDate" not in pdf and b"ModDate" not in pdf
    assert paths["caption"].read_text(encoding="utf-8") == "A test caption.\n"
    assert paths["png"].name == "simple.png" and paths["caption"].name == "simple.caption.md"


def test_save_plot_rejects_path_like_names(tmp_path: Path) -> None:
    plot = simple_plot()
    plot.name = "../escape"
    with pytest.raises(ValueError):
        save_plot(plot, tmp_path)


def test_show_plot_saves_and_displays(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = show_plot(simple_plot(), tmp_path)
    assert paths["png"].is_file() and paths["svg"].is_file()
    assert "Markdown" in capsys.readouterr().out  # outside a notebook IPython prints the display reprs


# ----------------------------------------------------------------------------- profiles


@pytest.mark.parametrize("fn", PLOTS)
def test_each_plot_has_caption_with_counts_and_does_not_mutate(fn, table: pd.DataFrame) -> None:
    before = table.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plot = fn(table)
    pd.testing.assert_frame_equal(table, before)
    assert isinstance(plot, Plot) and plot.caption.strip()
    assert "UPI n = 1" in plot.caption and "Wire n = 1" in plot.caption
    assert "one article" in plot.caption  # single article per outlet: values, not outlet estimates


@pytest.mark.parametrize("fn", PLOTS)
def test_empty_table_gives_explaining_plot_without_warnings(fn) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plot = fn(tidy([]))
    assert "nothing is plotted" in plot.caption


@pytest.mark.parametrize("fn", PLOTS)
def test_missing_column_is_a_usage_error(fn, table: pd.DataFrame) -> None:
    with pytest.raises(MediacompareError, match="note"):
        fn(table.drop(columns=["note"]))


def test_readability_separates_flesch_from_grade_indices(table: pd.DataFrame) -> None:
    plot = plot_readability(table)
    grade_ax, flesch_ax, dale_ax = plot.figure.axes[:3]
    # 5 grade indices × 2 outlets, minus UPI's undefined SMOG = 9 points; Flesch 2; Dale–Chall 2.
    assert len(offsets(grade_ax)) == 9
    assert sorted(offsets(flesch_ax)[:, 0]) == [45.0, 45.0]
    assert sorted(offsets(dale_ax)[:, 0]) == [10.5, 10.5]
    assert 45.0 not in offsets(grade_ax)[:, 0]
    assert [t.get_text() for t in grade_ax.get_yticklabels()][2] == "SMOG"
    assert "n/a" in [t.get_text() for t in grade_ax.texts]  # UPI's SMOG is shown as missing, not zero
    # counted with its reason, never listed by article id
    assert "SMOG undefined for 1 of 2 articles: fewer than 30 sentences." in plot.caption
    assert "a1" not in plot.caption
    assert "higher = easier" in plot.caption and "Flesch 1948" in plot.caption


def test_frame_profile_nan_is_missing_not_zero(table: pd.DataFrame) -> None:
    plot = plot_frame_profile(table)
    ax = plot.figure.axes[0]
    pts = offsets(ax)
    assert len(pts) == 9  # 5 frames × 2 outlets, one NaN
    morality_row = 3
    assert sum(abs(y - morality_row) < 0.5 for y in pts[:, 1]) == 1  # only UPI's 0.0 in the morality row
    assert "frame score [morality] undefined for 1 of 2 articles: no applicable items." in plot.caption
    assert "a2" not in plot.caption
    assert ax.get_xlim()[0] < 0 < 1 < ax.get_xlim()[1]
    assert "Semetko & Valkenburg (2000)" in plot.caption


def test_several_articles_show_points_and_outlet_mean(table: pd.DataFrame) -> None:
    more = pd.concat([table, tidy(frame_rows("a3", "UPI", {**FRAMES_A, "conflict": 0.25}))], ignore_index=True)
    plot = plot_frame_profile(more)
    ax = plot.figure.axes[0]
    conflict = [c for c in ax.collections if len(c.get_offsets()) and abs(c.get_offsets()[0][1] - 2) < 0.5]
    xs = sorted(float(x) for c in conflict for x in c.get_offsets()[:, 0])
    # UPI articles 0.75 and 0.25, their mean (0.75 + 0.25) / 2 = 0.5, Wire 0.75.
    assert xs == [0.25, 0.5, 0.75, 0.75]
    assert "UPI n = 2" in plot.caption and "outlet means" in plot.caption


def test_tone_arc_positions_and_fifths(table: pd.DataFrame, records: pd.DataFrame) -> None:
    plot = plot_tone_arc(table, records)
    upi_ax = plot.figure.axes[0]
    assert upi_ax.get_title(loc="left").startswith("UPI")
    # 4 sentences: x = (i + 0.5) / 4
    assert offsets(upi_ax)[:, 0].tolist() == [0.125, 0.375, 0.625, 0.875]
    assert offsets(upi_ax)[:, 1].tolist() == [0.5, -0.5, 0.0, -0.8]
    # Wire: 5 sentences at 0.1, 0.3, …, 0.9
    assert np.allclose(offsets(plot.figure.axes[1])[:, 0], [0.1, 0.3, 0.5, 0.7, 0.9])
    arc = upi_ax.lines[-1]
    assert np.allclose(arc.get_xdata(), [0.1, 0.3, 0.5, 0.7, 0.9])
    ys = np.asarray(arc.get_ydata(), dtype=float)
    assert math.isnan(ys[2]) and ys[3] == 0.0  # the undefined fifth is a gap, not zero
    assert upi_ax.get_ylim() == (-1.05, 1.05)
    assert "fifth_3" in plot.caption and "Hutto & Gilbert 2014" in plot.caption and "0.05" in plot.caption
    assert "sentence_tone records" in plot.caption and "not drawn (no sentence_tone" not in plot.caption


def test_tone_arc_without_records_draws_arcs_only(table: pd.DataFrame) -> None:
    plot = plot_tone_arc(table)
    assert all(len(offsets(ax)) == 0 for ax in plot.figure.axes)
    assert np.allclose(plot.figure.axes[1].lines[-1].get_ydata(), [0.1] * 5)
    assert "Per-sentence points are not drawn (no sentence_tone records were given)" in plot.caption


def test_tone_arc_ignores_per_sentence_metric_rows(table: pd.DataFrame) -> None:
    """Per-sentence values are read from the records only, never from the metrics table."""
    stray = tidy([("a1", "UPI", "sentiment", "sentence_compound", "sentence:0", 0.9, "")])
    plot = plot_tone_arc(pd.concat([table, stray], ignore_index=True))
    assert all(len(offsets(ax)) == 0 for ax in plot.figure.axes)


def test_tone_arc_leaves_out_headline_and_unscored_sentences(table: pd.DataFrame) -> None:
    recs = sentence_tone("a1", "UPI", [0.5, math.nan, 0.0, -0.8], headline=0.9)
    plot = plot_tone_arc(table, recs)
    ax = plot.figure.axes[0]
    assert 0.9 not in offsets(ax)[:, 1]
    # the NaN sentence 1 is not drawn, and the others keep their positions among n = 4
    assert offsets(ax)[:, 0].tolist() == [0.125, 0.625, 0.875]
    assert "Headline scores (1) are not drawn" in plot.caption
    # sentence 1 of 4 scored sentences (the headline is not a body sentence) is undefined
    assert "sentence compound undefined for 1 of 4 sentences: not scored: 300 words." in plot.caption


def test_tone_arc_records_need_their_columns(table: pd.DataFrame, records: pd.DataFrame) -> None:
    with pytest.raises(MediacompareError, match="compound"):
        plot_tone_arc(table, records.drop(columns=["compound"]))


def test_outlets_in_stable_sorted_order_whatever_the_row_order(tmp_path: Path, table: pd.DataFrame,
                                                               records: pd.DataFrame) -> None:
    """Panels, rows and legends follow sorted outlet names; shuffled input renders byte-identically."""
    # a second UPI article, so the outlet has several points and a mean per row
    table = pd.concat([table, tidy(frame_rows("a3", "UPI", {**FRAMES_A, "conflict": 0.25})
                                   + tone_rows("a3", "UPI", [0.2] * 5))], ignore_index=True)
    records = pd.concat([records, sentence_tone("a3", "UPI", [0.2] * 5)], ignore_index=True)
    shuffled, recs = table.iloc[::-1], records.iloc[::-1]
    for fn, args, shuffled_args in [(plot_tone_arc, (table, records), (shuffled, recs)),
                                    (plot_readability, (table,), (shuffled,)),
                                    (plot_frame_profile, (table,), (shuffled,))]:
        a, b = fn(*args), fn(*shuffled_args)
        assert digests(save_plot(a, tmp_path / "a", ["svg"])) == digests(save_plot(b, tmp_path / "b", ["svg"]))
    titles = [ax.get_title(loc="left") for ax in plot_tone_arc(shuffled, recs).figure.axes[:2]]
    assert [t.split(" (")[0] for t in titles] == ["UPI", "Wire"]


def test_actor_emphasis_top_actors_by_mean_rate(table: pd.DataFrame) -> None:
    plot = plot_actor_emphasis(table, top=3)
    rate_ax, prominence_ax = plot.figure.axes[:2]
    labels = [t.get_text() for t in rate_ax.get_yticklabels()]
    # means over both articles (absent = 0): North Korea (30 + 28) / 2 = 29, Russia 15, Ukraine 6, NATO 0.5
    assert labels == ["North Korea", "Russia", "Ukraine"]
    assert sorted(offsets(rate_ax)[:, 0]) == [10.0, 12.0, 20.0, 28.0, 30.0]  # UPI has no Ukraine row
    assert len(offsets(prominence_ax)) == 5
    assert "not detected" in plot.caption and "The 3 actors" in plot.caption


def test_actor_ranking_counts_absence_as_zero() -> None:
    # "Solo" has 20 in one of two articles (mean 10); "Both" 15 in each (mean 15): Both ranks first.
    table = tidy(actor_rows("a1", "X", {"Solo": 20.0, "Both": 15.0}) + actor_rows("a2", "Y", {"Both": 15.0}))
    plot = plot_actor_emphasis(table, top=1)
    assert [t.get_text() for t in plot.figure.axes[0].get_yticklabels()] == ["Both"]
    assert "The actor with the highest mean" in plot.caption and "over all 2 articles" in plot.caption


def test_seed_corpus_tone_arc_has_one_point_per_body_sentence() -> None:
    from analysis.pipeline import analyse_corpus
    from analysis.tables import collect_tables

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    tables = collect_tables(analyse_corpus(seeds, progress=False))
    metrics = tables.metrics
    assert not (metrics["metric"] == "sentence_compound").any()  # per-sentence values are records only
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plots = [fn(metrics) for fn in PLOTS]
        tone = plot_tone_arc(metrics, tables.records["sentence_tone"])
    by_title = {" ".join(ax.get_title(loc="left").split()).split(" (n =")[0]: ax for ax in tone.figure.axes}
    # After cleaning, UPI's story (002) has 14 body sentences and the unattributed rewrite (000) 16.
    assert len(offsets(by_title["UPI"])) == 14
    assert len(offsets(by_title["Unattributed (AP-style dateline)"])) == 16
    assert all(p.caption.strip() for p in plots)
