"""The report's content on real and synthetic corpora, without executing notebooks (fast).

Seeds: the first page says the report describes two articles and draws no inference. Synthetic corpus of
300 articles (100 events × 3 outlets, with a controlled outlet effect): the first page states the built-in
difference; every page the report content writes stays under 3 MB; no table has more than MAX_COLUMNS
columns; the manifest checksums every file; a second build is byte-identical.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

import pytest

from analysis.report import load_or_analyse, write_index
from analysis.reporting.content import build_content
from analysis.reporting.html import MAX_COLUMNS
from analysis.reporting.layout import families
from analysis.reporting.notebook import family_section
from analysis.synthetic import write_synthetic_corpus

REPO = Path(__file__).resolve().parent.parent
MB = 1_000_000
PAGE_LIMIT = 3 * MB  # at 300 articles
TEMPLATE_ALLOWANCE = 600_000  # nbconvert's lab template (CSS) around a notebook page's outputs


def text_of(page: str) -> str:
    page = re.sub(r"<(style|script)>.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("seeds-content")
    tables = load_or_analyse(REPO / "seeds")
    sizes = build_content(tables, out, "seeds")
    return {"out": out, "sizes": sizes}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("synthetic-content")
    corpus = write_synthetic_corpus(base / "syn300.jsonl", n_events=100)
    tables = load_or_analyse(corpus)
    out = base / "out"
    sizes = build_content(tables, out, "syn300.jsonl")
    # rebuild one family's pages, the first page and the manifest over the first build: the same bytes
    first = snapshot(out)
    family_section(tables, "framing", out)
    write_index(out, [("01-outlet-comparison.html", "Outlet comparison")], tables, "syn300.jsonl", out_name="OUT")
    return {"out": out, "sizes": sizes, "first": first, "second": snapshot(out), "tables": tables}


def test_seed_index_describes_two_articles_and_draws_no_inference(seeds: dict) -> None:
    text = text_of((seeds["out"] / "index.html").read_text(encoding="utf-8"))
    assert "This report describes two articles from two outlets and draws no inference: each outlet has one " \
           "article." in text
    assert "2 articles from 2 outlets" in text and "Every input article was analysed." in text
    assert "survive" not in text  # no difference is called one


def test_seed_evidence_one_click_from_each_summary_number(seeds: dict) -> None:
    out = seeds["out"]
    page = family_section(load_or_analyse(REPO / "seeds"), "sourcing", out).html
    links = set(re.findall(r'href="(evidence/sourcing/n_anonymous_sources\.html)#(o-[a-z0-9-]+)"', page))
    assert len(links) == 2  # one per outlet
    evidence = (out / "evidence/sourcing/n_anonymous_sources.html").read_text(encoding="utf-8")
    for _, anchor in links:
        assert f'id="{anchor}"' in evidence
    # the sentences listed are those whose quote cue says anonymous
    cues = re.findall(r"<td>([^<]*; (?:named|anonymous)[^<]*)</td>", evidence)
    assert cues and all("anonymous" in c for c in cues)


def test_synthetic_first_page_states_the_built_in_difference(synthetic: dict) -> None:
    text = text_of((synthetic["out"] / "index.html").read_text(encoding="utf-8"))
    assert "300 articles from 3 outlets" in text and "covering 100 events" in text
    assert "survive the Benjamini–Hochberg correction" in text
    # synthetic.py: Outlet B's background sentences use conflict words where A and C use neutral ones
    assert re.search(r"Synthetic Outlet A uses the conflict frame less than Synthetic Outlet B: −0\.\d\d share of "
                     r"items, 0–1 \[95% CI −0\.\d\d, −0\.\d\d\], Hedges' g_av −\d\.\d\d, q = 0\.00\d, "
                     r"100 paired events\.", text)
    assert "Synthetic Outlet B uses the conflict frame more than Synthetic Outlet C" in text
    index = (synthetic["out"] / "index.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="((?:evidence|figures)/[^"#]+)', index):
        if href.startswith("evidence/"):
            assert (synthetic["out"] / href).is_file(), href


def test_pages_stay_under_three_megabytes_at_300_articles(synthetic: dict) -> None:
    out = synthetic["out"]
    for page in out.rglob("*.html"):
        assert page.stat().st_size <= PAGE_LIMIT, (page, page.stat().st_size)
    for name, size in synthetic["sizes"].items():  # what a notebook page shows, plus its template
        assert size + TEMPLATE_ALLOWANCE <= PAGE_LIMIT, (name, size)


def test_no_table_wider_than_max_columns(synthetic: dict) -> None:
    for page in synthetic["out"].rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for table in re.findall(r"<table.*?</table>", html, flags=re.S):
            head = re.search(r"<tr[^>]*>(.*?)</tr>", table, flags=re.S)
            assert head is not None
            assert len(re.findall(r"<t[hd][ >]", head.group(1))) <= MAX_COLUMNS, page


def test_captions_count_undefined_values_never_list_ids(synthetic: dict) -> None:
    page = family_section(synthetic["tables"], "readability", synthetic["out"]).html
    # every synthetic article is 7 sentences long: SMOG is undefined for all 300
    assert "SMOG undefined for 300 of 300 articles: fewer than 30 sentences." in text_of(page)
    caption = text_of(page.split("SMOG undefined")[1][:2000])
    assert not re.search(r"syn-\d", caption)


def test_manifest_lists_every_file_with_its_checksum(synthetic: dict) -> None:
    out = synthetic["out"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - {"manifest.json"}
    assert set(listed) == on_disk
    for path, digest in listed.items():
        assert hashlib.sha256((out / path).read_bytes()).hexdigest() == digest
    assert manifest["command"] == "mediacompare report syn300.jsonl -o OUT"
    assert {"pandas", "numpy", "mediacompare"} <= set(manifest["packages"])
    assert {"metric_labels.yaml", "findings_templates.yaml", "frames.yaml"} <= {x["file"] for x in manifest["lexicons"]}
    for fam in families():
        assert f"paper/tables/{fam}_summary.tex" in listed
    assert "paper/methods.md" in listed and "paper/references.bib" in listed


def test_content_is_byte_identical_on_rebuild(synthetic: dict) -> None:
    first, second = synthetic["first"], synthetic["second"]
    assert sorted(first) == sorted(second)
    assert [k for k in first if first[k] != second[k]] == []
