"""One source, one type: document speakers naming the same kind of instrument are one source, and every
quote of one source gets the same source type and named flag.
"""

from __future__ import annotations

from dataclasses import replace

from .profile import (
    OTHER,
    SourceTypes,
    source_key,
)
from .quote_records import Quote


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
    out = []
    for q in quotes:
        if q.speaker:
            k = source_key(q.speaker)
            if (q.speaker_type, q.named) != (stype[k], named[k]):  # most quotes already agree: kept as they are
                q = replace(q, speaker_type=stype[k], named=named[k])
        out.append(q)
    return out


