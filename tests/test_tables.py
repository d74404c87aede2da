"""Tidy tables: the output contract, accounting for every article, and byte-identical re-runs."""

import math
from pathlib import Path

import pandas as pd
import pytest

from analysis.metrics import Settings
from analysis.model import MediacompareError
from analysis.pipeline import analyse_corpus
from analysis.tables import (
    EVIDENCE_COLUMNS,
    EVIDENCE_WINDOW,
    METRIC_COLUMNS,
    SENTENCE_COLUMNS,
    collect_tables,
    load_tables,
    record_columns,
    record_tables_for,
    save_tables,
    write_results,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_contract_columns(seed_tables):
    assert list(seed_tables.metrics.columns) == METRIC_COLUMNS
    assert list(seed_tables.evidence.columns) == EVIDENCE_COLUMNS
    assert list(seed_tables.sentences.columns) == SENTENCE_COLUMNS
    assert {"article_id", "outlet", "status", "reason", "caption", "credit", "dateline_place",
            "dateline_date", "dateline_agency"} <= set(seed_tables.articles.columns)


def test_every_metric_row_names_its_family_and_nan_has_a_reason(seed_tables):
    m = seed_tables.metrics
    assert (m["family"] != "").all()
    nan_rows = m[m["value"].isna()]
    assert (nan_rows["note"].str.len() > 0).all()


def test_sentence_table_matches_parse(seed_tables):
    counts = seed_tables.sentences.groupby("article_id").size().to_dict()
    assert counts == {"000_dc77826089423d0b": 16, "002_3725b521bb5f0d30": 14}
    first = seed_tables.sentences.iloc[0]
    assert first["tokens"].split()[:4] == ["North", "Korea", "ratified", "a"]


def test_articles_table_records_cleaning(seed_tables):
    a = seed_tables.articles.set_index("article_id")
    upi = a.loc["002_3725b521bb5f0d30"]
    assert (upi["dateline_place"], upi["dateline_date"], upi["dateline_agency"]) == ("SEOUL", "Nov. 12", "UPI")
    assert upi["credit"] == "Kremlin Pool File Photo by Vladimir Smirnov/Sputnik/EPA-EFE"
    assert a.loc["000_dc77826089423d0b", "dateline_place"] == "SEOUL, South Korea"
    assert set(a["status"]) == {"analysed"}


def test_skipped_articles_are_listed_with_reasons(tmp_path):
    (tmp_path / "ok.txt").write_text("WASHINGTON (AP) — The vote passed. It was close.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "caption_only.txt").write_text("Soldiers march. (AP Photo/Lee Jin-man)", encoding="utf-8")
    t = collect_tables(analyse_corpus(tmp_path))
    status = dict(zip(t.articles["article_id"], t.articles["status"], strict=True))
    assert status == {"caption_only": "no_body", "empty": "empty", "ok": "analysed"}
    assert (t.skipped["reason"].str.len() > 0).all()
    assert set(t.metrics["article_id"]) <= {"ok"}


def test_csv_outputs_are_byte_identical_across_runs(tmp_path):
    for run in ("a", "b"):
        write_results(analyse_corpus(SEEDS), tmp_path / run / "m.csv", tmp_path / run / "e.csv",
                      tmp_path / run / "a.csv", tmp_path / run / "s.csv")
    for name in ("m.csv", "e.csv", "a.csv", "s.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_parquet_and_csv_hold_the_same_values(tmp_path):
    counts = write_results(analyse_corpus(SEEDS), tmp_path / "m.parquet", articles=tmp_path / "a.csv")
    assert counts == {"analysed": 2}
    pq = pd.read_parquet(tmp_path / "m.parquet")
    write_results(analyse_corpus(SEEDS), tmp_path / "m.csv")
    csv = pd.read_csv(tmp_path / "m.csv", keep_default_na=False, na_values=[""])
    assert len(pq) == len(csv)
    for x, y in zip(pq["value"], csv["value"], strict=True):
        assert (math.isnan(x) and math.isnan(y)) or x == y


def test_save_and_load_round_trip(tmp_path, seed_tables):
    save_tables(seed_tables, tmp_path)
    back = load_tables(tmp_path)
    pd.testing.assert_frame_equal(back.sentences, seed_tables.sentences, check_dtype=False)
    assert set(back.records) == set(seed_tables.records)


def test_bad_output_extension_is_a_clear_error(tmp_path):
    with pytest.raises(MediacompareError, match=r"\.csv or \.parquet"):
        write_results(analyse_corpus(SEEDS), tmp_path / "metrics.xlsx")


def test_family_selection(tmp_path):
    t = collect_tables(analyse_corpus(SEEDS, Settings(families=("readability",))))
    assert set(t.metrics["family"]) <= {"readability"}
    with pytest.raises(MediacompareError, match="unknown metric family"):
        list(analyse_corpus(SEEDS, Settings(families=("nope",))))


def test_parallel_run_gives_identical_output(tmp_path):
    write_results(analyse_corpus(SEEDS, jobs=1), tmp_path / "one.csv", tmp_path / "e1.csv")
    write_results(analyse_corpus(SEEDS, jobs=2), tmp_path / "two.csv", tmp_path / "e2.csv")
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()
    assert (tmp_path / "e1.csv").read_bytes() == (tmp_path / "e2.csv").read_bytes()


@pytest.mark.parametrize("module", ["analysis.sourcing.claims", "analysis.sourcing.hedges", "analysis.metrics.sourcing",
                                    "analysis.entities", "analysis.metrics.base"])
def test_any_module_imports_first_and_family_order_is_fixed(module):
    import subprocess
    import sys

    code = f"import {module}; from analysis.metrics import FAMILIES; print(','.join(FAMILIES))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "readability,sentiment,framing,entities,sourcing"


def test_skipped_rows_keep_metadata_and_user_n_columns_stay_text(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("article_id,outlet,title,published,url,text,n_pages\n"
                 "a,X,First,2024-11-12,http://x/a,The cat sat on the mat.,ten\n"
                 "a,Y,Second,2024-11-13,http://y/a,Again.,3\n", encoding="utf-8")
    arts = collect_tables(analyse_corpus(p)).articles
    dup = arts[arts["status"] == "duplicate_id"].iloc[0]
    assert (dup["outlet"], dup["title"], dup["published"], dup["url"], dup["n_pages"]) == (
        "Y", "Second", "2024-11-13", "http://y/a", "3")
    assert list(arts["n_pages"]) == ["ten", "3"]  # a user column, not one of the pipeline's counts
    assert str(arts["n_words"].dtype) == "Int64" and arts["n_words"].iloc[0] == 6


def test_csv_floats_are_shortest_round_trip_text(tmp_path):
    # 0.467 is not exactly representable: "%.17g" wrote 0.46700000000000003; repr writes 0.467
    df = pd.DataFrame({"x": [0.467, 2000.0, math.nan], "y": ["a", "b", "c"]})
    save = tmp_path / "t.csv"
    from analysis.tables import write_frame

    write_frame(df, save)
    assert save.read_text(encoding="utf-8") == "x,y\n0.467,a\n2000.0,b\n,c\n"


def test_empty_record_tables_have_a_header_and_load(tmp_path):
    # "Text one." has no quote, claim, hedge or actor: those tables have no row but keep their columns
    corpus = tmp_path / "c.csv"
    corpus.write_text("article_id,outlet,text\n001,X,The cat sat on the mat.\n", encoding="utf-8")
    folder = tmp_path / "rec"
    write_results(analyse_corpus(corpus), tmp_path / "m.csv", articles=tmp_path / "a.csv",
                  sentences=tmp_path / "s.csv", evidence=tmp_path / "e.csv", records_dir=folder,
                  record_tables=record_tables_for(["readability", "sentiment", "entities", "sourcing"]))
    assert (folder / "claims.csv").read_text(encoding="utf-8") == ",".join(record_columns("claims")) + "\n"
    assert record_columns("claims")[:5] == ["article_id", "outlet", "sentence_index", "start", "end"]
    for name in ("metrics", "evidence", "sentences", "articles"):
        (folder / f"{name}.csv").write_bytes((tmp_path / f"{name[0]}.csv").read_bytes())
    t = load_tables(folder)
    assert t.records["claims"].empty and list(t.records["claims"].columns) == record_columns("claims")
    assert str(t.records["claims"]["value"].dtype) == "float64"
    assert t.records["readability_counts"]["n_words"].tolist() == [6]


def test_loading_csv_keeps_ids_and_text_and_restores_numbers(tmp_path):
    corpus = tmp_path / "c.csv"
    corpus.write_text("article_id,outlet,event_id,text\n001,X,42,The cat sat on the mat.\n", encoding="utf-8")
    before = collect_tables(analyse_corpus(corpus))
    save_tables(before, tmp_path / "t", "csv")
    after = load_tables(tmp_path / "t")
    assert after.articles["article_id"].tolist() == ["001"] and after.articles["event_id"].tolist() == ["42"]
    assert (after.metrics["article_id"] == "001").all()
    assert (after.metrics.loc[after.metrics["metric"] == "flesch_reading_ease", "target"] == "").all()
    for name in ("metrics", "evidence", "sentences", "articles"):
        pd.testing.assert_frame_equal(getattr(before, name), getattr(after, name))
    for name, df in before.records.items():
        pd.testing.assert_frame_equal(df, after.records[name])


def test_load_tables_reports_unreadable_files_in_one_line(tmp_path, seed_tables):
    save_tables(seed_tables, tmp_path / "t", "csv")
    (tmp_path / "t" / "metrics.csv").write_bytes(b"")
    with pytest.raises(MediacompareError, match=r"metrics\.csv: cannot read table"):
        load_tables(tmp_path / "t")
    with pytest.raises(MediacompareError, match="no such tables folder"):
        load_tables(tmp_path / "nope")


def test_registering_a_second_family_under_a_used_name_raises():
    from analysis.metrics import FAMILIES, register_family

    fn = FAMILIES["readability"]
    assert register_family("readability")(fn) is fn  # the same function again (a re-import) is fine

    def other(doc, settings):  # pragma: no cover - never run
        raise AssertionError

    with pytest.raises(ValueError, match="'readability' registered twice"):
        register_family("readability")(other)
    assert FAMILIES["readability"] is fn


def test_seed_record_rows_match_their_fixed_schema(seed_tables):
    # every bundled record table the seeds produce has exactly the declared columns
    from analysis.tables import record_columns

    for name, df in seed_tables.records.items():
        assert list(df.columns) == record_columns(name), name


WORDS = " ".join(f"w{i:03d}" for i in range(100))  # token i at 5i..5i+4, 499 characters


@pytest.mark.parametrize("start, end, limit, expected", [
    # cue w050 (250..254): 98 characters each side -> 152..352, moved in to the spaces after w030 and w069
    (250, 254, 200, "…" + " ".join(f"w{i:03d}" for i in range(31, 70)) + "…"),
    # cue at the start: the window takes 0..200, cut back to the space after w039
    (0, 4, 200, " ".join(f"w{i:03d}" for i in range(40)) + "…"),
    # cue at the end: 299..499, moved forward to w060
    (495, 499, 200, "…" + " ".join(f"w{i:03d}" for i in range(60, 100))),
    # a cue longer than the window keeps its first 200 characters (0..200, cut back to w039)
    (0, 499, 200, " ".join(f"w{i:03d}" for i in range(40)) + "…"),
    # the default window (100): 48 characters each side of w050 -> 202..302, moved in to w041 and w059
    (250, 254, None, "…" + " ".join(f"w{i:03d}" for i in range(41, 60)) + "…"),
])
def test_evidence_window_is_centred_on_the_cue_and_cut_at_spaces(start, end, limit, expected):
    from analysis.tables import EVIDENCE_WINDOW, evidence_window

    window = evidence_window(WORDS, start, end, limit or EVIDENCE_WINDOW)
    assert window == expected
    assert WORDS[start:end][:limit or EVIDENCE_WINDOW].split()[0] in expected


def test_evidence_window_keeps_short_sentences_and_cuts_a_spaceless_one():
    from analysis.tables import evidence_window

    assert evidence_window("A short sentence.", 2, 7) == "A short sentence."
    blob = "x" * 300
    assert evidence_window(blob, 150, 151, 200) == "…" + "x" * 200 + "…"  # no space to cut at: cut mid-word


def test_evidence_text_is_empty_only_when_the_cue_is_the_whole_sentence():
    from analysis.tables import evidence_text

    sentence = "Officials in Pyongyang approved the agreement."  # 46 characters
    assert evidence_text(sentence, 0, 46) == ""  # a per-sentence row: the sentences table holds it
    assert evidence_text(sentence, 13, 22) == sentence  # "Pyongyang": short sentence, kept whole
    assert evidence_text(sentence, 0, 45) == sentence  # all but the full stop is not the whole sentence


def test_per_sentence_rows_point_to_the_sentences_table(seed_tables):
    """Readability's and VADER's per-sentence rows leave ``text`` empty; the sentence is the sentences row
    with the same article and index, and the offsets are that row's."""
    ev, sents = seed_tables.evidence, seed_tables.sentences
    per_sentence = ev[ev["metric"].isin(["sentence_counts", "sentence_compound"])]
    n_sentences = len(sents)
    assert len(per_sentence) == 2 * n_sentences and (per_sentence["text"] == "").all()
    joined = per_sentence.merge(sents, on=["article_id", "sentence_index"], suffixes=("", "_s"))
    assert len(joined) == len(per_sentence)
    assert (joined["start"] == joined["start_s"]).all() and (joined["end"] == joined["end_s"]).all()
    # every other body row shows its cue's words: the window holds the text at its offsets
    others = ev[(ev["sentence_index"] >= 0) & (ev["text"] != "")].merge(
        sents, on=["article_id", "sentence_index"], suffixes=("", "_s"))
    for r in others.itertuples():
        cue = r.text_s[r.start - r.start_s:r.end - r.start_s]
        assert cue[:20].strip(" …") in r.text


def test_headline_rows_keep_the_headline(tmp_path):
    """The headline (sentence_index -1) is not in the sentences table, so its rows keep its text."""
    (tmp_path / "news.csv").write_text("article_id,outlet,title,text\n"
                                       "a1,Daily,Officials approve the agreement,The council met on Monday.\n",
                                       encoding="utf-8")
    t = collect_tables(analyse_corpus(tmp_path / "news.csv"))
    head = t.evidence[t.evidence["metric"] == "headline_compound"]
    assert list(head["text"]) == ["Officials approve the agreement"]
    body = t.evidence[t.evidence["metric"] == "sentence_compound"]
    assert list(body["text"]) == [""] and list(t.sentences["text"]) == ["The council met on Monday."]


def test_evidence_rows_are_bounded_on_one_huge_sentence(tmp_path):
    """An unpunctuated article is one sentence; each evidence row keeps a window, not the sentence."""
    words = ("the mayor said residents were angry and officials warned about the crisis "
             "while protesters clashed with police ") * 200  # 3,400 words, no sentence end
    (tmp_path / "huge.txt").write_text(words, encoding="utf-8")
    t = collect_tables(analyse_corpus(tmp_path))
    assert len(t.sentences) == 1 and len(t.sentences["text"].iloc[0]) > 20_000
    ev = t.evidence[t.evidence["sentence_index"] >= 0]
    assert len(ev) > 100
    assert ev["text"].str.len().max() <= EVIDENCE_WINDOW + 2  # the window + an ellipsis at each cut
    sentence = t.sentences.iloc[0]
    for row in ev.itertuples():
        assert sentence["start"] <= row.start <= row.end <= sentence["end"]
        if row.end - row.start <= 100:  # a short cue lies inside its window
            assert sentence["text"][row.start - sentence["start"]:row.end - sentence["start"]] in row.text


def test_empty_corpus_tables_keep_the_articles_columns(tmp_path):
    """No row at all (a CSV header only): the articles table still has status and reason (report and
    compare select on them), and reads back from CSV with them."""
    (tmp_path / "news.csv").write_text("article_id,outlet,text\n", encoding="utf-8")
    t = collect_tables(analyse_corpus(tmp_path / "news.csv"))
    assert list(t.articles.columns) == ["article_id", "outlet", "title", "published", "url", "event_id", "source",
                                        "status", "reason"]
    assert t.analysed.empty and t.skipped.empty
    save_tables(t, tmp_path / "out", "csv")
    back = load_tables(tmp_path / "out")
    assert "status" in back.articles.columns and back.articles.empty


def test_cue_and_target_are_bounded():
    from analysis.tables import CUE_LIMIT, bounded

    short = "words=3; polysyllabic: -"
    assert bounded(short) == short
    long = " ".join(["ratification"] * 200)  # 2,599 characters
    cut = bounded(long)
    assert len(cut) <= CUE_LIMIT + 1 and cut.endswith("ratification…")
    assert long.startswith(cut[:-1])


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_articles_table_past_the_spill_size_is_the_same_table(tmp_path, monkeypatch, suffix):
    # a corpus whose rows carry different metadata columns (a number in some rows only, a column that first
    # appears late, a formula-like title) written with every row in memory and with rows spilled two at a time
    # to the temporary file: the same table (CSV byte for byte), and the temporary file is gone
    import json

    import analysis.tables as tables
    from analysis.tables import write_results

    rows = [{"article_id": f"a{i}", "outlet": "O", "title": "=SUM(A1)" if i == 3 else f"T{i}",
             "text": "The council met on Monday. It voted to repair the bridge before winter.",
             **({"rank": i} if i % 2 else {}), **({"late": "x"} if i == 4 else {})} for i in range(7)]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = {}
    for spill in (10_000, 2):
        monkeypatch.setattr(tables, "SPILL_ROWS", spill)
        folder = tmp_path / f"out{spill}"
        folder.mkdir()
        counts = write_results(analyse_corpus(corpus, Settings(families=("readability",))), folder / "m.csv",
                               articles=folder / f"articles.{suffix}")
        assert counts == {"analysed": 7}
        assert sorted(p.name for p in folder.iterdir()) == sorted(["m.csv", f"articles.{suffix}"])
        out[spill] = folder / f"articles.{suffix}"
    if suffix == "csv":
        assert out[2].read_bytes() == out[10_000].read_bytes()
        table = pd.read_csv(out[2], dtype=str, keep_default_na=False)
        assert list(table["rank"]) == ["", "1", "", "3", "", "5", ""]  # whole numbers, not "1.0"
        assert list(table["late"]) == ["", "", "", "", "x", "", ""]
        assert table["title"][3] == "'=SUM(A1)"  # neutralised for spreadsheets in the spilled batches too
    else:
        pd.testing.assert_frame_equal(pd.read_parquet(out[2]), pd.read_parquet(out[10_000]))
