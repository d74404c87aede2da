"""One actor across the corpus: per-article actor names lined up to one canonical name.

Within an article, :mod:`.coref` already merges the names of one person. Across articles the same
person can still carry different names: "Donald Trump" where Fox News names him in full, "Trump" where
the New York Times writes only "President Trump" and "Mr. Trump". :func:`canonical_map` lines them up
from the ``actors`` record table of the whole corpus (our rules):

1. Full names (two or more words) with the same first word (a nickname read as its given name: "Chuck" is
   Charles) and surname are one person unless their middle initials or suffixes conflict ("Jr."), named by
   the longest form seen ("Donald J. Trump" over "Donald Trump"; ties by mentions, then alphabetically).
2. A one-word person ("Trump", also "Mrs. Clinton" kept apart in its article) joins the full-name
   person with that surname when exactly one is compatible with its sex (honorific, given name), or
   when one of them has at least :data:`DOMINANT_SHARE` of the compatible persons' counted mentions
   in the corpus ("Trump" → Donald Trump beside a few mentions of Eric Trump). Otherwise, article by
   article: it joins the one candidate that carries, somewhere in the corpus, a title printed before it in
   this article ("President Biden" → Joe Biden, not the first lady Jill Biden; the ``titles`` column of
   the ``actors`` rows), or the one candidate of the sex of its honorific ("Mr. Biden"). Where none
   decides, it stays as is and the actors table's ``note`` says why (:func:`refusal_note`).
3. An organisation or place whose name differs only by a leading "The" is one actor; an acronym
   of three or more letters ("FDA") is the only organisation of the corpus whose capitalised words it
   abbreviates.
4. Listed actors (bundled or user actor file; ``listed`` in the actors table) are never renamed: a user
   file overrides any merge by listing the names it wants as aliases of one actor, or as separate actors.

An article keeps its own name for an actor when the canonical name is already another actor of that
article. :func:`actor_index` is the corpus actors table: each canonical actor with its variants,
counts, outlets, the rule that merged them and a note where a merge was refused.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

import pandas as pd

from .coref import middle_groups, name_parts
from .gazetteers import gazetteer
from .table import load_actor_table
from .tokens import acronym_forms, acronym_key

DOMINANT_SHARE = 0.8
"""Share of the compatible full-name persons' mentions one of them needs to take a bare surname ("our choice")."""
RENAMED_FAMILIES = ("entities", "sourcing")  # families whose targets are actor names


def _sex_of(name: str) -> str:
    first = name.split()[0]
    if first in ("Mr.", "Mr", "Sir", "Lord"):
        return "m"
    if first in ("Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Lady", "Madam"):
        return "f"
    sex = gazetteer().given_names.get(first, "") if " " in name else ""
    return sex if sex in ("m", "f") else ""


def _group_key(name: str) -> tuple[str, str]:
    """(first word, surname) with a nickname read as its given name ("Chuck Schumer" and "Charles Schumer" are
    one person, as within an article: the bundled ``nicknames`` list)."""
    first, surname = name_parts(name)
    return load_actor_table().nicknames.get(first, first), surname


def _titles(row: Mapping[str, Any]) -> set[str]:
    return {t for t in str(row.get("titles") or "").split(";") if t and t not in _HONORIFICS}


# Honorifics say nothing about which bearer of a surname is meant (the sex check uses them already).
_HONORIFICS = frozenset("mr. mrs. ms. miss dr. mr mrs ms dr sir lady".split())


@dataclass
class _Plan:
    """The corpus merges: ``renamed`` (actor -> (canonical, rule)), ``refused`` (a one-word person -> the
    full-name persons it may be, with their mentions) and ``titles`` (canonical person -> titles seen)."""

    renamed: dict[str, tuple[str, str]]
    refused: dict[str, dict[str, int]]
    titles: dict[str, set[str]]
    sex: dict[str, str]  # canonical person -> "m" / "f" / "" (from the given name)


