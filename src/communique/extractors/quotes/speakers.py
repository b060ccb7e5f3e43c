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
    CAUSATIVES,
    OPEN_GROUNDS,
    PRONOUNS,
    REPORTING,
    SPEECH,
    WITNESSED_VERBS,
    lemma_of,
)
from communique.extractors.quotes.spans import trim

if TYPE_CHECKING:
    from communique.capabilities import ActorIndex
    from communique.parse import ParseView
from communique.models import Actor

_SUBJECTS = ("nsubj", "csubj")
_NAME_LINKS = ("compound", "appos")
"""A source's name may be compounded with or in apposition to its head ("Foreign Minister
Lavrov", "the minister, Sergei Lavrov"); a possessor is never the source."""
_CUT = ("relcl", "acl", "advcl", "punct", "cc", "conj")
_PLACE_PREPS = frozenset("at in near outside inside across around".split())
"""Prepositions that place a described speaker ("workers at the plant"), not say whom they
speak for."""
_INHERIT = ("conj", "xcomp", "advcl", "ccomp", "parataxis", "acl", "acomp", "pcomp", "prep", "pobj")
_MISREAD_SUBJECTS = ("nummod", "npadvmod", "dep", "nmod", "quantmod")
_OWN_CONTENT = ("ccomp", "parataxis", "dobj", "xcomp", "advcl")
_ADDRESSED = frozenset(
    "ask question press quote interview challenge urge invite prompt inform remind tell".split()
)
"""Verbs whose passive participle names the one addressed, not the speaker: in "Asked
whether …, the director said …" someone unnamed asked; the director is the addressee."""


def subject_of(tok: Any, depth: int = 4) -> Any | None:
    """The token naming who performs ``tok``'s act: its subject, the ``by`` agent of a
    passive, or (for "…, adding that …", "… and added …", "In addition to stating …, X
    vowed") the subject of its head."""
    passive = False
    # the small model sometimes makes a closing guillemet the subject ("«…,» said X")
    subjects = [c for c in tok.children if c.dep_ in _SUBJECTS and not c.is_punct]
    if len(subjects) > 1 and subjects[0].i > tok.i:
        # an inverted cue the parser split: "said study co-author Jane Smith" makes both
        # "co" and "Smith" subjects; the name is the last, the phrase starts at the first
        return subjects[-1]
    after = [s for s in subjects if s.i > tok.i]
    if after and len(after) < len(subjects) and _after_closing_mark(tok):
        # "“… the audit, the lawsuit, …,” said a person close to the mayor": the subject the parser
        # found inside the quotation is not the speaker; the inverted one after the cue is
        return after[-1]
    if subjects:
        return subjects[0]
    inverted = _inverted_object(tok)
    if inverted is not None:
        return inverted
    if _addressed_participle(tok):
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
    absolute = _absolute_subject(tok) or _witnessed_subject(tok)
    if absolute is not None:
        return absolute
    reporter = _reporter_above(tok)
    if reporter is not None and depth > 0:
        return subject_of(reporter, depth - 1)
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
        carrier = _carrier_author(tok.head)
        return carrier if carrier is not None else tok.head  # "a letter calling for …"
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG":
        owner = _gerund_owner(tok)
        if owner is not None:
            return owner if owner is not _NO_OWNER else None
    if _sequel(tok) and depth > 0:
        return subject_of(tok.head, depth - 1)  # "Duarte paused, then revealed why …"
    if tok.dep_ == "relcl":
        owner = _infinitive_owner(tok)
        if owner is not None:
            return owner
    if _extraposed(tok):
        return None
    controller = _object_controller(tok)
    if controller is not None:
        return controller
    if depth > 0 and tok.dep_ in _INHERIT and tok.head is not tok:
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.i > tok.i:
            return None
        return subject_of(tok.head, depth - 1)
    return _stranded_subject(tok)


def _after_closing_mark(tok: Any) -> bool:
    """Whether a closing quotation mark (after an optional comma) stands right before ``tok``."""
    doc = tok.doc
    i = tok.i - 1
    if i > 0 and doc[i].text == ",":
        i -= 1
    return i >= 0 and doc[i].text in _QUOTE_CLOSERS


