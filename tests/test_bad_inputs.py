"""Bad inputs: every one is a listed row with a reason or a one-line error; nothing is lost or overwritten.

The cases are data: ``tests/bad_inputs/cases.toml`` (its header says how to add one) and the inputs in
``tests/bad_inputs/``. Inputs git cannot hold (file names that are not UTF-8, links, permissions, Parquet
column types) are built by the functions in :data:`BUILDERS`.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.tables import csv_restore, csv_safe, load_tables

HERE = Path(__file__).resolve().parent / "bad_inputs"
CASES = tomllib.loads((HERE / "cases.toml").read_text(encoding="utf-8"))["case"]
EN = "The city council voted on Tuesday to close the old bridge, officials said."


def _folder_with(tmp: Path, **files: bytes | str) -> Path:
    folder = tmp / "corpus"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return folder


def non_utf8_file_name(tmp: Path) -> Path:
    folder = _folder_with(tmp, **{"a.txt": EN})
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(EN, encoding="utf-8")
    return folder


def directory_named_txt(tmp: Path) -> Path:
    folder = _folder_with(tmp, **{"a.txt": EN})
    (folder / "dir.txt").mkdir()
    return folder


def broken_symlink(tmp: Path) -> Path:
    folder = _folder_with(tmp, **{"a.txt": EN})
    (folder / "link.txt").symlink_to(folder / "gone.txt")
    return folder


def symlink_loop(tmp: Path) -> Path:
    folder = _folder_with(tmp, **{"a.txt": EN})
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    return folder


def link_to_folder(tmp: Path) -> Path:
    folder = _folder_with(tmp, **{"a.txt": EN})
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text(EN, encoding="utf-8")
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    return folder


def named_pipe(tmp: Path) -> Path:
    path = tmp / "news.csv"
    os.mkfifo(path)  # reading it would block until something writes
    return path


def _unreadable(path: Path) -> Path:
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything
        pytest.skip("running as a user that can read a file without read permission")
    return path


def unreadable_file(tmp: Path) -> Path:
    folder = _folder_with(tmp, **{"a.txt": EN, "locked.txt": EN})
    _unreadable(folder / "locked.txt")
    return folder


def unreadable_table(tmp: Path) -> Path:
    path = tmp / "news.csv"
    path.write_text(f"text\n{EN}\n", encoding="utf-8")
    return _unreadable(path)


def manifest_names_directory(tmp: Path) -> Path:
    folder = _folder_with(tmp, **{"a.txt": EN, "manifest.csv": "article_id,file\na,a.txt\nd,sub.txt\n"})
    (folder / "sub.txt").mkdir()
    return folder


def missing_corpus(tmp: Path) -> Path:
    return tmp / "no_such_corpus.csv"


def parquet_text_types(tmp: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp / "news.parquet"
    pq.write_table(pa.table({
        "article_id": ["a", "b"],
        "t_int": [12345, 678],
        "t_bytes": [EN.encode("utf-8"), b"Officials said the vote passed."],
        "t_latin1": ["The caf\xe9 closed on Tuesday.".encode("latin-1"), EN.encode("utf-8")],
        "t_struct": [{"a": "b"}, {"a": "c"}],
        "t_list": [["The", "council"], ["met"]],
    }), path)
    return path


def parquet_named_csv(tmp: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp / "news.csv"
    pq.write_table(pa.table({"text": [EN]}), path)
    return path


def parquet_duplicate_columns(tmp: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp / "news.parquet"
    pq.write_table(pa.Table.from_arrays([pa.array([EN]), pa.array([""])], names=["text", "text"]), path)
    return path


def pipe_and_device_in_folder(tmp: Path) -> Path:
    folder = _folder_with(tmp, **{"a.txt": EN})
    os.mkfifo(folder / "pipe.txt")  # reading it would block
    (folder / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    return folder


def subfolder_too_deep_to_name(tmp: Path) -> Path:
    """a.txt, and deep.txt 250 folders down: its path (> 10,000 bytes) is longer than the system lets a path be."""
    folder = _folder_with(tmp, **{"a.txt": EN})
    fd = os.open(folder, os.O_RDONLY)
    for _ in range(250):  # relative to an open folder: each step is a short name
        os.mkdir("d" * 40, dir_fd=fd)
        deeper = os.open("d" * 40, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = deeper
    out = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
    os.write(out, EN.encode("utf-8"))
    os.close(out)
    os.close(fd)
    return folder


def names_differing_in_case(tmp: Path) -> Path:
    """a.txt, a.TXT and A.txt (a folder git could not check out on a file system that ignores case)."""
    return _folder_with(tmp, **{"a.txt": EN, "a.TXT": EN, "A.txt": EN})


def huge_single_line_csv(tmp: Path) -> Path:
    path = tmp / "news.csv"
    path.write_text("article_id,text\nhuge," + "word " * 100_000 + "\n", encoding="utf-8")
    return path


def many_articles_odd_dates(tmp: Path) -> Path:
    """230 articles without event ids (above 200 they are grouped by date and wording), with dates pandas reads
    outside its nanosecond range (0001-01-01, 9999-12-31), impossible (2024-02-30) or day-first (31/12/2024)."""
    dates = ["2024-11-12", "0001-01-01", "9999-12-31", "2024-02-30", "31/12/2024", "yesterday", "", "2262-04-12"]
    words = "council bridge vote mayor budget school river road park police fire storm tax rail port".split()
    lines = ["article_id,outlet,published,text"]
    for i in range(230):
        w = [words[(i * k) % len(words)] for k in (1, 3, 5, 7)]
        lines.append(f'a{i},O{i % 4},{dates[i % len(dates)]},"The {w[0]} and the {w[1]} met on Tuesday, officials '
                     f'said. The {w[2]} was discussed by the {w[3]} committee."')
    path = tmp / "news.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def long_outlet_name(tmp: Path) -> Path:
    """An outlet name of 100,000 characters (a scraper that put the page into the outlet column)."""
    path = tmp / "news.csv"
    path.write_text(f'article_id,outlet,text\na,{"X" * 100_000},"{EN}"\nb,B,"{EN}"\n', encoding="utf-8")
    return path


def parquet_cut_short(tmp: Path) -> Path:
    """The first half of a Parquet file (a download cut short)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp / "news.parquet"
    pq.write_table(pa.table({"article_id": ["a", "b"], "text": [EN, EN]}), path)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    return path


