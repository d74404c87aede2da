"""Text reuse between articles: containment of word 5-grams (Nicholls 2019).

Shingles are the lower-cased word n-grams of an article's body in reading order, running across
sentence boundaries; words come from the sentences table's ``tokens`` column (punctuation is not a
word, so "Russia, state" and "Russia state" give the same shingle). n = 5 is our choice (a parameter).

    C(A, B) = |shingles(A) ∩ shingles(B)| / |shingles(A)|

is the share of A's text that also appears in B (Nicholls, T. (2019). Detecting Textual Reuse in
News Stories, At Scale. International Journal of Communication, 13). It is asymmetric: a short
article wholly copied into a long one has C(short, long) = 1 and C(long, short) small.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from hashlib import blake2b
from itertools import pairwise
from math import ceil

import numpy as np
import pandas as pd

from ..model import Undefined
from .events import analysed_articles, article_tokens, event_groups

# Labels of a pair (our choice; parameters of reuse_table).
NEAR_DUPLICATE = 0.8  # both directions: each article is at least 80 % the other's text
SHARED_TEXT = 0.1  # either direction: at least 10 % of one article's shingles appear in the other

REUSE_COLUMNS = ["event_id", "article_a", "article_b", "outlet_a", "outlet_b", "containment_a_in_b",
                 "containment_b_in_a", "n_shared", "label"]
PASSAGE_COLUMNS = ["event_id", "article_a", "article_b", "passage", "sentence_a", "sentence_b", "n_words"]
NEAR_DUP_COLUMNS = ["article_a", "article_b", "outlet_a", "outlet_b", "event_a", "event_b",
                    "containment_a_in_b", "containment_b_in_a", "n_shared"]

Shingle = tuple[str, ...]


def _words(tokens: str | Iterable[str]) -> list[str]:
    return (tokens.split() if isinstance(tokens, str) else [str(t) for t in tokens])


def shingles(tokens: str | Iterable[str], n: int = 5) -> set[Shingle]:
    """The set of lower-cased word ``n``-grams of ``tokens`` (a sequence of words, or words joined by
    spaces). Empty when there are fewer than ``n`` words."""
    words = [w.lower() for w in _words(tokens)]
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)} if n > 0 else set()


def shingle_hash(shingle: Shingle) -> int:
    """A stable 64-bit integer for a shingle (BLAKE2b of its words): the same in every run and process."""
    return shingle_hash_text("\x1f".join(shingle))


def hashed_shingles(tokens: str | Iterable[str], n: int = 5) -> set[int]:
    """:func:`shingles` as 64-bit hashes (:func:`shingle_hash`): the same set up to hash collisions (about
    one in 10¹¹ for a million distinct shingles), in a fraction of the memory, for corpus-wide searches."""
    return {shingle_hash(s) for s in shingles(tokens, n)}


def prefix_length(size: int, threshold: float) -> int:
    """How many of a set's rarest elements must be indexed so that any set sharing at least ⌈t·size⌉
    elements with it meets that prefix: size − ⌈t·size⌉ + 1 (pigeonhole; the whole set when t <= 0)."""
    return min(size, size - ceil(threshold * size - 1e-9) + 1)


def candidate_pairs(sets: Mapping[str, AbstractSet[Hashable]], threshold: float, both: bool = True
                    ) -> set[tuple[str, str]]:
    """Pairs of keys that can reach a containment threshold, found by prefix filtering (Chaudhuri, Ganti &
    Kaushik 2006; Bayardo, Ma & Srikant 2007) instead of comparing all pairs; verify them exactly afterwards.

    Elements are ordered rarest first (document frequency, then value), so common boilerplate shingles fall
    outside the prefixes.

    * ``both=True`` (min(C(A,B), C(B,A)) >= t, :func:`near_duplicates`): |A∩B| >= t·|A| and >= t·|B|, so the
      prefixes (:func:`prefix_length`) of A and of B share an element; only prefixes are indexed and probed.
    * ``both=False`` (max(C(A,B), C(B,A)) >= t, :func:`analysis.compare.events.group_events`): with |S| <= |L|,
      |S∩L| >= t·|S|, so the prefix of the smaller set S meets L. Sets are taken smallest first; each probes
      the index with all its elements, then adds its prefix.

    Returns ``(a, b)`` pairs with a < b. Pairs sharing no element are never candidates.
    """
    ids = sorted(sets)
    df: Counter[Hashable] = Counter(x for key in ids for x in sets[key])
    index: dict[Hashable, list[str]] = defaultdict(list)
    out: set[tuple[str, str]] = set()
    order = ids if both else sorted(ids, key=lambda k: (len(sets[k]), k))
    for key in order:
        elems = sets[key]
        if not elems:
            continue
        prefix = sorted(elems, key=lambda x: (df[x], x))[:prefix_length(len(elems), threshold)]
        for x in (prefix if both else elems):
            for other in index.get(x, ()):
                out.add((other, key) if other < key else (key, other))
        for x in prefix:
            index[x].append(key)
    return out


def containment(a: set[Shingle], b: set[Shingle]) -> float:
    """C(A, B) = |A ∩ B| / |A|: the share of A's shingles found in B (Nicholls 2019).

    Undefined when A has no shingles (fewer words than the n-gram length).
    """
    if not a:
        return Undefined("first text has no shingles: fewer words than the n-gram length")
    return len(a & b) / len(a)


def reuse_label(c_ab: float, c_ba: float, near_duplicate: float = NEAR_DUPLICATE,
                shared_text: float = SHARED_TEXT) -> str:
    """Label of a pair from its two containments (our thresholds, parameters):

    * ``near-duplicate``: min(C(A,B), C(B,A)) >= ``near_duplicate`` (0.8): each is mostly the other;
    * ``shared source text``: max(C(A,B), C(B,A)) >= ``shared_text`` (0.1): one reuses text of the
      other or both of a common source (wire copy, press release, quoted statement);
    * ``independent``: neither; ``undefined`` when an article is too short to have shingles.
    """
    if pd.isna(c_ab) or pd.isna(c_ba):
        return "undefined"
    if min(c_ab, c_ba) >= near_duplicate:
        return "near-duplicate"
    if max(c_ab, c_ba) >= shared_text:
        return "shared source text"
    return "independent"


def _event_shingles(sentences: pd.DataFrame, ids: set[str], n: int,
                    tokens: dict[str, list[tuple[str, int]]] | None = None
                    ) -> tuple[dict[str, list[tuple[str, int]]], dict[str, set[Shingle]]]:
    """Tokens and shingles of the articles ``ids``; ``tokens``: :func:`article_tokens` of a superset, read once
    for every event of a call (filtering and sorting the sentences again for each event cost more than the
    comparison of 2–3-article events)."""
    toks = tokens if tokens is not None else article_tokens(sentences, ids)
    return toks, {aid: shingles([t for t, _ in toks.get(aid, [])], n) for aid in ids}


def reuse_table(articles: pd.DataFrame, sentences: pd.DataFrame, n: int = 5,
                near_duplicate: float = NEAR_DUPLICATE, shared_text: float = SHARED_TEXT) -> pd.DataFrame:
    """Containment both ways for every unordered pair of analysed articles within each event.

    One row per pair (A before B in event, outlet, article-id order; pairs from the same outlet
    included): ``containment_a_in_b`` = C(A,B), ``containment_b_in_a`` = C(B,A), ``n_shared`` =
    |shingles(A) ∩ shingles(B)|, ``label`` from :func:`reuse_label`. Containment is NaN when an article
    has fewer than ``n`` words. Pairs never cross events.
    """
    arts = analysed_articles(articles)
    rows: list[list[object]] = []
    tokens = article_tokens(sentences, set(arts["article_id"]))
    for event_id, ids, outlet_of in event_groups(arts):
        outlets = dict(zip(ids, outlet_of, strict=True))
        _, sh = _event_shingles(sentences, set(ids), n, tokens)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                c_ab, c_ba = containment(sh[a], sh[b]), containment(sh[b], sh[a])
                rows.append([event_id, a, b, outlets[a], outlets[b], c_ab, c_ba, len(sh[a] & sh[b]),
                             reuse_label(c_ab, c_ba, near_duplicate, shared_text)])
    df = pd.DataFrame(rows, columns=REUSE_COLUMNS)
    return df.astype({"containment_a_in_b": "float64", "containment_b_in_a": "float64", "n_shared": "int64"})


def passages(tokens_a: Sequence[tuple[str, int]], tokens_b: Sequence[tuple[str, int]], n: int = 5
             ) -> list[tuple[str, int, int, int]]:
    """Maximal runs of A's words whose every n-gram also occurs in B, in A's order.

    Each run of consecutive shared shingles starting at word i and ending with the shingle at word j
    is rendered as A's words i … j+n-1. Returns ``(passage, sentence_a, sentence_b, n_words)``:
    the sentence of A where the passage starts, and the sentence of B where its first shingle first
    occurs.
    """
    words_a = [t.lower() for t, _ in tokens_a]
    words_b = [t.lower() for t, _ in tokens_b]
    first_b: dict[Shingle, int] = {}
    for i in range(len(words_b) - n + 1):
        first_b.setdefault(tuple(words_b[i:i + n]), i)
    hits = [tuple(words_a[i:i + n]) in first_b for i in range(len(words_a) - n + 1)]
    out: list[tuple[str, int, int, int]] = []
    i = 0
    while i < len(hits):
        if not hits[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(hits) and hits[j + 1]:
            j += 1
        text = " ".join(t for t, _ in tokens_a[i:j + n])
        b_at = first_b[tuple(words_a[i:i + n])]
        out.append((text, tokens_a[i][1], tokens_b[b_at][1], j + n - i))
        i = j + 1
    return out


def shared_passages(articles: pd.DataFrame, sentences: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The text two articles share, for every unordered pair within each event (see :func:`passages`).

    Columns ``event_id, article_a, article_b, passage, sentence_a, sentence_b, n_words``; passages
    are A's words (as printed, punctuation dropped), in A's reading order.
    """
    arts = analysed_articles(articles)
    rows: list[list[object]] = []
    toks = article_tokens(sentences, set(arts["article_id"]))
    for event_id, ids, _ in event_groups(arts):
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                for text, sa, sb, k in passages(toks.get(a, []), toks.get(b, []), n):
                    rows.append([event_id, a, b, text, sa, sb, k])
    df = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
    return df.astype({"sentence_a": "int64", "sentence_b": "int64", "n_words": "int64"})


