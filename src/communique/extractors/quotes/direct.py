"""Step 3, attributes: direct quotations: which paired marks hold speech, and which cue attributes
them.

A quotation is direct when an attribution frame's content lies inside it ("“…,” Kerry said"
where the parse makes the quotation the verb's clause), when a cue sits right after it
("“…,” said Lavrov") or right before it ("Lavrov said: “…”"), or when it stands as a
sentence of its own next to earlier attributed speech (it then continues that speaker). A
short quotation inside a reported clause is a fragment that makes that clause *mixed*, and
any other quoted word or title is a scare quote, which is not a quote at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from communique.extractors.quotes.boundaries import relative_aside
from communique.extractors.quotes.candidates import Candidate, Frame, Range
from communique.extractors.quotes.clauses import verb_group
from communique.extractors.quotes.leads import led_start
from communique.extractors.quotes.lexicon import COGNITION, NAMING, SPEECH, WORKS, lemma_of
from communique.extractors.quotes.marks import Quotation
from communique.extractors.quotes.spans import trim
from communique.extractors.quotes.speakers import source_range, subject_of
from communique.models import QuoteKind
from communique.parse import ParseView

MAX_GAP_TOKENS = 8
"""How far (in tokens) a cue may sit from the quotation it attributes."""

MIN_SPEECH_WORDS = 4
"""A quotation with no cue needs this many words to count as speech, not a scare quote."""

_SENTENCE_END = ".!?"


def _words(view: ParseView, start: int, end: int) -> int:
    return sum(1 for i in view.tokens_in(start, end) if not view.doc[i].is_punct)


def _clean_gap(view: ParseView, start: int, end: int, across: bool = False) -> bool:
    """True when the text between a quotation and a cue does not end a sentence."""
    gap = view.text[start:end]
    if not across and "\n" in gap:
        return False
    return not any(ch in gap for ch in _SENTENCE_END) and '"' not in gap and "“" not in gap


def _frame_after(
    view: ParseView, q: Quotation, frames: dict[int, Frame], limit: int
) -> Frame | None:
    """A cue right after the closing mark: "“…,” he said" / "“…,” said Lavrov"."""
    first = view.token_at(q.end)
    if first < len(view) and view.idx[first] < q.end:
        first += 1
    inner_last = view.text[q.inner_end - 1] if q.inner_end > q.inner_start else ""
    if inner_last in _SENTENCE_END:
        # "“… .” He said …" starts a new sentence; "“…?” he asked" does not
        nxt = next(
            (i for i in range(first, min(first + 3, len(view))) if not view.doc[i].is_punct), None
        )
        if nxt is None or (
            view.doc[nxt].is_title and nxt not in frames and view.doc[nxt].pos_ != "PROPN"
        ):
            return None
    reach = MAX_GAP_TOKENS * 2 if _name_first(view, first) else MAX_GAP_TOKENS
    for i in range(first, min(first + reach, len(view))):
        if view.idx[i] >= limit:
            break
        frame = frames.get(i)
        if frame is not None and not frame.used:
            if frame.content and frame.content[0][0] >= frame.cue[1]:
                return None  # '“…” Reid said both …': the cue has content of its own
            far = i - first >= MAX_GAP_TOKENS
            if _clean_gap(view, q.end, view.idx[i]) and (not far or view.words[i - 1] == ","):
                return frame
            break
    return None


def _name_first(view: ParseView, first: int) -> bool:
    """Whether a name opens the text after a closing mark ("“…,” Brent Kessler, Northvale's
    vice president of operations, wrote"): its cue may then come after a long apposition,
    right after the comma that closes it."""
    i = first
    while i < len(view) and view.doc[i].is_punct:
        i += 1
    return i < len(view) and view.pos[i] == "PROPN"


def _frame_before(
    view: ParseView,
    q: Quotation,
    frames: dict[int, Frame],
    floor: int,
    across: bool = False,
    loose: bool = True,
) -> Frame | None:
    """A cue right before the opening mark: "Lavrov said: “…”", "He told reporters, “…”".

    A short quotation (``loose`` False) must follow its cue directly ("said “no”")."""
    last = view.token_at(q.start) - 1
    for i in range(last, max(last - MAX_GAP_TOKENS, -1), -1):
        if view.idx[i] < floor:
            break
        frame = frames.get(i)
        if frame is not None and not frame.used:
            gap = view.text[frame.cue[1] : q.start].strip()
            if frame.source is not None and frame.source[0] >= frame.cue[1]:
                gap = view.text[frame.source[1] : q.start].strip()  # "said Lavrov: “…”"
            introduces = gap == "" or (loose and (gap[-1:] in (":", ",") or gap.lower() == "that"))
            if introduces and _clean_gap(view, view.end[i], q.start, across):
                return frame
            break
    return None


def _overlap(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _holds(frame: Frame, at: int) -> bool:
    """Whether offset ``at`` lies in the frame's content (PolNeAR annotates no nesting, so
    a cue inside another attribution's content is not the quotation's own)."""
    return any(a <= at < b for a, b in frame.content)


def _frame_inside(q: Quotation, nearby: Sequence[Frame]) -> tuple[Frame | None, Frame | None]:
    """(frame whose content is this quotation, frame whose content contains it as a fragment)."""
    direct: Frame | None = None
    host: Frame | None = None
    inner = (q.inner_start, q.inner_end)
    for frame in nearby:
        if frame.used or not frame.content:
            continue
        envelope = (frame.content[0][0], frame.content[-1][1])
        if _overlap(envelope, inner) <= 0:
            continue
        if envelope[0] >= q.start - 1:
            direct = direct or frame
        elif envelope[0] < q.start and envelope[1] >= q.inner_end - 1:
            host = host or frame
    return direct, host


def _host_cut_inside(view: ParseView, q: Quotation, nearby: Sequence[Frame]) -> Frame | None:
    """A reported clause that opens a quotation and was cut at a sentence end inside it
    ("said that, in “Trump's America, families get relief. Wages go up.”"): the parser ends
    the clause with its sentence, but the quoted words run on to the closing mark, and so
    does the reported clause (PolNeAR takes it whole). The frame's content is extended."""
    if not q.closed or q.paragraphs != 1:
        return None
    text = view.text
    for frame in nearby:
        if frame.used or not frame.content:
            continue
        start, end = frame.content[0][0], frame.content[-1][1]
        if not start < q.start < q.inner_start < end < q.inner_end - 1:
            continue
        stop = text[end : end + 2].strip()[:1] or text[end - 1]
        if stop in _SENTENCE_END:
            frame.content[-1] = (frame.content[-1][0], q.inner_end)
            return frame
    return None


