"""Terms for comparison: one normalisation of word tokens shared by keyness and sentence alignment.

Words come from the sentences table's ``tokens`` column (the parser's word tokens; nothing is
re-tokenised). :func:`normalise_term` lower-cases a token and drops an English possessive ending
(``Korea's``, ``Korea’s`` -> ``korea``; ``states'`` -> ``states``). A contraction with ``'s``
(``it's``, ``he's``) loses it too; those are function words, left out as stop words anyway.

Sentence alignment further reduces each word to a *content term* (:func:`content_terms`): stop words
(``stopwords_en.yaml``) are dropped, listed synonyms (``align_synonyms.yaml``) are merged and every
other word is reduced to its Snowball English ("Porter2") stem (Porter 2001, via NLTK, which ships
with textstat; no data download).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np
import pandas as pd

from ..lexicons import load_lexicon
from ..model import MediacompareError

SYNONYMS_FILE = "align_synonyms.yaml"
STOPWORDS_FILE = "stopwords_en.yaml"
POSSESSIVE_PATTERN = r"(?<=.)(?:['’]s|(?<=s)['’])$"  # 's / ’s, or the apostrophe of a plural (states'); not alone
_POSSESSIVE = re.compile(POSSESSIVE_PATTERN)

Synonyms = bool | str | Mapping[str, str]


def load_stopwords(source: bool | str | Iterable[str] = True) -> frozenset[str]:
    """Stop words as a lower-case set: ``True`` = the bundled ``stopwords_en.yaml``; a path or file name =
    that YAML lexicon (``words:`` list); an iterable = those words; ``False`` = none."""
    if source is False:
        return frozenset()
    if source is True or isinstance(source, str):
        lex = load_lexicon(STOPWORDS_FILE if source is True else source)
        words = lex.data.get("words") or []
        if not isinstance(words, list):
            raise MediacompareError(f"{lex.path}: 'words' must be a list of single words")
        return frozenset(str(w).strip().lower() for w in words if str(w).strip())
    return frozenset(str(w).strip().lower() for w in source if str(w).strip())


def normalise_term(token: str) -> str:
    """The token lower-cased, without a possessive ``'s`` / ``’s`` (or the bare apostrophe of ``states'``)."""
    return _POSSESSIVE.sub("", str(token).lower())


@lru_cache(maxsize=1)
def _stemmer() -> object:
    from nltk.stem.snowball import SnowballStemmer  # pure algorithm, no NLTK data needed

    return SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball English (Porter2) stem of a lower-case word (Porter 2001)."""
    return str(_stemmer().stem(word))  # type: ignore[attr-defined]


def load_synonyms(source: Synonyms = True) -> dict[str, str]:
    """Word form -> class term: ``True`` = the bundled ``align_synonyms.yaml``, a path or file name = that
    YAML lexicon (``classes:`` list of word lists), a mapping = used as given, ``False`` = none.

    Every listed form (lower-cased, possessive dropped) maps to the stem of its class's first word. A form
    listed in two classes is an error naming both.
    """
    if source is False:
        return {}
    if isinstance(source, Mapping):
        return {normalise_term(k): str(v) for k, v in source.items()}
    return dict(_load_synonym_file(SYNONYMS_FILE if source is True else str(source)))


@lru_cache(maxsize=8)
def _load_synonym_file(name: str) -> tuple[tuple[str, str], ...]:
    lex = load_lexicon(name)
    classes = lex.data.get("classes") or []
    if not isinstance(classes, list) or not all(isinstance(c, list) for c in classes):
        raise MediacompareError(f"{lex.path}: 'classes' must be a list of word lists")
    out: dict[str, str] = {}
    for words in classes:
        forms = [normalise_term(str(w).strip()) for w in words if str(w).strip()]
        if not forms:
            continue
        head = stem(forms[0])
        for form in forms:
            if form in out and out[form] != head:
                raise MediacompareError(f"{lex.path}: {form!r} is in two synonym classes ({out[form]!r}, {head!r})")
            out[form] = head
    return tuple(out.items())