def canonical_map(rows: Iterable[Mapping[str, Any]]) -> dict[str, tuple[str, str]]:
    """Actor name -> (canonical name, rule) for every actor of the ``actors`` rows that is renamed."""
    return _plan(rows).renamed


def _plan(rows: Iterable[Mapping[str, Any]]) -> _Plan:
    mentions: dict[tuple[str, str], int] = defaultdict(int)  # (actor, kind) -> counted mentions
    listed: set[str] = set()
    titles_of: dict[str, set[str]] = defaultdict(set)  # person name -> titles printed before it
    for r in rows:
        if r.get("note"):
            continue
        mentions[(str(r["actor"]), str(r["kind"]))] += int(r.get("mentions") or 0)
        if str(r.get("listed", "")).lower() in ("true", "1"):
            listed.add(str(r["actor"]))
        if r["kind"] == "person":
            titles_of[str(r["actor"])] |= _titles(r)
    out: dict[str, tuple[str, str]] = {}
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    singles: list[str] = []
    orgs_later: dict[str, None] = {}  # acronyms, matched once every organisation is known
    orgs: dict[str, set[str]] = defaultdict(set)  # initials -> multi-word organisations
    for (actor, kind), _ in sorted(mentions.items()):
        if kind == "organisation" and len(actor.split()) > 1:
            for form in acronym_forms(actor):
                orgs[form].add(actor)
        if actor in listed:
            if kind == "person" and len(actor.split()) > 1:
                groups[_group_key(actor)].append(actor)  # a target for surnames, never renamed itself
            continue
        if kind == "organisation" and actor.replace(".", "").isupper() and len(actor.replace(".", "")) > 2:
            orgs_later[actor] = None
            continue
        if kind == "person":
            words = actor.split()
            if len(words) > 1 and not actor.startswith(("Mr.", "Mrs.", "Ms.", "Miss", "Dr.")):
                groups[_group_key(actor)].append(actor)
            else:
                singles.append(actor)
        elif actor.startswith("The ") and (actor[4:], kind) in mentions:
            out[actor] = (actor[4:], 'the same name without "The"')
    for acronym in orgs_later:  # "FDA" -> the only organisation of the corpus with those initials
        full = orgs.get(acronym_key(acronym), set())
        if len(full) == 1:
            out[acronym] = (next(iter(full)), "acronym of the only organisation with these initials in the corpus")
    persons: dict[str, tuple[str, int, str]] = {}  # canonical -> (surname, mentions, sex)
    person_titles: dict[str, set[str]] = {}
    refused: dict[str, dict[str, int]] = {}
    for (_, surname, _), names in _split_by_middle(groups).items():
        fixed = [n for n in names if n in listed]
        canon = fixed[0] if fixed else max(names, key=lambda n: (len(n.split()), len(n), mentions[(n, "person")],
                                                                  [-ord(c) for c in n]))
        total = sum(mentions[(n, "person")] for n in names)
        persons[canon] = (surname, total, _sex_of(canon))
        person_titles[canon] = set().union(*(titles_of[n] for n in names))
        for n in names:
            if n != canon and n not in listed:
                out[n] = (canon, f"longest full name of {canon}" if not fixed else f"a name of the listed {canon}")
    for single in singles:
        surname, sex = single.split()[-1], _sex_of(single)
        cands = {c: v for c, v in persons.items() if v[0] == surname and (not sex or not v[2] or v[2] == sex)}
        if not cands:
            continue
        best = max(sorted(cands), key=lambda c: cands[c][1])
        share = cands[best][1] / max(sum(v[1] for v in cands.values()), 1)
        if len(cands) == 1:
            out[single] = (best, f"surname of the only {surname} named in full in the corpus")
        elif share >= DOMINANT_SHARE:
            out[single] = (best, f"surname of {best}, {share:.0%} of the mentions of persons named {surname}")
        else:
            refused[single] = {c: v[1] for c, v in cands.items()}
    return _Plan(out, refused, person_titles, {c: v[2] for c, v in persons.items()})


