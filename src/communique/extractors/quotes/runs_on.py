"""A mixed content runs on through the rest of its sentence when that rest quotes more.

"She said the plan was “a vital step” — one the board had “waited years for” — and would
pass" or "alleged that the firm “failed to act,” which led to “a serious breach” this
week": the parse hangs what follows the first quoted fragment on the cue, so the content
stopped at the fragment's closing mark, while the rest of the sentence holds more of the
source's own words in marks, which PolNeAR keeps in the same content. Rounds 5 to 11 found
the gold inconsistent about running on past a fragment in general (it stops as often as it
runs on); a second quoted fragment ahead, claimed by no other quote and with no verb of
saying or naming of its own before it, is what tips it.
"""

from __future__ import annotations

from collections.abc import Sequence

from communique.extractors.quotes.candidates import Candidate
from communique.extractors.quotes.lexicon import NAMING, OBJECT_CONTENT, REPORTING, VIEWING
from communique.models import QuoteKind
from communique.parse import ParseView

_CLOSING = '”"'
_OPENING = '“"'
_ENDS = ".!?"
_CUE_LEMMAS = REPORTING | OBJECT_CONTENT | VIEWING | NAMING | {"tell", "say", "describe"}
"""Verbs that would make the rest a report of its own ("…,” adding that it was “…”")."""


def run_on_fragments(view: ParseView, candidates: Sequence[Candidate]) -> None:
    """Run each mixed content that stops at a fragment's closing mark, with its cue before
    it, on to its sentence's end when the rest quotes more (see the module docstring)."""
    taken = [(a, b) for c in candidates for a, b in c.parts]
    cues = [c.cue[0] for c in candidates if c.cue is not None]
    for cand in candidates:
        if cand.kind is QuoteKind.DIRECT or cand.cue is None or cand.cue[1] > cand.start:
            continue
        end = _stops_at_fragment(view.text, cand.parts[-1][0], cand.parts[-1][1])
        if end is None:
            continue
        stop = _sentence_end(view, end)
        if (
            stop <= end
            or not _quotes_more(view.text, end, stop)
            or any(a < stop and end < b for a, b in taken)
            or any(end <= c < stop for c in cues)
            or _reports(view, end, stop)
            or _open_dash(view.text, end, stop)
            or _governs_cue(view, cand.cue[0], end, stop)
        ):
            continue
        cand.parts[-1] = (cand.parts[-1][0], stop)


def _stops_at_fragment(text: str, start: int, end: int) -> int | None:
    """``end`` when the content ``[start, end)`` ends at the closing mark of a fragment it
    opens mid-clause (not a sentence closed inside the marks, not one ending the sentence)."""
    if end - start < 2 or text[end - 1] not in _CLOSING or text[end - 2] in _ENDS:
        return None
    if text[end : end + 1] in tuple(_ENDS) or not any(
        ch in _OPENING for ch in text[start + 1 : end - 1]
    ):
        return None
    return end


def _sentence_end(view: ParseView, end: int) -> int:
    """Where the sentence holding offset ``end`` ends (cut at line breaks; a parse that broke
    it at a quotation mark is read on to the stop), before its final stop and trailing
    commas or spaces; a stop inside the closing mark ("….”") stays in with the mark."""
    text = view.text
    i = view.token_at(end)
    if i >= len(view):
        return end
    last = view.line_end[i] - 1
    for _ in range(_MAX_PIECES):
        if _closes_sentence(text, view.end[last]) or last + 1 >= len(view):
            break
        if "\n" in text[view.end[last] : view.idx[last + 1]]:
            break
        last = view.line_end[last + 1] - 1
    stop = view.end[last]
    while stop > end and (text[stop - 1].isspace() or text[stop - 1] in ",;"):
        stop -= 1
    if stop > end and text[stop - 1] in _ENDS:
        if text[stop : stop + 1] not in tuple(_CLOSING):
            return stop - 1
        stop += 1  # "… a newcomer.”": PolNeAR keeps the stop inside the quotation
    return stop


_MAX_PIECES = 3
"""Sentence pieces read on when the parse broke a sentence inside it."""


def _closes_sentence(text: str, offset: int) -> bool:
    """A stop (with any closing marks after it) ends the text before ``offset``."""
    piece = text[:offset].rstrip().rstrip(_CLOSING + "’")
    return piece[-1:] in tuple(_ENDS)


def _quotes_more(text: str, start: int, stop: int) -> bool:
    """An opening mark followed by a word between ``start`` and ``stop``."""
    return any(
        text[i] in _OPENING and i + 1 < stop and text[i + 1].isalnum() for i in range(start, stop)
    )


def _reports(view: ParseView, start: int, stop: int) -> bool:
    """A verb of saying, thinking, viewing or naming outside marks in ``[start, stop)``:
    the rest is a report of its own ("… and called it “…”")."""
    return any(
        view.pos[i] == "VERB" and view.lemma[i] in _CUE_LEMMAS and not view.quoted[i]
        for i in view.tokens_in(start, stop)
    )


_DASHES = "—–"


def _open_dash(text: str, start: int, stop: int) -> bool:
    """The rest opens with a dash that no second dash closes: the writer's appositive on
    the fragment ("“…” — a play on the phrase “…”"), not an aside the clause goes on after
    ("“…” — itself a retort to “…” — was …")."""
    rest = text[start:stop].lstrip(" ,")
    if rest.startswith("--"):
        return "--" not in rest[2:]
    return rest[:1] in tuple(_DASHES) and not any(ch in _DASHES for ch in rest[1:])


def _governs_cue(view: ParseView, cue: int, start: int, stop: int) -> bool:
    """A token of the rest ``[start, stop)`` governs the cue at offset ``cue``: the rest is
    the main clause the report hangs on ("After saying it was “…,” she was “…” for tests"),
    not more of what was said."""
    rest = set(view.tokens_in(start, stop))
    i = view.token_at(cue)
    for _ in range(len(view)):
        head = view.head[i]
        if head == i:
            return False
        if head in rest:
            return True
        i = head
    return False
