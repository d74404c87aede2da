"""Synthetic corpora: deterministic, labelled, readable by the corpus loader in every format; a
5-event × 3-outlet corpus through the pipeline and the comparison functions recovers what was
built in (wire copy verbatim/paraphrased, own sentences unique, conflicting figures in odd events),
with results for every event and nothing crossing events."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.compare import align_sentences, compare_claims, reuse_table, shared_passages, unique_sentences
from analysis.corpus import load_corpus
from analysis.model import Article, MediacompareError
from analysis.pipeline import analyse_corpus
from analysis.synthetic import COLUMNS, make_synthetic_corpus, write_synthetic_corpus
from analysis.tables import AnalysisTables, collect_tables


@pytest.fixture(scope="module")
def synthetic_tables(tmp_path_factory: pytest.TempPathFactory) -> AnalysisTables:
    path = write_synthetic_corpus(tmp_path_factory.mktemp("syn") / "corpus.csv", n_events=5)
    return collect_tables(analyse_corpus(path))


def test_deterministic_shape_and_labels() -> None:
    a = make_synthetic_corpus(n_events=4, seed=3)
    assert a.equals(make_synthetic_corpus(n_events=4, seed=3))
    assert not a.equals(make_synthetic_corpus(n_events=4, seed=4))
    assert list(a.columns) == COLUMNS
    assert len(a) == 12 and a.article_id.is_unique
    assert a.article_id.str.startswith("syn-").all()
    assert set(a.outlet) == {"Synthetic Outlet A", "Synthetic Outlet B", "Synthetic Outlet C"}
    assert set(make_synthetic_corpus(1, outlets=("Daily", "Synthetic X")).outlet) == {"Synthetic Daily",
                                                                                         "Synthetic X"}
    assert a.groupby("event_id").outlet.nunique().eq(3).all()
    assert (a.text.str.count("\n\n") == 4).all()  # five paragraphs
    assert make_synthetic_corpus(0).empty


def test_outlet_effect_is_built_in() -> None:
    df = make_synthetic_corpus(n_events=20)
    words = {"crisis", "anger", "angry", "blamed", "chaos", "disaster", "fear", "failure", "attacked", "clashed"}

    def rate(outlet: str) -> float:
        texts = df[df.outlet == outlet].text.str.lower().str.split()
        return sum(w.strip(".,") in words for t in texts for w in t) / sum(len(t) for t in texts)

    assert rate("Synthetic Outlet B") > 0.02
    assert rate("Synthetic Outlet A") == rate("Synthetic Outlet C") == 0.0


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_written_corpus_loads(tmp_path: Path, suffix: str) -> None:
    path = write_synthetic_corpus(tmp_path / f"c{suffix}", n_events=2)
    records = list(load_corpus(path))
    assert len(records) == 6 and all(isinstance(r, Article) for r in records)
    first = records[0]
    assert first.article_id == "syn-0000-a" and first.event_id == "syn-event-0000"
    assert first.published in ("2024-01-01", "2024-01-02")
    assert first.text == make_synthetic_corpus(2).text.iloc[0]


def test_unknown_extension_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(MediacompareError):
        write_synthetic_corpus(tmp_path / "c.txt", n_events=1)


def test_multi_event_comparison_stays_within_events(synthetic_tables: AnalysisTables) -> None:
    t = synthetic_tables
    assert (t.articles.status == "analysed").all() and len(t.articles) == 15
    events = set(t.articles.event_id)
    assert len(events) == 5
    event_of = dict(zip(t.articles.article_id, t.articles.event_id, strict=True))
    outlet_of = dict(zip(t.articles.article_id, t.articles.outlet, strict=True))

    reuse = reuse_table(t.articles, t.sentences)
    assert set(reuse.event_id) == events and len(reuse) == 5 * 3  # 3 pairs per event
    assert all(event_of[a] == event_of[b] == e for e, a, b in zip(reuse.event_id, reuse.article_a,
                                                                 reuse.article_b, strict=True))
    assert (reuse.label == "shared source text").all()  # wire copy shared, own sentences not
    passages = shared_passages(t.articles, t.sentences)
    assert set(passages.event_id) == events

    al = align_sentences(t.articles, t.sentences)
    assert set(al.event_id) == events
    assert all(event_of[a] == event_of[b] for a, b in zip(al.article_a, al.article_b, strict=True))
    assert all(outlet_of[a] != outlet_of[b] for a, b in zip(al.article_a, al.article_b, strict=True))
    # by construction: sentences 0, 2, 4 are wire copy, 3 the count, 1 the lead, 5 and 6 own background
    ab = al[(al.outlet_a == "Synthetic Outlet A") & (al.outlet_b == "Synthetic Outlet B")]
    assert (ab[ab.sentence_a.isin([0, 2, 4])].label == "verbatim").all()
    assert (ab[ab.sentence_a == 3].label == "paraphrase").all()  # same claim sentence, other figure/noun
    matched = al[al.sentence_a.isin([0, 2, 3, 4])]
    assert (matched.sentence_b == matched.sentence_a).all()
    assert (al[al.sentence_a.isin([1, 5, 6]) & (al.outlet_a == "Synthetic Outlet B")].label == "unique").all()
    uniq = unique_sentences(al, t.sentences, t.articles)
    assert set(uniq.event_id) == events
    own_b = uniq[(uniq.outlet == "Synthetic Outlet B") & uniq.unique_to_outlet]
    assert own_b.groupby("event_id").sentence_index.apply(set).eq({1, 5, 6}).all()


def test_claim_conflicts_only_in_odd_events(synthetic_tables: AnalysisTables) -> None:
    t = synthetic_tables
    claims = t.records.get("claims")
    if claims is None:
        pytest.skip("the sourcing family's claims records are not in the pipeline yet")
    out = compare_claims(claims, t.articles)
    counted = out[out.sentence_a.eq(3) & out.sentence_b.eq(3)]  # the count sentence of each article
    assert set(counted.event_id) == set(t.articles.event_id)
    odd = counted.event_id.str[-1].astype(int) % 2 == 1
    with_b = (counted.outlet_a == "Synthetic Outlet B") | (counted.outlet_b == "Synthetic Outlet B")
    assert (counted[odd & with_b].label == "different").all()
    assert (counted[~(odd & with_b)].label == "same").all()
    assert len(counted[odd & with_b]) == 2 * 2  # events 1 and 3, pairs A-B and B-C
