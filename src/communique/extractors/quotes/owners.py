"""Who performs a verb the parser left without a usable subject.

The small English model often hangs the speaker somewhere other than the cue's subject: an
infinitive on a noun ("the first senator to back …"), a participle on a message ("posted a
message reading …"), an inverted speaker read as an object ("“…,” recalled Mr. Rhodes"), a
subject stranded in an apposition ("In a letter to the Herald, her aide, Ines Duarte, said").
Each function here recognises one such parse shape and returns the token that names who acts
(or ``None`` when the shape does not apply);
:func:`~communique.extractors.quotes.speakers.subject_of` tries them in order. They live apart
from it so that the speaker module keeps one job: the source phrase and its resolution to an
actor.
"""

from __future__ import annotations

from typing import Any

from communique.extractors.quotes.lexicon import (
    CAUSATIVES,
    OPEN_GROUNDS,
    REPORTING,
    SPEECH,
    TENSED_TAGS,
    WITNESSED_VERBS,
    lemma_of,
)
from communique.extractors.quotes.marks import CLOSING_TOKENS

SUBJECTS = ("nsubj", "csubj")

_MISREAD_SUBJECTS = ("nummod", "npadvmod", "dep", "nmod", "quantmod")
_OWN_CONTENT = ("ccomp", "parataxis", "dobj", "xcomp", "advcl")
_ADDRESSED = frozenset(
    "ask question press quote interview challenge urge invite prompt inform remind tell".split()
)
"""Verbs whose passive participle names the one addressed, not the speaker: in "Asked
whether …, the director said …" someone unnamed asked; the director is the addressee."""


def after_closing_mark(tok: Any) -> bool:
    """Whether a closing quotation mark (after an optional comma) stands right before ``tok``."""
    doc = tok.doc
    i = tok.i - 1
    if i > 0 and doc[i].text == ",":
        i -= 1
    return i >= 0 and doc[i].text in CLOSING_TOKENS


def extraposed(tok: Any) -> bool:
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


def infinitive_owner(tok: Any) -> Any | None:
    """Who performs an infinitive the parser hung on a noun as a relative clause: "Castell was
    the first senator to back …" (the copula's subject), "The first councillor to back her
    was Lund" (the copula's complement), "she cited the flood report to justify the budget"
    (a purpose clause: the verb's subject)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    if any(c.dep_ in SUBJECTS for c in tok.children):
        return None
    noun, verb = tok.head, tok.head.head
    if noun.i > tok.i or verb.i == noun.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    if noun.dep_ == "attr":
        return next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if noun.dep_ == "nsubj" and verb.lemma_ == "be":
        return next((c for c in verb.children if c.dep_ == "attr" and c.i > verb.i), None)
    if noun.dep_ == "dobj" and verb.lemma_ not in ("have", "be"):
        if str(noun.lemma_) in OPEN_GROUNDS:
            return None  # "gave voters good reason to doubt the plan": anyone's
        dative = next((c for c in verb.children if c.dep_ == "dative"), None)
        if dative is not None:
            return dative  # "the vote gave Quinn fresh cause to attack …"
        return next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    return None


def object_controller(tok: Any) -> Any | None:
    """The object of a causative verb an infinitive completes, which performs it: "The ruling
    would force the board to admit …", "the flood led the mayor to declare …", "leaving
    many to wonder whether …" — the verb's subject caused the act but did not say it."""
    if tok.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    verb = tok.head
    if verb.i > tok.i or verb.pos_ != "VERB" or lemma_of(verb) not in CAUSATIVES:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < tok.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or obj.lower_ in DEMONSTRATIVES:
        return None
    return obj


_SEQUELS = frozenset(("then",))
"""An adverb that makes a verb the next act of the subject before it ("…, then says …")."""


def sequel(tok: Any) -> bool:
    """A verb after "then" that the parser left a loose dependent of the verb before it."""
    if tok.dep_ != "dep" or tok.i == 0 or tok.head.i > tok.i or tok.head.pos_ != "VERB":
        return False
    return str(tok.doc[tok.i - 1].lower_) in _SEQUELS


DEMONSTRATIVES = frozenset("that this these those".split())
_PEOPLE_WORDS = frozenset(
    "officials supporters people voters members residents critics protesters reporters".split()
)
_RELATIVES = frozenset("that which who".split())
_PARTICIPLE_LINKS = ("advcl", "xcomp", "conj")
_MAX_CLIMB = 4


def carrier_author(noun: Any) -> Any | None:
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


def reporter_above(tok: Any) -> Any | None:
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


def absolute_subject(tok: Any) -> Any | None:
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


def witnessed_subject(tok: Any) -> Any | None:
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


def stranded_subject(tok: Any) -> Any | None:
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


_INVERTED_DEPS = ("dobj", "nsubj", "attr", "appos")


def inverted_object(tok: Any) -> Any | None:
    """The speaker of a cue inverted after a quotation that the parser read as an object
    or as the subject of a later clause: "“…,” added another Lisbon councillor", "“…,”
    recalled Mr. Rhodes", "“…,” said Rui Pinto, who … endorsed". Only a speech verb
    right after the closing mark qualifies, in a finite form: "“…,” telling reporters",
    and "told reporters" with a subject of its own, are untouched."""
    doc = tok.doc
    if tok.i < 1 or tok.i + 1 >= len(doc) or lemma_of(tok) not in SPEECH:
        return None
    if tok.tag_ not in TENSED_TAGS:
        return None  # "“…,” telling Fox 35 that …": a participle's object is its addressee
    prev = doc[tok.i - 1]
    if prev.text not in CLOSING_TOKENS:
        return None
    first = tok.i + 1
    for cand in doc[first : min(first + 8, len(doc))]:
        if cand.pos_ not in ("PROPN", "NOUN") or cand.left_edge.i != first:
            continue
        if cand.dep_ in _INVERTED_DEPS and cand.ent_type_ not in ("DATE", "TIME"):
            return cand
    return None


def addressed_participle(tok: Any) -> bool:
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
