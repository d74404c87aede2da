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
from functools import lru_cache
from typing import Any

from ..model import ParsedArticle, Sentence, Undefined
from .base import Evidence, FamilyResult, Measurement, Settings, metric, register_family, scalar_measurements

FAMILY = "sentiment"
POSITIVE_THRESHOLD = 0.05  # compound >= 0.05 is positive, <= -0.05 negative (VADER README convention)
NEGATIVE_THRESHOLD = -0.05
N_PARTS = 5  # tone arc: fifths of the article
CACHE_BODY = "vader_sentences"
CACHE_HEADLINE = "vader_headline"
EMPTY_BODY = "empty body: no sentences to score"


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The process's one ``SentimentIntensityAnalyzer`` (built lazily: it reads its lexicon file)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_version() -> str:
    """Installed vaderSentiment version (the lexicon ships inside that package)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vaderSentiment")
    except PackageNotFoundError:  # pragma: no cover - it is a hard dependency
        return "unknown"


def score_text(text: str) -> dict[str, float]:
    """VADER ``polarity_scores`` of ``text`` (keys neg, neu, pos, compound), exactly as vaderSentiment gives them.

    Score one sentence or one quote at a time: the compound score of long texts saturates
    towards ±1 (Hutto & Gilbert, 2014; vaderSentiment issue #151).
    """
    return dict(analyzer().polarity_scores(text))


def sentence_scores(doc: ParsedArticle) -> list[dict[str, float]]:
    """VADER scores (neg, neu, pos, compound) of each body sentence, index-aligned with ``doc.sentences``.

    Computed once per article and cached in ``doc.cache["vader_sentences"]`` (Hutto & Gilbert, 2014).
    """
    if CACHE_BODY not in doc.cache:
        doc.cache[CACHE_BODY] = [score_text(s.text) for s in doc.sentences]
    return [dict(s) for s in doc.cache[CACHE_BODY]]


def headline_scores(doc: ParsedArticle) -> dict[str, float] | None:
    """VADER scores of the headline, or ``None`` when the article has none (cached in ``doc.cache``)."""
    if doc.headline is None:
        return None
    if CACHE_HEADLINE not in doc.cache:
        doc.cache[CACHE_HEADLINE] = score_text(doc.headline.text)
    return dict(doc.cache[CACHE_HEADLINE])


def tone_label(compound: float) -> str:
    """``positive`` (≥ 0.05), ``negative`` (≤ −0.05) or ``neutral``: the VADER README thresholds."""
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def _compounds(doc: ParsedArticle) -> list[float]:
    return [s["compound"] for s in sentence_scores(doc)]


@metric(family=FAMILY, higher_is="more positive")
def mean_compound(doc: ParsedArticle) -> float:
    """Mean VADER compound score of the body sentences: Σ compoundᵢ / n (Hutto & Gilbert, 2014).

    Range −1..1; NaN when the body has no sentences.
    """
    values = _compounds(doc)
    if not values:
        return Undefined(EMPTY_BODY)
    return math.fsum(values) / len(values)


def _share(doc: ParsedArticle, label: str) -> float:
    values = _compounds(doc)
    if not values:
        return Undefined(EMPTY_BODY)
    return sum(tone_label(v) == label for v in values) / len(values)


@metric(family=FAMILY, higher_is="more positive")
def share_positive_sentences(doc: ParsedArticle) -> float:
    """Share of body sentences with VADER compound ≥ 0.05 (Hutto & Gilbert, 2014; README threshold).

    NaN when the body has no sentences.
    """
    return _share(doc, "positive")


@metric(family=FAMILY, higher_is="more negative")
def share_negative_sentences(doc: ParsedArticle) -> float:
    """Share of body sentences with VADER compound ≤ −0.05 (Hutto & Gilbert, 2014; README threshold).

    NaN when the body has no sentences.
    """
    return _share(doc, "negative")


@metric(family=FAMILY, higher_is="more neutral")
def share_neutral_sentences(doc: ParsedArticle) -> float:
    """Share of body sentences with −0.05 < VADER compound < 0.05 (Hutto & Gilbert, 2014; README threshold).

    The three shares add to 1. NaN when the body has no sentences.
    """
    return _share(doc, "neutral")


@metric(family=FAMILY, higher_is="more positive")
def headline_compound(doc: ParsedArticle) -> float:
    """VADER compound score of the headline, scored on its own (Hutto & Gilbert, 2014).

    NaN when the article has no headline.
    """
    scores = headline_scores(doc)
    if scores is None:
        return Undefined("no headline")
    return scores["compound"]


@metric(family=FAMILY, higher_is="more positive")
def lead_compound(doc: ParsedArticle) -> float:
    """Mean VADER compound score of the lead, the first body paragraph's sentences (Hutto & Gilbert, 2014).

    NaN when the body has no sentences.
    """
    lead = doc.lead
    if not lead:
        return Undefined(EMPTY_BODY)
    values = _compounds(doc)
    return math.fsum(values[s.index] for s in lead) / len(lead)


@metric(family=FAMILY, higher_is="more sentences")
def n_scored_sentences(doc: ParsedArticle) -> float:
    """Number of body sentences scored with VADER (Hutto & Gilbert, 2014); the headline is not counted."""
    return float(len(sentence_scores(doc)))


def fifth_of(index: int, n: int) -> int:
    """Which fifth (1–5) sentence ``index`` of ``n`` falls in, by its relative position (index + 0.5) / n.

    Exact integer arithmetic: 5·(2·index + 1) is odd and 2·k·n even, so no position lies on a boundary.
    """
    return (N_PARTS * (2 * index + 1)) // (2 * n) + 1


def tone_arc(doc: ParsedArticle) -> dict[str, float]:
    """Mean VADER compound per fifth of the body: target ``fifth_k`` for k = 1..5 (our choice of five parts).

    Sentence i of n belongs to fifth k when (k−1)/5 ≤ (i + 0.5)/n < k/5. A fifth without a
    sentence (bodies of fewer than five sentences) is NaN with a reason (Hutto & Gilbert, 2014).
    """
    values = _compounds(doc)
    n = len(values)
    parts: dict[int, list[float]] = {k: [] for k in range(1, N_PARTS + 1)}
    for i, v in enumerate(values):
        parts[fifth_of(i, n)].append(v)
    out: dict[str, float] = {}
    for k, vals in parts.items():
        if not n:
            out[f"fifth_{k}"] = Undefined(EMPTY_BODY)
        elif not vals:
            out[f"fifth_{k}"] = Undefined(f"no sentence falls in fifth {k} of a {n}-sentence body")
        else:
            out[f"fifth_{k}"] = math.fsum(vals) / len(vals)
    return out


def fired_entries(text: str) -> list[tuple[str, float, float]]:
    """VADER lexicon entries that fired in ``text``: ``(token, lexicon valence, valence after VADER's rules)``.

    Mirrors the token loop of ``SentimentIntensityAnalyzer.polarity_scores`` (emoji descriptions,
    booster and "kind of" skips, negation/booster/caps/"least" rules, the "but" rule) so the
    evidence shows what produced the score; the score itself always comes from ``polarity_scores``.
    """
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    sia = analyzer()
    chars: list[str] = []
    prev_space = True
    for ch in text:
        if ch in sia.emojis:
            if not prev_space:
                chars.append(" ")
            chars.append(sia.emojis[ch])
            prev_space = False
        else:
            chars.append(ch)
            prev_space = ch == " "
    senti = SentiText("".join(chars).strip())
    words = senti.words_and_emoticons
    valences: list[float] = []
    for i, item in enumerate(words):
        low = item.lower()
        if low in BOOSTER_DICT or (low == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of"):
            valences.append(0.0)
            continue
        valences = sia.sentiment_valence(0, senti, item, i, valences)
    valences = sia._but_check(words, valences)
    return [(w, sia.lexicon[w.lower()], float(v)) for w, v in zip(words, valences, strict=True)
            if w.lower() in sia.lexicon and w.lower() not in BOOSTER_DICT]


def _signed(value: float) -> str:
    text = f"{abs(value):.3f}".rstrip("0").rstrip(".")
    if value < 0:
        return "−" + text
    return ("+" + text) if value > 0 else "0"


def describe_cue(text: str, compound: float) -> str:
    """Evidence cue: the lexicon entries that fired with their valences, then the compound score.

    e.g. ``"war −2.9; aggression −2.2; compound −0.8"``; a valence changed by VADER's rules
    (negation, boosters, capitals, "but") is shown as ``"support +1.7 → −1.258"``.
    """
    parts = []
    for word, lex, adjusted in fired_entries(text):
        part = f"{word.lower()} {_signed(lex)}"
        if not math.isclose(lex, adjusted, abs_tol=1e-9):
            part += f" → {_signed(adjusted)}"
        parts.append(part)
    if not parts:
        parts.append("no VADER lexicon entry")
    return "; ".join([*parts, f"compound {_signed(compound)}"])


def _evidence(sentence: Sentence, compound: float) -> Evidence:
    if sentence.index < 0:
        metric_name, target = "headline_compound", ""
    else:
        metric_name, target = "sentence_compound", f"sentence:{sentence.index}"
    return Evidence(metric_name, target, sentence.index, sentence.start, sentence.end, sentence.text,
                    describe_cue(sentence.text, compound))


@register_family(FAMILY)
def compute_sentiment(doc: ParsedArticle, settings: Settings) -> FamilyResult:
    """Lexical tone of one article: scalar metrics, the tone arc and every sentence's compound score."""
    result = FamilyResult(measurements=scalar_measurements(doc, FAMILY))
    result.measurements += [Measurement.of("tone_arc", v, target) for target, v in tone_arc(doc).items()]
    rows: list[dict[str, object]] = []
    head = headline_scores(doc)
    if doc.headline is not None and head is not None:  # headline evidence: sentence_index -1
        result.evidence.append(_evidence(doc.headline, head["compound"]))
        rows.append({"sentence_index": -1, "paragraph_index": -1, **head, "tone": tone_label(head["compound"])})
    for sentence, scores in zip(doc.sentences, sentence_scores(doc), strict=True):
        compound = scores["compound"]
        result.measurements.append(Measurement.of("sentence_compound", compound, f"sentence:{sentence.index}"))
        result.evidence.append(_evidence(sentence, compound))
        rows.append({"sentence_index": sentence.index, "paragraph_index": sentence.paragraph, **scores,
                     "tone": tone_label(compound)})
    result.records["sentence_tone"] = rows
    return result
