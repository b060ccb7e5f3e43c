"""Step 2, frames and status: status: where the agreement stands, read from the words that govern
the mention.

The mention's *frame* is found by climbing the parse from the trigger: through conjunctions,
through compounds into a cue noun ("ceasefire violations", "truce talks"), through "of"
("the terms of the deal"), through a preposition to its verb ("agreed in a deal", "called
for a truce"), or to the verb whose object or subject the mention is.

The status then comes from, strongest first:

1. a cue noun on the way up (talks → negotiating, violations → violated, proposal →
   proposed), unless the verb above it rejects, accepts or collapses it;
2. the governing verb (lexicon in :mod:`.triggers`), corrected for negation ("has not
   signed" → negotiating, "is not holding" → violated), modality and intention ("will
   sign", "hope to reach", "not going to rush to" → negotiating; "will take effect" →
   reached), failure ("failed to reach" → collapsed) and refusal ("refused to sign" →
   rejected);
3. a participle or relative clause on the noun ("the deal signed in 2015", "the truce,
   which took effect on Monday"), when no verb governs the mention;
4. a modifier on the noun ("proposed", "prospective", "fragile", "brokered"); a
   prospective modifier overrides a completion verb ("ensure a prospective ceasefire holds");
5. a default: definite ceasefires and truces are in force, other definite mentions
   reached, indefinite ones under negotiation.

Strength (2 verb or cue noun, 1 modifier, 0 default) lets several mentions of one
agreement be combined: the strongest wins, ties go to the later lifecycle stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from communique.extractors.agreements import triggers as lx
from communique.extractors.agreements.candidates import Candidate, Token
from communique.models import AgreementKind
from communique.models import AgreementStatus as S

_PROSPECTIVE = frozenset(
    {
        "prospective",
        "possible",
        "potential",
        "future",
        "planned",
        "proposed",
        "draft",
        "elusive",
        "hoped",
        "suggested",
    }
)
_FUTURE_AUX = frozenset(
    {"will", "would", "could", "may", "might", "shall", "'ll", "can", "should", "must", "wo", "ca"}
)
_COPULAS = frozenset({"be", "remain", "seem", "appear", "look", "become", "stay"})
_NEGATORS = frozenset({"not", "n't", "never", "no"})
_CLIMB_NOUNS = frozenset(
    {
        "term",
        "terms",
        "text",
        "details",
        "detail",
        "part",
        "parts",
        "provision",
        "provisions",
        "clause",
        "conditions",
        "framework",
    }
)
_EXTRA_CUE_NOUNS: dict[str, S] = {
    "obstacle": S.NEGOTIATING,
    "hurdle": S.NEGOTIATING,
    "roadblock": S.NEGOTIATING,
    "prospect": S.NEGOTIATING,
    "path": S.NEGOTIATING,
    "push": S.PROPOSED,
    "effort": S.NEGOTIATING,
    "bid": S.NEGOTIATING,
    "hope": S.NEGOTIATING,
}


@dataclass
class Frame:
    """The governing words of one mention.

    Attributes:
        verb: The verb that governs the mention, or None.
        relation: "subj", "obj" or "prep:<p>" — how the mention hangs on ``verb``.
        cue_noun: A status noun passed on the way up ("violations", "talks").
        path: Tokens climbed through (nouns and prepositions), for party search.
        party_verb: A verb above a non-status noun ("achieve clarity on a truce"): its
            subject may be a party, but it says nothing about status.
    """

    verb: Token | None = None
    relation: str = ""
    cue_noun: Token | None = None
    path: list[Token] = field(default_factory=list)
    party_verb: Token | None = None


@dataclass(frozen=True)
class StatusReading:
    """A mention's status, how strongly the text says it, and the words that say it."""

    status: S
    strength: int
    cue: str = ""