def attribute_quotations(
    view: ParseView, quotations: Sequence[Quotation], frames: Sequence[Frame]
) -> list[Candidate]:
    """Direct-quote candidates for ``quotations``; marks the frames they use as used and
    records quoted fragments on the frames whose content holds them (mixed quotes)."""
    # marks around nothing but punctuation ('""', '","') quote no speech
    text = view.text
    quotations = [
        q for q in quotations if any(ch.isalnum() for ch in text[q.inner_start : q.inner_end])
    ]
    by_cue = {f.cue_token: f for f in frames}
    by_sentence: dict[int, list[Frame]] = {}
    for f in frames:
        by_sentence.setdefault(view.line_start[f.cue_token], []).append(f)
    out: list[Candidate] = []
    prev_end = 0
    n = len(quotations)
    k = 0
    while k < n:
        q = quotations[k]
        nxt = quotations[k + 1].start if k + 1 < n else len(view.text)
        limit, floor, across = _window(view, q, nxt, prev_end)
        nearby = _nearby_frames(view, q, by_sentence)
        direct, host = _frame_inside(q, nearby)
        if direct is None and host is None:
            host = _host_cut_inside(view, q, nearby)
        if direct is not None and host is not None and _holds(host, direct.cue[0]):
            direct = None  # "saying his party wants “…”": the outermost attribution wins
        words = _words(view, q.inner_start, q.inner_end)
        speechlike = words >= MIN_SPEECH_WORDS or _ends_clause(view, q)
        frame = direct
        if frame is None and host is not None and (not speechlike or not _starts_sentence(view, q)):
            # a quoted fragment inside a reported clause makes it a mixed quote, unless it is
            # a label in scare quotes (the “opposition”), which is the author's, not the source's
            if not _is_label(view, q) and not _names_a_work(view, q):
                host.fragments.append((q.inner_start, q.inner_end))
            prev_end = q.end
            k += 1
            continue
        if frame is None:
            frame = _cue_frame(view, q, by_cue, (limit, floor, across), speechlike)
        if frame is not None and _a_name_not_words(view, q, frame, speechlike):
            prev_end = q.end
            k += 1
            continue
        lead = None if frame is not None else led_start(view, q, words >= MIN_SPEECH_WORDS, out)
        if (frame is None and lead is None and not _stands_alone(view, q, words, speechlike)) or (
            direct is None and _so_called(view, q)
        ):  # the so-called “…” is the author's label, no direct quote of its own
            _add_governed(view, q, out)
            prev_end = q.end
            k += 1
            continue
        parts: list[Range] = [(q.inner_start if lead is None else lead, q.inner_end)]
        if direct is not None and frame is direct and direct.content:
            # the reported clause may run on past the closing mark ("“…” from officials")
            tail = direct.content[-1][1]
            if (
                q.end <= tail <= limit
                and q.closed
                and view.text[q.inner_end - 1] != ","  # '“…,” the Courier reported'
                and not _speaker_runs_on(view, q, direct)
                and not relative_aside(view.text, q.end, tail)
            ):
                parts = [(q.inner_start, tail)]
        confidence = 0.9 if frame is not None else 0.6
        if frame is not None:
            frame.used = True
            # split quote: "“…,” he said, “…”" in one sentence
            if k + 1 < n and _continues_split(view, q, quotations[k + 1], frame, by_cue):
                q = quotations[k + 1]
                parts.append((q.inner_start, q.inner_end))
                k += 1
        if not q.closed:
            confidence *= 0.7
        out.append(_direct_candidate(frame, parts, confidence))
        prev_end = q.end
        k += 1
    return out


