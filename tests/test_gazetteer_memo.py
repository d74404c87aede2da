"""The gazetteers kept between processes (analysis.entities.gazetteers.memo_path): the same lists as building them
from the packages, in the same order; a damaged or unwritable copy only means building again."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.entities import gazetteers as gz


@pytest.fixture(scope="module")
def built() -> gz.Gazetteer:
    return gz._build_gazetteer()


def _same(a: gz.Gazetteer, b: gz.Gazetteer) -> None:
    assert a == b
    for field in ("regions", "cities", "given_names"):  # dicts: the order a lookup loop meets names in, too
        assert list(getattr(a, field).items()) == list(getattr(b, field).items())


def test_kept_copy_reads_back_the_built_lists(tmp_path: Path, built: gz.Gazetteer) -> None:
    path = tmp_path / "g.json"
    gz._write_memo(path, built)
    _same(gz._read_memo(path), built)
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]  # no partial file left


def test_damaged_copy_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: gz.Gazetteer) -> None:
    path = tmp_path / "g.json"
    path.write_text('{"countries": [["France"', encoding="utf-8")  # cut short
    monkeypatch.setattr(gz, "memo_path", lambda: path)
    _same(gz.gazetteer.__wrapped__(), built)
    _same(gz._read_memo(path), built)  # and the copy is replaced by a whole one


def test_unwritable_place_still_gives_the_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                built: gz.Gazetteer) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(gz, "memo_path", lambda: blocker / "gazetteers" / "g.json")
    _same(gz.gazetteer.__wrapped__(), built)


def test_name_changes_with_a_package_version(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    before = gz.memo_path()
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda p: "999" if p == "faker" else real(p))
    after = gz.memo_path()
    assert before is not None and after is not None and before != after and before.parent == after.parent
