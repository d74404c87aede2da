"""Rule-based actor recognition: listed actors by alias, other persons and organisations by rule.

No statistical NER model is used. Every mention says which rule found it, so a researcher can
check it against the sentence. The rules, in the order they claim tokens:

1. ``alias``: an alias of a listed actor (``lexicons/actors.yaml`` plus the user's actor file),
   matched case-sensitively on whole tokens; the longest alias wins, a possessive ('s) is allowed
   on its last word and a leading "the" is optional. A possessor inside an alias ("South Korea's"
   in "South Korea's intelligence agency") that is itself an alias of another actor is a mention
   of that actor too, so "COUNTRY's ORGAN" always counts the country. A place name (an actor's
   ``places``, e.g. "Pyongyang") right after a ``place_contexts`` entry ("a state visit to
   Pyongyang") is the place, not the actor: it is kept apart (:func:`find_place_uses`).
2. ``title``: capitalised words after a title or role ("Deputy Foreign Minister Andrey Rudenko",
   "leader Kim Jong Un"); ``reporting verb``: capitalised words next to a reporting verb
   ("…, Rudenko said", "said Lee Sung-jun"; the one-word forms of ``lexicons/reporting_verbs.yaml``
   or ``Settings.reporting_verbs_file``). A single capitalised word at the start of a sentence
   is never a name by this rule. ``organisation cue``: capitalised words ending in a cue word
   ("Supreme People's Assembly", "Ministry of Defense").
3. ``short form of X``: a short form (a listed actor's ``short_forms``, or the last word of a
   person's name found by rule 2) resolves to the person named in full in the same article; when
   several share it ("Kim"), to the one named most recently before it.

Demonyms ("North Korean", "Russian") are never mentions of the state: they modify nouns
("North Korean troops"). They only tell which state a titled person works for
("Russian Deputy Foreign Minister …") and resolve speaker phrases ("South Korean officials").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .lexicons import Lexicon, load_lexicon
from .lexicons.verbs import reporting_verb_forms
from .model import MediacompareError, ParsedArticle, Sentence, Token
from .segment import tokenize

if TYPE_CHECKING:  # importing metrics here at run time would be circular (metrics.entities imports us)
    from .metrics.base import Settings

KINDS = ("person", "organisation", "country", "other")
ACTOR_KEYS = frozenset({"name", "kind", "source_type", "aliases", "places", "short_forms", "demonyms", "same_as",
                        "merge"})
RULE_LISTS = ("person_titles", "reporting_verbs", "organisation_cues", "not_names", "place_contexts")
_CONNECTORS = frozenset({"of", "for", "and", "on"})
_MAX_NAME_TOKENS = 4


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor in the headline (sentence_index -1) or the body."""

    actor: str  # canonical display name
    kind: str  # person | organisation | country | other
    source_type: str  # from the actor file, "" if none
    sentence_index: int  # -1 = headline
    start: int  # char offsets in the body (in the headline for -1)
    end: int
    surface: str  # text as printed, e.g. "Pyongyang"
    rule: str  # "alias", "title", "reporting verb", "organisation cue", "short form of Vladimir Putin", ...


@dataclass
class ActorSpec:
    """A listed actor after the bundled and user files are combined."""

    name: str
    kind: str
    source_type: str = ""
    aliases: list[str] = field(default_factory=list)
    short_forms: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # place names (capitals) standing for the actor


@dataclass(frozen=True)
class ActorTable:
    """Listed actors and the detection rules, ready for matching."""

    actors: dict[str, ActorSpec]
    aliases: dict[tuple[str, ...], str]  # normalised alias tokens -> actor name
    short_forms: dict[str, tuple[str, ...]]  # short form -> actor names
    demonyms: dict[tuple[str, ...], str]  # normalised demonym tokens -> actor name
    titles: frozenset[tuple[str, ...]]  # lower-cased title tokens
    reporting_verbs: frozenset[str]
    organisation_cues: frozenset[str]
    not_names: frozenset[str]
    sources: tuple[str, ...]  # files combined, bundled first
    alias_index: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # first token -> aliases
    title_words: frozenset[str] = frozenset()  # lower-cased words of titles, never the first word of a name
    title_index: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # last word -> titles
    places: frozenset[tuple[str, ...]] = frozenset()  # alias keys that are place names ("Pyongyang")
    # alias key -> (tokens, actor) of each other listed actor named as its possessor ("South Korea's …")
    possessors: dict[tuple[str, ...], tuple[tuple[int, str], ...]] = field(default_factory=dict)
    place_contexts: tuple[tuple[str, ...], ...] = ()  # lower-cased words before a place name ("visit to")

    def get(self, name: str) -> ActorSpec | None:
        """The listed actor called ``name`` (display name), if any."""
        return self.actors.get(name)


