"""Lexical tone near each actor, in the journalist's voice and in quoted text.

This is *lexical tone near the actor*, never stance toward the actor: VADER scores the words of the
sentences that mention the actor, and on hard news those words mostly describe the event (Boukes et
al. 2020; van Atteveldt et al. 2021). For every body sentence that mentions an actor
(:func:`analysis.entities.find_actor_mentions`), the sentence is cut into two pieces:

- the journalist's voice: the sentence text outside direct-quote spans, its parts joined by a
  space; quote marks left standing alone, leading commas and parts without a word are dropped;
- the quoted text: the parts inside the spans, joined by a space.

Both pieces of every such sentence are scored, wherever in the sentence the mention is. Each
non-empty piece is scored with VADER (:func:`analysis.metrics.sentiment.score_text`, Hutto &
Gilbert 2014), and an actor's value per voice is the mean compound score of its pieces. Headline
mentions are not used (the headline has no quote spans and is scored by the sentiment family).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from ..frozen import quick_init
from ..metrics.base import Evidence, FamilyResult, Measurement, Settings, flat_record
from ..model import ParsedArticle, Sentence, Undefined

VOICES = ("journalist", "quoted")
METRIC = {"journalist": "actor_tone_journalist", "quoted": "actor_tone_quoted"}
COUNT = {"journalist": "n_actor_tone_sentences_journalist", "quoted": "n_actor_tone_sentences_quoted"}
Scorer = Callable[[str], dict[str, float]]


@quick_init
@dataclass(frozen=True, slots=True)
class TonePiece:
    """One scored piece: the part of a sentence mentioning ``actor`` that is in ``voice``."""

    actor: str
    voice: str  # "journalist" | "quoted"
    sentence_index: int
    start: int  # body offsets of the sentence the piece comes from
    end: int
    text: str  # the piece as scored
    compound: float


def _clip(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``spans`` inside [start, end), merged; searched from the first span that reaches ``start``."""
    ss = spans if isinstance(spans, _SortedSpans) else _SortedSpans(spans)
    out = []
    for j in range(ss.first_reaching(start), len(ss)):
        s, e = ss[j]
        if s >= end:
            break
        if e > start:
            out.append((max(s, start), min(e, end)))
    merged: list[tuple[int, int]] = []
    for s, e in out:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


