"""Where each part of the report lives, as paths relative to the report folder (one home for every link).

::

    index.html                          findings first (analysis.reporting.index)
    NN-name.html                        the rendered notebooks; family summaries carry row anchors
    evidence/FAMILY/METRIC.html         example sentences behind each outlet-level number, one section per outlet
    articles/FAMILY.html                per-article values (articles/FAMILY--OUTLET.html when the corpus is large)
    events/EVENT.html                   one event's articles side by side, with each side's claims and quotes
    figures/NAME.{png,svg,pdf}          figures (+ NAME.caption.md)
    paper/tables/NAME.{csv,tex,md}      summary tables for publication
    paper/methods.md, references.bib    definitions, versions, citations
    manifest.json                       every output with its sha256, versions and the command
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .html import slug
from .labels import load_yaml_data

EVIDENCE_DIR = "evidence"
ARTICLES_DIR = "articles"
EVENTS_DIR = "events"
FIGURES_DIR = "figures"
PAPER_DIR = "paper"


@dataclass(frozen=True)
class FamilyInfo:
    name: str
    title: str
    page: str
    figure: str
    evidence: str = ""


@lru_cache(maxsize=1)
def families() -> dict[str, FamilyInfo]:
    """The families of ``metric_labels.yaml`` (title, report page, main figure), in file order."""
    data = load_yaml_data("metric_labels.yaml").get("families", {})
    return {name: FamilyInfo(name, str(v.get("title", name)), str(v.get("page", "")), str(v.get("figure", "")),
                             str(v.get("evidence", ""))) for name, v in data.items()}


def family_info(family: str) -> FamilyInfo:
    return families().get(family, FamilyInfo(family, family.capitalize(), "", ""))


def row_key(metric: str, target: str = "") -> str:
    """File stem / anchor part for a metric × target (``frame_score--conflict-1a2b…``)."""
    return metric + (f"--{slug(target)}" if target else "")


def summary_anchor(family: str, metric: str, target: str = "") -> str:
    """The id of a summary-table row in its family's page."""
    return f"sum-{family}-{row_key(metric, target)}"


def summary_href(family: str, metric: str, target: str = "", prefix: str = "") -> str:
    """Link to a metric's row in its family's summary table (on the family's report page)."""
    return f"{prefix}{family_info(family).page}#{summary_anchor(family, metric, target)}"


def figure_href(family: str, prefix: str = "") -> str:
    return f"{prefix}{FIGURES_DIR}/{family_info(family).figure}.png"


def definition_href(metric: str, prefix: str = "") -> str:
    """Link to a metric's definition in the report's methods page."""
    return f"{prefix}{PAPER_DIR}/methods.html#m-{metric}"


def evidence_path(family: str, metric: str, target: str = "") -> str:
    return f"{EVIDENCE_DIR}/{family}/{row_key(metric, target)}.html"


def outlet_anchor(outlet: str) -> str:
    return slug(outlet, "o-")


def evidence_href(family: str, metric: str, target: str = "", outlet: str = "", prefix: str = "") -> str:
    """Link to the example sentences of a metric (× target), at the outlet's section when given."""
    return f"{prefix}{evidence_path(family, metric, target)}" + (f"#{outlet_anchor(outlet)}" if outlet else "")


def articles_path(family: str, outlet: str | None = None) -> str:
    return f"{ARTICLES_DIR}/{family}" + (f"--{slug(outlet)}" if outlet is not None else "") + ".html"


def event_path(event_id: str) -> str:
    return f"{EVENTS_DIR}/{slug(event_id, 'e-')}.html"


def article_anchor(article_id: str) -> str:
    return slug(article_id, "a-")