def frame_of(cand: Candidate) -> Frame:
    """Climb from the mention to its governing verb (see the module docstring)."""
    frame = Frame()
    if cand.verbal:
        frame.verb, frame.relation = cand.head, "verb"
        return frame
    t = cand.head
    for _ in range(8):
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        dep, head = t.dep_, t.head
        if head.i == t.i:
            return frame
        if t.pos_ == "VERB" and dep in {"xcomp", "ROOT", "ccomp", "advcl"} and not cand.pronoun:
            # a misparsed trigger ("to ceasefire violations"): look at its object instead
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            if obj is not None and _cue_status(obj) is not None and frame.cue_noun is None:
                frame.cue_noun = obj
            return frame
        if dep in {"compound", "nmod", "amod", "nsubj"} and head.lower_ in lx.TALK_NOUNS:
            # "ceasefire talks", even when the tagger takes "talks" for a verb
            if frame.cue_noun is None:
                frame.cue_noun = head
            frame.path.append(head)
            t = head
            continue
        if dep in {"compound", "nmod", "amod"} and head.pos_ in {"NOUN", "PROPN"}:
            if _cue_status(head) is not None and frame.cue_noun is None:
                frame.cue_noun = head
            frame.path.append(head)
            t = head
            continue
        if dep == "poss":
            frame.path.append(head)
            t = head
            continue
        if dep in {"dobj", "nsubjpass", "attr", "oprd", "dative"} and head.pos_ in {"VERB", "AUX"}:
            frame.verb, frame.relation = head, "obj" if dep != "attr" else "attr"
            if dep == "nsubjpass":
                frame.relation = "pass"
            return frame
        if dep in {"nsubj", "csubj"} and head.pos_ in {"VERB", "AUX"}:
            frame.verb, frame.relation = head, "subj"
            return frame
        if dep == "pobj" and head.dep_ in {"prep", "agent", "dative"}:
            prep = head
            governor = prep.head
            frame.path.append(prep)
            if governor.pos_ in {"VERB", "AUX"}:
                frame.verb, frame.relation = governor, f"prep:{prep.lower_}"
                return frame
            if governor.pos_ in {"NOUN", "PROPN"}:
                if _cue_status(governor) is not None:
                    if frame.cue_noun is None:
                        frame.cue_noun = governor
                    frame.path.append(governor)
                    t = governor
                    continue
                if prep.lower_ == "of" and governor.lemma_.lower() in _CLIMB_NOUNS:
                    frame.path.append(governor)
                    t = governor
                    continue
                if governor.dep_ in {"dobj", "attr"} and governor.head.pos_ in {"VERB", "AUX"}:
                    frame.party_verb = governor.head
            if governor.pos_ in {"ADV", "ADP"} and governor.head.pos_ in {"VERB", "AUX"}:
                # "pulled out of the talks": the particle carries the preposition
                frame.verb, frame.relation = governor.head, f"prep:{governor.lower_}"
                return frame
            if governor.pos_ == "ADJ" and governor.head.pos_ in {"VERB", "AUX"}:
                # "close to a deal"
                frame.verb, frame.relation = governor.head, f"adj:{governor.lower_}"
                return frame
            return frame
        return frame
    return frame


def _cue_status(tok: Token) -> S | None:
    lemma = tok.lemma_.lower()
    return (
        lx.NOUN_CUE_STATUS.get(lemma)
        or lx.NOUN_CUE_STATUS.get(tok.lower_)
        or (_EXTRA_CUE_NOUNS.get(lemma))
    )


