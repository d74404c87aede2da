"""Hedges, boosters and evidentials per 1,000 words, split by voice (journalist vs quoted text).

The categories and word lists are data (``lexicons/hedges.yaml``, or a replacement file given as
``Settings.hedges_file``); Hyland (1998, 2005) defines the concept of hedges and boosters, our lists
are our own. The *journalist's voice* is the body outside the direct-quote spans found by
:func:`analysis.sourcing.quotes.quoted_spans`; *quoted* is the text inside them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path

from ..frozen import quick_init
from ..lexicons import Lexicon, load_lexicon
from ..metrics.base import Evidence, FamilyResult, Measurement, Settings
from ..model import TOKEN_LOWER, MediacompareError, ParsedArticle, Sentence, Token, Undefined
from ._cache import compiled
from .numbers import number_follows
from .quote_marks import word_starts

HEDGES_LEXICON = "hedges.yaml"
# characters after a cue read to see whether a number follows (a number is shorter; no copy of the rest of
# a long sentence per cue)
NUMBER_WINDOW = 80
VOICES = ("journalist", "quoted")
ALL = "all"


@dataclass(frozen=True)
class HedgeEntry:
    """One lexicon line: a sequence of words, each a set of accepted spellings."""

    category: str
    label: str  # the line as written in the lexicon, e.g. "suggest|suggests|suggested|suggesting"
    words: tuple[frozenset[str], ...]


@dataclass(frozen=True)
class HedgeLexicon:
    categories: tuple[str, ...]  # in file order
    entries: tuple[HedgeEntry, ...]  # longest first
    # first-word spelling -> its entries, longest first (a one-level token trie)
    by_first: dict[str, tuple[HedgeEntry, ...]] = field(compare=False, repr=False)
    before_number_only: frozenset[str]  # categories counted only when a number follows
    in_total: frozenset[str]  # categories summed into the ``all`` total
    lowercase_only: frozenset[str]
    name: str
    version: str


@quick_init
@dataclass(frozen=True)
class HedgeMatch:
    """One matched cue: where it is, which category and lexicon line, and whose voice."""

    category: str
    entry: str
    text: str  # as printed
    sentence_index: int
    start: int
    end: int
    voice: str  # "journalist" | "quoted"


def _compile(lex: Lexicon) -> HedgeLexicon:
    cats = lex.data.get("categories")
    if not isinstance(cats, dict) or not cats:
        raise MediacompareError(f"{lex.path}: a hedges lexicon needs a 'categories' mapping")
    entries: list[HedgeEntry] = []
    before_number: set[str] = set()
    in_total: set[str] = set()
    for cat, spec in cats.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("entries"), list):
            raise MediacompareError(f"{lex.path}: category {cat!r} needs an 'entries' list")
        if spec.get("before_number_only"):
            before_number.add(str(cat))
        if spec.get("in_total", True):
            in_total.add(str(cat))
        for raw in spec["entries"]:
            label = str(raw).strip()
            words = tuple(frozenset(alt.lower() for alt in w.split("|") if alt) for w in label.split())
            if words:
                entries.append(HedgeEntry(str(cat), label, words))
    entries.sort(key=lambda e: -len(e.words))
    lower_only = frozenset(str(w).lower() for w in lex.data.get("lowercase_only") or [])
    by_first: dict[str, list[HedgeEntry]] = {}
    for e in entries:  # already longest first, so each list is too
        for alt in e.words[0]:
            by_first.setdefault(alt, []).append(e)
    return HedgeLexicon(tuple(str(c) for c in cats), tuple(entries), {k: tuple(v) for k, v in by_first.items()},
                        frozenset(before_number), frozenset(in_total), lower_only, lex.name, lex.version)


def load_hedge_lexicon(path: str | Path = HEDGES_LEXICON) -> HedgeLexicon:
    """Load and compile a hedges lexicon (bundled by default), once per loaded file version.

    The compiled lexicon is cached on the :class:`~analysis.lexicons.Lexicon` object that
    :func:`~analysis.lexicons.load_lexicon` returns (cached per path and modification time), so an
    edited file is compiled afresh.
    """
    return compiled(load_lexicon(path), _compile)


def hedge_lexicon_for(settings: Settings | None) -> HedgeLexicon:
    """The hedges lexicon of ``settings.hedges_file`` when set, else the bundled ``hedges.yaml``."""
    path = getattr(settings, "hedges_file", None)
    return load_hedge_lexicon(Path(path) if path else HEDGES_LEXICON)




class _Spans:
    """Sorted, non-overlapping ``(start, end)`` body spans with a fast membership test."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = sorted((int(s), int(e)) for s, e in spans if e > s)
        self.starts = [s for s, _ in self.spans]

    def contains(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]

    def count_inside(self, positions: Sequence[int]) -> int:
        """``sum(self.contains(p) for p in positions)`` for ascending ``positions``, by bisection per span.

        :meth:`contains` tests a position against the span with the last start at or before it, so the
        positions it accepts for span k are those in ``[start_k, min(end_k, start_k+1))``.
        """
        n = 0
        spans = self.spans
        for k, (s, e) in enumerate(spans):
            hi = min(e, spans[k + 1][0]) if k + 1 < len(spans) else e
            if hi > s:
                n += bisect.bisect_left(positions, hi) - bisect.bisect_left(positions, s)
        return n


def voice_of(pos: int, spans: Sequence[tuple[int, int]]) -> str:
    """``"quoted"`` if body offset ``pos`` lies in one of ``spans``, else ``"journalist"``."""
    return "quoted" if _Spans(spans).contains(pos) else "journalist"


