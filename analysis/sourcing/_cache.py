"""Compile a lexicon once per loaded version.

:func:`analysis.lexicons.load_lexicon` caches per path *and* modification time, so an edited file
comes back as a new :class:`~analysis.lexicons.Lexicon` object. The sourcing loaders key their
compiled forms on those objects (identity, kept alive by the cache so an id is never reused while
cached): an edited lexicon is recompiled, an unchanged one is compiled once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from ..lexicons import Lexicon

T = TypeVar("T")
MAX_ENTRIES = 64
_CACHE: OrderedDict[tuple[Any, ...], tuple[tuple[Lexicon, ...], Any]] = OrderedDict()


def compiled(lex: Lexicon | tuple[Lexicon, ...], build: Callable[..., T]) -> T:
    """``build(*lexicons)``, cached on the identity of the loaded lexicon object(s) and ``build``."""
    lexes = lex if isinstance(lex, tuple) else (lex,)
    key = (build.__module__, build.__qualname__, *(id(x) for x in lexes))
    hit = _CACHE.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], lexes, strict=True)):
        _CACHE.move_to_end(key)
        value: T = hit[1]
        return value
    value = build(*lexes)
    _CACHE[key] = (lexes, value)
    while len(_CACHE) > MAX_ENTRIES:
        _CACHE.popitem(last=False)
    return value
