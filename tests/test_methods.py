"""The generated methods section lists every registered measure, every lexicon and the software."""

from __future__ import annotations

import platform
import re
import warnings
from collections.abc import Iterator

import pytest

from analysis.lexicons import bundled_lexicons
from analysis.methods import PACKAGES, first_paragraph, methods_markdown, versions
from analysis.metrics import FAMILIES, METRICS, MetricSpec


@pytest.fixture
def temporary_metrics() -> Iterator[None]:
    """Two throw-away scalar metrics in family "readability", removed afterwards."""

    def zz_documented_metric(doc: object) -> float:
        """Documented measure (Author, 2000).

        x = 2·a + b. NaN when empty.

        Third paragraph, not shown.
        """
        return 0.0

    def zz_undocumented_metric(doc: object) -> float:
        return 0.0

    for fn in (zz_documented_metric, zz_undocumented_metric):
        METRICS[fn.__name__] = MetricSpec(fn.__name__, "readability", fn, "better")
    try:
        yield
    finally:
        for name in ("zz_documented_metric", "zz_undocumented_metric"):
            METRICS.pop(name, None)


def test_lists_every_registered_metric_and_family() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        text = methods_markdown()
    for name, spec in METRICS.items():
        assert f"- `{name}` (higher = {spec.higher_is}):" in text
    for family in FAMILIES:
        assert f"#### Family `{family}`" in text
    # families in registry order
    positions = [text.index(f"Family `{f}`") for f in FAMILIES]
    assert positions == sorted(positions)


def test_metric_entry_shows_summary_and_formula(temporary_metrics: None) -> None:
    text = methods_markdown()
    assert "- `zz_documented_metric` (higher = better): Documented measure (Author, 2000). x = 2·a + b. " \
           "NaN when empty.\n" in text
    assert "Third paragraph" not in text
    assert "- `zz_undocumented_metric` (higher = better): (no docstring)" in text
    section = text.split("#### Family `readability`")[1].split("#### Family")[0]
    assert "zz_documented_metric" in section  # grouped under its family


def test_lists_every_bundled_lexicon_with_version() -> None:
    text = methods_markdown()
    lexicons_section = text.split("### Lexicons and rule files")[1].split("### Software")[0]
    for lex in bundled_lexicons():
        name, ver = (str(x).replace("|", "\\|") for x in (lex.name, lex.version))
        assert f"| {name} | {ver} |" in lexicons_section
    rows = [r for r in lexicons_section.splitlines() if r.startswith("| ") and not r.startswith("| file")]
    assert len(rows) == len(bundled_lexicons())
    for row in rows:  # a "|" inside a cell is escaped, so each row has exactly 7 column separators
        assert len(re.findall(r"(?<!\\)\|", row)) == 7


def test_versions_and_software_table() -> None:
    v = versions()
    assert list(v) == [*PACKAGES, "python"]
    assert v["python"] == platform.python_version()
    assert v["matplotlib"] == __import__("matplotlib").__version__
    assert v["pandas"] == __import__("pandas").__version__
    text = methods_markdown()
    for name, ver in v.items():
        assert f"| {name} | {ver} |" in text


def test_deterministic_and_heading_level() -> None:
    assert methods_markdown() == methods_markdown()
    assert methods_markdown(level=1).startswith("# Methods\n")
    assert "\n## Measures\n" in methods_markdown(level=1)


def test_first_paragraph() -> None:
    assert first_paragraph("  One line\n  continued.\n\n  Second.") == "One line continued."
    assert first_paragraph(None) == ""
    assert first_paragraph("   ") == ""