def _extraposed(tok: Any) -> bool:
    """Whether ``tok`` is the infinitive or gerund of an extraposed "it" ("It is hard not to
    ask whether …", "it is easy to picture …", "It is worth recalling that …"): the "it"
    is empty, and the act is the writer's or anyone's, not a source's."""
    if tok.tag_ != "VBG" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    head = tok.head
    if head.dep_ == "prep" and head.i < tok.i:
        head = head.head
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "attr"):
        head = head.head
    elif not any(c.pos_ == "ADJ" and c.dep_ in ("acomp", "attr") for c in head.children):
        return False  # "before it was to vote …": a real "it"; only "it is hard/easy/worth …"
    if head.i == tok.i or head.lemma_ != "be":
        return False
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children)


def _infinitive_owner(tok: Any) -> Any | None:
    """Who performs an infinitive the parser hung on a noun as a relative clause: "Castell was
    the first senator to back …" (the copula's subject), "The first councillor to back her
    was Lund" (the copula's complement), "she cited the flood report to justify the budget"
    (a purpose clause: the verb's subject)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    if any(c.dep_ in _SUBJECTS for c in tok.children):
        return None
    noun, verb = tok.head, tok.head.head
    if noun.i > tok.i or verb.i == noun.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    if noun.dep_ == "attr":
        return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if noun.dep_ == "nsubj" and verb.lemma_ == "be":
        return next((c for c in verb.children if c.dep_ == "attr" and c.i > verb.i), None)
    if noun.dep_ == "dobj" and verb.lemma_ not in ("have", "be"):
        if str(noun.lemma_) in OPEN_GROUNDS:
            return None  # "gave voters good reason to doubt the plan": anyone's
        dative = next((c for c in verb.children if c.dep_ == "dative"), None)
        if dative is not None:
            return dative  # "the vote gave Quinn fresh cause to attack …"
        return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    return None


def _object_controller(tok: Any) -> Any | None:
    """The object of a causative verb an infinitive completes, which performs it: "The ruling
    would force the board to admit …", "the flood led the mayor to declare …", "leaving
    many to wonder whether …" — the verb's subject caused the act but did not say it."""
    if tok.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    verb = tok.head
    if verb.i > tok.i or verb.pos_ != "VERB" or lemma_of(verb) not in CAUSATIVES:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < tok.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or obj.lower_ in _DEMONSTRATIVES:
        return None
    return obj


_SEQUELS = frozenset(("then",))
"""An adverb that makes a verb the next act of the subject before it ("…, then says …")."""


def _sequel(tok: Any) -> bool:
    """A verb after "then" that the parser left a loose dependent of the verb before it."""
    if tok.dep_ != "dep" or tok.i == 0 or tok.head.i > tok.i or tok.head.pos_ != "VERB":
        return False
    return str(tok.doc[tok.i - 1].lower_) in _SEQUELS


_NO_OWNER = object()
_DEMONSTRATIVES = frozenset("that this these those".split())
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
    if subj is None or str(subj.lower_) in _DEMONSTRATIVES:
        return _NO_OWNER  # "This is not the same as denying …": nobody's act
    return subj


_PEOPLE_WORDS = frozenset(
    "officials supporters people voters members residents critics protesters reporters".split()
)
_RELATIVES = frozenset("that which who".split())
_PARTICIPLE_LINKS = ("advcl", "xcomp", "conj")
_MAX_CLIMB = 4


