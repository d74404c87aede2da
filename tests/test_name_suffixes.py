"""The generational suffixes after a name have one home (entities.tokens); each module's view is that list."""

from analysis.entities import coref, tokens
from analysis.sourcing import speakers


def test_every_view_is_the_one_list():
    assert tokens.NAME_SUFFIXES == {"Jr", "Sr", "II", "III", "IV"}  # tokens: "Jr." is "Jr" + "."
    assert coref.SUFFIXES == {"Jr.", "Sr.", "II", "III", "IV"}  # words of a written name
    assert coref.FAMILY_SUFFIXES == {"Jr", "Sr", "Jr.", "Sr."}  # father and son; ordinals do not conflict
    assert speakers.NAME_SUFFIXES == {"jr", "sr", "ii", "iii", "iv"}  # lower-case words of a phrase


def test_surname_skips_the_suffix():
    assert coref.name_parts("Martin Luther King Jr.") == ("Martin", "King")
    assert coref.name_parts("Henry Ford II") == ("Henry", "Ford")
    assert coref.middle_initials("George H. W. Bush Jr.") == "HW"