def content_terms(tokens: str | Iterable[str], stopwords: frozenset[str], synonyms: Mapping[str, str],
                  memo: dict[str, str | None] | None = None) -> list[str]:
    """Content terms of a sentence, in order: each word normalised (:func:`normalise_term`); stop words and
    tokens without a letter or digit dropped; a listed synonym -> its class term; any other word -> its stem.
    ``memo``: a dict the caller keeps for these stop words and synonyms, token -> term (None = dropped)."""
    words = tokens.split() if isinstance(tokens, str) else [str(t) for t in tokens]
    out: list[str] = []
    for token in words:
        if memo is not None and token in memo:
            term = memo[token]
        else:
            word = normalise_term(token)
            dropped = word in stopwords or not any(ch.isalnum() for ch in word)
            term = None if dropped else synonyms[word] if word in synonyms else stem(word)
            if memo is not None:
                memo[token] = term
        if term is not None:
            out.append(term)
    return out


# ----------------------------------------------------------------------------- keyness terms

VARIANTS_FILE = "outlet_variants.yaml"
EXCLUSIONS_FILE = "keyness_exclusions.yaml"
MAX_PHRASE = 4  # words in a multi-word name


@dataclass(frozen=True)
class TermOptions:
    """What keyness counts (docs/statistics.md, "Keyness terms"); every exclusion is on by default.

    * ``stopwords`` — as :func:`load_stopwords` (True = bundled list);
    * ``outlet_names`` — outlet self-references: every corpus outlet's name (and known variants,
      ``outlet_variants.yaml``) as a term anywhere; in an outlet's own articles also each word of its name;
    * ``bylines`` — sentences matching a byline/credit pattern (``keyness_exclusions.yaml``) are not counted;
    * ``party_tags`` — party/state tags such as "R-Ariz." are dropped;
    * ``courtesy_titles`` — courtesy titles ("Mr.", "Mrs", "Ms.", "Dr.") are dropped: whether an outlet writes
      them is house style (New York Times, Wall Street Journal, Daily Mail), not coverage;
    * ``boilerplate`` — a sentence whose text recurs in at least ``boilerplate_articles`` articles of one
      outlet is that outlet's boilerplate and is not counted;
    * ``phrases`` — a capitalised sequence of 2–4 words that recurs (capitalised) in at least
      ``min_phrase_articles`` articles, or is an outlet name, counts as one term ("white house").
    """

    stopwords: bool | str | frozenset[str] = True
    outlet_names: bool = True
    bylines: bool = True
    party_tags: bool = True
    courtesy_titles: bool = True
    boilerplate: bool = True
    phrases: bool = True
    min_phrase_articles: int = 3
    boilerplate_articles: int = 3
    variants: str = VARIANTS_FILE
    exclusions: str = EXCLUSIONS_FILE


NO_EXCLUSIONS = TermOptions(stopwords=False, outlet_names=False, bylines=False, party_tags=False,
                            courtesy_titles=False, boilerplate=False, phrases=False)


@dataclass(frozen=True)
class Exclusions:
    """The loaded exclusion rules of ``keyness_exclusions.yaml``."""

    bylines: tuple[re.Pattern[str], ...]
    party_tag: re.Pattern[str]
    label_suffixes: tuple[str, ...]
    titles: frozenset[str]
    courtesy_titles: frozenset[str] = frozenset()


@lru_cache(maxsize=8)
def load_exclusions(name: str = EXCLUSIONS_FILE) -> Exclusions:
    """Byline patterns, party-tag pattern, label suffixes, title words and courtesy titles (a YAML rule file)."""
    lex = load_lexicon(name)
    d = lex.data
    try:
        return Exclusions(tuple(re.compile(p) for p in d.get("byline_patterns") or []),
                          re.compile(str(d.get("party_tag_pattern") or r"(?!x)x")),
                          tuple(str(s).lower() for s in d.get("label_suffixes") or []),
                          frozenset(str(w).lower().rstrip(".") for w in d.get("title_words") or []),
                          frozenset(str(w).lower().rstrip(".") for w in d.get("courtesy_titles") or []))
    except re.error as exc:
        raise MediacompareError(f"{lex.path}: bad pattern ({exc})") from None


@lru_cache(maxsize=8)
def load_variants(name: str = VARIANTS_FILE) -> dict[str, tuple[str, ...]]:
    """Known outlet name variants: normalised outlet name -> variants (lower case)."""
    lex = load_lexicon(name)
    raw = lex.data.get("variants") or {}
    if not isinstance(raw, dict):
        raw = {}
    return {str(k).strip().lower(): tuple(str(v).strip().lower() for v in (vs or []) if str(v).strip())
            for k, vs in raw.items()}


_PAREN = re.compile(r"\([^)]*\)")