def read_status(cand: Candidate, frame: Frame) -> StatusReading:
    """The status one mention reports (rules in the module docstring)."""
    modifier = _modifier_status(cand)
    if frame.verb is not None and frame.verb.lemma_.lower() in _COPULAS:
        acomp = _predicate_adjective(frame)  # "a peace deal remains elusive"
        if acomp is not None:
            return acomp
    verb_reading = _verb_status(frame) or _shared_subject_status(frame)
    now = _now_in_force(cand, frame)
    if now is not None and (verb_reading is None or verb_reading.status in {S.REACHED, S.SIGNED}):
        return now  # "signed last year, which is now in force"
    if cand.head.lower_ in lx.TALK_NOUNS:  # "peace talks": the head is its own cue
        if verb_reading is not None and verb_reading.status in {S.REJECTED, S.COLLAPSED}:
            return verb_reading
        return StatusReading(S.NEGOTIATING, 2, cand.head.text)
    if frame.cue_noun is not None and not _hypothetical(frame.cue_noun):
        noun_status = _cue_status(frame.cue_noun)
        assert noun_status is not None
        if verb_reading is not None and noun_status in {S.PROPOSED, S.NEGOTIATING}:
            if verb_reading.status in {S.REJECTED, S.COLLAPSED}:
                return verb_reading
            if noun_status is S.PROPOSED and verb_reading.status is S.REACHED:
                return verb_reading
        compound = cand.head.dep_ in {"compound", "nmod", "amod"} or cand.head.pos_ == "VERB"
        return StatusReading(noun_status, 1 if compound else 2, frame.cue_noun.text)
    if verb_reading is not None:
        if (
            modifier is not None
            and modifier[1] in _PROSPECTIVE
            and (verb_reading.status in lx.COMPLETION_STATUSES)
        ):
            return StatusReading(modifier[0], 2, modifier[1])
        return verb_reading
    acomp = _predicate_adjective(frame)
    if acomp is not None:
        return acomp
    clause = _clause_on_noun(cand)
    if clause is not None:
        return clause
    if modifier is not None:
        return StatusReading(modifier[0], 1, modifier[1])
    return StatusReading(_default(cand), 0)


_UNREAL = frozenset(
    {
        "elusive",
        "unlikely",
        "impossible",
        "difficult",
        "uncertain",
        "doubtful",
        "hard",
        "remote",
        "premature",
    }
)
"""Predicates that deny what their subject clause describes: "signing a deal has proved
elusive"."""


def _shared_subject_status(frame: Frame) -> StatusReading | None:
    """ "The ceasefire, agreed in March, has been violated": the parser makes "agreed" the
    main verb and "violated" its conjunct; the conjunct shares the subject."""
    verb = frame.verb
    if verb is None or frame.relation not in {"subj", "pass"}:
        return None
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}):
        if any(g.dep_ in {"nsubj", "nsubjpass"} for g in conj.children):
            continue
        passive = any(g.dep_ == "auxpass" for g in conj.children)
        reading = _verb_status(Frame(verb=conj, relation="pass" if passive else "subj"))
        if reading is not None:
            return reading
    return None


def _now_in_force(cand: Candidate, frame: Frame) -> StatusReading | None:
    """A clause on the agreement or its verb saying it is "(now) in force/effect"."""
    holders = [cand.head] if frame.verb is None else [cand.head, frame.verb]
    clauses = [
        c for h in holders for c in h.children if c.dep_ in {"relcl", "acl", "advcl", "conj"}
    ]
    clauses += [g for c in clauses for g in c.children if g.dep_ == "conj"]
    for clause in clauses:
        if clause.lower_ == "in" and any(g.lower_ in {"force", "effect"} for g in clause.children):
            return StatusReading(S.IN_FORCE, 2, "in force")  # "signed last year and now in force"
        if clause.lemma_ != "be" or _negated(clause):
            continue
        for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ == "in"):
            state = next((g for g in prep.children if g.lower_ in {"force", "effect"}), None)
            if state is not None:
                return StatusReading(S.IN_FORCE, 2, f"{clause.text} in {state.text}")
    return None


def _hypothetical(noun: Token) -> bool:
    """ "would respond to any violation": a cue about what has not happened."""
    return any(c.dep_ == "det" and c.lower_ in {"any", "no", "every"} for c in noun.children)


def _clause_on_noun(cand: Candidate) -> StatusReading | None:
    """ "the deal signed in 2015", "the truce, which took effect on Monday"."""
    if cand.verbal or cand.pronoun:
        return None
    for child in cand.head.children:
        if child.dep_ not in {"acl", "relcl"} or child.pos_ not in {"VERB", "AUX"}:
            continue
        relative = {c.dep_ for c in child.children if c.lower_ in {"which", "that"}}
        if "nsubjpass" in relative or (child.dep_ == "acl" and child.tag_ == "VBN"):
            relation = "pass"
        elif "nsubj" in relative:
            relation = "subj"
        else:
            continue
        reading = _verb_status(Frame(verb=child, relation=relation))
        if reading is not None:
            return reading
    return None


