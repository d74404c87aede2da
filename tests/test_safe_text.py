"""Untrusted text stays text: the escaping helpers, checked through the renderers the report uses."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from payloads import PAYLOADS

from analysis.figures import save_plot, style_context
from analysis.figures.compare import plot_forest, plot_keyness, plot_reuse
from analysis.figures.profiles import plot_actor_emphasis, plot_frame_profile, plot_readability, plot_tone_arc
from analysis.figures.sourcing import plot_actor_tone, plot_hedging, plot_source_profile, plot_stance_verbs
from analysis.reporting.exports import to_latex, to_markdown
from analysis.safe_text import html, latex, markdown, mpl
from analysis.tables import AnalysisTables


class Parsed(HTMLParser):
    """Elements (with their attributes) and the text of an HTML fragment."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.parts: list[str] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", PAYLOADS)
def test_html_escape_is_text_only(name: str) -> None:
    payload = PAYLOADS[name]
    for fragment in (f"<p>{html(payload)}</p>", f'<p title="{html(payload)}">x</p>'):
        parsed = Parsed(fragment)
        assert [t for t, _ in parsed.tags] == ["p"]
    assert Parsed(f"<p>{html(payload)}</p>").text == one_line(payload)
    assert Parsed(f'<p title="{html(payload)}">x</p>').tags[0][1] == [("title", payload)]


@pytest.mark.parametrize("name", PAYLOADS)
@pytest.mark.parametrize("where", ["start", "middle"])
def test_markdown_escape_renders_as_the_text_itself(name: str, where: str) -> None:
    """Through nbconvert's Markdown renderer (the one that renders captions in the report): only the
    caption's own <p> and <strong>, and the text read back is the payload, character for character."""
    payload = PAYLOADS[name]
    source = f"{markdown(payload)} **end**" if where == "start" else f"**Caption:** {markdown(payload)} end"
    parsed = Parsed(markdown2html_mistune(source))
    assert sorted({t for t, _ in parsed.tags}) == ["p", "strong"], parsed.tags
    assert all(attrs == [] for _, attrs in parsed.tags)
    expected = f"{payload} end" if where == "start" else f"Caption: {payload} end"
    assert parsed.text == one_line(expected)


@pytest.mark.parametrize("name", PAYLOADS)
def test_paper_markdown_table_cells_render_as_the_text_itself(name: str) -> None:
    """A pipe table for the paper with a hostile outlet name: one table, the name read back as text."""
    payload = PAYLOADS[name]
    table = pd.DataFrame({"Outlet": [payload], "Mean": ["-1.90"]})
    rendered = markdown2html_mistune(to_markdown(table))
    parsed = Parsed(rendered)
    assert {t for t, _ in parsed.tags} <= {"table", "thead", "tbody", "tr", "th", "td"}, parsed.tags
    assert all(attrs == [] or attrs == [("style", "text-align:right")] for _, attrs in parsed.tags)
    assert "| -1.90 |" in to_markdown(table)  # a number in a cell stays as printed
    assert one_line(payload) in parsed.text


def test_latex_escape_by_hand() -> None:
    # the ten special characters and < > become commands; line breaks become one space
    assert latex("50% & $\\x_1 {a}#~^\n<b>") == (
        "50\\% \\& \\$\\textbackslash{}x\\_1 \\{a\\}\\#\\textasciitilde{}\\textasciicircum{} "
        "\\textless{}b\\textgreater{}")
    tex = to_latex(pd.DataFrame({"Outlet": ["R&D_news"], "Mean": ["1.5"]}), caption="50% of \\input{x}")
    assert "R\\&D\\_news & 1.5 \\\\" in tex and "\\caption{50\\% of \\textbackslash{}input\\{x\\}}" in tex


def test_markdown_escape_keeps_a_plain_line_readable() -> None:
    assert markdown("UPI n = 1; Reuters/000_dc77826089423d0b") == "UPI n = 1; Reuters/000_dc77826089423d0b"
    assert markdown("first\n\n# second\r\n- third") == "first # second - third"  # one line: no new blocks
    assert markdown("1. one") == "1\\. one" and markdown("- x") == "\\- x" and markdown("> q") == "\\> q"
    assert markdown("$5 and $6") == "\\$5 and \\$6"
    assert markdown("see http://x.test") == "see http\\://x.test"


