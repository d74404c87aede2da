"""Quotes and attributions: direct, indirect, "according to X", "citing X", and scare quotes.

Rules (documented in docs/sourcing.md):

- Direct quotes are spans between double quotation marks (curly or straight), found on body
  offsets so a quote may run over several sentences, and over paragraphs when the next paragraph
  reopens the quote. Nested single quotes and bracketed insertions stay inside. The speaker is
  found after the quote ("“…,” Rudenko said." / "“…,” the agreement states.") or, failing that,
  before it through the nearest reporting verb of the same sentence ("X said: “…”", "X said that
  the treaty reflects “…”", "Article 51 stipulates “…”").
- A short quoted span (at most ``SCARE_MAX_WORDS`` words, no sentence punctuation inside) with
  no speaker is a scare quote or quoted name, not speech.
- Indirect quotes are a reporting verb (``lexicons/reporting_verbs.yaml``, or the replacement
  ``Settings.reporting_verbs_file``) with a subject and a complement after it ("X confirmed last
  week that …", "X said it intercepted …"), or a clause followed by its speaker ("…, state media
  reported Tuesday."), or the passive "as reported by X".
- "according to X" and "citing X" are their own kinds; their content is the larger part of the
  sentence outside the attribution phrase.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ..model import MAX_SENTENCE_WORDS, ParsedArticle, Sentence, Token
from ..segment import SENTENCE_OPENERS, tokenize
from .entity_layer import actor_resolver, body_mentions
from .profile import (
    OTHER,
    SourceTypes,
    anonymous_cue,
    classify_speaker,
    head_phrase,
    is_anonymous,
    source_key,
    source_types_for,
)
from .speakers import (
    CLAUSE_OPENERS,
    GENERIC_ORG_HEADS,
    LABELS,
    LY_NOUNS,
    NOT_SPEAKER_START,
    PENDING,
    PRONOUN_PARAGRAPHS,
    PRONOUN_SENTENCES,
    AntecedentIndex,
    Candidate,
    PronounCues,
    apposed_name,
    colon_name,
    dash_name,
    definite_head,
    final_name,
    glued_period,
    load_pronoun_cues,
    name_after,
    per_source,
    person_genders,
    phrase_gender,
    trim_subject,
)
from .stance import (
    StanceVerb,
    VerbHit,
    find_verb_hits,
    frame_nouns_for,
    frame_verbs_for,
    reporting_verbs_for,
    reports_nothing,
    tag_verbs_for,
)

if TYPE_CHECKING:  # metrics.base is imported lazily: the metrics package imports this module
    from ..metrics.base import Settings

SCARE_MAX_WORDS = 5  # our choice: longer unattributed spans are treated as (unattributed) speech
SPEAKER_AFTER_MAX_WORDS = 8  # the reporting verb must come within this many words after the quote
SUBJECT_MAX_WORDS = 15  # longer "subjects" are clauses, not speaker phrases
# our choice, as the sentiment family's cap: a longer "sentence" is almost always a segmentation failure
# (unpunctuated text), and the speaker and clause search would take time quadratic in its length
OPENERS = {"“": "”", '"': '"'}
_MARK = re.compile("[“”\"]")  # the characters of OPENERS and CLOSERS
# a quote opened with one style may be closed with the other ('"Hello,” he said', '“Hello," he said'):
# copy-edited text mixes them, and double quotes are not nested inside double quotes in English
CLOSERS = {"“": frozenset('”"'), '"': frozenset('"”')}

BE_FORMS = frozenset("be been being is was were are am".split())  # before a participle: a passive
SKIP_BEFORE_VERB = frozenset("""has have had did does do also not never reportedly previously earlier again would just
    will could may might was were is are repeatedly publicly separately later then further already still however
    first initially once now recently had been officially formally""".split())
BOUNDARY_WORDS = frozenset("""that as while when because which who whom whereas although though since if after
    before but where whether what so than amid""".split())
BOUNDARY_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–", "“", "”", '"', "[", "]"})
DETERMINERS = frozenset("the a an his her its their our this these those".split())
NAME_LINKS = frozenset("of the de da del van von al bin".split())  # lower-case words inside names
_AFFILIATION = re.compile(r"^[RDI]-[A-Z]")  # "R-S.C.", "D-N.Y.": a party affiliation, not a name
PRONOUNS = frozenset("he she it they we i".split())
ORG_WINDOW = (10, 40)  # our choice: paragraphs and sentences back for "the ministry" (a pronoun searches (2, 12))
CONJUNCTIONS = frozenset("and but yet so".split())  # clause openers that take no comma
_FROM_NAME = re.compile(r"\b(?:from|by)\s+(?P<name>(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'.\-]*)\s*:\s*$")
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_CITING = re.compile(r"\bciting\s+", re.IGNORECASE)
_TRAILING = " ,.;:!?"


@dataclass(frozen=True)
class Quote:
    """One attribution: who (speaker), how (kind, verb) and what (content offsets in the body)."""

    kind: str  # "direct" | "indirect" | "according_to" | "citing"
    speaker: str  # canonical actor (via resolve_actor) or the speaker phrase if unresolved; "" if none
    speaker_surface: str  # as printed: "Rudenko", "the agreement", "Ukraine's military intelligence"
    speaker_type: str  # government official | state media | intelligence | military | expert/analyst | ...
    named: bool  # a named person/organisation/document vs anonymous ("officials", "analysts")
    verb: str  # lemma of the reporting verb ("say", "confirm", "claim"), "" for according_to / citing
    negated: bool  # "did not confirm"
    sentence_index: int  # first sentence
    end_sentence_index: int  # last sentence
    start: int  # body offsets of the quoted content (direct) or the attributed clause (others)
    end: int
    text: str
    tier: str = ""  # stance tier of the verb
    rule: str = ""  # which pattern found it (speaker_after, speaker_before, continuation, verb_complement, ...)
    speaker_rule: str = ""  # how the speaker was resolved: "as printed", "pronoun: nearest male person", ...


def sentence_at(doc: ParsedArticle, offset: int) -> int:
    """Index of the sentence of ``doc`` that starts at or before body ``offset`` (0 when none does)."""
    starts = doc.cache.get("_sourcing_sentence_starts")
    if starts is None:
        starts = [s.start for s in doc.sentences]
        doc.cache["_sourcing_sentence_starts"] = starts
    return max(0, bisect_right(starts, offset) - 1)


def _quote_mark_spans(doc: ParsedArticle) -> list[tuple[int, int]]:
    """(open, close) body offsets of double-quote pairs; the content is body[open + 1:close]."""
    body = doc.body
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closers: frozenset[str] = frozenset()
    paras = doc.paragraphs
    for n, p in enumerate(paras):
        carried = open_at is not None
        first_char = next((i for i in range(p.start, p.end) if not body[i].isspace()), p.end)
        for m in _MARK.finditer(body, p.start, p.end):  # only the marks: linear in marks, not characters
            i, c = m.start(), m.group()
            if open_at is None:
                if c in OPENERS:
                    open_at, closers = i, CLOSERS[c]
            elif carried and i == first_char and c in OPENERS:
                continue  # the reopening mark of a quote that runs on from the previous paragraph
            elif c in closers:
                spans.append((open_at, i))
                open_at = None
        if open_at is not None:
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            reopens = nxt is not None and body[nxt.start:nxt.end].lstrip()[:1] in OPENERS
            if not reopens:
                spans.append((open_at, p.end))  # unclosed: the quote ends with its paragraph
                open_at = None
    return spans


# An embedded social-media post as printed by news sites: the post's text, then "— Name (@handle) Month D, YYYY"
_POST_SIGNATURE = re.compile(r"[ \t]+(?:[—–]|-{1,2})[ \t]*(?P<name>[^\W\d_][^()\n—–]{0,60}?)"
                             r"[ \t]*\((?P<handle>@\w{1,30})\)[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]*\d{4})")


def embedded_posts(doc: ParsedArticle) -> list[tuple[int, int, int, int]]:
    """(content start, content end, name start, name end) body offsets of embedded posts: a paragraph's text
    followed by the signature of an embedded tweet ("… Bad for country! — Donald J. Trump (@realDonaldTrump)
    October 11, 2017"), printed without quotation marks. The content runs from the paragraph start (or the end
    of the post before it) to the dash; leading dots ("....The assault") are left out."""
    body = doc.body
    out = []
    for p in doc.paragraphs:
        start = p.start
        for m in _POST_SIGNATURE.finditer(body, p.start, p.end):
            cstart, cend = start, m.start()
            while cstart < cend and body[cstart] in " .…“”\"":
                cstart += 1
            while cend > cstart and body[cend - 1] in " “”\"":
                cend -= 1
            if any(c.isalpha() for c in body[cstart:cend]):
                out.append((cstart, cend, m.start("name"), m.end("name")))
            start = m.end()
    return out


@dataclass(frozen=True)
class _OrgMention:
    """An organisation a definite description refers to (shaped like an entity-layer mention)."""

    actor: str
    kind: str
    source_type: str
    rule: str
    start: int
    end: int


@dataclass(frozen=True)
class _Tag:
    """How a direct quote is attributed: a speaker phrase (body offsets) and/or its verb, or an implicit
    subject already resolved (``cand``: "“…,” adding that …", "X took to Twitter, writing: “…”")."""

    surface: tuple[int, int] | None
    hit: VerbHit | None
    sentence: Sentence
    rule: str
    cand: Candidate | None = None
    cand_rule: str = ""


@dataclass(frozen=True)
class QuoteFinding:
    """What one pass of the quote finder found in an article."""

    quotes: tuple[Quote, ...]
    scare: tuple[tuple[int, int, str], ...]  # (start, end, text) of scare quotes and quoted names
    stance: tuple[StanceVerb, ...]  # reporting verbs that attribute content, in text order
    quoted: tuple[tuple[int, int], ...] = ()  # direct-quoted content spans, including those inside mixed quotes
    skipped: tuple[tuple[int, int], ...] = ()  # (sentence index, words) of sentences too long to search


def settings_key(settings: Settings | None) -> str:
    """The files of ``settings`` the quote finder depends on, as a cache key ("" parts = bundled)."""
    files = (getattr(settings, name, None) for name in ("actors_file", "reporting_verbs_file", "source_types_file"))
    return "|".join(str(f) if f else "" for f in files)


def quote_finding(doc: ParsedArticle, settings: Settings | None = None) -> QuoteFinding:
    """Quotes, scare quotes and stance verbs of ``doc``, found once per article and set of files
    (cached in ``doc.cache["quotes:<files>"]``)."""
    key = f"quotes:{settings_key(settings)}"
    if key not in doc.cache:
        if settings is None:
            from ..metrics.base import Settings

            settings = Settings()
        finder = _Finder(doc, settings)
        quotes, scare, stance, quoted = finder.run()
        doc.cache[key] = QuoteFinding(tuple(quotes), tuple(scare), tuple(stance), tuple(quoted),
                                      tuple(sorted(finder.too_long.items())))
    found: QuoteFinding = doc.cache[key]
    return found


def quoted_spans(doc: ParsedArticle, settings: Settings | None = None) -> list[tuple[int, int]]:
    """Body offsets (start, end) of direct-quote content, including the quoted words of a mixed quote
    (an indirect quote holding a partial direct quote); everything else is the journalist's voice."""
    return list(quote_finding(doc, settings).quoted)