def _cue_frame(
    view: ParseView,
    q: Quotation,
    by_cue: dict[int, Frame],
    window: tuple[int, int, bool],
    speechlike: bool,
) -> Frame | None:
    """The frame whose cue introduces the quotation from outside: after it for speech, else
    before it. A quotation right after its cue ("said “no”") is direct wherever it ends; one
    introduced by "said:" or "said," must also end the sentence."""
    limit, floor, across = window
    frame = None
    if speechlike:
        frame = _frame_after(view, q, by_cue, limit) or _manner_cue(view, q, limit)
    if frame is None:
        loose = speechlike and _runs_to_sentence_end(view, q)
        frame = _frame_before(view, q, by_cue, floor, across, loose=loose)
        if frame is None and loose:
            frame = _manner_cue_before(view, q, floor)
    return frame


def _a_name_not_words(view: ParseView, q: Quotation, frame: Frame, speechlike: bool) -> bool:
    """A quotation near a cue that names something instead of quoting anyone: a title in
    the source ("according to the “Fair Fares” report") or in the setting ("said on NBC's
    “Meet the Press.”", see :func:`_names_a_work`)."""
    return (not speechlike and _in_source(frame, q)) or _names_a_work(view, q)


def _in_source(frame: Frame, q: Quotation) -> bool:
    """Whether the quotation lies inside the frame's source phrase: a name or title there
    ("according to the “Fair Fares” report") is not what the source said."""
    return frame.source is not None and frame.source[0] <= q.start and q.end <= frame.source[1]


def _stands_alone(view: ParseView, q: Quotation, words: int, speechlike: bool) -> bool:
    """Whether a quotation with no cue is still someone's words of its own: a speech-like
    one that opens its sentence, or a whole sentence a comma introduces (:func:`_introduced`)."""
    if speechlike and _starts_sentence(view, q):
        return not _titled_subject(view, q, words)
    return words >= MIN_SPEECH_WORDS and _introduced(view, q)


