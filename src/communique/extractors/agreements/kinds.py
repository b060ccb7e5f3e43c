"""Step 1, candidates (kinds of action): which counted event a verb phrase describes.

Conflict-event coders (ACLED's "agreement" sub-event, PLOVER's AGREE) count exchanges and
releases of prisoners, surrenders, evacuation deals and concessions ("agreed to drop its
demand for …"); business news adds contracts, mergers and partnerships. This module reads
one verb and its dependents and says which of those it describes, so that the same rule
serves "X freed 12 soldiers", "X agreed to free 12 soldiers" and "a deal to free 12
soldiers". It works on the parse alone.
"""

from __future__ import annotations

from typing import Any

from communique.extractors.agreements import triggers as lx
from communique.models import AgreementKind as K

Token = Any
"""A spaCy ``Token`` (spaCy is untyped)."""

_HUMAN_ENTS = frozenset({"PERSON", "NORP"})
_FIRM_ENTS = frozenset({"ORG", "PERSON", "GPE", "PRODUCT", "FAC"})
_WEAPONS = frozenset({"arm", "arms", "weapon", "weapons", "gun", "guns", "rifle", "rifles"})
_REFLEXIVE = frozenset({"himself", "herself", "themselves", "itself", "ourselves"})
_JOINT = frozenset({"jointly"})
""""agreed to jointly develop"; not "together", which is also a particle ("put together")."""


def objects(verb: Token) -> list[Token]:
    """Direct objects of ``verb``, passive subjects included, with their conjuncts."""
    found = [_counted(c) for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    out = list(found)
    for tok in found:
        out.extend(c for c in tok.children if c.dep_ == "conj")
    return out


_QUANTITIES = frozenset(
    {
        "dozens",
        "hundreds",
        "thousands",
        "scores",
        "dozen",
        "hundred",
        "thousand",
        "number",
        "group",
        "batch",
        "all",
        "some",
    }
)


def _counted(tok: Token) -> Token:
    """ "dozens of detainees" → "detainees"."""
    if tok.lower_ not in _QUANTITIES and tok.pos_ != "NUM":
        return tok  # "82 of the kidnapped schoolgirls" counts too
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                return pobj
    return tok


def is_captive(tok: Token) -> bool:
    """People (or seized ships) that can be held and let go: "12 soldiers", "Gilad Shalit",
    "the American student", "Americans"."""
    lemma = tok.lemma_.lower()
    if lemma in lx.NOT_CAPTIVES or tok.lower_ in lx.NOT_CAPTIVES:
        return False
    if lemma in lx.CAPTIVE_NOUNS or tok.lower_ in lx.CAPTIVE_NOUNS:
        return True
    return tok.ent_type_ in _HUMAN_ENTS and tok.pos_ in {"PROPN", "NOUN"}


_RESCUES = frozenset({"raid", "operation", "rescue", "assault", "offensive", "attack"})
_CUSTODIANS = frozenset({"police", "policeman", "officer", "court", "judge", "prosecutor"})


def _rescue_or_custody(verb: Token) -> bool:
    """ "troops freed ten hostages in a raid" is a rescue, "police released the man without
    charge" is custody: neither is a negotiated release."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        if any(g.lemma_.lower() in _RESCUES for g in prep.children if g.dep_ == "pobj"):
            return True
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _CUSTODIANS for c in verb.children)


def _exchanged_for(verb: Token) -> bool:
    """ "in exchange for", "in return for", "in a swap": the release is one half of a deal."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for pobj in prep.children:
            low = pobj.lemma_.lower()
            if pobj.dep_ == "pobj" and (low in lx.EXCHANGE_PREPS or low == "swap"):
                return True
    return False


def _particle(verb: Token, word: str) -> bool:
    return any(c.dep_ in {"prt", "advmod", "prep"} and c.lower_ == word for c in verb.children)


def action_kind(verb: Token) -> K | None:
    """The counted kind ``verb`` describes, or None for any other action.

    Example:
        >>> action_kind(nlp("Rebels freed 12 soldiers.")[1])
        <AgreementKind.RELEASE: 'release'>
    """
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = verb.lemma_.lower()
    objs = objects(verb)
    if lemma in lx.SWAP_VERBS and any(is_captive(o) for o in objs):
        return K.EXCHANGE
    if (
        lemma in lx.RELEASE_VERBS
        and objs
        and all(is_captive(o) for o in objs[:1])
        and (not _rescue_or_custody(verb))
    ):
        return K.EXCHANGE if _exchanged_for(verb) else K.RELEASE
    if lemma in lx.SURRENDER_VERBS and (
        not objs or any(o.lemma_.lower() in _WEAPONS for o in objs)
    ):
        return K.SURRENDER
    if (
        lemma == "lay"
        and _particle(verb, "down")
        and any(o.lemma_.lower() in _WEAPONS for o in objs)
    ):
        return K.SURRENDER
    if lemma == "turn" and _particle(verb, "in") and any(o.lower_ in _REFLEXIVE for o in objs):
        return K.SURRENDER
    if (
        lemma == "hand"
        and _particle(verb, "over")
        and any(o.lemma_.lower() in _WEAPONS for o in objs)
    ):
        return K.SURRENDER
    if lemma == "evacuate":
        return K.EVACUATION
    if (
        lemma == "sign"
        and any(_person(o) for o in objs)
        and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in verb.children)
    ):
        return K.CONTRACT  # "Liverpool signed midfielder Ryan Gravenberch from Bayern"
    if lemma in lx.ACQUIRE_VERBS and _firm_deal(verb, objs):
        return K.MERGER
    if lemma == "take" and _particle(verb, "over") and any(o.ent_type_ == "ORG" for o in objs):
        return K.MERGER
    if lemma in lx.DROP_VERBS and any(o.lemma_.lower() in lx.DEMAND_NOUNS for o in objs):
        return K.OTHER
    if lemma in {"allow", "permit", "facilitate"}:
        for obj in objs:
            kind = lx.EVENT_NOUNS.get(obj.lemma_.lower())
            if kind in {K.EVACUATION, K.EXCHANGE, K.SURRENDER}:
                return kind
    if any(c.dep_ == "advmod" and c.lower_ in _JOINT for c in verb.children):
        return K.PARTNERSHIP
    return None


