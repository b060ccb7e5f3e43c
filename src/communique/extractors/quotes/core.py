"""Steps 1-3 together, candidates: the quote core: the parse view in, quote candidates out.

It needs no actors, so it can be run, tested and scored on its own; speakers are reported
as source spans and head tokens, and :mod:`.extractor` resolves them to actors afterwards.
Order of work: pair quotation marks, read attribution frames off the parse, give each
quotation its frame (direct quotes), keep the remaining outermost frames as indirect or
mixed quotes, then let a quotation with no cue continue the attribution just before it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from communique.extractors.quotes.boundaries import (
    close_fragments,
    cut_closing_name_asides,
    cut_name_asides,
    cut_vouched_clauses,
    include_cut_subjects,
    include_passive_subjects,
    move_stance_nouns,
    names_someone,
    skip_leads,
    take_in_phrases,
)
from communique.extractors.quotes.candidates import Candidate, Frame, Range
from communique.extractors.quotes.clause_rest import take_clause_rests
from communique.extractors.quotes.direct import MIN_SPEECH_WORDS, attribute_quotations
from communique.extractors.quotes.elaboration import take_elaborations
from communique.extractors.quotes.indirect import PRO_FORM, find_frames
from communique.extractors.quotes.lexicon import (
    BUILTIN_VERBS,
    CONTINUING_VERBS,
    SPEECH,
    SUBORDINATORS,
    ReportingVerbs,
    lemma_of,
)
from communique.extractors.quotes.marks import (
    CLOSING_MARKS,
    QUOTE_MARKS,
    Quotation,
    find_quotations,
)
from communique.extractors.quotes.narrated import narrated_subject
from communique.extractors.quotes.nesting import split_nested
from communique.extractors.quotes.precision import drop_imprecise
from communique.extractors.quotes.runs_on import run_on_fragments
from communique.extractors.quotes.screen import screen_candidates, screen_frames
from communique.extractors.quotes.second_acts import before_nested_quotation, cut_before_acts
from communique.extractors.quotes.signoff import attribute_signoffs
from communique.extractors.quotes.sources import (
    colon_source,
    fill_sources,
    trailing_attribution,
)
from communique.extractors.quotes.tails import split_tails
from communique.models import QuoteKind
from communique.parse import ParseView

CONFIDENCE = {
    "ccomp": 0.75,
    "parataxis": 0.6,
    "according": 0.7,
    "noun": 0.6,
    "xcomp": 0.5,
    "dobj": 0.45,
    "prep": 0.45,
    "colon": 0.6,
    "fallback": 0.4,
    "finding": 0.55,
}
"""Confidence of an indirect quote by how its content hangs on the cue."""


def _inside_quotations(
    frames: list[Frame], quotations: Sequence[Quotation], view: ParseView
) -> list[Frame]:
    """Frames whose cue is not inside a (speech-like) quotation: "“I think …”" is no cue."""
    spans = [
        (q.inner_start, q.inner_end)
        for q in quotations
        if q.closed and q.inner_end - q.inner_start > 20
    ]
    starts = [s for s, _ in spans]
    kept = []
    for f in frames:
        i = bisect.bisect_right(starts, f.cue[0]) - 1
        if i >= 0 and spans[i][0] <= f.cue[0] < spans[i][1]:
            continue
        kept.append(f)
    return kept


def _outermost(frames: list[Frame]) -> list[Frame]:
    """Frames whose cue lies in no other frame's content (PolNeAR annotates no nesting)."""
    parts = sorted((a, b) for f in frames for a, b in f.content)
    queries = sorted(range(len(frames)), key=lambda i: frames[i].cue[0])
    covered = [False] * len(frames)
    max_end = -1
    j = 0
    for i in queries:
        cue = frames[i].cue[0]
        while j < len(parts) and parts[j][0] <= cue:
            max_end = max(max_end, parts[j][1])
            j += 1
        covered[i] = max_end > cue
    return [
        f
        for f, c in zip(frames, covered, strict=True)
        if not c or _outer_of_mutual(f, [g for g in frames if _holds_cue(g, f)])
    ]


def _holds_cue(outer: Frame, inner: Frame) -> bool:
    return outer is not inner and any(a <= inner.cue[0] < b for a, b in outer.content)


