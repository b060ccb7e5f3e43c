"""A reported clause ends where the speaker's next act of saying begins.

"Ames told the board that the plan “was never costed,” adding, “We found out too late.”"
— the parse hangs the participle and its quotation inside the clause of "told", so the
clause overlapped the direct quote on "adding" and was dropped whole: the first report
was lost. Its content ends before the second act's cue instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from communique.extractors.quotes.candidates import Candidate, Frame
from communique.models import QuoteKind

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
