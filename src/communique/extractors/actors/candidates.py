"""Data: the mention-candidate record that flows through the actor layer.

Everything in the actor layer reads the pipeline's :class:`~communique.parse.ParseView`
(lists copied once from the spaCy ``Doc``), so no module builds spaCy ``Span`` or ``Token``
objects in loops. :class:`Candidate` is the one record that flows
from detection (:mod:`.mentions`, :mod:`.descriptions`, :mod:`.pronouns`) to merging
(:mod:`.cluster`) and resolution (:mod:`.resolve`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from communique.models import MentionForm
from communique.parse import ParseView


@dataclass
class Candidate:
    """One mention candidate (token range ``[start, end)``, characters ``[cstart, cend)``)."""

    start: int
    end: int
    cstart: int
    cend: int
    form: MentionForm
    kind: str
    """name kinds: person, org, country, norp, other; nominal kinds: role, gov, mil, opp;
    pronoun: pronoun."""
    text: str
    head: int
    label: str = ""
    country: str | None = None
    subject: bool = False
    plural: bool = False
    gender: str | None = None
    title: str | None = None
    role: str | None = None
    definite: bool = False
    possessor: int | None = None
    """Token index of a possessive pronoun/name inside a description ("his counterpart")."""
    appos_to: int | None = None
    """Head token of a name this description stands in apposition to."""
    affiliate_of: int | None = None
    """Head token of an organisation named as owner ("Al-Qaeda's affiliate")."""
    acronym_for: int | None = None
    """For "(APEC)" after a name: the head token of the name it abbreviates."""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def over(
        cls,
        view: ParseView,
        start: int,
        end: int,
        form: MentionForm,
        kind: str,
        head: int,
        **fields: Any,
    ) -> Candidate:
        """The candidate spanning tokens ``[start, end)``, its offsets and text read off
        ``view``; ``fields`` are the optional attributes (``label``, ``subject`` …)."""
        cstart, cend = view.idx[start], view.end[end - 1]
        text = view.text[cstart:cend]
        return cls(start, end, cstart, cend, form, kind, text, head, **fields)


def occupied(view: ParseView, cands: list[Candidate]) -> list[bool]:
    """Token occupancy of a list of candidates."""
    taken = [False] * view.n
    for cand in cands:
        for k in range(cand.start, cand.end):
            taken[k] = True
    return taken
