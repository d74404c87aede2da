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
    METRIC_COLUMNS,
    SENTENCE_COLUMNS,
    collect_tables,
    load_tables,
    save_tables,
    write_results,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed_tables():
    return collect_tables(analyse_corpus(SEEDS))


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
                                    "analysis.actors", "analysis.metrics.base"])
def test_any_module_imports_first_and_family_order_is_fixed(module):
    import subprocess
    import sys

    code = f"import {module}; from analysis.metrics import FAMILIES; print(','.join(FAMILIES))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "readability,sentiment,framing,entities,sourcing"
