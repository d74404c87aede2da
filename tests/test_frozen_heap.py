"""frozen_heap (analysis/pipeline.py): the objects alive when a run starts are frozen for the run and unfrozen after,
also when the run stops early or fails."""

from __future__ import annotations

import gc

import pytest

from analysis.model import Article
from analysis.pipeline import analyse_records, frozen_heap


@pytest.fixture(autouse=True)
def _unfrozen() -> None:
    gc.unfreeze()  # (a run another test left unfinished in this worker may still hold the heap frozen)


def _articles(n: int) -> list[Article]:
    return [Article(f"a{i}", "The minister said the plan was good. Critics said it was bad.", outlet="X")
            for i in range(n)]


def test_heap_frozen_during_a_run_and_unfrozen_after() -> None:
    seen = [gc.get_freeze_count() for _ in analyse_records(_articles(3), progress=False)]
    assert len(seen) == 3 and all(n > 0 for n in seen)  # the module objects, at least, were alive at the start
    assert gc.get_freeze_count() == 0


def test_heap_unfrozen_when_the_consumer_stops_early() -> None:
    run = analyse_records(_articles(3), progress=False)
    next(run)
    assert gc.get_freeze_count() > 0
    run.close()
    assert gc.get_freeze_count() == 0


def test_heap_unfrozen_after_an_error() -> None:
    with pytest.raises(RuntimeError), frozen_heap():
        assert gc.get_freeze_count() > 0
        raise RuntimeError("stop")
    assert gc.get_freeze_count() == 0
