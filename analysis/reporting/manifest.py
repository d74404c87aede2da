"""``manifest.json``: every output of a report with its SHA-256, the versions behind it and the command.

Keys: ``generator``, ``command`` (the ``mediacompare report`` call that gives this report, and the
program's own arguments), ``corpus``, ``packages`` (:func:`analysis.methods.versions`), ``lexicons``
(bundled lexicons and the report's data files: name, version, file), and ``files`` (path relative to
the report folder, bytes, sha256), sorted by path. Written last, so it covers every other file; the
JSON is written with sorted keys, so the same report gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import shlex
import sys
from pathlib import Path
from typing import Any

from ..lexicons import bundled_lexicons
from ..methods import versions
from .labels import load_yaml_data

MANIFEST = "manifest.json"
DATA_FILES = ("metric_labels.yaml", "findings_templates.yaml", "references.yaml")
SKIP = {MANIFEST, ".mediacompare-report.json"}


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def lexicon_versions() -> list[dict[str, str]]:
    """Name, version and file of every bundled lexicon and of the report's own data files."""
    out = [{"name": lex.name, "version": lex.version, "file": Path(lex.path).name} for lex in bundled_lexicons()]
    for name in DATA_FILES:
        meta = load_yaml_data(name)["meta"]
        out.append({"name": str(meta["name"]), "version": str(meta["version"]), "file": name})
    return sorted(out, key=lambda d: d["file"])


def manifest(out: Path, corpus: str, command: str) -> dict[str, Any]:
    """The manifest of the report folder ``out`` (module docstring)."""
    files = []
    for p in sorted(out.rglob("*")):
        rel = p.relative_to(out).as_posix()
        if p.is_file() and not p.is_symlink() and rel not in SKIP and not any(
                part.startswith(".") for part in p.relative_to(out).parts):
            files.append({"path": rel, "bytes": p.stat().st_size, "sha256": sha256(p)})
    return {"generator": "mediacompare report", "command": command, "corpus": corpus, "packages": versions(),
            "lexicons": lexicon_versions(), "files": files}


def report_command(corpus: str, out_name: str) -> str:
    """The command that makes this report: ``mediacompare report CORPUS -o OUT`` plus, when the program was
    started as ``mediacompare``, its own arguments."""
    base = shlex.join(["mediacompare", "report", corpus, "-o", out_name])
    prog = Path(sys.argv[0]).name if sys.argv else ""
    if prog == "mediacompare" and len(sys.argv) > 1:
        return shlex.join(["mediacompare", *sys.argv[1:]])
    return base


def write_manifest(out: Path, corpus: str, out_name: str) -> Path:
    """Write ``out/manifest.json``; ``out_name`` is the output folder as the user named it."""
    path = out / MANIFEST
    text = json.dumps(manifest(out, corpus, report_command(corpus, out_name)), indent=1, sort_keys=True,
                      ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path
