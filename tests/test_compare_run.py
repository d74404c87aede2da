"""The comparison orchestrator, its tables and files, the comparison figures, and notebook 03."""

from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.compare.run import COMPARISON_TABLES, CompareSettings, compare_tables, event_summary, write_comparison
from analysis.compare.stats import NO_INFERENCE, PAIRED
from analysis.figures.compare import plot_forest, plot_keyness, plot_reuse, render_side_by_side
from analysis.pipeline import analyse_corpus
from analysis.report import execute_notebook
from analysis.synthetic import write_synthetic_corpus
from analysis.tables import AnalysisTables, collect_tables

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "notebooks" / "03-same-event-comparison.ipynb"
EVENT = "kp-ru-treaty-ratification-2024-11"
UPI, OTHER = "UPI", "Unattributed (AP-style dateline)"
FIVE = {"reuse", "alignment", "claims", "keyness", "stats"}


@pytest.fixture(scope="module")
def seed_tables() -> AnalysisTables:
    return collect_tables(analyse_corpus(REPO / "seeds", progress=False))


@pytest.fixture(scope="module")
def synthetic_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_synthetic_corpus(tmp_path_factory.mktemp("syn") / "corpus.csv", n_events=6, seed=3)


@pytest.fixture(scope="module")
def synthetic_tables(synthetic_path: Path) -> AnalysisTables:
    return collect_tables(analyse_corpus(synthetic_path, progress=False))


def test_seed_tables_hand_checked(seed_tables: AnalysisTables) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = compare_tables(seed_tables)
    assert FIVE <= set(c) and set(c) == set(COMPARISON_TABLES)
    # one event, two outlets -> one article pair; the rewrite shares little wording with UPI
    assert len(c["reuse"]) == 1 and c["reuse"]["event_id"].iloc[0] == EVENT
    # alignment: one row per sentence of each article against the other: 14 (002) + 16 (000)
    assert len(c["alignment"]) == 14 + 16
    # keyness: pooled and the one event, the same pair, no p-values (one article per side)
    k = c["keyness"]
    assert set(k["scope"]) == {"pooled", EVENT}
    assert set(zip(k["outlet_a"], k["outlet_b"], strict=True)) == {(UPI, OTHER)}
    assert k["p_value"].isna().all()
    # stats: the pooled block pairs within the shared event (n = 1) and supports no inference
    s = c["stats"]
    pooled = s[(s["scope"] == "pooled") & (s["contrast"] == "pair")].set_index("metric")
    assert (pooled["design"] == PAIRED).all() and (pooled["status"] == "described").all()
    assert (pooled["note"].str.contains(NO_INFERENCE) | pooled["note"].str.startswith("no defined value")).all()
    assert pooled.loc["n_sentences", "difference"] == 14 - 16  # UPI 14 sentences, rewrite 16
    assert s["ci_low"].isna().all() and s["p_adjusted"].isna().all()
    # event filter gives the same same-event tables and only that event's scope
    one = compare_tables(seed_tables, EVENT)
    assert set(one["keyness"]["scope"]) == {EVENT} and set(one["stats"]["scope"]) == {EVENT}
    assert len(one["alignment"]) == 30
    assert compare_tables(seed_tables, "no-such-event")["reuse"].empty
    summary = event_summary(seed_tables.articles)
    assert summary.to_dict("records") == [{"event_id": EVENT, "n_articles": 2, "n_outlets": 2,
                                           "outlets": f"{UPI}; {OTHER}"}]


