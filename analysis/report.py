"""Build the static HTML report: analyse once, run the notebooks on the tables, render them.

``build_report(corpus, out_dir)`` writes::

    OUT/tables/     metrics, evidence, sentences, articles (+ detail tables) as Parquet and CSV
    OUT/figures/    every figure as PNG, SVG, PDF and NAME.caption.md (written by the notebooks)
    OUT/NN-name.html  each notebooks/NN-name.ipynb executed and rendered with the code hidden
    OUT/index.html  links to the notebooks and the tables
    OUT/.mediacompare-report.json  the files the report wrote (see :mod:`analysis.report_folder`)

Notebooks run in a kernel started with *this* interpreter (``sys.executable``), whatever kernel
specs Jupyter finds on the machine, so the ``analysis`` package the report was called from is the
one the notebooks import. Executed notebooks are kept in a temporary folder and never written
next to the sources.

The small helpers at the end (:func:`load_or_analyse`, :func:`corpus_table`, :func:`family_table`)
are what the notebooks call, so the notebooks themselves hold no logic.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .labels import outlet_labels
from .metrics import Settings
from .model import MediacompareError
from .report_folder import check_target, commit, staging
from .tables import AnalysisTables, collect_tables, load_tables, save_tables

NOTEBOOK_PATTERN = "[0-9][0-9]-*.ipynb"
KERNEL_NAME = "python3"
# No time limit per notebook cell: at tens of thousands of articles a cell (the pooled statistics, the
# evidence pages) can rightly run for many minutes; an interrupt (Ctrl-C, SIGTERM) stops the report cleanly.
CELL_TIMEOUT: int | None = None
START_TIMEOUT = 120  # seconds for the kernel to start
KERNEL_STOP_TIMEOUT = 10  # seconds to wait for a killed kernel's notebook to end
TABLE_FORMATS = ("parquet", "csv")

# The lab HTML template without the CDN scripts (require.js, MathJax, mermaid): the report makes
# no network requests when opened, and the notebooks use none of them.
_HTML_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def bundled_notebooks() -> Path:
    """The report notebooks installed with the package (``analysis.notebooks``: the repository's notebooks/).

    setup.py installs the top-level ``notebooks/`` folder as the package ``analysis.notebooks``, so
    an ordinary install and an editable one both find them here.
    """
    from importlib.resources import files

    try:
        folder = files("analysis.notebooks")
    except ModuleNotFoundError:  # an editable install made before the notebooks were packaged
        folder = Path(__file__).resolve().parent.parent / "notebooks"
    path = Path(str(folder))
    if not path.is_dir() or not any(path.glob(NOTEBOOK_PATTERN)):
        raise MediacompareError(f"{path}: the report notebooks are not installed with the package; "
                                "reinstall mediacompare or pass --notebooks DIR")
    return path


def copy_notebooks(dest: str | Path) -> tuple[list[Path], list[Path]]:
    """Copy the bundled notebooks into ``dest`` (created if needed) for a researcher to adapt.

    An existing file is never overwritten: it is kept and returned in the second list. Returns
    ``(copied, kept)``; ``report --notebooks DEST`` then renders the adapted copies.
    """
    import shutil

    dest = Path(dest)
    if dest.exists() and not dest.is_dir():
        raise MediacompareError(f"{dest}: exists and is not a directory")
    dest.mkdir(parents=True, exist_ok=True)
    copied: list[Path] = []
    kept: list[Path] = []
    for source in find_notebooks(bundled_notebooks()):
        target = dest / source.name
        try:
            dst = target.open("xb")  # "x": never opens a file that exists
        except FileExistsError:
            kept.append(target)
            continue
        try:
            with dst, source.open("rb") as src:
                shutil.copyfileobj(src, dst)
        except BaseException:
            target.unlink(missing_ok=True)  # the partial copy this call created
            raise
        copied.append(target)
    return copied, kept


def find_notebooks(folder: str | Path) -> list[Path]:
    """``NN-*.ipynb`` files of ``folder`` in name order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise MediacompareError(f"{folder}: no such notebooks directory")
    found = sorted(p for p in folder.glob(NOTEBOOK_PATTERN) if p.is_file())
    if not found:
        raise MediacompareError(f"{folder}: no notebooks named like NN-name.ipynb")
    for nb in found:  # before the analysis: a broken copy is one line at once, not a traceback a minute later
        _check_notebook(nb)
    return found


def _check_notebook(path: Path) -> None:
    """A one-line error unless ``path`` is a Jupyter notebook (nbformat 4) that can be read."""
    import nbformat

    try:
        nbformat.validate(nbformat.reads(path.read_bytes().decode("utf-8"), as_version=4))
    except Exception as exc:  # OSError, UnicodeDecodeError, NotJSONError, ValidationError, ...
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
        raise MediacompareError(f"{path}: not a readable Jupyter notebook ({first}); copy a bundled one with "
                                f"'mediacompare notebooks DIR' and edit it in Jupyter") from None


# Kernels started by this process that are still running, and the private folders of their sockets
# and connection files; a report kills the first on an interrupt and removes the second when it ends.
_KERNELS: set[Any] = set()
_KERNEL_DIRS: set[Path] = set()
_KERNEL_LAST_LINE: list[str] = [""]
KERNEL_LOG = "kernel.log"


def _kernel_manager_class() -> type:
    """An AsyncKernelManager whose only kernel spec runs ``sys.executable -m ipykernel_launcher``.

    Jupyter would otherwise resolve ``python3`` through the kernel specs installed on the machine
    (user, environment, system), which may point at another interpreter without ``analysis``.
    The kernel's sockets and connection file live in one private temporary folder
    (``mediacompare-kernel-*``), removed when the kernel's resources are cleaned up and, at the
    latest, by :func:`remove_kernel_folders` when the report ends.
    """
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class ThisPythonKernelSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                              display_name=f"Python ({sys.executable})", language="python",
                              resource_dir="", name=kernel_name)

    class ThisPythonKernelManager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _this_python_specs(self) -> KernelSpecManager:
            return ThisPythonKernelSpecs()

        @default("transport")
        def _local_sockets(self) -> str:
            # Unix-domain sockets: no TCP port is opened (not even on loopback), so no network
            # is needed and ipykernel does not warn about unencrypted TCP. A socket path longer than
            # the system allows (a deep TMPDIR, as on HPC job nodes) falls back to TCP on loopback.
            return "ipc" if sys.platform != "win32" and ipc_path_fits(self.private_dir / "kernel") else "tcp"

        @property
        def private_dir(self) -> Path:
            # A folder of its own in the system temp folder (TMPDIR); see _local_sockets for long paths.
            if getattr(self, "_private_dir", None) is None:
                self._private_dir = Path(tempfile.mkdtemp(prefix="mediacompare-kernel-"))
                _KERNEL_DIRS.add(self._private_dir)
            return self._private_dir

        @default("connection_file")
        def _private_connection_file(self) -> str:
            return str(self.private_dir / "kernel.json")

        @default("ip")
        def _private_socket_prefix(self) -> str:
            # With ipc the "ip" is the socket path prefix; by default it is ./kernel-ipc in the
            # kernel's working folder (the notebooks/ folder), where concurrent kernels collide and
            # stale sockets are left next to the sources.
            if self.transport != "ipc":
                return "127.0.0.1"
            return str(self.private_dir / "kernel")

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            # The kernel process's own output (not the cells': those reach the notebook) goes to a
            # log in the private folder: jupyter_client interrupts a kernel before shutting it down,
            # and ipykernel then logs "KeyboardInterrupt caught in kernel" on its stderr now and
            # then, which is noise on the report's stderr. The log's tail names a crash.
            log = (self.private_dir / KERNEL_LOG).open("ab")
            try:
                await super()._async_launch_kernel(kernel_cmd, **{**kw, "stdout": log, "stderr": log})
            finally:
                log.close()  # the kernel holds its own copy of the descriptor
            _KERNELS.add(self)

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            await super()._async_cleanup_resources(restart=restart)
            _KERNELS.discard(self)
            if not restart:
                _remember_log(self.private_dir / KERNEL_LOG)
                _remove_folder(self.private_dir)

        # AsyncKernelManager binds the base class's coroutine to this name, so without this nbclient's
        # clean-up after a dead kernel would skip the method above.
        cleanup_resources = _async_cleanup_resources

    return ThisPythonKernelManager


