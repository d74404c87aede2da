"""Hostile strings for the escaping tests (imported by test_safe_text and test_browser).

Each would run script, add an element or attribute, make a link, or be drawn as TeX/evaluated as a
template or spreadsheet formula if a medium took it as markup. The script payloads set
``document.title`` to ``PWNED`` so a browser test can see whether any of them ran.
"""

from __future__ import annotations

import csv
from pathlib import Path

PWNED = "PWNED"
PAYLOADS: dict[str, str] = {
    "img": f"<img src=x onerror=\"document.title='{PWNED}'\">",
    "script": f"<script>document.title='{PWNED}'</script>",
    "svg": f"\"><svg onload=\"document.title='{PWNED}'\">",
    "link": f"[x](javascript:document.title='{PWNED}')",
    "math": "$\\alpha$",
    "template": "{{7*7}}",
    "formula": '=HYPERLINK("http://x")',
    "html_entity": "&lt;b&gt;not bold&lt;/b&gt; AT&T",
    "markdown": "# heading *em* __strong__ `code` ~~del~~ | cell | ![i](x.png) <http://x.test> www.x.test",
    "underscore": "_hidden_legend_label",
}


def payload_corpus(root: Path, seeds: Path) -> Path:
    """A two-article corpus whose outlets, ids, headlines, event id and text all carry payloads.

    The article texts are the two seed articles with a paragraph of every payload appended, so the
    analysis finds quotes, actors and frames as on the seeds; the manifest names both articles by
    a payload id and puts them in one event.
    """
    root.mkdir(parents=True, exist_ok=True)
    seed_files = sorted(seeds.glob("*.txt"))
    extra = "\n\n" + " ".join(f"Reader note {k}: {v}." for k, v in PAYLOADS.items()) + "\n"
    for name, source in zip(("a.txt", "b.txt"), seed_files, strict=True):
        (root / name).write_text(source.read_text(encoding="utf-8") + extra, encoding="utf-8")
    rows = [
        ["article_id", "file", "outlet", "headline", "event_id"],
        [PAYLOADS["script"], "a.txt", PAYLOADS["img"], PAYLOADS["link"], PAYLOADS["template"]],
        [PAYLOADS["svg"], "b.txt", f"{PAYLOADS['math']} {PAYLOADS['formula']}", PAYLOADS["markdown"],
         PAYLOADS["template"]],
    ]
    with (root / "manifest.csv").open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return root
