"""Generic news frames (Semetko & Valkenburg, 2000), detected item by item from a rules file.

Each yes/no codebook item has a detector: cue patterns matched sentence by sentence (headline
included), optionally requiring or forbidding other cue groups in the same sentence. Items are
scored first, then frames (Burscher et al., 2014): frame score = items present ÷ applicable
items; a frame is present when at least one of its items fires. The rules are data
(``analysis/lexicons/frames.yaml``, or ``Settings.frames_file``); every hit is evidence.
"""

from __future__ import annotations

import re
import re._compiler as _compiler
import re._constants as _sre
import re._parser as _parser
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..casefold import ASCII_FOLDS  # a sentence holding one is tested against every pattern
from ..frozen import quick_init
from ..lexicons import Lexicon, load_lexicon
from ..model import MediacompareError, ParsedArticle, Sentence, Undefined
from .base import Evidence, FamilyResult, Measurement, Settings, register_family

FAMILY = "framing"
BUNDLED_RULES = "frames.yaml"
EMPTY_BODY = "empty body: no sentences to code"
REGEX_PREFIX = "re:"

_TOP_KEYS = {"frames", "groups"}
_FRAME_KEYS = {"label", "description", "items"}
_ITEM_KEYS = {"id", "question", "applicable", "reason", "cues"}
_CUE_KEYS = {"id", "match", "with", "without", "note"}


@dataclass(frozen=True)
class Pattern:
    """One cue entry as written in the rules file, and its compiled form."""

    source: str
    regex: re.Pattern[str]
    phrase_body: str = ""  # for phrases: the regex without its word-boundary guards


@dataclass(frozen=True)
class Cue:
    id: str
    patterns: tuple[Pattern, ...]
    with_groups: tuple[str, ...] = ()  # each group must match in the same sentence
    without_groups: tuple[str, ...] = ()  # no group may match in the same sentence
    note: str = ""
    prefilter: re.Pattern[str] | None = None  # all patterns as one alternation: a fast "any match?" test


@dataclass(frozen=True)
class Item:
    id: str  # "<frame>.<name>", e.g. "conflict.reproach"
    frame: str
    question: str
    applicable: bool
    reason: str  # why the item is not applicable to text (empty when applicable)
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class Frame:
    key: str
    label: str
    items: tuple[Item, ...]

    @property
    def applicable_items(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.applicable)


@dataclass(frozen=True)
class FrameRules:
    """Validated, compiled framing rules and where they came from."""

    frames: tuple[Frame, ...]
    groups: dict[str, tuple[Pattern, ...]]
    path: str
    name: str
    version: str

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for f in self.frames for i in f.items)

    @cached_property
    def cue_plan(self) -> dict[int, tuple[tuple[int, int, int], ...]]:
        """Pattern id -> (position among the applicable items, position of the cue in the item, position of the
        pattern in the cue) of each place the pattern has in a cue."""
        plan: dict[int, list[tuple[int, int, int]]] = {}
        for i, item in enumerate(i for i in self.items if i.applicable):
            for c, cue in enumerate(item.cues):
                for k, p in enumerate(cue.patterns):
                    plan.setdefault(id(p), []).append((i, c, k))
        return {pid: tuple(v) for pid, v in plan.items()}

    @cached_property
    def index(self) -> AnchorIndex:
        """Every cue and group pattern, indexed by anchor (built once per compiled rules file)."""
        patterns = [p for i in self.items for c in i.cues for p in c.patterns]
        return AnchorIndex.build(patterns + [p for g in self.groups.values() for p in g])


