"""Score entities, main entities, quote speakers and numeric claims against the hand-labelled devset.

Run from the repository root (needs ``../shared/corpora``, see tests/fixtures/devset/README.md)::

    .venv/bin/python benchmarks/bench_entities.py [--split dev|heldout|r4|s6|s7|s8|s9|s10|s11|s12|s13|e5|e6|e7|m7|m18]
        [--corpora DIR] [--out FILE.md]

The labels (``tests/fixtures/devset/*.yaml``) hold article ids, short surfaces and excerpts only; the
article texts are re-read from the corpora at run time. The toolkit runs through its public pipeline
(:func:`analysis.pipeline.analyse_corpus`, families ``entities`` and ``sourcing``) on the raw article
texts with their corpus titles as headlines (as a user runs it; headline mentions are not scored as
mentions, they count only in prominence); only the records-table contract (docs/data_model.md) is used:
``actors``, ``actor_places``, ``quotes``, ``claims``, the entities family's mention evidence, the
``prominence`` metric and the ``sentences`` table (to map body offsets back to the raw text). All of that is
read in :func:`system_output`, the one adapter; everything else is pure scoring and imports nothing from
``analysis`` (the scorer must not depend on the code it measures, and ``--code`` may load an older one;
hence its own small P/R counters rather than ``analysis.validate``'s).

Matching (documented in tests/fixtures/devset/README.md, tested in tests/test_devset.py):

* spans are raw-text character offsets; a system span matches a labelled one when they overlap
  (mentions and claims one-to-one, largest overlap first; a labelled quote takes the system quote
  overlapping it most, and one system quote may cover two labelled quotes);
* a name matches an entity when, after normalisation (case, a leading "the", possessive 's, periods,
  honorifics and titles such as "Mr."/"President"), it equals the entity's canonical name, one of
  its labelled surfaces or an alias from ``aliases.yaml``; for persons also when the system's name is
  the last word(s) of one of those names, initials and Jr./II ignored ("Trump" ~ "Donald Trump");
* types come from the actors table's ``ner_type`` when it has one (PERSON -> PER, ORG, GPE, LOC, MISC ->
  OTHER), else from ``kind``: person -> PER, organisation -> ORG, country/state/city/gpe -> GPE,
  location/place/facility/region -> LOC, anything else -> OTHER (never right).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import shlex
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "fixtures" / "devset"
# held-out quotes and speakers (measured before and after a change, never developed against)
HELDOUT_SPEAKERS = ROOT / "tests" / "fixtures" / "devset_heldout_speakers"
# round-4 development sample of quotes and speakers (wire and British house styles; rules are developed on it)
R4_SPEAKERS = ROOT / "tests" / "fixtures" / "devset_speakers_r4"
# round-6 development sample of quotes and speakers (Reuters and Guardian roundups, BBC, Daily Mail)
S6_SPEAKERS = ROOT / "tests" / "fixtures" / "devset_speakers_s6"
# round-7 development sample of quotes and speakers (Reuters roundups, AP wire copy, NYT roundups, SFGate)
S7_SPEAKERS = ROOT / "tests" / "fixtures" / "devset_speakers_s7"
# round-8 development sample of quotes and speakers (AP Fact Check, Washington Post, CNN, Reuters, NYT, HuffPost)
S8_SPEAKERS = ROOT / "tests" / "fixtures" / "devset_speakers_s8"
# round-11 development sample of quotes and speakers (Daily Mail, BBC roundups, Independent Journal Review,
# The Independent; no unused Reuters, Guardian or HuffPost text with a quote is left)
S9_SPEAKERS = ROOT / "tests" / "fixtures" / "devset_speakers_s9"
# round-12 development sample of quotes and speakers (AP wire copy, Daily Mail, Business Insider/Insider, BuzzFeed
# News, The Daily Beast, Slate, Yahoo News: the styles nearest the weak outlets)
S10_SPEAKERS = ROOT / "tests" / "fixtures" / "devset_speakers_s10"
# round-13 development sample of quotes and speakers (Fox News articles and roundups, NYT roundups, ThinkProgress,
# The Daily Beast, Raw Story: the three house styles of the issue's own test)
S11_SPEAKERS = ROOT / "tests" / "fixtures" / "devset_speakers_s11"
S12_SPEAKERS = ROOT / "tests" / "fixtures" / "devset_speakers_s12"
# round-18 development sample of quotes and speakers (Reuters and AP copy carried by other outlets, Al Jazeera,
# Daily Sabah, CNN articles and roundups, ABC News: no unused British outlet text with a quote is left)
S13_SPEAKERS = ROOT / "tests" / "fixtures" / "devset_speakers_s13"
CORPORA = ROOT.parent / "shared" / "corpora"
SOURCES = ("allsides_dev.jsonl.gz", "roundups_dev.jsonl")
TYPES = ("PER", "ORG", "GPE", "LOC")
QUOTE_KINDS = ("direct", "indirect", "according_to", "citing")
SPEAKER_KINDS = ("named", "description", "none")
NON_CLAIM_REASONS = ("age", "pronoun", "name", "date", "time", "ordinal", "identifier", "idiom", "emphasis",
                     "score", "other")
MIN_QUOTES_FOR_GAP = 10  # outlets with fewer labelled quotes are shown but left out of the max gap

SELF_NOTE = "the outlet naming itself"  # the actors table's note on an outlet's own name (docs/data_model.md)

KIND_TO_TYPE = {
    "person": "PER", "per": "PER",
    "organisation": "ORG", "organization": "ORG", "org": "ORG", "administration": "ORG",
    "country": "GPE", "state": "GPE", "city": "GPE", "gpe": "GPE", "government": "GPE",
    "location": "LOC", "place": "LOC", "loc": "LOC", "facility": "LOC", "region": "LOC",
}


class DevsetError(ValueError):
    """A fixture file that does not follow the schema or does not match its corpus article."""


# --------------------------------------------------------------------------------------------- labels

@dataclass(frozen=True)
class Span:
    start: int  # raw-text character offsets, end exclusive
    end: int

    def overlap(self, other: Span) -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))


@dataclass(frozen=True)
class GoldMention:
    span: Span
    surface: str
    entity: str
    type: str
    paragraph: int


@dataclass(frozen=True)
class GoldQuote:
    span: Span
    excerpt: str
    kind: str
    speaker: str | None  # canonical entity, a description, or None
    speaker_kind: str  # named | description | none
    paragraph: int


@dataclass(frozen=True)
class GoldNumber:
    span: Span
    surface: str
    claim: bool
    why: str  # reason for a non-claim, "" for a claim
    paragraph: int


@dataclass
class LabelledArticle:
    """One fixture file resolved against its article text."""

    article_id: str
    source: str
    outlet: str
    outlet_group: str
    path: Path
    text: str
    limit: int  # labels cover text[:limit] (the first ``labelled_paragraphs`` paragraphs)
    entities: dict[str, str]  # canonical -> type
    main: list[str]
    scope: str = "all"  # "entities": quotes and numbers not labelled; "quotes": only quotes (and speakers);
    # "main": only the main entities (and a mention of each, for their names)
    title: str = ""  # the corpus title, given to the toolkit as the headline
    skipped: list[Span] = field(default_factory=list)  # paragraphs left out (captions, link lists, embeds)
    mentions: list[GoldMention] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    numbers: list[GoldNumber] = field(default_factory=list)

    def in_scope(self, span: Span) -> bool:
        """Is a system span inside the labelled text (before ``limit``, outside skipped paragraphs)?"""
        return span.start < self.limit and not any(p.overlap(span) for p in self.skipped)

    def names_of(self, entity: str, aliases: dict[str, set[str]] | None = None) -> set[str]:
        """Normalised names an entity goes by in this article: canonical, labelled surfaces, aliases."""
        names = {entity} | {m.surface for m in self.mentions if m.entity == entity}
        names |= (aliases or {}).get(entity, set())
        return {n for n in (normalise_name(x) for x in names) if n}


def paragraphs(text: str) -> list[Span]:
    """Raw-text paragraphs: the non-blank lines of ``text``, as spans without surrounding white space."""
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append(Span(pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return out


_WORD = re.compile(r"\w")


def same_spaces(text: str) -> str:
    """``text`` with no-break spaces as spaces (same length), so a label typed with spaces matches."""
    return text.replace("\u00a0", " ")


def find_word(text: str, needle: str, start: int, end: int) -> int:
    """First index >= start of ``needle`` in ``text[:end]`` not inside a longer word, or -1."""
    i = text.find(needle, start, end)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(needle)] if i + len(needle) < len(text) else " "
        ok_before = not (_WORD.match(needle[0]) and _WORD.match(before))
        ok_after = not (_WORD.match(needle[-1]) and _WORD.match(after))
        if ok_before and ok_after:
            return i
        i = text.find(needle, i + 1, end)
    return -1


class _Cursor:
    """Resolves labels of one kind in reading order: each is searched after the previous one."""

    def __init__(self, text: str, paras: list[Span], where: str) -> None:
        self.text, self.paras, self.where = same_spaces(text), paras, where
        self.pos: dict[int, int] = {}

    def find(self, p: int, needle: str) -> Span:
        if not isinstance(p, int) or not 0 <= p < len(self.paras):
            raise DevsetError(f"{self.where}: paragraph {p!r} does not exist (article has {len(self.paras)})")
        if not isinstance(needle, str) or not needle.strip():
            raise DevsetError(f"{self.where}: paragraph {p}: empty or non-text label {needle!r}")
        para = self.paras[p]
        start = self.pos.get(p, para.start)
        i = find_word(self.text, needle, start, para.end)
        if i < 0:
            raise DevsetError(f"{self.where}: paragraph {p}: {needle!r} not found after offset "
                              f"{start - para.start} (labels of one kind must be in reading order)")
        self.pos[p] = i + len(needle)
        return Span(i, i + len(needle))


def _require(cond: bool, where: str, message: str) -> None:
    if not cond:
        raise DevsetError(f"{where}: {message}")


def _inside_number(text: str, span: Span) -> bool:
    """Does ``span`` continue a number across a thousands comma ("800" in "800,000")?"""
    before = text[max(0, span.start - 2):span.start]
    after = text[span.end:span.end + 2]
    return (len(before) == 2 and before[0].isdigit() and before[1] == ",") or (
        len(after) == 2 and after[0] == "," and after[1].isdigit())


def _split_mention(item: Any, where: str) -> tuple[str, str]:
    _require(isinstance(item, str), where, f"a mention must be 'surface' or 'surface = Canonical', got {item!r}")
    surface, _, canonical = item.partition(" = ")
    return surface, (canonical.strip() or surface)


REQUIRED_KEYS = ("article_id", "source", "outlet", "outlet_group", "labelled_paragraphs", "labelled_by",
                 "entities", "main", "mentions", "quotes", "numbers")
OPTIONAL_KEYS = ("topic", "notes", "skip_paragraphs", "scope")
# "entities": only entities and main entities labelled (quotes, numbers not scored); "quotes": only quotes and
# their speakers (entities and mentions name just the speakers; entities, main entities, numbers not scored);
# "main": only the main entities (entities and mentions name just them; only the main-entity score is kept)
SCOPES = ("all", "entities", "quotes", "main")


def check_schema(data: dict[str, Any], where: str) -> None:
    """The checks that need no article text: keys, entity types, speakers, quote kinds, non-claim reasons."""
    _require(isinstance(data, dict), where, "not a YAML mapping")
    missing = [k for k in REQUIRED_KEYS if k not in data]
    _require(not missing, where, f"missing key(s) {', '.join(missing)}")
    unknown = sorted(set(data) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
    _require(not unknown, where, f"unknown key(s) {', '.join(unknown)}")
    _require(data["source"] in SOURCES, where, f"source must be one of {', '.join(SOURCES)}")
    _require(data.get("scope", "all") in SCOPES, where, f"scope must be one of {', '.join(SCOPES)}")
    _require(data.get("scope", "all") not in ("entities", "main") or not (data["quotes"] or data["numbers"]), where,
             "scope: entities (or main) means quotes and numbers are not labelled (leave them empty)")
    _require(data.get("scope", "all") != "main" or set(data["entities"] or {}) == set(data["main"] or []), where,
             "scope: main means the entities are exactly the main entities")
    _require(data.get("scope", "all") != "quotes" or (data["quotes"] and not data["numbers"]), where,
             "scope: quotes means quotes are labelled and numbers are not (leave them empty)")
    entities = data["entities"] or {}
    _require(isinstance(entities, dict), where, "entities must map canonical name -> type")
    for name, typ in entities.items():
        _require(typ in TYPES, where, f"entity {name!r}: type {typ!r} not one of {', '.join(TYPES)}")
    for m in data["main"] or []:
        _require(m in entities, where, f"main entity {m!r} is not in entities")
    _require(isinstance(data["quotes"] or [], list), where, "quotes must be a list")
    for q in data["quotes"] or []:
        _require(isinstance(q, dict) and {"p", "text", "kind", "speaker"} <= set(q)
                 and set(q) <= {"p", "text", "kind", "speaker", "speaker_kind"}, where,
                 f"quote {q!r} needs p, text, kind, speaker (and optionally speaker_kind)")
        _require(q["kind"] in QUOTE_KINDS, where, f"quote {q['text']!r}: kind not one of {', '.join(QUOTE_KINDS)}")
        kind = q.get("speaker_kind", "none" if q["speaker"] is None else "named")
        _require(kind in SPEAKER_KINDS, where, f"quote {q['text']!r}: speaker_kind not one of {SPEAKER_KINDS}")
        _require((kind == "none") == (q["speaker"] is None), where, f"quote {q['text']!r}: speaker_kind none <=> null")
        _require(kind != "named" or q["speaker"] in entities, where,
                 f"quote {q['text']!r}: named speaker {q['speaker']!r} is not in entities")
        _require(len(str(q["text"]).split()) <= 15, where, f"quote {q['text']!r}: excerpt longer than 15 words")
    for items in (data["numbers"] or {}).values():
        for item in items or []:
            if isinstance(item, dict):
                _require(set(item) == {"non", "why"}, where, f"numbers: a non-claim is {{non: TEXT, why: REASON}}, "
                                                             f"got {item!r}")
                _require(item["why"] in NON_CLAIM_REASONS, where,
                         f"numbers: reason {item['why']!r} not one of {', '.join(NON_CLAIM_REASONS)}")


def resolve_article(data: dict[str, Any], text: str, path: Path) -> LabelledArticle:
    """Check one fixture against its article text and turn its labels into raw-text spans."""
    where = path.name
    check_schema(data, where)
    paras = paragraphs(text)
    n = data["labelled_paragraphs"]
    _require(n == "all" or (isinstance(n, int) and 0 < n <= len(paras)), where,
             f"labelled_paragraphs must be 'all' or 1..{len(paras)}, got {n!r}")
    n_paras = len(paras) if n == "all" else n
    entities = data["entities"] or {}
    art = LabelledArticle(str(data["article_id"]), data["source"], str(data["outlet"]), str(data["outlet_group"]),
                          path, text, paras[n_paras - 1].end, dict(entities), list(data["main"] or []),
                          str(data.get("scope", "all")))
    skip = data.get("skip_paragraphs") or []
    _require(isinstance(skip, list) and all(isinstance(p, int) and 0 <= p < n_paras for p in skip), where,
             f"skip_paragraphs must list paragraph indices 0..{n_paras - 1}")
    art.skipped = [paras[p] for p in skip]

    def para_items(key: str) -> Iterator[tuple[int, Any]]:
        block = data[key] or {}
        _require(isinstance(block, dict), where, f"{key} must map paragraph index -> list")
        for p, items in sorted(block.items()):
            _require(isinstance(p, int) and 0 <= p < n_paras, where,
                     f"{key}: paragraph {p!r} is outside the labelled paragraphs 0..{n_paras - 1}")
            _require(isinstance(items, list), where, f"{key}: paragraph {p} must hold a list")
            _require(p not in skip, where, f"{key}: paragraph {p} is in skip_paragraphs")
            for item in items:
                yield p, item

    cursor = _Cursor(text, paras, f"{where} mentions")
    for p, item in para_items("mentions"):
        surface, canonical = _split_mention(item, where)
        _require(canonical in entities, where, f"mentions: paragraph {p}: {canonical!r} is not in entities")
        art.mentions.append(GoldMention(cursor.find(p, surface), surface, canonical, entities[canonical], p))
    used = {m.entity for m in art.mentions}
    for name in entities:
        _require(name in used, where, f"entity {name!r} has no mention")

    cursor = _Cursor(text, paras, f"{where} numbers")
    for p, item in para_items("numbers"):
        if isinstance(item, dict):
            art.numbers.append(GoldNumber(cursor.find(p, item["non"]), item["non"], False, item["why"], p))
        else:
            art.numbers.append(GoldNumber(cursor.find(p, item), item, True, "", p))
        _require(not _inside_number(text, art.numbers[-1].span), where,
                 f"numbers: paragraph {p}: {art.numbers[-1].surface!r} is part of a longer number "
                 f"(quote numbers with thousands commas in YAML)")

    cursor = _Cursor(text, paras, f"{where} quotes")
    for q in data["quotes"] or []:
        _require(isinstance(q["p"], int) and q["p"] < n_paras and q["p"] not in skip, where,
                 f"quote {q['text']!r}: paragraph outside the labelled paragraphs")
        kind = q.get("speaker_kind", "none" if q["speaker"] is None else "named")
        art.quotes.append(GoldQuote(cursor.find(q["p"], q["text"]), q["text"], q["kind"], q["speaker"], kind, q["p"]))
    return art


def load_fixture(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DevsetError(f"{path.name}: not valid YAML ({' '.join(str(exc).split())})") from None
    if not isinstance(data, dict):
        raise DevsetError(f"{path.name}: not a YAML mapping")
    return data


def fixture_paths(folder: Path = DEVSET) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.name != "aliases.yaml")


def fixture_ids(folder: Path) -> set[tuple[str, str]]:
    """The (corpus file, article id) of every fixture in ``folder``: what keeps two splits apart."""
    return {(d["source"], str(d["article_id"])) for d in map(load_fixture, fixture_paths(folder))}


def load_aliases(folder: Path = DEVSET) -> dict[str, set[str]]:
    """Devset-wide aliases: canonical name -> other names it goes by (``aliases.yaml`` of ``folder``, else
    of its parent: the held-out split shares the devset's aliases)."""
    path = folder / "aliases.yaml"
    if not path.is_file():
        path = folder.parent / "aliases.yaml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {k: set(v) for k, v in (data.get("aliases") or {}).items()}


def corpus_rows(ids: Iterable[tuple[str, str]], corpora: Path = CORPORA) -> dict[tuple[str, str], dict[str, Any]]:
    """The corpus rows of the wanted ``(source, article_id)`` pairs (streamed; other rows are dropped)."""
    wanted = set(ids)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for source in sorted({s for s, _ in wanted}):
        path = corpora / source
        opener = gzip.open if source.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                key = (source, str(row.get("article_id")))
                if key in wanted:
                    out[key] = row
    return out


def load_devset(folder: Path = DEVSET, corpora: Path = CORPORA) -> list[LabelledArticle]:
    """Every fixture of ``folder`` resolved against its article in ``corpora``."""
    fixtures = [(p, load_fixture(p)) for p in fixture_paths(folder)]
    rows = corpus_rows(((d["source"], str(d["article_id"])) for _, d in fixtures), corpora)
    out = []
    for path, data in fixtures:
        row = rows.get((data["source"], str(data["article_id"])))
        if row is None:
            raise DevsetError(f"{path.name}: article {data['article_id']} not in {data['source']}")
        if data.get("outlet") != row.get("outlet"):
            raise DevsetError(f"{path.name}: outlet {data.get('outlet')!r} but the corpus says {row.get('outlet')!r}")
        art = resolve_article(data, row["text"], path)
        art.title = str(row.get("title") or "")
        out.append(art)
    return out


# ------------------------------------------------------------------------------------------- matching

_TITLES = frozenset("""mr mrs ms miss dr sen senator rep representative gov governor gen general president
vice prime minister secretary speaker leader chairman chairwoman judge justice chief mayor attorney lt col
sgt adm pres prof professor the former""".split())


def normalise_name(name: str) -> str:
    """Lower case, ’ as ', periods, parentheses ("(PCB)") and a possessive 's dropped, leading "the" and
    titles dropped.

    >>> normalise_name("Mr. Trump’s")
    'trump'
    """
    s = re.sub(r"\([^()]*\)", " ", name).replace("’", "'").replace(".", "").lower()
    s = re.sub(r"'s?\b", "", s)
    words = s.split()
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    return " ".join(words)


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _core_words(name: str) -> list[str]:
    """A normalised name without initials and generational suffixes ("donald j trump" -> donald, trump)."""
    return [w for w in name.split() if len(w) > 1 and w not in _SUFFIXES]


def names_match(system: str, names: set[str], is_person: bool) -> bool:
    """Does a system name match one of an entity's normalised ``names``? (see the module docstring)

    Equal after :func:`normalise_name`; for a person also when the system name, without initials and
    suffixes, is the last word(s) of a name ("Trump", "J. Trump" ~ "Donald Trump"; not "Despite Trump").
    """
    s = normalise_name(system)
    if not s:
        return False
    if s in names:
        return True
    if not is_person:
        return False
    sw = _core_words(s)
    return bool(sw) and any(_core_words(n)[-len(sw):] == sw for n in names)


def kind_to_type(kind: str) -> str:
    return KIND_TO_TYPE.get(str(kind).strip().lower(), "OTHER")


def greedy_overlap(system: list[Span], gold: list[Span]) -> dict[int, int]:
    """One-to-one matching of overlapping spans, largest overlap first; returns system index -> gold index."""
    pairs = sorted(((-s.overlap(g), i, j) for i, s in enumerate(system) for j, g in enumerate(gold)
                    if s.overlap(g) > 0))
    used_s: set[int] = set()
    used_g: set[int] = set()
    out = {}
    for _, i, j in pairs:
        if i not in used_s and j not in used_g:
            out[i] = j
            used_s.add(i)
            used_g.add(j)
    return out


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float("nan")

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else float("nan")

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


# ------------------------------------------------------------------------------------- system output

@dataclass(frozen=True)
class SysMention:
    span: Span
    actor: str
    type: str


@dataclass(frozen=True)
class SysActor:
    name: str
    type: str
    prominence: float


@dataclass(frozen=True)
class SysQuote:
    span: Span
    speaker: str
    speaker_surface: str
    kind: str


@dataclass
class SystemOutput:
    mentions: list[SysMention] = field(default_factory=list)
    actors: list[SysActor] = field(default_factory=list)
    quotes: list[SysQuote] = field(default_factory=list)
    claims: list[Span] = field(default_factory=list)
    unmapped: int = 0  # system spans whose sentence could not be found in the raw text
    flagged: list[str] = field(default_factory=list)  # actors with note "the outlet naming itself" (not counted)


_DROPPED = frozenset("\u200b\ufeff")  # characters cleaning removes from the text


class OffsetMap:
    """Body offsets (the ``sentences`` table's start/end) -> raw-text offsets.

    Each sentence's text is searched in the raw text after the previous one (no-break spaces read as
    spaces and zero-width spaces and byte-order marks left out, as cleaning does); an offset maps through
    the sentence that contains it.
    """

    def __init__(self, raw: str, sentences: list[dict[str, Any]]) -> None:
        spaced = same_spaces(raw)
        self.at = [i for i, c in enumerate(spaced) if c not in _DROPPED]  # index in hay -> index in raw
        hay = "".join(spaced[i] for i in self.at)
        self.rows: list[tuple[int, int, int]] = []  # body start, body end, hay start
        pos = 0
        for s in sorted(sentences, key=lambda r: r["start"]):
            i = hay.find(s["text"], pos)
            if i >= 0:
                self.rows.append((s["start"], s["end"], i))
                pos = i + len(s["text"])

    def __call__(self, offset: int, *, is_end: bool = False) -> int | None:
        for b_start, b_end, start in self.rows:
            if b_start <= offset < b_end or (is_end and offset == b_end):
                k = start + offset - b_start
                return self.at[k - 1] + 1 if is_end and k > 0 else self.at[k]
        return None

    def span(self, start: int, end: int) -> Span | None:
        a, b = self(start), self(end, is_end=True)
        if a is None or b is None or b <= a:
            return None
        return Span(a, b)


def system_output(articles: list[LabelledArticle], code: Path = ROOT) -> dict[str, SystemOutput]:
    """Run the toolkit (the ``analysis`` package under ``code``) on the articles' raw texts; the one
    adapter from its tables to the scorer."""
    sys.path.insert(0, str(code))
    import analysis
    from analysis.metrics import Settings
    from analysis.pipeline import analyse_corpus

    if not Path(analysis.__file__).resolve().is_relative_to(Path(code).resolve()):
        raise DevsetError(f"asked to measure {code} but imported {analysis.__file__}")

    out: dict[str, SystemOutput] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "devset.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps({"article_id": a.path.stem, "outlet": a.outlet, "title": a.title,
                                     "text": a.text}) + "\n")
        by_key = {a.path.stem: a for a in articles}
        settings = Settings(families=("entities", "sourcing"), min_english_share=0.0)
        for res in analyse_corpus(corpus, settings, progress=False):
            art = by_key[res.article_id]
            omap = OffsetMap(art.text, res.sentences)
            sysout = SystemOutput()
            kinds = {r["actor"]: kind_to_type(r.get("ner_type") or r["kind"]) for r in res.records("actors")}
            prominence: dict[str, float] = {}
            for fam, m in res.tagged_measurements():
                if fam == "entities" and m.metric == "prominence" and m.target:
                    prominence[m.target] = m.value
            for fam, e in res.tagged_evidence():
                if fam == "entities" and e.metric == "mentions" and e.sentence_index >= 0:
                    span = omap.span(e.start, e.end)
                    if span is None:
                        sysout.unmapped += 1
                    else:
                        sysout.mentions.append(SysMention(span, e.target, kinds.get(e.target, "OTHER")))
            for r in res.records("actor_places"):  # place names used as places: typed by their ner_type (a city,
                if r["sentence_index"] >= 0:       # state or country GPE, a continent or region LOC; GPE if absent)
                    span = omap.span(r["start"], r["end"])
                    if span is not None:
                        sysout.mentions.append(SysMention(span, r["surface"], kind_to_type(r.get("ner_type") or "gpe")))
            if kinds and not sysout.mentions:
                print(f"warning: {art.path.stem}: actors but no per-mention evidence (family 'entities', metric "
                      f"'mentions'); has the output contract changed? See system_output()", file=sys.stderr)
            sysout.actors = [SysActor(a_, t, prominence.get(a_, 0.0)) for a_, t in kinds.items()]
            sysout.flagged = [r["actor"] for r in res.records("actors") if r.get("note") == SELF_NOTE]
            for q in res.records("quotes"):
                span = omap.span(q["start"], q["end"])
                if span is None:
                    sysout.unmapped += 1
                else:
                    sysout.quotes.append(SysQuote(span, q["speaker"], q["speaker_surface"], q["kind"]))
            for c in res.records("claims"):
                span = omap.span(c["start"], c["end"])
                if span is None:
                    sysout.unmapped += 1
                else:
                    sysout.claims.append(span)
            out[art.path.stem] = sysout
    return out