def _carrier_author(noun: Any) -> Any | None:
    """The author of a message the participle describes, when someone made it: "posted a
    message reading …", "approved a resolution condemning …" and "gave a speech attacking
    …" are the poster's, the council's and the speaker's words, not the message's."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or noun.pos_ != "NOUN":
        return None
    if str(verb.lemma_) == "have":
        return None  # "The company has 170 researchers compiling …": having is not making
    if noun.ent_type_ or str(noun.lower_) in _PEOPLE_WORDS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ in ("DATE", "TIME") or str(subj.lower_) in _RELATIVES:
        return None  # "9:30 am – Police receive calls saying …", "work that has …"
    return subj


def _reporter_above(tok: Any) -> Any | None:
    """The reporting verb whose clause a trailing speech participle was hung inside:
    in "Trump argued that a database would help, saying it is …" and "told Newsmax
    that Romney had a crazy policy, adding, “…”" the parser attaches the participle to
    the reported clause, whose subject did not say it; the reporter did. So is a
    subjectless speech verb coordinated into it ("He says the response was … and says
    he introduced …")."""
    if tok.dep_ not in _PARTICIPLE_LINKS or lemma_of(tok) not in SPEECH:
        return None
    if tok.tag_ != "VBG" and tok.dep_ != "conj":
        return None
    node = tok.head
    for _ in range(_MAX_CLIMB):
        up = node.head
        if up.i == node.i:
            return None
        if node.dep_ == "ccomp" and up.pos_ == "VERB" and lemma_of(up) in SPEECH:
            return up if up.i < tok.i else None
        node = up
    return None


_PHRASE_DEPS = frozenset("prep pobj compound amod det nummod".split())


def _absolute_subject(tok: Any) -> Any | None:
    """The subject of a participle in a "with X doing" phrase ("The conversation ended with
    Maddow asking Clinton whether …", "the rally closed with the mayor urging …"): the parser
    hangs the participle on the main verb, but X, the object of "with", is who speaks."""
    if tok.tag_ != "VBG" or tok.i < 2:
        return None
    node = tok.doc[tok.i - 1]
    while node.dep_ in _PHRASE_DEPS and node.head.i < tok.i:
        if node.dep_ == "pobj" and node.head.lower_ == "with" and node.right_edge.i >= tok.i - 2:
            return node if node.pos_ in ("NOUN", "PROPN") else None
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _witnessed_subject(tok: Any) -> Any | None:
    """The speaker of a participle after a passive verb of witnessing or quoting: in
    "Vito is quoted as saying …", "an aide can be heard asking …" and "she was
    overheard telling …" the passive subject speaks (the verb itself has no agent)."""
    if tok.tag_ != "VBG":
        return None
    head = tok.head
    if head.lower_ == "as" and head.dep_ == "prep":
        head = head.head
    if head.i == tok.i or head.tag_ != "VBN" or lemma_of(head) not in WITNESSED_VERBS:
        return None
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)


def _fronted_participle(clause: Any, j: int) -> bool:
    """Whether ``clause`` is a participle phrase opening the sentence ("Alarmed by the flooding
    in Oregon, Senator Mary Voss, the majority whip, said"), with a comma before ``j``:
    the parser hung the subject on it, but the words after its comma name the speaker."""
    doc = clause.doc
    if clause.tag_ not in ("VBN", "VBG") or clause.i != clause.sent.start:
        return False
    return any(doc[k].text == "," for k in range(clause.i + 1, j))


def _says_after(tok: Any) -> bool:
    """Whether a reporting verb has its reported clause after it ("…, said he and …
    were worried", "…, noted that the firm pays …")."""
    return any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)


def _buried_subject(clause: Any) -> Any | None:
    """The subject of a clause before a reporting verb that already has its reported clause
    after it: the parser made the speaker's phrase a clause of its own ("Oskar Lindqvist,
    a pastor helping to run the vigil, said he …" hangs "Lindqvist" on "pastor")."""
    subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if subj.left_edge.i != clause.left_edge.i or "\n" in clause.doc[subj.i : clause.head.i].text:
        return None  # "… wrongly claiming that Lund wanted …, said": a clause, not a name
    return subj


def _stranded_subject(tok: Any) -> Any | None:
    """The subject of a root speech verb that the parser hung elsewhere: "In a letter to
    the Herald, her aide, Ines Duarte, said:" makes the aide an apposition of the
    Herald. The noun phrase ending just before the verb is its subject (a participle
    clause between them, "X, holding a placard, said", is skipped)."""
    if lemma_of(tok) not in REPORTING:
        return None
    for child in tok.lefts:
        # "About 6 in 10 say …": the small model makes the quantity a modifier of the verb
        if (
            child.right_edge.i == tok.i - 1
            and child.dep_ in _MISREAD_SUBJECTS
            and child.pos_ in ("NUM", "NOUN", "PROPN")
            and child.ent_type_ not in ("DATE", "TIME")
        ):
            return child
    if tok.dep_ != "ROOT" or lemma_of(tok) not in REPORTING:
        return None
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and (doc[j].text == "," or doc[j].lower_ in _SEQUELS):
        j -= 1  # "X offered the man a job, then says he …"
    if j < 0 or doc[j].pos_ not in ("PROPN", "NOUN") or doc[j].sent.start != tok.sent.start:
        return None
    for child in tok.children:
        if child.dep_ in _OWN_CONTENT and child.left_edge.i <= j <= child.right_edge.i:
            if _fronted_participle(child, j):
                continue
            if child.dep_ == "ccomp" and _says_after(tok):
                return _buried_subject(child)
            return None  # the words before the cue are what was said
    node = doc[j]
    if node.dep_ == "appos" and node.left_edge.i > 0 and doc[node.left_edge.i - 1].text == ",":
        node = node.head  # "Senator Mary Voss, the majority whip, said"
    for up in node.ancestors:
        if up.i == tok.i:
            break
        if up.pos_ == "VERB" and up.dep_ == "acl" and up.head.pos_ in ("NOUN", "PROPN"):
            node = up.head
            break
    while node.dep_ in ("compound", "flat") and node.head.i > node.i:
        node = node.head
    return node


