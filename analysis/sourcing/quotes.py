"""Quotes and attributions: direct, indirect, "according to X", "citing X", and scare quotes.

This module is the public entry (cached per article); the work is split by job: quote spans
(:mod:`.quote_marks`), word classes (:mod:`.quote_words`), the finder's state (:mod:`.finder_state`),
speaker resolution (:mod:`.speaker_resolution`), attribution subjects (:mod:`.subjects`), direct quotes
(:mod:`.direct_quotes`), verb and phrase attributions (:mod:`.indirect_quotes`), one type per source
(:mod:`.quote_harmonise`), and the pass over an article (:mod:`.finder`).

Rules (documented in docs/sourcing.md):

- Direct quotes are spans between double quotation marks (curly or straight), found on body
  offsets so a quote may run over several sentences, and over paragraphs when the next paragraph
  reopens the quote. Nested single quotes and bracketed insertions stay inside. The speaker is
  found after the quote ("“…,” Rudenko said." / "“…,” the agreement states.") or, failing that,
  before it through the nearest reporting verb of the same sentence ("X said: “…”", "X said that
  the treaty reflects “…”", "Article 51 stipulates “…”").
- A short quoted span (at most ``SCARE_MAX_WORDS`` words, no sentence punctuation inside) with
  no speaker is a scare quote or quoted name, not speech.
- Indirect quotes are a reporting verb (``lexicons/reporting_verbs.yaml``, or the replacement
  ``Settings.reporting_verbs_file``) with a subject and a complement after it ("X confirmed last
  week that …", "X said it intercepted …"), or a clause followed by its speaker ("…, state media
  reported Tuesday."), or the passive "as reported by X".
- "according to X" and "citing X" are their own kinds; their content is the larger part of the
  sentence outside the attribution phrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import ParsedArticle
from .entity_layer import body_mentions
from .finder import _Finder
from .quote_marks import embedded_posts, sentence_at, single_mark_view
from .quote_records import Quote, QuoteFinding

__all__ = ["Quote", "QuoteFinding", "embedded_posts", "find_quotes", "find_scare_quotes", "quote_finding",
           "quoted_spans", "sentence_at", "settings_key", "skipped_sentences"]

if TYPE_CHECKING:  # metrics.base is imported lazily: the metrics package imports this module
    from ..metrics.base import Settings


def settings_key(settings: Settings | None) -> str:
    """The files of ``settings`` the quote finder depends on, as a cache key ("" parts = bundled)."""
    files = (getattr(settings, name, None) for name in ("actors_file", "reporting_verbs_file", "source_types_file"))
    return "|".join(str(f) if f else "" for f in files)


def quote_finding(doc: ParsedArticle, settings: Settings | None = None) -> QuoteFinding:
    """Quotes, scare quotes and stance verbs of ``doc``, found once per article and set of files
    (cached in ``doc.cache["quotes:<files>"]``)."""
    key = f"quotes:{settings_key(settings)}"
    if key not in doc.cache:
        if settings is None:
            from ..metrics.base import Settings

            settings = Settings()
        view = single_mark_view(doc)
        if view is not None:  # single marks as the house style: found as double ones (same offsets)
            body_mentions(doc, settings)  # the entity layer on the article as printed (cached, shared with the view)
        finder = _Finder(view or doc, settings)
        quotes, scare, stance, quoted = finder.run()
        doc.cache[key] = QuoteFinding(tuple(quotes), tuple(scare), tuple(stance), tuple(quoted),
                                      tuple(sorted(finder.too_long.items())))
        finder.__dict__.clear()  # its state refers to itself (bound methods): free it now, not at the next gc
    found: QuoteFinding = doc.cache[key]
    return found


def quoted_spans(doc: ParsedArticle, settings: Settings | None = None) -> list[tuple[int, int]]:
    """Body offsets (start, end) of direct-quote content, including the quoted words of a mixed quote
    (an indirect quote holding a partial direct quote); everything else is the journalist's voice."""
    return list(quote_finding(doc, settings).quoted)


def skipped_sentences(doc: ParsedArticle, settings: Settings | None = None) -> list[tuple[int, int]]:
    """(sentence index, words) of the sentences of more than ``MAX_SENTENCE_WORDS`` words, in which no
    speaker, reporting verb or attribution phrase was looked for."""
    return list(quote_finding(doc, settings).skipped)


def find_scare_quotes(doc: ParsedArticle, settings: Settings | None = None) -> list[tuple[int, int, str]]:
    """Short quoted names and scare quotes (not speech): (start, end, text) of their content."""
    return list(quote_finding(doc, settings).scare)


def find_quotes(doc: ParsedArticle, settings: Settings | None = None) -> list[Quote]:
    """Every quote and attribution in the article, in text order (cached, see :func:`quote_finding`).

    ``settings`` chooses the actor, reporting-verb and source-type files (bundled when unset).
    """
    return list(quote_finding(doc, settings).quotes)


