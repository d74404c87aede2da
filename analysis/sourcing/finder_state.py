"""The quote finder's state for one article (verb hits, antecedents, quotes found so far) and how a quote
is recorded.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any

from ..model import MAX_SENTENCE_WORDS, ParsedArticle, Sentence
from .entity_layer import actor_resolver, body_mentions, role_holders
from .profile import (
    classify_speaker,
    source_types_for,
)
from .quote_marks import sentence_at, sentence_word_counts, word_starts
from .quote_records import Quote, _key
from .quote_words import _TRAILING
from .speakers import (
    PENDING,
    AntecedentIndex,
    Candidate,
    PronounCues,
    load_pronoun_cues,
    person_genders,
)
from .stance import (
    StanceVerb,
    VerbHit,
    find_verb_hits,
    frame_nouns_for,
    frame_verbs_for,
    reporting_verbs_for,
    tag_verbs_for,
)

if TYPE_CHECKING:  # metrics.base is imported lazily: the metrics package imports this module
    from ..metrics.base import Settings


class _FinderState:
    """The quote finder's state for one article (verb hits, antecedents, quotes found so far) and how a quote
    is recorded.

    Each job of the finder adds its methods in a subclass, in this order: speaker resolution
    (:mod:`.speaker_resolution`), attribution subjects (:mod:`.subjects`), direct quotes
    (:mod:`.direct_quotes`), verb and phrase attributions (:mod:`.indirect_quotes`), and the pass over the
    article (:mod:`.finder`); a method may call one defined further down the chain (one object runs them all).
    """

    def __init__(self, doc: ParsedArticle, settings: Settings) -> None:
        self.doc = doc
        self.settings = settings
        self.verbs = reporting_verbs_for(settings)
        self.types = source_types_for(settings)
        self.resolve = actor_resolver()
        # sentences too long to search (see MAX_SENTENCE_WORDS): no reporting verbs, so no speakers
        self.too_long = {s.index: n for s, n in zip(doc.sentences, sentence_word_counts(doc), strict=True)
                         if n > MAX_SENTENCE_WORDS}
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
        self.word_starts = word_starts(doc)  # offsets of doc.words, for bisection (shared: read only)
        self.quoted: list[tuple[int, int]] = []  # content spans of direct quotes, also inside mixed quotes
        self._quoted_index: tuple[int, list[int], list[int]] = (-1, [], [])  # see :meth:`_last_quoted_end`
        self._token_ends: dict[int, list[int]] = {}  # sentence index -> its tokens' ends (see _work_title)
        self.author_ends: dict[tuple[int, int], int] = {}  # author phrase -> end of the document phrase it ends
        self.by_verb: dict[int, list[Quote]] = {}  # verb start -> direct quotes it introduces (speaker_before)
        self.cues: PronounCues = load_pronoun_cues()
        mentions = body_mentions(doc, settings)
        self.genders = person_genders(doc, mentions, self.cues)
        self.antecedents = AntecedentIndex(doc, self._in_direct, self.cues.filler_openers)
        stypes: dict[str, str] = {}  # surface -> source type (classified once per spelling)
        self.role_holders = role_holders(doc, settings)  # title -> persons seen with it ("President Trump")
        self._role_word_set: frozenset[str] | None = None  # words of those titles (_SpeakerResolution._role_words)
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
        # indices into self.quotes by the sentence a quote starts in (a replaced quote keeps its start)
        self.in_sentence: dict[int, list[int]] = {}
        # direct quotes' indices into self.quotes and their ends, in the order found (text order, so the ends
        # ascend unless ``direct_ends_sorted`` says otherwise): :meth:`_last_direct_before` bisects them
        self.direct_positions: list[int] = []
        self.direct_ends: list[int] = []
        self.direct_ends_sorted = True
        # pronoun speakers are resolved after every speaker phrase is known (:meth:`_resolve_pronouns`)
        self.pending: dict[tuple[str, int, int], tuple[str, Sentence, int]] = {}  # quote key -> pronoun, where
        self.continues: dict[tuple[str, int, int], tuple[str, int, int]] = {}  # continuation -> quote it continues
        self.pending_stance: dict[int, tuple[str, int, int]] = {}  # verb start -> quote whose speaker it names
        self.absorbed: dict[tuple[str, int, int], tuple[str, int, int]] = {}  # dropped direct -> its mixed quote
        self.verb_speaker: dict[int, tuple[int, int]] = {}  # verb start -> body offsets of its speaker phrase

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
        self.in_sentence.setdefault(q.sentence_index, []).append(len(self.quotes))
        if kind == "direct":
            if self.direct_ends and q.end < self.direct_ends[-1]:
                self.direct_ends_sorted = False
            self.direct_positions.append(len(self.quotes))
            self.direct_ends.append(q.end)
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

    def _stance(self, hit: VerbHit, speaker: str) -> None:
        self.stance[hit.start] = StanceVerb(hit.lemma, hit.tier, hit.form, speaker, hit.sentence_index,
                                            hit.start, hit.end, hit.negated)

    def _last_quoted_end(self, start: int, end: int) -> int:
        """The largest end of the spans of :attr:`quoted` that lie wholly inside ``[start, end]``, or -1.

        Looked up by bisection on the spans' starts (a span lies inside only if its start does), so the cost
        is that of the spans starting in the range, not of every quote of the article; the index is rebuilt
        when spans were added since it was made.
        """
        if self._quoted_index[0] != len(self.quoted):
            spans = sorted(self.quoted)
            self._quoted_index = (len(spans), [s for s, _ in spans], [e for _, e in spans])
        _, starts, ends = self._quoted_index
        inside = ends[bisect_left(starts, start):bisect_right(starts, end)]
        return max((e for e in inside if e <= end), default=-1)

    def _last_direct_before(self, offset: int) -> Quote | None:
        """The direct quote recorded last (and not dropped) among those ending at or before ``offset``, or None.

        Bisects the direct quotes' ends (they ascend: direct quotes are found in text order and never overlap)
        instead of walking back over every quote of the article; when an end ever came out of order, walks all.
        """
        if not self.direct_ends_sorted:
            for q in reversed(self.quotes):
                if q is not None and q.kind == "direct" and q.end <= offset:
                    return q
            return None
        for n in range(bisect_right(self.direct_ends, offset) - 1, -1, -1):
            q = self.quotes[self.direct_positions[n]]
            if q is not None:
                return q
        return None

    def _in_direct(self, offset: int) -> bool:
        i = bisect_right(self.direct_starts, offset) - 1  # direct spans are found in text order, never overlap
        return i >= 0 and offset < self.direct[i][1]

