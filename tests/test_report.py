"""build_report: tables once, notebooks executed in this interpreter, static HTML without code."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.cli import main
from analysis.model import MediacompareError
from analysis.report import (
    build_report,
    bundled_notebooks,
    corpus_table,
    execute_notebook,
    family_table,
    figure_outlets,
    figure_tables,
    find_notebooks,
    load_or_analyse,
    select_outlets,
    target_table,
)
from analysis.tables import AnalysisTables, save_tables

REPO = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The seeds report, built twice into the same folder; snapshots of both builds."""
    out = tmp_path_factory.mktemp("report")
    notebooks_before = snapshot(REPO / "notebooks")
    index = build_report(REPO / "seeds", out)
    def build_files() -> dict[str, bytes]:  # tables, figures and the HTML pages themselves
        pages = {p.name: p.read_bytes() for p in sorted(out.glob("*.html"))}
        return {**snapshot(out / "tables"), **{f"figures/{k}": v for k, v in snapshot(out / "figures").items()},
                **pages}

    first = build_files()
    build_report(REPO / "seeds", out)
    second = build_files()
    return {"out": out, "index": index, "first": first, "second": second, "notebooks_before": notebooks_before}


def test_index_links_one_page_per_notebook(seeds_report: dict) -> None:
    out, index = seeds_report["out"], seeds_report["index"]
    assert index == out / "index.html"
    notebooks = find_notebooks(REPO / "notebooks")
    pages = sorted(p.name for p in out.glob("*.html") if p.name != "index.html")
    assert pages == [f"{nb.stem}.html" for nb in notebooks]
    text = index.read_text(encoding="utf-8")
    for page in pages:
        assert f'href="{page}"' in text
    assert 'href="tables/metrics.csv"' in text and 'href="tables/metrics.parquet"' in text


def test_tables_written_as_parquet_and_csv(seeds_report: dict) -> None:
    tables = seeds_report["out"] / "tables"
    for name in ("metrics", "evidence", "sentences", "articles"):
        assert (tables / f"{name}.parquet").is_file() and (tables / f"{name}.csv").is_file()
    articles = pd.read_parquet(tables / "articles.parquet")
    assert sorted(articles["article_id"]) == ["000_dc77826089423d0b", "002_3725b521bb5f0d30"]
    assert list(pd.read_csv(tables / "metrics.csv").columns) == [
        "article_id", "outlet", "family", "metric", "target", "value", "note"]


def test_pages_hide_code(seeds_report: dict) -> None:
    for page in sorted(seeds_report["out"].glob("[0-9][0-9]-*.html")):
        text = page.read_text(encoding="utf-8")
        # no code editors or highlighted source, no In[ ]/Out[ ] prompts (Markdown also renders in jp-InputArea)
        assert not re.search(r'class="[^"]*(jp-InputArea-editor|hl-ipython3|jp-InputPrompt|jp-OutputPrompt)', text)
        assert "from analysis" not in text and "show_plot(" not in text and "show_figure(" not in text
        assert not re.search(r'<script[^>]+src="https?://', text)  # opens offline: no CDN scripts
        assert "Traceback" not in text, page.name


def test_outlet_comparison_page_has_methods_and_figures(seeds_report: dict) -> None:
    text = (seeds_report["out"] / "01-outlet-comparison.html").read_text(encoding="utf-8")
    assert re.search(r"<h2[^>]*>Methods", text), "no methods section"
    assert "vaderSentiment" in text or "VADER" in text  # the methods section names the lexicons/packages
    # figures are referenced, not embedded (page weight): readability, tone arc, frame profile, actor emphasis
    srcs = re.findall(r'<img[^>]+src="(figures/[^"]+\.png)"', text)
    assert len(srcs) >= 4 and all((seeds_report["out"] / s).is_file() for s in srcs)
    assert not re.search(r'<img[^>]+src="data:image/png;base64,', text)
    for heading in ("The corpus", "Readability", "Lexical tone", "Framing", "Entity emphasis"):
        assert re.search(rf"<h2[^>]*>{heading}", text), heading


