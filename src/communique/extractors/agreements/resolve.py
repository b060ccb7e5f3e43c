"""Step 3, resolve: parties: who makes, brokers or proposes an agreement, first as parse tokens,
then actors.

Party phrases are found on the parse alone (:func:`party_tokens`), so this works without
the actors layer; :class:`PartyResolver` then maps each phrase to an actor of the
:class:`~communique.capabilities.ActorIndex`, and only when the index has none
for a clear group phrase ("Syrian rebels", "government forces") creates a new actor.

Roles:

* **broker** — subject of broker/mediate/facilitate; agent of "brokered by X"; the actors
  before a broker participle ("a US-Russia brokered ceasefire", "an Egyptian-mediated
  truce").
* **proposer** — subject of call for / propose / offer / demand / urge …; a possessive or
  modifier on a plan or proposal ("Egypt's proposal").
* **party** — subject of the other agreement verbs (coordinated subjects included), "between
  X and Y", "with X", possessives ("Iran's nuclear deal"), two or more actor modifiers
  ("an Israel-Hamas truce"), the accused in "accused X of violating".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from communique.capabilities import ActorIndex
from communique.extractor import IdFactory
from communique.extractors.agreements import triggers as lx
from communique.extractors.agreements.candidates import Candidate, Token
from communique.extractors.agreements.status import Frame
from communique.models import Actor, ActorKind, AgreementKind, Mention, MentionForm, PartyRole, Span

_ACTORISH_POS = frozenset({"PROPN", "NOUN", "PRON", "ADJ"})
_SKIP_SUBJECTS = frozenset({"who", "which", "that", "what"})
_PROPOSAL_NOUNS = frozenset({"proposal", "plan", "initiative", "offer", "blueprint", "roadmap"})
"""Nouns whose possessor or name modifier proposed them ("Egypt's proposal")."""
_CLAUSE_VERBS = lx.BROKER_VERBS | {"sign", "propose", "reach", "agree", "negotiate"}


@dataclass(frozen=True)
class PartyPhrase:
    """A token standing for a party, and its role."""

    token: Token
    role: PartyRole
    state_only: bool = False
    """Accept only a country, organisation or group ("the Iran deal", not "the Paris deal")."""


def party_tokens(cand: Candidate, frame: Frame) -> list[PartyPhrase]:
    """Party phrases of one mention, found on the parse (rules in the module docstring)."""
    out: list[PartyPhrase] = []
    if cand.pronoun or any(
        c.dep_ == "det" and c.lower_ in {"any", "no"} for c in cand.head.children
    ):
        return out  # "would not accept any agreement that …": no agreement, no sides
    head = cand.head
    proposal_noun = not cand.verbal and (
        cand.kind is AgreementKind.PLAN or head.lemma_.lower() in _PROPOSAL_NOUNS
    )
    ceasefire = cand.kind in {AgreementKind.CEASEFIRE, AgreementKind.TRUCE}
    if not cand.verbal:
        out.extend(_noun_parties(head, proposal_noun, named=cand.named, ceasefire=ceasefire))
    for noun in frame.path:
        if noun.lower_ in lx.TALK_NOUNS:  # "Qatar-mediated talks on a deal"
            out.extend(p for p in _noun_parties(noun, False) if p.role is PartyRole.BROKER)
        if noun.pos_ in {"NOUN", "PROPN"} or noun.lower_ in lx.TALK_NOUNS:
            out.extend(_preposition_parties(noun))
            out.extend(
                PartyPhrase(t, PartyRole.PARTY)
                for c in noun.children
                if c.dep_ == "poss"
                for t in conjuncts(c)
            )
    verb = frame.verb
    if cand.kind in _EVENT_PARTY_PREPS:
        out.extend(_event_parties(cand, verb))
    reviewed = (
        cand.kind in lx.BUSINESS_KINDS
        and verb is not None
        and (verb.lemma_.lower() in _REVIEW_VERBS)
    )  # regulators block a merger, not join it
    if verb is not None and frame.relation not in {"subj"} and not reviewed:
        out.extend(_verb_parties(verb, frame))
    elif frame.party_verb is not None and frame.party_verb.lemma_.lower() not in lx.NON_PARTY_VERBS:
        for subj in _subjects(frame.party_verb):
            out.extend(PartyPhrase(t, PartyRole.PARTY) for t in conjuncts(subj))
    return [p for p in _dedupe(out) if same_line(p.token, head)]


_EVENT_PARTY_PREPS: dict[AgreementKind, frozenset[str]] = {
    AgreementKind.SURRENDER: frozenset({"to", "before"}),
    AgreementKind.CONTRACT: frozenset({"from", "with", "to"}),
    AgreementKind.MERGER: frozenset({"of", "with"}),
    AgreementKind.EXCHANGE: frozenset(),
    AgreementKind.RELEASE: frozenset(),
}
"""The other side of a counted event, by preposition: surrendered *to* the army, a
contract *from* the Air Force, the merger *of* Siemens and Alstom."""
_REVIEWERS = frozenset(
    {
        "regulator",
        "watchdog",
        "authority",
        "commission",
        "court",
        "shareholder",
        "judge",
        "antitrust",
    }
)
_RAISING_PASSIVES = frozenset({"expect", "schedule", "set", "due", "slate", "suppose"})
""""Kenya and Somalia are expected to sign": the passive subject is the signer."""
_REVIEW_VERBS = frozenset(
    {
        "approve",
        "block",
        "clear",
        "reject",
        "challenge",
        "investigate",
        "review",
        "probe",
        "oppose",
        "welcome",
        "scrutinize",
        "veto",
    }
)
_CAPTORS = frozenset(
    {"hold", "capture", "detain", "seize", "abduct", "kidnap", "take", "release", "free"}
)
_FIRM_LABELS = frozenset({"ORG", "GPE", "NORP"})


def _event_parties(cand: Candidate, verb: Token | None) -> Iterator[PartyPhrase]:
    """Sides of an exchange, release, surrender, contract or merger beyond the subject."""
    kind = cand.kind
    assert kind is not None
    preps = _EVENT_PARTY_PREPS[kind]
    holders = [cand.head] if verb is None or verb.i == cand.head.i else [cand.head, verb]
    if cand.verbal:  # "agreed to buy Mobil": the action's object is the other side
        holders.extend(c for c in cand.head.children if c.dep_ == "xcomp")
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    for t in conjuncts(pobj):
                        owner = _owner(t)
                        for o in conjuncts(owner) if owner is not t else [t]:
                            yield PartyPhrase(o, PartyRole.PARTY)
            elif child.dep_ == "dative" and kind is AgreementKind.CONTRACT:
                yield PartyPhrase(child, PartyRole.PARTY)  # "awarded Alstom a contract"
            elif (
                child.dep_ in {"dobj", "nsubjpass"}
                and kind is AgreementKind.MERGER
                and (child.ent_type_ in _FIRM_LABELS)
            ):
                for t in conjuncts(child):
                    yield PartyPhrase(t, PartyRole.PARTY)  # "buy Mobil"
            if (
                child.dep_ == "dobj"
                and kind is AgreementKind.CONTRACT
                and (holder.lemma_.lower() == "sign")
            ):  # "signed manager Marco Silvano to a new contract"
                yield PartyPhrase(child, PartyRole.PARTY)
            if child.dep_ in {"dobj", "nsubjpass"} and kind is AgreementKind.MERGER:
                for appos in (g for g in child.children if g.dep_ == "appos"):
                    yield PartyPhrase(appos, PartyRole.PARTY)  # "its rival Kalmar Sparbank"
    if kind in {AgreementKind.EXCHANGE, AgreementKind.RELEASE}:
        # "in return for Gilad Shalit, the soldier held by Hamas": the captor is a side
        for tok in cand.sent:
            if tok.dep_ == "agent" and tok.head.lemma_.lower() in _CAPTORS:
                for pobj in (g for g in tok.children if g.dep_ == "pobj"):
                    yield PartyPhrase(pobj, PartyRole.PARTY)


def _owner(tok: Token) -> Token:
    """ "21st Century Fox's film assets", "Alstom's rail businesses": the firm that owns them."""
    if tok.ent_type_:
        return tok
    poss = next((c for c in tok.children if c.dep_ in {"poss", "nmod"} and c.ent_type_), None)
    return poss if poss is not None else tok


def same_line(a: Token, b: Token) -> bool:
    """Whether no line break separates two tokens: a headline without a full stop is often
    parsed into the next sentence, and its words must not become that sentence's parties."""
    lo, hi = (a, b) if a.i < b.i else (b, a)
    return "\n" not in a.doc[lo.i : hi.i].text


