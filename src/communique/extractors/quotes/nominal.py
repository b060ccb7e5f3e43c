"""Step 2, frames whose cue is a noun or an adjective: "his claim that …", "calls for …",
"her promise to …", "made the case that …", "critical of …", "according to X".

Called by :func:`.indirect.find_frames` for each token; content is read with the same
:mod:`.clauses` helpers as the verb frames.
"""

from __future__ import annotations

from typing import Any

from communique.extractors.quotes.boundaries import holds_quotation
from communique.extractors.quotes.candidates import Frame, Range
from communique.extractors.quotes.clauses import (
    adjunct_clause,
    clause_content,
    completion,
    content_end,
    is_time_phrase,
    make_frame,
    skip_discourse,
    span_range,
    verb_group,
)
from communique.extractors.quotes.lexicon import (
    ADJECTIVE_CUES,
    COGNITION,
    EVIDENCE,
    LIGHT_VERBS,
    NOUN_PREP_CONTENT,
    OBJECT_CONTENT,
    SPEECH,
    STANCE_NOUNS,
    VIEWING,
    lemma_of,
)
from communique.extractors.quotes.speakers import source_range, subject_of
from communique.parse import ParseView

_CONVEYED_PREPS = frozenset("about against at over".split())
"""Prepositions whose object is what a noun of saying is about or aimed at ("comments
about", "a swipe at"); "on" and "for" as often give the medium, the day or the beneficiary
("comments on CNBC", "made a donation for"), and "to" the addressee ("made appeals to
Hispanic voters"): each right in under a third of their uses on train and dev."""


_COPULAS = frozenset("be seem remain become appear sound look stay".split())


def adjective_frame(view: ParseView, tok: Any) -> Frame | None:
    """A predicative adjective of attitude with its complement: "X was critical of the
    deal", "is confident that …", "was quick to dismiss …"; X, the copula's subject, holds
    the attitude. An attributive use ("a critical bridge") attributes nothing."""
    comps = ADJECTIVE_CUES.get(lemma_of(tok))
    if not comps or tok.dep_ != "acomp" or lemma_of(tok.head) not in _COPULAS:
        return None
    content: list[Range] = []
    comp: Range | None = None
    cue = (int(tok.idx), view.end[int(tok.i)])
    for child in tok.rights:
        mark = {c.lower_ for c in child.children if c.dep_ in ("mark", "aux")}
        if child.dep_ == "ccomp" and "that" in comps and "that" in mark:
            content, comp = clause_content(view, child)
        elif child.dep_ == "xcomp" and "to" in comps and "to" in mark:
            rng = span_range(view, int(child.left_edge.i), content_end(view, child))
            content = [rng] if rng else []
        elif child.dep_ == "prep" and child.lower_ in comps:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None or is_time_phrase(view, pobj):
                continue
            rng = span_range(view, int(pobj.left_edge.i), int(pobj.right_edge.i))
            content = [rng] if rng else []
            cue = (cue[0], view.end[int(child.i)])
        if content:
            return make_frame(
                view, tok, cue, "xcomp", content, comp, source_tok=subject_of(tok.head)
            )
    return None


_NOT_MAIN = frozenset("relcl acl advcl".split())
"""Clauses an "in a poll" phrase does not vouch for as a whole: a relative ("who leads in
the poll") or adverbial clause belongs to a larger sentence."""

_OWN_FRAMES = SPEECH | COGNITION | EVIDENCE | VIEWING
"""Verbs with a frame of their own ("said in a poll that …", "viewed him favorably in the
survey"): the "in" phrase does not take their clause from them."""

_POLLS = frozenset("poll survey".split())
"""What an "in" phrase reports a finding from ("Ames leads Ruiz by six points in the poll")."""


def survey_frame(view: ParseView, tok: Any) -> Frame | None:
    """ "Ames leads Ruiz by six points in a new poll", "In the latest survey, 40 percent back
    the levy": the clause the "in" phrase hangs on is the poll's finding, the poll its
    source and "in" the cue, as PolNeAR annotates them. Not on a verb of saying, which has
    its own frame ("said in a poll that …")."""
    poll = next((c for c in tok.children if c.dep_ == "pobj"), None)
    verb = tok.head
    if tok.dep_ != "prep" or poll is None or lemma_of(poll) not in _POLLS:
        return None
    if verb.pos_ not in ("VERB", "AUX") or lemma_of(verb) in _OWN_FRAMES or verb.dep_ in _NOT_MAIN:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None  # "… and sits at 4 percent in the poll": a conjunct's subject is elsewhere
    first, last = int(tok.left_edge.i), int(tok.right_edge.i)
    start = skip_discourse(view, int(verb.left_edge.i), first - 1)  # "But he fell …"
    spans = ((start, first - 1), (last + 1, content_end(view, verb)))
    parts = [r for a, b in spans if b >= a and (r := span_range(view, a, b)) is not None]
    if not parts or any(holds_quotation(view.text[a:b]) for a, b in parts):
        return None  # a quotation has its own frame
    cue = (int(tok.idx), view.end[int(tok.i)])
    return _noun_frame(view, tok, cue, parts, poll)


