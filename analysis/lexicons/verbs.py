"""Reporting-verb entries of ``reporting_verbs.yaml``: the one reader every module uses.

The file is the single source of reporting-verb forms. Its ``verbs`` mapping
(``lemma: [tier, form, form, ...]``) drives the quote finder and stance counts
(:mod:`analysis.sourcing.stance`, which matches multi-word forms as token sequences) and, through
:func:`reporting_verb_forms`, the actor rule "…, Rudenko said" (:mod:`analysis.entities.rules`). Its
``tag_verbs`` mapping (``lemma: [form, ...]``) holds speech verbs that attribute only as a
dialogue tag ("“Why now?” Kim wondered."); only the sentence splitter (:mod:`analysis.segment`)
adds them. This module imports nothing from the rest of the package but the lexicon loader, so the
splitter can use it at import time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import MediacompareError
from . import Lexicon, load_lexicon

VERBS_FILE = "reporting_verbs.yaml"
TIERS = ("neutral", "distancing", "concessive", "endorsing")


@dataclass(frozen=True)
class VerbEntry:
    """One line of the file: a lemma, its stance tier ("" for a tag verb) and its forms as written."""

    lemma: str
    tier: str
    forms: tuple[str, ...]


def _forms(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise MediacompareError(f"{where}: needs a list of non-empty words")
    return tuple(v.strip() for v in value)


def _mapping(lex: Lexicon, key: str) -> dict[Any, Any]:
    value = lex.data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise MediacompareError(f"{lex.path}: '{key}' must be a mapping of lemma: [forms]")
    return value


def read_reporting_verbs(lex: Lexicon) -> tuple[VerbEntry, ...]:
    """The ``verbs`` entries of a loaded reporting-verb lexicon, in file order.

    Each entry is ``lemma: [tier, form, form, ...]`` with ``tier`` one of :data:`TIERS`; exactly
    the listed forms match. A malformed entry raises :class:`MediacompareError` naming the file
    and the lemma.
    """
    out = []
    for lemma, entry in _mapping(lex, "verbs").items():
        where = f"{lex.path}: verbs: {lemma}"
        tier, *forms = _forms(entry, where)
        if tier not in TIERS:
            raise MediacompareError(f"{where}: the first item must be a stance tier ({', '.join(TIERS)}), "
                                    f"not {tier!r}")
        if not forms:
            raise MediacompareError(f"{where}: lists a tier but no forms")
        out.append(VerbEntry(str(lemma), tier, tuple(forms)))
    return tuple(out)


def read_tag_verbs(lex: Lexicon, key: str = "tag_verbs") -> tuple[VerbEntry, ...]:
    """The ``tag_verbs`` entries (``lemma: [form, ...]``, no tier) of a loaded reporting-verb lexicon, or those
    of another mapping of the same shape (``key="frame_verbs"``)."""
    return tuple(VerbEntry(str(lemma), "", _forms(entry, f"{lex.path}: {key}: {lemma}"))
                 for lemma, entry in _mapping(lex, key).items())


@lru_cache(maxsize=16)
def _one_word_forms(lex: Lexicon, tags: bool) -> frozenset[str]:
    entries = read_reporting_verbs(lex) + (read_tag_verbs(lex) if tags else ())
    return frozenset(f.lower() for e in entries for f in e.forms if len(f.split()) == 1)


def reporting_verb_forms(name_or_path: str | Path | None = None, *, tags: bool = False) -> frozenset[str]:
    """Lower-cased one-word forms of the reporting verbs (``said``, ``claims``, ``confirmed`` …).

    ``name_or_path`` is a user file (same schema) or ``None`` for the bundled
    ``reporting_verbs.yaml``. Multi-word forms ("pointed out") are left out: the callers compare
    single tokens. ``tags=True`` adds the dialogue-tag verbs of ``tag_verbs`` (sentence splitter).
    """
    # keyed on the loaded Lexicon, which load_lexicon re-creates when the file changes
    return _one_word_forms(load_lexicon(name_or_path or VERBS_FILE), tags)
