"""Keyness: G² and log ratio worked by hand, filters, stop words, and no p-values without replicated texts."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis.compare.keyness import DESCRIPTIVE_1V1, g2_contingency, g2_rayson, keyness, load_stopwords, log_ratio
from analysis.model import MediacompareError


def tables(docs: dict[str, tuple[str, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """sentences + articles frames from {article_id: (outlet, tokens)} (one sentence per article)."""
    sentences = pd.DataFrame([{"article_id": aid, "sentence_index": 0, "tokens": toks}
                              for aid, (_, toks) in docs.items()])
    articles = pd.DataFrame([{"article_id": aid, "outlet": outlet, "event_id": "e1", "status": "analysed"}
                             for aid, (outlet, _) in docs.items()])
    return sentences, articles


# A: "war" ×10 + "filler" ×90 (N₁ = 100);  B: "War" ×2 + "other" ×98 (N₂ = 100)
HAND = {"a1": ("A", " ".join(["war"] * 10 + ["filler"] * 90)),
        "b1": ("B", " ".join(["War"] * 2 + ["other"] * 98))}


def test_g2_and_log_ratio_worked_by_hand() -> None:
    # "war": a = 10, b = 2, N₁ = N₂ = 100.
    # E₁ = E₂ = 100·12/200 = 6.
    # Rayson & Garside: G² = 2·(10·ln(10/6) + 2·ln(2/6)) = 2·(10·0.5108256 − 2·1.0986123)
    #                      = 2·(5.108256 − 2.197225) = 2·2.911032 = 5.822063
    assert g2_rayson(10, 2, 100, 100) == pytest.approx(5.822063, abs=1e-6)
    # Four cells add "other words": O = 90 and 98, E = 100·188/200 = 94 each:
    #   90·ln(90/94) = −3.913660, 98·ln(98/94) = 4.083924, sum 0.170264
    #   G² = 2·(2.911032 + 0.170264) = 6.162592
    assert g2_contingency(10, 2, 100, 100) == pytest.approx(6.162592, abs=1e-6)
    # log ratio = log₂((10/100)/(2/100)) = log₂ 5 = 2.321928
    assert log_ratio(10, 2, 100, 100) == pytest.approx(2.321928, abs=1e-6)
    # zero count: "filler" a = 90, b = 0 -> b := 0.5: log₂((90/100)/(0.5/100)) = log₂ 180 = 7.491853
    assert log_ratio(90, 0, 100, 100) == pytest.approx(7.491853, abs=1e-6)


def test_keyness_table_on_hand_corpus() -> None:
    sentences, articles = tables(HAND)
    k = keyness(sentences, articles, "A", "B", min_freq=1).set_index("term")
    war = k.loc["war"]  # "War" is lower-cased into the same term
    assert (war["count_a"], war["count_b"], war["total_a"], war["total_b"]) == (10, 2, 100, 100)
    assert war["g2"] == pytest.approx(5.822063, abs=1e-6)
    assert war["log_ratio"] == pytest.approx(2.321928, abs=1e-6)
    # "filler": E₁ = E₂ = 45, G² = 2·90·ln(90/45) = 180·ln 2 = 124.766493
    assert k.loc["filler", "g2"] == pytest.approx(124.766493, abs=1e-6)
    assert k.loc["other", "log_ratio"] < 0  # direction: more frequent in B -> negative
    assert "0.5 for the zero count" in k.loc["filler", "note"]
    # sorted by G² descending, then term
    k2 = keyness(sentences, articles, "A", "B", min_freq=1)
    assert list(k2["term"]) == ["other", "filler", "war"]
    k4 = keyness(sentences, articles, "A", "B", min_freq=1, g2_form="contingency").set_index("term")
    assert k4.loc["war", "g2"] == pytest.approx(6.162592, abs=1e-6)


def test_possessive_counts_with_its_word() -> None:
    # A: "Korea’s Korea korea's states' seoul" -> korea 3, states 1, seoul 1 (N₁ = 5);
    # B: "Korea talks" -> korea 1, talks 1 (N₂ = 2)
    sentences, articles = tables({"a1": ("A", "Korea’s Korea korea's states' Seoul"), "b1": ("B", "Korea talks")})
    k = keyness(sentences, articles, "A", "B", min_freq=1).set_index("term")
    assert set(k.index) == {"korea", "states", "seoul", "talks"}
    assert (k.loc["korea", "count_a"], k.loc["korea", "count_b"]) == (3, 1)
    assert (k["total_a"] == 5).all() and (k["total_b"] == 2).all()  # totals unchanged: still one per token
    # log ratio = log₂((3/5)/(1/2)) = log₂ 1.2 = 0.263034
    assert k.loc["korea", "log_ratio"] == pytest.approx(0.263034, abs=1e-6)


def test_log_ratio_undefined_carries_a_reason() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        empty = log_ratio(1, 1, 0, 5)
        assert math.isnan(empty) and "no tokens" in empty.reason
        no_fix = log_ratio(3, 0, 10, 10, zero_correction=0)
        assert math.isnan(no_fix) and "no zero correction" in no_fix.reason
        sentences, articles = tables(HAND)
        k = keyness(sentences, articles, "A", "B", min_freq=1, zero_correction=0).set_index("term")
    assert math.isnan(k.loc["filler", "log_ratio"])
    assert "log ratio undefined" in k.loc["filler", "note"]
    assert k.loc["war", "log_ratio"] == pytest.approx(2.321928, abs=1e-6)  # defined rows unchanged


def test_one_article_per_side_has_no_p_values() -> None:
    sentences, articles = tables(HAND)
    k = keyness(sentences, articles, "A", "B", min_freq=1)
    assert k["p_value"].isna().all() and k["p_adjusted"].isna().all()
    assert k["note"].str.startswith(DESCRIPTIVE_1V1).all()
    assert (k["n_articles_a"] == 1).all() and (k["n_articles_b"] == 1).all()


def test_min_freq_filter() -> None:
    sentences, articles = tables({"a1": ("A", "treaty treaty treaty rare"), "b1": ("B", "treaty rare pact")})
    # totals: treaty 3+1 = 4, rare 1+1 = 2, pact 0+1 = 1
    assert set(keyness(sentences, articles, "A", "B", min_freq=3)["term"]) == {"treaty"}
    assert set(keyness(sentences, articles, "A", "B", min_freq=2)["term"]) == {"treaty", "rare"}
    assert set(keyness(sentences, articles, "A", "B", min_freq=1)["term"]) == {"treaty", "rare", "pact"}


def test_stopwords_bundled_custom_and_totals_unchanged(tmp_path: Path) -> None:
    sentences, articles = tables({"a1": ("A", "the the the treaty of treaty"), "b1": ("B", "the pact of pact")})
    plain = keyness(sentences, articles, "A", "B", min_freq=1).set_index("term")
    bundled = keyness(sentences, articles, "A", "B", min_freq=1, stopwords=True).set_index("term")
    assert {"the", "of"} <= set(plain.index)
    assert set(bundled.index) == {"treaty", "pact"}
    # totals still count every token (6 and 4), so the remaining rows are unchanged
    assert bundled.loc["treaty", "total_a"] == 6 and bundled.loc["pact", "total_b"] == 4
    assert bundled.loc["treaty", "g2"] == plain.loc["treaty", "g2"]
    custom = keyness(sentences, articles, "A", "B", min_freq=1, stopwords={"Treaty"})
    assert "treaty" not in set(custom["term"]) and "the" in set(custom["term"])
    user = tmp_path / "mystop.yaml"
    user.write_text("meta: {name: mine, version: '1', source: me, licence: CC0, description: test}\n"
                    "words:\n  - pact\n", encoding="utf-8")
    assert "pact" not in set(keyness(sentences, articles, "A", "B", min_freq=1, stopwords=str(user))["term"])
    assert {"the", "of", "a", "and"} <= load_stopwords(True)
    assert "said" not in load_stopwords(True)  # a news content word, deliberately kept


def test_replicated_texts_get_article_level_p_values() -> None:
    docs = {f"a{i}": ("A", f"missile launch test report {'missile ' * (i + 1)}") for i in range(5)}
    docs |= {f"b{i}": ("B", f"missile launch test report talks {'talks ' * i}") for i in range(5)}
    sentences, articles = tables(docs)
    k = keyness(sentences, articles, "A", "B", min_freq=1, n_perm=999).set_index("term")
    # "talks" occurs only in B's five articles: the observed split is the most extreme of C(10,5)=252,
    # together with its mirror image, so the exact p is 2/252 ≈ 0.008; the sampled p is small.
    assert k.loc["talks", "p_value"] < 0.05
    # "launch" is once in every article: no text-level difference (both groups' relative freqs overlap)
    assert k.loc["launch", "p_value"] > 0.2
    assert k["p_adjusted"].ge(k["p_value"]).all()
    assert (k["n_articles_a"] == 5).all()
    assert not k["note"].str.contains("descriptive only").any()
    again = keyness(sentences, articles, "A", "B", min_freq=1, n_perm=999).set_index("term")
    pd.testing.assert_series_equal(k["p_value"], again["p_value"])  # fixed seed


def test_empty_and_odd_input_no_warnings() -> None:
    sentences, articles = tables({"a1": ("A", ""), "b1": ("B", "")})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = keyness(sentences, articles, "A", "B")
        assert out.empty and "g2" in out.columns
        assert keyness(sentences, articles, "A", "nobody").empty
        assert math.isnan(g2_rayson(0, 0, 0, 0))
        assert math.isnan(log_ratio(1, 1, 0, 5))
    with pytest.raises(MediacompareError):
        keyness(sentences, articles, "A", "A")


def test_seeds_descriptive_and_hand_counted(seeds_dir: Path) -> None:
    from analysis.pipeline import analyse_corpus
    from analysis.tables import collect_tables

    t = collect_tables(analyse_corpus(seeds_dir, progress=False))
    k = keyness(t.sentences, t.articles, "UPI", "Unattributed (AP-style dateline)", min_freq=1).set_index("term")
    # body word counts from the parser: 412 (UPI, 002) and 396 (000), the n_words metric of each article
    assert (k["total_a"] == 412).all() and (k["total_b"] == 396).all()
    # "Pyongyang" is in UPI's body sentences 0, 2 and 12 (a 4th is in the removed photo caption) and never in 000
    assert (k.loc["pyongyang", "count_a"], k.loc["pyongyang", "count_b"]) == (3, 0)
    # Korea with and without possessive, counted by hand: UPI "North Korea" s0, "South Korea" s7, "North Korea’s"
    # s13 = 3; 000: 10 × "Korea" + 4 × "Korea’s" (s6 twice, s13, s15) = 14. E₁ = 412·17/808 = 8.6683,
    # E₂ = 8.3317; G² = 2·(3·ln(3/8.6683) + 14·ln(14/8.3317)) = 2·(−3.1832 + 7.2659) = 8.165
    assert (k.loc["korea", "count_a"], k.loc["korea", "count_b"]) == (3, 14)
    assert k.loc["korea", "g2"] == pytest.approx(8.165, abs=1e-3)
    assert "korea’s" not in k.index
    # "new": UPI's 4 adjective uses (s7, s8 twice, s13) + "New York Times" (s11) = 5; a known limit of word terms
    assert (k.loc["new", "count_a"], k.loc["new", "count_b"]) == (5, 0)
    assert k["p_value"].isna().all() and k["note"].str.startswith(DESCRIPTIVE_1V1).all()


# ----------------------------------------------------------------------------- what keyness counts

# Hand-made sentences in the parser's format (``tokens``: word tokens joined by spaces, punctuation gone);
# {day} differs between an outlet's three articles, so only Fox's newsletter line repeats word for word.
FOX = [("Fox News has learned that Sen. John McCain (R-Ariz.) met the White House counsel on {day}.",
        "Fox News has learned that Sen John McCain R-Ariz met the White House counsel on {day}"),
       ("By Jane Roe, {day}", "By Jane Roe {day}"),
       ("Sign up for the Fox News newsletter here.", "Sign up for the Fox News newsletter here")]
HUFF = [("HuffPost asked the White House and Rep. Jerrold Nadler, D-N.Y., about the budget on {day}.",
         "HuffPost asked the White House and Rep Jerrold Nadler D-N Y about the budget on {day}"),
        ("The Huffington Post first reported the budget talks on {day}.",
         "The Huffington Post first reported the budget talks on {day}")]
DAYS = ("Monday", "Tuesday", "Friday")


def outlet_corpus() -> tuple[pd.DataFrame, pd.DataFrame]:
    """3 Fox News and 3 HuffPost articles from the sentences above (each article its outlet's sentences)."""
    sents, arts = [], []
    for outlet, lines in (("Fox News", FOX), ("HuffPost", HUFF)):
        for k, day in enumerate(DAYS):
            aid = f"{outlet[:3]}{k}"
            arts.append({"article_id": aid, "outlet": outlet, "event_id": "", "status": "analysed"})
            sents += [{"article_id": aid, "sentence_index": i, "text": t.format(day=day),
                       "tokens": tok.format(day=day)} for i, (t, tok) in enumerate(lines)]
    return pd.DataFrame(sents), pd.DataFrame(arts)


def counted(tc: object) -> dict[str, int]:
    from collections import Counter

    c: Counter[str] = Counter()
    for t, n in zip(tc.term, tc.count, strict=True):  # type: ignore[attr-defined]
        c[str(tc.vocab[t])] += int(n)  # type: ignore[attr-defined]
    return dict(c)


def test_default_exclusions_on_hand_made_texts() -> None:
    from analysis.compare.terms import count_terms

    sentences, articles = outlet_corpus()
    tc = count_terms(sentences, articles)
    terms = counted(tc)
    # "White House" is capitalised in all 6 articles (≥ 3): one term, 6 times; "white"/"house" never alone
    assert terms["white house"] == 6 and "white" not in terms and "house" not in terms
    # "John McCain" and "Jerrold Nadler" recur in 3 articles each: one term; the title "Sen."/"Rep." stays apart
    assert terms["john mccain"] == 3 and terms["jerrold nadler"] == 3 and terms["sen"] == 3
    # outlet self-references: names, variants and (in own articles) their words, all gone
    for name in ("fox", "news", "fox news", "huffpost", "huffington", "huffington post", "post"):
        assert name not in terms, name
    # party/state tags and the letters left of "D-N.Y." gone
    for tag in ("r-ariz", "d-n", "y", "r", "d"):
        assert tag not in terms, tag
    # the byline and Fox's boilerplate line (in all 3 of its articles) are not counted at all
    assert "jane roe" not in terms and "roe" not in terms and "newsletter" not in terms
    assert tc.excluded["byline sentences"] == 3 and tc.excluded["boilerplate sentences"] == 3
    # stop words and names are left out of the rows but stay in the totals; a Fox article counts sentence 1 only:
    # "Fox News | has | learned | that | Sen | John McCain | met | the | White House | counsel | on | Monday" = 12
    assert list(tc.totals[:3]) == [12, 12, 12]
    assert terms["budget"] == 6 and "the" not in terms


def test_courtesy_titles_are_style_not_terms() -> None:
    """NYT-style "Mr. Steele" and AP-style "Steele" give the same terms and totals (hand count: 3 tokens);
    with the exclusion off the title is a term of its own and counts in the total (4 tokens)."""
    from analysis.compare.terms import TermOptions, count_terms

    arts = pd.DataFrame([{"article_id": a, "outlet": o, "event_id": "", "status": "analysed"}
                         for a, o in (("n1", "NYT"), ("a1", "AP"), ("d1", "Mail"))])
    sents = pd.DataFrame([{"article_id": "n1", "sentence_index": 0, "text": "", "tokens": "Mr. Steele said no"},
                          {"article_id": "a1", "sentence_index": 0, "text": "", "tokens": "Steele said no"},
                          {"article_id": "d1", "sentence_index": 0, "text": "", "tokens": "Mrs Steele said no"}])
    on = count_terms(sents, arts, TermOptions(phrases=False, stopwords=False))
    assert list(on.totals) == [3, 3, 3] and "mr." not in counted(on) and "mrs" not in counted(on)
    assert on.excluded["courtesy title tokens"] == 2
    off = count_terms(sents, arts, TermOptions(phrases=False, stopwords=False, courtesy_titles=False))
    assert list(off.totals) == [4, 3, 4] and counted(off)["mr."] == 1 and counted(off)["mrs"] == 1


def test_courtesy_title_only_before_a_name() -> None:
    """Review repros: "MS patients", "Elm Dr" at a sentence end and a lower-case "dr" are no courtesy titles."""
    from analysis.compare.terms import courtesy_title

    titles = frozenset({"mr", "ms", "dr"})
    assert courtesy_title(["Mr.", "Steele"], 0, titles) and courtesy_title(["Dr", "Fauci"], 0, titles)
    assert not courtesy_title(["MS", "patients"], 0, titles)
    assert not courtesy_title(["on", "Elm", "Dr"], 2, titles)
    assert not courtesy_title(["the", "dr.", "Smith"], 1, titles)


def test_exclusions_can_be_switched_off() -> None:
    from analysis.compare.terms import NO_EXCLUSIONS, TermOptions, count_terms

    sentences, articles = outlet_corpus()
    plain = counted(count_terms(sentences, articles, NO_EXCLUSIONS))
    assert plain["fox"] == 6 and plain["white"] == 6 and plain["r-ariz"] == 3 and plain["newsletter"] == 3
    names = counted(count_terms(sentences, articles, TermOptions(outlet_names=False)))
    # "Fox News" recurs capitalised in 3 articles: one term (its newsletter line is still boilerplate)
    assert names["fox news"] == 3 and names["huffpost"] == 3 and names["huffington post"] == 3


def test_outlet_names_from_labels() -> None:
    from analysis.compare.terms import load_exclusions, load_variants, outlet_base_name, outlet_name_terms

    suffixes = load_exclusions().label_suffixes
    assert outlet_base_name("New York Times (Online News)", suffixes) == "new york times"
    assert outlet_base_name("CNN - Editorial", suffixes) == "cnn"
    assert outlet_base_name("NPR Online News", suffixes) == "npr"
    assert outlet_base_name("TheBlaze.com", suffixes) == "theblaze"
    anywhere, own, phrases = outlet_name_terms(["Fox News (Online News)", "HuffPost"], load_variants(), suffixes,
                                               load_stopwords(True))
    assert {"fox news", "fox", "huffpost", "huffington post"} <= anywhere
    assert {"fox", "news"} <= own["Fox News (Online News)"] and "huffington" in own["HuffPost"]
    assert "news" not in anywhere  # a common word: left out only in Fox News' own articles
    assert "fox news" in phrases and "huffington post" in phrases


def test_top_terms_per_side_contain_no_outlet_name() -> None:
    sentences, articles = outlet_corpus()
    k = keyness(sentences, articles, "Fox News", "HuffPost", min_freq=1, stopwords=True, top=20)
    names = {"fox", "news", "fox news", "huffpost", "huffington", "huffington post", "r", "d", "r-ariz"}
    assert not set(k["term"]) & names
    assert {"white house", "john mccain", "counsel", "jerrold nadler", "budget"} <= set(k["term"])
