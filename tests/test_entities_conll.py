"""Rules justified by errors on the CoNLL-2003 English development split (eng.testa, Reuters 1996).

The data is not bundled (benchmarks/bench_conll.py); the excerpts here are a few words long or invented in
the same shape, with the document number of the development split they stand for. Expected values are
read off the sentences by hand.
"""

from __future__ import annotations

from analysis.entities import find_entities
from analysis.metrics.base import Settings
from analysis.model import Article
from analysis.parse import parse_article


def _doc(text: str, title: str = ""):
    return parse_article(Article("t", text, title=title))


def _found(text: str, title: str = "") -> dict[str, str]:
    """surface -> NER type of every recognised name."""
    return {m.surface: m.ner_type for m in find_entities(_doc(text, title), Settings())}


# ------------------------------------------------------------------ datelines and capitals


def test_dateline_paragraph_names_places():
    # eng.testa documents 1 and 37 ("LONDON 1996-08-30", "KHASAVYURT , Russia 1996-08-31"): the wire's
    # dateline printed as a paragraph of its own; the place is a place even when no gazetteer knows it
    found = _found("LONDON 1996-08-30\nThe talks ended.", title="Talks end")
    assert found.get("LONDON") == "GPE"
    found = _found("KHASAVYURT, Russia 1996-08-31\nThe talks ended.")
    assert found.get("KHASAVYURT") == "GPE" and found.get("Russia") == "GPE"
    found = _found("MILWAUKEE, Wisconsin 1996-08-29\nHenke fired a 62.")
    assert found.get("MILWAUKEE") == "GPE" and found.get("Wisconsin") == "GPE"


def test_dateline_city_takes_its_printed_name():
    # "LONDON" and "London" are one place actor
    doc = _doc("LONDON 1996-08-30\nPolice in London said so.")
    places = {m.actor for m in find_entities(doc, Settings()) if m.ner_type == "GPE"}
    assert "London" in places and "LONDON" not in places


def test_country_in_capitals_labels_a_section():
    # eng.testa document 28 ("ITALY - Bond futures held to easier levels"): a country, not an acronym
    found = _found("Bunds fell.\nITALY - Bond futures held to easier levels.")
    assert found.get("ITALY") == "GPE"


def test_capitalised_capital_opening_a_later_paragraph_is_no_place():
    # allsides iYWIaRqG5y5mkgAK: "WASHINGTON (AP) —" after a caption is a dateline (metadata, no actor);
    # Washington is a state, but also the capital: no place is read from the capitals alone
    found = _found("The church is across from the White House.\n"
                   "WASHINGTON (AP) — President Donald Trump said Sunday that Mueller should not testify.")
    assert "WASHINGTON" not in found
    assert found.get("Donald Trump") == "PERSON"