def article_shingle_arrays(sentences: pd.DataFrame, ids: Iterable[str], n: int = 5) -> dict[str, np.ndarray]:
    """Each article's :func:`hashed_shingles` as a sorted array of unique ``uint64``, one article at a time.

    The words of an article are those :func:`analysis.compare.events.article_tokens` gives (body sentences in
    order, headline left out), but only one article's words exist at a time, so memory holds 8 bytes per
    distinct shingle of the corpus instead of every token as a Python object.
    """
    wanted = set(ids)
    df = sentences[sentences["sentence_index"] >= 0]
    df = df[df["article_id"].isin(wanted)].sort_values(["article_id", "sentence_index"], kind="stable")
    aids = df["article_id"].astype(str).to_numpy()
    toks = df["tokens"].fillna("").astype(str).to_numpy()
    out = {aid: np.zeros(0, dtype=np.uint64) for aid in wanted}
    bounds = np.flatnonzero(np.r_[True, aids[1:] != aids[:-1], True]) if len(aids) else np.zeros(1, dtype=np.int64)
    for lo, hi in pairwise(bounds):
        words = [w.lower() for w in " ".join(toks[lo:hi]).split()]
        hashes = {shingle_hash_text("\x1f".join(words[i:i + n])) for i in range(len(words) - n + 1)} if n > 0 else ()
        out[aids[lo]] = np.array(sorted(hashes), dtype=np.uint64)
    return out