def _outer_of_mutual(frame: Frame, holders: list[Frame]) -> bool:
    """Two frames each holding the other's cue ("X said the plan was “…,” according to Y",
    the parse hanging "according to" inside the said clause): the one whose content starts
    first is the outer one, rather than losing both."""
    return bool(holders) and all(
        _holds_cue(frame, g) and frame.content[0][0] < g.content[0][0] for g in holders
    )


def _select(view: ParseView, frames: list[Frame]) -> list[Frame]:
    """The frames reported as quotes: the outermost ones, and a second report closing an
    outer content with the same, a relative or no subject (:mod:`.tails`)."""
    kept = _one_per_act(_outermost(frames))
    return kept + split_tails(view, frames, kept)


def _passive_relative(view: ParseView, frame: Frame) -> bool:
    """ "the plan, which was first reported by the Courier": the relative word alone is the
    passive cue's content (it stands for the antecedent), as PolNeAR annotates it."""
    if len(frame.content) != 1:
        return False
    tokens = view.tokens_in(*frame.content[0])
    if len(tokens) != 1:
        return False
    word = view.doc[tokens[0]]
    cue = view.doc[frame.cue_token]
    return (
        word.tag_ in ("WDT", "WP")
        and word.dep_ == "nsubjpass"
        and word.head.i == cue.i
        and lemma_of(cue) in SPEECH
    )


def _one_per_act(frames: list[Frame]) -> list[Frame]:
    """Drop a frame whose cue overlaps another's and whose content lies inside that one's:
    two readings of one act ("expressed skepticism that X" as the verb's object and as the
    noun's clause), which would give the same quote twice once the stance noun moves into
    the cue (:func:`~.boundaries.move_stance_nouns`). With the same content, the reading
    under the longer cue stays ("came out in favor of X": the verb's cue holds the noun's
    "favor of")."""

    def extent(f: Frame) -> Range:
        return min(a for a, _ in f.content), max(b for _, b in f.content)

    def inside(f: Frame, g: Frame) -> bool:
        (fa, fb), (ga, gb) = extent(f), extent(g)
        if (fa, fb) == (ga, gb):
            return g.cue[0] <= f.cue[0] and f.cue[1] <= g.cue[1] and f.cue != g.cue
        return ga <= fa and fb <= gb

    return [
        f
        for f in frames
        if not any(
            g is not f and g.cue[0] < f.cue[1] and f.cue[0] < g.cue[1] and inside(f, g)
            for g in frames
        )
    ]


