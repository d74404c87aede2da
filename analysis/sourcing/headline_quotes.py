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
but in ``n_headline_quotes`` and ``n_headline_quotes_attributed``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ..lexicons import load_lexicon
from ..metrics.base import Evidence, FamilyResult, Measurement, flat_record
from ..model import CleanedText, Paragraph, ParsedArticle, Sentence, Undefined
from ..segment import sentence_spans, tokenize
from .entity_layer import all_mentions
from .profile import classify_speaker, source_types_for
from .quote_records import Quote
from .quote_words import NAME_LINKS, short_quote
from .speakers import LABELS, PRONOUNS_FILE, load_pronoun_cues
from .stance import frame_verbs_for, reporting_verbs_for

if TYPE_CHECKING:
    from ..metrics.base import Settings

# A paired single mark: opens at the start or after a space, colon, bracket or dash, closes before a space,
# punctuation or the end ("‘It will fail’:", "'Disturbed' by"); an apostrophe inside a word ("Don’t") is
# neither (the pair needs a non-space next to each mark and a boundary outside it).
_SINGLE_PAIR = re.compile(r"(?:(?<=^)|(?<=[\s(\[:—–-]))([‘'])(?=[^\s’'])(.+?)(?<=[^\s‘'])([’'])"
                          r"(?=$|[\s,.:;!?)\]—–-])")
_DOUBLE = re.compile(r"[\"“”]")
_DOUBLE_SPAN = re.compile(r"[“\"][^“”\"]*[”\"]")
# First words of a colon label that names no speaker (with the body's speakers.LABELS, :func:`_labels`).
HEADLINE_LABELS = frozenset("""opinion op-ed oped editorial commentary column analysis explainer exclusive breaking
    live update updated watch video photos photo listen podcast poll flashback review read report fact check factcheck
    new just in revealed""".split())
# A short source after the last colon or a spaced dash: "…: aide", "… - PM".
_TRAILING_SOURCE = re.compile(r"(?::|\s[—–-])\s*(?P<who>[^\s:—–-]+(?:\s+[^\s:—–-]+){0,2})\s*$")
# Where a colon speaker phrase stops: "Jeb Bush to Lester Holt:", "Nick Sandmann on encounter …:", "Trump, asked …:".
_COLON_SPEAKER_END = re.compile(r"\s+(?:on|to|at|about|in|after|over|for|amid)\s+|\s*[,—–]\s*|\s+-\s+")
MAX_COLON_SPEAKER_WORDS = 6
PASSIVE_AFTER = frozenset("by for over of as after amid in with".split())  # "slammed over", "accused of"
# Verbs whose capitalised subject in a headline is usually a thing ("Photos Reveal", "Poll Shows", "Data Suggest").
THING_VERBS = ("reveal", "show", "find", "suggest", "indicate", "confirm")
COLON_RULES = ("speaker_before_colon",)  # the finder's colon rule gives way to the headline's (below)


def headline_marks(text: str) -> str:
    """``text`` with each paired single quotation mark written as a double one (same length); a pair inside a
    double-quoted span stays single ("“He told me ‘no way’ and walked out”": a quote within the quote)."""
    doubled = [(m.start(), m.end()) for m in _DOUBLE_SPAN.finditer(text)]
    out = list(text)
    for m in _SINGLE_PAIR.finditer(text):
        if any(a < m.start(1) < b for a, b in doubled):
            continue
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
    spans = [(s, e, tokenize(text[s:e], s)) for s, e in sentence_spans(text)]
    sentences = tuple(Sentence(i, 0, s, e, text[s:e], toks) for i, (s, e, toks) in enumerate(x for x in spans if x[2]))
    para = Paragraph(0, 0, len(text), tuple(range(len(sentences))))
    return ParsedArticle(replace(doc.article, text=text, title=""), CleanedText(text), (para,), sentences, None)