# -------------------------------------------------------------------------------------------- scoring

def score_mentions(art: LabelledArticle, sysout: SystemOutput) -> dict[str, PRF]:
    """Mention-level P/R per type (and ``ALL``, type-blind): a system mention is right when it overlaps a
    labelled mention (one-to-one) and, for the typed scores, has the same type."""
    sys_m = [m for m in sysout.mentions if art.in_scope(m.span)]
    scores = {t: PRF() for t in (*TYPES, "ALL")}
    match = greedy_overlap([m.span for m in sys_m], [g.span for g in art.mentions])
    scores["ALL"] = PRF(len(match), len(sys_m) - len(match), len(art.mentions) - len(match))
    for t in TYPES:
        s_idx = [i for i, m in enumerate(sys_m) if m.type == t]
        g_idx = [j for j, g in enumerate(art.mentions) if g.type == t]
        typed = greedy_overlap([sys_m[i].span for i in s_idx], [art.mentions[j].span for j in g_idx])
        scores[t] = PRF(len(typed), len(s_idx) - len(typed), len(g_idx) - len(typed))
    return scores


def _entity_match(art: LabelledArticle, name: str, typ: str, aliases: dict[str, set[str]]) -> str | None:
    """The labelled entity of type ``typ`` that system actor ``name`` stands for, or None."""
    for ent, etyp in art.entities.items():
        if etyp == typ and names_match(name, art.names_of(ent, aliases), typ == "PER"):
            return ent
    return None


