"""A faster ``__init__`` for the frozen dataclasses made by the hundred thousand per corpus (evidence rows, name
candidates, mentions, sentences).

A frozen dataclass's generated ``__init__`` stores each field through ``object.__setattr__`` (a global look-up,
an attribute look-up and a call per field), about three times the cost of storing it directly. :func:`quick_init`
replaces it with one of the same signature that stores each field through its slot (``slots=True``) or in the
instance ``__dict__``: the object, its equality, hash, repr, pickling and its immutability afterwards are those
of the dataclass (``tests/test_frozen.py`` compares every class so built with the generated ``__init__``).
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

T = TypeVar("T")

QUICK_CLASSES: dict[type, object] = {}  # class given a quick __init__ -> the generated one (the tests compare them)


def quick_init(cls: type[T]) -> type[T]:
    """Give frozen dataclass ``cls`` an ``__init__`` that stores its fields directly (see the module docstring).

    Only plain fields are supported (positional or with a default value); a ``default_factory``, an ``init=False``
    or keyword-only field, or a ``__post_init__`` raises ``TypeError`` (keep the generated ``__init__`` there)."""
    params = dataclasses.fields(cls)  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: quick_init does not run __post_init__")
    names = []
    glob: dict[str, object] = {}
    signature = ["self"]
    slotted = "__slots__" in cls.__dict__
    for f in params:
        if not f.init or f.kw_only or f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: quick_init supports plain fields only")
        names.append(f.name)
        if f.default is dataclasses.MISSING:
            signature.append(f.name)
        else:
            glob[f"_default_{f.name}"] = f.default
            signature.append(f"{f.name}=_default_{f.name}")
    if slotted:
        for name in names:
            glob[f"_set_{name}"] = cls.__dict__[name].__set__  # the slot's member descriptor
        body = [f"    _set_{name}(self, {name})" for name in names]
    else:
        body = ["    store = self.__dict__"] + [f"    store[{name!r}] = {name}" for name in names]
    source = f"def __init__({', '.join(signature)}):\n" + ("\n".join(body) or "    pass") + "\n"
    space: dict[str, object] = {}
    exec(source, glob, space)
    init = space["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    QUICK_CLASSES[cls] = cls.__init__
    cls.__init__ = init  # type: ignore[misc]
    return cls