def _rooted_phrase_end(view: ParseView, tok: Any, to: Any) -> int | None:
    """The last token of a fronted "According to X," phrase the parser made the root of
    its sentence, hanging the clause after the comma on X as an apposition ("According to
    radio host Ivo Marek, the levy reeks of panic"): the token before the first comma after
    X's head. None for a phrase the parser hung on its clause."""
    if tok.head.i != tok.i or tok.i != tok.sent.start:
        return None
    doc = view.doc
    for i in range(int(to.i) + 1, int(tok.right_edge.i)):
        if doc[i].text == ",":
            return i - 1 if i > to.i + 1 else None
    return None


def according_frame(view: ParseView, tok: Any) -> Frame | None:
    """ "According to X, …" — X is the source and the rest of the clause is the content."""
    to = next((c for c in tok.rights if c.lower_ == "to"), None)  # never a "to" before it
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    cue = (int(tok.idx), view.end[int(to.i)])
    source = source_range(view, pobj) if pobj is not None else None
    phrase_first = int(tok.left_edge.i)
    phrase_last = _rooted_phrase_end(view, tok, to) or int(tok.right_edge.i)
    if source is not None and source[1] > view.end[phrase_last]:
        source = (source[0], view.end[phrase_last])  # not the clause hung on X
    s = view.line_start[tok.i]
    e = view.line_end[tok.i] - 1
    s = skip_discourse(view, s, phrase_first - 1)
    parts = [
        r
        for r in (span_range(view, s, phrase_first - 1), span_range(view, phrase_last + 1, e))
        if r
    ]
    pstart, pend = view.paragraph_bounds(cue[0])
    parts = [(max(a, pstart), min(b, pend)) for a, b in parts if b > pstart and a < pend]
    if not parts:
        return None
    return Frame(
        cue_token=int(tok.i),
        cue=cue,
        source=source,
        source_token=int(pobj.i) if pobj is not None else None,
        content=parts,
        attachment="according",
    )


def noun_prep_frame(view: ParseView, tok: Any) -> Frame | None:
    """ "Her criticism of the deal", "calls for a ceasefire": a noun cue and its object."""
    preps = NOUN_PREP_CONTENT.get(lemma_of(tok))
    if not preps:
        return None
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                return None
            last = completion(tok, child, int(pobj.right_edge.i))
            rng = span_range(view, int(pobj.left_edge.i), last)
            if rng is None:
                return None
            cue = (int(tok.idx), view.end[int(child.i)])
            return _noun_frame(view, tok, cue, [rng], _possessor(tok))
    return None


def _possessor(tok: Any) -> Any | None:
    return next((c for c in tok.children if c.dep_ == "poss"), None)


def _noun_frame(
    view: ParseView,
    tok: Any,
    cue: Range,
    content: list[Range],
    owner: Any | None,
    comp: Range | None = None,
) -> Frame:
    """A nominal cue's frame: its owner ("her promise", "X said in a statement") is the
    source; with no owner there is none, not the subject of whatever verb holds the noun."""
    frame = make_frame(view, tok, cue, "noun", content, comp, source_tok=owner)
    if owner is None:
        frame.source, frame.source_token = None, None
    return frame