def _split_by_middle(groups: Mapping[tuple[str, str], list[str]]) -> dict[tuple[str, str, str], list[str]]:
    """The full-name groups split into persons by :func:`.coref.middle_groups` (George W. / George H. W. Bush,
    Donald Trump / Donald Trump Jr.: the longest-name rule had named every Donald Trump of allsides_dev
    "Donald Trump Jr.")."""
    out: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for (first, surname), names in groups.items():
        for n, key in middle_groups(names).items():
            out[(first, surname, key)].append(n)
    return dict(out)


def refusal_note(single: str, candidates: Mapping[str, int]) -> str:
    """Why a one-word person was not merged: "not merged: Biden may be Joe Biden (60% of the mentions) or
    Jill Biden (40%)", candidates by mentions."""
    total = max(sum(candidates.values()), 1)
    ranked = sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0]))
    parts = [f"{name} ({n / total:.0%}{' of the mentions' if i == 0 else ''})" for i, (name, n) in enumerate(ranked)]
    return (f"not merged: {single} may be {', '.join(parts[:-1])} or {parts[-1]}; no one has "
            f"{DOMINANT_SHARE:.0%} of the mentions and no title in the article points to one")


def _by_title(row: Mapping[str, Any], plan: _Plan) -> tuple[str, str] | None:
    """(canonical, rule) for a refused one-word person whose article prints before it a title that exactly
    one of its candidates carries in the corpus ("President Biden" -> Joe Biden, not Jill Biden), or a
    gendered honorific that exactly one candidate is compatible with ("Mr. Biden")."""
    name = str(row["actor"])
    raw = set(str(row.get("titles") or "").split(";"))
    sex = "m" if raw & {"mr.", "mr", "sir"} else "f" if raw & {"mrs.", "mrs", "ms.", "ms", "miss", "lady"} else ""
    cands = [c for c in plan.refused.get(name, {}) if not sex or not plan.sex.get(c) or plan.sex[c] == sex]
    own = _titles(row)
    hits = sorted(c for c in cands if own & plan.titles.get(c, set()))
    if len(hits) == 1:
        title = sorted(own & plan.titles[hits[0]])[0]
        return hits[0], f"surname with the title '{title}' in the article, which only {hits[0]} carries in the corpus"
    if sex and len(cands) == 1 and not hits:
        return cands[0], f"surname with a {'man' if sex == 'm' else 'woman'}'s honorific in the article: " \
                         f"{cands[0]} is the only one of that sex named {name} in full in the corpus"
    return None


