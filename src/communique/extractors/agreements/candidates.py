"""Step 1, candidates: detection: find the words in a parse that mention an agreement.

A *candidate* is one mention: a trigger noun ("the truce", "a 48-hour cease-fire", "peace
talks"), a standalone agreement verb ("the two had agreed that ..."), or a pronoun that
refers back to an agreement ("it collapsed"). Each gets a head token, a phrase span and a
kind; what it says about status, parties and dates is worked out later from the head.

Guards keep out the usual false friends: "plans to visit" (verb), "deal with" (verb), "a
great deal", "agree with the analysis", "diplomatic protocol" (weak noun without an
agreement verb or peace-type modifier), and names that merely contain a trigger ("the Warsaw
Pact", "the Ceasefire Violations Committee").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from communique.extractors.agreements import triggers as lx
from communique.extractors.agreements.kinds import Token as Token
from communique.extractors.agreements.kinds import action_kind
from communique.models import AgreementKind

_NAME_LABELS = frozenset(
    {"ORG", "FAC", "GPE", "PERSON", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "NORP", "LOC"}
)
_LICENSING_VERBS = frozenset(
    {
        "agree",
        "reach",
        "sign",
        "ratify",
        "propose",
        "accept",
        "reject",
        "broker",
        "negotiate",
        "unveil",
        "present",
        "endorse",
        "approve",
        "implement",
        "violate",
        "table",
        "put",
        "back",
        "submit",
        "offer",
        "strike",
        "conclude",
        "finalize",
        "finalise",
        "draft",
        "announce",
        "adopt",
        "rebuff",
        "spurn",
        "welcome",
        "breach",
        "seal",
        "clinch",
        "come",
        "hammer",
        "outline",
        "float",
        "discuss",
        "mediate",
        "respect",
        "abide",
        "dismiss",
        "oppose",
        "veto",
        "support",
        "turn",
        "scrap",
        "abandon",
        "revive",
    }
)
_CONSENSUS_MODIFIERS = frozenset(
    {
        "broad",
        "general",
        "wide",
        "widespread",
        "unanimous",
        "total",
        "complete",
        "full",
        "some",
        "little",
        "more",
        "much",
        "growing",
        "greater",
        "less",
    }
)
_PLAN_NOUNS = frozenset({"plan", "proposal", "initiative", "framework", "blueprint", "roadmap"})
_PLAN_LICENSING_VERBS = frozenset(
    {
        "accept",
        "reject",
        "dismiss",
        "endorse",
        "approve",
        "sign",
        "agree",
        "negotiate",
        "implement",
        "rebuff",
        "spurn",
        "back",
        "adopt",
        "ratify",
        "veto",
        "oppose",
    }
)
"""A plan is an agreement when another side takes it up or turns it down; a plan someone
merely unveils ("Trump outlined his tax plan") is policy, not an agreement."""
_GENERIC_DETERMINERS = frozenset({"such", "any", "all", "many", "most", "some", "no"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_MODALS = frozenset({"would", "will", "should", "shall", "must", "could", "'d", "'ll"})
_QUICK = frozenset(
    {
        *lx.STRONG_NOUNS,
        *lx.WEAK_NOUNS,
        *lx.TALK_NOUNS,
        *lx.PRONOUN_ANAPHORS,
        "fire",
        "cessation",
        "agree",
        "plans",
        "settlements",
        "understandings",
    }
)
"""Forms and lemmas worth a closer look; every other token is skipped at once."""
_PRONOUN_VERBS = frozenset(
    {
        "collapse",
        "hold",
        "take",
        "come",
        "expire",
        "break",
        "sign",
        "ratify",
        "violate",
        "breach",
        "reject",
        "accept",
        "implement",
        "respect",
        "unravel",
        "fail",
        "enter",
        "go",
    }
)


@dataclass(frozen=True)
class Candidate:
    """One mention of an agreement.

    Attributes:
        head: The trigger token (the noun, the verb, or the pronoun).
        start, end: Character range of the mention phrase (the evidence).
        kind: Kind suggested by the trigger, or None for a pronoun.
        specific: The kind comes from a specific word (ceasefire, treaty), not a generic
            one (agreement, deal).
        definite: Introduced by "the"/"this"/a possessive: likely refers back.
        indefinite: Introduced by "a"/"an": likely a new referent.
        verbal: A standalone agreement verb ("agreed that ...").
        named: The trigger heads a proper name ("the Paris Agreement").
        sentence, sent: Number and spaCy span of the sentence it is in.
    """

    head: Token
    start: int
    end: int
    kind: AgreementKind | None
    specific: bool = True
    definite: bool = False
    indefinite: bool = False
    verbal: bool = False
    named: bool = False
    sentence: int = 0
    sent: Any = None

    @property
    def pronoun(self) -> bool:
        return self.kind is None


def find_candidates(doc: Any) -> list[Candidate]:
    """Every agreement mention in ``doc``, in text order.

    Only tokens whose form or lemma is in the lexicon are examined, so the cost grows with
    the number of trigger words, not with the length of the text.
    """
    found: list[Candidate] = []
    number = -1
    title_case: dict[int, bool] = {}
    for tok in doc:
        if tok.is_sent_start or tok.i == 0:
            number += 1
        if tok.lower_ not in _QUICK and tok.lemma_.lower() not in _QUICK:
            continue
        sent = tok.sent
        line = _line_of(tok)
        if line.start not in title_case:
            title_case[line.start] = _title_case(line)
        cand = _noun_candidate(tok, title_case[line.start], sent.start)
        if cand is None:
            cand = _verb_candidate(tok)
        if cand is None:
            cand = _pronoun_candidate(tok)
        if cand is not None:
            found.append(replace(cand, sentence=number, sent=sent))
    return found


# -- nouns ---------------------------------------------------------------------------------


def trigger_kind(tok: Token) -> tuple[AgreementKind, bool] | None:
    """(kind, is-strong) if ``tok`` is a trigger noun by its form alone, else None."""
    low = tok.lower_
    lemma = tok.lemma_.lower()
    if low == "fire" and _is_cease_fire(tok):
        return AgreementKind.CEASEFIRE, True
    if low == "cessation" and any(
        c.dep_ == "prep" and any(g.lower_ == "hostilities" for g in c.children)
        for c in tok.children
    ):
        return AgreementKind.CEASEFIRE, True
    for key in (low, lemma):
        if key in lx.STRONG_NOUNS:
            return lx.STRONG_NOUNS[key], True
        if key in lx.WEAK_NOUNS:
            return lx.WEAK_NOUNS[key], False
    return None


def _is_cease_fire(tok: Token) -> bool:
    doc, i = tok.doc, tok.i
    if i >= 1 and doc[i - 1].lower_ == "cease":
        return True
    return i >= 2 and doc[i - 1].text in {"-", "\u2010", "\u2011"} and doc[i - 2].lower_ == "cease"


def _noun_candidate(tok: Token, title_case: bool, sent_start: int) -> Candidate | None:
    if tok.lower_ in lx.TALK_NOUNS and any(
        c.lower_ == "peace" and c.dep_ in {"compound", "amod", "nmod"} for c in tok.children
    ):
        return _make(tok, AgreementKind.PEACE_AGREEMENT, specific=True)
    hit = trigger_kind(tok)
    if hit is None:
        return None
    kind, strong = hit
    low = tok.lower_
    always_noun = low in {"ceasefire", "truce", "fire", "cease-fire", "armistice"}
    if not always_noun and tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    if _inside_trigger_compound(tok):
        return None  # "ceasefire agreement": the outer noun is the mention
    if low == "deal" and _idiom(tok):
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return None  # "there is no deal on weapons": no agreement to report
    if low in {"deal", "deals"} and _shopping(tok):
        return None  # "the best deals on flights", "Prime Day deals": offers, not agreements
    if _generic_plural(tok):
        return None  # "trade deals hurt workers", "such agreements": the class, not one
    if _modifies_other_noun(tok):
        return None  # "the treaty port", "ceasefire monitors": about something else
    if describes_a_deal(tok):
        return None  # "the pact was a partnership between neighbours": what it is, not another
    if tok.lemma_.lower() in {"agreement", "understanding"} and _consensus(tok):
        return None
    named = _name_status(tok, title_case, sent_start)
    if named == "not-agreement":
        return None
    kind, specific = _refine_kind(tok, kind)
    if not strong and not _licensed(tok):
        return None
    if named == "name" and not _governed_by_agreement_verb(tok):
        return None
    return _make(tok, kind, specific=specific, named=named == "name")


def _make(tok: Token, kind: AgreementKind, *, specific: bool, named: bool = False) -> Candidate:
    start_tok = tok
    for child in tok.lefts:
        if child.dep_ in {"punct", "cc", "prep", "aux", "mark", "advmod", "nsubj"}:
            continue
        left = child.left_edge
        if left.i < start_tok.i:
            start_tok = left
    if tok.lower_ == "fire" and _is_cease_fire(tok):
        cease = tok.doc[tok.i - 1] if tok.doc[tok.i - 1].lower_ == "cease" else tok.doc[tok.i - 2]
        if cease.i < start_tok.i:
            start_tok = cease
    end = tok.idx + len(tok.text)
    if tok.lower_ == "cessation":
        end = max(
            (c.right_edge.idx + len(c.right_edge.text) for c in tok.rights if c.dep_ == "prep"),
            default=end,
        )
    definite = any(
        c.dep_ in {"det", "poss"} and (c.lower_ in _DEFINITE or c.dep_ == "poss")
        for c in tok.children
    )
    indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children)
    return Candidate(
        head=tok,
        start=start_tok.idx,
        end=end,
        kind=kind,
        specific=specific,
        definite=definite,
        indefinite=indefinite,
        named=named,
    )


def describes_a_deal(tok: Token) -> bool:
    """The noun predicated of an agreement named as the copula's subject ("said the pact was
    a partnership between neighbours", "the truce is an armistice in all but name"): a
    description of that agreement, not a second one."""
    verb = tok.head
    if tok.dep_ != "attr" or verb.lemma_.lower() != "be":
        return False
    return any(
        c.dep_ in {"nsubj", "nsubjpass"}
        and (trigger_kind(c) is not None or c.lemma_.lower() in lx.EVENT_NOUNS)
        for c in verb.children
    )


def _idiom(tok: Token) -> bool:
    """ "a great deal of", "a good deal of", "a big/huge deal"."""
    words = {c.lower_ for c in tok.children}
    if words & {"great", "good"} and any(c.lower_ == "of" for c in tok.rights):
        return True
    return bool(words & {"big", "huge", "great"}) and not _governed_by_agreement_verb(tok)


def _shopping(tok: Token) -> bool:
    """Offers to shoppers: a plural "deals" with a sales modifier or "on"/"for" a product,
    and no side ("between", "with") or agreement verb."""
    if any(c.dep_ == "prep" and c.lower_ in {"between", "with"} for c in tok.children):
        return False
    before = tok.doc[tok.left_edge.i : tok.i]
    mods = {c.lower_ for c in before} | {before.text.lower().replace(" ", "")}
    if mods & lx.SHOPPING_MODIFIERS:
        return True
    if _governed_by_agreement_verb(tok):
        return False
    if mods & set(lx.KIND_MODIFIERS) or mods & lx.LICENSING_MODIFIERS:
        return False
    return tok.tag_ in {"NNS", "NNPS"} and any(
        c.dep_ == "prep" and c.lower_ in {"on", "for"} for c in tok.children
    )


def _generic_plural(tok: Token) -> bool:
    """A bare or quantified plural with no agreement verb refers to a class of agreements."""
    if tok.tag_ not in {"NNS", "NNPS"}:
        return False
    dets = [
        c
        for c in tok.children
        if c.dep_ in {"det", "poss", "nummod", "amod"}
        and (c.dep_ != "amod" or c.lower_ in _GENERIC_DETERMINERS)
    ]
    if any(c.lower_ not in _GENERIC_DETERMINERS for c in dets if c.dep_ != "amod"):
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"between", "with"} for c in tok.children):
        return False
    return not _governed_by_agreement_verb(tok)


def _modifies_other_noun(tok: Token) -> bool:
    """A trigger used as a modifier of a noun that is neither a trigger nor a status noun."""
    if tok.dep_ not in {"compound", "nmod"} or tok.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = tok.head
    if trigger_kind(head) is not None:
        return False
    return head.lower_ not in lx.NOUN_CUE_STATUS and head.lemma_.lower() not in lx.NOUN_CUE_STATUS


def _inside_trigger_compound(tok: Token) -> bool:
    """Whether ``tok`` only modifies another trigger noun ("ceasefire deal")."""
    if tok.dep_ not in {"compound", "nmod", "amod"}:
        return False
    head = tok.head
    return head.i != tok.i and trigger_kind(head) is not None and head.pos_ in {"NOUN", "PROPN"}


def _refine_kind(tok: Token, kind: AgreementKind) -> tuple[AgreementKind, bool]:
    """Make "deal"/"agreement" specific from a modifier: "peace deal", "ceasefire agreement",
    "evacuation deal", or from the action it settles: "an agreement to evacuate …"."""
    if kind in lx.GENERIC_KINDS:
        for child in tok.children:
            event = lx.EVENT_MODIFIERS.get(child.lower_)
            if child.dep_ in {"compound", "amod", "nmod"} and event is not None:
                return event, True
            if child.dep_ in {"acl", "relcl"} and child.i > tok.i:
                action = action_kind(child)
                if action is not None and action is not AgreementKind.OTHER:
                    return action, True
    for child in tok.children:
        if child.dep_ not in {"compound", "amod", "nmod"}:
            continue
        inner = trigger_kind(child)
        if inner is not None and inner[0] not in lx.GENERIC_KINDS:
            return inner[0], True
        mod = lx.KIND_MODIFIERS.get(child.lower_)
        if mod is not None and kind in lx.GENERIC_KINDS | {AgreementKind.TREATY}:
            return mod, True
        if mod is not None and kind is AgreementKind.PLAN:
            return kind, True
    if tok.lemma_.lower() == "pact":
        return kind, False  # a bare "pact" names any agreement ("under the pact")
    return kind, kind not in lx.GENERIC_KINDS


def _consensus(tok: Token) -> bool:
    """ "in agreement with", "broad agreement that": consensus, not an agreement."""
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "in"
        and not any(c.dep_ == "det" for c in tok.children)
    ):
        return True
    return any(c.dep_ == "amod" and c.lower_ in _CONSENSUS_MODIFIERS for c in tok.children) and (
        not _governed_by_agreement_verb(tok)
    )


def _licensed(tok: Token) -> bool:
    """A weak noun counts only with an agreement verb, a peace-type modifier or "between"."""
    lemma = tok.lemma_.lower()
    if (
        tok.tag_ in {"NNS", "NNPS"}
        and lemma in _PLAN_NOUNS | {"settlement"}
        and not any(c.lower_ in lx.LICENSING_MODIFIERS for c in tok.children)
    ):
        return False
    for child in tok.children:
        if child.dep_ in {"compound", "amod", "nmod"} and (
            child.lower_ in lx.LICENSING_MODIFIERS or trigger_kind(child) is not None
        ):
            return True
        if child.dep_ == "prep" and child.lower_ == "between":
            return True
    if lemma == "understanding" and any(c.lower_ == "of" for c in tok.children):
        return False
    if lemma in _PLAN_NOUNS:
        return _governed_by_agreement_verb(tok, _PLAN_LICENSING_VERBS)
    return _governed_by_agreement_verb(tok)


def _governed_by_agreement_verb(tok: Token, verbs: frozenset[str] = _LICENSING_VERBS) -> bool:
    """Whether ``tok`` is the object of an agreement verb ("signed the protocol", "agreed on
    a plan", "the plan was rejected"); a subject ("the plan rejected …") does not count."""
    t = tok
    while t.dep_ == "conj":
        t = t.head
    head = t.head
    if t.dep_ == "pobj":
        head = head.head
    elif t.dep_ not in {"dobj", "nsubjpass", "attr", "oprd"}:
        return False
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    return head.lemma_.lower() in verbs


def _name_status(tok: Token, title_case: bool, sent_start: int) -> str:
    """ "plain", "name" (a trigger heading a name) or "not-agreement" (inside another name)."""
    if title_case:
        return "plain"
    ent = entity_of(tok)
    if ent is not None and ent.label_ in _NAME_LABELS and len(ent) > 1:
        if tok.i != ent.end - 1 or tok.lemma_.lower() not in lx.NAME_EXEMPT_HEADS:
            return "not-agreement"
        return "name"
    if not tok.text[:1].isupper() or tok.i == sent_start:
        return "plain"
    neighbours = [
        t
        for t in (
            tok.nbor(-1) if tok.i > 0 else None,
            tok.nbor(1) if tok.i + 1 < len(tok.doc) else None,
        )
        if t is not None
    ]
    if any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours):
        right = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if right is not None and right.pos_ == "PROPN" and right.text[:1].isupper():
            return "not-agreement"  # "Ceasefire Violations Committee"
        if tok.lemma_.lower() not in lx.NAME_EXEMPT_HEADS:
            return "not-agreement"
        return "name"
    return "plain"