@dataclass
class DocPR:
    """Document-level counts: labelled entities found / labelled entities (recall) and system actors that
    are labelled entities / system actors (precision). Two system actors for one entity both count as
    right and the entity once as found: merging is not scored here."""

    found: int = 0
    gold: int = 0
    right: int = 0
    system: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.system if self.system else float("nan")

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else float("nan")

    def add(self, other: DocPR) -> None:
        self.found += other.found
        self.gold += other.gold
        self.right += other.right
        self.system += other.system


def score_documents(art: LabelledArticle, sysout: SystemOutput, aliases: dict[str, set[str]]) -> dict[str, DocPR]:
    """Document-level P/R per type: is each labelled entity found (by name, with its type) among the actors
    the system mentions in the labelled paragraphs, and is each such actor a labelled entity?"""
    found = {(m.actor, m.type) for m in sysout.mentions if art.in_scope(m.span)}
    scores = {t: DocPR() for t in TYPES}
    hit: set[str] = set()
    for name, typ in sorted(found):
        if typ not in TYPES:
            continue
        scores[typ].system += 1
        ent = _entity_match(art, name, typ, aliases)
        if ent is not None:
            hit.add(ent)
            scores[typ].right += 1
    for ent, typ in art.entities.items():
        scores[typ].gold += 1
        scores[typ].found += ent in hit
    return scores