def _named_head(text: str, mentions: list[Any], lo: int, hi: int) -> Any:
    """The mention that heads the phrase at ``lo``–``hi``: the last one, ending the phrase (save a possessive
    mark), when only titles, roles, possessives and name words stand before it ("Rep. McCaul", "Goya Foods CEO
    Bob Unanue", "ABC News’ Amy Robach"); none when a lower-case word does ("Pelosi rips Trump": a clause) or the
    phrase has no name at its end ("CDC director": CDC modifies the role)."""
    inside = [m for m in mentions if lo <= m.start and m.end <= hi and m.kind != "place"]
    if not inside or inside[-1].end < hi - 2:
        return None
    for x, y in pairwise(inside):  # between two names, a title or role ends the gap
        gap = [w for w in re.findall(r"[^\W\d_][\w’'.-]*", text[x.end:y.start]) if w not in NAME_LINKS]
        if gap and not (_only_titles(gap[-1]) or describes_people(gap[-1:])):
            return None  # "Glenn Greenwald Whacks The Intercept" is a clause ("Senate Minority Leader Mitch …" a name)
    return inside[-1]


def _phrase_speaker(text: str, lo: int, hi: int, mentions: list[Any]) -> tuple[str, str, int, int]:
    """(speaker, surface, start, end) of the speaker phrase ``text[lo:hi]``: a name the entity layer found as its
    head, a description whose last word names people ("CDC director", "rally organizer"), or the name opening a
    short clause ("DeSantis fires back at Biden"); not the target of a passive ("Trump slammed over remarks") nor
    the possessor of a noun ("Biden's granddaughter": the granddaughter speaks); else empties."""
    phrase = text[lo:hi].strip()
    words = phrase.split()
    if not words or len(words) > MAX_COLON_SPEAKER_WORDS or not (words[0][:1].isupper() or lo > 0):
        return "", "", -1, -1
    if words[0].lower().rstrip(".:") in _labels() or " ".join(words).lower() in _labels():
        return "", "", -1, -1
    lo = text.index(phrase, lo)
    hi = lo + len(phrase)
    if re.search(r"\bvs?\.?\s", phrase):
        return "", "", -1, -1  # a contrast ("US vs. Russia: …"), no speaker
    head = _named_head(text, mentions, lo, hi)
    if head is not None:
        return head.actor, text[lo:hi], lo, hi
    if describes_people(words):  # "Ex-Space Force commander", "CDC director", "Biden's granddaughter"
        return phrase, phrase, lo, hi
    first = [m for m in mentions if lo <= m.start < hi and m.kind != "place"]
    if first and _only_titles(text[lo:first[0].start]) and _predicate(text, first[0].end, hi):
        return first[0].actor, text[lo:first[0].end], lo, first[0].end  # "DeSantis fires back at Biden"
    return "", "", -1, -1


def _only_titles(text: str) -> bool:
    """Whether ``text`` (before a name) is empty or person titles only ("Gen.", "Sen.", "Former President")."""
    titles = _titles()
    return all((w.lower(),) in titles or (w.lower().rstrip("."),) in titles or w.lower() in {"former", "then", "ex"}
               for w in text.split())


def _predicate(text: str, end: int, hi: int) -> bool:
    """Whether the words after a name up to ``hi`` are its own short predicate ("fires back at Biden", "defends
    calls to Chinese"): lower case, and not a passive ("slammed over remarks", "scorched for referring", "accused
    of": the name is the target) nor a possessive ("’s Last Push")."""
    rest = text[end:hi].split()
    if not rest or not rest[0][:1].islower() or text[end - 2:end + 2].count("’s") or text[end - 2:end + 2].count("'s"):
        return False
    return not _passive(text, end)


def _passive(text: str, end: int) -> bool:
    """Whether a past participle and a preposition follow offset ``end`` ("slammed over", "accused of"): the name
    before them is the target of the verb, not its subject."""
    after = text[end:].split()
    return len(after) > 1 and after[0].lower().endswith("ed") and after[1].lower() in PASSIVE_AFTER


