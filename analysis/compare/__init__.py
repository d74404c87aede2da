"""Same-event comparison: events, text reuse, sentence alignment and numeric-claim conflicts.

Every function here is a pure function of the tidy tables of :mod:`analysis.tables`
(``articles``, ``sentences``, ``records["claims"]``): no I/O, deterministic order. Only analysed
articles are compared, and only within an event (:func:`assign_events`). Methods and thresholds
are documented in each module and in docs/comparison.md.
"""

from .align import align_sentences, event_similarity, omissions, sentence_similarity, side_by_side, unique_sentences
from .claims import compare_claims
from .events import assign_events, group_events
from .reuse import (
    candidate_pairs,
    containment,
    hashed_shingles,
    near_duplicates,
    reuse_table,
    shared_passages,
    shingles,
)

__all__ = [
    "align_sentences", "assign_events", "candidate_pairs", "compare_claims", "containment", "event_similarity",
    "group_events", "hashed_shingles", "near_duplicates", "omissions", "reuse_table", "sentence_similarity",
    "shared_passages", "shingles", "side_by_side", "unique_sentences",
]
