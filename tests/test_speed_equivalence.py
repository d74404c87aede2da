"""The shortcuts taken for speed (issue 10 §1) give what the longer way gives: properties, not timings."""

from __future__ import annotations

import random
import re

import pytest

from analysis.entities.table import load_actor_table
from analysis.entities.tokens import name_of, name_words
from analysis.metrics.framing import _WORD_RUN, required_literals
from analysis.segment import _CANDIDATE, _TOKEN, _TOKEN_ALTERNATIVES, tokenize


def _without_shortcuts() -> re.Pattern[str]:
    """The token alternatives alone, without the shortcuts taken for speed (the leading look-ahead and the
    ``plain`` and ``cap`` words): what the pattern was before them."""
    return re.compile(_TOKEN_ALTERNATIVES, re.VERBOSE)


def _kinds(pattern: re.Pattern[str], text: str) -> list[tuple[str, int, str]]:
    words = ("plain", "cap", "word", "word2")
    return [(m.group(), m.start(), "word" if m.lastgroup in words else str(m.lastgroup))
            for m in pattern.finditer(text)]


def test_the_shortcuts_are_in_the_token_pattern() -> None:
    assert _TOKEN.pattern.startswith("(?=\\S)(?:")
    assert {"plain", "cap"} <= set(_TOKEN.groupindex)
    assert "plain" not in _without_shortcuts().groupindex and "cap" not in _without_shortcuts().groupindex


def test_shortcuts_give_the_same_tokens_on_random_text() -> None:
    # every character that can end or extend a word, a URL, an e-mail address, a title or an initialism, capitals
    # that open a title ("Mr", "Gen", "St") or an initialism, and white space of several kinds
    alphabet = "abcxyzhtpsmrgenAMSGTZé’'-.@+:/_ 1,%“”\"()\n\t\u00a0ßÉ"
    full, base = _TOKEN, _without_shortcuts()
    rng = random.Random(1)
    for _ in range(30_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25)))
        assert _kinds(full, text) == _kinds(base, text), text


@pytest.mark.parametrize("text", [
    "mr. Smith said", "see https://example.com/a.b now", "write to a.b+c@example.org today",
    "at 5 a.m. sharp", "the well-known co-op's plan", "he said: yes", "mail jo@x.io", "st. Louis", "abc_def",
    "Mr. Smith and Mrs. Jones", "Gen. Kim", "St. Louis", "Main St. The end", "U.S. and U.N.", "Jo.Smith@x.io",
    "Trump’s plan", "Biden's", "Hwasong-19", "Washington-based", "Ab", "A", "Ab.", "Ab:", "Ab/cd", "Ab+", "Ab@cd.org",
    "Http://x.org", "Ab_cd", "Abé", "Ab1", "  Ab  ab\u00a0Ab\tab ", "Ab... Cd", "Smith.Jones", "Co. Ltd.",
])
def test_shortcuts_on_the_hard_cases(text: str) -> None:
    assert _kinds(_TOKEN, text) == _kinds(_without_shortcuts(), text)


def test_shortcuts_on_real_text() -> None:
    import json
    from pathlib import Path

    roundups = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "roundups_dev.jsonl"
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    if roundups.is_file():
        with roundups.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(300), fh, strict=False)]
    full, base = _TOKEN, _without_shortcuts()
    for text in texts:
        for para in text.split("\n"):
            assert _kinds(full, para) == _kinds(base, para)


def test_candidate_boundaries_with_the_look_ahead_are_those_without() -> None:
    # the look-ahead that opens the candidate pattern only turns positions away faster: both alternatives of a
    # terminal mark start with one of its characters
    src = _CANDIDATE.pattern
    assert src.startswith("(?=[.!?‽…])")
    plain = re.compile(src[len("(?=[.!?‽…])"):], re.VERBOSE)
    rng = random.Random(3)
    alphabet = "ab A.!?‽…”’\")] \n."
    texts = ["Hello. . . world. . . . Next", "Why?! “Now.” He left… Then [...] more", "U.S. troops. The end.", ""]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(20_000)]
    for text in texts:
        assert [m.groupdict() | {"span": m.span()} for m in _CANDIDATE.finditer(text)] == \
            [m.groupdict() | {"span": m.span()} for m in plain.finditer(text)], text


def test_name_words_are_the_words_of_name_of() -> None:
    cases = ["Procter & Gamble", "AT&T Inc.", "Bureau of Alcohol, Tobacco, Firearms and Explosives said",
             "Martin Luther King Jr. 's", "John F. Kennedy's", "the 's alone", "Trump’s", "St. Louis Cardinals",
             "United States-Mexico-Canada Agreement", "A", ", , ,"]
    for text in cases:
        toks = tokenize(text)
        for i in range(len(toks) + 1):
            for j in range(i, len(toks) + 1):
                assert name_words(toks, i, j) == tuple(name_of(toks, i, j).split()), (text, i, j)
    toks = tokenize("John F. Kennedy's")
    assert name_words(toks, 0, len(toks)) == ("John", "F.", "Kennedy")  # by hand: the initial keeps its stop


