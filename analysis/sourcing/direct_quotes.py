"""Direct quotes: the speaker of each quoted span (after it, before it, a frame verb or noun, a
continuation of the quote before it), or a scare quote when none attributes it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..model import Sentence, Token
from ..segment import SENTENCE_OPENERS
from .quote_marks import OPENERS, _quote_mark_spans, embedded_posts, sentence_at
from .quote_records import Quote, _key, _Tag
from .quote_words import (
    _FROM_NAME,
    MONTHS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE_WORDS,
    SCARE_MAX_WORDS,
    SPEAKER_AFTER_MAX_WORDS,
    TIME_WORDS,
    _subjectless,
    _verb_like,
    _words_between,
    short_quote,
)
from .speakers import (
    LABELS,
    apposed_name,
    colon_name,
    dash_name,
    final_name,
    glued_period,
    name_after,
    per_source,
)
from .stance import (
    VerbHit,
    find_verb_hits,
    reports_nothing,
)
from .subjects import _SubjectRules

# Nouns of a medium right before a quoted title ("the show “Face the Nation”").
MEDIUM_NOUNS = frozenset("show program programme podcast newspaper magazine book film movie series column".split())
# our choice: words of a reporting clause that splits one quoted sentence ("promised the company’s chief executive,
# John Matze, in a June CNBC interview," is 11)
TAG_GAP_WORDS = 16
NEXT_QUOTE_WORDS = 3  # our choice: journalist's words between two quotes that share the speaker after the second
# (the first must be longer than SCARE_MAX_WORDS: "the “Capitol Hill Organized Protest,” or “CHOP,”" names, not speech)


_AS_AFTER = re.compile(r"[ \t]+as[ \t]+[A-Z]")  # "” as Anthony Cooke …": "as" and a capitalised word after a quote


def _name_apposed_after(s: Sentence, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """'“…,” said the prime minister, Boris Johnson.' (British house style; BBC, The Guardian): a description
    after the verb followed by a comma and a capitalised name of two to four words that ends the clause gives the
    name; None otherwise."""
    toks = s.tokens
    k = next((n for n, t in enumerate(toks) if t.start >= phrase[1]), len(toks))
    first = next((t for t in toks if t.start >= phrase[0]), None)
    if first is None or first.text[:1].isupper() or k >= len(toks) or toks[k].text != ",":
        return None
    name = []
    for t in toks[k + 1:]:
        if not (t.is_word and t.text[:1].isupper()) and not (t.text == "." and name and len(name[-1].text) == 1):
            break
        name.append(t)
    words = [t for t in name if t.is_word]
    nxt = toks[k + 1 + len(name)] if k + 1 + len(name) < len(toks) else None
    if not 2 <= len(words) <= 4 or (nxt is not None and nxt.text not in {",", ".", ";"}):
        return None
    return words[0].start, words[-1].end


def _without_relative_clause(between: list[Token]) -> list[Token]:
    """The tokens between a frame verb and its quote without a relative clause set off by commas: "lauded Rumsfeld,
    who served as Bush's defense secretary, as a “faithful steward …”" (USA TODAY, roundups 5900_left) counts
    "Rumsfeld as a"."""
    for n in range(len(between) - 2):
        if between[n].text == "," and between[n + 1].lower in {"who", "which"}:
            close = next((m for m in range(n + 2, len(between)) if between[m].text == ","), None)
            if close is not None:
                return between[:n] + between[close + 1:]
    return between


# Nouns of a written or recorded statement: "assailed him in a tweet", "said in a statement" before a quote paragraph.
STATEMENT_NOUNS = frozenset("tweet tweets statement post letter video message email essay op-ed".split())
NAMING_PARTICIPLES = frozenset("called dubbed labeled labelled termed branded".split())
REFLEXIVES = frozenset("itself himself herself themselves myself ourselves yourself".split())


def relative_colon(toks: list[Token], hit: VerbHit, before: int) -> int | None:
    """Body offset of the colon (before offset ``before``) that closes the relative clause of the reporting verb
    ``hit`` ("advocates who say they need assault weapons to fight the government: ‘…’") when the verb has a clause
    of its own before it; None otherwise. The colon then introduces a quote of the main clause, not of the relative
    clause ("Biden mocked gun-rights advocates who say …: ‘You need F-15s …’", Insider headline, roundups
    5919_center). Not after a bare phrase ("who declared in the London Daily Express, Oct. 15, 2009: “…”" is the
    declarer's, allsides Ayo07qI1h3L5ztwl), before a "what" the quote spells out ("the man who said what so many
    people … were thinking …: “George Bush doesn't care …”", allsides E6oLLBTmP13AMuMY) or right after the verb
    ("people who said: “…”")."""
    i = hit.token_index
    if i == 0 or toks[i - 1].lower not in RELATIVE_WORDS:
        return None
    after = [t for t in toks if hit.end <= t.start < before]
    colon = next((n for n, t in enumerate(after) if t.text == ":"), None)
    if colon is None or colon == 0 or not after[0].is_word or after[0].lower in PREPOSITIONS | {"what", "how"}:
        return None
    return after[colon].start


class _DirectQuotes(_SubjectRules):
    """Direct quotes: the speaker of each quoted span (after it, before it, a frame verb or noun, a
    continuation of the quote before it), or a scare quote when none attributes it.
    """

    # ---- direct quotes ----------------------------------------------------------------------
    def _direct(self) -> None:
        body = self.doc.body
        sents = self.doc.sentences
        word_starts = self.word_starts
        posts = embedded_posts(self.doc)
        for open_at, close in [*_quote_mark_spans(self.doc), (len(body), len(body))]:
            while posts and posts[0][0] <= open_at:
                self._post(*posts.pop(0))
            if (self.direct and open_at < self.direct[-1][1]) or open_at >= len(body):
                continue  # quotation marks inside an embedded post are the post's
            cstart, cend = open_at + 1, close
            content = body[cstart:cend]
            # words inside the marks (a word token lies inside or outside: marks are tokens of their own)
            n_words = bisect_right(word_starts, cend - 1) - bisect_right(word_starts, cstart - 1)
            if n_words == 0:
                continue
            first = sents[sentence_at(self.doc, open_at)]
            self.direct.append((cstart, cend))  # before the speaker search: its own words are no antecedent
            self.direct_starts.append(cstart)
            # "…,” / "…?”" / "…,’”" (a nested quote closing first) / "…” – Name" / "…”, said"
            speechlike = content.rstrip().rstrip("’'")[-1:] in ",.!?…" or body[close + 1:close + 2] == "," \
                or _AS_AFTER.match(body, close + 1) is not None  # "a “productive resource” as Anthony Cooke …
            # once put it" (Mother Jones c1osjH3GV9ggSVF7, s12): "as" opens the tag clause of the quoted words
            tag = self._speaker_after(close, speechlike, open_at) if close < len(body) else None
            if tag is None:
                tag = self._speaker_before(first, open_at) or self._speaker_before_paragraph(first, open_at)
            if tag is None and close < len(body) and (per := per_source(body, close)) is not None:
                # '“…,” according to the Post.' (after the verb rules: in 'Most respondents said “no,” according to
                # the poll' the phrase attributes the sentence, and the respondents said "no")
                tag = _Tag(per, None, self.doc.sentences[sentence_at(self.doc, per[0])], "speaker_after_per")
            short = short_quote(n_words, content)
            if short and self._work_title(first, open_at, content):
                self.scare.append((cstart, cend, content))  # "Fauci said on ABC's “This Week”": a show's title
                continue
            if tag is None:  # "called the ruling a “turning point”": a source's words, not scare quotes; a whole
                # clause too: "Pelosi on Friday called the move “an act of extraordinary senselessness.”" (AP Fact
                # Check YFDxfzZJrP13vuNx), "He called it “dangerous” because “we’re in the middle of a pandemic.”"
                tag = self._framed(first, open_at, None if short else content)
            inherit = self._continued(first, open_at) if tag is None else None
            if tag is None and short and not (inherit is not None and self._whole_sentence(first, cstart, cend)):
                self.scare.append((cstart, cend, content))  # a short quote is speech only as a sentence of its own
                continue
            if tag is None:
                tag = _Tag(None, None, first, "continuation" if inherit else "unattributed")
            elif tag.rule == "speaker_after" and tag.hit is not None:
                self.used_verbs.add(tag.hit.start)
            q = self._add("direct", tag.surface, tag.sentence, cstart, cend, tag.hit, tag.rule, inherit,
                          tag.cand, tag.cand_rule)
            if q is not None:
                self.quoted.append((q.start, q.end))
                self.last_direct = q
                if tag.rule == "speaker_after_per":
                    self.per_quoted.add(cstart)
                if tag.rule == "speaker_before" and tag.hit is not None and tag.hit.tier:
                    self.by_verb.setdefault(tag.hit.start, []).append(q)

    def _clause_speakers(self) -> None:
        """Unattributed direct quotes that a reporting clause of their own sentence attributes after all, found
        once every quote is known (before pronouns are resolved), in text order:

        * a quote inside the clause of an inverted attribution ("“It’s not probably advisable to have spring
          break gatherings” but that people … is probably OK, he said.", AP dFnKXFuiwnr023uN);
        * a quote followed in its sentence, at most ``NEXT_QUOTE_WORDS`` words of the journalist's between, by a
          quote with a speaker after it ("If the report includes “evidence of misconduct …,” then “I think …,”
          said Matthew Jacobs", Reuters aMzZ0ljv39BPiLHb);
        * then, as in the first pass, a quote continuing one that got its speaker here ("… he said. “I think the
          communities can work that out.”").
        """
        live = [q for q in self.quotes if q is not None]
        # candidate sources indexed once: by start (a clause opening at the quote) and by sentence (a quote after
        # it in its sentence); each quote is compared with these only, not with every quote of the article
        order = {id(r): n for n, r in enumerate(live)}
        by_start = sorted((r.start, order[id(r)]) for r in live if (r.speaker or r.speaker_surface) and (
            (r.kind == "indirect" and r.rule == "clause_then_speaker") or r.kind == "according_to"))
        by_sentence: dict[int, list[Quote]] = {}
        for r in live:
            if r.kind == "direct" and r.rule == "speaker_after" and (r.speaker or r.speaker_surface):
                by_sentence.setdefault(r.sentence_index, []).append(r)
        prev: Quote | None = None
        for q in sorted((q for q in live if q.kind == "direct"), key=lambda q: q.start):
            if q.rule == "unattributed":
                got = self._clause_source(q, live, order, by_start, by_sentence)
                if got is not None:
                    src, rule = got
                    q = self._take_speaker(q, src, rule, src.speaker_rule)
                elif prev is not None and prev.rule in {"clause_after", "next_quote_speaker"}:
                    self.last_direct = prev
                    first = self.doc.sentences[q.sentence_index]
                    if self._continued(first, q.start - 1) is prev:
                        q = self._take_speaker(q, prev, "continuation", "continuation of the previous quote")
                if q.rule == "unattributed" and (report := self._report_before_paragraph(q, live)) is not None:
                    q = self._take_speaker(q, report, "continuation", "continuation of the report before")
            prev = q

    def _report_before_paragraph(self, q: Quote, live: list[Quote]) -> Quote | None:
        """'But Gat says he sees no hope for a major breakthrough, …' then a paragraph of only '“I remember my mother
        said, …”' (CNN mPm7FCLuUGBXRvV8): a direct quote without a clause that opens its paragraph continues the
        report (an indirect quote) that ends the directly preceding paragraph, when its speaker is a name, a pronoun,
        people or an organisation and its verb is not a request whose object speaks next ("asked her to");
        None otherwise."""
        doc = self.doc
        first = doc.sentences[q.sentence_index]
        if first.paragraph == 0 or doc.body[doc.paragraphs[first.paragraph].start:q.start - 1].strip():
            return None
        last = doc.paragraphs[first.paragraph - 1].sentence_indices[-1]
        before = [r for r in live if r.end <= q.start and r is not q]
        r = max(before, key=lambda x: x.end, default=None)
        if r is None or r.kind != "indirect" or r.end_sentence_index != last or r.sentence_index != last \
                or r.verb in {"ask", "urge"} or not r.speaker_surface.split():
            return None  # "a colleague asked her to take a meeting with Sondland": the one asked speaks next
        head = r.speaker_surface.split()[-1]
        if not (head[:1].isupper() or head.lower() in PRONOUNS or self.cues.names_people(head)
                or head.lower() in self.cues.organisation_nouns):
            return None  # a fragment ("down from 943,000 jobs"): no speaker rather than a wrong one
        return r

    def _clause_source(self, q: Quote, live: list[Quote], order: dict[int, int], by_start: list[tuple[int, int]],
                       by_sentence: dict[int, list[Quote]]) -> tuple[Quote, str] | None:
        """The quote whose speaker an unattributed direct quote ``q`` takes (:meth:`_clause_speakers`), and the
        rule, or None: the first of ``live`` (whose positions ``order`` gives) that qualifies, among the clauses
        of ``by_start`` opening at the quote and the quotes of ``by_sentence`` in its last sentence."""
        lo, hi = bisect_left(by_start, (q.start - 1, -1)), bisect_right(by_start, (q.start, len(live)))
        cands = [n for _, n in by_start[lo:hi]]
        cands += [order[id(r)] for r in by_sentence.get(q.end_sentence_index, ()) if r.start > q.end]
        for r in (live[n] for n in sorted(cands)):
            if r is q:
                continue
            if r.kind == "according_to" and r.start <= q.start <= r.start + 1 and q.end <= r.end + 2:
                return r, "clause_after"  # "“…” should …, according to an individual familiar with …" (round 15)
            if r.kind == "indirect" and r.start <= q.start <= r.start + 1 \
                    and q.end <= r.end + 2:  # the quote opens the clause (not '… by asking, “…” documents said.')
                verb = next((h for h in self.hits[r.sentence_index] if h.start >= r.end and h.lemma == r.verb), None)
                if verb is not None:
                    self.used_verbs.add(verb.start)  # the clause names this quote's speaker, not a new report
                return r, "clause_after"
            if r.kind == "direct" and len(q.text.split()) > SCARE_MAX_WORDS:
                # the journalist's words between the two quotes (one sentence: r follows q in q's last sentence)
                starts = self.word_starts
                between = self.doc.words[bisect_right(starts, q.end):bisect_left(starts, r.start)]
                if sum(1 for t in between if not self._in_direct(t.start)) <= NEXT_QUOTE_WORDS:
                    return r, "next_quote_speaker"
        return None

    def _take_speaker(self, q: Quote, src: Quote, rule: str, speaker_rule: str) -> Quote:
        """Give quote ``q`` the speaker of ``src`` (a pronoun still to resolve, or a continuation, included)."""
        new = replace(q, speaker=src.speaker, speaker_surface=src.speaker_surface, speaker_type=src.speaker_type,
                      named=src.named, rule=rule, speaker_rule=speaker_rule)
        key, src_key = _key(q), _key(src)
        self.quotes[self.position[key]] = new
        if rule == "continuation":
            self.continues[key] = src_key
        elif src_key in self.pending:
            self.pending[key] = self.pending[src_key]
        elif src_key in self.continues:
            self.continues[key] = self.continues[src_key]
        return new

    def _work_title(self, s: Sentence, open_at: int, content: str) -> bool:
        """Whether short quoted words are the title of a show, book or paper: every word capitalised, right after a
        possessive name or a medium noun ("on ABC's “This Week”", Reuters 5817_center; "the show “Face the Nation”")."""
        words = content.split()
        if not words or not all(w[:1].isupper() or w.lower() in {"the", "of", "a", "and", "to", "in", "on"}
                                for w in words) or not words[0][:1].isupper():
            return False
        ends = self._token_ends.get(s.index)
        if ends is None:  # token ends, once per sentence (tokens do not overlap: ends ascend)
            ends = self._token_ends[s.index] = [t.end for t in s.tokens]
        n = bisect_right(ends, open_at)  # s.tokens[:n] end before the quotation mark
        before = s.tokens[n - 2:n] if n >= 2 else s.tokens[:n]
        if len(before) >= 2 and before[-1].text in {"’", "'"} and before[-2].is_word and before[-2].text[:1].isupper():
            return True  # "Fox News’ “Hannity”": a possessive apostrophe of its own
        if not before or not before[-1].is_word:
            return False
        last = before[-1].text
        return (last.endswith(("’s", "'s", "s’", "s'")) and last[:1].isupper()) or last.lower() in MEDIUM_NOUNS \
            or last.lower() in {"told", "on"}  # 'told “WBAP Morning News” that …', 'said on “Hannity”'

    def _subject_after_opener(self, s: Sentence, hit: VerbHit, open_at: int) -> _Tag | None:
        """'Declaring that the United States … must “get this done,” President Joe Biden opened a global climate
        summit' (AP 6112_center): a participle opening its sentence reports for the main clause's subject, the
        name right after the quote and its comma; None when the participle does not open the sentence or no
        name and verb follow."""
        toks = s.tokens
        first = next((n for n, t in enumerate(toks) if t.is_word and t.lower not in {"and", "but"}), len(toks))
        if first != hit.token_index or not hit.participle:
            return None
        k = next((n for n, t in enumerate(toks) if t.start > open_at and t.is_word and not self._in_direct(t.start)),
                 None)
        if k is None or toks[k - 1].is_word:
            return None
        return self._subject_at(s, k, len(toks), hit, f"'{hit.form}'")

    def _framed(self, s: Sentence, open_at: int, clause: str | None = None) -> _Tag | None:
        """The speaker of quoted words that are the object of a frame verb ("X called the ruling a “…”", "X
        denounced a so-called “…” mentality"; ``frame_verbs`` of the reporting-verb lexicon) or follow a
        possessive and a frame noun ("Rubio’s threat of “…”"; ``frame_nouns``), or None. The verb must come
        within eight words before the quote in the same clause, and not be a phrasal use ("called for"). For a
        ``clause`` (the content of a quote that is not a short term) a naming participle right before a
        quote that ends in a comma inside its sentence names something ("a lesson called “Relationships Matter,”
        focused on", "a shell company called “BH Group, LLC,” and", allsides CMomd1w6ANWjWxr3, DmV9rQ5TcLiss8Zw), as
        a reflexive object does ("that calls itself cable television “news,”", roundups 5725_right): not speech."""
        if s.index in self.too_long:
            return None
        toks = s.tokens
        hits = [h for h in find_verb_hits(s, self.frames) if h.end <= open_at and not self._in_direct(h.start)]
        if not hits:
            return self._possessive_frame(s, open_at)
        h = hits[-1]
        between = _without_relative_clause([t for t in toks if h.end <= t.start < open_at])
        nxt = between[0] if between else None
        if any(t.text in ";:.!?" for t in between) or sum(t.is_word for t in between) > 8 \
                or (nxt is not None and nxt.lower in {"for", "on", "off", "up", "out", "in", "back", "upon"}):
            return None
        if clause is not None and ((h.form in NAMING_PARTICIPLES and not any(t.is_word for t in between)
                                    and clause.rstrip().rstrip("’'").endswith(","))
                                   or (nxt is not None and nxt.lower in REFLEXIVES)):
            return None
        if _subjectless(toks, h):
            tag = self._clause_subject(s, h.token_index, h, f"'{h.form}'")
            return replace(tag, rule="speaker_before_frame") if tag is not None else None
        sub = self._subject(s, h.token_index)
        if sub is not None and _clause_before_participle(toks, sub, h, between, self.cues.names_people):
            return None  # "Stores may open for activities deemed “essential.”", "a proclamation that blocked potential
            # immigrants deemed to be a “financial burden”": a participle after its noun, no one who calls it so (the
            # speaker was "Stores may open for activities", "blocked potential immigrants"; round 18)
        return _Tag((sub[0], sub[1]), h, s, "speaker_before_frame") if sub is not None else None

    def _possessive_frame(self, s: Sentence, open_at: int) -> _Tag | None:
        """'Sen. Marco Rubio’s threat of “vigorous oversight”': the possessor before a frame noun right before
        the quote (an "of" or "that" between them allowed), or None."""
        toks = [t for t in s.tokens if t.end <= open_at]
        k = len(toks) - 1
        while k >= 0 and toks[k].is_word and toks[k].lower in {"of", "that", "a", "an", "about"}:
            k -= 1
        if k < 1 or not (toks[k].is_word and toks[k].lower in self.frame_nouns):
            return None
        k -= 1
        if toks[k].text in {"’s", "'s"}:
            k -= 1
            end = toks[k].end
        elif toks[k].is_word and toks[k].text.endswith(("’s", "'s")):
            end = toks[k].end - 2
        else:
            return None
        name = []
        while k >= 0 and toks[k].is_word and toks[k].text[:1].isupper():
            name.insert(0, toks[k])
            k -= 1
        if not name or (len(name) == 1 and name[0].lower in SENTENCE_OPENERS):
            return None
        return _Tag((name[0].start, end), None, s, "speaker_before_frame")

    def _post(self, cstart: int, cend: int, name_start: int, name_end: int) -> None:
        """Record an embedded post (:func:`embedded_posts`) as a direct quote of the name in its signature."""
        self.direct.append((cstart, cend))
        self.direct_starts.append(cstart)
        s = self.doc.sentences[sentence_at(self.doc, name_start)]
        q = self._add("direct", (name_start, name_end), s, cstart, cend, None, "embedded_post")
        if q is not None:
            self.quoted.append((q.start, q.end))
            self.last_direct = q

    def _speaker_before_paragraph(self, first: Sentence, open_at: int) -> _Tag | None:
        """A quote that opens its paragraph right after a paragraph ending in a colon ("Below is the memo sent
        from Goodell:" / "In a statement, the company said:"): the speaker is that colon's; or after a paragraph
        whose last sentence names a statement ("… assailed him in a tweet"): the subject of its clause; or None."""
        doc = self.doc
        para = doc.paragraphs[first.paragraph]
        if first.paragraph == 0 or doc.body[para.start:open_at].strip():
            return None
        prev = doc.sentences[doc.paragraphs[first.paragraph - 1].sentence_indices[-1]]
        if not prev.text.rstrip().endswith(":"):
            medium = next((n for n, t in enumerate(prev.tokens[:-2]) if t.lower in {"in", "on"}
                           and prev.tokens[n + 1].lower in {"a", "an", "his", "her", "their"}
                           and prev.tokens[n + 2].lower in STATEMENT_NOUNS), None)
            if medium is None or prev.index in self.too_long or self.hits[prev.index]:
                return None  # ("…,” the senators said in a letter": a reporting verb's rules attribute it)
            # "U.S. Representative Liz Cheney, …, assailed him in a tweet, risking …" then a paragraph opening with
            # the tweet's words (Reuters 6076_center): the statement's author, the subject of that clause
            tag = self._clause_subject(prev, medium, None, "a statement")
            return replace(tag, rule="speaker_before_colon") if tag is not None else None
        m = _FROM_NAME.search(prev.text)
        if m is not None:  # "the memo sent from Goodell:"
            return _Tag((prev.start + m.start("name"), prev.start + m.end("name")), None, prev, "speaker_before_colon")
        return self._speaker_before(prev, prev.end)

    def _whole_sentence(self, s: Sentence, cstart: int, cend: int) -> bool:
        """Whether the quoted words are all the words of their sentence ("“I will miss him dearly”:")."""
        return s.index not in self.too_long and all(cstart <= t.start < cend for t in s.tokens if t.is_word)

    def _continued(self, first: Sentence, open_at: int) -> Quote | None:
        """The quote a quote without a reporting clause continues, or None.

        It is the direct quote just before, when that one has a speaker, ends in the same or the directly
        preceding paragraph, the new quote opens its sentence (no words of the journalist before it), and
        no other reporting clause (a reporting verb with a subject) stands between the two ("“A,” Kim
        said. Lee said the plan failed. “B.”": B is not Kim's).
        """
        prev = self.last_direct
        if prev is None or not (prev.speaker or _key(prev) in self.pending or _key(prev) in self.continues):
            return None
        sents = self.doc.sentences
        if self._split_by_own_tag(prev, first, open_at):
            return prev  # '“If you can say it …,” promised …, John Matze, in a June CNBC interview, “you can say …”'
        if self.antecedents.paragraphs_between(sents[prev.end_sentence_index].paragraph, first.paragraph) > 1:
            return None  # filler lines ("Photo", "AD") do not count as paragraphs
        if first.index in self.too_long or \
                any(t.is_word and t.start < open_at and not self._in_direct(t.start) for t in first.tokens):
            return None  # "Buono offered a blistering condemnation, “…”": a new clause, not a continuation
        for si in range(prev.end_sentence_index, first.index + 1):
            for h in self.hits[si]:
                if prev.end <= h.start < open_at and h.start not in self.used_verbs and not self._in_direct(h.start) \
                        and not h.participle \
                        and self._subject(sents[si], h.token_index) is not None:  # "when asked", "urging" have none
                    return None
        return prev

    def _split_by_own_tag(self, prev: Quote, first: Sentence, open_at: int) -> bool:
        """Whether a quotation is the second half of one sentence split by the first half's own reporting clause:
        '“If you can say it on the streets of New York,” promised the company’s chief executive, John Matze, in a
        June CNBC interview, “you can say it on Parler.”' (NYT roundups 5809_left, s11), '“…,” said Smith, “…”': the
        quote before ends in the same sentence, the words between the two hold its speaker as printed and no other
        reporting verb (at most ``TAG_GAP_WORDS`` words), and end in a comma right before the opening mark. (A tag
        with the subject first, '“…,” Smith said, “…”', is read by :meth:`_speaker_before`.)"""
        surface = prev.speaker_surface.strip()
        if prev.end_sentence_index != first.index or not surface:
            return False
        gap = self.doc.body[prev.end:open_at]
        if not gap.rstrip(" \u00a0").endswith(",") or surface not in gap:
            return False
        words = [t for t in first.tokens if t.is_word and prev.end <= t.start < open_at]
        if not words or len(words) > TAG_GAP_WORDS or any(self._in_direct(t.start) for t in words):
            return False
        verbs = [h for h in self._tag_verbs(first) if prev.end <= h.start < open_at]
        return len(verbs) == 1 and verbs[0].start in self.used_verbs

    def _tag_verbs(self, s: Sentence) -> list[VerbHit]:
        """Reporting-verb hits of ``s`` plus its tag verbs ("shouted", "tweeted"), in text order."""
        if s.index in self.too_long:
            return []
        if s.index not in self._tag_hits:
            self._tag_hits[s.index] = sorted(self.hits[s.index] + find_verb_hits(s, self.tags),
                                             key=lambda h: h.start)
        return self._tag_hits[s.index]

    def _implicit(self, hit: VerbHit, s: Sentence, at: int, rule: str) -> _Tag | None:
        """A participle tag ("“…,” adding that …"): its subject is the nearest person or group before."""
        cand = self.antecedents.find("any", s.index, at)
        if cand is None:
            return None
        return _Tag(None, hit, s, rule, cand, f"implicit subject of '{hit.form}': nearest {cand.kind}")

    def _speaker_after(self, close: int, speechlike: bool, open_at: int) -> _Tag | None:
        """'“…,” Rudenko said.' / '“…,” said Rudenko.' / '“…,” the agreement states.' / '“…” – Sen. Pat Toomey'."""
        doc = self.doc
        si = sentence_at(doc, close)
        dash = dash_name(doc.body, close)
        if dash is not None:
            return _Tag(dash, None, doc.sentences[sentence_at(doc, dash[0])], "speaker_after_dash")
        if not speechlike:
            return self._inverted_after(doc.sentences[si], open_at, close)
        per = per_source(doc.body, close, according=False)  # "“…,” per the Times."
        if per is not None:
            return _Tag(per, None, doc.sentences[sentence_at(doc, per[0])], "speaker_after_per")
        if per_source(doc.body, close) is not None:
            return None  # "“…,” according to a story first reported …": a verb inside the phrase names no speaker
        cands = [doc.sentences[si]]
        if doc.sentences[si].end <= close + 1 and si + 1 < len(doc.sentences) \
                and doc.sentences[si + 1].paragraph == doc.sentences[si].paragraph:
            cands.append(doc.sentences[si + 1])  # the parse split after '.”' before 'Rudenko said.'
        for s in cands:
            words = [t for t in s.tokens if t.start > close]
            nxt_mark = next((t.start for t in words if t.text in OPENERS or t.text == "”"), s.end)
            for hit in self._tag_verbs(s):
                if hit.start <= close or hit.start >= nxt_mark:
                    continue
                between = [t for t in words if t.end <= hit.start]
                before = [t for t in between if t.is_word]
                if any(t.text in ";!?" or (t.text == "." and not glued_period(s.tokens, t)) for t in between):
                    break
                if len(before) > SPEAKER_AFTER_MAX_WORDS:
                    # "“…,” Alex M. Azar II, the secretary of …, said" / "“…,” presumptive nominee … Joe Biden writes"
                    named_in = between[1:] if between and between[0].lower == "as" else between  # "” as X, …,"
                    named = apposed_name(named_in, SPEAKER_AFTER_MAX_WORDS) or final_name(between)
                    if named is not None:
                        return _Tag(named, hit, s, "speaker_after")
                    break
                if s is not cands[0] and _words_between(s.tokens, hit.end, s.end) > 3:
                    return None  # a new statement ("Rudenko said the …"), not a speaker tag
                if before:
                    sub = self._subject(s, hit.token_index)
                    if sub is None:
                        return None  # a fragment before the verb: no speaker rather than a wrong one
                    sub_start = max(sub[0], before[0].start)
                    return _Tag((sub_start, sub[1]), hit, s, "speaker_after")  # "Blumenthal reportedly said"
                if hit.participle:
                    # "“…,” adding that …": the participle's subject is the speaker of the clause before
                    return self._implicit(hit, s, open_at, "speaker_after")
                after = name_after(s.tokens, hit.token_index + hit.n_tokens)
                if after is not None:
                    after = _name_apposed_after(s, after) or after
                return _Tag(after, hit, s, "speaker_after") if after else None
        return None

    def _inverted_after(self, s: Sentence, open_at: int, close: int) -> _Tag | None:
        """'“There is a lot of resentment” about the crown prince’s leadership, said one of the sources': a quote
        that opens its sentence but does not end its clause, completed by a few words and an inverted
        attribution (:meth:`_inverted`) in the same sentence; None otherwise (not 'The so-called “deal” would
        cost trillions, said Smith': the quoted words do not open the sentence)."""
        if s.index in self.too_long or any(t.is_word and t.start < open_at for t in s.tokens):
            return None
        toks = s.tokens
        for hit in self.hits[s.index]:
            if hit.start <= close:
                continue
            between = [t for t in toks if close < t.start < hit.start]
            if any(t.text in OPENERS or t.text in ";!?.”" for t in between) \
                    or sum(t.is_word for t in between) > SPEAKER_AFTER_MAX_WORDS:
                return None
            inverted = self._inverted(s, hit)
            return _Tag(inverted, hit, s, "speaker_after") if inverted is not None else None
        return None

    def _speaker_before(self, s: Sentence, open_at: int) -> _Tag | None:
        """'X said: “…”', 'X said that the treaty reflects “…”', 'Article 51 stipulates “…”', 'X shouted: “…”',
        'X took to Twitter, writing: “…”', 'Washington Examiner: “…”'."""
        toks = s.tokens
        for hit in reversed(self._tag_verbs(s)):
            if hit.end > open_at or self._in_direct(hit.start):
                continue
            gap = [t for t in toks if hit.end <= t.start < open_at]
            adjacent = all(not t.is_word and t.text in ",:" for t in gap)
            if not hit.tier and not adjacent:
                continue  # a tag verb attributes only right before the quote ("As Daley put it, “…”")
            if not adjacent and hit.token_index + hit.n_tokens < len(toks) \
                    and toks[hit.token_index + hit.n_tokens].lower in {"it", "them"} \
                    and reports_nothing(self.verbs, toks, hit):
                continue  # "a subsequent 1992 decision that affirmed it were both “egregiously wrong”" (Reuters
                # 5840_center): a verb whose pronoun object is all it says introduces no quote after it (not "asked
                # for a price quote “in the shortest possible time”": what is asked for may be quoted)
            i = hit.token_index
            if relative_colon(toks, hit, open_at) is not None:
                continue  # "Biden mocked advocates who say they need …: ‘…’": the colon's quote is the main clause's
            opener = self._subject_after_opener(s, hit, open_at)
            if opener is not None:
                return opener
            if _subjectless(toks, hit):
                tag = self._clause_subject(s, i, hit, f"'{hit.form}'")
                if tag is not None:
                    return tag
                continue
            if i > 0 and toks[i - 1].text == "," and len(gap) > 1 and gap[-1].text == ",":
                # "Obama, said Miller, “doesn't want to be …”" (CNN mPm7FCLuUGBXRvV8): an inverted attribution set
                # off by commas right before the quote; its speaker is the phrase after the verb
                words = [t for t in gap[:-1] if t.is_word]
                if words and len(words) == len(gap) - 1 and len(words) <= 6 and hit.lemma != "tell" \
                        and not any(_verb_like(t.lower) or t.lower in PRONOUNS | TIME_WORDS | MONTHS for t in words) \
                        and (words[0].text[:1].isupper() or self.cues.names_people(words[-1].text)):
                    return _Tag((words[0].start, words[-1].end), hit, s, "speaker_before")
            sub = self._subject(s, i)
            if sub is not None and self.doc.body[sub[0]:sub[1]].lower().startswith("according to "):
                continue  # "According to the annual National Coalition of Anti-Violence Programs report on …, “…”"
                # (EDAZQqCEHMn8eW0p): a noun read as a verb inside the attribution phrase, which is no speaker
            if sub is not None:
                return _Tag((sub[0], sub[1]), hit, s, "speaker_before")
            tag = self._quoted_object_subject(s, i, hit)  # 'called the deal "…" and said the trio of nations "…"'
            if tag is not None:
                return tag
        if s.index in self.too_long:
            return None  # not searched (see MAX_SENTENCE_WORDS)
        colon = colon_name(s.text, s.start, open_at)
        if colon is not None:
            return _Tag(colon, None, s, "speaker_before_colon")
        k = next((n for n in range(len(toks) - 1, -1, -1) if toks[n].start < open_at), -1)
        first_word = next((t.lower for t in toks if t.is_word), "")
        if k > 0 and toks[k].text == ":" and first_word not in LABELS:  # "Trump was still confident of victory: “…”"
            tag = self._clause_subject(s, k, None, "a colon")
            if tag is not None:
                return replace(tag, rule="speaker_before_colon")
        return None


# lower-case words that make a phrase a clause, not a subject: "Stores may open for activities (deemed)"
_AUX_ADVERBS = frozenset("long also still never not already often since repeatedly".split())
_CLAUSE_WORDS = frozenset("may might will would can could should must is are was were has have had".split())


def _clause_before_participle(toks: Sequence[Token], sub: tuple[int, int, str], h: Any, between: Sequence[Token],
                              names_people: Any) -> bool:
    """Whether the phrase read as the subject of an -ed frame verb is a clause or opens with a verb, or the verb
    follows a plural noun of things with its quoted words right after it, so the verb is a participle after its noun
    ("activities deemed “essential”", "immigrants deemed to be a “financial burden”", "stances and actions deemed
    “protective”"; not "critics labeled “…”", "Theresa May called the attack “sickening”")."""
    if not h.form.lower().endswith("ed"):
        return False
    words = [t for t in toks if t.is_word and sub[0] <= t.start and t.end <= sub[1]]
    while words and words[-1].text.islower() and (words[-1].lower in _CLAUSE_WORDS | _AUX_ADVERBS
                                                  or words[-1].lower.endswith("ly")):
        words.pop()  # "experts have long (criticized)": the verb group's auxiliary and adverb, not a clause
    if not words:
        return False
    if any(t.text.islower() and t.lower in _CLAUSE_WORDS for t in words) \
            or (words[0].text[:1].islower() and words[0].lower.endswith("ed")):
        return True
    prev = toks[h.token_index - 1] if h.token_index > 0 else None
    return not any(t.is_word for t in between) and prev is not None and prev.is_word and prev.text.islower() \
        and prev.end == words[-1].end and prev.lower.endswith("s") and not prev.lower.endswith("ss") \
        and not names_people(prev.text)