def shingle_hash_text(joined: str) -> int:
    """:func:`shingle_hash` of a shingle whose words are already joined by ``"\\x1f"``."""
    return int.from_bytes(blake2b(joined.encode("utf-8"), digest_size=8).digest(), "little")


def prefix_candidates(arrays: Mapping[str, np.ndarray], threshold: float) -> list[tuple[str, str]]:
    """:func:`candidate_pairs` with ``both=True`` on sorted unique integer arrays, vectorised: the same pairs,
    sorted. Each set's prefix (its :func:`prefix_length` rarest elements, document frequency then value) is
    taken with one ``lexsort``; pairs of sets whose prefixes share an element are the candidates."""
    ids = sorted(k for k, a in arrays.items() if len(a))
    if len(ids) < 2:
        return []
    sizes = np.array([len(arrays[k]) for k in ids], dtype=np.int64)
    flat = np.concatenate([arrays[k] for k in ids])
    owner = np.repeat(np.arange(len(ids)), sizes)
    uniq, code, df = np.unique(flat, return_inverse=True, return_counts=True)
    del uniq
    order = np.lexsort((flat, df[code], owner))  # within each set: rarest first, then by value
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    rank = np.empty(len(flat), dtype=np.int64)
    rank[order] = np.arange(len(flat)) - np.repeat(starts, sizes)
    keep = np.array([prefix_length(int(s), threshold) for s in sizes], dtype=np.int64)
    in_prefix = rank < keep[owner]
    p_code, p_owner = code[in_prefix], owner[in_prefix]
    by = np.lexsort((p_owner, p_code))
    p_code, p_owner = p_code[by], p_owner[by]
    edges = np.flatnonzero(np.r_[True, p_code[1:] != p_code[:-1], True])
    pairs: set[tuple[int, int]] = set()
    for lo, hi in pairwise(edges):
        if hi - lo > 1:
            members = p_owner[lo:hi].tolist()
            pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
    return [(ids[a], ids[b]) for a, b in sorted(pairs)]