def test_required_literals_worked_examples() -> None:
    assert required_literals(r"\b[A-Z]\w+, \d{1,3},", 0) == (", ", ",")
    assert required_literals(r"abc\d+xyz", 0) == ("abc", "xyz")
    assert required_literals(r"abc\d+xyz", re.IGNORECASE) == ()  # cased: the text may print them in any case
    assert required_literals(r"a|b", 0) == ()  # a top-level alternation promises no literal
    assert required_literals(r"(a)b?c", 0) == ("c",)  # inside a group or a repeat: not required at this level
    assert required_literals(r"(unbalanced", 0) == ()


def test_required_literals_are_in_every_match() -> None:
    rng = random.Random(2)
    pattern = r"(?-i:\b[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)+), \d{1,3},"
    compiled = re.compile(pattern, re.IGNORECASE)
    lits = required_literals(pattern, re.IGNORECASE)
    assert lits == (", ", ",")
    for _ in range(2_000):
        text = "".join(rng.choice("Ab ,12") for _ in range(rng.randint(0, 30)))
        if compiled.search(text):
            assert all(lit in text for lit in lits)


def test_words_of_lower_cased_text_are_the_lower_cased_words() -> None:
    # every code point but U+0130 keeps its word-ness when lower-cased (U+0130 sends a sentence the slow way)
    for cp in range(0x110000):
        ch = chr(cp)
        if cp == 0x130:
            continue
        is_word = bool(_WORD_RUN.fullmatch(ch))
        assert all(bool(_WORD_RUN.fullmatch(c)) == is_word for c in ch.lower()), hex(cp)
    text = "Kim Jong Un's ΟΔΟΣ straße and ǅemal, U.S.-led"
    assert set(_WORD_RUN.findall(text.lower())) == {w.lower() for w in _WORD_RUN.findall(text)}


def test_actor_table_memo_is_per_name_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.entities.table as table_module

    table = load_actor_table()
    a = table.memo("speed test a")
    a["x"] = 1
    assert table.memo("speed test a") is a and table.memo("speed test b") == {}
    monkeypatch.setattr(table_module, "MEMO_SIZE", 1)
    assert table.memo("speed test a") == {}  # full: forgotten at once
    assert table == load_actor_table()  # the memos are no part of the table's value


def test_word_before_is_the_regex_search() -> None:
    from analysis.segment import _WORD_BEFORE, _word_before

    alphabet = "ab Z1_’'&°º.-,;é\u0301²\t/@xyz"
    rng = random.Random(5)
    for _ in range(50_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90)))
        end = rng.randint(0, len(text))
        start = rng.randint(0, end)
        fast, slow = _word_before(text, start, end), _WORD_BEFORE.search(text, start, end)
        assert (fast is None) == (slow is None), (text, start, end)
        assert fast is None or slow is None or (fast.span(), fast.group(1)) == (slow.span(), slow.group(1))
    assert _word_before("He met Mr. Smith", 0, 9).group(1) == "Mr"  # by hand: the word before "." at 9


def test_phrase_runs_prune_candidates_that_cannot_match() -> None:
    from analysis.metrics.framing import AnchorIndex, compile_pattern

    blame = compile_pattern("blame game", "test")
    accuse = compile_pattern("accus* of lying", "test")
    index = AnchorIndex.build([blame, accuse])
    assert index.runs[id(blame)] == ("blame", "game") and index.runs[id(accuse)] == ("accus", "of", "lying")
    live = index.live_unanchored("")
    assert index.candidates("They blame him.", live) == frozenset()  # the anchor, but no "game": cannot match
    assert index.candidates("Stop the BLAME GAME now.", live) == {id(blame)}
    assert index.candidates("She accused him of lying.", live) == {id(accuse)}
    assert index.candidates("She accused him.", live) == frozenset()
    for text in ("Stop the BLAME GAME now.", "She accused him of lying.", "They blame him."):
        cands = index.candidates(text, live)
        for p in (blame, accuse):  # never pruned when it matches
            assert cands is not None and (p.regex.search(text) is None or id(p) in cands)


def test_required_tail_worked_examples_and_property() -> None:
    from analysis.metrics.framing import required_tail

    pattern = r"(?-i:\b[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)+), \d{1,3},"
    tail = required_tail(pattern, re.IGNORECASE)
    assert tail is not None and tail.search("Kim Jong Un, 40, said") and not tail.search("Kim Jong Un said")
    assert required_tail(r"abc\d", 0) is None  # starts with its literal: the tail would be the whole pattern
    assert required_tail(r"(a)x\1", 0) is None  # the part after the literal refers to a group before it
    full = re.compile(pattern, re.IGNORECASE)
    rng = random.Random(3)
    for _ in range(5_000):
        text = "".join(rng.choice(["Ab", "Cd", " ", ", ", "4", "12", ",", "x"]) for _ in range(rng.randint(0, 12)))
        if full.search(text):
            assert tail.search(text), text  # every match of the pattern holds a match of its tail


