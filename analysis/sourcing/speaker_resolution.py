"""Speaker resolution: a printed speaker phrase to its actor (the entity layer), pronouns and definite
descriptions to their antecedents, continuations to the quote they continue.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import compress
from typing import Any

from ..model import TOKEN_LOWER, Sentence
from ..segment import tokenize_phrase
from .finder_state import _FinderState
from .profile import (
    OTHER,
    anonymous_cue,
    classify_speaker,
    head_phrase,
    is_anonymous,
    source_key,
)
from .quote_marks import OPENERS
from .quote_records import Quote, _key, _OrgMention
from .quote_words import _TRAILING, BOUNDARY_WORDS, CONJUNCTIONS, ORG_WINDOW, PRONOUNS, TIME_WORDS, _verb_like
from .speakers import (
    CLAUSE_OPENERS,
    GENERIC_ORG_HEADS,
    PENDING,
    PRONOUN_PARAGRAPHS,
    PRONOUN_SENTENCES,
    Candidate,
    auxiliary_tail,
    compatible,
    definite_head,
    holds_a_clause,
    opens_with_verb,
    phrase_gender,
)

# A phrase opening with a verb and a wh-clause whose subject is a name: "is why Peter Strzok", "is why even Ann
# Coulter" (allsides aUuiPcg2FIyzh49g, Vbld7fq7gfupnh1Y); the speaker is that subject.
_WH_CLAUSE = re.compile(r"\S+\s+(?:why|how|when|where|because)\s+(?:(?:even|also|only|now)\s+)?(?=[A-Z])")


PARTY_NOUNS = frozenset({"democrat", "republican"})  # written capitalised as nouns of a person ("the Democrat")
# Nouns of a group that, with "of" and a plural of people, make a group of people ("a group of 18 scientists")
GROUP_NOUNS = frozenset("group handful team panel coalition couple pair number".split())
# Reporting verbs whose object is who was addressed: named in the subject pronoun's own verb phrase ("He told a guard")
TELLING_VERBS = frozenset("tell ask urge warn remind assure inform".split())


# Sentence connectives that open a sentence before a comma; with -ly adverbs, never a speaker (see _opening_adverb).
ADVERB_MIN_LETTERS = 8  # our choice: "Secondly", "Currently", "Ultimately" (-ly surnames seen: Kelly, Modly, Ganguly)
# (round 12: "Next, they turned to Trump, who … by tweeting out that …" had "Next" for its speaker, Business Insider
# hjHEDsRGEKKlA1Yt; the sequence and concessive connectives after "also" were added with it)
OPENING_CONNECTIVES = frozenset("""however still meanwhile yet instead indeed again now then here there also next later
    earlier afterwards afterward moreover furthermore nonetheless nevertheless therefore thus otherwise likewise
    overall""".split())


# a person's full name as the entity layer prints it: two to four capitalised words or initials ("Tsai Ing-wen",
# "Edward J. DeBartolo"), not link text glued to a name ("Trump Donald John TrumpGOP")
_PERSON_NAME = re.compile(r"(?:[A-Z][a-z’'-]*[a-z]|[A-Z]\.)(?: (?:[A-Z][a-z’'-]*[a-z]|[A-Z]\.)){1,3}")

class _SpeakerResolution(_FinderState):
    """Speaker resolution: a printed speaker phrase to its actor (the entity layer), pronouns and definite
    descriptions to their antecedents, continuations to the quote they continue.
    """

    def _role_subjects(self) -> None:
        """A sentence whose subject is a definite role description of a person of the article ("The former
        president did not directly criticize Donald Trump, but he …") names that person again: the
        description is an antecedent candidate, as the person's own mentions are (resolved through the role
        titles the entity layer saw before person names: :func:`analysis.entities.resolve_actor`). A definite
        plural of people ("The five supreme court judges based …") is a group candidate for a later "they"."""
        for s in self.doc.sentences:
            toks = s.tokens
            if s.index not in self.too_long:
                self._role_mentions(s)
            k = next((n for n, t in enumerate(toks) if t.is_word and t.lower not in CONJUNCTIONS), len(toks))
            if s.index not in self.too_long and k < len(toks) and toks[k].lower in CLAUSE_OPENERS:
                k = next((n + 1 for n in range(k, len(toks)) if toks[n].text == ","), len(toks))
            if s.index not in self.too_long and k < len(toks) and toks[k].lower in {"a", "an"}:
                self._indefinite_role_subject(s, k)
                continue
            if s.index not in self.too_long and k + 2 < len(toks) and toks[k].lower in {"his", "her", "their"}:
                self._possessed_role_name(s, k)
                continue
            if s.index in self.too_long or k >= len(toks) or toks[k].lower != "the":
                continue
            words = []
            for t in toks[k + 1:k + 5]:
                if not (t.is_word and t.text[:1].islower()) or _verb_like(t.lower):
                    break
                words.append(t)
            nxt = toks[k + 1 + len(words)] if k + 1 + len(words) < len(toks) else None
            if not words or nxt is None or not nxt.is_word or not (_verb_like(nxt.lower) or any(
                    h.token_index == k + 1 + len(words) for h in self.hits[s.index])):
                continue
            surface = self.doc.body[toks[k].start:words[-1].end]
            last = words[-1].lower
            if last.endswith("s") and not last.endswith(("ss", "us", "is")) and self.cues.names_people(last):
                # "The five supreme court judges based their judgment on …. They ruled that …": a group
                self._speaker(surface, s, toks[k].start, report=False)
                continue
            mention = self._resolve(surface, s, toks[k].start)
            if mention is not None and getattr(mention, "kind", "") == "person" \
                    and str(getattr(mention, "rule", "")).startswith("role of"):
                value = (str(mention.actor), surface, str(getattr(mention, "source_type", "") or OTHER), True)
                self.antecedents.add(Candidate(toks[k].start, words[-1].end, s.index, "person",
                                               self.genders.get(str(mention.actor), ""), value))

    def _role_mentions(self, s: Sentence) -> None:
        """A definite role description anywhere in a sentence ("Moments before the president spoke, promising he
        was on the side of peaceful protesters", BBC AfVXxbYeP3aIugDx, after "President Donald Trump") names the
        person of the article who holds that role, as a name would: an antecedent candidate wherever it stands,
        not only as its sentence's subject. Only descriptions the entity layer resolves through the role titles
        it saw before person names (rule "role of …") count: "the president" with no titled person stays none."""
        toks = s.tokens
        if not self.role_holders:
            return  # no titled person in the article: no description can name one
        role_words = self._role_words()
        for k in compress(range(len(toks)), map("the".__eq__, map(TOKEN_LOWER, toks))):  # each "the" (no Python loop)
            t = toks[k]
            if self.antecedents.at(t.start, t.start) is not None:
                continue
            for n in range(k + 1, min(k + 4, len(toks))):  # the shortest description that names a role
                w = toks[n]
                if not (w.is_word and w.text[:1].islower()) or _verb_like(w.lower):
                    break
                if not any(x.lower.replace("’", "'").replace("‘", "'") in role_words for x in toks[k + 1:n + 1]):
                    continue  # holds no word of any title seen: it resolves to no role (skips the entity layer)
                surface = self.doc.body[t.start:w.end]
                mention = self._resolve(surface, s, t.start)
                if mention is None or getattr(mention, "kind", "") != "person" \
                        or not str(getattr(mention, "rule", "")).startswith("role of"):
                    continue
                title = str(mention.rule).partition(": ")[2]
                after = toks[n + 1] if n + 1 < len(toks) else None
                if after is not None and after.lower in {"of", "for"}:
                    break  # "the president of Mexico": another holder of the title, not the one named before
                if self.role_holders.get(title) == {str(mention.actor)} \
                        and self._named_recently(str(mention.actor), s, t.start):
                    value = (str(mention.actor), surface, str(getattr(mention, "source_type", "") or OTHER), True)
                    self.antecedents.add(Candidate(t.start, w.end, s.index, "person",
                                                   self.genders.get(str(mention.actor), ""), value))
                break

    def _role_words(self) -> frozenset[str]:
        """Every word of the titles in ``role_holders``, and each title's last word with "s" (a plural
        description, "the senators"): a description holding none of them names no role holder."""
        if self._role_word_set is None:
            words = {w for title in self.role_holders for w in title.split()}
            self._role_word_set = frozenset(words | {title.split()[-1] + "s" for title in self.role_holders
                                                     if title.split()})
        return self._role_word_set

    def _named_recently(self, actor: str, s: Sentence, at: int) -> bool:
        """Whether the surname of ``actor`` is printed before body offset ``at`` in the paragraph of sentence ``s``
        or the ``PRONOUN_PARAGRAPHS`` before it: a description refers to a person in view, as a pronoun does ("the
        president's record" in an article about Trump is not the Turkish president named once, far back). The
        surname as printed, not the entity layer's merged mentions: "Pompeo" next to "Susan Pompeo" stays
        unmerged there, yet the reader has the secretary of state in view."""
        surname = actor.split()[-1]
        first = next((x.start for x in self.doc.sentences if x.paragraph >= s.paragraph - PRONOUN_PARAGRAPHS), 0)
        return re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", self.doc.body[first:at]) is not None

    def _indefinite_role_subject(self, s: Sentence, k: int) -> None:
        """'But on Tuesday, a spokeswoman for Rice indicated that …. She said Rice, for one, …' (Fox News
        RRt3cs5w1Kn7SqVX): an indefinite description of one person that is its sentence's subject (a person or
        gendered role noun, then at most "for"/"of"/"at"/"to"/"in" and a capitalised name, then at most two time
        words, then a verb: "A federal judge in California on Friday overturned …, which he called a “failed
        experiment”", NYT roundups 5980_left, s11) is the antecedent of a later "she"/"he" — a description, so the
        pronoun's speaker is the description, not the person named inside it."""
        toks = s.tokens
        m = k + 1
        while m < len(toks) and m - k <= 3 and toks[m].is_word and toks[m].text[:1].islower() \
                and not _verb_like(toks[m].lower) and not self.cues.names_people(toks[m].text):
            m += 1
        if m >= len(toks) or not toks[m].is_word or not self.cues.names_people(toks[m].text) \
                or toks[m].lower.endswith("s"):
            return
        end = m
        if m + 2 < len(toks) and toks[m + 1].lower in {"for", "of", "at", "to", "in"} \
                and toks[m + 2].text[:1].isupper():
            end = m + 2
            while end + 1 < len(toks) and toks[end + 1].is_word and toks[end + 1].text[:1].isupper():
                end += 1
        after = end + 1
        while after < len(toks) and after - end <= 2 and toks[after].lower in TIME_WORDS:
            after += 1  # "A federal judge in California on Friday overturned …" (NYT roundups 5980_left, s11)
        nxt = toks[after] if after < len(toks) else None
        if nxt is None or not nxt.is_word or not (_verb_like(nxt.lower) or nxt.lower.endswith("ed")):
            return
        surface = self.doc.body[toks[k].start:toks[end].end]
        words = [t.text for t in toks[k:m + 1]]
        value = (surface, surface, classify_speaker(surface, self.types), False)
        self.antecedents.add(Candidate(toks[k].start, toks[end].end, s.index, "person",
                                       phrase_gender(words, self.cues), value))

    def _possessed_role_name(self, s: Sentence, k: int) -> None:
        """'His daughter Andrea took a different view of that. She wrote in a leaked text …' (Daily Mail
        VzQ0xxS4F2Vh1pDD, s12): a subject made of a possessive, at most one lower-case modifier, a person or gendered
        role noun and a capitalised name right before a verb is that name, the antecedent of a later "she"/"he" of
        the role noun's gender (the entity layer may not know a lone given name)."""
        toks = s.tokens
        m = k + 1
        if toks[m].is_word and toks[m].text[:1].islower() and not self.cues.names_people(toks[m].text) \
                and not _verb_like(toks[m].lower):
            m += 1  # "His elder daughter"
        if m + 1 >= len(toks) or not (toks[m].is_word and toks[m].text[:1].islower()
                                      and self.cues.names_people(toks[m].text)) or toks[m].lower.endswith("s"):
            return
        end = m
        while end + 1 < len(toks) and end - m < 3 and toks[end + 1].is_word and toks[end + 1].text[:1].isupper():
            end += 1
        nxt = toks[end + 1] if end + 1 < len(toks) else None
        if end == m or nxt is None or not nxt.is_word or not (_verb_like(nxt.lower) or any(
                h.token_index == end + 1 for h in self.hits[s.index])):
            return
        if self.antecedents.at(toks[m + 1].start, toks[end].end) is not None:
            return  # a name the entity layer knows is a candidate already
        surface = self.doc.body[toks[m + 1].start:toks[end].end]
        gender = phrase_gender([toks[m].text], self.cues)
        value = (surface, surface, classify_speaker(surface, self.types), True)
        self.antecedents.add(Candidate(toks[m + 1].start, toks[end].end, s.index, "person", gender, value))

    # ---- speakers -------------------------------------------------------------------------
    def _pronoun(self, pronoun: str, sentence: Sentence, offset: int) -> tuple[tuple[str, str, str, bool], str]:
        """(speaker, surface, type, named) and speaker rule of a pronoun speaker (module :mod:`.speakers`)."""
        kind = self.cues.pronouns.get(pronoun.lower(), "")
        if not kind and self._reference_description(pronoun):
            return self._definite_person(pronoun, sentence, offset)
        if not kind and self._media_description(pronoun):
            return self._definite_medium(pronoun, sentence, offset)
        if not kind and self._issued_description(pronoun):
            return self._definite_issuer(pronoun, sentence, offset)
        cand = self.antecedents.find(kind, sentence.index, offset, bound=self._own_phrase_end(sentence, offset)) \
            if kind else None
        self._last_cand = cand
        if cand is None:
            return ("", pronoun, OTHER, False), f"pronoun '{pronoun}': no compatible antecedent"
        speaker, _surface, stype, named = cand.value
        return (speaker, pronoun, stype, named), \
            f"pronoun '{pronoun}': nearest {cand.gender + ' ' if cand.gender else ''}{cand.kind}"

    def _own_phrase_end(self, s: Sentence, offset: int) -> int:
        """Body offset where the verb phrase of a subject pronoun at ``offset`` ends, for the binding of
        :meth:`AntecedentIndex.find`: at a clause word, a quotation mark, a colon or semicolon, or a reporting verb
        (what it reports is another clause: "He said Pence … had heard Sondland say …"); after a verb of telling,
        at the end of its addressee ("He told a guard, and … Tillman was taken"); -1 when ``offset`` starts no token
        of ``s``."""
        toks = s.tokens
        p = next((n for n, t in enumerate(toks) if t.start == offset), -1)
        if p < 0:
            return -1
        hits = {h.token_index: h for h in self.hits[s.index]}
        m = p + 1
        while m < len(toks):
            t = toks[m]
            if t.text in OPENERS or t.text in {"”", '"', ":", ";"} or (t.is_word and t.lower in BOUNDARY_WORDS):
                return t.start
            h = hits.get(m)
            if h is not None:
                if h.lemma not in TELLING_VERBS:
                    return t.start
                m += h.n_tokens
                while m < len(toks) and toks[m].is_word and toks[m].lower not in BOUNDARY_WORDS and m - p < 8:
                    m += 1  # the addressee
                return toks[m].start if m < len(toks) else s.end
            m += 1
        return s.end

    def _definite_org(self, surface: str, sentence: Sentence, at: int) -> Any:
        """"the ministry" / "the agency": the organisation named before whose name ends in that noun
        ("Emergencies Ministry"), searched like a pronoun's antecedent; None when there is none."""
        head = definite_head(surface.split())
        if not head:
            return None
        # "the ministry" names its kind of organisation and may look far back; "the company" only near
        window = ORG_WINDOW if head not in GENERIC_ORG_HEADS else (PRONOUN_PARAGRAPHS, PRONOUN_SENTENCES)
        cand = self.antecedents.find(f"org:{head}", sentence.index, at, window=window)
        if cand is None:
            return None
        actor, _surface, stype, _named = cand.value
        return _OrgMention(actor, "organisation", stype, f"definite description of {actor}", at, at + len(surface))

    def _outlet_short_name(self, surface: str, sentence: Sentence, at: int) -> Any:
        """"the Journal" / "the Journal report" after "The Wall Street Journal" (Daily Beast VkvlXi6UljJQhn6U), "the
        Post" after "The Washington Post": "the" + an ``outlet_short_names`` word, alone or before a ``work_nouns``
        word, is the organisation named before whose name ends in that word (searched like "the ministry"); None
        when there is none."""
        words = surface.split()
        if len(words) == 3 and words[2] in self.cues.work_nouns:
            words = words[:2]
        if len(words) != 2 or words[0].lower() != "the" or not words[1][:1].isupper() \
                or words[1].lower() not in self.cues.outlet_short_names:
            return None
        cand = self.antecedents.find(f"org:{words[1].lower()}", sentence.index, at, window=ORG_WINDOW)
        if cand is None or len(str(cand.value[0]).split()) < 2:
            return None
        actor, _surface, stype, _named = cand.value
        return _OrgMention(actor, "organisation", stype, f"short name of {actor}", at, at + len(surface))

    def _media_description(self, surface: str) -> bool:
        """Whether a speaker phrase is "the" + a ``media_nouns`` word ("the journal", "the newspaper")."""
        words = surface.split()
        return len(words) == 2 and words[0].lower() == "the" and words[1] in self.cues.media_nouns

    def _definite_medium(self, surface: str, sentence: Sentence, at: int) -> tuple[tuple[str, str, str, bool], str]:
        """'There was no report in December “…,” the journal said.' after 'The Lancet said …' (AP Fact Check
        YFDxfzZJrP13vuNx): the organisation printed by name as the speaker of a report nearest before, within a
        pronoun's window; otherwise the description as printed (no medium reported before it)."""
        cand = self.antecedents.find("report", sentence.index, at, reports_only=True)
        self._last_cand = cand
        if cand is None:
            return (surface, surface, classify_speaker(surface, self.types), True), "as printed"
        speaker, _surface, stype, named = cand.value
        return (speaker, surface, stype, named), f"definite description of {speaker}"

    def _opening_adverb(self, surface: str, at: int, sentence: Sentence) -> bool:
        """Whether a one-word speaker phrase is the adverb that opens its sentence before a comma ("Ultimately,",
        "Thankfully,", "However,": the speaker was "Ultimately" in "Ultimately, the solution must include …, argues
        Mr. Cook", allsides_dev): a connective, or an -ly word of :data:`ADVERB_MIN_LETTERS` letters or more that the
        entity layer did not find as a name (not "Kelly,", "Modly,", "Ganguly,", "Donnelly,": surnames are shorter or
        end in -elly)."""
        word = surface.strip()
        low = word.lower()
        adverb = len(word) >= ADVERB_MIN_LETTERS and low.endswith("ly") and not low.endswith("elly")
        return (" " not in word and at == sentence.start and self.doc.body[at + len(word):at + len(word) + 1] == ","
                and (adverb or low in OPENING_CONNECTIVES))

    def _issued_description(self, surface: str) -> bool:
        """Whether a speaker phrase is "the" + an ``issued_nouns`` word ("the statement")."""
        words = surface.split()
        return len(words) == 2 and words[0].lower() == "the" and words[1].lower() in self.cues.issued_nouns

    def _definite_issuer(self, surface: str, sentence: Sentence, at: int) -> tuple[tuple[str, str, str, bool], str]:
        """'“We were grieved to learn about the crash,” the statement said.' after '…, the company said in a statement
        released through TASS.' (USA TODAY 1vutnmyxCAhCGzMo): the speaker of the nearest quote of an earlier sentence,
        within a pronoun's window, whose sentence prints the same noun and whose speaker is not the document itself
        ("according to a statement the agency put out"); otherwise the description as printed (not the source of its
        own sentence: "“…,” the statement said, according to WGN")."""
        noun = surface.split()[1].lower()
        sents, para = self.doc.sentences, sentence.paragraph
        for q in sorted((q for q in self.quotes if q is not None and q.speaker
                         and 0 < sentence.index - q.sentence_index < PRONOUN_SENTENCES
                         and self.antecedents.paragraphs_between(sents[q.sentence_index].paragraph, para)
                         <= PRONOUN_PARAGRAPHS), key=lambda q: q.start, reverse=True):
            printed = {t.lower for t in sents[q.sentence_index].tokens if t.is_word and not self._in_direct(t.start)}
            if noun in printed and noun not in q.speaker_surface.lower().split():
                return (q.speaker, surface, q.speaker_type, q.named), f"definite description of {q.speaker}"
        return (surface, surface, classify_speaker(surface, self.types), True), "as printed"

    def _reference_description(self, surface: str) -> bool:
        """Whether a speaker phrase is a definite description of at most four words whose head is a
        ``reference_nouns`` word ("the doctor", "the hardline cleric", "the Democrat"): it may name again the
        person named just before (:meth:`_definite_person`)."""
        words = surface.split()
        # the head in lower case, but for the party nouns ("The Democrat"): "According to The Economist" is a name
        return 2 <= len(words) <= 4 and words[0].lower() == "the" and words[-1].lower() in self.cues.reference_nouns \
            and (words[-1].islower() or words[-1].lower() in PARTY_NOUNS)

    def _definite_person(self, surface: str, sentence: Sentence, at: int) -> tuple[tuple[str, str, str, bool], str]:
        """'“Georgia was never closed for business,” said the doctor' (Washington Post W7qLB3fDpMszT1Hq, after
        "Reisman, …, said …. He also said …"), "the hardline cleric said" (Reuters 5936_center, after "President-elect
        Ebrahim Raisi"): the person or group nearest before the description, searched like a pronoun's antecedent,
        when it is a person by name of a compatible gender, before the description's sentence; otherwise the
        description itself, as printed (after "Officials said …", "said the doctor" is somebody new)."""
        gender = phrase_gender(surface.split(), self.cues)
        # a person named earlier in the description's own sentence makes it ambiguous ("Pence told Davidson that …,
        # which the doctor tells him is …", allsides 6fVbOnPGVp6xKOEn: the doctor is Davidson): none is taken
        cand = None if self.antecedents.find("any", sentence.index, at, same_sentence=True) is not None \
            else self.antecedents.find("any", sentence.index, sentence.start)
        if cand is not None and compatible(f"named {gender}".strip(), cand):
            self._last_cand = cand
            speaker, _surface, stype, named = cand.value
            return (speaker, surface, stype, named), f"definite description of {speaker}"
        value = (surface, surface, classify_speaker(surface, self.types), True)
        self._last_cand = Candidate(at, at + len(surface), sentence.index, "person", gender, value)
        return value, "as printed"

    def _candidate_kind(self, surface: str, mention: Any, anonymous: bool, stype: str = "",
                        offset: int = -1) -> tuple[str, str]:
        """(kind, gender) of a speaker phrase as an antecedent of a later pronoun; a document or a medium ("A 2008
        commission document states …", "The news network reported") is a thing, the antecedent of a later "It"."""
        words = [t.text for t in tokenize_phrase(surface) if t.is_word]
        if stype in ("document", "other media") and mention is None and not words[-1].lower().endswith("s"):
            return "thing", ""  # "A 2008 commission document", "The news network": "it", not "he"
        if mention is not None:
            if mention.kind == "person":
                return "person", self.genders.get(str(mention.actor), "") or phrase_gender(words, self.cues)
            if mention.kind in ("organisation", "country"):
                return ("thing" if mention.kind == "organisation" else "country"), ""
        head = [t.lower for t in tokenize_phrase(head_phrase(surface)) if t.is_word]
        last = head[-1] if head else ""
        if offset >= 0 and len(words) <= 2 and all(w[:1].isupper() for w in words) and last.endswith("s"):
            gender = self.antecedents.person_surnamed(words[-1], offset)
            if gender is not None:  # "Jones speculated that …" after "novelist Robert Jones Jr." (Mother Jones
                # c1osjH3GV9ggSVF7, s12): a surname in -s of a person named before is that person, not a group
                return "person", gender
        if (last.endswith("s") and not last.endswith(("ss", "us", "is"))) or last in self.cues.plural_nouns \
                or self._group_of_people(words):
            return "plural", ""  # "officials", "Two people familiar with her testimony", "A group of 18 scientists"
        if last in self.cues.organisation_nouns and not self.cues.names_people(last):
            return "organisation", ""  # "The Trump campaign", "the appeals court": no pronoun's antecedent ("he" is
            # not the campaign; "it"/"they" are left to the organisations the entity layer names)
        if anonymous or (words[:1] and words[0].lower() in {"a", "an", "the"}) or phrase_gender(words, self.cues):
            return "person", phrase_gender(words, self.cues)
        if words and all(w[:1].isupper() for w in words):
            return "person", ""  # an unlisted name ("Peter Brown")
        return "", ""

    def _group_of_people(self, words: list[str]) -> bool:
        """Whether a speaker phrase is a group noun with "of" and people ("A group of 18 scientists stated … that ….
        They argued …", NYT roundups 6041_left, s11: "group" heads organisations, so "They" had no antecedent): the
        antecedent of a later "they"."""
        low = [w.lower() for w in words]
        k = next((n for n, w in enumerate(low) if w in GROUP_NOUNS), -1)
        return 0 <= k < len(low) - 2 and low[k + 1] == "of" and low[-1].endswith("s") \
            and self.cues.names_people(low[-1])

    def _speaker(self, surface: str, sentence: Sentence, offset: int = -1,
                 report: bool = True) -> tuple[tuple[str, str, str, bool], str]:
        """(speaker, surface, type, named) and speaker rule for a phrase printed in ``sentence`` at body ``offset``
        (``report``: the phrase is the speaker of a report, preferred as the antecedent of a later pronoun)."""
        lead = len(surface) - len(surface.lstrip(_TRAILING + "—–"))
        surface = surface.strip(_TRAILING + "—–")
        if not surface:
            return ("", "", "", False), ""
        if surface.lower() in PRONOUNS:
            return ("", surface, OTHER, False), PENDING  # resolved once every candidate is known
        if opens_with_verb(surface):
            clause = _WH_CLAUSE.match(surface)  # "(which) is why Peter Strzok": the subject of the clause after it
            if clause is None:
                return ("", "", "", False), ""  # a clause fragment, never a speaker: no speaker rather than a wrong one
            lead += clause.end()
            surface = surface[clause.end():]
        tail = auxiliary_tail(surface)
        if tail > 0:  # "Scholars have long": the phrase without its verb group
            surface = surface[:tail]
        elif holds_a_clause(surface):
            return ("", "", "", False), ""  # "Social media has made it easier for people …": a sentence
        anonymous = is_anonymous(surface, self.types) or bool(anonymous_cue(sentence.text, self.types))
        mention = self._resolve(surface, sentence, offset + lead if offset >= 0 else 0)
        if mention is None and offset >= 0 and self._opening_adverb(surface, offset + lead, sentence):
            return ("", "", "", False), ""  # "Ultimately, the solution must include …": a sentence adverb, no speaker
        accepted = False
        if mention is not None and not str(getattr(mention, "rule", "")).startswith("demonym"):
            # accept the actor only when it is the head of the phrase, not a modifier inside it
            matched = surface[max(0, mention.start - offset - lead):max(0, mention.end - offset - lead)] \
                if offset >= 0 else surface
            head = source_key(head_phrase(surface))
            key = source_key(matched)
            coordinated = " and " in f" {head} " or "," in head
            accepted = bool(key) and (key == head or (not coordinated and head.endswith(key)))
            if not accepted and offset >= 0 and getattr(mention, "kind", "") == "organisation":
                accepted = self._named_kind(surface, mention.start - offset - lead, mention.end - offset - lead)
                if not accepted and self._named_work(surface, mention.start - offset - lead,
                                                     mention.end - offset - lead):
                    # "a Politico report" is no anonymous "reports": the organisation names itself
                    accepted, anonymous = True, bool(anonymous_cue(sentence.text, self.types))
        if not accepted:
            short = self._outlet_short_name(surface, sentence, offset + lead if offset >= 0 else sentence.start)
            if short is not None:  # "the Journal report" is no anonymous "reports": the paper named before
                anonymous = bool(anonymous_cue(sentence.text, self.types))
            coref = short or self._definite_org(surface, sentence, offset + lead if offset >= 0 else sentence.start)
            if coref is not None:
                mention, accepted = coref, True
        if not accepted and offset >= 0 and (self._reference_description(surface) or self._media_description(surface)
                                             or self._issued_description(surface)):
            return ("", surface, OTHER, False), PENDING  # "said the doctor", "the journal said": with the pronouns
        speaker = surface
        stype = ""
        if accepted and mention is not None:
            stype = str(getattr(mention, "source_type", "") or "")
            if not anonymous:
                speaker = str(mention.actor)
        elif mention is None and offset >= 0 and not anonymous:
            same = self.antecedents.at(offset + lead, offset + lead)
            if same is not None and same.kind == "person" and same.start == offset + lead \
                    and same.end == offset + lead + len(surface) and same.value[3] \
                    and _PERSON_NAME.fullmatch(str(same.value[0])) and surface in str(same.value[0]).split():
                # "Tsai warned that …" after "President Tsai Ing-wen said …" (CNN roundups 5630_left, s13): the
                # resolver reads the bare name alone, the entity layer's article pass merged it with the full name
                # printed before (a family name first); the speaker is that person (round 18)
                speaker = str(same.value[0])
        if not stype:
            stype = classify_speaker(surface, self.types)
        if stype == OTHER and mention is not None and getattr(mention, "source_type", ""):
            stype = str(mention.source_type)  # "the U.S., South Korea, and Ukraine": governments
        value = (speaker, surface, stype, not anonymous)
        if offset >= 0:
            kind, gender = self._candidate_kind(surface, mention if accepted else None, anonymous, stype,
                                                offset + lead)
            if kind == "organisation":  # "The Trump campaign": the name inside modifies it, no antecedent
                self.antecedents.drop_modifiers(offset + lead, offset + lead + len(surface))
            if kind:
                self.antecedents.add(Candidate(offset + lead, offset + lead + len(surface), sentence.index, kind,
                                               gender, value))
                if report and self._salient(kind, surface, mention if accepted else None):
                    self.antecedents.mark_speaker(offset + lead)
                elif report and self._named_organisation(surface, mention if accepted else None):
                    self.antecedents.mark_speaker(offset + lead, thing=True)
        return value, "as printed" if speaker == surface else "as printed; actor resolved"

    def _named_kind(self, surface: str, start: int, end: int) -> bool:
        """Whether a speaker phrase is "the" + an organisation's name + the kind of organisation it is ("The Pajhwok
        news agency said …", Reuters 5746_center): the organisation itself, not a modifier of another ("The Trump
        campaign" names a person, so it never gets here). A part of one ("The Senate committee", "The NRA board";
        ``part_nouns``) is not the organisation and stays as printed."""
        before, after = surface[:max(0, start)].strip(), surface[end:].split()
        kind = after[1:] if after[:1] == ["news"] else after  # "news agency": one kind ("budget office" is a part)
        return before.lower() == "the" and len(kind) == 1 and kind[0].islower() \
            and kind[0] in self.cues.organisation_nouns and kind[0] not in self.cues.part_nouns

    def _named_work(self, surface: str, start: int, end: int) -> bool:
        """Whether a speaker phrase is "a"/"an"/"the" + an organisation's name + a ``work_nouns`` word ("according to
        a Politico report", Business Insider hjHEDsRGEKKlA1Yt; "according to an NBC News investigation"): the
        organisation is the source of its own report. Polls and studies are not works of this kind (the devset
        labels "a Reuters/Ipsos opinion poll" as a description)."""
        before, after = surface[:max(0, start)].strip(), surface[end:].split()
        return before.lower() in {"a", "an", "the"} and len(after) == 1 and after[0].islower() \
            and after[0] in self.cues.work_nouns

    @staticmethod
    def _named_organisation(surface: str, mention: Any) -> bool:
        """Whether a report's speaker phrase names an organisation: an organisation of the entity layer, or "The"
        and capitalised words that are no person of it ("The Lancet", "The New York Times")."""
        if mention is not None:
            return getattr(mention, "kind", "") == "organisation"
        words = surface.split()
        return len(words) >= 2 and words[0] in ("The", "the") and all(w[:1].isupper() for w in words[1:])

    def _salient(self, kind: str, surface: str, mention: Any) -> bool:
        """Whether a report's speaker is preferred as the antecedent of a later pronoun: a person by name (an
        actor of the entity layer, or capitalised words: "Darby") or a group of people ("critics"); not a
        description that may name a thing ("a profile in The Intercept", "the news program")."""
        words = [t.text for t in tokenize_phrase(surface) if t.is_word]
        if kind == "person":
            return (mention is not None and mention.kind == "person") or (bool(words) and all(
                w[:1].isupper() for w in words) and words[0].lower() not in {"the", "a", "an"})
        return kind == "plural" and bool(words) and self.cues.names_people(words[-1])

    def _resolve(self, surface: str, sentence: Sentence, offset: int) -> Any:
        """The actor mention of a speaker phrase (:func:`analysis.entities.resolve_actor`), resolved once per
        phrase and article: a repeated phrase reuses the answer, its offsets moved to where it is printed."""
        if self.resolve is None:
            return None
        if surface in self._resolved:
            mention, base = self._resolved[surface]
            if mention is None or not hasattr(mention, "start"):
                return mention
            return replace(mention, sentence_index=sentence.index, start=mention.start - base + offset,
                           end=mention.end - base + offset)
        try:
            mention = self.resolve(surface, self.doc, self.settings, sentence_index=sentence.index, start=offset)
        except Exception:  # a resolver failure must not lose the quote
            mention = None
        self._resolved[surface] = (mention, offset)
        return mention

    def _resolve_pronouns(self) -> None:
        """Resolve pronoun speakers in text order, now that every speaker phrase is a candidate; a
        resolved pronoun is a candidate for later ones ("he said … he added"), and a continuation takes
        the speaker of the quote it continues."""
        done: dict[tuple[str, int, int], Quote] = {}
        kept = [n for n, q in enumerate(self.quotes) if q is not None]
        # a sentence that opens with "He"/"She" outside quotes names its antecedent again ("He has now
        # decided …"): resolved in the same pass, it is a candidate for the pronouns after it
        events = [(q.start, 1, n) for n in kept if (q := self.quotes[n]) is not None] + \
            [(t.start, 0, -1 - s.index) for s in self.doc.sentences if s.index not in self.too_long
             for t in s.tokens[:1] if t.lower in ("he", "she") and not self._in_direct(t.start)]
        for _pos, _kind, n in sorted(events):
            if n < 0:
                sent = self.doc.sentences[-1 - n]
                tok = sent.tokens[0]
                cand = self.antecedents.find(self.cues.pronouns.get(tok.lower, ""), sent.index, tok.start,
                                             bound=self._own_phrase_end(sent, tok.start))
                if cand is not None:
                    self.antecedents.add(replace(cand, start=tok.start, end=tok.end, sentence_index=sent.index))
                continue
            q = self.quotes[n]
            assert q is not None
            key = _key(q)
            if key in self.pending:
                pronoun, s, at = self.pending[key]
                value, rule = self._pronoun(pronoun, s, at)
                q = replace(q, speaker=value[0], speaker_type=value[2], named=value[3], speaker_rule=rule)
                cand = self._last_cand
                if cand is not None and at >= 0:
                    self.antecedents.add(replace(cand, start=at, end=at + len(pronoun), sentence_index=s.index))
            elif key in self.continues and (src_key := self.absorbed.get(self.continues[key],
                                                                         self.continues[key])) in done:
                src = done[src_key]
                q = replace(q, speaker=src.speaker, speaker_surface=src.speaker_surface,
                            speaker_type=src.speaker_type, named=src.named)
            done[key] = q
            self.quotes[n] = q
        for start, key in self.pending_stance.items():
            if key in done and start in self.stance:
                self.stance[start] = replace(self.stance[start], speaker=done[key].speaker)