@quick_init
@dataclass(frozen=True, slots=True)
class Hit:
    """One cue match: the item and cue, the sentence, the matched span and the co-occurring groups."""

    item: str
    cue: str
    sentence: Sentence
    start: int  # offsets in the sentence text
    end: int
    pattern: str
    support: tuple[tuple[str, str, str], ...] = ()  # (group, pattern, matched text) for "with" groups

    @property
    def matched(self) -> str:
        return self.sentence.text[self.start:self.end]

    def describe(self) -> str:
        """Evidence cue text, e.g. ``reproach_verbs [accus*] "accuse"``."""
        parts = [f'{self.cue} [{self.pattern}] "{self.matched}"']
        parts += [f'{g} [{p}] "{t}"' for g, p, t in self.support]
        return " + ".join(parts)


# ---------------------------------------------------------------- the anchor index

_WORD_RUN = re.compile(r"\w+")
_ASCII_WORD_CHAR = re.compile(r"[A-Za-z0-9_]")
_ASCII_RUN = re.compile(r"[A-Za-z0-9_]+")
_NO_IDS: frozenset[int] = frozenset()
_MEMO_WORDS = 200_000  # distinct words whose candidate patterns are remembered (cleared when full)
_LINE_ANCHORS = ("^", "$", "\\A", "\\Z")  # a regex using one is never tried on the joined text


def phrase_anchor(phrase: str) -> str:
    """A literal that every match of ``phrase`` has at the start of a word of the text, lower-cased.

    The longest run of ASCII letters, digits and underscores in the phrase that starts a word of it (the
    phrase start, or after a space, hyphen or apostrophe; not after ``*``). A phrase match starts at a word
    start (``(?<!\\w)``) and its other words follow non-word characters, so the text then has a word (a run
    of ``\\w``) beginning with the anchor: ``accus*`` -> ``accus``, ``the public`` -> ``public``.
    ``""`` when there is none (the phrase is then tried on every sentence).
    """
    text = phrase.strip()
    best = ""
    i = 0
    while i < len(text):
        if _ASCII_WORD_CHAR.match(text[i]) and (i == 0 or not (text[i - 1] == "*" or _WORD_RUN.match(text[i - 1]))):
            j = i
            while j < len(text) and _ASCII_WORD_CHAR.match(text[j]):
                j += 1
            if j - i > len(best):
                best = text[i:j]
            i = j
        else:
            i += 1
    return best.lower()


def _literal_run(data: list[Any]) -> str:
    """The ASCII word characters a parsed regex sequence starts with (consecutive literals)."""
    out = []
    for op, av in data:
        if op is not _sre.LITERAL or not _ASCII_WORD_CHAR.match(chr(av)):
            break
        out.append(chr(av))
    return "".join(out).lower()


def regex_anchors(pattern: str, flags: int = re.IGNORECASE) -> tuple[str, ...]:
    """Literals one of which every match of regex ``pattern`` has at the start of a word of the text, or ``()``.

    Recognised shape: optional lookbehinds, then ``\\b``, then literal word characters (``\\barticle``) or
    a group of alternatives each starting with them (``\\b(?:lost|gained)``). A match then starts where a
    word begins with one of the literals. Anything else gives ``()`` (no anchor).
    """
    try:
        data = list(_parser.parse(pattern, flags).data)
    except (re.error, RecursionError, TypeError):
        return ()
    i = 0
    while i < len(data) and data[i][0] in (_sre.ASSERT, _sre.ASSERT_NOT) and data[i][1][0] == -1:
        i += 1  # lookbehinds only narrow the matches
    if i >= len(data) or data[i] != (_sre.AT, _sre.AT_BOUNDARY):
        return ()
    rest = data[i + 1:]
    if not rest:
        return ()
    return _branch_anchors(rest)


def _branch_anchors(data: list[Any]) -> tuple[str, ...]:
    """Anchors of a parsed sequence: its leading literals, or those of each alternative of a leading branch."""
    run = _literal_run(data)
    if run:
        return (run,)
    op, av = data[0]
    if op is _sre.SUBPATTERN and not (av[1] | av[2]):  # a capturing group without inline flags
        return _branch_anchors(list(av[3].data)) if av[3].data else ()
    if op is _sre.BRANCH:
        runs = tuple(_literal_run(list(b.data)) for b in av[1])
        return runs if all(runs) else ()
    return ()


