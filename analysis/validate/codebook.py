"""The codebook of a validation round: which codes coders give, in plain words, from the rules' own data.

Each code is a column of the coding sheet. Levels:

* ``binary``: 1 (yes) or 0 (no) — framing items, "this sentence reports speech";
* ``nominal``: one of the listed values — stance tier of the reporting verb;
* ``interval``: a number on the stated scale — tone (−2 very negative … +2 very positive);
* ``set``: names separated by ``;`` — actors (optionally ``Name|TYPE``), speakers;
* ``text``: a free name — the speaker of the speech in the sentence.

Frame items and their questions come from the frames rules file (Semetko & Valkenburg 2000), stance
tiers from the reporting-verbs lexicon, so a user's edited lexicon gives the matching codebook.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..metrics.base import Settings
from ..metrics.framing import frame_rules
from ..model import MediacompareError

MEASURES = ("framing", "sourcing", "entities", "tone")
UNITS = ("sentence", "article")
TONE_SCALE = ("-2", "-1", "0", "1", "2")
NO_STANCE = "none"
ACTOR_TYPES = ("person", "organisation", "country", "place", "other")


@dataclass(frozen=True)
class Code:
    """One column of the coding sheet."""

    name: str
    measure: str
    level: str  # binary | nominal | interval | set | text
    values: tuple[str, ...]  # allowed values (binary, nominal, interval scale); empty for set/text
    question: str
    source: str  # the rules file or lexicon (name and version) the code comes from

    def allows(self, value: str) -> bool:
        """Whether ``value`` (a non-empty cell) is a valid code."""
        if self.level in ("set", "text"):
            return True
        if self.level == "interval":
            try:
                x = float(value)
            except ValueError:
                return False
            return float(self.values[0]) <= x <= float(self.values[-1])
        return value in self.values


def frame_code(item_id: str) -> str:
    """Sheet column of a frame item (``frame:conflict.disagreement``)."""
    return f"frame:{item_id}"


def _framing_codes(settings: Settings, unit: str) -> list[Code]:
    rules = frame_rules(settings)
    where = "this sentence" if unit == "sentence" else "this article"
    source = f"{rules.name} {rules.version}"
    return [Code(frame_code(item.id), "framing", "binary", ("0", "1"),
                 f"{item.question} (1 = yes in {where}, 0 = no)", source)
            for frame in rules.frames for item in frame.applicable_items]


def _tiers(settings: Settings) -> tuple[tuple[str, ...], str]:
    from ..sourcing.stance import reporting_verbs_for

    verbs = reporting_verbs_for(settings)
    tiers = tuple(sorted({tier for _, tier in verbs.forms.values()}))
    return tiers, f"{verbs.name} {verbs.version}"


def codebook(settings: Settings, unit: str, measures: tuple[str, ...]) -> list[Code]:
    """The codes coders give for ``measures`` on units of kind ``unit`` (sentence or article)."""
    if unit not in UNITS:
        raise MediacompareError(f"unknown unit {unit!r}; use sentence or article")
    unknown = [m for m in measures if m not in MEASURES]
    if unknown:
        raise MediacompareError(f"unknown measure {unknown[0]!r}; choose from {', '.join(MEASURES)}")
    codes: list[Code] = []
    for measure in measures:
        if measure == "framing":
            codes += _framing_codes(settings, unit)
        elif measure == "sourcing" and unit == "sentence":
            tiers, source = _tiers(settings)
            codes += [
                Code("quote", "sourcing", "binary", ("0", "1"),
                     "Does the sentence report what a source said (a direct quote in quotation marks, or indirect "
                     "speech with a reporting verb such as said, told, claimed, or 'according to')? 1 = yes, 0 = no",
                     source),
                Code("speaker", "sourcing", "text", (),
                     "Who is reported as speaking: the full name as introduced in the article (e.g. 'Donald Trump', "
                     "not 'Mr. Trump' or 'he'), or the description when no name is given ('a senior official', "
                     "'state media'). Empty when the sentence reports no speech.", source),
                Code("stance", "sourcing", "nominal", (*tiers, NO_STANCE),
                     "How the reporting verb presents the speech: " + ", ".join(tiers)
                     + f"; '{NO_STANCE}' when there is no reporting verb", source),
            ]
        elif measure == "sourcing":
            codes.append(Code("speakers", "sourcing", "set", (),
                              "Every source the article quotes or paraphrases, by full name or description, "
                              "separated by ';'", "sourcing rules"))
        elif measure == "entities":
            what = ("every person, organisation, country or place named in the sentence"
                    if unit == "sentence" else "the article's main actors (at most three), most important first")
            codes.append(Code("actors", "entities", "set", (),
                              f"List {what}, separated by ';', by full name ('Donald Trump', 'North Korea'); "
                              f"optionally add the type after '|' ({', '.join(ACTOR_TYPES)}), "
                              "e.g. 'Kremlin|organisation'",
                              "actors"))
        else:
            where = "sentence" if unit == "sentence" else "article as a whole"
            codes.append(Code("tone", "tone", "interval", TONE_SCALE,
                              f"The tone of the {where}: -2 very negative, -1 negative, 0 neutral or mixed, "
                              "1 positive, 2 very positive", "VADER (Hutto & Gilbert 2014)"))
    return codes
