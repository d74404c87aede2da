"""The compact forms the comparison reads and works on: the metrics table as categoricals
(:func:`analysis.tables.load_tables` with ``categorical``) and article values as integer codes
(:func:`analysis.compare.stats.value_codes`), each checked against hand-written rows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.compare.contrasts import _segment_medians
from analysis.compare.stats import ValueCodes, article_values, pooled_and_per_event, value_codes
from analysis.tables import load_tables, typed_frame, write_frame

METRIC_COLUMNS = ["article_id", "outlet", "family", "metric", "target", "value", "note"]


def metrics_rows() -> pd.DataFrame:
    # deliberately unsorted; a sentence position, an article that was skipped and a missing target
    rows = [
        ["b2", "B", "f", "tone", "", 0.5, ""],
        ["a1", "A", "f", "tone", "", 0.1, ""],
        ["a1", "A", "f", "tone", "sentence:3", 9.0, ""],
        ["a2", "A", "f", "len", "", 12.0, "a note"],
        ["x9", "X", "f", "len", "", 99.0, ""],
        ["b2", "B", "f", "len", None, 30.0, ""],
        ["a1", "A", "f", "len", "", np.nan, "undefined"],
        ["a2", "A", "f", "tone", "Biden", 0.2, ""],
    ]
    return pd.DataFrame(rows, columns=METRIC_COLUMNS)


def articles_rows() -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a1", "a2", "b2", "x9"], "outlet": ["A", "A", "B", "X"],
                         "event_id": ["e1", "e2", "e1", "e1"],
                         "status": ["analysed", "analysed", "analysed", "skipped"]})


# by hand: article-level rows of analysed articles, sorted by metric, target, outlet, article id
EXPECTED = [  # (metric, target, outlet, article, event, value)
    ("len", "", "A", "a1", "e1", np.nan),
    ("len", "", "A", "a2", "e2", 12.0),
    ("len", "", "B", "b2", "e1", 30.0),
    ("tone", "", "A", "a1", "e1", 0.1),
    ("tone", "", "B", "b2", "e1", 0.5),
    ("tone", "Biden", "A", "a2", "e2", 0.2),
]


def decoded(vc: ValueCodes) -> list[tuple]:
    return [(str(vc.metrics[m]), str(vc.targets[t]), str(vc.outlets[o]), str(vc.articles[a]), str(vc.events[e]),
             float(v)) for m, t, o, a, e, v in zip(vc.metric, vc.target, vc.outlet, vc.article, vc.event, vc.value,
                                                     strict=True)]


def same_rows(got: list[tuple], want: list[tuple]) -> bool:
    return len(got) == len(want) and all(g[:5] == w[:5] and (g[5] == w[5] or (np.isnan(g[5]) and np.isnan(w[5])))
                                         for g, w in zip(got, want, strict=True))


def test_value_codes_rows_by_hand():
    vc = value_codes(metrics_rows(), articles_rows())
    assert same_rows(decoded(vc), EXPECTED)
    assert list(vc.outlets) == ["A", "B"]  # names sorted, so codes sort as names do
    assert vc.metric.dtype.itemsize == 1  # two metrics: int8 codes


def test_value_codes_from_categoricals_and_frame():
    m = metrics_rows()
    cat = m.assign(**{c: m[c].astype("category") for c in ("article_id", "metric", "target", "outlet")})
    assert same_rows(decoded(value_codes(cat, articles_rows())), EXPECTED)
    frame = article_values(m, articles_rows())
    assert same_rows(decoded(ValueCodes.from_frame(frame)), EXPECTED)


def test_categorical_load_keeps_values(tmp_path):
    m = metrics_rows().assign(value=lambda d: d["value"].astype(float))
    write_frame(typed_frame(m.values.tolist(), METRIC_COLUMNS), tmp_path / "metrics.parquet")
    write_frame(articles_rows(), tmp_path / "articles.parquet")
    plain = load_tables(tmp_path, ("metrics", "articles"), ()).metrics
    cat = load_tables(tmp_path, ("metrics", "articles"), (), categorical=("metrics",)).metrics
    assert isinstance(cat["metric"].dtype, pd.CategoricalDtype)
    assert cat["target"].tolist() == ["", "", "sentence:3", "", "", "", "", "Biden"]  # the missing target is ""
    for col in METRIC_COLUMNS:
        assert plain[col].astype(object).tolist() == cat[col].astype(object).tolist() or col == "value"
    assert np.array_equal(plain["value"].to_numpy(), cat["value"].to_numpy(), equal_nan=True)
    # the statistics are the same from either
    arts = load_tables(tmp_path, ("articles",), ()).articles
    assert pooled_and_per_event(plain, arts, n_boot=50).equals(pooled_and_per_event(cat, arts, n_boot=50))


def test_segment_medians_by_hand():
    v = np.array([3.0, 1.0, 2.0, 10.0, 4.0, 7.0])
    codes = np.array([0, 0, 0, 1, 1, 2])
    # 1,2,3 -> 2; 4,10 -> 7; 7 -> 7; code 3 has no value
    assert np.array_equal(_segment_medians(v, codes, 4), [2.0, 7.0, 7.0, np.nan], equal_nan=True)
