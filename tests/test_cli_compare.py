"""``mediacompare compare``: the comparison tables from the command line."""

from pathlib import Path

import pandas as pd

from analysis.cli import main
from analysis.compare.run import COMPARISON_TABLES
from analysis.tables import save_tables

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TABLES = sorted(COMPARISON_TABLES)


def test_compare_writes_every_table_in_both_formats(tmp_path, capsys):
    assert main(["compare", str(SEEDS), "-o", str(tmp_path / "cmp")]) == 0
    assert sorted(p.name for p in (tmp_path / "cmp").iterdir()) == sorted(
        [f"{t}.{ext}" for t in TABLES for ext in ("csv", "parquet")] + [".mediacompare-compare.json"])
    assert f"wrote {len(TABLES)} comparison tables" in capsys.readouterr().out
    claims = pd.read_csv(tmp_path / "cmp" / "claims.csv")
    troops = claims[claims["referent"] == "north korean troops"].iloc[0]
    # UPI (side a, sorts first) says around 10,000 per the Pentagon; the rewrite as many as 12,000
    assert (troops["value_a"], troops["value_b"], troops["label"]) == (10000, 12000, "different")
    assert troops["approximator_a"] == "around" and troops["approximator_b"] == "as many as"
    assert "Pentagon" in troops["attribution_a"] and "Intelligence reports" in troops["attribution_b"]


def test_compare_from_saved_tables_matches_direct_run(tmp_path, seed_tables):
    save_tables(seed_tables, tmp_path / "tables")
    assert main(["compare", str(SEEDS), "-o", str(tmp_path / "a"), "--quiet"]) == 0
    assert main(["compare", str(tmp_path / "tables"), "--from-tables", "-o", str(tmp_path / "b"), "--quiet"]) == 0
    for t in TABLES:
        assert (tmp_path / "a" / f"{t}.csv").read_bytes() == (tmp_path / "b" / f"{t}.csv").read_bytes()


def test_unknown_event_is_a_one_line_error(tmp_path, capsys):
    assert main(["compare", str(SEEDS), "-o", str(tmp_path / "c"), "--event", "nope"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["mediacompare: error: " + str(SEEDS) + ": no article has event_id 'nope'"]


def test_compare_streams_the_analysis_and_loads_no_evidence(tmp_path, monkeypatch):
    import analysis.compare.run as run

    seen = {}
    original = run.write_comparison

    def spy(tables, out, event=None, **kwargs):
        seen["evidence_rows"] = len(tables.evidence)
        seen["records"] = sorted(tables.records)
        seen["n_sentences"] = len(tables.sentences)
        return original(tables, out, event=event, **kwargs)

    monkeypatch.setattr(run, "write_comparison", spy)
    assert main(["compare", str(SEEDS), "-o", str(tmp_path / "cmp"), "--quiet"]) == 0
    assert seen == {"evidence_rows": 0, "records": ["claims"], "n_sentences": 14 + 16}


def test_event_all_selects_articles_without_event_id(tmp_path, capsys):
    import pandas as pd

    path = tmp_path / "c.csv"
    pd.DataFrame({"article_id": ["a", "b"], "outlet": ["O1", "O2"],
                  "text": ["The Senate passed the bill on Friday.", "The Senate passed a bill on Friday."]}
                 ).to_csv(path, index=False)
    assert main(["compare", str(path), "-o", str(tmp_path / "out"), "--event", "all", "--quiet"]) == 0
    events = pd.read_csv(tmp_path / "out" / "events.csv")
    assert set(events["event_id"]) == {"all"} and len(events) == 2
    assert main(["compare", str(path), "-o", str(tmp_path / "out2"), "--event", "auto-001", "--quiet"]) == 2
    assert "no article has event_id 'auto-001'" in capsys.readouterr().err


def test_compare_never_overwrites_a_file_it_did_not_write(tmp_path, capsys):
    """compare -o DIR replaced the user's own stats.csv in DIR; now a folder compare did not write is refused,
    with --force the tables go next to the user's files, and a file of the same name stops the run."""
    out = tmp_path / "mine"
    out.mkdir()
    (out / "stats.csv").write_text("my own statistics\n", encoding="utf-8")
    args = ["compare", str(SEEDS), "-o", str(out), "--families", "readability", "--no-cache", "--quiet"]
    assert main(args) == 2
    assert "not written by mediacompare compare" in capsys.readouterr().err
    assert main([*args, "--force"]) == 2
    assert "stats.csv: exists and was not written by mediacompare compare" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["stats.csv"]
    assert (out / "stats.csv").read_text(encoding="utf-8") == "my own statistics\n"
    (out / "stats.csv").rename(tmp_path / "moved.csv")
    (out / "notes.txt").write_text("notes\n", encoding="utf-8")
    assert main([*args, "--force"]) == 0  # next to the user's notes
    assert main(args) == 0  # a folder compare wrote into: replaced table by table
    assert (out / "notes.txt").read_text(encoding="utf-8") == "notes\n"


def test_a_contrast_naming_no_outlet_of_the_corpus_is_warned_about(tmp_path, capsys):
    assert main(["compare", str(SEEDS), "-o", str(tmp_path / "c"), "--families", "readability", "--no-cache",
                 "--quiet", "--contrast", "upi:Reuters"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "--contrast upi:Reuters: no analysed article from 'upi' or 'Reuters' (did you mean 'UPI'?)" in err


def test_a_folder_an_earlier_compare_wrote_without_a_marker_is_its_own(tmp_path):
    """Folders written by compare before it wrote markers hold only its tables: rerunning into one works."""
    out = tmp_path / "cmp"
    args = ["compare", str(SEEDS), "-o", str(out), "--families", "readability", "--no-cache", "--quiet"]
    assert main(args) == 0
    (out / ".mediacompare-compare.json").unlink()
    assert main(args) == 0
    assert (out / ".mediacompare-compare.json").is_file()
