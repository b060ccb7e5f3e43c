"""Step 1, candidates (counted events): exchanges, releases, surrenders, evacuations,
contracts, mergers, partnerships and dropped demands.

These are reported with a verb ("Russia and Ukraine swapped 90 prisoners", "150 fighters
surrendered", "Boeing won a contract") or a noun of their own ("a prisoner swap", "the
merger", "a joint venture"), not with "agreement" or "deal". Each noun needs a licence,
because every one of them has an everyday sense: "exchange rate", "in order to", "the NATO
alliance", "a hostage exchange" in a film review.

When a counted event and an agreement noun describe one deal ("freed 200 prisoners under a
deal", "released five prisoners in the swap"), the noun keeps the mention and takes the
event's kind; no second record is made. An action inside "agreed to …" is left to the verb
"agree", whose candidate takes the action's kind.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from communique.extractors.agreements import triggers as lx
from communique.extractors.agreements.candidates import Candidate, Token, describes_a_deal
from communique.extractors.agreements.kinds import action_kind, is_captive
from communique.models import AgreementKind as K

_STRICT_VERBS: dict[str, frozenset[str]] = {
    "order": frozenset(
        {
            "place",
            "receive",
            "win",
            "book",
            "secure",
            "land",
            "cancel",
            "announce",
            "sign",
            "get",
            "finalize",
            "finalise",
        }
    ),
    "evacuation": frozenset(
        {
            "agree",
            "reach",
            "broker",
            "mediate",
            "negotiate",
            "allow",
            "permit",
            "arrange",
            "oversee",
            "facilitate",
            "organize",
            "sign",
            "secure",
        }
    ),
    "surrender": frozenset(
        {"agree", "negotiate", "accept", "broker", "arrange", "mediate", "secure", "demand"}
    ),
    "alliance": frozenset(
        {
            "form",
            "forge",
            "enter",
            "announce",
            "create",
            "sign",
            "seal",
            "strike",
            "launch",
            "establish",
        }
    ),
}
"""Nouns whose everyday sense is common: only these governing verbs license them."""

_UNDER = frozenset({"under", "in", "as", "through", "per"})
"""Prepositions tying an event to the agreement it carries out ("freed 20 under a deal")."""
_EVENT_VERBS = frozenset(
    {
        *lx.SWAP_VERBS,
        *lx.RELEASE_VERBS,
        *lx.SURRENDER_VERBS,
        *lx.ACQUIRE_VERBS,
        *lx.DROP_VERBS,
        "lay",
        "turn",
        "hand",
        "evacuate",
        "take",
        "sign",
    }
)
"""Lemmas worth a closer look as event verbs; every other verb is skipped at once."""
_MERGER_NOUNS = frozenset({"merger", "acquisition", "takeover", "buyout"})


def find_events(doc: Any, found: list[Candidate]) -> list[Candidate]:
    """Candidates for counted events in ``doc``, and ``found`` with kinds refined in place.

    Returns the whole list, in text order: the agreement-noun candidates of ``found``
    (an agreement noun an event verb governs takes its kind) plus new event candidates.
    """
    by_head = {c.head.i: i for i, c in enumerate(found)}
    out = list(found)
    exchanged = any(c.kind is K.EXCHANGE for c in found)
    sentences = {sent.start: number for number, sent in enumerate(doc.sents)}
    for tok in doc:
        low = tok.lemma_.lower()
        if low in _EVENT_VERBS and tok.pos_ in {"VERB", "AUX"} and tok.i not in by_head:
            cand = _verb_event(tok, found, by_head, out)
        elif tok.pos_ == "NOUN" and low in lx.EVENT_NOUNS and tok.i not in by_head:
            cand = _noun_event(tok, exchanged)
        else:
            continue
        if cand is not None:
            cand = replace(cand, sentence=sentences[tok.sent.start], sent=tok.sent)
            out.append(cand)
            by_head[tok.i] = len(out) - 1
            exchanged = exchanged or cand.kind is K.EXCHANGE
    return sorted(out, key=lambda c: (c.start, c.head.i))


def _inside_agree(tok: Token) -> bool:
    """Whether ``tok`` is (inside) the action of "agreed to …" ("agreed to evacuate")."""
    t = tok
    for _ in range(4):
        if t.head.i == t.i:
            return False
        if t.dep_ == "xcomp" and t.head.lemma_.lower() == "agree":
            return True
        if t.dep_ in {"dobj", "xcomp", "conj"}:
            t = t.head
            continue
        return False
    return False


def _verb_event(
    verb: Token, found: list[Candidate], by_head: dict[int, int], out: list[Candidate]
) -> Candidate | None:
    kind = action_kind(verb)
    if kind is None or kind is K.PARTNERSHIP or _inside_agree(verb):
        return None
    absorbed = _agreement_noun_of(verb, by_head)
    if absorbed is not None:
        index = by_head[absorbed.i]
        noun = out[index]
        refers_back = noun.definite and any(c.start < noun.start for c in found)
        if (noun.kind in lx.GENERIC_KINDS or not noun.specific) and not refers_back:
            # "freed 200 prisoners under a deal"; "under the deal" after a truce refers back
            out[index] = replace(noun, kind=kind, specific=True)
        return None
    if kind is K.EVACUATION:
        return None  # an evacuation counts only as agreed ("agreed to evacuate", "a deal to")
    if kind is K.OTHER and not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    if (
        kind is K.MERGER
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        and verb.dep_ != "xcomp"
    ):
        return None
    start = verb.idx
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            start = min(start, child.left_edge.idx)
    return Candidate(
        head=verb, start=start, end=verb.idx + len(verb.text), kind=kind, specific=True, verbal=True
    )


def _agreement_noun_of(verb: Token, by_head: dict[int, int]) -> Token | None:
    """An agreement noun attached to the event verb by a preposition ("under a deal", "in
    the swap"), or one the candidates already hold in this verb's clause."""
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # "and Israel will release"
    for v in verbs:
        for prep in (c for c in v.children if c.dep_ == "prep" and c.lower_ in _UNDER):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.i in by_head:
                    return pobj
    return None


def _noun_event(tok: Token, exchanged: bool) -> Candidate | None:
    low = tok.lemma_.lower()
    kind = lx.EVENT_NOUNS[low]
    if tok.text[:1].isupper() and not tok.is_sent_start:
        return None  # a name: the "Contract with America", the "Grand Alliance"
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "in"
        and not any(c.dep_ in {"det", "poss"} for c in tok.children)
    ):
        return None  # "in partnership with NATO", "in exchange for": idioms
    if tok.dep_ in {"compound", "nmod", "amod"} and tok.head.pos_ in {"NOUN", "PROPN"}:
        return None  # "evacuation deal", "merger talks": the outer noun is the mention
    if describes_a_deal(tok):
        return None  # "the pact was a partnership between neighbours"
    if low == "venture" and not any(c.lower_ == "joint" for c in tok.children):
        return None
    if low in {"exchange", "swap"} and not _exchange_licensed(tok, exchanged):
        return None
    verb = _governor(tok)
    strict = _STRICT_VERBS.get(low)
    if strict is not None:
        if verb is None or verb.lemma_.lower() not in strict:
            return None
    elif not (_licensed_noun(tok, verb) or (low in _MERGER_NOUNS and _owned(tok))):
        return None
    if tok.tag_ == "NNS" and verb is None:
        return None
    start = tok.left_edge.idx if tok.left_edge.i < tok.i else tok.idx
    for child in tok.lefts:
        if child.dep_ in {"det", "poss", "amod", "compound", "nummod"}:
            start = min(start, child.left_edge.idx)
    definite = any(
        c.dep_ in {"det", "poss"} and (c.lower_ in {"the", "this", "that"} or c.dep_ == "poss")
        for c in tok.children
    )
    indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children)
    return Candidate(
        head=tok,
        start=start,
        end=tok.idx + len(tok.text),
        kind=kind,
        specific=True,
        definite=definite,
        indefinite=indefinite,
    )