def _noun_parties(
    head: Token, proposal_noun: bool, *, named: bool = False, ceasefire: bool = False
) -> Iterator[PartyPhrase]:
    broker_mod = next(
        (
            c
            for c in head.children
            if c.dep_ in {"amod", "acl", "compound"} and c.lower_ in lx.BROKER_MODIFIERS
        ),
        None,
    )
    if broker_mod is None:  # "US-brokered" may be one hyphenated compound
        broker_mod = next(
            (
                c
                for c in head.children
                if c.dep_ in {"amod", "compound"}
                and any(c.lower_.endswith("-" + m) for m in lx.BROKER_MODIFIERS)
            ),
            None,
        )
    modifiers = [
        c
        for c in head.lefts
        if c.dep_ in {"compound", "nmod", "amod", "npadvmod"} and c is not broker_mod
    ]
    if broker_mod is not None:
        role = PartyRole.BROKER if broker_mod.lower_ != "drafted" else PartyRole.PROPOSER
        if broker_mod.i < head.i:
            for tok in head.doc[head.left_edge.i : broker_mod.i + 1]:
                if _actorish(tok) and tok.i != broker_mod.i:
                    yield PartyPhrase(tok, role)
        for child in broker_mod.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    for t in conjuncts(pobj):
                        yield PartyPhrase(t, role)
            elif child.dep_ in {"npadvmod", "compound", "nmod"}:
                for t in child.subtree:
                    if _actorish(t):
                        yield PartyPhrase(t, role)
        modifiers = [m for m in modifiers if m.i > broker_mod.i]
    names = (
        [] if named else [t for m in modifiers for t in m.subtree if _actorish(t) and t.ent_type_]
    )
    if proposal_noun and names:
        for t in names:
            yield PartyPhrase(t, PartyRole.PROPOSER)
    elif len({t.i for t in names}) >= 2 and broker_mod is None:
        for t in names:
            yield PartyPhrase(t, PartyRole.PARTY)
    elif len(names) == 1 and broker_mod is None and not ceasefire:
        # "the Iran deal": a country or group is a party; a city ("Paris") stays a place
        yield PartyPhrase(names[0], PartyRole.PARTY, state_only=True)
    for child in head.children:
        if child.dep_ == "poss":
            role = PartyRole.PROPOSER if proposal_noun else PartyRole.PARTY
            for t in conjuncts(child):
                yield PartyPhrase(t, role)
        elif child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in _CLAUSE_VERBS:
            role = (
                PartyRole.BROKER
                if child.lemma_.lower() in lx.BROKER_VERBS
                else PartyRole.PROPOSER
                if child.lemma_.lower() == "propose"
                else PartyRole.PARTY
            )
            for agent in (c for c in child.children if c.dep_ == "agent"):
                for pobj in agent.children:
                    for t in conjuncts(pobj):
                        yield PartyPhrase(t, role)
    yield from _preposition_parties(head)