def _recognised(text: str) -> list:
    from analysis.entities.rules import RuleRecogniser
    from analysis.entities.table import actor_table
    from analysis.metrics import Settings
    from analysis.model import Sentence

    toks = tokenize(text, 0)
    phrase = Sentence(-2, -1, 0, len(text), text, toks)
    return RuleRecogniser().recognise([phrase], {phrase.index: [False] * len(toks)}, actor_table(Settings()))


def test_a_phrase_without_a_capital_holds_no_recognised_name() -> None:
    """resolve_actor skips the rule recogniser for a speaker phrase without an upper-case letter: every rule needs a
    capital. Checked on hand-made hard cases and on 1,500 lower-case word windows of real sentences (the seeds and,
    when present, the roundups corpus)."""
    from pathlib import Path

    from analysis.entities.speakers import has_capital

    hard = ["he", "officials", "a senior administration official", "the president", "al-qaida", "al qaeda",
            "the “tigers”", "three officials familiar with the matter", "the u.s. ambassador", "mr. smith",
            "the white house", "sky tg24", "ʙʙᴄ", "ǆokić", "a spokeswoman for the department", "isis-k", "the 49ers"]
    assert has_capital("Đokić") and not has_capital("ǅokić")  # a titlecase letter is no capital for the chunker either
    texts = [t for t in hard if not has_capital(t)]
    roundups = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "roundups_dev.jsonl"
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    sources = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    if roundups.is_file():
        sources.append(roundups.read_text(encoding="utf-8")[:400_000])
    rng = random.Random(11)
    words = [w for src in sources for w in re.findall(r"[^\s]+", src)]
    while len(texts) < 1_500:
        k = rng.randrange(len(words))
        window = " ".join(words[k:k + rng.randint(1, 6)])
        if window and not has_capital(window):
            texts.append(window)
    assert [t for t in texts if _recognised(t)] == []


def _real_sentences(limit: int = 150) -> list[str]:
    """Sentences of the seed articles and of the first ``limit`` roundups articles (skipped when absent)."""
    import json
    from pathlib import Path

    from analysis.segment import split_sentences

    roundups = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "roundups_dev.jsonl"
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    if roundups.is_file():
        with roundups.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(limit), fh, strict=False)]
    return [s for text in texts for s in split_sentences(text)]


_HARD_NAMES = ["under Title IX, Jane Smith said", "Chapter 7 of the Code", "the chapter 11 filing",
               "al-Assad and el-Sisi met", "Section 230 Reform Act", "“Why?” Kim asked", "the U.S. and Mr. Smith",
               "É Ü ordinary words", "Title III Project"]


def test_run_openings_are_the_capitals_and_the_numbered_parts() -> None:
    from analysis.entities.chunker import _NUMBERED_PARTS, _openings
    from analysis.entities.tokens import is_cap

    for text in _HARD_NAMES + _real_sentences():
        toks = tokenize(text)
        assert _openings(toks) == [k for k, t in enumerate(toks) if t.lower in _NUMBERED_PARTS or is_cap(t)], text
    assert _openings(tokenize("under Title IX, Jane Smith said")) == [1, 2, 4, 5]  # by hand: Title IX Jane Smith


def test_place_contexts_by_last_word_give_the_first_context_that_ends_there() -> None:
    from dataclasses import replace

    from analysis.entities.listed import _context_at

    table = load_actor_table()

    def plain(toks: tuple, i: int) -> str:  # every context tried in the table's order (what the index replaces)
        for ctx in table.place_contexts:
            s = i - len(ctx)
            if s >= 0 and all(t.lower.replace("’", "'").replace("‘", "'") == w
                              for t, w in zip(toks[s:i], ctx, strict=True)):
                return " ".join(ctx)
        return ""

    texts = [*_real_sentences(), "a visit to Pyongyang", "Visits To Seoul", "a trip to", "in"]
    for text in texts:
        toks = tokenize(text)
        for i in range(len(toks) + 1):
            assert _context_at(toks, i, table) == plain(toks, i), (text, i)
    toks = tokenize("after a visit to Pyongyang")
    assert _context_at(toks, 4, table) == "visit to"  # by hand
    with_empty = replace(table, place_contexts=((), *table.place_contexts))
    assert _context_at(toks, 4, with_empty) == ""  # an empty context matches first: the plain order is kept


def test_listed_aliases_with_a_fresh_memo_and_repeated_spellings() -> None:
    from dataclasses import replace

    from analysis.entities.listed import find_listed
    from analysis.model import Sentence

    table = replace(load_actor_table())  # a copy: no memo of spellings yet
    text = "Russia and Russia's ally, Russia, met in Pyongyang after a visit to Pyongyang."
    toks = tokenize(text)
    places: list = []
    found = find_listed(Sentence(0, 0, 0, len(text), text, toks), [False] * len(toks), table, places)
    # by hand: the three Russias (one possessive) are the country; each Pyongyang follows a place context
    assert [(f.first, f.last, f.name) for f in found] == [(0, 1, "Russia"), (2, 3, "Russia"), (5, 6, "Russia")]
    assert [(f.first, f.last, f.rule) for f in places] == [(9, 10, "place after 'in'"),
                                                           (14, 15, "place after 'visit to'")]