def _exchange_licensed(tok: Token, exchanged: bool) -> bool:
    """A swap of people ("prisoner swap", "exchange of prisoners"), or "the swap" after one."""
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "in"
        and any(c.lower_ in {"for"} for c in tok.children)
    ):
        return False  # "in exchange for"
    if any(
        c.dep_ in {"compound", "amod", "nmod"}
        and c.lower_ in lx.EVENT_MODIFIERS
        and lx.EVENT_MODIFIERS[c.lower_] is K.EXCHANGE
        for c in tok.children
    ):
        return _governor(tok) is not None or tok.dep_ in {"nsubj", "nsubjpass"}
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        if any(is_captive(g) for g in prep.children if g.dep_ == "pobj"):
            return True
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in tok.children)
    return exchanged and definite


def _governor(tok: Token) -> Token | None:
    """The verb whose object or subject ``tok`` is, or which a preposition ties it to."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    head = t.head
    if t.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif t.dep_ not in {"dobj", "nsubjpass", "nsubj", "attr", "oprd", "dative"}:
        return None
    return head if head.pos_ in {"VERB", "AUX"} else None


def _licensed_noun(tok: Token, verb: Token | None) -> bool:
    if verb is not None and verb.lemma_.lower() in lx.EVENT_NOUN_VERBS:
        return True
    return any(
        (c.dep_ == "prep" and c.lower_ in {"between", "with"})
        or (c.dep_ in {"amod", "compound"} and c.lower_ in lx.EVENT_MODIFIERS)
        for c in tok.children
    )


def _owned(tok: Token) -> bool:
    """ "Disney's acquisition", "the merger of the two carmakers", "the acquisition"."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in tok.children
    ) or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
