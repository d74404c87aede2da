"""Events: which articles report the same event, so comparison stays within events.

Same-event comparison (text reuse, sentence alignment, numeric claims) only compares articles of
one event. :func:`assign_events` takes the ``event_id`` the input gives; :func:`group_events` is
an optional helper that proposes events for articles without one, from their publication dates
and shared text, and says for each article how it was grouped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pandas as pd

ALL_EVENT = "all"


def assign_events(articles: pd.DataFrame) -> pd.Series:
    """The event of each article: its ``event_id`` as given; missing or empty -> ``"all"``.

    ``"all"`` is one corpus-wide event, so a corpus without event ids is compared as a whole.
    Returns a string Series named ``event_id`` with the index of ``articles``.
    """
    if "event_id" in articles.columns:
        ids = articles["event_id"].astype("string").fillna("").str.strip()
    else:
        ids = pd.Series("", index=articles.index, dtype="string")
    return ids.mask(ids == "", ALL_EVENT).rename("event_id")


def analysed_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """``article_id, outlet, event_id, published`` of the analysed articles (status ``analysed``
    when a status column exists), event ids from :func:`assign_events`, sorted by event, outlet
    and article id so every comparison runs in a fixed order."""
    df = articles
    if "status" in df.columns:
        df = df[df["status"].astype("string").fillna("") == "analysed"]
    out = pd.DataFrame({
        "article_id": df["article_id"].astype("string"),
        "outlet": (df["outlet"] if "outlet" in df.columns else pd.Series("", index=df.index)).astype("string")
        .fillna(""),
        "event_id": assign_events(df),
        "published": (df["published"] if "published" in df.columns else pd.Series("", index=df.index))
        .astype("string").fillna(""),
    })
    return out.sort_values(["event_id", "outlet", "article_id"], kind="stable").reset_index(drop=True)


def article_tokens(sentences: pd.DataFrame, article_ids: set[str] | None = None
                   ) -> dict[str, list[tuple[str, int]]]:
    """Each article's word tokens in reading order as ``(token, sentence_index)``, taken from the
    ``tokens`` column of the sentences table (never re-tokenized; the headline, index -1, is left
    out)."""
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    df = sentences[sentences["sentence_index"] >= 0]
    if article_ids is not None:
        df = df[df["article_id"].isin(article_ids)]
    df = df.sort_values(["article_id", "sentence_index"], kind="stable")
    for aid, idx, toks in zip(df["article_id"], df["sentence_index"], df["tokens"].fillna(""), strict=True):
        out[str(aid)].extend((t, int(idx)) for t in str(toks).split())
    return dict(out)


def event_groups(arts: pd.DataFrame) -> Iterator[tuple[str, pd.DataFrame]]:
    """``(event_id, articles of the event)`` in event order (``arts`` from :func:`analysed_articles`)."""
    for event_id, group in arts.groupby("event_id", sort=True):
        yield str(event_id), group.reset_index(drop=True)


def group_events(articles: pd.DataFrame, sentences: pd.DataFrame, window_days: int = 3,
                 threshold: float = 0.2, n: int = 5) -> pd.DataFrame:
    """Propose events for articles without an ``event_id`` (our method; a helper, check its output).

    Two articles without an event id are linked when both are published within ``window_days`` of
    each other and their text overlaps: containment of word ``n``-grams (Nicholls 2019), taken in
    the larger direction, max(C(A,B), C(B,A)) >= ``threshold``, where
    C(A,B) = |shingles(A) ∩ shingles(B)| / |shingles(A)|. Events are the connected groups of links
    between dated articles (single linkage); an article with no parseable date joins the event of
    the article its text overlaps most (so it cannot bridge two dated events). Events are named
    ``auto-001``, ``auto-002`` … in order of their earliest article (date, then id). Articles that
    already have an event id keep it (method ``"given"``); an article with no link forms its own event.
    Shingles are :func:`analysis.compare.reuse.hashed_shingles` (64-bit ints), and candidate pairs come from
    the prefix filtering of :func:`analysis.compare.reuse.candidate_pairs` (rarest shingles first, so
    boilerplate every article shares does not make every pair a candidate); articles sharing no shingle are
    never compared, and every candidate is verified exactly.

    Returns ``article_id, event_id, method``; ``method`` says how each article was grouped, e.g.
    ``"date window 3 d + containment ≥ 0.2 with A12 (0.41)"`` naming its strongest link.
    """
    arts = analysed_articles(articles)
    given_ids = articles.set_index("article_id")["event_id"] if "event_id" in articles.columns else None
    rows: list[dict[str, str]] = []
    todo: list[str] = []
    dates: dict[str, pd.Timestamp | None] = {}
    for aid, published in zip(arts["article_id"], arts["published"], strict=True):
        given = "" if given_ids is None else given_ids.get(aid, "")
        given = "" if pd.isna(given) else str(given).strip()
        if given:
            rows.append({"article_id": str(aid), "event_id": given, "method": "given"})
            continue
        todo.append(str(aid))
        ts = pd.to_datetime(published, errors="coerce") if published else pd.NaT
        dates[str(aid)] = None if pd.isna(ts) else ts.tz_localize(None) if ts.tzinfo else ts
    from .reuse import candidate_pairs, hashed_shingles  # here: reuse imports this module

    toks = article_tokens(sentences, set(todo))
    sh = {aid: hashed_shingles([t for t, _ in toks.get(aid, [])], n) for aid in todo}
    best: dict[str, tuple[float, str]] = {}
    parent = {aid: aid for aid in todo}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for aid, other in sorted(candidate_pairs(sh, threshold, both=False)):
        da, db = dates[aid], dates[other]
        if da is not None and db is not None and abs((da - db).days) > window_days:
            continue
        k = len(sh[aid] & sh[other])
        c = max(k / len(sh[aid]), k / len(sh[other]))
        if c < threshold:
            continue
        for x, y in ((aid, other), (other, aid)):
            if x not in best or c > best[x][0] or (c == best[x][0] and y < best[x][1]):
                best[x] = (c, y)
        if da is not None and db is not None:
            parent[find(other)] = find(aid)
    for aid in todo:  # an undated article joins the event of the article it overlaps most
        if dates[aid] is None and aid in best:
            parent[find(aid)] = find(best[aid][1])
    groups: dict[str, list[str]] = defaultdict(list)
    for aid in todo:
        groups[find(aid)].append(aid)

    def first(members: list[str]) -> tuple[pd.Timestamp, str]:
        return min((dates[m] if dates[m] is not None else pd.Timestamp.max, m) for m in members)

    for k, members in enumerate(sorted(groups.values(), key=first), start=1):
        event = f"auto-{k:03d}"
        for aid in sorted(members):
            if aid in best:
                c, other = best[aid]
                dated = dates[aid] is not None and dates[other] is not None
                how = f"date window {window_days} d + " if dated else "no date; "
                method = f"{how}containment ≥ {threshold:g} with {other} ({c:.2f})"
            else:
                method = "no match: own event"
            rows.append({"article_id": aid, "event_id": event, "method": method})
    order = {aid: i for i, aid in enumerate(arts["article_id"])}
    rows.sort(key=lambda r: order[r["article_id"]])
    return pd.DataFrame(rows, columns=["article_id", "event_id", "method"]).astype("string")
