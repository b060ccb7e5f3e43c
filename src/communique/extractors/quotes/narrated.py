"""Who speaks a cue-less quotation that follows a sentence about someone, not a report.

"He waves the point away. “Half of them walk …”" and "Asked about the match point, she
laughed. “Nothing. …”": a feature writer narrates what a person does, then quotes them.
The quotation is theirs, not the previous speaker's: the narrated sentence names who is
in view. Only a person can be in view this way (a personal pronoun or a person's name),
and only when that sentence reports nobody's words with a source of its own (then the
quotation carries that report on, as before).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from communique.extractors.quotes.candidates import Candidate, Range
from communique.extractors.quotes.marks import QUOTE_MARKS
from communique.extractors.quotes.speakers import source_range
from communique.parse import ParseView

_PERSONS = frozenset("he she".split())
"""Pronouns that can only mean a person; "they" and "it" may be a company or a team."""


def narrated_subject(
    view: ParseView, candidates: Sequence[Candidate], k: int, carried: Candidate | None
) -> tuple[Any, Range | None] | None:
    """The person the sentence before quotation ``k`` narrates, in the same paragraph, when
    the quotation opens a sentence of its own, that sentence holds no sourced report, and
    the person is not the speaker of ``carried``, the quote it would otherwise carry on."""
    cand = candidates[k]
    text = view.text
    opening = cand.start
    while opening > 0 and (text[opening - 1] in QUOTE_MARKS or text[opening - 1].isspace()):
        opening -= 1
    if text[opening - 1 : opening] not in (".", "!"):
        return None  # "…, she laughed, “…”" or "she said: “…”": cued elsewhere
    last = view.token_at(opening - 1)
    if view.paragraph_of(view.idx[last]) != view.paragraph_of(cand.start):
        return None
    first = view.sent_start[view.sent[last]]
    span = (view.idx[first], view.end[last])
    if any(_reports_inside(c, span) for c in candidates[:k]):
        return None
    root = next((i for i in range(first, last + 1) if view.doc[i].dep_ == "ROOT"), None)
    if root is None:
        return None
    subj = next((c for c in view.doc[root].children if c.dep_ == "nsubj"), None)
    if subj is None or view.quoted[int(subj.i)] or not _person(subj):
        return None
    if not _someone_else(view, subj, carried):
        return None
    return subj, source_range(view, subj)


def _someone_else(view: ParseView, subj: Any, carried: Candidate | None) -> bool:
    """Whether ``subj`` names someone other than the speaker of ``carried``. A pronoun after
    a named speaker most often is that speaker ("“…,” Ames said. He did not elaborate.
    “…”"); after the other pronoun, or after a quote with no speaker, it is not."""
    if carried is None or carried.source is None or carried.source_token is None:
        return True
    said_by = view.doc[carried.source_token]
    if str(subj.lower_) in _PERSONS:
        return str(said_by.lower_) in _PERSONS and str(said_by.lower_) != str(subj.lower_)
    a, b = carried.source
    return not a <= view.idx[int(subj.i)] < b and str(subj.text) not in view.text[a:b]


def _reports_inside(cand: Candidate, span: Range) -> bool:
    """Whether ``cand`` is a report with a source whose cue or words lie in ``span``."""
    if cand.source is None:
        return False
    starts = [cand.start, *(cand.cue[:1] if cand.cue else ())]
    return any(span[0] <= at < span[1] for at in starts)


def _person(tok: Any) -> bool:
    """A personal pronoun or one person's name; not a name the parser gave a second name in
    apposition ("Or maybe Tom Reid, pollster Ann Vey says": who speaks is unclear)."""
    if str(tok.lower_) in _PERSONS:
        return True
    if any(c.dep_ == "appos" and str(c.ent_type_) == "PERSON" for c in tok.rights):
        return False
    return str(tok.pos_) == "PROPN" and str(tok.ent_type_) == "PERSON"
