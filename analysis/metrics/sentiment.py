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
import string
import threading
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
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
CACHE_ENTRIES = "vader_entries"  # the lexicon entries VADER scored in each body sentence, for the evidence cues
CACHE_HEADLINE_ENTRIES = "vader_headline_entries"
EMPTY_BODY = "empty body: no sentences to score"
SCORE_KEYS = ("neg", "neu", "pos", "compound")
NOT_SCORED = "not scored"


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The process's one VADER analyser (built lazily: it reads its lexicon file); see :func:`_fast_analyzer_class`."""
    return _fast_analyzer_class()()


def _fast_analyzer_class() -> type:
    """vaderSentiment's ``SentimentIntensityAnalyzer`` with two of its checks made linear, same results.

    vaderSentiment 3.3.2's ``_negation_check`` and ``_special_idioms_check`` lower-case the whole sentence
    again for every lexicon word they look at (quadratic in the sentence length). These overrides are the
    same code over one lower-cased copy per sentence (per thread), kept while the sentence is scored; ``negated([w])``
    is written out for its one-word case (``w`` in ``NEGATE`` or containing "n't"). Scores are identical
    to ``polarity_scores`` (tests/test_sentiment.py compares every seed sentence, tricky rule cases and,
    when present, the development corpus).
    """
    from vaderSentiment import vaderSentiment as v

    negate = frozenset(v.NEGATE)

    def is_negation(word: str) -> bool:
        w = str(word).lower()
        return w in negate or "n't" in w

    memo = threading.local()  # per thread: Dask workers may score sentences in several threads at once

    class FastAnalyzer(v.SentimentIntensityAnalyzer):
        def _lowered(self, words: list[str]) -> list[str]:
            if getattr(memo, "words", None) is not words:
                memo.words, memo.lower = words, [str(w).lower() for w in words]
            return memo.lower

        def _negation_check(self, valence: float, words_and_emoticons: list[str], start_i: int, i: int) -> float:
            low = self._lowered(words_and_emoticons)
            if start_i == 0:
                if is_negation(low[i - (start_i + 1)]):
                    valence = valence * v.N_SCALAR
            if start_i == 1:
                if low[i - 2] == "never" and (low[i - 1] == "so" or low[i - 1] == "this"):
                    valence = valence * 1.25
                elif low[i - 2] == "without" and low[i - 1] == "doubt":
                    valence = valence
                elif is_negation(low[i - (start_i + 1)]):
                    valence = valence * v.N_SCALAR
            if start_i == 2:
                if (low[i - 3] == "never" and (low[i - 2] == "so" or low[i - 2] == "this")) or (
                        low[i - 1] == "so" or low[i - 1] == "this"):
                    valence = valence * 1.25
                elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
                    valence = valence
                elif is_negation(low[i - (start_i + 1)]):
                    valence = valence * v.N_SCALAR
            return valence

        def _special_idioms_check(self, valence: float, words_and_emoticons: list[str], i: int) -> float:
            low = self._lowered(words_and_emoticons)
            onezero = f"{low[i - 1]} {low[i]}"
            twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
            twoone = f"{low[i - 2]} {low[i - 1]}"
            threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
            threetwo = f"{low[i - 3]} {low[i - 2]}"
            for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
                if seq in v.SPECIAL_CASES:
                    valence = v.SPECIAL_CASES[seq]
                    break
            if len(low) - 1 > i:
                zeroone = f"{low[i]} {low[i + 1]}"
                if zeroone in v.SPECIAL_CASES:
                    valence = v.SPECIAL_CASES[zeroone]
            if len(low) - 1 > i + 1:
                zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
                if zeroonetwo in v.SPECIAL_CASES:
                    valence = v.SPECIAL_CASES[zeroonetwo]
            for n_gram in (threetwoone, threetwo, twoone):
                if n_gram in v.BOOSTER_DICT:
                    valence = valence + v.BOOSTER_DICT[n_gram]
            return valence

    return FastAnalyzer


class VaderWords:
    """vaderSentiment 3.3.2's ``SentiText`` of a ``str``, built without a method call per word: the same
    ``words_and_emoticons`` (white-space split, edge punctuation stripped unless two or fewer characters would be
    left) and ``is_cap_diff`` (some but not all words in capitals). Compared with ``SentiText`` on tricky cases
    and every sentence of the development corpora in tests/test_sentiment.py."""

    __slots__ = ("is_cap_diff", "text", "words_and_emoticons")

    def __init__(self, text: str) -> None:
        self.text = text
        words, capitals, punctuation = [], 0, _PUNCTUATION
        for word in text.split():
            bare = word.strip(punctuation)
            if len(bare) > 2:
                word = bare
            words.append(word)
            if word.isupper():
                capitals += 1
        self.words_and_emoticons = words
        self.is_cap_diff = 0 < len(words) - capitals < len(words)