_QUOTE_CLOSERS = frozenset(("”", "’", "''", '"', "'", "»"))
_INVERTED_DEPS = ("dobj", "nsubj", "attr", "appos")


def _inverted_object(tok: Any) -> Any | None:
    """The speaker of a cue inverted after a quotation that the parser read as an object
    or as the subject of a later clause: "“…,” added another Lisbon councillor", "“…,”
    recalled Mr. Rhodes", "“…,” said Rui Pinto, who … endorsed". Only a speech verb
    right after the closing mark qualifies, in a finite form: "“…,” telling reporters",
    and "told reporters" with a subject of its own, are untouched."""
    doc = tok.doc
    if tok.i < 1 or tok.i + 1 >= len(doc) or lemma_of(tok) not in SPEECH:
        return None
    if tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # "“…,” telling Fox 35 that …": a participle's object is its addressee
    prev = doc[tok.i - 1]
    if prev.text not in _QUOTE_CLOSERS:
        return None
    first = tok.i + 1
    for cand in doc[first : min(first + 8, len(doc))]:
        if cand.pos_ not in ("PROPN", "NOUN") or cand.left_edge.i != first:
            continue
        if cand.dep_ in _INVERTED_DEPS and cand.ent_type_ not in ("DATE", "TIME"):
            return cand
    return None


def _addressed_participle(tok: Any) -> bool:
    """A bare passive participle of an addressing verb ("Asked about …", "When pressed,")."""
    if lemma_of(tok) not in _ADDRESSED:
        return False
    if tok.tag_ != "VBN" and not (tok.tag_ == "VBD" and _opens_clause(tok)):
        return False  # sentence-initial "Asked what …, Devine replied" is tagged a past tense
    return not any(c.dep_ in ("aux", "auxpass", "nsubjpass", "agent") for c in tok.children)


def _opens_clause(tok: Any) -> bool:
    """Whether ``tok`` opens its sentence, alone or after "when" ("When asked …")."""
    first = tok.sent.start
    return tok.i == first or (tok.i == first + 1 and str(tok.doc[first].lower_) == "when")


def source_range(view: ParseView, tok: Any) -> Range | None:
    """Character range of the noun phrase headed by ``tok``, without relative clauses."""
    left = int(tok.left_edge.i)
    right = int(tok.right_edge.i)
    head = tok.head
    if tok.dep_ in _SUBJECTS and head.i < tok.i:
        # inverted cue: the whole phrase after the verb ("study co-author Jane Smith")
        firsts = [
            int(c.left_edge.i)
            for c in head.children
            if c.dep_ in _SUBJECTS and head.i < c.i < tok.i
        ]
        left = min([left, *firsts])
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


def is_pronoun(tok: Any) -> bool:
    return str(tok.lower_) in PRONOUNS or str(tok.pos_) == "PRON"


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
    if str(tok.pos_) != "PROPN":
        for child in tok.rights:
            if child.dep_ == "appos" and str(child.pos_) == "PROPN":
                found = index.actor_for_token(child)
                if found is not None:
                    return found
    start, end = source
    for child in tok.lefts:
        if child.dep_ == "poss":
            last = child.right_edge
            start = max(start, int(last.idx) + len(str(last.text)))
    for child in tok.rights:
        if child.dep_ == "prep" and str(child.lower_) in _PLACE_PREPS:
            # "Doctors at Aden's Al-Gamhuria hospital": the hospital is where they work, not
            # who spoke ("Leaders of X" and "a spokesman for X" do speak for X)
            end = min(end, int(child.idx))
            break
    span = (start, end) if end > start else None
    return index.actor_for_phrase(tok, span=span, links=_NAME_LINKS)
