"""Parse once: paragraphs, sentences and tokens with offsets into the cleaned body."""

from pathlib import Path

from analysis.corpus import load_corpus
from analysis.model import Article
from analysis.parse import parse_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seeds():
    return {a.article_id: parse_article(a) for a in load_corpus(SEEDS)}


def test_seed_sentence_and_paragraph_counts_counted_by_hand():
    docs = _seeds()
    # 000: paragraphs hold 2,2,2,1,2,2,3,2 sentences
    d0 = docs["000_dc77826089423d0b"]
    assert [len(p.sentence_indices) for p in d0.paragraphs] == [2, 2, 2, 1, 2, 2, 3, 2]
    assert d0.n_sentences == 16
    # 002 after removing the caption line: 1,2,1,1,1,1,1,1,1,2,1,1
    d2 = docs["002_3725b521bb5f0d30"]
    assert [len(p.sentence_indices) for p in d2.paragraphs] == [1, 2, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1]
    assert d2.n_sentences == 14


def test_quote_final_sentences_end_after_closing_quote():
    d2 = _seeds()["002_3725b521bb5f0d30"]
    texts = [s.text for s in d2.sentences]
    assert "the inherent right of individual or collective self-defense if an armed attack occurs against a " \
           "Member of the United Nations.”" in texts[5]
    assert texts[5].endswith("United Nations.”")
    assert texts[4].endswith("the agreement states.")  # “… U.N. Charter,” the agreement states.


def test_offsets_index_the_body():
    for doc in _seeds().values():
        for s in doc.sentences:
            assert doc.body[s.start:s.end] == s.text
            for t in s.tokens:
                assert doc.body[t.start:t.end] == t.text
        for p in doc.paragraphs:
            assert all(doc.sentences[i].paragraph == p.index for i in p.sentence_indices)


def test_lead_is_first_paragraph_and_headline_is_parsed_separately():
    doc = parse_article(Article("x", "WASHINGTON (AP) — First one. Second one.\nThird one.", title="A headline here"))
    assert [s.text for s in doc.lead] == ["First one.", "Second one."]
    assert doc.headline is not None and doc.headline.index == -1
    assert [t.text for t in doc.headline.tokens] == ["A", "headline", "here"]
    assert doc.n_words == 6  # First one Second one Third one


def test_empty_body_parses_to_nothing():
    doc = parse_article(Article("x", "Photo: Reuters"))
    assert doc.sentences == () and doc.paragraphs == () and doc.n_words == 0


def test_separator_lines_and_wordless_segments_are_not_sentences():
    # hand count: two sentences of 6 and 4 words -> mean words/sentence 5, not 10/6 = 1.67
    doc = parse_article(Article("x", "The cat sat on the mat.\n* * *\nThe dog ran home.\n###"))
    assert [s.text for s in doc.sentences] == ["The cat sat on the mat.", "The dog ran home."]
    assert [(s.index, s.paragraph) for s in doc.sentences] == [(0, 0), (1, 1)]
    assert doc.n_paragraphs == 2 and doc.n_words / doc.n_sentences == 5
    # within a paragraph a stray "!!!" is dropped; indices stay dense and offsets index the body
    doc = parse_article(Article("y", "The cat sat. !!! The dog ran."))
    assert [(s.index, s.text) for s in doc.sentences] == [(0, "The cat sat."), (1, "The dog ran.")]
    assert all(doc.body[s.start:s.end] == s.text for s in doc.sentences)


def test_punctuation_only_body_has_no_sentence_and_is_no_body(tmp_path):
    from analysis.metrics import Settings
    from analysis.pipeline import analyse_record

    art = Article("x", "... !!! ??? .")
    assert parse_article(art).sentences == ()
    row = analyse_record(art, Settings(), ["readability"]).article
    assert (row["status"], row["n_sentences"], row["n_words"]) == ("no_body", 0, 0)
