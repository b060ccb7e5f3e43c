"""Step 1, quotation marks: quotation-mark pairing: one linear pass that never raises and never
runs away.

Why a hand-written scanner and not a regex: a regex such as ``“[^”]*”`` either swallows the
rest of the article after a stray opening mark or backtracks badly on long lines. The
scanner keeps one open mark at a time per paragraph, so it is linear in the number of marks,
and an unclosed mark is bounded by its paragraph unless the next paragraph opens with a
quotation mark (the news convention for a quotation running over several paragraphs).

Double marks (``"``, ``“ ”``, ``« »``, ``„ “``) are the primary marks of a paragraph that has
any; single marks (``‘ ’``, ``'``) are primary only in a paragraph without double marks, and
inside a primary quotation every other mark is nested content. Apostrophes (don’t, Assad’s,
’90s) are told apart from closing single marks by the characters around them.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass

_DOUBLE = re.compile(r"''|[\"“”«»„‟]")
"""Double marks; two apostrophes (``''``) stand for a straight double mark in some wire copy."""
_SINGLE = re.compile(r"['‘’‹›]")
_INVISIBLE = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"
"""Zero-width and direction marks that web copy leaves before a quotation ("\u202a”Sorry"):
invisible, so they count as the space or line start they stand in."""
_BLANK = string.whitespace + "\u00a0" + _INVISIBLE
"""What a paragraph may open with before its first mark: spaces and invisible marks, mixed."""
QUOTE_MARKS = '“”‘’"«»'
"""The characters that can open or close a quotation, single marks included (an apostrophe
``’`` among them: callers that read a mark before a word tell it apart themselves)."""
CLOSING_MARKS = "”’\"'»"
"""The characters that can close a quotation (straight marks close as well as open)."""
CLOSING_TOKENS: frozenset[str] = frozenset(CLOSING_MARKS) | {"''"}
"""Tokens that close a quotation, with the tokenizer's two-apostrophe ``''``."""
_OPEN_CONTEXT = set(" \t\n\r([{—–-/:;,\u00a0" + _INVISIBLE)


