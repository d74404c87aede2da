"""Optional statistical recogniser: an installed spaCy pipeline with an ``ner`` (or ``entity_ruler``) pipe.

``--ner spacy`` uses ``en_core_web_sm``; ``--ner spacy:MODEL`` any installed pipeline (a package name or
a folder written by ``nlp.to_disk``). The toolkit never downloads a model: install spaCy with
``pip install "mediacompare[ner]"`` and a model with ``python -m spacy download en_core_web_sm`` (or
``pip install`` of the model's wheel). spaCy's labels map to the shared types: PERSON → PERSON,
ORG → ORG, GPE → GPE, LOC and FAC → LOC, NORP → MISC; other labels (dates, numbers, works of art …)
are no names of actors and are dropped. Each sentence is run on its own (memory stays flat; time is
linear in the number of sentences), and a span is kept only when it starts and ends on the toolkit's
own token boundaries (a possessive 's after it is allowed).
"""

from __future__ import annotations

from typing import Any

from ..model import MediacompareError, Sentence
from .listed import title_before
from .recogniser import EntitySpan
from .table import ActorTable

LABEL_MAP = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
             "NORP": "MISC", "MISC": "MISC"}
INSTALL_HINT = ('install spaCy with pip install "mediacompare[ner]" and a pipeline with '
                "python -m spacy download en_core_web_sm; the toolkit never downloads models")


class SpacyRecogniser:
    """Typed spans from a spaCy pipeline's entities, behind the :class:`~.recogniser.Recogniser` protocol."""

    def __init__(self, nlp: Any, name: str = "spacy") -> None:
        self.nlp = nlp
        self.name = name

    @classmethod
    def load(cls, model: str) -> SpacyRecogniser:
        """Load an installed pipeline; a one-line :class:`MediacompareError` when spaCy or the model is missing."""
        try:
            import spacy
        except ImportError as err:
            raise MediacompareError(f"--ner spacy:{model}: spaCy is not installed; {INSTALL_HINT}") from err
        try:
            nlp = spacy.load(model)
        except OSError as err:
            raise MediacompareError(f"--ner spacy:{model}: no installed spaCy pipeline {model!r}; "
                                    f"{INSTALL_HINT}") from err
        if not {"ner", "entity_ruler"} & set(nlp.pipe_names):
            raise MediacompareError(f"--ner spacy:{model}: the pipeline has no 'ner' or 'entity_ruler' pipe "
                                    f"(it has: {', '.join(nlp.pipe_names) or 'none'})")
        return cls(nlp, f"spacy:{model}")

    def recognise(self, sentences: list[Sentence], taken: dict[int, list[bool]],
                  table: ActorTable) -> list[EntitySpan]:
        out: list[EntitySpan] = []
        for s, doc in zip(sentences, self.nlp.pipe(s.text for s in sentences), strict=True):
            starts = {t.start - s.start: k for k, t in enumerate(s.tokens)}
            for ent in doc.ents:
                label = LABEL_MAP.get(ent.label_)
                first = starts.get(ent.start_char)
                if label is None or first is None:
                    continue
                last = first
                while last < len(s.tokens) and s.tokens[last].end - s.start < ent.end_char:
                    last += 1
                if last >= len(s.tokens):
                    continue
                tail = s.text[ent.end_char:s.tokens[last].end - s.start]
                if tail not in ("", "'s", "’s", "'", "’"):
                    continue  # the entity ends inside one of our tokens: not a name on our boundaries
                if any(taken[s.index][first:last + 1]):
                    continue
                title = title_before(s.tokens, first, table)[1] if label == "PERSON" else ""
                sex = table.sex_of_title(title)
                out.append(EntitySpan(s.index, first, last + 1, label, f"{self.name} {ent.label_}", title, sex))
        return out
