"""Lexical tone: VADER scores per sentence, aggregated per article (Hutto & Gilbert, 2014).

Every body sentence and the headline are scored on their own with vaderSentiment's
``polarity_scores`` (unchanged), because its compound score drifts on long texts
(vaderSentiment issue #151); article values aggregate the sentence scores. On hard news this
measures how negative the *events* are, not an outlet's stance (Boukes et al., 2020;
van Atteveldt et al., 2021). Per-sentence scores are cached on the parsed article so other
families (sourcing: tone per actor, journalist's voice vs. quotes) reuse them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from ..model import MAX_SENTENCE_WORDS, ParsedArticle, Sentence, Undefined, reason_of
from .base import Evidence, FamilyResult, Measurement, Settings, metric, register_family, scalar_measurements

FAMILY = "sentiment"
POSITIVE_THRESHOLD = 0.05  # compound >= 0.05 is positive, <= -0.05 negative (VADER README convention)
NEGATIVE_THRESHOLD = -0.05
N_PARTS = 5  # tone arc: fifths of the article
CACHE_BODY = "vader_sentences"
CACHE_COMPOUNDS = "vader_compounds"
CACHE_HEADLINE = "vader_headline"
EMPTY_BODY = "empty body: no sentences to score"
SCORE_KEYS = ("neg", "neu", "pos", "compound")
NOT_SCORED = "not scored"


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The process's one ``SentimentIntensityAnalyzer`` (built lazily: it reads its lexicon file)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def score_text(text: str) -> dict[str, float]:
    """VADER ``polarity_scores`` of ``text`` (keys neg, neu, pos, compound), exactly as vaderSentiment gives them.

    Score one sentence or one quote at a time: the compound score of long texts saturates
    towards ±1 (Hutto & Gilbert, 2014; vaderSentiment issue #151). No length cap here: callers
    scoring segmenter output should check :func:`too_long_reason` first (VADER is quadratic in length).
    """
    return dict(analyzer().polarity_scores(text))


def too_long_reason(text: str) -> str:
    """Why ``text`` is not scored (more than 250 whitespace-separated words, VADER's own tokens), else ``""``.

    Real sentences are far shorter; a longer one is almost always a segmentation failure
    (unpunctuated text), on which VADER's negation and idiom checks take time quadratic in length.
    """
    n = len(text.split())
    if n <= MAX_SENTENCE_WORDS:
        return ""
    return (f"{NOT_SCORED}: {n} words, more than the {MAX_SENTENCE_WORDS} a sentence may have "
            "(likely a segmentation failure; VADER's run time grows with the square of the length)")


def _score_capped(text: str) -> Mapping[str, float]:
    reason = too_long_reason(text)
    if reason:
        return MappingProxyType({k: Undefined(reason) for k in SCORE_KEYS})
    return MappingProxyType(score_text(text))


def sentence_scores(doc: ParsedArticle) -> Sequence[Mapping[str, float]]:
    """VADER scores (neg, neu, pos, compound) of each body sentence, index-aligned with ``doc.sentences``.

    Each equals ``polarity_scores`` of the sentence text (Hutto & Gilbert, 2014); a sentence of more
    than 250 words is not scored (all four values ``Undefined`` with the reason, see
    :func:`too_long_reason`). Computed once per article, cached in ``doc.cache["vader_sentences"]``
    and returned as read-only mappings (no copy).
    """
    if CACHE_BODY not in doc.cache:
        doc.cache[CACHE_BODY] = tuple(_score_capped(s.text) for s in doc.sentences)
    return doc.cache[CACHE_BODY]


def headline_scores(doc: ParsedArticle) -> Mapping[str, float] | None:
    """VADER scores of the headline (read-only, cached), or ``None`` when the article has none; capped as above."""
    if doc.headline is None:
        return None
    if CACHE_HEADLINE not in doc.cache:
        doc.cache[CACHE_HEADLINE] = _score_capped(doc.headline.text)
    return doc.cache[CACHE_HEADLINE]


def tone_label(compound: float) -> str:
    """``positive`` (≥ 0.05), ``negative`` (≤ −0.05) or ``neutral`` (VADER README thresholds); NaN: ``not scored``."""
    if math.isnan(compound):
        return NOT_SCORED
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def _compounds(doc: ParsedArticle) -> tuple[float, ...]:
    """Compound score of every body sentence (NaN when not scored), cached in ``doc.cache``."""
    if CACHE_COMPOUNDS not in doc.cache:
        doc.cache[CACHE_COMPOUNDS] = tuple(s["compound"] for s in sentence_scores(doc))
    return doc.cache[CACHE_COMPOUNDS]


def _scored(values: Sequence[float]) -> list[float]:
    return [v for v in values if not math.isnan(v)]


def _none_scored(n: int) -> Undefined:
    return Undefined(f"no sentence scored: each of the {n} body sentence(s) has more than {MAX_SENTENCE_WORDS} words")


def _scored_or_reason(doc: ParsedArticle) -> list[float] | Undefined:
    values = _compounds(doc)
    if not values:
        return Undefined(EMPTY_BODY)
    scored = _scored(values)
    return scored if scored else _none_scored(len(values))


@metric(family=FAMILY, higher_is="more positive")
def mean_compound(doc: ParsedArticle) -> float:
    """Mean VADER compound score of the scored body sentences: Σ compoundᵢ / n (Hutto & Gilbert, 2014).

    Range −1..1; NaN when the body has no sentences (or none of ≤ 250 words).
    """
    values = _scored_or_reason(doc)
    if isinstance(values, Undefined):
        return values
    return math.fsum(values) / len(values)


def _share(doc: ParsedArticle, label: str) -> float:
    values = _scored_or_reason(doc)
    if isinstance(values, Undefined):
        return values
    return sum(tone_label(v) == label for v in values) / len(values)


@metric(family=FAMILY, higher_is="more positive")
def share_positive_sentences(doc: ParsedArticle) -> float:
    """Share of scored body sentences with VADER compound ≥ 0.05 (Hutto & Gilbert, 2014; README threshold).

    NaN when the body has no sentences (or none scored).
    """
    return _share(doc, "positive")


@metric(family=FAMILY, higher_is="more negative")
def share_negative_sentences(doc: ParsedArticle) -> float:
    """Share of scored body sentences with VADER compound ≤ −0.05 (Hutto & Gilbert, 2014; README threshold).

    NaN when the body has no sentences (or none scored).
    """
    return _share(doc, "negative")


@metric(family=FAMILY, higher_is="more neutral")
def share_neutral_sentences(doc: ParsedArticle) -> float:
    """Share of scored body sentences with −0.05 < VADER compound < 0.05 (Hutto & Gilbert, 2014; README threshold).

    The three shares add to 1. NaN when the body has no sentences (or none scored).
    """
    return _share(doc, "neutral")


@metric(family=FAMILY, higher_is="more positive")
def headline_compound(doc: ParsedArticle) -> float:
    """VADER compound score of the headline, scored on its own (Hutto & Gilbert, 2014).

    NaN when the article has no headline (or it has more than 250 words).
    """
    scores = headline_scores(doc)
    if scores is None:
        return Undefined("no headline")
    return scores["compound"]


@metric(family=FAMILY, higher_is="more positive")
def lead_compound(doc: ParsedArticle) -> float:
    """Mean VADER compound score of the lead, the first body paragraph's scored sentences (Hutto & Gilbert, 2014).

    NaN when the body has no sentences (or no lead sentence is scored).
    """
    lead = doc.lead
    if not lead:
        return Undefined(EMPTY_BODY)
    values = _compounds(doc)
    scored = _scored([values[s.index] for s in lead])
    if not scored:
        return Undefined(f"no lead sentence scored: each of the {len(lead)} has more than {MAX_SENTENCE_WORDS} words")
    return math.fsum(scored) / len(scored)


@metric(family=FAMILY, higher_is="more sentences")
def n_scored_sentences(doc: ParsedArticle) -> float:
    """Number of body sentences scored with VADER (Hutto & Gilbert, 2014): the headline and sentences of
    more than 250 words are not counted."""
    return float(len(_scored(_compounds(doc))))


def fifth_of(index: int, n: int) -> int:
    """Which fifth (1–5) sentence ``index`` of ``n`` falls in, by its relative position (index + 0.5) / n.

    Exact integer arithmetic: 5·(2·index + 1) is odd and 2·k·n even, so no position lies on a boundary.
    """
    return (N_PARTS * (2 * index + 1)) // (2 * n) + 1


def tone_arc(doc: ParsedArticle) -> dict[str, float]:
    """Mean VADER compound per fifth of the body: target ``fifth_k`` for k = 1..5 (our choice of five parts).

    Sentence i of n belongs to fifth k when (k−1)/5 ≤ (i + 0.5)/n < k/5 (n counts every body
    sentence; unscored ones keep their place but add no value). A fifth without a scored sentence
    (e.g. bodies of fewer than five sentences) is NaN with a reason (Hutto & Gilbert, 2014).
    """
    values = _compounds(doc)
    n = len(values)
    parts: dict[int, list[float]] = {k: [] for k in range(1, N_PARTS + 1)}
    for i, v in enumerate(values):
        parts[fifth_of(i, n)].append(v)
    out: dict[str, float] = {}
    for k, vals in parts.items():
        scored = _scored(vals)
        if not n:
            out[f"fifth_{k}"] = Undefined(EMPTY_BODY)
        elif not vals:
            out[f"fifth_{k}"] = Undefined(f"no sentence falls in fifth {k} of a {n}-sentence body")
        elif not scored:
            out[f"fifth_{k}"] = Undefined(f"no sentence of fifth {k} scored: all have more than "
                                          f"{MAX_SENTENCE_WORDS} words")
        else:
            out[f"fifth_{k}"] = math.fsum(scored) / len(scored)
    return out


def _vader_text(text: str) -> str:
    """``text`` with emoji replaced by their descriptions, as ``polarity_scores`` does first."""
    emojis = analyzer().emojis
    chars: list[str] = []
    prev_space = True
    for ch in text:
        if ch in emojis:
            if not prev_space:
                chars.append(" ")
            chars.append(emojis[ch])
            prev_space = False
        else:
            chars.append(ch)
            prev_space = ch == " "
    return "".join(chars).strip()


def fired_entries(text: str) -> list[tuple[str, float]]:
    """VADER lexicon entries found in ``text``, in order: ``(entry, raw lexicon valence)`` (Hutto & Gilbert, 2014).

    One linear pass over VADER's own tokens (emoji described, edge punctuation stripped) against
    ``analyzer().lexicon``, skipping the tokens VADER never scores (booster words, "kind" in "kind
    of"). Valences are the raw lexicon values: VADER's rules (negation, boosters, capitals, "but",
    "least", idioms, ! and ?) are *not* replayed, so they need not sum to the score; the score always
    comes from ``polarity_scores``.
    """
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    lexicon = analyzer().lexicon
    words = SentiText(_vader_text(text)).words_and_emoticons
    out: list[tuple[str, float]] = []
    for i, word in enumerate(words):
        low = word.lower()
        if low in BOOSTER_DICT or (low == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of"):
            continue
        if low in lexicon:
            out.append((low, lexicon[low]))
    return out


def _signed(value: float) -> str:
    text = f"{abs(value):.3f}".rstrip("0").rstrip(".")
    if value < 0:
        return "−" + text
    return ("+" + text) if value > 0 else "0"


def describe_cue(text: str, compound: float) -> str:
    """Evidence cue: the lexicon entries found with their raw valences, then VADER's compound score.

    e.g. ``"war −2.9; aggression −1.2; compound −0.8"``. When the compound differs from the raw
    valences' sum normalised as VADER does (x / √(x² + 15)), VADER's rules changed it; the cue then
    ends ``"compound −0.341 (after VADER's rules)"``. A sentence too long to score gets the reason.
    """
    from vaderSentiment.vaderSentiment import normalize

    reason = too_long_reason(text)
    if reason:
        return reason
    entries = fired_entries(text)
    parts = [f"{word} {_signed(valence)}" for word, valence in entries] or ["no VADER lexicon entry"]
    raw = math.fsum(v for _, v in entries)
    adjusted = not math.isclose(round(normalize(raw), 4), compound, abs_tol=1e-9)
    return "; ".join([*parts, f"compound {_signed(compound)}" + (" (after VADER's rules)" if adjusted else "")])


def _evidence(sentence: Sentence, compound: float) -> Evidence:
    if sentence.index < 0:
        metric_name, target = "headline_compound", ""
    else:
        metric_name, target = "sentence_compound", f"sentence:{sentence.index}"
    return Evidence(metric_name, target, sentence.index, sentence.start, sentence.end, sentence.text,
                    describe_cue(sentence.text, compound))


def _record(sentence: Sentence, scores: Mapping[str, float]) -> dict[str, object]:
    compound = scores["compound"]
    return {"sentence_index": sentence.index, "paragraph_index": sentence.paragraph if sentence.index >= 0 else -1,
            **{k: scores[k] for k in SCORE_KEYS}, "tone": tone_label(compound), "note": reason_of(compound)}


@register_family(FAMILY)
def compute_sentiment(doc: ParsedArticle, settings: Settings) -> FamilyResult:
    """Lexical tone of one article: scalar metrics and the tone arc; per-sentence scores as evidence and records.

    Per-sentence compounds are not metrics (they are not comparable across articles sentence by
    sentence): they are in the evidence (metric ``sentence_compound``) and the ``sentence_tone`` records.
    """
    result = FamilyResult(measurements=scalar_measurements(doc, FAMILY))
    result.measurements += [Measurement.of("tone_arc", v, target) for target, v in tone_arc(doc).items()]
    rows: list[dict[str, object]] = []
    head = headline_scores(doc)
    if doc.headline is not None and head is not None:  # headline evidence: sentence_index -1
        result.evidence.append(_evidence(doc.headline, head["compound"]))
        rows.append(_record(doc.headline, head))
    for sentence, scores in zip(doc.sentences, sentence_scores(doc), strict=True):
        result.evidence.append(_evidence(sentence, scores["compound"]))
        rows.append(_record(sentence, scores))
    result.records["sentence_tone"] = rows
    return result