def light_noun_frame(view: ParseView, tok: Any) -> Frame | None:
    """A light verb with a noun of saying or thinking: "made the case that …", "took a
    swipe at the plan", "raised concerns about …"; the verb's subject is the source."""
    verb = tok.head
    if tok.dep_ != "dobj" or lemma_of(verb) not in LIGHT_VERBS:
        return None
    bare = int(tok.left_edge.i) == tok.i or (
        int(tok.left_edge.i) == tok.i - 1 and tok.nbor(-1).lower_ == "no"
    )
    if bare and lemma_of(tok) in STANCE_NOUNS and lemma_of(verb) in OBJECT_CONTENT:
        # "expressed skepticism that …", "voiced dismay at …": the verb's own object frame
        # gives the same content (the screen keeps a stance noun, boundaries.py moves it
        # into the cue);
        # with a determiner ("a potent testimony about …") the two differ, both stay
        return None
    owner = subject_of(verb)
    start = verb_group(view, verb)[0]
    for child in tok.rights:
        if child.dep_ in ("acl", "ccomp", "appos") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in child.children
        ):
            content, comp = clause_content(view, child)
            if content:
                return _noun_frame(view, tok, (start, view.end[int(tok.i)]), content, owner, comp)
    for holder in list(tok.rights) + [c for c in verb.rights if c.i > tok.i]:
        if holder.dep_ == "prep" and holder.lower_ in _CONVEYED_PREPS:
            pobj = next((c for c in holder.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None or is_time_phrase(view, pobj):
                continue
            rng = span_range(view, int(pobj.left_edge.i), int(pobj.right_edge.i))
            if rng:
                return _noun_frame(view, tok, (start, view.end[int(holder.i)]), [rng], owner)
    return None


def noun_to_frame(view: ParseView, tok: Any) -> Frame | None:
    """ "Her promise to cut taxes", "his pledge to work together": the commitment made;
    its owner (the possessive), if any, is the source."""
    for child in tok.rights:
        infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
        if child.dep_ == "acl" and infinitive:
            last = content_end(view, child)
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i > tok.i:
                last = min(last, int(tok.head.i) - 1)  # "The decision to close X angered …"
            rng = span_range(view, int(child.left_edge.i), last)
            if rng is None:
                return None
            cue = (int(tok.idx), view.end[int(tok.i)])
            return _noun_frame(view, tok, cue, [rng], _possessor(tok))
    return None


def _noun_clauses(tok: Any) -> list[Any]:
    """A noun cue's own "that" clauses, or else the one the parser hung as a relative clause
    on a phrase after the noun ("speculation among traders that the ferry firm needs a
    buyer", "criticism from dockers that the levy is unfair"; see
    :func:`.clauses.adjunct_clause`)."""
    own = [
        child
        for child in tok.children
        if child.dep_ in ("acl", "ccomp", "appos")
        and child.i > tok.i
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
    ]
    if own:
        return own
    clause = adjunct_clause(tok, NOUN_PREP_CONTENT.get(lemma_of(tok), frozenset()))
    return [] if clause is None else [clause]


def noun_frame(view: ParseView, tok: Any) -> Frame | None:
    """ "X's statement that …", "the claim by X that …": a noun cue with a "that" clause."""
    for child in _noun_clauses(tok):
        content, comp = clause_content(view, child)
        if not content:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
                    owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if owner is None and tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
            owner = subject_of(tok.head)
        cue = (int(tok.idx), view.end[int(tok.i)])
        verb = _medium_verb(tok)
        if owner is None and verb is not None:
            # "X said in a statement that …": X said it; the cue runs from the verb
            owner = subject_of(verb)
            cue = (verb_group(view, verb)[0], cue[1])
        return _noun_frame(view, tok, cue, content, owner, comp)
    return None


def _medium_verb(tok: Any) -> Any | None:
    """The verb of saying a noun cue is the medium of ("said *in a statement* that …",
    "wrote in a letter that …"), or None."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "through"):
        return None
    verb = prep.head
    return verb if verb.pos_ == "VERB" and lemma_of(verb) in SPEECH else None


def copular_noun_frame(view: ParseView, tok: Any) -> Frame | None:
    """A noun of saying as the subject of "be" with a clause for its complement: "Her
    argument was that the levy would fall on renters", "The message is that we stay";
    the copula states what the argument or message held, as "her argument that …" does.
    The source is the noun's possessor or a "from"/"by" phrase ("The message from the mayor
    is that …"); without one the quote has no source ("One view is that …", which PolNeAR
    annotates too: requiring an owner lost right contents on train a). "The question is
    whether …" is not read:
    a question the writer raises attributes nothing (:data:`.lexicon.NOUN_CUES` has no
    "question")."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.i < tok.i or lemma_of(verb) != "be":
        return None
    for child in verb.rights:
        if child.dep_ != "ccomp":
            continue
        content, comp = clause_content(view, child)
        if not content:
            return None
        last = verb if verb.i == tok.i + 1 else tok  # "argument was", not "message from X is"
        cue = (int(tok.idx), view.end[int(last.i)])
        return _noun_frame(view, tok, cue, content, _possessor(tok) or _sender(tok), comp)
    return None


def _sender(tok: Any) -> Any | None:
    """Whose message a noun is when a "from"/"by" phrase says so ("the message from X")."""
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None
