"""Numeric claims: a quantity with its unit, referent, approximator and the source it is attributed to.

Our method (METHODS.md, "Numeric claims"): find every number in a sentence
(:func:`analysis.sourcing.numbers.find_numbers`), keep the quantities, read the unit and referent
noun after the number and the approximator before it, and find who the sentence attributes it to:

1. a direct quote of :func:`analysis.sourcing.quotes.find_quotes` whose content holds the number;
2. a same-sentence attribution frame whose scope holds the number: "according to X, …" / "…,
   according to X"; "X confirmed (that) …" (scope: from the verb to the end of the sentence, cut
   at a comma opening a non-restrictive clause such as ", where …"); "…, X said Tuesday, …" (scope:
   the text before the frame). The nearest frame wins;
3. an indirect, according-to or citing quote of the quote finder whose span holds the number,
   unless ", where/which …" or ";" stands between the quote's start and the number;
4. a direct quote with a speaker elsewhere in the same sentence.

``attributed_to`` keeps the phrase as printed; ``attributed_actor`` is its canonical actor: the
quote finder's speaker when a quote names the same source, else
:func:`analysis.entities.resolve_actor`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from ..frozen import quick_init
from ..lexicons import Lexicon, load_lexicon
from ..metrics.base import Evidence, FamilyResult, Measurement, Settings, flat_record
from ..model import MAX_SENTENCE_WORDS, ParsedArticle, Sentence, Undefined
from ._cache import compiled
from .hedges import HEDGES_LEXICON, load_hedge_lexicon
from .numbers import NumberExpr, find_numbers
from .quote_marks import sentence_word_counts
from .stance import ReportingVerbs, find_verb_hits, reporting_verbs_for

REFERENTS_LEXICON = "claim_referents.yaml"

_TIME_DETERMINERS = frozenset({"last", "next", "previous", "this", "each", "every"})  # "412,000 last week"
# Words that end the noun phrase after a number ("12,000 North Korean soldiers | have been …").
_STOP = frozenset("""is are was were be been being have has had will would could may might can should shall do does
    did that which who whom whose to in on at from with by for of since as and or but than including into over
    under about after before during per a an the its their his her this these those it they he she we
    across near along against between among amid through toward towards via while when where if""".split())
_DROP_MODIFIERS = frozenset("""more additional extra other another new such some about big small large major
    straight consecutive separate total whole full last next first previous different same top key""".split())
_TIME_DETERMINERS = frozenset({"last", "next", "previous", "this", "each", "every"})  # "412,000 last week"
# Words that end the noun phrase after a number: verbs, adverbs and words that are not nouns ("5 remain").
_NOT_NOUNS = frozenset("""remain remained died die say said were are is was have has had will would could can may might
    must should do did does so too also still already now then ago later earlier""".split())
_ED_NOUNS = frozenset("hundred red bed bread shed seed need speed feed creed sled deed reed weed steed".split())
_COMPARATIVES = frozenset("higher lower larger smaller bigger greater fewer older younger longer shorter".split())
_IRREGULAR_PLURALS = frozenset("""people men women children police personnel staff data media feet teeth mice geese
    cattle aircraft sheep fish deer series species""".split())
_INTRO = re.compile(r"^(?:(?:on|in|at|last|just|earlier|later|meanwhile|also|separately|however|but|and|yet|still|"
                    r"since|after|before|during)\b[^,]*,\s*)+", re.IGNORECASE)
_PRONOUNS = frozenset("it he she they we".split())
_SUBORDINATORS = re.compile(r"^.*\b(?:as|while|because|although|though|since|after|when|if|that|whereas|where|"
                            r"and that|but)\s+(?=\S)", re.IGNORECASE | re.DOTALL)
_PARENTHETICAL = re.compile(r",\s*(?:meanwhile|however|too|also|separately|for (?:its|their|his|her) part|"
                            r"in turn|though)\s*,", re.IGNORECASE)
_TRAILING_AUX = re.compile(r"(?:\s+(?:has|have|had|also|recently|previously|earlier|meanwhile|later|then|"
                           r"separately|reportedly|publicly|officially))+\s*$", re.IGNORECASE)


@quick_init
@dataclass(frozen=True, slots=True)
class NumericClaim:
    """A quantity in the body with what it counts and who says so."""

    sentence_index: int
    start: int  # body offsets of the whole expression (approximator + number + unit/referent)
    end: int
    surface: str  # "as many as 12,000 North Korean soldiers"
    value: float  # point value; for ranges and vague plurals ("thousands") the low end
    value_low: float
    value_high: float
    unit: str  # "soldiers", "square miles", "%", "USD", "years"
    referent: str  # normalised referent with its modifiers: "North Korean troops"; the measured quantity for units
    approximator: str  # "as many as", "around", "over", "nearly"; "" if exact
    attributed_to: str  # source phrase as printed; "" if unattributed
    attribution_cue: str  # "estimate", "confirmed", "according to", "said" …
    attributed_actor: str = ""  # canonical actor of attributed_to (resolve_actor), "" if none
    attribution_rule: str = ""  # which rule attributed it (see module docstring), "" if unattributed


@dataclass(frozen=True)
class _Rules:
    referents: dict[tuple[str, ...], str]  # lower-cased noun tokens -> normalised referent
    units: dict[tuple[str, ...], tuple[str, str]]  # lower-cased unit tokens -> (unit, measured quantity)
    currency_symbols: dict[str, str]
    currency_words: dict[tuple[str, ...], str]
    identifier_words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]  # attribution phrases, longest first
    scope_breakers: frozenset[str]
    trailing: frozenset[str]
    approximators: tuple[re.Pattern[str], ...]  # longest first, each anchored at the end of a text
    # lower-cased last words of the approximators (None: one is not a plain word, so no pre-test)
    approximator_ends: frozenset[str] | None = None
    count_nouns: frozenset[str] = frozenset()  # lower-cased first words of units and referents ("one year")
    aged_events: frozenset[str] = frozenset()  # "the three-year-old conflict": an age that is a claim


def _key(text: str) -> tuple[str, ...]:
    return tuple(text.lower().split())


def load_claim_rules(path: str | Path = REFERENTS_LEXICON, hedges: str | Path = HEDGES_LEXICON) -> _Rules:
    """Referents, units, currencies and attribution phrases (``claim_referents.yaml``) plus the
    approximators of the hedges lexicon ``hedges`` (bundled ``hedges.yaml``; one list serves both).

    Compiled once per loaded version of both files (cached on the :class:`~analysis.lexicons.Lexicon`
    objects that :func:`~analysis.lexicons.load_lexicon` caches per path and modification time)."""
    return compiled((load_lexicon(path), load_lexicon(hedges)), _compile)


def _compile(lex: Lexicon, hedges_lex: Lexicon) -> _Rules:
    d = lex.data
    referents = {_key(str(form)): str(name) for name, forms in (d.get("referents") or {}).items()
                 for form in forms or []}
    units = {_key(str(k)): (str(v[0]), str(v[1])) for k, v in (d.get("units") or {}).items()}
    approx = [e for e in load_hedge_lexicon(hedges_lex.path).entries if e.category == "approximator"]
    patterns = tuple(
        re.compile(r"(?:^|(?<=\W))(" + r"\s+".join("(?:" + "|".join(re.escape(a) for a in sorted(w)) + ")"
                                                  for w in e.words) + r")\s*$", re.IGNORECASE)
        for e in approx
    )
    ends = frozenset(a.lower() for e in approx if e.words for a in e.words[-1])
    return _Rules(
        referents=referents,
        units=units,
        currency_symbols={str(k): str(v) for k, v in (d.get("currency_symbols") or {}).items()},
        currency_words={_key(str(k)): str(v) for k, v in (d.get("currency_words") or {}).items()},
        identifier_words=frozenset(str(w).lower() for w in d.get("identifier_words") or []),
        phrases=tuple(sorted((_key(str(p)) for p in d.get("attribution_phrases") or []), key=len, reverse=True)),
        scope_breakers=frozenset(str(w).lower() for w in d.get("scope_breakers") or []),
        trailing=frozenset(str(w).lower() for w in d.get("frame_trailing_words") or []),
        approximators=patterns,
        approximator_ends=ends if all(_PLAIN_WORD.fullmatch(a) for a in ends) else None,
        count_nouns=frozenset(k[0] for k in (*referents, *units, *(_key(str(w)) for w in d.get("count_nouns") or []))
                              if k),
        aged_events=frozenset(str(w).lower() for w in d.get("aged_events") or []),
    )


# ---------------------------------------------------------------- unit and referent

_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[’'\-.][^\W_]+)*|[,;:.()\[\]“”\"—–]")  # "U.S." is one word


def _words_after(text: str, limit: int = 6) -> list[re.Match[str]]:
    """The first ``limit`` words and punctuation marks of ``text`` (the scan stops there)."""
    return list(islice(_WORD.finditer(text), limit))


def _lookup(words: list[str], table: dict[tuple[str, ...], Any], i: int) -> tuple[int, Any] | None:
    """Longest key of ``table`` starting at ``words[i]`` (lower-cased): (length, value)."""
    for n in range(min(4, len(words) - i), 0, -1):
        key = tuple(w.lower().rstrip(".") for w in words[i:i + n])
        if key in table:
            return n, table[key]
    return None


def _unit_and_referent(num: NumberExpr, after: str, rules: _Rules) -> tuple[str, str, int]:
    """Unit, referent and how many characters of ``after`` (text following the number) they span."""
    skip = re.match(r"^\s+of\s+", after) if num.vague else None
    base = skip.end() if skip else 0
    ms = _words_after(after[base:])
    words = [m.group() for m in ms]
    used = 0

    def upto(k: int) -> int:
        return base + ms[k].end() if ms else 0

    # the noun phrase: words until a stop word or punctuation
    phrase: list[int] = []
    for k, w in enumerate(words):
        if not w[0].isalnum() or w.lower() in _STOP:
            break
        phrase.append(k)
    if num.percent:
        # "50% of the voters"; a fraction also without "of": "more than half the country"
        of = re.match(r"^\s+of\s+(?:(?:the|its|their|his|her|all|these|those)\s+)?", after) or \
            (re.match(r"^\s+(?:the|its|their|his|her|all|these|those)\s+", after) if num.fraction else None)
        if of:
            tail = _words_after(after[of.end():], 4)
            nouns = []
            for m in tail:
                if not m.group()[0].isalnum() or m.group().lower() in _STOP or (nouns and _verbal(m.group().lower())):
                    break  # "two-thirds of voters said …": the referent is "voters"
                nouns.append(m)
            if nouns:
                return "%", " ".join(m.group() for m in nouns), of.end() + nouns[-1].end()
        elif num.fraction and phrase and "in" in num.text.lower().replace("-", " ").split():
            # a share "N in M" before its noun: "six-in-ten U.S. adults", "1 in 4 Americans"
            k = _head_noun(words, phrase[:4])
            if k is not None:
                mods = [words[j] for j in phrase if j < k and words[j].lower() not in _DROP_MODIFIERS]
                return "%", " ".join([*mods, words[k]]), upto(k)
        return "%", "", 0
    if num.currency:
        return num.currency, "", 0
    if phrase:
        cw = _lookup(words, rules.currency_words, 0)
        if cw:
            return cw[1], "", upto(cw[0] - 1)
    if num.unit_hint:
        # "three-year-old boy": an age; the referent is the noun it qualifies ("age of boy"). "a 10-year contract",
        # "a 5-mile walk": the quantity the unit measures (duration, distance), as for "10 years"; another unit
        # ("a 500-member force") keeps the noun it qualifies
        head = [words[k] for k in phrase][:3]
        noun = next((w for w in head if w.lower() not in _DROP_MODIFIERS), "")
        k = words.index(noun) if noun else -1
        measured = rules.units.get((num.unit_hint.lower(),))
        if num.age:
            referent = f"age of {noun}" if noun else "age"
        elif measured is not None:
            referent = measured[1]
        else:
            referent = noun
        return num.unit_hint, referent, (upto(k) if k >= 0 else 0)
    if len(phrase) >= 2 and words[0].lower() in _TIME_DETERMINERS and (
            (_lookup(words, rules.units, 1) or (0, ("", "")))[1][1] == "duration"):
        return "", "", 0  # "rose to 412,000 last week": when, not a duration of weeks
    for k in phrase:
        unit = _lookup(words, rules.units, k)
        if unit:
            n, (unit_name, quantity) = unit
            return unit_name, quantity, upto(k + n - 1)
        ref = _lookup(words, rules.referents, k)
        if ref:
            n, name = ref
            mods = [words[j] for j in phrase if j < k and words[j].lower() not in _DROP_MODIFIERS]
            unit_name = " ".join(words[k:k + n])
            return unit_name, " ".join([*mods, name]), upto(k + n - 1)
    # unknown noun: the head is the last noun-like word of the phrase ("3 new cases" -> cases); capitalised
    # words before it are modifiers ("North Korean"); a verb-like word ends the phrase ("20 killed")
    k = _head_noun(words, phrase[:4])
    if k is not None:
        mods = [words[j] for j in phrase if j < k and words[j].lower() not in _DROP_MODIFIERS]
        return words[k], " ".join([*mods, words[k].lower()]), upto(k)
    return "", "", used


def _verbal(low: str) -> bool:
    """A word that reads as a verb or adverb after a noun ("died", "wearing", "higher", "already")."""
    return (low.endswith(("ed", "ing")) and "-" not in low and low not in _ED_NOUNS) or low.endswith("ly") \
        or low in _NOT_NOUNS or low in _COMPARATIVES or low.endswith(("n't", "n’t"))


def _plural(low: str) -> bool:
    return low in _IRREGULAR_PLURALS or (low.endswith("s") and not low.endswith(("ss", "us", "is", "ous")))


def _head_noun(words: list[str], phrase: list[int]) -> int | None:
    """Index of the head noun of the words after a number, or None when none looks like a noun.

    A count is plural, so the head is the first plural-looking word ("10 points higher" -> points,
    "25 families losing" -> families); without one, the last noun-like word ("6 block radius" ->
    radius). Capitalised words are modifiers ("North Korean"); adjectives in ``_DROP_MODIFIERS`` and
    verb-like words before the noun ("12 armed men") are skipped; a verb-like word after it ends the
    phrase ("5 people died"). No part-of-speech tagger is used: this is a reading rule for news copy.
    """
    head = name = None
    for k in phrase:
        w = words[k]
        low = w.lower()
        if w[0].isupper():
            if head is not None and not _plural(words[head].lower()) and _plural(low):
                return k  # "millions of white Americans": an adjective, then the capitalised plural head
            name = k  # a modifier ("North Korean") or, with no lower-case noun after it, the head ("Dreamers")
            continue
        if _verbal(low):
            if head is not None or name is not None:
                break  # "800,000 Dreamers now facing …"
            continue
        if low in _DROP_MODIFIERS:
            continue
        head = k
        if _plural(low):
            if k + 1 in phrase and low in _IRREGULAR_PLURALS and not low.endswith("s") and _plural_noun(words[k + 1]):
                continue  # "20 police officers", "two negative media responses": a plural without -s as a modifier
            break
    return head if head is not None else name


def _plural_noun(word: str) -> bool:
    """A lower-case word that reads as a plural noun: not a verb or adverb form, not a dropped modifier."""
    low = word.lower()
    return word[:1].islower() and low.endswith("s") and _plural(low) and not _verbal(low) \
        and low not in _DROP_MODIFIERS


APPROX_WINDOW = 60  # characters before a number searched for an approximator (the longest is ~20)
UNIT_WINDOW = 200  # characters after a number read for its unit and referent (a few words)


_PLAIN_WORD = re.compile(r"[a-z]+")  # an approximator word the pre-test of _approximator can look up
_LAST_WORD = re.compile(r"(\w+)\s*$")


def _approximator(text: str, end: int, rules: _Rules) -> re.Match[str] | None:
    """The approximator ending at ``text[end]`` (where a number starts), searched in the characters just
    before it only (``pos``/``endpos``: "^" keeps meaning the real start, lookbehind sees back, nothing is
    copied).

    Each pattern ends with a whole word of its own and then only spaces: when the last word before ``end`` is
    no approximator's last word (and plain ASCII, so that case-folding cannot make it one), none can match
    and the patterns are not tried.
    """
    pos = max(0, end - APPROX_WINDOW)
    if rules.approximator_ends is not None:
        last = _LAST_WORD.search(text, pos, end)
        if last is None or (last.group(1).isascii() and last.group(1).lower() not in rules.approximator_ends):
            return None
    for pat in rules.approximators:
        m = pat.search(text, pos, end)
        if m:
            return m
    return None


# ---------------------------------------------------------------- attribution


@dataclass(frozen=True)
class AttributionFrame:
    """Who a stretch of a sentence is attributed to (offsets in the body)."""

    source: str  # as printed
    cue: str  # the verb form or phrase as printed
    scope_start: int
    scope_end: int
    anchor: int  # where the cue is; the nearest frame to a claim wins
    rule: str
    lemma: str = ""  # a reporting verb before the claim: its lemma (the quote finder says whether it reports)


def _clean_subject(text: str) -> str:
    s = _PARENTHETICAL.sub("", text)
    s = _INTRO.sub("", s.strip())
    m = _SUBORDINATORS.match(s)
    if m:
        s = s[m.end():]
    s = _TRAILING_AUX.sub("", s)
    s = s.strip(" ,;:—–-“”\"")
    return s


def _phrase_frames(sent: Sentence, rules: _Rules) -> list[AttributionFrame]:
    frames = []
    toks = sent.tokens
    rel = sent.start
    i = 0
    firsts = {p[0] for p in rules.phrases}
    while i < len(toks):
        hit = None
        if toks[i].lower not in firsts:  # most tokens start no attribution phrase
            i += 1
            continue
        for p in rules.phrases:
            win = toks[i:i + len(p)]
            if len(win) == len(p) and all(t.is_word and t.lower == w for t, w in zip(win, p, strict=True)):
                hit = p
                break
        if not hit:
            i += 1
            continue
        cue_start, cue_end = toks[i].start, toks[i + len(hit) - 1].end
        rest = sent.text[cue_end - rel:]
        m = re.match(r"^\s*([^,;—–]+)", rest)  # up to a comma, semicolon or dash
        source = m.group(1).strip().rstrip(".") if m else ""
        source_end = cue_end + (m.end() if m else 0)
        before = sent.text[:cue_start - rel].rstrip(" “\"")
        after_source = sent.text[source_end - rel:]
        if source and (not before or before.endswith(",")) and after_source.lstrip().startswith(","):
            if not before:
                frames.append(AttributionFrame(source, " ".join(hit), source_end, sent.end, cue_start,
                                               f"{' '.join(hit)} (before the claim)"))
            else:  # "X, citing Y, reported …": Y backs what follows
                frames.append(AttributionFrame(source, " ".join(hit), source_end, sent.end, cue_start,
                                               f"{' '.join(hit)} (inserted)"))
        elif source:
            frames.append(AttributionFrame(source, " ".join(hit), sent.start, cue_start, cue_start,
                                           f"{' '.join(hit)} (after the claim)"))
        i += len(hit)
    return frames


def _verb_frames(sent: Sentence, rules: _Rules, verbs: ReportingVerbs | None) -> list[AttributionFrame]:
    frames = []
    rel = sent.start
    for hit in find_verb_hits(sent, verbs):
        if hit.negated:
            continue
        before = sent.text[:hit.start - rel]
        if before.split() and before.split()[-1].lower() == "to":
            continue  # an infinitive ("prompting the governor to ask:", "is expected to announce") reports nothing
        after = sent.text[hit.end - rel:]
        trail = re.match(r"^((?:\s+[\w’'.]+)*?)\s*([,.;:!?]|$)", after)
        trailing_ok = bool(trail) and all(w.lower().rstrip(".") in rules.trailing
                                          for w in (trail.group(1).split() if trail else []))
        post = re.search(r"(?:^|[,;—–”\"])\s*([^,;—–”\"]{1,80})$", before)
        if trailing_ok and post and before.strip():
            # "…, X said Tuesday, …" / "“…,” X said.": X is the source of what precedes the frame
            source = _clean_subject(post.group(1))
            clause_start = sent.start
            if source:
                frames.append(AttributionFrame(source, hit.form, clause_start, rel + post.start(1), hit.start,
                                               f"'{hit.form}' after the claim", hit.lemma))
            continue
        last_word = before.split()[-1].lower() if before.split() else ""
        if last_word in _PRONOUNS:
            # "X said it intercepted what it claims are …": the pronoun is the subject of the
            # nearest earlier frame in the sentence, else left as printed
            earlier = [f for f in frames if f.anchor < hit.start]
            source = earlier[-1].source if earlier else before.split()[-1]
        else:
            source = _clean_subject(before)
        if not source or len(source.split()) > 15:
            continue
        end = sent.end
        cut = re.search(r",\s*(" + "|".join(sorted(rules.scope_breakers)) + r")\b|;", after, re.IGNORECASE)
        if cut and rules.scope_breakers:
            end = hit.end + cut.start()
        frames.append(AttributionFrame(source, hit.form, hit.end, end, hit.end, f"'{hit.form}' before the claim",
                                       hit.lemma))
    return frames


def attribution_frames(sent: Sentence, rules: _Rules | None = None,
                       verbs: ReportingVerbs | None = None) -> list[AttributionFrame]:
    """Same-sentence attribution frames: "according to X", "X said (that) …", "…, X said".

    ``verbs`` defaults to the bundled reporting verbs (:func:`analysis.sourcing.stance.load_reporting_verbs`).
    """
    rules = rules or load_claim_rules()
    return _phrase_frames(sent, rules) + _verb_frames(sent, rules, verbs)


def _frame_for(pos: int, frames: Sequence[AttributionFrame]) -> AttributionFrame | None:
    covering = [f for f in frames if f.scope_start <= pos < f.scope_end]
    before = [f for f in covering if f.anchor <= pos]
    if before:
        return max(before, key=lambda f: f.anchor)
    after = [f for f in covering if f.anchor > pos]
    return min(after, key=lambda f: f.anchor) if after else None


def _speaker(q: Any) -> str:
    return str(getattr(q, "speaker_surface", "") or getattr(q, "speaker", ""))


def _cue(q: Any) -> str:
    return str(getattr(q, "verb", "") or str(getattr(q, "kind", "")).replace("_", " "))


def _quote_holding(pos: int, sentence_index: int, quotes: Sequence[Any], direct: bool) -> Any | None:
    """A quote with a speaker whose content span holds body offset ``pos`` (direct or not)."""
    for q in quotes:
        if not getattr(q, "speaker", "") or (getattr(q, "kind", "") == "direct") != direct:
            continue
        first = q.sentence_index
        if first <= sentence_index <= getattr(q, "end_sentence_index", first) and q.start <= pos < q.end:
            return q
    return None


def _sentence_quote(sentence_index: int, quotes: Sequence[Any]) -> Any | None:
    for q in quotes:
        first = q.sentence_index
        last = getattr(q, "end_sentence_index", first)
        if getattr(q, "speaker", "") and getattr(q, "kind", "") == "direct" and first <= sentence_index <= last:
            return q
    return None


def _report_of(frame: AttributionFrame, pos: int, sent: Sentence, quotes: Sequence[Any]) -> Any | None:
    """The quote finder's report made by the verb of ``frame`` (same sentence and lemma, its content opening after
    the verb, holding ``pos``), or None when the finder read no report there.

    The finder decides what a reporting verb reports and who its subject is ("President Biden", not the words
    before the verb, "President Biden will"); a verb it read as no report ("U.S. employers added 266,000 jobs",
    "the initially reported 478,000", "Continuing claims …") attributes nothing.
    """
    after = frame.anchor > pos  # "…, X said": the report's content ends before the verb
    inner = [q for q in quotes if getattr(q, "kind", "") != "direct" and getattr(q, "verb", "") == frame.lemma
             and q.sentence_index == sent.index and q.start <= pos < q.end and _speaker(q)
             and (q.end <= frame.anchor if after else frame.anchor <= q.start)]
    return max(inner, key=lambda q: q.start) if inner else None


def _phrase_report(frame: AttributionFrame, pos: int, sent: Sentence, quotes: Sequence[Any]) -> Any | None:
    """The quote finder's according-to or citing report holding ``pos`` in the sentence of ``frame`` whose speaker
    phrase lies inside the frame's source ("estimates released Wednesday by the Social Security Administration" ->
    "the Social Security Administration"), or None."""
    kind = "citing" if frame.cue.lower().startswith("citing") else "according_to"
    inner = [q for q in quotes if getattr(q, "kind", "") == kind and q.sentence_index == sent.index
             and q.start <= pos < q.end and _speaker(q) and str(getattr(q, "speaker_surface", "")) in frame.source]
    return max(inner, key=lambda q: q.start) if inner else None


def _breaks_scope(text: str, rules: _Rules) -> bool:
    """Whether ``text`` (from a frame's content start to a claim) crosses ", where/which …" or ";"."""
    words = "|".join(sorted(rules.scope_breakers)) or "(?!)"
    return bool(re.search(r",\s*(?:" + words + r")\b|;", text, re.IGNORECASE))


def attribute(pos: int, sent: Sentence, frames: Sequence[AttributionFrame], quotes: Sequence[Any],
              rules: _Rules) -> tuple[str, str, str, Any | None]:
    """(source as printed, cue, rule, quote used or None) for a claim at body offset ``pos``.

    Order: a direct quote holding the claim; the nearest same-sentence frame whose scope holds it (a reporting
    verb before the claim only through the quote finder's report of that verb, with the finder's speaker);
    an indirect / according-to / citing quote of the quote finder holding it (unless a
    non-restrictive clause or ";" stands between the quote's start and the claim); a direct quote
    with a speaker elsewhere in the sentence.
    """
    q = _quote_holding(pos, sent.index, quotes, direct=True)
    if q is not None:
        return _speaker(q), _cue(q), "inside a direct quote", q
    frames = list(frames)
    while (frame := _frame_for(pos, frames)) is not None:
        if not frame.lemma:  # "according to X", "citing X": the finder's speaker of the same phrase when it has one
            q = _phrase_report(frame, pos, sent, quotes)  # ("estimates released … by the SSA" -> the SSA)
            return (_speaker(q), frame.cue, frame.rule, q) if q is not None else (frame.source, frame.cue, frame.rule,
                                                                                   None)
        q = _report_of(frame, pos, sent, quotes)
        if q is not None:
            return _speaker(q), frame.cue, frame.rule, q
        frames.remove(frame)  # the finder read no report in the verb: "employers added 266,000 jobs"
    q = _quote_holding(pos, sent.index, quotes, direct=False)
    if q is not None and not _breaks_scope(sent.text[max(q.start - sent.start, 0):pos - sent.start], rules):
        return _speaker(q), _cue(q), f"inside an {str(getattr(q, 'kind', 'indirect')).replace('_', ' ')} quote", q
    q = _sentence_quote(sent.index, quotes)
    if q is not None:
        return _speaker(q), _cue(q), "direct quote in the same sentence", q
    return "", "", "", None


# ---------------------------------------------------------------- claims


Resolver = Callable[[str, ParsedArticle, Settings, int, int], str]


def _default_resolver(surface: str, doc: ParsedArticle, settings: Settings, sentence_index: int, start: int) -> str:
    from .entity_layer import actor_resolver

    resolve_actor = actor_resolver()
    if resolve_actor is None:
        return ""
    m = resolve_actor(surface, doc, settings, sentence_index=sentence_index, start=start)
    return m.actor if m is not None else ""


def find_claims(doc: ParsedArticle, settings: Settings, *, quotes: Sequence[Any] | None = None,
                resolve: Resolver | None = None) -> list[NumericClaim]:
    """Every numeric claim in the body, in reading order (our method; see the module docstring).

    ``quotes`` defaults to :func:`analysis.sourcing.quotes.find_quotes`; ``resolve`` (surface,
    doc, settings, sentence_index, start) -> canonical actor name defaults to
    :func:`analysis.entities.resolve_actor`. With both defaults the result is cached on ``doc``. The
    reporting verbs and the approximators come from ``settings.reporting_verbs_file`` and
    ``settings.hedges_file`` when set (the bundled files otherwise).
    """
    from .quotes import settings_key

    hedges_file = getattr(settings, "hedges_file", None)
    cache_key = f"claims:{settings_key(settings)}|{hedges_file or ''}"
    cacheable = quotes is None and resolve is None
    if cacheable and cache_key in doc.cache:
        return list(doc.cache[cache_key])
    if quotes is None:
        from .quotes import find_quotes

        quotes = find_quotes(doc, settings)
    resolve = resolve or _default_resolver
    rules = load_claim_rules(hedges=Path(hedges_file) if hedges_file else HEDGES_LEXICON)
    verbs = reporting_verbs_for(settings)
    claims: list[NumericClaim] = []
    by_sentence: dict[int, list[Any]] = {}  # the quotes of each sentence they run over (not all quotes per claim)
    for q in quotes:
        for i in range(q.sentence_index, getattr(q, "end_sentence_index", q.sentence_index) + 1):
            by_sentence.setdefault(i, []).append(q)
    resolved: dict[str, str] = {}  # a source phrase resolves once per article
    for sent, n_words in zip(doc.sentences, sentence_word_counts(doc), strict=True):  # counts shared with the finder
        numbers = [n for n in find_numbers(sent.text, sent.start, identifier_words=rules.identifier_words,
                                           currency_symbols=rules.currency_symbols, count_nouns=rules.count_nouns,
                                           aged_events=rules.aged_events)
                   if n.is_quantity]
        if not numbers:
            continue
        # a sentence too long to search (quotes.MAX_SENTENCE_WORDS) has no attribution frames
        frames = [] if n_words > MAX_SENTENCE_WORDS else attribution_frames(sent, rules, verbs)
        here = by_sentence.get(sent.index, [])
        for num in numbers:
            rel_start, rel_end = num.start - sent.start, num.end - sent.start
            unit, referent, span = _unit_and_referent(num, sent.text[rel_end:rel_end + UNIT_WINDOW], rules)
            approx_m = _approximator(sent.text, rel_start, rules)
            start = sent.start + approx_m.start(1) if approx_m else num.start
            end = num.end + span
            approximator = approx_m.group(1).lower() if approx_m else ""
            source, cue, rule, quote = attribute(num.start, sent, frames, here, rules)
            actor = ""
            if quote is not None:
                actor = str(getattr(quote, "speaker", ""))
            elif source:
                # a quote of the finder naming the same source gives its canonical speaker
                same = [q for q in here if q.sentence_index == sent.index and _speaker(q)
                        and _speaker(q) in source and getattr(q, "speaker", "")]
                if same:
                    actor = str(same[0].speaker)
                else:
                    if source not in resolved:
                        offset = sent.text.find(source)
                        resolved[source] = resolve(source, doc, settings, sent.index, sent.start + max(offset, 0))
                    actor = resolved[source]
            claims.append(NumericClaim(
                sent.index, start, end, doc.body[start:end], num.value, num.value_low, num.value_high, unit,
                referent, approximator, source, cue, actor, rule,
            ))
    if cacheable:
        doc.cache[cache_key] = list(claims)
    return claims


def claim_result(doc: ParsedArticle, settings: Settings, *, quotes: Sequence[Any] | None = None,
                 resolve: Resolver | None = None) -> FamilyResult:
    """Numeric claims of one article (our method, METHODS.md "Numeric claims").

    ``n_numeric_claims`` = quantities in the body (dates, years, times, ordinals, identifiers and
    model names excluded); ``n_attributed_claims`` = those attributed to a source. Both undefined
    when the body has no words. Records table ``claims`` (every :class:`NumericClaim` field).
    """
    if doc.n_words == 0:
        reason = "empty body: no text to find numeric claims in"
        return FamilyResult(measurements=[Measurement.of("n_numeric_claims", Undefined(reason)),
                                          Measurement.of("n_attributed_claims", Undefined(reason))],
                            records={"claims": []})
    claims = find_claims(doc, settings, quotes=quotes, resolve=resolve)
    measurements = [
        Measurement.of("n_numeric_claims", len(claims)),
        Measurement.of("n_attributed_claims", sum(1 for c in claims if c.attributed_to)),
    ]
    evidence = [
        Evidence("n_numeric_claims", c.referent, c.sentence_index, c.start, c.end, doc.sentences[c.sentence_index].text,
                 f"{c.surface} ← {c.attributed_to}" if c.attributed_to else f"{c.surface} (unattributed)")
        for c in claims
    ]
    return FamilyResult(measurements=measurements, evidence=evidence,
                        records={"claims": [flat_record(c) for c in claims]})
