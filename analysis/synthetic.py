"""Synthetic news-like corpora for tests, benchmarks and the multi-event demo. NOT real news.

:func:`make_synthetic_corpus` writes, for each event, one article per outlet from templates and word
lists in this module, with fictional places, people and organisations. What is built in, so tests
can check that the comparison finds it:

* **shared wire text**: every article carries the event's three wire sentences; outlets A and B
  (the first two) copy them word for word, the third and later outlets reword them (a fixed
  synonym list: verbatim vs paraphrase in the sentence alignment, high vs lower containment);
* **outlet-specific sentences**: each outlet adds a lead and two background sentences of its own,
  from its own list (the first and third outlets draw from different neutral lists): unique
  sentences in the alignment;
* **numeric claims with approximators**: each article states one count ("around 1,200 residents"),
  attributed to a named source. In even-numbered events (0, 2, …) all outlets give the same figure;
  in odd-numbered ones the second outlet gives 30 % more ("as many as 1,560"), a controlled conflict;
* **a controlled outlet effect**: the second outlet's background sentences use conflict and negative
  words (crisis, anger, blame, chaos …) where the others use neutral ones.

Outlet names start with "Synthetic" and article ids with "syn-" so the data cannot be mistaken for
real coverage. The same arguments always give the same corpus.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from .model import MediacompareError

OUTLETS = ("Synthetic Outlet A", "Synthetic Outlet B", "Synthetic Outlet C")
COLUMNS = ["article_id", "outlet", "title", "published", "event_id", "text"]
CONFLICT_FACTOR = 1.3  # the second outlet's figure in odd events

PLACES = ["Northvale", "Port Emery", "Cardon Valley", "Westmarch", "Lindqvist Bay", "Ostrava Plains", "Millbrook",
          "Redfern Heights", "Ashgrove", "Kestrel Point", "Brightwater", "Falkmoor"]
PEOPLE = ["Clara Odenwald", "Tomas Reyes", "Lina Marsh", "Oskar Bernt", "Ada Whitcombe", "Rafael Soto",
          "Mira Kovach", "Jonas Ellery", "Nadia Forsythe", "Pieter Hallam"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

# Event kinds: wire sentences, the counted referent (one printed noun per outlet, synonyms of one
# referent in claim_referents.yaml), the source of the count, and a title.
KINDS = [
    {
        "kind": "flood",
        "title": "Floods force evacuations in {place}",
        "wire": [
            "Heavy rain caused the river to overflow its banks in {place} on {day}, the regional weather office said.",
            "Emergency crews opened three shelters in school buildings near the town centre and closed the main "
            "bridge to traffic.",
            "The regional council said it would review the flood defences once the water level had fallen.",
        ],
        "counted": ["residents", "people", "residents"],
        "verb": "were evacuated from their homes",
        "source": "the regional emergency agency",
        "base": [800, 1200, 2400, 3600],
    },
    {
        "kind": "port strike",
        "title": "Dock workers strike at {place} port",
        "wire": [
            "Dock workers at the port of {place} walked out on {day} in a dispute over pay and shift patterns, "
            "the harbour workers union said.",
            "The port authority said talks with union leaders would resume at the end of the week.",
            "Shipping companies were told to expect delays of several days at the container terminal.",
        ],
        "counted": ["containers", "containers", "shipping containers"],
        "verb": "were left waiting on the quay",
        "source": "the port authority",
        "base": [4000, 6000, 9000, 12000],
    },
    {
        "kind": "border deployment",
        "title": "Troops sent to the border near {place}",
        "wire": [
            "The defence ministry said on {day} that it had moved units to the border area near {place} after "
            "a series of incidents.",
            "Ministers from both countries are due to meet next month to discuss the disputed crossing points.",
            "Residents of nearby villages said the roads leading to the border had been closed since the weekend.",
        ],
        "counted": ["troops", "soldiers", "forces"],
        "verb": "had been deployed to the area",
        "source": "the defence ministry",
        "base": [1500, 3000, 5000, 8000],
    },
    {
        "kind": "election recount",
        "title": "Recount ordered in {place} mayoral race",
        "wire": [
            "The electoral commission ordered a recount in the {place} mayoral election on {day} after the two "
            "leading candidates finished within a few hundred votes of each other.",
            "Both campaigns said they would accept the result of the recount.",
            "The commission said counting staff would work in shifts over the weekend.",
        ],
        "counted": ["ballots", "votes", "ballots"],
        "verb": "will be counted again by hand",
        "source": "the electoral commission",
        "base": [20000, 35000, 50000, 80000],
    },
    {
        "kind": "factory fire",
        "title": "Fire destroys factory in {place}",
        "wire": [
            "A fire broke out at a furniture factory on the edge of {place} early on {day}, the fire service said.",
            "Firefighters brought the blaze under control after several hours and no injuries were reported.",
            "The cause of the fire is under investigation, and the factory will remain closed for the rest "
            "of the month.",
        ],
        "counted": ["people", "residents", "people"],
        "verb": "were moved away from nearby streets",
        "source": "the fire service",
        "base": [150, 300, 450, 600],
    },
]

# How the third and later outlets reword the wire copy (whole words, first occurrence each).
REWORD = {
    "said": "stated", "opened": "set up", "closed": "shut", "review": "examine", "resume": "restart",
    "expect": "prepare for", "moved": "sent", "incidents": "clashes", "due": "expected", "discuss": "talk about",
    "ordered": "called for", "accept": "respect", "broke out": "started", "brought": "got", "remain": "stay",
    "Heavy": "Torrential", "several": "a number of", "at the end of the week": "later this week",
    **{f"on {d}": f"last {d}" for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")},
}

LEADS = [
    "{official}, a spokesperson for {source}, confirmed the figures at a briefing in {place} on {day}.",
    "Officials in {place} spent {day} assessing the situation as the news spread across the region.",
    "Local leaders and national ministers followed the developments closely and several called for calm.",
]
APPROXIMATORS = ["around", "as many as", "about"]
NEUTRAL = [
    "Local businesses in {place} said they were following the situation and would update customers.",
    "A statement from the mayor of {place} thanked the staff involved and promised further information.",
    "Community groups in {place} set up a phone line for residents with questions.",
    "Officials said a full report would be published once the review is complete.",
    "Schools in {place} are expected to follow their normal timetable next week.",
    "The regional government said it had been in contact with the local authorities.",
]
CONFLICT = [
    "Angry residents of {place} blamed officials for a crisis they said was caused by years of neglect.",
    "Critics warned of chaos and accused the government of a dangerous failure to act.",
    "Opposition leaders attacked the response as a disaster and demanded that ministers resign.",
    "Fear and anger spread in {place} as residents clashed with officials over the threat to their homes.",
    "The bitter dispute has deepened a crisis that critics say the authorities ignored.",
    "Protesters denounced the handling of the emergency as a shameful failure.",
]


def _reword(sentence: str) -> str:
    out = sentence
    for old, new in REWORD.items():
        i = out.find(old)
        if i >= 0 and (i == 0 or not out[i - 1].isalpha()) and not out[i + len(old):i + len(old) + 1].isalpha():
            out = out[:i] + new + out[i + len(old):]
    return out


def _letter(k: int) -> str:
    return chr(ord("a") + k) if k < 26 else f"o{k}"


def make_synthetic_corpus(n_events: int = 100, outlets: Sequence[str] = OUTLETS, seed: int = 0,
                          start: str = "2024-01-01") -> pd.DataFrame:
    """A deterministic synthetic corpus: ``n_events`` events × one article per outlet.

    Columns ``article_id, outlet, title, published, event_id, text``; paragraphs are separated by a
    blank line. Events are three days apart from ``start``; the outlets publish on the event's day or
    the next. Outlet names not starting with "Synthetic" get the prefix "Synthetic " so the data is
    always labelled. What the corpus contains by design is listed in the module docstring.
    """
    if n_events < 0:
        raise MediacompareError(f"n_events must be 0 or more, not {n_events}")
    if not outlets:
        raise MediacompareError("give at least one outlet")
    names = [o if str(o).startswith("Synthetic") else f"Synthetic {o}" for o in outlets]
    rng = random.Random(seed)
    day0 = date.fromisoformat(start)
    rows: list[list[str]] = []
    for e in range(n_events):
        kind = KINDS[e % len(KINDS)]
        slots = {"place": rng.choice(PLACES), "day": rng.choice(DAYS), "official": rng.choice(PEOPLE),
                 "source": kind["source"]}
        base = rng.choice(kind["base"])
        wire = [w.format(**slots) for w in kind["wire"]]
        event_id = f"syn-event-{e:04d}"
        when = day0 + timedelta(days=3 * e)
        for k, outlet in enumerate(names):
            value = round(base * CONFLICT_FACTOR) if (k == 1 and e % 2 == 1) else base
            approx = APPROXIMATORS[k % len(APPROXIMATORS)]
            noun = kind["counted"][k % len(kind["counted"])]
            claim = (f"{slots['source'][0].upper()}{slots['source'][1:]} said {approx} {value:,} {noun} "
                     f"{kind['verb']}.")
            copy = wire if k < 2 else [_reword(w) for w in wire]
            pool = CONFLICT if k == 1 else NEUTRAL[3 * (k // 2 % 2):3 * (k // 2 % 2) + 3]
            own = [s.format(**slots) for s in rng.sample(pool, 2)]
            lead = LEADS[k % len(LEADS)].format(**slots)
            paragraphs = [f"{copy[0]} {lead}", copy[1], claim, copy[2], " ".join(own)]
            published = when + timedelta(days=rng.randint(0, 1))
            rows.append([f"syn-{e:04d}-{_letter(k)}", outlet, kind["title"].format(**slots), published.isoformat(),
                         event_id, "\n\n".join(paragraphs)])
    return pd.DataFrame(rows, columns=COLUMNS)


def write_synthetic_corpus(path: str | Path, n_events: int = 100, outlets: Sequence[str] = OUTLETS, seed: int = 0,
                           start: str = "2024-01-01") -> Path:
    """Write :func:`make_synthetic_corpus` to ``path`` as CSV, JSONL or Parquet (by extension), a
    table :func:`analysis.corpus.load_corpus` reads. Returns the path."""
    path = Path(path)
    df = make_synthetic_corpus(n_events, outlets, seed, start)
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        df.to_csv(path, index=False, lineterminator="\n")
    elif suffix in (".jsonl", ".ndjson"):
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    elif suffix == ".parquet":
        df.to_parquet(path, index=False)
    else:
        raise MediacompareError(f"{path}: write the synthetic corpus as .csv, .jsonl or .parquet")
    return path
