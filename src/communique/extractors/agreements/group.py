"""Step 5, grouping: coreference: group the mentions of one agreement ("the truce", "the deal",
"it").

Rule, applied to mentions in text order. A mention joins the most recent agreement it is
compatible with, else starts a new one. It is compatible when

* the kinds agree — equal, either is generic ("agreement", "accord", "deal"), or both
  are ceasefire/truce;
* nothing conflicts — not two different locations, not two different dates, not two
  non-empty sets of parties (role *party*; brokers and proposers do not count) with no
  actor in common;
* the lifecycle stage fits — an indefinite mention ("a ceasefire") only joins an agreement
  at a compatible stage (pending: proposed/negotiating/rejected; established: reached,
  signed, in force, violated), so "a prospective ceasefire" does not join last
  February's ceasefire. Definite mentions ("the truce") skip this check: the text refers
  back to something already introduced, whatever its stage;
* a standalone verb ("X and Y agreed that …"), and an indefinite noun whose status is
  established by a verb or modifier ("agreed in a deal", "a ceasefire came into force",
  "accused Israel of violating a 2014 ceasefire"), report a new event and start a new
  agreement, unless the same two or more parties already have one of a fitting kind with
  no other date or place (the key points and the body telling one deal twice);
  indefinite mentions of something pending ("rush to an agreement", "obstacles to a
  durable deal") may join the pending agreement;
* "most recent" means the agreement mentioned last, not the one introduced last;
* the lede may re-introduce with "a"/"an" what the headline announced: an agreement
  mentioned only in the first line accepts an indefinite mention of the next two
  sentences without the stage check.

A pronoun ("it collapsed") joins the most recent agreement mentioned in the same or the two
previous sentences, and never starts one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from communique.extractors.agreements import triggers as lx
from communique.extractors.agreements.attributes import DatedMention, Located
from communique.extractors.agreements.candidates import Candidate
from communique.extractors.agreements.status import StatusReading
from communique.models import AgreementKind, AgreementStatus, PartyRole

_NEW_EVENT = frozenset(
    {
        AgreementStatus.REACHED,
        AgreementStatus.SIGNED,
        AgreementStatus.IN_FORCE,
        AgreementStatus.VIOLATED,
    }
)
_TRUCES = frozenset({AgreementKind.CEASEFIRE, AgreementKind.TRUCE})
_ALIKE = (
    _TRUCES,
    frozenset({AgreementKind.TREATY, AgreementKind.PEACE_AGREEMENT}),
    frozenset({AgreementKind.MEMORANDUM, AgreementKind.UNDERSTANDING}),
)
"""Kinds the same deal is called by in one article ("the peace agreement", "the pact")."""


@dataclass
class Observation:
    """Everything one mention says about its agreement."""

    cand: Candidate
    status: StatusReading
    parties: list[tuple[str, PartyRole]]
    date: DatedMention | None
    location: Located | None
    terms: list[Located]
    duration: Located | None
    sentence: int
    evidence: tuple[int, int]
    headline: bool = False
    """On the text's first line, when more lines follow (a headline)."""


@dataclass
class Draft:
    """An agreement being assembled from its mentions."""

    observations: list[Observation] = field(default_factory=list)

    @property
    def kind(self) -> AgreementKind:
        specific = [
            o.cand.kind
            for o in self.observations
            if o.cand.kind is not None and o.cand.specific and o.cand.kind not in lx.GENERIC_KINDS
        ]
        if specific:
            return specific[0]
        kinds = [o.cand.kind for o in self.observations if o.cand.kind is not None]
        if AgreementKind.DEAL in kinds:
            return AgreementKind.DEAL
        return kinds[0] if kinds else AgreementKind.OTHER

    @property
    def reading(self) -> StatusReading:
        best = max(o.status.strength for o in self.observations)
        strongest = [o.status for o in self.observations if o.status.strength == best]
        return max(strongest, key=lambda r: lx.STATUS_RANK[r.status])

    @property
    def status(self) -> AgreementStatus:
        return self.reading.status

    @property
    def parties(self) -> list[tuple[str, PartyRole]]:
        seen: dict[str, PartyRole] = {}
        for o in self.observations:
            for actor_id, role in o.parties:
                seen.setdefault(actor_id, role)
        return list(seen.items())

    @property
    def date(self) -> DatedMention | None:
        return next((o.date for o in self.observations if o.date is not None), None)

    @property
    def location(self) -> Located | None:
        return next((o.location for o in self.observations if o.location is not None), None)

    @property
    def last_sentence(self) -> int:
        return self.observations[-1].sentence