def entity_of(tok: Token) -> Any:
    """The named-entity span ``tok`` belongs to, or None (found from the IOB tags)."""
    if not tok.ent_type_:
        return None
    from spacy.tokens import Span as SpacySpan

    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpan(doc, start, end, label=tok.ent_type_)


def _line_of(tok: Token) -> Any:
    """The tokens of ``tok``'s sentence on its own line: a headline without a full stop is
    often parsed into the sentence after it, but its capitals still mean nothing."""
    sent = tok.sent
    start, end = tok.i, tok.i + 1
    while start > sent.start and "\n" not in tok.doc[start - 1].text:
        start -= 1
    while end < sent.end and "\n" not in tok.doc[end].text:
        end += 1
    return tok.doc[start:end]


def _title_case(sent: Any) -> bool:
    """A headline in Title Case: every content word capitalised, so capitals mean nothing."""
    words = [t for t in sent if t.is_alpha and len(t) >= 3 and not t.is_stop]
    if len(words) < 3:
        return False
    return all(t.text[:1].isupper() for t in words)


# -- verbs and pronouns ----------------------------------------------------------------------


def _verb_candidate(tok: Token) -> Candidate | None:
    """A standalone "agree" with a content clause: "X and Y agreed to/that/on ..."."""
    if tok.lemma_.lower() != "agree" or tok.pos_ not in {"VERB", "AUX"}:
        return None
    for child in tok.children:
        if child.dep_ in {"dobj", "nsubjpass"} and trigger_kind(child) is not None:
            return None
        if child.dep_ == "prep" and any(
            trigger_kind(g) is not None for g in child.children if g.dep_ == "pobj"
        ):
            return None
    subject = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(s.lower_ == "i" for s in subject):
        return None  # "I agree that ..." is an opinion
    kind: AgreementKind | None = None
    for child in tok.children:
        to_clause = child.dep_ == "xcomp" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in child.children
        )
        that_clause = child.dep_ == "ccomp" and any(g.lower_ in _MODALS for g in child.children)
        on_phrase = child.dep_ == "prep" and child.lower_ in {"on", "upon"}
        if to_clause:
            kind = action_kind(child) or AgreementKind.DEAL
        elif that_clause or on_phrase:
            kind = AgreementKind.UNDERSTANDING
    if kind is None:
        return None
    with_someone = any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
    if with_someone and kind in {AgreementKind.UNDERSTANDING}:
        return None  # "agree with the analysis that ..."
    one_sided = kind not in {AgreementKind.DEAL, AgreementKind.UNDERSTANDING}
    if not one_sided and not _several_sides(tok, subject):
        return None  # "Analysts agreed that …", "The club agreed to sign …": one side
    start = tok.idx
    if subject:
        start = min(start, subject[0].left_edge.idx)
    return Candidate(
        head=tok,
        start=start,
        end=tok.idx + len(tok.text),
        kind=kind,
        specific=kind not in {AgreementKind.DEAL, AgreementKind.OTHER},
        verbal=True,
    )


_SIDES = frozenset({"two", "both", "side", "sides", "party", "parties", "they", "we"})


def _several_sides(verb: Token, subject: list[Token]) -> bool:
    """An agreement needs two sides: a coordinated subject, "the two", or "with X"."""
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return True
    for subj in subject:
        if any(c.dep_ == "conj" for c in subj.children):
            return True
        if subj.lower_ in _SIDES or any(c.lower_ in {"two", "both"} for c in subj.children):
            return True
    return False


def _pronoun_candidate(tok: Token) -> Candidate | None:
    """ "it" as the subject or object of a typical agreement verb; merges, never creates."""
    if tok.lower_ not in lx.PRONOUN_ANAPHORS or tok.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return None
    if tok.head.lemma_.lower() not in _PRONOUN_VERBS:
        return None
    return Candidate(
        head=tok,
        start=tok.idx,
        end=tok.idx + len(tok.text),
        kind=None,
        specific=False,
        definite=True,
    )
