"""Reading a reported content off the parse: the cue's verb group, a clause without its
complementizer, connective or trailing aside, a parenthetical's host clause, and the frame
that holds them. Shared by the verb frames (:mod:`.indirect`) and the noun and adjective
frames (:mod:`.nominal`), so both cut content the same way.
"""

from __future__ import annotations

from typing import Any

from communique.extractors.quotes.candidates import Frame, Range
from communique.extractors.quotes.lexicon import (
    COMPLEMENTIZERS,
    FINITE_TAGS,
    NOUN_INTENTIONS,
    SPEECH,
    TENSED_TAGS,
    lemma_of,
)
from communique.extractors.quotes.spans import opened_inside, trim
from communique.extractors.quotes.speakers import source_range, subject_of
from communique.parse import ParseView

_VERB_GROUP_LEFT = ("aux", "neg", "advmod", "auxpass")


def verb_group(view: ParseView, tok: Any) -> Range:
    """The cue span: the verb with its adjacent auxiliaries, negation, adverbs and particle."""
    left = int(tok.i)
    lefts = sorted((c for c in tok.lefts if c.dep_ in _VERB_GROUP_LEFT), key=lambda c: -c.i)
    for child in lefts:
        if child.i == left - 1:
            left = int(child.i)
    right = int(tok.i)
    for child in tok.rights:
        if child.dep_ == "prt" and child.i == right + 1:
            right = int(child.i)
    return int(view.doc[left].idx), view.end[right]


_DANGLING = frozenset(", ; : - -- —".split())


def joined_word_end(view: ParseView, last: int) -> int:
    """Token ``last``, or the end of the word it starts when a hyphen follows with no space:
    the tokenizer splits "re-election", and the small parser may hang "re", "-" and
    "election" on the verb side by side, so a content cut at "re" ("endorsed the re") runs
    on to the subtree of the word after the hyphen ("the re-election of the mayor")."""
    doc, idx, end = view.doc, view.idx, view.end
    while (
        last + 2 < view.n
        and view.words[last + 1] == "-"
        and idx[last + 1] == end[last]
        and idx[last + 2] == end[last + 1]
        and view.words[last][-1:].isalpha()
        and view.words[last + 2][:1].isalpha()
    ):
        word = doc[last + 2]
        tail = int(word.right_edge.i) if word.dep_ != "ROOT" else last + 2
        last = max(last + 2, tail if view.sent[tail] == view.sent[last] else last + 2)
    return last


def span_range(view: ParseView, first: int, last: int) -> Range | None:
    doc = view.doc
    last = joined_word_end(view, last)
    while last > first and (doc[last].dep_ == "cc" or doc[last].text in _DANGLING):
        last -= 1  # "…, and" left by a conjunct the content does not take
    if last < first:
        return None
    start, end = trim(view.text, int(view.doc[first].idx), view.end[last])
    text = view.text
    if end < len(text) and text[end] in '”»"' and opened_inside(text, start, end):
        end += 1  # the parse left the closing mark of a quoted fragment outside
    return (start, end) if end > start else None


def content_end(view: ParseView, head: Any) -> int:
    """Last token of the content headed by ``head``, without a trailing comma-separated
    participle or contrast ("…, calling it “meritless”", "…, before reversing himself"),
    which PolNeAR leaves to the author."""
    last = int(head.right_edge.i)
    doc = view.doc
    # a closing non-restrictive relative clause (", which raised concerns") is the author's
    for i in range(last, max(int(head.i), last - 40), -1):
        tok = doc[i]
        if (
            tok.lower_ in ("which", "who")
            and i > 0
            and doc[i - 1].text == ","
            and tok.head.dep_ == "relcl"
            and int(tok.head.right_edge.i) >= last
            and tok.head.head.head.i == head.i
        ):
            return i - 2
    for child in head.rights:
        left = int(child.left_edge.i)
        set_off = doc[left - 1].text in (",", "-", "—", "--")
        if child.dep_ in ("advcl", "acl", "prep") and set_off and _writers_tail(view, child, left):
            return left - 2
        if (
            child.dep_ == "conj"
            and lemma_of(child) in SPEECH
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        ):
            # "said that … and insisted that …": a second attribution, not more content
            cc = left - 1
            while cc > head.i and (doc[cc].dep_ == "cc" or doc[cc].is_punct):
                cc -= 1
            return cc
    return last