def test_matplotlib_draws_dollars_and_underscores_as_given(tmp_path: Path) -> None:
    """A '$' pair is drawn as text (mathtext off in the house style), an unbalanced one does not fail
    the figure, and a label starting with '_' stays in the legend."""
    with pytest.raises(ValueError):  # matplotlib's default: mathtext, which fails on this label
        fig = Figure()
        fig.add_subplot().set_title("price $\\frac{1$")
        fig.savefig(tmp_path / "default.png")
    with style_context():
        assert matplotlib.rcParams["text.parse_math"] is False
        fig = Figure()
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, 1], label=mpl(PAYLOADS["underscore"]))
        ax.plot([0, 1], [1, 0], label=mpl(PAYLOADS["math"]))
        title = ax.set_title("price $\\frac{1$ " + PAYLOADS["math"])
        legend = ax.legend()
        fig.savefig(tmp_path / "styled.svg")
    assert title.get_text() == "price $\\frac{1$ $\\alpha$"
    assert [t.get_text().lstrip("\u200b") for t in legend.get_texts()] == [PAYLOADS["underscore"], PAYLOADS["math"]]


def _relabel(tables: AnalysisTables, outlets: dict[str, str], ids: dict[str, str], event: str) -> AnalysisTables:
    def swap(df: pd.DataFrame) -> pd.DataFrame:
        df = df.copy()
        if "outlet" in df.columns:
            df["outlet"] = df["outlet"].map(lambda o: outlets.get(o, o))
        if "article_id" in df.columns:
            df["article_id"] = df["article_id"].map(lambda a: ids.get(a, a))
        if "event_id" in df.columns:
            df["event_id"] = event
        return df

    return AnalysisTables(swap(tables.metrics), swap(tables.evidence), swap(tables.sentences), swap(tables.articles),
                          {k: swap(v) for k, v in tables.records.items()})


@pytest.fixture(scope="module")
def hostile_plots(seed_tables: AnalysisTables) -> list:
    """Every figure of the report drawn for the seeds with payloads as outlet names, ids and event id."""
    from analysis.compare.run import compare_tables

    outlets = dict(zip(sorted(seed_tables.articles["outlet"]), (PAYLOADS["img"], f"{PAYLOADS['math']} "
                                                                 f"{PAYLOADS['link']}"), strict=True))
    ids = dict(zip(sorted(seed_tables.articles["article_id"]), (PAYLOADS["script"], PAYLOADS["svg"]), strict=True))
    tables = _relabel(seed_tables, outlets, ids, PAYLOADS["template"])
    m = tables.metrics
    comparison = compare_tables(tables, None)
    return [plot_readability(m), plot_tone_arc(m, tables.records.get("sentence_tone")), plot_frame_profile(m),
            plot_actor_emphasis(m, top=8), plot_source_profile(m), plot_stance_verbs(m), plot_hedging(m),
            plot_actor_tone(m, top=8), plot_keyness(comparison["keyness"]), plot_forest(comparison["stats"]),
            plot_reuse(comparison["reuse"])]


SAFE_CAPTION_TAGS = {"p", "strong", "em", "code"}  # what the captions' own Markdown makes


def test_figure_captions_are_inert(hostile_plots: list) -> None:
    for plot in hostile_plots:
        parsed = Parsed(markdown2html_mistune(plot.caption))
        tags = {t for t, _ in parsed.tags}
        assert tags <= SAFE_CAPTION_TAGS, (plot.name, tags)
        assert not any(attrs for _, attrs in parsed.tags), plot.name
    # the payloads are shown as text where the captions name outlets (every profile caption does)
    readability = Parsed(markdown2html_mistune(hostile_plots[0].caption)).text
    assert f"{PAYLOADS['img']} n = 1" in readability