def main_entity_hits(art: LabelledArticle, sysout: SystemOutput, aliases: dict[str, set[str]],
                     k: int = 3) -> tuple[int, int]:
    """(labelled main entities among the system's top-``k`` actors by prominence, labelled main entities)."""
    top = sorted(sysout.actors, key=lambda a: (-a.prominence, a.name))[:k]
    hits = 0
    for ent in art.main:
        names, typ = art.names_of(ent, aliases), art.entities[ent]
        if any(names_match(a.name, names, typ == "PER") for a in top):
            hits += 1
    return hits, len(art.main)


def _contains_words(text: str, name: str) -> bool:
    """Does ``text`` contain ``name`` (two or more words) as whole words?"""
    return len(name.split()) >= 2 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def speaker_correct(gold: GoldQuote, found: SysQuote | None, art: LabelledArticle,
                    aliases: dict[str, set[str]]) -> bool:
    """Is the detected speaker of a labelled quote right? A missed quote is wrong.

    named: the system speaker (or its surface) matches the entity's names, or contains its full canonical
    name of two or more words ("Sri Lanka Cricket's Chief Executive Ashley de Silva"); description: the
    description's head noun (last word, plural s ignored) occurs in the system speaker or its surface;
    none: the system gives no speaker.
    """
    if found is None:
        return False
    if gold.speaker_kind == "none":
        return not found.speaker.strip()
    if gold.speaker_kind == "named":
        names = art.names_of(gold.speaker or "", aliases)
        is_person = art.entities.get(gold.speaker or "") == "PER"
        full = normalise_name(gold.speaker or "")
        return any(names_match(x, names, is_person) or _contains_words(normalise_name(x), full)
                   for x in (found.speaker, found.speaker_surface) if x)
    head = (gold.speaker or "").lower().split()[-1].rstrip("s")
    said = f"{found.speaker} {found.speaker_surface}".lower()
    return bool(head) and re.search(rf"\b{re.escape(head)}", said) is not None


