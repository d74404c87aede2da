"""The ``mediacompare`` command line: output contract, summary, one-line errors, help."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import _summary, main
from analysis.corpus import load_corpus
from analysis.metrics import Settings
from analysis.pipeline import analyse_record, selected_families

METRIC_COLUMNS = ["article_id", "outlet", "family", "metric", "target", "value", "note"]
EVIDENCE_COLUMNS = ["article_id", "family", "metric", "target", "sentence_index", "start", "end", "text", "cue"]
SENTENCE_COLUMNS = ["article_id", "sentence_index", "paragraph_index", "start", "end", "text", "tokens"]
UPI = "002_3725b521bb5f0d30"
REWRITE = "000_dc77826089423d0b"


def read(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return pd.read_csv(path, keep_default_na=False, na_values=[""], dtype={"target": str, "note": str})


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("ext", ["csv", "parquet"])
def test_metrics_writes_contract_tables(ext: str, seeds_dir: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = {name: tmp_path / f"{name}.{ext}" for name in ("metrics", "evidence", "articles", "sentences")}
    code, stdout, err = run(["metrics", str(seeds_dir), "-o", str(out["metrics"]), "--evidence", str(out["evidence"]),
                             "--articles", str(out["articles"]), "--sentences", str(out["sentences"]), "--quiet"],
                            capsys)
    assert code == 0, err
    assert stdout == "" and err == ""  # --quiet: no summary, no progress bar
    metrics, evidence, sentences = read(out["metrics"]), read(out["evidence"]), read(out["sentences"])
    assert list(metrics.columns) == METRIC_COLUMNS
    assert list(evidence.columns) == EVIDENCE_COLUMNS
    assert list(sentences.columns) == SENTENCE_COLUMNS
    articles = read(out["articles"]).set_index("article_id")
    # Hand-checked facts on the seeds (counted in the cleaned texts by hand).
    assert set(articles.index) == {UPI, REWRITE}
    assert (articles["status"] == "analysed").all()
    assert articles.loc[UPI, "outlet"] == "UPI"
    assert articles.loc[UPI, "credit"] == "Kremlin Pool File Photo by Vladimir Smirnov/Sputnik/EPA-EFE"
    assert (int(articles.loc[UPI, "n_paragraphs"]), int(articles.loc[UPI, "n_sentences"])) == (12, 14)
    assert (int(articles.loc[REWRITE, "n_paragraphs"]), int(articles.loc[REWRITE, "n_sentences"])) == (8, 16)
    assert sentences.groupby("article_id").size().to_dict() == {UPI: 14, REWRITE: 16}


def test_metrics_values_are_traceable(seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every NaN carries a reason; every evidence row points into a sentence of the sentences table.

    (Whether ``text`` must be the whole sentence or may be a piece of it is the families' contract,
    checked with the families; here only the link evidence -> sentence is checked.)
    """
    code, _, err = run(["metrics", str(seeds_dir), "-o", str(tmp_path / "m.csv"), "--evidence",
                        str(tmp_path / "e.csv"), "--sentences", str(tmp_path / "s.csv"), "--quiet"], capsys)
    assert code == 0, err
    metrics = read(tmp_path / "m.csv")
    nan = metrics[metrics["value"].isna()]
    assert (nan["note"].fillna("") != "").all(), nan[["metric", "target"]].to_string()
    evidence = read(tmp_path / "e.csv")
    sentences = read(tmp_path / "s.csv").set_index(["article_id", "sentence_index"])
    body = evidence[evidence["sentence_index"] >= 0]
    assert len(body) > 0
    for row in body.itertuples():
        assert (row.article_id, row.sentence_index) in sentences.index, row
        sentence = sentences.loc[(row.article_id, row.sentence_index)]
        assert sentence["start"] <= row.start <= row.end <= sentence["end"], row


