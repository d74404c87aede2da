"""Lines of the body set like a headline (related-story links, a repeated headline) are read as headlines.

Constructed in the shape of allsides_dev lines ("SEE ALSO:" links, a headline repeated above the text); the
expected actors are hand-known.
"""

from analysis.entities import analyse_actors
from analysis.metrics.base import Settings
from analysis.model import Article
from analysis.parse import parse_article


def actors(text: str) -> set[tuple[str, str]]:
    doc = parse_article(Article(article_id="t", text=text, outlet="Test outlet", title="A headline"))
    return {(m.actor, m.ner_type) for m in analyse_actors(doc, Settings()).mentions}


def test_a_related_story_link_makes_no_person_of_its_verb():
    found = actors("The senator spoke on Monday.\n\nSEE ALSO:\n\n"
                   "Bernie Sanders Advises Black Drivers To Be Polite And Respect Cops\n\n"
                   "More text follows about Bernie Sanders and the police.")
    assert found == {("Bernie Sanders", "PERSON")}


def test_a_repeated_headline_names_the_person_the_text_names():
    found = actors("Chief Justice Roberts Admonishes Impeachment Managers and Lawyers\n\n"
                   "Chief Justice John Roberts spoke to both sides on Thursday.")
    assert found == {("John Roberts", "PERSON")}


def test_an_organisation_on_a_line_of_its_own_is_still_found():
    found = actors("The rate fell in May.\n\nSource: Federal Reserve Bank of St. Louis\n\nIt rose in June.")
    assert ("Federal Reserve Bank of St. Louis", "ORG") in found


def test_lists_and_sentences_without_a_full_stop_stay_prose():
    assert ("Lindsay Davenport", "PERSON") in actors("Lindsay Davenport beat Maria Sharapova in Sydney on Monday")
    found = actors("The signatories:\n\nJohn Smith, Mary Jones, Peter Brown and Anna White")
    assert {("John Smith", "PERSON"), ("Mary Jones", "PERSON")} <= found


def test_a_sentence_cut_short_with_an_ellipsis_is_prose():
    found = actors("The bill stalled.\n\nModerate Senators Kyrsten Sinema (D., Ariz.) and Joe Manchin...")
    assert {("Kyrsten Sinema", "PERSON"), ("Joe Manchin", "PERSON")} <= found
