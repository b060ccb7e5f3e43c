"""Step 3, content edges: what a reported clause's content does not begin with.

The parse hangs two kinds of words on the reported clause that PolNeAR leaves out of the
content: the day the statement was made, right after the cue ("said Tuesday his actions
were legal", "announced on Monday that …"), and a sentence connective that is the
writer's, not the source's ("In fact, the plan …", "Even so, the party …"). It also says
which contents too short to be a clause still count: a name or a personal pronoun.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from communique.extractors.quotes.candidates import Candidate, Frame
from communique.extractors.quotes.lexicon import DIRECTIVES, QUESTIONING
from communique.models import QuoteKind
from communique.parse import ParseView

_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_LEAD = re.compile(
    rf"(?:(?:on|last|this|late|early)\s+)?(?:{_DAYS})(?:\s+(?:morning|afternoon|evening|night))?"
    r"\s+(?=\S)"
    r"|(?:In fact|In contrast|Even so|However|Indeed|Meanwhile|Moreover|Nevertheless|"
    r"Of course|Still|Instead),\s+(?=\S)"
)
"""A day of the week (with "on"/"last" and a part of the day), or a connective and comma."""


def lead_end(text: str, start: int, end: int) -> int:
    """Where the content ``[start, end)`` begins once a leading day or connective is skipped.

    Example:
        >>> s = "Tuesday his actions were legal"
        >>> s[lead_end(s, 0, len(s)):]
        'his actions were legal'
        >>> s = "In fact, the plan would cost more"
        >>> s[lead_end(s, 0, len(s)):]
        'the plan would cost more'
        >>> lead_end("Sunday would be the deadline", 0, 28)
        0
        >>> lead_end("on Tuesday night, in Jupiter, he yanked her arm", 0, 47)
        0
    """
    match = _LEAD.match(text, start, end)
    if match is None:
        return start
    rest = text[match.end() : end]
    first = rest.split(None, 1)[0].lower() if rest.split() else ""
    if first in _VERB_NEXT or first.rstrip(",") in _PART_OF_DAY:
        return start  # "Sunday would be …": the subject; "on Tuesday night, …": fronted
    return match.end()


_PART_OF_DAY = frozenset("morning afternoon evening night".split())
_VERB_NEXT = frozenset("would will is was are were has had could should might may".split())


def skip_leads(text: str, candidates: Sequence[Candidate]) -> None:
    """Start each reported clause's content after a leading day or connective."""
    for cand in candidates:
        if cand.kind is QuoteKind.DIRECT:
            continue
        a, b = cand.parts[0]
        new_a = lead_end(text, a, b)
        if new_a != a and new_a < b:
            cand.parts[0] = (new_a, b)


def passive_subject(view: ParseView, cand: Candidate) -> tuple[int, int] | None:
    """The passive subject of "Trump is expected to speak" / "Sanders was asked to name …",
    which PolNeAR makes the first part of the content (there is no source): the content is
    "Trump" + "to speak", the cue "is expected" between them. None for other candidates."""
    if cand.kind is QuoteKind.DIRECT or cand.source is not None or cand.cue is None:
        return None
    if not view.text.startswith("to ", cand.parts[0][0]):
        return None
    head = view.doc[view.token_at(max(cand.cue[1] - 1, cand.cue[0]))]
    subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return None
    start, end = int(subj.left_edge.idx), view.end[int(subj.right_edge.i)]
    return (start, end) if end <= cand.cue[0] else None


def include_passive_subjects(view: ParseView, candidates: Sequence[Candidate]) -> None:
    """Give "X is expected to …" content its subject as a first part (see
    :func:`passive_subject`)."""
    for cand in candidates:
        subject = passive_subject(view, cand)
        if subject is not None:
            cand.parts.insert(0, subject)


_PERSONAL = frozenset("me him her us them".split())
"""Object pronouns that stand for a person (not "it", "this", "that")."""

_ADDRESSING = DIRECTIVES | QUESTIONING | frozenset("urge promise plead beg implore assure".split())
"""Cues whose object is the person spoken to ("asked him", "urged them"), not content."""


def names_someone(view: ParseView, frame: Frame) -> bool:
    """Whether a content too short to be a clause is one name or personal pronoun: the
    person a source endorses, backs or attacks ("endorsed Cruz", "support for him"), which
    PolNeAR annotates as the content a little under half the time (measured on train; a
    right prediction gains about twice what a wrong one costs). The person addressed
    ("asked him", "urged them") and a negated cue ("did not name him") are left out.

    Example:
        >>> from communique.extractors.quotes.candidates import Frame
        >>> view = ParseView.build(nlp("Ryan endorsed Trump."))
        >>> names_someone(view, Frame(cue_token=1, cue=(5, 13), source=(0, 4),
        ...                           source_token=0, content=[(14, 19)]))
        True
    """
    if len(frame.content) != 1 or frame.negated:
        return False
    tokens = view.tokens_in(*frame.content[0])
    if len(tokens) != 1:
        return False
    token = view.doc[tokens[0]]
    if view.doc[frame.cue_token].lemma_.lower() in _ADDRESSING:
        return False
    return token.pos_ == "PROPN" or token.lower_ in _PERSONAL