def test_metrics_hand_counted_short_text(make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = make_corpus({"a1": ("Outlet A", "The cat sat. The dog ran.")})
    code, stdout, err = run(["metrics", str(corpus), "-o", str(tmp_path / "m.csv"), "--sentences",
                             str(tmp_path / "s.csv"), "--articles", str(tmp_path / "a.csv")], capsys)
    assert code == 0, err
    assert stdout.strip() == f"mediacompare: analysed 1 of 1 article; wrote {tmp_path / 'm.csv'}"
    s = read(tmp_path / "s.csv")
    # "The cat sat." is characters 0-12, "The dog ran." 13-25; three words each.
    assert s[["sentence_index", "start", "end", "text", "tokens"]].values.tolist() == [
        [0, 0, 12, "The cat sat.", "The cat sat"], [1, 13, 25, "The dog ran.", "The dog ran"]]
    a = read(tmp_path / "a.csv")
    assert a[["n_paragraphs", "n_sentences", "n_words"]].values.tolist() == [[1, 2, 6]]


def test_metrics_counts_skipped_inputs(make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = make_corpus({"a1": ("A", "One sentence here."), "a2": ("B", "   \n")}, unlisted={"stray.txt": "Text."})
    code, stdout, err = run(["metrics", str(corpus), "-o", str(tmp_path / "m.csv"), "--articles",
                             str(tmp_path / "a.csv")], capsys)
    assert code == 0, err
    assert stdout.startswith("mediacompare: analysed 1 of 3 articles; skipped 2 (empty: 1, unlisted: 1);")
    a = read(tmp_path / "a.csv").set_index("article_id")
    assert a["status"].to_dict() == {"a1": "analysed", "a2": "empty", "stray": "unlisted"}
    assert (a.loc[["a2", "stray"], "reason"].fillna("") != "").all()


def test_summary_line() -> None:
    assert _summary({"analysed": 2}, Path("m.csv")) == "mediacompare: analysed 2 of 2 articles; wrote m.csv"
    assert _summary({"analysed": 0, "empty": 1}, Path("m.csv")) == (
        "mediacompare: analysed 0 of 1 article; skipped 1 (empty: 1); wrote m.csv")


def test_metrics_families_and_jobs(seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = tmp_path / "one.csv"
    two = tmp_path / "two.csv"
    family = selected_families(Settings())[0]
    assert run(["metrics", str(seeds_dir), "-o", str(one), "--families", family, "--quiet"], capsys)[0] == 0
    assert run(["metrics", str(seeds_dir), "-o", str(two), "--families", family, "--jobs", "2", "--quiet"],
               capsys)[0] == 0
    assert set(read(one)["family"]) <= {family}
    assert one.read_bytes() == two.read_bytes()  # worker processes keep input order


def test_metrics_records_dir(seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings()
    expected = set()
    for rec in load_corpus(seeds_dir):
        expected |= set(analyse_record(rec, settings, selected_families(settings)).record_names())
    code, _, err = run(["metrics", str(seeds_dir), "-o", str(tmp_path / "m.parquet"), "--records",
                        str(tmp_path / "rec"), "--quiet"], capsys)
    assert code == 0, err
    written = {p.stem for p in (tmp_path / "rec").glob("*.parquet")} if expected else set()
    assert written == expected
    for name in written:
        assert list(read(tmp_path / "rec" / f"{name}.parquet").columns[:2]) == ["article_id", "outlet"]


def one_line_error(code: int, out: str, err: str) -> str:
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mediacompare: error: ")
    assert "Traceback" not in err
    return lines[0]


def test_error_missing_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope"
    line = one_line_error(*run(["metrics", str(missing), "-o", str(tmp_path / "m.csv")], capsys))
    assert str(missing) in line
    assert not (tmp_path / "m.csv").exists()


def test_error_unsupported_input_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "news.xlsx"
    corpus.write_bytes(b"PK\x03\x04")
    line = one_line_error(*run(["metrics", str(corpus), "-o", str(tmp_path / "m.csv")], capsys))
    assert str(corpus) in line and "unsupported" in line


def test_error_unsupported_output_extension(seeds_dir: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    line = one_line_error(*run(["metrics", str(seeds_dir), "-o", str(tmp_path / "m.xlsx")], capsys))
    assert "m.xlsx" in line


def test_error_table_without_text_column(make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = make_corpus({"a1": ("A", "Some text.")}, table="news.csv")
    line = one_line_error(*run(["metrics", str(table), "-o", str(tmp_path / "m.csv"), "--text-column", "body"],
                               capsys))
    assert f"{table}: no 'body' column" in line  # the header is checked, before any row
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == []  # no (partial) outputs left behind


def test_error_malformed_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Text.", encoding="utf-8")
    (corpus / "manifest.csv").write_text("article_id,outlet\na,UPI\n", encoding="utf-8")
    line = one_line_error(*run(["metrics", str(corpus), "-o", str(tmp_path / "m.csv")], capsys))
    assert str(corpus / "manifest.csv") in line and "file" in line


def test_error_unknown_family_and_missing_rules_file(seeds_dir: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    line = one_line_error(*run(["metrics", str(seeds_dir), "-o", str(tmp_path / "m.csv"), "--families", "nope"],
                               capsys))
    assert "nope" in line
    line = one_line_error(*run(["metrics", str(seeds_dir), "-o", str(tmp_path / "m.csv"), "--frames",
                                str(tmp_path / "frames.yaml")], capsys))
    assert "frames.yaml" in line


def test_error_unwritable_output_names_the_target(seeds_dir: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    target = blocker / "m.csv"  # a "directory" that is a file
    line = one_line_error(*run(["metrics", str(seeds_dir), "-o", str(target)], capsys))
    assert str(blocker) in line


def test_error_in_subprocess_has_no_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    proc = subprocess.run([sys.executable, "-m", "analysis", "metrics", str(missing), "-o", str(tmp_path / "m.csv")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr == f"mediacompare: error: {missing}: no such file or directory\n"


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    for word in ("metrics", "report", "examples:", "input formats", ".jsonl", "manifest.csv"):
        assert word in text
    for command in ("metrics", "report"):
        with pytest.raises(SystemExit) as exc:
            main([command, "--help"])
        assert exc.value.code == 0
        text = capsys.readouterr().out
        assert f"mediacompare {command} " in text and "examples:" in text


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "metrics" in capsys.readouterr().err


def test_metrics_csv_floats_round_trip(seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """CSV and Parquet outputs hold the same numbers (CSV floats are written in round-trip form)."""
    assert run(["metrics", str(seeds_dir), "-o", str(tmp_path / "m.csv"), "--quiet"], capsys)[0] == 0
    assert run(["metrics", str(seeds_dir), "-o", str(tmp_path / "m.parquet"), "--quiet"], capsys)[0] == 0
    c, p = read(tmp_path / "m.csv"), read(tmp_path / "m.parquet")
    assert len(c) == len(p)
    for a, b in zip(c["value"], p["value"], strict=True):
        assert (math.isnan(a) and math.isnan(b)) or a == b


# ------------------------------------------------------------------ replacement lexicons (--reporting-verbs ...)


def _lexicon_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    from analysis.lexicons import bundled_path

    text = bundled_path(name).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / f"my_{name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _sourcing_values(path: Path) -> dict[tuple[str, str], float]:
    m = read(path)
    m = m[m.family == "sourcing"]
    return {(r.metric, "" if pd.isna(r.target) else r.target): r.value for r in m.itertuples()}


def test_metrics_reporting_verbs_and_hedges_options(make_corpus, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    # "opined" is no bundled reporting verb and "reckon" no bundled hedge; "could" is (modal).
    corpus = make_corpus({"a1": ("A", "Jane Doe opined that the talks could fail. Analysts reckon so.")})
    verbs = _lexicon_copy(tmp_path, "reporting_verbs.yaml", "verbs:\n",
                          "verbs:\n  opine: [neutral, opine, opines, opined, opining]\n")
    hedges = _lexicon_copy(tmp_path, "hedges.yaml", "      - doubt|doubts|doubted|doubting\n",
                           "      - doubt|doubts|doubted|doubting\n      - reckon|reckons|reckoned|reckoning\n")
    base = ["metrics", str(corpus), "--families", "sourcing", "--quiet"]
    assert run([*base, "-o", str(tmp_path / "plain.csv")], capsys)[0] == 0
    code, _, err = run([*base, "-o", str(tmp_path / "user.csv"), "--reporting-verbs", str(verbs),
                        "--hedges", str(hedges)], capsys)
    assert code == 0, err
    plain, user = _sourcing_values(tmp_path / "plain.csv"), _sourcing_values(tmp_path / "user.csv")
    assert plain[("n_indirect_quotes", "")] == 0 and user[("n_indirect_quotes", "")] == 1
    assert plain[("n_hedges", "journalist:all")] == 1 and user[("n_hedges", "journalist:all")] == 2


def test_metrics_source_types_option(make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = make_corpus({"a1": ("A", "The think tank said that the treaty is historic.")})
    types = _lexicon_copy(tmp_path, "source_types.yaml", "types:\n", "types:\n  think tank: [think tank]\n")
    code, _, err = run(["metrics", str(corpus), "--families", "sourcing", "--quiet", "-o", str(tmp_path / "m.csv"),
                        "--source-types", str(types)], capsys)
    assert code == 0, err
    values = _sourcing_values(tmp_path / "m.csv")
    assert values[("sources_by_type", "think tank")] == 1
    assert values[("sources_by_type", "expert/analyst")] == 0


def test_error_bad_user_lexicon_fails_before_output(make_corpus, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    corpus = make_corpus({"a1": ("A", "Kim said that it rained.")})
    bad = tmp_path / "verbs.yaml"
    bad.write_text("meta: {name: v, version: '1', source: s, licence: MIT}\nverbs:\n  say: [nuetral, said]\n",
                   encoding="utf-8")
    out = tmp_path / "m.csv"
    line = one_line_error(*run(["metrics", str(corpus), "-o", str(out), "--reporting-verbs", str(bad)], capsys))
    assert str(bad) in line and "stance tier" in line
    assert not out.exists()
    line = one_line_error(*run(["metrics", str(corpus), "-o", str(out), "--hedges", str(tmp_path / "nope.yaml")],
                               capsys))
    assert "nope.yaml" in line and not out.exists()


def test_report_help_lists_the_lexicon_options(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("metrics", "report"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        text = capsys.readouterr().out
        for option in ("--reporting-verbs", "--hedges", "--source-types"):
            assert option in text, (command, option)


def test_metrics_records_without_rows_have_headers_and_are_renamed_into_place(
        make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.tables import load_tables, record_columns

    corpus = make_corpus({"a1": ("X", "The cat sat on the mat.")})  # no quote, claim, hedge or actor
    rec = tmp_path / "out" / "rec"
    code, _, err = run(["metrics", str(corpus), "-o", str(rec / "metrics.csv"), "--articles",
                        str(rec / "articles.csv"), "--sentences", str(rec / "sentences.csv"), "--evidence",
                        str(rec / "evidence.csv"), "--records", str(rec), "--quiet"], capsys)
    assert code == 0, err
    assert (rec / "quotes.csv").read_text(encoding="utf-8") == ",".join(record_columns("quotes")) + "\n"
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"rec"}  # no partial folder left behind
    tables = load_tables(rec)
    assert tables.records["quotes"].empty and tables.records["readability_counts"]["n_words"].tolist() == [6]


def test_min_english_share_option(make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    german = ("Nordkorea hat den Verteidigungsvertrag mit Russland ratifiziert, wie die staatliche "
              "Nachrichtenagentur am Dienstag meldete. Der Vertrag verpflichtet beide Länder, einander im Falle "
              "eines Angriffs unverzüglich militärischen Beistand zu leisten. Machthaber Kim Jong Un unterzeichnete "
              "das Dekret nach Angaben der Agentur persönlich.")  # 20+ checkable words: long enough to judge
    corpus = make_corpus({"de": ("X", german), "en": ("Y", "The cat sat on the mat.")})
    code, out, err = run(["metrics", str(corpus), "-o", str(tmp_path / "m.csv"), "--articles",
                          str(tmp_path / "a.csv")], capsys)
    assert code == 0, err
    assert "analysed 1 of 2 articles; skipped 1 (not_english: 1)" in out
    arts = pd.read_csv(tmp_path / "a.csv", dtype=str, keep_default_na=False).set_index("article_id")
    assert arts.loc["de", "status"] == "not_english" and arts.loc["en", "english_share"] == "1.0"
    code, out, err = run(["metrics", str(corpus), "-o", str(tmp_path / "m.csv"), "--min-english-share", "0"], capsys)
    assert "analysed 2 of 2 articles" in out
    with pytest.raises(SystemExit):
        main(["metrics", str(corpus), "-o", str(tmp_path / "m.csv"), "--min-english-share", "2"])
    assert "must be between 0 and 1" in capsys.readouterr().err


def test_articles_without_an_outlet_are_counted_not_listed(capsys: pytest.CaptureFixture[str]) -> None:
    # a corpus of millions without outlets must not hold every id until the end: a count and the first id
    from analysis.cli import _NoOutlet, _tally_outlets, _warn_missing_outlets
    from analysis.pipeline import ArticleResult

    given = [("a", "UPI", "analysed"), ("b", " ", "analysed"), ("c", "", "empty"), ("d", "", "analysed")]
    rows = [ArticleResult({"article_id": i, "outlet": o, "status": st}) for i, o, st in given]
    missing = _NoOutlet()
    assert list(_tally_outlets(rows, missing)) == rows
    assert (missing.n, missing.first) == (2, "b")
    _warn_missing_outlets(missing.n, missing.first)
    assert "2 analysed articles have no outlet (first: 'b')" in capsys.readouterr().err


def test_report_warns_of_articles_without_an_outlet(tmp_path, monkeypatch, capsys: pytest.CaptureFixture[str]) -> None:
    # the report's analysis hands every articles-table row back; the command prints the same warning lines
    import analysis.report as report

    def fake_build(corpus, out, notebooks_dir=None, settings=None, force=False, validation=None, on_article=None):
        for row in ({"article_id": "a", "outlet": "UPI", "status": "analysed"},
                    {"article_id": "b", "outlet": "", "status": "analysed"},
                    {"article_id": "c", "outlet": "", "status": "empty", "read_note": "3 extra cells kept"}):
            on_article(row)
        return Path(out) / "index.html"

    monkeypatch.setattr(report, "build_report", fake_build)
    assert main(["report", str(tmp_path), "-o", str(tmp_path / "out"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "1 analysed article has no outlet (first: 'b')" in err
    assert "1 row had more cells than the header" in err and "(first: 'c'" in err
