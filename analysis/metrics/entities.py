"""Entity emphasis: how much and how early each actor is mentioned (issue 2 §6).

Actors are found by :mod:`analysis.entities` (listed aliases, gazetteers, titles, cue words, reporting
verbs, merged names). Mentions with a note (an outlet naming itself, an ambiguous surname) are listed
in the ``actors`` table but not counted. All counts are of **body** mentions; headline mentions only set
``in_headline``. A sentence's
position is its 0-based index ``s`` among the ``S`` body sentences.

Per actor (target = actor name):

- ``mentions``: body mentions, after merging aliases and short forms.
- ``mentions_per_1000_words``: 1000 · mentions / body words.
- ``share_of_mentions``: mentions / all actor mentions in the body.
- ``share_of_sentences``: body sentences that mention the actor / S.
- ``first_mention_sentence``: s of the first body mention.
- ``first_mention_position``: s / S of the first body mention (0 = first sentence).
  First-mention position alone is a strong salience baseline (Dunietz & Gillick, 2014).
- ``in_headline``: 1 if the headline mentions the actor, else 0 (undefined without a headline).
- ``in_lead``: 1 if the lead (first body paragraph) mentions the actor, else 0.
- ``prominence``: h + Σ over body mentions of (1 − sᵢ/S), an inverted-pyramid weight with h = 1 when the
  headline names the actor, else 0 ("our choice"; headline and first position after Dunietz & Gillick).

Article level: ``n_actors`` (actors with at least one body mention) and ``n_actor_mentions``.

Record tables: ``actors`` (one row per actor, :class:`ActorRow`) and ``actor_places``: place names
used as places ("a state visit to Pyongyang"), which are not mentions and are listed so they can be
checked.

Reference: Dunietz, J. & Gillick, D. (2014). A New Entity Salience Task with Millions of Training
Examples. EACL 2014, 205–209.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..entities import ActorMention, ActorTable, actor_table, analyse_actors
from ..frozen import quick_init
from ..model import ParsedArticle, Undefined
from .base import Evidence, FamilyResult, Measurement, Settings, flat_record, register_family

NO_BODY = "the body has no sentences"
NOT_IN_BODY = "the actor is mentioned only in the headline"


def body_mentions(mentions: list[ActorMention], actor: str) -> list[ActorMention]:
    """The body mentions (sentence_index >= 0) of ``actor``."""
    return [m for m in mentions if m.actor == actor and m.sentence_index >= 0]


def mentions_per_1000_words(n_mentions: int, n_words: int) -> float:
    """Mentions per 1,000 body words: 1000 · n_mentions / n_words; undefined without words."""
    if n_words <= 0:
        return Undefined("the body has no words")
    return 1000.0 * n_mentions / n_words


def share_of_mentions(n_mentions: int, n_all: int) -> float:
    """The actor's share of all actor mentions in the body: n_mentions / n_all; undefined if n_all = 0."""
    if n_all <= 0:
        return Undefined("no actor is mentioned in the body")
    return n_mentions / n_all


def share_of_sentences(sentence_indices: set[int], n_sentences: int) -> float:
    """Share of body sentences that mention the actor: |{sᵢ}| / S; undefined when S = 0."""
    if n_sentences <= 0:
        return Undefined(NO_BODY)
    return len(sentence_indices) / n_sentences


def first_mention_sentence(sentence_indices: list[int]) -> float:
    """0-based index of the first body sentence mentioning the actor (Dunietz & Gillick, 2014)."""
    if not sentence_indices:
        return Undefined(NOT_IN_BODY)
    return float(min(sentence_indices))


def first_mention_position(sentence_indices: list[int], n_sentences: int) -> float:
    """Relative first-mention position s/S, 0 = first sentence (Dunietz & Gillick, 2014)."""
    if n_sentences <= 0:
        return Undefined(NO_BODY)
    if not sentence_indices:
        return Undefined(NOT_IN_BODY)
    return min(sentence_indices) / n_sentences


def prominence(sentence_indices: list[int], n_sentences: int, in_headline: bool = False) -> float:
    """Inverted-pyramid prominence h + Σ(1 − sᵢ/S) over body mentions ("our choice", METHODS.md).

    A mention in the first sentence weighs 1, one in the last 1/S; the sum grows with both
    frequency and earliness. h is 1 when the headline names the actor (the headline read as one
    mention before the first sentence: headline mention and first-mention position are the strong
    salience cues of Dunietz & Gillick, 2014), else 0. Undefined when the body has no sentences.
    """
    if n_sentences <= 0:
        return Undefined(NO_BODY)
    return float(in_headline) + float(sum(1.0 - s / n_sentences for s in sentence_indices))


def in_headline(mentions: list[ActorMention], actor: str, has_headline: bool) -> float:
    """1 if the headline mentions the actor, else 0; undefined when the article has no headline."""
    if not has_headline:
        return Undefined("the article has no headline")
    return 1.0 if any(m.actor == actor and m.sentence_index == -1 for m in mentions) else 0.0


def in_lead(sentence_indices: list[int], lead_indices: set[int]) -> float:
    """1 if the lead (first body paragraph) mentions the actor, else 0; undefined without a lead."""
    if not lead_indices:
        return Undefined("the body has no lead paragraph")
    return 1.0 if lead_indices.intersection(sentence_indices) else 0.0


