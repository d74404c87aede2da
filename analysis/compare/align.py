"""Sentence alignment within events: which sentences two outlets share, and which are their own.

Matching similarity (our choice, lexical): the cosine of TF-IDF vectors of each sentence's content terms,
with IDF computed within the event,

    sim(s, t) = Σ_w x_s(w)·x_t(w) / (‖x_s‖·‖x_t‖),   x_s(w) = tf_s(w) · idf(w),
    idf(w) = ln((1 + N) / (1 + df(w))) + 1

(Salton & Buckley 1988; the smoothed IDF of scikit-learn), where N is the number of body sentences of
all articles in the event and df(w) the number of them containing term w. Content terms
(:func:`analysis.compare.terms.content_terms`) are the sentence's ``tokens``, lower-cased, possessive
dropped, stop words removed (``stopwords_en.yaml``), listed synonyms merged (``align_synonyms.yaml``:
treaty/agreement/pact, troops/soldiers/forces, ratify/endorse/approve …) and every other word reduced
to its Snowball stem (Porter 2001). IDF gives words the event repeats everywhere ("North Korea") little
weight and rare shared words ("ratified") much; stems and synonyms let a rewrite that changes the word
form or picks a synonym still score. A sentence with no content term scores 0 with everything.

Matching: for each pair of articles from different outlets in one event, sentence pairs with
sim >= ``threshold_p`` are matched one-to-one greedily, highest similarity first (ties: lower
sentence index of A, then of B). Greedy approximates the matching that maximises total similarity
(the Hungarian optimum, which would need scipy); it can pair a sentence with its second-best partner
when two candidates compete. Labels:

* ``verbatim``: matched and the *surface* similarity (:func:`sentence_similarity`, the Dice coefficient
  over lower-cased word unigrams and bigrams, word forms and order as printed) is >= ``threshold_v``
  (0.9): the same sentence up to about one word. Synonyms and stems never make a pair verbatim;
* ``paraphrase``: matched (sim >= ``threshold_p``, 0.3) but not verbatim: the same content reworded;
* ``unique``: no partner with sim >= ``threshold_p`` (or its partners were taken by better matches).

Both thresholds are our choice and parameters. The measure is lexical: "unique" means "no sentence of
the other article shares enough content words", not that the fact is absent there. Heavy rewrites that
keep the facts but change the words are missed (see docs/comparison.md on the seeds).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from itertools import groupby, pairwise

import pandas as pd

from .events import analysed_articles, event_groups
from .terms import Synonyms, content_terms, load_stopwords, load_synonyms

THRESHOLD_VERBATIM = 0.9
THRESHOLD_PARAPHRASE = 0.3

ALIGN_COLUMNS = ["event_id", "article_a", "outlet_a", "sentence_a", "article_b", "outlet_b", "sentence_b", "label",
                 "score", "best_score", "surface_score"]
UNIQUE_COLUMNS = ["event_id", "outlet", "article_id", "sentence_index", "relative_position", "text", "missing_from",
                  "unique_to_outlet"]
OMISSION_COLUMNS = ["event_id", "outlet", "article_id", "other_outlet", "other_article", "sentence_index",
                    "relative_position", "text"]
SIDE_COLUMNS = ["sentence_a", "text_a", "mark", "sentence_b", "text_b", "score"]

Vector = dict[str, float]


def sentence_features(tokens: str) -> frozenset[str]:
    """F(x): lower-cased words and adjacent word pairs of a sentence's ``tokens`` (space-joined)."""
    words = str(tokens).lower().split()
    return frozenset(words) | frozenset(f"{a} {b}" for a, b in pairwise(words))


def sentence_similarity(a: str, b: str) -> float:
    """Surface similarity (decides ``verbatim``): Dice over word unigrams and bigrams,
    2·|F(a) ∩ F(b)| / (|F(a)| + |F(b)|), F = lower-cased words ∪ adjacent word pairs (our choice).

    0 when both sentences have no words.
    """
    fa, fb = sentence_features(a), sentence_features(b)
    return _dice(fa, fb)


def _dice(fa: frozenset[str], fb: frozenset[str]) -> float:
    total = len(fa) + len(fb)
    return 2 * len(fa & fb) / total if total else 0.0