def escape_in_file_name(tmp: Path) -> Path:
    """A corpus named with a terminal escape sequence: the error line printed it raw (the terminal turned red)."""
    path = tmp / "x\x1b[31mred.docx"
    path.write_text(EN, encoding="utf-8")
    return path


BUILDERS: dict[str, Callable[[Path], Path]] = {f.__name__: f for f in (
    non_utf8_file_name, directory_named_txt, broken_symlink, symlink_loop, unreadable_file, unreadable_table,
    manifest_names_directory, missing_corpus, parquet_text_types, link_to_folder, named_pipe, parquet_named_csv,
    parquet_duplicate_columns, pipe_and_device_in_folder, subfolder_too_deep_to_name, names_differing_in_case,
    huge_single_line_csv, many_articles_odd_dates, long_outlet_name, parquet_cut_short, escape_in_file_name)}


def _snapshot(path: Path) -> dict[str, bytes]:
    """Every readable file at or under ``path`` (links not followed; folders too deep to name passed over) with its
    bytes."""
    if path.is_symlink() or not path.exists():
        return {}
    files = [path] if path.is_file() else sorted(Path(root) / f for root, _, names in os.walk(path) for f in names)
    return {str(p): p.read_bytes() for p in files if not p.is_symlink() and p.is_file() and os.access(p, os.R_OK)}


def _case_id(case: dict) -> str:
    return "-".join([case.get("command", "metrics"), case["input"].replace("/", "_"),
                     *(o.rsplit("/", 1)[-1] for o in case.get("options", []) if not o.startswith("--"))])


