"""Lexical diversity: MTLD, the Measure of Textual Lexical Diversity (McCarthy & Jarvis, 2010).

Pure functions of a token sequence (already lower-cased by the caller); no I/O, no parsing.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Undefined

MTLD_THRESHOLD = 0.72
# McCarthy & Jarvis (2010) validated MTLD on texts of 100 to 2,000 words and report it stable
# across that range; below 100 tokens a single partial factor dominates the value, so we
# return Undefined rather than an unstable number (our choice of cut-off, following that range).
MTLD_MIN_TOKENS = 100


def mtld_factors(tokens: Sequence[str], threshold: float = MTLD_THRESHOLD) -> float:
    """Factor count of one MTLD pass (McCarthy & Jarvis, 2010).

    Walk the tokens keeping a running type-token ratio (TTR); each time it falls to
    ``threshold`` or below, count one full factor and restart. The leftover segment adds a
    partial factor ``(1 − TTR_rest) / (1 − threshold)`` (0 when nothing is left over).
    """
    factors = 0.0
    types: set[str] = set()
    n = 0
    for tok in tokens:
        n += 1
        types.add(tok)
        if len(types) / n <= threshold:
            factors += 1
            types = set()
            n = 0
    if n:
        factors += (1 - len(types) / n) / (1 - threshold)
    return factors


def mtld(tokens: Sequence[str], threshold: float = MTLD_THRESHOLD, min_tokens: int = MTLD_MIN_TOKENS) -> float:
    """MTLD (McCarthy & Jarvis, 2010): mean of a forward and a backward pass of N / factors.

    Higher = more diverse vocabulary. Undefined when there are fewer than ``min_tokens``
    tokens, or when a pass never completes any part of a factor (every token unique).
    """
    n = len(tokens)
    if n == 0:
        return Undefined("MTLD needs tokens; the text has none")
    if n < min_tokens:
        return Undefined(f"MTLD needs at least {min_tokens} word tokens; the text has {n}")
    values = []
    for seq in (tokens, tokens[::-1]):
        f = mtld_factors(seq, threshold)
        if f <= 0:
            return Undefined("MTLD undefined: the type-token ratio never dropped (all tokens distinct)")
        values.append(n / f)
    return (values[0] + values[1]) / 2