def tfidf_vectors(sentence_terms: list[list[str]]) -> list[Vector]:
    """Unit-length TF-IDF vectors of the sentences of one event (each a list of content terms).

    x(w) = tf(w)·idf(w), idf(w) = ln((1 + N)/(1 + df(w))) + 1 over the N sentences given; each vector is
    divided by its Euclidean norm (an empty sentence gives an empty vector).
    """
    n = len(sentence_terms)
    df: Counter[str] = Counter()
    for terms in sentence_terms:
        df.update(set(terms))
    idf = {w: math.log((1 + n) / (1 + k)) + 1 for w, k in df.items()}
    out: list[Vector] = []
    for terms in sentence_terms:
        vec = {w: tf * idf[w] for w, tf in Counter(terms).items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        out.append({w: v / norm for w, v in vec.items()} if norm else {})
    return out


def cosine(x: Vector, y: Vector) -> float:
    """Σ x(w)·y(w) of two unit-length vectors (0 when either is empty)."""
    if len(y) < len(x):
        x, y = y, x
    return sum(v * y[w] for w, v in x.items() if w in y)


def event_similarity(sentences_by_article: dict[str, list[str]], article_a: str, article_b: str,
                     stopwords: bool | str | Iterable[str] = True, synonyms: Synonyms = True) -> list[list[float]]:
    """TF-IDF cosine matrix between the sentences of ``article_a`` (rows) and ``article_b`` (columns), with
    IDF over every sentence of ``sentences_by_article`` (the event's articles, each a list of ``tokens``
    strings). A helper for reading and testing the similarity the alignment uses."""
    stop, syn = load_stopwords(stopwords), load_synonyms(synonyms)
    keys = [(aid, i) for aid, sents in sentences_by_article.items() for i in range(len(sents))]
    vecs = tfidf_vectors([content_terms(sentences_by_article[a][i], stop, syn) for a, i in keys])
    by_key = dict(zip(keys, vecs, strict=True))
    na, nb = len(sentences_by_article[article_a]), len(sentences_by_article[article_b])
    return [[cosine(by_key[(article_a, i)], by_key[(article_b, j)]) for j in range(nb)] for i in range(na)]


def match_sentences(vecs_a: list[Vector], vecs_b: list[Vector], threshold_p: float = THRESHOLD_PARAPHRASE
                    ) -> tuple[dict[int, tuple[int, float]], list[float], list[float]]:
    """Greedy one-to-one matching of positions in A to positions in B (cosine >= ``threshold_p``, > 0),
    highest similarity first, ties to the lower index of A, then of B.

    Returns ``({i: (j, sim)}, best similarity of each A sentence, best similarity of each B sentence)``.
    """
    best_a = [0.0] * len(vecs_a)
    best_b = [0.0] * len(vecs_b)
    cands: list[tuple[float, int, int, float]] = []
    for i, va in enumerate(vecs_a):
        for j, vb in enumerate(vecs_b):
            sim = cosine(va, vb)
            best_a[i] = max(best_a[i], sim)
            best_b[j] = max(best_b[j], sim)
            if sim >= threshold_p and sim > 0:
                cands.append((-round(sim, 12), i, j, sim))  # rounded: float noise never breaks a tie
    cands.sort()
    used_b: set[int] = set()
    match: dict[int, tuple[int, float]] = {}
    for _, i, j, sim in cands:
        if i in match or j in used_b:
            continue
        match[i] = (j, sim)
        used_b.add(j)
    return match, best_a, best_b


def _label(surface: float, threshold_v: float) -> str:
    return "verbatim" if surface >= threshold_v else "paraphrase"


def align_sentences(articles: pd.DataFrame, sentences: pd.DataFrame, threshold_v: float = THRESHOLD_VERBATIM,
                    threshold_p: float = THRESHOLD_PARAPHRASE, *, stopwords: bool | str | Iterable[str] = True,
                    synonyms: Synonyms = True) -> pd.DataFrame:
    """Align the sentences of every pair of analysed articles from different outlets, within each event.

    One row per sentence of A for each other article B of the event, and the mirror (B's sentences
    against A) from the same one-to-one matching. ``sentence_b`` is the matched sentence (nullable),
    ``score`` its TF-IDF cosine (NaN when unique), ``best_score`` the highest cosine of the A sentence
    to any sentence of B (how close the nearest was, matched or not), ``surface_score`` the surface
    similarity of the matched pair (NaN when unique) that decides ``verbatim``. Similarity, labels and
    the ``stopwords`` / ``synonyms`` sources (bundled lists by default; a file, a collection/mapping,
    or False for none): see the module docstring. Work is per event, so cost grows with the number of
    events, not the corpus.
    """
    stop, syn = load_stopwords(stopwords), load_synonyms(synonyms)
    arts = analysed_articles(articles)
    sents = sentences[sentences["sentence_index"] >= 0].sort_values(["article_id", "sentence_index"], kind="stable")
    # each article's sentence indices and tokens, in order (one pass over plain lists: per-article pandas
    # groups cost more than the comparison on short texts)
    by_article: dict[str, tuple[list[int], list[str]]] = {}
    for aid, si, tok in zip(sents["article_id"].tolist(), sents["sentence_index"].tolist(),
                            sents["tokens"].fillna("").tolist(), strict=True):
        entry = by_article.setdefault(str(aid), ([], []))
        entry[0].append(int(si))
        entry[1].append(str(tok))
    rows: list[list[object]] = []
    memo: dict[str, str | None] = {}  # token -> content term, for this call's stop words and synonyms
    for event_id, ids, outlets in event_groups(arts):
        outlet = dict(zip(ids, outlets, strict=True))
        idx: dict[str, list[int]] = {}
        toks: dict[str, list[str]] = {}
        for aid in ids:
            idx[aid], toks[aid] = by_article.get(aid, ([], []))
        if len(set(outlet.values())) < 2:
            continue
        keys = [(aid, i) for aid in ids for i in range(len(toks[aid]))]
        flat = tfidf_vectors([content_terms(toks[a][i], stop, syn, memo) for a, i in keys])
        vecs: dict[str, list[Vector]] = {aid: [] for aid in ids}
        for (aid, _), v in zip(keys, flat, strict=True):
            vecs[aid].append(v)
        pair_rows: dict[tuple[str, str], list[list[object]]] = {}
        for k, a in enumerate(ids):
            for b in ids[k + 1:]:
                if outlet[a] == outlet[b]:
                    continue
                match, best_a, best_b = match_sentences(vecs[a], vecs[b], threshold_p)
                back = {j: (i, s) for i, (j, s) in match.items()}
                for (x, y, m, best) in ((a, b, match, best_a), (b, a, back, best_b)):
                    out = pair_rows.setdefault((x, y), [])
                    for i, si in enumerate(idx[x]):
                        if i in m:
                            j, s = m[i]
                            surface = sentence_similarity(toks[x][i], toks[y][j])
                            out.append([event_id, x, outlet[x], si, y, outlet[y], idx[y][j],
                                        _label(surface, threshold_v), s, best[i], surface])
                        else:
                            out.append([event_id, x, outlet[x], si, y, outlet[y], None, "unique", float("nan"),
                                        best[i], float("nan")])
        for key in sorted(pair_rows):
            rows.extend(pair_rows[key])
    df = pd.DataFrame(rows, columns=ALIGN_COLUMNS)
    return df.astype({"sentence_a": "int64", "sentence_b": "Int64", "score": "float64", "best_score": "float64",
                      "surface_score": "float64"})


def _sentence_lookup(sentences: pd.DataFrame) -> tuple[dict[tuple[str, int], str], dict[str, int]]:
    body = sentences[sentences["sentence_index"] >= 0]
    text = {(str(a), int(i)): str(t) for a, i, t in zip(body["article_id"], body["sentence_index"],
                                                        body["text"].fillna(""), strict=True)}
    count = body.groupby("article_id")["sentence_index"].count()
    return text, {str(k): int(v) for k, v in count.items()}


def relative_position(index: int, n: int) -> float:
    """Where sentence ``index`` of ``n`` falls in the article: (index + 0.5) / n (0 = top, 1 = bottom)."""
    return (index + 0.5) / n if n else float("nan")


def unique_sentences(alignment: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Sentences an outlet included that another outlet's article of the same event did not.

    One row per sentence of an article that is ``unique`` against at least one article of another
    outlet in its event; ``missing_from`` lists those outlets ("; "-joined, sorted), and
    ``unique_to_outlet`` is true when no article of any other outlet has it. With its
    ``relative_position`` ((index + 0.5) / n), this is the unit BASIL (Fan et al. 2019) uses for
    informational bias. ``alignment`` comes from :func:`align_sentences`.
    """
    text, count = _sentence_lookup(sentences)
    arts = analysed_articles(articles)
    outlet = dict(zip(arts["article_id"], arts["outlet"], strict=True))
    rows: list[list[object]] = []
    if alignment.empty:
        return pd.DataFrame(rows, columns=UNIQUE_COLUMNS)
    # the groups of (event, article, sentence) in key order, rows in table order within a group (as a sorted
    # groupby gives them), read from plain columns: iterating pandas groups of 1–2 rows cost more than the rest
    keys = ["event_id", "article_a", "sentence_a"]
    al = alignment.dropna(subset=keys).sort_values(keys, kind="stable")
    columns = zip(al["event_id"], al["article_a"], al["sentence_a"], al["outlet_a"], al["outlet_b"], al["label"],
                  strict=True)
    for (event_id, aid, si), g in groupby(columns, key=lambda r: (r[0], r[1], r[2])):
        by_outlet: dict[str, bool] = {}
        first_outlet = None
        for _, _, _, oa, ob, label in g:
            first_outlet = oa if first_outlet is None else first_outlet
            by_outlet[ob] = by_outlet.get(ob, False) or label != "unique"
        missing = sorted(o for o, found in by_outlet.items() if not found)
        if not missing:
            continue
        rows.append([event_id, outlet.get(aid, first_outlet), aid, int(si),
                     relative_position(int(si), count.get(aid, 0)), text.get((aid, int(si)), ""),
                     "; ".join(missing), len(missing) == len(by_outlet)])
    df = pd.DataFrame(rows, columns=UNIQUE_COLUMNS)
    return df.sort_values(["event_id", "outlet", "article_id", "sentence_index"], kind="stable").reset_index(drop=True)


def omissions(alignment: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """What other outlets included that an article left out: the mirror of :func:`unique_sentences`.

    One row per (article, sentence of another outlet's article in the same event with no partner in
    it): ``outlet, article_id`` = the article that omits it; ``other_outlet, other_article,
    sentence_index, relative_position, text`` = the sentence it omits, where it stood in the other
    article.
    """
    text, count = _sentence_lookup(sentences)
    rows: list[list[object]] = []
    miss = alignment[alignment["label"] == "unique"]
    for r in miss.itertuples(index=False):
        si = int(r.sentence_a)
        rows.append([r.event_id, r.outlet_b, r.article_b, r.outlet_a, r.article_a, si,
                     relative_position(si, count.get(r.article_a, 0)), text.get((r.article_a, si), "")])
    df = pd.DataFrame(rows, columns=OMISSION_COLUMNS)
    return df.sort_values(["event_id", "outlet", "article_id", "other_outlet", "other_article", "sentence_index"],
                          kind="stable").reset_index(drop=True)


def side_by_side(alignment: pd.DataFrame, sentences: pd.DataFrame, article_a: str, article_b: str) -> pd.DataFrame:
    """Two articles in two columns for a report: aligned sentences on one row, the rest on their own.

    Rows follow A's order; a sentence of B with no partner is placed after the last row that shows
    a sentence of B with a lower index (or first). ``mark`` is ``"= verbatim"``,
    ``"≈ paraphrase"``, ``"only A"`` or ``"only B"``; ``score`` is the similarity of the pair.
    Empty when the two articles were not aligned (same outlet, other events, or unknown ids).
    """
    text, _ = _sentence_lookup(sentences)
    ab = alignment[(alignment["article_a"] == article_a) & (alignment["article_b"] == article_b)]
    ba = alignment[(alignment["article_a"] == article_b) & (alignment["article_b"] == article_a)]
    rows: list[list[object]] = []
    for r in ab.sort_values("sentence_a").itertuples(index=False):
        if r.label == "unique":
            rows.append([int(r.sentence_a), text.get((article_a, int(r.sentence_a)), ""), "only A", None, "",
                         float("nan")])
        else:
            j = int(r.sentence_b)
            mark = "= verbatim" if r.label == "verbatim" else "≈ paraphrase"
            rows.append([int(r.sentence_a), text.get((article_a, int(r.sentence_a)), ""), mark, j,
                         text.get((article_b, j), ""), r.score])
    for r in ba[ba["label"] == "unique"].sort_values("sentence_a").itertuples(index=False):
        j = int(r.sentence_a)
        pos = 0
        for k, row in enumerate(rows):
            if row[3] is not None and row[3] < j:
                pos = k + 1
        rows.insert(pos, [None, "", "only B", j, text.get((article_b, j), ""), float("nan")])
    df = pd.DataFrame(rows, columns=SIDE_COLUMNS)
    return df.astype({"sentence_a": "Int64", "sentence_b": "Int64", "score": "float64"})