class _SortedSpans(list[tuple[int, int]]):
    """Spans sorted by start, with the prefix maximum of their ends, so the spans that overlap a sentence
    are found by bisection (linear total work over an article, not spans × sentences)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        super().__init__(sorted(spans))
        self.max_end = list(accumulate((e for _, e in self), max))

    def first_reaching(self, start: int) -> int:
        """Index of the first span whose end (or an earlier span's end) passes ``start``."""
        return bisect_right(self.max_end, start)


_LONE_MARKS = re.compile(r"(?<![^\W_])[“”\"]+(?![^\W_])")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_SPACES = re.compile(r"\s+")


def _join(parts: list[str]) -> str:
    """Join the pieces of one voice; quote marks left standing alone and pieces without a word go."""
    kept = []
    for part in parts:
        part = _LONE_MARKS.sub(" ", part).strip().lstrip(",;:").strip()
        if _LETTER_OR_DIGIT.search(part):
            kept.append(part)
    return _SPACES.sub(" ", " ".join(kept)).strip()


def sentence_voices(sentence: Sentence, spans: Sequence[tuple[int, int]]) -> dict[str, str]:
    """The sentence cut into ``{"journalist": text outside spans, "quoted": text inside}``; "" if none.

    ``spans`` are body offsets of direct-quote content; pieces of one voice are joined by a space.
    """
    inside = _clip(spans, sentence.start, sentence.end)
    rel = sentence.start
    quoted = [sentence.text[s - rel:e - rel] for s, e in inside]
    outside, pos = [], sentence.start
    for s, e in inside:
        outside.append(sentence.text[pos - rel:s - rel])
        pos = e
    outside.append(sentence.text[pos - rel:])
    return {"journalist": _join(outside), "quoted": _join(quoted)}


def actor_tone_pieces(doc: ParsedArticle, mentions: Sequence[Any], spans: Sequence[tuple[int, int]],
                      score: Scorer, sentence_compound: Callable[[int], float] | None = None) -> list[TonePiece]:
    """Scored pieces for every actor and body sentence that mentions it, in reading order.

    ``mentions`` are :class:`analysis.entities.ActorMention` (``actor``, ``sentence_index``); ``score``
    returns VADER's polarity scores for a text. ``sentence_compound(i)``, when given, is the compound
    score of the whole sentence ``i`` already computed elsewhere; it is used for a piece that *is* the
    sentence text (no quoted part), so that sentence is not scored twice. A piece whose score is NaN
    (a sentence too long to score) is left out.
    """
    sentences_of: dict[str, dict[int, None]] = {}
    for m in mentions:
        if 0 <= m.sentence_index < len(doc.sentences):
            sentences_of.setdefault(m.actor, {})[m.sentence_index] = None
    sorted_spans = _SortedSpans(spans)
    voices: dict[int, dict[str, str]] = {}
    memo: dict[tuple[int, str], float] = {}
    pieces = []
    for actor, indices in sentences_of.items():
        for i in sorted(indices):
            sent = doc.sentences[i]
            if i not in voices:
                voices[i] = sentence_voices(sent, sorted_spans)
            for voice, text in voices[i].items():
                if not text:
                    continue
                if (i, voice) not in memo:
                    same = sentence_compound is not None and voice == "journalist" and text == sent.text
                    memo[(i, voice)] = float(sentence_compound(i) if same and sentence_compound
                                             else score(text)["compound"])
                if math.isnan(memo[(i, voice)]):
                    continue
                pieces.append(TonePiece(actor, voice, i, sent.start, sent.end, text, memo[(i, voice)]))
    return pieces


def mean_tone(pieces: Sequence[TonePiece], actor: str, voice: str) -> float:
    """Mean VADER compound of ``actor``'s pieces in ``voice``; undefined when there are none."""
    return _mean([p.compound for p in pieces if p.actor == actor and p.voice == voice], actor, voice)


def _mean(values: list[float], actor: str, voice: str) -> float:
    if not values:
        where = "quoted text" if voice == "quoted" else "text outside quotes"
        return Undefined(f"no sentence mentioning {actor} has {where}")
    return sum(values) / len(values)


def actor_tone_result(doc: ParsedArticle, settings: Settings, *, mentions: Sequence[Any] | None = None,
                      spans: Sequence[tuple[int, int]] | None = None, score: Scorer | None = None) -> FamilyResult:
    """Lexical tone near each actor (not stance toward it), per voice (Hutto & Gilbert 2014, VADER).

    ``actor_tone_journalist`` / ``actor_tone_quoted`` (target = actor) = mean VADER compound of the
    actor's sentence pieces in that voice, in [-1, 1]; ``n_actor_tone_sentences_journalist`` /
    ``_quoted`` = how many pieces were scored. Defaults: mentions from
    :func:`analysis.entities.find_actor_mentions`, spans from
    :func:`analysis.sourcing.quotes.quoted_spans`, scores from
    :func:`analysis.metrics.sentiment.score_text`. Records table ``actor_tone`` (one row per piece).
    """
    if mentions is None:
        from .entity_layer import all_mentions

        mentions = all_mentions(doc, settings)
    if spans is None:
        from .quotes import quoted_spans

        spans = quoted_spans(doc, settings)
    sentence_compound = None
    if score is None:
        from ..metrics.sentiment import CACHE_BODY, score_text, too_long_reason

        def score(text: str) -> dict[str, float]:
            reason = too_long_reason(text)  # the sentiment family's cap: VADER is quadratic in length
            return {"compound": Undefined(reason)} if reason else score_text(text)

        def sentence_compound(i: int) -> float:
            scored = doc.cache.get(CACHE_BODY)  # the sentiment family's scores (:func:`sentence_scores`), when it ran
            if scored is None:  # the family alone: this sentence only, not every sentence of the article
                return float(score(doc.sentences[i].text)["compound"])  # what sentence_scores gives it
            return float(scored[i]["compound"])

    pieces = actor_tone_pieces(doc, mentions, spans, score, sentence_compound)
    grouped: dict[tuple[str, str], list[float]] = {}  # (actor, voice) -> compounds, actors in order of first piece
    for p in pieces:
        grouped.setdefault((p.actor, p.voice), []).append(p.compound)
    measurements = []
    for actor in dict.fromkeys(p.actor for p in pieces):
        for voice in VOICES:
            values = grouped.get((actor, voice), [])
            measurements.append(Measurement.of(METRIC[voice], _mean(values, actor, voice), actor))
            measurements.append(Measurement.of(COUNT[voice], len(values), actor))
    sorted_spans = _SortedSpans(spans)
    quoted: dict[int, bool] = {}  # sentence index -> whether direct-quote content lies in it
    evidence = []
    for p in pieces:
        if p.sentence_index not in quoted:
            quoted[p.sentence_index] = bool(_clip(sorted_spans, p.start, p.end))
        evidence.append(Evidence(METRIC[p.voice], p.actor, p.sentence_index, p.start, p.end,
                                 doc.sentences[p.sentence_index].text, piece_cue(p, quoted[p.sentence_index])))
    return FamilyResult(measurements=measurements, evidence=evidence,
                        records={"actor_tone": [flat_record(p) for p in pieces]})


def piece_cue(piece: TonePiece, has_quote: bool) -> str:
    """The evidence cue of one scored piece: its VADER compound and which words of the sentence it is.

    "VADER +0.2500, the sentence": that the score is lexical tone near the actor, and whose voice, is in the
    metric name (``actor_tone_journalist``, ``actor_tone_quoted``), and the piece's words are not repeated
    (they are the ``actor_tone`` record's ``text``; the evidence row names the sentence): "the sentence" for
    the journalist piece of a sentence without direct-quote content (``has_quote`` false: the piece is the
    whole sentence), else the words outside or inside its direct quotes.
    """
    if piece.voice == "quoted":
        what = "its direct quotes"
    else:
        what = "the sentence outside direct quotes" if has_quote else "the sentence"
    return f"VADER {piece.compound:+.4f}, {what}"