def _default(cand: Candidate) -> S:
    if not cand.definite and not cand.named:
        return S.NEGOTIATING
    if cand.kind in {AgreementKind.CEASEFIRE, AgreementKind.TRUCE}:
        return S.IN_FORCE
    return S.REACHED


def _modifier_status(cand: Candidate) -> tuple[S, str] | None:
    if cand.verbal or cand.pronoun:
        return None
    for child in cand.head.children:
        if child.dep_ in {"amod", "compound", "acl", "nmod"}:
            word = child.lower_
            if word in lx.MODIFIER_STATUS:
                return lx.MODIFIER_STATUS[word], word
            if child.lemma_.lower() == "hope" or word.startswith("hoped"):
                return S.NEGOTIATING, word
    return None


def _predicate_adjective(frame: Frame) -> StatusReading | None:
    """ "an agreement is imminent", "the truce remains fragile"."""
    verb = frame.verb
    if verb is None or frame.relation != "subj":
        return None
    for child in verb.children:
        if child.dep_ == "acomp" and child.lower_ in lx.MODIFIER_STATUS:
            return StatusReading(lx.MODIFIER_STATUS[child.lower_], 2, child.text)
    return None


_RAISING = frozenset(
    {"be", "expect", "set", "schedule", "due", "likely", "poise", "suppose", "slate", "plan"}
)
"""Verbs through which the agreement is the subject of a later verb: "the truce is due to
take effect", "the deal is expected to be signed" (read as not yet done)."""
_EVENT_PREPS = frozenset({"under", "in", "as"})
"""The agreement a counted event was carried out under: "freed 200 prisoners under a deal"."""
_SUBJECT_PARTICLE_VERBS = frozenset({"come", "go", "enter", "take", "break", "fall"})


def _verb_status(frame: Frame) -> StatusReading | None:
    verb = frame.verb
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    relation = frame.relation
    if relation in {"subj", "pass"} and lemma in _RAISING:
        raised = raised_verb(verb)
        if raised is not None:
            passive = any(c.dep_ == "auxpass" for c in raised.children)
            inner = _verb_status(Frame(verb=raised, relation="pass" if passive else "subj"))
            if inner is None:
                return None
            future = {S.IN_FORCE: S.REACHED, S.REACHED: S.NEGOTIATING, S.SIGNED: S.NEGOTIATING}.get(
                inner.status, inner.status
            )
            return StatusReading(future, 2, inner.cue)
    base: S | None = None
    cue = verb.text
    particles = [c.lower_ for c in verb.children if c.dep_ in {"prt", "prep", "dobj", "advmod"}]
    if relation == "verb" or (relation.startswith("prep:") and relation[5:] in _EVENT_PREPS):
        base = lx.EVENT_VERB_STATUS.get(lemma)  # "swapped 90 prisoners (in a deal)"
    if base is None and relation.startswith("prep:"):
        base = lx.PREP_VERB_STATUS.get((lemma, relation[5:]))
        if (lemma, relation[5:]) == ("enter", "into"):
            base = S.REACHED  # "entered into a partnership"; the treaty "entered into force"
        if base is not None:
            cue = f"{verb.text} {relation[5:]}"
    if base is None and relation.startswith("adj:") and relation[4:] in {"close", "near"}:
        base = S.NEGOTIATING
    if base is None and (relation != "subj" or lemma in _SUBJECT_PARTICLE_VERBS):
        for particle in particles:
            if (lemma, particle) in lx.PREP_VERB_STATUS:
                base = lx.PREP_VERB_STATUS[(lemma, particle)]
                cue = f"{verb.text} {particle}"
                break
    if base is None:
        if relation == "subj":
            base = lx.SUBJECT_VERB_STATUS.get(lemma)
            if lemma in {"take", "come", "go", "enter"} and not any(
                p in {"effect", "into", "hold", "force"} for p in particles
            ):
                base = None
            if lemma != "take" and any(c.dep_ == "dobj" for c in verb.children):
                base = None  # "the agreement ended five decades of war": it acts, it holds
        elif relation in {"obj", "pass", "verb"} or relation.startswith("prep:"):
            base = lx.VERB_STATUS.get(lemma)
            if relation.startswith("prep:") and relation[5:] not in {
                "on",
                "to",
                "in",
                "upon",
                "for",
                "into",
                "toward",
                "towards",
                "over",
                "of",
            }:
                base = None
    if base is None:
        return None
    return StatusReading(_adjust(base, verb), 2, cue)


