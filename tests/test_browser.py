"""The rendered report as a reader's browser shows it: headless Chromium loads every page and figure.

A report is built for a corpus whose outlet names, ids, headlines, event id and text carry script
and markup payloads (tests/payloads.py); each script payload would set ``document.title`` to
``PWNED``. Every page must load with no script from the data run, no element or event attribute
from the data in the DOM, no console message, and no page wider than a 1280 px window.

Needs Debian's ``chromium`` (``.ci/run`` installs it); skipped with that reason when it is missing.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from payloads import PAYLOADS, PWNED, payload_corpus

from analysis.report import build_report

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install "
                                                          "chromium; .ci/run installs it)")

WIDTH, HEIGHT = 1280, 900
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
         f"--window-size={WIDTH},{HEIGHT}")
# Appended to a copy of each page: after load, record the layout widths on <html> for the dumped DOM.
PROBE = ('<script id="mc-probe">window.addEventListener("load", () => { const d = document.documentElement; '
         'd.dataset.mcScrollWidth = d.scrollWidth; d.dataset.mcClientWidth = d.clientWidth; });</script>')
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}


class Dom(HTMLParser):
    """Elements, attributes, script bodies and text of a dumped DOM."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.title = ""
        self.text: list[str] = []
        self._open = ""
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k.lower(): v or "" for k, v in attrs}))
        self._open = tag

    def handle_endtag(self, tag: str) -> None:
        self._open = ""

    def handle_data(self, data: str) -> None:
        if self._open == "script":
            self.scripts.append(data)
        elif self._open == "title":
            self.title += data
        self.text.append(data)


def load(page: Path, profile: Path) -> tuple[Dom, list[str], Path]:
    """``page`` opened in Chromium (HTML with the width probe): its DOM after load, console lines, screenshot."""
    probed = page.with_name(f".probe-{page.name}")
    text = page.read_text(encoding="utf-8")
    if page.suffix == ".html":  # an SVG is loaded as it is (a script after </svg> would break the XML)
        text = text.replace("</body>", PROBE + "</body>") if "</body>" in text else text + PROBE
    probed.write_text(text, encoding="utf-8")
    shot = profile.parent / f"{page.stem}.png"
    try:
        run = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}", "--dump-dom",
                              probed.as_uri()], capture_output=True, text=True, timeout=180, check=False)
    finally:
        probed.unlink()
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    return Dom(run.stdout), console, shot


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    corpus = payload_corpus(root / "corpus", seeds_dir)
    build_report(corpus, root / "report")
    return root / "report"


@pytest.fixture(scope="module")
def loaded(report: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Dom, list[str], Path]]:
    """Every HTML page and every SVG figure of the report, loaded once."""
    shots = tmp_path_factory.mktemp("screenshots")
    pages = sorted(report.rglob("*.html")) + sorted((report / "figures").glob("*.svg"))
    assert len(pages) >= 4, pages
    return {p.relative_to(report).as_posix(): load(p, shots / "profile") for p in pages}


def test_no_script_from_the_data_runs(loaded: dict) -> None:
    for name, (dom, _, _) in loaded.items():
        assert dom.title != PWNED, f"{name}: a payload script ran"
        assert not [s for s in dom.scripts if PWNED in s], f"{name}: a payload became a script element"


def test_no_element_or_attribute_from_the_data(loaded: dict) -> None:
    for name, (dom, _, _) in loaded.items():
        handlers = [(tag, a) for tag, attrs in dom.elements for a in attrs if a.startswith("on")]
        assert handlers == [], f"{name}: event-handler attributes {handlers[:3]}"
        urls = [(tag, a, v) for tag, attrs in dom.elements for a, v in attrs.items()
                if a in URL_ATTRIBUTES and re.match(r"\s*(javascript|vbscript):", v, flags=re.I)]
        assert urls == [], f"{name}: script URLs {urls[:3]}"
        assert not [attrs for tag, attrs in dom.elements if tag == "img" and attrs.get("src") == "x"], name


def test_payloads_are_shown_as_text(loaded: dict) -> None:
    """Not vacuous: the payloads reach the pages, as the characters they are."""
    text = " ".join(" ".join(dom.text) for name, (dom, _, _) in loaded.items() if name.endswith(".html"))
    for key in ("img", "script", "svg", "link", "math"):
        assert " ".join(PAYLOADS[key].split()) in " ".join(text.split()), key


def test_no_console_messages(loaded: dict) -> None:
    for name, (_, console, _) in loaded.items():
        assert console == [], f"{name}: {console[:3]}"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_no_page_wider_than_the_window(loaded: dict) -> None:
    for name, (dom, _, shot) in loaded.items():
        if not name.endswith(".html"):
            continue
        root = dict(dom.elements)["html"]
        scroll, client = int(root["data-mc-scroll-width"]), int(root["data-mc-client-width"])
        assert 0 < client <= WIDTH and scroll <= client, f"{name}: {scroll} px of content in a {client} px window"
        assert png_size(shot) == (WIDTH, HEIGHT)


# --- a report for a corpus: 300 synthetic articles, 3 outlets, 100 events ------------------------------

MAX_PAGE_BYTES = 3 * 1024 * 1024  # issue 9: every page under 3 MB at 300 articles
DETAIL_PAGES = 3  # detail pages loaded per folder (evidence/FAMILY, articles, events); all are size-checked


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from analysis.synthetic import write_synthetic_corpus

    root = tmp_path_factory.mktemp("syn300")
    build_report(write_synthetic_corpus(root / "syn300.jsonl", n_events=100), root / "report")
    return root / "report"


@pytest.fixture(scope="module")
def corpus_loaded(corpus_report: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every top-level page, the methods page, the first pages of each detail folder, and every SVG figure."""
    shots = tmp_path_factory.mktemp("syn300-shots")
    pages = sorted(corpus_report.glob("*.html")) + sorted((corpus_report / "paper").glob("*.html"))
    folders = sorted({p.parent for p in corpus_report.rglob("*.html")} - {corpus_report, corpus_report / "paper"})
    for folder in folders:
        pages += sorted(folder.glob("*.html"))[:DETAIL_PAGES]
    pages += sorted((corpus_report / "figures").glob("*.svg"))
    return {p.relative_to(corpus_report).as_posix(): load(p, shots / "profile") for p in pages}


def test_corpus_report_pages_load_cleanly_and_fit_the_window(corpus_loaded: dict) -> None:
    assert {"index.html", "01-outlet-comparison.html", "02-sourcing.html", "03-same-event-comparison.html"} <= set(
        corpus_loaded)
    assert any(name.startswith("events/") for name in corpus_loaded)  # 100 events: per-event pages exist
    for name, (dom, console, shot) in corpus_loaded.items():
        assert console == [], f"{name}: {console[:3]}"
        if name.endswith(".html"):
            root = dict(dom.elements)["html"]
            scroll, client = int(root["data-mc-scroll-width"]), int(root["data-mc-client-width"])
            assert 0 < client <= WIDTH and scroll <= client, f"{name}: {scroll} px of content in a {client} px window"
            assert png_size(shot) == (WIDTH, HEIGHT)


def test_corpus_report_pages_stay_under_three_megabytes(corpus_report: Path) -> None:
    sizes = {p.relative_to(corpus_report).as_posix(): p.stat().st_size for p in corpus_report.rglob("*.html")}
    assert len(sizes) > 10
    assert {n: s for n, s in sizes.items() if s > MAX_PAGE_BYTES} == {}
