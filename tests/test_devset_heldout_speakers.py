"""The held-out speaker labels (tests/fixtures/devset_heldout_speakers) and ``bench_entities.py --split heldout``.

Schema checks always; with ../shared/corpora present every label is found at its stated place, and no
held-out article is one of the devset's (a held-out set that overlaps the development set holds nothing
out). The split's report is checked end to end on a tiny hand-made article.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_devset import bench, needs_corpora  # the scorer, loaded once by the devset tests

HELDOUT = bench.fixture_paths(bench.HELDOUT_SPEAKERS)


@pytest.mark.parametrize("path", HELDOUT, ids=[p.stem for p in HELDOUT])
def test_heldout_fixture_schema(path: Path) -> None:
    data = bench.load_fixture(path)
    bench.check_schema(data, path.name)
    assert data["quotes"] and path.stem == f"{data['source'].split('_')[0]}_{data['article_id']}"


def test_heldout_is_disjoint_from_the_devset() -> None:
    dev = {(d["source"], str(d["article_id"])) for d in map(bench.load_fixture, bench.fixture_paths())}
    held = {(d["source"], str(d["article_id"])) for d in map(bench.load_fixture, HELDOUT)}
    assert held and not held & dev


def test_heldout_leaves_out_the_quotes_earlier_tests_used() -> None:
    # The speaker tests' excerpts (tests/fixtures/speakers/excerpts.yaml) were used to write rules: no held-out
    # quote of the same article may start with the same words.
    used = {(c["article_id"], c["quote"][:15]) for c in yaml.safe_load(
        (bench.ROOT / "tests" / "fixtures" / "speakers" / "excerpts.yaml").read_text(encoding="utf-8"))}
    for path in HELDOUT:
        data = bench.load_fixture(path)
        for q in data["quotes"]:
            assert (str(data["article_id"]), str(q["text"])[:15]) not in used, (path.name, q["text"])


def test_heldout_size() -> None:
    # The brief: about 12-15 articles from at least 6 outlets (NYT "Mr./Ms." style among them), 150+ quotes.
    data = [bench.load_fixture(p) for p in HELDOUT]
    assert len(data) >= 12
    assert len({d["outlet_group"] for d in data}) >= 6
    assert "New York Times" in {d["outlet_group"] for d in data}
    assert sum(len(d["quotes"]) for d in data) >= 150


@needs_corpora
@pytest.mark.parametrize("folder", [bench.HELDOUT_SPEAKERS, bench.R4_SPEAKERS], ids=["heldout", "r4"])
def test_every_speaker_label_occurs_in_its_article(folder: Path) -> None:
    """Both speaker-only splits (held-out, round 4): every quote excerpt is found at its stated place."""
    articles = bench.load_devset(folder)
    assert len(articles) == len(bench.fixture_paths(folder))
    for art in articles:
        for q in art.quotes:
            assert bench.same_spaces(art.text[q.span.start:q.span.end]) == q.excerpt


def test_split_heldout_scores_speaker_files_for_quotes_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gzip
    import json

    text = "“We agree,” Ms. Merkel said. Officials said troops would stay."
    corpora, held = tmp_path / "corpora", tmp_path / "held"
    corpora.mkdir()
    held.mkdir()
    with gzip.open(corpora / "allsides_dev.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"article_id": "h1", "outlet": "Test", "text": text}) + "\n")
    (corpora / "roundups_dev.jsonl").write_text("", encoding="utf-8")
    labels = {"article_id": "h1", "source": "allsides_dev.jsonl.gz", "outlet": "Test", "outlet_group": "Test",
              "labelled_paragraphs": "all", "scope": "quotes", "labelled_by": "test",
              "entities": {"Angela Merkel": "PER"}, "main": ["Angela Merkel"],
              "mentions": {0: ["Ms. Merkel = Angela Merkel"]}, "numbers": {},
              "quotes": [{"p": 0, "text": "We agree", "kind": "direct", "speaker": "Angela Merkel"},
                         {"p": 0, "text": "troops would stay", "kind": "indirect", "speaker": "Officials",
                          "speaker_kind": "description"}]}
    (held / "allsides_h1.yaml").write_text(yaml.safe_dump(labels, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(bench, "split_folders", lambda split: [held] if split == "heldout" else [])
    out = tmp_path / "entities.md"
    assert bench.main(["--corpora", str(corpora), "--split", "heldout", "--out", str(out), "--label", "h"]) == 0
    report = out.read_text(encoding="utf-8")
    # scope: quotes -> the speaker table (1 article, 2 labelled quotes, both right); no entity or claim scores
    assert "| Test | 1 | 2 | 2 | 2 | 1.00 |" in report
    assert "Entities and main entities: scored on the 0 articles labelled for them." in report
    assert "Numeric claims are not labelled in these articles." in report and "### Numeric claims" not in report


def test_split_folders() -> None:
    assert bench.split_folders("dev") == [bench.DEVSET]
    assert bench.split_folders("heldout") == [bench.DEVSET / "heldout", bench.HELDOUT_SPEAKERS]