def test_write_comparison_writes_every_table_in_both_formats(seed_tables: AnalysisTables, tmp_path: Path) -> None:
    paths = write_comparison(seed_tables, tmp_path / "cmp")
    for name in COMPARISON_TABLES:
        csv, parquet = tmp_path / "cmp" / f"{name}.csv", tmp_path / "cmp" / f"{name}.parquet"
        assert paths[f"{name}.csv"] == csv and csv.is_file() and parquet.is_file()
        a, b = pd.read_csv(csv), pd.read_parquet(parquet)
        assert list(a.columns) == list(b.columns) and len(a) == len(b)
    stats = pd.read_parquet(tmp_path / "cmp" / "stats.parquet")
    assert {"metric", "outlet_a", "outlet_b", "difference", "ci_low", "ci_high", "hedges_g", "p_adjusted",
            "n_a", "n_b"} <= set(stats.columns)
    again = write_comparison(seed_tables, tmp_path / "cmp2")
    for name, path in paths.items():  # deterministic: a second run writes the same bytes
        if name.endswith(".csv"):
            assert path.read_bytes() == again[name].read_bytes()


SMALL = CompareSettings(min_articles=3)  # the synthetic corpus has 6 events: test outlets from 3 on


def test_synthetic_multi_event_paired_statistics(synthetic_tables: AnalysisTables) -> None:
    c = compare_tables(synthetic_tables, n_boot=500, settings=SMALL)
    s = c["stats"]
    events = sorted(synthetic_tables.articles["event_id"].unique())
    assert set(s["scope"]) == {"pooled", *events}
    pooled = s[(s["scope"] == "pooled") & (s["target"] == "") & s["contrast"].isin(["pair", "outlet_vs_rest"])]
    # every outlet covers every event once: paired within events, n = number of events
    assert (pooled["design"] == PAIRED).all()
    assert (pooled["n_a"] <= len(events)).all()  # fewer where a metric is undefined (e.g. SMOG < 30 sentences)
    assert (pooled.loc[pooled["metric"] == "n_sentences", "n_a"] == len(events)).all()
    defined = pooled[pooled["p_value"].notna()]
    assert not defined.empty and (defined["ci_low"] <= defined["difference"]).all()
    assert (defined["difference"] <= defined["ci_high"]).all()
    assert (defined["p_adjusted"] >= defined["p_value"]).all()
    # per event: one article per outlet -> descriptive only
    per_event = s[s["scope"] != "pooled"]
    assert per_event["p_value"].isna().all()
    # pairwise work stays within events: no reuse pair or alignment row crosses events
    arts = synthetic_tables.articles.set_index("article_id")["event_id"]
    reuse = c["reuse"]
    assert (reuse["article_a"].map(arts) == reuse["article_b"].map(arts)).all()
    assert (c["alignment"]["article_a"].map(arts) == c["alignment"]["article_b"].map(arts)).all()
    # pooled keyness has replicated texts -> article-level p-values
    k = c["keyness"]
    assert k.loc[k["scope"] == "pooled", "p_value"].notna().any()


def test_figures_have_captions_and_say_when_descriptive(seed_tables: AnalysisTables,
                                                        synthetic_tables: AnalysisTables) -> None:
    seeds = compare_tables(seed_tables)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        key = plot_keyness(seeds["keyness"])
        forest = plot_forest(seeds["stats"])
        reuse = plot_reuse(seeds["reuse"])
        empty = plot_keyness(seeds["keyness"].iloc[0:0])
    assert "Descriptive only" in key.caption and "Hardie" in key.caption
    assert "cannot support inference" in forest.caption and "Benjamini" in forest.caption
    assert "Nicholls" in reuse.caption and "1 article pair(s) in 1 event(s)" in reuse.caption
    assert "nothing is plotted" in empty.caption
    syn = compare_tables(synthetic_tables, n_boot=200, settings=SMALL)
    f2 = plot_forest(syn["stats"][syn["stats"]["contrast"] == "pair"])
    assert "paired within events" in f2.caption and "cannot support" not in f2.caption
    assert "permutation" in plot_keyness(syn["keyness"]).caption
    html = render_side_by_side(seeds["alignment"], seed_tables.sentences)
    assert html.count('<table class="mc-side">') == 1
    assert "only A" in html and "UPI" in html and "&lt;" not in html.split("</style>")[0]