def required_literals(pattern: str, flags: int = re.IGNORECASE) -> tuple[str, ...]:
    """Strings every match of regex ``pattern`` contains: the runs of literal characters at the top level of its
    sequence (not inside a group, branch or repeat), keeping under ``re.IGNORECASE`` only runs without a cased
    character (their case cannot vary). ``r"\\b[A-Z]\\w+, \\d{1,3},"`` -> ``(", ", ",")``; ``()`` when there is none
    or the pattern does not parse. A text lacking one of them cannot match: a quick "no"."""
    try:
        data = list(_parser.parse(pattern, flags).data)
    except (re.error, RecursionError, TypeError):
        return ()
    if any(op is _sre.BRANCH for op, _ in data):
        return ()  # (a top-level alternation: each branch has its own literals)
    runs, run = [], []
    for op, av in [*data, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            runs.append("".join(run))
            run = []
    if flags & re.IGNORECASE:
        runs = [r for r in runs if r.lower() == r.upper() == r]
    return tuple(dict.fromkeys(runs))


def required_tail(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """A pattern every match of regex ``pattern`` holds a match of: the part of its top-level sequence from its
    first literal character on (``r"\\b[A-Z]\\w+, \\d{1,3},"`` -> ``", \\d{1,3},"``), compiled alone. Searched
    before the pattern, it rules out most texts for the price of a scan for that literal (the whole pattern is
    tried at every position). ``None`` when there is no such part after the start, it refers to a group, or the
    regex internals it is built with refuse it."""
    try:
        parsed = _parser.parse(pattern, flags)
        data = list(parsed.data)
        k = next((i for i, (op, _) in enumerate(data) if op is _sre.LITERAL), 0)
        if k == 0 or _refers_to_group(data[k:]):
            return None
        return _compiler.compile(_parser.SubPattern(parsed.state, data[k:]), flags)
    except Exception:  # (a private interface: any refusal means no shortcut, never a wrong answer)
        return None


def _refers_to_group(node: Any) -> bool:
    """Does a parsed regex (a sequence of (op, argument) pairs, nested) hold a back-reference to a group?"""
    if isinstance(node, _parser.SubPattern):
        node = node.data
    if isinstance(node, (list, tuple)):
        if len(node) == 2 and isinstance(node[0], _sre._NamedIntConstant):
            op, av = node
            return op in _GROUP_REFERENCES or _refers_to_group(av)
        return any(_refers_to_group(item) for item in node)
    return False


_GROUP_REFERENCES = frozenset({_sre.GROUPREF, _sre.GROUPREF_EXISTS})


def _line_anchored(p: Pattern) -> bool:
    return not p.phrase_body and any(a in p.regex.pattern for a in _LINE_ANCHORS)


@dataclass(frozen=True)
class AnchorIndex:
    """Patterns indexed by their anchor, so a sentence is tested only against the patterns that can match it.

    Equivalent to trying every pattern on every sentence: a phrase pattern whose anchor (:func:`phrase_anchor`)
    begins no word of the sentence cannot match it. Regular expressions (``re:``) and phrases without an
    anchor are tried on a sentence only when they match the article's joined sentences somewhere (as the
    cue prefilter did before); one using ``^``, ``$``, ``\\A`` or ``\\Z`` is tried on every sentence.
    """

    by_anchor: dict[str, frozenset[int]]  # anchor -> ids (``id(pattern)``) of the patterns it starts
    lengths: tuple[int, ...]  # distinct anchor lengths, ascending
    unanchored: tuple[Pattern, ...]  # patterns without an anchor
    # phrase pattern id -> its runs of ASCII letters, digits and "_" (lower-cased, two or more characters), when it
    # has more than one: each is matched literally, so a sentence whose lower-cased text lacks one cannot match
    runs: dict[int, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, patterns: Iterable[Pattern]) -> AnchorIndex:
        by_anchor: dict[str, set[int]] = {}
        unanchored: dict[int, Pattern] = {}
        runs: dict[int, tuple[str, ...]] = {}
        for p in patterns:
            if p.phrase_body:
                literal = tuple(dict.fromkeys(r.lower() for r in _ASCII_RUN.findall(p.source) if len(r) >= 2))
                if len(literal) > 1:
                    runs[id(p)] = literal
            anchors = (phrase_anchor(p.source),) if p.phrase_body else regex_anchors(p.regex.pattern, p.regex.flags)
            if anchors and all(anchors):
                for a in anchors:
                    by_anchor.setdefault(a, set()).add(id(p))
            else:
                unanchored[id(p)] = p
        return cls({a: frozenset(ids) for a, ids in by_anchor.items()}, tuple(sorted({len(a) for a in by_anchor})),
                   tuple(unanchored.values()), runs)

    def live_unanchored(self, whole: str) -> frozenset[int]:
        """Ids of the unanchored patterns worth trying on the sentences whose joined text is ``whole`` (a pattern
        whose :func:`required_literals` are not all in ``whole`` is not searched: it cannot match)."""
        return frozenset(id(p) for p in self.unanchored if _line_anchored(p) or self._may_match(p, whole))

    def _may_match(self, p: Pattern, whole: str) -> bool:
        """``p.regex.search(whole)``, after the quick "no"s of its :func:`required_literals` and
        :func:`required_tail`."""
        found = self._literals.get(id(p))
        if found is None or found[0] is not p:
            found = self._literals[id(p)] = (p, required_literals(p.regex.pattern, p.regex.flags),
                                             required_tail(p.regex.pattern, p.regex.flags))
        _, literals, tail = found
        return all(lit in whole for lit in literals) and (tail is None or tail.search(whole) is not None) \
            and p.regex.search(whole) is not None

    @cached_property
    def _literals(self) -> dict[int, tuple[Pattern, tuple[str, ...], re.Pattern[str] | None]]:
        return {}

    def candidates(self, text: str, live: frozenset[int]) -> frozenset[int] | None:
        """Ids of the patterns that may match sentence ``text`` (``live``: :meth:`live_unanchored`): those whose
        anchor begins a word of it and whose other literal runs (``runs``) are in its lower-cased text (in a text
        without İ ı ſ K, only an ASCII letter of either case lower-cases to that letter, as ``re.IGNORECASE``
        matches it). ``None`` means every pattern (text holding İ ı ſ or K)."""
        if ASCII_FOLDS.search(text):
            return None
        found = set(live)
        memo = self._memo
        low = text.lower()
        # the words of the lower-cased text: each run of ``\w`` lower-cases to one run (every character but İ, excluded
        # above, keeps its word-ness), and only a word's ASCII start meets an anchor (so Greek's final sigma, which
        # depends on what follows, changes nothing)
        for word in set(_WORD_RUN.findall(low)):
            ids = memo.get(word)
            if ids is None:
                ids = self._word_candidates(word)
                if len(memo) >= _MEMO_WORDS:
                    memo.clear()
                memo[word] = ids
            if ids:
                found |= ids
        runs = self.runs
        return frozenset([i for i in found if i not in runs or all(r in low for r in runs[i])])

    def _word_candidates(self, word: str) -> frozenset[int]:
        """Ids of the patterns whose anchor begins ``word`` (lower-cased); most words begin none, and share one
        empty set (each word is remembered: a new empty frozenset per word was 3 MB per MB of text)."""
        found: set[int] = set()
        for k in self.lengths:
            if k > len(word):
                break
            ids = self.by_anchor.get(word[:k])
            if ids is not None:
                found |= ids
        return frozenset(found) if found else _NO_IDS

    @cached_property
    def _memo(self) -> dict[str, frozenset[int]]:
        return {}


# ---------------------------------------------------------------- loading and validation

WORD_START, WORD_END = r"(?<!\w)", r"(?!\w)"


def phrase_regex(phrase: str) -> str:
    """Regex for a cue phrase: whole words, case-insensitive; ``*`` = any letters; spaces = any whitespace."""
    return WORD_START + _phrase_body(phrase) + WORD_END


def _phrase_body(phrase: str) -> str:
    out: list[str] = []
    for ch in phrase.strip():
        if ch == "*":
            out.append(r"\w*")
        elif ch.isspace():
            if out and out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def compile_pattern(entry: Any, where: str) -> Pattern:
    """Compile one cue entry (a phrase, or ``re:`` + a regular expression); ``where`` names it in errors."""
    if not isinstance(entry, str) or not entry.strip():
        raise MediacompareError(f"{where}: a pattern must be a non-empty string, got {entry!r}")
    text = entry.strip()
    body = ""
    if text.startswith(REGEX_PREFIX):
        source = text[len(REGEX_PREFIX):]
    else:
        if not text.replace("*", "").strip():
            raise MediacompareError(f"{where}: pattern {entry!r} has no letters")
        body = _phrase_body(text)
        source = WORD_START + body + WORD_END
    try:
        regex = re.compile(source, re.IGNORECASE)
    except re.error as exc:
        raise MediacompareError(f"{where}: pattern {entry!r} is not a valid regular expression ({exc})") from None
    if regex.search("") is not None:
        raise MediacompareError(f"{where}: pattern {entry!r} matches the empty string")
    return Pattern(text, regex, body)


def _names(value: Any, where: str, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise MediacompareError(f"{where}: '{what}' must be a list of group names")
    return tuple(value)


def _unknown_keys(entry: dict[str, Any], allowed: set[str], where: str) -> None:
    extra = sorted(set(entry) - allowed)
    if extra:
        raise MediacompareError(f"{where}: unknown key {', '.join(map(repr, extra))} "
                                f"(allowed: {', '.join(sorted(allowed))})")


def _compile_groups(raw: Any, path: str) -> dict[str, tuple[Pattern, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise MediacompareError(f"{path}: 'groups' must map group names to lists of patterns")
    groups: dict[str, tuple[Pattern, ...]] = {}
    for name, entries in raw.items():
        where = f"{path}: group '{name}'"
        if not isinstance(entries, list) or not entries:
            raise MediacompareError(f"{where}: needs a non-empty list of patterns")
        groups[str(name)] = tuple(compile_pattern(e, where) for e in entries)
    return groups


def _compile_cue(raw: Any, item_id: str, groups: dict[str, tuple[Pattern, ...]], path: str, n: int) -> Cue:
    if not isinstance(raw, dict):
        raise MediacompareError(f"{path}: item '{item_id}': cue {n + 1} must be a mapping with 'id' and 'match'")
    cue_id = raw.get("id")
    if not isinstance(cue_id, str) or not cue_id:
        raise MediacompareError(f"{path}: item '{item_id}': cue {n + 1} has no 'id'")
    where = f"{path}: item '{item_id}', cue '{cue_id}'"
    _unknown_keys(raw, _CUE_KEYS, where)
    match = raw.get("match")
    if isinstance(match, str):
        match = [match]
    if not isinstance(match, list) or not match:
        raise MediacompareError(f"{where}: 'match' needs a non-empty list of patterns")
    with_groups = _names(raw.get("with"), where, "with")
    without_groups = _names(raw.get("without"), where, "without")
    for g in (*with_groups, *without_groups):
        if g not in groups:
            known = ", ".join(sorted(groups)) or "none defined"
            raise MediacompareError(f"{where}: unknown group '{g}' (groups: {known})")
    patterns = tuple(compile_pattern(e, where) for e in match)
    return Cue(cue_id, patterns, with_groups, without_groups, str(raw.get("note") or ""), _alternation(patterns))


def _alternation(patterns: tuple[Pattern, ...]) -> re.Pattern[str] | None:
    """One regex that matches wherever any of ``patterns`` does (phrases share one word-boundary guard)."""
    phrases = [p.phrase_body for p in patterns if p.phrase_body]
    parts = [f"{WORD_START}(?:{'|'.join(phrases)}){WORD_END}"] if phrases else []
    parts += [f"(?:{p.regex.pattern})" for p in patterns if not p.phrase_body]
    try:
        return re.compile("|".join(parts), re.IGNORECASE)
    except re.error:  # e.g. a user regex with a global inline flag: test the patterns one by one
        return None


def _compile_item(raw: Any, frame: str, groups: dict[str, tuple[Pattern, ...]], path: str,
                  seen: set[str]) -> Item:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"]:
        raise MediacompareError(f"{path}: frame '{frame}': every item needs an 'id' such as '{frame}.name'")
    item_id = raw["id"]
    where = f"{path}: item '{item_id}'"
    _unknown_keys(raw, _ITEM_KEYS, where)
    if not item_id.startswith(f"{frame}.") or item_id == f"{frame}.":
        raise MediacompareError(f"{where}: item ids must start with their frame, '{frame}.'")
    if item_id in seen:
        raise MediacompareError(f"{where}: duplicate item id")
    seen.add(item_id)
    question = raw.get("question")
    if not isinstance(question, str) or not question.strip():
        raise MediacompareError(f"{where}: needs a 'question' (the codebook item)")
    applicable = raw.get("applicable", True)
    if not isinstance(applicable, bool):
        raise MediacompareError(f"{where}: 'applicable' must be true or false")
    reason = str(raw.get("reason") or "")
    if not applicable:
        if not reason:
            raise MediacompareError(f"{where}: an item with applicable: false needs a 'reason'")
        return Item(item_id, frame, question.strip(), False, reason, ())
    cues_raw = raw.get("cues")
    if not isinstance(cues_raw, list) or not cues_raw:
        raise MediacompareError(f"{where}: an applicable item needs a non-empty list of 'cues'")
    cues = tuple(_compile_cue(c, item_id, groups, path, n) for n, c in enumerate(cues_raw))
    ids = [c.id for c in cues]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise MediacompareError(f"{where}: duplicate cue id {', '.join(dupes)}")
    return Item(item_id, frame, question.strip(), True, "", cues)


def compile_rules(lexicon: Lexicon) -> FrameRules:
    """Validate and compile a loaded framing rules file; errors name the file and the bad entry."""
    path, data = lexicon.path, lexicon.data
    _unknown_keys(data, _TOP_KEYS | {"meta"}, path)
    groups = _compile_groups(data.get("groups"), path)
    raw_frames = data.get("frames")
    if not isinstance(raw_frames, dict) or not raw_frames:
        raise MediacompareError(f"{path}: needs a 'frames' mapping of frame names to their items")
    frames: list[Frame] = []
    seen: set[str] = set()
    for key, raw in raw_frames.items():
        key = str(key)
        where = f"{path}: frame '{key}'"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            raise MediacompareError(f"{where}: frame names must be snake_case")
        if not isinstance(raw, dict) or not isinstance(raw.get("items"), list) or not raw["items"]:
            raise MediacompareError(f"{where}: needs a non-empty list of 'items'")
        _unknown_keys(raw, _FRAME_KEYS, where)
        items = tuple(_compile_item(i, key, groups, path, seen) for i in raw["items"])
        frames.append(Frame(key, str(raw.get("label") or key), items))
    return FrameRules(tuple(frames), groups, path, lexicon.name, lexicon.version)


_COMPILED: dict[str, tuple[Lexicon, FrameRules]] = {}


def load_frame_rules(path: str | Path | None = None) -> FrameRules:
    """The bundled framing rules, or a user rules file (same schema) replacing them; compiled once per file."""
    lexicon = load_lexicon(BUNDLED_RULES if path is None else Path(path))
    cached = _COMPILED.get(lexicon.path)
    if cached is None or cached[0] is not lexicon:
        cached = (lexicon, compile_rules(lexicon))
        _COMPILED[lexicon.path] = cached
    return cached[1]


def frame_rules(settings: Settings) -> FrameRules:
    """The rules ``settings`` selects, compiled once per version of the rules file and reused for every article.

    Like every lexicon, the file is re-read only when it changes on disk (``load_lexicon`` caches by path and
    modification time), so an edited rules file is picked up in a running session.
    """
    return load_frame_rules(settings.frames_file)


def clear_frame_rules_cache() -> None:
    """Forget every compiled rules file, so the next article compiles the rules again."""
    _COMPILED.clear()


# ---------------------------------------------------------------- detection

Candidates = frozenset[int] | None  # ids of the patterns that may match a sentence (None: every pattern)


def _first(patterns: tuple[Pattern, ...], text: str,
           candidates: Candidates = None) -> tuple[Pattern, re.Match[str]] | None:
    for p in patterns:
        if candidates is not None and id(p) not in candidates:
            continue
        m = p.regex.search(text)
        if m:
            return p, m
    return None


def cue_hits(cue: Cue, item: Item, sentence: Sentence, groups: dict[str, tuple[Pattern, ...]],
             candidates: Candidates = None, patterns: Sequence[Pattern] | None = None) -> list[Hit]:
    """Every match of ``cue`` in ``sentence``, if its required groups co-occur and its forbidden ones do not.

    ``candidates`` (from :meth:`AnchorIndex.candidates`) skips patterns that cannot match the sentence;
    ``patterns``, when the caller has them, are the cue's patterns in ``candidates``, in the cue's order.
    """
    text = sentence.text
    if candidates is None:
        if cue.prefilter is not None and cue.prefilter.search(text) is None:
            return []
        patterns = cue.patterns
    elif patterns is None:
        patterns = tuple(p for p in cue.patterns if id(p) in candidates)
    found = [(p, m) for p in patterns for m in p.regex.finditer(text) if m.end() > m.start()]
    if not found:
        return []
    support: list[tuple[str, str, str]] = []
    for g in cue.with_groups:
        first = _first(groups[g], text, candidates)
        if first is None:
            return []
        support.append((g, first[0].source, first[1].group()))
    if any(_first(groups[g], text, candidates) for g in cue.without_groups):
        return []
    return [Hit(item.id, cue.id, sentence, m.start(), m.end(), p.source, tuple(support)) for p, m in found]


def item_hits(item: Item, sentence: Sentence, groups: dict[str, tuple[Pattern, ...]],
              cues: tuple[Cue, ...] | None = None, candidates: Candidates = None,
              patterns: Sequence[Sequence[Pattern] | None] | None = None) -> list[Hit]:
    """Hits of the cues of ``item`` (or only ``cues``) in one sentence, in text order, one per matched span
    (``patterns``: each cue's candidate patterns, as :func:`cue_hits` takes them, when the caller has them)."""
    hits: dict[tuple[int, int], Hit] = {}
    chosen = item.cues if cues is None else cues
    for k, cue in enumerate(chosen):
        for h in cue_hits(cue, item, sentence, groups, candidates, patterns[k] if patterns is not None else None):
            hits.setdefault((h.start, h.end), h)
    return sorted(hits.values(), key=lambda h: (h.start, h.end))


def coded_sentences(doc: ParsedArticle) -> tuple[Sentence, ...]:
    """What the detectors read: the headline (if any), then every body sentence."""
    return ((doc.headline,) if doc.headline is not None else ()) + doc.sentences


def detect_items(doc: ParsedArticle, rules: FrameRules) -> dict[str, list[Hit]]:
    """Hits per applicable item id (empty list when the item does not fire).

    Each sentence is looked up once in the rules' :class:`AnchorIndex`; only the cues with a candidate
    pattern are tried on it (the same hits as trying every cue, see the index).
    """
    index, plan = rules.index, rules.cue_plan
    sentences = coded_sentences(doc)
    live = index.live_unanchored("\n".join(s.text for s in sentences))
    items = [i for i in rules.items if i.applicable]
    out: dict[str, list[Hit]] = {i.id: [] for i in items}
    for s in sentences:
        candidates = index.candidates(s.text, live)
        if candidates is None:
            for item in items:
                out[item.id] += item_hits(item, s, rules.groups, item.cues, candidates)
            continue
        # item position -> position of each of its cues with a candidate pattern -> positions of those patterns
        chosen: dict[int, dict[int, list[int]]] = {}
        for pid in candidates:
            for i, c, k in plan.get(pid, ()):
                chosen.setdefault(i, {}).setdefault(c, []).append(k)
        for i in sorted(chosen):
            item = items[i]
            by_cue = chosen[i]
            order = sorted(by_cue)
            cues = tuple(item.cues[c] for c in order)
            patterns = [tuple(item.cues[c].patterns[k] for k in sorted(by_cue[c])) for c in order]
            out[item.id] += item_hits(item, s, rules.groups, cues, candidates, patterns)
    return out


def frame_score(n_present: int, n_applicable: int) -> float:
    """Frame score = items present ÷ applicable items (Semetko & Valkenburg, 2000; Burscher et al., 2014).

    NaN when the frame has no applicable item.
    """
    if n_applicable <= 0:
        return Undefined("the frame has no item applicable to text")
    return n_present / n_applicable


def _evidence(hit: Hit) -> Evidence:
    s = hit.sentence
    return Evidence("item_present", hit.item, s.index, s.start + hit.start, s.start + hit.end, s.text,
                    hit.describe())


@register_family(FAMILY)
def compute_framing(doc: ParsedArticle, settings: Settings) -> FamilyResult:
    """Per item: ``item_present`` (0/1) and ``item_hits`` (matching sentences); per frame: ``frame_score``
    (items present ÷ applicable items) and ``frame_present`` (1 if any item fires).

    Semetko & Valkenburg (2000) items, scored items-first as in Burscher et al. (2014).
    """
    rules = frame_rules(settings)
    result = FamilyResult()
    empty = not doc.sentences
    hits = {} if empty else detect_items(doc, rules)
    for frame in rules.frames:
        n_present = 0
        for item in frame.items:
            if not item.applicable:
                reason = Undefined(f"not applicable: {item.reason}")
                result.measurements += [Measurement.of("item_present", reason, item.id),
                                        Measurement.of("item_hits", reason, item.id)]
                continue
            if empty:
                result.measurements += [Measurement.of("item_present", Undefined(EMPTY_BODY), item.id),
                                        Measurement.of("item_hits", Undefined(EMPTY_BODY), item.id)]
                continue
            item_found = hits[item.id]
            n_sentences = len({h.sentence.index for h in item_found})
            n_present += n_sentences > 0
            result.measurements += [Measurement.of("item_present", float(n_sentences > 0), item.id),
                                    Measurement.of("item_hits", float(n_sentences), item.id)]
            result.evidence += [_evidence(h) for h in item_found]
        n_applicable = len(frame.applicable_items)
        if empty:
            score: float = Undefined(EMPTY_BODY)
            present: float = Undefined(EMPTY_BODY)
        else:
            score = frame_score(n_present, n_applicable)
            present = float(n_present > 0) if n_applicable else score
        result.measurements += [Measurement.of("frame_score", score, frame.key),
                                Measurement.of("frame_present", present, frame.key)]
    return result