def _titled_subject(view: ParseView, q: Quotation, words: int) -> bool:
    """A title of two or three words that opens a sentence going on without a cue
    ("“Harbour Lights,” which opens on Friday, is …", "“Opening Night,” a comedy, …"): the
    work the sentence is about, not anybody's words. Longer quotations count as speech by
    their length alone, so a longer title is left as it was."""
    return (
        2 <= words < MIN_SPEECH_WORDS and is_title(view, q) and not _runs_to_sentence_end(view, q)
    )


def _introduced(view: ParseView, q: Quotation) -> bool:
    """A quoted sentence that a comma introduces and that ends the sentence ("issued a
    statement, “…”", "as the band sang back then, “…”"), with no cue the parse reads and no
    verb governing it: what the marks hold is someone's words, a direct quote whose speaker
    the continuation step looks for. Not a title ("the slogan, “Make America Great
    Again.”")."""
    text, i = view.text, q.start
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1  # spaces only: a comma ending the paragraph before introduces nothing here
    return (
        text[i - 1 : i] == ","
        and _runs_to_sentence_end(view, q)
        and not is_title(view, q)
        and governed_clause(view, q) is None
    )


def _speaker_runs_on(view: ParseView, q: Quotation, frame: Frame) -> bool:
    """Whether what the reported clause runs on into past the closing mark is the speaker:
    "“…,” Lena Okafor, a senior outside campaign adviser, said" (the small model reads the
    name into the quoted clause). A quotation ending in a comma and followed by a
    capitalised name before the cue introduces its speaker there, not more of what was said
    ("“…,” since so many cases …" and "“…” of the case" do run on)."""
    if frame.cue[0] < q.end or view.text[q.inner_start : q.inner_end].rstrip()[-1:] != ",":
        return False
    first = view.token_at(q.end)
    while first < len(view) and (view.pos[first] == "PUNCT" or view.idx[first] < q.end):
        first += 1
    return first < len(view) and view.idx[first] < frame.cue[0] and view.pos[first] == "PROPN"


def _direct_candidate(frame: Frame | None, parts: list[Range], confidence: float) -> Candidate:
    """The direct quote over ``parts``, attributed through ``frame`` when there is one."""
    comp = None
    if (
        frame is not None
        and frame.complementizer is not None
        and 0 <= parts[0][0] - frame.complementizer[1] <= 3
    ):
        comp = frame.complementizer  # "said that “…”": PolNeAR keeps the "that"
    return Candidate(
        kind=QuoteKind.DIRECT,
        parts=parts,
        complementizer=comp,
        cue=frame.cue if frame else None,
        source=frame.source if frame else None,
        source_token=frame.source_token if frame else None,
        negated=frame.negated if frame else False,
        confidence=confidence,
    )


def _add_governed(view: ParseView, q: Quotation, out: list[Candidate]) -> None:
    """Add the mixed quote whose clause governs the quoted fragment ``q``, if any."""
    governed = governed_clause(view, q)
    if governed is None:
        return
    last = out[-1] if out else None
    if last is not None and last.cue == governed.cue and last.kind is QuoteKind.MIXED:
        # "accused Cruz of being “weak” and “queasy”": one quote, two fragments
        last.parts = [(min(last.start, governed.start), max(last.end, governed.end))]
        last.fragments.extend(governed.fragments)
    else:
        out.append(governed)


def _window(view: ParseView, q: Quotation, nxt: int, prev_end: int) -> tuple[int, int, bool]:
    """Where a quotation's cue may be: ``(limit, floor, across)``: up to the next quotation
    or paragraph end after it, back to the previous quotation or paragraph start before it
    (``across``: the previous paragraph, when it ends "Ryan said:")."""
    para_end = view.paragraph_ranges[view.paragraph_of(max(q.end - 1, q.start))][1]
    limit = min(nxt, para_end)
    p_index = view.paragraph_of(q.start)
    floor = max(prev_end, view.paragraph_ranges[p_index][0])
    across = False
    if p_index > 0 and view.paragraph_ranges[p_index][0] >= q.start - 1:
        # "Ryan said:" closing one paragraph, the quotation opening the next
        prev_para = view.paragraph_ranges[p_index - 1]
        if view.text[prev_para[1] - 1] in ":," and prev_end <= prev_para[0]:
            floor, across = prev_para[0], True
    return limit, floor, across


