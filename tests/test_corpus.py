"""Corpus loading: every input article ends up analysed or listed with a reason."""

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.model import Article, MediacompareError, Skipped

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seed_manifest_labels_articles_honestly():
    arts = {a.article_id: a for a in load_corpus(SEEDS)}
    assert set(arts) == {"000_dc77826089423d0b", "002_3725b521bb5f0d30"}
    upi, unattributed = arts["002_3725b521bb5f0d30"], arts["000_dc77826089423d0b"]
    assert upi.outlet == "UPI"
    assert unattributed.outlet == "Unattributed (AP-style dateline)"
    # neither text carries a headline or URL; 000 prints no date
    assert upi.title == unattributed.title == ""
    assert upi.url == unattributed.url == ""
    assert unattributed.published == ""
    assert upi.published == "2024-11-12"
    assert upi.event_id == unattributed.event_id == "kp-ru-treaty-ratification-2024-11"


def test_seed_files_are_byte_identical_to_shared_seeds():
    shared = SEEDS.parent.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("shared/seeds not beside the checkout")
    for p in shared.glob("*.txt"):
        assert (SEEDS / p.name).read_bytes() == p.read_bytes()


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    p = folder / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def test_directory_accounts_for_every_input(tmp_path):
    _write(tmp_path, "a.txt", "WASHINGTON (AP) — One sentence here.")
    _write(tmp_path, "b.txt", "   \n ")
    _write(tmp_path, "c.txt", b"caf\xe9 bad bytes")
    _write(tmp_path, "d.txt", "Duplicate id text.")
    _write(tmp_path, "stray.txt", "Not in the manifest.")
    _write(tmp_path, "manifest.csv",
           "article_id,file,outlet,headline\n"
           "A,a.txt,Outlet 1,Head A\nB,b.txt,Outlet 1,\nC,c.txt,Outlet 2,\n"
           "A,d.txt,Outlet 2,\nM,missing.txt,Outlet 2,\n")
    recs = list(load_corpus(tmp_path))
    status = {(r.article_id, r.status if isinstance(r, Skipped) else "ok") for r in recs}
    assert status == {("A", "ok"), ("B", "empty"), ("C", "undecodable"), ("A", "duplicate_id"),
                      ("M", "missing_file"), ("stray", "unlisted")}
    a = next(r for r in recs if isinstance(r, Article))
    assert (a.outlet, a.title) == ("Outlet 1", "Head A")
    undecodable = next(r for r in recs if isinstance(r, Skipped) and r.status == "undecodable")
    assert "byte 3" in undecodable.reason
    dup = next(r for r in recs if isinstance(r, Skipped) and r.status == "duplicate_id")
    assert "a.txt" in dup.reason


def test_directory_without_manifest_uses_file_stems(tmp_path):
    _write(tmp_path, "x1.txt", "Text one.")
    _write(tmp_path, "x2.txt", "Text two.")
    assert [r.article_id for r in load_corpus(tmp_path)] == ["x1", "x2"]


def test_csv_table_with_metadata_and_bad_rows(tmp_path):
    df = pd.DataFrame({"article_id": ["a", "b", "a"], "outlet": ["O1", "O2", "O1"],
                       "title": ["T", "", ""], "text": ["Some text.", "", "Again."], "section": ["world", "x", "y"]})
    p = tmp_path / "corpus.csv"
    df.to_csv(p, index=False)
    recs = list(load_corpus(p))
    assert [type(r).__name__ for r in recs] == ["Article", "Skipped", "Skipped"]
    assert recs[0].extra == (("section", "world"),)
    assert (recs[1].status, recs[2].status) == ("empty", "duplicate_id")
    assert recs[1].source.endswith("corpus.csv row 2")


def test_missing_text_column_names_file_and_columns(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("article_id,body\n1,hello\n", encoding="utf-8")
    with pytest.raises(MediacompareError, match=r"c\.csv: no 'text' column \(found: article_id, body\)"):
        list(load_corpus(p))
    assert [a.text for a in load_corpus(p, text_column="body")] == ["hello"]


def test_jsonl_invalid_line_is_listed_not_fatal(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"article_id": "a", "text": "Fine."}) + "\n{broken\n"
                 + json.dumps({"text": "No id."}) + "\n", encoding="utf-8")
    recs = list(load_corpus(p))
    assert isinstance(recs[0], Article)
    assert isinstance(recs[1], Skipped) and recs[1].status == "invalid" and "line 2" in recs[1].source
    assert recs[2].article_id == "row-3"
    assert recs[1].article_id == "row-2"  # not "2": an invalid line cannot take a real article's id