_CARRIED_ON = frozenset("because including".split())
"""Words opening a phrase after a closing cue that still belongs to the fronted content: the
reason or the examples of what was said ("Fares will rise, the board said, because fuel
costs more"), never the act of saying (", adding …", "in a statement")."""


def fronted_rest(view: ParseView, tok: Any, clause: Any) -> Range | None:
    """The rest of a content fronted before its cue that the parser hung on the cue after a
    comma: "The ferries were late, the port said, because of the storm" has the content
    "The ferries were late" + "because of the storm", as PolNeAR annotates it. Not a phrase
    holding a report of its own ("…, because he said …")."""
    doc = view.doc
    if clause.i > tok.i:
        return None
    for child in tok.rights:
        first = int(child.left_edge.i)
        if child.dep_ not in ("advcl", "prep") or doc[first].lower_ not in _CARRIED_ON:
            continue
        if doc[first - 1].text != "," or first <= tok.i:
            continue
        if _holds_report(child):
            return None  # "…, because he said …": a report of its own
        return span_range(view, first, content_end(view, child))
    return None


_TRAILING_WORDS = frozenset("before after unlike despite amid except".split())
_CONCESSIVE = frozenset("though although".split())


def _writers_tail(view: ParseView, child: Any, left: int) -> bool:
    """Whether a phrase set off after a content is the writer's: a participle, a contrast
    or time ("…, before reversing himself"), a dash-set concession ("— though the count
    is not final") or one holding a report of its own ("…, though she did not discuss
    it"). A comma-set concession is what was said ("said turnout rose, though not in the
    north"): PolNeAR keeps it."""
    first = view.doc[left]
    if first.lower_ in _CARRIED_ON:
        return False  # "…, including the port": examples of what was said, not a participle
    if first.tag_ == "VBG" or first.lower_ in _TRAILING_WORDS:
        return True
    if first.lower_ not in _CONCESSIVE:
        return False
    return view.doc[left - 1].text != "," or _holds_report(child)


def _holds_report(phrase: Any) -> bool:
    """Whether a phrase holds a verb of saying: a report of its own, not part of a content."""
    return any(t.pos_ == "VERB" and lemma_of(t) in SPEECH for t in phrase.subtree)


def clause_content(view: ParseView, clause: Any) -> tuple[list[Range], Range | None]:
    """Content of a reported clause, its leading complementizer split off."""
    first, last = int(clause.left_edge.i), content_end(view, clause)
    comp: Range | None = None
    doc = view.doc
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    first = skip_discourse(view, first, last)
    relative_that = clause.dep_ == "relcl" and doc[first].lower_ == "that"
    if doc[first].lower_ in COMPLEMENTIZERS and (doc[first].dep_ == "mark" or relative_that):
        comp = (int(doc[first].idx), view.end[first])
        first += 1
    rng = span_range(view, first, last)
    return ([rng] if rng else []), comp


_DISCOURSE = frozenset("but and so still however yet also meanwhile instead indeed".split())


def skip_discourse(view: ParseView, first: int, last: int) -> int:
    """Skip a sentence-initial connective ("But", "Still,"): it is the author's, not part of
    what the source said."""
    doc = view.doc
    if first < last and doc[first].lower_ in _DISCOURSE and doc[first].dep_ in ("cc", "advmod"):
        first += 1
        while first < last and doc[first].is_punct:
            first += 1
    return first


def host_content(view: ParseView, tok: Any) -> list[Range]:
    """Content of a parenthetical cue ("The talks, he said, will go on"): its host clause
    without the cue's own subtree. A cue the parser hung on an auxiliary ("he’s" read as
    "he is" + a parenthetical) belongs to the auxiliary's verb."""
    head = tok.head
    while head.dep_ in ("aux", "auxpass") and head.head.i != head.i:
        head = head.head
    h_first, h_last = int(head.left_edge.i), int(head.right_edge.i)
    c_first, c_last = int(tok.left_edge.i), int(tok.right_edge.i)
    parts: list[Range] = []
    h_first = skip_discourse(view, h_first, c_first - 1)
    for a, b in ((h_first, c_first - 1), (c_last + 1, h_last)):
        rng = span_range(view, a, b)
        if rng is not None and b - a >= 1:
            parts.append(rng)
    return parts


