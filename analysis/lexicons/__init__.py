"""Bundled lexicons and rule files: data with a source and version header, never code.

Every file here is YAML with a ``meta`` mapping (``name``, ``version``, ``source``,
``licence``, ``description``) and the data under other keys. Users can point the toolkit at
their own copies; :func:`load_lexicon` validates the header either way.

YAML 1.1 reads a bare ``on``, ``off``, ``yes``, ``no``, ``true`` or ``false`` as a boolean, so
``[in, on, at]`` would silently hold ``True`` instead of the word "on". No word list wants a
boolean: :func:`load_lexicon` rejects a boolean inside a list (and a boolean mapping key) with an
error naming the file, the key and the word to quote. Booleans as mapping values (flags such as
``in_total: false``) are fine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..model import MediacompareError

REQUIRED_META = ("name", "version", "source", "licence")


@dataclass(frozen=True, eq=False)  # identity: one object per loaded file version
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


@lru_cache(maxsize=128)
def bundled_path(name: str) -> Path:
    """Path of the bundled lexicon file ``name`` (e.g. ``"frames.yaml"``); resolved once per name
    (``importlib.resources`` costs more than the file's stat)."""
    return Path(str(resources.files(__name__).joinpath(name)))


@lru_cache(maxsize=128)
def _bundled_file(name: str) -> str | None:
    """The bundled file called ``name`` (resolved), or None when ``name`` has a folder or names no bundled file."""
    if not name or os.path.dirname(name) or name in (".", ".."):
        return None
    p = bundled_path(name)
    return str(p.resolve()) if p.is_file() else None


class _Bool:
    """A YAML boolean as written (``on``, ``No`` …), kept until the loader has checked where it is."""

    __slots__ = ("line", "text", "value")

    def __init__(self, value: bool, text: str, line: int) -> None:
        self.value, self.text, self.line = value, text, line


class _Loader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that keeps the spelling and line of every boolean and refuses a key given twice in one
    mapping (YAML keeps the last silently: a second ``types:`` block pasted into a copy replaced every type)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        lines: dict[str, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            line = key_node.start_mark.line + 1
            if key_node.value in lines:
                raise yaml.constructor.ConstructorError(
                    None, None, f"line {line}: the key '{key_node.value}' is given twice (first on line "
                    f"{lines[key_node.value]}); the second would replace the first", key_node.start_mark)
            lines[key_node.value] = line
        return super().construct_mapping(node, deep=deep)


def _construct_bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> _Bool:
    return _Bool(loader.construct_yaml_bool(node), str(node.value), node.start_mark.line + 1)


_Loader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)


def _bool_error(p: Path, where: str, b: _Bool, what: str) -> MediacompareError:
    return MediacompareError(
        f"{p}: line {b.line}: {what} under '{where}' is {b.text}, which YAML reads as the boolean "
        f"{b.value}; quote the word '{b.text}' (write \"{b.text}\") if it is meant as a word")


MAX_VALUES = 200_000  # values a lexicon may hold once YAML aliases are expanded (the bundled ones: < 2,000)


def _check_bools(value: Any, p: Path, where: str, seen: list[int] | None = None) -> Any:
    """``value`` with booleans restored; a boolean in a list or as a mapping key is an error. More than
    :data:`MAX_VALUES` values (aliases nested in aliases: a few lines can stand for billions) is an error."""
    seen = [0] if seen is None else seen
    seen[0] += 1
    if seen[0] > MAX_VALUES:
        raise MediacompareError(f"{p}: more than {MAX_VALUES:,} values once its YAML aliases (*name) are expanded; "
                                f"write the lexicon's entries out")
    if isinstance(value, _Bool):
        return value.value
    if isinstance(value, list):
        for item in value:
            if isinstance(item, _Bool):
                raise _bool_error(p, where, item, "an item of the list")
        return [_check_bools(item, p, where, seen) for item in value]
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if isinstance(key, _Bool):
                raise _bool_error(p, where or "the top level", key, "a key")
            out[key] = _check_bools(item, p, f"{where}.{key}" if where else str(key), seen)
        return out
    return value


@lru_cache(maxsize=64)
def _load(path: str, mtime_ns: int) -> Lexicon:
    p = Path(path)
    try:
        doc = _check_bools(yaml.load(p.read_text(encoding="utf-8"), Loader=_Loader), p, "")
    except OSError as exc:
        raise MediacompareError(f"{p}: cannot read lexicon ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        utf16 = p.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
        what = "UTF-16 text" if utf16 else f"not valid UTF-8 (at byte {exc.start})"
        raise MediacompareError(f"{p}: {what}; save the lexicon as UTF-8") from None
    except yaml.YAMLError as exc:
        raise MediacompareError(f"{p}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("meta"), dict):
        raise MediacompareError(f"{p}: a lexicon file needs a 'meta' header mapping")
    missing = [k for k in REQUIRED_META if not doc["meta"].get(k)]
    if missing:
        raise MediacompareError(f"{p}: lexicon header lacks {', '.join(missing)}")
    meta = doc.pop("meta")
    return Lexicon(meta=meta, data=doc, path=str(p))


# name or path as given, with the working folder of a relative one -> (the file it resolved to, whether that is the
# bundled fallback of a bare name, the (device, inode) the given path led to): the rules ask for their lexicons
# many times per article, and resolving a path costs a dozen system calls
_RESOLVED: dict[tuple[str, str], tuple[str, bool, tuple[int, int]]] = {}


def load_lexicon(name_or_path: str | Path) -> Lexicon:
    """Load a bundled lexicon by its file name (a ``str``), or a user file by its path (a ``Path``).

    A string naming a bundled file without a folder ("hedges.yaml") is always the bundled file: a file of
    that name in the working folder never replaces it unasked (the rules' defaults are such names, and the
    result cache keys them on the bundled file). A ``Path`` (what :class:`~analysis.metrics.Settings` holds
    for a user's file), or a string with a folder or naming no bundled file, is read where it points; a bare
    ``Path`` that is not there falls back to the bundled file of that name. Cached per path and
    modification time, so edits are picked up.
    """
    given = os.fspath(name_or_path)
    bundled_file = _bundled_file(given) if isinstance(name_or_path, str) else None
    if bundled_file is not None:
        try:
            return _load(bundled_file, os.stat(bundled_file).st_mtime_ns)
        except OSError as exc:
            raise MediacompareError(f"{bundled_file}: cannot read lexicon ({exc.strerror})") from None
    try:
        key = ("" if os.path.isabs(given) else os.getcwd(), given)
    except OSError:  # the working folder is gone: resolve without the memo
        key = None
    known = _RESOLVED.get(key) if key is not None else None
    if known is not None:  # resolved before: one stat says whether the given path still leads to the same file
        resolved, fallback, identity = known
        try:
            if fallback:
                if not os.path.isfile(given):  # no file of that name has appeared in the working folder
                    st = os.stat(resolved)
                    return _load(resolved, st.st_mtime_ns)
            else:
                st = os.stat(given)  # follows a link: a link pointed elsewhere is another file
                if (st.st_dev, st.st_ino) == identity:
                    return _load(resolved, st.st_mtime_ns)
        except OSError:
            pass
        _RESOLVED.pop(key, None)
    p = Path(name_or_path)
    given_is_file = p.is_file()
    if not given_is_file:
        bundled = bundled_path(str(name_or_path)) if p.parent == Path(".") else None
        if bundled is None or not bundled.is_file():
            raise MediacompareError(f"{p}: lexicon file not found")
        p = bundled
    p = p.resolve()
    st = p.stat()
    lexicon = _load(str(p), st.st_mtime_ns)
    if key is not None:
        _RESOLVED[key] = (str(p), not given_is_file, (st.st_dev, st.st_ino))
    return lexicon


def _kind(value: Any) -> str:
    return "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) else "a single value"


def _template(values: list[Any]) -> Any:
    """The shape every value of a mapping shares (its first value), or None when the values differ in kind."""
    kinds = {_kind(v) for v in values}
    return values[0] if len(kinds) == 1 else None


def _check_like(value: Any, like: Any, where: str, p: Path, bundled: str) -> None:
    if value is None or like is None:  # an empty entry, or a place whose bundled values have no single shape
        return
    if _kind(value) != _kind(like):
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        raise MediacompareError(f"{p}: '{where}' is {_kind(value)} ({shown}) where the bundled {bundled} has "
                                f"{_kind(like)}; copy the bundled file and edit it")
    if isinstance(value, list) and like:
        for i, item in enumerate(value):
            _check_like(item, like[0], f"{where}[{i}]", p, bundled)
    elif isinstance(value, dict):
        other = _template(list(like.values())) if like else None
        for key, item in value.items():
            _check_like(item, like.get(key, other), f"{where}.{key}" if where else str(key), p, bundled)


def check_like_bundled(lexicon: Lexicon, bundled: str) -> None:
    """A user's replacement lexicon has the bundled file's shape: where the bundled file has a list, a mapping
    or a single value, so does the user's (a string where a word list belongs is an error naming the key,
    never a list of its letters). Below the top level, keys the bundled file lacks (a new frame, a new source
    type) take the shape their sibling values share; top-level keys it lacks are left to the loader."""
    like = load_lexicon(bundled).data
    for key, value in lexicon.data.items():
        if key in like:
            _check_like(value, like[key], str(key), Path(lexicon.path), bundled)


def missing_bundled_keys(lexicon: Lexicon, bundled: str) -> list[str]:
    """The top-level keys (but ``meta``) of the bundled file that a replacement lacks: the loaders read each as
    empty, so the part it holds (a verb list, the anonymity cues) is switched off."""
    return [str(k) for k in load_lexicon(bundled).data if k != "meta" and k not in lexicon.data]


def bundled_lexicons() -> list[Lexicon]:
    """Every bundled lexicon, sorted by file name (for the report's methods section)."""
    folder = resources.files(__name__)
    names = sorted(f.name for f in folder.iterdir() if f.name.endswith((".yaml", ".yml")))
    return [load_lexicon(n) for n in names]
