"""Events: which articles report the same event, so comparison stays within events.

Same-event comparison (text reuse, sentence alignment, numeric claims) only compares articles of
one event. :func:`assign_events` takes the ``event_id`` the input gives; :func:`group_events` is
an optional helper that proposes events for articles without one, from their publication dates
and the wording of their title and lead, and says for each article how it was grouped.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

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
    small = _analysed_small(articles) if 0 < len(articles) <= SMALL_FRAME else None
    return small if small is not None else _analysed_frame(articles)


def _analysed_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """:func:`analysed_articles` with pandas (any frame)."""
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


SMALL_FRAME = 64  # rows: up to this, analysed_articles works on Python lists (pandas' per-call cost dominates)


def _analysed_small(articles: pd.DataFrame) -> pd.DataFrame | None:
    """:func:`analysed_articles` of a small frame (one event's articles, asked for by every per-event table)
    with Python lists instead of a dozen pandas calls: the same frame (values, string dtypes, order, index).
    None when a value could make the two differ (a cell that is not text or missing, a missing article id,
    an event id with whitespace at an end), and the pandas path decides."""
    def column(name: str) -> list[str | None] | None:
        if name not in articles.columns:
            return [""] * len(articles) if name != "article_id" else None
        values = articles[name].tolist()
        if not all(isinstance(v, str) or v is None or v is pd.NA or (isinstance(v, float) and v != v)
                   for v in values):
            return None
        return [v if isinstance(v, str) else None for v in values]

    cols = {name: column(name) for name in ("article_id", "outlet", "event_id", "published", "status")}
    if any(c is None for c in cols.values()) or any(a is None for a in cols["article_id"]):  # type: ignore[union-attr]
        return None
    events = [e or "" for e in cols["event_id"]]  # type: ignore[union-attr]
    if any(e[:1].isspace() or e[-1:].isspace() for e in events):
        return None
    rows = [(e or ALL_EVENT, o or "", a, p or "") for a, o, e, p, st in
            zip(*(cols[n] for n in ("article_id", "outlet", "event_id", "published", "status")), strict=True)
            if "status" not in articles.columns or st == "analysed"]
    rows.sort(key=lambda r: (r[0], r[1], r[2]))  # stable, by code point: the order of sort_values on text
    event, outlet, aid, published = (list(c) for c in zip(*rows, strict=True)) if rows else ([], [], [], [])
    return pd.DataFrame({"article_id": pd.array(aid, dtype="string"), "outlet": pd.array(outlet, dtype="string"),
                         "event_id": pd.array(event, dtype="string"),
                         "published": pd.array(published, dtype="string")})


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


def event_groups(arts: pd.DataFrame) -> Iterator[tuple[str, list[str], list[str]]]:
    """``(event_id, article ids, their outlets)`` of each event, in event order, articles in table order
    (``arts`` from :func:`analysed_articles`; plain lists: a frame per event cost more than comparing
    2–3-article events)."""
    ids, outlets = arts["article_id"].tolist(), arts["outlet"].tolist()
    for event_id, pos in sorted(arts.groupby("event_id", sort=True).indices.items(), key=lambda kv: kv[0]):
        yield str(event_id), [ids[i] for i in pos], [outlets[i] for i in pos]


LEAD_WORDS = 80  # body words read after the title
SIMILARITY = 0.3  # cosine threshold of group_events (chosen on half of roundups_dev; benchmarks/compare.md)
SIGNATURE = 10  # highest-weighted terms per article used to find candidates
MAX_POSTING = 50  # a signature term shared by more articles within the window finds no candidates
MIN_SHARED = 2  # signature terms a candidate pair shares


def lead_terms(articles: pd.DataFrame, sentences: pd.DataFrame, ids: set[str], lead_words: int = LEAD_WORDS
               ) -> dict[str, list[str]]:
    """Content terms (as :func:`analysis.compare.terms.content_terms`: stop words out, Snowball stems) of each
    article's title and its first ``lead_words`` body words, streamed from the sentences table."""
    titles = (dict(zip(articles["article_id"].astype(str), articles["title"].astype("string").fillna(""),
                       strict=True)) if "title" in articles.columns else {})
    words: dict[str, list[str]] = {aid: str(titles.get(aid, "")).split() for aid in ids}
    taken: dict[str, int] = dict.fromkeys(ids, 0)
    df = sentences[sentences["sentence_index"] >= 0]
    df = df[df["article_id"].astype(str).isin(ids)].sort_values(["article_id", "sentence_index"], kind="stable")
    for aid, toks in zip(df["article_id"].astype(str), df["tokens"].fillna(""), strict=True):
        room = lead_words - taken[aid]
        if room > 0:
            part = str(toks).split()[:room]
            words[aid].extend(part)
            taken[aid] += len(part)
    from .terms import content_terms, load_stopwords

    stop = load_stopwords(True)

    @cache
    def term(token: str) -> str:  # one token as content_terms reduces it ("" = dropped), once per distinct token
        out = content_terms([token], stop, {})
        return out[0] if out else ""

    return {aid: [t for t in map(term, w) if t] for aid, w in words.items()}


def _parse_dates(published: pd.Series) -> list[pd.Timestamp | None]:
    """Publication dates (time zone dropped), parsed once per distinct string; None when unparseable or outside
    the years 1677-2262 that a nanosecond timestamp holds ("0001-01-01" parsed, then failed as a number of days)."""
    parsed: dict[str, pd.Timestamp | None] = {}
    for text in pd.unique(published.astype(str)):
        with warnings.catch_warnings():  # "31/12/2024": pandas warns that it read the day first (stderr noise)
            warnings.simplefilter("ignore", UserWarning)
            ts = pd.to_datetime(text, errors="coerce") if text else pd.NaT
        if not pd.isna(ts):
            try:
                ts.value  # noqa: B018  (raises OverflowError outside the nanosecond range)
            except OverflowError:
                ts = pd.NaT
        parsed[text] = None if pd.isna(ts) else ts.tz_localize(None) if ts.tzinfo else ts
    return [parsed[p] for p in published.astype(str)]


def candidate_links(vectors: list[dict[str, float]], days: list[float], window_days: float,
                    signature: int = SIGNATURE, max_posting: int = MAX_POSTING, min_shared: int = MIN_SHARED
                    ) -> set[tuple[int, int]]:
    """Pairs (i < j) of articles that share at least ``min_shared`` of their ``signature`` highest-weighted
    terms and are published within ``window_days`` (an undated article: any date). A term shared by more
    than ``max_posting`` articles of one window is too common to find candidates there, so the work per
    article is bounded and the search near-linear in the corpus."""
    import math
    from collections import Counter

    postings: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for term in sorted(vec, key=lambda t: (-vec[t], t))[:signature]:
            postings[term].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if len(members) < 2:
            continue
        dated = sorted((days[i], i) for i in members if not math.isnan(days[i]))
        undated = [i for i in members if math.isnan(days[i])]
        lo = 0
        for k, (d, i) in enumerate(dated):
            while dated[lo][0] < d - window_days:
                lo += 1
            hi = k
            while hi + 1 < len(dated) and dated[hi + 1][0] <= d + window_days:
                hi += 1
            if hi - lo + 1 > max_posting:
                continue
            shared.update((min(i, j), max(i, j)) for _, j in dated[k + 1:hi + 1])
        if undated and len(members) <= max_posting:
            shared.update((min(i, j), max(i, j)) for i in undated for j in members if j != i
                          and (not math.isnan(days[j]) or i < j))
    return {pair for pair, n in shared.items() if n >= min_shared}


def group_events(articles: pd.DataFrame, sentences: pd.DataFrame, window_days: int = 3,
                 threshold: float = SIMILARITY, lead_words: int = LEAD_WORDS) -> pd.DataFrame:
    """Propose events for articles without an ``event_id`` (our method; a helper, check its output).

    Each article is represented by the TF-IDF vector (:func:`analysis.compare.align.tfidf_vectors`, idf over
    the articles being grouped) of the content terms of its title and first ``lead_words`` body words
    (:func:`lead_terms`): the lead is where news states the event. Two articles are linked when they are
    published within ``window_days`` of each other and the cosine of their vectors is at least ``threshold``
    (default :data:`SIMILARITY`); candidates come from shared rare signature terms (:func:`candidate_links`),
    so the search is near-linear, and each candidate is verified exactly. Events are the connected groups
    of links between dated articles (single linkage); an article with no parseable date joins the event of
    the article it is most similar to (so it cannot bridge two dated events). Events are named
    ``auto-001``, ``auto-002`` … in order of their earliest article (date, then id). Articles that already
    have an event id keep it (method ``"given"``); an article with no link forms its own event.

    Returns ``article_id, event_id, method``; ``method`` says how each article was grouped, e.g.
    ``"date window 3 d + lead cosine ≥ 0.3 with A12 (0.41)"`` naming its strongest link. Quality on
    AllSides roundups (pairwise precision/recall, ARI): benchmarks/compare.md.
    """
    from .align import cosine, tfidf_vectors

    arts = analysed_articles(articles)
    given_ids = articles.set_index("article_id")["event_id"] if "event_id" in articles.columns else None
    rows: list[dict[str, str]] = []
    todo: list[str] = []
    dates: dict[str, pd.Timestamp | None] = {}
    for aid, ts in zip(arts["article_id"], _parse_dates(arts["published"]), strict=True):
        given = "" if given_ids is None else given_ids.get(aid, "")
        given = "" if pd.isna(given) else str(given).strip()
        if given:
            rows.append({"article_id": str(aid), "event_id": given, "method": "given"})
            continue
        todo.append(str(aid))
        dates[str(aid)] = ts
    terms = lead_terms(articles.assign(article_id=articles["article_id"].astype(str)), sentences, set(todo),
                       lead_words)
    vectors = tfidf_vectors([terms[a] for a in todo])
    days = [float("nan") if dates[a] is None else dates[a].value / 86_400e9 for a in todo]  # type: ignore[union-attr]
    best: dict[str, tuple[float, str]] = {}
    parent = {aid: aid for aid in todo}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in sorted(candidate_links(vectors, days, window_days)):
        c = cosine(vectors[i], vectors[j])
        if c < threshold:
            continue
        aid, other = todo[i], todo[j]
        for x, y in ((aid, other), (other, aid)):
            if x not in best or c > best[x][0] or (c == best[x][0] and y < best[x][1]):
                best[x] = (c, y)
        if dates[aid] is not None and dates[other] is not None:
            parent[find(other)] = find(aid)
    for aid in todo:  # an undated article joins the event of the article it is most similar to
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
                method = f"{how}lead cosine ≥ {threshold:g} with {other} ({c:.2f})"
            else:
                method = "no match: own event"
            rows.append({"article_id": aid, "event_id": event, "method": method})
    order = {aid: i for i, aid in enumerate(arts["article_id"])}
    rows.sort(key=lambda r: order[r["article_id"]])
    return pd.DataFrame(rows, columns=["article_id", "event_id", "method"]).astype("string")
