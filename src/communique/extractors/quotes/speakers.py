"""Step 4, resolve: who is speaking: the source phrase of a cue, and its resolution to an actor.

The source span covers the whole noun phrase that names the speaker ("a senior US official",
"Sterling Pratt, wine director at …") because PolNeAR scores sources by overlap with that
phrase; relative clauses are cut off ("Kerry, who flew in on Friday, said") since they
describe rather than name. Resolution to an actor goes only through the public
:class:`~communique.capabilities.ActorIndex` API, and is optional, so the quote
core runs and is scored without the actors layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from communique.extractors.quotes.candidates import Range
from communique.extractors.quotes.lexicon import (
    ANONYMOUS_HEADS,
    ARTEFACTS,
    FINDING_SOURCES,
    PRONOUNS,
    lemma_of,
)
from communique.extractors.quotes.owners import (
    DEMONSTRATIVES,
    SUBJECTS,
    absolute_subject,
    addressed_participle,
    after_closing_mark,
    carrier_author,
    extraposed,
    infinitive_owner,
    inverted_object,
    object_controller,
    reporter_above,
    sequel,
    stranded_subject,
    witnessed_subject,
)
from communique.extractors.quotes.spans import trim

if TYPE_CHECKING:
    from communique.capabilities import ActorIndex
    from communique.parse import ParseView
from communique.models import Actor

_NAME_LINKS = ("compound", "appos")
"""A source's name may be compounded with or in apposition to its head ("Foreign Minister
Lavrov", "the minister, Sergei Lavrov"); a possessor is never the source."""
_CUT = ("relcl", "acl", "advcl", "punct", "cc", "conj")
_PLACE_PREPS = frozenset("at in near outside inside across around".split())
"""Prepositions that place a described speaker ("workers at the plant"), not say whom they
speak for."""
_INHERIT = ("conj", "xcomp", "advcl", "ccomp", "parataxis", "acl", "acomp", "pcomp", "prep", "pobj")


def subject_of(tok: Any, depth: int = 4) -> Any | None:
    """The token naming who performs ``tok``'s act: its subject, the ``by`` agent of a
    passive, or (for "…, adding that …", "… and added …", "In addition to stating …, X
    vowed") the subject of its head."""
    passive = False
    # the small model sometimes makes a closing guillemet the subject ("«…,» said X")
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS and not c.is_punct]
    split = _hyphen_split(tok)
    if split:
        return split[-1]  # "Brightfield co-founder Oskar Lindqvist said": the name
    if len(subjects) > 1 and subjects[0].i > tok.i:
        # an inverted cue the parser split: "said study co-author Jane Smith" makes both
        # "co" and "Smith" subjects; the name is the last, the phrase starts at the first
        return subjects[-1]
    after = [s for s in subjects if s.i > tok.i]
    if after and len(after) < len(subjects) and after_closing_mark(tok):
        # "“… the audit, the lawsuit, …,” said a person close to the mayor": the subject the parser
        # found inside the quotation is not the speaker; the inverted one after the cue is
        return after[-1]
    if subjects:
        return subjects[0]
    inverted = inverted_object(tok)
    if inverted is not None:
        return inverted
    if addressed_participle(tok):
        return None
    for child in tok.children:
        if child.dep_ in ("nsubjpass", "auxpass"):
            passive = True
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if passive:
        return None
    absolute = absolute_subject(tok) or witnessed_subject(tok)
    if absolute is not None:
        return absolute
    reporter = reporter_above(tok)
    if reporter is not None and depth > 0:
        return subject_of(reporter, depth - 1)
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
        carrier = carrier_author(tok.head)
        return carrier if carrier is not None else tok.head  # "a letter calling for …"
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG":
        owner = _gerund_owner(tok)
        if owner is not None:
            return owner if owner is not _NO_OWNER else None
    if sequel(tok) and depth > 0:
        return subject_of(tok.head, depth - 1)  # "Duarte paused, then revealed why …"
    if tok.dep_ == "relcl":
        owner = infinitive_owner(tok)
        if owner is not None:
            return owner
    if extraposed(tok):
        return None
    controller = object_controller(tok)
    if controller is not None:
        return controller
    if depth > 0 and tok.dep_ in _INHERIT and tok.head is not tok:
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.i > tok.i:
            return None
        return subject_of(tok.head, depth - 1)
    return stranded_subject(tok)


