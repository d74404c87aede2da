"""Who is quoted: source types, named vs anonymous, and the per-article source profile.

The taxonomy and cue words are data (``lexicons/source_types.yaml``, our own taxonomy: government
official, state media, intelligence, military, expert/analyst, other media, document, witness,
other; ``Settings.source_types_file`` replaces it). A *source* is a distinct speaker of at least
one quote in the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..lexicons import Lexicon, load_lexicon
from ..segment import tokenize
from ._cache import compiled

if TYPE_CHECKING:
    from ..metrics.base import Settings
    from .quotes import Quote

TYPES_FILE = "source_types.yaml"
OTHER = "other"
# Prepositions that open a post-modifier: the head noun is the last word before them.
_POSTMODIFIER = re.compile(r"\s(?:of|from|in|at|with|for|familiar|close|on|to|who|which|that|by)\s", re.IGNORECASE)


@dataclass(frozen=True)
class SourceTypes:
    """Loaded source-type cues (lower-cased token tuples), in file order."""

    cues: tuple[tuple[str, tuple[str, ...]], ...]  # (type, cue tokens)
    types: tuple[str, ...]
    anonymous_heads: frozenset[str]
    anonymous_cues: tuple[str, ...]
    same_document: tuple[tuple[str, str], ...] = ()  # (head noun, document name): "pact" -> "treaty"
    # first cue word -> (type, cue) in file order: a phrase's words look up only the cues they can start
    by_first: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = field(default_factory=dict, compare=False,
                                                                         hash=False, repr=False)

    def document_name(self, phrase: str) -> str:
        """The document a document speaker phrase names by its head noun ("The pact" -> "treaty"), or ""."""
        words = _words(head_phrase(phrase))
        return dict(self.same_document).get(words[-1], "") if words else ""


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(t.lower for t in tokenize(text) if t.is_word)


def load_source_types(name_or_path: str | Path = TYPES_FILE) -> SourceTypes:
    """Load the source-type taxonomy, its cue words and the anonymous-source cues.

    Compiled once per loaded version of the file (cached on the :class:`~analysis.lexicons.Lexicon`
    that :func:`~analysis.lexicons.load_lexicon` caches per path and modification time)."""
    return compiled(load_lexicon(name_or_path), _compile)


def _compile(lex: Lexicon) -> SourceTypes:
    cues: list[tuple[str, tuple[str, ...]]] = []
    types: list[str] = []
    for typ, words in (lex.data.get("types") or {}).items():
        types.append(str(typ))
        for w in words or []:
            key = _words(str(w))
            if key:
                cues.append((str(typ), key))
    if OTHER not in types:
        types.append(OTHER)
    heads = frozenset(str(w).lower() for w in lex.data.get("anonymous_heads") or [])
    anon = tuple(str(w).lower() for w in lex.data.get("anonymous_cues") or [])
    same = tuple((str(head).lower(), str(name)) for name, heads in (lex.data.get("same_document") or {}).items()
                 for head in heads or [])
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for typ, cue in cues:
        by_first.setdefault(cue[0], []).append((typ, cue))
    return SourceTypes(tuple(cues), tuple(types), heads, anon, same,
                       {k: tuple(v) for k, v in by_first.items()})


def source_types_for(settings: Settings | None) -> SourceTypes:
    """The source types of ``settings.source_types_file`` when set, else the bundled file."""
    path: Path | str | None = getattr(settings, "source_types_file", None)
    return load_source_types(Path(path) if path else TYPES_FILE)


def head_phrase(phrase: str) -> str:
    """The speaker phrase without its post-modifier: "Intelligence reports from the U.S." -> "Intelligence reports"."""
    m = _POSTMODIFIER.search(f"{phrase} ")
    return phrase[:m.start()].strip() if m and m.start() > 0 else phrase.strip()


def classify_speaker(phrase: str, types: SourceTypes | None = None) -> str:
    """Source type of a speaker phrase from cue words; "other" when no cue matches.

    The cue that ends nearest the end of the phrase wins (the head noun ends an English noun
    phrase), then the longest: "Seoul's military intelligence" -> intelligence, "state-run
    Korean Central News Agency" -> state media, "Russian news agency TASS" -> state media.
    """
    types = types or load_source_types()
    words = _words(phrase)
    best: tuple[int, int, str] | None = None
    for i, w in enumerate(words):
        for typ, cue in types.by_first.get(w, ()):  # in file order, as the full list is
            n = len(cue)
            if words[i:i + n] == cue:
                cand = (i + n, n, typ)
                if best is None or cand[:2] > best[:2]:
                    best = cand
    return best[2] if best else OTHER


def anonymous_cue(sentence_text: str, types: SourceTypes | None = None) -> str:
    """The anonymous-source cue in a sentence ("on condition of anonymity"), or ""."""
    types = types or load_source_types()
    text = sentence_text.lower()  # every word of a cue in the sentence is in its lower-cased text: most hold none
    cues = [(cue, padded) for cue, words, padded in _cue_words(types.anonymous_cues) if all(w in text for w in words)]
    if not cues:
        return ""
    low = f" {' '.join(_words(sentence_text))} "
    for cue, padded in cues:
        if padded in low:
            return cue
    return ""


@lru_cache(maxsize=16)
def _cue_words(cues: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """Each anonymous cue with its words and its words joined and padded with spaces (made once per cue list)."""
    return tuple((cue, _words(cue), f" {' '.join(_words(cue))} ") for cue in cues)


def is_anonymous(phrase: str, types: SourceTypes | None = None) -> bool:
    """True when the speaker phrase names no one: its head noun is a generic one ("officials", "analysts")."""
    types = types or load_source_types()
    words = _words(head_phrase(phrase))
    return not words or words[-1] in types.anonymous_heads


@dataclass(frozen=True)
class Source:
    """One distinct speaker of an article and how it was quoted."""

    speaker: str
    speaker_type: str
    named: bool
    n_quotes: int
    n_direct: int
    n_indirect: int
    n_according_to: int
    n_citing: int
    first_sentence_index: int
    surfaces: str  # the speaker phrases as printed, "; "-joined


def source_key(speaker: str) -> str:
    """Key under which two speaker strings count as the same source (case, leading "the" ignored)."""
    s = " ".join(speaker.lower().replace("’", "'").split())
    return s[4:] if s.startswith("the ") else s


def source_profile(quotes: Sequence[Quote]) -> list[Source]:
    """Distinct sources (speakers) of the quotes, in order of first appearance; unattributed quotes skipped."""
    groups: dict[str, list[Quote]] = {}
    for q in quotes:
        if q.speaker:
            groups.setdefault(source_key(q.speaker), []).append(q)
    out = []
    for qs in groups.values():
        first = qs[0]
        kinds = [q.kind for q in qs]
        surfaces = list(dict.fromkeys(q.speaker_surface for q in qs))
        out.append(Source(first.speaker, first.speaker_type, any(q.named for q in qs), len(qs),
                          kinds.count("direct"), kinds.count("indirect"), kinds.count("according_to"),
                          kinds.count("citing"), min(q.sentence_index for q in qs), "; ".join(surfaces)))
    return out


def sources_by_type(sources: Sequence[Source], types: SourceTypes | None = None) -> dict[str, int]:
    """Number of distinct sources per type; every type of the taxonomy present (zero when absent)."""
    types = types or load_source_types()
    counts = dict.fromkeys(types.types, 0)
    for s in sources:
        counts[s.speaker_type] = counts.get(s.speaker_type, 0) + 1
    return counts