def _overlaps_any(rng: Range, spans: list[Range], starts: list[int]) -> bool:
    """Whether ``rng`` overlaps one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_left(starts, rng[1]) - 1
    return i >= 0 and spans[i][1] > rng[0]


def find_candidates(view: ParseView, verbs: ReportingVerbs = BUILTIN_VERBS) -> list[Candidate]:
    """Every direct, indirect and mixed quote in the viewed text, in text order; ``verbs``
    are the cue verbs by class, from the knowledge base (built-in ones by default).

    Example:
        >>> cands = find_candidates(ParseView.build(nlp("“We will not rush,” Kerry said.")))
        >>> [(c.kind.value, len(cands)) for c in cands]
        [('direct', 1)]
    """
    if not len(view):
        return []
    quotations = find_quotations(view.text, view.paragraph_ranges)
    frames = _inside_quotations(screen_frames(view, find_frames(view, verbs)), quotations, view)
    candidates = attribute_quotations(view, quotations, frames)
    direct_quotes = list(candidates)
    direct_spans = sorted(p for c in candidates for p in c.parts)
    direct_starts = [s for s, _ in direct_spans]
    remaining = [f for f in frames if not f.used and f.content]
    split_nested(view, remaining)
    for frame in _select(view, remaining):
        cut_before_acts(view.text, frame, direct_quotes)
        content = list(frame.content)
        if any(_overlaps_any(p, direct_spans, direct_starts) for p in content):
            content = before_nested_quotation(view, frame, direct_quotes)
            if not content or any(_overlaps_any(p, direct_spans, direct_starts) for p in content):
                continue
        size = sum(b - a for a, b in content)
        if (
            size < 6
            and not names_someone(view, frame)
            and frame.attachment != PRO_FORM
            and not _passive_relative(view, frame)
        ):
            continue
        kind = QuoteKind.MIXED if frame.fragments else QuoteKind.INDIRECT
        candidates.append(
            Candidate(
                kind=kind,
                parts=content,
                cue=frame.cue,
                source=frame.source,
                source_token=frame.source_token,
                complementizer=frame.complementizer,
                confidence=CONFIDENCE.get(frame.attachment, 0.5),
                fragments=list(frame.fragments),
                negated=frame.negated,
            )
        )
    candidates.sort(key=lambda c: c.start)
    skip_leads(view.text, candidates)
    include_passive_subjects(view, candidates)
    move_stance_nouns(view, candidates)
    include_cut_subjects(view, candidates)
    close_fragments(view.text, candidates)
    cut_name_asides(view, candidates)
    cut_vouched_clauses(view, candidates)
    take_in_phrases(view, candidates)
    cut_closing_name_asides(view, candidates)
    take_elaborations(view, candidates)
    take_clause_rests(view, candidates)
    candidates = screen_candidates(view, candidates)
    fill_sources(view, candidates)
    candidates = [c for c in candidates if c.parts]  # emptied: no content of their own
    attribute_signoffs(view, candidates)
    trailing = _trailing_attributions(view, candidates)
    candidates = _drop_misread_speakers(view, candidates, trailing)
    _link_continuations(view, candidates, trailing)
    kept = drop_imprecise(view, candidates)
    run_on_fragments(view, kept)
    return _merge_continuations(view, kept)


Trailing = dict[int, tuple[Any, Range, Range]]
"""Speaker token, source and cue of each cue-less quotation whose own sentence names its
speaker after the closing mark, by ``id`` of the candidate."""


def _trailing_attributions(view: ParseView, candidates: list[Candidate]) -> Trailing:
    """:func:`~.sources.trailing_attribution` of every cue-less direct quote, read once for
    both its uses (dropping the misread speaker, then linking)."""
    found: Trailing = {}
    for cand in candidates:
        if cand.cue is None and cand.kind is QuoteKind.DIRECT:
            trailing = trailing_attribution(view, cand)
            if trailing is not None:
                found[id(cand)] = trailing
    return found


def _drop_misread_speakers(
    view: ParseView, candidates: list[Candidate], trailing: Trailing
) -> list[Candidate]:
    """Drop a reported "quote" that is the speaker of the quotation before it: in "“…,”
    said Robin Maynard, half joking" the parser reads the name as what was said, so the
    cue makes an indirect quote of it while the quotation goes without a cue."""
    misread = {(cue, source) for _, source, cue in trailing.values()}
    if not misread:
        return candidates
    claimed = {cue for cue, _ in misread}
    return [
        c
        for c in candidates
        if not _names_speaker(c, misread) and not _adverbial_of(view, c, claimed)
    ]


def _adverbial_of(view: ParseView, cand: Candidate, cues: set[Range]) -> bool:
    """Whether ``cand`` is an adverbial clause read as what one of ``cues`` said ("“…!”
    Pike said as she opened the count"): the quotation is what was said."""
    if cand.kind is QuoteKind.DIRECT or cand.cue not in cues:
        return False
    first = view.token_at(cand.parts[0][0])
    return view.lower[first] in SUBORDINATORS and view.doc[first].dep_ == "mark"


def _names_speaker(cand: Candidate, misread: set[tuple[Range, Range]]) -> bool:
    """Whether ``cand`` is cued by one of the ``misread`` cues and its words hold the
    speaker's name."""
    if cand.kind is QuoteKind.DIRECT or cand.cue is None:
        return False
    return any(
        cue == cand.cue and any(a <= src[0] < b for a, b in cand.parts) for cue, src in misread
    )


def _link_continuations(view: ParseView, candidates: list[Candidate], trailing: Trailing) -> None:
    """A direct quote with no cue continues the attribution just before it, in the same or
    the previous paragraph; it takes that speaker. A colon before the quotation names its
    own source instead ("Economist Priya Raman: “…”", "Karin Holm was blunt: “…”")."""
    for k, cand in enumerate(candidates):
        if cand.cue is not None or cand.kind is not QuoteKind.DIRECT:
            continue
        introduced = colon_source(view, cand)
        if introduced is not None and introduced[1] is not None:
            cand.source_token, cand.source = int(introduced[0].i), introduced[1]
            continue
        own = trailing.get(id(cand))
        if own is not None:
            cand.source_token, cand.source, cand.cue = int(own[0].i), own[1], own[2]
            continue
        reader = _cue_read_after(view, candidates, k)
        if reader is not None:
            cand.source_token, cand.source, cand.cue = (
                reader.source_token,
                reader.source,
                reader.cue,
            )
            continue
        at = _carried_from(view, candidates, k) if k > 0 else None
        # "He waves the point away. “…”": the narrated person, not the last speaker
        narrated = narrated_subject(view, candidates, k, None if at is None else candidates[at])
        if narrated is not None:
            cand.source_token, cand.source = int(narrated[0].i), narrated[1]
            continue
        if at is None:
            continue
        prev = candidates[at]
        if view.paragraph_of(cand.start) - view.paragraph_of(prev.start) > 1:
            continue
        if prev.source is None and prev.cue is None and prev.continues is None:
            continue
        cand.continues = at
        cand.source = prev.source
        cand.source_token = prev.source_token


def _cue_read_after(view: ParseView, candidates: list[Candidate], k: int) -> Candidate | None:
    """The quote whose cue and speaker stand right after the cue-less quotation ``k``, when
    the parser read a phrase after them as what was said ("“…?” Ames asked, folding her
    arms", "“…,” Lund said, as the band played"): only closing punctuation,
    the speaker and the cue lie between the closing mark and that phrase, in one sentence,
    so the cue is the quotation's (and the phrase a manner tail, :mod:`.precision`)."""
    if k + 1 >= len(candidates):
        return None
    cand, reader = candidates[k], candidates[k + 1]
    cue, src = reader.cue, reader.source
    if reader.kind is QuoteKind.DIRECT or cue is None or src is None:
        return None
    if not cand.end <= min(cue[0], src[0]) or reader.start < max(cue[1], src[1]):
        return None
    text = view.text
    if text[cand.end - 1 : cand.end] not in (",", "?", "!", "—"):
        return None  # "“….” He said …": a sentence of its own
    gap = text[cand.end : max(cue[1], src[1])]
    for a, b in sorted((cue, src), reverse=True):
        gap = gap[: a - cand.end] + gap[b - cand.end :]
    phrase = text[max(cue[1], src[1]) : reader.end]
    if any(c in phrase for c in ".!?\n" + QUOTE_MARKS):
        return None
    if "," not in text[max(cue[1], src[1]) : reader.start] and any(
        view.pos[i] in ("VERB", "AUX") for i in view.tokens_in(reader.start, reader.end)
    ):
        return None  # "“…!” Ames said the rally would go on": a statement of its own
    return reader if gap.strip(" ,\u00a0" + CLOSING_MARKS) == "" else None


def _carried_from(view: ParseView, candidates: list[Candidate], k: int) -> int:
    """The quote a cue-less quotation ``k`` continues: the one before it, or, when that is a
    sourceless aside in the same paragraph as an earlier quote with a source ("“…,” X told
    Reuters when asked if … “…”"), or a report inside the attribution of the direct quote
    before it ("“…,” said Ms. Lind, referring to the mills. “…”") or a piece of that
    attribution read on the same cue (:func:`_same_cue_tail`), that earlier quote."""
    at = k - 1
    if at > 0 and (
        _attribution_tail(view, candidates[at - 1], candidates[at])
        or _same_cue_tail(view, candidates[at - 1], candidates[at], candidates[k].start)
    ):
        return at - 1
    para = view.paragraph_of(candidates[at].start)
    while (
        at > 0
        and candidates[at].source is None
        and candidates[at].cue is not None
        and candidates[at].kind is not QuoteKind.DIRECT
        and view.paragraph_of(candidates[at - 1].start) == para
    ):
        at -= 1
    return at if candidates[at].source is not None else k - 1


def _attribution_tail(view: ParseView, quote: Candidate, tail: Candidate) -> bool:
    """Whether ``tail`` is a report inside the attribution of the direct ``quote`` before it
    ("“Nothing is ruled out,” Ruiz told the AP after hinting that “changes” could
    come. “…”"): the next cue-less quotation carries on the quote, not the aside."""
    if quote.kind is not QuoteKind.DIRECT or quote.cue is None or tail.cue is None:
        return False
    if quote.cue[0] < quote.end or tail.cue[0] < quote.cue[1]:
        return False  # the quote's cue follows its quotation, the aside's cue follows that
    if lemma_of(view.doc[view.token_at(tail.cue[0])]) in CONTINUING_VERBS:
        return False  # "“…,” Christie said, adding that …": the statement goes on
    return bool(view.sent[view.token_at(quote.cue[0])] == view.sent[view.token_at(tail.cue[0])])


def _same_cue_tail(view: ParseView, quote: Candidate, tail: Candidate, until: int) -> bool:
    """Whether ``tail`` is a second reading of the attribution of the direct ``quote``
    before it, on the same cue ("“…,” Ames said on the “Morning Hour” show. “…”", "“…,” she
    said of the vote, in which she was sure the bill would pass. “…”"): the parser hung a
    title or a relative clause in the attribution on the cue as what was said, so the
    quotation at ``until`` carries on the quote, not the aside. Not when a verb of its own
    stands before, at the start of, or after the aside up to ``until`` ("“…,” he said,
    adding that …", "…, giving the example of …"): that is a second act of the speaker's."""
    if quote.kind is not QuoteKind.DIRECT or tail.kind is QuoteKind.DIRECT:
        return False
    cue = quote.cue
    if cue is None or tail.cue != cue or cue[0] < quote.end or tail.start < cue[1]:
        return False
    src = quote.source or (0, 0)
    around = [*view.tokens_in(cue[1], tail.start + 1), *view.tokens_in(tail.end, until)]
    return not any(view.pos[i] == "VERB" and not src[0] <= view.idx[i] < src[1] for i in around)


def _merge_continuations(view: ParseView, candidates: list[Candidate]) -> list[Candidate]:
    """Fold a continuation into the direct quote it carries on, within one paragraph.

    "“We will win,” he said. “We always do.”" is one statement in two sentences: one quote
    with two parts, as PolNeAR annotates it. So is a quotation paragraph after a paragraph
    that is just "“…,” he said." (see :func:`_said_paragraph`), or that ends on the quote's
    quotation (:func:`_quotation_paragraphs`). A continuation after reported speech, or
    after any other paragraph, stays a quote of its own linked by ``continues`` (measured
    on PolNeAR train, those are more often annotated as attributions of their own).
    """
    text = view.text
    kept: list[Candidate] = []
    where: dict[int, int] = {}
    for k, cand in enumerate(candidates):
        if kept and _shares_cue(view, kept[-1], cand):
            kept[-1].parts.extend(cand.parts)
            where[k] = len(kept) - 1
            continue
        if cand.continues is not None:
            target_at = where[cand.continues]
            target = kept[target_at]
            joined = (
                "\n" not in text[target.end : cand.start]
                or (_said_paragraph(text, target) and not _attribution_follows(text, cand))
                or _quotation_paragraphs(view, target, cand)
            )
            if _carried_on(view, target) and joined:
                target.parts.extend(cand.parts)
                where[k] = target_at
                continue
            cand.continues = target_at
        where[k] = len(kept)
        kept.append(cand)
    return kept


def _carried_on(view: ParseView, quote: Candidate) -> bool:
    """Whether a later quotation may carry ``quote`` on as its next part: a direct quote, or
    a mixed quote before its cue (:func:`_mixed_before_cue`)."""
    return quote.kind is QuoteKind.DIRECT or _mixed_before_cue(view, quote)


def _mixed_before_cue(view: ParseView, quote: Candidate) -> bool:
    """A mixed quote whose cue follows it ("Ames “felt bound to act” on the plan, Lund
    said."): the quotation that carries it on is the same statement, as PolNeAR joins
    them. Not when a speech verb in its own words reports the quotation ("Asked about it,
    Ames said “…,” she said."): the parse ran two attributions together."""
    if quote.kind is not QuoteKind.MIXED or quote.cue is None or quote.cue[0] < quote.end:
        return False
    first = quote.fragments[0][0] if quote.fragments else quote.end
    return not any(
        view.pos[i] == "VERB" and lemma_of(view.doc[i]) in SPEECH
        for i in view.tokens_in(quote.start, first)
    )


def _shares_cue(view: ParseView, prev: Candidate, cand: Candidate) -> bool:
    """Whether ``cand`` is the second half of a direct quote split by the cue of the first
    ("“A,” he said of the plan, “because B.”"): the parser may hang both quotations on the
    verb as two clauses, or name the speaker of the first only after its closing mark,
    which gives two direct quotes with one cue; PolNeAR annotates one quote in two parts.
    Not when another verb stands between the cue and the second quotation ("“A,” he said
    as a heckler yelled: “B”", "said before adding: “B”"): that verb introduces it."""
    cue = cand.cue
    if not (
        cue is not None
        and cue == prev.cue
        and cand.kind is QuoteKind.DIRECT
        and _carried_on(view, prev)
        and prev.end <= cue[0]
        and cue[1] <= cand.start
        and "\n" not in view.text[prev.end : cand.start]
    ):
        return False
    src = cand.source or (0, 0)
    return not any(
        view.pos[i] in ("VERB", "AUX") and not src[0] <= view.idx[i] < src[1]
        for i in view.tokens_in(cue[1], cand.start)
    )


def _quotation_paragraphs(view: ParseView, target: Candidate, cand: Candidate) -> bool:
    """Whether the cue-less ``cand`` is a paragraph of quoted words alone, opened by the same
    marks as the last quotation of the direct quote ``target``, which ends the paragraph
    before ("“…,” Lund said. “…”" then "“…”"): the speaker goes on, and PolNeAR joins the
    paragraphs. A subheading in single marks ("'Totally on board.'") or a block in other
    marks is not the speaker's."""
    if target.kind is not QuoteKind.DIRECT or (
        target.cue is not None and target.cue[0] < target.start
    ):
        return False  # "The minister said: “…”" then "“…”": a statement apart
    text = view.text
    start, end = view.paragraph_bounds(cand.start)
    target_end = view.paragraph_bounds(target.end - 1)[1]
    opening = _opening_marks(text, cand.start)
    trail = " \t\u00a0.,!?" + CLOSING_MARKS
    return (
        view.paragraph_of(cand.start) == view.paragraph_of(target.end - 1) + 1
        and text[start : cand.start].strip() == opening
        and opening == _opening_marks(text, target.parts[-1][0])
        and text[cand.end : end].strip(trail) == ""
        and text[target.end : target_end].strip(trail) == ""
    )


def _opening_marks(text: str, at: int) -> str:
    """The quotation marks just before offset ``at`` (spaces between them skipped)."""
    i = at
    while i > 0 and text[i - 1] in " \t\u00a0\"“'‘«":
        i -= 1
    return text[i:at].strip()


def _attribution_follows(text: str, cand: Candidate) -> bool:
    """Whether the quotation ``cand`` opens with ends inside its marks on a comma or a dash
    ("“And while I am at it, I back Ames,” Lund said, “and …”", "“They are all here for
    the free rides,” Ines shot back."): an attribution of its own follows it, so a paragraph
    opening with it is not the previous paragraph's quote going on, whatever the parser
    made of that attribution."""
    end = cand.parts[0][1]
    return text[end - 1 : end] in (",", "—", "–") and text[end : end + 1] in CLOSING_MARKS


def _said_paragraph(text: str, target: Candidate) -> bool:
    """Whether ``target`` opens its paragraph with the quotation and has its cue after it
    ("“…,” Farage told the BBC."): the quotation paragraph that follows carries it on
    (PolNeAR joins the two; measured on two disjoint sets of 200 train articles).
    """
    if target.cue is None or target.parts[-1][0] >= target.cue[0]:
        return False
    line_start = text.rfind("\n", 0, target.start) + 1
    return text[line_start : target.start].strip(" \t\u00a0\"“'‘«") == ""


__all__ = ["CONFIDENCE", "MIN_SPEECH_WORDS", "find_candidates"]