def skipped_sentences(doc: ParsedArticle, settings: Settings | None = None) -> list[tuple[int, int]]:
    """(sentence index, words) of the sentences of more than ``MAX_SENTENCE_WORDS`` words, in which no
    speaker, reporting verb or attribution phrase was looked for."""
    return list(quote_finding(doc, settings).skipped)


def find_scare_quotes(doc: ParsedArticle, settings: Settings | None = None) -> list[tuple[int, int, str]]:
    """Short quoted names and scare quotes (not speech): (start, end, text) of their content."""
    return list(quote_finding(doc, settings).scare)


def find_quotes(doc: ParsedArticle, settings: Settings | None = None) -> list[Quote]:
    """Every quote and attribution in the article, in text order (cached, see :func:`quote_finding`).

    ``settings`` chooses the actor, reporting-verb and source-type files (bundled when unset).
    """
    return list(quote_finding(doc, settings).quotes)


def _key(q: Quote) -> tuple[str, int, int]:
    """A quote's identity while the finder runs (kind and content offsets; ``replace`` keeps them)."""
    return q.kind, q.start, q.end


PARTICIPLE_ADVERBS = frozenset("first last earlier later previously originally".split())  # "reports first shared"
# "in an interview with a Lebanese news channel set to be aired …": the medium of a report, however long
MEDIUM_PHRASES = [[prep, det, noun] for prep in ("in", "during") for det in ("a", "an") for noun in
                  ("interview", "statement", "tweet", "post", "letter", "speech", "email", "video", "memo",
                   "briefing", "call", "release", "podcast", "op-ed", "column", "filing", "message")]