def make_frame(
    view: ParseView,
    tok: Any,
    cue: Range,
    attachment: str,
    content: list[Range],
    comp: Range | None = None,
    source_tok: Any | None = None,
) -> Frame:
    pstart, pend = view.paragraph_bounds(cue[0])
    content = [(max(a, pstart), min(b, pend)) for a, b in content if b > pstart and a < pend]
    subj = source_tok if source_tok is not None else subject_of(tok)
    source = source_range(view, subj) if subj is not None else None
    if (
        subj is not None
        and str(subj.lower_) in ("it", "there")
        and any(c.dep_ == "auxpass" for c in tok.children)
    ):
        source, subj = None, None
    return Frame(
        cue_token=int(tok.i),
        cue=cue,
        source=source,
        source_token=int(subj.i) if subj is not None else None,
        content=content,
        complementizer=comp,
        attachment=attachment,
    )


_COMPLETING_PREPS = frozenset("as of for within against over about than".split())
"""Prepositions that complete an object: "accused X *of* …", "described X *as* …", and
"than", the other side of a comparison ("would rather back her *than* the senator")."""

_COMPARING = frozenset("compare liken equate".split())
"""Verbs of comparing, whose "to" phrase is the other side of the comparison ("compared
him favorably *to the governor*"), as "than" is after a comparative."""


def completion(verb: Any, after: Any, last: int) -> int:
    """Extend object content over what completes it ("accused X *of lying*", "called on X
    *to act*", "called him *a liar*"), over an infinitive the object owns that the parser
    hung on the verb ("decried his calls *to close the port*", see :func:`_infinitive_end`)
    and over a second object the parser hung there too ("praised the plan *and its
    author*", see :func:`_second_object_end`)."""
    for other in verb.rights:
        if other.i > after.i and (
            other.dep_ in ("oprd", "xcomp", "ccomp")
            or (other.dep_ == "prep" and other.lower_ in _COMPLETING_PREPS)
            or (other.dep_ == "prep" and other.lower_ == "to" and lemma_of(verb) in _COMPARING)
        ):
            last = max(last, int(other.right_edge.i))
    return _second_object_end(verb, after, _infinitive_end(verb, after, last))


def _owns_infinitive(tok: Any) -> bool:
    """Whether an object takes a to-infinitive as its own ("calls to close …", "$2 billion to
    help towns …"): a noun of demanding or intending (:data:`~.lexicon.NOUN_INTENTIONS`) or
    a sum of money; the object of a preposition is looked at through it."""
    objects = [c for c in tok.children if c.dep_ == "pobj"] if tok.dep_ == "prep" else [tok]
    return any(lemma_of(o) in NOUN_INTENTIONS or o.ent_type_ == "MONEY" for o in objects)


def _infinitive_end(verb: Any, after: Any, last: int) -> int:
    """Last token of an object content that runs on over the to-infinitive right after it,
    which the parser hung on the verb as an adverbial clause ("decried his calls | to close
    the port"), when the object owns it (see :func:`_owns_infinitive`); after other nouns the
    infinitive is as often the actor's purpose ("cited the floods to give context"), and
    one with quoted words is a quotation of its own."""
    if not _owns_infinitive(after):
        return last
    for other in verb.rights:
        if (
            other.dep_ == "advcl"
            and other.tag_ == "VB"
            and int(other.left_edge.i) == last + 1
            and any(
                c.dep_ == "aux" and c.lower_ == "to" and c.i == last + 1 for c in other.children
            )
            and not any(t.tag_ in ("``", "''") for t in other.subtree)
        ):
            return int(other.right_edge.i)
    return last


_NOUN_TAGS = frozenset("NN NNS NNP NNPS".split())
_COORDINATORS = ("and", "or", "as well as", "rather than")
_LIST_GLUE = frozenset(" ".join((",", *_COORDINATORS)).split())
_CLAUSE_CHILDREN = frozenset("nsubj nsubjpass aux auxpass dobj".split())
_PHRASE_CHILDREN = frozenset("det poss amod compound".split())


def _second_object(tok: Any) -> bool:
    """Whether a conjunct of the verb is a noun phrase, not a second verb the tagger read as
    a noun ("… and praises X"): a name, or a noun with a determiner, possessive or modifier,
    with no subject, auxiliary or object of its own."""
    if tok.dep_ != "conj" or tok.tag_ not in _NOUN_TAGS:
        return False
    if any(c.dep_ in _CLAUSE_CHILDREN for c in tok.children):
        return False
    return tok.tag_ in ("NNP", "NNPS") or any(c.dep_ in _PHRASE_CHILDREN for c in tok.children)