def _preposition_parties(noun: Token) -> Iterator[PartyPhrase]:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"between", "with", "among"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = conjuncts(pobj)
                    for t in found:
                        yield PartyPhrase(t, PartyRole.PARTY)
                    if child.lower_ == "between" and len(found) == 1:
                        second = _second_of_between(pobj)
                        if second is not None:
                            yield PartyPhrase(second, PartyRole.PARTY)


def _second_of_between(first: Token) -> Token | None:
    """ "between the army and the rebels" misparsed: the noun after "and" is the other side."""
    doc = first.doc
    if first.i + 1 >= len(doc) or doc[first.i + 1].lower_ != "and":
        return None
    for tok in doc[first.i + 2 : min(first.i + 6, len(doc))]:
        if tok.pos_ in {"NOUN", "PROPN"}:
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ in {"NOUN", "PROPN"} and nxt.head.i == tok.i:
                continue
            return tok
    return None


def _verb_parties(verb: Token, frame: Frame) -> Iterator[PartyPhrase]:
    lemma = verb.lemma_.lower()
    if lemma in lx.BROKER_VERBS:
        role: PartyRole | None = PartyRole.BROKER
    elif lemma in lx.PROPOSER_VERBS or (lemma, frame.relation[5:]) in {
        ("call", "for"),
        ("press", "for"),
        ("push", "for"),
        ("clamor", "for"),
        ("clamour", "for"),
        ("appeal", "for"),
        ("ask", "for"),
        ("lobby", "for"),
    }:
        role = PartyRole.PROPOSER
    elif lemma in lx.NON_PARTY_VERBS:
        role = None
    else:
        role = PartyRole.PARTY
    if role is not None:
        for subj in _subjects(verb):
            if lemma in _REVIEW_VERBS and subj.lemma_.lower() in _REVIEWERS:
                continue  # "Chinese regulators approved the deal": they judge, not join
            for t in conjuncts(subj):
                yield PartyPhrase(t, role)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"between", "with"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and role is not None:
                    for t in conjuncts(pobj):
                        yield PartyPhrase(t, PartyRole.PARTY)
        if child.dep_ == "agent" and frame.relation == "pass":
            agent_role = role or PartyRole.PARTY
            for pobj in child.children:
                for t in conjuncts(pobj):
                    yield PartyPhrase(t, agent_role)
    # "accused Russia of violating the truce": the accused is the party
    if verb.dep_ == "pcomp" and verb.head.head.lemma_.lower() in lx.ACCUSE_VERBS:
        for child in verb.head.head.children:
            if child.dep_ == "dobj":
                for t in conjuncts(child):
                    yield PartyPhrase(t, PartyRole.PARTY)