def test_every_case_has_a_unique_id_and_an_existing_input() -> None:
    ids = [_case_id(c) for c in CASES]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for case in CASES:
        assert case["input"] in BUILDERS if case.get("generated") else (HERE / case["input"]).exists(), case
        assert ("error" in case) == (case["exit"] == 2), case


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_bad_input(case: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = BUILDERS[case["input"]](tmp_path) if case.get("generated") else HERE / case["input"]
    command = case.get("command", "metrics")
    out = tmp_path / "out"
    options = [o.replace("{here}", str(HERE)) for o in case.get("options", [])]
    if command == "metrics":
        argv = ["metrics", str(corpus), "-o", str(out / "metrics.csv"), "--articles", str(out / "articles.csv")]
        if "--families" not in options:
            argv += ["--families", "readability"]
    else:
        argv = ["compare", str(corpus), "-o", str(out)]
    before = _snapshot(corpus)
    code = main([*argv, *options, "--quiet"])
    stdout, stderr = capsys.readouterr()

    assert "Traceback" not in stderr + stdout
    assert code == case["exit"], stderr
    assert _snapshot(corpus) == before  # no input changed
    if code == 2:
        assert stderr.count("\n") == 1 and stderr.startswith("mediacompare: error: "), stderr
        assert case["error"] in stderr
        assert not out.exists()
        return
    lines = stderr.splitlines()
    assert all(line.startswith("mediacompare: warning: ") for line in lines), stderr
    if "warning" in case:
        assert any(case["warning"] in line for line in lines), stderr
    else:
        assert lines == []
    if command == "compare":
        assert (out / "events.csv").is_file()
        return
    articles = load_tables(out, ("articles",), ()).articles
    assert dict(Counter(articles["status"])) == case["statuses"]  # every input is a row: none lost
    skipped = articles[articles["status"] != "analysed"]
    assert (skipped["reason"].str.strip() != "").all(), skipped
    if "reason" in case:
        assert skipped["reason"].str.contains(case["reason"], regex=False).any(), skipped["reason"].tolist()


def test_non_utf8_file_name_keeps_its_bytes_visible(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = non_utf8_file_name(tmp_path)
    assert main(["metrics", str(corpus), "-o", str(tmp_path / "m.csv"), "--articles", str(tmp_path / "a.csv"),
                 "--families", "readability", "--quiet"]) == 0
    ids = set(pd.read_csv(tmp_path / "a.csv", dtype=str)["article_id"])
    assert ids == {"a", "caf\\xe9"}


def test_formula_cells_are_neutralised_in_csv_and_kept_in_parquet(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    corpus = HERE / "csv_formula_cells.csv"
    for ext in ("csv", "parquet"):
        assert main(["metrics", str(corpus), "-o", str(tmp_path / f"metrics.{ext}"), "--articles",
                     str(tmp_path / f"articles.{ext}"), "--families", "readability", "--quiet"]) == 0
    raw = pd.read_csv(tmp_path / "articles.csv", dtype=str, keep_default_na=False).set_index("title")
    # as a spreadsheet sees the file: no cell of a text column starts with = + - @
    assert set(raw["article_id"]) == {"'=1+1", "'-2"}
    assert set(raw["outlet"]) == {"'=HYPERLINK(\"http://x\")", "'+cmd"}
    assert set(raw.index) == {"'@SUM(A1)", "'-5"}
    metrics = pd.read_csv(tmp_path / "metrics.csv", dtype=str, keep_default_na=False)
    assert set(metrics["article_id"]) == {"'=1+1", "'-2"}
    assert not metrics["value"].str.startswith("'").any()  # numbers are not text: never prefixed
    # read back by mediacompare: Parquet (preferred when both exist) and CSV give the raw values
    for drop in ("", "parquet"):
        if drop:
            for name in ("articles", "metrics"):
                (tmp_path / f"{name}.{drop}").unlink()
        back = load_tables(tmp_path, ("metrics", "articles"), ())
        assert set(back.articles["outlet"]) == {"=HYPERLINK(\"http://x\")", "+cmd"}
        assert set(back.articles["title"]) == {"@SUM(A1)", "-5"}
        assert set(back.metrics["article_id"]) == {"=1+1", "-2"}


@pytest.mark.parametrize("text", ["=x", "+1", "-", "@", "\tx", "\rx", "'=x", "''-1", "'Tis", "'", "", "a=b", "x-"])
def test_csv_safe_round_trips(text: str) -> None:
    safe = csv_safe(text)
    assert safe[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert csv_restore(safe) == text


@pytest.mark.parametrize("body, problem", [
    ("types:\n  military: army\n", "'types.military' is a single value ('army')"),
    ("types:\n  new type: [a, b]\nanonymous_heads: officials\n", "'anonymous_heads' is a single value"),
    ("types:\n  military: [army, [navy]]\n", "'types.military[1]' is a list"),
    ("same_document: [treaty]\n", "'same_document' is a list (['treaty']) where the bundled source_types.yaml has "
                                  "a mapping"),
])
def test_replacement_lexicon_must_have_the_bundled_shape(tmp_path: Path, body: str, problem: str) -> None:
    from analysis.lexicons import check_like_bundled, load_lexicon
    from analysis.model import MediacompareError

    path = tmp_path / "types.yaml"
    path.write_text('meta: {name: x, version: "1", source: s, licence: MIT}\n' + body, encoding="utf-8")
    with pytest.raises(MediacompareError, match="^" + str(path).replace(".", r"\.")) as err:
        check_like_bundled(load_lexicon(path), "source_types.yaml")
    assert problem in str(err.value)


def test_new_keys_take_their_siblings_shape_and_unknown_top_level_keys_are_left_alone(tmp_path: Path) -> None:
    from analysis.lexicons import check_like_bundled, load_lexicon

    path = tmp_path / "types.yaml"
    path.write_text('meta: {name: x, version: "1", source: s, licence: MIT}\n'
                    "types:\n  new type: [clerk, registrar]\n  empty type:\nreporting_verbs: said\n", encoding="utf-8")
    check_like_bundled(load_lexicon(path), "source_types.yaml")  # no error


@pytest.mark.parametrize("argv", [
    ["metrics", "", "-o", "m.csv"],  # an empty CORPUS would be the current folder, read whole
    ["metrics", "seeds", "-o", "m.csv", "--jobs", "abc"],
    ["metrics", "seeds"],
    ["compare", "seeds", "-o", "out", "--resamples", "-5"],
    ["report", "seeds", "-o", "out", "--no-cache"],  # an option report does not have: names report's --help
    ["validate", "sample", "", "-o", "out"],
    # an empty file or folder name (was a KeyError traceback for metrics -o; compare/notebooks used the current folder)
    ["metrics", "seeds", "-o", ""],
    ["metrics", "seeds", "-o", "m.csv", "--evidence", ""],  # was ignored: no evidence, no word
    ["compare", "seeds", "-o", ""],
    ["report", "seeds", "-o", ""],
    ["notebooks", ""],
    ["metrics", "seeds", "-o", "m.csv", "--actors", ""],  # was the bundled actors, silently
    ["validate", "score", "coding", "-o", ""],
    ["validate", "sample", "seeds", "-o", "out", "--seed", "-5"],  # was numpy's traceback
    # an empty name was the default without a word (--ner: rules; --event: every event)
    ["metrics", "seeds", "-o", "m.csv", "--ner", ""],
    ["metrics", "seeds", "-o", "m.csv", "--text-column", " "],
    ["metrics", "seeds", "-o", "m.csv", "--scheduler", ""],
    ["metrics", "seeds", "-o", "m.csv", "--jobs", "0"],
    ["compare", "seeds", "-o", "out", "--event", ""],
    ["compare", "seeds", "-o", "out", "--min-articles", "-1"],
    ["validate", "sample", "seeds", "-o", "out", "--text-column", ""],
    ["compare", "seeds", "-o", "out", "--resamples", "1000000000"],  # was numpy's MemoryError traceback (5.6 GB)
])
def test_usage_errors_are_one_line(argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main(argv)
    err = capsys.readouterr().err
    assert stop.value.code == 2 and err.count("\n") == 1 and ": error: " in err, err
    assert f"(see mediacompare {argv[0]}" in err
    assert list(tmp_path.iterdir()) == []


def test_more_jobs_than_cores_runs_as_many_workers_as_cores(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """--jobs 100000 started 100,000 processes (the machine stalled); now it is lowered, with a warning."""
    from analysis import cli, pipeline

    started = []
    real = pipeline.analyse_records

    def spy(records, settings=None, *, jobs=1, **kw):
        started.append(jobs)
        return real(records, settings, jobs=jobs, **kw)

    monkeypatch.setattr(cli, "usable_cores", lambda: 2)
    monkeypatch.setattr(pipeline, "analyse_records", spy)
    corpus = _folder_with(tmp_path, **{"a.txt": EN})
    assert main(["metrics", str(corpus), "-o", str(tmp_path / "m.csv"), "--families", "readability",
                 "--no-cache", "--quiet", "--jobs", "100000"]) == 0
    err = capsys.readouterr().err
    assert started == [2] and "--jobs 100000 is more than the 2 cores" in err


def test_metadata_spelled_twice_keeps_both_values(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """article_id beside id, outlet beside Outlet: the field's own name gives the metadata, the other spelling is an
    extra column (one value was dropped without a word: the last one in the row won)."""
    for corpus in ("csv_id_and_article_id.csv", "jsonl_keys_differing_in_case.jsonl"):
        out = tmp_path / corpus
        assert main(["metrics", str(HERE / corpus), "-o", str(out / "m.csv"), "--articles", str(out / "a.csv"),
                     "--families", "readability", "--quiet"]) == 0
    ids = pd.read_csv(tmp_path / "csv_id_and_article_id.csv" / "a.csv", dtype=str, keep_default_na=False)
    assert ids[["article_id", "outlet", "id"]].values.tolist() == [["x-1", "A", "1"], ["x-2", "B", "2"]]
    case = pd.read_csv(tmp_path / "jsonl_keys_differing_in_case.jsonl" / "a.csv", dtype=str, keep_default_na=False)
    assert case[["article_id", "outlet", "Outlet"]].values.tolist() == [["a", "Outlet A", "Wire copy"]]


def test_unquoted_commas_in_a_last_text_column_keep_the_whole_text(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Most hand-made CSVs in this folder leave the text unquoted: "...the old bridge, officials said." was cut to
    its first 11 words. The text is the last column, so the rest of the line is its text: 13 words, counted by hand
    (The city council voted on Tuesday to close the old bridge / officials said)."""
    assert main(["metrics", str(HERE / "csv_bom.csv"), "-o", str(tmp_path / "m.csv"), "--articles",
                 str(tmp_path / "a.csv"), "--families", "readability", "--quiet"]) == 0
    articles = pd.read_csv(tmp_path / "a.csv", dtype=str, keep_default_na=False)
    assert articles["n_words"].tolist() == ["13"]
    # recorded, not silent: the row's read_note and one warning line
    assert articles["read_note"].tolist() == ["1 cell more than the header: the rest of the line was kept as the text "
                                              "(unquoted ',' in the text? or in an earlier cell, which then holds "
                                              "only its first part)"]
    assert "1 row had more cells than the header" in capsys.readouterr().err


def test_metadata_lists_are_invalid_and_other_columns_are_json(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A list or object in a metadata field was written as Python's repr ("['e1', 'e2']") and the row analysed;
    in another column it is carried as JSON text (the row analysed)."""
    assert main(["metrics", str(HERE / "jsonl_metadata_lists.jsonl"), "-o", str(tmp_path / "m.csv"), "--articles",
                 str(tmp_path / "a.csv"), "--families", "readability", "--quiet"]) == 0
    articles = pd.read_csv(tmp_path / "a.csv", dtype=str, keep_default_na=False).set_index("article_id")
    assert articles.loc["a", "event_id"] == '["e1", "e2"]' and articles.loc["a", "status"] == "invalid"
    assert articles.loc["e", "status"] == "analysed"
    assert articles.loc["e", "published"] == "20241112"
    assert articles.loc["e", "meta"] == '{"author": "Kim", "tags": ["x"]}'


@pytest.mark.parametrize("cache, records", [("cache", "out/records"), ("", "")])
def test_a_cache_and_outputs_inside_the_corpus_folder_are_not_read_as_inputs(
        cache: str, records: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--cache corpus/cache listed the cache's results.sqlite as a not_text row; -o corpus/out/m.csv (and --records
    into the corpus folder) was refused on the second run ("would overwrite the input file"): the first run's
    outputs were inputs. Also with the cache and the record tables in the corpus folder itself."""
    corpus = _folder_with(tmp_path, **{"a.txt": EN})
    argv = ["metrics", str(corpus), "-o", str(corpus / "out" / "m.csv"), "--articles", str(corpus / "articles.csv"),
            "--cache", str(corpus / cache), "--records", str(corpus / records), "--families", "readability", "--quiet"]
    for _ in range(2):
        assert main(argv) == 0, capsys.readouterr().err
        articles = pd.read_csv(corpus / "articles.csv", dtype=str, keep_default_na=False)
        assert articles[["article_id", "status"]].values.tolist() == [["a", "analysed"]]
    assert (corpus / cache / "results.sqlite").is_file() and (corpus / records / "readability_counts.csv").is_file()


def test_no_output_replaces_a_user_file_in_the_corpus_folder(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """notes.csv in a folder corpus is a listed (not_text) input: -o naming it replaced it before."""
    corpus = _folder_with(tmp_path, **{"a.txt": EN, "notes.csv": "my,notes\n"})
    code = main(["metrics", str(corpus), "-o", str(corpus / "notes.csv"), "--families", "readability", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and "would overwrite the input file" in err and err.count("\n") == 1
    assert (corpus / "notes.csv").read_text(encoding="utf-8") == "my,notes\n"


def test_a_broken_notebook_is_one_line_before_the_analysis(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """report --notebooks with a copy that is not JSON printed nbformat's traceback after the whole analysis."""
    notebooks = tmp_path / "nbs"
    notebooks.mkdir()
    (notebooks / "01-mine.ipynb").write_text("{not json", encoding="utf-8")
    corpus = _folder_with(tmp_path, **{"a.txt": EN})
    code = main(["report", str(corpus), "-o", str(tmp_path / "report"), "--notebooks", str(notebooks), "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "01-mine.ipynb: not a readable Jupyter notebook" in err, err
    assert not (tmp_path / "report").exists()


def test_records_never_replace_a_user_table_but_replace_their_own(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """--records DIR names a folder: the user's own quotes.csv there was replaced by the record table."""
    corpus = _folder_with(tmp_path, **{"a.txt": EN})
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "readability_counts.csv").write_text("my own counts\n", encoding="utf-8")
    argv = ["metrics", str(corpus), "-o", str(tmp_path / "m.csv"), "--families", "readability", "--quiet"]
    assert main([*argv, "--records", str(mine)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "readability_counts.csv: --records would replace this file" in err
    assert (mine / "readability_counts.csv").read_text(encoding="utf-8") == "my own counts\n"
    for _ in range(2):  # a folder --records wrote is its own: a rerun replaces its tables
        assert main([*argv, "--records", str(tmp_path / "records")]) == 0
    assert (tmp_path / "records" / "readability_counts.csv").read_text(encoding="utf-8").startswith("article_id,")


def test_an_output_name_near_the_length_limit_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 249-byte name is valid, but its temporary name (".NAME.<pid>-<token>.partial.csv") was not: the run failed
    with "File name too long" naming the temporary file."""
    corpus = _folder_with(tmp_path, **{"a.txt": EN})
    out = tmp_path / ("m" * 245 + ".csv")
    assert main(["metrics", str(corpus), "-o", str(out), "--families", "readability", "--quiet"]) == 0
    assert out.read_text(encoding="utf-8").startswith("article_id,")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["corpus", out.name])  # no temporary left


def test_a_scheduler_address_dask_cannot_parse_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--scheduler 'not a url' was distributed's ValueError traceback ("missing port number")."""
    pytest.importorskip("distributed")
    corpus = _folder_with(tmp_path, **{"a.txt": EN})
    code = main(["metrics", str(corpus), "-o", str(tmp_path / "m.csv"), "--scheduler", "not a url", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "--scheduler not a url: not a scheduler address" in err, err
    assert not (tmp_path / "m.csv").exists()


def test_an_output_that_is_a_pipe_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-o naming an existing FIFO replaced it with a regular file (the rename is atomic, and removes what was there)."""
    corpus = _folder_with(tmp_path, **{"a.txt": EN})
    os.mkfifo(tmp_path / "pipe.csv")
    code = main(["metrics", str(corpus), "-o", str(tmp_path / "pipe.csv"), "--families", "readability", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "pipe.csv: not a regular file (a pipe or a device)" in err, err
    assert stat.S_ISFIFO((tmp_path / "pipe.csv").lstat().st_mode)


def test_invisible_marks_at_the_ends_of_an_outlet_do_not_make_a_second_outlet(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"\u202eFox News" and "Fox News\u200f" look like "Fox News" but were three outlets in the statistics."""
    assert main(["metrics", str(HERE / "csv_rtl_marks.csv"), "-o", str(tmp_path / "m.csv"), "--articles",
                 str(tmp_path / "a.csv"), "--families", "readability", "--quiet"]) == 0
    articles = pd.read_csv(tmp_path / "a.csv", dtype=str, keep_default_na=False)
    assert articles["outlet"].tolist() == ["Fox News"] * 3


def test_running_out_of_memory_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A MemoryError (numpy's _ArrayMemoryError is one) was a traceback."""
    from analysis import cli

    def exhausted(args: object) -> int:
        raise MemoryError("Unable to allocate 5.59 GiB for an array")

    monkeypatch.setattr(cli, "run_metrics", exhausted)
    assert main(["metrics", "seeds", "-o", str(tmp_path / "m.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("mediacompare: error: out of memory (Unable to allocate"), err


def test_dates_in_metadata_are_iso_text_and_lists_json() -> None:
    """A TOML or Parquet datetime was printed by str() ("2024-11-12 10:00:00"); a list by repr ("['a', 'b']")."""
    import datetime

    from analysis.corpus import _clean_value

    assert _clean_value(datetime.datetime(2024, 11, 12, 10, 0)) == "2024-11-12T10:00:00"
    assert _clean_value(datetime.date(2024, 11, 12)) == "2024-11-12"
    assert _clean_value(["a", "b"]) == '["a", "b"]'
    assert _clean_value({"x": "é"}) == '{"x": "é"}'
    assert _clean_value("\u202e Fox News\u200f ") == "Fox News"


def test_a_column_name_that_is_a_formula_is_neutralised_in_the_csv_header(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A JSONL key "=cmd" became the header cell =cmd of articles.csv (a formula when opened in a spreadsheet)."""
    assert main(["metrics", str(HERE / "jsonl_odd_keys.jsonl"), "-o", str(tmp_path / "metrics.csv"), "--articles",
                 str(tmp_path / "articles.csv"), "--families", "readability", "--quiet"]) == 0
    import csv

    with (tmp_path / "articles.csv").open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header[-3:] == ["<script>alert(1)</script>", "line\nbreak", "'=cmd"]
    back = load_tables(tmp_path, ("articles",), ()).articles
    assert back[["<script>alert(1)</script>", "line\nbreak", "=cmd"]].values.tolist() == [["x", "y", "=1+1"]]