@quick_init
@dataclass(frozen=True)
class ActorRow:
    """One row of the ``actors`` record table: an actor of one article."""

    actor: str
    kind: str  # person | organisation | country | state | city | location | other
    ner_type: str  # PERSON | ORG | GPE | LOC | MISC
    source_type: str
    part_of: str  # the actor a metonym belongs to ("White House" -> "United States"), else ""
    surfaces: str  # distinct forms as printed, ";"-joined in order of appearance
    mentions: int  # counted body mentions
    listed: bool  # the name is an actor of the actor files (never renamed across the corpus)
    note: str  # why the actor's mentions are not counted ("the outlet naming itself", "ambiguous: …"), else ""
    name_in_article: str  # the article's own name; on loading, ``actor`` becomes the corpus-wide name
    titles: str = ""  # titles right before the person's name ("president;mr."), ";"-joined (for the corpus merge)


@dataclass(frozen=True)
class ActorPlaceRow:
    """One row of the ``actor_places`` record table: a place name used as a place, not counted."""

    actor: str
    kind: str  # the place: city | state | country | location
    ner_type: str  # GPE | LOC
    sentence_index: int
    start: int
    end: int
    surface: str
    rule: str


def _cue(m: ActorMention) -> str:
    """``surface → actor (rule)``, or ``(rule)`` alone when the surface is the actor's name as printed (the
    row's ``target``; the surface is the body text at ``start``–``end``): most mentions, written once."""
    return f"({m.rule})" if m.surface == m.actor else f"{m.surface} → {m.actor} ({m.rule})"


@register_family("entities")
def compute_entities(doc: ParsedArticle, settings: Settings) -> FamilyResult:
    """Entity emphasis per actor, with one evidence row per mention, an ``actors`` record table and an
    ``actor_places`` table of the place uses that were not counted."""
    out = FamilyResult()
    if not doc.sentences:
        out.measurements += [Measurement.of("n_actors", Undefined(NO_BODY)),
                             Measurement.of("n_actor_mentions", Undefined(NO_BODY))]
        out.records["actors"] = []
        return out
    analysis = analyse_actors(doc, settings)
    mentions = analysis.mentions
    table = actor_table(settings)
    in_body = [m for m in mentions if m.sentence_index >= 0]
    n_all = len(in_body)
    n_sent = doc.n_sentences
    lead = {s.index for s in doc.lead}
    actors = list(dict.fromkeys(m.actor for m in mentions))  # first-mention order
    out.measurements.append(Measurement.of("n_actors", float(len({m.actor for m in in_body}))))
    out.measurements.append(Measurement.of("n_actor_mentions", float(n_all)))
    rows: list[dict[str, object]] = []
    by_actor: dict[str, list[ActorMention]] = {}  # one pass: time linear in the number of mentions
    for m in mentions:
        by_actor.setdefault(m.actor, []).append(m)
    for actor in actors:
        own = body_mentions(by_actor[actor], actor)
        idx = [m.sentence_index for m in own]
        values = {
            "mentions": float(len(own)),
            "mentions_per_1000_words": mentions_per_1000_words(len(own), doc.n_words),
            "share_of_mentions": share_of_mentions(len(own), n_all),
            "share_of_sentences": share_of_sentences(set(idx), n_sent),
            "first_mention_sentence": first_mention_sentence(idx),
            "first_mention_position": first_mention_position(idx, n_sent),
            "in_headline": in_headline(by_actor[actor], actor, doc.headline is not None),
            "in_lead": in_lead(idx, lead),
            "prominence": prominence(idx, n_sent, any(m.sentence_index == -1 for m in by_actor[actor])),
        }
        out.measurements += [Measurement.of(name, value, actor) for name, value in values.items()]
        rows.append(_row(by_actor[actor], len(own), table, titles=analysis.roles.get(actor, [])))
    excluded: dict[tuple[str, str], list[ActorMention]] = {}
    for m in analysis.excluded:
        excluded.setdefault((m.surface if m.note.startswith("ambiguous") else m.actor, m.note), []).append(m)
    for (name, _), ms in excluded.items():
        rows.append(_row(ms, 0, table, name))
    for m in mentions:
        sentence = doc.headline if m.sentence_index == -1 else doc.sentences[m.sentence_index]
        text = sentence.text if sentence is not None else ""
        metric = "in_headline" if m.sentence_index == -1 else "mentions"
        out.evidence.append(Evidence(metric, m.actor, m.sentence_index, m.start, m.end, text, _cue(m)))
    out.records["actors"] = rows
    out.records["actor_places"] = [
        flat_record(ActorPlaceRow(p.actor, p.place_kind, p.ner_type, p.sentence_index, p.start, p.end, p.surface,
                                  p.rule)) for p in analysis.places]
    return out


def _row(ms: list[ActorMention], counted: int, table: ActorTable, name: str = "",
         titles: list[tuple[str, str]] | None = None) -> dict[str, object]:
    first = ms[0]
    spec = table.get(first.actor)
    return flat_record(ActorRow(
        actor=name or first.actor, kind=first.kind, ner_type=first.ner_type, source_type=first.source_type,
        part_of=spec.part_of if spec else "", surfaces=";".join(dict.fromkeys(m.surface for m in ms)),
        mentions=counted, listed=spec is not None, note=first.note, name_in_article=name or first.actor,
        titles=";".join(dict.fromkeys(t for t, _ in titles or []))))
