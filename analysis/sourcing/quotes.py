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
from typing import TYPE_CHECKING, Any

from ..model import MAX_SENTENCE_WORDS, ParsedArticle, Sentence, Token
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
from .stance import StanceVerb, VerbHit, find_verb_hits, reporting_verbs_for

if TYPE_CHECKING:  # metrics.base is imported lazily: the metrics package imports this module
    from ..metrics.base import Settings

SCARE_MAX_WORDS = 5  # our choice: longer unattributed spans are treated as (unattributed) speech
SPEAKER_AFTER_MAX_WORDS = 8  # the reporting verb must come within this many words after the quote
SUBJECT_MAX_WORDS = 15  # longer "subjects" are clauses, not speaker phrases
# our choice, as the sentiment family's cap: a longer "sentence" is almost always a segmentation failure
# (unpunctuated text), and the speaker and clause search would take time quadratic in its length
OPENERS = {"“": "”", '"': '"'}

SKIP_BEFORE_VERB = frozenset("""has have had did does do also not never reportedly previously earlier again would
    will could may might was were is are repeatedly publicly separately later then further already still however
    first initially once now recently had been officially formally""".split())
BOUNDARY_WORDS = frozenset("""that as while when because which who whom whereas although though since if after
    before but where whether what so than amid""".split())
BOUNDARY_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–", "“", "”", '"', "[", "]"})
PRONOUNS = frozenset("he she it they we i".split())
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


def _sentence_at(doc: ParsedArticle, offset: int) -> int:
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
    closer = ""
    paras = doc.paragraphs
    for n, p in enumerate(paras):
        carried = open_at is not None
        first_char = next((i for i in range(p.start, p.end) if not body[i].isspace()), p.end)
        for i in range(p.start, p.end):
            c = body[i]
            if open_at is None:
                if c in OPENERS:
                    open_at, closer = i, OPENERS[c]
            elif carried and i == first_char and c in OPENERS:
                continue  # the reopening mark of a quote that runs on from the previous paragraph
            elif c == closer:
                spans.append((open_at, i))
                open_at = None
        if open_at is not None:
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            reopens = nxt is not None and body[nxt.start:nxt.end].lstrip()[:1] in OPENERS
            if not reopens:
                spans.append((open_at, p.end))  # unclosed: the quote ends with its paragraph
                open_at = None
    return spans


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


def _resolver() -> Any:
    try:
        from ..actors import resolve_actor
    except ImportError:  # the entity module is optional for this family
        return None
    return resolve_actor


def _words_between(tokens: Sequence[Token], a: int, b: int) -> int:
    return sum(1 for t in tokens if a <= t.start and t.end <= b and t.is_word)