_PUNCTUATION = string.punctuation


def score_text(text: str) -> dict[str, float]:
    """VADER ``polarity_scores`` of ``text`` (keys neg, neu, pos, compound), exactly as vaderSentiment gives them.

    Score one sentence or one quote at a time: the compound score of long texts saturates
    towards ±1 (Hutto & Gilbert, 2014; vaderSentiment issue #151). No length cap here: callers
    scoring segmenter output should check :func:`too_long_reason` first (VADER is quadratic in length).
    """
    return dict(_analyse(text)[0])


Entries = list[tuple[str, float]]  # (lexicon entry, raw valence) in text order: :func:`fired_entries`


def _analyse(text: str) -> tuple[dict[str, float], Entries]:
    """``polarity_scores(text)`` and the lexicon entries it scored (:func:`fired_entries` of ``text``), from one
    tokenisation.

    The steps of vaderSentiment 3.3.2's ``polarity_scores``, in its order and with its own methods
    (``sentiment_valence``, ``_but_check``, ``score_valence``), so the scores are identical (tested on
    every seed sentence and, when present, the development corpus). The words it passes to
    ``sentiment_valence`` are those :func:`fired_entries` lists (in the lexicon, not a booster, not "kind" in
    "kind of"), so the evidence cue's entries are collected here instead of in a second pass over the tokens.
    """
    from vaderSentiment.vaderSentiment import BOOSTER_DICT

    vader = analyzer()
    clean = _vader_text(text)
    sentitext = VaderWords(clean)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    entries: Entries = []
    last = len(words) - 1
    lexicon = vader.lexicon
    lows = [w.lower() for w in words]
    scorable = _scorable(vader, BOOSTER_DICT)
    # only a lexicon word that is no booster is scored; every other word's valence is the 0 it was given
    # (sentiment_valence would append it unchanged), so the zeros are added in runs, not one call per word
    for i in [i for i, low in enumerate(lows) if low in scorable]:
        low = lows[i]
        if low == "kind" and i < last and lows[i + 1] == "of":
            continue
        if len(sentiments) < i:
            sentiments.extend([0] * (i - len(sentiments)))
        entries.append((low, lexicon[low]))
        sentiments = vader.sentiment_valence(0, sentitext, words[i], i, sentiments)
    if len(sentiments) < len(words):
        sentiments.extend([0] * (len(words) - len(sentiments)))
    sentiments = vader._but_check(words, sentiments)
    return vader.score_valence(sentiments, clean), entries


_SCORABLE: dict[int, frozenset[str]] = {}  # id of an analyser -> its lexicon words that are no booster


def _scorable(vader: Any, boosters: Mapping[str, float]) -> frozenset[str]:
    """The words of ``vader``'s lexicon that it scores (not a booster or dampener), computed once per analyser."""
    words = _SCORABLE.get(id(vader))
    if words is None:
        words = _SCORABLE[id(vader)] = frozenset(vader.lexicon) - frozenset(boosters)
    return words


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


class Scores(Mapping[str, float]):
    """VADER's four scores of one text (:data:`SCORE_KEYS`), a read-only mapping: one small object per sentence
    (a dict behind a ``MappingProxyType`` was about 300 bytes; a 5 MB article has 40,000 sentences)."""

    __slots__ = ("compound", "neg", "neu", "pos")  # SCORE_KEYS, read through __getitem__

    def __init__(self, neg: float, neu: float, pos: float, compound: float) -> None:
        for key, value in zip(SCORE_KEYS, (neg, neu, pos, compound), strict=True):
            object.__setattr__(self, key, value)

    def __getitem__(self, key: str) -> float:
        if key not in SCORE_KEYS:
            raise KeyError(key)
        return getattr(self, key)  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(SCORE_KEYS)

    def __len__(self) -> int:
        return len(SCORE_KEYS)

    def __setattr__(self, name: str, value: object) -> None:
        raise TypeError("VADER scores are read-only")

    def __repr__(self) -> str:
        return f"Scores({dict(self)!r})"


def _score_capped(text: str) -> tuple[Mapping[str, float], Entries | None]:
    """Read-only scores of ``text`` and the lexicon entries they scored (``None`` when it is too long to score)."""
    reason = too_long_reason(text)
    if reason:
        return Scores(*(Undefined(reason) for _ in SCORE_KEYS)), None
    scores, entries = _analyse(text)
    return Scores(*(scores[k] for k in SCORE_KEYS)), entries