def _nearby_frames(
    view: ParseView, q: Quotation, by_sentence: dict[int, list[Frame]]
) -> list[Frame]:
    """Frames of the sentences the quotation starts, ends or borders on, cue outside it."""
    first_tok = view.token_at(q.inner_start)
    last_tok = view.token_at(max(q.inner_end - 1, q.inner_start))
    sents: set[int] = set()
    if len(view):
        for t in (first_tok, last_tok, max(first_tok - 1, 0), min(last_tok + 2, len(view) - 1)):
            sents.add(view.line_start[t])
    return [
        f
        for s in sorted(sents)
        for f in by_sentence.get(s, ())
        if not q.inner_start <= f.cue[0] < q.inner_end
    ]


def _continues_split(
    view: ParseView, q: Quotation, q2: Quotation, frame: Frame, by_cue: dict[int, Frame]
) -> bool:
    """Whether ``q2`` is the second half of a split quote ("“…,” he said, “…”")."""
    if frame.cue[0] <= q.end:
        return False
    between = view.text[q.end : q2.start]
    return bool(
        q2.start - q.end < 120
        and "\n" not in between
        and not any(ch in between for ch in _SENTENCE_END)
        and view.text[q.inner_end - 1] not in _SENTENCE_END
        and between.rstrip()[-1:] in (",", ":", "—", "-")
        and _only_attribution(view, q.end, q2.start, frame, by_cue)
        and frame.cue[1] <= q2.start
    )


def _starts_sentence(view: ParseView, q: Quotation) -> bool:
    """True when the quotation opens its sentence (or follows a colon)."""
    i = q.start - 1
    text = view.text
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0 or text[i] in "\n\r:":
        return True
    return text[i] in _SENTENCE_END or text[i] in '”"’»'


def _ends_clause(view: ParseView, q: Quotation) -> bool:
    """True when the quotation ends with clause punctuation inside or right after its marks
    ("“Never,” he said"): speech, even when short."""
    text = view.text
    inner_last = text[q.inner_end - 1] if q.inner_end > q.inner_start else ""
    after = text[q.end] if q.end < len(text) else ""
    return (bool(inner_last) and inner_last in ",.!?—") or after == ","


def _runs_to_sentence_end(view: ParseView, q: Quotation) -> bool:
    """True when only sentence punctuation follows the closing mark before the sentence or
    paragraph ends (so a cue before it introduces the whole quotation)."""
    text = view.text
    i = q.end
    while i < len(text) and text[i] in " \t.!?,;)":
        if text[i] in ".!?":
            return True
        i += 1
    return i >= len(text) or text[i] in '\n\r“"' or text[q.inner_end - 1] in ".!?"


def _only_attribution(
    view: ParseView, start: int, end: int, frame: Frame, cues: dict[int, Frame]
) -> bool:
    """True when the text between two quotations is just the attribution ("he said, ")
    plus at most a few words ("in a statement"), so they are one split quote."""
    extra = 0
    for i in view.tokens_in(start, end):
        tok = view.doc[i]
        pos = int(tok.idx)
        if tok.is_punct or tok.is_space:
            continue
        if frame.cue[0] <= pos < frame.cue[1]:
            continue
        if frame.source is not None and frame.source[0] <= pos < frame.source[1]:
            continue
        if i in cues:
            return False  # "“…,” he said, adding: “…”": the second has a cue of its own
        extra += 1
    return extra <= 4


GOVERNED_CONFIDENCE = 0.35
"""Confidence of a quoted phrase attributed to the subject of whatever verb governs it."""


