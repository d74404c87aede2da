"""``paper/methods.md`` and ``paper/references.bib``: definitions, versions and every cited method.

:func:`methods_document` is the methods section of :mod:`analysis.methods` (measures from the registry,
lexicon and package versions) followed by how the report summarises and compares outlets (bootstrap CIs,
effect sizes, Benjamini–Hochberg, the rule for calling a difference) and a reference list;
:func:`cited_keys` finds which entries of ``references.yaml`` the text cites, and :func:`bibtex` writes them.
Deterministic: entries in key order, fields in file order.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..compare.stats import CONFIDENCE, N_BOOT, SEED
from ..methods import methods_markdown
from .findings import templates
from .html import page
from .labels import known_labels, labels_meta, load_yaml_data

REFERENCES_FILE = "references.yaml"


@lru_cache(maxsize=1)
def references() -> dict[str, dict[str, Any]]:
    """The entries of ``references.yaml`` by BibTeX key."""
    return dict(load_yaml_data(REFERENCES_FILE)["entries"])


def statistics_markdown(level: int = 2) -> str:
    """How the report's outlet summaries and differences are computed, and when a difference is called one."""
    h = "#" * level
    fdr = templates()["fdr"]
    return "\n".join([
        f"{h} Outlet summaries and differences", "",
        "The unit of analysis is the article (one value per article, measure and target). For each outlet: n "
        "(articles with a defined value), mean, a 95% percentile bootstrap confidence interval of the mean "
        f"({N_BOOT:,} resamples of articles; Efron & Tibshirani 1993), median and interquartile range. Undefined "
        "values are counted with their reason and never enter a mean.", "",
        "Between two outlets that cover the same events the comparison is paired within events: the outlet's "
        "articles in an event are averaged, the difference is the mean within-event difference, its 95% CI "
        "bootstraps events, the effect size is Hedges' g_av (Lakens 2013) and the p-value comes from a sign-flip "
        "randomisation test. Otherwise the outlets are independent samples: difference of means, bootstrap CI "
        "resampling articles within each outlet, Hedges' g with its small-sample correction (Hedges 1981), Cliff's "
        "δ (Cliff 1993) and a permutation test (Good 2005); permutation p-values are (1 + extreme)/(1 + draws) "
        "(Phipson & Smyth 2010), with draws stopped early once 20 permuted statistics are as extreme as the "
        "observed one (Besag & Clifford 1991); a test whose p-value its draws could not resolve for the number of "
        "comparisons (all draws used, p ≤ 0.05, q > 0.05) is re-drawn with up to ⌈20·m/0.05⌉ draws for m "
        "comparisons (Gandy & Hahn 2014). p-values are adjusted with Benjamini–Hochberg (Benjamini & Hochberg 1995) "
        "across every comparison of the pooled statistics.", "",
        f"A difference is called a difference only when its adjusted p-value q ≤ {fdr} (the false discovery rate). "
        "With one article per outlet, or fewer than two shared events, there is no interval, effect size or test, "
        "and the report describes instead of inferring.", "",
        f"Random draws: numpy's default generator seeded with {SEED} and a CRC-32 of each row's key, so a row's "
        f"numbers do not depend on the other rows; confidence level {CONFIDENCE:.0%}.", "",
    ])


def cited_keys(text: str) -> list[str]:
    """Keys of the references whose ``cited_as`` pattern occurs in ``text``, sorted."""
    return sorted(k for k, e in references().items() if re.search(str(e["cited_as"]), text))


def bibtex(keys: list[str]) -> str:
    """BibTeX entries of ``keys`` (fields in file order; values braced as given)."""
    out = []
    for key in keys:
        e = references()[key]
        fields = ",\n".join(f"  {name} = {{{value}}}" for name, value in e["fields"].items())
        out.append(f"@{e['type']}{{{key},\n{fields}\n}}\n")
    return "\n".join(out)


def _reference_line(key: str) -> str:
    f = references()[key]["fields"]
    where = f.get("journal") or f.get("booktitle") or f.get("publisher") or f.get("institution") or \
        f.get("howpublished", "")
    authors = str(f["author"]).replace(" and ", "; ")
    return f"- {authors} ({f['year']}). {f['title']}. *{where}*. [`{key}`]"


def methods_document() -> tuple[str, str]:
    """(``methods.md`` text, ``references.bib`` text) for the report's paper folder."""
    meta = labels_meta()
    body = "\n".join([
        methods_markdown(level=1), statistics_markdown(level=2),
        "## Report wording", "",
        f"Metric labels and units: `metric_labels.yaml` version {meta['version']}; sentence templates: "
        f"`findings_templates.yaml` version {templates()['meta']['version']}.", "",
    ])
    keys = cited_keys(body)
    refs = "\n".join(["## References", "", *[_reference_line(k) for k in keys], ""])
    return body + "\n" + refs, bibtex(keys)


_METRIC_ITEM = re.compile(r"<li><code>([a-z0-9_]+)</code>")


def methods_html(text: str) -> str:
    """The methods Markdown as a standalone page; each measure's list item gets the anchor ``m-NAME`` that the
    report's tables link to (:func:`analysis.reporting.layout.definition_href`). The text is the toolkit's own
    (docstrings, bundled lexicon headers, package versions)."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    body = _METRIC_ITEM.sub(lambda m: f'<li id="m-{m.group(1)}"><code>{m.group(1)}</code>', markdown2html_mistune(text))
    # measures a family emits per target (frame_score, n_quotes …) are defined in the family's section
    for family in sorted({lab.family for lab in known_labels().values()}):
        missing = [m for m, lab in known_labels().items() if lab.family == family and f'id="m-{m}"' not in body]
        heading = re.search(rf"<h\d[^>]*>Family <code>{re.escape(family)}</code>.*?</h\d>", body)
        if heading and missing:
            spans = "".join(f'<span id="m-{m}"></span>' for m in sorted(missing))
            body = body[:heading.end()] + spans + body[heading.end():]
    return page("Methods", body, up="../index.html")


def write_methods(out_dir: str | Path) -> dict[str, Path]:
    """Write ``methods.md``, ``methods.html`` and ``references.bib`` to ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    text, bib = methods_document()
    paths = {"methods": out / "methods.md", "html": out / "methods.html", "bib": out / "references.bib"}
    paths["methods"].write_text(text, encoding="utf-8")
    paths["html"].write_text(methods_html(text), encoding="utf-8")
    paths["bib"].write_text(bib, encoding="utf-8")
    return paths
