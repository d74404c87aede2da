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
from collections.abc import Collection, Iterable

import numpy as np
import pandas as pd

from ..model import MediacompareError, Undefined
from .stats import SEED, bh_adjust, row_rng
from .terms import POSSESSIVE_PATTERN
from .terms import STOPWORDS_FILE as STOPWORDS_FILE
from .terms import load_stopwords as load_stopwords

KEYNESS_COLUMNS = ["term", "count_a", "count_b", "total_a", "total_b", "g2", "log_ratio", "p_value", "p_adjusted",
                   "n_articles_a", "n_articles_b", "note"]
ZERO_CORRECTION = 0.5
DESCRIPTIVE_1V1 = "descriptive only: one article per side"
_BLOCK = 2000  # terms per block in the permutation test (bounds memory)

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
    lower-cased and without a possessive ``'s``/``’s`` (as :func:`analysis.compare.terms.normalise_term`)."""
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
            seed: int = SEED) -> pd.DataFrame:
    """Keyness of every term in group A (articles whose ``by`` column equals/is in ``group_a``) against B.

    Returns ``term, count_a, count_b, total_a, total_b, g2, log_ratio, p_value, p_adjusted, n_articles_a,
    n_articles_b, note``, one row per term with ``count_a + count_b ≥ min_freq`` that is not a stop word,
    sorted by G² descending then term. Positive log ratio: more frequent in A. See the module docstring
    for the formulas (Rayson & Garside 2000; Hardie 2014; Lijffijt et al. 2016). An empty group gives an
    empty table. Only analysed articles count; an article in both groups is an error.
    """
    ids_a, ids_b = _members(articles, by, group_a), _members(articles, by, group_b)
    if set(ids_a) & set(ids_b):
        raise MediacompareError("keyness: the two groups share articles; choose disjoint groups")
    if not ids_a or not ids_b:
        return _empty()
    counts = term_counts(sentences, ids_a + ids_b)
    in_a = counts["article_id"].isin(ids_a)
    totals = counts.groupby("article_id")["count"].sum()
    n1, n2 = float(counts.loc[in_a, "count"].sum()), float(counts.loc[~in_a, "count"].sum())
    per_term = pd.DataFrame({
        "count_a": counts[in_a].groupby("term")["count"].sum(),
        "count_b": counts[~in_a].groupby("term")["count"].sum(),
    }).fillna(0).astype("int64")
    per_term = per_term[(per_term["count_a"] + per_term["count_b"]) >= min_freq]
    stop = load_stopwords(stopwords)
    if stop:
        per_term = per_term[~per_term.index.isin(list(stop))]
    if per_term.empty or n1 == 0 or n2 == 0:
        return _empty()
    a = per_term["count_a"].to_numpy(float)
    b = per_term["count_b"].to_numpy(float)
    out = pd.DataFrame({"term": per_term.index.astype(str), "count_a": per_term["count_a"].to_numpy(),
                        "count_b": per_term["count_b"].to_numpy(), "total_a": int(n1), "total_b": int(n2)})
    out["g2"] = _g2(a, b, n1, n2, g2_form)
    aa, bb = np.where(a > 0, a, zero_correction), np.where(b > 0, b, zero_correction)
    defined = (aa > 0) & (bb > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["log_ratio"] = np.where(defined, np.log2(np.where(defined, aa / n1, 1.0) / np.where(defined, bb / n2,
                                                                                                  1.0)), np.nan)
    # articles with at least one token: those that count as texts
    na = int((totals.index.isin(ids_a)).sum())
    nb = int((~totals.index.isin(ids_a)).sum())
    out["n_articles_a"], out["n_articles_b"] = na, nb
    notes = [[] for _ in range(len(out))]
    zero = (a == 0) | (b == 0)
    for i in np.flatnonzero(zero):
        notes[i].append(f"log ratio with {zero_correction:g} for the zero count (Hardie 2014)" if defined[i]
                        else "log ratio undefined: a zero count and no zero correction")
    if na >= 2 and nb >= 2:
        rng = row_rng(seed, "keyness", *ids_a, "|", *ids_b)
        out["p_value"] = _permutation_p(counts, totals, ids_a, list(out["term"]), n_perm, rng)
        out["p_adjusted"] = bh_adjust(out["p_value"].to_numpy(float))
    else:
        out["p_value"] = np.nan
        out["p_adjusted"] = np.nan
        why = DESCRIPTIVE_1V1 if na == 1 and nb == 1 else (
            f"descriptive only: fewer than 2 articles on a side ({na} vs {nb}); no p-value")
        for n in notes:
            n.insert(0, why)
    out["note"] = ["; ".join(n) for n in notes]
    out = out.sort_values(["g2", "term"], ascending=[False, True], kind="stable", na_position="last")
    return out.loc[:, KEYNESS_COLUMNS].reset_index(drop=True)


def _permutation_p(counts: pd.DataFrame, totals: pd.Series, ids_a: list[str], terms: list[str], n_perm: int,
                   rng: np.random.Generator) -> np.ndarray:
    """Permutation p per term of the difference in mean relative frequency (articles as units)."""
    docs = list(totals.index)
    sub = counts[counts["term"].isin(terms)]
    mat = (sub.pivot_table(index="term", columns="article_id", values="count", aggfunc="sum", fill_value=0)
           .reindex(index=terms, columns=docs, fill_value=0).to_numpy(float))
    rel = mat / totals.reindex(docs).to_numpy(float)[None, :]
    is_a = np.isin(docs, ids_a)
    na, n = int(is_a.sum()), len(docs)
    nb = n - na
    observed_w = np.where(is_a, 1.0 / na, -1.0 / nb)
    perm_masks = np.zeros((n_perm, n), dtype=bool)
    for k in range(n_perm):
        perm_masks[k, rng.permutation(n)[:na]] = True
    perm_w = np.where(perm_masks, 1.0 / na, -1.0 / nb)
    p = np.empty(len(terms))
    for start in range(0, len(terms), _BLOCK):
        block = rel[start:start + _BLOCK]
        obs = block @ observed_w
        perm = block @ perm_w.T
        tol = 1e-12 * np.maximum(1.0, np.abs(obs))
        extreme = (np.abs(perm) >= (np.abs(obs) - tol)[:, None]).sum(axis=1)
        p[start:start + _BLOCK] = (1 + extreme) / (1 + n_perm)
    return p


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("g2", "log_ratio", "p_value", "p_adjusted")
                                      else "int64" if c.startswith(("count", "total", "n_")) else "object")
                         for c in KEYNESS_COLUMNS})