def _person(tok: Token) -> bool:
    """A named person, or a role noun naming one ("Dutch midfielder Ryan Gravenberch")."""
    if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
        return True
    return any(c.dep_ in {"appos", "compound"} and c.ent_type_ == "PERSON" for c in tok.children)


def _firm_deal(verb: Token, objs: list[Token]) -> bool:
    """ "buy Mobil", "acquire LinkedIn", "merge with DuPont": one firm takes over another."""
    named = [*objs, *(a for o in objs for a in o.children if a.dep_ == "appos")]
    if any(o.ent_type_ in _FIRM_ENTS - {"PERSON"} and o.pos_ == "PROPN" for o in objs) or any(
        o.dep_ == "appos" and o.pos_ == "PROPN" for o in named
    ):
        return True  # "buy Mobil", "buy its rival Kalmar Sparbank"
    owner = verb.head if verb.dep_ == "xcomp" else verb
    firm_subject = any(c.dep_ == "nsubj" and c.ent_type_ == "ORG" for c in owner.children)
    if firm_subject and any(
        o.pos_ == "PROPN" and o.ent_type_ not in {"GPE", "DATE", "MONEY"} for o in objs
    ):
        return True  # "Chevron agreed to buy Hess": the tagger may not know Hess
    if verb.lemma_.lower() != "merge":
        return False
    subjects = [c for c in owner.children if c.dep_ == "nsubj"]
    coordinated = any(any(g.dep_ == "conj" for g in s.children) for s in subjects)
    return coordinated or _particle(verb, "with")
