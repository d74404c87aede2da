"""Round-18 speaker rules (issue 7 §3), each on a short excerpt of an s13 article (ids given; ../shared/corpora),
shortened to at most 15 words of the article, or on a constructed sentence; the expected speakers were read off the
text by hand, not printed by the code."""

from speaker_helpers import quotes as _quotes
from speaker_helpers import speaker as _speaker

# ---- a name apposed after "the <title> of <Place>," is the speaker (a title many hold: mayor, governor)


def test_name_apposed_after_a_title_of_a_place_is_the_speaker():
    # AP via CBS News sJAvgCtkEbT3aXdZ (s13), paragraph 43: the speaker was "The mayor of Accumoli"
    text = "The mayor of Accumoli, Stefano Petrucci, said a family of four had died there."
    assert _speaker(text, "a family of four")[0] == "Stefano Petrucci"


def test_name_apposed_after_a_governor_of_a_state_is_the_speaker():
    # constructed: the same apposition with another title held by many people at once
    text = "The governor of Texas, Greg Abbott, said the state would sue the administration."
    assert _speaker(text, "the state would sue")[0] == "Greg Abbott"


# ---- "the UN rapporteur" names again the rapporteur named before (a title many hold at once)


def test_the_rapporteur_is_the_rapporteur_named_before():
    # after Al Jazeera hZiknDgyQzTlj7qP (s13), paragraphs 5-8, shortened
    text = ("UN rapporteur Agnes Callamard, who investigated the murder, spoke in New York. "
            "The UN rapporteur urged the CIA to declassify its files on the killing.")
    assert _speaker(text, "declassify its files")[0] == "Agnes Callamard"


# ---- reporting and tag verbs added to reporting_verbs.yaml 1.16


def test_underscored_that_and_assessed_that_report():
    # Daily Sabah ocNrBuzL7HQZFm9k (s13), paragraph 20, and Al Jazeera hZiknDgyQzTlj7qP (s13), paragraph 16
    text = "Prime Minister Binali Yıldırım also underscored that the new system would force parties to be inclusive."
    assert _speaker(text, "the new system would force")[0] == "Binali Yıldırım"
    assert _speaker("The CIA assessed that MBS had ordered the killing.", "MBS had ordered")[1] == "The CIA"


def test_underlining_that_reports_for_the_clause_subject():
    # constructed after Daily Sabah ocNrBuzL7HQZFm9k (s13), paragraph 9
    text = "Yıldırım spoke in İzmir, underlining that the channels to divisive politics were being shut down."
    assert _speaker(text, "the channels to divisive politics")[0] == "Yıldırım"


def test_expressed_hope_that_reports():
    # CNN fURmd3QmV3mbEvpe (s13), paragraph 34, shortened
    text = "Manchin expressed hope that a Republican in the White House could reassure some GOP lawmakers."
    assert _speaker(text, "could reassure")[1] == "Manchin"


def test_marveled_and_rapped_are_tags_of_a_quote():
    # AP via CBS News sJAvgCtkEbT3aXdZ (s13), paragraph 22, and CNN E6oLLBTmP13AMuMY (s13), paragraph 4, shortened
    text = "“The whole ceiling fell but did not hit me,” marveled resident Maria Gianni."
    assert _speaker(text, "The whole ceiling fell")[0] == "Maria Gianni"
    text = "Kanye West sold records. He once rapped, \"Things we buy to cover up what's inside\"."
    assert _speaker(text, "Things we buy")[0] == "Kanye West"


def test_deemed_frames_its_subjects_quoted_words():
    # ABC News RArXGW15UATuehd0 (s13), paragraph 17, shortened; and a passive without a subject names no one
    text = "Donald Trump spoke at the UN. He attacked the nuclear deal, which he deemed an \"embarrassment\"."
    assert _speaker(text, "embarrassment")[0] == "Donald Trump"
    text = "Stores may open for activities deemed “essential.”"
    assert all(not q.speaker for q in _quotes(text))
    # constructed after allsides bGHK08Zzu6sbFKqR: a plural of things before the participle, quote right after it
    assert all(not q.speaker for q in _quotes("Stances and actions deemed “protective” of the group are rewarded."))
    # and the active verbs stay reports: an auxiliary and adverb before the verb, a name that looks like a modal
    text = "Native American advocates and experts have long criticized the name they call a “racial slur.”"
    assert _speaker(text, "racial slur")[1] == "Native American advocates and experts"
    assert _speaker("Theresa May called the attack “sickening”.", "sickening")[0] == "Theresa May"


# ---- "a Trump supporter last Friday who …" is the supporter; a pronoun after an opening participle phrase is none
# of the people it names


def test_a_supporter_after_a_time_phrase_and_who_is_the_speaker():
    # CNN E6oLLBTmP13AMuMY (s13), paragraph 6, shortened: the speaker was Trump
    text = "He praised a black Trump supporter last Friday who claimed that the NRA was a civil rights group."
    assert _speaker(text, "the NRA was")[1] == "a black Trump supporter"


