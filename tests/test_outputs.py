"""Outputs never replace inputs or each other; a failed or interrupted run leaves the old outputs and no
temporary file."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from analysis import cli, pipeline, tables
from analysis.cli import main
from analysis.model import MediacompareError
from analysis.outputs import Staging, check_outputs, write_error


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def listing(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def corpus(make_corpus) -> Path:
    return make_corpus({"a": ("Outlet A", "The mayor said the budget passed on Tuesday."),
                        "b": ("Outlet B", "Officials said the budget failed on Tuesday.")})


@pytest.mark.parametrize("option", ["-o", "--evidence", "--articles", "--sentences"])
def test_no_output_replaces_the_manifest_or_a_text_file(corpus: Path, tmp_path: Path, option: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    before = listing(corpus)
    outputs = {"-o": str(tmp_path / "m.csv"), option: str(corpus / "manifest.csv")}
    code, _, err = run(["metrics", str(corpus), *(x for pair in outputs.items() for x in pair)], capsys)
    assert code == 2
    assert err.count("\n") == 1 and "would overwrite the input file" in err and "manifest.csv" in err
    assert listing(corpus) == before


def test_table_corpus_is_not_replaced_also_through_a_symlink(make_corpus, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    news = make_corpus({"a": ("A", "One sentence here.")}, table="news.csv")
    before = news.read_bytes()
    link = tmp_path / "link.csv"
    link.symlink_to(news)
    for out in (news, link):
        code, _, err = run(["metrics", str(news), "-o", str(out), "--quiet"], capsys)
        assert code == 2 and "would overwrite the input file" in err
    assert news.read_bytes() == before


def test_no_output_replaces_a_lexicon(corpus: Path, tmp_path: Path, repo_root: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    hedges = tmp_path / "hedges.csv"  # an odd name, but a lexicon file the run reads
    hedges.write_bytes((repo_root / "analysis" / "lexicons" / "hedges.yaml").read_bytes())
    before = hedges.read_bytes()
    code, _, err = run(["metrics", str(corpus), "-o", str(hedges), "--hedges", str(hedges)], capsys)
    assert code == 2 and "would overwrite the input file" in err
    assert hedges.read_bytes() == before


def test_two_outputs_may_not_be_one_file(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    same = tmp_path / "same.csv"
    code, _, err = run(["metrics", str(corpus), "-o", str(same), "--evidence", str(tmp_path / "." / "same.csv")],
                       capsys)
    assert code == 2 and "name the same file" in err
    assert not same.exists()
    code, _, err = run(["metrics", str(corpus), "-o", str(tmp_path / "m.csv"), "--records", str(tmp_path / "r"),
                        "--sentences", str(tmp_path / "r" / "quotes.csv")], capsys)
    assert code == 2 and "name the same file" in err
    assert not (tmp_path / "r").exists()


def test_compare_from_tables_does_not_replace_its_input_tables(corpus: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "tables"
    code, _, err = run(["metrics", str(corpus), "-o", str(folder / "metrics.parquet"), "--articles",
                        str(folder / "articles.parquet"), "--sentences", str(folder / "sentences.parquet"),
                        "--records", str(folder), "--quiet"], capsys)
    assert code == 0, err
    before = listing(folder)
    code, _, err = run(["compare", str(folder), "--from-tables", "-o", str(folder), "--quiet"], capsys)
    assert code == 2 and "tables/claims." in err and "would overwrite the input file" in err
    assert listing(folder) == before


def test_hard_link_counts_as_the_same_file(tmp_path: Path) -> None:
    src = tmp_path / "news.csv"
    src.write_text("text\nx\n", encoding="utf-8")
    os.link(src, tmp_path / "other.csv")
    with pytest.raises(MediacompareError, match="would overwrite"):
        check_outputs({"-o": tmp_path / "other.csv"}, [src])
    check_outputs({"-o": tmp_path / "new.csv"}, [src])  # a new file is fine


def test_staging_commits_all_or_nothing(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), Staging() as st:
        st.file(tmp_path / "m.csv").write_text("new\n", encoding="utf-8")
        (st.folder(tmp_path / "deep" / "rec") / "quotes.csv").write_text("q\n", encoding="utf-8")
        raise RuntimeError("the run failed")
    assert listing(tmp_path) == {"m.csv": b"old\n"}  # no temporary, no folder created for the failed run
    assert not (tmp_path / "deep").exists()
    with Staging() as st:
        st.file(tmp_path / "m.csv").write_text("new\n", encoding="utf-8")
        (st.folder(tmp_path / "deep" / "rec") / "quotes.csv").write_text("q\n", encoding="utf-8")
        st.commit()
    assert listing(tmp_path) == {"m.csv": b"new\n", "deep/rec/quotes.csv": b"q\n"}


def test_write_error_names_the_output_not_none(tmp_path: Path) -> None:
    with Staging() as st:
        tmp = st.file(tmp_path / "m.csv")
        disk_full = OSError(errno.ENOSPC, "No space left on device")  # as file.write raises it: no file name
        assert str(write_error(disk_full, st)) == (f"{tmp_path / 'm.csv'}: cannot write (No space left on device); "
                                                   "previous outputs are unchanged")
        named = OSError(errno.ENOSPC, "No space left on device", str(tmp))
        assert str(write_error(named, st)).startswith(f"{tmp_path / 'm.csv'}: cannot write")


def test_disk_full_keeps_previous_outputs(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "m.csv").write_text("previous\n", encoding="utf-8")
    real = tables.TableWriter.write

    def full(self, rows):
        if self.path.name.startswith(".e."):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, rows)

    monkeypatch.setattr(tables.TableWriter, "write", full)
    code, _, err = run(["metrics", str(corpus), "-o", str(out / "m.csv"), "--evidence", str(out / "e.csv"),
                        "--records", str(out / "rec")], capsys)
    assert code == 2
    assert err.startswith("mediacompare: error: ") and "None" not in err and "No space left on device" in err
    assert listing(out) == {"m.csv": b"previous\n"}


def test_compare_disk_full_leaves_no_table(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.compare import run as compare_run

    real = compare_run.write_frame
    written = []

    def full(df, path):
        if len(written) == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(path)
        return real(df, path)

    monkeypatch.setattr(compare_run, "write_frame", full)
    code, _, err = run(["compare", str(corpus), "-o", str(tmp_path / "cmp"), "--quiet"], capsys)
    assert code == 2 and "No space left on device" in err
    assert len(written) == 5 and not (tmp_path / "cmp").exists()


def test_sigterm_mid_run_exits_143_and_leaves_previous_outputs(corpus: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "m.csv").write_text("previous\n", encoding="utf-8")
    real = pipeline.analyse_record

    def stop(record, settings, families):
        if record.article_id == "b":
            os.kill(os.getpid(), signal.SIGTERM)  # the real signal, through the real handler
        return real(record, settings, families)

    monkeypatch.setattr(pipeline, "analyse_record", stop)
    code, stdout, err = run(["metrics", str(corpus), "-o", str(out / "m.csv"), "--evidence", str(out / "e.csv"),
                             "--records", str(out / "rec")], capsys)
    assert (code, stdout, err) == (143, "", "mediacompare: interrupted by SIGTERM\n")
    assert listing(out) == {"m.csv": b"previous\n"}
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # handlers restored after the run


@pytest.mark.parametrize("sig, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
@pytest.mark.parametrize("command", ["metrics", "compare"])
def test_signal_under_two_jobs_is_one_line_and_leaves_nothing(corpus: Path, tmp_path: Path, sig: int, status: int,
                                                              command: str) -> None:
    """A worker process signals the parent (as ``kill`` would) halfway: one line on stderr, no worker
    traceback, no temporary file in the output folder or the system temp folder."""
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    out = tmp_path / "out"
    script = textwrap.dedent(f"""
        import os, sys
        from analysis import cli, pipeline
        real = pipeline.analyse_record
        def stop(record, settings, families):
            if record.article_id == "b":
                os.kill(os.getppid(), {int(sig)})
                import time; time.sleep(5)
            return real(record, settings, families)
        pipeline.analyse_record = stop
        out = {str(out)!r}
        argv = ["metrics", {str(corpus)!r}, "-o", out + "/m.csv", "--evidence", out + "/e.csv", "--jobs", "2"]
        if {command!r} == "compare":
            argv = ["compare", {str(corpus)!r}, "-o", out, "--jobs", "2"]
        sys.exit(cli.main(argv))
    """)
    env = {**os.environ, "TMPDIR": str(tmpdir)}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                          cwd=Path(cli.__file__).parent.parent)
    assert proc.returncode == status, proc.stderr
    assert proc.stderr == f"mediacompare: interrupted by {signal.Signals(sig).name}\n"
    assert not out.exists() and list(tmpdir.iterdir()) == []


def test_write_frame_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    target = tmp_path / "t.csv"
    target.write_text("old\n", encoding="utf-8")
    real = pd.DataFrame.to_csv

    def half_then_fail(self, path, **kw):
        real(self, path, **kw)  # the temporary file is complete ...
        raise OSError(errno.ENOSPC, "No space left on device")  # ... but the write is reported failed

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    with pytest.raises(OSError):
        tables.write_frame(pd.DataFrame({"a": ["x"]}), target)
    assert listing(tmp_path) == {"t.csv": b"old\n"}
    monkeypatch.setattr(pd.DataFrame, "to_csv", real)
    tables.write_frame(pd.DataFrame({"a": ["=x"]}), target)
    assert listing(tmp_path) == {"t.csv": b"a\n'=x\n"}


def test_output_under_a_file_is_a_one_line_error(corpus: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("mine\n", encoding="utf-8")
    for argv in (["metrics", str(corpus), "-o", str(blocker / "m.csv")], ["compare", str(corpus), "-o", str(blocker)],
                 ["compare", str(corpus), "-o", str(blocker / "cmp")]):
        code, _, err = run([*argv, "--quiet"], capsys)
        assert code == 2 and err.count("\n") == 1 and "afile" in err, err
    assert blocker.read_text(encoding="utf-8") == "mine\n"


def test_a_signal_during_commit_waits_until_every_output_is_in_place(tmp_path: Path) -> None:
    from analysis.interrupts import Interrupted, signals_as_exceptions

    with pytest.raises(Interrupted), signals_as_exceptions(), Staging() as st:
        st.file(tmp_path / "a.csv").write_text("a\n", encoding="utf-8")
        st.file(tmp_path / "b.csv").write_text("b\n", encoding="utf-8")
        real = os.replace

        def replace_and_signal(src, dst):
            real(src, dst)
            os.kill(os.getpid(), signal.SIGTERM)  # arrives after the first rename

        os.replace = replace_and_signal
        try:
            st.commit()
        finally:
            os.replace = real
    assert listing(tmp_path) == {"a.csv": b"a\n", "b.csv": b"b\n"}  # both renamed, then the signal
