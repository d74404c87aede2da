"""Keyness: which words one group of articles uses more than another (G², log ratio, text-level p).

Terms are the lower-cased word tokens of the sentences table (``tokens``: the parser's word tokens, so
nothing is re-tokenised; numbers are tokens too), with a possessive ``'s``/``’s`` dropped so "Korea’s"
counts as "korea" (:func:`analysis.compare.terms.normalise_term`). Terms are single words: a multi-word
name is split and lower-cased, so "New York Times" adds one to "new", "york" and "times" (a known limit;
read a surprising term against its sentences). For each term with frequency ``a`` in group A (``N₁``
tokens) and ``b`` in group B (``N₂`` tokens):

* **G²**, the log-likelihood of Rayson & Garside (2000): E₁ = N₁(a+b)/(N₁+N₂), E₂ = N₂(a+b)/(N₁+N₂),
  G² = 2·(a·ln(a/E₁) + b·ln(b/E₂)) with 0·ln 0 = 0 — the form of their paper and of the UCREL
  log-likelihood calculator. ``g2_form="contingency"`` sums over all four cells of the 2×2 table (term /
  other words × A / B), Dunning's (1993) G²; the two differ little when a term is rare.
* **log ratio** (Hardie 2014): log₂((a/N₁)/(b/N₂)), an effect size: +1 = twice as frequent in A. A zero
  count is replaced by ``zero_correction`` (0.5 by default, Hardie's adjustment) and the ``note`` says so.
* **p-value** only when both groups have at least 2 articles: words are not independent draws, so a
  χ² p-value of G² overstates significance (Lijffijt et al. 2016). The test treats the article as the
  unit instead: a two-sided permutation test of the difference in mean per-article relative frequency,
  shuffling group labels over articles, p = (1 + #{|T*| ≥ |T|}) / (1 + n_perm) (Phipson & Smyth 2010);
  ``p_adjusted`` is Benjamini–Hochberg across the terms of the table. With one article on a side the
  comparison is descriptive only: p is NaN and the note says so.

Totals N₁, N₂ count every token of the group, stop words included, so removing stop words changes which
rows are shown, not the other rows' numbers (our choice; quanteda recomputes totals on the reduced dfm).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from ..model import MediacompareError, Undefined
from .resampling import BATCH, random_subsets, sequential_p
from .stats import SEED, bh_adjust, row_rng
from .terms import POSSESSIVE_PATTERN, TermCounts, TermOptions, count_terms
from .terms import STOPWORDS_FILE as STOPWORDS_FILE
from .terms import load_stopwords as load_stopwords

KEYNESS_COLUMNS = ["term", "count_a", "count_b", "total_a", "total_b", "g2", "log_ratio", "p_value", "p_adjusted",
                   "n_articles_a", "n_articles_b", "note"]
ZERO_CORRECTION = 0.5
DESCRIPTIVE_1V1 = "descriptive only: one article per side"

Group = str | Collection[str]


def g2_rayson(a: float, b: float, n1: float, n2: float) -> float:
    """Log-likelihood G² of Rayson & Garside (2000): 2·(a·ln(a/E₁) + b·ln(b/E₂)), Eᵢ = Nᵢ(a+b)/(N₁+N₂).

    0·ln 0 is taken as 0. Undefined (NaN) when a corpus is empty or the term never occurs.
    """
    return float(_g2(np.array([a], float), np.array([b], float), n1, n2, "rayson_garside")[0])


def g2_contingency(a: float, b: float, n1: float, n2: float) -> float:
    """G² over the four cells of the 2×2 table (Dunning 1993): 2·Σ O·ln(O/E) over (a, b, N₁−a, N₂−b)."""
    return float(_g2(np.array([a], float), np.array([b], float), n1, n2, "contingency")[0])


def log_ratio(a: float, b: float, n1: float, n2: float, zero_correction: float = ZERO_CORRECTION) -> float:
    """Hardie's (2014) log ratio log₂((a/N₁)/(b/N₂)); a zero count is replaced by ``zero_correction``.

    Undefined (NaN with a reason) when a group has no tokens, or when the term never occurs and there is no
    zero correction.
    """
    if n1 <= 0 or n2 <= 0:
        return Undefined(f"log ratio undefined: a group has no tokens (N₁ = {n1:g}, N₂ = {n2:g})")
    if (a <= 0 or b <= 0) and zero_correction <= 0:
        return Undefined("log ratio undefined: a zero count and no zero correction")
    a = a if a > 0 else zero_correction
    b = b if b > 0 else zero_correction
    return math.log2((a / n1) / (b / n2))


def _xlogx_over(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(o > 0, o * np.log(np.where(o > 0, o, 1.0) / np.where(e > 0, e, 1.0)), 0.0)


def _g2(a: np.ndarray, b: np.ndarray, n1: float, n2: float, form: str) -> np.ndarray:
    total = n1 + n2
    if n1 <= 0 or n2 <= 0:
        return np.full(a.shape, np.nan)
    e1 = n1 * (a + b) / total
    e2 = n2 * (a + b) / total
    g = _xlogx_over(a, e1) + _xlogx_over(b, e2)
    if form == "contingency":
        rest = total - a - b
        g = g + _xlogx_over(n1 - a, n1 * rest / total) + _xlogx_over(n2 - b, n2 * rest / total)
    elif form != "rayson_garside":
        raise MediacompareError(f"g2_form must be 'rayson_garside' or 'contingency', not {form!r}")
    g = 2 * g
    return np.where((a + b) > 0, np.maximum(g, 0.0), np.nan)


def _members(articles: pd.DataFrame, by: str, group: Group) -> list[str]:
    if by not in articles.columns:
        raise MediacompareError(f"articles table has no column {by!r} to group by")
    arts = articles
    if "status" in arts.columns:
        arts = arts[arts["status"].astype(str) == "analysed"]
    values = {group} if isinstance(group, str) else {str(g) for g in group}
    return sorted(arts.loc[arts[by].fillna("").astype(str).isin(values), "article_id"].astype(str).unique())


def term_counts(sentences: pd.DataFrame, article_ids: Iterable[str]) -> pd.DataFrame:
    """Per-article term counts ``article_id, term, count`` from the sentences table's ``tokens``, each token
    lower-cased and without a possessive ``'s``/``’s`` (as :func:`analysis.compare.terms.normalise_term`);
    nothing left out (no stop words, names or phrases: :func:`analysis.compare.terms.count_terms` does that)."""
    ids = set(article_ids)
    s = sentences.loc[sentences["article_id"].astype(str).isin(ids), ["article_id", "tokens"]]
    toks = s.assign(article_id=s["article_id"].astype(str),
                    term=s["tokens"].fillna("").astype(str).str.lower().str.split()).explode("term")
    toks = toks[toks["term"].notna() & (toks["term"] != "")]
    toks = toks.assign(term=toks["term"].str.replace(POSSESSIVE_PATTERN, "", regex=True))  # = normalise_term
    return toks.groupby(["article_id", "term"], sort=True).size().rename("count").reset_index()


def keyness(sentences: pd.DataFrame, articles: pd.DataFrame, group_a: Group, group_b: Group, by: str = "outlet",
            min_freq: int = 3, stopwords: bool | str | Iterable[str] = False,
            zero_correction: float = ZERO_CORRECTION, g2_form: str = "rayson_garside", n_perm: int = 2000,
            seed: int = SEED, options: TermOptions | None = None, top: int | None = None,
            min_articles: int = 2) -> pd.DataFrame:
    """Keyness of every term in group A (articles whose ``by`` column equals/is in ``group_a``) against B.

    Returns :data:`KEYNESS_COLUMNS`, one row per term with ``count_a + count_b ≥ min_freq`` that is not
    left out, sorted by G² descending then term. Positive log ratio: more frequent in A. What counts as a
    term and what is left out: ``options`` (:class:`analysis.compare.terms.TermOptions`; default every
    exclusion on, outlet self-references, bylines, party tags, boilerplate, multi-word names as one term)
    with ``stopwords`` (default none here; :func:`analysis.compare.run.keyness_table` uses the bundled
    list). ``top``: only the ``top`` terms of each side (largest G²). p-values need ``min_articles`` articles
    per side. See the module docstring for the formulas (Rayson & Garside 2000; Hardie 2014; Lijffijt et al.
    2016). An empty group gives an empty table. Only analysed articles count; an article in both groups is
    an error.
    """
    ids_a, ids_b = _members(articles, by, group_a), _members(articles, by, group_b)
    if set(ids_a) & set(ids_b):
        raise MediacompareError("keyness: the two groups share articles; choose disjoint groups")
    if not ids_a or not ids_b:
        return _empty()
    opts = replace(options or TermOptions(), stopwords=load_stopwords(stopwords))
    arts = articles[articles["article_id"].astype(str).isin(set(ids_a) | set(ids_b))]
    tc = count_terms(sentences, arts, opts)
    in_a = np.isin(tc.article_ids, ids_a)
    rows = contrast_keyness(tc, in_a, ~in_a, min_freq=min_freq, top=top, zero_correction=zero_correction,
                            g2_form=g2_form, n_perm=n_perm, seed=seed, key=("keyness", *ids_a, "|", *ids_b),
                            min_articles=min_articles)
    return rows.loc[:, KEYNESS_COLUMNS]


def contrast_keyness(tc: TermCounts, in_a: np.ndarray, in_b: np.ndarray, *, min_freq: int = 3,
                     top: int | None = None, test_top: int | None = -1, zero_correction: float = ZERO_CORRECTION,
                     g2_form: str = "rayson_garside", n_perm: int = 2000, seed: int = SEED,
                     key: Sequence[str] = (), min_articles: int = 2) -> pd.DataFrame:
    """Keyness of the articles ``in_a`` against those ``in_b`` (boolean masks over ``tc.article_ids``) from
    counts made once (:func:`analysis.compare.terms.count_terms`): :data:`KEYNESS_COLUMNS` plus ``side``
    (``a``/``b``: whose relative frequency is higher) and ``rank`` (1 = largest G² on that side).

    ``top``: keep only the ``top`` terms per side (None: every term); p-values only for the ``test_top`` terms
    per side (default: as ``top``; None: every term; the others' note says "not tested"). With fewer tested
    than compared terms, p-values are Benjamini–Hochberg adjusted with m = every term compared (the untested
    terms counted as if their p were larger: a conservative bound).
    p-values need at least ``min_articles`` (and 2) articles with a token on each side.
    """
    v = len(tc.vocab)
    ea, eb = in_a[tc.art], in_b[tc.art]
    a = np.bincount(tc.term[ea], weights=tc.count[ea], minlength=v)
    b = np.bincount(tc.term[eb], weights=tc.count[eb], minlength=v)
    n1, n2 = float(tc.totals[in_a].sum()), float(tc.totals[in_b].sum())
    cand = np.flatnonzero((a + b) >= max(min_freq, 1))
    if len(cand) == 0 or n1 == 0 or n2 == 0:
        return _empty(extra=True)
    a, b = a[cand], b[cand]
    g2 = _g2(a, b, n1, n2, g2_form)
    on_a = a * n2 >= b * n1  # side a: relative frequency at least as high in A
    terms = tc.vocab[cand]
    keep_parts, rank_parts = [], []
    for mask in (on_a, ~on_a):
        idx = np.flatnonzero(mask)
        if top is not None and len(idx) > top:
            cut = np.partition(g2[idx], len(idx) - top)[len(idx) - top]  # the top-th largest G²
            idx = idx[g2[idx] >= cut]
        idx = idx[np.lexsort((terms[idx], -g2[idx]))]  # G² descending, then term
        if top is not None:
            idx = idx[:top]
        keep_parts.append(idx)
        rank_parts.append(np.arange(1, len(idx) + 1))
    keep = np.concatenate(keep_parts)
    rank_kept = np.concatenate(rank_parts)
    order = np.lexsort((terms[keep], -g2[keep]))
    keep, rank_kept = keep[order], rank_kept[order]
    side = np.where(on_a[keep], "a", "b")
    out = pd.DataFrame({"term": terms[keep], "count_a": a[keep].astype(np.int64),
                        "count_b": b[keep].astype(np.int64), "total_a": int(n1), "total_b": int(n2),
                        "g2": g2[keep]})
    aa, bb = np.where(a[keep] > 0, a[keep], zero_correction), np.where(b[keep] > 0, b[keep], zero_correction)
    defined = (aa > 0) & (bb > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["log_ratio"] = np.where(defined, np.log2(np.where(defined, aa / n1, 1.0) / np.where(defined, bb / n2,
                                                                                                  1.0)), np.nan)
    has_text = tc.totals > 0
    na, nb = int((in_a & has_text).sum()), int((in_b & has_text).sum())
    out["n_articles_a"], out["n_articles_b"] = na, nb
    notes: list[list[str]] = [[] for _ in range(len(out))]
    zero = (a[keep] == 0) | (b[keep] == 0)
    for i in np.flatnonzero(zero):
        notes[i].append(f"log ratio with {zero_correction:g} for the zero count (Hardie 2014)" if defined[i]
                        else "log ratio undefined: a zero count and no zero correction")
    minimum = max(2, int(min_articles))
    tested_top = top if test_top == -1 else test_top
    tested = np.ones(len(keep), dtype=bool) if tested_top is None else rank_kept <= tested_top
    if na >= minimum and nb >= minimum:
        rng = row_rng(seed, *key)
        p = np.full(len(keep), np.nan)
        p[tested] = _permutation_p(tc, cand[keep][tested], in_a & has_text, in_b & has_text, n_perm, rng)
        out["p_value"] = p
        out["p_adjusted"] = _bh_bound(p, len(cand))
        for i in np.flatnonzero(~tested):
            notes[i].insert(0, f"not tested: outside the top {tested_top} terms of its side")
    else:
        out["p_value"] = np.nan
        out["p_adjusted"] = np.nan
        why = DESCRIPTIVE_1V1 if na == 1 and nb == 1 else (
            f"descriptive only: fewer than {minimum} articles on a side ({na} vs {nb}); no p-value")
        for n in notes:
            n.insert(0, why)
    out["note"] = ["; ".join(n) for n in notes]
    out["side"] = side
    out["rank"] = rank_kept
    return out.loc[:, [*KEYNESS_COLUMNS, "side", "rank"]].reset_index(drop=True)


def _bh_bound(p: np.ndarray, m: int) -> np.ndarray:
    """BH-adjusted p of the tested terms with m ≥ len(p) terms in the family: min over k ≥ i of m·p(k)/k, ranks
    among the tested terms (never smaller than the full BH value, since their true ranks can only be higher)."""
    if m <= len(p):
        return bh_adjust(p)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    if len(ok) == 0:
        return out
    order = ok[np.argsort(p[ok], kind="stable")]
    ranked = p[order] * m / np.arange(1, len(order) + 1)
    out[order] = np.minimum(1.0, np.minimum.accumulate(ranked[::-1])[::-1])
    return out


def _permutation_p(tc: TermCounts, term_codes: np.ndarray, in_a: np.ndarray, in_b: np.ndarray, n_perm: int,
                   rng: np.random.Generator) -> np.ndarray:
    """Permutation p per term of the difference in mean per-article relative frequency (articles as units):
    group labels shuffled over the articles of both groups (random subsets of the smaller group's size),
    sequential stopping (:func:`analysis.compare.resampling.sequential_p`)."""
    universe = np.flatnonzero(in_a | in_b)
    pos = np.full(len(tc.article_ids), -1)
    pos[universe] = np.arange(len(universe))
    starts = tc.term_slices()
    rel = np.zeros((len(term_codes), len(universe)))
    totals = tc.totals.astype(float)
    for row, t in enumerate(term_codes):
        arts = tc.art[starts[t]:starts[t + 1]]
        cnts = tc.count[starts[t]:starts[t + 1]]
        inside = pos[arts] >= 0
        rel[row, pos[arts[inside]]] = cnts[inside] / totals[arts[inside]]
    is_a = in_a[universe]
    na, nb = int(is_a.sum()), int((~is_a).sum())
    whole = rel.sum(axis=1)
    observed = rel[:, is_a].sum(axis=1) / na - rel[:, ~is_a].sum(axis=1) / nb
    small = min(na, nb)
    batch = int(max(10, min(BATCH, 4_000_000 // max(1, len(term_codes) * small))))

    def draw(m: int) -> np.ndarray:
        idx = random_subsets(rng, m, small, len(universe))
        sub = rel[:, idx].sum(axis=2).T  # m × terms: sum over the drawn subset
        sa = sub if small == na else whole[None, :] - sub
        return sa / na - (whole[None, :] - sa) / nb

    return sequential_p(draw, observed, n_perm, batch=batch)[0]


def _empty(extra: bool = False) -> pd.DataFrame:
    cols = [*KEYNESS_COLUMNS, "side", "rank"] if extra else KEYNESS_COLUMNS
    return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("g2", "log_ratio", "p_value", "p_adjusted")
                                      else "int64" if c.startswith(("count", "total", "n_", "rank")) else "object")
                         for c in cols})
