"""A reported clause ends where the speaker's next act of saying begins.

"Ames told the board that the plan “was never costed,” adding, “We found out too late.”"
— the parse hangs the participle and its quotation inside the clause of "told", so the
clause overlapped the direct quote on "adding" and was dropped whole: the first report
was lost. Its content ends before the second act's cue instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from communique.extractors.quotes.candidates import Candidate, Frame, Range
from communique.models import QuoteKind
from communique.parse import ParseView

_COMMA_MARKS = frozenset({",”", ',"'})


def cut_before_acts(text: str, frame: Frame, candidates: Sequence[Candidate]) -> None:
    """End ``frame``'s content before the cue of a direct quote that lies inside it after
    the frame's own cue, when only a comma (and spaces) stands between them."""
    if not frame.content:
        return
    a, b = frame.content[-1]
    for cand in candidates:
        if cand.kind is not QuoteKind.DIRECT or cand.cue is None:
            continue
        cue = cand.cue[0]
        if not (frame.cue[1] <= a < cue < b) or cand.start < cue:
            continue
        end = cue
        while end > a and text[end - 1].isspace():
            end -= 1
        if text[end - 2 : end] in _COMMA_MARKS:
            pass  # "“…,” adding": the fragment keeps its comma and closing mark
        elif text[end - 1 : end] == ",":
            end -= 1
            while end > a and text[end - 1].isspace():
                end -= 1
        else:
            continue
        if end > a:
            frame.content[-1] = (a, end)
        return


def before_nested_quotation(
    view: ParseView, frame: Frame, quotes: Sequence[Candidate]
) -> list[Range]:
    """A content running into a quotation that a cue inside the content introduces
    ("said the plan works, to which Ames replied: “…”") ends before the clause of that
    cue: the quotation is a second report, not part of the first. Unlike
    :func:`cut_before_acts` (the same speaker's next act right after a comma), the cue may
    open a relative or adverbial clause of another speaker; returns the shortened content,
    or nothing when no clean clause boundary is found."""
    start, end = frame.content[0][0], frame.content[-1][1]
    cut = end
    for quote in quotes:
        if quote.cue is None or not start <= quote.cue[0] < end or quote.start < start:
            continue
        tok = view.doc[view.token_at(quote.cue[0])]
        while tok.dep_ in ("aux", "auxpass", "neg") and tok.head.i != tok.i:
            tok = tok.head
        first = int(tok.left_edge.i)
        if tok.dep_ in _SECOND_REPORT and first > 0 and view.doc[first - 1].text == ",":
            cut = min(cut, view.idx[first - 1])
    if cut >= end:
        return []
    content = [(a, min(b, cut)) for a, b in frame.content if a < cut]
    if not content:
        return []
    kept = view.text[content[0][0] : content[-1][1]]
    if kept.count("(") > kept.count(")"):
        return []  # the clause closes inside a parenthesis: not a clean tail
    if not any(view.pos[i] in ("VERB", "AUX") for a, b in content for i in view.tokens_in(a, b)):
        return []
    return content


_SECOND_REPORT = frozenset({"relcl", "advcl", "acl"})
"""Dependencies of a comma-set clause that adds a report of its own at a content's tail."""