def outlet_base_name(label: str, suffixes: Iterable[str] = ()) -> str:
    """An outlet label as a name: lower case, without a parenthesised part, anything after " - ", a leading
    "the", a trailing ".com" or one of ``suffixes`` ("New York Times (Online News)" -> "new york times")."""
    name = _PAREN.sub(" ", str(label)).split(" - ")[0]
    name = " ".join(name.lower().replace(".com", "").split())
    name = name[4:] if name.startswith("the ") else name
    changed = True
    while changed:
        changed = False
        for s in suffixes:
            if name.endswith(" " + s):
                name, changed = name[: -len(s) - 1].strip(), True
    return name


def _name_tokens(name: str) -> list[str]:
    return [normalise_term(w) for w in name.split() if w]


def outlet_name_terms(outlets: Iterable[str], variants: Mapping[str, Sequence[str]] | None = None,
                      suffixes: Iterable[str] = (), stopwords: frozenset[str] = frozenset()
                      ) -> tuple[frozenset[str], dict[str, frozenset[str]], frozenset[str]]:
    """Self-reference terms of the corpus outlets: ``(anywhere, own, phrases)``.

    ``anywhere``: each outlet's base name (:func:`outlet_base_name`) and its known variants as terms (a
    multi-word name is one term); ``own[outlet]``: those plus every word of them that is not a stop word,
    excluded in the outlet's own articles ("Fox News" -> fox, news; "HuffPost" -> huffpost, huffington);
    ``phrases``: the multi-word names, so they are counted as one term.
    """
    variants = variants or {}
    suffixes = tuple(suffixes)
    anywhere: set[str] = set()
    own: dict[str, frozenset[str]] = {}
    phrases: set[str] = set()
    for label in sorted({str(o) for o in outlets}):
        base = outlet_base_name(label, suffixes)
        if not base:
            continue
        names = {base}
        for key, vs in variants.items():
            if base == key or base.startswith(key + " "):
                names |= {key, *vs}
        terms = {" ".join(_name_tokens(n)) for n in names}
        terms = {t for t in terms if t}
        anywhere |= terms
        phrases |= {t for t in terms if " " in t}
        words = {w for t in terms for w in t.split() if w not in stopwords and len(w) > 1}
        own[label] = frozenset(terms | words)
    return frozenset(anywhere), own, frozenset(phrases)


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _term(token: str) -> str:
    low = token.lower()
    return _POSSESSIVE.sub("", low) if ("'" in low or "’" in low) else low


def drop_party_tags(tokens: list[str], pattern: re.Pattern[str]) -> list[str]:
    """Tokens without party/state tags ("R-Ariz", "D-N" and the one-letter "Y" left of "D-N.Y.")."""
    out: list[str] = []
    skipping = False
    for t in tokens:
        if pattern.fullmatch(t):
            skipping = True
            continue
        if skipping and len(t) == 1 and t.isupper():
            continue
        skipping = False
        out.append(t)
    return out


def courtesy_title(tokens: Sequence[str], k: int, titles: frozenset[str]) -> bool:
    """Whether ``tokens[k]`` is a courtesy title: a listed word, title-cased ("Mr.", "Dr", not "MS" or "dr"), before a
    capitalised word ("Mr. Steele"; not "Elm Dr" at a sentence end). Style, not coverage: left out of the totals."""
    t = tokens[k]
    return t.rstrip(".").lower() in titles and t[:1].isupper() and t[1:].rstrip(".").islower() \
        and k + 1 < len(tokens) and tokens[k + 1][:1].isupper()


def candidate_phrases(tokens: list[str], stop: frozenset[str], titles: frozenset[str]) -> set[str]:
    """Every 2–4-word sub-sequence of a run of capitalised tokens, lower-cased, that neither starts nor ends
    with a stop word or a title word ("The White House" -> "white house"; "Sen Ted Cruz" -> "ted cruz")."""
    out: set[str] = set()
    run: list[str] = []
    for t in [*tokens, ""]:
        if _capitalised(t):
            run.append(_term(t))
            continue
        for i in range(len(run)):
            if run[i] in stop or run[i].rstrip(".") in titles:
                continue
            for j in range(i + 2, min(len(run), i + MAX_PHRASE) + 1):
                if run[j - 1] not in stop and run[j - 1].rstrip(".") not in titles:
                    out.add(" ".join(run[i:j]))
        run = []
    return out


