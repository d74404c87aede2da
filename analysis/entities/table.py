"""The actor table: gazetteer countries, the bundled actor file and a user actor file, combined.

Order of precedence (later wins): countries from the gazetteers (:mod:`.gazetteers`), the bundled
``lexicons/actors.yaml`` (aliases and metonyms that rules cannot know: "the Kremlin" → Russia,
"White House" → its own actor, part of the United States), then the user's file
(``Settings.actors_file`` / ``--actors``). The rule lists at the end of the actor files drive the
rule-based recogniser (:mod:`.rules`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..lexicons import Lexicon, bundled_path, load_lexicon
from ..lexicons.verbs import reporting_verb_forms
from ..model import MediacompareError
from ..segment import tokenize
from .gazetteers import gazetteer
from .tokens import build_index, norm, strip_possessive

if TYPE_CHECKING:  # importing metrics here at run time would be circular (metrics.entities imports us)
    from ..metrics.base import Settings

KINDS = ("person", "organisation", "country", "state", "city", "location", "other")
"""Actor kinds. NER types: person = PERSON, organisation = ORG, country / state (a state, province or county) /
city = GPE (a place as a polity), location = LOC (other places: continents, rivers, regions of the world),
other = MISC (documents, events)."""
NER_TYPES = {"person": "PERSON", "organisation": "ORG", "country": "GPE", "state": "GPE", "city": "GPE",
             "location": "LOC", "other": "MISC", "place": "GPE"}
ACTOR_KEYS = frozenset({"name", "kind", "source_type", "aliases", "places", "short_forms", "demonyms", "same_as",
                        "merge", "part_of"})
RULE_LISTS = ("person_titles", "reporting_verbs", "organisation_cues", "not_names", "place_contexts",
              "location_cues", "male_honorifics", "female_honorifics", "title_modifiers", "not_organisations",
              "name_particles", "standalone_organisations", "region_cues", "not_given_names", "locations",
              "nicknames", "thing_heads", "organisation_nouns", "party_words", "misc_heads")


@dataclass
class ActorSpec:
    """A listed actor after the gazetteers, the bundled and the user files are combined."""

    name: str
    kind: str
    source_type: str = ""
    aliases: list[str] = field(default_factory=list)
    short_forms: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # place names (capitals) standing for the actor
    part_of: str = ""  # the actor this one belongs to ("White House" -> "United States")


MEMO_SIZE = 100_000  # entries of one :meth:`ActorTable.memo` (forgotten all at once when full: memory stays flat)


@dataclass(frozen=True)
class ActorTable:
    """Listed actors and the detection rules, ready for matching."""

    actors: dict[str, ActorSpec]
    aliases: dict[tuple[str, ...], str]  # normalised alias tokens -> actor name (files only; claim tokens)
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
    title_starts: frozenset[str] = frozenset()  # first words of titles, lower-cased
    places: frozenset[tuple[str, ...]] = frozenset()  # alias keys that are place names ("Pyongyang")
    # alias key -> (tokens, actor) of each other listed actor named as its possessor ("South Korea's …")
    possessors: dict[tuple[str, ...], tuple[tuple[int, str], ...]] = field(default_factory=dict)
    place_contexts: tuple[tuple[str, ...], ...] = ()  # lower-cased words before a place name ("visit to")
    # whole-span names from the gazetteers (matched only on a whole candidate name, never inside one)
    span_names: dict[tuple[str, ...], str] = field(default_factory=dict)  # country name/spelling -> actor
    span_places: dict[tuple[str, ...], str] = field(default_factory=dict)  # capital -> country actor
    location_cues: frozenset[str] = frozenset()
    honorific_sex: dict[tuple[str, ...], str] = field(default_factory=dict)  # lower-cased title tokens -> m | f
    title_modifiers: frozenset[str] = frozenset()  # lower-cased words before a title ("former", "Democratic")
    not_organisations: frozenset[str] = frozenset()  # acronyms that are no organisation (GDP, COVID)
    name_particles: frozenset[str] = frozenset()  # lower-case words inside names ("de", "van", "bin")
    not_given_names: frozenset[str] = frozenset()  # given names of the gazetteer that start other names
    locations: frozenset[str] = frozenset()  # named regions of the world ("Middle East")
    nicknames: dict[str, str] = field(default_factory=dict)  # "Bob" -> "Robert"
    region_cues: frozenset[str] = frozenset()  # last words of a state's subdivision ("Jackson County")
    standalone_organisations: frozenset[str] = frozenset()  # cue words that name an organisation alone ("Congress")
    thing_heads: frozenset[str] = frozenset()  # lower-case nouns after a name that make it a thing's ("variant")
    organisation_nouns: frozenset[tuple[str, ...]] = frozenset()  # "NAME, a ... firm": NAME is an organisation
    party_words: frozenset[str] = frozenset()  # lower case: "democratic" in "a Democratic region" names no place
    misc_heads: frozenset[str] = frozenset()  # "Civil War", "Voting Rights Act": a name ending so is no actor

    def memo(self, name: str) -> dict[Any, Any]:
        """A dictionary named ``name`` for what the rules derive from this table alone (a word's test, a set of
        first words): made empty on first use, forgotten when it reaches :data:`MEMO_SIZE` entries."""
        memos = self.__dict__.setdefault("_memos", {})  # outside the fields: no part of equality or repr
        d = memos.get(name)
        if d is None or len(d) >= MEMO_SIZE:
            d = memos[name] = {}
        return d

    def get(self, name: str) -> ActorSpec | None:
        """The listed actor called ``name`` (display name), if any."""
        return self.actors.get(name)

    def sex_of_title(self, title: str) -> str:
        """"m" / "f" for a gendered honorific ("mr.", "mrs."; tokenized as the text is), else ""."""
        return self.honorific_sex.get(tuple(norm(t.text).lower() for t in tokenize(title)), "") if title else ""


def alias_key(alias: str) -> tuple[str, ...]:
    """Normalised tokens of an alias, without a leading "the"."""
    toks = [norm(t.text) for t in tokenize(alias)]
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
        part_of = entry.get("part_of")
        if part_of is not None and not isinstance(part_of, str):
            raise MediacompareError(f"{label}: part_of must be the name of an actor")
        aliases = _str_list(entry.get("aliases"), label, "aliases")
        short_forms = _str_list(entry.get("short_forms"), label, "short_forms")
        demonyms = _str_list(entry.get("demonyms"), label, "demonyms")
        places = _str_list(entry.get("places"), label, "places")
        merge = _str_list(entry.get("merge"), label, "merge")
        same_as = entry.get("same_as")
        if same_as is not None and (not isinstance(same_as, str) or same_as not in actors):
            raise MediacompareError(f"{label}: same_as {same_as!r} names no known actor")
        for alias in aliases + places:
            key = alias_key(alias)
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
        if part_of is not None:
            spec.part_of = part_of.strip()
        for other_name in merge:
            other = actors.pop(other_name, None)
            if other is None:
                raise MediacompareError(f"{label}: merge names no known actor {other_name!r}")
            spec.aliases += other.aliases
            spec.short_forms += other.short_forms
            spec.demonyms += other.demonyms
            spec.places += other.places
        if user:  # what a user lists for this actor is taken away from every other actor
            taken = {alias_key(a) for a in aliases + places + demonyms}
            taken_short = set(short_forms)
            for other in actors.values():
                other.aliases = [a for a in other.aliases if alias_key(a) not in taken]
                other.demonyms = [d for d in other.demonyms if alias_key(d) not in taken]
                other.places = [p for p in other.places if alias_key(p) not in taken]
                other.short_forms = [s for s in other.short_forms if s not in taken_short]
        spec.aliases += [a for a in aliases if a not in spec.aliases]
        spec.short_forms += [s for s in short_forms if s not in spec.short_forms]
        spec.demonyms += [d for d in demonyms if d not in spec.demonyms]
        spec.places += [p for p in places if p not in spec.places]
        actors[name] = spec


def _gazetteer_countries(actors: dict[str, ActorSpec]) -> tuple[dict[tuple[str, ...], str],
                                                                 dict[tuple[str, ...], str]]:
    """Every gazetteer country as an actor (kind country); its names and capital, matched on whole spans."""
    names: dict[tuple[str, ...], str] = {}
    capitals: dict[tuple[str, ...], str] = {}
    for c in gazetteer().countries:
        actors[c.name] = ActorSpec(c.name, "country", "government official", demonyms=list(c.demonyms))
        for n in (c.name, *c.aliases):
            names.setdefault(alias_key(n), c.name)
        if c.capital:
            capitals.setdefault(alias_key(c.capital), c.name)
    return names, capitals


@lru_cache(maxsize=16)
def load_actor_table(actors_file: str | None = None, reporting_verbs_file: str | None = None) -> ActorTable:
    """The gazetteer countries and bundled actors (``lexicons/actors.yaml``) combined with an optional user file.

    User entries override bundled ones: an entry with a bundled actor's name adds to it and may
    change its kind or source_type; ``same_as: <name>`` renames that actor; ``merge: [names]``
    folds other actors into this one; an alias listed by the user is removed from every other
    actor. A malformed file raises :class:`MediacompareError` naming the file and entry.

    The reporting verbs of the "…, Rudenko said" rule are the one-word forms of
    ``reporting_verbs_file`` (the bundled ``reporting_verbs.yaml`` when ``None``), plus any
    ``reporting_verbs`` list an actor file still carries (accepted for older user files).
    """
    actors: dict[str, ActorSpec] = {}
    span_names, span_places = _gazetteer_countries(actors)
    rules: dict[str, list[str]] = {k: [] for k in RULE_LISTS}
    files = [load_lexicon(bundled_path("actors.yaml"))]  # never a namesake in the working folder
    _apply_file(files[0], actors, rules, user=False)
    if actors_file:
        if not Path(actors_file).is_file():
            raise MediacompareError(f"{actors_file}: actor file not found")
        files.append(load_lexicon(Path(actors_file)))
        _apply_file(files[1], actors, rules, user=True)
    renamed = {}  # a gazetteer country renamed or merged by a file: its whole-span names follow it
    for spec in actors.values():
        for a in spec.aliases + spec.places:
            renamed[alias_key(a)] = spec.name
    span_names = {k: renamed.get(k, v) for k, v in span_names.items() if renamed.get(k, v) in actors}
    span_places = {k: v for k, v in span_places.items() if v in actors and k not in renamed}
    aliases: dict[tuple[str, ...], str] = {}
    demonyms: dict[tuple[str, ...], str] = {}
    shorts: dict[str, list[str]] = {}
    for spec in actors.values():
        for a in spec.aliases + spec.places:
            aliases.setdefault(alias_key(a), spec.name)
        for d in spec.demonyms:
            demonyms.setdefault(alias_key(d), spec.name)
        for s in spec.short_forms:
            shorts.setdefault(norm(s), []).append(spec.name)
    not_names = {norm(w).rstrip(".") for w in rules["not_names"]}
    not_names |= {tok for key in demonyms if len(key) == 1 or key[0] in not_names for tok in key}
    places = frozenset(k for spec in actors.values() for p in spec.places
                       if aliases.get(k := alias_key(p)) == spec.name)
    titles = frozenset(tuple(t.lower() for t in alias_key(t)) for t in rules["person_titles"])
    honorifics = {tuple(t.lower() for t in alias_key(h)): sex
                  for key, sex in (("male_honorifics", "m"), ("female_honorifics", "f")) for h in rules[key]}
    titles |= frozenset(honorifics)
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
        alias_index=build_index(aliases),
        title_words=frozenset(w.lower() for t in rules["person_titles"] for w in alias_key(t)
                              if w[:1].isalpha() and w.lower() not in {"of", "the"}),
        title_index=build_index([key[::-1] for key in titles]),
        title_starts=frozenset(key[0] for key in titles),
        places=places,
        possessors=_possessors(aliases),
        place_contexts=tuple(dict.fromkeys(tuple(norm(t.text).lower() for t in tokenize(c))
                                           for c in rules["place_contexts"])),
        span_names=span_names,
        span_places=span_places,
        location_cues=frozenset(rules["location_cues"]),
        honorific_sex=honorifics,
        title_modifiers=frozenset(w.lower() for w in rules["title_modifiers"]),
        not_organisations=frozenset(rules["not_organisations"]),
        name_particles=frozenset(w.lower() for w in rules["name_particles"]),
        standalone_organisations=frozenset(rules["standalone_organisations"]),
        region_cues=frozenset(rules["region_cues"]),
        not_given_names=frozenset(rules["not_given_names"]),
        locations=frozenset(rules["locations"]),
        nicknames=_nicknames(rules["nicknames"]),
        thing_heads=frozenset(w.lower() for w in rules["thing_heads"]),
        organisation_nouns=frozenset(tuple(w.lower().split()) for w in rules["organisation_nouns"]),
        party_words=frozenset(w.lower() for w in rules["party_words"]),
        misc_heads=frozenset(rules["misc_heads"]),
    )


def _nicknames(entries: list[str]) -> dict[str, str]:
    """"Bob = Robert" entries -> {"Bob": "Robert"}; an entry without "=" is an error naming it."""
    out = {}
    for e in entries:
        short, sep, full = e.partition("=")
        if not sep or not short.strip() or not full.strip():
            raise MediacompareError(f"nicknames: {e!r} must read 'Short = Full'")
        out[short.strip()] = full.strip()
    return out


def _possessors(aliases: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], tuple[tuple[int, str], ...]]:
    """For each alias "X's Y" whose X (possessive stripped) is an alias of another actor: (len(X), that actor)."""
    out: dict[tuple[str, ...], tuple[tuple[int, str], ...]] = {}
    for key, name in aliases.items():
        found = []
        for p in range(len(key) - 1):
            head = (*key[:p], strip_possessive(key[p]))
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
