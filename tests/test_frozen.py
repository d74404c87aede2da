"""quick_init (analysis/frozen.py): every class given the quick __init__ builds the same object as the dataclass's
generated __init__, and stays frozen, hashable, comparable and picklable."""

from __future__ import annotations

import dataclasses
import importlib
import pickle
import pkgutil

import pytest

import analysis
from analysis.frozen import QUICK_CLASSES, quick_init

for _mod in pkgutil.walk_packages(analysis.__path__, "analysis."):  # every class decorated anywhere in the package
    if not _mod.name.endswith(("__main__", "spacy_backend")):
        importlib.import_module(_mod.name)

CLASSES = sorted(QUICK_CLASSES, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def test_the_hot_classes_are_registered() -> None:
    names = {c.__name__ for c in CLASSES}
    assert {"Evidence", "Sentence", "Part", "ActorMention", "EntitySpan", "Candidate", "Quote"} <= names


def _calls(cls: type) -> list[tuple[tuple, dict]]:
    """Positional with every field; only the required ones; every field by keyword (values: distinct strings)."""
    fields = dataclasses.fields(cls)
    values = [f"value of {f.name}" for f in fields]
    required = [v for f, v in zip(fields, values, strict=True) if f.default is dataclasses.MISSING]
    return [(tuple(values), {}), (tuple(required), {}),
            ((), {f.name: v for f, v in zip(fields, values, strict=True)})]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__qualname__)
def test_quick_init_builds_what_the_generated_init_builds(cls: type) -> None:
    generated = QUICK_CLASSES[cls]
    for args, kwargs in _calls(cls):
        quick = cls(*args, **kwargs)
        reference = object.__new__(cls)
        generated(reference, *args, **kwargs)
        for f in dataclasses.fields(cls):
            assert getattr(quick, f.name) is getattr(reference, f.name)
        assert quick == reference and repr(quick) == repr(reference)
        if cls.__hash__ is not None:
            assert hash(quick) == hash(reference)
        assert pickle.loads(pickle.dumps(quick)) == quick
        if cls.__dataclass_params__.frozen:
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(quick, dataclasses.fields(cls)[0].name, "changed")


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__qualname__)
def test_quick_init_keeps_the_signature_errors(cls: type) -> None:
    with pytest.raises(TypeError):
        cls(*_calls(cls)[0][0], "one too many")


def test_unsupported_fields_are_refused() -> None:
    @dataclasses.dataclass(frozen=True)
    class WithFactory:
        items: list = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class WithPostInit:
        x: int

        def __post_init__(self) -> None:
            pass

    for cls in (WithFactory, WithPostInit):
        with pytest.raises(TypeError):
            quick_init(cls)
