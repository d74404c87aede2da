"""Round-18 main-entity work (issue 7): the m18 main-entity sample and the recognition and merging errors found in it.

The m18 labels (tests/fixtures/devset/m18) were written from each article's headline and lead before the toolkit was
run on any of them (committed first); see that folder's README for how the 30 articles were drawn.
"""

from __future__ import annotations

from pathlib import Path

from test_devset import bench  # the scorer, loaded once by the devset tests

M18 = bench.DEVSET / "m18"


def _all_fixture_ids_but(folder: Path) -> set[tuple[str, str]]:
    ids: set[tuple[str, str]] = set()
    for path in sorted((bench.ROOT / "tests" / "fixtures").rglob("*.yaml")):
        if path.parent == folder:
            continue
        try:
            data = bench.load_fixture(path)
        except bench.DevsetError:  # a fixture of another kind (a list of excerpts): no corpus article
            continue
        if isinstance(data, dict) and "article_id" in data and "source" in data:
            ids.add((data["source"], str(data["article_id"])))
    return ids


def test_m18_fixtures_follow_the_main_only_schema():
    paths = bench.fixture_paths(M18)
    assert len(paths) == 30
    data = [bench.load_fixture(p) for p in paths]
    for path, d in zip(paths, data, strict=True):
        bench.check_schema(d, path.name)
        assert d["scope"] == "main" and 1 <= len(d["main"]) <= 3
        assert set(d["entities"]) == set(d["main"])
        assert path.stem == f"{d['source'].split('_')[0]}_{d['article_id']}"
    # about half full articles and half roundup excerpts, 19 outlet groups, 51 main entities (README)
    assert sum(d["source"] == "allsides_dev.jsonl.gz" for d in data) == 14
    assert len({d["outlet_group"] for d in data}) == 19
    assert sum(len(d["main"]) for d in data) == 51
    assert bench.split_folders("m18") == [M18]


def test_m18_is_disjoint_from_every_other_fixture():
    assert not bench.fixture_ids(M18) & _all_fixture_ids_but(M18)