def test_pronoun_after_an_opening_participle_phrase_is_none_of_its_names():
    # CNN E6oLLBTmP13AMuMY (s13), paragraph 6, shortened to its frame: "he" was Trump
    text = ("Kanye West gave an interview. After co-signing a Trump supporter, he spoke to Ebro Darden, "
            "saying, \"I love Donald Trump.\"")
    assert _speaker(text, "I love Donald Trump")[0] == "Kanye West"
    found = {(q.text, q.speaker) for q in _quotes(text)}
    assert not any("Trump" in sp for _t, sp in found)


def test_a_report_in_an_opening_participle_phrase_ends_before_the_main_clause():
    # constructed after CNN E6oLLBTmP13AMuMY (s13), paragraph 6: the claim's content ran on into "he spoke …"
    text = ("Kanye West gave an interview. After praising a fan who claimed that the NRA was a civil rights group, "
            "he spoke to Ebro Darden.")
    claim = next(q for q in _quotes(text) if "the NRA was" in q.text)
    assert "Darden" not in claim.text


# ---- a participle inside a relative clause, no comma before it, reports for the relative's antecedent


def test_participle_inside_a_relative_clause_reports_for_its_antecedent():
    # CNN fURmd3QmV3mbEvpe (s13), paragraph 10, shortened: the speaker was the main clause's "he" (Trump)
    text = ("Trump spoke. He had lunch with NRA chief Wayne LaPierre on Sunday, who launched a diatribe "
            "accusing critics of plotting a socialist takeover.")
    assert _speaker(text, "plotting a socialist takeover")[0] == "Wayne LaPierre"


def test_a_report_ends_before_a_relative_clause_that_reports_for_its_antecedent():
    # constructed after CNN fURmd3QmV3mbEvpe (s13), paragraph 10: the outer report covered LaPierre's accusation
    text = ("Trump spoke. He revealed he had lunch with Wayne LaPierre on Sunday, who launched a diatribe "
            "accusing critics of plotting a takeover.")
    lunch = next(q for q in _quotes(text) if "he had lunch" in q.text)
    assert "plotting" not in lunch.text


# ---- a partitive subject without the group's plural is a noun read as a verb: no speaker


def test_one_of_the_adjective_is_no_speaker():
    # Daily Sabah ocNrBuzL7HQZFm9k (s13), paragraph 1, shortened: the speaker was "One of the important"
    text = "One of the important claims the yes camp makes, is that the new system will help."
    assert all(q.speaker_surface != "One of the important" for q in _quotes(text))
    assert _speaker("One of the officials said the plan would fail.", "the plan would fail")[1] \
        == "One of the officials"


# ---- "…, X said Sunday as …": a subordinate clause after the verb and its date is no part of the report


def test_a_subordinate_clause_after_said_and_a_date_keeps_the_report():
    # CNN roundups 5630_left (s13), paragraph 0, shortened: no report was found
    text = "Taiwan will not bow to pressure, President Tsai Ing-wen said Sunday as the island celebrated."
    assert _speaker(text, "Taiwan will not bow")[0] == "Tsai Ing-wen"


def test_a_time_clause_after_reported_and_a_date_is_no_part_of_the_report():
    # constructed after allsides I473ZSPU9fZv1NUN: the report is the clause before the comma
    text = "Hamdan is at liberty, his attorney reported Thursday after telling his client that the appeal won."
    quote = next(q for q in _quotes(text) if q.speaker_surface == "his attorney")
    assert "Hamdan is at liberty" in quote.text


# ---- a bare family name the entity layer merged with a full name printed before is that person


def test_a_family_name_first_is_the_person_named_before():
    # CNN roundups 5630_left (s13), paragraphs 0-1, shortened: the speaker was "Tsai"
    text = ("Taiwan will not bow to pressure, President Tsai Ing-wen said Sunday.\n\n"
            "During her speech, Tsai warned that Taiwan is facing the \"most complex situation\" in years.")
    assert _speaker(text, "Taiwan is facing")[0] == "Tsai Ing-wen"


# ---- a participle after a quotation's own tag with a place phrase reports for the quotation's speaker


def test_participle_after_a_tag_with_a_place_reports_for_the_quotes_speaker():
    # Daily Sabah ocNrBuzL7HQZFm9k (s13), paragraph 9, shortened: no report was found
    text = "“The path is open,” Yıldırım said in İzmir, underlining that divisive politics were being shut down."
    assert _speaker(text, "divisive politics were being")[0] == "Yıldırım"


# ---- "the <people> who are the <noun phrase> <verb>": a relative clause with a copula describes the people


def test_people_who_are_a_noun_phrase_speak():
    # AP via CBS News sJAvgCtkEbT3aXdZ (s13), paragraph 46, shortened: no speaker was found
    text = "The Franciscan friars who are the custodians of the basilica reported no immediate damage."
    assert _speaker(text, "no immediate damage")[1] == "The Franciscan friars"
