"""Records of the quote finder: a quote, what one pass found in an article, and the working records of a
pass (a speaker tag, an organisation named by a definite description).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..frozen import quick_init
from ..model import Sentence
from .speakers import Candidate
from .stance import (
    StanceVerb,
    VerbHit,
)


@quick_init
@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True)
class _OrgMention:
    """An organisation a definite description refers to (shaped like an entity-layer mention)."""

    actor: str
    kind: str
    source_type: str
    rule: str
    start: int
    end: int


@quick_init
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


def _key(q: Quote) -> tuple[str, int, int]:
    """A quote's identity while the finder runs (kind and content offsets; ``replace`` keeps them)."""
    return q.kind, q.start, q.end