def _hyphen_split(tok: Any) -> list[Any]:
    """The subjects before ``tok`` when the parser split one hyphenated phrase into several
    ("Brightfield co-founder Oskar Lindqvist said" gives "co", "-" and "Lindqvist"): the
    last is the phrase's head, the first its start. Empty for one subject, or for subjects
    a comma or conjunction separates."""
    pre = [c for c in tok.lefts if c.dep_ in SUBJECTS]
    if len(pre) < 2 or not any(str(c.text) in ("-", "–") for c in pre):
        return []
    doc = tok.doc
    if any(
        doc[i].dep_ == "cc" or str(doc[i].text) in (",", ";") for i in range(pre[0].i, pre[-1].i)
    ):
        return []
    return pre


_NO_OWNER = object()
_GERUND_HOSTS = ("dobj", "attr", "acomp", "advmod")


def _gerund_owner(tok: Any) -> Any | None:
    """Who performs a gerund after a preposition of a noun or adjective the verb holds
    ("took the rare step of criticising …", "has a habit of blaming …", "made a
    show of praising …", "stopped short of calling for …", "was the loudest in
    condemning …"): the noun's possessor, else the verb's subject. The parser hangs the
    gerund on the noun, so inheriting up the tree stops at it."""
    prep = tok.head
    if prep.dep_ != "prep" or prep.i > tok.i:
        return None
    host = prep.head
    if host.pos_ in ("VERB", "AUX"):
        return None  # inherited as before
    poss = next((c for c in host.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    node = host
    while node.dep_ in ("amod", "advmod") and node.head.pos_ not in ("VERB", "AUX"):
        node = node.head  # "the most aggressive": "most" hangs on the adjective
    if node.dep_ not in _GERUND_HOSTS or node.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = node.head
    subj = subject_of(verb, 2)
    if subj is None or str(subj.lower_) in DEMONSTRATIVES:
        return _NO_OWNER  # "This is not the same as denying …": nobody's act
    return subj


def source_range(view: ParseView, tok: Any) -> Range | None:
    """Character range of the noun phrase headed by ``tok``, without relative clauses."""
    left = int(tok.left_edge.i)
    right = int(tok.right_edge.i)
    head = tok.head
    if tok.dep_ in SUBJECTS and head.i < tok.i:
        # inverted cue: the whole phrase after the verb ("study co-author Jane Smith")
        firsts = [
            int(c.left_edge.i) for c in head.children if c.dep_ in SUBJECTS and head.i < c.i < tok.i
        ]
        left = min([left, *firsts])
    split = _hyphen_split(head) if tok.dep_ in SUBJECTS else []
    if split and split[-1].i == tok.i:
        left = min(left, int(split[0].left_edge.i))  # the whole "Brightfield co-founder …"
    for child in tok.rights:
        cut = child.dep_ in _CUT and child.dep_ != "punct"
        if cut or (child.dep_ == "appos" and child.i - tok.i > 12):
            right = min(right, int(child.left_edge.i) - 1)
            break
    right = max(right, int(tok.i))
    # a conjoined source ("Google and Yahoo say") keeps its conjuncts
    if any(c.dep_ == "conj" for c in tok.rights):
        right = max(right, int(tok.right_edge.i))
    # a name never runs across a line break (a live blog's byline line before "Campos said")
    left = max(left, view.line_start[int(tok.i)])
    right = min(right, view.line_end[int(tok.i)] - 1)
    start, end = trim(view.text, int(view.doc[left].idx), view.end[right])
    if end <= start:
        return None
    return start, end


_SPEAKS_FOR = frozenset("for of to".split())
"""Prepositions after a description that say whom the speaker speaks for or serves ("a
spokeswoman for Harlan", "an aide to Harlan")."""


def _names_after_name(tok: Any) -> list[Any]:
    """A person's name the parser hung in apposition to the name ``tok`` speaks for: in "A
    spokeswoman for Harlan, Kelsey Dunn, said" the small model makes Dunn an apposition of
    Harlan, but a name takes no second name in apposition, so Dunn is the spokeswoman. After
    a description ("a spokesman for the interior minister, Jane Doe") the name is the
    minister's, and is left alone."""
    names: list[Any] = []
    for prep in tok.rights:
        if prep.dep_ != "prep" or str(prep.lower_) not in _SPEAKS_FOR:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or str(pobj.pos_) != "PROPN":
                continue
            names.extend(
                c
                for c in pobj.rights
                if c.dep_ == "appos" and str(c.pos_) == "PROPN" and str(c.ent_type_) == "PERSON"
            )
    return names


def _lodged_with(tok: Any, prep: Any) -> bool:
    """ "according to a filing with the SEC", "documents with the court": a document lodged
    with a body is not that body's word; the filer is not named. So for one made for a
    body ("a survey for the Western Courier found"): who made it is not named."""
    return str(prep.lower_) in ("with", "for") and lemma_of(tok) in FINDING_SOURCES


def _opening_bracket(tok: Any, source: Range) -> int | None:
    """Where the bracket opens when the head token is the first word inside a bracket
    that the source phrase reaches into from before ("Acme Inc. (NYSE: ACM)")."""
    if tok.i == 0:
        return None
    before = tok.doc[tok.i - 1]
    if str(before.text) != "(" or int(before.idx) <= source[0]:
        return None
    return int(before.idx)


def is_pronoun(tok: Any) -> bool:
    return str(tok.lower_) in PRONOUNS or str(tok.pos_) == "PRON"


_ISSUED_BY = frozenset({"by", "from", "of"})
_ARTEFACT_PARAGRAPHS = 3
"""How far back (paragraphs) the document a "the report" stands for may be introduced."""


def artefact_issuer(view: ParseView, index: ActorIndex | None, tok: Any) -> Actor | None:
    """The body behind "The report warns that …": the latest earlier mention of the same
    document noun (:data:`~.lexicon.ARTEFACTS`) within a few paragraphs, issued by a named
    actor ("the Cryosphere report, published on Monday by the Polar Monitoring Network",
    "a statement from the teachers' union", "the union's statement"). None when that mention
    names nobody: unresolved beats wrong."""
    if index is None or str(tok.lemma_) not in ARTEFACTS:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    first = view.paragraph_of(int(tok.idx)) - _ARTEFACT_PARAGRAPHS
    for i in range(int(tok.i) - 1, -1, -1):
        if view.paragraph_of(view.idx[i]) < first:
            return None
        if view.lemma[i] == tok.lemma_ and view.pos[i] == "NOUN":
            return _issuer_of(index, view.doc[i])
    return None


def _issuer_of(index: ActorIndex, noun: Any) -> Actor | None:
    """Who issued the document ``noun`` names: its possessor, the object of "by"/"from"/"of"
    on it or on a participle after it ("published … by X")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return index.actor_for_token(child)
    holders = [noun, *(c for c in noun.children if c.dep_ == "acl")]
    after = noun.right_edge.i + 2  # "the X report, published … by Y" (parsed as an adverbial)
    if after < len(noun.doc) and noun.doc[after - 1].text == "," and noun.doc[after].tag_ == "VBN":
        holders.append(noun.doc[after])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in _ISSUED_BY:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                actor = index.actor_for_token(obj) if obj is not None else None
                if actor is not None:
                    return actor
    return None


def is_anonymous(tok: Any) -> bool:
    """A description such as "a senior official" or "sources", not a name or pronoun."""
    return str(tok.lower_) in ANONYMOUS_HEADS and str(tok.pos_) != "PROPN"


def resolve(index: ActorIndex | None, tok: Any | None, source: Range | None) -> Actor | None:
    """The actor a source names, via the head token first, then the whole phrase.

    A name in apposition wins over a description ("Its spokeswoman, Adaeze Okafor" is
    Okafor), and a possessor never names the speaker: for "Germany's economy minister" the
    phrase is looked up without "Germany's", so the speaker stays unresolved rather than
    wrong.
    """
    if index is None or source is None:
        return None
    if tok is None:
        return index.actor_at(*source)
    bracket = _opening_bracket(tok, source)
    if bracket is not None:
        # "Verdana Energy, Inc. (NASDAQ: VRDN) … announced": the parser's subject is the
        # exchange in the ticker; the speaker is named before the bracket, or not at all
        return index.actor_at(source[0], bracket)
    if str(tok.pos_) != "PROPN":
        for child in [*tok.rights, *_names_after_name(tok)]:
            if child.dep_ == "appos" and str(child.pos_) == "PROPN":
                found = index.actor_for_token(child)
                if found is not None:
                    return found
    start, end = source
    for child in tok.lefts:
        if child.dep_ == "poss":
            last = child.right_edge
            start = max(start, int(last.idx) + len(str(last.text)))
    unnamed = str(tok.pos_) == "PROPN" and index.actor_for_token(tok) is None
    for child in tok.rights:
        if child.dep_ == "prep" and (
            unnamed or str(child.lower_) in _PLACE_PREPS or _lodged_with(tok, child)
        ):
            # a name the actors layer missed ("Prof. Anders Lindqvist of the University of
            # Copenhagen") is not the body it belongs to: unresolved beats wrong
            # "Doctors at Aden's Al-Gamhuria hospital": the hospital is where they work, not
            # who spoke ("Leaders of X" and "a spokesman for X" do speak for X)
            end = min(end, int(child.idx))
            break
    span = (start, end) if end > start else None
    return index.actor_for_phrase(tok, span=span, links=_NAME_LINKS)