def _subjects(verb: Token) -> list[Token]:
    """The subject of ``verb``, looking through xcomp/conj chains and passive agents."""
    v = verb
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if frame_passive(v) and v.lemma_.lower() not in _RAISING_PASSIVES:
            subj = []
            for agent in (c for c in v.children if c.dep_ == "agent"):
                subj.extend(g for g in agent.children if g.dep_ == "pobj")
        if subj:
            subj = [s for s in subj if s.lower_ not in _SKIP_SUBJECTS] or (
                [v.head] if v.dep_ == "relcl" else []
            )
            extra = [
                c
                for c in v.lefts
                if c.dep_ in {"npadvmod", "nmod"} and c.ent_type_ and c.pos_ == "PROPN"
            ]
            return extra + subj
        if v.dep_ in {"xcomp", "conj"} and v.head.i != v.i:
            v = v.head
            continue
        if v.dep_ == "relcl" and v.head.i != v.i:
            return [v.head]
        break
    return []


def frame_passive(verb: Token) -> bool:
    """Whether ``verb`` is passive ("was brokered by Egypt")."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and every token coordinated with it ("X, Y and Z", "neither X nor Y")."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj":
                out.append(c)
                stack.append(c)
            elif (
                c.dep_ == "nmod" and t is tok and any(g.dep_ in {"conj", "cc"} for g in c.children)
            ):
                out.append(c)  # "the Syrian army and rebel groups" parsed as army ← groups
    return out


def _actorish(tok: Token) -> bool:
    return tok.pos_ in _ACTORISH_POS and (bool(tok.ent_type_) or tok.lower_ in lx.DEMONYMS)


def _dedupe(items: Iterable[PartyPhrase]) -> list[PartyPhrase]:
    seen: dict[int, PartyPhrase] = {}
    for item in items:
        seen.setdefault(item.token.i, item)
    return list(seen.values())


# -- phrases to actors ---------------------------------------------------------------------


class PartyResolver:
    """Maps party tokens to actors; creates group actors the actors layer does not have.

    New actors are remembered, so "Syrian rebels" in two agreements is one actor.
    """

    def __init__(
        self,
        index: ActorIndex,
        text: str,
        ids: IdFactory,
        place_of: Callable[[str], str | None] | None = None,
    ) -> None:
        self.index = index
        self.text = text
        self.ids = ids
        self.place_of: Callable[[str], str | None] = place_of or lx.DEMONYMS.get
        """Country a lower-case adjective names (the knowledge layer's, when given)."""
        self.created: dict[str, Actor] = {}

    def resolve(self, tok: Token, *, firms: bool = False) -> Actor | None:
        """The actor a party token stands for, or None.

        With ``firms`` (contracts, mergers, partnerships) a capitalised name the actors
        layer missed ("Gazprom", "Pfizer") becomes an organisation rather than being dropped.
        """
        actor = self.index.actor_for_token(tok)
        if actor is not None:
            return actor
        quantity = _quantity_of(tok)
        if quantity is not None:  # "hundreds of Boko Haram fighters"
            return self.resolve(quantity, firms=firms)
        country = self.place_of(tok.lower_)
        known = self.index.by_name(country) if country is not None else None
        if known is not None:  # "a Russian-brokered truce": Russia, if the article has it
            return known
        for child in tok.children:  # "FARC rebels", "Hamas fighters": the named group
            if child.dep_ == "compound" and child.pos_ == "PROPN":
                named = self.index.actor_for_token(child)
                if named is not None:
                    return named
        lemma = _group_lemma(tok)
        if lemma is not None and tok.pos_ in {"NOUN", "PROPN"}:
            return self._group_actor(tok, lemma)
        if tok.ent_type_ == "NORP" and tok.tag_ in {"NNS", "NNPS"}:
            return self._named_group(tok, tok.text)  # "Israelis", "Palestinians", "Hindus"
        if (
            firms
            and tok.pos_ in {"NOUN", "PROPN"}
            and tok.text[:1].isupper()
            and (not tok.ent_type_ or tok.ent_type_ in {"ORG", "PERSON"})
            and not tok.is_stop
        ):
            return self._group_actor(tok, "firm")
        return None

    def resolve_all(self, tok: Token, *, firms: bool = False) -> list[Actor]:
        """Like :meth:`resolve`, but "the two" / "both sides" give the two actors mentioned
        last before them in the sentence (or the one before): "Lavrov said after talks with
        Kerry that the two had agreed" → Lavrov, Kerry."""
        split = self._split_sides(tok)
        if split:
            return split
        if tok.lemma_.lower() in _DELEGATES:  # "negotiators for Sudan's army and the RSF"
            sent = [
                p
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in {"for", "from"}
                for p in c.children
                if p.dep_ == "pobj"
            ]
            sides = [
                a
                for p in sent
                for t in conjuncts(p)
                if (a := self.resolve(t, firms=firms)) is not None
            ]
            if sides:
                return sides
        actor = None if _both_sides(tok) else self.resolve(tok, firms=firms)
        if actor is not None:
            return [actor]
        if not _both_sides(tok):
            return []
        sentences = [tok.sent]
        if tok.sent.start > 0:
            sentences.append(tok.doc[tok.sent.start - 1].sent)
        for sent in sentences:
            splits: list[list[Actor]] = [
                s for t in sent if t.i < tok.i for s in [self._split_sides(t)] if s
            ]
            if splits:  # "clashes between Kyrgyz and Tajik border guards … Both sides"
                return splits[-1]
            last_seen: dict[str, tuple[int, Actor]] = {}
            # mentions_between looks up by position: linear even in a very long document
            for located in self.index.mentions_between(sent.start_char, tok.idx):
                if located.start < sent.start_char or located.end > tok.idx:
                    continue
                if _place_mention(tok.doc, located.start, located.end):
                    continue
                seen = last_seen.get(located.actor.id)
                if seen is None or located.end > seen[0]:
                    last_seen[located.actor.id] = (located.end, located.actor)
            if len(last_seen) >= 2:
                ranked = sorted(last_seen.values(), key=lambda pair: pair[0])
                return [pair[1] for pair in ranked[-2:]]
        return []

    def _demonym(self, tok: Token) -> bool:
        return tok.ent_type_ == "NORP" or self.place_of(tok.lower_) is not None

    def _split_sides(self, tok: Token) -> list[Actor]:
        """ "the Turkish and Greek sides", "Ethiopian and Eritrean leaders": one side per
        adjective — the country when the article names it, else a group actor."""
        if tok.tag_ not in {"NNS", "NNPS"}:
            return []
        adjectives = [
            c
            for c in tok.children
            if c.dep_ in {"amod", "compound", "nmod"} and any(g.dep_ == "conj" for g in c.children)
        ]
        if adjectives:
            sides = conjuncts(adjectives[0])
        elif tok.dep_ == "conj" and self._demonym(tok.head):  # "Kyrgyz and Tajik border guards"
            sides = [
                tok.head,
                *(c for c in tok.children if c.dep_ in {"amod", "compound"} and self._demonym(c)),
            ]
        else:
            return []
        if len(sides) < 2 or not all(self._demonym(t) for t in sides):
            return []
        out: list[Actor] = []
        for side in sides:
            country = self.place_of(side.lower_)
            known = self.index.by_name(country) if country else None
            out.append(known or self._named_group(side, f"{side.text} {tok.lemma_}"))
        return out

    def _named_group(self, tok: Token, name: str) -> Actor:
        """A group actor named ``name`` whose mention is ``tok`` ("Turkish" → "Turkish side")."""
        key = name.casefold()
        existing = self.created.get(key)
        if existing is not None:
            return existing
        span = Span.of(self.text, tok.idx, tok.idx + len(tok.text))
        actor = Actor(
            id=self.ids.new("actor"),
            name=name,
            kind=ActorKind.GROUP,
            mentions=(Mention(span=span, form=MentionForm.NOMINAL),),
            extensions={"created_by": "agreements"},
        )
        self.created[key] = actor
        return actor

    def _group_actor(self, tok: Token, lemma: str) -> Actor:
        doc = tok.doc
        subtree = {t.i for t in tok.subtree}
        left = tok
        while (
            left.i > 0
            and left.i - 1 in subtree
            and doc[left.i - 1].pos_ in _NAME_POS
            and doc[left.i - 1].dep_ not in {"conj", "cc", "nummod"}
        ):
            left = doc[left.i - 1]  # "Sri Lankan army", "rebel groups", "Colombia's government"
        start, end = left.idx, tok.idx + len(tok.text)
        name = self.text[start:end]
        known = self.index.by_name(name)
        if known is not None:
            return known
        key = name.casefold()
        span = Span.of(self.text, start, end)
        mention = Mention(span=span, form=MentionForm.NOMINAL)
        existing = self.created.get(key)
        if existing is not None:
            if all(m.span != span for m in existing.mentions):
                existing = existing.model_copy(update={"mentions": (*existing.mentions, mention)})
                self.created[key] = existing
            return existing
        kind = ActorKind.GROUP if lx.GROUP_HEADS.get(lemma) == "group" else ActorKind.ORGANIZATION
        actor = Actor(
            id=self.ids.new("actor"),
            name=name,
            kind=kind,
            mentions=(mention,),
            extensions={"created_by": "agreements"},
        )
        self.created[key] = actor
        return actor

    def new_actors(self) -> tuple[Actor, ...]:
        """Actors created for parties the actors layer lacked, in creation order."""
        return tuple(sorted(self.created.values(), key=lambda a: int(a.id.rsplit("-", 1)[1])))


_DELEGATES = frozenset(
    {
        "negotiator",
        "delegation",
        "delegate",
        "representative",
        "envoy",
        "official",
        "team",
        "emissary",
    }
)
_NAME_POS = frozenset({"ADJ", "NOUN", "PROPN", "PART"})
_QUANTITIES = frozenset(
    {
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "dozen",
        "dozens",
        "score",
        "scores",
        "number",
        "some",
        "many",
        "most",
        "all",
    }
)


def _quantity_of(tok: Token) -> Token | None:
    """ "hundreds of fighters" → "fighters"."""
    if tok.lower_ not in _QUANTITIES:
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                return pobj
    return None


def _place_mention(doc: Any, start: int, end: int) -> bool:
    """A mention after "in"/"at"/"near" ("met in Geneva") names a place, not a side."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return bool(root.dep_ == "pobj" and root.head.lower_ in {"in", "at", "near", "outside"})


def _both_sides(tok: Token) -> bool:
    """ "the two", "both", "both sides", "the two sides/countries/men"."""
    if tok.lower_ in {"two", "both"} and tok.pos_ in {"NUM", "PRON", "DET", "NOUN"}:
        return True
    return (
        tok.pos_ == "NOUN"
        and tok.tag_ == "NNS"
        and any(c.lower_ in {"two", "both"} for c in tok.children)
    )


def _group_lemma(tok: Token) -> str | None:
    """The group-head word of ``tok`` ("rebels", "Rebels" → "rebel"), or None."""
    lower = str(tok.lower_)
    for form in (str(tok.lemma_).lower(), lower, lower.removesuffix("s")):
        if form in lx.GROUP_HEADS:
            return form
    return None


_STATES = frozenset({ActorKind.COUNTRY, ActorKind.ORGANIZATION, ActorKind.GROUP})


def resolve_parties(
    phrases: Iterable[PartyPhrase], resolver: PartyResolver, cand: Candidate
) -> tuple[list[tuple[str, PartyRole]], set[int]]:
    """(actor id, role) per phrase that maps to an actor — first role per actor wins — and
    the indices of the tokens that did (kept out of the location search).

    An actor whose mention is the agreement itself ("the North American Free Trade
    Agreement" as an organisation) is never its own party.
    """
    itself = resolver.index.actor_for_token(cand.head) if not cand.pronoun else None
    out: dict[str, PartyRole] = {}
    used: set[int] = set()
    for phrase in phrases:
        firms = cand.kind in lx.BUSINESS_KINDS
        for actor in resolver.resolve_all(phrase.token, firms=firms):
            if itself is not None and actor.id == itself.id:
                continue
            if phrase.state_only and actor.kind not in _STATES:
                continue
            used.add(phrase.token.i)
            if actor.id not in out:
                out[actor.id] = phrase.role
    return list(out.items()), used