def test_figures_exist_as_png_and_svg(seeds_report: dict) -> None:
    figures = seeds_report["out"] / "figures"
    pngs = {p.stem for p in figures.glob("*.png")}
    assert pngs, "no figures"
    assert pngs == {p.stem for p in figures.glob("*.svg")}
    for stem in pngs:
        assert (figures / f"{stem}.png").read_bytes().startswith(b"\x89PNG")
        assert b"<svg" in (figures / f"{stem}.svg").read_bytes()[:2000]


def test_rebuild_is_byte_identical(seeds_report: dict) -> None:
    first, second = seeds_report["first"], seeds_report["second"]
    assert sorted(first) == sorted(second)
    changed = [name for name in first if first[name] != second[name]]
    assert changed == []


def test_sources_untouched(seeds_report: dict) -> None:
    """No executed notebooks (or anything else) are written next to the sources."""
    assert snapshot(REPO / "notebooks") == seeds_report["notebooks_before"]


def test_bundled_notebooks_are_the_repository_folder() -> None:
    """In a source checkout (editable install) the package's notebooks are notebooks/ itself, not a copy."""
    assert bundled_notebooks() == REPO / "notebooks"


def test_no_notebooks_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(MediacompareError, match="no notebooks"):
        build_report(REPO / "seeds", tmp_path / "out", notebooks_dir=tmp_path)


def write_notebook(folder: Path, name: str, *sources: str) -> Path:
    nb = new_notebook(cells=[new_markdown_cell("# Probe"),
                             new_code_cell('corpus = ""\ntables_dir = ""\noutput_dir = ""',
                                           metadata={"tags": ["parameters"]}),
                             *(new_code_cell(s) for s in sources)],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb, path)
    return path


