"""Bundled lexicons and rule files: data with a source and version header, never code.

Every file here is YAML with a ``meta`` mapping (``name``, ``version``, ``source``,
``licence``, ``description``) and the data under other keys. Users can point the toolkit at
their own copies; :func:`load_lexicon` validates the header either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..model import MediacompareError

REQUIRED_META = ("name", "version", "source", "licence")


@dataclass(frozen=True)
class Lexicon:
    """A loaded lexicon: its header (``meta``), its data and where it came from."""

    meta: dict[str, Any]
    data: dict[str, Any]
    path: str

    @property
    def name(self) -> str:
        return str(self.meta["name"])

    @property
    def version(self) -> str:
        return str(self.meta["version"])


def bundled_path(name: str) -> Path:
    """Path of the bundled lexicon file ``name`` (e.g. ``"frames.yaml"``)."""
    return Path(str(resources.files(__name__).joinpath(name)))


@lru_cache(maxsize=64)
def _load(path: str, mtime_ns: int) -> Lexicon:
    p = Path(path)
    try:
        doc = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise MediacompareError(f"{p}: cannot read lexicon ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise MediacompareError(f"{p}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("meta"), dict):
        raise MediacompareError(f"{p}: a lexicon file needs a 'meta' header mapping")
    missing = [k for k in REQUIRED_META if not doc["meta"].get(k)]
    if missing:
        raise MediacompareError(f"{p}: lexicon header lacks {', '.join(missing)}")
    meta = doc.pop("meta")
    return Lexicon(meta=meta, data=doc, path=str(p))


def load_lexicon(name_or_path: str | Path) -> Lexicon:
    """Load a user file by path, or a bundled lexicon by its file name.

    A path that exists wins; a bare name falls back to the bundled folder only when a bundled
    file of that name exists. Cached per path and modification time, so edits are picked up.
    """
    p = Path(name_or_path)
    if not p.is_file():
        bundled = bundled_path(str(name_or_path)) if p.parent == Path(".") else None
        if bundled is None or not bundled.is_file():
            raise MediacompareError(f"{p}: lexicon file not found")
        p = bundled
    p = p.resolve()
    return _load(str(p), p.stat().st_mtime_ns)


def bundled_lexicons() -> list[Lexicon]:
    """Every bundled lexicon, sorted by file name (for the report's methods section)."""
    folder = resources.files(__name__)
    names = sorted(f.name for f in folder.iterdir() if f.name.endswith((".yaml", ".yml")))
    return [load_lexicon(n) for n in names]
