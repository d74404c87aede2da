"""Events: given ids kept, missing ids -> one corpus-wide event; the optional grouping helper links
articles by date window + 5-gram containment and says how."""

from __future__ import annotations

import warnings

import pandas as pd

from analysis.compare.events import analysed_articles, assign_events, group_events

WIRE = ("the defence ministry said on monday that it had moved units to the border area near northvale "
        "after a series of incidents")
OTHER = "heavy rain caused the river to overflow its banks in port emery on friday the weather office said"


def frames(docs: dict[str, tuple[str, str, str, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """{article_id: (outlet, event_id, published, text)} -> articles, sentences (one sentence each)."""
    arts = pd.DataFrame([{"article_id": a, "outlet": o, "event_id": e, "published": p, "status": "analysed"}
                         for a, (o, e, p, _) in docs.items()])
    sents = pd.DataFrame([{"article_id": a, "sentence_index": 0, "paragraph_index": 0, "start": 0, "end": len(t),
                           "text": t, "tokens": t} for a, (_, _, _, t) in docs.items()])
    return arts, sents


def test_assign_events_keeps_ids_and_fills_all() -> None:
    arts = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "event_id": ["e1", "", None, "  e2 "]})
    events = assign_events(arts)
    assert events.name == "event_id"
    assert list(events) == ["e1", "all", "all", "e2"]
    assert list(events.index) == list(arts.index)
    assert list(assign_events(pd.DataFrame({"article_id": ["x"]}))) == ["all"]


def test_analysed_articles_drops_skipped_and_sorts() -> None:
    arts = pd.DataFrame({"article_id": ["b", "a", "c"], "outlet": ["Y", "X", "X"], "event_id": ["e", "e", "e"],
                         "status": ["analysed", "analysed", "empty"]})
    out = analysed_articles(arts)
    assert list(out.article_id) == ["a", "b"]


def test_group_events_by_date_window_and_lead_similarity() -> None:
    arts, sents = frames({
        "a1": ("A", "", "2024-03-01", WIRE + " officials said"),
        "b1": ("B", "", "2024-03-02", "reports say " + WIRE),  # same wire text, a day later: linked to a1
        "c1": ("C", "", "2024-03-20", WIRE + " in the spring"),  # similar text but 19 days later: own event
        "d1": ("D", "", "2024-03-01", OTHER),  # same day, other text: its own event
        "g1": ("E", "given-1", "2024-03-01", WIRE),  # has an event id: kept
        # no date: joins the event of the article it is most similar to
        "n1": ("F", "", "", WIRE + " officials said again"),
    })
    out = group_events(arts, sents, window_days=3).set_index("article_id")
    assert list(out.columns) == ["event_id", "method"]
    assert out.loc["g1", "event_id"] == "given-1" and out.loc["g1", "method"] == "given"
    assert out.loc["a1", "event_id"] == out.loc["b1", "event_id"] == out.loc["n1", "event_id"]
    assert out.loc["c1", "event_id"] != out.loc["a1", "event_id"]
    assert out.loc["d1", "event_id"] not in {out.loc["a1", "event_id"], out.loc["c1", "event_id"]}
    assert out.loc["d1", "method"] == "no match: own event"
    assert out.loc["b1", "method"].startswith("date window 3 d + lead cosine ≥ 0.3 with ")
    assert out.loc["n1", "method"].startswith("no date; lead cosine ≥ 0.3 with ")
    # events are numbered by their earliest article: a1/b1/d1 share 2024-03-01, a1 < d1
    assert out.loc["a1", "event_id"] == "auto-001" and out.loc["d1", "event_id"] == "auto-002"
    assert out.loc["c1", "event_id"] == "auto-003"


def test_lead_terms_read_title_and_first_words() -> None:
    from analysis.compare.events import lead_terms

    arts, sents = frames({"a1": ("A", "", "2024-03-01", "floods close schools across the valley today")})
    arts["title"] = "Heavy rain"
    # title words first, then body words up to lead_words = 3; stop words dropped, Snowball stems
    assert lead_terms(arts, sents, {"a1"}, lead_words=3) == {"a1": ["heavi", "rain", "flood", "close", "school"]}


def test_group_events_window_is_a_parameter() -> None:
    arts, sents = frames({"a1": ("A", "", "2024-03-01", WIRE), "c1": ("C", "", "2024-03-20", WIRE)})
    assert group_events(arts, sents, window_days=3).event_id.nunique() == 2
    assert group_events(arts, sents, window_days=30).event_id.nunique() == 1


def test_group_events_empty_without_warnings() -> None:
    arts = pd.DataFrame(columns=["article_id", "outlet", "event_id", "published", "status"])
    sents = pd.DataFrame(columns=["article_id", "sentence_index", "paragraph_index", "start", "end", "text",
                                  "tokens"]).astype({"sentence_index": "int64"})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert group_events(arts, sents).empty
        assert assign_events(arts).empty


def test_group_events_shared_footer_links_nothing() -> None:
    # every article ends with the same footer; the stories differ. The footer's words are in every article,
    # so their idf is the lowest and they are never signature terms: no candidate pair, six events.
    footer = "follow us for more news from the region every day"
    stories = {f"s{i}": " ".join(f"w{i}x{j}" for j in range(20)) for i in range(6)}
    arts, sents = frames({k: ("A", "", "2024-03-01", f"{v} {footer}") for k, v in stories.items()})
    out = group_events(arts, sents)
    assert out.event_id.nunique() == 6 and (out.method == "no match: own event").all()
    # the same stories told twice (a second outlet, same day) are grouped in pairs
    twice = {**{k: ("A", "", "2024-03-01", v) for k, v in stories.items()},
             **{f"{k}b": ("B", "", "2024-03-01", f"{v} said the agency") for k, v in stories.items()}}
    arts, sents = frames(twice)
    paired = group_events(arts, sents).set_index("article_id")["event_id"]
    assert paired.nunique() == 6 and all(paired[k] == paired[f"{k}b"] for k in stories)


def test_candidate_links_skip_terms_common_in_the_window() -> None:
    from analysis.compare.events import candidate_links

    # 60 articles on one day share the terms "x" and "y" (more than MAX_POSTING = 50 in the window): no candidate;
    # two of them also share the rare "r1", "r2": one candidate pair
    vectors = [{"x": 0.5, "y": 0.5} for _ in range(60)]
    vectors[3] = {"r1": 0.9, "r2": 0.8, "x": 0.1}
    vectors[7] = {"r1": 0.9, "r2": 0.8, "y": 0.1}
    days = [0.0] * 60
    assert candidate_links(vectors, days, 3) == {(3, 7)}
    # spread over 60 days, each window holds few articles: neighbours within 3 days become candidates
    spread = candidate_links([{"x": 0.5, "y": 0.5}] * 60, [float(10 * i) for i in range(60)], 3)
    assert spread == set()  # 10 days apart: never in one window


def test_analysed_articles_small_frames_take_the_list_path_with_the_same_result() -> None:
    """Up to SMALL_FRAME rows (one event's articles) analysed_articles works on lists; random frames with missing
    values, missing columns, mixed dtypes and ties give the same frame as the pandas path (values, dtypes, index)."""
    import random

    from analysis.compare import events

    rng = random.Random(3)
    values = ["a", "b", "B", "é", "", "all", "Ä", "z", None]
    checked = 0
    for _ in range(600):
        n = rng.randrange(1, 8)
        cols = {}
        for name in ("article_id", "outlet", "event_id", "published", "status"):
            if name != "article_id" and rng.random() < 0.2:
                continue  # a missing column
            pool = ["analysed", "not_english", None] if name == "status" else values
            cols[name] = pd.Series([rng.choice(pool) for _ in range(n)], dtype=rng.choice(["string", "str", object]))
        df = pd.DataFrame(cols)
        small = events._analysed_small(df)
        if small is None:
            continue  # a missing article id: the pandas path decides
        pd.testing.assert_frame_equal(small, events._analysed_frame(df), check_exact=True)
        assert small.dtypes.equals(events._analysed_frame(df).dtypes)
        checked += 1
    assert checked > 300
    # whitespace at the end of an event id (stripped by assign_events) and numbers go to the pandas path
    assert events._analysed_small(pd.DataFrame({"article_id": ["a"], "event_id": [" e1"]})) is None
    assert events._analysed_small(pd.DataFrame({"article_id": [1, 2]})) is None
    sorted_ids = analysed_articles(pd.DataFrame({"article_id": ["b", "a", "c"], "outlet": ["X", "X", "W"],
                                                 "event_id": ["e", "e", None], "status": ["analysed"] * 3}))
    assert list(sorted_ids["article_id"]) == ["c", "a", "b"]  # event "all" < "e", then outlet, then id
