"""News cleaning: captions, credits, datelines, bylines and end matter leave the body."""

from pathlib import Path

import pytest

from analysis.clean import clean_text, parse_dateline, split_credit

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
UPI = (SEEDS / "002_3725b521bb5f0d30.txt").read_text(encoding="utf-8")
UNATTRIBUTED = (SEEDS / "000_dc77826089423d0b.txt").read_text(encoding="utf-8")


def test_upi_caption_and_credit_are_separated_from_body():
    c = clean_text(UPI)
    assert c.credit == "Kremlin Pool File Photo by Vladimir Smirnov/Sputnik/EPA-EFE"
    assert c.caption.startswith("North Korea ratified a defense pact with Russia, state-run media")
    assert c.caption.endswith("help Moscow’s war against Ukraine.")
    assert "Photo by" not in c.body
    assert "defense pact" not in c.body  # the caption's wording, not the body's "defense treaty"


def test_upi_dateline_gives_place_date_and_agency():
    c = clean_text(UPI)
    assert c.dateline.text == "SEOUL, Nov. 12 (UPI) —"
    assert (c.dateline.place, c.dateline.date, c.dateline.agency) == ("SEOUL", "Nov. 12", "UPI")
    assert c.body.startswith("North Korea ratified a defense treaty with Russia, state media reported Tuesday")


def test_ap_style_dateline_gives_place_only():
    c = clean_text(UNATTRIBUTED)
    assert c.dateline.text == "SEOUL, South Korea —"
    assert (c.dateline.place, c.dateline.date, c.dateline.agency) == ("SEOUL, South Korea", "", "")
    assert c.body.startswith("On Tuesday, North Korea officially endorsed")
    assert c.caption == c.credit == c.byline == ""


def test_body_keeps_every_other_paragraph():
    # 002 has 13 lines: caption line + 12 body paragraphs; 000 has 8 body paragraphs.
    assert len(clean_text(UPI).body.split("\n")) == 12
    assert len(clean_text(UNATTRIBUTED).body.split("\n")) == 8


@pytest.mark.parametrize(
    ("line", "place", "date", "agency", "rest"),
    [
        ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON", "", "AP", "The Senate voted."),
        ("KYIV, Ukraine (Reuters) - Officials said.", "KYIV, Ukraine", "", "Reuters", "Officials said."),
        ("NEW YORK, Jan. 5, 2024 (UPI) -- Stocks fell.", "NEW YORK", "Jan. 5, 2024", "UPI", "Stocks fell."),
        ("SEOUL, Nov. 12 (UPI) — North Korea", "SEOUL", "Nov. 12", "UPI", "North Korea"),
    ],
)
def test_dateline_forms(line, place, date, agency, rest):
    dl, body = parse_dateline(line)
    assert (dl.place, dl.date, dl.agency, body) == (place, date, agency, rest)


@pytest.mark.parametrize(
    "line",
    [
        "North Korea ratified the treaty on Monday.",
        "U.S. officials said the deployment — the first — was large.",
        "Kim Jong Un signed it.",
    ],
)
def test_ordinary_sentences_are_not_datelines(line):
    assert parse_dateline(line) is None


@pytest.mark.parametrize(
    ("para", "caption", "credit"),
    [
        ("Soldiers march in Pyongyang. (AP Photo/Ahn Young-joon)", "Soldiers march in Pyongyang.",
         "(AP Photo/Ahn Young-joon)"),
        ("Kim Jong Un speaks. Photo by Thomas Maresca/UPI", "Kim Jong Un speaks.", "Photo by Thomas Maresca/UPI"),
        ("Photo: Reuters", "", "Photo: Reuters"),
    ],
)
def test_photo_credit_forms(para, caption, credit):
    assert split_credit(para) == (caption, credit)


def test_sentence_mentioning_photos_is_body():
    assert split_credit("The ministry released photos of the launch on Friday.") is None
    text = "SEOUL (AP) — The ministry released photos by state media of the launch on Friday.\nMore text here."
    assert clean_text(text).caption == ""


def test_byline_and_end_matter():
    text = ("By Jane Doe and John Smith\n"
            "WASHINGTON (Reuters) - The Pentagon said on Monday it saw troops.\n"
            "It gave no details.\n"
            "Reporting by Jane Doe; Editing by John Smith")
    c = clean_text(text)
    assert c.byline == "By Jane Doe and John Smith"
    assert c.trailer == "Reporting by Jane Doe; Editing by John Smith"
    assert c.dateline.agency == "Reuters"
    assert c.body == "The Pentagon said on Monday it saw troops.\nIt gave no details."