def _subject(text: str, lo: int, hi: int, mentions: list[Any], lowered: frozenset[int], title_case: bool) -> bool:
    """Whether a speaker the finder found in the headline is one: a name the entity layer found, a description
    of people, or at most three capitalised words (in a Title Case headline: right before a verb that was
    lowered, "Louis C.K. Tells"); not a clause ("Teacher Allegedly Displays Graphic Saying", "Biden mocked
    gun-rights advocates"), a thing ("Italy earthquake described as") or a number ("At least 9 reported")."""
    words = text[lo:hi].split()
    if _named_head(text, mentions, lo, hi) is not None:
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


def _labels() -> frozenset[str]:
    return HEADLINE_LABELS | LABELS


@lru_cache(maxsize=1)
def headline_roles() -> frozenset[str]:
    """``headline_roles`` of ``speaker_pronouns.yaml``: short role words of headlines ("chief", "prof", "PM")."""
    return frozenset(str(w).lower().rstrip(".") for w in load_lexicon(PRONOUNS_FILE).data.get("headline_roles") or [])


def _titles() -> frozenset[tuple[str, ...]]:
    from ..entities.table import load_actor_table  # the entity layer's person titles ("ceo", "mayor")

    return load_actor_table().titles


def _colon_speaker(text: str, start: int, mentions: list[Any]) -> tuple[str, str, int, int]:
    """A colon attribution of the quote opening at ``start``: "SPEAKER: … ‘…’" (the speaker before the
    nearest colon before the quote, from the colon, dash or semicolon before it, cut at "on", "to", a comma or a
    dash) or "… ‘…’ …: SOURCE" (a short source after the last colon or a spaced dash: "…: aide", "… - PM")."""
    colon = text.rfind(":", 0, start)  # the nearest colon before the quote ("Newsom: ‘…’ — Cal Fire chief: ‘…’")
    if colon >= 0:
        begin = max(text.rfind(c, 0, colon) for c in ":—;") + 1
        cut = _COLON_SPEAKER_END.search(text, begin, colon)
        found = _phrase_speaker(text, begin, cut.start() if cut else colon, mentions)
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
    return _verb_subject(text, lo, start, mentions, lowered, title_case, verbs)


def _colon_clause_speaker(text: str, start: int, mentions: list[Any], lowered: frozenset[int], title_case: bool,
                          verbs: frozenset[str]) -> tuple[str, str, int, int]:
    """The subject of a reporting or frame verb opening the clause that a colon right before the quote at ``start``
    ends ("Biden mocked gun-rights advocates who say they need assault weapons …: ‘You need F-15s …’", Insider,
    roundups 5919_center; "Republicans reject … proposal from Manchin: ‘Totally inappropriate’"): the clause starts
    after the comma, semicolon, colon or dash before that colon. A clause without such a verb ("Anthony Fauci’s
    pandemic emails: ‘…’") has none."""
    colon = text.rfind(":", 0, start)
    if colon < 0 or text[colon + 1:start].strip(" “\"‘'"):
        return "", "", -1, -1
    lo = max(text.rfind(c, 0, colon) for c in ",;:—–") + 1
    return _verb_subject(text, lo, colon, mentions, lowered, title_case, verbs)


def _quote_first_speaker(text: str, end: int, mentions: list[Any], lowered: frozenset[int], title_case: bool,
                         verbs: frozenset[str]) -> tuple[str, str, int, int]:
    """The speaker of a quote that opens the headline, as the subject of the reporting verb right after it
    ("‘It was a mistake.’ CENTCOM admits …", "‘…’: Chinese American reporter calls Trump out"); a clause without
    such a verb ("‘…’: Biden’s tough meeting") has none."""
    m = re.match(r"[”\"’']?[\s:.,—–-]*", text[end:])
    return _verb_subject(text, end + (m.end() if m else 0), len(text), mentions, lowered, title_case, verbs)