def test_forest_plot_with_many_outlets_keeps_the_smallest_q() -> None:
    """20 outlets against the rest on one metric: the 8 rows with the smallest q are drawn, and the caption
    says the other 12 are in the stats table."""
    rows = [{"scope": "pooled", "metric": "flesch_reading_ease", "target": "", "contrast": "outlet_vs_rest",
             "outlet_a": f"O{i:02d}", "outlet_b": "(all other outlets)", "n_a": 10, "n_b": 190,
             "difference": 1.0 + i, "ci_low": 0.5 + i, "ci_high": 1.5 + i, "p_adjusted": 0.001 * (20 - i),
             "p_value": 0.0005 * (20 - i), "design": "independent articles", "status": "tested", "note": ""}
            for i in range(20)]
    forest = plot_forest(pd.DataFrame(rows))
    labels = [t.get_text() for t in forest.figure.axes[0].get_yticklabels()]
    assert [lab.split(" − ")[0] for lab in labels] == [f"O{i:02d}" for i in range(12, 20)]
    assert "the 8 of 20 contrasts with the smallest q" in forest.caption


def test_keyness_bars_take_the_outlet_colours_of_the_other_figures() -> None:
    """Outlet 'B' against the rest, in a table of outlets A, B, C: B's bars get B's colour among A, B, C (the
    second Okabe–Ito colour, as in every other figure of the report), the rest's bars the neutral grey (the
    pair alone gave '(all other outlets)' the first colour, which is A's elsewhere, and B the second)."""
    from matplotlib.colors import to_hex

    from analysis.compare.contrasts import REST
    from analysis.figures.style import NEUTRAL, PALETTE

    rows = [{"scope": "pooled", "outlet_a": o, "outlet_b": REST, "term": f"{o.lower()}{t}", "count_a": 5,
             "count_b": 1, "total_a": 100, "total_b": 200, "log_ratio": lr, "g2": 9.0 - t, "p_value": 0.01,
             "p_adjusted": 0.02, "n_articles_a": 3, "n_articles_b": 6, "note": "", "rank": t + 1}
            for o in ("A", "B", "C") for t, lr in enumerate((2.0, -1.5))]
    plot = plot_keyness(pd.DataFrame(rows), outlet_a="B", outlet_b=REST)
    ax = plot.figure.axes[0]
    colours = {ax.get_yticklabels()[i].get_text(): to_hex(bar.get_facecolor()) for i, bar in enumerate(ax.patches)}
    assert colours == {"b0": to_hex(PALETTE[1]), "b1": to_hex(NEUTRAL)}


