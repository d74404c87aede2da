"""The sourcing family's one door to the entity layer (actors, mentions, speaker phrases).

The entity layer is the package ``analysis.entities`` (:func:`analysis.entities.resolve_actor`,
:func:`analysis.entities.analyse_actors`); it is optional for this family: without it speakers stay
as printed and pronouns find no antecedent among named actors.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..metrics.base import Settings
    from ..model import ParsedArticle

LAYER = "entities"  # the module name under ``analysis``


@lru_cache(maxsize=1)
def entity_layer() -> Any:
    """The entity layer's module, or None when it is not importable."""
    try:
        return importlib.import_module(f"{__package__.rsplit('.', 1)[0]}.{LAYER}")
    except ImportError:
        return None


def actor_resolver() -> Any:
    """``resolve_actor(surface, doc, settings, *, sentence_index, start) -> ActorMention | None``, or None."""
    return getattr(entity_layer(), "resolve_actor", None)


def body_mentions(doc: ParsedArticle, settings: Settings) -> list[Any]:
    """The body mentions of the entity layer (headline left out), [] without one or when it fails."""
    layer = entity_layer()
    if layer is None:
        return []
    try:
        return [m for m in layer.analyse_actors(doc, settings).mentions if m.sentence_index >= 0]
    except Exception:  # an actor-finder failure must not lose the quotes
        return []


def all_mentions(doc: ParsedArticle, settings: Settings) -> list[Any]:
    """Every counted mention (headline and body), [] without an entity layer."""
    layer = entity_layer()
    return list(layer.find_actor_mentions(doc, settings)) if layer is not None else []


def role_holders(doc: ParsedArticle, settings: Settings) -> dict[str, set[str]]:
    """Title ("president", "secretary of state") -> the persons of the article the entity layer saw with it
    before their names ("President Donald Trump"); {} without an entity layer or when it fails."""
    layer = entity_layer()
    if layer is None:
        return {}
    try:
        roles = layer.analyse_actors(doc, settings).roles
    except Exception:  # an actor-finder failure must not lose the quotes
        return {}
    held: dict[str, set[str]] = {}
    for person, titles in roles.items():
        for title, _employer in titles:
            held.setdefault(str(title), set()).add(str(person))
    return held
