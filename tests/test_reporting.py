"""Report content: number formats, generated findings sentences, summaries, exports, escaping, table width.

Expected values are worked by hand from small hand-made tables (not printed by the code and pasted).
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest

from analysis.model import MediacompareError
from analysis.reporting.display import article_rows, article_table_html, differences_html, summary_html
from analysis.reporting.evidence import evidence_page, evidence_rows, sentence_texts
from analysis.reporting.exports import paper_summary, to_latex, to_markdown, write_paper_table
from analysis.reporting.findings import (
    DIFFERENCES,
    NO_INFERENCE,
    NONE_SIGNIFICANT,
    CorpusFacts,
    corpus_facts,
    corpus_sentences,
    difference_sentence,
    findings,
)
from analysis.reporting.html import MAX_COLUMNS, Cell, esc, html_table, slug
from analysis.reporting.labels import (
    count_noun,
    format_article_value,
    format_g,
    format_number,
    format_p,
    format_value,
    metric_label,
)
from analysis.reporting.paper import bibtex, cited_keys, methods_document, references
from analysis.reporting.stats_source import PAIRED, PAIRWISE_COLUMNS, pairwise
from analysis.reporting.summary import outlet_summary, undefined_summary
from analysis.reporting.undefined import merge_reasons

NAN = float("nan")
METRIC_COLUMNS = ["article_id", "outlet", "family", "metric", "target", "value", "note"]


# ----------------------------------------------------------------------------- number formats


@pytest.mark.parametrize(("value", "decimals", "percent", "signed", "expected"), [
    (1234.5, 1, False, False, "1,234.5"),
    (-0.41, 2, False, False, "−0.41"),  # U+2212 minus
    (0.253, 1, True, False, "25.3"),  # shares as percentages
    (-0.001, 2, False, False, "0.00"),  # rounds to zero: no minus sign
    (1.9, 1, False, True, "+1.9"),
    (0.0, 1, False, True, "0.0"),  # no "+" on zero
    (NAN, 2, False, False, "n/a"),
])
def test_format_number(value: float, decimals: int, percent: bool, signed: bool, expected: str) -> None:
    assert format_number(value, decimals, percent, signed) == expected


def test_format_value_by_kind() -> None:
    count = metric_label("n_anonymous_sources")
    assert count.kind == "count"
    assert format_article_value(14.0, count) == "14"  # one article's count: never 14.000000
    assert format_value(14.0, count) == "14.0" and format_value(1.26, count) == "1.3"  # means keep one decimal
    assert format_value(0.25, metric_label("quoted_word_share")) == "25.0"  # share in %
    assert format_value(11.678, metric_label("dale_chall_score")) == "11.68"  # score: 2 decimals
    assert format_value(17.24, metric_label("flesch_reading_ease")) == "17.2"  # Flesch: 1 decimal by its entry
    unknown = metric_label("no_such_metric")
    assert unknown.label == "no such metric" and format_value(0.12345, unknown) == "0.12"


def test_p_g_and_counts() -> None:
    assert format_p(0.0031) == "q = 0.003" and format_p(0.0004) == "q < 0.001" and format_p(NAN) == "no q"
    assert format_g(-0.4149) == "−0.41" and format_g(5.9e15) == "n/a"  # near-zero variance is not an effect
    assert count_noun(2, "article", words=True) == "two articles"
    assert count_noun(1, "outlet", words=True) == "one outlet" and count_noun(1234, "article") == "1,234 articles"


# ----------------------------------------------------------------------------- findings sentences


def stats_row(metric: str, a: str, b: str, diff: float, lo: float, hi: float, g: float, q: float, n: int = 100,
              design: str = PAIRED, target: str = "", contrast: str = "pair") -> dict[str, object]:
    return {"metric": metric, "target": target, "contrast": contrast, "outlet_a": a, "outlet_b": b, "n_a": n,
            "n_b": n, "mean_a": NAN,
            "mean_b": NAN, "difference": diff, "ci_low": lo, "ci_high": hi, "hedges_g": g, "cliffs_delta": NAN,
            "p_value": q / 2, "p_adjusted": q, "design": design, "note": ""}


def test_difference_sentence_issue_example() -> None:
    row = stats_row("n_anonymous_sources", "HuffPost", "Fox News", -1.9, -2.6, -1.2, -0.41, 0.003)
    assert difference_sentence(row) == ("HuffPost quotes anonymous sources less often than Fox News: −1.9 per article "
                                        "[95% CI −2.6, −1.2], Hedges' g_av −0.41, q = 0.003, 100 paired events.")


def test_outlet_against_the_rest_as_a_sentence() -> None:
    """Many outlets: an outlet against all other articles (independent) or the other outlets of its events."""
    row = stats_row("n_anonymous_sources", "HuffPost", "(all other outlets)", -1.9, -2.6, -1.2, -0.41, 0.003,
                    contrast="outlet_vs_rest", design="independent articles")
    row["n_b"] = 900
    assert difference_sentence(row) == ("HuffPost quotes anonymous sources less often than the other outlets' "
                                        "articles pooled: −1.9 per article [95% CI −2.6, −1.2], Hedges' g −0.41, "
                                        "q = 0.003, 100 vs 900 articles.")
    paired = stats_row("n_anonymous_sources", "HuffPost", "(all other outlets)", -1.9, -2.6, -1.2, -0.41, 0.003,
                       contrast="outlet_vs_rest")
    assert "less often than the other outlets covering the same events: −1.9" in difference_sentence(paired)
    stats = pd.DataFrame([row, {**stats_row("n_sources", "", "", NAN, NAN, NAN, NAN, 0.001, contrast="omnibus")}],
                         columns=PAIRWISE_COLUMNS)
    result = findings(stats, FACTS_300, {("n_anonymous_sources", ""), ("n_sources", "")})
    # the omnibus test counts among the comparisons but names no direction: one sentence, from the outlet row
    assert result.mode == DIFFERENCES and len(result.items) == 1 and "2 comparisons" in result.intro
    assert (result.items[0].outlet_a, result.items[0].outlet_b) == ("HuffPost", "")  # links to its sentences only


def test_difference_sentence_default_phrase_target_and_independent_design() -> None:
    # the frame phrase names its target; independent design: article counts; 0.125 rounds half to even
    row = stats_row("frame_score", "A", "B", 0.125, 0.05, 0.2, 0.5, 0.0004, design="independent articles",
                    target="human_interest")
    row["n_b"] = 38
    assert difference_sentence(row) == ("A uses the human interest frame more than B: +0.12 share of items, 0–1 "
                                        "[95% CI 0.05, 0.20], Hedges' g 0.50, q < 0.001, 100 vs 38 articles.")
    # a phrase naming its target
    row = stats_row("sources_by_type", "A", "B", -0.5, -0.9, -0.1, -0.3, 0.02, target="state media")
    assert difference_sentence(row).startswith("A quotes fewer state media sources than B: −0.5 per article")
    # no phrase in the labels: the template's default, the label lower-cased inside the sentence ...
    row = stats_row("median_words_per_sentence", "A", "B", 1.6, 1.5, 1.7, 2.9, 0.002)
    assert difference_sentence(row).startswith("A is higher on median sentence length than B: +1.6 words")
    # ... unless it starts with a name (marked proper) or an initialism
    assert metric_label("smog_index").in_sentence() == "SMOG"
    assert metric_label("flesch_reading_ease").in_sentence() == "Flesch Reading Ease"
    row = stats_row("gunning_fog", "A", "B", 1.25, 0.5, 2.0, 0.6, 0.01)
    assert difference_sentence(row).startswith(
        "A is higher on Gunning fog than B: +1.2 US school grade [95% CI 0.5, 2.0]")  # 1.25 -> 1.2 (half to even)
    # shares: the difference is in percentage points
    row = stats_row("quoted_word_share", "A", "B", 0.052, 0.01, 0.09, 0.3, 0.01)
    assert "A gives more of its text to direct quotes than B: +5.2 percentage points [95% CI 1.0, 9.0]" in \
        difference_sentence(row)


FACTS_300 = CorpusFacts(300, {"A": 100, "B": 100, "C": 100}, 100, 100, 0, {})


def test_only_bh_survivors_are_called_differences() -> None:
    rows = [stats_row("n_anonymous_sources", "A", "B", -1.0, -1.5, -0.5, -0.3, 0.01),  # q ≤ .05: a difference
            stats_row("n_named_sources", "A", "B", 2.0, 1.0, 3.0, 0.9, 0.049),  # a difference, larger |g|: first
            stats_row("n_sources", "A", "B", 0.5, -0.1, 1.1, 0.1, 0.2),  # q > .05: not called one
            stats_row("n_words", "A", "B", 50.0, 20.0, 80.0, 1.5, 0.001),  # finding: false in the labels
            stats_row("mentions_per_1000_words", "A", "B", 3.0, 1.0, 5.0, 2.0, 0.001, target="Kim")]  # not in keys
    stats = pd.DataFrame(rows, columns=PAIRWISE_COLUMNS)
    keys = {("n_anonymous_sources", ""), ("n_named_sources", ""), ("n_sources", ""), ("n_words", "")}
    result = findings(stats, FACTS_300, keys)
    assert result.mode == DIFFERENCES
    assert [f.metric for f in result.items] == ["n_named_sources", "n_anonymous_sources"]
    assert result.intro.startswith("2 outlet differences survive the Benjamini–Hochberg correction at a false "
                                   "discovery rate of 0.05 across the 5 comparisons with a p-value.")
    assert result.items[0].text.startswith("A quotes named sources more often than B: +2.0 per article")
    assert result.more == ""
    assert findings(stats, FACTS_300, keys, top=1).more == "1 further differences are listed in the statistics table."


def test_none_significant_says_so() -> None:
    stats = pd.DataFrame([stats_row("n_sources", "A", "B", 0.5, -0.1, 1.1, 0.1, 0.2)], columns=PAIRWISE_COLUMNS)
    result = findings(stats, FACTS_300, {("n_sources", "")})
    assert result.mode == NONE_SIGNIFICANT and result.items == []
    assert result.intro.startswith("No outlet difference survives the Benjamini–Hochberg correction at a false "
                                   "discovery rate of 0.05 across the 1 comparisons with a p-value")


def test_no_inference_wording_and_description() -> None:
    facts = CorpusFacts(2, {"UPI": 1, "Wire": 1}, 1, 1, 0, {})
    stats = pd.DataFrame([{**stats_row("n_sources", "UPI", "Wire", 3.0, NAN, NAN, NAN, NAN, n=1), "p_value": NAN}],
                         columns=PAIRWISE_COLUMNS)
    summary = pd.DataFrame({"family": "sourcing", "metric": "n_sources", "target": "", "outlet": ["UPI", "Wire"],
                            "mean": [12.0, 9.0]})
    result = findings(stats, facts, {("n_sources", "")}, summary)
    assert result.mode == NO_INFERENCE
    assert result.intro.startswith("This report describes two articles from two outlets and draws no inference: "
                                   "each outlet has one article.")
    assert [f.text for f in result.items] == ["Sources (distinct sources per article): UPI 12; Wire 9."]
    one = findings(stats.iloc[0:0], CorpusFacts(3, {"UPI": 3}, 0, 0, 3, {}))
    assert one.mode == NO_INFERENCE and "the corpus has a single outlet" in one.intro


def test_corpus_facts_and_sentences() -> None:
    arts = pd.DataFrame({
        "article_id": ["a", "b", "c", "d", "e", "f"],
        "outlet": ["X", "Y", "X", "Y", None, "X"],
        "event_id": ["e1", "e1", "e2", "", "e3", "e4"],
        "status": ["analysed", "analysed", "analysed", "analysed", "analysed", "not_english"],
    })
    facts = corpus_facts(arts)
    # analysed: a b c d e; outlets X 2, Y 2, (no outlet) 1; events e1 e2 e3 (d has none); e1 has X and Y
    assert facts == CorpusFacts(5, {"(no outlet)": 1, "X": 2, "Y": 2}, 3, 1, 1, {"not_english": 1})
    assert corpus_sentences(facts) == [
        "5 articles from 3 outlets ((no outlet) 1; X 2; Y 2), covering 3 events.",
        "Events covered by at least two outlets (outlets compared within events): 1.",
        "1 input article not analysed: not_english 1 (reasons in the corpus table).",
    ]


# ----------------------------------------------------------------------------- summaries


def metrics_frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=METRIC_COLUMNS)


def articles_frame(outlets: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": list(outlets), "outlet": list(outlets.values()), "event_id": "",
                         "status": "analysed", "title": [f"Title {a}" for a in outlets], "published": "2024-01-01"})


def test_outlet_summary_hand_computed() -> None:
    # outlet A: n_sources 1, 2, 3, 4 -> mean 2.5, median 2.5, Q1 1.75, Q3 3.25 (linear interpolation)
    # outlet B: 5 and an undefined value (empty body)
    rows = [(f"a{i}", "A", "sourcing", "n_sources", "", float(v), "") for i, v in enumerate([1, 2, 3, 4])]
    rows += [("b0", "B", "sourcing", "n_sources", "", 5.0, ""), ("b1", "B", "sourcing", "n_sources", "", NAN,
                                                                   "empty body: nothing to attribute")]
    m = metrics_frame(rows)
    arts = articles_frame({"a0": "A", "a1": "A", "a2": "A", "a3": "A", "b0": "B", "b1": "B"})
    s = outlet_summary(m, arts, "sourcing", n_boot=500)
    a = s[s["outlet"] == "A"].iloc[0]
    assert (a["n"], a["n_undefined"], a["mean"], a["median"], a["q1"], a["q3"]) == (4, 0, 2.5, 2.5, 1.75, 3.25)
    assert 1.0 <= a["ci_low"] <= 2.5 <= a["ci_high"] <= 4.0  # a percentile interval of resampled means
    b = s[s["outlet"] == "B"].iloc[0]
    assert (b["n"], b["n_undefined"], b["mean"]) == (1, 1, 5.0)
    assert math.isnan(b["ci_low"])  # one defined value: no interval
    assert b["undefined_reason"] == "empty body: nothing to attribute"
    assert undefined_summary(m, arts, "sourcing") == [
        "Sources undefined for 1 of 6 articles: empty body: nothing to attribute."]


def test_undefined_reasons_merge_numbers_that_differ() -> None:
    notes = ["SMOG is defined on samples of at least 30 sentences; the body has 14",
             "SMOG is defined on samples of at least 30 sentences; the body has 16", "no body"]
    assert merge_reasons(notes) == [(2, "SMOG is defined on samples of at least 30 sentences; the body has N"),
                                    (1, "no body")]
    # SMOG has its own short reason in the labels file; never an article id
    m = metrics_frame([("x1", "X", "readability", "smog_index", "", NAN, notes[0]),
                       ("x2", "X", "readability", "smog_index", "", NAN, notes[1]),
                       ("x3", "X", "readability", "smog_index", "", 9.5, "")])
    lines = undefined_summary(m, articles_frame({"x1": "X", "x2": "X", "x3": "X"}), "readability")
    assert lines == ["SMOG undefined for 2 of 3 articles: fewer than 30 sentences."]


# ----------------------------------------------------------------------------- HTML tables


def test_tables_never_wider_than_max_columns() -> None:
    with pytest.raises(MediacompareError, match="at most 12"):
        html_table("t", [f"c{i}" for i in range(MAX_COLUMNS + 1)], [])
    m = metrics_frame([("a", "A", "readability", name, "", 10.0, "") for name in
                       ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                        "coleman_liau_index", "automated_readability_index", "dale_chall_score", "n_words",
                        "n_sentences", "n_paragraphs", "mean_words_per_sentence", "mtld"]])
    cols, rows = article_rows(m, articles_frame({"a": "A"}), "readability")
    html = article_table_html(cols, rows, "readability")
    assert len(re.findall(r"<th[ >]", html)) == 11 <= MAX_COLUMNS  # 3 + 7 flagged metrics + id
    head = re.findall(r"<th[^>]*>([^<]*)</th>", html)
    assert head[:3] == ["Outlet", "Date", "Headline (or lead)"] and head[-1] == "Article id"  # id last
    assert "Title a" in html


def test_untrusted_text_is_escaped() -> None:
    evil = '<img src=x onerror=alert(1)>"'
    summary = pd.DataFrame([{"family": "sourcing", "metric": "n_sources", "target": "", "outlet": evil, "n": 2,
                             "n_undefined": 0, "undefined_reason": "", "mean": 1.0, "ci_low": 0.5, "ci_high": 1.5,
                             "median": 1.0, "q1": 0.5, "q3": 1.5}])
    html = summary_html(summary, "sourcing")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;&quot;" in html
    assert esc("a&b") == "a&amp;b" and Cell("x", href='"><script>').html().count("<script>") == 0
    diff = pd.DataFrame([{**stats_row("n_sources", evil, "B", 1.0, 0.5, 1.5, 0.5, 0.01), "family": "sourcing"}])
    assert "<img" not in differences_html(diff, "sourcing")


def test_slugs_are_safe_and_distinct() -> None:
    assert slug("Fox News") != slug("Fox  News") and re.fullmatch(r"[a-z0-9-]+", slug("../../etc/passwd <x>"))


# ----------------------------------------------------------------------------- exports


def test_summary_exports_hand_derived(tmp_path) -> None:
    summary = pd.DataFrame([
        {"family": "sourcing", "metric": "quoted_word_share", "target": "", "outlet": "A & B", "n": 4,
         "n_undefined": 0, "undefined_reason": "", "mean": 0.25, "ci_low": 0.125, "ci_high": 0.375, "median": 0.25,
         "q1": 0.125, "q3": 0.375},
        {"family": "sourcing", "metric": "n_sources", "target": "", "outlet": "C_100%", "n": 3, "n_undefined": 0,
         "undefined_reason": "", "mean": 2.0, "ci_low": 1.0, "ci_high": 3.0, "median": 2.0, "q1": 1.5, "q3": 2.5}])
    numbers, formatted = paper_summary(summary)
    assert numbers.iloc[0].tolist() == ["Quoted words", "% of body words", "A & B", 4, 25.0, 12.5, 37.5, 25.0, 12.5,
                                        37.5]
    assert formatted.iloc[1].tolist() == ["Sources", "distinct sources per article", "C_100%", "3", "2.0", "1.0",
                                          "3.0", "2.0", "1.5", "2.5"]
    paths = write_paper_table(numbers, formatted, tmp_path, "sourcing_summary", "Sourcing: outlet summary")
    csv = pd.read_csv(paths["csv"])
    assert csv["Mean"].tolist() == [25.0, 2.0] and csv["Outlet"].tolist() == ["A & B", "C_100%"]
    tex = paths["tex"].read_text(encoding="utf-8")
    for piece in ("\\toprule", "\\midrule", "\\bottomrule", "\\begin{tabular}{lllrrrrrrr}",
                  "Quoted words & \\% of body words & A \\& B & 4 & 25.0 & 12.5 & 37.5 & 25.0 & 12.5 & 37.5 \\\\",
                  "C\\_100\\%"):
        assert piece in tex, piece
    md = paths["md"].read_text(encoding="utf-8").splitlines()
    assert md[0] == "Sourcing: outlet summary"
    assert md[2] == "| Measure | Unit | Outlet | n | Mean | CI low | CI high | Median | Q1 | Q3 |"
    assert md[3] == "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"
    assert md[5] == "| Sources | distinct sources per article | C_100% | 3 | 2.0 | 1.0 | 3.0 | 2.0 | 1.5 | 2.5 |"


def test_latex_and_markdown_escape_cells() -> None:
    t = pd.DataFrame({"Measure": ["a|b"], "n": ["$x^2$ {y} ~ # \\"]})
    assert "a\\|b" in to_markdown(t)
    assert "\\$x\\textasciicircum{}2\\$ \\{y\\} \\textasciitilde{} \\# \\textbackslash{}" in to_latex(t)


def test_methods_cite_every_reference_they_use() -> None:
    text, bib = methods_document()
    keys = cited_keys(text)
    # the statistics section always cites these; the measures cite the readability and tone sources
    for key in ("efron1993", "benjamini1995", "lakens2013", "hedges1981", "cliff1993", "flesch1948", "hutto2014"):
        assert key in keys, key
    assert all(f"@{references()[k]['type']}{{{k}," in bib for k in keys)
    assert bib.count("\n@") + 1 == len(keys)
    assert "## References" in text and "q ≤ 0.05" in text
    assert bibtex(["flesch1948"]).startswith("@article{flesch1948,\n  author = {Flesch, Rudolf},")


# ----------------------------------------------------------------------------- evidence and adapter


def test_evidence_rows_follow_labels() -> None:
    ev = pd.DataFrame({
        "article_id": ["a", "a", "a", "a"], "family": "sourcing", "metric": ["quote", "quote", "quote", "hedge_rate"],
        "target": ["officials", "Kim", "the ministry", "journalist:modal"], "sentence_index": [0, 1, 2, 3],
        "start": 0, "end": 1, "text": ["s0", "s1", "s2", "s3"],
        "cue": ["indirect; say (neutral); government official; anonymous", "direct; say (neutral); other; named",
                "indirect; say (neutral); government official; named", "modal: may (journalist)"]})
    assert evidence_rows(ev, "sourcing", "n_anonymous_sources")["text"].tolist() == ["s0"]
    assert evidence_rows(ev, "sourcing", "n_named_sources")["text"].tolist() == ["s1", "s2"]
    assert evidence_rows(ev, "sourcing", "sources_by_type", "government official")["text"].tolist() == ["s0", "s2"]
    assert evidence_rows(ev, "sourcing", "hedge_rate", "journalist:all")["text"].tolist() == ["s3"]


def test_evidence_page_shows_the_sentence_of_a_per_sentence_row() -> None:
    # readability's per-sentence rows leave text empty (the sentence is in the sentences table)
    ev = pd.DataFrame({"article_id": ["a", "a"], "family": "readability", "metric": "sentence_counts", "target": "",
                       "sentence_index": [0, 1], "start": [0, 20], "end": [19, 40], "text": ["", ""],
                       "cue": ["words=4", "words=3"]})
    sents = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_index": [0, 1, 0],
                          "text": ["The council met <b>.", "It voted on Monday.", "Other article."]})
    arts = pd.DataFrame({"article_id": ["a"], "outlet": ["Daily"], "status": ["analysed"]})
    assert sentence_texts(ev, sents) == ["The council met <b>.", "It voted on Monday."]
    assert sentence_texts(ev.assign(text=["kept", ""]), None) == ["kept", ""]
    html = evidence_page(ev, arts, "readability", "flesch_reading_ease", "", pd.Series({"a": "Head"}), sents)
    assert "The council met &lt;b&gt;." in html and "It voted on Monday." in html


def test_pairwise_adapter_fills_missing_columns() -> None:
    raw = pd.DataFrame({"scope": ["pooled", "e1"], "metric": ["m", "m"], "target": [None, ""],
                        "outlet_a": ["A", "A"], "outlet_b": ["B", "B"], "difference": ["1.5", 2]})
    out = pairwise(raw)
    assert list(out.columns) == PAIRWISE_COLUMNS and len(out) == 1
    assert out.loc[0, "difference"] == 1.5 and out.loc[0, "target"] == "" and np.isnan(out.loc[0, "p_adjusted"])


def test_detail_pages_split_by_outlet_and_chunk(tmp_path) -> None:
    from analysis.reporting.detail import ROWS_PER_PAGE, SPLIT_BY_OUTLET, write_detail_pages

    n_a, n_b = ROWS_PER_PAGE + 1, 10  # A needs two pages; B one; together above the split threshold
    assert n_a + n_b > SPLIT_BY_OUTLET
    rows = pd.DataFrame({"outlet": ["A"] * n_a + ["B"] * n_b, "x": range(n_a + n_b)})

    def render(chunk: pd.DataFrame, table_id: str) -> str:
        return html_table(table_id, ["x"], [[str(v)] for v in chunk["x"]])

    pages = write_detail_pages(tmp_path, "things", rows, "Things", render)
    assert [(label, n) for _, label, n in pages] == [("A, part 1 of 2", ROWS_PER_PAGE), ("A, part 2 of 2", 1),
                                                     ("B", 10)]
    assert all((tmp_path / rel).is_file() for rel, _, _ in pages)
    small = write_detail_pages(tmp_path, "few", rows.head(5), "Few", render)
    assert [(rel, label, n) for rel, label, n in small] == [("articles/few.html", "every row", 5)]


def test_every_labelled_metric_links_to_its_definition(tmp_path) -> None:
    from analysis.reporting.labels import known_labels
    from analysis.reporting.paper import write_methods

    page = write_methods(tmp_path)["html"].read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="m-([a-z0-9_]+)"', page))
    assert set(known_labels()) <= anchors
    summary = pd.DataFrame([{"family": "sourcing", "metric": "n_sources", "target": "", "outlet": "A", "n": 2,
                             "n_undefined": 0, "undefined_reason": "", "mean": 1.0, "ci_low": 0.5, "ci_high": 1.5,
                             "median": 1.0, "q1": 0.5, "q3": 1.5}])
    assert 'href="paper/methods.html#m-n_sources"' in summary_html(summary, "sourcing")


def test_detail_links_say_row_or_rows_and_wrap_when_many() -> None:
    from analysis.reporting.detail import LIST_LINKS, detail_links

    few = detail_links([("a.html", "A", 1), ("b.html", "B <i>", 3)], prefix="../")
    assert few == ('<ul><li><a href="../a.html">A</a> (1 row)</li><li><a href="../b.html">B &lt;i&gt;</a> (3 rows)'
                   '</li></ul>')
    many = detail_links([(f"o{i}.html", f"O{i}", 1_200) for i in range(LIST_LINKS + 1)])
    assert many.startswith('<p class="small"><a href="o0.html">O0</a> (1,200 rows) · ') and "<li>" not in many


def test_many_outlets_are_counted_not_all_named() -> None:
    """145 outlets (as in the AllSides roundups): the 12 largest are named, ties by name, the rest counted."""
    from analysis.reporting.findings import LISTED_OUTLETS, corpus_sentences

    outlets = {f"Outlet {i:03d}": (20 if i < 14 else 1) for i in range(145)}
    text = corpus_sentences(CorpusFacts(sum(outlets.values()), outlets, 0, 0, 411, {}))[0]
    assert LISTED_OUTLETS == 12
    assert text.startswith("411 articles from 145 outlets (Outlet 000 20; Outlet 001 20;")
    # the rest: Outlet 012 and 013 with 20 each, 131 outlets with 1: 40 + 131 = 171 articles
    assert "Outlet 011 20; 133 other outlets with 171 articles (every outlet is listed on the corpus page))" in text
    assert "Outlet 012" not in text and "Outlet 144" not in text


def test_column_widths_follow_the_content() -> None:
    """A table given no widths shares the width by mean cell length (capped at 60 characters, at least 1.5 ×
    the longest word of the column's cells and header, capped at 14, and 3): outlet 'UPI', 'Reuters' -> mean 5
    < 1.5 × 'Reuters' = 10.5; index '0', '12' -> 1.5 × 'sentence' = 12; text of 100 and 20 characters ->
    (60 + 20) / 2 = 40 > 1.5 × 14; shares 10.5/62.5, 12/62.5, 40/62.5."""
    from analysis.reporting.html import auto_widths

    rows = [["UPI", "0", "x" * 100], [Cell("Reuters"), "12", "y" * 20]]
    assert auto_widths(["outlet", "sentence index", "text"], rows) == ["16.8%", "19.2%", "64.0%"]
    assert auto_widths(["only"], rows[:1]) == []
    html = html_table("q", ["outlet", "sentence index", "text"], rows)
    assert '<colgroup><col style="width:16.8%"><col style="width:19.2%"><col style="width:64.0%"></colgroup>' in html
    given = html_table("q", ["a", "b"], [["1", "2"]], widths=["30%", ""])
    assert '<col style="width:30%"><col>' in given  # widths given by the caller are kept


def test_findings_choose_pairs_or_outlet_against_the_rest_per_measure() -> None:
    # many outlets: a sparse measure has pair rows (few outlets have it), an article-level measure only outlet-
    # against-the-rest rows; a significant outlet-against-rest difference must still be a finding
    rest = stats_row("n_anonymous_sources", "BBC", "(all other outlets)", -1.9, -2.6, -1.2, -0.41, 0.01,
                     contrast="outlet_vs_rest", design="independent articles")
    pair = stats_row("n_sources", "A", "B", 0.1, -0.2, 0.4, 0.05, 0.9)  # tested, not significant
    pair_rest = stats_row("n_sources", "A", "(all other outlets)", 2.0, 1.0, 3.0, 0.8, 0.001,
                          contrast="outlet_vs_rest", design="independent articles")  # its measure has pairs
    stats = pd.DataFrame([rest, pair, pair_rest], columns=PAIRWISE_COLUMNS)
    result = findings(stats, FACTS_300, {("n_anonymous_sources", ""), ("n_sources", "")})
    assert result.mode == DIFFERENCES and len(result.items) == 1
    assert (result.items[0].metric, result.items[0].outlet_a) == ("n_anonymous_sources", "BBC")