def test_keyness_axis_label_names_both_sides_in_full() -> None:
    """A long outlet name against the rest: the axis label holds both names whole (it was cut to 18 characters,
    "New York Times (O… ÷ (all other…"), wrapped, and stays inside the figure."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from analysis.compare.contrasts import REST

    name = "New York Times (Online News)"
    rows = [{"scope": "pooled", "outlet_a": name, "outlet_b": REST, "term": f"t{t}", "count_a": 5, "count_b": 1,
             "total_a": 100, "total_b": 200, "log_ratio": lr, "g2": 9.0 - t, "p_value": 0.01, "p_adjusted": 0.02,
             "n_articles_a": 3, "n_articles_b": 6, "note": "", "rank": t + 1} for t, lr in enumerate((2.0, -1.5))]
    plot = plot_keyness(pd.DataFrame(rows), outlet_a=name, outlet_b=REST)
    label = plot.figure.axes[0].xaxis.label
    assert name in label.get_text().replace("\n", " ") and REST in label.get_text().replace("\n", " ")
    assert "…" not in label.get_text()
    canvas = FigureCanvasAgg(plot.figure)
    canvas.draw()
    box = label.get_window_extent(canvas.get_renderer())
    assert box.x0 >= 0 and box.x1 <= plot.figure.bbox.width and box.y0 >= 0


def test_forest_plot_names_the_contrasts_once_per_row_of_panels() -> None:
    """Six metrics (two columns of panels) for three long outlet names: the contrast names stand beside the first
    column only, every panel keeps at least a third of the figure's width for its own axis, and every text
    (titles, names, q) stays inside the figure (names repeated beside each column squeezed the panels)."""
    names = ["Fox News (Online News)", "The Hill", "Washington Examiner"]
    metrics = ["ari", "coleman_liau", "new_dale_chall", "flesch_kincaid_grade", "flesch_reading_ease", "gunning_fog"]
    rows = [{"scope": "pooled", "metric": m, "target": "", "contrast": "pair", "outlet_a": a, "outlet_b": b,
             "n_a": 20, "n_b": 20, "difference": 0.5, "ci_low": -1.0, "ci_high": 2.0, "p_adjusted": 1.0,
             "p_value": 0.5, "design": "independent articles", "status": "tested", "note": ""}
            for m in metrics for i, a in enumerate(names) for b in names[i + 1:]]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from analysis.figures.style import style_context

    fig = plot_forest(pd.DataFrame(rows)).figure
    canvas = FigureCanvasAgg(fig)
    with style_context():
        canvas.draw()
        drawn = fig.get_tightbbox(canvas.get_renderer())  # every drawn artist (titles, names, q), in inches
    panels = [ax for ax in fig.axes if ax.axison]
    first = [ax for ax in panels if ax.get_position().x0 < 0.5]
    second = [ax for ax in panels if ax.get_position().x0 >= 0.5]
    assert len(first) == len(second) == 3
    assert all(ax.get_yticklabels()[0].get_text().startswith("Fox News") for ax in first)
    assert all({t.get_text() for t in ax.get_yticklabels()} == {""} for ax in second)
    assert all(ax.get_position().width > 0.2 for ax in panels)
    w, h = fig.get_size_inches()
    assert drawn.x0 >= -0.01 and drawn.y0 >= -0.01 and drawn.x1 <= w + 0.01 and drawn.y1 <= h + 0.01


def execute(tmp_path: Path, corpus: Path, event: str = "") -> nbformat.NotebookNode:
    return execute_notebook(NOTEBOOK, tmp_path / NOTEBOOK.name, {
        "corpus": str(corpus), "tables_dir": "", "output_dir": str(tmp_path / "out"), "event": event})


def check_clean_run(nb: nbformat.NotebookNode, tmp_path: Path) -> None:
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert [o for o in outputs if o.output_type == "stream" and o.name == "stderr"] == []
    names = {p.stem for p in (tmp_path / "out" / "figures").glob("*.png")}
    assert {"text_reuse"} <= names and any(n.startswith("keyness") for n in names)


def test_notebook_runs_on_the_seeds(tmp_path: Path) -> None:
    nb = execute(tmp_path, REPO / "seeds")
    check_clean_run(nb, tmp_path)
    text = "\n".join(str(o.get("data", {}).get("text/markdown", "")) for c in nb.cells if c.cell_type == "code"
                     for o in c.outputs)
    assert "cannot support inference" in text


def test_notebook_runs_on_a_synthetic_multi_event_corpus(tmp_path: Path, synthetic_path: Path) -> None:
    check_clean_run(execute(tmp_path, synthetic_path), tmp_path)
    one = tmp_path / "one"
    one.mkdir()
    check_clean_run(execute(one, synthetic_path, event="syn-event-0002"), one)


def test_many_articles_without_event_id_are_grouped_not_all_pairs(synthetic_tables: AnalysisTables) -> None:
    """18 synthetic articles (6 events × 3 outlets) with their event ids removed: up to max_all they are one
    event "all" (every cross-outlet pair aligned); above it they are grouped with group_events, the events
    table says so, and no pair crosses an automatic event."""
    arts = synthetic_tables.articles.assign(event_id="")
    t = dataclasses.replace(synthetic_tables, articles=arts)
    as_one = compare_tables(t, n_boot=50, max_all=18)
    assert set(as_one["events"]["event_id"]) == {"all"}
    assert (as_one["events"]["method"] == "no event id: one event 'all'").all()
    assert len(as_one["reuse"]) == 18 * 17 // 2  # all pairs
    grouped = compare_tables(t, n_boot=50, max_all=17)
    ev = grouped["events"]
    assert len(ev) == 18 and ev["event_id"].str.startswith("auto-").all()
    assert ev["method"].str.startswith("grouped automatically: 18 articles without event id (more than 17); ").all()
    event_of = dict(zip(ev["article_id"], ev["event_id"], strict=True))
    r = grouped["reuse"]
    assert all(event_of[a] == event_of[b] for a, b in zip(r["article_a"], r["article_b"], strict=True))
    assert len(r) < len(as_one["reuse"])
    assert set(compare_tables(t, event="all", n_boot=50, max_all=17)["events"]["event_id"]) == {"all"}


def test_near_duplicates_are_found_across_events(tmp_path) -> None:
    import pandas as pd

    from analysis.pipeline import analyse_corpus
    from analysis.tables import collect_tables

    wire = ("WASHINGTON (AP) — The Senate passed the spending bill on Friday after a long debate. "
            "Lawmakers said the vote was close and that talks would resume next week.")
    other = "LONDON (Reuters) - Heavy rain flooded parts of the city on Monday, officials said. Trains stopped."
    path = tmp_path / "c.csv"
    pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["O1", "O2", "O1"], "event_id": ["e1", "e2", "e1"],
                  "text": [wire, wire, other]}).to_csv(path, index=False)
    out = compare_tables(collect_tables(analyse_corpus(path)))
    nd = out["near_duplicates"]
    # the same 28-word body in two events: every 5-gram shared both ways
    assert list(zip(nd["article_a"], nd["article_b"], strict=True)) == [("a", "b")]
    assert (nd["containment_a_in_b"].iloc[0], nd["containment_b_in_a"].iloc[0]) == (1.0, 1.0)
    assert (nd["event_a"].iloc[0], nd["event_b"].iloc[0]) == ("e1", "e2")
    # one event chosen: only pairs touching it
    assert len(compare_tables(collect_tables(analyse_corpus(path)), event="e2")["near_duplicates"]) == 1


def test_auto_grouped_event_can_be_selected(tmp_path) -> None:
    from analysis.pipeline import analyse_corpus
    from analysis.synthetic import make_synthetic_corpus
    from analysis.tables import collect_tables

    corpus = make_synthetic_corpus(n_events=3, seed=3).drop(columns=["event_id"])
    path = tmp_path / "c.csv"
    corpus.to_csv(path, index=False)
    tables = collect_tables(analyse_corpus(path))
    every = compare_tables(tables, max_all=2)  # 9 articles without ids > 2: grouped automatically
    auto = sorted(set(every["events"]["event_id"]))
    assert auto and all(e.startswith("auto-") for e in auto)
    one = compare_tables(tables, event=auto[0], max_all=2)
    assert set(one["events"]["event_id"]) == {auto[0]}
    assert set(one["alignment"]["event_id"]) <= {auto[0]}
    # the same articles asked for as the one event "all": no grouping
    assert set(compare_tables(tables, event="all", max_all=2)["events"]["event_id"]) == {"all"}


def test_compare_options_become_settings(capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.cli import build_parser, compare_settings, main

    args = build_parser().parse_args(["compare", "c.csv", "-o", "out", "--contrast", "Fox News:HuffPost",
                                      "--contrast", "A:B", "--min-articles", "5", "--keyness-keep", "outlet-names",
                                      "--keyness-keep", "stopwords", "--resamples", "500", "--per-event", "no"])
    s = compare_settings(args)
    assert s.contrasts == ("Fox News:HuffPost", "A:B") and s.min_articles == 5 and s.n_boot == 500
    assert s.per_event is False and s.stopwords is False
    assert s.terms.outlet_names is False and s.terms.bylines and s.terms.party_tags and s.terms.phrases
    default = compare_settings(build_parser().parse_args(["compare", "c.csv", "-o", "out"]))
    assert default == CompareSettings()
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", "c.csv", "-o", "out", "--contrast", "Fox News"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "expected two different outlets as A:B" in err


def test_event_batches_give_the_tables_of_each_event(synthetic_tables: AnalysisTables) -> None:
    """Pairs never cross events, so comparing whole events in batches of any size gives exactly the
    concatenation, in event order, of each event compared alone; an event of one article gives no rows."""
    from analysis.compare import run

    arts = synthetic_tables.articles.copy()
    lone = arts.index[arts["event_id"] == "syn-event-0003"][0]
    arts.loc[lone, "event_id"] = "syn-event-0003b"  # a one-article event between two 3-article events
    base = arts[arts["status"] == "analysed"]
    sentences, claims = synthetic_tables.sentences, synthetic_tables.records.get("claims")
    one_by_one: dict[str, list[pd.DataFrame]] = {name: [] for name in run.EVENT_TABLES}
    for _, group in base.groupby("event_id", sort=True):
        if len(group) < 2:
            continue
        ids = set(group["article_id"])
        cl = claims[claims["article_id"].isin(ids)] if claims is not None else None
        for name, df in run.compare_event(group, sentences[sentences["article_id"].isin(ids)], cl).items():
            one_by_one[name].append(df)
    expected = {name: pd.concat(frames, ignore_index=True) for name, frames in one_by_one.items()}
    assert len(expected["alignment"]) > 0 and len(expected["reuse"]) > 0
    batches = {}
    calls: list[int] = []
    compare_event = run.compare_event

    def counted(arts: pd.DataFrame, *rest: object) -> dict[str, pd.DataFrame]:
        calls.append(len(arts))
        return compare_event(arts, *rest)

    for size in (1, 4, 1000):  # every event alone; whole events of about 4 articles; everything in one batch
        batches[size] = [len(a) for a, _, _ in run.event_batches(base, sentences, claims, size=size)]
        orig, run.EVENT_BATCH_ARTICLES, run.compare_event = run.EVENT_BATCH_ARTICLES, size, counted
        calls.clear()
        try:
            got = run.event_tables(base, sentences, claims)  # the module's batch size, read at call time
        finally:
            run.EVENT_BATCH_ARTICLES, run.compare_event = orig, compare_event
        assert calls == batches[size]  # one compare_event call per batch
        for name in run.EVENT_TABLES:
            pd.testing.assert_frame_equal(got[name], expected[name])
    # events in order: 3, 3, 3, 2 articles, the lone one (left out), 3, 3. Batch b holds the events whose
    # running article count c has (c - 1) // size == b: c = 3, 6, 9, 11, 14, 17
    assert batches[1] == [3, 3, 3, 2, 3, 3] and batches[4] == [3, 3, 5, 3, 3] and batches[1000] == [17]


def test_keyness_figure_defaults_to_the_largest_contrast() -> None:
    """With many outlets the first contrast by name is arbitrary (on the roundups report: a 9-article outlet among
    145); the default is the contrast with the most words on its first side (the largest outlet against the rest),
    ties to the first."""
    from analysis.compare.contrasts import REST

    def rows(totals: dict[str, int]) -> pd.DataFrame:
        return pd.DataFrame([{"scope": "pooled", "outlet_a": o, "outlet_b": REST, "term": f"{o.lower()}{t}",
                              "count_a": 5, "count_b": 1, "total_a": n, "total_b": 2000 - n, "log_ratio": lr,
                              "g2": 9.0 - t, "p_value": 0.01, "p_adjusted": 0.02, "n_articles_a": 3,
                              "n_articles_b": 6, "note": "", "rank": t + 1}
                             for o, n in totals.items() for t, lr in enumerate((2.0, -1.5))])

    def shown(plot) -> set[str]:
        return {t.get_text() for t in plot.figure.axes[0].get_yticklabels()}

    assert shown(plot_keyness(rows({"A": 100, "B": 500, "C": 100}))) == {"b0", "b1"}
    assert shown(plot_keyness(rows({"A": 100, "B": 100}))) == {"a0", "a1"}  # a tie: the first
