"""Score the offline entity recogniser on a CoNLL-2003-style English NER file (document and mention level).

Run from the repository root::

    .venv/bin/python benchmarks/bench_conll.py PATH/TO/eng.testa [--part dev|reserved|all] [--details]
        [--code DIR] [--out FILE.md --append --label TEXT]

The data is not bundled (Reuters licence). Any file in the CoNLL-2003 layout works: one token a line with
the NER tag in the last column ("token TAG" or "token POS CHUNK TAG"), a blank line between sentences,
``-DOCSTART-`` lines between documents, IOB1 or IOB2 tags. Copies of the English development split
(eng.testa) without ``-DOCSTART-`` lines circulate in NER repositories (for example
``data/conll2003/dev.txt`` of github.com/zhangjiawei98/BARTNER); there a document is taken to start at
the headline before each dateline sentence ("LONDON 1996-08-30", "MILWAUKEE , Wisconsin 1996-08-29"), a
short byline between them included.

What a user would do with such an article, and what this script does: the first sentence (the
headline) is the title; the other sentences, one a line, are the text (dateline first, as the wire
prints it). Tokens are joined back into text ("Bitar 's goal" -> "Bitar's goal", "( 75th )" ->
"(75th)", "wo n't" -> "won't", quotes attached), keeping each token's offsets. The outlet is given as
"CoNLL-2003" so that the self-mention rule (an outlet naming itself) does not hide "Reuters".
The toolkit runs through its public pipeline (:func:`analysis.pipeline.analyse_corpus`, family
``entities``, offline default recogniser); only the records-table contract is read, in
:func:`system_output`: the entities family's mention evidence (body and headline), the
``actor_places`` table and the ``actors`` table's ``ner_type``.

Scoring (tested on a hand-made snippet in tests/test_bench_conll.py):

* types: gold PER -> PER, ORG -> ORG, LOC -> our GPE or LOC (both called LOC here); our other types
  (MISC) are no prediction; gold MISC is not scored, and a system name overlapping a gold MISC
  mention is neither right nor wrong;
* document level (the figure of issue 7): per document the set of (normalised name, type) of the gold
  mentions and of the system mentions (the text at the system's span); normalisation as in
  bench_entities (case, periods, possessive 's, a leading "the" and titles dropped). A system pair
  is left out when it is not gold and any of its mentions overlaps a gold MISC mention;
* mention level: a system mention is right when it overlaps a gold mention of the same type
  (one-to-one, largest overlap first); "exact" counts only identical spans. System mentions overlapping
  gold MISC mentions are left out.

``--part``: documents are split in file order, the first 70% ("dev", for developing rules) and the
last 30% ("reserved", measured only before and after a round of changes, never read for errors).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shlex
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_entities", Path(__file__).resolve().parent / "bench_entities.py")
assert _spec is not None and _spec.loader is not None
_bench = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("bench_entities", _bench)
_spec.loader.exec_module(_bench)
PRF, Span, OffsetMap, greedy_overlap, normalise_name = (
    _bench.PRF, _bench.Span, _bench.OffsetMap, _bench.greedy_overlap, _bench.normalise_name)

TYPES = ("PER", "ORG", "LOC")
OUR_TYPE = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
RESERVED_SHARE = 0.3
OUTLET = "CoNLL-2003"
_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")


class ConllError(ValueError):
    """A file that is not in the CoNLL layout."""


# ------------------------------------------------------------------------------------------- reading

@dataclass
class GoldMention:
    part: str  # "title" or "text"
    span: Span  # character offsets in the title or the text
    type: str  # PER | ORG | LOC | MISC
    surface: str


@dataclass
class Document:
    doc_id: str
    title: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)

    def gold(self, typ: str) -> list[GoldMention]:
        return [m for m in self.mentions if m.type == typ]


Sentence = list[tuple[str, str]]  # (token, tag)


def read_sentences(path: Path) -> list[Sentence | None]:
    """Sentences of a CoNLL file; ``None`` marks a ``-DOCSTART-`` line."""
    out: list[Sentence | None] = []
    cur: Sentence = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cols = line.split()
        if not cols:
            if cur:
                out.append(cur)
                cur = []
            continue
        if cols[0] == "-DOCSTART-":
            if cur:
                out.append(cur)
                cur = []
            out.append(None)
            continue
        if len(cols) < 2 or not re.fullmatch(r"O|[BI]-[A-Z]+", cols[-1]):
            raise ConllError(f"{path}:{n}: expected 'token ... TAG', got {line!r}")
        cur.append((cols[0], cols[-1]))
    if cur:
        out.append(cur)
    return out


def is_dateline(sent: Sentence) -> bool:
    """"LONDON 1996-08-30", "MILWAUKEE , Wisconsin 1996-08-29": capitalised words (and a comma) then a date."""
    toks = [t for t, _ in sent]
    return len(toks) >= 2 and bool(_DATE.match(toks[-1])) and len(toks) <= 8 and all(
        t == "," or t[:1].isupper() or t == "." for t in toks[:-1])


def _is_byline(sent: Sentence) -> bool:
    toks = [t for t, _ in sent]
    return 1 < len(toks) <= 4 and all(t[:1].isupper() for t in toks) and toks[-1] != "."


def split_documents(sentences: list[Sentence | None]) -> list[list[Sentence]]:
    """Documents: by ``-DOCSTART-`` lines when the file has them, else one per dateline (see the docstring)."""
    if any(s is None for s in sentences):
        docs: list[list[Sentence]] = [[]]
        for s in sentences:
            if s is None:
                docs.append([])
            else:
                docs[-1].append(s)
        return [d for d in docs if d]
    sents = [s for s in sentences if s is not None]
    starts = []
    for i, s in enumerate(sents):
        if is_dateline(s) and i > 0:
            start = i - 1
            if start > 0 and _is_byline(sents[start]) and (not starts or start - 1 > starts[-1]):
                start -= 1
            if not starts or start > starts[-1]:
                starts.append(start)
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return [sents[a:b] for a, b in zip(starts, [*starts[1:], len(sents)], strict=True) if sents[a:b]]


_NO_SPACE_BEFORE = frozenset(", . : ; ! ? ) ] } % 's 'S n't N'T 'm 're 've 'll 'd ...".split())
_NO_SPACE_AFTER = frozenset("( [ { $ `".split())


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens as printed text; returns the text and each token's (start, end).

    No space before , . : ; ) 's n't and the like or after ( $; a straight double quote opens (no space
    after) and closes (no space before) in turn; a lone ' after a word ending in s is a possessive.

    >>> detokenise(["Bitar", "'s", "goal", "(", "75th", ")", ",", '"', "I", "wo", "n't", '"'])[0]
    'Bitar\\'s goal (75th), "I won\\'t"'
    """
    text = ""
    offs: list[tuple[int, int]] = []
    open_quote = False
    glue_next = False
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        glue = glue_next or not text
        glue_next = False
        if tok in _NO_SPACE_BEFORE or (tok.lower() == "n't"):
            glue = True
        elif tok == "'" and prev[-1:].lower() == "s":
            glue = True
        elif tok == '"':
            if open_quote:
                glue = True
            else:
                glue_next = True
            open_quote = not open_quote
        if prev in _NO_SPACE_AFTER:
            glue = True
        if not glue:
            text += " "
        offs.append((len(text), len(text) + len(tok)))
        text += tok
    return text, offs