def sentence_scores(doc: ParsedArticle) -> Sequence[Mapping[str, float]]:
    """VADER scores (neg, neu, pos, compound) of each body sentence, index-aligned with ``doc.sentences``.

    Each equals ``polarity_scores`` of the sentence text (Hutto & Gilbert, 2014); a sentence of more
    than 250 words is not scored (all four values ``Undefined`` with the reason, see
    :func:`too_long_reason`). Computed once per article, cached in ``doc.cache["vader_sentences"]``
    and returned as read-only mappings (no copy).
    """
    if CACHE_BODY not in doc.cache:
        scored = [_score_capped(s.text) for s in doc.sentences]
        doc.cache[CACHE_BODY] = tuple(scores for scores, _ in scored)
        doc.cache[CACHE_ENTRIES] = tuple(entries for _, entries in scored)
    return doc.cache[CACHE_BODY]


def headline_scores(doc: ParsedArticle) -> Mapping[str, float] | None:
    """VADER scores of the headline (read-only, cached), or ``None`` when the article has none; capped as above."""
    if doc.headline is None:
        return None
    if CACHE_HEADLINE not in doc.cache:
        doc.cache[CACHE_HEADLINE], doc.cache[CACHE_HEADLINE_ENTRIES] = _score_capped(doc.headline.text)
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


@lru_cache(maxsize=1)
def _emoji_chars() -> frozenset[str]:
    """The single characters ``polarity_scores`` replaces by their description (it tests character by character)."""
    return frozenset(k for k in analyzer().emojis if len(k) == 1)


def _vader_text(text: str) -> str:
    """``text`` with emoji replaced by their descriptions, then stripped, as ``polarity_scores`` does first."""
    if _emoji_chars().isdisjoint(text):
        return text.strip()
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


def fired_entries(text: str, words: list[str] | None = None) -> list[tuple[str, float]]:
    """VADER lexicon entries found in ``text``, in order: ``(entry, raw lexicon valence)`` (Hutto & Gilbert, 2014).

    One linear pass over VADER's own tokens (emoji described, edge punctuation stripped; ``words`` when
    the caller has them from :func:`_analyse`) against ``analyzer().lexicon``, skipping the tokens VADER
    never scores (booster words, "kind" in "kind of"). Valences are the raw lexicon values: VADER's rules
    (negation, boosters, capitals, "but", "least", idioms, ! and ?) are *not* replayed, so they need not
    sum to the score; the score always comes from ``polarity_scores``.
    """
    from vaderSentiment.vaderSentiment import BOOSTER_DICT

    lexicon = analyzer().lexicon
    if words is None:
        words = VaderWords(_vader_text(text)).words_and_emoticons
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


def describe_cue(text: str, compound: float, words: list[str] | None = None, *, entries: Entries | None = None) -> str:
    """Evidence cue: the lexicon entries found with their raw valences, then VADER's compound score.

    e.g. ``"war −2.9; aggression −1.2; compound −0.8"``. When the compound differs from the raw
    valences' sum normalised as VADER does (x / √(x² + 15)), VADER's rules changed it; the cue then
    ends ``"compound −0.341 (after VADER's rules)"``. A sentence too long to score gets the reason.
    ``entries``: :func:`fired_entries` of ``text`` as :func:`_analyse` collected them while scoring it (a scored
    text is not too long).
    """
    from vaderSentiment.vaderSentiment import normalize

    if entries is None:
        reason = too_long_reason(text)
        if reason:
            return reason
        entries = fired_entries(text, words)
    parts = [f"{word} {_signed(valence)}" for word, valence in entries] or ["no VADER lexicon entry"]
    raw = math.fsum(v for _, v in entries)
    adjusted = not math.isclose(round(normalize(raw), 4), compound, abs_tol=1e-9)
    return "; ".join([*parts, f"compound {_signed(compound)}" + (" (after VADER's rules)" if adjusted else "")])


def _evidence(sentence: Sentence, compound: float, entries: Entries | None) -> Evidence:
    if sentence.index < 0:
        metric_name, target = "headline_compound", ""
    else:
        metric_name, target = "sentence_compound", f"sentence:{sentence.index}"
    return Evidence(metric_name, target, sentence.index, sentence.start, sentence.end, sentence.text,
                    describe_cue(sentence.text, compound, entries=entries))


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
        result.evidence.append(_evidence(doc.headline, head["compound"], doc.cache[CACHE_HEADLINE_ENTRIES]))
        rows.append(_record(doc.headline, head))
    scored = sentence_scores(doc)
    # the entries VADER scored in every sentence are read here only: dropped from doc.cache; a second call
    # scores again
    entries_of = doc.cache.pop(CACHE_ENTRIES, None)
    if entries_of is None:
        entries_of = tuple(_score_capped(s.text)[1] for s in doc.sentences)
    for sentence, scores, entries in zip(doc.sentences, scored, entries_of, strict=True):
        result.evidence.append(_evidence(sentence, scores["compound"], entries))
        rows.append(_record(sentence, scores))
    result.records["sentence_tone"] = rows
    return result