def near_duplicates(articles: pd.DataFrame, sentences: pd.DataFrame, threshold: float = 0.8,
                    n: int = 5) -> pd.DataFrame:
    """Corpus-wide near-duplicate pairs, across events: min(C(A,B), C(B,A)) >= ``threshold``.

    Scales without an all-pairs loop by prefix filtering (Chaudhuri, Ganti & Kaushik 2006; Bayardo,
    Ma & Srikant 2007; :func:`candidate_pairs`, vectorised in :func:`prefix_candidates`): shingles, hashed to
    64-bit ints (:func:`article_shingle_arrays`), are ordered rarest first; a pair can only reach the
    threshold if the first |A| − ⌈threshold·|A|⌉ + 1 shingles of A and the corresponding prefix of B share
    one, so only those prefixes are compared. Candidates are then verified exactly. Columns
    ``article_a, article_b, outlet_a, outlet_b, event_a, event_b, containment_a_in_b,
    containment_b_in_a, n_shared``, ordered by article ids (A < B).
    """
    arts = analysed_articles(articles)
    ids = sorted(set(arts["article_id"]))
    info = {r.article_id: (r.outlet, r.event_id) for r in arts.itertuples()}
    sh = article_shingle_arrays(sentences, ids, n)
    candidates = prefix_candidates(sh, threshold) if threshold > 0 else []
    rows: list[list[object]] = []
    for a, b in candidates:
        k = len(np.intersect1d(sh[a], sh[b], assume_unique=True))
        c_ab, c_ba = k / len(sh[a]), k / len(sh[b])
        if min(c_ab, c_ba) >= threshold:
            rows.append([a, b, info[a][0], info[b][0], info[a][1], info[b][1], c_ab, c_ba, k])
    df = pd.DataFrame(rows, columns=NEAR_DUP_COLUMNS)
    return df.astype({"containment_a_in_b": "float64", "containment_b_in_a": "float64", "n_shared": "int64"})
