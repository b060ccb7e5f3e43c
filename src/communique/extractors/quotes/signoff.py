"""Step 3, attributes (sign-offs): a quotation signed with a dash: "“…” — Mayor Elena Vasquez".

Pull quotes, captions and epigraphs attribute a quotation with a dash and a name after it,
on the same line or the next, with no verb. The name runs to the first comma or the end of
the line ("— Pedro Alves, 71, a boatman in Manaus"); its last word heads it, so the actors
layer resolves it like any other source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from communique.extractors.quotes.candidates import Candidate
from communique.extractors.quotes.marks import CLOSING_MARKS
from communique.models import QuoteKind
from communique.parse import ParseView

_SIGNOFF = re.compile(r"[ \t]*\n?[ \t]*(—|–|--|-)[ \t]*([A-Z][^,\n]{1,80}?)[ \t]*(?=,|\n|$)")
"""A dash after the closing mark, then a capitalised phrase up to a comma or line end."""


def attribute_signoffs(view: ParseView, candidates: Sequence[Candidate]) -> None:
    """Give a cue-less direct quotation the name signed after it with a dash."""
    text = view.text
    for cand in candidates:
        if cand.kind is not QuoteKind.DIRECT or cand.cue is not None:
            continue
        end = cand.end
        while end < len(text) and (text[end] in CLOSING_MARKS or text[end] in ".!?"):
            end += 1
        match = _SIGNOFF.match(text, end)
        if match is None or len(match.group(2).split()) > 8:
            continue
        name_start, name_end = match.span(2)
        tokens = view.tokens_in(name_start, name_end)
        heads = [i for i in tokens if view.pos[i] == "PROPN"]
        if not heads:
            continue
        cand.cue = match.span(1)
        cand.source = (name_start, name_end)
        cand.source_token = heads[-1]
        cand.continues = None


__all__ = ["attribute_signoffs"]
