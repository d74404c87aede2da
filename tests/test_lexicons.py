"""Rule word lists as data: the splitter's lists, the one reporting-verb reader, user verb files."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest
import yaml

from analysis import segment
from analysis.lexicons import bundled_path, load_lexicon
from analysis.lexicons.verbs import TIERS, read_reporting_verbs, read_tag_verbs, reporting_verb_forms
from analysis.model import MediacompareError

META = """meta:
  name: test verbs
  version: "0"
  source: a test
  licence: MIT
"""


def _write(tmp_path: Path, body: str, name: str = "verbs.yaml") -> Path:
    p = tmp_path / name
    p.write_text(META + body, encoding="utf-8")
    return p


# ------------------------------------------------------------------ segment_en.yaml


def test_segment_lists_are_data_with_a_header() -> None:
    lex = load_lexicon("segment_en.yaml")
    assert "Golden Rules" in lex.meta["source"] and "Pragmatic Segmenter" in lex.meta["source"]
    assert lex.meta["licence"] and lex.meta["description"]
    assert set(lex.data) == {"titles", "abbreviations", "name_abbreviations", "number_abbreviations",
                             "sentence_openers"}
    for key, words in lex.data.items():
        assert words and all(isinstance(w, str) for w in words), key  # no YAML booleans slipped in


def test_splitter_sets_are_the_lexicon_lists() -> None:
    lex = load_lexicon("segment_en.yaml").data
    assert segment.TITLES == frozenset(lex["titles"])
    assert segment.ABBREVIATIONS == frozenset(lex["abbreviations"])
    assert segment.NUMBER_ABBREVIATIONS == frozenset(lex["number_abbreviations"])
    assert segment.SAINT_ABBREVIATIONS == frozenset(lex["name_abbreviations"])  # each also an abbreviation
    assert segment.SENTENCE_OPENERS == frozenset(lex["sentence_openers"])
    # the words YAML would turn into booleans are present as words
    assert "no" in segment.NUMBER_ABBREVIATIONS and "no" in segment.SENTENCE_OPENERS
    assert "on" in segment.SENTENCE_OPENERS
    assert {"gen", "mr", "sen"} <= segment.TITLES and {"nov", "inc", "jr"} <= segment.ABBREVIATIONS


# ------------------------------------------------------------------ reporting_verbs.yaml


def test_reporting_verb_forms_are_the_one_word_forms_of_the_file() -> None:
    forms = reporting_verb_forms()
    # hand-picked from the file: say, confirm (endorsing), claim (distancing), concede (concessive)
    assert {"said", "says", "confirmed", "claims", "conceded"} <= forms
    assert "pointed out" not in forms and "pointed" not in forms  # multi-word forms are left out
    assert "state" not in forms and "stated" in forms  # exactly the listed forms
    assert all(f == f.lower() for f in forms)
    # the dialogue tags are only added on request
    assert "shouted" not in forms and "continued" not in forms
    tags = reporting_verb_forms(tags=True)
    assert {"shouted", "wondered", "continued", "recalled", "demanded"} <= tags
    assert "continues" not in tags  # "“Is it over?” The war continues." is two sentences
    assert forms < tags


def test_splitter_and_actor_rule_use_the_file() -> None:
    old_actor_list = """said says told added adds stated states noted notes wrote writes warned warns claimed
        claims argued argues explained explains insisted insists""".split()
    old_splitter_list = """said says asked asks added adds told tells wrote writes replied replies shouted yelled
        exclaimed wondered continued insisted recalled warned demanded""".split()
    assert set(old_actor_list) <= reporting_verb_forms()  # nothing the actor rule had is lost
    assert set(old_splitter_list) <= segment.REPORTING_VERBS
    assert segment.REPORTING_VERBS == reporting_verb_forms(tags=True)
    assert "reporting_verbs" not in load_lexicon("actors.yaml").data  # the duplicate list is gone


def test_reader_keeps_lemma_tier_and_forms_in_file_order() -> None:
    entries = read_reporting_verbs(load_lexicon("reporting_verbs.yaml"))
    first = entries[0]
    assert (first.lemma, first.tier, first.forms) == ("say", "neutral", ("say", "says", "said", "saying"))
    by_lemma = {e.lemma: e for e in entries}
    assert by_lemma["claim"].tier == "distancing" and by_lemma["point out"].forms[2] == "pointed out"
    assert {e.tier for e in entries} == set(TIERS)
    tags = read_tag_verbs(load_lexicon("reporting_verbs.yaml"))
    assert {e.lemma for e in tags} >= {"shout", "wonder"} and all(e.tier == "" for e in tags)


def test_user_verb_file_adds_a_form_in_one_line(tmp_path: Path) -> None:
    p = _write(tmp_path, "verbs:\n  say: [neutral, said]\n  opine: [neutral, opined, pointed out]\n")
    assert reporting_verb_forms(p) == frozenset({"said", "opined"})
    assert reporting_verb_forms(str(p), tags=True) == frozenset({"said", "opined"})  # no tag_verbs key


@pytest.mark.parametrize(("body", "message"), [
    ("verbs:\n  say: [nuetral, said]\n", "say: the first item must be a stance tier"),
    ("verbs:\n  say: said\n", "say: needs a list of non-empty words"),
    ("verbs:\n  say: [neutral]\n", "say: lists a tier but no forms"),
    ("verbs: [said, says]\n", "'verbs' must be a mapping"),
    ("verbs:\n  say: [neutral, said]\ntag_verbs:\n  yell: [yelled, 3]\n", "tag_verbs: yell: needs a list"),
])
def test_malformed_verb_files_name_the_file_and_entry(tmp_path: Path, body: str, message: str) -> None:
    p = _write(tmp_path, body)
    with pytest.raises(MediacompareError) as err:
        reporting_verb_forms(p, tags=True)
    assert str(p) in str(err.value) and message in str(err.value)


def test_empty_verb_file_gives_no_forms_and_no_warnings(tmp_path: Path) -> None:
    p = _write(tmp_path, "verbs: {}\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert reporting_verb_forms(p) == frozenset()


def test_bundled_verb_file_is_where_the_docs_say() -> None:
    assert bundled_path("reporting_verbs.yaml").is_file() and bundled_path("segment_en.yaml").is_file()


# ------------------------------------------------------------------ YAML booleans are not words


@pytest.mark.parametrize(("body", "key", "word"), [
    ("words: [in, on, at]\n", "words", "on"),  # flow list
    ("words:\n  - the\n  - no\n", "words", "no"),  # block list
    ("types:\n  polite: [please, Yes]\n", "types.polite", "Yes"),  # nested list
    ("verbs:\n  say: [neutral, said]\n  off: [neutral, offed]\n", "verbs", "off"),  # a mapping key
])
def test_loader_rejects_unquoted_yaml_booleans(tmp_path: Path, body: str, key: str, word: str) -> None:
    p = _write(tmp_path, body, "bools.yaml")
    with pytest.raises(MediacompareError) as err:
        load_lexicon(p)
    msg = str(err.value)
    assert str(p) in msg and f"'{key}'" in msg and f"quote the word '{word}'" in msg


def test_loader_keeps_quoted_words_and_boolean_flags(tmp_path: Path) -> None:
    p = _write(tmp_path, 'words: ["on", "no", \'off\', "yes"]\nin_total: false\nflags: {strict: on}\n', "ok.yaml")
    lex = load_lexicon(p)
    assert lex.data["words"] == ["on", "no", "off", "yes"]
    assert lex.data["in_total"] is False and lex.data["flags"] == {"strict": True}  # flags stay booleans


def test_every_bundled_lexicon_is_free_of_yaml_booleans_in_lists() -> None:
    from analysis.lexicons import bundled_lexicons

    names = {Path(lex.path).name for lex in bundled_lexicons()}  # every one loads through the check
    assert {"stopwords_en.yaml", "segment_en.yaml", "reporting_verbs.yaml", "actors.yaml"} <= names


def test_a_bare_name_is_the_bundled_file_even_with_a_namesake_in_the_working_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the rules' defaults are bare names ("hedges.yaml") and the result cache keys them on the bundled file: a
    # researcher's own hedges.yaml lying in the working folder must not replace the bundled one unasked
    from analysis.metrics import Settings
    from analysis.sourcing.hedges import hedge_lexicon_for

    monkeypatch.chdir(tmp_path)
    bundled = load_lexicon("hedges.yaml")
    own = tmp_path / "hedges.yaml"  # a copy of the bundled file under another name
    own.write_text(yaml.safe_dump({"meta": {**bundled.meta, "name": "mine"}, **bundled.data}), encoding="utf-8")
    assert load_lexicon("hedges.yaml") is bundled
    assert hedge_lexicon_for(Settings()).name == bundled.name != "mine"
    # asked for by path (what Settings holds for a user's file), the namesake is the user's
    assert hedge_lexicon_for(Settings(hedges_file=Path("hedges.yaml"))).name == "mine"


def test_a_path_follows_the_working_folder_and_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # load_lexicon remembers what a path resolved to; a file of that name made later in the working folder, a
    # change of working folder and an edit must still be seen, as without the memo
    monkeypatch.chdir(tmp_path)
    name = Path("hedges.yaml")
    assert Path(load_lexicon(name).path) == bundled_path("hedges.yaml").resolve()  # not there: the bundled file
    own = tmp_path / "hedges.yaml"
    own.write_text("meta: {name: mine, version: '1', source: me, licence: CC0}\nhedges: [perhaps]\n",
                   encoding="utf-8")
    assert Path(load_lexicon(name).path) == own.resolve()
    assert load_lexicon(name).data["hedges"] == ["perhaps"]
    own.write_text("meta: {name: mine, version: '2', source: me, licence: CC0}\nhedges: [maybe, perhaps]\n",
                   encoding="utf-8")
    os.utime(own, ns=(own.stat().st_atime_ns, own.stat().st_mtime_ns + 10**9))
    assert load_lexicon(name).data["hedges"] == ["maybe", "perhaps"]
    elsewhere = tmp_path / "sub"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert Path(load_lexicon(name).path) == bundled_path("hedges.yaml").resolve()
    own.unlink()
    monkeypatch.chdir(tmp_path)
    assert Path(load_lexicon(name).path) == bundled_path("hedges.yaml").resolve()


def test_a_lexicon_link_pointed_elsewhere_or_removed_is_followed(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # the memo of resolved paths must not outlive what the path leads to (review of the memo)
    meta = "meta: {name: mine, version: '1', source: me, licence: CC0}\n"
    (tmp_path / "a.yaml").write_text(meta + "hedges: [alpha]\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(meta + "hedges: [beta]\n", encoding="utf-8")
    link = tmp_path / "mine.yaml"
    link.symlink_to(tmp_path / "a.yaml")
    assert load_lexicon(link).data["hedges"] == ["alpha"]
    link.unlink()
    link.symlink_to(tmp_path / "b.yaml")
    assert load_lexicon(link).data["hedges"] == ["beta"]
    link.unlink()
    with pytest.raises(MediacompareError, match="not found"):
        load_lexicon(link)
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()  # a working folder deleted under the process: bundled names still load
    assert load_lexicon("hedges.yaml").path == str(bundled_path("hedges.yaml").resolve())