def speaks_of_future(frame: Frame) -> bool:
    """Whether the governing verb is future or planned ("will sign", "is due to take
    effect", "hope to reach"): dates in the clause then point forward."""
    verb = frame.verb
    if verb is None:
        return False
    if verb.lemma_.lower() in _RAISING - {"be"} and raised_verb(verb) is not None:
        return True
    raised = raised_verb(verb) if verb.lemma_.lower() == "be" else None
    for v in (verb, raised):
        if v is not None and any(
            c.dep_ == "aux" and c.lower_ in {"will", "'ll", "shall"} for c in v.children
        ):
            return True
    return raised is not None and any(
        c.lower_ in {"due", "set", "scheduled", "expected"} for c in verb.children
    )


def raised_verb(verb: Token) -> Token | None:
    """The to-infinitive a raising verb leads to ("due to take", "expected to be signed")."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
            return child
        if child.dep_ in {"acomp", "attr"}:
            for grandchild in child.children:
                if grandchild.dep_ == "xcomp" and grandchild.pos_ in {"VERB", "AUX"}:
                    return grandchild
    return None


def _adjust(status: S, verb: Token) -> S:
    """Correct a verb's status for negation, modality, intention, failure and refusal."""
    negated = _negated(verb) or _yet_to(verb)
    if verb.dep_ in {"csubj", "nsubj"} and any(
        c.dep_ in {"acomp", "oprd"} and c.lower_ in _UNREAL for c in verb.head.children
    ):
        return {S.REACHED: S.NEGOTIATING, S.SIGNED: S.NEGOTIATING, S.IN_FORCE: S.REACHED}.get(
            status, status
        )  # "signing it has proved elusive"
    future = any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children) or any(
        c.dep_ == "mark" and c.lower_ in {"whether", "if", "unless"} for c in verb.children
    )
    gov = verb
    for _ in range(4):
        if gov.dep_ not in {"xcomp", "ccomp", "pcomp", "advcl"} or gov.head.i == gov.i:
            break
        parent = gov.head
        plemma = parent.lemma_.lower()
        if gov.dep_ == "xcomp" and plemma in lx.FAIL_GOVERNORS:
            return S.COLLAPSED if not _negated(parent) else status
        if gov.dep_ == "xcomp" and plemma in lx.REFUSE_GOVERNORS:
            return S.REJECTED
        if (
            gov.dep_ == "xcomp"
            and plemma == "agree"
            and status in {S.IN_FORCE, S.SIGNED}
            and verb.lemma_.lower() in lx.EVENT_VERB_STATUS
        ):
            status = S.REACHED  # "agreed to merge (in a deal)": agreed, not yet done
        if plemma in lx.FUTURE_GOVERNORS or plemma in {"ensure", "guarantee"}:
            future = True
        if gov.dep_ == "ccomp":  # "not clear whether it holds": the negation is not its own
            break
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in parent.children):
            future = True
        negated = negated or _negated(parent)
        gov = parent
    if negated:
        return {
            S.REACHED: S.NEGOTIATING,
            S.SIGNED: S.NEGOTIATING,
            S.IN_FORCE: S.VIOLATED,
            S.VIOLATED: S.IN_FORCE,
            S.COLLAPSED: S.IN_FORCE,
            S.REJECTED: S.PROPOSED,
        }.get(status, status)
    if future:
        return {S.REACHED: S.NEGOTIATING, S.SIGNED: S.NEGOTIATING, S.IN_FORCE: S.REACHED}.get(
            status, status
        )
    return status


def _yet_to(verb: Token) -> bool:
    """ "have yet to agree", "is yet to be signed": not done."""
    head = verb.head if verb.dep_ == "xcomp" else None
    return head is not None and any(c.lower_ == "yet" for c in head.children)


def _negated(verb: Token) -> bool:
    if any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _NEGATORS) for c in verb.children
    ):
        return True
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and any(g.lower_ in {"neither", "no"} for g in c.children)
        for c in verb.children
    )