@dataclass(frozen=True)
class Quotation:
    """A paired (or bounded) quotation: marks included in ``[start, end)``.

    Attributes:
        start: Offset of the opening mark.
        end: Offset one past the closing mark (or the paragraph end when unclosed).
        inner_start, inner_end: The text between the marks, trimmed of white space.
        closed: False when no closing mark was found and the paragraph bounded it.
        paragraphs: Number of paragraphs the quotation runs over.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    paragraphs: int = 1


def _width(text: str, i: int) -> int:
    return 2 if text.startswith("''", i) else 1


def _is_opener(text: str, i: int) -> bool:
    ch = text[i]
    if ch in "“«„‟":
        return True
    if ch in "”»":
        return False
    # straight mark: opening when preceded by a boundary and followed by a non-space
    w = _width(text, i)
    before = text[i - 1] if i > 0 else " "
    after = text[i + w] if i + w < len(text) else " "
    return (before in _OPEN_CONTEXT or i == 0) and not after.isspace()


def _reversed_opener(text: str, i: int, pstart: int) -> bool:
    """A closing mark used to open a paragraph ("”Fear. I am afraid …"), a typesetting slip."""
    return (
        text[i] in "”»"
        and not text[pstart:i].strip(_BLANK)
        and i + 1 < len(text)
        and not text[i + 1].isspace()
    )


def _reversed_closer(text: str, i: int) -> bool:
    """An opening mark used to close ("the future.“", "called it “abhorrent“ in", "for her
    here,“ said Carver"), a typesetting slip: glued to the word or the comma before it, and
    followed by a space, punctuation or the end of the text, it cannot open anything."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    glued = before not in _OPEN_CONTEXT or before in ",;:"
    return glued and not before.isspace() and not after.isalnum()


def _closes(text: str, i: int, opener: str) -> bool:
    ch = text[i]
    if ch in "”»":
        return True
    if ch == "“":
        return opener == "„" or _reversed_closer(text, i)
    if ch in "\"'":
        return opener in "\"'" or not _is_opener(text, i) or text[i - 1] not in _OPEN_CONTEXT
    return False


def _single_opener(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in "‘'‹":
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_CONTEXT or before in '“"') and after.isalpha()


def _single_closer(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in "’'›":
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    return not after.isalnum()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_end_before(text: str, open_at: int, i: int) -> int | None:
    """The end of the line that ``open_at`` opens, when both marks open their lines (only
    spaces and invisible marks before them) on different lines: the quotation ran to its
    line's end and the next line's quotation carries it on, the several-paragraph
    convention inside a block of lines; else None. A quotation opened after the writer's
    words on its line ("… she said. “A …⏎“B,” he said") is left to the stray rule: PolNeAR
    joins it to the quote before it as often as it makes it a quote of its own."""
    brk = text.rfind("\n", open_at, i)
    if brk < 0 or text[brk + 1 : i].strip(_BLANK):
        return None  # checked first: the scan stays linear on a line full of stray marks
    line = text.rfind("\n", 0, open_at) + 1
    return None if text[line:open_at].strip(_BLANK) else brk


def _opens_paragraph(text: str, start: int, end: int) -> bool:
    i = start
    while i < end and (text[i].isspace() or text[i] in _INVISIBLE):
        i += 1
    return (
        i < end
        and text[i] in "“«„\"'"
        and _is_opener(text, i)
        and (text[i] != "'" or text.startswith("''", i))
    )


def find_quotations(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Quotation]:
    """Every primary quotation in ``text``, in order; ``paragraphs`` are ``(start, end)``.

    Example:
        >>> q = find_quotations('He said “yes.” Then: “no', [(0, 24)])
        >>> [(x.inner_start, x.inner_end, x.closed) for x in q]
        [(9, 13, True), (22, 24, False)]
    """
    if not paragraphs:
        paragraphs = [(0, len(text))]
    out: list[Quotation] = []
    open_at: int | None = None
    opener = ""
    first_para = 0
    for p, (pstart, pend) in enumerate(paragraphs):
        marks = [m.start() for m in _DOUBLE.finditer(text, pstart, pend)]
        if not marks and open_at is None:
            out.extend(_single_quotations(text, pstart, pend))
            continue
        skip_first = False
        if open_at is not None:
            # carried over from the previous paragraph: this one opens with a mark
            skip_first = True
        for k, i in enumerate(marks):
            if skip_first and k == 0:
                continue
            if open_at is None:
                if _is_opener(text, i) or _reversed_opener(text, i, pstart):
                    open_at, opener, first_para = i, text[i], p
            elif _closes(text, i, opener):
                s, e = _trimmed(text, open_at + _width(text, open_at), i)
                w = _width(text, i)
                out.append(Quotation(open_at, i + w, s, e, True, p - first_para + 1))
                open_at = None
            elif _is_opener(text, i):
                # a second opening mark before any closing one: the first was stray, unless
                # both open their lines (the quotation ran to its line's end)
                line_end = _line_end_before(text, open_at, i)
                if line_end is not None and first_para == p:
                    s, e = _trimmed(text, open_at + _width(text, open_at), line_end)
                    out.append(Quotation(open_at, line_end, s, e, False, 1))
                open_at, opener, first_para = i, text[i], p
        if open_at is not None:
            nxt = paragraphs[p + 1] if p + 1 < len(paragraphs) else None
            if nxt is not None and _opens_paragraph(text, nxt[0], nxt[1]):
                continue
            s, e = _trimmed(text, open_at + _width(text, open_at), pend)
            out.append(Quotation(open_at, pend, s, e, False, p - first_para + 1))
            open_at = None
    return out


def _single_quotations(text: str, start: int, end: int) -> list[Quotation]:
    """Single marks used as primary marks in a paragraph without double marks."""
    out: list[Quotation] = []
    open_at: int | None = None
    for m in _SINGLE.finditer(text, start, end):
        i = m.start()
        if open_at is not None and _single_closer(text, i):
            s, e = _trimmed(text, open_at + 1, i)
            if e > s:
                out.append(Quotation(open_at, i + 1, s, e))
            open_at = None
        elif _single_opener(text, i):
            open_at = i
    return out