def test_whitespace_and_line_endings_normalised():
    c = clean_text("First paragraph here.\r\n\r\n\u00a0Second\u00a0paragraph.\r\n")
    assert c.body == "First paragraph here.\nSecond paragraph."


def test_markup_is_stripped_and_entities_decoded():
    c = clean_text("<p>WASHINGTON (AP) &mdash; Troops &amp; tanks moved.</p><p>More&nbsp;text.</p>"
                   "<script>var x = 1;</script>")
    assert c.dateline.agency == "AP"
    assert c.body == "Troops & tanks moved.\nMore text."
    assert clean_text("<p></p><br/>").body == ""


def test_plain_text_with_ampersand_and_angle_brackets_survives():
    assert clean_text("AT&T said 3 < 5 and x > y.").body == "AT&T said 3 < 5 and x > y."


def test_separator_lines_are_removed_and_noted():
    c = clean_text("SEOUL, South Korea — First line.\n* * *\nSecond line.\n---\n###")
    assert c.body == "First line.\nSecond line."
    assert c.removed == ("separator line (paragraph 2)", "separator line (paragraph 4)",
                         "separator line (paragraph 5)", "dateline 'SEOUL, South Korea —'")


@pytest.mark.parametrize("text", [
    "Write to us at <letters@example.com> with your views.",
    "When supply<demand prices rise; when demand>supply they fall.",
    "The attackers hid a <script> tag in the page.\nA second paragraph follows.\n"
    "Investigators found the closing </script> tag later.",
    "3 < 5 and the <b> element is bold.",  # one mentioned tag is not HTML
])
def test_plain_text_with_angle_brackets_keeps_every_word(text):
    c = clean_text(text)
    assert c.markup == "text"
    assert c.body == text
    assert c.removed == ()


def test_html_is_recognised_per_article_and_its_removals_recorded():
    c = clean_text("<p>WASHINGTON (AP) &mdash; Troops moved.</p><!-- ad --><p>More text.</p>"
                   "<script>track();</script>")
    assert c.markup == "html"
    assert c.body == "Troops moved.\nMore text."
    assert c.removed[0] == "HTML markup: 4 tags, 1 script/style elements, 1 comments or doctypes removed"
    # an unknown "tag" inside HTML is text, not markup
    assert clean_text("<p>When supply<demand … demand>supply.</p><p>x</p>").body == (
        "When supply<demand … demand>supply.\nx")


def test_plain_text_decodes_only_complete_character_references():
    c = clean_text("AT&T and R&D rose &amp; fell &#8212; sharply.")
    assert c.body == "AT&T and R&D rose & fell — sharply."
    assert c.removed == ("2 HTML character references decoded",)


@pytest.mark.parametrize("line", [
    "By Jane Doe", "By JANE DOE", "By Jane Doe and John Smith", "By Kim Tong-Hyung, Associated Press",
    "By J. R. Smith, Staff Writer", "By Maria de la Cruz | The Daily Planet", "By Reuters", "By AP",
    "By The Associated Press", "By Ludwig van Beethoven, senior correspondent",
])
def test_byline_shapes(line):
    c = clean_text(f"{line}\nThe council met on Monday and voted.")
    assert c.byline == line and c.body == "The council met on Monday and voted."


@pytest.mark.parametrize("line", [
    "By August, leaves will droop, worn out by automobile exhaust.",
    "By Monday Night, the group had left the city.",
    "By car, the journey takes two hours.",
    "By August",
    "By 2030 the plant will close.",
])
def test_sentences_opening_with_by_are_body(line):
    c = clean_text(line)
    assert c.byline == "" and c.body == line


def test_control_characters_are_removed_and_recorded():
    c = clean_text("The minister sai\x00d the vote\x07 passed.\x0cA new page.")
    assert c.body == "The minister said the vote passed.\nA new page."
    assert c.removed == ("2 control characters (NUL and the like) removed",)


def test_windows_1252_codes_are_read_as_the_characters_meant():
    c = clean_text("Mr. Soros\x92 apartment cost dollars\x97almost a fortune\x81.")
    assert c.body == "Mr. Soros’ apartment cost dollars—almost a fortune."
    assert c.removed == ("3 C1 control codes read as Windows-1252 characters (\\x92 -> ’) or removed",)
