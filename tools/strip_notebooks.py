"""Strip outputs, execution counts and volatile metadata from notebooks before committing.

    python tools/strip_notebooks.py notebooks/*.ipynb          # rewrite in place
    python tools/strip_notebooks.py --check notebooks/*.ipynb  # exit 1 if any would change

Kept: cell sources, cell ids, cell tags (``parameters`` matters to papermill), and the notebook's
``kernelspec`` and ``language_info.name``. Everything else (outputs, execution counts, widget state,
papermill/execution metadata) is removed, so a stored notebook depends only on its source.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

KEEP_CELL_METADATA = ("tags",)


def strip_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return ``nb`` without outputs, execution counts or volatile metadata (modified in place)."""
    for cell in nb.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in KEEP_CELL_METADATA and v}
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    meta = {}
    if "kernelspec" in nb.metadata:
        meta["kernelspec"] = dict(nb.metadata["kernelspec"])
    name = nb.metadata.get("language_info", {}).get("name")
    if name:
        meta["language_info"] = {"name": name}
    nb.metadata = nbformat.from_dict(meta)
    return nb


def stripped_text(path: Path) -> tuple[str, str]:
    """``(current text, stripped text)`` of the notebook at ``path``."""
    text = path.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    return text, nbformat.writes(strip_notebook(nb)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="only report notebooks that are not stripped")
    args = parser.parse_args(argv)
    dirty = []
    for path in args.notebooks:
        text, clean = stripped_text(path)
        if text != clean:
            dirty.append(path)
            if not args.check:
                path.write_text(clean, encoding="utf-8")
    for path in dirty:
        print(f"{path}: {'has outputs or volatile metadata' if args.check else 'stripped'}", file=sys.stderr)
    return 1 if (dirty and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
