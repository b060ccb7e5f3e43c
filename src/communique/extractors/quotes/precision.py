"""Step 4c, precision: candidates that are wrong far more often than right, by their shape.

The screen (:mod:`.screen`) judges frames by what their words say; this pass judges finished
candidates by where they sit and what they share with their neighbours. Each rule removes a
class of candidates that PolNeAR train shows to be wrong nearly every time (measured on three
train subsets; figures in the quotes page, "Precision, round 7"):

* **markup**: an embedded post kept as a tag in the text (``<tweet author="…">…</tweet>``)
  is a quoted document, not reported speech: its tag name reads as the verb "tweet" and its
  attributes as content. No quote starts, and no cue or speaker lies, inside such an element.
* **manner tails**: a cue that already attributes a direct quotation does not report a few
  more words after it ("“No,” he said, laughing", "…,” she said as the crowd cheered"): a
  short indirect or mixed content hung on the same cue is the manner of saying.
* **credit lines**: "Contributing: Ann Lee" and "Additional reporting by: …" name the
  reporters of the article; the colon introduces names, not words said.
* **mentioned words** (round 8): a one-word cue wrapped in quotation marks is a word
  mentioned, not used (Words such as “expect,” “anticipate” and “believe” …), and a
  one-word quotation with no cue, no speaker and nothing it continues is a term or a scare
  quote. Seen on new web pages (a press release's legal notice); no prediction on PolNeAR
  train a, b or c has either shape, so both cost nothing there.
* **twins**: two candidates with the same parts are one quote; the first is kept.
  ``core._one_per_act`` already keeps one of two frames with the same content under
  overlapping cues ("came out in favor of the levy": verb and noun frame); this catches
  the twins that come from different readers (measured after both: 2 on train c, both wrong).

Example:
    >>> text = 'Sen. Ada Roe wrote: <tweet author="@adaroe">We will win the vote</tweet>'
    >>> markup_ranges(text)
    [(20, 72)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from communique.extractors.quotes.candidates import Candidate, Range
from communique.extractors.quotes.lexicon import FURNITURE_LABELS
from communique.extractors.quotes.marks import QUOTE_MARKS
from communique.models import QuoteKind
from communique.parse import ParseView

_ELEMENT = re.compile(r'<([A-Za-z][\w-]*)\s+[\w-]+="[^\n]*?(?:</\1>|$)', re.MULTILINE)
"""An element with attributes, to its closing tag or the end of its line."""


_NEXT_QUOTED_WORD = re.compile(r"""[,.;]?["”’»]\s+(?:(?:and|or)\s+)?["“‘«]""")
"""After a quoted word: its closing mark, then the opening mark of the next quoted word."""

TAIL_WORDS = 5
"""Longest content (in words) read as the manner of a cue that attributes a quotation: on
PolNeAR train such contents of up to five words were never a quote (0 of 16); at six and
more, one in six is ("he said, adding that the vote would wait")."""


def markup_ranges(text: str) -> list[Range]:
    """Character ranges of markup elements with attributes left in the text (embedded
    posts), each from its opening ``<`` to its closing tag or the end of its line."""
    return [m.span() for m in _ELEMENT.finditer(text)]


def _inside(pos: int, ranges: Sequence[Range]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _in_markup(cand: Candidate, ranges: Sequence[Range]) -> bool:
    """Whether the candidate starts, or its cue lies, inside markup."""
    return _inside(cand.start, ranges) or (cand.cue is not None and _inside(cand.cue[0], ranges))


def _manner_tail(text: str, cand: Candidate, quoting_cues: set[Range]) -> bool:
    """A short indirect/mixed content on a cue that already attributes a direct quotation."""
    if cand.kind == QuoteKind.DIRECT or cand.cue is None or cand.cue not in quoting_cues:
        return False
    return sum(len(text[a:b].split()) for a, b in cand.parts) <= TAIL_WORDS


def _furniture_label(text: str, cand: Candidate) -> bool:
    """A colon introduction whose label is page furniture: a credit ("Contributing: Ann
    Lee"), a contact, a byline (:data:`~communique.extractors.quotes.lexicon.FURNITURE_LABELS`)."""
    if cand.cue is None or text[cand.cue[0] : cand.cue[1]] != ":":
        return False
    line_start = text.rfind("\n", 0, cand.cue[0]) + 1
    return bool(FURNITURE_LABELS.fullmatch(text[line_start : cand.cue[0]].strip(" .*")))


def _mentioned_cue(text: str, cand: Candidate) -> bool:
    """A one-word cue in quotation marks followed by another quoted word is a word in a
    list of words mentioned, not used (Words such as “expect,” “anticipate” and “believe”
    …): it reports nothing. A lone scare-quoted verb is used ('would “recognize” him')."""
    if cand.cue is None:
        return False
    a, b = cand.cue
    return (
        text[a:b].isalpha()
        and a > 0
        and text[a - 1] in QUOTE_MARKS
        and _NEXT_QUOTED_WORD.match(text, b) is not None
    )


def _lone_word(text: str, cand: Candidate, continued: bool) -> bool:
    """A one-word quotation with no cue, no speaker and no quote it continues or that
    continues it: a term in marks (“anticipate,”), a scare quote or a name, not something
    somebody said. A one-word opening ("“First,” … “we fix the roads.”") that a later
    quotation continues is kept with its link."""
    return (
        not continued
        and cand.kind == QuoteKind.DIRECT
        and cand.cue is None
        and cand.source is None
        and cand.continues is None
        and sum(len(text[a:b].split()) for a, b in cand.parts) <= 1
    )


def _misread(view: ParseView, cand: Candidate, continued: bool) -> bool:
    """Whether ``cand`` is one of the shapes that report nothing (see the module doc);
    ``continued`` says whether another candidate continues it."""
    text = view.text
    return _mentioned_cue(text, cand) or _lone_word(text, cand, continued)


def drop_imprecise(view: ParseView, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates minus markup, manner tails and credit lines (see the module doc); a
    speaker found inside markup is cleared; of two candidates with the same parts only the
    first is kept. Runs after continuations are linked (a quotation may get its cue there),
    so ``continues`` indices are renumbered. A continuation of a dropped manner tail goes on
    with the direct quote on the same cue ("“No,” he said, laughing. “We will not sell.”"),
    one of a dropped twin with the twin kept; one of dropped markup or a credit line is
    cleared."""
    text = view.text
    ranges = markup_ranges(text)
    direct_on: dict[Range, int] = {}
    for i, cand in enumerate(candidates):
        if cand.kind == QuoteKind.DIRECT and cand.cue is not None:
            direct_on.setdefault(cand.cue, i)
    new_index: dict[int, int] = {}
    stands_for: dict[int, int] = {}
    kept: list[Candidate] = []
    first_with: dict[tuple[Range, ...], int] = {}
    continued = {cand.continues for cand in candidates if cand.continues is not None}
    for i, cand in enumerate(candidates):
        parts = tuple(cand.parts)
        if (
            (ranges and _in_markup(cand, ranges))
            or _furniture_label(text, cand)
            or _misread(view, cand, i in continued)
        ):
            continue
        if parts in first_with:
            stands_for[i] = first_with[parts]
            continue
        if cand.cue in direct_on and _manner_tail(text, cand, set(direct_on)):
            stands_for[i] = direct_on[cand.cue]
            continue
        if cand.source is not None and ranges and _inside(cand.source[0], ranges):
            cand.source, cand.source_token = None, None
        new_index[i] = len(kept)
        first_with[parts] = i
        kept.append(cand)
    for k, cand in enumerate(kept):
        if cand.continues is not None:
            target = new_index.get(stands_for.get(cand.continues, cand.continues))
            cand.continues = target if target is not None and target < k else None
    return kept


__all__ = ["TAIL_WORDS", "drop_imprecise", "markup_ranges"]