# Longest Unix socket path: sun_path holds 108 bytes on Linux and 104 on macOS and the BSDs, with its final NUL;
# jupyter_client appends "-" and a number of up to 5 digits to the prefix.
MAX_SOCKET_PATH = 103
SOCKET_SUFFIX = len("-65535")


def ipc_path_fits(prefix: Path) -> bool:
    """Whether the kernel's Unix sockets ``<prefix>-<n>`` fit the system's socket path limit."""
    return len(os.fsencode(str(prefix))) + SOCKET_SUFFIX <= MAX_SOCKET_PATH


def _remember_log(log: Path) -> None:
    """Keep the last line of a finished kernel's log that is not shutdown noise (for error messages)."""
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return
    meaningful = [line.strip() for line in lines if line.strip() and "KeyboardInterrupt caught" not in line]
    if meaningful:
        _KERNEL_LAST_LINE[0] = meaningful[-1][:300]


def kernel_log_tail() -> str:
    """The last meaningful line a kernel of this process wrote to its own stderr, or ``""``."""
    return _KERNEL_LAST_LINE[0]


def _remove_folder(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    _KERNEL_DIRS.discard(folder)


def kill_kernels() -> None:
    """Kill every kernel this process started that is still running (its whole process group)."""
    import os
    import signal

    for km in list(_KERNELS):
        provisioner = getattr(km, "provisioner", None)
        pgid = getattr(provisioner, "pgid", None) or getattr(provisioner, "pid", None)
        if pgid:
            try:
                os.killpg(pgid, signal.SIGKILL)  # the kernel leads its own session (jupyter_client)
            except OSError:
                pass
        _KERNELS.discard(km)


def remove_kernel_folders() -> None:
    """Remove the private folders of every kernel this process started (sockets, connection file)."""
    for folder in list(_KERNEL_DIRS):
        _remove_folder(folder)


def _in_thread(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` in a worker thread, so SIGINT/SIGTERM reach this (main) thread as :class:`Interrupted`.

    nbclient replaces the signal handlers while a notebook runs in the main thread and does not
    re-raise; in a worker thread it leaves them alone. On an interrupt the kernels are killed, which
    ends the worker's notebook, and the interrupt goes on.
    """
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["value"] = fn(*args)
        except BaseException as exc:  # handed to the main thread
            result["error"] = exc

    worker = threading.Thread(target=work, name="mediacompare-notebook", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.25)
    except BaseException:
        kill_kernels()
        worker.join(KERNEL_STOP_TIMEOUT)
        raise
    if "error" in result:
        raise result["error"]
    return result["value"]


def execute_notebook(notebook: str | Path, output: str | Path, parameters: Mapping[str, Any]) -> Any:
    """Execute ``notebook`` with papermill ``parameters`` into ``output``; return the executed notebook.

    The kernel runs this interpreter and starts in the notebook's folder. A failing cell raises
    :class:`MediacompareError` naming the notebook, the cell and the exception.
    """
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    notebook = Path(notebook)
    quiet = _DropErrors()  # errors become the one-line message below; nbclient would also log them
    logging.getLogger("papermill").addFilter(quiet)
    try:
        return papermill.execute_notebook(
            str(notebook), str(output), parameters=dict(parameters), kernel_name=KERNEL_NAME,
            kernel_manager_class=_kernel_manager_class(), progress_bar=False, log_output=False,
            start_timeout=START_TIMEOUT, execution_timeout=CELL_TIMEOUT, cwd=str(notebook.parent),
        )
    except PapermillExecutionError as exc:
        raise MediacompareError(
            f"{notebook}: cell {exc.exec_count} raised {exc.ename}: {exc.evalue} (executed copy: {output})"
        ) from None
    except CellTimeoutError:  # only when CELL_TIMEOUT is set
        raise MediacompareError(f"{notebook}: a cell ran longer than {CELL_TIMEOUT} s and was stopped "
                                f"(executed copy: {output})") from None
    except DeadKernelError:
        tail = kernel_log_tail()
        raise MediacompareError(f"{notebook}: the notebook's kernel died"
                                + (f"; its last words: {tail}" if tail else "")
                                + " (out of memory?)") from None
    finally:
        logging.getLogger("papermill").removeFilter(quiet)


class _DropErrors(logging.Filter):
    """Drops log records at ERROR and above (warnings pass)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno < logging.ERROR


def render_html(nb: Any, title: str) -> str:
    """Static HTML of an executed notebook: outputs only (no code, no prompts), no CDN scripts.

    Byte-identical for identical input: papermill gives the cell it injects a random id, which the
    HTML carries, so that cell gets a fixed one here.
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    for cell in nb.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = "injected-parameters"

    exporter = HTMLExporter(
        extra_loaders=[DictLoader({"mediacompare.html.j2": _HTML_TEMPLATE})],
        template_file="mediacompare.html.j2",
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def notebook_title(nb: Any, fallback: str) -> str:
    """The first Markdown ``# heading`` of a notebook, else ``fallback``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, flags=re.M)
            if m:
                return m.group(1).strip()
    return fallback


def write_index(out: Path, pages: list[tuple[str, str]], tables: AnalysisTables, corpus: str,
                out_name: str | None = None) -> Path:
    """``OUT/index.html`` (findings first, :mod:`analysis.reporting.index`), ``OUT/paper/methods.md`` and
    ``references.bib``, then ``OUT/manifest.json`` over every file (``out_name``: the output folder as the
    user named it, for the command in the manifest; default ``out``)."""
    from . import __version__
    from .reporting.index import index_html
    from .reporting.manifest import write_manifest
    from .reporting.paper import write_methods

    write_methods(out / "paper")
    path = out / "index.html"
    path.write_text(index_html(tables, out, pages, corpus, __version__), encoding="utf-8")
    write_manifest(out, corpus, out_name or str(out))
    return path


def _nothing_analysed(tables: AnalysisTables, corpus: Path) -> str | None:
    """Why there is nothing to report (no article, or none analysed), else ``None``."""
    articles = tables.articles
    if articles.empty:
        return f"{corpus}: no articles found; nothing to report"
    status = articles["status"] if "status" in articles.columns else pd.Series("", index=articles.index)
    if not (status == "analysed").any():
        counts = status.fillna("unknown").astype(str).value_counts().sort_index()
        listed = ", ".join(f"{k}: {v}" for k, v in counts.items())
        return f"{corpus}: no article could be analysed ({listed}); nothing to report"
    return None


def build_report(corpus: str | Path, out_dir: str | Path, notebooks_dir: str | Path | None = None,
                 settings: Settings | None = None, force: bool = False,
                 validation: str | Path | None = None,
                 on_article: Callable[[dict[str, Any]], None] | None = None) -> Path:
    """Analyse ``corpus`` once, run every notebook on the tables, render them; return ``OUT/index.html``.
    ``on_article``: called with every row of the articles table once the analysis is done.

    The report is built in a hidden folder next to ``OUT`` and moved in only when complete
    (:mod:`analysis.report_folder`): a failed or interrupted run changes nothing in ``OUT``, and only
    files an earlier report wrote are ever replaced. ``OUT`` must be new, empty or an earlier report
    (``force``: any folder; its files are kept). Notebooks get the parameters ``corpus``,
    ``tables_dir`` (the build's ``tables/``) and ``output_dir`` (the build folder; figures go to its
    ``figures/``), all as absolute paths. ``validation``: the output folder of ``mediacompare validate
    score``; its figures are copied to ``OUT/validation/`` and shown next to each coded measure
    (:mod:`analysis.validate.summary`); without it each coded measure says "not validated on this corpus".
    """
    from .pipeline import analyse_corpus
    from .reporting.notebook import VALIDATION_DIR
    from .validate.outputs import write_outputs
    from .validate.summary import load_validation

    corpus_path = Path(corpus)
    if not corpus_path.exists():
        raise MediacompareError(f"{corpus_path}: no such file or directory")
    notebooks = find_notebooks(notebooks_dir if notebooks_dir is not None else bundled_notebooks())
    validated = load_validation(validation)
    out = Path(out_dir).resolve()  # a symbolic link to a folder: build next to the real folder
    previous = check_target(out, force)
    try:
        with staging(out) as build:
            tables = collect_tables(analyse_corpus(corpus_path, settings or Settings(), progress=False))
            empty = _nothing_analysed(tables, corpus_path)
            if empty:
                raise MediacompareError(empty)
            if on_article is not None:
                for row in tables.articles.to_dict("records"):
                    on_article(row)
            tables_dir = build / "tables"
            for fmt in TABLE_FORMATS:
                save_tables(tables, tables_dir, fmt)
            if validated is not None:
                write_outputs(validated, build / VALIDATION_DIR)
            parameters = {"corpus": str(corpus_path.resolve()), "tables_dir": str(tables_dir),
                          "output_dir": str(build)}
            pages: list[tuple[str, str]] = []
            with tempfile.TemporaryDirectory(prefix="mediacompare-report-") as tmp:
                for notebook in notebooks:
                    executed = _in_thread(execute_notebook, notebook, Path(tmp) / notebook.name, parameters)
                    title = notebook_title(executed, notebook.stem)
                    page = build / f"{notebook.stem}.html"
                    try:
                        page.write_text(render_html(executed, title), encoding="utf-8")
                    except (ValueError, LookupError, ImportError) as exc:  # nbconvert: templates, filters
                        raise MediacompareError(f"{notebook}: cannot render to HTML: {type(exc).__name__}: "
                                                f"{exc}") from None
                    pages.append((page.name, title))
            write_index(build, pages, tables, str(corpus), out_name=str(out_dir))
            commit(build, out, previous)
    finally:
        kill_kernels()
        remove_kernel_folders()
    return out / "index.html"


# --- Helpers the notebooks call (so notebooks hold no logic) -------------------------------------


def load_or_analyse(corpus: str | Path, tables_dir: str | Path = "",
                    settings: Settings | None = None) -> AnalysisTables:
    """The tables in ``tables_dir`` when given, else a fresh analysis of ``corpus``."""
    if tables_dir:
        return load_tables(tables_dir)
    from .pipeline import analyse_corpus

    return collect_tables(analyse_corpus(corpus, settings or Settings(), progress=False))


FIGURE_OUTLETS = 12  # outlets a figure shows at most (the tables and statistics keep every outlet)


def figure_outlets(tables: AnalysisTables, limit: int = FIGURE_OUTLETS) -> tuple[list[str] | None, str]:
    """The ``limit`` outlets with the most analysed articles (ties by name) when there are more, else ``None``
    (all); and a Markdown note saying which outlets the figures show ("" when all). A figure with 150 outlets
    is neither readable nor quick to draw; every table and the statistics keep all outlets."""
    from .reporting.findings import corpus_facts
    from .safe_text import markdown as md

    facts = corpus_facts(tables.articles)
    if len(facts.outlets) <= limit:
        return None, ""
    ranked = facts.largest(limit)
    keep = sorted(o for o, _ in ranked)
    listed = "; ".join(f"{md(o)} ({n:,})" for o, n in ranked)
    note = (f"**The figures show the {limit} outlets with the most articles** of {len(facts.outlets):,} ({listed}); "
            "the tables and the statistics include every outlet.")
    return keep, note


def figure_tables(tables: AnalysisTables, limit: int = FIGURE_OUTLETS) -> tuple[AnalysisTables, str]:
    """:func:`select_outlets` of :func:`figure_outlets`: the tables to draw figures from, and the note."""
    keep, note = figure_outlets(tables, limit)
    return (tables if keep is None else select_outlets(tables, keep)), note


def select_outlets(tables: AnalysisTables, outlets: Iterable[str] | str | None = None) -> AnalysisTables:
    """The tables restricted to the articles of ``outlets``; empty or ``None``: all, unchanged.

    Filters every table (metrics, evidence, sentences, articles and each record table) by the
    article ids of the chosen outlets, so figures and tables of a notebook show only those outlets
    (in the figures' usual sorted order). ``"(no outlet)"`` selects articles without an outlet. A
    name not among the tables' outlets raises :class:`MediacompareError` listing the known ones.
    Never mutates ``tables``.
    """
    wanted = [outlets] if isinstance(outlets, str) else list(outlets or [])
    if not wanted:
        return tables
    known = sorted(set(outlet_labels(tables.articles["outlet"])) if "outlet" in tables.articles.columns else set())
    unknown = [o for o in wanted if o not in known]
    if unknown:
        raise MediacompareError(f"outlet(s) {', '.join(map(repr, unknown))} not in the corpus; "
                                f"its outlets are: {', '.join(map(repr, known)) or 'none'}")
    ids = set(tables.articles.loc[outlet_labels(tables.articles["outlet"]).isin(wanted), "article_id"].astype(str))

    def keep(df: pd.DataFrame) -> pd.DataFrame:
        if "article_id" not in df.columns:
            return df.copy()
        return df[df["article_id"].astype(str).isin(ids)].reset_index(drop=True)

    return AnalysisTables(keep(tables.metrics), keep(tables.evidence), keep(tables.sentences),
                          keep(tables.articles), {name: keep(df) for name, df in tables.records.items()})


CORPUS_COLUMNS = ("article_id", "outlet", "published", "dateline_text", "dateline_place", "dateline_date",
                  "dateline_agency", "caption", "credit", "byline", "removed", "n_paragraphs", "n_sentences",
                  "n_words", "status", "reason")


def corpus_table(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles table for display: metadata, dateline fields, what cleaning removed, status."""
    cols = [c for c in CORPUS_COLUMNS if c in articles.columns]
    return articles.loc[:, cols].set_index("article_id") if "article_id" in cols else articles.loc[:, cols]


def family_table(metrics: pd.DataFrame, family: str, only: list[str] | None = None,
                 article_level: bool = False) -> pd.DataFrame:
    """One family's values as metric (× target) rows and (outlet, article_id) columns.

    NaN values stay visible, and a ``note`` column gives each undefined value's reason
    (``article_id: reason``), so nothing undefined disappears from the table. ``only`` keeps
    only those metric names, in that order; ``article_level`` keeps only rows without a target.
    """
    rows = metrics[metrics["family"] == family]
    if article_level:
        rows = rows[rows["target"].fillna("") == ""]
    if only is not None:
        rows = rows[rows["metric"].isin(only)]
    if rows.empty:
        return pd.DataFrame()
    index = ["metric", "target"] if (rows["target"].fillna("") != "").any() else ["metric"]
    wide = rows.pivot_table(index=index, columns=["outlet", "article_id"], values="value", aggfunc="first",
                            dropna=False, sort=False)
    # keep only (outlet, article) pairs and rows that exist, in input order (not their cross product)
    wide = wide.reindex(index=pd.MultiIndex.from_frame(rows[index].drop_duplicates()) if len(index) > 1
                        else pd.Index(rows["metric"].drop_duplicates(), name="metric"),
                        columns=pd.MultiIndex.from_frame(rows[["outlet", "article_id"]].drop_duplicates()))
    notes = rows[rows["note"].fillna("") != ""]
    if not notes.empty:
        joined = notes.assign(n=notes["article_id"] + ": " + notes["note"]).groupby(index, sort=False)["n"]
        wide[("note", "")] = joined.agg("; ".join).reindex(wide.index).fillna("")
    if only is not None:
        wide = wide.iloc[sorted(range(len(wide)), key=lambda i: only.index(wide.index.get_level_values(0)[i]))]
    return wide


def target_table(metrics: pd.DataFrame, family: str, only: list[str], top: int | None = None) -> pd.DataFrame:
    """One row per target (actor, frame, …) with (metric, outlet, article_id) columns for ``only``.

    Rows are ranked by the sum over articles of the first metric in ``only`` (highest first, ties by
    name); ``top`` keeps the first ``top`` rows. Missing values stay NaN (not measured or not found
    in that article); a ``note`` column gives the reasons of undefined values.
    """
    rows = metrics[(metrics["family"] == family) & (metrics["target"].fillna("") != "")
                   & metrics["metric"].isin(only)]
    if rows.empty:
        return pd.DataFrame()
    wide = rows.pivot_table(index="target", columns=["metric", "outlet", "article_id"], values="value",
                            aggfunc="first", dropna=False, sort=False)
    present = rows[["metric", "outlet", "article_id"]].drop_duplicates()
    present = present.assign(order=present["metric"].map(only.index)).sort_values("order", kind="stable")
    wide = wide.reindex(columns=pd.MultiIndex.from_frame(present[["metric", "outlet", "article_id"]]))
    first = rows[rows["metric"] == next(m for m in only if m in set(rows["metric"]))]
    rank = first.groupby("target")["value"].sum(min_count=1).reindex(wide.index)
    order = sorted(wide.index, key=lambda t: (-(rank[t] if pd.notna(rank[t]) else float("-inf")), t))
    wide = wide.loc[order[:top] if top is not None else order]
    notes = rows[(rows["note"].fillna("") != "") & rows["target"].isin(wide.index)]
    if not notes.empty:
        text = notes["article_id"] + " " + notes["metric"] + ": " + notes["note"]
        wide[("note", "", "")] = text.groupby(notes["target"]).agg("; ".join).reindex(wide.index).fillna("")
    return wide


EVIDENCE_DISPLAY = ("article_id", "metric", "target", "sentence_index", "cue", "text")


def evidence_table(evidence: pd.DataFrame, family: str) -> pd.DataFrame:
    """One family's evidence rows for display: article, metric, target, sentence index, cue and sentence."""
    rows = evidence[evidence["family"] == family] if "family" in evidence.columns else evidence.iloc[0:0]
    cols = [c for c in EVIDENCE_DISPLAY if c in rows.columns]
    return rows.loc[:, cols].reset_index(drop=True)