def cluster(observations: list[Observation]) -> list[Draft]:
    """Group observations into agreements (rule in the module docstring)."""
    drafts: list[Draft] = []
    for obs in observations:
        target = _antecedent(obs, drafts)
        if target is not None:
            target.observations.append(obs)
        elif not obs.cand.pronoun:
            drafts.append(Draft([obs]))
    return drafts


def _antecedent(obs: Observation, drafts: list[Draft]) -> Draft | None:
    recent = sorted(drafts, key=lambda d: d.observations[-1].cand.start, reverse=True)
    if obs.cand.pronoun:
        for draft in recent:
            if obs.sentence - draft.last_sentence <= 2:
                return draft
        return None
    if obs.cand.verbal:
        return _same_exchange(obs, recent) or _same_sides(obs, recent)
    for draft in recent:  # "agreed to evacuate … under a U.N.-brokered deal": one agreement
        first = draft.observations[0].cand
        if (
            first.verbal
            and first.head.lemma_.lower() == "agree"
            and any(a.i == first.head.i for a in obs.cand.head.ancestors)
        ):
            return draft
    if obs.cand.indefinite and obs.status.strength >= 1 and obs.status.status in _NEW_EVENT:
        # a new event; but the lede may re-introduce what the headline announced, and the
        # same sides settling the same kind of thing again is the same deal retold
        same = _same_sides(obs, recent)
        if same is not None:
            return same
        headline = [
            d
            for d in recent
            if all(o.headline for o in d.observations) and obs.sentence - d.last_sentence <= 2
        ]
        return next((d for d in headline if _compatible(obs, d, stage=False)), None)
    for draft in recent:
        if _compatible(obs, draft):
            return draft
    return None


def _same_exchange(obs: Observation, recent: list[Draft]) -> Draft | None:
    """ "carried out a prisoner swap, with Caracas freeing 10 Americans": a release inside
    the sentence that reports an exchange is one half of it."""
    if obs.cand.kind not in {AgreementKind.RELEASE, AgreementKind.EXCHANGE}:
        return None
    return next(
        (d for d in recent if d.kind is AgreementKind.EXCHANGE and d.last_sentence == obs.sentence),
        None,
    )


def _same_sides(obs: Observation, recent: list[Draft]) -> Draft | None:
    """The agreement an event mention retells: the same two or more parties, a kind that fits
    and no other date or place ("Norvale Foods agreed to acquire Brightfield" in the key
    points, "said Monday it agreed to buy Brightfield" in the body). Counting one deal twice
    is the error event coders notice first; two deals between the same sides in one article
    differ in kind, date or place."""
    mine = {a for a, role in obs.parties if role is PartyRole.PARTY}
    if len(mine) < 2:
        return None
    for draft in recent:
        theirs = {a for a, role in draft.parties if role is PartyRole.PARTY}
        if theirs == mine and _compatible(obs, draft, stage=False):
            return draft
    return None


def _compatible(obs: Observation, draft: Draft, *, stage: bool = True) -> bool:
    kind = obs.cand.kind
    assert kind is not None
    other = draft.kind
    generic = kind in lx.GENERIC_KINDS or not obs.cand.specific
    if not (
        kind == other
        or generic
        or other in lx.GENERIC_KINDS
        or any(kind in alike and other in alike for alike in _ALIKE)
    ):
        return False
    if (
        obs.location is not None
        and draft.location is not None
        and (obs.location.text.casefold() != draft.location.text.casefold())
    ):
        return False
    if (
        obs.date is not None
        and draft.date is not None
        and not obs.cand.definite
        and (obs.date.resolved.value != draft.date.resolved.value)
    ):
        return False  # "the truce was violated on Monday": a date of what befell it
    mine = {a for a, role in obs.parties if role is PartyRole.PARTY}
    theirs = {a for a, role in draft.parties if role is PartyRole.PARTY}
    one_side = obs.cand.definite and len(mine) == 1  # "his side would respect the ceasefire"
    if mine and theirs and not mine & theirs and not one_side:
        return False
    if obs.cand.definite or obs.cand.named or not stage:
        return True
    status = obs.status.status
    return (status in lx.PENDING and draft.status in lx.PENDING) or (
        status in lx.ESTABLISHED and draft.status in lx.ESTABLISHED
    )