def governed_clause(view: ParseView, q: Quotation) -> Candidate | None:
    """A quoted phrase that no reporting cue governs ("addressed her as “Hillary”",
    "pushed his promise of “free college”"): in political news such a phrase is nearly always
    someone's words, so the verb governing it is taken as the cue and the verb's object
    phrase, quotation included, as the content of a low-confidence mixed quote."""
    toks = view.tokens_in(q.inner_start, q.inner_end)
    if not toks:
        return None
    doc = view.doc
    head = next(
        (
            doc[i]
            for i in toks
            if not q.inner_start <= doc[i].head.idx < q.inner_end or doc[i].head.i == doc[i].i
        ),
        None,
    )
    if head is None:
        return None
    child, verb = head, head.head
    for _ in range(6):
        if verb.pos_ == "VERB" or verb.i == child.i:
            break
        child, verb = verb, verb.head
    if verb.pos_ != "VERB" or verb.i == child.i or child.i < verb.i:
        return None
    if child.dep_ in ("nsubj", "nsubjpass"):
        return None  # '“…,” said Ann Roe, author of “The Cure,”': in who speaks, not what
    if _names_a_work(view, q) or (is_title(view, q) and not _characterised(verb, child, head)):
        return None  # "to see “The Lion King”", "told MSNBC's “Morning Joe”": a title
    rights = [c for c in verb.rights if not c.is_punct and c.i <= child.i]
    if not rights:
        return None
    first, last = int(rights[0].left_edge.i), int(child.right_edge.i)
    start, end = trim(view.text, int(doc[first].idx), view.end[last])
    if end <= start or view.paragraph_of(start) != view.paragraph_of(q.start):
        return None
    subj = subject_of(verb)
    return Candidate(
        kind=QuoteKind.MIXED,
        parts=[(start, max(end, q.inner_end))],
        cue=verb_group(view, verb),
        source=source_range(view, subj) if subj is not None else None,
        source_token=int(subj.i) if subj is not None else None,
        confidence=GOVERNED_CONFIDENCE,
        fragments=[(q.inner_start, q.inner_end)],
    )


def _characterised(verb: Any, child: Any, head: Any) -> bool:
    """A capitalised quoted phrase is someone's words, not a title, when a verb of saying,
    belief or naming takes it as its object ("labeled it “Mostly True”", "proclaimed a goal
    of “Peace Through Strength”") and no possessor owns it ("MSNBC's “Morning Joe”")."""
    lemma = lemma_of(verb)
    if lemma not in SPEECH and lemma not in COGNITION and lemma not in NAMING:
        return False
    return child.dep_ != "prep" and not any(c.dep_ == "poss" for c in head.children)


_TITLE_SMALL_WORDS = frozenset("of the a an and in on to for at with from by or".split())


def is_title(view: ParseView, q: Quotation) -> bool:
    """A quoted title of a work or show ("“The Lion King”", "“DWTS”", "“Ridgeline,”"): a
    few words, every one capitalised but the small ones, and no sentence punctuation."""
    words = [i for i in view.tokens_in(q.inner_start, q.inner_end) if not view.doc[i].is_punct]
    if not 1 <= len(words) <= 6 or view.text[q.inner_start : q.inner_end].rstrip()[-1:] in "!?":
        return False
    first = view.words[words[0]]
    if not first[:1].isupper():
        return False
    return all(
        view.words[i][:1].isupper() or view.lower[i] in _TITLE_SMALL_WORDS for i in words[1:]
    )


_SO_CALLED = re.compile(r"\bso[- ]called\s*$", re.IGNORECASE)


def _so_called(view: ParseView, q: Quotation) -> bool:
    """A quotation right after "so-called" ("the so-called “Marrow Bay episode”"): the
    author names a thing with someone else's label, a scare quote that reports no words."""
    return bool(_SO_CALLED.search(view.text[max(0, q.start - 12) : q.start]))


_POSSESSIVE_BEFORE = re.compile(r"\w(?:'s|’s|s'|s’)\s*$")
_WORD_BEFORE = re.compile(r"(\w+),?\s*$")


def _names_a_work(view: ParseView, q: Quotation) -> bool:
    """A quoted title right after its owner or after a noun of a work (:data:`WORKS`):
    "on NBC's “Meet the Press.”", "in his 2012 book, “An American Son.”" name a show and a
    book, whatever the parse hangs them on.

    Example:
        >>> from communique.extractors.quotes.marks import Quotation
        >>> text = 'She said so in her book, “The Long Road.”'
        >>> start = text.index("“")
        >>> q = Quotation(start, len(text), start + 1, len(text) - 1)
        >>> _names_a_work(ParseView.build(nlp(text)), q)
        True
    """
    if not is_title(view, q):
        return False
    before = view.text[max(0, q.start - 40) : q.start]
    if _POSSESSIVE_BEFORE.search(before):
        return True
    word = _WORD_BEFORE.search(before)
    return word is not None and word.group(1).lower() in WORKS