def best_overlap(span: Span, candidates: list[Span]) -> int | None:
    """Index of the candidate overlapping ``span`` most (the first on ties), or None."""
    best, best_len = None, 0
    for i, c in enumerate(candidates):
        if span.overlap(c) > best_len:
            best, best_len = i, span.overlap(c)
    return best


def score_quotes(art: LabelledArticle, sysout: SystemOutput, aliases: dict[str, set[str]]) -> tuple[int, int, int]:
    """(labelled quotes, of them detected, of them with the right speaker).

    Each labelled quote takes the system quote that overlaps it most; one system quote may serve two
    labelled ones (two quotation-mark pairs the system read as one quote keep their speaker)."""
    sys_q = [q for q in sysout.quotes if art.in_scope(q.span)]
    found = [best_overlap(g.span, [q.span for q in sys_q]) for g in art.quotes]
    detected = sum(i is not None for i in found)
    right = sum(speaker_correct(g, sys_q[i] if i is not None else None, art, aliases)
                for g, i in zip(art.quotes, found, strict=True))
    return len(art.quotes), detected, right


def score_claims(art: LabelledArticle, sysout: SystemOutput) -> tuple[PRF, dict[str, int]]:
    """Claim P/R (span overlap with a labelled claim; every other system claim is a false positive) and
    the labelled non-claims the system took for claims, by reason."""
    sys_c = [c for c in sysout.claims if art.in_scope(c)]
    claims = [n for n in art.numbers if n.claim]
    match = greedy_overlap(sys_c, [n.span for n in claims])
    prf = PRF(len(match), len(sys_c) - len(match), len(claims) - len(match))
    wrong: dict[str, int] = defaultdict(int)
    for c in sys_c:
        for n in art.numbers:
            if not n.claim and c.overlap(n.span) > 0:
                wrong[n.why] += 1
    return prf, dict(wrong)


