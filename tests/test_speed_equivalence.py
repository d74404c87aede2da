"""The shortcuts taken for speed (issue 10 §1) give what the longer way gives: properties, not timings."""

from __future__ import annotations

import random
import re

import pytest

from analysis.entities.table import load_actor_table
from analysis.entities.tokens import name_of, name_words
from analysis.metrics.framing import _WORD_RUN, required_literals
from analysis.segment import _TOKEN, tokenize


def _without_plain() -> re.Pattern[str]:
    """The token pattern without its leading ``plain`` alternative (what it was before the shortcut)."""
    src = _TOKEN.pattern
    assert src.lstrip().startswith("(?P<plain>")
    rest = src[src.index("\n"):].lstrip()
    assert rest.startswith("|")
    return re.compile(rest[1:], re.VERBOSE)


def _kinds(pattern: re.Pattern[str], text: str) -> list[tuple[str, int, str]]:
    words = ("plain", "word", "word2")
    return [(m.group(), m.start(), "word" if m.lastgroup in words else str(m.lastgroup))
            for m in pattern.finditer(text)]


def test_plain_words_first_give_the_same_tokens_on_random_text() -> None:
    # every character that can end or extend a word, a URL, an e-mail address, a title or an initialism
    alphabet = "abcxyzhtpsmrgenAMSé’'-.@+:/_ 1,%“”\"()\n\tß"
    full, base = _TOKEN, _without_plain()
    rng = random.Random(1)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25)))
        assert _kinds(full, text) == _kinds(base, text), text


@pytest.mark.parametrize("text", [
    "mr. Smith said", "see https://example.com/a.b now", "write to a.b+c@example.org today",
    "at 5 a.m. sharp", "the well-known co-op's plan", "he said: yes", "mail jo@x.io", "st. Louis", "abc_def",
])
def test_plain_words_first_on_the_hard_cases(text: str) -> None:
    assert _kinds(_TOKEN, text) == _kinds(_without_plain(), text)


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
