"""Plain-text helpers: paragraph spans and chunk boundaries that keep offsets exact."""

from __future__ import annotations

import re

from communique.models import Span

_NEWLINE = r"(?:\r\n|\r(?!\n)|\n)"  # one line break, whichever convention
_BLANK_LINE = re.compile(_NEWLINE + r"[ \t\f\v]*" + _NEWLINE)
_BLOCK_SEPARATOR = re.compile(r"(?:[ \t\f\v]*" + _NEWLINE + "){2,}")
_LINE_SEPARATOR = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """Split ``text`` into paragraph spans, trimmed of surrounding white space.

    A text with blank lines is split at blank lines (so hard-wrapped paragraphs stay whole),
    and a block between blank lines whose lines are too long to be hard-wrapped also at its
    line breaks (a title set off by a blank line in a text of one-line paragraphs); a text
    without blank lines is split at every line break, which is how wire copy and the seed
    article are laid out.

    Example:
        >>> [p.text for p in paragraph_spans("One.\\nTwo.")]
        ['One.', 'Two.']
        >>> [p.text for p in paragraph_spans("Wrapped\\nline.\\n\\nNext.")]
        ['Wrapped\\nline.', 'Next.']
    """
    blocks = _BLANK_LINE.search(text) is not None
    spans = []
    start = 0
    for match in (_BLOCK_SEPARATOR if blocks else _LINE_SEPARATOR).finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    if blocks:
        spans = [piece for block in spans for piece in _unwrapped_lines(text, *block)]
    out = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin:
            out.append(Span.of(text, begin, end))
    return tuple(out)


WRAP_WIDTH = 100
"""Longest line of a hard-wrapped paragraph: a block with a longer line is not wrapped."""


def _unwrapped_lines(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """A blank-line block whose lines are not hard-wrapped is paragraphs one per line.

    Texts that separate most paragraphs by one line break and a few by a blank line (a
    headline, a pasted section) would otherwise run a heading into the next paragraph. A
    break before a lower-case word is a stray line break inside a sentence, not a paragraph.
    """
    lines = list(_LINE_SEPARATOR.finditer(text, begin, end))
    if not lines:
        return [(begin, end)]
    starts = [begin] + [m.end() for m in lines]
    ends = [m.start() for m in lines] + [end]
    if all(b - a <= WRAP_WIDTH for a, b in zip(starts[:-1], ends[:-1], strict=True)):
        return [(begin, end)]
    out: list[tuple[int, int]] = []
    first = begin
    for match in lines:
        following = text[match.end() : match.end() + 1]
        if following and not following.islower():
            out.append((first, match.start()))
            first = match.end()
    out.append((first, end))
    return out


MAX_RUN = 200
"""Longest run of non-space characters parsed in one piece. spaCy's tokenizer is quadratic
in the length of such a run (100,000 quote marks would take hours), so longer runs are cut
between chunks; only pathological input has them."""

_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def chunk_bounds(text: str, limit: int, *, max_run: int = MAX_RUN) -> list[tuple[int, int]]:
    """Cut ``text`` into contiguous ``(start, end)`` pieces of at most ``limit`` characters.

    Pieces end after a line break where possible, else after a sentence end, else after
    white space, and only as a last resort mid-word. Runs of more than ``max_run``
    non-space characters are cut into pieces of ``max_run``, which keeps parsing linear on
    hostile input. Concatenated, the pieces are the text, so offsets stay exact. An empty
    text is one empty piece.
    """
    if limit < 1 or max_run < 1:
        raise ValueError("limit and max_run must be positive")
    bounds: list[tuple[int, int]] = []
    start = 0
    step = min(max_run, limit)
    runs = _LONG_RUN if max_run == MAX_RUN else re.compile(rf"\S{{{max_run + 1},}}")
    for run in runs.finditer(text) if len(text) > max_run else ():
        bounds.extend(_cut(text, start, run.start(), limit))
        bounds.extend((i, min(i + step, run.end())) for i in range(run.start(), run.end(), step))
        start = run.end()
    bounds.extend(_cut(text, start, len(text), limit))
    bounds = [b for b in bounds if b[1] > b[0]]
    return bounds or [(0, len(text))]


def _cut(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Bounds covering ``text[start:end]`` in pieces of at most ``limit`` characters."""
    bounds = []
    while end - start > limit:
        cut = _last_break(text, start, start + limit)
        bounds.append((start, cut))
        start = cut
    bounds.append((start, end))
    return bounds


_CUT_PATTERNS = (
    re.compile(r"\n"),
    re.compile(r"[.!?][\"'”’)\]]*\s"),
    re.compile(r"\s"),
)


def _last_break(text: str, start: int, end: int) -> int:
    """The best cut point in ``text[start:end]``, past its first half where possible."""
    floor = start + (end - start) // 2
    for pattern in _CUT_PATTERNS:
        last = -1
        for match in pattern.finditer(text, floor, end):
            last = match.end()
        if last > start:
            return last
    return end