# -------------------------------------------------------------------------------------------- details

def details(art: LabelledArticle, out: SystemOutput, aliases: dict[str, set[str]]) -> list[str]:
    """Disagreements in one article, one line each: missed/wrongly typed/extra mentions, main entities not
    among the top 3 actors (with the top 5 and their prominence), quotes whose
    speaker is wrong or that were missed, claims missed or extra (for error analysis, not for scores)."""
    lines = [f"## {art.path.stem} ({art.outlet})"]
    # a main-only fixture labels no other mention: its mentions are not compared
    sys_m = [m for m in out.mentions if art.in_scope(m.span)] if art.scope != "main" else []
    match = greedy_overlap([m.span for m in sys_m], [g.span for g in art.mentions])
    found = {j: sys_m[i] for i, j in match.items()}
    for j, g in enumerate(art.mentions if art.scope != "main" else []):
        m = found.get(j)
        if m is None:
            lines.append(f"  missed {g.type} {g.surface!r} (p{g.paragraph})")
        elif m.type != g.type:
            lines.append(f"  type   {g.surface!r}: {g.type} labelled, {m.type} found (actor {m.actor!r})")
    for i, m in enumerate(sys_m):
        if i not in match:
            lines.append(f"  extra  {m.type} {art.text[m.span.start:m.span.end]!r} -> {m.actor!r}")
    top = sorted(out.actors, key=lambda a: (-a.prominence, a.name))
    for ent in art.main:
        names, typ = art.names_of(ent, aliases), art.entities[ent]
        if not any(names_match(a.name, names, typ == "PER") for a in top[:3]):
            ranked = ", ".join(f"{a.name} {a.type} {a.prominence:.3g}" for a in top[:5])
            lines.append(f"  main   {ent!r} not in the top 3 (top 5: {ranked})")
    sys_q = [q for q in out.quotes if art.in_scope(q.span)]
    for g in art.quotes:
        i = best_overlap(g.span, [q.span for q in sys_q])
        q = sys_q[i] if i is not None else None
        if not speaker_correct(g, q, art, aliases):
            said = "not detected" if q is None else f"got {q.speaker!r} ({q.speaker_surface!r}, {q.kind})"
            lines.append(f"  quote  p{g.paragraph} {g.excerpt[:40]!r}: {g.speaker!r} labelled, {said}")
    sys_c = [c for c in out.claims if art.in_scope(c)]
    claims = [n for n in art.numbers if n.claim]
    cmatch = greedy_overlap(sys_c, [n.span for n in claims])
    hit = set(cmatch.values())
    lines += [f"  claim missed {n.surface!r}" for j, n in enumerate(claims) if j not in hit]
    lines += [f"  claim extra  {art.text[c.start:c.end]!r}" for i, c in enumerate(sys_c) if i not in cmatch]
    return lines


# -------------------------------------------------------------------------------------------- report

