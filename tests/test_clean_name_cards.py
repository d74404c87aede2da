"""Scraped name cards (The Hill's pages): the legal name glued to site headlines and " MORE" leave the text."""

from analysis.clean import clean_text, strip_name_cards

# Constructed in the shape of the 44 cards of the development corpora (names of real senators, made-up headlines)
NICKNAME = "Sen. Rand Paul Randal (Rand) Howard PaulSenate passes bill Court rules on case MORE (R-Ky.) voted no."
PLAIN = "President Trump Donald John TrumpGOP senators balk at trial Warren goes local MORE in December said so."


def test_a_card_with_a_nickname_leaves_the_name_as_written():
    assert strip_name_cards(NICKNAME) == ("Sen. Rand Paul (R-Ky.) voted no.", 1)


def test_a_card_without_a_nickname():
    assert strip_name_cards(PLAIN) == ("President Trump in December said so.", 1)


def test_two_cards_in_one_paragraph_and_a_suffix_after_the_card():
    text = ("Sen. Bob Casey Robert (Bob) Patrick CaseyNew bill faces headwinds MORE Jr. (Pa.) and Jon Tester "
            "Jonathan (Jon) TesterSenators press official MORE (Mont.) said so.")
    assert strip_name_cards(text) == ("Sen. Bob Casey Jr. (Pa.) and Jon Tester (Mont.) said so.", 2)


def test_ordinary_text_is_left_alone():
    for text in ("Rand Paul said MORE people should vote.",  # capitals, but no card
                 "READ MORE: What is in the bill",
                 "Rand Paul Randal Paul said the bill would pass.",  # no headline glued to the surname
                 "Joe Biden Joe BidenGOP senators balk at the trial."):  # no MORE after the glued headline
        assert strip_name_cards(text) == (text, 0)


def test_clean_text_notes_what_it_took_out():
    cleaned = clean_text("First paragraph.\n\n" + NICKNAME)
    assert cleaned.body == "First paragraph.\nSen. Rand Paul (R-Ky.) voted no."
    assert cleaned.removed == ("scraped name card with headlines, 1 (paragraph 2)",)