def test_jsonl_row_without_text_is_skipped_not_fatal(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in [
        {"article_id": "a", "text": "Fine."},
        {"article_id": "b", "title": "Kept title", "outlet": "X", "published": "2024-11-12", "pages": "ten"},
        {"article_id": "c", "text": "Also fine."}]) + "\n", encoding="utf-8")
    recs = list(load_corpus(p))
    assert [type(r).__name__ for r in recs] == ["Article", "Skipped", "Article"]
    b = recs[1]
    assert (b.article_id, b.status, b.reason) == ("b", "invalid", "no 'text' field (name the text field with "
                                                                  "--text-column)")
    assert (b.title, b.outlet, b.published, b.extra) == ("Kept title", "X", "2024-11-12", (("pages", "ten"),))


def test_table_without_text_column_is_fatal_for_csv_and_parquet(tmp_path):
    p = tmp_path / "c.parquet"
    pd.DataFrame({"article_id": ["a"], "body": ["Text."]}).to_parquet(p)
    with pytest.raises(MediacompareError, match=r"c\.parquet: no 'text' column \(found: article_id, body\)"):
        list(load_corpus(p))
    empty = tmp_path / "e.csv"
    empty.write_text("article_id,body\n", encoding="utf-8")  # header only: still the wrong header
    with pytest.raises(MediacompareError, match="no 'text' column"):
        list(load_corpus(empty))


