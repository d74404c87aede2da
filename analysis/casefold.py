"""Where ``str.lower`` and ``re.IGNORECASE`` disagree on ASCII letters.

A case-insensitive pattern of ASCII words can be pre-tested cheaply with ``str.lower`` and a dictionary or
substring look-up (framing's anchor index, number hints, attribution phrases), except in a text holding one
of the four non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter (found by testing every
code point): İ (U+0130) and ı (U+0131) match "i" and ſ (U+017F) matches "s", which ``str.lower`` does not give
("i̇", "ı", "ſ"); the Kelvin sign K (U+212A) matches "k", which ``str.lower`` does give, and is listed so that
the set is the whole of what case folding adds. Such a text is searched with the pattern itself.
"""

from __future__ import annotations

import re

ASCII_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """``text`` lower-cased as ``re.IGNORECASE`` compares ASCII letters: the four characters of
    :data:`ASCII_FOLDS` become the letter they match ("thouſand" -> "thousand"), so a word a case-insensitive
    pattern matched is found in a dictionary of lower-case ASCII keys."""
    return text.translate(_TO_ASCII).lower() if ASCII_FOLDS.search(text) else text.lower()
