"""The metric registry and the rows every family returns.

A *family* is a function ``compute(doc, settings) -> FamilyResult`` registered with
:func:`register_family`. Article-level scalar measures are plain functions of the parsed
article registered with :func:`metric`, so one conformance test covers them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Protocol

from ..frozen import quick_init
from ..model import ParsedArticle, reason_of

DEFAULT_MIN_ENGLISH_SHARE = 0.6  # measured in analysis/language.py (its docstring and tests/test_language.py)


@dataclass(frozen=True, slots=True)
class Measurement:
    """One tidy value: ``metric`` about ``target`` (empty for article-level values)."""

    metric: str
    value: float
    target: str = ""
    note: str = ""

    @classmethod
    def of(cls, metric: str, value: float, target: str = "") -> Measurement:
        """A measurement whose note is the reason carried by an undefined value (built through its slots, as
        :func:`analysis.model.make_token` builds a token: an article makes hundreds)."""
        m = _new_object(cls)
        _SET_METRIC(m, metric)
        _SET_VALUE(m, float(value))
        _SET_TARGET(m, target)
        _SET_NOTE(m, reason_of(value))
        return m


_new_object = object.__new__
_SET_METRIC, _SET_VALUE, _SET_TARGET, _SET_NOTE = (  # the slots' setters (the class is immutable)
    Measurement.metric.__set__, Measurement.value.__set__,  # type: ignore[attr-defined]
    Measurement.target.__set__, Measurement.note.__set__)  # type: ignore[attr-defined]


def flat_record(obj: object) -> dict[str, object]:
    """A records-table row of a flat dataclass (fields of plain values): ``{field name: value}``, in field order.

    What ``dataclasses.asdict`` returns for such an object, without its recursive deep copy of every value
    (the records of quotes, sources and claims are built this way for every article).
    """
    return {name: getattr(obj, name) for name in _field_names(type(obj))}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


@quick_init
@dataclass(frozen=True, slots=True)
class Evidence:
    """What produced a value: the sentence (index -1 = headline) and the matched cue."""

    metric: str
    target: str
    sentence_index: int
    start: int
    end: int
    text: str
    cue: str


@dataclass
class FamilyResult:
    """What one family found in one article.

    ``records`` holds detail tables a family exposes beyond metrics and evidence (for example
    ``{"quotes": [...], "claims": [...]}``): each is a list of flat dicts with fixed keys,
    written as its own tidy table with ``article_id`` and ``outlet`` prepended.
    """

    measurements: list[Measurement] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    records: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    def measurement_columns(self) -> MeasurementColumns:
        """The measurements as four columns: metrics, targets, values, notes (the metrics table's order)."""
        ms = self.measurements
        return ([m.metric for m in ms], [m.target for m in ms], [m.value for m in ms], [m.note for m in ms])


MeasurementColumns = tuple[list[str], list[str], list[float], list[str]]


@dataclass(frozen=True)
class Settings:
    """User choices that change what families compute (all optional)."""

    actors_file: Path | None = None  # extra/renamed/merged actors (entities family)
    ner: str = "rules"  # entity recogniser: "rules" (offline default) | "spacy" | "spacy:MODEL" (analysis.entities)
    count_self_mentions: bool = False  # count an outlet's mentions of its own name as actor mentions
    frames_file: Path | None = None  # a replacement framing rules file
    # replacement lexicons (same schema as the bundled file); None = the bundled file
    reporting_verbs_file: Path | None = None  # reporting_verbs.yaml: quotes, stance, claim frames, actor rule
    hedges_file: Path | None = None  # hedges.yaml: hedges and the claims' approximators
    source_types_file: Path | None = None  # source_types.yaml: speaker types, anonymous sources
    families: tuple[str, ...] | None = None  # None = all registered families
    # articles whose English share (analysis.language) is below this are status not_english; 0 disables
    min_english_share: float = DEFAULT_MIN_ENGLISH_SHARE


class FamilyFn(Protocol):
    def __call__(self, doc: ParsedArticle, settings: Settings) -> FamilyResult: ...


@dataclass(frozen=True)
class MetricSpec:
    name: str
    family: str
    func: Callable[[ParsedArticle], float]
    higher_is: str  # what a higher value means, e.g. "easier", "harder", "more positive"


FAMILIES: dict[str, FamilyFn] = {}
METRICS: dict[str, MetricSpec] = {}


def register_family(name: str) -> Callable[[FamilyFn], FamilyFn]:
    """Register ``compute(doc, settings) -> FamilyResult`` as metric family ``name``.

    A second, different function under a name already registered is an error (as for :func:`metric`);
    registering the same function object again (a module re-import) is allowed.
    """

    def deco(fn: FamilyFn) -> FamilyFn:
        old = FAMILIES.get(name)
        if old is not None and old is not fn and _qualname(old) != _qualname(fn):
            raise ValueError(f"metric family {name!r} registered twice ({_qualname(old)} and {_qualname(fn)})")
        FAMILIES[name] = fn
        return fn

    return deco


def _qualname(fn: object) -> str:
    return f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', repr(fn))}"


MetricFn = Callable[[ParsedArticle], float]


def metric(family: str, higher_is: str) -> Callable[[MetricFn], MetricFn]:
    """Register an article-level scalar metric; its function name is the metric name."""

    def deco(fn: MetricFn) -> MetricFn:
        if fn.__name__ in METRICS:
            raise ValueError(f"metric {fn.__name__} registered twice")
        METRICS[fn.__name__] = MetricSpec(fn.__name__, family, fn, higher_is)
        return fn

    return deco


def scalar_measurements(doc: ParsedArticle, family: str) -> list[Measurement]:
    """Evaluate every registered scalar metric of ``family`` on ``doc``."""
    return [Measurement.of(spec.name, spec.func(doc)) for spec in METRICS.values() if spec.family == family]
