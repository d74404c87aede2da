"""benchmarks/bench_conll.py: reading, detokenising and scoring on a hand-made CoNLL snippet.

The snippet is invented (no Reuters text); expected values are counted by hand in the comments.
"""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_conll", ROOT / "benchmarks" / "bench_conll.py")
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_conll"] = bench  # dataclasses look their module up while the file runs
_spec.loader.exec_module(bench)

SNIPPET = """-DOCSTART- -X- -X- O

SOCCER O
- O
KANE B-PER
SIGNS O
FOR O
BAYERN B-ORG
. O

MUNICH B-LOC
2020-08-30 O

Harry B-PER
Kane I-PER
joined O
Bayern B-ORG
Munich I-ORG
, O
the O
Bundesliga B-MISC
club O
said O
. O

Kane B-PER
's O
move O
from O
Tottenham B-ORG
ended O
a O
saga O
in O
England B-LOC
. O
"""


@pytest.fixture()
def doc(tmp_path: Path):
    path = tmp_path / "snippet.txt"
    path.write_text(SNIPPET, encoding="utf-8")
    docs = bench.load_documents(path)
    assert len(docs) == 1
    return docs[0]


def test_document_text_and_gold_offsets(doc) -> None:
    assert doc.title == "SOCCER - KANE SIGNS FOR BAYERN."
    assert doc.text == ("MUNICH 2020-08-30\nHarry Kane joined Bayern Munich, the Bundesliga club said.\n"
                        "Kane's move from Tottenham ended a saga in England.")
    got = [(m.part, m.type, m.surface) for m in doc.mentions]
    assert got == [("title", "PER", "KANE"), ("title", "ORG", "BAYERN"), ("text", "LOC", "MUNICH"),
                   ("text", "PER", "Harry Kane"), ("text", "ORG", "Bayern Munich"), ("text", "MISC", "Bundesliga"),
                   ("text", "PER", "Kane"), ("text", "ORG", "Tottenham"), ("text", "LOC", "England")]
    for m in doc.mentions:
        source = doc.title if m.part == "title" else doc.text
        assert source[m.span.start:m.span.end] == m.surface


def _sys(doc, part: str, surface: str, typ: str):
    source = doc.title if part == "title" else doc.text
    i = source.index(surface)
    return bench.SysMention(part, bench.Span(i, i + len(surface)), typ, surface, "test")


def test_scores_by_hand(doc) -> None:
    found = [
        _sys(doc, "title", "BAYERN", "ORG"),        # right
        _sys(doc, "text", "MUNICH", "LOC"),         # right (our GPE counts as LOC)
        _sys(doc, "text", "Harry Kane", "PER"),     # right
        _sys(doc, "text", "Bayern Munich", "ORG"),  # right
        _sys(doc, "text", "Bundesliga", "ORG"),     # on a gold MISC: neither right nor wrong
        _sys(doc, "text", "Kane", "PER"),           # first "Kane" in the text is inside "Harry Kane": overlap
        _sys(doc, "text", "Tottenham", "LOC"),      # wrong type: a false LOC and a missed ORG
        _sys(doc, "text", "England", "LOC"),        # right
    ]
    s = bench.score_documents([doc], {doc.doc_id: found})
    d = s["document"]
    # gold names: PER {kane, harry kane}; ORG {bayern, bayern munich, tottenham}; LOC {munich, england}
    # system names: PER {harry kane, kane}; ORG {bayern, bayern munich}; LOC {munich, tottenham, england}
    assert (d["PER"].tp, d["PER"].fp, d["PER"].fn) == (2, 0, 0)
    assert (d["ORG"].tp, d["ORG"].fp, d["ORG"].fn) == (2, 0, 1)
    assert (d["LOC"].tp, d["LOC"].fp, d["LOC"].fn) == (2, 1, 0)
    assert math.isclose(d["ORG"].recall, 2 / 3) and math.isclose(d["LOC"].precision, 2 / 3)
    m = s["mention"]
    # PER gold: KANE (title), Harry Kane, Kane; system "Kane" sits inside "Harry Kane", which the longer system
    # mention overlaps more: one-to-one, so "Kane" is a false mention and two gold mentions are missed
    assert (m["PER"].tp, m["PER"].fp, m["PER"].fn) == (1, 1, 2)
    assert (m["ORG"].tp, m["ORG"].fp, m["ORG"].fn) == (2, 0, 1)  # Bundesliga left out (gold MISC)
    assert (m["LOC"].tp, m["LOC"].fp, m["LOC"].fn) == (2, 1, 0)


def test_possessive_mention_scored(doc) -> None:
    """The second "Kane" (in "Kane's") found by its own span: all three PER mentions but the title one."""
    i = doc.text.index("Kane's")
    found = [_sys(doc, "text", "Harry Kane", "PER"), bench.SysMention("text", bench.Span(i, i + 4), "PER", "Kane", "t")]
    m = bench.score_documents([doc], {doc.doc_id: found})["mention"]["PER"]
    assert (m.tp, m.fp, m.fn) == (2, 0, 1)


def test_detokenise() -> None:
    text, offs = bench.detokenise(['"', "I", "wo", "n't", "go", ",", '"', "Bitar", "'s", "agent", "(", "$", "5",
                                   ")", "told", "the", "Eagles", "'", "fans", "."])
    assert text == "\"I won't go,\" Bitar's agent ($5) told the Eagles' fans."
    assert [text[a:b] for a, b in offs][7] == "Bitar"


def test_iob1_and_iob2_spans() -> None:
    assert bench._spans(["I-PER", "I-PER", "B-PER", "O", "I-LOC", "B-ORG", "I-ORG"]) == [
        (0, 2, "PER"), (2, 3, "PER"), (4, 5, "LOC"), (5, 7, "ORG")]


def test_documents_by_dateline_without_docstart(tmp_path: Path) -> None:
    """No -DOCSTART- lines: a document starts at the headline before each dateline, a byline included."""
    text = ("GOLF O\n- O\nRESULTS O\n. O\n\nMILWAUKEE B-LOC\n, O\nWisconsin B-LOC\n1996-08-29 O\n\n"
            "Scores O\n. O\n\nTENNIS O\nUPSET O\n. O\n\nJane B-PER\nDoe I-PER\n\nNEW B-LOC\nYORK I-LOC\n"
            "1996-08-30 O\n\nA O\nwin O\n. O\n")
    path = tmp_path / "dev.txt"
    path.write_text(text, encoding="utf-8")
    docs = bench.load_documents(path)
    assert [d.title for d in docs] == ["GOLF - RESULTS.", "TENNIS UPSET."]
    assert docs[1].text.startswith("Jane Doe\nNEW YORK 1996-08-30")


def test_parts() -> None:
    docs = [bench.Document(f"d{i}", "", "") for i in range(10)]
    assert [d.doc_id for d in bench.select_part(docs, "reserved")] == ["d7", "d8", "d9"]
    assert len(bench.select_part(docs, "dev")) == 7