def renames(actors: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(article_id, actor name in that article) -> canonical name, for every actor that is renamed.

    An article keeps its own name where the canonical name is already another actor of that article."""
    return {k: v[0] for k, v in _renames(actors, _plan(actors.to_dict("records"))).items()}


def _renames(actors: pd.DataFrame, plan: _Plan) -> dict[tuple[str, str], tuple[str, str]]:
    """(article_id, name in that article) -> (canonical name, rule); a refused one-word person is renamed
    in the articles whose title picks one candidate (:func:`_by_title`)."""
    if actors.empty:
        return {}
    own = actors.groupby("article_id")["actor"].agg(set).to_dict()
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for r in actors.to_dict("records"):
        name, aid = str(r["actor"]), str(r["article_id"])
        target = plan.renamed.get(name) or (_by_title(r, plan) if name in plan.refused and not r.get("note")
                                            else None)
        if target is not None and target[0] not in own[r["article_id"]]:
            out[(aid, name)] = target
    return out


@dataclass(frozen=True)
class ActorIndexRow:
    """One row of the corpus actors table (``AnalysisTables.actor_index``, built when tables are loaded)."""

    actor: str
    kind: str
    ner_type: str
    variants: str  # "name in the articles (n articles)", "; "-joined
    surfaces: str
    n_articles: int
    n_outlets: int
    mentions: int
    rule: str
    note: str  # why a one-word person was left apart ("not merged: Biden may be Joe Biden (60% …) or …"), else ""


INDEX_COLUMNS = [f.name for f in fields(ActorIndexRow)]


def _rename_column(df: pd.DataFrame, column: str, table: dict[tuple[str, str], str],
                   mask: pd.Series | None = None) -> pd.DataFrame:
    if df.empty or not table:
        return df
    keys = list(zip(df["article_id"].astype(str), df[column].astype(str), strict=True))
    new = [table.get(k, k[1]) for k in keys]
    out = df.copy()
    if mask is None:
        out[column] = new
    else:
        out.loc[mask, column] = [n for n, m in zip(new, mask, strict=True) if m]
    return out


def canonicalise(metrics: pd.DataFrame, actors: pd.DataFrame,
                 evidence: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame | None]:
    """``metrics`` and ``evidence`` with the actor targets of the entities and sourcing families renamed to
    canonical names, and ``actors`` with canonical names in ``actor`` and each article's own name kept in
    ``name_in_article``."""
    if "name_in_article" in actors.columns:  # the articles' own names (read back: actor may be renamed)
        actors = actors.assign(actor=actors["name_in_article"].where(actors["name_in_article"] != "",
                                                                     actors["actor"]))
    table = renames(actors)
    if not table:
        return metrics, actors, evidence
    metrics = _rename_column(metrics, "target", table, metrics["family"].isin(RENAMED_FAMILIES))
    if evidence is not None and not evidence.empty:
        evidence = _rename_column(evidence, "target", table, evidence["family"].isin(RENAMED_FAMILIES))
    return metrics, _rename_column(actors, "actor", table), evidence


def actor_index(actors: pd.DataFrame) -> pd.DataFrame:
    """The corpus actors table: one row per canonical actor, with the per-article names merged into it
    (``variants``, "name (n articles)"), the forms as printed (``surfaces``), counts and the merge rule."""
    if actors.empty:
        return pd.DataFrame(columns=INDEX_COLUMNS)
    if "name_in_article" in actors.columns:  # index the articles' own names
        actors = actors.assign(actor=actors["name_in_article"].where(actors["name_in_article"] != "",
                                                                     actors["actor"]))
    plan = _plan(actors.to_dict("records"))
    table = _renames(actors, plan)
    acc: dict[str, dict[str, Any]] = {}
    for r in actors.to_dict("records"):
        if r.get("note"):
            continue
        canon, rule = table.get((str(r["article_id"]), str(r["actor"])), (r["actor"], ""))
        a = acc.setdefault(canon, {"actor": canon, "kind": r["kind"], "ner_type": r.get("ner_type", ""),
                                   "variants": defaultdict(int), "surfaces": {}, "articles": set(),
                                   "outlets": set(), "mentions": 0, "rules": set(), "note": ""})
        if canon == r["actor"] and canon in plan.refused:
            a["note"] = refusal_note(canon, plan.refused[canon])
        a["variants"][r["actor"]] += 1
        for s in str(r.get("surfaces", "")).split(";"):
            if s:
                a["surfaces"][s] = None
        a["articles"].add(r["article_id"])
        a["outlets"].add(r.get("outlet", ""))
        a["mentions"] += int(r.get("mentions") or 0)
        if rule:
            a["rules"].add(f"{r['actor']}: {rule}")
    rows = [{"actor": a["actor"], "kind": a["kind"], "ner_type": a["ner_type"],
             "variants": "; ".join(f"{v} ({n})" for v, n in sorted(a["variants"].items())),
             "surfaces": ";".join(a["surfaces"]), "n_articles": len(a["articles"]), "n_outlets": len(a["outlets"]),
             "mentions": a["mentions"], "rule": "; ".join(sorted(a["rules"])), "note": a["note"]}
            for a in acc.values()]
    return pd.DataFrame(rows, columns=INDEX_COLUMNS).sort_values(["mentions", "actor"], ascending=[False, True],
                                                                 ignore_index=True)