def test_kernel_runs_this_interpreter_despite_other_kernelspecs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 make_corpus) -> None:
    """A 'python3' kernel spec pointing elsewhere (first on JUPYTER_PATH) is not used."""
    bogus = tmp_path / "jupyter" / "kernels" / "python3"
    bogus.mkdir(parents=True)
    (bogus / "kernel.json").write_text(json.dumps({"argv": ["/nonexistent/python", "-m", "ipykernel_launcher", "-f",
                                                            "{connection_file}"], "display_name": "elsewhere",
                                                   "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    notebooks = tmp_path / "nb"
    write_notebook(notebooks, "01-probe.ipynb",
                   "import sys, json, pathlib, analysis\n"
                   "files = sorted(p.name for p in pathlib.Path(tables_dir).iterdir())\n"
                   "probe = {'exe': sys.executable, 'pkg': analysis.__file__, 'tables': tables_dir, 'files': files}\n"
                   "pathlib.Path(output_dir, 'probe.json').write_text(json.dumps(probe))")
    corpus = make_corpus({"a1": ("Outlet A", "The cat sat. The dog ran.")})
    out = tmp_path / "out"
    assert main(["report", str(corpus), "-o", str(out), "--notebooks", str(notebooks), "--quiet"]) == 0
    assert (out / "01-probe.html").is_file()
    payload = json.loads((out / "probe.json").read_text(encoding="utf-8"))
    assert Path(payload["exe"]) == Path(sys.executable)
    assert Path(payload["pkg"]).parent == REPO / "analysis"
    # built in a hidden folder next to OUT, then moved in: the tables the notebook read are now OUT/tables
    built = Path(payload["tables"]).parent
    assert built.parent == out.parent and built.name.startswith(".out.") and not built.exists()
    assert Path(payload["tables"]).name == "tables"
    assert {"metrics.parquet", "metrics.csv", "articles.parquet"} <= {p.name for p in (out / "tables").iterdir()}
    assert {"metrics.parquet", "metrics.csv", "articles.parquet"} <= set(payload["files"])


def test_failing_notebook_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notebooks = tmp_path / "nb"
    write_notebook(notebooks, "01-broken.ipynb", "raise ValueError('boom')")
    code = main(["report", str(REPO / "seeds"), "-o", str(tmp_path / "out"), "--notebooks", str(notebooks)])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.splitlines()) == 1
    assert "01-broken.ipynb" in err and "ValueError: boom" in err


def test_kernel_process_output_stays_off_the_report_stderr(tmp_path: Path, make_corpus) -> None:
    """What the kernel process logs itself (ipykernel's "KeyboardInterrupt caught in kernel" when
    jupyter_client interrupts it before shutdown, here a log line of our own) is not printed by the report."""
    notebooks = probe_notebooks(tmp_path / "nb", 'get_ipython().kernel.log.error("kernel-level noise")')
    corpus = make_corpus({"a1": ("Outlet A", "The cat sat. The dog ran.")})
    done = subprocess.run([sys.executable, "-m", "analysis", "report", str(corpus), "-o", str(tmp_path / "out"),
                           "--notebooks", str(notebooks)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_deep_temp_folder_renders_through_loopback(tmp_path: Path, make_corpus) -> None:
    """A TMPDIR so deep that the kernel's Unix sockets would pass the system's 108-byte path limit (HPC job
    nodes: /scratch/<user>/slurm-<job>/…) renders the report (it was a zmq "File name too long" traceback) and
    leaves no kernel folder behind."""
    from analysis.report import MAX_SOCKET_PATH, ipc_path_fits

    temp = tmp_path / ("d" * 60) / ("e" * 40)
    temp.mkdir(parents=True)
    assert not ipc_path_fits(temp / "mediacompare-kernel-12345678" / "kernel")
    assert ipc_path_fits(Path("/tmp/mediacompare-kernel-12345678/kernel"))
    assert len(os.fsencode(str(temp / "mediacompare-kernel-12345678" / "kernel-65535"))) > MAX_SOCKET_PATH
    corpus = make_corpus({"a1": ("Outlet A", "The cat sat. The dog ran.")})
    done = subprocess.run([sys.executable, "-m", "analysis", "report", str(corpus), "-o", str(tmp_path / "out"),
                           "--notebooks", str(probe_notebooks(tmp_path / "nb"))], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "TMPDIR": str(temp)})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "index.html").is_file()
    assert list(temp.iterdir()) == []


def test_dead_kernel_is_one_line_with_its_last_words(tmp_path: Path, make_corpus) -> None:
    """A kernel that ends mid-cell (as when the system kills it for memory): one line naming the
    notebook and the last line the kernel wrote to its own stderr, no traceback, no report."""
    notebooks = probe_notebooks(tmp_path / "nb", 'import os\nos.write(2, b"out of puff\\n")\nos._exit(3)')
    corpus = make_corpus({"a1": ("Outlet A", "The cat sat. The dog ran.")})
    done = subprocess.run([sys.executable, "-m", "analysis", "report", str(corpus), "-o", str(tmp_path / "out"),
                           "--notebooks", str(notebooks)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert "01-probe.ipynb: the notebook's kernel died" in done.stderr and "out of puff" in done.stderr
    assert not (tmp_path / "out").exists()


def test_family_table_hand_made() -> None:
    nan = float("nan")
    m = pd.DataFrame(
        [["a", "X", "readability", "flesch_reading_ease", "", 50.0, ""],
         ["b", "Y", "readability", "flesch_reading_ease", "", 60.0, ""],
         ["a", "X", "readability", "smog_index", "", nan, "fewer than 30 sentences"],
         ["a", "X", "entities", "n_mentions", "Kim Jong Un", 3.0, ""],
         ["b", "Y", "entities", "n_mentions", "Vladimir Putin", 2.0, ""]],
        columns=["article_id", "outlet", "family", "metric", "target", "value", "note"])
    t = family_table(m, "readability")
    assert list(t.columns) == [("X", "a"), ("Y", "b"), ("note", "")]
    assert t.loc["flesch_reading_ease", ("Y", "b")] == 60.0
    assert pd.isna(t.loc["smog_index", ("X", "a")]) and pd.isna(t.loc["smog_index", ("Y", "b")])
    assert t.loc["smog_index", ("note", "")] == "a: fewer than 30 sentences"
    e = family_table(m, "entities")
    assert list(e.index) == [("n_mentions", "Kim Jong Un"), ("n_mentions", "Vladimir Putin")]
    assert e.loc[("n_mentions", "Kim Jong Un"), ("X", "a")] == 3.0
    assert pd.isna(e.loc[("n_mentions", "Kim Jong Un"), ("Y", "b")])  # not mentioned: NaN, not 0
    assert list(family_table(m, "readability", only=["smog_index"]).index) == ["smog_index"]
    assert family_table(m, "sentiment").empty


def test_target_table_hand_made() -> None:
    rows = [["a", "X", "entities", "mentions", "Kim Jong Un", 1.0, ""],
            ["a", "X", "entities", "mentions", "Vladimir Putin", 4.0, ""],
            ["b", "Y", "entities", "mentions", "Kim Jong Un", 2.0, ""],
            ["a", "X", "entities", "in_lead", "Kim Jong Un", 0.0, ""],
            ["a", "X", "entities", "in_lead", "Vladimir Putin", 1.0, ""],
            ["b", "Y", "entities", "in_lead", "Kim Jong Un", 1.0, ""],
            ["a", "X", "entities", "mentions", "Sergei Shoigu", 1.0, ""],
            ["a", "X", "entities", "n_actors", "", 3.0, ""]]
    m = pd.DataFrame(rows, columns=["article_id", "outlet", "family", "metric", "target", "value", "note"])
    t = target_table(m, "entities", ["mentions", "in_lead"], top=2)
    # ranked by total mentions: Putin 4, Kim 1 + 2 = 3, Shoigu 1 (cut by top=2)
    assert list(t.index) == ["Vladimir Putin", "Kim Jong Un"]
    assert list(t.columns) == [("mentions", "X", "a"), ("mentions", "Y", "b"), ("in_lead", "X", "a"),
                               ("in_lead", "Y", "b")]
    assert t.loc["Kim Jong Un", ("mentions", "Y", "b")] == 2.0
    assert pd.isna(t.loc["Vladimir Putin", ("mentions", "Y", "b")])
    assert target_table(m, "framing", ["frame_score"]).empty


def test_load_or_analyse_prefers_tables(tmp_path: Path, make_corpus) -> None:
    corpus = make_corpus({"a1": ("Outlet A", "The cat sat. The dog ran.")})
    fresh = load_or_analyse(corpus, "")
    save_tables(fresh, tmp_path / "tables")
    loaded = load_or_analyse(tmp_path / "does-not-matter", tmp_path / "tables")
    assert list(loaded.articles["article_id"]) == ["a1"]
    shown = corpus_table(loaded.articles)
    assert shown.loc["a1", "outlet"] == "Outlet A" and int(shown.loc["a1", "n_sentences"]) == 2


def _outlet_tables() -> AnalysisTables:
    metrics = pd.DataFrame([["a", "X", "sentiment", "mean_compound", "", 0.1, ""],
                            ["b", "Y", "sentiment", "mean_compound", "", 0.2, ""],
                            ["c", None, "sentiment", "mean_compound", "", 0.3, ""]],
                           columns=["article_id", "outlet", "family", "metric", "target", "value", "note"])
    evidence = pd.DataFrame({"article_id": ["a", "b", "c"], "family": ["sentiment"] * 3, "cue": ["p", "q", "r"]})
    sentences = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_index": [0, 1, 0]})
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", None],
                             "status": ["analysed"] * 3})
    tone = pd.DataFrame({"article_id": ["a", "b", "b"], "outlet": ["X", "Y", "Y"], "sentence_index": [0, 0, 1],
                         "compound": [0.1, 0.2, 0.3]})
    return AnalysisTables(metrics, evidence, sentences, articles, {"sentence_tone": tone})


def test_figures_show_the_outlets_with_most_articles() -> None:
    """16 outlets: "<b>Big</b>" with 20 articles, O00 with 14 down to O13 with 1, and O11b with 3 (a skipped
    article does not count). The figures keep the 12 largest; with 13, the tie for 13th place (O11 and O11b,
    3 articles each) goes by name. Markup in a name is escaped in the note."""
    counts = {"<b>Big</b>": 20} | {f"O{i:02d}": 14 - i for i in range(14)} | {"O11b": 3}
    rows = [(f"{o}-{k}", o, "analysed") for o, n in counts.items() for k in range(n)]
    rows += [(f"skipped-{k}", "O13", "not_english") for k in range(30)]
    articles = pd.DataFrame(rows, columns=["article_id", "outlet", "status"])
    metrics = articles.assign(family="sentiment", metric="mean_compound", target="", value=0.1, note="")
    tables = AnalysisTables(metrics.drop(columns="status"), pd.DataFrame(columns=["article_id"]),
                            pd.DataFrame(columns=["article_id", "sentence_index"]), articles, {})
    keep, note = figure_outlets(tables)
    assert keep == sorted(["<b>Big</b>", *[f"O{i:02d}" for i in range(11)]])
    assert note.startswith("**The figures show the 12 outlets with the most articles** of 16 (")
    assert "<b>" not in note and "O00 (14); O01 (13)" in note and "O11" not in note
    assert figure_outlets(tables, limit=13)[0] == sorted(["<b>Big</b>", *[f"O{i:02d}" for i in range(12)]])
    drawn, same = figure_tables(tables)
    assert same == note and set(drawn.metrics["outlet"]) == set(keep)
    assert figure_outlets(tables, limit=16) == (None, "")
    few = select_outlets(tables, ["O00", "O01"])
    assert figure_tables(few) == (few, "")


def test_select_outlets_filters_every_table_by_article() -> None:
    tables = _outlet_tables()
    assert select_outlets(tables, []) is tables and select_outlets(tables, None) is tables
    y = select_outlets(tables, ["Y"])
    assert list(y.metrics["article_id"]) == ["b"] and list(y.evidence["cue"]) == ["q"]
    assert list(y.sentences["sentence_index"]) == [0] and list(y.articles["article_id"]) == ["b"]
    assert list(y.records["sentence_tone"]["compound"]) == [0.2, 0.3]
    # a single name works as a list of one; "(no outlet)" selects articles without an outlet
    assert list(select_outlets(tables, "X").metrics["value"]) == [0.1]
    assert list(select_outlets(tables, ["(no outlet)", "X"]).articles["article_id"]) == ["a", "c"]
    assert len(tables.metrics) == 3 and len(tables.records["sentence_tone"]) == 3  # input not mutated
    with pytest.raises(MediacompareError, match="'Z' not in the corpus; its outlets are: '\\(no outlet\\)', 'X', 'Y'"):
        select_outlets(tables, ["Z"])


def test_outlet_comparison_notebook_shows_only_the_chosen_outlets(tmp_path: Path) -> None:
    """Notebook 01 with outlets=["UPI"]: every figure caption counts only UPI's one article."""
    notebook = REPO / "notebooks" / "01-outlet-comparison.ipynb"
    execute_notebook(notebook, tmp_path / "run.ipynb", {"corpus": str(REPO / "seeds"), "tables_dir": "",
                                                        "output_dir": str(tmp_path), "outlets": ["UPI"]})
    captions = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "figures").glob("*.caption.md")}
    assert set(captions) == {"readability_by_outlet.caption.md", "tone_arc.caption.md",
                             "frame_profile.caption.md", "actor_emphasis.caption.md"}
    for text in captions.values():
        assert "UPI n = 1" in text and "Unattributed" not in text
    # the tone arc draws UPI's 14 body sentences from the sentence_tone records
    assert "from the sentence_tone records" in captions["tone_arc.caption.md"]


