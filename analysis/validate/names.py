"""Matching a coder's name for an actor or speaker with the toolkit's.

Coders write full names ("Donald Trump") or descriptions ("a senior official"); the toolkit writes its
canonical actor. Two names match when, after normalisation (lower case, punctuation, possessive 's,
leading articles and titles dropped), they are equal, or when one is a shorter form of the other that
ends with the same word ("Trump" / "Donald Trump", "Korean Central News Agency" / "state-run Korean
Central News Agency"). This is our matching rule (documented in docs/validation.md).
"""

from __future__ import annotations

import re

_DROP = frozenset(
    "a an the mr mrs ms miss dr prof sen rep gov gen president prime minister secretary".split())
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)


def normalise_name(name: str) -> tuple[str, ...]:
    """Words of ``name`` in lower case, without titles, articles and a possessive 's."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(name.replace("’", "'"))]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    return tuple(w for w in words if w not in _DROP)


def same_actor(a: str, b: str) -> bool:
    """Whether two names denote the same actor by the rule above."""
    x, y = normalise_name(a), normalise_name(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return short[-1] == long[-1] and set(short) <= set(long)


def split_set(cell: str) -> list[tuple[str, str]]:
    """A set cell ``"Name|TYPE; Name"`` as ``[(name, type), …]`` (type empty when not given)."""
    out = []
    for part in cell.split(";"):
        name, _, kind = part.partition("|")
        if name.strip():
            out.append((name.strip(), kind.strip().lower()))
    return out


def match_sets(system: list[str], reference: list[str]) -> list[tuple[int, int]]:
    """One-to-one pairs (system index, reference index) of matching names, greedy in reference order."""
    used: set[int] = set()
    pairs = []
    for j, ref in enumerate(reference):
        for i, name in enumerate(system):
            if i not in used and same_actor(name, ref):
                used.add(i)
                pairs.append((i, j))
                break
    return pairs