class _Finder:
    """One pass over an article: direct quotes first, then verb, according-to and citing attributions."""

    def __init__(self, doc: ParsedArticle, settings: Settings) -> None:
        self.doc = doc
        self.settings = settings
        self.verbs = reporting_verbs_for(settings)
        self.types = source_types_for(settings)
        self.resolve = _resolver()
        # sentences too long to search (see MAX_SENTENCE_WORDS): no reporting verbs, so no speakers
        self.too_long = {s.index: n for s in doc.sentences if (n := len(s.words)) > MAX_SENTENCE_WORDS}
        self.hits = {s.index: [] if s.index in self.too_long else find_verb_hits(s, self.verbs)
                     for s in doc.sentences}
        self.quotes: list[Quote] = []
        self.scare: list[tuple[int, int, str]] = []
        self.stance: dict[int, StanceVerb] = {}
        self.direct: list[tuple[int, int]] = []  # content spans of direct quotes (and scare quotes)
        self.used_verbs: set[int] = set()  # start offsets of verbs that only name a direct quote's speaker
        self.quoted: list[tuple[int, int]] = []  # content spans of direct quotes, also inside mixed quotes
        self.by_verb: dict[int, list[Quote]] = {}  # verb start -> direct quotes it introduces (speaker_before)

    # ---- speakers -------------------------------------------------------------------------
    def _previous_speaker(self, before: int) -> Quote | None:
        prior = [q for q in self.quotes if q.speaker and q.start < before]
        return max(prior, key=lambda q: q.start) if prior else None

    def _speaker(self, surface: str, sentence: Sentence, at: int, offset: int = -1) -> tuple[str, str, str, bool]:
        """(speaker, surface, type, named) for a speaker phrase printed in ``sentence`` at body ``offset``."""
        lead = len(surface) - len(surface.lstrip(_TRAILING + "—–"))
        surface = surface.strip(_TRAILING + "—–")
        if not surface:
            return "", "", "", False
        if surface.lower() in PRONOUNS:
            prev = self._previous_speaker(at)
            if prev is not None:
                return prev.speaker, surface, prev.speaker_type, prev.named
            return "", surface, OTHER, False
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
        return speaker, surface, stype, not anonymous

    def _resolve(self, surface: str, sentence: Sentence, offset: int) -> Any:
        if self.resolve is None:
            return None
        try:
            return self.resolve(surface, self.doc, self.settings, sentence_index=sentence.index, start=offset)
        except Exception:  # a resolver failure must not lose the quote
            return None

    def _subject(self, s: Sentence, i: int) -> tuple[int, int, str] | None:
        """Subject phrase of the verb at token ``i``: (start, end, boundary) in body offsets, or None."""
        toks = s.tokens
        j = i - 1
        while j >= 0 and toks[j].is_word and (
                toks[j].lower in SKIP_BEFORE_VERB or toks[j].lower.endswith(("n't", "n’t"))
                or toks[j].lower in {"declined", "refused"}
                or (toks[j].lower == "to" and j > 0 and toks[j - 1].lower in {"declined", "refused"})):
            j -= 1
        if j >= 0 and toks[j].is_word and toks[j].lower == "to":
            return None  # an infinitive ("to add pressure"), not a report
        if j >= 0 and toks[j].text == ",":
            # a parenthetical between subject and verb: "The Pentagon, meanwhile, confirmed"
            k = next((m for m in range(j - 1, -1, -1) if toks[m].text == ","), None)
            if k is None or k == 0:
                return None
            j = k - 1
        if j < 0:
            return None
        a = j
        while a >= 0 and not self._boundary(toks[a]):
            a -= 1
        start = a + 1
        if start > j:
            if a >= 0 and toks[a].lower in {"who", "which", "that"}:
                b = a - 1
                if b >= 0 and toks[b].text == ",":
                    b -= 1
                a2 = b
                while a2 >= 0 and not self._boundary(toks[a2]):
                    a2 -= 1
                if a2 + 1 <= b:
                    return toks[a2 + 1].start, toks[b].end, "relative"
            return None
        if toks[start].lower in {"and", "or"} and a >= 0 and toks[a].text == ",":
            # a list of speakers: "the U.S., South Korea, and Ukraine accuse"
            while a >= 0 and toks[a].text == ",":
                b = a - 1
                while b >= 0 and not self._boundary(toks[b]):
                    b -= 1
                seg_words = sum(1 for t in toks[b + 1:a] if t.is_word)
                start, a = b + 1, b
                if seg_words > 4:
                    break
        if sum(1 for t in toks[start:j + 1] if t.is_word) > SUBJECT_MAX_WORDS:
            return None
        boundary = "start" if a < 0 else ("comma" if toks[a].text == "," else "word")
        return toks[start].start, toks[j].end, boundary

    @staticmethod
    def _boundary(t: Token) -> bool:
        return t.text in BOUNDARY_PUNCT or (t.is_word and t.lower in BOUNDARY_WORDS)

    def _add(self, kind: str, surface: tuple[int, int] | None, s: Sentence, start: int, end: int,
             hit: VerbHit | None, rule: str, at: int, inherit: Quote | None = None) -> Quote | None:
        """Record a quote whose speaker phrase is ``body[surface[0]:surface[1]]`` (None: unattributed,
        or the speaker of ``inherit`` for a quote that continues an earlier one)."""
        if inherit is not None:
            speaker, surf, stype, named = inherit.speaker, inherit.speaker_surface, inherit.speaker_type, inherit.named
        elif surface is None:
            speaker, surf, stype, named = "", "", "", False
        else:
            speaker, surf, stype, named = self._speaker(self.doc.body[surface[0]:surface[1]], s, at, surface[0])
        body = self.doc.body
        while start < end and body[start] in " ,:—–":
            start += 1
        while end > start and body[end - 1] in " ,;:—–":
            end -= 1
        if end <= start:
            return None
        q = Quote(kind, speaker, surf, stype, named, hit.lemma if hit else "", hit.negated if hit else False,
                  _sentence_at(self.doc, start), _sentence_at(self.doc, max(start, end - 1)), start, end,
                  body[start:end], hit.tier if hit else "", rule)
        self.quotes.append(q)
        if hit is not None and hit.start not in self.stance:
            self._stance(hit, speaker)
        return q

    def _stance(self, hit: VerbHit, speaker: str) -> None:
        self.stance[hit.start] = StanceVerb(hit.lemma, hit.tier, hit.form, speaker, hit.sentence_index,
                                            hit.start, hit.end, hit.negated)

    # ---- direct quotes ----------------------------------------------------------------------
    def _direct(self) -> None:
        body = self.doc.body
        sents = self.doc.sentences
        for open_at, close in _quote_mark_spans(self.doc):
            cstart, cend = open_at + 1, close
            content = body[cstart:cend]
            n_words = _words_between(self.doc.words, cstart, cend)
            if n_words == 0:
                continue
            first = sents[_sentence_at(self.doc, open_at)]
            speechlike = content.rstrip()[-1:] in ",.!?…" or body[close + 1:close + 2] == ","
            found = self._speaker_after(close, speechlike) if close < len(body) else None
            rule = "speaker_after"
            if found is None:
                found = self._speaker_before(first, open_at)
                rule = "speaker_before"
            short = n_words <= SCARE_MAX_WORDS and not re.search(r"[.!?…](?:\s|$)|,\s*$", content)
            if found is None and short:
                self.scare.append((cstart, cend, content))
                self.direct.append((cstart, cend))
                continue
            if found is None:
                prev = self._previous_speaker(open_at)
                same_para = prev is not None and prev.kind == "direct" and \
                    sents[prev.end_sentence_index].paragraph >= first.paragraph - 1
                inherit = prev if same_para else None
                surface, hit, s_at = None, None, first
                rule = "continuation" if inherit else "unattributed"
            else:
                surface, hit, s_at = found
                inherit = None
                if rule == "speaker_after":
                    self.used_verbs.add(hit.start)
            self.direct.append((cstart, cend))
            q = self._add("direct", surface, s_at, cstart, cend, hit, rule, open_at, inherit)
            if q is not None:
                self.quoted.append((q.start, q.end))
                if rule == "speaker_before" and hit is not None:
                    self.by_verb.setdefault(hit.start, []).append(q)

    def _speaker_after(self, close: int, speechlike: bool) -> tuple[tuple[int, int], VerbHit, Sentence] | None:
        """'“…,” Rudenko said.' / '“…,” said Rudenko.' / '“…,” the agreement states.'"""
        if not speechlike:
            return None
        doc = self.doc
        si = _sentence_at(doc, close)
        cands = [doc.sentences[si]]
        if doc.sentences[si].end <= close + 1 and si + 1 < len(doc.sentences) \
                and doc.sentences[si + 1].paragraph == doc.sentences[si].paragraph:
            cands.append(doc.sentences[si + 1])  # the parse split after '.”' before 'Rudenko said.'
        for s in cands:
            words = [t for t in s.tokens if t.start > close]
            nxt_mark = next((t.start for t in words if t.text in OPENERS or t.text == "”"), s.end)
            for hit in self.hits[s.index]:
                if hit.start <= close or hit.start >= nxt_mark:
                    continue
                before = [t for t in words if t.end <= hit.start and t.is_word]
                if len(before) > SPEAKER_AFTER_MAX_WORDS:
                    break
                if any(t.text in ".;!?" for t in words if t.end <= hit.start):
                    break
                if s is not cands[0] and _words_between(s.tokens, hit.end, s.end) > 3:
                    return None  # a new statement ("Rudenko said the …"), not a speaker tag
                if before:
                    sub = self._subject(s, hit.token_index)
                    sub_start = sub[0] if sub else before[0].start
                    sub_start = max(sub_start, before[0].start)
                    return (sub_start, s.tokens[hit.token_index - 1].end), hit, s
                # "said Rudenko": the speaker follows the verb, up to punctuation
                after = []
                for t in s.tokens[hit.token_index + hit.n_tokens:]:
                    if not t.is_word:
                        break
                    after.append(t)
                if after:
                    return (after[0].start, after[-1].end), hit, s
                return None
        return None

    def _speaker_before(self, s: Sentence, open_at: int) -> tuple[tuple[int, int], VerbHit, Sentence] | None:
        """'X said: “…”', 'X said that the treaty reflects “…”', 'Article 51 stipulates “…”'."""
        hits = [h for h in self.hits[s.index] if h.end <= open_at and not self._in_direct(h.start)]
        for hit in reversed(hits):
            sub = self._subject(s, hit.token_index)
            if sub is not None:
                return (sub[0], sub[1]), hit, s
        return None

    def _in_direct(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.direct)

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
            sub = self._subject(s, i)
            if sub is None:
                continue
            surface = body[sub[0]:sub[1]]
            if surface.lower() in PRONOUNS:
                parent = next((q for q in reversed(sent_quotes) if q.start <= hit.start < q.end), None)
                if parent is not None:  # "said it intercepted what it claims are": one report, two verbs
                    self._stance(hit, parent.speaker)
                    continue
            after_end = next((t.start for t in toks[i + hit.n_tokens:] if t.text in ",;"), s.end)
            words_after = _words_between(toks, hit.end, after_end)
            words_before = _words_between(toks, s.start, sub[0])
            if sub[2] == "comma" and words_after <= 3 and words_before >= 3:
                # "North Korea ratified …, state media reported Tuesday." – the clause comes first
                comma = max(t.start for t in toks if t.text == "," and t.end <= sub[0])
                q = self._add("indirect", sub[:2], s, s.start, comma, hit, "clause_then_speaker", hit.start)
            else:
                start = self._after_that(toks, i + hit.n_tokens, hit.end)
                end = self._clause_end(s, start)
                outside = sum(1 for t in toks if t.is_word and start <= t.start and t.end <= end
                              and not self._in_direct(t.start))
                if outside < 2:
                    continue  # the complement is only a direct quote ('stipulates “…”')
                q = self._add("indirect", sub[:2], s, start, end, hit, "verb_complement", hit.start)
                if q is not None:
                    q = self._absorb_partial_quotes(q, hit)
            if q is not None:
                sent_quotes.append(q)

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
            self.quotes.remove(d)
        mixed = replace(q, rule="mixed")
        self.quotes[self.quotes.index(q)] = mixed
        return mixed

    @staticmethod
    def _after_that(toks: Sequence[Token], k: int, default: int) -> int:
        """Start of a complement clause: after a "that" within four words of the verb ("said last week that")."""
        for t in toks[k:k + 5]:
            if not t.is_word:
                break
            if t.lower == "that":
                return t.end
        return default

    def _clause_end(self, s: Sentence, start: int) -> int:
        """End of an attributed clause: the sentence end, or where 'according to'/'citing' begins."""
        end = s.end
        for rx in (_ACCORDING, _CITING):
            for m in rx.finditer(s.text):
                pos = s.start + m.start()
                if start < pos < end and not self._in_direct(pos):
                    end = pos
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
                break
            words.append(t)
        return (words[0].start, words[-1].end) if words else None

    def _attribution_phrase(self, kind: str, rx: re.Pattern[str], s: Sentence, rule: str) -> None:
        for m in rx.finditer(s.text):
            pos = s.start + m.start()
            if self._in_direct(pos):
                continue
            np = self._phrase_after(s, s.start + m.end())
            if np is None:
                continue
            self._attribute_outside(kind, s, pos, np, None, rule)

    def _attribute_outside(self, kind: str, s: Sentence, phrase_start: int, np: tuple[int, int],
                           hit: VerbHit | None, rule: str) -> None:
        """Attribution phrase inside a sentence: its content is the larger side outside the phrase."""
        before = _words_between(s.tokens, s.start, phrase_start)
        after = _words_between(s.tokens, np[1], s.end)
        if before >= after:
            start, end = s.start, phrase_start
        else:
            start, end = np[1], s.end
            # "…, citing officials, reported that X": the content is X
            k = next((n for n, t in enumerate(s.tokens) if t.start >= np[1] and t.is_word), None)
            hit0 = next((h for h in self.hits[s.index] if k is not None and h.token_index == k), None)
            if hit0 is not None:
                start = self._after_that(s.tokens, k + hit0.n_tokens, hit0.end)
        self._add(kind, np, s, start, end, hit, rule, phrase_start)

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
        quotes = _harmonise(sorted(self.quotes, key=lambda q: (q.sentence_index, q.start)), self.types)
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