def _aside_cut(head: Any) -> int:
    """Last token of ``head``'s subtree before a closing comma clause on it (", declaring
    …", ", which …"): the writer's aside, not the object's."""
    doc = head.doc
    for child in head.rights:
        first = int(child.left_edge.i)
        while first < child.i and doc[first].is_punct:
            first += 1  # the parser may hang the comma on the clause
        if child.dep_ in ("acl", "advcl", "relcl") and doc[first - 1].text == ",":
            return first - 2
    return int(head.right_edge.i)


def _second_object_end(verb: Any, first: Any, last: int) -> int:
    """Last token of an object content that runs on over a second object coordinated with it
    ("made references to her housing record and her support for the ferry bill"): the small
    parser hangs the second conjunct on the verb, so the object's subtree stops at the first
    one; PolNeAR's content takes both. Only a coordinator ("and", "or", "as well as", "rather
    than") and commas may stand between them; a closing comma clause on the second one
    (", declaring …") is the writer's. The content must end in ``first``, the verb's object
    (or the preposition that holds it): after a completing phrase ("blamed X for the last
    year and a half of …") the conjunct is that phrase's."""
    doc = verb.doc
    if last != first.i and not first.is_ancestor(doc[last]):
        return last
    for other in verb.rights:
        if other.i <= last or not _second_object(other):
            continue
        body = last  # the parser may leave the "and" inside the first object's subtree
        while body > first.i and doc[body].lower_ in _LIST_GLUE:
            body -= 1
        gap = [doc[i].lower_ for i in range(body + 1, int(other.left_edge.i))]
        if not " ".join(gap).endswith(_COORDINATORS) or any(w not in _LIST_GLUE for w in gap):
            continue
        last = _aside_cut(other)
    return last


def that_clause(tok: Any) -> bool:
    """Whether a noun governs a "that" clause ("his claim that …")."""
    return any(
        c.dep_ in ("acl", "ccomp", "appos")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in tok.rights
    )


def is_time_phrase(view: ParseView, tok: Any) -> bool:
    """A date or time ("reported on Monday", "wrote on Tuesday"): when, not what."""
    return view.ent_type[int(tok.i)] in ("DATE", "TIME")


def adjunct_clause(tok: Any, own: frozenset[str]) -> Any | None:
    """The reported clause the parser hung inside a phrase after a cue: "said during the
    debate that taxes were too high" makes the "that" clause a relative clause on "debate".
    Only a clause that opens with "that" followed by its own subject and a tensed verb or
    modal (a true relative, "the debate that followed", has "that" as its subject), and that
    ends the phrase; not in an "as" phrase or one whose preposition is in ``own`` (the cue's
    own content or predicate). None otherwise."""
    for prep in tok.rights:
        if prep.dep_ not in ("prep", "npadvmod") or int(prep.right_edge.i) <= prep.i:
            continue
        if prep.lower_ in own or prep.lower_ == "as":
            continue
        for clause in prep.subtree:
            if clause.dep_ not in ("relcl", "acl") or clause.right_edge.i != prep.right_edge.i:
                continue
            that = clause.left_edge
            if that.lower_ != "that" or not _opens_own_clause(that, clause):
                continue
            if stranded_preposition(clause):
                continue  # "a style that neighbours could warm to": a true relative
            if clause.tag_ in TENSED_TAGS or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in clause.children
            ):
                return clause
    return None


def _opens_own_clause(that: Any, clause: Any) -> bool:
    """Whether "that" opens a clause with a subject of its own (the subject right after it,
    or "that" a mere marker of a clause with a subject), not the relative's own subject."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
    if any(s.left_edge.i == that.i + 1 for s in subjects):
        return True
    return bool(subjects) and that.head.i == clause.i and that.dep_ in ("mark", "advmod")


def stranded_preposition(clause: Any) -> bool:
    """Whether a preposition in the clause has lost its object ("that neighbours warm *to*"),
    the mark of a relative clause whose relative word is that object."""
    return any(t.dep_ == "prep" and not any(True for _ in t.children) for t in clause.subtree)