def voice_word_counts(doc: ParsedArticle, spans: Sequence[tuple[int, int]]) -> dict[str, int]:
    """Word tokens of the body in each voice (a word belongs to the voice of its first character)."""
    quoted = _Spans(spans).count_inside(word_starts(doc))  # words in text order: starts ascending
    return {"journalist": len(doc.words) - quoted, "quoted": quoted}


def _allowed_case(tok: Token, idx: int, tokens: Sequence[Token], doc: ParsedArticle, sent: Sentence,
                  lex: HedgeLexicon) -> bool:
    if tok.lower not in lex.lowercase_only or tok.text.islower():
        return True
    # capitalised: a modal only at the start of the sentence and not before a number ("May 5")
    first_word = next((i for i, t in enumerate(tokens) if t.is_word), -1)
    return idx == first_word and not number_follows(doc.body[tok.end:min(sent.end, tok.end + NUMBER_WINDOW)])


def _match_at(tokens: Sequence[Token], i: int, doc: ParsedArticle, sent: Sentence,
              lex: HedgeLexicon) -> tuple[HedgeEntry, int] | None:
    for entry in lex.by_first.get(tokens[i].lower, ()):
        n = len(entry.words)
        if i + n > len(tokens):
            continue
        window = tokens[i:i + n]
        if not all(t.is_word and t.lower in alts for t, alts in zip(window, entry.words, strict=True)):
            continue
        if n == 1 and not _allowed_case(window[0], i, tokens, doc, sent, lex):
            continue
        after = doc.body[window[-1].end:min(sent.end, window[-1].end + NUMBER_WINDOW)]
        if entry.category in lex.before_number_only and not number_follows(after):
            continue
        return entry, n
    return None


def find_hedges(doc: ParsedArticle, spans: Sequence[tuple[int, int]] = (),
                lexicon: HedgeLexicon | None = None) -> list[HedgeMatch]:
    """Every lexicon cue in the body, left to right; the longest entry wins where entries overlap.

    Matching is on whole word tokens, case-insensitive, never across punctuation. ``spans`` are the
    body offsets of quoted text; a cue is ``quoted`` when its first character lies inside one.
    """
    lex = lexicon or load_hedge_lexicon()
    sp = _Spans(spans)
    out: list[HedgeMatch] = []
    firsts = lex.by_first
    for sent in doc.sentences:
        tokens = sent.tokens
        nxt = 0  # the first token not inside the previous cue
        # the words that may start an entry, in one pass (most start none); then left to right, skipping the
        # words of the cue matched last
        for i in compress(range(len(tokens)), map(firsts.__contains__, map(TOKEN_LOWER, tokens))):  # (no Python loop)
            if i < nxt or tokens[i].kind == "punct":
                continue
            hit = _match_at(tokens, i, doc, sent, lex)
            if hit is None:
                continue
            entry, n = hit
            start, end = tokens[i].start, tokens[i + n - 1].end
            out.append(HedgeMatch(entry.category, entry.label, doc.body[start:end], sent.index, start, end,
                                  "quoted" if sp.contains(start) else "journalist"))
            nxt = i + n
    return out


def hedge_rate(n: int, words: int, voice: str) -> float:
    """Cues per 1,000 words of a voice: 1000 · n / words; undefined when the voice has no words."""
    if words <= 0:
        what = "no quoted text in the body" if voice == "quoted" else "no words outside quotes"
        return Undefined(f"{what}: rate per 1,000 words undefined")
    return 1000.0 * n / words


def hedge_result(doc: ParsedArticle, settings: Settings, spans: Sequence[tuple[int, int]] | None = None,
                 lexicon: HedgeLexicon | None = None) -> FamilyResult:
    """Hedges, boosters and evidentials per 1,000 words in each voice (Hyland 1998, 2005 for the concept).

    Metrics ``n_hedges`` and ``hedge_rate`` (= 1000 · n_hedges / words of that voice) with target
    ``<voice>:<category>`` and ``<voice>:all`` (every category except those marked ``in_total: false``,
    i.e. boosters). Voices: ``journalist`` (body outside direct quotes) and ``quoted``. ``spans``
    defaults to :func:`analysis.sourcing.quotes.quoted_spans`; ``lexicon`` to
    ``settings.hedges_file`` when set, else the bundled ``hedges.yaml``.
    """
    if spans is None:
        from .quotes import quoted_spans

        spans = quoted_spans(doc, settings)
    lex = lexicon or hedge_lexicon_for(settings)
    matches = find_hedges(doc, spans, lex)
    words = voice_word_counts(doc, spans)
    measurements: list[Measurement] = []
    for voice in VOICES:
        for cat in (*lex.categories, ALL):
            n = sum(1 for m in matches if m.voice == voice and (m.category == cat or
                                                               (cat == ALL and m.category in lex.in_total)))
            target = f"{voice}:{cat}"
            measurements.append(Measurement.of("n_hedges", n, target))
            measurements.append(Measurement.of("hedge_rate", hedge_rate(n, words[voice], voice), target))
        measurements.append(Measurement.of("n_voice_words", words[voice], voice))
    evidence = [
        Evidence("hedge_rate", f"{m.voice}:{m.category}", m.sentence_index, m.start, m.end,
                 doc.sentences[m.sentence_index].text, f"{m.category}: {m.text.lower()} ({m.voice})")
        for m in matches
    ]
    records = [
        {"sentence_index": m.sentence_index, "start": m.start, "end": m.end, "voice": m.voice,
         "category": m.category, "entry": m.entry, "text": m.text, "lexicon": f"{lex.name} {lex.version}"}
        for m in matches
    ]
    return FamilyResult(measurements=measurements, evidence=evidence, records={"hedges": records})