def merge_phrases(tokens: list[str], phrases: frozenset[str]) -> list[str]:
    """Terms of a token list: a capitalised sequence found in ``phrases`` (longest first, left to right) is
    one term; every other token is :func:`normalise_term`'d."""
    if not phrases or not any(t[:1].isupper() for t in tokens):
        return [_term(t) for t in tokens]
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        if phrases and _capitalised(tokens[i]):
            for length in range(min(MAX_PHRASE, n - i), 1, -1):
                window = tokens[i:i + length]
                if all(_capitalised(t) for t in window):
                    cand = " ".join(_term(t) for t in window)
                    if cand in phrases:
                        out.append(cand)
                        i += length
                        break
            else:
                out.append(_term(tokens[i]))
                i += 1
            continue
        out.append(_term(tokens[i]))
        i += 1
    return out


@dataclass(frozen=True)
class TermCounts:
    """Per-article term counts of a corpus, counted once (:func:`count_terms`).

    ``article_ids``/``outlets``/``totals`` per article (``totals``: every term token counted, stop words and
    outlet names included); ``vocab`` the sorted terms shown in keyness; entries ``(art, term, count)``
    sorted by term then article (indices into those arrays); ``excluded``: what was left out, with counts.
    """

    article_ids: np.ndarray
    outlets: np.ndarray
    totals: np.ndarray
    vocab: np.ndarray
    art: np.ndarray
    term: np.ndarray
    count: np.ndarray
    excluded: dict[str, int]

    def term_slices(self) -> np.ndarray:
        """Start offsets of each term's entries (length len(vocab) + 1)."""
        return np.searchsorted(self.term, np.arange(len(self.vocab) + 1))


