"""The quote finder: one pass over an article, direct quotes first, then verb and phrase attributions,
pronoun speakers last.
"""

from __future__ import annotations

from ..casefold import ASCII_FOLDS
from .indirect_quotes import _VerbAttributions
from .quote_harmonise import _harmonise
from .quote_records import Quote
from .quote_words import _ACCORDING, _CITING, _PER_OPENING
from .stance import StanceVerb


class _Finder(_VerbAttributions):
    """The quote finder: one pass over an article, direct quotes first, then verb and phrase attributions,
    pronoun speakers last.
    """

    def run(self) -> tuple[list[Quote], list[tuple[int, int, str]], list[StanceVerb], list[tuple[int, int]]]:
        self._direct()
        for s in self.doc.sentences:
            if s.index in self.too_long:
                continue
            self._verb_attributions(s)
            low, folds = s.text.lower(), ASCII_FOLDS.search(s.text) is not None  # once for both phrases
            self._attribution_phrase("according_to", _ACCORDING, s, "according_to", low, folds)
            self._attribution_phrase("citing", _CITING, s, "citing", low, folds)
            if s.text.startswith("Per "):  # "Per Swedish media, Spencer was prevented …" (ThinkProgress, s11)
                self._attribution_phrase("according_to", _PER_OPENING, s, "according_to")
        self._clause_speakers()
        self._resolve_pronouns()
        kept = [q for q in self.quotes if q is not None]
        quotes = _harmonise(sorted(kept, key=lambda q: (q.sentence_index, q.start)), self.types)
        stance = [self.stance[k] for k in sorted(self.stance)]
        return quotes, sorted(self.scare), stance, sorted(self.quoted)

