"""Quotes in the headline: quoted words between quotation marks, with the headline's own attribution styles.

Headlines follow their own conventions (AP Stylebook, "headlines"): single quotation marks instead of
double ("Biden: ‘We will not back down’"), the speaker before a colon ("Goya Foods CEO: ‘We’re all truly
blessed…’"), a trailing attribution without a verb in the past ("…, mayor says"), and Title Case. The
body's quote finder (:mod:`.finder`) is run on the headline as a text of its own, after a paired single
mark is read as a double one (same length, so offsets stay headline offsets), and only what a headline
can attribute is kept:

1. **colon**: the quote opens after the headline's first colon and the words before it (up to "on",
   "to", "at", a comma or a dash: "Jeb Bush to Lester Holt:", "Trump, asked why …:") name a person or
   organisation the entity layer found in the headline, or are a role description ("CDC director"); a
   label ("OPINION:", "Watch:", "Flashback:") is no speaker;
2. **verb**: the finder attributes the quote through a reporting verb (speaker before or after it,
   "‘…’ say researchers"), or the quoted words sit inside an attributed clause ("Trump insists it's
   everyone's ‘personal choice’": the words are Trump's);
3. otherwise the quote stays **unattributed** (speaker ""): a quote that opens the headline before a
   colon ("‘Pure insanity’: Emails show …") names its speaker only in the body.

A quoted span of at most :data:`analysis.sourcing.quote_words.SCARE_MAX_WORDS` words with no speaker is a
scare quote or quoted name, as in the body, and is not listed. Headline quotes are rows of the quotes table
with ``sentence_index`` -1 and offsets into the headline; they are not counted in the body's sourcing
measures (the story's sources are those of its text; a headline quote is nearly always repeated there)
but in ``headline_quotes`` and ``headline_quotes_attributed``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..lexicons import load_lexicon
from ..metrics.base import Evidence, FamilyResult, Measurement, flat_record
from ..model import CleanedText, Paragraph, ParsedArticle, Sentence, Undefined
from ..segment import sentence_spans, tokenize
from .entity_layer import all_mentions
from .profile import classify_speaker, source_types_for
from .quote_records import Quote
from .quote_words import SCARE_MAX_WORDS
from .speakers import PRONOUNS_FILE, load_pronoun_cues
from .stance import frame_verbs_for, reporting_verbs_for

if TYPE_CHECKING:
    from ..metrics.base import Settings

# A paired single mark: opens at the start or after a space, colon, bracket or dash, closes before a space,
# punctuation or the end ("‘It will fail’:", "'Disturbed' by"); an apostrophe inside a word ("Don’t") is
# neither (the pair needs a non-space next to each mark and a boundary outside it).
_SINGLE_PAIR = re.compile(r"(?:(?<=^)|(?<=[\s(\[:—–-]))([‘'])(?=[^\s’'])(.+?)(?<=[^\s‘'])([’'])"
                          r"(?=$|[\s,.:;!?)\]—–-])")
_DOUBLE = re.compile(r"[\"“”]")
# First words of a colon label that names no speaker (besides the body's speakers.LABELS).
HEADLINE_LABELS = frozenset("""opinion op-ed oped editorial commentary column analysis explainer exclusive breaking
    live update updated watch video photos photo listen podcast poll flashback review read report fact check factcheck
    new just in revealed""".split())
# Where a colon speaker phrase stops: "Jeb Bush to Lester Holt:", "Nick Sandmann on encounter …:", "Trump, asked …:".
_TRAILING_SOURCE = re.compile(r"(?::|\s[—–-])\s*(?P<who>[^\s:—–-]+(?:\s+[^\s:—–-]+){0,2})\s*$")
_COLON_SPEAKER_END = re.compile(r"\s+(?:on|to|at|about|in|after|over|for|amid)\s+|\s*[,—–]\s*|\s+-\s+")
MAX_COLON_SPEAKER_WORDS = 6
# Verbs whose capitalised subject in a headline is usually a thing ("Photos Reveal", "Poll Shows", "Data Suggest").
THING_VERBS = ("reveal", "show", "find", "suggest", "indicate", "confirm")
COLON_RULES = ("speaker_before_colon",)  # the finder's colon rule gives way to the headline's (below)


def headline_marks(text: str) -> str:
    """``text`` with each paired single quotation mark written as a double one (same length)."""
    out = list(text)
    for m in _SINGLE_PAIR.finditer(text):
        out[m.start(1)] = "“"
        out[m.start(3)] = "”"
    return "".join(out)


def title_case(text: str) -> bool:
    """Whether at least 80% of the words of four letters or more start with a capital."""
    long = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) >= 4]
    return bool(long) and sum(w[:1].isupper() for w in long) >= 0.8 * len(long)


def verb_forms(settings: Settings | None) -> tuple[frozenset[str], frozenset[str]]:
    """One-word forms of the reporting and frame verbs (``reporting_verbs.yaml``), and the reporting-verb forms that
    are also nouns ("report", "claim": a Title Case headline uses them mostly as nouns, "Weak Jobs Report Shows")."""
    verbs = reporting_verbs_for(settings)
    forms = {k[0] for k in verbs.forms if len(k) == 1} | {k[0] for k in frame_verbs_for(settings).forms if len(k) == 1}
    return frozenset(forms), verbs.noun_forms


def _title_case_verbs(text: str, forms: frozenset[str], nouns: frozenset[str]) -> tuple[str, frozenset[int]]:
    """In a Title Case headline, reporting-verb forms after the first word in lower case ("Louis C.K. Tells
    Israeli Crowd" -> "tells"; the finder reads a capitalised word as a name), with where each lowered verb
    starts; same length. A form followed by "of" or "by" is left alone ("Accused of", "Criticized by": a
    passive has no speaker before it)."""
    if not title_case(text):
        return text, frozenset()
    out, lowered = list(text), set()
    for m in re.finditer(r"(?<=\s)([A-Z][a-z]+)\b(?!\s+(?:[Oo]f|[Bb]y)\b)", text):
        if m.group(1).lower() in forms and m.group(1).lower() not in nouns:
            out[m.start()] = text[m.start()].lower()
            lowered.add(m.start())
    return "".join(out), frozenset(lowered)


def _headline_doc(doc: ParsedArticle, text: str) -> ParsedArticle:
    """The headline as an article of one paragraph (offsets are headline offsets)."""
    sentences = tuple(Sentence(i, 0, s, e, text[s:e], tokenize(text[s:e], s))
                      for i, (s, e) in enumerate(sentence_spans(text)))
    sentences = tuple(s for s in sentences if s.tokens)
    sentences = tuple(replace(s, index=i) for i, s in enumerate(sentences))
    para = Paragraph(0, 0, len(text), tuple(range(len(sentences))))
    return ParsedArticle(replace(doc.article, text=text, title=""), CleanedText(text), (para,), sentences, None)


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:[’'.-]\w+)*", text))


def _named_head(mentions: list[Any], lo: int, hi: int) -> Any:
    """The mention that heads the phrase at ``lo``–``hi`` (the last one, ending the phrase save a possessive
    or a title): "Rep. McCaul" -> McCaul; "CDC director" has none (CDC modifies the role)."""
    inside = [m for m in mentions if lo <= m.start and m.end <= hi and m.kind != "place"]
    return inside[-1] if inside and inside[-1].end >= hi - 2 else None


def _phrase_speaker(text: str, lo: int, hi: int, mentions: list[Any]) -> tuple[str, str, int, int]:
    """(speaker, surface, start, end) of the speaker phrase ``text[lo:hi]``: a name the entity layer found as its
    head, or a description whose last word names people ("CDC director", "rally organizer"); else empties."""
    phrase = text[lo:hi].strip()
    words = phrase.split()
    if not words or len(words) > MAX_COLON_SPEAKER_WORDS or not (words[0][:1].isupper() or lo > 0):
        return "", "", -1, -1
    if words[0].lower().rstrip(".:") in HEADLINE_LABELS or " ".join(words).lower() in HEADLINE_LABELS:
        return "", "", -1, -1
    lo = text.index(phrase, lo)
    hi = lo + len(phrase)
    if re.search(r"\bvs?\.?\s", phrase):
        return "", "", -1, -1  # a contrast ("US vs. Russia: …"), no speaker
    head = _named_head(mentions, lo, hi)
    if head is None and describes_people(words):  # "Ex-Space Force commander", "CDC director"
        return phrase, phrase, lo, hi
    if head is None:  # a clause before the colon ("DeSantis fires back at Biden"): its first name, if it opens it
        first = [m for m in mentions if lo <= m.start < hi and m.kind != "place"]
        if first and text[lo:first[0].start].strip() in ("", *_TITLE_OPENERS) and m_is_subject(text, first[0].end, hi):
            head = first[0]
            hi = head.end
    if head is not None:
        return head.actor, text[lo:hi], lo, hi
    return (phrase, phrase, lo, hi) if describes_people(words) else ("", "", -1, -1)


_TITLE_OPENERS = ("Gen.", "Rep.", "Sen.", "Gov.", "Dr.", "President", "Senator", "Secretary", "Judge")


def m_is_subject(text: str, end: int, hi: int) -> bool:
    """Whether the words after a name up to ``hi`` are a short predicate or a possession ("fires back at Biden",
    "defends calls to Chinese", "’s Last Push"), not a longer name: they start lower case or with "’s"."""
    rest = text[end:hi].split()
    possessive = text[end:end + 2] in ("’s", "'s") or text[end - 2:end] in ("’s", "'s")
    return bool(rest) and (rest[0][:1].islower() or possessive)


def _subject(text: str, lo: int, hi: int, mentions: list[Any], lowered: frozenset[int], title_case: bool) -> bool:
    """Whether a speaker the finder found in the headline is one: a name the entity layer found, a description
    of people, or at most three capitalised words (in a Title Case headline: right before a verb that was
    lowered, "Louis C.K. Tells"); not a clause ("Teacher Allegedly Displays Graphic Saying", "Biden mocked
    gun-rights advocates"), a thing ("Italy earthquake described as") or a number ("At least 9 reported")."""
    words = text[lo:hi].split()
    if _named_head(mentions, lo, hi) is not None:
        return True
    if len(words) > 4:  # "Joe Biden Spars With Reporter": a clause
        return False
    if describes_people(words):
        return True
    if not (1 <= len(words) <= 3) or not all(w[:1].isupper() for w in words) or any(c.isdigit() for c in text[lo:hi]):
        return False
    after = len(text[hi:]) - len(text[hi:].lstrip(" .,"))  # "Louis C.K" + ". Tells"
    verb = text[hi + after:].split(" ", 1)[0]
    if verb.startswith(THING_VERBS):  # "Photos Reveal …", "Study Finds …": a document or a thing, not a speaker
        return False
    return not title_case or hi + after in lowered


def describes_people(words: list[str]) -> bool:
    """Whether a phrase's last word names people ("rally organizer", "Shipping workers"), is a person title
    ("Goya CEO") or a headline role ("HHS chief", "U-M prof", "- PM"), or its last two words are a source-type
    cue ("state media"): a description that can speak."""
    if not words:
        return False
    last = re.sub(r"[^\w-]", "", words[-1]).lower()
    return (load_pronoun_cues().names_people(last) or last in headline_roles() or (last,) in _titles()
            or classify_speaker(" ".join(words[-2:])) != "other")


@lru_cache(maxsize=1)
def headline_roles() -> frozenset[str]:
    """``headline_roles`` of ``speaker_pronouns.yaml``: short role words of headlines ("chief", "prof", "PM")."""
    return frozenset(str(w).lower().rstrip(".") for w in load_lexicon(PRONOUNS_FILE).data.get("headline_roles") or [])


def _titles() -> frozenset[tuple[str, ...]]:
    from ..entities.table import load_actor_table  # the entity layer's person titles ("ceo", "mayor")

    return load_actor_table().titles


def _colon_speaker(text: str, start: int, mentions: list[Any]) -> tuple[str, str, int, int]:
    """A colon attribution of the quote opening at ``start``: "SPEAKER: … ‘…’" (the speaker before the
    headline's first colon, cut at "on", "to", a comma or a dash) or "… ‘…’ …: SOURCE" (a short source after
    the last colon or a spaced dash: "…: aide", "…: Source", "… - PM")."""
    colon = text.find(":")
    if 0 <= colon < start:
        left = text[:colon]
        cut = _COLON_SPEAKER_END.search(left)
        found = _phrase_speaker(text, 0, cut.start() if cut else colon, mentions)
        if found[0]:
            return found
    tail = _TRAILING_SOURCE.search(text)
    if tail and tail.start() > start:
        return _phrase_speaker(text, tail.start("who"), tail.end("who"), mentions)
    return "", "", -1, -1


def _clause_speaker(text: str, start: int, mentions: list[Any], lowered: frozenset[int], title_case: bool,
                    verbs: frozenset[str]) -> tuple[str, str, int, int]:
    """The subject of a reporting or frame verb that opens the clause holding the quote opening at ``start``
    ("Rose McGowan calls the Democrats a ‘cult’", "Democrat calls for sergeant-at-arms to ‘take’ AG Barr"): the
    clause starts after the last comma, semicolon, colon or dash before the quote."""
    lo = max(text.rfind(c, 0, start) for c in ",;:—–") + 1
    lo += len(text[lo:start]) - len(text[lo:start].lstrip())
    for k, w in enumerate(re.finditer(r"\S+", text[lo:start])):
        if k > MAX_COLON_SPEAKER_WORDS:
            break
        word = w.group().rstrip(",.")
        at = lo + w.start()
        if k and word.lower() in verbs and (at in lowered or word[:1].islower()):
            if _subject(text, lo, at - 1, mentions, lowered, title_case):
                found = _phrase_speaker(text, lo, at - 1, mentions)
                return found if found[0] else (text[lo:at - 1], text[lo:at - 1], lo, at - 1)
            break
    return "", "", -1, -1


def _quote_first_speaker(text: str, end: int, mentions: list[Any], lowered: frozenset[int], title_case: bool,
                         verbs: frozenset[str]) -> tuple[str, str, int, int]:
    """The speaker of a quote that opens the headline, as the subject of the reporting verb right after it
    ("‘It was a mistake.’ CENTCOM admits …", "‘…’: Chinese American reporter calls Trump out"); within
    :data:`MAX_COLON_SPEAKER_WORDS` words; a clause without such a verb ("‘…’: Biden’s tough meeting") has none."""
    m = re.match(r"[”\"’']?[\s:.,—–-]*", text[end:])
    lo = end + (m.end() if m else 0)
    for k, w in enumerate(re.finditer(r"\S+", text[lo:])):
        if k > MAX_COLON_SPEAKER_WORDS:
            break
        word = w.group().rstrip(",.:;")
        if k and word in verbs and (lo + w.start() in lowered or word[:1].islower()):
            hi = lo + w.start()
            if _subject(text, lo, hi - 1, mentions, lowered, title_case):
                found = _phrase_speaker(text, lo, hi - 1, mentions)
                if found[0]:
                    return found
                words = text[lo:hi].split()
                return " ".join(words), " ".join(words), lo, lo + len(" ".join(words))
            break
    return "", "", -1, -1


def _headline_attribution(text: str, a: int, b: int, name: bool, mentions: list[Any], lowered: frozenset[int],
                          is_title_case: bool, verbs: frozenset[str]) -> tuple[str, str, int, int]:
    """(rule, speaker, start, end) of the quoted span ``a``–``b`` by the headline's own conventions, in order: the
    subject of the verb opening its clause, a colon or trailing source, the subject after a quote opening the
    headline; ("headline unattributed", "", -1, -1) when none applies."""
    if not name:
        found = _clause_speaker(text, a - 1, mentions, lowered, is_title_case, verbs)
        if found[0]:
            return "headline clause subject", found[0], found[2], found[3]
    found = _colon_speaker(text, a - 1, mentions)
    if found[0]:
        return "headline colon", found[0], found[2], found[3]
    if not text[:a - 1].strip():
        found = _quote_first_speaker(text, b, mentions, lowered, is_title_case, verbs)
        if found[0]:
            return "headline quote first", found[0], found[2], found[3]
    return "headline unattributed", "", -1, -1


def headline_quotes(doc: ParsedArticle, settings: Settings | None = None) -> list[Quote]:
    """Direct quotes of the headline, in headline order, with their speaker where the headline names one."""
    h = doc.headline
    if h is None or not (_DOUBLE.search(h.text) or "‘" in h.text or "'" in h.text):
        return []
    from .quotes import quote_finding  # the public entry imports this module's package

    verbs, nouns = verb_forms(settings)
    text, lowered = _title_case_verbs(headline_marks(h.text), verbs, nouns)
    found = quote_finding(_headline_doc(doc, text), settings)
    mentions = [m for m in all_mentions(doc, settings) if m.sentence_index == -1 and not m.note]
    types = source_types_for(settings)
    speech = {(q.start, q.end) for q in found.quotes if q.kind == "direct"} | set(found.quoted)
    spans = sorted(speech | {(a, b) for a, b, _ in found.scare})
    is_title_case = title_case(h.text)
    question = h.text.rstrip(" ’'”\"").endswith("?")
    out: list[Quote] = []
    for a, b in spans:
        if any(x <= a and b <= y and (x, y) != (a, b) for x, y in spans):
            continue  # inside a longer quoted span of the same headline
        quote = text[a:b]
        head = None
        speaker, surface, rule, verb, stype = "", "", "headline unattributed", "", ""
        s_lo = s_hi = -1
        name = (a, b) not in speech and not is_title_case and all(w[:1].isupper() for w in text[a:b].split())
        for q in found.quotes if not name else ():  # a quoted name in an attributed clause ("'CHOP' zone") is no speech
            if q.speaker and q.start <= a and b <= q.end and q.rule not in COLON_RULES:
                lo = text.find(q.speaker_surface)
                if lo < 0 or not _subject(text, lo, lo + len(q.speaker_surface), mentions, lowered, is_title_case):
                    continue  # a clause or a thing as subject ("Teacher Allegedly Displays Graphic", "Photos")
                speaker, verb, rule, stype = q.speaker, q.verb, f"headline {q.rule}", q.speaker_type
                s_lo, s_hi = lo, lo + len(q.speaker_surface)
                break
        if question and not text[a:b].rstrip().endswith("?"):
            speaker, rule, verb, stype = "", "headline question", "", ""  # "Did Trump Say ‘…’?" asks whether …
        elif not speaker:
            rule, speaker, s_lo, s_hi = _headline_attribution(text, a, b, name, mentions, lowered, is_title_case, verbs)
            stype = classify_speaker(h.text[s_lo:s_hi], types) if speaker else ""
        surface = h.text[s_lo:s_hi] if speaker else ""
        head = _named_head(mentions, s_lo, s_hi) if speaker else None
        if head is not None:  # the canonical actor of the name the entity layer found there
            speaker = head.actor
        if not speaker and _word_count(quote) <= SCARE_MAX_WORDS:
            continue  # a scare quote or quoted name, not speech
        is_named = head is not None
        out.append(Quote("direct", speaker, surface, stype, is_named, verb, False, -1, -1, a, b, h.text[a:b],
                         rule=rule, speaker_rule="as printed" if speaker else ""))
    return out


NO_HEADLINE = "no headline: the article has no title"


def headline_quote_result(doc: ParsedArticle, settings: Settings) -> FamilyResult:
    """Measures ``n_headline_quotes`` (direct quotes of the headline, scare quotes left out) and
    ``n_headline_quotes_attributed`` (those with a speaker), one evidence row per quote on the headline (sentence
    index -1), and the quotes as rows of the ``quotes`` table; undefined without a headline."""
    if doc.headline is None:
        return FamilyResult([Measurement.of("n_headline_quotes", Undefined(NO_HEADLINE)),
                             Measurement.of("n_headline_quotes_attributed", Undefined(NO_HEADLINE))], [], {})
    quotes = headline_quotes(doc, settings)
    ms = [Measurement.of("n_headline_quotes", len(quotes)),
          Measurement.of("n_headline_quotes_attributed", sum(1 for q in quotes if q.speaker))]
    ev = [Evidence("n_headline_quotes", q.speaker, -1, q.start, q.end, doc.headline.text,
                   f"headline quote; {q.rule.removeprefix('headline ')}; {q.speaker_type or 'no speaker'}; "
                   f"{'named' if q.named else 'not named'}")
          for q in quotes]
    return FamilyResult(ms, ev, {"quotes": [flat_record(q) for q in quotes]} if quotes else {})