def _spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first, last exclusive, type) of the entities of one sentence; IOB1 and IOB2 both read."""
    out: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        pre, typ = tag.split("-", 1)
        if pre == "B" or not out or out[-1][1] != i or out[-1][2] != typ:
            out.append((i, i + 1, typ))
        else:
            out[-1] = (out[-1][0], i + 1, typ)
    return out


def build_document(doc_id: str, sents: list[Sentence]) -> Document:
    """The first sentence is the title, the others the text, one a line."""
    title = ""
    lines: list[str] = []
    mentions: list[GoldMention] = []
    pos = 0
    for k, sent in enumerate(sents):
        toks = [t for t, _ in sent]
        line, offs = detokenise(toks)
        base = 0 if k == 0 else pos
        for a, b, typ in _spans([g for _, g in sent]):
            span = Span(base + offs[a][0], base + offs[b - 1][1])
            mentions.append(GoldMention("title" if k == 0 else "text", span, typ, line[offs[a][0]:offs[b - 1][1]]))
        if k == 0:
            title = line
        else:
            lines.append(line)
            pos += len(line) + 1
    return Document(doc_id, title, "\n".join(lines), mentions)


def load_documents(path: Path) -> list[Document]:
    docs = split_documents(read_sentences(path))
    return [build_document(f"doc{i + 1:04d}", d) for i, d in enumerate(docs)]


def select_part(docs: list[Document], part: str) -> list[Document]:
    """``dev``: the first 70% of the documents; ``reserved``: the rest; ``all``."""
    cut = round(len(docs) * (1 - RESERVED_SHARE))
    return {"dev": docs[:cut], "reserved": docs[cut:], "all": docs}[part]


# ------------------------------------------------------------------------------------- system output

@dataclass(frozen=True)
class SysMention:
    part: str  # "title" | "text"
    span: Span
    type: str  # PER | ORG | LOC
    surface: str
    rule: str


def _located(doc: Document, omap: Any, index: int, start: int, end: int, typ: str, rule: str) -> list[SysMention]:
    """A system mention in title or text offsets (index -1: the headline), or none when untyped or unmappable."""
    if not typ:
        return []
    if index == -1:
        span = Span(start, end) if 0 <= start < end <= len(doc.title) else None
        part, text = "title", doc.title
    else:
        span, part, text = omap.span(start, end), "text", doc.text
    return [SysMention(part, span, typ, text[span.start:span.end], rule)] if span is not None else []


def system_output(docs: list[Document], code: Path = ROOT) -> dict[str, list[SysMention]]:
    """Run the toolkit (the ``analysis`` package under ``code``) on the documents; the one adapter from its
    tables to the scorer."""
    sys.path.insert(0, str(code))
    import analysis
    from analysis.metrics import Settings
    from analysis.pipeline import analyse_corpus

    if not Path(analysis.__file__).resolve().is_relative_to(Path(code).resolve()):
        raise ConllError(f"asked to measure {code} but imported {analysis.__file__}")
    out: dict[str, list[SysMention]] = {}
    by_id = {d.doc_id: d for d in docs}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "conll.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for d in docs:
                row = {"article_id": d.doc_id, "outlet": OUTLET, "title": d.title, "text": d.text}
                fh.write(json.dumps(row) + "\n")
        settings = Settings(families=("entities",), min_english_share=0.0)
        for res in analyse_corpus(corpus, settings, progress=False):
            doc = by_id[res.article_id]
            omap = OffsetMap(doc.text, res.sentences)
            types = {r["actor"]: OUR_TYPE.get(str(r.get("ner_type") or "").upper(), "") for r in res.records("actors")}
            found: list[SysMention] = []
            for fam, e in res.tagged_evidence():
                if fam == "entities" and e.metric in ("mentions", "in_headline"):
                    found += _located(doc, omap, e.sentence_index, e.start, e.end, types.get(e.target, ""), e.cue)
            for r in res.records("actor_places"):
                found += _located(doc, omap, r["sentence_index"], r["start"], r["end"],
                                  OUR_TYPE.get(str(r.get("ner_type") or "GPE"), "LOC"), str(r.get("rule", "")))
            out[doc.doc_id] = found
    return out


# -------------------------------------------------------------------------------------------- scoring

def _overlaps_misc(doc: Document, part: str, span: Span) -> bool:
    return any(g.part == part and g.span.overlap(span) for g in doc.gold("MISC"))


def document_pairs(doc: Document, found: list[SysMention]) -> tuple[set[tuple[str, str]], set[tuple[str, str]],
                                                                     set[tuple[str, str]]]:
    """(gold pairs, system pairs, neutral system pairs) of (normalised name, type) for one document."""
    gold = {(normalise_name(g.surface), g.type) for g in doc.mentions if g.type in TYPES}
    system: set[tuple[str, str]] = set()
    on_misc: set[tuple[str, str]] = set()
    for m in found:
        pair = (normalise_name(m.surface), m.type)
        system.add(pair)
        if _overlaps_misc(doc, m.part, m.span):
            on_misc.add(pair)
    neutral = {p for p in on_misc if p not in gold}
    return gold, system - neutral, neutral


def score_documents(docs: list[Document], outputs: dict[str, list[SysMention]]) -> dict[str, Any]:
    """Document-level and mention-level P/R per type."""
    doc_level = {t: PRF() for t in TYPES}
    mention = {t: PRF() for t in TYPES}
    exact = {t: PRF() for t in TYPES}
    for doc in docs:
        found = outputs.get(doc.doc_id, [])
        gold, system, _ = document_pairs(doc, found)
        for t in TYPES:
            g = {p for p in gold if p[1] == t}
            s = {p for p in system if p[1] == t}
            doc_level[t].add(PRF(len(g & s), len(s - g), len(g - s)))
        kept = [m for m in found if not _overlaps_misc(doc, m.part, m.span)]
        for t in TYPES:
            for part in ("title", "text"):
                s_m = [m.span for m in kept if m.type == t and m.part == part]
                g_m = [g.span for g in doc.gold(t) if g.part == part]
                match = greedy_overlap(s_m, g_m)
                mention[t].add(PRF(len(match), len(s_m) - len(match), len(g_m) - len(match)))
                same = len(set(s_m) & set(g_m))
                exact[t].add(PRF(same, len(s_m) - same, len(g_m) - same))
    return {"document": doc_level, "mention": mention, "exact": exact}


def _f(x: float) -> str:
    return "—" if x != x else f"{x:.2f}"


def report(docs: list[Document], scores: dict[str, Any], part: str) -> str:
    n_gold = sum(1 for d in docs for m in d.mentions if m.type in TYPES)
    lines = [f"Documents: {len(docs)} (part {part!r}), {n_gold} gold PER/ORG/LOC mentions.", "",
             "| type | document P | document R | gold names | mention P | mention R | exact-span P | exact-span R"
             " | gold mentions |", "|---|---|---|---|---|---|---|---|---|"]
    for t in TYPES:
        d, m, e = scores["document"][t], scores["mention"][t], scores["exact"][t]
        lines.append(f"| {t} | {_f(d.precision)} | {_f(d.recall)} | {d.tp + d.fn} | {_f(m.precision)} | "
                     f"{_f(m.recall)} | {_f(e.precision)} | {_f(e.recall)} | {m.tp + m.fn} |")
    return "\n".join(lines) + "\n"


def details(doc: Document, found: list[SysMention]) -> list[str]:
    """Every document-level disagreement of one document: missed names, wrong names, and how each was typed."""
    gold, system, _ = document_pairs(doc, found)
    rules: dict[tuple[str, str], str] = {}
    for m in found:
        rules.setdefault((normalise_name(m.surface), m.type), m.rule)
    out = [f"== {doc.doc_id}: {doc.title[:90]}"]
    for name, t in sorted(gold - system):
        other = sorted(u for n, u in system if n == name)
        out.append(f"  missed {t:3} {name!r}" + (f" (typed {'/'.join(other)})" if other else ""))
    for name, t in sorted(system - gold):
        out.append(f"  wrong  {t:3} {name!r} [{rules.get((name, t), '')}]")
    return out if len(out) > 1 else []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("conll", type=Path, help="a CoNLL-2003-style file (not bundled; see the module docstring)")
    ap.add_argument("--part", choices=("dev", "reserved", "all"), default="dev",
                    help="dev: the first 70%% of the documents; reserved: the last 30%% (never read for errors)")
    ap.add_argument("--code", type=Path, default=ROOT,
                    help="folder holding the analysis package to measure (default: this repository)")
    ap.add_argument("--details", action="store_true", help="print every document-level disagreement (stderr)")
    ap.add_argument("--out", type=Path, default=None, help="also write the Markdown section here")
    ap.add_argument("--append", action="store_true", help="add the section to --out instead of rewriting it")
    ap.add_argument("--label", default="run", help="the section heading")
    args = ap.parse_args(argv)
    if not args.conll.is_file():
        print(f"error: {args.conll} not found", file=sys.stderr)
        return 2
    try:
        docs = select_part(load_documents(args.conll), args.part)
        outputs = system_output(docs, args.code)
    except ConllError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.details:
        if args.part == "reserved":
            print("note: --details on the reserved part: its errors must not guide rules", file=sys.stderr)
        for d in docs:
            print("\n".join(details(d, outputs.get(d.doc_id, []))), file=sys.stderr)
    argv_ = argv if argv is not None else sys.argv[1:]
    command = shlex.join(["python", "benchmarks/bench_conll.py", *argv_])
    text = f"### {args.label}\n\n`{command}`\n\n{report(docs, score_documents(docs, outputs), args.part)}"
    print(text)
    if args.out:
        if args.append and args.out.is_file():
            args.out.write_text(args.out.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")
        else:
            args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