def _body_sentences(sentences: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    s = sentences[sentences["article_id"].astype(str).isin(ids)]
    if "sentence_index" in s.columns:
        s = s[s["sentence_index"] >= 0]  # the headline row (if any) is not body text
    tokens = s["tokens"].fillna("").astype(str)
    text = s["text"].fillna("").astype(str) if "text" in s.columns else tokens
    return pd.DataFrame({"article_id": s["article_id"].astype(str).to_numpy(), "tokens": tokens.to_numpy(),
                         "text": text.to_numpy()})


def _drop_sentences(s: pd.DataFrame, outlet_of: Mapping[str, str], opts: TermOptions, rules: Exclusions
                    ) -> tuple[pd.DataFrame, dict[str, int]]:
    excluded: dict[str, int] = {}
    keep = pd.Series(True, index=s.index)
    if opts.bylines and rules.bylines:
        hit = pd.Series(False, index=s.index)
        for pattern in rules.bylines:
            hit |= s["text"].str.contains(pattern, regex=True)
        excluded["byline sentences"] = int(hit.sum())
        keep &= ~hit
    if opts.boilerplate:
        norm = s["text"].str.lower().str.split().str.join(" ")
        frame = pd.DataFrame({"o": s["article_id"].map(outlet_of), "n": norm, "a": s["article_id"]})
        spread = frame.groupby(["o", "n"])["a"].transform("nunique")
        hit = (spread >= max(2, opts.boilerplate_articles)) & (norm != "")
        excluded["boilerplate sentences"] = int((hit & keep).sum())
        keep &= ~hit
    return s[keep], excluded


def count_terms(sentences: pd.DataFrame, articles: pd.DataFrame, options: TermOptions | None = None) -> TermCounts:
    """Count each analysed article's terms once (:class:`TermOptions` says what is left out).

    Terms come from the sentences table's ``tokens`` (never re-tokenised): party tags dropped, recurring
    capitalised sequences merged into one term (:func:`merge_phrases`), each word lower-cased without a
    possessive (:func:`normalise_term`). Articles without a counted token keep a total of 0.
    """
    opts = options or TermOptions()
    arts = articles
    if "status" in arts.columns:
        arts = arts[arts["status"].astype("string").fillna("") == "analysed"]
    ids = arts["article_id"].astype(str).to_numpy()
    outs = (arts["outlet"].astype("string").fillna("") if "outlet" in arts.columns
            else pd.Series("", index=arts.index)).astype(str).to_numpy()
    outlet_of = dict(zip(ids, outs, strict=True))
    rules = load_exclusions(opts.exclusions)
    stop = load_stopwords(opts.stopwords) if not isinstance(opts.stopwords, frozenset) else opts.stopwords
    anywhere: frozenset[str] = frozenset()
    own: dict[str, frozenset[str]] = {}
    name_phrases: frozenset[str] = frozenset()
    if opts.outlet_names:
        anywhere, own, name_phrases = outlet_name_terms(set(outs), load_variants(opts.variants),
                                                        rules.label_suffixes, load_stopwords(True))
    s = _body_sentences(sentences, set(ids))
    s, excluded = _drop_sentences(s, outlet_of, opts, rules)
    party = rules.party_tag if opts.party_tags else None
    n_party = n_courtesy = 0
    courtesy = rules.courtesy_titles if opts.courtesy_titles else frozenset()

    def tokens_of(text: str) -> list[str]:
        nonlocal n_party, n_courtesy
        toks = text.split()
        if courtesy:
            kept = [t for k, t in enumerate(toks) if not courtesy_title(toks, k, courtesy)]
            n_courtesy += len(toks) - len(kept)
            toks = kept
        if party is None:
            return toks
        kept = drop_party_tags(toks, party)
        n_party += len(toks) - len(kept)
        return kept

    sent_articles = s["article_id"].to_numpy()
    sent_tokens = s["tokens"].to_numpy()
    phrases: frozenset[str] = frozenset()
    if opts.phrases:  # pass 1: capitalised sequences and the articles they occur in
        df: dict[str, set[str]] = {}
        edges = stop | load_stopwords(True)  # a phrase never starts or ends with a (bundled) stop word
        for aid, text in zip(sent_articles, sent_tokens, strict=True):
            toks = text.split() if party is None else drop_party_tags(text.split(), party)
            for p in candidate_phrases(toks, edges, rules.titles):
                df.setdefault(p, set()).add(aid)
        phrases = frozenset({p for p, a in df.items() if len(a) >= opts.min_phrase_articles} | name_phrases)
        del df
    # pass 2, one article at a time: its terms counted, then stored as integer arrays
    index = {aid: i for i, aid in enumerate(ids)}
    totals = np.zeros(len(ids), dtype=np.int64)
    vocab_of: dict[str, int] = {}
    arts_parts: list[np.ndarray] = []
    term_parts: list[np.ndarray] = []
    count_parts: list[np.ndarray] = []
    n_names = 0
    order = np.argsort(sent_articles, kind="stable")
    bounds = (np.flatnonzero(np.r_[True, sent_articles[order][1:] != sent_articles[order][:-1], True])
              if len(order) else np.zeros(0, dtype=np.int64))  # start of each article's sentences, and the end
    for lo, hi in pairwise(bounds):
        aid = sent_articles[order[lo]]
        bag: dict[str, int] = {}
        for k in order[lo:hi]:
            for term in merge_phrases(tokens_of(sent_tokens[k]), phrases):
                bag[term] = bag.get(term, 0) + 1
        i = index[aid]
        totals[i] = sum(bag.values())
        mine = own.get(outlet_of[aid], frozenset())
        codes, counts = [], []
        for term, c in bag.items():
            if term in anywhere or term in mine:
                n_names += c
                continue
            if len(term) < 2 or term in stop or not any(ch.isalnum() for ch in term):
                continue
            codes.append(vocab_of.setdefault(term, len(vocab_of)))
            counts.append(c)
        arts_parts.append(np.full(len(codes), i, dtype=np.int64))
        term_parts.append(np.asarray(codes, dtype=np.int64))
        count_parts.append(np.asarray(counts, dtype=np.int64))
    if opts.party_tags:
        excluded["party/state tag tokens"] = n_party
    if opts.courtesy_titles:
        excluded["courtesy title tokens"] = n_courtesy
    if opts.outlet_names:
        excluded["outlet self-reference tokens"] = n_names
    words = sorted(vocab_of)
    vocab = np.array(words, dtype=str)
    recode = np.empty(len(words), dtype=np.int64)
    recode[[vocab_of[w] for w in words]] = np.arange(len(words))  # first-seen code -> sorted position
    art = np.concatenate(arts_parts) if arts_parts else np.zeros(0, dtype=np.int64)
    term = recode[np.concatenate(term_parts)] if term_parts else np.zeros(0, dtype=np.int64)
    cnt = np.concatenate(count_parts) if count_parts else np.zeros(0, dtype=np.int64)
    order = np.lexsort((art, term))
    return TermCounts(ids, outs, totals, vocab, art[order], term[order], cnt[order], excluded)
