"""The seam between entity recognisers: one small protocol, one span type, one factory.

A recogniser reads the article's sentences and returns typed name spans on tokens that no listed
alias has claimed. Everything after that (place contexts, gazetteer actors, coreference, the outlet's
own name, canonical names) is shared, so the rule-based default and a statistical backend give
records of the same shape.

``Settings.ner``: ``"rules"`` (default, offline, no model) | ``"spacy"`` (the installed
``en_core_web_sm``) | ``"spacy:MODEL"`` (any installed spaCy pipeline with an ``ner`` pipe).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from ..frozen import quick_init
from ..model import MediacompareError, Sentence
from .table import ActorTable

LABELS = ("PERSON", "ORG", "GPE", "LOC", "MISC")


@quick_init
@dataclass(frozen=True)
class EntitySpan:
    """A typed name: tokens ``[first, last)`` of one sentence (index -1 = headline)."""

    sentence_index: int
    first: int
    last: int
    label: str  # one of LABELS
    rule: str  # the evidence, e.g. "title", "given name", "organisation cue", "spacy ner"
    title: str = ""  # lower-cased title or honorific right before a person ("mr.", "deputy foreign minister")
    sex: str = ""  # "m" | "f" when an honorific or given name says so


class Recogniser(Protocol):
    """Finds typed names in an article's sentences (headline first when present)."""

    name: str

    def recognise(self, sentences: list[Sentence], taken: dict[int, list[bool]],
                  table: ActorTable) -> list[EntitySpan]:
        """Typed spans on tokens not yet claimed (``taken[sentence.index][token]`` is False)."""
        ...


@lru_cache(maxsize=8)
def get_recogniser(spec: str = "rules") -> Recogniser:
    """The recogniser named by ``spec``: "rules", "spacy" or "spacy:MODEL" (one instance per process)."""
    spec = (spec or "rules").strip()
    if spec == "rules":
        from .rules import RuleRecogniser

        return RuleRecogniser()
    if spec == "spacy" or spec.startswith("spacy:"):
        from .spacy_backend import SpacyRecogniser

        return SpacyRecogniser.load(spec.partition(":")[2] or "en_core_web_sm")
    raise MediacompareError(f"--ner {spec!r}: choose 'rules', 'spacy' or 'spacy:MODEL'")
