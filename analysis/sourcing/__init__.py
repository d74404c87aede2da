"""Sourcing: who is quoted and how — quotes, speakers, reporting-verb stance and source profiles.

``quotes`` finds direct/indirect/according-to/citing attributions and scare quotes, ``stance``
holds the reporting-verb lexicon and its stance tiers, ``profile`` types and counts the sources.
The metric family that reports them is :mod:`analysis.metrics.sourcing`.
"""

from .profile import Source, classify_speaker, is_anonymous, source_profile, sources_by_type
from .quotes import Quote, find_quotes, find_scare_quotes, quoted_spans
from .stance import TIERS, StanceVerb, find_stance_verbs, load_reporting_verbs, stance_counts

__all__ = [
    "TIERS", "Quote", "Source", "StanceVerb", "classify_speaker", "find_quotes", "find_scare_quotes",
    "find_stance_verbs", "is_anonymous", "load_reporting_verbs", "quoted_spans", "source_profile",
    "sources_by_type", "stance_counts",
]
