"""Every notebook in notebooks/: stored clean, thin, parameterised, and executes on the seeds."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import nbformat
import pytest

from analysis.report import execute_notebook

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
PARAMETERS = {"corpus", "tables_dir", "output_dir"}
ids = [p.name for p in NOTEBOOKS]


def code_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "code"]


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS, "no notebooks/NN-name.ipynb found"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_first_code_cell_is_tagged_parameters(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    first = code_cells(nb)[0]
    assert "parameters" in first.metadata.get("tags", [])
    assigned = {t.id for node in ast.parse(first.source).body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    assert PARAMETERS <= assigned  # notebooks may take more parameters (e.g. an event id)
    assert sum("parameters" in c.metadata.get("tags", []) for c in nb.cells) == 1


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_is_thin(path: Path) -> None:
    """No def, class or lambda: logic lives in the package; imports come from analysis (and display)."""
    nb = nbformat.read(path, as_version=4)
    for cell in code_cells(nb):
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda), (
                f"{path.name}: cell defines logic:\n{cell.source}")
            if isinstance(node, ast.ImportFrom):
                assert node.module.split(".")[0] in {"analysis", "IPython", "pathlib"}, node.module
            if isinstance(node, ast.Import):
                assert all(a.name.split(".")[0] in {"analysis"} for a in node.names)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in code_cells(nb):
        assert cell.outputs == []
        assert cell.execution_count is None
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert set(nb.metadata) <= {"kernelspec", "language_info"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_strip_tool_finds_nothing_to_strip(path: Path) -> None:
    sys.path.insert(0, str(REPO / "tools"))
    try:
        from strip_notebooks import stripped_text
    finally:
        sys.path.remove(str(REPO / "tools"))
    text, clean = stripped_text(path)
    assert text == clean


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_executes_on_the_seeds(path: Path, seeds_dir: Path, tmp_path: Path) -> None:
    """Runs with tables_dir empty (the notebook analyses the corpus itself); no errors, no warnings."""
    before = sorted(p.name for p in path.parent.iterdir())
    nb = execute_notebook(path, tmp_path / path.name,
                          {"corpus": str(seeds_dir), "tables_dir": "", "output_dir": str(tmp_path / "out")})
    outputs = [o for c in code_cells(nb) for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert stderr == [], stderr  # warnings would show up here and in the rendered report
    assert all(c.execution_count is not None for c in code_cells(nb))
    pngs = sorted((tmp_path / "out" / "figures").glob("*.png"))
    assert pngs, "the notebook wrote no figures"
    assert sorted(p.name for p in path.parent.iterdir()) == before  # nothing written next to the sources


def test_notebooks_command_copies_them_out_without_overwriting(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """``mediacompare notebooks DIR``: byte copies of the bundled notebooks; an adapted copy is kept."""
    from analysis.cli import main

    dest = tmp_path / "mine"
    dest.mkdir()
    (dest / NOTEBOOKS[1].name).write_text("my adapted copy", encoding="utf-8")
    assert main(["notebooks", str(dest)]) == 0
    out = capsys.readouterr().out
    assert (dest / NOTEBOOKS[1].name).read_text(encoding="utf-8") == "my adapted copy"
    for path in NOTEBOOKS:
        if path != NOTEBOOKS[1]:
            assert (dest / path.name).read_bytes() == path.read_bytes()
    assert sorted(p.name for p in dest.iterdir()) == sorted(p.name for p in NOTEBOOKS)
    n = len(NOTEBOOKS) - 1
    assert f"copied {n} notebook{'s' if n != 1 else ''}" in out
    assert f"kept 1 existing file unchanged ({NOTEBOOKS[1].name})" in out
    assert main(["notebooks", str(dest / NOTEBOOKS[0].name)]) == 2  # a file, not a folder: one-line error