MONTHS = frozenset("""january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split())
TIME_WORDS = frozenset("""on monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last
    this week weekend month year morning afternoon evening night earlier later""".split())


def _no_complement(toks: Sequence[Token], k: int) -> bool:
    """Whether the words after a verb (time words skipped) open a subordinate clause, not a report."""
    while k < len(toks) and toks[k].is_word and toks[k].lower in TIME_WORDS:
        k += 1
    return k < len(toks) and toks[k].is_word and toks[k].lower in BOUNDARY_WORDS - {"that"}


def _apposed_before_verb(toks: Sequence[Token], k: int, limit: int) -> tuple[int, int] | None:
    """A name set off by commas and followed by a verb inside toks[k:limit] ("…, Mohan Bhagwat, echoed"), or None."""
    commas = [n for n in range(k, limit) if toks[n].text == ","]
    for a, b in pairwise(commas):
        words = [t for t in toks[a + 1:b] if t.is_word]
        after = toks[b + 1] if b + 1 < limit else None
        if words and len(words) <= 5 and len(words) == b - a - 1 and _name_words(words) \
                and after is not None and after.is_word and _verb_like(after.lower):
            return words[0].start, words[-1].end
    return None


def _adverb(t: Token) -> bool:
    """A lower-case -ly adverb ("exclusively", "angrily"), not a noun such as "family" or "ally"."""
    return t.text[:1].islower() and t.lower.endswith("ly") and t.lower not in LY_NOUNS


def _name_words(words: Sequence[Token]) -> bool:
    """Capitalised words, with linking words inside ("Jerrold Nadler of New York")."""
    return words[0].text[:1].isupper() and all(t.text[:1].isupper() or t.lower in NAME_LINKS for t in words)


def _parenthetical(words: Sequence[Token]) -> bool:
    """A comma-set piece that is not the subject: an age ("45"), a place ("from Andover", "Minn."), a party
    affiliation ("R-S.C.")."""
    first = words[0]
    return first.kind == "number" or first.lower in {"from", "of", "in", "at", "with"} or \
        bool(_AFFILIATION.match(first.text)) or (len(words) == 1 and first.text[:1].isupper() and len(first.text) <= 5)


def _before_ticker(toks: Sequence[Token], start: int, j: int) -> int:
    """End of a subject ``toks[start:j + 1]`` before a stock-ticker insert, as the Wall Street Journal prints
    them after a company's name ("BP BP -0.58% PLC said", "Southern Co. SO -0.08%, has said"): the symbol, the
    sign and the percentage change are no part of the speaker's name (``j`` unchanged when there is none)."""
    for m in range(start + 2, j + 1):
        if toks[m].kind == "number" and toks[m].text.endswith("%") and toks[m - 1].text in {"-", "+", "−"} \
                and toks[m - 2].is_word and toks[m - 2].text.isupper() and m - 3 >= start:
            return m - 3
    return j


DASHES = frozenset("—–-")


def _before_dashes(toks: Sequence[Token], j: int) -> int:
    """The last token before a parenthetical set off by dashes that ends at token ``j`` ("The rulings -- and the
    fact that no justice publicly dissented -- suggests": the subject is "The rulings"), -1 when the sentence
    opens with it; ``j`` itself when it is not a spaced dash. "--" is two tokens."""
    if j < 1 or toks[j].text not in DASHES:
        return j
    k = j - 1
    while k >= 0 and toks[k].text == "-":
        k -= 1
    if k < 0:
        return -1  # only dashes before the verb: no subject
    if toks[k + 1].start == toks[k].end:
        return j  # a hyphen glued to a word, not a spaced dash
    k = next((m for m in range(k, -1, -1) if toks[m].text in DASHES and m > 0 and toks[m].start > toks[m - 1].end),
             -1)
    while k > 0 and toks[k - 1].text == "-":
        k -= 1
    return k - 1


def _with_subject(toks: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The subject of a participle in an absolute "with" clause ("…, with some members warning it would …",
    "with Trump saying …"): the noun phrase between "with" and the participle at ``i`` (at most five words,
    none of them a verb or clause word), or None."""
    k = i - 1
    while k >= 0 and i - k <= 5 and toks[k].is_word and toks[k].lower != "with" \
            and not _verb_like(toks[k].lower) and toks[k].lower not in BOUNDARY_WORDS:
        k -= 1
    if k < 0 or k == i - 1 or toks[k].lower != "with":
        return None
    return toks[k + 1].start, toks[i - 1].end


def _subjectless(toks: Sequence[Token], hit: VerbHit) -> bool:
    """A participle ("saying", "adding"), an infinitive ("to claim") or a second verb after "and" ("X echoed
    the comments and said"): a verb whose subject is its clause's."""
    i = hit.token_index
    if hit.form.lower().endswith("ing"):
        return True
    if _coordinated(toks, i):
        return True
    if i > 0 and toks[i - 1].lower in {"help", "helps", "helped", "helping"}:
        return True  # "helped confirm": a bare infinitive
    return i > 0 and toks[i - 1].lower == "to" and not (i > 1 and toks[i - 2].lower in {"declined", "refused"})


def _coordinated(toks: Sequence[Token], i: int) -> bool:
    """A second verb after "and"/"but" ("X echoed the comments and said", "Mueller didn't charge Trump but
    wrote"); not "the U.S. and Ukraine accuse": a lower-case word before the conjunction ends a verb phrase."""
    return i > 1 and toks[i - 1].lower in {"and", "but"} and toks[i - 2].is_word and toks[i - 2].text[:1].islower()


AUXILIARIES = frozenset("""is was are were has had have will would could can may might must should did does do
    also still then later again never not just""".split())


def _verb_like(low: str) -> bool:
    """A word that may be the verb after a clause's subject ("dismissed", "was", "took", "didn't")."""
    if low.endswith(("n't", "n’t")):
        low = low[:-3]
    return low.endswith("ed") or low in AUXILIARIES or low in IRREGULAR_PAST or low in {"ca", "wo"}


IRREGULAR_PAST = frozenset("""took went made gave got put said told wrote came saw sent left met kept ran brought
    thought felt found led held stood won lost spoke""".split())


def _words_between(tokens: Sequence[Token], a: int, b: int) -> int:
    return sum(1 for t in tokens if a <= t.start and t.end <= b and t.is_word)


class _Finder:
    """One pass over an article: direct quotes first, then verb, according-to and citing attributions."""

    def __init__(self, doc: ParsedArticle, settings: Settings) -> None:
        self.doc = doc
        self.settings = settings
        self.verbs = reporting_verbs_for(settings)
        self.types = source_types_for(settings)
        self.resolve = actor_resolver()
        # sentences too long to search (see MAX_SENTENCE_WORDS): no reporting verbs, so no speakers
        self.too_long = {s.index: n for s in doc.sentences if (n := len(s.words)) > MAX_SENTENCE_WORDS}
        self.hits = {s.index: [] if s.index in self.too_long else find_verb_hits(s, self.verbs)
                     for s in doc.sentences}
        self.tags = tag_verbs_for(settings)
        self.frames = frame_verbs_for(settings)
        self.frame_nouns = frame_nouns_for(settings)
        self._tag_hits: dict[int, list[VerbHit]] = {}  # sentence index -> tag-verb hits (found on demand)
        self.quotes: list[Quote | None] = []  # None: a direct quote absorbed into a mixed quote
        self.scare: list[tuple[int, int, str]] = []
        self.stance: dict[int, StanceVerb] = {}
        self.direct: list[tuple[int, int]] = []  # content spans of direct quotes (and scare quotes)
        self.per_quoted: set[int] = set()  # content starts of direct quotes attributed by "per"/"according to" after
        self.used_verbs: set[int] = set()  # start offsets of verbs that only name a direct quote's speaker
        self.direct_starts: list[int] = []  # starts of self.direct (direct quotes are found in text order)
        self.quoted: list[tuple[int, int]] = []  # content spans of direct quotes, also inside mixed quotes
        self.by_verb: dict[int, list[Quote]] = {}  # verb start -> direct quotes it introduces (speaker_before)
        self.cues: PronounCues = load_pronoun_cues()
        mentions = body_mentions(doc, settings)
        self.genders = person_genders(doc, mentions, self.cues)
        self.antecedents = AntecedentIndex(doc, self._in_direct)
        stypes: dict[str, str] = {}  # surface -> source type (classified once per spelling)
        for m in mentions:
            kind = {"person": "person", "organisation": "thing", "country": "country"}.get(m.kind, "")
            if kind:
                if m.surface not in stypes:
                    stypes[m.surface] = str(m.source_type or "") or classify_speaker(m.surface, self.types)
                value = (m.actor, m.surface, stypes[m.surface], True)
                self.antecedents.add(Candidate(m.start, m.end, m.sentence_index, kind,
                                               self.genders.get(m.actor, ""), value))
        self.last_direct: Quote | None = None  # the direct quote found last (continuations follow it)
        self._last_cand: Candidate | None = None  # the antecedent :meth:`_pronoun` found last
        self._resolved: dict[str, tuple[Any, int]] = {}  # speaker phrase -> (its actor mention, where it was)
        self._role_subjects()
        self.position: dict[tuple[str, int, int], int] = {}  # quote key -> its index in self.quotes
        # pronoun speakers are resolved after every speaker phrase is known (:meth:`_resolve_pronouns`)
        self.pending: dict[tuple[str, int, int], tuple[str, Sentence, int]] = {}  # quote key -> pronoun, where
        self.continues: dict[tuple[str, int, int], tuple[str, int, int]] = {}  # continuation -> quote it continues
        self.pending_stance: dict[int, tuple[str, int, int]] = {}  # verb start -> quote whose speaker it names
        self.absorbed: dict[tuple[str, int, int], tuple[str, int, int]] = {}  # dropped direct -> its mixed quote
        self.verb_speaker: dict[int, tuple[int, int]] = {}  # verb start -> body offsets of its speaker phrase

    def _role_subjects(self) -> None:
        """A sentence whose subject is a definite role description of a person of the article ("The former
        president did not directly criticize Donald Trump, but he …") names that person again: the
        description is an antecedent candidate, as the person's own mentions are (resolved through the role
        titles the entity layer saw before person names: :func:`analysis.entities.resolve_actor`). A definite
        plural of people ("The five supreme court judges based …") is a group candidate for a later "they"."""
        for s in self.doc.sentences:
            toks = s.tokens
            k = next((n for n, t in enumerate(toks) if t.is_word and t.lower not in CONJUNCTIONS), len(toks))
            if s.index in self.too_long or k >= len(toks) or toks[k].lower != "the":
                continue
            words = []
            for t in toks[k + 1:k + 5]:
                if not (t.is_word and t.text[:1].islower()) or _verb_like(t.lower):
                    break
                words.append(t)
            nxt = toks[k + 1 + len(words)] if k + 1 + len(words) < len(toks) else None
            if not words or nxt is None or not nxt.is_word or not (_verb_like(nxt.lower) or any(
                    h.token_index == k + 1 + len(words) for h in self.hits[s.index])):
                continue
            surface = self.doc.body[toks[k].start:words[-1].end]
            last = words[-1].lower
            if last.endswith("s") and not last.endswith(("ss", "us", "is")) and self.cues.names_people(last):
                # "The five supreme court judges based their judgment on …. They ruled that …": a group
                self._speaker(surface, s, toks[k].start)
                continue
            mention = self._resolve(surface, s, toks[k].start)
            if mention is not None and getattr(mention, "kind", "") == "person" \
                    and str(getattr(mention, "rule", "")).startswith("role of"):
                value = (str(mention.actor), surface, str(getattr(mention, "source_type", "") or OTHER), True)
                self.antecedents.add(Candidate(toks[k].start, words[-1].end, s.index, "person",
                                               self.genders.get(str(mention.actor), ""), value))

    # ---- speakers -------------------------------------------------------------------------
    def _pronoun(self, pronoun: str, sentence: Sentence, offset: int) -> tuple[tuple[str, str, str, bool], str]:
        """(speaker, surface, type, named) and speaker rule of a pronoun speaker (module :mod:`.speakers`)."""
        kind = self.cues.pronouns.get(pronoun.lower(), "")
        cand = self.antecedents.find(kind, sentence.index, offset) if kind else None
        self._last_cand = cand
        if cand is None:
            return ("", pronoun, OTHER, False), f"pronoun '{pronoun}': no compatible antecedent"
        speaker, _surface, stype, named = cand.value
        return (speaker, pronoun, stype, named), \
            f"pronoun '{pronoun}': nearest {cand.gender + ' ' if cand.gender else ''}{cand.kind}"

    def _definite_org(self, surface: str, sentence: Sentence, at: int) -> Any:
        """"the ministry" / "the agency": the organisation named before whose name ends in that noun
        ("Emergencies Ministry"), searched like a pronoun's antecedent; None when there is none."""
        head = definite_head(surface.split())
        if not head:
            return None
        # "the ministry" names its kind of organisation and may look far back; "the company" only near
        window = ORG_WINDOW if head not in GENERIC_ORG_HEADS else (PRONOUN_PARAGRAPHS, PRONOUN_SENTENCES)
        cand = self.antecedents.find(f"org:{head}", sentence.index, at, window=window)
        if cand is None:
            return None
        actor, _surface, stype, _named = cand.value
        return _OrgMention(actor, "organisation", stype, f"definite description of {actor}", at, at + len(surface))

    def _candidate_kind(self, surface: str, mention: Any, anonymous: bool, stype: str = "") -> tuple[str, str]:
        """(kind, gender) of a speaker phrase as an antecedent of a later pronoun; a document or a medium ("A 2008
        commission document states …", "The news network reported") is a thing, the antecedent of a later "It"."""
        words = [t.text for t in tokenize(surface) if t.is_word]
        if stype in ("document", "other media") and mention is None and not words[-1].lower().endswith("s"):
            return "thing", ""  # "A 2008 commission document", "The news network": "it", not "he"
        if mention is not None:
            if mention.kind == "person":
                return "person", self.genders.get(str(mention.actor), "") or phrase_gender(words, self.cues)
            if mention.kind in ("organisation", "country"):
                return ("thing" if mention.kind == "organisation" else "country"), ""
        head = [t.lower for t in tokenize(head_phrase(surface)) if t.is_word]
        last = head[-1] if head else ""
        if last.endswith("s") and not last.endswith(("ss", "us", "is")):
            return "plural", ""
        if anonymous or (words[:1] and words[0].lower() in {"a", "an", "the"}) or phrase_gender(words, self.cues):
            return "person", phrase_gender(words, self.cues)
        if words and all(w[:1].isupper() for w in words):
            return "person", ""  # an unlisted name ("Peter Brown")
        return "", ""

    def _speaker(self, surface: str, sentence: Sentence, offset: int = -1) -> tuple[tuple[str, str, str, bool], str]:
        """(speaker, surface, type, named) and speaker rule for a phrase printed in ``sentence`` at body ``offset``."""
        lead = len(surface) - len(surface.lstrip(_TRAILING + "—–"))
        surface = surface.strip(_TRAILING + "—–")
        if not surface:
            return ("", "", "", False), ""
        if surface.lower() in PRONOUNS:
            return ("", surface, OTHER, False), PENDING  # resolved once every candidate is known
        anonymous = is_anonymous(surface, self.types) or bool(anonymous_cue(sentence.text, self.types))
        mention = self._resolve(surface, sentence, offset + lead if offset >= 0 else 0)
        accepted = False
        if mention is not None and not str(getattr(mention, "rule", "")).startswith("demonym"):
            # accept the actor only when it is the head of the phrase, not a modifier inside it
            matched = surface[max(0, mention.start - offset - lead):max(0, mention.end - offset - lead)] \
                if offset >= 0 else surface
            head = source_key(head_phrase(surface))
            key = source_key(matched)
            coordinated = " and " in f" {head} " or "," in head
            accepted = bool(key) and (key == head or (not coordinated and head.endswith(key)))
        if not accepted:
            coref = self._definite_org(surface, sentence, offset + lead if offset >= 0 else sentence.start)
            if coref is not None:
                mention, accepted = coref, True
        speaker = surface
        stype = ""
        if accepted and mention is not None:
            stype = str(getattr(mention, "source_type", "") or "")
            if not anonymous:
                speaker = str(mention.actor)
        if not stype:
            stype = classify_speaker(surface, self.types)
        if stype == OTHER and mention is not None and getattr(mention, "source_type", ""):
            stype = str(mention.source_type)  # "the U.S., South Korea, and Ukraine": governments
        value = (speaker, surface, stype, not anonymous)
        if offset >= 0:
            kind, gender = self._candidate_kind(surface, mention if accepted else None, anonymous, stype)
            if kind:
                self.antecedents.add(Candidate(offset + lead, offset + lead + len(surface), sentence.index, kind,
                                               gender, value))
        return value, "as printed" if speaker == surface else "as printed; actor resolved"

    def _resolve(self, surface: str, sentence: Sentence, offset: int) -> Any:
        """The actor mention of a speaker phrase (:func:`analysis.entities.resolve_actor`), resolved once per
        phrase and article: a repeated phrase reuses the answer, its offsets moved to where it is printed."""
        if self.resolve is None:
            return None
        if surface in self._resolved:
            mention, base = self._resolved[surface]
            if mention is None or not hasattr(mention, "start"):
                return mention
            return replace(mention, sentence_index=sentence.index, start=mention.start - base + offset,
                           end=mention.end - base + offset)
        try:
            mention = self.resolve(surface, self.doc, self.settings, sentence_index=sentence.index, start=offset)
        except Exception:  # a resolver failure must not lose the quote
            mention = None
        self._resolved[surface] = (mention, offset)
        return mention

    def _subject(self, s: Sentence, i: int) -> tuple[int, int, str] | None:
        """Subject phrase of the verb at token ``i``: (start, end, boundary) in body offsets, or None."""
        toks = s.tokens
        j = i - 1
        if i >= 3 and toks[i - 1].lower == "as" and toks[i - 2].lower == "quoted":
            # "“…,” he's quoted as saying" / "Thatcher was quoted as saying": the one quoted speaks
            j = i - 3
            if toks[j].lower in BE_FORMS:
                j -= 1
            elif toks[j].lower[:-2] in PRONOUNS and toks[j].lower.endswith(("'s", "’s")):
                return toks[j].start, toks[j].end - 2, "start" if j == 0 else "word"
        passive = False
        while j >= 0 and toks[j].is_word and (
                toks[j].lower in SKIP_BEFORE_VERB or toks[j].lower in BE_FORMS or toks[j].lower.endswith(("n't", "n’t"))
                or _adverb(toks[j]) or toks[j].lower in {"declined", "refused"}
                or (toks[j].lower == "to" and j > 0 and toks[j - 1].lower in {"declined", "refused"})):
            passive = passive or (toks[j].lower in BE_FORMS and not toks[i].lower.endswith("ing"))
            j -= 1
        if passive:
            return None  # "he would be asked", "was told": the subject is not the speaker
        j = _before_dashes(toks, j)
        if j >= 0 and toks[j].is_word and toks[j].lower == "to":
            return None  # an infinitive ("to add pressure"), not a report
        if j >= 1 and toks[j].text == "," and toks[j - 1].text == ".":
            pass  # "D-N.Y., said": the comma logic below sees the affiliation as one piece
        if j >= 0 and toks[j].text == ")":
            # "Rep. Dan Crenshaw (R-TX) wrote": the parenthesis belongs to the name before it
            k = next((m for m in range(j - 1, max(-1, j - 12), -1) if toks[m].text == "("), None)
            if k is None or k == 0:
                return None
            j = k - 1
        if j >= 0 and toks[j].text == ",":
            # a parenthetical between subject and verb: "The Pentagon, meanwhile, confirmed"
            k = next((m for m in range(j - 1, -1, -1) if toks[m].text == ","), None)
            if k is None or k == 0:
                return None
            inner = [t for t in toks[k + 1:j] if t.is_word]
            if inner and len(inner) <= 8 and _name_words(inner) and toks[k - 1].is_word \
                    and toks[k - 1].text[:1].islower() and not _AFFILIATION.match(inner[0].text):
                # an apposed name after a description: "The governor, Mr. Hogan, announced" -> "Mr. Hogan"
                # (not "Storhaug, 45, from Andover, Minn., said", not "Graham, R-S.C., said")
                return inner[0].start, inner[-1].end, "comma"
            j = k - 1
            while j > 0:  # more pieces set off by commas: "Mary Kay Storhaug, 45, from Andover, Minn., said"
                comma = next((m for m in range(j, -1, -1) if toks[m].text == ","), -1)
                piece = [t for t in toks[comma + 1:j + 1] if t.is_word]
                if comma <= 0 or not piece or not _parenthetical(piece):
                    break
                j = comma - 1
        if j < 0:
            return None
        a = j
        while a >= 0 and not self._boundary(toks[a]):
            a -= 1
        start = a + 1
        if start <= j and a > 0 and toks[a].text == "," and _AFFILIATION.match(toks[start].text):
            j = a - 1  # "Chuck Schumer, D-N.Y. said": the affiliation is set off by one comma only
            a = j
            while a >= 0 and not self._boundary(toks[a]):
                a -= 1
            start = a + 1
        apposed = self._name_before_description(toks, a, start, j)
        if apposed is not None:
            return apposed
        if start > j:
            if a >= 0 and toks[a].lower in {"who", "which", "that"}:
                return self._relative_antecedent(s, a)
            return None
        if toks[start].lower in {"and", "or"} and a >= 0 and toks[a].text == ",":
            # a list of speakers: "the U.S., South Korea, and Ukraine accuse"; a longer piece before ", and" is a
            # clause of its own ("Putin ordered a commission to investigate, and spokeswoman Petrenko said")
            after_and, listed = start + 1, False
            while a >= 0 and toks[a].text == ",":
                b = a - 1
                while b >= 0 and not self._boundary(toks[b]):
                    b -= 1
                long_piece = sum(1 for t in toks[b + 1:a] if t.is_word) > 4
                if long_piece and not listed:
                    start = after_and  # no list: the piece before ", and" is a clause
                    break
                start, a, listed = b + 1, b, True
                if long_piece:
                    break  # the list's head: "Intelligence reports from the U.S., South Korea, and Ukraine"
        if sum(1 for t in toks[start:j + 1] if t.is_word) > SUBJECT_MAX_WORDS:
            return None
        boundary = "start" if a < 0 else ("comma" if toks[a].text == "," else "word")
        k = j
        while k > start and toks[k].lower in TIME_WORDS | MONTHS | {"in", "at", "late", "early"}:
            k -= 1
        if k < j and any(toks[m].lower in MONTHS | TIME_WORDS - {"on", "this", "last", "earlier", "later"}
                         for m in range(k + 1, j + 1)):
            j = k  # "President Trump on Wednesday (asked)", "Trump last week": the date is no part of the speaker
        j = _before_ticker(toks, start, j)
        trimmed = trim_subject(toks, start, j)
        if trimmed is None:
            return None  # a fragment ("workplace and", "The newly"): no speaker rather than a wrong one
        conj = [m for m in range(trimmed, j) if toks[m].lower in {"and", "but"}]
        if conj and any(_verb_like(toks[m].lower) for m in range(trimmed, conj[-1])):
            trimmed = conj[-1] + 1  # "after a truce was left in tatters and Israel (said)": a clause, then the subject
        if any(h.token_index != i and trimmed <= h.token_index <= j for h in self.hits[s.index]):
            return None  # "said in a research (note)", "saying he cannot (comment)": a clause, not a speaker
        return toks[trimmed].start, toks[j].end, boundary

    @staticmethod
    def _name_before_description(toks: Sequence[Token], a: int, start: int, j: int) -> tuple[int, int, str] | None:
        """'Theodore Karasik, director of research at the Institute …, told': when the phrase before the verb
        (toks[start:j + 1], after the comma at ``a``) is a lower-case description, the capitalised name set
        off before that comma is the speaker; None otherwise."""
        if start > j or a <= 0 or toks[a].text != "," or not toks[start].is_word or not toks[start].text[:1].islower() \
                or toks[start].lower in DETERMINERS | CONJUNCTIONS | {"or", "nor"} or j - start < 1:
            return None  # "On Tuesday, the minister said": a determiner opens a subject of its own; "X, Y, and Z"
        b = a - 1
        while b >= 0 and toks[b].is_word and (toks[b].text[:1].isupper() or toks[b].lower in NAME_LINKS):
            b -= 1
        words = toks[b + 1:a]
        if not 2 <= len(words) <= 5 or not _name_words(words) or (b >= 0 and toks[b].is_word) \
                or words[0].lower in CLAUSE_OPENERS:
            return None
        return words[0].start, words[-1].end, "comma"

    def _relative_antecedent(self, s: Sentence, a: int) -> tuple[int, int, str] | None:
        """The subject of "…, who said" / "a pinned tweet that reads": for "who", the person or group named
        last before it in the sentence ("said Catherine Evans, a mom in Silver Spring, Maryland, who said" ->
        Catherine Evans); otherwise the noun phrase before it, from its last determiner."""
        toks = s.tokens
        if toks[a].lower == "who":
            b = a - 2 if a >= 2 and toks[a - 1].text == "," else a - 1
            run = []
            while b >= 0 and toks[b].is_word and toks[b].text[:1].isupper():
                run.insert(0, toks[b])
                b -= 1
            if len(run) >= 2:  # "allegations from Deborah Ramirez, who claims"
                return run[0].start, run[-1].end, "relative"
            cand = self.antecedents.find("any", s.index, toks[a].start, same_sentence=True)
            if cand is not None:  # "said Catherine Evans, a mom in Silver Spring, Maryland, who said"
                return cand.start, cand.end, "relative"
        b = a - 1
        if b >= 0 and toks[b].text == ",":
            b -= 1
        a2 = b
        while a2 >= 0 and not self._boundary(toks[a2]):
            a2 -= 1
        if a2 + 1 > b:
            return None
        det = next((m for m in range(b, a2, -1) if toks[m].lower in DETERMINERS), a2 + 1)
        return toks[det].start, toks[b].end, "relative"

    @staticmethod
    def _boundary(t: Token) -> bool:
        return t.text in BOUNDARY_PUNCT or (t.is_word and t.lower in BOUNDARY_WORDS)

    def _add(self, kind: str, surface: tuple[int, int] | None, s: Sentence, start: int, end: int,
             hit: VerbHit | None, rule: str, inherit: Quote | None = None, cand: Candidate | None = None,
             cand_rule: str = "") -> Quote | None:
        """Record a quote whose speaker phrase is ``body[surface[0]:surface[1]]`` (None: unattributed,
        or the speaker of ``inherit`` for a quote that continues an earlier one, or the already resolved
        implicit subject ``cand``)."""
        if inherit is not None:
            speaker, surf, stype, named = inherit.speaker, inherit.speaker_surface, inherit.speaker_type, inherit.named
            speaker_rule = "continuation of the previous quote"
            pronoun_at = -1
        elif cand is not None:
            speaker, surf, stype, named = cand.value
            speaker_rule = cand_rule
            pronoun_at = -1
        elif surface is None:
            speaker, surf, stype, named = "", "", "", False
            speaker_rule = ""
            pronoun_at = -1
        else:
            (speaker, surf, stype, named), speaker_rule = self._speaker(self.doc.body[surface[0]:surface[1]], s,
                                                                        surface[0])
            pronoun_at = surface[0] + len(self.doc.body[surface[0]:surface[1]]) - \
                len(self.doc.body[surface[0]:surface[1]].lstrip(_TRAILING + "—–"))
        body = self.doc.body
        while start < end and body[start] in " ,:—–":
            start += 1
        while end > start and body[end - 1] in " ,;:—–":
            end -= 1
        if end <= start:
            return None
        q = Quote(kind, speaker, surf, stype, named, hit.lemma if hit else "", hit.negated if hit else False,
                  sentence_at(self.doc, start), sentence_at(self.doc, max(start, end - 1)), start, end,
                  body[start:end], hit.tier if hit else "", rule, speaker_rule)
        key = _key(q)
        self.position[key] = len(self.quotes)
        self.quotes.append(q)
        if speaker_rule == PENDING:
            self.pending[key] = (surf, s, pronoun_at)
        if inherit is not None:
            self.continues[key] = _key(inherit)
        if hit is not None and surface is not None:
            self.verb_speaker.setdefault(hit.start, surface)
        if hit is not None and hit.tier and hit.start not in self.stance:  # tag verbs ("shouted") carry no stance
            self._stance(hit, speaker)
            if speaker_rule == PENDING or inherit is not None:
                self.pending_stance[hit.start] = key
        return q

    def _resolve_pronouns(self) -> None:
        """Resolve pronoun speakers in text order, now that every speaker phrase is a candidate; a
        resolved pronoun is a candidate for later ones ("he said … he added"), and a continuation takes
        the speaker of the quote it continues."""
        done: dict[tuple[str, int, int], Quote] = {}
        kept = [n for n, q in enumerate(self.quotes) if q is not None]
        # a sentence that opens with "He"/"She" outside quotes names its antecedent again ("He has now
        # decided …"): resolved in the same pass, it is a candidate for the pronouns after it
        events = [(q.start, 1, n) for n in kept if (q := self.quotes[n]) is not None] + \
            [(t.start, 0, -1 - s.index) for s in self.doc.sentences if s.index not in self.too_long
             for t in s.tokens[:1] if t.lower in ("he", "she") and not self._in_direct(t.start)]
        for _pos, _kind, n in sorted(events):
            if n < 0:
                sent = self.doc.sentences[-1 - n]
                tok = sent.tokens[0]
                cand = self.antecedents.find(self.cues.pronouns.get(tok.lower, ""), sent.index, tok.start)
                if cand is not None:
                    self.antecedents.add(replace(cand, start=tok.start, end=tok.end, sentence_index=sent.index))
                continue
            q = self.quotes[n]
            assert q is not None
            key = _key(q)
            if key in self.pending:
                pronoun, s, at = self.pending[key]
                value, rule = self._pronoun(pronoun, s, at)
                q = replace(q, speaker=value[0], speaker_type=value[2], named=value[3], speaker_rule=rule)
                cand = self._last_cand
                if cand is not None and at >= 0:
                    self.antecedents.add(replace(cand, start=at, end=at + len(pronoun), sentence_index=s.index))
            elif key in self.continues and (src_key := self.absorbed.get(self.continues[key],
                                                                         self.continues[key])) in done:
                src = done[src_key]
                q = replace(q, speaker=src.speaker, speaker_surface=src.speaker_surface,
                            speaker_type=src.speaker_type, named=src.named)
            done[key] = q
            self.quotes[n] = q
        for start, key in self.pending_stance.items():
            if key in done and start in self.stance:
                self.stance[start] = replace(self.stance[start], speaker=done[key].speaker)

    def _stance(self, hit: VerbHit, speaker: str) -> None:
        self.stance[hit.start] = StanceVerb(hit.lemma, hit.tier, hit.form, speaker, hit.sentence_index,
                                            hit.start, hit.end, hit.negated)

    # ---- direct quotes ----------------------------------------------------------------------
    def _direct(self) -> None:
        body = self.doc.body
        sents = self.doc.sentences
        word_starts = [t.start for t in self.doc.words]
        posts = embedded_posts(self.doc)
        for open_at, close in [*_quote_mark_spans(self.doc), (len(body), len(body))]:
            while posts and posts[0][0] <= open_at:
                self._post(*posts.pop(0))
            if (self.direct and open_at < self.direct[-1][1]) or open_at >= len(body):
                continue  # quotation marks inside an embedded post are the post's
            cstart, cend = open_at + 1, close
            content = body[cstart:cend]
            # words inside the marks (a word token lies inside or outside: marks are tokens of their own)
            n_words = bisect_right(word_starts, cend - 1) - bisect_right(word_starts, cstart - 1)
            if n_words == 0:
                continue
            first = sents[sentence_at(self.doc, open_at)]
            self.direct.append((cstart, cend))  # before the speaker search: its own words are no antecedent
            self.direct_starts.append(cstart)
            # "…,” / "…?”" / "…,’”" (a nested quote closing first) / "…” – Name" / "…”, said"
            speechlike = content.rstrip().rstrip("’'")[-1:] in ",.!?…" or body[close + 1:close + 2] == ","
            tag = self._speaker_after(close, speechlike, open_at) if close < len(body) else None
            if tag is None:
                tag = self._speaker_before(first, open_at) or self._speaker_before_paragraph(first, open_at)
            if tag is None and close < len(body) and (per := per_source(body, close)) is not None:
                # '“…,” according to the Post.' (after the verb rules: in 'Most respondents said “no,” according to
                # the poll' the phrase attributes the sentence, and the respondents said "no")
                tag = _Tag(per, None, self.doc.sentences[sentence_at(self.doc, per[0])], "speaker_after_per")
            short = n_words <= SCARE_MAX_WORDS and not re.search(r"[.!?…](?:\s|$)|,\s*$", content)
            if tag is None and short:  # "called the ruling a “turning point”": a source's words, not scare quotes
                tag = self._framed(first, open_at)
            inherit = self._continued(first, open_at) if tag is None else None
            if tag is None and short and not (inherit is not None and self._whole_sentence(first, cstart, cend)):
                self.scare.append((cstart, cend, content))  # a short quote is speech only as a sentence of its own
                continue
            if tag is None:
                tag = _Tag(None, None, first, "continuation" if inherit else "unattributed")
            elif tag.rule == "speaker_after" and tag.hit is not None:
                self.used_verbs.add(tag.hit.start)
            q = self._add("direct", tag.surface, tag.sentence, cstart, cend, tag.hit, tag.rule, inherit,
                          tag.cand, tag.cand_rule)
            if q is not None:
                self.quoted.append((q.start, q.end))
                self.last_direct = q
                if tag.rule == "speaker_after_per":
                    self.per_quoted.add(cstart)
                if tag.rule == "speaker_before" and tag.hit is not None and tag.hit.tier:
                    self.by_verb.setdefault(tag.hit.start, []).append(q)

    def _framed(self, s: Sentence, open_at: int) -> _Tag | None:
        """The speaker of quoted words that are the object of a frame verb ("X called the ruling a “…”", "X
        denounced a so-called “…” mentality"; ``frame_verbs`` of the reporting-verb lexicon) or follow a
        possessive and a frame noun ("Rubio’s threat of “…”"; ``frame_nouns``), or None. The verb must come
        within eight words before the quote in the same clause, and not be a phrasal use ("called for")."""
        if s.index in self.too_long:
            return None
        toks = s.tokens
        hits = [h for h in find_verb_hits(s, self.frames) if h.end <= open_at and not self._in_direct(h.start)]
        if not hits:
            return self._possessive_frame(s, open_at)
        h = hits[-1]
        between = [t for t in toks if h.end <= t.start < open_at]
        nxt = between[0] if between else None
        if any(t.text in ";:.!?" for t in between) or sum(t.is_word for t in between) > 8 \
                or (nxt is not None and nxt.lower in {"for", "on", "off", "up", "out", "in", "back", "upon"}):
            return None
        if _subjectless(toks, h):
            tag = self._clause_subject(s, h.token_index, h, f"'{h.form}'")
            return replace(tag, rule="speaker_before_frame") if tag is not None else None
        sub = self._subject(s, h.token_index)
        return _Tag((sub[0], sub[1]), h, s, "speaker_before_frame") if sub is not None else None

    def _possessive_frame(self, s: Sentence, open_at: int) -> _Tag | None:
        """'Sen. Marco Rubio’s threat of “vigorous oversight”': the possessor before a frame noun right before
        the quote (an "of" or "that" between them allowed), or None."""
        toks = [t for t in s.tokens if t.end <= open_at]
        k = len(toks) - 1
        while k >= 0 and toks[k].is_word and toks[k].lower in {"of", "that", "a", "an", "about"}:
            k -= 1
        if k < 1 or not (toks[k].is_word and toks[k].lower in self.frame_nouns):
            return None
        k -= 1
        if toks[k].text in {"’s", "'s"}:
            k -= 1
            end = toks[k].end
        elif toks[k].is_word and toks[k].text.endswith(("’s", "'s")):
            end = toks[k].end - 2
        else:
            return None
        name = []
        while k >= 0 and toks[k].is_word and toks[k].text[:1].isupper():
            name.insert(0, toks[k])
            k -= 1
        if not name or (len(name) == 1 and name[0].lower in SENTENCE_OPENERS):
            return None
        return _Tag((name[0].start, end), None, s, "speaker_before_frame")

    def _post(self, cstart: int, cend: int, name_start: int, name_end: int) -> None:
        """Record an embedded post (:func:`embedded_posts`) as a direct quote of the name in its signature."""
        self.direct.append((cstart, cend))
        self.direct_starts.append(cstart)
        s = self.doc.sentences[sentence_at(self.doc, name_start)]
        q = self._add("direct", (name_start, name_end), s, cstart, cend, None, "embedded_post")
        if q is not None:
            self.quoted.append((q.start, q.end))
            self.last_direct = q

    def _speaker_before_paragraph(self, first: Sentence, open_at: int) -> _Tag | None:
        """A quote that opens its paragraph right after a paragraph ending in a colon ("Below is the memo sent
        from Goodell:" / "In a statement, the company said:"): the speaker is that colon's, or None."""
        doc = self.doc
        para = doc.paragraphs[first.paragraph]
        if first.paragraph == 0 or doc.body[para.start:open_at].strip():
            return None
        prev = doc.sentences[doc.paragraphs[first.paragraph - 1].sentence_indices[-1]]
        if not prev.text.rstrip().endswith(":"):
            return None
        m = _FROM_NAME.search(prev.text)
        if m is not None:  # "the memo sent from Goodell:"
            return _Tag((prev.start + m.start("name"), prev.start + m.end("name")), None, prev, "speaker_before_colon")
        return self._speaker_before(prev, prev.end)

    def _whole_sentence(self, s: Sentence, cstart: int, cend: int) -> bool:
        """Whether the quoted words are all the words of their sentence ("“I will miss him dearly”:")."""
        return s.index not in self.too_long and all(cstart <= t.start < cend for t in s.tokens if t.is_word)

    def _continued(self, first: Sentence, open_at: int) -> Quote | None:
        """The quote a quote without a reporting clause continues, or None.

        It is the direct quote just before, when that one has a speaker, ends in the same or the directly
        preceding paragraph, the new quote opens its sentence (no words of the journalist before it), and
        no other reporting clause (a reporting verb with a subject) stands between the two ("“A,” Kim
        said. Lee said the plan failed. “B.”": B is not Kim's).
        """
        prev = self.last_direct
        if prev is None or not (prev.speaker or _key(prev) in self.pending or _key(prev) in self.continues):
            return None
        sents = self.doc.sentences
        if self.antecedents.paragraphs_between(sents[prev.end_sentence_index].paragraph, first.paragraph) > 1:
            return None  # filler lines ("Photo", "AD") do not count as paragraphs
        if first.index in self.too_long or \
                any(t.is_word and t.start < open_at and not self._in_direct(t.start) for t in first.tokens):
            return None  # "Buono offered a blistering condemnation, “…”": a new clause, not a continuation
        for si in range(prev.end_sentence_index, first.index + 1):
            for h in self.hits[si]:
                if prev.end <= h.start < open_at and h.start not in self.used_verbs and not self._in_direct(h.start) \
                        and not h.form.lower().endswith("ing") \
                        and self._subject(sents[si], h.token_index) is not None:  # "when asked", "urging" have none
                    return None
        return prev

    def _tag_verbs(self, s: Sentence) -> list[VerbHit]:
        """Reporting-verb hits of ``s`` plus its tag verbs ("shouted", "tweeted"), in text order."""
        if s.index in self.too_long:
            return []
        if s.index not in self._tag_hits:
            self._tag_hits[s.index] = sorted(self.hits[s.index] + find_verb_hits(s, self.tags),
                                             key=lambda h: h.start)
        return self._tag_hits[s.index]

    def _implicit(self, hit: VerbHit, s: Sentence, at: int, rule: str) -> _Tag | None:
        """A participle tag ("“…,” adding that …"): its subject is the nearest person or group before."""
        cand = self.antecedents.find("any", s.index, at)
        if cand is None:
            return None
        return _Tag(None, hit, s, rule, cand, f"implicit subject of '{hit.form}': nearest {cand.kind}")

    def _speaker_after(self, close: int, speechlike: bool, open_at: int) -> _Tag | None:
        """'“…,” Rudenko said.' / '“…,” said Rudenko.' / '“…,” the agreement states.' / '“…” – Sen. Pat Toomey'."""
        doc = self.doc
        si = sentence_at(doc, close)
        dash = dash_name(doc.body, close)
        if dash is not None:
            return _Tag(dash, None, doc.sentences[sentence_at(doc, dash[0])], "speaker_after_dash")
        if not speechlike:
            return self._inverted_after(doc.sentences[si], open_at, close)
        per = per_source(doc.body, close, according=False)  # "“…,” per the Times."
        if per is not None:
            return _Tag(per, None, doc.sentences[sentence_at(doc, per[0])], "speaker_after_per")
        if per_source(doc.body, close) is not None:
            return None  # "“…,” according to a story first reported …": a verb inside the phrase names no speaker
        cands = [doc.sentences[si]]
        if doc.sentences[si].end <= close + 1 and si + 1 < len(doc.sentences) \
                and doc.sentences[si + 1].paragraph == doc.sentences[si].paragraph:
            cands.append(doc.sentences[si + 1])  # the parse split after '.”' before 'Rudenko said.'
        for s in cands:
            words = [t for t in s.tokens if t.start > close]
            nxt_mark = next((t.start for t in words if t.text in OPENERS or t.text == "”"), s.end)
            for hit in self._tag_verbs(s):
                if hit.start <= close or hit.start >= nxt_mark:
                    continue
                between = [t for t in words if t.end <= hit.start]
                before = [t for t in between if t.is_word]
                if any(t.text in ";!?" or (t.text == "." and not glued_period(s.tokens, t)) for t in between):
                    break
                if len(before) > SPEAKER_AFTER_MAX_WORDS:
                    # "“…,” Alex M. Azar II, the secretary of …, said" / "“…,” presumptive nominee … Joe Biden writes"
                    named = apposed_name(between, SPEAKER_AFTER_MAX_WORDS) or final_name(between)
                    if named is not None:
                        return _Tag(named, hit, s, "speaker_after")
                    break
                if s is not cands[0] and _words_between(s.tokens, hit.end, s.end) > 3:
                    return None  # a new statement ("Rudenko said the …"), not a speaker tag
                if before:
                    sub = self._subject(s, hit.token_index)
                    if sub is None:
                        return None  # a fragment before the verb: no speaker rather than a wrong one
                    sub_start = max(sub[0], before[0].start)
                    return _Tag((sub_start, sub[1]), hit, s, "speaker_after")  # "Blumenthal reportedly said"
                if hit.form.lower().endswith("ing"):
                    # "“…,” adding that …": the participle's subject is the speaker of the clause before
                    return self._implicit(hit, s, open_at, "speaker_after")
                after = name_after(s.tokens, hit.token_index + hit.n_tokens)
                return _Tag(after, hit, s, "speaker_after") if after else None
        return None

    def _inverted_after(self, s: Sentence, open_at: int, close: int) -> _Tag | None:
        """'“There is a lot of resentment” about the crown prince’s leadership, said one of the sources': a quote
        that opens its sentence but does not end its clause, completed by a few words and an inverted
        attribution (:meth:`_inverted`) in the same sentence; None otherwise (not 'The so-called “deal” would
        cost trillions, said Smith': the quoted words do not open the sentence)."""
        if s.index in self.too_long or any(t.is_word and t.start < open_at for t in s.tokens):
            return None
        toks = s.tokens
        for hit in self.hits[s.index]:
            if hit.start <= close:
                continue
            between = [t for t in toks if close < t.start < hit.start]
            if any(t.text in OPENERS or t.text in ";!?.”" for t in between) \
                    or sum(t.is_word for t in between) > SPEAKER_AFTER_MAX_WORDS:
                return None
            inverted = self._inverted(s, hit)
            return _Tag(inverted, hit, s, "speaker_after") if inverted is not None else None
        return None

    def _speaker_before(self, s: Sentence, open_at: int) -> _Tag | None:
        """'X said: “…”', 'X said that the treaty reflects “…”', 'Article 51 stipulates “…”', 'X shouted: “…”',
        'X took to Twitter, writing: “…”', 'Washington Examiner: “…”'."""
        toks = s.tokens
        for hit in reversed(self._tag_verbs(s)):
            if hit.end > open_at or self._in_direct(hit.start):
                continue
            gap = [t for t in toks if hit.end <= t.start < open_at]
            adjacent = all(not t.is_word and t.text in ",:" for t in gap)
            if not hit.tier and not adjacent:
                continue  # a tag verb attributes only right before the quote ("As Daley put it, “…”")
            i = hit.token_index
            if _subjectless(toks, hit):
                tag = self._clause_subject(s, i, hit, f"'{hit.form}'")
                if tag is not None:
                    return tag
                continue
            sub = self._subject(s, i)
            if sub is not None:
                return _Tag((sub[0], sub[1]), hit, s, "speaker_before")
        if s.index in self.too_long:
            return None  # not searched (see MAX_SENTENCE_WORDS)
        colon = colon_name(s.text, s.start, open_at)
        if colon is not None:
            return _Tag(colon, None, s, "speaker_before_colon")
        k = next((n for n in range(len(toks) - 1, -1, -1) if toks[n].start < open_at), -1)
        first_word = next((t.lower for t in toks if t.is_word), "")
        if k > 0 and toks[k].text == ":" and first_word not in LABELS:  # "Trump was still confident of victory: “…”"
            tag = self._clause_subject(s, k, None, "a colon")
            if tag is not None:
                return replace(tag, rule="speaker_before_colon")
        return None

    def _clause_subject(self, s: Sentence, limit: int, hit: VerbHit | None, why: str) -> _Tag | None:
        """The subject of the clause that ends at token ``limit`` of ``s``, for a verb without its own subject:
        a participle ('X took to Twitter, writing: “…”'), an infinitive ('X veered off script to claim that
        …') or a colon ('X was still confident of victory: “…”'). Taken only when the clause (after its
        opening phrases: "However, despite …, X …") starts with a known person, group or organisation, or
        with capitalised words that are not a sentence opener ("Nadler", "Donald Trump"; not "The", "It")."""
        toks = s.tokens
        if hit is not None and hit.form.lower().endswith("ing"):
            with_np = _with_subject(toks, hit.token_index)
            if with_np is not None:  # "…, with some members warning it would …": the members warn
                return _Tag(with_np, hit, s, "speaker_before")
        k = 0
        while k < limit and toks[k].lower in CLAUSE_OPENERS:
            if toks[k].lower in CONJUNCTIONS:  # "But some Republicans backed Trump, noting": no opening phrase
                k += 1
                continue
            k = next((n + 1 for n in range(k, limit) if toks[n].text == ","), limit)
        main = k
        tagged = self._tag_of_bare_verb(s, limit, hit)
        if tagged is not None:
            return tagged
        # "Prosecutors have said Crusius surrendered …, saying": the clause starts after a reporting verb
        # (not for a second verb: "X asserted that Y revealed … and argued" is X's)
        coordinated = hit is not None and _coordinated(toks, hit.token_index)
        for h in () if coordinated else self.hits[s.index]:
            nxt = toks[h.token_index + h.n_tokens] if h.token_index + h.n_tokens < limit else None
            if nxt is not None and nxt.lower in NOT_SPEAKER_START - {"that"}:
                continue  # "they began to complain about Mr. Obama's focus, saying": no clause follows the verb
            if h.token_index + h.n_tokens <= limit and h is not hit and h.token_index >= k:
                k = h.token_index + h.n_tokens
                if k < limit and toks[k].lower == "that":
                    k += 1
        tag = self._subject_at(s, k, limit, hit, why)
        if tag is None and k != main:  # "Trump denied reports that he struck a deal, while insisting “…”"
            tag = self._subject_at(s, main, limit, hit, why)
        return tag

    def _tag_of_bare_verb(self, s: Sentence, limit: int, hit: VerbHit | None) -> _Tag | None:
        """'Mayorkas said Thursday, saying the US has …': a participle right after a reporting verb that reports
        nothing of its own (only a date between them) shares that verb's speaker phrase; None otherwise."""
        toks = s.tokens
        prev = [h for h in self.hits[s.index] if h is not hit and h.token_index + h.n_tokens <= limit]
        if not prev or prev[-1].start not in self.verb_speaker:
            return None
        h = prev[-1]
        between = toks[h.token_index + h.n_tokens:limit]
        if not all(not t.is_word or t.lower in TIME_WORDS | MONTHS for t in between):
            return None
        return _Tag(self.verb_speaker[h.start], hit, s, "speaker_before")

    def _subject_at(self, s: Sentence, k: int, limit: int, hit: VerbHit | None, why: str) -> _Tag | None:
        """The subject of :meth:`_clause_subject` when the clause starts at token ``k``, or None."""
        toks = s.tokens
        while k < limit and not toks[k].is_word:
            k += 1
        if k >= limit:
            return None
        if toks[k].lower in PRONOUNS and toks[k].lower != "it":  # "He looked into … and said": resolved later
            return _Tag((toks[k].start, toks[k].end), hit, s, "speaker_before")
        cand = self.antecedents.at(toks[k].start, toks[min(k + 2, limit - 1)].end)
        if cand is not None and cand.kind != "country":
            return _Tag(None, hit, s, "speaker_before", cand, f"implicit subject of {why}: the clause's subject")
        apposed = _apposed_before_verb(toks, k, limit)
        if apposed is not None:  # "The head of the RSS organisation, Mohan Bhagwat, echoed …"
            return _Tag(apposed, hit, s, "speaker_before")
        name = []
        for t in toks[k:limit]:
            if not (t.is_word and t.text[:1].isupper()) and not (t.text == "." and name):
                break
            name.append(t)
        words = [t for t in name if t.is_word]
        after = toks[k + len(name)] if k + len(name) < limit else None
        if words and not (len(words) == 1 and words[0].lower in SENTENCE_OPENERS) \
                and not (after is not None and after.is_word and not _verb_like(after.lower)):
            return _Tag((words[0].start, words[-1].end), hit, s, "speaker_before")
        # not "The", "It", "However" (a capitalised word at a clause start that names no one), not "Republican"
        # in "Republican lawmakers" (a modifier): a short phrase naming people before the verb is the subject
        group, n = [], k
        for t in toks[k:limit]:
            if group and t.is_word and t.lower in TIME_WORDS | MONTHS:
                n += 1  # "Democratic lawmakers on Friday trashed …, saying": the date is no part of the subject
                continue
            if not t.is_word or _verb_like(t.lower) or t.lower in BOUNDARY_WORDS:
                break
            group.append(t)
            n += 1
        after = toks[n] if n < limit else None
        if 0 < len(group) <= 5 and after is not None and after.is_word and _verb_like(after.lower) \
                and self.cues.names_people(group[-1].text) and group[-1].lower not in PRONOUNS:
            return _Tag((group[0].start, group[-1].end), hit, s, "speaker_before")  # "some Republicans backed"
        return None

    def _in_direct(self, offset: int) -> bool:
        i = bisect_right(self.direct_starts, offset) - 1  # direct spans are found in text order, never overlap
        return i >= 0 and offset < self.direct[i][1]

    # ---- verb attributions ----------------------------------------------------------------
    def _verb_attributions(self, s: Sentence) -> None:
        body = self.doc.body
        toks = s.tokens
        sent_quotes: list[Quote] = []
        for hit in self.hits[s.index]:
            if self._in_direct(hit.start) or hit.start in self.used_verbs:
                continue
            i = hit.token_index
            prev = toks[i - 1] if i > 0 else None
            nxt = toks[i + hit.n_tokens] if i + hit.n_tokens < len(toks) else None
            if prev is not None and prev.lower == "as" and nxt is not None and nxt.lower == "by":
                self._passive(s, hit, i)
                continue
            if reports_nothing(self.verbs, toks, hit):
                continue  # "did not respond to a request for comment", "ruled in favor of …"
            if _subjectless(toks, hit):
                self._participle_report(s, hit)
                continue
            sub = self._subject(s, i)
            inverted = self._inverted(s, hit)
            if inverted is not None and not (sub is not None and sub[2] == "start" and self._short_name(s, sub)):
                # "…, said a Commerce Ministry spokesman, Gao Feng." (not "Nelson Tebbe, a …, said the ruling …")
                q = self._add("indirect", inverted, s, s.start, toks[i - 1].start, hit, "clause_then_speaker")
                if q is not None:
                    sent_quotes.append(q)
                continue
            if sub is None:
                continue
            surface = body[sub[0]:sub[1]]
            if surface.lower() in PRONOUNS:
                parent = next((q for q in reversed(sent_quotes) if q.start <= hit.start < q.end), None)
                if parent is not None:  # "said it intercepted what it claims are": one report, two verbs
                    self._stance(hit, parent.speaker)
                    continue
            after_end = next((t.start for t in toks[i + hit.n_tokens:] if t.text in ",;—–"), s.end)
            words_after = _words_between(toks, hit.end, after_end)
            words_before = _words_between(toks, s.start, sub[0])
            as_after_comma = self._as_clause(toks, sub[0])  # "…, as The Post exclusively reported Tuesday."
            bare = self._bare_verb(s, hit, after_end) and "according" not in body[sub[0]:sub[1]].lower()
            if (sub[2] == "comma" or as_after_comma) and (words_after <= 3 or bare) and words_before >= 3:
                # "North Korea ratified …, state media reported Tuesday." – the clause comes first
                comma = max(t.start for t in toks if t.text == "," and t.end <= sub[0])
                q = self._add("indirect", sub[:2], s, s.start, comma, hit, "clause_then_speaker")
            else:
                start = self._after_that(toks, i + hit.n_tokens, hit.end)
                if start == hit.end and _no_complement(toks, i + hit.n_tokens):
                    continue  # "The president tweeted Sunday after a Democrat said …": nothing reported
                end = self._clause_end(s, start)
                outside = sum(1 for t in toks if t.is_word and start <= t.start and t.end <= end
                              and not self._in_direct(t.start))
                if outside < 2:
                    continue  # the complement is only a direct quote ('stipulates “…”')
                q = self._add("indirect", sub[:2], s, start, end, hit, "verb_complement")
                if q is not None:
                    q = self._absorb_partial_quotes(q, hit)
            if q is not None:
                sent_quotes.append(q)

    def _bare_verb(self, s: Sentence, hit: VerbHit, end: int) -> bool:
        """Whether the verb reports nothing after it: only a short phrase led by a preposition follows it up to
        ``end`` ("…, the company said in a statement released through TASS."), with no clause word in it
        ("explained to residents why …" reports)."""
        toks = s.tokens
        k = hit.token_index + hit.n_tokens
        rest = [t for t in toks[k:] if t.is_word and t.start < end]
        first = next((t for t in rest if t.lower not in TIME_WORDS), None)
        limit = 8 if [t.lower for t in rest[:3]] not in MEDIUM_PHRASES else 20  # "said in an interview with …"
        return first is not None and first.lower in NOT_SPEAKER_START - {"that", "by", "of"} and len(rest) <= limit \
            and not any(t.lower in BOUNDARY_WORDS | {"why", "how"} for t in rest) \
            and self._after_that(toks, k, hit.end) == hit.end

    @staticmethod
    def _as_clause(toks: Sequence[Token], start: int) -> bool:
        """Whether the subject at body offset ``start`` follows ", as" ("…, as The Post reported")."""
        k = next((n for n, t in enumerate(toks) if t.start >= start), 0)
        return k >= 2 and toks[k - 1].lower == "as" and toks[k - 2].text == ","

    def _inverted(self, s: Sentence, hit: VerbHit) -> tuple[int, int] | None:
        """The speaker of an inverted attribution after its clause ("…, said a Commerce Ministry spokesman, Gao
        Feng." / "…, said Oscar Wason, Dana Air's director of operations, on Monday."), or None.

        The verb follows a comma with at least three words of the journalist's before it, and a speaker
        phrase follows the verb (:func:`name_after`: no preposition or date) in which no word looks like a
        verb ("…, said the plan failed" reports, it names no speaker); the rest of the sentence is set off by
        commas. A description followed by an apposed name ("a spokesman, Gao Feng") gives the name.
        """
        toks = s.tokens
        i, k = hit.token_index, hit.token_index + hit.n_tokens
        if i < 1 or toks[i - 1].text != "," or _words_between(toks, s.start, toks[i - 1].start) < 3:
            return None
        if any(h.token_index < i - 1 for h in self.hits[s.index]):
            return None  # "Russia said it would …, reports the Monitor": the clause is a report of its own
        phrase = name_after(toks, k)
        if phrase is None:
            return None
        words = [t for t in toks[k:] if t.is_word and t.end <= phrase[1]]
        if len(words) > 8 or any(_verb_like(t.lower) or t.lower in PRONOUNS for t in words):
            return None
        rest = [t for t in toks if t.start >= phrase[1]]
        if (rest and rest[0].text not in ",.;") or any(t.is_word and t.lower in BOUNDARY_WORDS for t in rest[:1]):
            return None
        if words[0].text[:1].isupper():
            return phrase  # "said Oscar Wason"
        if len(rest) > 1 and rest[0].text == ",":
            name = []
            for t in rest[1:]:
                if not (t.is_word and t.text[:1].isupper()):
                    break
                name.append(t)
            after = rest[1 + len(name)] if 1 + len(name) < len(rest) else None
            if 1 < len(name) <= 4 and (after is None or after.text in ",."):
                return name[0].start, name[-1].end  # "a Commerce Ministry spokesman, Gao Feng"
        if self.cues.names_people(words[-1].text):
            return phrase  # "said one of the sources", "said a senior official"
        return None  # "…, said the ruling moves beyond …": a report, not a speaker

    @staticmethod
    def _short_name(s: Sentence, sub: tuple[int, int, str]) -> bool:
        """Whether a subject span is a name of at most five capitalised words ("Nelson Tebbe", "Stone")."""
        words = [t for t in s.tokens if sub[0] <= t.start and t.end <= sub[1] and t.is_word]
        return 0 < len(words) <= 5 and _name_words(words)

    def _participle_report(self, s: Sentence, hit: VerbHit) -> None:
        """'X apologised, saying that …' / 'X veered off script to claim that …': an indirect quote whose
        speaker is the clause's subject (or none)."""
        tag = self._clause_subject(s, hit.token_index, hit, f"'{hit.form}'")
        if tag is None:
            return
        start = self._after_that(s.tokens, hit.token_index + hit.n_tokens, hit.end)
        end = self._clause_end(s, start)
        outside = sum(1 for t in s.tokens if t.is_word and start <= t.start and t.end <= end
                      and not self._in_direct(t.start))
        if outside < 2:
            return
        q = self._add("indirect", tag.surface, s, start, end, hit, "verb_complement", None, tag.cand, tag.cand_rule)
        if q is not None:
            self._absorb_partial_quotes(q, hit)

    def _absorb_partial_quotes(self, q: Quote, hit: VerbHit) -> Quote:
        """A mixed quote ("X said that the treaty reflects “a new …,”") is one quote, not two.

        A direct quote introduced by the same verb whose content lies inside the indirect quote's
        clause is dropped as a quote of its own; the indirect quote keeps rule ``mixed`` and the
        quoted words stay quoted text (:func:`quoted_spans`, ``quoted_word_share``).
        """
        # +1: the direct quote's content may end one character past the clause (the clause stops before
        # the closing punctuation that the quoted words still carry, as in "…after 2022,” according to…")
        inner = [d for d in self.by_verb.get(hit.start, ()) if q.start <= d.start and d.end <= q.end + 1]
        if not inner:
            return q
        for d in inner:
            self.quotes[self.position.pop(_key(d))] = None  # dropped: the mixed quote holds it
            self.absorbed[_key(d)] = _key(q)  # a quote continuing the dropped one continues the mixed one
        mixed = replace(q, rule="mixed")
        self.quotes[self.position[_key(q)]] = mixed
        return mixed

    @staticmethod
    def _after_that(toks: Sequence[Token], k: int, default: int) -> int:
        """Start of a complement clause: after a "that" within four words of the verb ("said last week that")."""
        for n, t in enumerate(toks[k:k + 5]):
            if not t.is_word or t.lower in PRONOUNS:
                break  # "said he needed more than that": the clause has begun
            if t.lower == "that" and not (n and toks[k + n - 1].lower in {"than", "so", "such", "like", "all"}):
                return t.end
        return default

    def _clause_end(self, s: Sentence, start: int) -> int:
        """End of an attributed clause: the sentence end, where 'according to'/'citing' begins, or where the
        next reporting clause of the sentence begins after a comma or conjunction ("Muslims say …, but Hindus
        say …": the first report ends at ", but")."""
        end = s.end
        for rx in (_ACCORDING, _CITING):
            for m in rx.finditer(s.text):
                pos = s.start + m.start()
                if start < pos < end and not self._in_direct(pos):
                    end = pos
        toks = s.tokens
        for h in self.hits[s.index]:
            if h.start <= start or h.start >= end or self._in_direct(h.start):
                continue
            with_np = _with_subject(toks, h.token_index) if h.form.lower().endswith("ing") else None
            if with_np is not None:  # "X expressed concerns over …, with some members warning …": a report of its own
                k = next(n for n, t in enumerate(toks) if t.start >= with_np[0]) - 1
                if toks[k].start > start:
                    end = toks[k - 1].start if k > 0 and toks[k - 1].text == "," else toks[k].start
                    break
            if _subjectless(toks, h):
                continue
            sub = self._subject(s, h.token_index)
            k = next((n for n, t in enumerate(toks) if t.start >= sub[0]), 0) if sub is not None else 0
            if sub is not None and sub[0] > start and k > 0 and (toks[k - 1].text in ",;" or toks[k - 1].lower in
                                                                 {"but", "while", "whereas", "and"}):
                end = min(end, toks[k - 1].start if toks[k - 1].text in ",;" or k < 2 or toks[k - 2].text != ","
                          else toks[k - 2].start)
                break
        return end

    def _phrase_after(self, s: Sentence, pos: int) -> tuple[int, int] | None:
        """Noun phrase starting at body offset ``pos``, up to punctuation or a clause word."""
        words = []
        for t in s.tokens:
            if t.start < pos:
                continue
            if not t.is_word or t.lower in BOUNDARY_WORDS:
                if t.text in {"’", "'"} and words:
                    continue
                if t.text == "/" and words and words[-1].end == t.start:
                    continue  # "a Reuters/Ipsos opinion poll": one name
                break
            if len(words) > 1 and t.text[:1].islower() and t.lower.endswith("ed") and words[-1].lower not in \
                    DETERMINERS:
                # "a Reuters/Ipsos opinion poll released on Thursday", "reports first shared by": the participle
                # phrase (and an adverb before it) is no part of the source; unless it is of a person ("a person
                # briefed on the negotiations")
                head = len(words)
                while head > 1 and (_adverb(words[head - 1]) or words[head - 1].lower in PARTICIPLE_ADVERBS):
                    head -= 1
                if not self.cues.names_people(words[head - 1].text):
                    del words[head:]
                    break
            words.append(t)
        return (words[0].start, words[-1].end) if words else None

    def _attribution_phrase(self, kind: str, rx: re.Pattern[str], s: Sentence, rule: str) -> None:
        for m in rx.finditer(s.text):
            pos = s.start + m.start()
            if self._in_direct(pos) or self._attributes_quote(pos):
                continue  # '“…,” according to the Post.': the direct quote's speaker (:func:`per_source`)
            np = self._phrase_after(s, s.start + m.end())
            if np is None:
                continue
            self._attribute_outside(kind, s, pos, np, None, rule)

    def _attributes_quote(self, pos: int) -> bool:
        """Whether the attribution phrase at body offset ``pos`` named the speaker of the direct quote right before
        it (only punctuation and space between them; :func:`per_source`)."""
        i = bisect_right(self.direct_starts, pos) - 1
        return i >= 0 and self.direct[i][0] in self.per_quoted \
            and not self.doc.body[self.direct[i][1]:pos].strip(" ,.;:”\"’'\n")

    def _attribute_outside(self, kind: str, s: Sentence, phrase_start: int, np: tuple[int, int],
                           hit: VerbHit | None, rule: str) -> None:
        """Attribution phrase inside a sentence: its content is the larger side outside the phrase."""
        before = _words_between(s.tokens, s.start, phrase_start)
        after = _words_between(s.tokens, np[1], s.end)
        if before >= after and not self._opens_clause(s, phrase_start, np[1]):
            start, end = s.start, phrase_start
            # '“…,” Mr. Assad told Al Manar, according to The New York Times.': the Times reports that Assad told
            # Al Manar; the quoted words are Assad's (their own direct quote), not part of the Times' content
            last = max((d[1] for d in self.quoted if start <= d[0] and d[1] <= end), default=-1)
            rest = next((t.start for t in s.tokens if t.is_word and t.start > last and not self._in_direct(t.start)),
                        end) if last >= 0 else start
            if last >= 0 and _words_between(s.tokens, rest, end) >= 2:
                start = rest
        else:
            start, end = np[1], s.end
            # "…, citing officials, reported that X": the content is X
            k = next((n for n, t in enumerate(s.tokens) if t.start >= np[1] and t.is_word), None)
            hit0 = next((h for h in self.hits[s.index] if k is not None and h.token_index == k), None)
            if hit0 is not None:
                start = self._after_that(s.tokens, k + hit0.n_tokens, hit0.end)
        self._add(kind, np, s, start, end, hit, rule)

    @staticmethod
    def _opens_clause(s: Sentence, phrase_start: int, phrase_end: int) -> bool:
        """Whether an attribution phrase set off by commas follows a clause word, so that it attributes the clause
        after it ("an aggressive campaign in which, according to several reports at the time, he promoted
        himself …"; "…, but, according to aides, he could continue …")."""
        toks = s.tokens
        k = next((n for n, t in enumerate(toks) if t.start >= phrase_start), 0)
        m = next((n for n, t in enumerate(toks) if t.start >= phrase_end), len(toks))
        return k >= 2 and toks[k - 1].text == "," and toks[k - 2].lower in BOUNDARY_WORDS | CONJUNCTIONS \
            and m < len(toks) and toks[m].text == ","

    def _passive(self, s: Sentence, hit: VerbHit, i: int) -> None:
        """'…, as reported by state media.' / '…, as noted by South Korea's Unification Ministry.'"""
        by = s.tokens[i + hit.n_tokens]
        np = self._phrase_after(s, by.end)
        if np is None:
            return
        self._attribute_outside("indirect", s, s.tokens[i - 1].start, np, hit, "as_verb_by")

    def run(self) -> tuple[list[Quote], list[tuple[int, int, str]], list[StanceVerb], list[tuple[int, int]]]:
        self._direct()
        for s in self.doc.sentences:
            if s.index in self.too_long:
                continue
            self._verb_attributions(s)
            self._attribution_phrase("according_to", _ACCORDING, s, "according_to")
            self._attribution_phrase("citing", _CITING, s, "citing")
        self._resolve_pronouns()
        kept = [q for q in self.quotes if q is not None]
        quotes = _harmonise(sorted(kept, key=lambda q: (q.sentence_index, q.start)), self.types)
        stance = [self.stance[k] for k in sorted(self.stance)]
        return quotes, sorted(self.scare), stance, sorted(self.quoted)


def _same_document(quotes: list[Quote], types: SourceTypes) -> list[Quote]:
    """Document speakers whose head noun names the same kind of instrument are one source.

    "the agreement" and "The pact" (``same_document`` in ``source_types.yaml``: treaty, pact,
    agreement, accord -> "treaty") get the speaker "treaty"; the surface stays as printed. Speakers
    resolved to an actor of the actors lexicon keep it.
    """
    out = []
    for q in quotes:
        name = types.document_name(q.speaker_surface) if q.speaker_type == "document" else ""
        if name and q.speaker == q.speaker_surface:
            q = replace(q, speaker=name)
        out.append(q)
    return out


def _harmonise(quotes: list[Quote], types: SourceTypes | None = None) -> list[Quote]:
    """Give every quote of one source the same type and named flag (the first informative ones).

    "Rudenko said" resolves to Andrey Rudenko without a title; his first quote ("Russian Deputy
    Foreign Minister Andrey Rudenko said") carries the type. Document speakers naming the same
    kind of instrument become one source first (:func:`_same_document`).
    """
    if types is not None:
        quotes = _same_document(quotes, types)
    stype: dict[str, str] = {}
    named: dict[str, bool] = {}
    for q in quotes:
        if q.speaker:
            k = source_key(q.speaker)
            if stype.get(k, OTHER) == OTHER:
                stype[k] = q.speaker_type
            named[k] = named.get(k, False) or q.named
    return [replace(q, speaker_type=stype[source_key(q.speaker)], named=named[source_key(q.speaker)])
            if q.speaker else q for q in quotes]
