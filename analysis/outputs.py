"""Output safety: no output may replace an input or another output, and outputs appear all at once.

* :func:`check_outputs` refuses (one-line :class:`MediacompareError`) an output path that is the same
  file as an input (the corpus file, its manifest, a text file the manifest names, a lexicon, a table
  read back) or as another output, also through symbolic or hard links.
* :class:`Staging` hands out temporary names in the target's own folder (so the final rename is atomic
  on one file system), renames every staged file into place only on :meth:`Staging.commit`, and removes
  every temporary file and every folder it created when the run fails or is interrupted. A previous
  output stays intact until the whole new set is ready.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import TracebackType

from .interrupts import signals_deferred
from .model import MediacompareError


def _key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file: same resolved path, or (both existing) same inode. A name holding a
    NUL character (a manifest can spell one) names no file."""
    if "\0" in os.fspath(a) or "\0" in os.fspath(b):
        return False
    if _key(a) == _key(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return False


def check_outputs(outputs: Mapping[str, Path], inputs: Iterable[Path]) -> None:
    """One-line error when an output is an input or two outputs are one file.

    ``outputs`` maps a label (the option, e.g. ``--evidence``) to the path it names.
    """
    inputs = list(inputs)
    items = list(outputs.items())
    for i, (label, out) in enumerate(items):
        for src in inputs:
            if same_file(out, src):
                raise MediacompareError(f"{out}: {label} would overwrite the input file {src}; "
                                        f"choose another output path")
        for other_label, other in items[:i]:
            if same_file(out, other):
                raise MediacompareError(f"{out}: {label} and {other_label} name the same file; "
                                        f"give each output its own path")


def atomic_write(path: str | Path, write: Callable[[Path], object]) -> None:
    """Call ``write(tmp)`` on a hidden temporary sibling of ``path`` (same suffix), then rename it over
    ``path``: a failure or interrupt leaves the old file intact and no partial file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{_short(path.stem)}.", suffix=f".partial{path.suffix}", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _short(name: str, limit: int = 100) -> str:
    """``name`` cut to ``limit`` bytes for a temporary name beside it: a 245-byte output name is valid, but the
    temporary name holding it whole with a token and ".partial" would pass the 255-byte limit."""
    return os.fsdecode(os.fsencode(name)[:limit])


def _token() -> str:
    return f"{os.getpid()}-{secrets.token_hex(4)}"


class Staging:
    """Temporary names for a set of outputs, renamed into place together on :meth:`commit`.

    Use as a context manager: leaving the block without :meth:`commit` (an error, an interrupt)
    removes every temporary file and folder and every output folder this object created.
    """

    def __init__(self) -> None:
        self._files: list[tuple[Path, Path]] = []  # (temporary, target)
        self._folders: list[tuple[Path, Path]] = []  # (temporary folder, target folder)
        self._made: list[Path] = []  # output folders created here, deepest last
        self.committed = False

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if not self.committed:
            self.discard()

    def _parent(self, folder: Path) -> None:
        missing = []
        p = folder
        while not p.exists():
            missing.append(p)
            if p.parent == p:
                break
            p = p.parent
        if not p.is_dir():
            raise MediacompareError(f"{p}: is a file, not a folder; choose another output path")
        folder.mkdir(parents=True, exist_ok=True)
        self._made += reversed(missing)

    def file(self, target: str | Path) -> Path:
        """A temporary path (hidden, same folder and extension) to write ``target`` to."""
        target = Path(target)
        if target.is_dir():
            raise MediacompareError(f"{target}: is a directory; give a file name")
        self._parent(target.parent)
        tmp = target.with_name(f".{_short(target.stem)}.{_token()}.partial{target.suffix}")
        self._files.append((tmp, target))
        return tmp

    def folder(self, target: str | Path) -> Path:
        """A temporary folder next to ``target``; on commit its files move into ``target`` (created if needed)."""
        target = Path(target)
        if target.exists() and not target.is_dir():
            raise MediacompareError(f"{target}: exists and is not a directory")
        self._parent(target.parent)
        tmp = target.with_name(f".{_short(target.name)}.{_token()}.partial")
        tmp.mkdir()
        self._folders.append((tmp, target))
        return tmp

    def target_of(self, path: str | os.PathLike[str] | None) -> Path | None:
        """The output a temporary path stands for (to name it in an error message), else None."""
        if path is None:
            return None
        path = Path(os.fsdecode(path))
        for tmp, target in self._files:
            if path == tmp:
                return target
        for tmp, target in self._folders:
            if path == tmp or tmp in path.parents:
                return target / path.name
        return None

    def targets(self) -> list[Path]:
        return [t for _, t in self._files] + [t for _, t in self._folders]

    def commit(self) -> None:
        """Rename every staged file into place (folders: each file inside), then forget the temporaries.

        SIGINT/SIGTERM wait until every rename is done (:func:`analysis.interrupts.signals_deferred`),
        so an interrupt never leaves half the new set beside half the old one."""
        with signals_deferred():
            self._commit()

    def _commit(self) -> None:
        for _, target in self._folders:
            target.mkdir(parents=True, exist_ok=True)
        for tmp, target in self._files:
            os.replace(tmp, target)
        for tmp, target in self._folders:
            for f in sorted(tmp.iterdir()):
                os.replace(f, target / f.name)
            tmp.rmdir()
        self.committed = True

    def discard(self) -> None:
        """Remove every temporary file and folder, and the output folders created here if left empty."""
        for tmp, _ in self._files:
            tmp.unlink(missing_ok=True)
        for tmp, _ in self._folders:
            shutil.rmtree(tmp, ignore_errors=True)
        for folder in reversed(self._made):
            try:
                folder.rmdir()
            except OSError:
                pass  # not empty (something else wrote there) or already gone


def write_error(exc: OSError, staging: Staging) -> MediacompareError:
    """A one-line error for a failed run that names the file: the output (never a temporary name, never
    'None' — a full disk gives no file name) or, when another file failed, that file."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    target = staging.target_of(exc.filename)
    if target is None and exc.filename is not None:  # not one of ours: reading or listing a file failed
        return MediacompareError(f"{os.fsdecode(exc.filename)}: {reason}; previous outputs are unchanged")
    where = str(target) if target is not None else ", ".join(str(t) for t in staging.targets()) or "output"
    return MediacompareError(f"{where}: cannot write ({reason}); previous outputs are unchanged")
