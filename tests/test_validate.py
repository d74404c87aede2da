"""Validation round trip: agreement statistics on published and hand-worked examples, sampling design,
coding sheets, bad sheets, and the seeds coded by two simulated coders whose codes are written here."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.validate import agreement as ag
from analysis.validate.names import same_actor
from analysis.validate.sample import allocate

pytest.importorskip("krippendorff")
pytest.importorskip("openpyxl")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
UPI, REWRITE = "002_3725b521bb5f0d30", "000_dc77826089423d0b"

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A: binary data, two
# observers, no missing data. Worked by hand: coincidences o00 = 10, o11 = 2, o01 = o10 = 4, n0 = 14,
# n1 = 6, n = 20; D_o = 8/20 = 0.4, D_e = 2·14·6/(20·19) = 0.44211; α = 1 − 0.4/0.44211 = 0.0952.
BINARY = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
# Section C of the same paper: nominal data, four observers, missing values (None); published
# α_nominal = 0.743 and α_interval = 0.849.
N = None
FOUR = [[1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
        [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N]]


def test_alpha_published_examples():
    assert ag.krippendorff_alpha(BINARY, "nominal") == pytest.approx(0.0952, abs=5e-4)
    assert round(ag.krippendorff_alpha(FOUR, "nominal"), 3) == 0.743
    assert round(ag.krippendorff_alpha(FOUR, "interval"), 3) == 0.849


def test_alpha_undefined_and_interval():
    assert math.isnan(ag.krippendorff_alpha([[1, 1, 1], [1, 1, 1]]))  # no variation
    assert "no variation" in ag.krippendorff_alpha([[1, 1], [1, 1]]).reason
    low, high = ag.alpha_interval(FOUR, "nominal", n_boot=300, seed=3)
    assert low <= 0.743 <= high
    assert (low, high) == ag.alpha_interval(FOUR, "nominal", n_boot=300, seed=3)  # seeded


def test_percent_agreement_and_confusion_by_hand():
    assert ag.percent_agreement(BINARY) == pytest.approx(6 / 10)  # units 1, 3, 6, 9 disagree
    c = ag.confusion([True, True, False, False, True], [True, False, True, False, True])
    assert (c.tp, c.fp, c.fn, c.tn) == (2, 1, 1, 1)
    assert c.precision == pytest.approx(2 / 3) and c.recall == pytest.approx(2 / 3)
    w = ag.confusion([True, True, False], [True, False, True], weights=[1, 3, 2])
    assert w.precision == pytest.approx(1 / 4) and w.recall == pytest.approx(1 / 3)
    assert math.isnan(ag.confusion([False], [True]).precision)


def test_f1_is_defined_whenever_either_side_codes_it_present():
    # F1 = 2TP / (2TP + FP + FN): TP = 2, FP = 1, FN = 3 gives 4 / 8; 2PR / (P + R) with P = 2/3, R = 2/5 agrees
    c = ag.Confusion(tp=2, fp=1, fn=3)
    assert c.f1 == pytest.approx(0.5) == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))
    never_fired = ag.confusion([False, False, False], [True, True, False])  # the toolkit misses both
    assert math.isnan(never_fired.precision) and never_fired.recall == 0 and never_fired.f1 == 0
    nobody = ag.confusion([False, False], [False, False])  # neither side ever codes it present
    assert math.isnan(nobody.f1) and "neither" in nobody.f1.reason


def test_methods_table_tells_undefined_from_not_applicable():
    from analysis.validate.outputs import latex_table, markdown_table

    result = {"reliability": [{"code": "frame:x", "alpha": -0.0104, "alpha_low": -0.1, "alpha_high": 0.2,
                               "agreement": 0.9}],
              "toolkit": {"before": [
                  {"code": "frame:x", "n": 50, "precision": None, "recall": 0.0, "f1": 0.0, "alpha": -0.0104},
                  {"code": "speaker_right", "n": 21, "accuracy": 0.75},
                  {"code": "tone", "n": 60, "pearson_r": 0.41}]}}
    rows = [line.split(" | ") for line in markdown_table(result).splitlines()[2:5]]
    # undefined precision (the toolkit never fired) -> n/a; P/R/F1 of an accuracy or a correlation -> —
    assert rows[0][1:] == ["50", "-0.010 \\[-0.100, 0.200\\]", "0.900", "n/a", "0.000", "0.000", "-0.010 |"]
    assert rows[1][1:] == ["21", "—", "—", "—", "—", "—", "0.750 |"]
    assert rows[2][4:] == ["—", "—", "—", "0.410 |"]
    assert "n/a: undefined" in markdown_table(result) and "% Note: n:" in latex_table(result)


@pytest.mark.parametrize(("text", "cell"), [("-0.4404", "-0.4404"), ("-1e-05", "-1e-05"), ("+2", "+2"),
                                            ("-2 -1 0 1 2", "'-2 -1 0 1 2"), ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
                                            ("-1+cmd", "'-1+cmd"), ("Kremlin", "Kremlin")])
def test_csv_cells_keep_numbers_and_neutralise_formulas(text, cell):
    from analysis.tables import csv_cell, csv_restore

    assert csv_cell(text) == cell and csv_restore(csv_cell(text)) == text


def test_spearman_ties_and_pearson():
    # ranks of (1, 2, 2, 3) are (1, 2.5, 2.5, 4); against (1, 2, 3, 4) Pearson of the ranks is 0.9487
    assert ag.spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(0.948683, abs=1e-6)
    assert ag.pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert math.isnan(ag.pearson([1, 1, 1], [1, 2, 3]))


def test_allocation_even_and_capped():
    assert allocate(10, [5, 5]) == [5, 5]
    assert allocate(10, [2, 20]) == [2, 8]  # the small stratum gives its share away
    assert allocate(7, [10, 10, 10]) == [3, 2, 2]
    assert allocate(100, [3, 4]) == [3, 4]
    assert sum(allocate(11, [4, 4, 4])) == 11


def test_name_matching_rule():
    assert same_actor("Mr. Trump", "Donald Trump")
    assert same_actor("The New York Times", "New York Times")
    assert same_actor("Korean Central News Agency", "state-run Korean Central News Agency")
    assert not same_actor("Bill Clinton", "Hillary Clinton")
    assert not same_actor("intelligence reports", "Intelligence reports from the U.S., South Korea, and Ukraine")


# --- round trip on the seeds ------------------------------------------------------------------------

# Two coders, codes decided by reading the sentences (not from the toolkit's output):
# unit: (quote, speaker, stance, tone) for coder A, then coder B.
CODES = {
    f"{UPI}#0": (("1", "state media", "neutral", "-1"), ("1", "state media", "neutral", "-1")),
    f"{UPI}#8": (("1", "Andrey Rudenko", "neutral", "-1"), ("1", "Rudenko", "neutral", "-2")),
    f"{UPI}#2": (("0", "", "none", "0"), ("0", "", "none", "0")),
    f"{REWRITE}#14": (("0", "", "none", "0"), ("0", "", "none", "1")),
    f"{REWRITE}#1": (("1", "U.S., South Korea and Ukraine", "distancing", "-1"),
                     ("1", "U.S., South Korea and Ukraine", "distancing", "-1")),
    f"{REWRITE}#12": (("1", "South Korea, the U.S. and allies", "none", "-1"),
                      ("1", "South Korea, the U.S. and allies", "none", "-1")),
    f"{REWRITE}#9": (("1", "intelligence reports", "neutral", "0"), ("1", "intelligence reports", "neutral", "0")),
    f"{UPI}#6": (("0", "", "none", "1"), ("0", "", "none", "1")),
    f"{REWRITE}#3": (("0", "", "none", "0"), ("1", "", "none", "1")),
}


@pytest.fixture(scope="module")
def coding(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("v") / "coding"
    assert main(["validate", "sample", str(SEEDS), "-o", str(out), "--measures", "sourcing,tone",
                 "--n", "40", "--seed", "1"]) == 0
    return out


def _fill(coding: Path, name: str, which: int, codes: dict = CODES) -> Path:
    with (coding / "coding_sheet.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        if r["unit_id"] in codes:
            r["quote"], r["speaker"], r["stance"], r["tone"] = codes[r["unit_id"]][which]
    path = coding / f"coded_{name}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


def test_sample_files_and_blindness(coding):
    names = {p.name for p in coding.iterdir()}
    assert {"coding_sheet.csv", "coding_sheet.xlsx", "codebook.csv", "toolkit_codes.csv", "sample.csv",
            "sample.json"} <= names
    header = (coding / "coding_sheet.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[-6:] == ["coder", "quote", "speaker", "stance", "tone", "notes"]
    assert not any(h.startswith("cue:") for h in header)  # coders never see the toolkit's codes
    meta = json.loads((coding / "sample.json").read_text(encoding="utf-8"))
    assert meta["population"] == 30 and meta["n_drawn"] == 30  # the seeds have 14 + 16 body sentences
    weights = {r["unit_id"]: float(r["weight"]) for r in csv.DictReader((coding / "sample.csv").open())}
    assert set(weights.values()) == {1.0}  # every stratum drawn whole


def test_article_units_show_the_body_and_no_sentence_index(tmp_path):
    out = tmp_path / "articles"
    assert main(["validate", "sample", str(SEEDS), "-o", str(out), "--unit", "article", "--measures", "tone",
                 "--n", "2", "--seed", "1"]) == 0
    units = list(csv.DictReader((out / "sample.csv").open(encoding="utf-8")))
    assert sorted(u["unit_id"] for u in units) == sorted([UPI, REWRITE])  # the two seed articles, whole
    assert all(u["sentence_index"] == "" for u in units)  # not a sentence: no index (was -1)
    sheet = {r["unit_id"]: r for r in csv.DictReader((out / "coding_sheet.csv").open(encoding="utf-8"))}
    assert "North Korea" in sheet[UPI]["text"] and sheet[UPI]["previous_sentence"] == ""


def test_sample_is_seeded(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        assert main(["validate", "sample", str(SEEDS), "-o", str(out), "--n", "10", "--seed", "5",
                     "--measures", "framing"]) == 0
    assert (a / "coding_sheet.csv").read_bytes() == (b / "coding_sheet.csv").read_bytes()
    strata = json.loads((a / "sample.json").read_text())["strata"]
    assert sum(s["draws"] for s in strata) == 10
    for s in strata:
        assert s["weight"] == pytest.approx(s["size"] / s["draws"])


def test_score_round_trip(coding, tmp_path):
    _fill(coding, "alice", 0)
    _fill(coding, "bob", 1)
    out = tmp_path / "validation"
    assert main(["validate", "score", str(coding), "-o", str(out)]) == 0
    result = json.loads((out / "validation.json").read_text(encoding="utf-8"))
    assert result["coders"] == ["alice", "bob"] and result["reference"] == "majority of coders"
    rel = {r["code"]: r for r in result["reliability"]}
    # quote: 9 units coded by both, 8 agree; α by hand: o11 = 10, o00 = 6, o01 = o10 = 1, n1 = 11,
    # n0 = 7, n = 18: D_o = 2/18, D_e = 2·11·7/(18·17); α = 1 − (2/18)/(154/306) = 0.779221
    assert rel["quote"]["units"] == 9
    assert rel["quote"]["agreement"] == pytest.approx(8 / 9, abs=1e-6)
    assert rel["quote"]["alpha"] == pytest.approx(0.779221, abs=1e-5)
    before = {r["code"]: r for r in result["toolkit"]["before"]}
    # reference quote (REWRITE#3 is a tie and left out): TP UPI#0 UPI#8 R#1 R#9, FP UPI#6, FN R#12,
    # TN UPI#2 R#14
    q = before["quote"]
    assert (q["n"], q["tp"], q["fp"], q["fn"]) == (8, 4, 1, 1)
    assert q["precision"] == pytest.approx(0.8) and q["recall"] == pytest.approx(0.8)
    assert q["weighted_precision"] == pytest.approx(0.8)  # every weight is 1 here
    # speaker right among quotes both found: state media ✓, Rudenko ✓, U.S./South Korea/Ukraine ✓,
    # "intelligence reports" vs the toolkit's longer description ✗ → 3 of 4
    assert before["speaker_right"]["n"] == 4 and before["speaker_right"]["accuracy"] == pytest.approx(0.75)
    neutral = before["stance=neutral"]
    assert (neutral["tp"], neutral["fp"], neutral["fn"]) == (3, 1, 0)
    assert before["stance=distancing"]["precision"] == pytest.approx(1.0)
    # tone sign (toolkit ±0.05 vs the sign of the coders' mean): agree on UPI#8, UPI#2, R#1, UPI#6, R#3
    assert before["tone"]["n"] == 9 and before["tone"]["sign_agreement"] == pytest.approx(5 / 9)
    # the disagreements list the FP with the toolkit's cue
    dis = [d for d in result["disagreements"] if d["code"] == "quote"]
    assert {d["unit_id"] for d in dis} == {f"{UPI}#6", f"{REWRITE}#12"}
    # re-run on the unchanged corpus: the same figures after as before
    after = {r["code"]: r for r in result["toolkit"]["after"]}
    assert after["quote"]["f1"] == q["f1"]
    for name in ("agreement.md", "agreement.tex", "index.html", "reliability.csv", "agreement.csv",
                 "disagreements.csv"):
        assert (out / name).stat().st_size > 0
    assert "\\toprule" in (out / "agreement.tex").read_text(encoding="utf-8")


def test_a_lexicon_edit_shows_before_and_after(coding, tmp_path):
    # REWRITE#1: "the U.S., South Korea, and Ukraine accuse North Korea of …" (distancing); both coders code
    # it distancing. Moving "accuse" to the neutral tier in an edited copy of the lexicon must show up in
    # stage "after" only.
    _fill(coding, "alice", 0)
    _fill(coding, "bob", 1)
    lexicon = (Path(__file__).resolve().parent.parent / "analysis" / "lexicons" / "reporting_verbs.yaml")
    text = lexicon.read_text(encoding="utf-8")
    edited = tmp_path / "verbs.yaml"
    edited.write_text(text.replace("accuse: [distancing,", "accuse: [neutral,"), encoding="utf-8")
    assert edited.read_text(encoding="utf-8") != text
    out = tmp_path / "v"
    assert main(["validate", "score", str(coding), "-o", str(out), "--reporting-verbs", str(edited)]) == 0
    result = json.loads((out / "validation.json").read_text(encoding="utf-8"))
    before = {r["code"]: r for r in result["toolkit"]["before"]}
    after = {r["code"]: r for r in result["toolkit"]["after"]}
    assert before["stance=distancing"]["tp"] >= 1 and after["stance=distancing"]["tp"] == 0
    assert after["stance=distancing"]["fn"] == before["stance=distancing"]["fn"] + before["stance=distancing"]["tp"]
    assert after["stance=neutral"]["fp"] > before["stance=neutral"]["fp"]
    assert after["quote"]["f1"] == before["quote"]["f1"]  # the edit moves a tier, it finds no other quote
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "After the lexicon edit" in page


def test_adjudicated_reference_wins(coding, tmp_path):
    sheets = [_fill(coding, "alice", 0), _fill(coding, "bob", 1), _fill(coding, "adjudicated", 1)]
    out = tmp_path / "v"
    assert main(["validate", "score", str(coding), "-o", str(out), "--no-rerun", "--sheets", *map(str, sheets)]) == 0
    result = json.loads((out / "validation.json").read_text(encoding="utf-8"))
    assert result["reference"] == "adjudicated"
    q = {r["code"]: r for r in result["toolkit"]["before"]}["quote"]
    # gold = bob: TP UPI#0 UPI#8 R#1 R#9, FP UPI#6, FN R#12 R#3, TN UPI#2 R#14
    assert (q["n"], q["tp"], q["fp"], q["fn"]) == (9, 4, 1, 2)
    assert "after" not in result["toolkit"]


@pytest.mark.parametrize("edit, message", [
    (lambda rows: [{k: v for k, v in r.items() if k != "stance"} for r in rows], "missing column 'stance'"),
    (lambda rows: [*rows[:1], dict(rows[1], quote="maybe"), *rows[2:]], "row 3, column quote: 'maybe' is not a code"),
    (lambda rows: [*rows, dict(rows[0])], "coded twice"),
    (lambda rows: [dict(r, quote="", speaker="", stance="", tone="") for r in rows], "gave no codes"),
    (lambda rows: [*rows[:1], dict(rows[1], tone="7"), *rows[2:]], "column tone: '7' is not a code"),
    (lambda rows: [dict(rows[0], unit_id="nope#1"), *rows[1:]], "row 2, column unit_id: 'nope#1'"),
])
def test_bad_sheets_one_line_errors(coding, tmp_path, capsys, edit, message):
    with (coding / "coding_sheet.csv").open(encoding="utf-8") as fh:
        rows = [dict(r, quote="1", stance="neutral", tone="0") for r in csv.DictReader(fh)]
    rows = edit(rows)
    bad = tmp_path / "coded_x.csv"
    with bad.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    assert main(["validate", "score", str(coding), "-o", str(tmp_path / "o"), "--no-rerun", "--sheets", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(bad) in err and message in err


def test_untrusted_text_is_inert_in_sheets(tmp_path):
    from openpyxl import load_workbook

    corpus = tmp_path / "news.csv"
    corpus.write_text('article_id,outlet,text\n"=HYPERLINK(""http://x"")","<script>alert(1)</script>",'
                      '"Officials said the plan would cost money. The mayor said it was fine."\n', encoding="utf-8")
    out = tmp_path / "coding"
    assert main(["validate", "sample", str(corpus), "-o", str(out), "--n", "5", "--min-english-share", "0"]) == 0
    with (out / "coding_sheet.csv").open(encoding="utf-8") as fh:
        row = list(csv.reader(fh))[1]
    assert row[0].startswith("'=HYPERLINK") and row[1].startswith("'=HYPERLINK")  # neutralised for spreadsheets
    ws = load_workbook(out / "coding_sheet.xlsx")["coding"]
    cell = ws.cell(row=2, column=2)
    assert cell.value.startswith("=HYPERLINK") and cell.data_type == "s"  # a string, not a formula


def test_output_folders_are_protected(coding, tmp_path, capsys):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_text("keep", encoding="utf-8")
    assert main(["validate", "sample", str(SEEDS), "-o", str(mine), "--n", "5"]) == 2
    assert (mine / "thesis.docx").read_text(encoding="utf-8") == "keep"
    assert "not empty" in capsys.readouterr().err


# --- the report shows the validation next to each measure -------------------------------------------

ROUND = {  # a hand-made scored round: two coders, a lexicon edit re-scored ("after")
    "tool": "mediacompare test", "sample": {}, "disagreements": [],
    "coders": ["alice", "bob"], "reference": "majority of coders", "units": 12,
    "reliability": [{"code": "quote", "alpha": 0.7792}, {"code": "tone", "alpha": None}],
    "toolkit": {
        "before": [{"code": "quote", "measure": "sourcing", "n": 8, "f1": 0.5},
                   {"code": "frame:conflict", "measure": "framing", "n": 10, "f1": 0.4}],
        "after": [{"code": "quote", "measure": "sourcing", "n": 8, "f1": 0.8},
                  {"code": "speaker_right", "measure": "sourcing", "n": 4, "f1": None, "accuracy": 0.75},
                  {"code": "tone", "measure": "tone", "n": 9, "f1": None, "pearson_r": 0.4142}],
    },
}


def test_validation_note_takes_the_latest_stage_and_the_coders_alpha():
    from analysis.validate.summary import NOT_VALIDATED, validation_note

    note = validation_note(ROUND, "sourcing")
    # "after" supersedes "before": F1 0.80 (not 0.50); α 0.7792 -> 0.78; accuracy when F1 is undefined
    assert "quote: F1 0.80, n = 8, coders' α = 0.78" in note
    assert "speaker_right: accuracy 0.75, n = 4" in note and "re-run with the current lexicons" in note
    assert "12 human-coded units" in note and "alice, bob" in note
    assert validation_note(ROUND, "sentiment").count("tone: r 0.41, n = 9.") == 1  # α None: not shown
    # framing was coded before the edit only: the latest stage has no framing rows
    assert validation_note(ROUND, "framing").startswith("Not validated on this corpus")
    assert validation_note(None, "entities") == NOT_VALIDATED
    assert validation_note(ROUND, "readability") is None  # a formula, not a coding judgement


def test_load_validation_errors_are_one_line(tmp_path):
    from analysis.model import MediacompareError
    from analysis.validate.summary import load_validation

    assert load_validation(None) is None
    with pytest.raises(MediacompareError, match=r"no validation\.json"):
        load_validation(tmp_path)
    (tmp_path / "validation.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(MediacompareError, match="cannot read"):
        load_validation(tmp_path)
    (tmp_path / "validation.json").write_text('{"toolkit": {}}', encoding="utf-8")
    with pytest.raises(MediacompareError, match="not a scored validation round"):
        load_validation(tmp_path)
    (tmp_path / "validation.json").write_text(json.dumps({**ROUND, "units": "12"}), encoding="utf-8")
    with pytest.raises(MediacompareError, match="malformed: units"):
        load_validation(tmp_path)
    (tmp_path / "validation.json").write_text(json.dumps(ROUND), encoding="utf-8")
    assert load_validation(tmp_path)["units"] == 12


def test_report_shows_validation_next_to_each_measure(tmp_path, capsys):
    from analysis.report import load_or_analyse
    from analysis.reporting.index import index_html
    from analysis.reporting.notebook import family_section

    coding = tmp_path / "coding"  # the sample of the `coding` fixture, without the adjudicated sheet
    assert main(["validate", "sample", str(SEEDS), "-o", str(coding), "--measures", "sourcing,tone",
                 "--n", "40", "--seed", "1"]) == 0
    _fill(coding, "alice", 0)
    _fill(coding, "bob", 1)
    scored = tmp_path / "validation"
    assert main(["validate", "score", str(coding), "-o", str(scored)]) == 0
    bad = main(["report", str(SEEDS), "-o", str(tmp_path / "r0"), "--validation", str(tmp_path / "nowhere")])
    assert bad == 2 and "no validation.json" in capsys.readouterr().err
    assert not (tmp_path / "r0").exists()  # refused before any analysis or output

    tables = load_or_analyse(SEEDS)
    plain, validated = tmp_path / "plain", tmp_path / "validated"
    from analysis.validate.outputs import write_outputs
    from analysis.validate.summary import load_validation
    write_outputs(load_validation(scored), validated / "validation")
    for out in (plain, validated):
        out.mkdir(exist_ok=True)
    # the seed round: quote F1 = 0.80 (TP 4, FP 1, FN 1, worked in test_score_round_trip), coders' α 0.78
    part = dict(part="reporting verbs", only=["stance_verb_share"])
    assert "quote: F1 0.80, n = 8, coders&#x27; α = 0.78" in family_section(tables, "sourcing", validated, **part).html
    assert "Not validated on this corpus" in family_section(tables, "sourcing", plain, **part).html
    assert "Validation" not in family_section(tables, "readability", validated).html
    page = index_html(tables, validated, [], "seeds", "test")
    assert "<h2>Validation</h2>" in page and 'href="validation/index.html"' in page
    assert "quote: F1 0.80" in page and "not code framing" in page  # the seed round coded sourcing and tone
    assert index_html(tables, plain, [], "seeds", "test").count("Not validated on this corpus") == 4
