"""Sourcing family: quotes, sources, reporting-verb stance, plus hedges, numeric claims and actor tone.

Definitions (METHODS.md, "Sourcing and attribution"): direct quotes are quoted spans with a
speaker found through a nearby reporting verb; indirect quotes are a reporting verb with a
complement clause; "according to X" and "citing X" are their own patterns; scare quotes are not
speech. Reporting verbs come from the Gender Gap Tracker tradition (Asr, Taboada et al. 2021,
PLoS ONE) and their stance tiers are our mapping after Bender et al., *Writing and Reporting for
the Media*. Source types are our taxonomy.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

from ..model import MAX_SENTENCE_WORDS, ParsedArticle, Token, Undefined
from ..sourcing.actor_tone import actor_tone_result
from ..sourcing.claims import claim_result
from ..sourcing.headline_quotes import headline_quote_result
from ..sourcing.hedges import hedge_result
from ..sourcing.profile import Source, source_profile, source_types_for, sources_by_type
from ..sourcing.quote_marks import word_starts
from ..sourcing.quotes import Quote, find_quotes, find_scare_quotes, quoted_spans, sentence_at, skipped_sentences
from ..sourcing.stance import TIERS, StanceVerb, find_stance_verbs, stance_counts
from .base import Evidence, FamilyResult, Measurement, Settings, flat_record, register_family

KINDS = ("direct", "indirect", "according_to", "citing")
EMPTY = "empty body: no text to find quotes in"


def n_quotes(quotes: Sequence[Quote], kind: str = "") -> int:
    """Number of attributions (all kinds, or one ``kind``); each quoted span or attributed clause counts once."""
    return sum(1 for q in quotes if not kind or q.kind == kind)


def _word_end(w: Token) -> int:
    return w.start + len(w.text)


def quoted_word_share(doc: ParsedArticle, spans: Sequence[tuple[int, int]]) -> float:
    """Words inside direct-quote content ÷ body words (our measure of how much of the text is quoted speech).

    ``spans`` are the direct-quoted content spans (:func:`analysis.sourcing.quotes.quoted_spans`, which
    include the quoted words of a mixed quote). The journalist's voice is the complement. Undefined when
    the body has no words.
    """
    if doc.n_words == 0:
        return Undefined("no words in the body")
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    ends = list(accumulate((b for _, b in ordered), max))  # furthest end among the spans starting up to i
    # A word is inside when its end is at most ends[i] for the last span i starting at or before it. Between two
    # span starts that bound is one number, and word ends grow with word starts (tokens are in text order and do
    # not overlap), so the words inside are a run found by bisection: per span, not per word.
    words = doc.words
    w_starts = word_starts(doc)  # shared with the quote finder and the hedges (read only)
    inside = 0
    for i, (a, bound) in enumerate(zip(starts, ends, strict=True)):
        lo = bisect_left(w_starts, a)
        hi = bisect_left(w_starts, starts[i + 1]) if i + 1 < len(starts) else len(words)
        if hi > lo:  # word ends ascend too: bisected with the end as key (Token.end, without a property call)
            inside += bisect_right(words, bound, lo, hi, key=_word_end) - lo
    return inside / doc.n_words


def stance_verb_share(counts: dict[str, int], tier: str) -> float:
    """Stance verbs of ``tier`` ÷ all stance verbs (tiers after Bender et al.); undefined with none."""
    total = sum(counts.values())
    if total == 0:
        return Undefined("no reporting verbs attribute content in this article")
    return counts.get(tier, 0) / total


def _quote_cue(q: Quote) -> str:
    verb = f"{q.verb} ({q.tier})" if q.verb else "no verb"
    neg = ", negated" if q.negated else ""
    kind = f"{q.kind} (mixed: holds a partial direct quote)" if q.rule == "mixed" else q.kind
    return f"{kind}; {verb}{neg}; {q.speaker_type or 'no speaker'}; {'named' if q.named else 'anonymous'}"


def _empty_result(settings: Settings) -> FamilyResult:
    types = source_types_for(settings)
    names = ["n_quotes", "n_direct_quotes", "n_indirect_quotes", "n_according_to", "n_citing", "n_scare_quotes",
             "n_sources", "n_named_sources", "n_anonymous_sources", "quoted_word_share"]
    ms = [Measurement.of(n, Undefined(EMPTY)) for n in names]
    ms += [Measurement.of("sources_by_type", Undefined(EMPTY), t) for t in types.types]
    ms += [Measurement.of(m, Undefined(EMPTY), t) for m in ("stance_verb_count", "stance_verb_share") for t in TIERS]
    return FamilyResult(ms, [], {"quotes": [], "sources": []})


def quote_measurements(doc: ParsedArticle, quotes: Sequence[Quote], scare: Sequence[tuple[int, int, str]],
                       sources: Sequence[Source], stance: Sequence[StanceVerb],
                       settings: Settings | None = None) -> list[Measurement]:
    """The sourcing metrics of one article from its quotes, sources and stance verbs."""
    ms = [
        Measurement.of("n_quotes", n_quotes(quotes)),
        Measurement.of("n_direct_quotes", n_quotes(quotes, "direct")),
        Measurement.of("n_indirect_quotes", n_quotes(quotes, "indirect")),
        Measurement.of("n_according_to", n_quotes(quotes, "according_to")),
        Measurement.of("n_citing", n_quotes(quotes, "citing")),
        Measurement.of("n_scare_quotes", len(scare)),
        Measurement.of("n_sources", len(sources)),
        Measurement.of("n_named_sources", sum(1 for s in sources if s.named)),
        Measurement.of("n_anonymous_sources", sum(1 for s in sources if not s.named)),
    ]
    by_type = sources_by_type(sources, source_types_for(settings))
    ms += [Measurement.of("sources_by_type", n, t) for t, n in by_type.items()]
    ms.append(Measurement.of("quoted_word_share", quoted_word_share(doc, quoted_spans(doc, settings))))
    counts = stance_counts(stance)
    ms += [Measurement.of("stance_verb_count", counts[t], t) for t in TIERS]
    ms += [Measurement.of("stance_verb_share", stance_verb_share(counts, t), t) for t in TIERS]
    return ms


def _clipped(doc: ParsedArticle, start: int, end: int) -> list[tuple[int, int, int]]:
    """(sentence index, start, end) of each sentence piece of the body span ``start``–``end``."""
    sents = doc.sentences
    out = []
    for i in range(max(0, sentence_at(doc, start)), len(sents)):
        s = sents[i]
        if s.start >= end:
            break
        a, b = max(start, s.start), min(end, s.end)
        if a < b:
            out.append((s.index, a, b))
    return out


def quote_evidence(doc: ParsedArticle, quotes: Sequence[Quote], scare: Sequence[tuple[int, int, str]],
                   stance: Sequence[StanceVerb], skipped: Sequence[tuple[int, int]] = ()) -> list[Evidence]:
    """One row per quote (metric ``quote``), per scare quote, per stance verb, and per sentence too long
    to search (metric ``n_quotes``, ``skipped`` = (sentence index, words)).

    A quote that runs over several sentences gives one row per sentence, its offsets clipped to that
    sentence (the evidence contract: ``text`` is the sentence and ``start``/``end`` lie inside it); the
    cue then names the part and the quote's full body span.
    """
    sents = doc.sentences
    ev = []
    for q in quotes:
        parts = _clipped(doc, q.start, q.end) or [(q.sentence_index, q.start, q.end)]
        cue = _quote_cue(q)
        for k, (i, a, b) in enumerate(parts, 1):
            more = f"; part {k} of {len(parts)} of the quote at body {q.start}–{q.end}" if len(parts) > 1 else ""
            ev.append(Evidence("quote", q.speaker, i, a, b, sents[i].text, cue + more))
    for a, b, text in scare:
        for i, pa, pb in _clipped(doc, a, b):
            ev.append(Evidence("n_scare_quotes", text, i, pa, pb, sents[i].text,
                               "scare quote: short quoted term, no verb"))
    ev += [Evidence("n_quotes", "", i, sents[i].start, sents[i].end, sents[i].text,
                    f"not searched: a sentence of {n} words, more than {MAX_SENTENCE_WORDS} (likely a segmentation "
                    "failure); no speaker, reporting verb or attribution phrase looked for in it")
           for i, n in skipped]
    ev += [Evidence("stance_verb_count", v.tier, v.sentence_index, v.start, v.end, sents[v.sentence_index].text,
                    f"{v.lemma} ({v.tier}){', negated' if v.negated else ''}: {v.form} ← {v.speaker or 'no speaker'}")
           for v in stance]
    return ev


def _merge(into: FamilyResult, other: FamilyResult) -> None:
    into.measurements.extend(other.measurements)
    into.evidence.extend(other.evidence)
    for name, rows in other.records.items():
        into.records.setdefault(name, []).extend(rows)


PARTS = (hedge_result, claim_result, actor_tone_result, headline_quote_result)  # the rest of the family


@register_family("sourcing")
def compute_sourcing(doc: ParsedArticle, settings: Settings) -> FamilyResult:
    """Quotes, sources and reporting-verb stance of one article, then hedges, claims and actor tone."""
    if doc.n_words == 0:
        result = _empty_result(settings)
    else:
        quotes = find_quotes(doc, settings)
        scare = find_scare_quotes(doc, settings)
        stance = find_stance_verbs(doc, settings)
        sources = source_profile(quotes)
        result = FamilyResult(quote_measurements(doc, quotes, scare, sources, stance, settings),
                              quote_evidence(doc, quotes, scare, stance, skipped_sentences(doc, settings)),
                              {"quotes": [flat_record(q) for q in quotes],
                               "sources": [flat_record(s) for s in sources]})
    for fn in PARTS:
        _merge(result, fn(doc, settings))
    return result
