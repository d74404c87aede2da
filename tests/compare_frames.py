"""Tiny articles + sentences tables for the comparison tests (imported by test_align and test_reuse)."""

import pandas as pd


def frames(docs: dict[str, tuple[str, str, list[str]]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """articles + sentences tables from {article_id: (outlet, event_id, [sentences as space-joined words])}."""
    arts = pd.DataFrame([{"article_id": a, "outlet": o, "event_id": e, "published": "", "status": "analysed"}
                         for a, (o, e, _) in docs.items()])
    sents = pd.DataFrame([{"article_id": a, "sentence_index": i, "paragraph_index": i, "start": 0, "end": 0,
                           "text": s, "tokens": s} for a, (_, _, ss) in docs.items() for i, s in enumerate(ss)])
    return arts, sents
