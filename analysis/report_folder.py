"""The report's (and compare's) output folder: built aside, moved in at the end, only ever replacing its own files.

A report is built in a hidden staging folder next to ``OUT`` (same file system) and moved into
``OUT`` only when every table, figure and page is written, so a failed or interrupted run leaves
the previous report as it was and no partial files. ``OUT/.mediacompare-report.json`` (the marker)
lists the files the report wrote; the next report into ``OUT`` replaces those and removes the ones
it no longer writes, and touches nothing else:

* ``OUT`` missing or empty: created / used;
* ``OUT`` holds a marker: an earlier report, replaced file by file;
* ``OUT`` not empty and without a marker: refused with a one-line error, unless ``force``, which
  adds the report next to the files already there;
* a file the report would write exists and is not in the marker: refused (even with ``force``): a
  file the report did not write is never overwritten or deleted.

``mediacompare compare -o DIR`` follows the same rules with its own marker (``DIR/.mediacompare-compare.json``,
:data:`COMPARE`): a folder of the user's is never written into without ``--force``, and a file compare did not
write is never overwritten.

Moving in is done with SIGINT/SIGTERM held (:func:`analysis.interrupts.signals_deferred`); the
marker first lists the old and new files together, so even a killed run leaves every report file
listed.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .interrupts import signals_deferred
from .model import MediacompareError

MARKER = ".mediacompare-report.json"
GENERATOR = "mediacompare report"


@dataclass(frozen=True)
class FolderKind:
    """Which command owns an output folder: its marker file's name and the generator recorded in it.
    ``always_wrote`` / ``may_write``: the files the command wrote every time / could write, before it wrote
    markers; a folder without a marker holding all of the first and nothing but the second is taken as its
    earlier output (a user's folder that merely holds a ``stats.csv`` is not)."""

    marker: str
    generator: str
    always_wrote: frozenset[str] = frozenset()
    may_write: frozenset[str] = frozenset()


_COMPARE_TABLES = frozenset(f"{n}.{ext}" for n in (
    "alignment claims events keyness near_duplicates passages reuse stats unique_sentences").split()
    for ext in ("csv", "parquet"))
REPORT = FolderKind(MARKER, GENERATOR)
COMPARE = FolderKind(".mediacompare-compare.json", "mediacompare compare", _COMPARE_TABLES,
                     _COMPARE_TABLES | {"keyness_full.parquet"})


def _safe_relative(name: object) -> str | None:
    """``name`` when it is a plain relative POSIX path inside the folder (no ``..``, not absolute)."""
    if not isinstance(name, str) or not name or "\\" in name or "\x00" in name:
        return None
    p = PurePosixPath(name)
    if p.is_absolute() or any(part in ("", ".", "..") for part in p.parts) or name != p.as_posix():
        return None
    return name


def read_marker(out: Path, kind: FolderKind = REPORT) -> set[str] | None:
    """The files listed in ``OUT``'s marker; ``None`` when there is no marker.

    A marker that is not ours (unreadable, not JSON, another generator, unsafe paths) is an error:
    acting on it could remove files the report never wrote.
    """
    path = out / kind.marker
    if not path.exists() and not path.is_symlink():
        return None
    problem = f"{path}: not a marker written by {kind.generator}"
    if path.is_symlink() or not path.is_file():
        raise MediacompareError(f"{problem}; remove it or choose another output folder")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise MediacompareError(f"{problem} ({exc}); remove it or choose another output folder") from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("generator") != kind.generator or not isinstance(files, list):
        raise MediacompareError(f"{problem}; remove it or choose another output folder")
    safe = [_safe_relative(f) for f in files]
    if any(s is None for s in safe):
        raise MediacompareError(f"{problem} (it lists a path outside the folder); remove it or choose another "
                                "output folder")
    return {s for s in safe if s is not None and s != kind.marker}


def check_target(out: str | Path, force: bool = False, kind: FolderKind = REPORT) -> set[str]:
    """Check that a report (or ``kind``'s output) may be written to ``out``; return the files an earlier run of
    the same command wrote there."""
    out = Path(out)
    if out.is_symlink() and not out.is_dir():
        raise MediacompareError(f"{out}: is a broken symbolic link")
    if not out.exists():
        return set()
    if not out.is_dir():
        raise MediacompareError(f"{out}: exists and is not a directory")
    previous = read_marker(out, kind)
    if previous is not None:
        return previous
    entries = list(out.iterdir())
    names = {p.name for p in entries}
    if kind.always_wrote and kind.always_wrote <= names <= kind.may_write and all(
            p.is_file() and not p.is_symlink() for p in entries):
        return names  # written by this command before it wrote markers
    if not force and entries:
        raise MediacompareError(f"{out}: not empty and not written by {kind.generator}; choose a new or empty "
                                "folder, or pass --force to add the output next to its files (none is replaced "
                                "or deleted)")
    return set()


@contextmanager
def staging(out: str | Path) -> Iterator[Path]:
    """A hidden, empty folder next to ``out`` to build the report in; removed on leaving the block."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{os.fsdecode(os.fsencode(out.name)[:100])}.mediacompare-partial-",
                                   dir=out.parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def staged_files(folder: Path) -> list[str]:
    """Every file below ``folder`` as a sorted relative POSIX path (the marker excluded)."""
    names = (p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sorted(n for n in names if n != MARKER)


def write_marker(out: Path, files: Iterable[str], kind: FolderKind = REPORT) -> None:
    """``out``'s marker listing ``files`` (relative paths), written atomically."""
    from . import __version__

    text = json.dumps({"generator": kind.generator, "version": __version__, "files": sorted(set(files))},
                      indent=1, ensure_ascii=False) + "\n"
    tmp = out / f"{kind.marker}.partial"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out / kind.marker)


def check_collisions(out: Path, files: list[str], previous: set[str], kind: FolderKind = REPORT) -> None:
    """Refuse (one-line error) when writing ``files`` into ``out`` would overwrite a file not in ``previous``,
    write through a link or a file where a folder should be, or leave the folder."""
    root = out.resolve()
    for name in files:
        target = out / name
        for parent in list(PurePosixPath(name).parents)[:-1]:
            folder = out / parent
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                raise MediacompareError(f"{folder}: is not a plain folder of the report; not written into "
                                        "(remove it or choose another output folder)")
        if target.resolve().parent != (root / name).parent:
            raise MediacompareError(f"{target}: resolves outside {out}; not written")
        if (target.exists() or target.is_symlink()) and name not in previous:
            raise MediacompareError(f"{target}: exists and was not written by {kind.generator}; not overwritten "
                                    "(move it away or choose another output folder)")
        if target.is_dir():
            raise MediacompareError(f"{target}: is a directory; not overwritten")


def commit(staged: Path, out: str | Path, previous: set[str]) -> list[str]:
    """Move every file of ``staged`` into ``out``; remove files of ``previous`` not written again.

    Nothing is moved when any file would overwrite a file the report did not write. Returns the
    files written (relative paths), which the new marker lists.
    """
    out = Path(out)
    files = staged_files(staged)
    out.mkdir(parents=True, exist_ok=True)
    check_collisions(out, files, previous)
    stale = sorted(previous - set(files))
    with signals_deferred():
        write_marker(out, previous | set(files))
        for name in files:
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged / name, target)
        for name in stale:
            target = out / name
            if (target.is_file() or target.is_symlink()) and target.resolve().is_relative_to(out.resolve()):
                target.unlink()
            for parent in list(PurePosixPath(name).parents)[:-1]:
                folder = out / parent
                if folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
                    folder.rmdir()
        write_marker(out, files)
    return files