def test_skipped_articles_keep_their_metadata(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("article_id,outlet,title,published,url,text,n_pages\n"
                 "a,X,First,2024-11-12,http://x/a,Text one.,ten\n"
                 "a,Y,Second,2024-11-13,http://y/a,Text two.,3\n"
                 "b,Z,Third,2024-11-14,http://z/b,,4\n", encoding="utf-8")
    recs = list(load_corpus(p))
    dup, empty = recs[1], recs[2]
    assert (dup.status, dup.outlet, dup.title, dup.published, dup.url, dup.extra) == (
        "duplicate_id", "Y", "Second", "2024-11-13", "http://y/a", (("n_pages", "3"),))
    assert (empty.status, empty.title, empty.extra) == ("empty", "Third", (("n_pages", "4"),))


def test_parquet_table(tmp_path):
    p = tmp_path / "c.parquet"
    pd.DataFrame({"id": ["p1"], "headline": ["H"], "text": ["Body text."]}).to_parquet(p)
    (a,) = load_corpus(p)
    assert (a.article_id, a.title, a.text) == ("p1", "H", "Body text.")


@pytest.mark.parametrize("name", ["nope", "corpus.docx"])
def test_unusable_paths_raise_one_line_errors(tmp_path, name):
    p = tmp_path / name
    if name.endswith(".docx"):
        p.write_text("x")
    with pytest.raises(MediacompareError) as err:
        list(load_corpus(p))
    assert str(p) in str(err.value) and "\n" not in str(err.value)


def test_subfolders_are_read_with_their_path_as_id_and_other_files_listed(tmp_path):
    (tmp_path / "fox" / "2024").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("Top level.", encoding="utf-8")
    (tmp_path / "fox" / "b.txt").write_text("In a subfolder.", encoding="utf-8")
    (tmp_path / "fox" / "2024" / "c.txt").write_text("Two levels down.", encoding="utf-8")
    (tmp_path / "fox" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("Hidden.", encoding="utf-8")
    recs = list(load_corpus(tmp_path))
    assert [(r.article_id, type(r).__name__) for r in recs] == [
        ("a", "Article"), ("fox/2024/c", "Article"), ("fox/b", "Article"), ("fox/notes.pdf", "Skipped")]
    assert recs[1].text == "Two levels down."
    assert recs[3].status == "not_text" and recs[3].reason.startswith("not a .txt file (.pdf)")


def test_compressed_tables_read_like_plain_ones(tmp_path):
    import bz2
    import gzip
    import lzma

    rows = [{"article_id": "a", "outlet": "Outlet A", "text": "The council met."},
            {"article_id": "b", "outlet": "Outlet B", "text": "The mayor spoke."}]
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    csv_data = b"article_id,outlet,text\na,Outlet A,The council met.\nb,Outlet B,The mayor spoke.\n"
    for name, raw in [("n.jsonl.gz", gzip.compress(data)), ("n.ndjson.bz2", bz2.compress(data)),
                      ("n.csv.xz", lzma.compress(csv_data)), ("n.json.gz", gzip.compress(json.dumps(rows).encode()))]:
        (tmp_path / name).write_bytes(raw)
        got = [(a.article_id, a.outlet, a.text) for a in load_corpus(tmp_path / name)]
        assert got == [("a", "Outlet A", "The council met."), ("b", "Outlet B", "The mayor spoke.")], name


def test_semicolon_csv_keeps_commas_inside_cells(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text('id;outlet;text\nx;"Outlet, Inc.";"Prices rose 2,5 percent; wages did not."\n', encoding="utf-8")
    (art,) = load_corpus(path)
    assert (art.article_id, art.outlet, art.text) == ("x", "Outlet, Inc.", "Prices rose 2,5 percent; wages did not.")


@pytest.mark.parametrize(("text", "binary"), [
    ("The council met.\tIt voted.\r\n\x0cPage two.", False),  # tab, line and page breaks are text
    ("The council met on Tuesday and voted on the budget." + "\x00" * 5, False),  # 5 of 56 characters: 9%
    ("abcdefgh\x00\x01", True),  # 2 of 10: 20%
    ("Hi".encode("utf-32-le").decode("utf-8"), True),  # H \0 \0 \0 i \0 \0 \0: 75% NUL
])
def test_binary_data_is_told_from_text(text, binary):
    from analysis.corpus import binary_reason

    assert bool(binary_reason(text)) is binary
    if binary and "\x00\x00\x00" in text:
        assert "UTF-16 or UTF-32" in binary_reason(text)


def test_folder_order_and_hidden_files_as_before_subfolders_after(tmp_path):
    """Files of the folder itself in name order (a plain listing's: "a-b" before "a"), hidden .txt files read as
    they always were, other hidden files and folders left out, subfolders after, outputs of mediacompare skipped."""
    for name in ("a.txt", "a-b.txt", ".draft.txt", "story (1).txt", "story.txt", ".DS_Store"):
        (tmp_path / name).write_text("The council met.", encoding="utf-8")
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "b.txt").write_text("In a subfolder.", encoding="utf-8")
    (tmp_path / "report").mkdir()  # an earlier report written inside the corpus folder
    (tmp_path / "report" / ".mediacompare-report.json").write_text("{}", encoding="utf-8")
    (tmp_path / "report" / "index.html").write_text("<html></html>", encoding="utf-8")
    ids = [r.article_id for r in load_corpus(tmp_path)]
    assert ids == [".draft", "a-b", "a", "story (1)", "story", "z/b"]


def test_excluded_outputs_are_not_corpus_files(tmp_path):
    (tmp_path / "a.txt").write_text("The council met.", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "metrics.csv").write_text("x\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x\n", encoding="utf-8")
    got = [(r.article_id, type(r).__name__) for r in load_corpus(tmp_path, exclude=[tmp_path / "out"])]
    assert got == [("a", "Article"), ("notes.csv", "Skipped")]


def test_a_pipe_inside_a_folder_is_an_unreadable_row_not_a_hang(tmp_path):
    import os

    (tmp_path / "a.txt").write_text("The council met.", encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    recs = list(load_corpus(tmp_path))
    assert [(r.article_id, type(r).__name__) for r in recs] == [("a", "Article"), ("b", "Skipped")]
    assert recs[1].status == "unreadable" and "pipe" in recs[1].reason


@pytest.mark.parametrize("content, expected", [
    ('\ufeff{"text": "One."}\n{"text": "Two."}\n', ["analysed", "analysed"]),  # JSON Lines with a BOM
    ('{"text": broken\n{"text": "Two."}\n', ["invalid", "analysed"]),  # a bad first line is that line's row
    ('{\n  "text": "One pretty-printed article."\n}\n', ["analysed"]),  # one object over several lines
])
def test_json_lines_saved_as_json_are_read_line_by_line(tmp_path, content, expected):
    path = tmp_path / "news.json"
    path.write_text(content, encoding="utf-8")
    assert ["analysed" if isinstance(r, Article) else r.status for r in load_corpus(path)] == expected