def wilson_interval(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion k/n (Wilson, 1927, JASA 22:209-212):
    (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n); NaN for n = 0."""
    if n == 0:
        return float("nan"), float("nan")
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return centre - half, centre + half


def _f(x: float) -> str:
    return "—" if x != x else f"{x:.2f}"


def speaker_counts(articles: list[LabelledArticle], outputs: dict[str, SystemOutput],
                   aliases: dict[str, set[str]]) -> dict[str, list[int]]:
    """Outlet group -> [articles, labelled quotes, detected, right speaker], over the articles labelled for quotes."""
    by_outlet: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for art in (a for a in articles if a.scope not in ("entities", "main")):
        q, d, r = score_quotes(art, outputs[art.path.stem], aliases)
        row = by_outlet[art.outlet_group]
        for k, v in enumerate((1, q, d, r)):
            row[k] += v
    return by_outlet


def speaker_table(by_outlet: dict[str, list[int]], n_articles: int) -> list[str]:
    """The "Quote speakers by outlet" section (Markdown lines), with the largest gap between two outlets."""
    lines = ["### Quote speakers by outlet", "",
             "| outlet | articles | labelled quotes | detected | right speaker | speaker accuracy | 95% interval |",
             "|---|---|---|---|---|---|---|"]
    acc = {}
    for outlet, (n_a, q, d, r) in sorted(by_outlet.items()):
        value = r / q if q else float("nan")
        if q >= MIN_QUOTES_FOR_GAP:
            acc[outlet] = value
        low, high = wilson_interval(r, q)
        lines.append(f"| {outlet} | {n_a} | {q} | {d} | {r} | {_f(value)} | {_f(low)}–{_f(high)} |")
    tot_q = sum(v[1] for v in by_outlet.values())
    tot_r = sum(v[3] for v in by_outlet.values())
    low, high = wilson_interval(tot_r, tot_q)
    lines.append(f"| all | {n_articles} | {tot_q} | {sum(v[2] for v in by_outlet.values())} | {tot_r} | "
                 f"{_f(tot_r / tot_q if tot_q else float('nan'))} | {_f(low)}–{_f(high)} |")
    gap = max(acc.values()) - min(acc.values()) if len(acc) >= 2 else float("nan")
    return [*lines, "", f"Largest speaker-accuracy gap between two outlets with at least {MIN_QUOTES_FOR_GAP} "
                        f"labelled quotes: {_f(gap)}"]


def report(articles: list[LabelledArticle], outputs: dict[str, SystemOutput],
           aliases: dict[str, set[str]]) -> str:
    """The benchmark tables as Markdown."""
    mention = {t: PRF() for t in (*TYPES, "ALL")}
    doc = {t: DocPR() for t in TYPES}
    claims = PRF()
    wrong: dict[str, int] = defaultdict(int)
    main_hits = main_total = 0
    by_outlet = speaker_counts(articles, outputs, aliases)
    unmapped = self_named = 0
    for art in articles:
        out = outputs[art.path.stem]
        unmapped += out.unmapped
        if art.scope != "quotes":
            if art.scope != "main":  # a main-only fixture labels no other entity: its mentions are not scored
                for t, s in score_mentions(art, out).items():
                    mention[t].add(s)
                for t, s in score_documents(art, out, aliases).items():
                    doc[t].add(s)
            h, n = main_entity_hits(art, out, aliases)
            main_hits, main_total = main_hits + h, main_total + n
            self_named += sum(1 for ent, typ in art.entities.items() if typ == "ORG" and any(
                names_match(f, art.names_of(ent, aliases), False) for f in out.flagged))
        if art.scope != "all":
            continue
        c, w = score_claims(art, out)
        claims.add(c)
        for k, v in w.items():
            wrong[k] += v
    n_outlets = len({a.outlet_group for a in articles})
    n_full = sum(a.scope == "all" for a in articles)
    n_quoted = sum(a.scope not in ("entities", "main") for a in articles)
    n_named = sum(a.scope not in ("quotes", "main") for a in articles)
    n_main = sum(a.scope != "quotes" for a in articles)
    lines = [f"Devset: {len(articles)} articles, {n_outlets} outlet groups, "
             f"{sum(len(a.mentions) for a in articles if a.scope != 'quotes')} entity mentions, "
             f"{sum(len(a.quotes) for a in articles)} "
             f"quotes, {sum(n.claim for a in articles for n in a.numbers)} claims and "
             f"{sum(not n.claim for a in articles for n in a.numbers)} labelled non-claims.", "",
             *([f"Entities and main entities: scored on the {n_named} articles labelled for them.", ""]
               if n_named == n_main < len(articles) else []),
             *([f"Entities: scored on the {n_named} articles labelled for them; main entities on {n_main}.", ""]
               if n_named < n_main else []),
             "### Entities", "",
             "| type | mention P | mention R | mention F1 | gold mentions | document P | document R | gold entities |",
             "|---|---|---|---|---|---|---|---|"]
    if n_main and not n_named and not n_quoted:  # main entities only (scope: main): no other table
        return "\n".join([*lines[:2], f"Main entities only (scope: main), {n_main} articles.", "",
                          f"Main entities among each article's top 3 actors by prominence: {main_hits}/{main_total} = "
                          f"{_f(main_hits / main_total if main_total else float('nan'))}"]) + "\n"
    for t in TYPES:
        m, d = mention[t], doc[t]
        lines.append(f"| {t} | {_f(m.precision)} | {_f(m.recall)} | {_f(m.f1)} | {m.tp + m.fn} | "
                     f"{_f(d.precision)} | {_f(d.recall)} | {d.gold} |")
    a = mention["ALL"]
    lines += [f"| any type | {_f(a.precision)} | {_f(a.recall)} | {_f(a.f1)} | {a.tp + a.fn} | | | |", "",
              f"Main entities among each article's top 3 actors by prominence: {main_hits}/{main_total} = "
              f"{_f(main_hits / main_total if main_total else float('nan'))}", ""]
    if self_named:  # found and typed, but not counted by design (docs/entities.md, "The outlet's own name")
        org = doc["ORG"]
        lines += [f"Outlets naming themselves (recognised, flagged and not counted by design): {self_named} labelled "
                  f"ORG entities; ORG document recall counting them as found: "
                  f"{_f((org.found + self_named) / org.gold)}", ""]
    if not n_quoted:
        lines.append("Quotes and numeric claims are not labelled in these articles (scope: entities).")
        return "\n".join(lines) + "\n"
    if n_quoted < len(articles):
        lines += [f"Quotes: scored on the {n_quoted} articles labelled for them.", ""]
    lines += [*speaker_table(by_outlet, n_quoted), ""]
    if not n_full:
        lines.append("Numeric claims are not labelled in these articles.")
        return "\n".join(lines) + "\n"
    if n_full < len(articles):
        lines += [f"Numeric claims: scored on the {n_full} articles labelled for them.", ""]
    lines += ["### Numeric claims", "",
              "| precision | recall | F1 | labelled claims | system claims |", "|---|---|---|---|---|",
              f"| {_f(claims.precision)} | {_f(claims.recall)} | {_f(claims.f1)} | {claims.tp + claims.fn} | "
              f"{claims.tp + claims.fp} |", ""]
    if wrong:
        lines.append("Labelled non-claims taken for claims: " +
                     ", ".join(f"{k} {v}" for k, v in sorted(wrong.items())) + ".")
    if unmapped:
        lines.append(f"System spans that could not be mapped back to the raw text (left out): {unmapped}.")
    return "\n".join(lines) + "\n"


HEADER = """# Entities, speakers and numeric claims on the hand-labelled devset

Labels: `tests/fixtures/devset/` (guidelines in its README). Matching rules: the docstring of
`benchmarks/bench_entities.py`. Each section below was written by the command given under it; a run
with `--code DIR` measures an older `analysis/` exported with `git archive COMMIT analysis | tar -x -C DIR`.
`--details` lists every disagreement per article.
"""


def split_folders(split: str) -> list[Path]:
    """The fixture folders of a split: the devset, the two held-out sets (entities; quotes and speakers), or
    the round-4, -6, -7, -8, -11, -12, -13, -15 and -18 speaker development samples (``r4``, ``s6``-``s13``), the
    round-5, -13 and -14 entity samples (``e5``, ``e6``, ``e7``) or the round-7 and -18 main-entity samples
    (``m7``, ``m18``)."""
    if split == "heldout":
        return [DEVSET / "heldout", HELDOUT_SPEAKERS]
    if split == "e5":
        return [DEVSET / "e5"]
    if split == "e6":
        return [DEVSET / "e6"]
    if split == "e7":
        return [DEVSET / "e7"]
    if split == "m7":
        return [DEVSET / "m7"]
    if split == "m18":
        return [DEVSET / "m18"]
    if split == "s6":
        return [S6_SPEAKERS]
    if split == "s7":
        return [S7_SPEAKERS]
    if split == "s8":
        return [S8_SPEAKERS]
    if split == "s9":
        return [S9_SPEAKERS]
    if split == "s10":
        return [S10_SPEAKERS]
    if split == "s11":
        return [S11_SPEAKERS]
    if split == "s12":
        return [S12_SPEAKERS]
    if split == "s13":
        return [S13_SPEAKERS]
    return [R4_SPEAKERS] if split == "r4" else [DEVSET]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--devset", type=Path, default=None, help="fixture folder (default: the --split's)")
    ap.add_argument("--split", choices=("dev", "heldout", "r4", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13",
                                        "e5", "e6", "e7", "m7", "m18"),
                    default="dev",
                    help="dev: tests/fixtures/devset (rules are developed on it); heldout: its heldout/ folder "
                         "(entities) and tests/fixtures/devset_heldout_speakers (quotes), measured only before and "
                         "after a round of rule changes, never read for errors; r4: tests/fixtures/devset_speakers_r4 "
                         "(quotes and speakers of wire and British house styles, a development sample); s6: "
                         "tests/fixtures/devset_speakers_s6 (a second such sample: Reuters and Guardian roundups, "
                         "BBC, Daily Mail; labelled before the round-6 speaker rules); s7: "
                         "tests/fixtures/devset_speakers_s7 (a third: Reuters roundups, AP wire copy, NYT roundups, "
                         "SFGate; labelled before the round-7 rules); s8: tests/fixtures/devset_speakers_s8 (a "
                         "fourth: AP Fact Check, Washington Post, CNN, Reuters and NYT roundups, HuffPost; labelled "
                         "before the round-8 rules); s9: tests/fixtures/devset_speakers_s9 (a fifth: Daily Mail, "
                         "BBC and The Independent roundups, Independent Journal Review; labelled before the "
                         "round-11 rules); s10: tests/fixtures/devset_speakers_s10 (a sixth: AP roundups, Daily "
                         "Mail, Business Insider, BuzzFeed News, Daily Beast, Slate, Yahoo News; labelled before the "
                         "round-12 rules); s11: tests/fixtures/devset_speakers_s11 (a seventh: Fox News articles "
                         "and roundups, NYT roundups, ThinkProgress, Daily Beast, Raw Story; labelled before the "
                         "round-13 rules); s12: tests/fixtures/devset_speakers_s12 (an eighth: AP and AFP "
                         "wire copy run by other outlets, CNN, Daily Mail, BBC and Independent roundups, Mother "
                         "Jones; labelled before the round-15 rules); s13: "
                         "tests/fixtures/devset_speakers_s13 (a ninth: Reuters and AP wire copy run by other "
                         "outlets, Al Jazeera, Daily Sabah, CNN articles and roundups, ABC News; labelled before "
                         "the round-18 rules); e5: tests/fixtures/devset/e5 (entities of 12 "
                         "roundup excerpts from outlets the devset lacks, "
                         "labelled before the round-5 entity rules); e6: tests/fixtures/devset/e6 (entities of 13 "
                         "roundup excerpts and 2 articles' leads, wire, business, sport and world news, labelled "
                         "before the round-13 entity rules); e7: tests/fixtures/devset/e7 (entities of 11 roundup "
                         "excerpts and 5 articles' leads: places other than countries, sport, business and world "
                         "news, labelled before the round-14 entity rules); m7: tests/fixtures/devset/m7 (main "
                         "entities only of 20 Fox News, NYT, HuffPost, CNN, Reuters and AP articles, labelled "
                         "before the round-7 prominence rules); m18: tests/fixtures/devset/m18 (main entities only "
                         "of 30 articles of 19 outlet groups, half allsides articles and half roundup excerpts, "
                         "labelled before round 18's changes)")
    ap.add_argument("--corpora", type=Path, default=CORPORA)
    ap.add_argument("--code", type=Path, default=ROOT,
                    help="folder holding the analysis package to measure (default: this repository)")
    ap.add_argument("--out", type=Path, default=None, help="also write the Markdown here")
    ap.add_argument("--append", action="store_true", help="add a section to --out instead of rewriting it")
    ap.add_argument("--details", action="store_true", help="print every disagreement per article (stderr)")
    ap.add_argument("--only", default="", help="with --details: only fixture files whose name contains this")
    ap.add_argument("--label", default="run", help="the section heading (e.g. 'before: main at 7cbb973')")
    args = ap.parse_args(argv)
    if not all((args.corpora / s).is_file() for s in SOURCES):
        print(f"error: corpora not found in {args.corpora}", file=sys.stderr)
        return 2
    folders = [args.devset] if args.devset is not None else split_folders(args.split)
    try:
        articles = [a for folder in folders for a in load_devset(folder, args.corpora)]
    except DevsetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    aliases = {k: v for folder in folders for k, v in load_aliases(folder).items()}
    command = shlex.join(["python", "benchmarks/bench_entities.py", *(argv if argv is not None else sys.argv[1:])])
    try:
        outputs = system_output(articles, args.code)
    except DevsetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.details:
        for art in (a for a in articles if args.only in a.path.stem):
            print("\n".join(details(art, outputs[art.path.stem], aliases)), file=sys.stderr)
    text = f"## {args.label}\n\n`{command}`\n\n{report(articles, outputs, aliases)}"
    print(text)
    if args.out:
        if args.append and args.out.is_file():
            args.out.write_text(args.out.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")
        else:
            args.out.write_text(HEADER + "\n" + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