def _is_label(view: ParseView, q: Quotation) -> bool:
    """A single quoted noun ("the “opposition”", "“terrorists”"): a scare quote or a name."""
    toks = [i for i in view.tokens_in(q.inner_start, q.inner_end) if not view.doc[i].is_punct]
    return len(toks) == 1 and view.doc[toks[0]].pos_ in ("NOUN", "PROPN")


def _manner_cue(view: ParseView, q: Quotation, limit: int) -> Frame | None:
    """ "“…,” Trump barked." — any verb with a subject that alone makes up the short clause
    after the closing mark is its cue, even if the lexicon does not know it."""
    first = view.token_at(q.end)
    if first < len(view) and view.idx[first] < q.end:
        first += 1
    if first < len(view) and view.doc[first].pos_ in ("SCONJ", "ADP"):
        return None  # "“…” because they differ": a clause of the sentence, not its cue
    if first >= len(view) or (
        view.text[q.inner_end - 1 : q.end].strip()[:1] in ".!?"
        and view.doc[first].is_title
        and view.doc[first].pos_ != "PROPN"
    ):
        return None
    end = min(view.line_end[first], first + 8)
    words = [i for i in range(first, end) if not view.doc[i].is_punct and view.idx[i] < limit]
    if not words or (words[-1] + 1 < len(view) and view.idx[words[-1]] >= limit):
        return None
    verbs = [view.doc[i] for i in words if view.doc[i].pos_ == "VERB"]
    if len(verbs) != 1 or len(words) > 5:
        return None
    after = words[-1] + 1
    if (
        after < len(view)
        and view.doc[after].text not in (".", "!", "?", "\n", ",")
        and view.line_start[after] == view.line_start[first]
    ):
        return None
    verb = verbs[0]
    subj = subject_of(verb)
    if subj is None or not first <= subj.i < end:
        return None
    return _manner_frame(view, verb, subj)


def _manner_frame(view: ParseView, verb: Any, subj: Any) -> Frame:
    """The frame of a manner cue next to its quotation: the verb is the cue, its subject the
    source; the quotation is the content, so the frame carries none."""
    return Frame(
        cue_token=int(verb.i),
        cue=verb_group(view, verb),
        source=source_range(view, subj),
        source_token=int(subj.i),
        attachment="",
    )


_MANNER_FILLERS = frozenset("aux auxpass neg advmod prt".split())
"""What may stand between a manner cue and its subject, or follow the cue ("shot back")."""


def _manner_cue_before(view: ParseView, q: Quotation, floor: int) -> Frame | None:
    """ "Clinton shot back, “…”", "Avery quipped: “…”" — the mirror of :func:`_manner_cue`:
    a main clause of just a subject and a verb, ending in a comma or colon right before a
    quotation that runs to the sentence end, introduces it, even when the lexicon does not
    know the verb."""
    text = view.text
    if text[floor : q.start].rstrip()[-1:] not in (",", ":"):
        return None
    last = view.token_at(q.start) - 1
    while last >= 0 and (view.doc[last].is_punct or view.doc[last].is_space):
        last -= 1
    if last < 0 or view.idx[last] < floor:
        return None
    verb = view.doc[last]
    if verb.dep_ == "prt" or (verb.dep_ == "advmod" and verb.head.i < verb.i):
        verb = verb.head
    if verb.pos_ != "VERB" or not (verb.dep_ == "ROOT" or q.start <= verb.head.idx < q.end):
        return None
    subj = subject_of(verb)
    if subj is None or subj.i > verb.i or view.idx[int(subj.left_edge.i)] < floor:
        return None
    between = range(int(subj.i) + 1, int(verb.i))
    if any(view.doc[i].dep_ not in _MANNER_FILLERS for i in between):
        return None
    if any(
        c.i > verb.i and c.idx < q.start and c.dep_ not in _MANNER_FILLERS and not c.is_punct
        for c in verb.children
    ):
        return None  # "He won the race, “…”": the verb has an object of its own
    return _manner_frame(view, verb, subj)
