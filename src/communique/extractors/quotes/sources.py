"""Step 4b, sources: give screened candidates the source phrase the frames could not read.

The frames read a source off the cue's own clause. These kinds of quote name their source
elsewhere, and each is a class of news copy rather than one sentence:

- a quotation introduced by a colon ("Economist Priya Raman: “…”", "Karin Holm was
  blunt: “…”", a statement's "… said about the plan:" and the quotation in the next
  paragraph): the source is the name before the colon, or the subject of the clause the
  colon ends; without this the quotation takes the previous quote's speaker;
- a nominal cue whose noun is the object of the speaker's verb ("stirred anger with an
  assertion that …", "renewed calls for an inquiry"): the verb's subject said it;
- a wire dateline the parser made part of the subject ("Lisbon (AFP) – Mayor Rui Campos
  said …"): the source starts after it, or there is none;
- a headline "Name: ‘quoted words’" kept as a quote: the name is its source;
- a pronoun subject of a clause an earlier subject of the sentence reports ("Brandt says
  he voted “no”"): PolNeAR gives the reporting subject, who is also the speaker;
- a possessive pronoun of a nominal cue that agrees with the subject of the verb the cue
  is the object of ("Marsh continued his attacks against …"): PolNeAR names the subject;
- a name between a direct quotation and a cue the parser gave no subject ("“…,” Lena
  Okafor, a senior adviser, said"), and an attribution after a "!"/"?" quotation that the
  parser split into a sentence of its own ("“…!” Senator Joan Pike said as …").

It reads only the parse view and the candidates, so the quote core stays independent of
the actors layer (:mod:`.extractor` resolves the phrases to actors afterwards).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from communique.extractors.quotes.candidates import Candidate, Range
from communique.extractors.quotes.lexicon import (
    COMPLEMENTIZERS,
    REPORTING,
    SPEECH,
    TENSED_TAGS,
    lemma_of,
)
from communique.extractors.quotes.spans import trim
from communique.extractors.quotes.speakers import source_range, subject_of
from communique.models import QuoteKind, Span
from communique.parse import ParseView, find_dateline

_MARKS = "\"'“”‘’«»„"
_LABEL_LINKS = frozenset("of the for at and 's ’s".split())
"""Lower-case words a name label before a colon may hold ("Jane Smith of the Lisbon Institute")."""
_MAX_LABEL_WORDS = 8
_PERSONAL = frozenset("he she they".split())
_EMPTY = frozenset("it there this that what here which".split())


def fill_sources(view: ParseView, candidates: Sequence[Candidate]) -> None:
    """Correct and fill candidate sources in place (see the module docstring)."""
    for cand in candidates:
        if cand.source is not None:
            _clip_agency_dateline(view, cand)
        if cand.source is not None and _inside_parts(view.text, cand, cand.source):
            _source_beside_cue(view, cand)
        elif cand.source is not None and _straddles(cand, cand.source):
            _name_after_mark(view, cand)
        if cand.source_token is not None and view.lower[cand.source_token] in _PERSONAL:
            outer = reporting_subject(view, view.doc[cand.source_token])
            if outer is None or outer[1] is None or not _inside_parts(view.text, cand, outer[1]):
                _set(
                    view, cand, outer
                )  # not a name in the quoted words ("“Dale has said …,” she said")
        if cand.source_token is not None:
            _set(view, cand, possessor_subject(view, view.doc[cand.source_token]))
        if cand.source is None:
            _set(view, cand, speaker_before_cue(view, cand) or _name_before_relative(view, cand))
        _quoted_person(view, cand, candidates)
        if cand.source is not None or cand.cue is None:
            continue
        cue_tok = view.token_at(cand.cue[0])
        _after_dateline(view, cand)
        if cand.source is not None:
            continue
        if view.text[cand.cue[0] : cand.cue[1]] == ":":
            _set(view, cand, _label_before(view, cue_tok) or _headline_label(view, cue_tok))
        elif view.pos[cue_tok] == "NOUN":
            owner = noun_owner(view.doc[cue_tok])
            if owner is not None:
                _set(view, cand, (owner, source_range(view, owner)))


_POSSESSIVE_PRONOUNS = {"his": "sg", "her": "sg", "their": "pl"}
_POSS_PREPS = frozenset(("in", "on", "upon"))
"""Prepositions of a stance ("relentless in their criticism", "doubling down on his support");
not "with" ("won no sympathy with his complaints" is an instrument, and gold keeps "his")."""


def possessor_subject(view: ParseView, poss: Any) -> tuple[Any, Range | None] | None:
    """The subject of the verb whose object a nominal cue is, when the cue's possessor is a
    pronoun that agrees with it ("Marsh reiterated his claim that …", "dairy farmers
    have been relentless in their criticism of …"): PolNeAR names the subject, not "his"."""
    number = _POSSESSIVE_PRONOUNS.get(str(poss.lower_))
    if number is None or poss.dep_ != "poss":
        return None
    noun = poss.head
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _POSS_PREPS:
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    if head.pos_ not in ("VERB", "AUX", "ADJ") or head.i > noun.i:
        return None
    if head.pos_ == "ADJ":
        head = head.head if head.dep_ in ("acomp", "amod") else head
    if head.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return None  # "she needs to soften her attacks": not made yet
    subj = subject_of(head)
    if subj is None or subj.i >= poss.i or view.sent[subj.i] != view.sent[poss.i]:
        return None
    if _number(subj) != number:
        return None
    return subj, source_range(view, subj)


def _number(tok: Any) -> str | None:
    """Grammatical number of a subject: "sg" or "pl" (None for other pronouns)."""
    low = str(tok.lower_)
    if low in ("he", "she"):
        return "sg"
    if low == "they":
        return "pl"
    if tok.pos_ == "PRON":
        return None
    if any(c.dep_ == "conj" for c in tok.children):
        return "pl"
    return "pl" if tok.tag_ in ("NNS", "NNPS") else "sg"


def speaker_before_cue(view: ParseView, cand: Candidate) -> tuple[Any, Range | None] | None:
    """The name between a direct quotation and its cue when the parser gave the cue no
    subject ("“…,” Lena Okafor, a senior outside campaign adviser, said"; "“…,” Ohio volunteer
    Tom Raddick, wearing a straw hat, said"): the words after the closing mark up to the
    first comma, when they are a name ending in a proper noun."""
    if cand.kind is not QuoteKind.DIRECT or cand.cue is None:
        return None
    end = max(b for _, b in cand.parts)
    if end > cand.cue[0] or not _clean_gap_text(view.text[end : cand.cue[0]]):
        return None
    first = view.token_at(end)
    while first < len(view) and (view.pos[first] in _SKIP or view.idx[first] < end):
        first += 1
    last = first
    while last < len(view) and view.idx[last] < cand.cue[0] and view.text[view.idx[last]] != ",":
        last += 1
    if last == first or view.pos[last - 1] != "PROPN":
        return None
    found = _name_run(view, first, last - 1)
    if found is None:
        return None
    return view.doc[last - 1], (found[1][0], _apposition_end(view, last, cand.cue[0], found[1][1]))


def _quoted_person(view: ParseView, cand: Candidate, candidates: Sequence[Candidate]) -> None:
    """ "The state news agency quoted Foreign Minister Maxim Ryzhenkov as saying that Minsk
    would respond": the speaker is the person quoted, and what they said follows "as saying"
    (the parse made the person the cue's object and content). After a direct quotation
    ("“…,” the agency quoted spokesman Ihar Sakovich as saying") the quotation takes the
    person and the cue, and the object is no content: its parts are emptied for removal."""
    if cand.cue is None or cand.kind is QuoteKind.DIRECT:
        return
    verb = view.doc[view.token_at(cand.cue[0])]
    quoted = _quoted_and_saying(verb)
    found = source_range(view, quoted[0]) if quoted is not None else None
    if quoted is None or found is None:
        return
    person, say = quoted
    said = next((c for c in say.children if c.dep_ == "ccomp"), None)
    if said is None:
        before = [
            c
            for c in candidates
            if c.kind is QuoteKind.DIRECT
            and c.cue is None
            and c.end <= cand.cue[0]
            and view.sent[view.token_at(c.end)] == view.sent[int(verb.i)]
        ]
        if before:
            before[-1].cue = (int(say.idx), int(view.end[say.i]))
            before[-1].source, before[-1].source_token = found, int(person.i)
            cand.parts = []
        return
    start = int(said.left_edge.idx)
    if said.left_edge.lower_ in COMPLEMENTIZERS and said.left_edge.i + 1 < len(view):
        start = int(view.idx[said.left_edge.i + 1])
    end = int(view.end[said.right_edge.i])
    cand.parts = [(start, end)]
    cand.source, cand.source_token = found, int(person.i)
    cand.cue = (int(say.idx), int(view.end[say.i]))


_RELATIVES = frozenset({"who", "whose"})


def _name_before_relative(view: ParseView, cand: Candidate) -> tuple[Any, Range | None] | None:
    """The name opening the sentence when a relative clause stands between it and the cue
    ("Quint, whose 2023 single “Paper Moons” spent 11 weeks at No. 1, said she would …"):
    the parser hangs the cue on the clause's verb and gives it no subject. Only a name of
    proper nouns, then ", who" or ", whose", and the clause's closing comma right before
    the cue."""
    if cand.cue is None:
        return None
    cue = view.token_at(cand.cue[0])
    if view.pos[cue] != "VERB" or cue < 4 or view.words[cue - 1] != ",":
        return None
    first = view.sent_start[view.sent[cue]]
    last = first
    while last < cue and view.pos[last] == "PROPN":
        last += 1
    if last == first or last + 1 >= cue or view.words[last] != ",":
        return None
    if view.lower[last + 1] not in _RELATIVES:
        return None
    start, end = trim(view.text, view.idx[first], view.end[last - 1])
    return view.doc[last - 1], (start, end)


def _apposition_end(view: ParseView, comma: int, cue: int, end: int) -> int:
    """End of a speaker phrase with its apposition ("Lena Okafor, a senior adviser, said"):
    the words between the comma and the cue, when they are a noun phrase closed by a comma
    (a participle clause, "wearing a straw hat,", is not)."""
    words = [i for i in range(comma + 1, view.token_at(cue)) if view.pos[i] not in _SKIP]
    closing = view.token_at(cue) - 1
    if not words or len(words) > _MAX_GAP_WORDS or view.text[view.idx[closing]] != ",":
        return end
    if any(view.pos[i] in ("VERB", "AUX") for i in words):
        return end
    return int(view.end[words[-1]])


def _clean_gap_text(gap: str) -> bool:
    """No sentence end or line break between a quotation and its cue."""
    return "\n" not in gap and not any(ch in gap for ch in ".!?")


def _inside_parts(text: str, cand: Candidate, rng: Range) -> bool:
    """Whether ``rng`` lies in the quoted words of a direct quote (no quotation mark
    between them: a part that runs over a mark is a misread quote, not a source in it)."""
    if cand.kind is not QuoteKind.DIRECT:
        return False
    return any(
        a <= rng[0] and rng[1] <= b and not _CLOSING.search(text, a, rng[0]) for a, b in cand.parts
    )


def _straddles(cand: Candidate, rng: Range) -> bool:
    """Whether a direct quote's source begins inside its quoted words and runs out past them
    ("“… Two aides per building,” Brent Kessler, …, wrote" read as one subject phrase)."""
    return cand.kind is QuoteKind.DIRECT and any(a <= rng[0] < b < rng[1] for a, b in cand.parts)


def _name_after_mark(view: ParseView, cand: Candidate) -> None:
    """Cut a straddling source to what follows the closing mark when a name opens it
    ("Brent Kessler, Northvale's vice president of operations"); the name's last word is
    the source token. Anything else after the mark is left as the parser read it."""
    assert cand.source is not None
    start, end = cand.source
    if cand.cue is not None and start < cand.cue[0] < end:
        end = len(view.text[: cand.cue[0]].rstrip(" ,"))  # "…,” Bozell answers": not the cue
    mark = max(b for a, b in cand.parts if a <= start < b)
    i = view.token_at(mark)
    while i < len(view) and (view.idx[i] < mark or view.pos[i] in _SKIP):
        i += 1
    if i >= len(view) or view.pos[i] != "PROPN" or view.idx[i] >= end:
        return
    last = i
    while last + 1 < len(view) and view.pos[last + 1] == "PROPN" and view.end[last + 1] <= end:
        last += 1
    cand.source, cand.source_token = (view.idx[i], end), last


_CLOSING = re.compile("[”\"»]|''")
_GAP_POS = frozenset("PROPN NOUN PRON DET ADJ NUM PART".split())
_SKIP = frozenset(("PUNCT", "SPACE"))
_MAX_GAP_WORDS = 10


def _source_beside_cue(view: ParseView, cand: Candidate) -> None:
    """A direct quote whose source the parser found inside its own quoted words
    ("“We were wrong,” Ramos, 58, told AFP" makes "We" the subject of "told"; "“Like
    Oakland. Or Ferguson,” Trump said"): the speaker is the noun phrase between the
    quotation and the cue, or none (unresolved rather than wrong)."""
    cand.source, cand.source_token = None, None
    if cand.cue is None:
        return
    before = [b for _, b in cand.parts if b <= cand.cue[0]]
    cue_first, cue_last = view.token_at(cand.cue[0]), view.token_at(cand.cue[1] - 1)
    found = None
    if before:  # "“…,” Ramos, 58, told AFP"
        first = view.token_at(max(before))
        while first < cue_first and (view.pos[first] in _SKIP or view.idx[first] < max(before)):
            first += 1
        found = _name_run(view, first, cue_first - 1)
    if found is None and view.doc[cue_last].tag_ in TENSED_TAGS:
        # "“…,” said Leslie Wimes, a Florida activist": a name after a finite cue
        last = cue_last + 1
        while last < len(view) and _name_like(view, last):
            last += 1
        if all(b <= view.idx[cue_last] or a >= view.end[last - 1] for a, b in cand.parts):
            found = _name_run(view, cue_last + 1, last - 1)
            if found is not None and view.pos[found[0]] != "PROPN":
                found = None  # "telling the crowd", "put it": the cue's object
    if found is not None:
        cand.source_token, cand.source = found


def _name_like(view: ParseView, i: int) -> bool:
    """A word that may belong to a speaker's noun phrase; a capitalised word does whatever
    its tag ("Tulsa police Chief Chuck Jordan": the small model tags "Tulsa" a verb)."""
    return view.pos[i] in _GAP_POS or view.doc[i].is_title


def _name_run(view: ParseView, first: int, last: int) -> tuple[int, Range] | None:
    """The words ``first..last`` as a source phrase, when they are one (a noun phrase of
    at most a few words, commas allowed, headed by a noun, name or pronoun)."""
    while last >= first and view.pos[last] in _SKIP:
        last -= 1
    words = range(first, last + 1)
    if not words or len(words) > _MAX_GAP_WORDS:
        return None
    if any(not _name_like(view, i) and view.pos[i] not in _SKIP for i in words):
        return None
    heads = [i for i in words if view.pos[i] in ("PROPN", "NOUN", "PRON")]
    start, end = trim(view.text, view.idx[first], view.end[last])
    return (heads[0], (start, end)) if heads and end > start else None


_TRAILING_WORDS = 12


def trailing_attribution(view: ParseView, cand: Candidate) -> tuple[Any, Range, Range] | None:
    """Speaker, source phrase and cue of a cue-less quotation whose own sentence names its
    speaker after the closing mark ("''Come with us,'' Ms. Ortiz said, and the girls …"), when the
    parser hung the speech verb where no frame reads it. Such a quotation is that
    speaker's, never a carry-over of the quote before it."""
    if cand.kind is not QuoteKind.DIRECT:
        return None
    first = view.token_at(cand.end)
    while first < len(view) and view.pos[first] in _SKIP:
        first += 1  # the closing mark and comma
    if first >= len(view):
        return None
    split = view.sent[first] != view.sent[view.token_at(cand.end)]
    if split and not _split_after_quotation(view, cand, first):
        return None
    sent = view.sent[first]
    doc = view.doc
    for i in range(first, min(first + _TRAILING_WORDS, len(view))):
        if view.sent[i] != sent or view.text[view.idx[i]] in _MARKS:
            return None
        if "\n" in view.text[cand.end : view.idx[i]]:
            return None  # the next paragraph is another statement
        verb = doc[i]
        quoted = quoted_as_saying(verb) if verb.pos_ == "VERB" else None
        if quoted is None and (
            verb.pos_ != "VERB" or verb.tag_ not in TENSED_TAGS or lemma_of(verb) not in SPEECH
        ):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if (subj is None or subj.i < first) and i == first:
            return _inverted_name(view, i)  # the parser read the name as what was said
        if subj is None or subj.i < first:
            return None
        if quoted is not None:  # "“…,” the agency quoted spokesman Ihar Sakovich as saying"
            return quoted, _name_phrase(view, quoted), (view.idx[i], view.end[i])
        elif split and any(c.dep_ in _OWN_CONTENT for c in verb.children):
            return None  # "“…!” Trump said the party would …": a statement of its own
        found = source_range(view, subj)
        return (subj, found, (view.idx[i], view.end[i])) if found else None
    return None


_OWN_CONTENT = frozenset(("ccomp", "dobj", "xcomp", "parataxis", "attr"))


def _name_phrase(view: ParseView, head: Any) -> Range:
    """A name with the compounds before it ("ministry spokesman Ihar Sakovich"), read off
    the tokens, since a broken parse may give the name the whole sentence as its subtree."""
    start = int(head.i)
    while (
        start > 0 and view.dep[start - 1] == "compound" and view.pos[start - 1] in ("PROPN", "NOUN")
    ):
        start -= 1
    return view.idx[start], view.end[int(head.i)]


def quoted_as_saying(verb: Any) -> Any | None:
    """The person a medium quotes ("the agency quoted ministry spokesman Ihar Sakovich as
    saying …"): the object of "quote" when an "as saying" phrase follows; the words are
    that person's, the medium only reports them."""
    found = _quoted_and_saying(verb)
    return found[0] if found is not None else None


def _quoted_and_saying(verb: Any) -> tuple[Any, Any] | None:
    """(person, the "saying" token) of "quoted X as saying", read once for both uses; the
    phrase may hang on the verb or, in a broken parse, on the person."""
    if lemma_of(verb) != "quote":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None and verb.dep_ in ("amod", "acl"):
        obj = verb.head  # the parse hung "quoted" on the name it governs
    if obj is None:
        return None
    while obj.dep_ == "compound" and obj.head is not obj:
        obj = obj.head  # "ministry spokesman Ihar Sakovich": the name, not the role
    say = next(
        (
            g
            for c in [*verb.children, *obj.children]
            if c.dep_ == "prep" and c.lower_ == "as"
            for g in c.children
            if lemma_of(g) == "say"
        ),
        None,
    )
    return (obj, say) if say is not None else None


def _split_after_quotation(view: ParseView, cand: Candidate, first: int) -> bool:
    """Whether the parser started a new sentence right after a quotation that ends in "!"
    or "?" ("“… Mark T. Ellison!” State Senator Joan Pike said as she opened …"): the
    words after the closing mark are still the quotation's attribution."""
    inner = view.text[max(a for a, _ in cand.parts) : cand.end].rstrip(_MARKS + " ")
    if inner[-1:] not in ("!", "?") or "\n" in view.text[cand.end : view.idx[first]]:
        return False
    return view.sent[first] != view.sent[first - 1] or view.pos[first - 1] in _SKIP


def _inverted_name(view: ParseView, verb: int) -> tuple[Any, Range, Range] | None:
    """Speaker, source and cue of "“…,” said Robin Maynard, half joking" when the parser
    read the name as what was said: a name (ending in a capitalised word) right after a finite
    speech verb that follows the closing mark is the speaker; anything else is left
    unresolved rather than guessed."""
    last = verb + 1
    while last < len(view) and _name_like(view, last) and view.sent[last] == view.sent[verb]:
        last += 1
    while last > verb + 1 and view.pos[last - 1] in _SKIP:
        last -= 1
    names = [i for i in range(verb + 1, last) if view.doc[i].is_title and view.pos[i] != "DET"]
    if not names or last - verb - 1 > _MAX_GAP_WORDS:
        return None
    head = view.doc[names[-1]]  # the small model tags "said Skelly" an adverb
    if head.ent_type_ in ("DATE", "TIME") or head.i != last - 1:
        return None
    start, end = trim(view.text, view.idx[verb + 1], view.end[last - 1])
    return head, (start, end), (view.idx[verb], view.end[verb])


def colon_source(view: ParseView, cand: Candidate) -> tuple[Any, Range | None] | None:
    """Source of a cue-less direct quotation that a colon introduces, if it has one.

    The colon must stand just before the opening mark (line breaks allowed: "… said about
    the plan:" ends the paragraph before the quotation).
    """
    if cand.kind is not QuoteKind.DIRECT or cand.cue is not None:
        return None
    i = cand.start - 1
    text = view.text
    while i >= 0 and (text[i].isspace() or text[i] in _MARKS):
        i -= 1
    if i < 0 or text[i] != ":":
        return None
    colon = view.token_at(i)
    if view.idx[colon] != i or view.paragraph_of(cand.start) - view.paragraph_of(i) > 1:
        return None
    label = _label_before(view, colon)
    if label is not None:
        return label
    verb, subject = _clause_subject(view, colon)
    if verb is not None and lemma_of(verb) in REPORTING:
        return subject  # "X said in an interview with CNN:" is X's
    # "The verdict did not surprise defence lawyer Samir Haddad:" introduces Haddad
    return _label_before(view, colon, inside=True) or subject


def _set(view: ParseView, cand: Candidate, found: tuple[Any, Range | None] | None) -> None:
    if found is None or found[1] is None:
        return
    cand.source_token, cand.source = int(found[0].i), found[1]


def _label_before(
    view: ParseView, colon: int, inside: bool = False
) -> tuple[Any, Range | None] | None:
    """A name label just before a colon ("Priya Raman:", "Why it matters - Riga Polling:"):
    the run of capitalised words (with "of the" links) back to a dash, a comma or the
    line's start (or anywhere, when ``inside``); it holds a proper noun and ends the run
    with a capitalised word."""
    doc = view.doc
    last = colon - 1
    if last < 0 or view.line_start[colon] > last:
        return None
    if not (doc[last].pos_ == "PROPN" or (doc[last].is_title and doc[last].pos_ == "NOUN")):
        return None
    first = last
    while first - 1 >= view.line_start[colon]:
        prev = doc[first - 1]
        if not (prev.is_title or prev.is_upper or prev.lower_ in _LABEL_LINKS) or prev.is_punct:
            break
        first -= 1
    while first < last and doc[first].lower_ in _LABEL_LINKS:
        first += 1
    if last - first + 1 > _MAX_LABEL_WORDS:
        return None
    if not any(doc[i].pos_ == "PROPN" for i in range(first, last + 1)):
        return None
    starts_clause = first == view.line_start[colon] or doc[first - 1].text in "-—–,:("
    if not (starts_clause or inside):
        return None
    start, end = trim(view.text, view.idx[first], view.end[last])
    # the label's head names the speaker ("Priya Raman of the Lisbon Institute" is Raman)
    head = next(
        (
            doc[i]
            for i in range(first, last + 1)
            if not first <= doc[i].head.i <= last or doc[i].head.i == i
        ),
        doc[last],
    )
    if head.pos_ != "PROPN":
        head = doc[last]
    return (head, (start, end)) if end > start else None


_MAX_HEADLINE_LABEL = 3


def _headline_label(view: ParseView, colon: int) -> tuple[Any, Range | None] | None:
    """The label of a headline "Trump: ‘I’m the worst thing …’", "Report: …": a few
    capitalised words opening the article's first line. In title case the small model
    tags names as common nouns, so :func:`_label_before`'s proper-noun test cannot hold;
    the position (a quoted headline's label) names the source instead."""
    first = view.line_start[colon]
    if view.paragraph_of(view.idx[colon]) != 0 or view.paragraph_of(0) != 0:
        return None
    words = range(view.token_at(first), colon)
    if not 0 < len(words) <= _MAX_HEADLINE_LABEL:
        return None
    doc = view.doc
    if not all(doc[i].is_title or doc[i].is_upper for i in words) or doc[words[0]].pos_ == "DET":
        return None  # "The Latest: …" is the wire's live-blog label, not a source
    start, end = trim(view.text, view.idx[words[0]], view.end[words[-1]])
    return (doc[words[-1]], (start, end)) if end > start else None


def _clause_subject(
    view: ParseView, colon: int
) -> tuple[Any | None, tuple[Any, Range | None] | None]:
    """The verb of the clause a colon ends and its subject ("The mayor leaned in and boomed:",
    "His challenger, Karin Holm, was blunt:"), unless that is an empty word ("It reads:")."""
    doc = view.doc
    verb = doc[colon - 1] if colon > 0 else None
    while verb is not None and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head if verb.head.i != verb.i and verb.head.i < colon else None
    if verb is None or view.sent[verb.i] != view.sent[colon]:
        return None, None
    # "League director Tomasz Nowak was unmoved:" names him as a passive subject
    subj = subject_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.i >= colon or view.sent[subj.i] != view.sent[colon]:
        return verb, None
    if subj.dep_ == "expl" or subj.lower_ in _EMPTY:
        return verb, None
    return verb, (subj, source_range(view, subj))


def reporting_subject(view: ParseView, pronoun: Any) -> tuple[Any, Range | None] | None:
    """For "Brandt says he voted “no”" and "He said that he would offer “a compromise”":
    a pronoun subject of a clause that an earlier subject of the same sentence reports; the
    report is that subject's, and PolNeAR gives it as the source."""
    clause = pronoun.head
    outer = None
    while True:
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head.i == clause.i:
            break
        clause = clause.head
        if clause.pos_ != "VERB" or lemma_of(clause) not in REPORTING:
            break
        subj = subject_of(clause)
        if subj is None or subj.i > pronoun.i or view.sent[subj.i] != view.sent[pronoun.i]:
            break
        outer = subj
        if subj.lower_ not in _PERSONAL:
            break
    if outer is None:
        outer = _enclosing_report(view, pronoun)
    if outer is None:
        return None
    return outer, source_range(view, outer)


_MAX_CLIMB = 6


def _enclosing_report(view: ParseView, pronoun: Any) -> Any | None:
    """The subject of the nearest reporting verb before a pronoun that encloses its clause
    however the parser hung it ("Sanders said following a vote that he had “…”" makes
    "had" a relative clause of "vote"; "warned that officers he has spoken with “…”"):
    PolNeAR gives the reporting subject as the source of what the clause quotes."""
    if lemma_of(pronoun.head) in REPORTING:
        return None  # "…, but he said …": the pronoun reports on its own
    below = pronoun.head
    for steps, up in enumerate(pronoun.head.ancestors):
        if steps >= _MAX_CLIMB or view.sent[up.i] != view.sent[pronoun.i]:
            return None
        if below.dep_ == "advcl":
            return None  # "as he called for …", "though she noted …": an event of its own
        if up.pos_ != "VERB" or lemma_of(up) not in REPORTING:
            below = up
            continue
        if below.dep_ == "conj":
            return None  # "X said A and he accused B": a second statement
        if up.i > pronoun.i:
            return None
        subj = subject_of(up)
        if subj is None or subj.i == pronoun.i or subj.i > up.i:
            return None
        return subj if view.sent[subj.i] == view.sent[pronoun.i] else None
    return None


def noun_owner(tok: Any) -> Any | None:
    """Who a nominal cue belongs to when it has no possessor: the subject of the verb it is
    the object of ("renewed calls for …"), also through a preposition ("stirred anger with
    an assertion that …", "stepped back from a proposal that …")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif tok.dep_ not in ("dobj", "attr"):
        return None
    if head.pos_ not in ("VERB", "AUX") or head.i > tok.i:
        return None
    return subject_of(head)


_NP_POS = frozenset("PROPN NOUN DET ADJ PART NUM".split())
_NP_LINKS = frozenset("and of for , at".split())


def _phrase_after(view: ParseView, end: int) -> tuple[int, Range] | None:
    """The noun phrase right after a dateline, when the parser swallowed the subject into
    it ("LISBON (AP) — Mayor Rui Campos and Governor Ana Reis pledged …"): the words
    up to the first verb, with "and"/"of"/"for" links; the head is the noun before the
    first link ("A spokesman for the candidate", "Rui Campos and …")."""
    first = view.token_at(end)
    i, head, last = first, None, None
    linked = False
    while i < len(view) and (view.pos[i] in _NP_POS or view.lower[i] in _NP_LINKS):
        if view.lower[i] in _NP_LINKS:
            linked = True
        elif view.pos[i] in ("PROPN", "NOUN"):
            head = i if not linked else head
            last = i
        i += 1
    if head is None or last is None or i >= len(view) or view.pos[i] not in ("VERB", "AUX"):
        return None
    start, stop = trim(view.text, view.idx[first], view.end[last])
    return (head, (start, stop)) if stop > start else None


def _dateline_end(view: ParseView, pstart: int, pend: int) -> int:
    """End of the dateline opening the paragraph ``[pstart, pend)``, or 0."""
    dateline = find_dateline(view.text, Span.of(view.text, pstart, pend))
    if dateline is None:
        return 0
    end = dateline.span.end
    while end < pend and view.text[end].isspace():
        end += 1
    return end


def _after_dateline(view: ParseView, cand: Candidate) -> None:
    """A cue whose subject the parser lost in the dateline: the phrase between them."""
    assert cand.cue is not None
    pstart, pend = view.paragraph_bounds(cand.cue[0])
    end = _dateline_end(view, pstart, pend)
    if not end or cand.cue[0] < end:
        return
    found = _phrase_after(view, end)
    if found is not None and _governs_cue(view, view.token_at(found[1][1]), cand.cue[0]):
        cand.source_token, cand.source = found


def _governs_cue(view: ParseView, verb: int, cue: int) -> bool:
    """Whether the verb right after a dateline's swallowed subject is the cue or governs it
    ("Brussels (AFP) – Anna Berg has taken a swipe at …, saying that …")."""
    cue_tok = view.token_at(cue)
    if verb == cue_tok:
        return True
    heads = {verb, int(view.doc[verb].head.i)}
    return any(int(up.i) in heads for up in view.doc[cue_tok].ancestors)


def _clip_agency_dateline(view: ParseView, cand: Candidate) -> None:
    """A source that opens its paragraph with a dateline starts after it, or is dropped."""
    assert cand.source is not None
    pstart, pend = view.paragraph_bounds(cand.source[0])
    if cand.source[0] != pstart:
        return
    end = _dateline_end(view, pstart, pend)
    if not end:
        return
    head = cand.source_token
    if head is not None and view.idx[head] < end:
        after = [c for c in view.doc[head].children if c.dep_ == "appos" and view.idx[c.i] >= end]
        head = int(after[0].i) if after else None
    if head is None:
        found_np = _phrase_after(view, end)
        cand.source, cand.source_token = (found_np[1], found_np[0]) if found_np else (None, None)
        return
    start, stop = trim(view.text, max(end, cand.source[0]), cand.source[1])
    if stop > start:
        cand.source, cand.source_token = (start, stop), head
    else:
        cand.source, cand.source_token = None, None


__all__ = [
    "colon_source",
    "fill_sources",
    "noun_owner",
    "possessor_subject",
    "reporting_subject",
    "speaker_before_cue",
    "trailing_attribution",
]