def _verb_subject(text: str, lo: int, stop: int, mentions: list[Any], lowered: frozenset[int], title_case: bool,
                  verbs: frozenset[str]) -> tuple[str, str, int, int]:
    """(speaker, surface, start, end) of the words from ``lo`` up to the first reporting or frame verb before
    ``stop`` (lower case, or lowered in a Title Case headline; within :data:`MAX_COLON_SPEAKER_WORDS` words), when
    they are a subject (:func:`_subject`) and not the target of a passive; else empties."""
    lo += len(text[lo:stop]) - len(text[lo:stop].lstrip())
    for k, w in enumerate(re.finditer(r"\S+", text[lo:stop])):
        if k > MAX_COLON_SPEAKER_WORDS:
            break
        word = w.group().rstrip(",.:;")
        at = lo + w.start()
        if k and word.lower() in verbs and (at in lowered or word[:1].islower()):
            if _subject(text, lo, at - 1, mentions, lowered, title_case) and not _passive(text, at - 1):
                found = _phrase_speaker(text, lo, at - 1, mentions)
                return found if found[0] else (text[lo:at - 1], text[lo:at - 1], lo, at - 1)
            break
    return "", "", -1, -1


def _finder_attribution(quotes: Sequence[Quote], text: str, a: int, b: int, mentions: list[Any],
                        lowered: frozenset[int], title_case: bool) -> tuple[Quote, int] | None:
    """The body finder's attribution whose clause holds the span ``a``–``b`` (not its colon rule, which the headline's
    gives way to), with where its speaker phrase stands, when that phrase is a subject: not a clause, a thing or a
    target ("Teacher Allegedly Displays Graphic", "Photos Reveal", "FBI accused of running ‘…’")."""
    for q in quotes:
        if q.speaker and q.start <= a and b <= q.end and q.rule not in COLON_RULES:
            lo = _surface_at(text, q.speaker_surface, a, b)
            hi = lo + len(q.speaker_surface)
            if lo >= 0 and _subject(text, lo, hi, mentions, lowered, title_case) and not _passive(text, hi):
                return q, lo
    return None


def _surface_at(text: str, surface: str, a: int, b: int) -> int:
    """Where the finder's speaker phrase stands: its whole-word occurrence outside the quote ``a``–``b`` nearest to
    it ("Trumpism is not dead, Trump says: ‘…’" -> the second "Trump"); -1 if none."""
    found = re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)
    spots = [m.start() for m in found if m.end() <= a or m.start() >= b]
    return min(spots, key=lambda x: min(abs(x - a), abs(x - b)), default=-1)


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
    found = _colon_clause_speaker(text, a - 1, mentions, lowered, is_title_case, verbs)
    if found[0]:
        return "headline colon clause subject", found[0], found[2], found[3]
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
    hdoc = _headline_doc(doc, text)
    found = quote_finding(hdoc, settings)
    starts = [w.start for w in hdoc.words]
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
        speaker, rule, verb, stype = "", "headline unattributed", "", ""
        s_lo = s_hi = -1
        name = (a, b) not in speech and not is_title_case and all(w[:1].isupper() for w in text[a:b].split())
        by = None if name else _finder_attribution(found.quotes, text, a, b, mentions, lowered, is_title_case)
        if by is not None:  # (a quoted name in an attributed clause, "'CHOP' zone", is no speech: not looked up)
            q, s_lo = by
            speaker, verb, rule, stype = q.speaker, q.verb, f"headline {q.rule}", q.speaker_type
            s_hi = s_lo + len(q.speaker_surface)
        if question and not text[a:b].rstrip().endswith("?"):
            speaker, rule, verb, stype = "", "headline question", "", ""  # "Did Trump Say ‘…’?" asks whether …
        elif not speaker:
            rule, speaker, s_lo, s_hi = _headline_attribution(text, a, b, name, mentions, lowered, is_title_case, verbs)
            stype = classify_speaker(h.text[s_lo:s_hi], types) if speaker else ""
        surface = h.text[s_lo:s_hi] if speaker else ""
        head = _named_head(text, mentions, s_lo, s_hi) if speaker else None
        if head is not None:  # the canonical actor of the name the entity layer found there
            speaker = head.actor
        if not speaker and short_quote(bisect_right(starts, b - 1) - bisect_right(starts, a - 1), quote):
            continue  # a scare quote or quoted name, not speech, as in the body
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