def test_seed_report_first_page_draws_no_inference(seeds_report: dict) -> None:
    text = " ".join(re.sub(r"<[^>]+>", " ", seeds_report["index"].read_text(encoding="utf-8")).split())
    assert "This report describes two articles from two outlets and draws no inference" in text
    assert (seeds_report["out"] / "manifest.json").is_file() and (seeds_report["out"] / "paper/methods.md").is_file()


# --- The output folder: nothing a user made is replaced or deleted --------------------------------


def probe_notebooks(folder: Path, *extra: str) -> Path:
    """One quick notebook that writes a figure-like file, plus ``extra`` cells."""
    write_notebook(folder, "01-probe.ipynb",
                   "import pathlib\n(pathlib.Path(output_dir) / 'figures').mkdir(exist_ok=True)\n"
                   "(pathlib.Path(output_dir) / 'figures' / 'probe.caption.md').write_text('probe')", *extra)
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (hidden ones too) with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".mediacompare-partial-" in p.name)


def test_refuses_a_folder_it_did_not_write(tmp_path: Path, make_corpus, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = make_corpus({"a1": ("Outlet A", "The cat sat. The dog ran.")})
    out = tmp_path / "thesis"
    (out / "tables").mkdir(parents=True)
    (out / "index.html").write_text("my homepage")
    (out / "tables" / "metrics.csv").write_text("my data")
    before = tree(out)
    code = main(["report", str(corpus), "-o", str(out), "--notebooks", str(probe_notebooks(tmp_path / "nb"))])
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1
    assert "not empty and not written by mediacompare report" in err and "--force" in err
    assert tree(out) == before and leftovers(tmp_path) == []


def test_force_adds_the_report_but_never_replaces_a_user_file(tmp_path: Path, make_corpus,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    corpus = make_corpus({"a1": ("Outlet A", "The cat sat. The dog ran.")})
    notebooks = probe_notebooks(tmp_path / "nb")
    out = tmp_path / "shared"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    assert main(["report", str(corpus), "-o", str(out), "--notebooks", str(notebooks), "--force", "--quiet"]) == 0
    assert (out / "notes.txt").read_text() == "keep me"
    assert {"index.html", "01-probe.html", "figures/probe.caption.md", "tables/metrics.csv"} <= set(tree(out))
    # a user file where the report writes one: refused even with --force, nothing changed
    other = tmp_path / "other"
    (other / "figures").mkdir(parents=True)
    (other / "figures" / "probe.caption.md").write_text("my caption")
    before = tree(other)
    code = main(["report", str(corpus), "-o", str(other), "--notebooks", str(notebooks), "--force"])
    err = capsys.readouterr().err
    assert code == 2 and "probe.caption.md: exists and was not written by mediacompare report" in err
    assert tree(other) == before and leftovers(tmp_path) == []


def test_rerun_replaces_only_what_the_report_wrote(tmp_path: Path, make_corpus) -> None:
    corpus = make_corpus({"a1": ("Outlet A", "The cat sat. The dog ran.")})
    out = tmp_path / "report"
    first = tmp_path / "nb1"
    probe_notebooks(first)
    write_notebook(first, "02-extra.ipynb", "print('second page')")
    build_report(corpus, out, notebooks_dir=first)
    marker = json.loads((out / ".mediacompare-report.json").read_text(encoding="utf-8"))
    assert marker["generator"] == "mediacompare report"
    assert marker["files"] == sorted(p for p in tree(out) if p != ".mediacompare-report.json")
    assert "02-extra.html" in marker["files"]
    (out / "my-notes.md").write_text("mine")
    (out / "figures" / "my-figure.png").write_bytes(b"mine")
    # the second report has no 02-extra notebook: its page goes, the user's files stay
    build_report(corpus, out, notebooks_dir=probe_notebooks(tmp_path / "nb2"))
    files = tree(out)
    assert "02-extra.html" not in files and "01-probe.html" in files
    assert files["my-notes.md"] == b"mine" and files["figures/my-figure.png"] == b"mine"
    marker = json.loads((out / ".mediacompare-report.json").read_text(encoding="utf-8"))
    assert "my-notes.md" not in marker["files"] and "02-extra.html" not in marker["files"]


def test_failed_run_leaves_the_previous_report_intact(tmp_path: Path, make_corpus,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    corpus = make_corpus({"a1": ("Outlet A", "The cat sat. The dog ran.")})
    out = tmp_path / "report"
    build_report(corpus, out, notebooks_dir=probe_notebooks(tmp_path / "good"))
    before = tree(out)
    broken = probe_notebooks(tmp_path / "bad", "raise ValueError('boom')")
    assert main(["report", str(corpus), "-o", str(out), "--notebooks", str(broken)]) == 2
    assert "ValueError: boom" in capsys.readouterr().err
    assert tree(out) == before and leftovers(tmp_path) == []


@pytest.mark.parametrize("files", [["../outside.txt"], ["/etc/hostname"], "not a list"])
def test_a_marker_naming_files_outside_the_folder_is_refused(tmp_path: Path, make_corpus, files) -> None:
    corpus = make_corpus({"a1": ("Outlet A", "The cat sat. The dog ran.")})
    out = tmp_path / "report"
    out.mkdir()
    (tmp_path / "outside.txt").write_text("not the report's")
    (out / ".mediacompare-report.json").write_text(json.dumps({"generator": "mediacompare report", "files": files}))
    with pytest.raises(MediacompareError, match="not a marker written by mediacompare report"):
        build_report(corpus, out, notebooks_dir=probe_notebooks(tmp_path / "nb"))
    assert (tmp_path / "outside.txt").read_text() == "not the report's"


@pytest.mark.parametrize("articles", [{}, {"e1": ("Outlet A", ""), "e2": ("Outlet B", "   \n")}])
def test_nothing_to_analyse_is_one_line(tmp_path: Path, make_corpus, articles,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    corpus = make_corpus(articles)
    out = tmp_path / "report"
    assert main(["report", str(corpus), "-o", str(out), "--notebooks", str(probe_notebooks(tmp_path / "nb"))]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "nothing to report" in err, err
    assert not out.exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupt_is_one_line_and_leaves_nothing(tmp_path: Path, make_corpus, sig: int, status: int) -> None:
    """Interrupted while a notebook runs: exit 128 + signal, one line, the earlier report untouched, the
    kernel gone, and no build folder, kernel folder or executed notebook left in the temp folder."""
    corpus = make_corpus({"a1": ("Outlet A", "The cat sat. The dog ran.")})
    out = tmp_path / "report"
    build_report(corpus, out, notebooks_dir=probe_notebooks(tmp_path / "nb0"))
    before = tree(out)
    slow = probe_notebooks(tmp_path / "nb", "import os, time\n"
                           "pathlib.Path(output_dir, 'started').write_text(str(os.getpid()))\ntime.sleep(300)")
    temp = tmp_path / "tmp"
    temp.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "report", str(corpus), "-o", str(out),
                             "--notebooks", str(slow)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(temp)})
    try:
        deadline = time.monotonic() + 240
        while not (started := list(tmp_path.glob(".report.mediacompare-partial-*/started"))):
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.2)
        kernel = int(started[0].read_text() or 0)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == status
    assert err.splitlines() == [f"mediacompare: interrupted by {signal.Signals(sig).name}"]
    assert tree(out) == before and leftovers(tmp_path) == []
    assert sorted(p.name for p in temp.iterdir()) == []
    for _ in range(50):  # the kernel was killed with its process group (and reaped by init)
        try:
            os.kill(kernel, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"kernel {kernel} still running")


def test_validation_folder_is_carried_into_the_report(tmp_path: Path) -> None:
    from analysis.validate.outputs import write_outputs

    scored = tmp_path / "validation"  # a scored round naming a coder with markup: shown as text
    write_outputs({"coders": ["<b>alice</b>", "bob"], "reference": "majority of coders", "units": 3,
                   "reliability": [], "disagreements": [], "tool": "mediacompare test", "sample": {},
                   "toolkit": {"before": [{"code": "quote", "measure": "sourcing", "n": 3, "f1": 0.5}]}}, scored)
    out = tmp_path / "report"
    assert main(["report", str(REPO / "seeds"), "-o", str(out), "--notebooks", str(probe_notebooks(tmp_path / "nb")),
                 "--validation", str(scored), "--quiet"]) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "quote: F1 0.50, n = 3" in index and "&lt;b&gt;alice&lt;/b&gt;" in index and "<b>alice" not in index
    assert (out / "validation" / "validation.json").is_file() and (out / "validation" / "index.html").is_file()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "validation/validation.json" in json.dumps(manifest)
