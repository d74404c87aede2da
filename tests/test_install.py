"""An ordinary install, not the editable one: the wheel ships the notebooks and renders the report.

The wheel is built from a copy of the source (nothing is written into the checkout) without build
isolation, and installed into a fresh virtual environment without its dependencies; those are
borrowed from the development environment through a ``.pth`` line (and nbconvert's templates through
``JUPYTER_PATH``), so the test stays offline and takes seconds to set up. Commands run from outside
the source tree, so only the installed package can be imported.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "analysis", "notebooks")
pytestmark = pytest.mark.slow


# Borrowed dependencies bring their code but not their data files: nbconvert's HTML templates are in
# the development environment's share/jupyter (a real install puts them in the new environment's).
ENV = {**os.environ, "JUPYTER_PATH": os.pathsep.join(filter(None, [str(Path(sys.prefix) / "share" / "jupyter"),
                                                                   os.environ.get("JUPYTER_PATH", "")]))}


def run(*cmd: str | Path, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          check=False, env=ENV)
    assert done.returncode == 0, f"{cmd}: {done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(wheel, venv bin folder, a working folder outside the source tree)."""
    root = tmp_path_factory.mktemp("install")
    src = root / "src"
    src.mkdir()
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_*"))
        else:
            shutil.copy2(path, src / name)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
        "-w", root / "wheels", ".", cwd=src)
    wheel = next((root / "wheels").glob("mediacompare-*.whl"))
    env_dir = root / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=root)
                   .stdout.strip())
    # the dependencies, from this (development) environment; its .pth files (the editable install
    # of the package) are not processed from a path added this way
    (purelib / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel, cwd=root)
    work = root / "work"
    work.mkdir()
    return wheel, env_dir / "bin", work


def test_wheel_ships_the_notebooks_and_lexicons(installed: tuple[Path, Path, Path]) -> None:
    wheel, _, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for notebook in sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        assert f"analysis/notebooks/{notebook.name}" in names
    for lexicon in sorted((REPO / "analysis" / "lexicons").glob("*.yaml")):
        assert f"analysis/lexicons/{lexicon.name}" in names
    assert not [n for n in names if n.startswith(("notebooks/", "tests/"))]


def test_installed_package_is_the_wheel_not_the_checkout(installed: tuple[Path, Path, Path]) -> None:
    _, bin_dir, work = installed
    out = run(bin_dir / "python", "-c", "import analysis, analysis.report as r; print(analysis.__file__); "
              "print(r.bundled_notebooks())", cwd=work).stdout.splitlines()
    assert all(Path(line).is_relative_to(bin_dir.parent) for line in out), out


def test_installed_command_copies_and_renders_the_notebooks(installed: tuple[Path, Path, Path],
                                                            seeds_dir: Path) -> None:
    _, bin_dir, work = installed
    run(bin_dir / "mediacompare", "notebooks", "mine", cwd=work)
    bundled = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert [(work / "mine" / p.name).read_bytes() for p in bundled] == [p.read_bytes() for p in bundled]
    done = run(bin_dir / "mediacompare", "report", seeds_dir, "-o", "report", cwd=work, timeout=900)
    assert done.stderr == ""
    pages = sorted(p.name for p in (work / "report").glob("[0-9][0-9]-*.html"))
    assert pages == [f"{p.stem}.html" for p in bundled]
    for page in pages:
        assert "Traceback" not in (work / "report" / page).read_text(encoding="utf-8")
    assert (work / "report" / "index.html").is_file() and (work / "report" / "figures").is_dir()