@dataclass
class ActorAnalysis:
    """All actor mentions of one article plus the roles seen before person names."""

    mentions: list[ActorMention]
    roles: dict[str, list[tuple[str, str]]]  # person -> [(title in lower case, employing actor or "")]
    places: list[ActorMention] = field(default_factory=list)  # place names used as places: not mentions


# ---------------------------------------------------------------- loading the actor files


def _norm(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


def _alias_key(alias: str) -> tuple[str, ...]:
    toks = [_norm(t.text) for t in tokenize(alias)]
    if len(toks) > 1 and toks[0].lower() == "the":
        toks = toks[1:]
    return tuple(toks)


def _str_list(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise MediacompareError(f"{where}: '{key}' must be a list of non-empty strings")
    return [v.strip() for v in value]


def _apply_file(lex: Lexicon, actors: dict[str, ActorSpec], rules: dict[str, list[str]], user: bool) -> None:
    """Add the actors and rule lists of one file; later files override earlier ones."""
    entries = lex.data.get("actors", [])
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        raise MediacompareError(f"{lex.path}: 'actors' must be a list of actor entries")
    for key in RULE_LISTS:
        rules[key].extend(_str_list(lex.data.get(key), lex.path, key))
    unknown_top = set(lex.data) - {"actors", *RULE_LISTS}
    if unknown_top:
        raise MediacompareError(f"{lex.path}: unknown top-level key(s) {', '.join(sorted(unknown_top))}; "
                                f"expected actors, {', '.join(RULE_LISTS)}")
    seen_here: dict[tuple[str, ...], str] = {}
    for i, entry in enumerate(entries, start=1):
        label = f"{lex.path}: actors entry {i}"
        if not isinstance(entry, dict):
            raise MediacompareError(f"{label}: must be a mapping with at least a 'name'")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise MediacompareError(f"{label}: needs a non-empty 'name'")
        name = name.strip()
        label = f"{label} ({name!r})"
        unknown = set(entry) - ACTOR_KEYS
        if unknown:
            raise MediacompareError(f"{label}: unknown key(s) {', '.join(sorted(unknown))}; "
                                    f"allowed: {', '.join(sorted(ACTOR_KEYS))}")
        kind = entry.get("kind")
        if kind is not None and kind not in KINDS:
            raise MediacompareError(f"{label}: kind {kind!r} is not one of {', '.join(KINDS)}")
        source_type = entry.get("source_type")
        if source_type is not None and not isinstance(source_type, str):
            raise MediacompareError(f"{label}: source_type must be a string")
        aliases = _str_list(entry.get("aliases"), label, "aliases")
        short_forms = _str_list(entry.get("short_forms"), label, "short_forms")
        demonyms = _str_list(entry.get("demonyms"), label, "demonyms")
        places = _str_list(entry.get("places"), label, "places")
        merge = _str_list(entry.get("merge"), label, "merge")
        same_as = entry.get("same_as")
        if same_as is not None and (not isinstance(same_as, str) or same_as not in actors):
            raise MediacompareError(f"{label}: same_as {same_as!r} names no known actor")
        for alias in aliases + places:
            key = _alias_key(alias)
            if not key:
                raise MediacompareError(f"{label}: alias {alias!r} has no words")
            if key in seen_here and seen_here[key] != name:
                raise MediacompareError(f"{label}: alias {alias!r} is also listed for {seen_here[key]!r} "
                                        f"in the same file")
            seen_here[key] = name
        # an existing actor: renamed (same_as) or updated (same name); else a new actor
        old = same_as if isinstance(same_as, str) else name
        spec = actors.pop(old, None)
        if spec is None:
            if not user and kind is None:
                raise MediacompareError(f"{label}: needs a 'kind' ({', '.join(KINDS)})")
            spec = ActorSpec(name, kind or "other")
        spec.name = name
        if kind is not None:
            spec.kind = kind
        if source_type is not None:
            spec.source_type = source_type.strip()
        for other_name in merge:
            other = actors.pop(other_name, None)
            if other is None:
                raise MediacompareError(f"{label}: merge names no known actor {other_name!r}")
            spec.aliases += other.aliases
            spec.short_forms += other.short_forms
            spec.demonyms += other.demonyms
            spec.places += other.places
        if user:  # what a user lists for this actor is taken away from every other actor
            taken = {_alias_key(a) for a in aliases + places + demonyms}
            taken_short = set(short_forms)
            for other in actors.values():
                other.aliases = [a for a in other.aliases if _alias_key(a) not in taken]
                other.demonyms = [d for d in other.demonyms if _alias_key(d) not in taken]
                other.places = [p for p in other.places if _alias_key(p) not in taken]
                other.short_forms = [s for s in other.short_forms if s not in taken_short]
        spec.aliases += [a for a in aliases if a not in spec.aliases]
        spec.short_forms += [s for s in short_forms if s not in spec.short_forms]
        spec.demonyms += [d for d in demonyms if d not in spec.demonyms]
        spec.places += [p for p in places if p not in spec.places]
        actors[name] = spec


@lru_cache(maxsize=16)
def load_actor_table(actors_file: str | None = None, reporting_verbs_file: str | None = None) -> ActorTable:
    """The bundled actors (``lexicons/actors.yaml``) combined with an optional user file.

    User entries override bundled ones: an entry with a bundled actor's name adds to it and may
    change its kind or source_type; ``same_as: <name>`` renames that actor; ``merge: [names]``
    folds other actors into this one; an alias listed by the user is removed from every other
    actor. A malformed file raises :class:`MediacompareError` naming the file and entry.

    The reporting verbs of the "…, Rudenko said" rule are the one-word forms of
    ``reporting_verbs_file`` (the bundled ``reporting_verbs.yaml`` when ``None``), plus any
    ``reporting_verbs`` list an actor file still carries (accepted for older user files).
    """
    actors: dict[str, ActorSpec] = {}
    rules: dict[str, list[str]] = {k: [] for k in RULE_LISTS}
    files = [load_lexicon("actors.yaml")]
    _apply_file(files[0], actors, rules, user=False)
    if actors_file:
        if not Path(actors_file).is_file():
            raise MediacompareError(f"{actors_file}: actor file not found")
        files.append(load_lexicon(Path(actors_file)))
        _apply_file(files[1], actors, rules, user=True)
    aliases: dict[tuple[str, ...], str] = {}
    demonyms: dict[tuple[str, ...], str] = {}
    shorts: dict[str, list[str]] = {}
    for spec in actors.values():
        for a in spec.aliases + spec.places:
            aliases.setdefault(_alias_key(a), spec.name)
        for d in spec.demonyms:
            demonyms.setdefault(_alias_key(d), spec.name)
        for s in spec.short_forms:
            shorts.setdefault(_norm(s), []).append(spec.name)
    not_names = {_norm(w).rstrip(".") for w in rules["not_names"]}
    not_names |= {tok for key in demonyms for tok in key}
    places = frozenset(k for spec in actors.values() for p in spec.places
                       if aliases.get(k := _alias_key(p)) == spec.name)
    titles = frozenset(tuple(t.lower() for t in _alias_key(t)) for t in rules["person_titles"])
    return ActorTable(
        actors=actors,
        aliases=aliases,
        short_forms={k: tuple(v) for k, v in shorts.items()},
        demonyms=demonyms,
        titles=titles,
        reporting_verbs=reporting_verb_forms(reporting_verbs_file) | {v.lower() for v in rules["reporting_verbs"]},
        organisation_cues=frozenset(rules["organisation_cues"]),
        not_names=frozenset(not_names),
        sources=tuple(f.path for f in files),
        alias_index=_build_index(aliases, lower=False),
        title_words=frozenset(w.lower() for t in rules["person_titles"] for w in _alias_key(t)
                              if w[:1].isalpha() and w.lower() not in {"of", "the"}),
        title_index=_build_index([key[::-1] for key in titles], lower=False),
        places=places,
        possessors=_possessors(aliases),
        place_contexts=tuple(dict.fromkeys(tuple(_norm(t.text).lower() for t in tokenize(c))
                                           for c in rules["place_contexts"])),
    )


def _possessors(aliases: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], tuple[tuple[int, str], ...]]:
    """For each alias "X's Y" whose X (possessive stripped) is an alias of another actor: (len(X), that actor)."""
    out: dict[tuple[str, ...], tuple[tuple[int, str], ...]] = {}
    for key, name in aliases.items():
        found = []
        for p in range(len(key) - 1):
            head = (*key[:p], _strip_possessive(key[p]))
            if head[-1] != key[p] and aliases.get(head, name) != name:
                found.append((p + 1, aliases[head]))
        if found:
            out[key] = tuple(found)
    return out


def actor_table(settings: Settings) -> ActorTable:
    """The actor table for ``settings`` (bundled plus ``settings.actors_file``; reporting verbs from
    ``settings.reporting_verbs_file``), cached."""
    verbs = getattr(settings, "reporting_verbs_file", None)
    return load_actor_table(str(settings.actors_file) if settings.actors_file else None,
                            str(verbs) if verbs else None)


# ---------------------------------------------------------------- matching helpers


def _strip_possessive(text: str) -> str:
    t = _norm(text)
    if t.endswith("'s"):
        return t[:-2]
    if t.endswith("'"):
        return t[:-1]
    return t


def _match_seq(tokens: tuple[Token, ...], i: int, key: tuple[str, ...], lower: bool = False) -> bool:
    """Does ``key`` match the tokens from ``i``? The last token may carry a possessive."""
    if i + len(key) > len(tokens):
        return False
    for j, want in enumerate(key):
        got = _norm(tokens[i + j].text)
        if lower:
            got, want = got.lower(), want.lower()
        if got != want and not (j == len(key) - 1 and _strip_possessive(got) == want):
            return False
    return True


def _build_index(keys: Any, lower: bool) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for key in keys:
        out.setdefault(key[0].lower() if lower else key[0], []).append(key)
    return {k: tuple(v) for k, v in out.items()}


def _longest(tokens: tuple[Token, ...], i: int, index: dict[str, tuple[tuple[str, ...], ...]],
             lower: bool = False) -> tuple[str, ...] | None:
    """The longest key of ``index`` that matches the tokens from ``i``."""
    first = _norm(tokens[i].text)
    if lower:
        first = first.lower()
    keys = index.get(first, ())
    stripped = _strip_possessive(first)
    if stripped != first:
        keys = keys + index.get(stripped, ())
    best: tuple[str, ...] | None = None
    for key in keys:
        if (best is None or len(key) > len(best)) and _match_seq(tokens, i, key, lower):
            best = key
    return best


def _possessive(tok: Token) -> bool:
    return _strip_possessive(tok.text) != _norm(tok.text)


def _is_cap(tok: Token) -> bool:
    return tok.kind == "word" and tok.text[:1].isupper()


def _span_text(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[start - sentence.start:end - sentence.start]


def _sentences(doc: ParsedArticle) -> list[Sentence]:
    return ([doc.headline] if doc.headline is not None else []) + list(doc.sentences)


# ---------------------------------------------------------------- detection


@dataclass
class _Found:
    sentence: Sentence
    first: int  # token indices [first, last)
    last: int
    name: str  # actor name, or the candidate name for rule-found persons/organisations
    kind: str
    rule: str
    listed: bool


def _name_run(tokens: tuple[Token, ...], i: int, taken: list[bool], table: ActorTable) -> int:
    """End index of a capitalised name starting at ``i`` (``i`` when there is none)."""
    if tokens[i].lower in table.title_words:
        return i  # "Foreign Minister said", "Secretary General Antonio Guterres"
    j = i
    while j < len(tokens) and j - i < _MAX_NAME_TOKENS and not taken[j] and _is_cap(tokens[j]):
        if _strip_possessive(tokens[j].text) in table.not_names:
            break
        possessive = _strip_possessive(tokens[j].text) != _norm(tokens[j].text)
        # an initial: "Vladimir V. Putin"
        if (len(tokens[j].text) == 1 and j + 1 < len(tokens) and tokens[j + 1].text == "."):
            j += 2
            continue
        j += 1
        if possessive:
            break
    return j


def _name_of(tokens: tuple[Token, ...], i: int, j: int) -> str:
    words = [_strip_possessive(t.text) for t in tokens[i:j] if t.kind == "word"]
    return " ".join(w + "." if len(w) == 1 else w for w in words)


def _place_context(toks: tuple[Token, ...], i: int, table: ActorTable) -> str:
    """The place context ("visit to", "in") ending right before token ``i``, "" if none."""
    for ctx in table.place_contexts:
        s = i - len(ctx)
        if s >= 0 and all(_norm(toks[s + j].text).lower() == w for j, w in enumerate(ctx)):
            return " ".join(ctx)
    return ""


def _find_listed(sentence: Sentence, taken: list[bool], table: ActorTable,
                 places: list[_Found] | None = None) -> list[_Found]:
    """Aliases of listed actors, longest first; a possessor inside a descriptive alias is a mention too.

    A place name (``places`` of an actor) right after a place context is the place, not the actor:
    its tokens are claimed and it goes to ``places`` (when given) instead of the result.
    """
    out: list[_Found] = []
    toks = sentence.tokens
    i = 0
    while i < len(toks):
        key = _longest(toks, i, table.alias_index) if toks[i].kind != "punct" else None
        if key is not None and not _possessive(toks[i + len(key) - 1]) and \
                _org_end(toks, i, taken, table) > i + len(key):
            key = None  # "Seoul National University", "Washington Post": part of an organisation's name
        if key is not None and not any(taken[i:i + len(key)]):
            name = table.aliases[key]
            context = _place_context(toks, i, table) if key in table.places else ""
            if context:  # "a state visit to Pyongyang": the city
                if places is not None:
                    places.append(_Found(sentence, i, i + len(key), name, "place", f"place after '{context}'",
                                         True))
            else:
                for n, owner in table.possessors.get(key, ()):  # "South Korea's intelligence agency"
                    out.append(_Found(sentence, i, i + n, owner, table.actors[owner].kind,
                                      f"alias; possessor in an alias of {name}", True))
                out.append(_Found(sentence, i, i + len(key), name, table.actors[name].kind, "alias", True))
            for k in range(i, i + len(key)):
                taken[k] = True
            i += len(key)
        else:
            i += 1
    return out


def _title_before(toks: tuple[Token, ...], i: int, table: ActorTable) -> tuple[int, str]:
    """Start index and text (lower case) of the longest title ending right before token ``i``."""
    best = (i, "")
    if i == 0:
        return best
    last = _norm(toks[i - 1].text).lower()
    keys = table.title_index.get(last, ())
    stripped = _strip_possessive(last)
    if stripped != last:
        keys = keys + table.title_index.get(stripped, ())
    for rev in keys:  # only the titles whose last word is the token before i
        key = rev[::-1]
        s = i - len(key)
        if s >= 0 and s < best[0] and _match_seq(toks, s, key, lower=True):
            best = (s, " ".join(key).replace(" .", "."))
    return best


def _employer_before(toks: tuple[Token, ...], i: int, table: ActorTable) -> str:
    """The actor whose demonym or possessive alias ends right before token ``i`` ("Russian", "Russia's")."""
    for length in range(min(i, 4), 0, -1):
        key = tuple(_norm(t.text) for t in toks[i - length:i])
        if key in table.demonyms:
            return table.demonyms[key]
        if _norm(toks[i - 1].text).endswith("'s"):
            k2 = (*key[:-1], _strip_possessive(key[-1]))
            if k2 in table.aliases:
                return table.aliases[k2]
    return ""


def _org_end(toks: tuple[Token, ...], i: int, taken: list[bool], table: ActorTable) -> int:
    """End of an organisation name starting at ``i``, ``i`` when there is none.

    A run of capitalised words (joined by of/for/and/on) whose last word is a cue word
    ("Supreme People's Assembly"), or with the cue followed by of/for ("Ministry of Defense").
    At least two words.
    """
    n = len(toks)
    if taken[i] or not _is_cap(toks[i]) or _strip_possessive(toks[i].text) in table.not_names:
        return i
    j = i
    while j < n and not taken[j] and (
        _is_cap(toks[j]) or (toks[j].lower in _CONNECTORS and j + 1 < n and _is_cap(toks[j + 1])
                             and not taken[j + 1] and j > i)):
        j += 1
        last = _strip_possessive(toks[j - 1].text)
        if last != _norm(toks[j - 1].text) and j - 1 > i and last in table.organisation_cues:
            break  # "… Ministry's" ends the name
    cues = [k for k in range(i, j) if _strip_possessive(toks[k].text) in table.organisation_cues]
    if not cues:
        return i
    c = cues[-1]
    end = j if (c == j - 1 or toks[c + 1].lower in {"of", "for"}) else c + 1
    return end if end - i >= 2 else i


def _find_by_rule(sentence: Sentence, taken: list[bool], table: ActorTable) -> list[_Found]:
    out: list[_Found] = []
    toks = sentence.tokens
    n = len(toks)
    first_word = next((k for k, t in enumerate(toks) if t.kind != "punct"), 0)

    def claim(i: int, j: int, name: str, kind: str, rule: str) -> None:
        out.append(_Found(sentence, i, j, name, kind, rule, False))
        for k in range(i, j):
            taken[k] = True

    # persons after a title
    for i in range(n):
        if taken[i] or not _is_cap(toks[i]):
            continue
        t_start, title = _title_before(toks, i, table)
        if not title or any(taken[t_start:i]):
            continue
        j = _name_run(toks, i, taken, table)
        if j > i:
            claim(i, j, _name_of(toks, i, j), "person", "title")
    # persons next to a reporting verb
    for i in range(n):
        if taken[i] or not _is_cap(toks[i]):
            continue
        if i > 0 and _is_cap(toks[i - 1]) and not taken[i - 1]:
            continue  # not the start of a run
        j = _name_run(toks, i, taken, table)
        if j == i:
            continue
        verb_after = j < n and toks[j].lower in table.reporting_verbs
        verb_before = i > 0 and toks[i - 1].lower in table.reporting_verbs and (j == n or toks[j].kind == "punct")
        single_initial = (j - i == 1) and i == first_word
        if (verb_after or verb_before) and not single_initial:
            claim(i, j, _name_of(toks, i, j), "person", "reporting verb")
    # organisations by cue word
    i = 0
    while i < n:
        end = _org_end(toks, i, taken, table)
        if end > i:
            claim(i, end, _name_of(toks, i, end), "organisation", "organisation cue")
            i = end
        else:
            i += 1
    return out


def _resolve_rule_found(found: list[_Found], table: ActorTable) -> None:
    """Single-word rule-found persons that are a listed short form or a known surname join that actor."""
    full = {f.name.split()[-1]: f.name for f in found if f.kind == "person" and " " in f.name}
    for f in found:
        if f.kind != "person" or " " in f.name:
            continue
        listed = table.short_forms.get(f.name, ())
        if f.name in full:
            f.rule, f.name = f"{f.rule}; short form of {full[f.name]}", full[f.name]
        elif len(listed) == 1:
            f.rule, f.name, f.listed = f"{f.rule}; short form of {listed[0]}", listed[0], True
            f.kind = table.actors[listed[0]].kind
    for f in found:  # a rule-found full name that is a listed alias spelled differently stays as found
        key = tuple(f.name.split())
        if key in table.aliases:
            f.name, f.listed = table.aliases[key], True
            f.kind = table.actors[f.name].kind


def _order(f: _Found) -> tuple[int, int]:
    return (f.sentence.index, f.first)


def _find_short_forms(sentences: list[Sentence], taken: dict[int, list[bool]], found: list[_Found],
                      table: ActorTable) -> list[_Found]:
    named: dict[str, list[tuple[int, int]]] = {}  # actor -> order keys of its full mentions
    shorts: dict[str, set[str]] = {}
    for f in found:
        if f.kind != "person" or "short form" in f.rule:
            continue
        named.setdefault(f.name, []).append(_order(f))
        if not f.listed:
            shorts.setdefault(f.name.split()[-1], set()).add(f.name)
    for form, names in table.short_forms.items():
        for name in names:
            if name in named or any(g.name == name for g in found):
                shorts.setdefault(form, set()).add(name)
    out: list[_Found] = []
    for s in sentences:
        toks, tk = s.tokens, taken[s.index]
        for i, tok in enumerate(toks):
            if tk[i] or not _is_cap(tok):
                continue
            cands = shorts.get(_strip_possessive(tok.text))
            if not cands:
                continue
            if i + 1 < len(toks) and _is_cap(toks[i + 1]) and not tk[i + 1]:
                continue  # part of a longer, unknown name ("Kim Yong Chol")
            here = (s.index, i)
            before = [(max(k for k in named.get(c, [(-9, -9)]) if k < here), c) for c in cands
                      if any(k < here for k in named.get(c, []))]
            if before:
                name = max(before)[1]
            elif len(cands) == 1:
                name = next(iter(cands))
            else:
                continue
            kind = table.actors[name].kind if name in table.actors else "person"
            out.append(_Found(s, i, i + 1, name, kind, f"short form of {name}", name in table.actors))
            tk[i] = True
    return out


def _analyse(doc: ParsedArticle, table: ActorTable) -> ActorAnalysis:
    sentences = _sentences(doc)
    taken = {s.index: [False] * len(s.tokens) for s in sentences}
    found: list[_Found] = []
    places: list[_Found] = []
    for s in sentences:
        found += _find_listed(s, taken[s.index], table, places)
    for s in sentences:
        found += _find_by_rule(s, taken[s.index], table)
    _resolve_rule_found(found, table)
    found += _find_short_forms(sentences, taken, found, table)
    found.sort(key=_order)
    mentions: list[ActorMention] = []
    roles: dict[str, list[tuple[str, str]]] = {}
    for f in found:
        toks = f.sentence.tokens
        spec = table.actors.get(f.name)
        mentions.append(_mention(f, spec.kind if spec else f.kind, spec.source_type if spec else ""))
        if mentions[-1].kind == "person":
            t_start, title = _title_before(toks, f.first, table)
            if title:
                roles.setdefault(f.name, []).append((title, _employer_before(toks, t_start, table)))
    return ActorAnalysis(mentions, roles, [_mention(f, "place", "") for f in places])


def _mention(f: _Found, kind: str, source_type: str) -> ActorMention:
    toks = f.sentence.tokens
    start, end = toks[f.first].start, toks[f.last - 1].end
    return ActorMention(actor=f.name, kind=kind, source_type=source_type, sentence_index=f.sentence.index,
                        start=start, end=end, surface=_span_text(f.sentence, start, end), rule=f.rule)


def analyse_actors(doc: ParsedArticle, settings: Settings) -> ActorAnalysis:
    """Mentions and roles of every actor in ``doc``; computed once per article and actor file."""
    key = f"actors:{settings.actors_file or ''}|{getattr(settings, 'reporting_verbs_file', None) or ''}"
    if key not in doc.cache:
        doc.cache[key] = _analyse(doc, actor_table(settings))
    result: ActorAnalysis = doc.cache[key]
    return result


def find_actor_mentions(doc: ParsedArticle, settings: Settings) -> list[ActorMention]:
    """Every actor mention in the headline and body of ``doc``, in reading order (cached in ``doc.cache``)."""
    return list(analyse_actors(doc, settings).mentions)


def find_place_uses(doc: ParsedArticle, settings: Settings) -> list[ActorMention]:
    """Place names of actors used as places ("a state visit to Pyongyang"), in reading order; not mentions.

    ``actor`` is the actor the name stands for elsewhere, ``kind`` is "place" and ``rule`` names the
    place context ("place after 'visit to'").
    """
    return list(analyse_actors(doc, settings).places)


# ---------------------------------------------------------------- speaker phrases


def _located_tokens(doc: ParsedArticle, text: str, sentence_index: int, start: int) -> tuple[Token, ...] | None:
    """The tokens of sentence ``sentence_index`` that make up ``text`` at ``start``; ``None`` when the
    phrase is not there or a token crosses its edges."""
    if sentence_index == -1:
        sentence = doc.headline
    elif 0 <= sentence_index < len(doc.sentences):
        sentence = doc.sentences[sentence_index]
    else:
        return None
    end = start + len(text)
    if sentence is None or start < sentence.start or end > sentence.end or \
            _span_text(sentence, start, end) != text:
        return None
    if any(t.start < start < t.end or t.start < end < t.end for t in sentence.tokens):
        return None
    return tuple(t for t in sentence.tokens if start <= t.start and t.end <= end)


def resolve_actor(surface: str, doc: ParsedArticle, settings: Settings, *, sentence_index: int = -2,
                  start: int = 0) -> ActorMention | None:
    """The actor a speaker phrase refers to, or ``None``.

    ``surface`` is a phrase such as "Rudenko", "Deputy Foreign Minister Andrey Rudenko",
    "Russia's deputy foreign minister" or "South Korean officials". In order of preference:
    a person named in the phrase (in full, or by a short form of a person named in ``doc``);
    a person of ``doc`` whose title (and employer, if the phrase names one) matches the phrase's
    role words; a listed organisation, country or other actor named in the phrase; a country
    whose demonym the phrase uses. The returned mention has ``surface`` as given, ``start``/``end``
    shifted by ``start`` (pass the phrase's body offset and ``sentence_index`` to locate it;
    by default ``sentence_index`` is -2, "not located").

    When the phrase is located (it is the text of sentence ``sentence_index`` at ``start``, on token
    boundaries), the sentence's own tokens are used; otherwise the phrase is tokenized by the same
    tokenizer (:func:`analysis.segment.tokenize`). Either way the rules run on the phrase alone,
    because the article-level pass does not answer "who is this phrase": a role description
    ("Russia's deputy foreign minister") is no mention there, and here a person in the phrase wins
    over an organisation or country in it.
    """
    text = surface.strip()
    if not text:
        return None
    table = actor_table(settings)
    analysis = analyse_actors(doc, settings)
    located = _located_tokens(doc, text, sentence_index, start)
    toks = located if located is not None else tokenize(text, start)
    phrase = Sentence(sentence_index, -1, start, start + len(text), text, toks)

    def make(name: str, kind: str, rule: str, i: int = 0, j: int | None = None) -> ActorMention:
        spec = table.actors.get(name)
        j = len(toks) if j is None else j
        s, e = (toks[i].start, toks[j - 1].end) if toks else (start, start + len(text))
        return ActorMention(name, spec.kind if spec else kind, spec.source_type if spec else "", sentence_index,
                            s, e, text, rule)

    taken = [False] * len(toks)
    found = _find_listed(phrase, taken, table) + _find_by_rule(phrase, taken, table)
    persons_in_doc = {m.actor for m in analysis.mentions if m.kind == "person"}
    # a person named in full or by title
    for f in found:
        if f.kind == "person":
            name = f.name
            if " " not in name:
                full = [p for p in persons_in_doc if p.split()[-1] == name]
                name = full[0] if len(full) == 1 else name
            return make(name, "person", f.rule, f.first, f.last)
    # a short form of a person in this article
    for i, tok in enumerate(toks):
        if taken[i] or not _is_cap(tok):
            continue
        word = _strip_possessive(tok.text)
        cands = sorted(p for p in persons_in_doc if p.split()[-1] == word or word in
                       (table.actors[p].short_forms if p in table.actors else ()))
        if len(cands) == 1:
            return make(cands[0], "person", f"short form of {cands[0]}", i, i + 1)
    # a role held by a person of this article
    employer = next((f.name for f in found if f.kind == "country"), "")
    if not employer:
        for i in range(len(toks), 0, -1):
            employer = _employer_before(toks, i, table)
            if employer:
                break
    low = " ".join(_norm(t.text).lower() for t in toks)
    for person, roles in analysis.roles.items():
        for title, emp in roles:
            if (f" {title} " in f" {low} " or f" {title}s " in f" {low} ") and (not employer or not emp
                                                                                or emp == employer):
                return make(person, "person", f"role of {person}: {title}")
    # a listed organisation, then anything else listed
    for kind in ("organisation", "country", "other", "person"):
        for f in found:
            if f.kind == kind:
                return make(f.name, kind, f.rule, f.first, f.last)
    if employer:
        return make(employer, "country", f"demonym of {employer}")
    return None
