"""Terms for comparison: one normalisation of word tokens shared by keyness and sentence alignment.

Words come from the sentences table's ``tokens`` column (the parser's word tokens; nothing is
re-tokenised). :func:`normalise_term` lower-cases a token and drops an English possessive ending
(``Korea's``, ``Korea’s`` -> ``korea``; ``states'`` -> ``states``). A contraction with ``'s``
(``it's``, ``he's``) loses it too; those are function words, left out as stop words anyway.

Sentence alignment further reduces each word to a *content term* (:func:`content_terms`): stop words
(``stopwords_en.yaml``) are dropped, listed synonyms (``align_synonyms.yaml``) are merged and every
other word is reduced to its Snowball English ("Porter2") stem (Porter 2001, via NLTK, which ships
with textstat; no data download).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from ..lexicons import load_lexicon
from ..model import MediacompareError

SYNONYMS_FILE = "align_synonyms.yaml"
STOPWORDS_FILE = "stopwords_en.yaml"
POSSESSIVE_PATTERN = r"(?<=.)(?:['’]s|(?<=s)['’])$"  # 's / ’s, or the apostrophe of a plural (states'); not alone
_POSSESSIVE = re.compile(POSSESSIVE_PATTERN)

Synonyms = bool | str | Mapping[str, str]


def load_stopwords(source: bool | str | Iterable[str] = True) -> frozenset[str]:
    """Stop words as a lower-case set: ``True`` = the bundled ``stopwords_en.yaml``; a path or file name =
    that YAML lexicon (``words:`` list); an iterable = those words; ``False`` = none."""
    if source is False:
        return frozenset()
    if source is True or isinstance(source, str):
        lex = load_lexicon(STOPWORDS_FILE if source is True else source)
        words = lex.data.get("words") or []
        if not isinstance(words, list):
            raise MediacompareError(f"{lex.path}: 'words' must be a list of single words")
        return frozenset(str(w).strip().lower() for w in words if str(w).strip())
    return frozenset(str(w).strip().lower() for w in source if str(w).strip())


def normalise_term(token: str) -> str:
    """The token lower-cased, without a possessive ``'s`` / ``’s`` (or the bare apostrophe of ``states'``)."""
    return _POSSESSIVE.sub("", str(token).lower())


@lru_cache(maxsize=1)
def _stemmer() -> object:
    from nltk.stem.snowball import SnowballStemmer  # pure algorithm, no NLTK data needed

    return SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball English (Porter2) stem of a lower-case word (Porter 2001)."""
    return str(_stemmer().stem(word))  # type: ignore[attr-defined]


def load_synonyms(source: Synonyms = True) -> dict[str, str]:
    """Word form -> class term: ``True`` = the bundled ``align_synonyms.yaml``, a path or file name = that
    YAML lexicon (``classes:`` list of word lists), a mapping = used as given, ``False`` = none.

    Every listed form (lower-cased, possessive dropped) maps to the stem of its class's first word. A form
    listed in two classes is an error naming both.
    """
    if source is False:
        return {}
    if isinstance(source, Mapping):
        return {normalise_term(k): str(v) for k, v in source.items()}
    return dict(_load_synonym_file(SYNONYMS_FILE if source is True else str(source)))


@lru_cache(maxsize=8)
def _load_synonym_file(name: str) -> tuple[tuple[str, str], ...]:
    lex = load_lexicon(name)
    classes = lex.data.get("classes") or []
    if not isinstance(classes, list) or not all(isinstance(c, list) for c in classes):
        raise MediacompareError(f"{lex.path}: 'classes' must be a list of word lists")
    out: dict[str, str] = {}
    for words in classes:
        forms = [normalise_term(str(w).strip()) for w in words if str(w).strip()]
        if not forms:
            continue
        head = stem(forms[0])
        for form in forms:
            if form in out and out[form] != head:
                raise MediacompareError(f"{lex.path}: {form!r} is in two synonym classes ({out[form]!r}, {head!r})")
            out[form] = head
    return tuple(out.items())


def content_terms(tokens: str | Iterable[str], stopwords: frozenset[str], synonyms: Mapping[str, str]) -> list[str]:
    """Content terms of a sentence, in order: each word normalised (:func:`normalise_term`); stop words and
    tokens without a letter or digit dropped; a listed synonym -> its class term; any other word -> its stem."""
    words = tokens.split() if isinstance(tokens, str) else [str(t) for t in tokens]
    out: list[str] = []
    for token in words:
        word = normalise_term(token)
        if word in stopwords or not any(ch.isalnum() for ch in word):
            continue
        out.append(synonyms[word] if word in synonyms else stem(word))
    return out
