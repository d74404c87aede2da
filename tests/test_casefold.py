"""analysis.casefold.ASCII_FOLDS: exactly the non-ASCII characters that re.IGNORECASE matches to an ASCII letter
(the pre-tests that use str.lower are exact on every other text)."""

from __future__ import annotations

import re
import sys

from analysis.casefold import ASCII_FOLDS


def test_every_code_point_that_folds_to_an_ascii_letter() -> None:
    letter = re.compile(r"[a-z]", re.IGNORECASE)
    folding = {chr(cp) for cp in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(cp))}
    assert folding == {"\u0130", "\u0131", "\u017f", "\u212a"}  # İ ı ſ K
    assert all(ASCII_FOLDS.fullmatch(c) for c in folding)
    # str.lower gives the ASCII letter only for the Kelvin sign: İ ı ſ are what a lower-case pre-test would miss
    assert {c for c in folding if c.lower().isascii()} == {"\u212a"}