def test_figure_svgs_hold_no_element_or_attribute_from_the_data(hostile_plots: list, tmp_path: Path) -> None:
    """SVG opened on its own runs script: no script element, event handler or link may come from the data."""
    for plot in hostile_plots:
        paths = save_plot(plot, tmp_path)
        svg = paths["svg"].read_text(encoding="utf-8")
        root = ET.fromstring(svg)  # well-formed XML: nothing broke out of a comment or attribute
        for el in root.iter():
            tag = el.tag.rsplit("}", 1)[-1]
            assert tag not in {"script", "img", "foreignObject", "a", "iframe"}, (plot.name, tag)
            assert not [a for a in el.attrib if a.rsplit("}", 1)[-1].lower().startswith("on")], (plot.name, el.attrib)
        assert not re.search(r"<(img|script)\b", svg, flags=re.I)


LONG_NAMES = ("Washington Examiner (Opinion Desk)", "New York Times (News)")  # real AllSides-style labels


def test_long_outlet_names_stay_inside_every_figure(seed_tables: AnalysisTables) -> None:
    """Every text of every report figure (titles, axis labels, ticks, legends) is drawn inside the canvas
    when outlets carry long names: a clipped axis label would not pass a journal's figure check."""
    from analysis.compare.run import compare_tables

    tables = _relabel(seed_tables, dict(zip(sorted(seed_tables.articles["outlet"]), LONG_NAMES, strict=True)), {},
                      "event-1")
    m = tables.metrics
    comparison = compare_tables(tables, None)
    plots = [plot_readability(m), plot_tone_arc(m, tables.records.get("sentence_tone")), plot_frame_profile(m),
             plot_actor_emphasis(m, top=8), plot_source_profile(m), plot_stance_verbs(m), plot_hedging(m),
             plot_actor_tone(m, top=8), plot_keyness(comparison["keyness"]), plot_forest(comparison["stats"]),
             plot_reuse(comparison["reuse"])]
    _assert_inside(plots)


def _assert_inside(plots: list) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    for plot in plots:
        fig = plot.figure
        canvas = FigureCanvasAgg(fig)
        with style_context():
            canvas.draw()
            drawn = fig.get_tightbbox(canvas.get_renderer())  # every drawn artist, in inches
        w, h = fig.get_size_inches()
        assert drawn.x0 >= -0.01 and drawn.y0 >= -0.01 and drawn.x1 <= w + 0.01 and drawn.y1 <= h + 0.01, (
            plot.name, drawn.bounds, (w, h))


TWELVE = ("Associated Press", "Axios", "CNN (Online News)", "Fox News (Online News)", "National Review",
          "New York Post (News)", "New York Times (News)", "Reuters", "The Hill", "Wall Street Journal (News)",
          "Washington Examiner", "Washington Post")  # the 12 largest outlets of the AllSides roundups


def test_twelve_outlets_legends_stay_inside_every_figure(seed_tables: AnalysisTables) -> None:
    """The figures of a many-outlet report show 12 outlets (report.FIGURE_OUTLETS): their legends wrap into as
    many columns as fit, so no entry is cut off at the figure's edge (found on the roundups report)."""
    copies = []
    for k in range(6):  # the two seed articles, six times, as 12 outlets
        outlets = dict(zip(sorted(seed_tables.articles["outlet"]), TWELVE[2 * k:2 * k + 2], strict=True))
        ids = {a: f"{a}-{k}" for a in seed_tables.articles["article_id"]}
        copies.append(_relabel(seed_tables, outlets, ids, f"event-{k}"))
    tables = AnalysisTables(*(pd.concat([getattr(c, name) for c in copies], ignore_index=True)
                              for name in ("metrics", "evidence", "sentences", "articles")),
                            {k: pd.concat([c.records[k] for c in copies], ignore_index=True)
                             for k in seed_tables.records})
    m = tables.metrics
    assert m["outlet"].nunique() == 12
    _assert_inside([plot_readability(m), plot_tone_arc(m, tables.records.get("sentence_tone")),
                    plot_frame_profile(m), plot_actor_emphasis(m, top=8), plot_source_profile(m),
                    plot_stance_verbs(m), plot_hedging(m), plot_actor_tone(m, top=8)])
