"""Direct quotes, round 14 (issue 14, session 11): a quotation led by a few words of the
speaker's own sentence right after their direct quote joins that quote; a mixed content
that stops at a fragment's closing mark runs on through the rest of its sentence when that
rest quotes more; a reported clause that the parse ran into the speaker's next act
("…,” adding, “…”") ends before that act's cue instead of being dropped; a quotation
that opens its line and runs unclosed to the line's end,
before a line that opens with a mark, is kept (it was dropped as a stray mark).

All sentences are invented. The second-act cut is tested on a frame and a candidate built by
hand: the small parser reads the invented sentences right, so the misparse it mends (the
participle hung inside the first clause) does not come up in a full run.
"""

from __future__ import annotations

from communique import extract
from communique.extractors.quotes.candidates import Candidate, Frame
from communique.extractors.quotes.marks import find_quotations
from communique.extractors.quotes.runs_on import _open_dash
from communique.extractors.quotes.second_acts import cut_before_acts
from communique.models import QuoteKind


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, content, cue) of every quote ``extract`` finds."""
    return [
        (q.kind.value, q.content.text, q.cue.text if q.cue else None) for q in extract(text).quotes
    ]


# -- a short lead before a cue-less quotation (leads.py) ------------------------------------

LED_BY_NAME = (
    "“We will not rush this,” said Ines Lund, who chairs the ferry board. Ames “got the "
    "numbers wrong. That happens to everybody.”"
)
LED_BY_BUT = (
    "“We will not rush this,” said Ines Lund, who chairs the ferry board. But “the fares "
    "will rise in the spring, whatever the council says.”"
)
NO_QUOTE_BEFORE = (
    "The report came out late on Monday. Ames “got the numbers wrong. That happens to everybody.”"
)
LONG_LEAD = (
    "“We will not rush this,” said Ines Lund. The harbour master of the old town “got the "
    "numbers wrong. That happens to everybody.”"
)


def test_a_quotation_led_by_a_name_joins_the_direct_quote_before_it() -> None:
    quotes = _quotes(LED_BY_NAME)
    assert len(quotes) == 1
    kind, content, cue = quotes[0]
    assert kind == "direct" and cue == "said"
    assert content.endswith("Ames “got the numbers wrong. That happens to everybody.”")


def test_a_quotation_led_by_a_conjunction_joins_the_direct_quote_before_it() -> None:
    quotes = _quotes(LED_BY_BUT)
    assert len(quotes) == 1
    assert quotes[0][1].endswith(
        "But “the fares will rise in the spring, whatever the council says.”"
    )


def test_a_led_quotation_with_no_direct_quote_before_it_stays_out() -> None:
    assert all("numbers wrong" not in content for _, content, _ in _quotes(NO_QUOTE_BEFORE))


def test_a_long_lead_is_the_writers_and_stays_out() -> None:
    quotes = _quotes(LONG_LEAD)
    assert [content for _, content, _ in quotes] == ["We will not rush this,"]


# -- a mixed content runs on through a sentence that quotes more (runs_on.py) ---------------

RUNS_ON_RELATIVE = (
    "Ines Lund alleged that the board “failed to keep proper records,” which led to “a costly "
    "delay” in the spring."
)
RUNS_ON_DASHES = (
    "Ines Lund said the harbour plan was “a real step forward” — one the town had “waited "
    "years for” — and would pass."
)
SECOND_ACT = (
    "Ines Lund said the board “failed to keep proper records,” and called the delay “a costly "
    "mistake.”"
)
MAIN_CLAUSE_AFTER = (
    "After saying the ferry was “far too slow,” she was “rushed to the harbour” by the staff."
)


def test_a_mixed_content_runs_on_through_a_relative_clause_that_quotes_more() -> None:
    quotes = _quotes(RUNS_ON_RELATIVE)
    assert len(quotes) == 1
    assert quotes[0][1] == (
        "that the board “failed to keep proper records,” which led to “a costly delay” in the "
        "spring"
    )


def test_a_mixed_content_runs_on_past_a_closed_dash_aside() -> None:
    quotes = _quotes(RUNS_ON_DASHES)
    assert len(quotes) == 1
    assert quotes[0][1].endswith("“waited years for” — and would pass")


def test_a_second_act_with_its_own_cue_is_not_run_into() -> None:
    contents = [content for _, content, _ in _quotes(SECOND_ACT)]
    assert "the board “failed to keep proper records,”" in contents
    assert not any("called" in c for c in contents)


def test_a_main_clause_that_governs_the_cue_is_not_run_into() -> None:
    contents = [content for _, content, _ in _quotes(MAIN_CLAUSE_AFTER)]
    assert contents == ["the ferry was “far too slow,”"]


def test_an_open_dash_is_the_writers_appositive() -> None:
    text = "was “a floating museum” — a nod to the slogan “ride the past” of old"
    start = text.index(" —")
    assert _open_dash(text, start, len(text))
    closed = "was “a real step” — one they had “waited for” — and would pass"
    assert not _open_dash(closed, closed.index(" —"), len(closed))


# -- a quotation that runs unclosed to its line's end (marks.py) ----------------------------

BLOCK = (
    "Read the statement below:\n\n"
    "“The board met late on Monday and agreed that the fares would rise in the spring\n"
    "“The vote was close,” Lund said.\n\nThat was all."
)
MID_LINE = (
    "Read the statement below:\n\n"
    "Lund spoke first. “The board met late on Monday and agreed that the fares would rise\n"
    "“The vote was close,” Lund said.\n\nThat was all."
)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for block in text.split("\n\n"):
        out.append((start, start + len(block)))
        start += len(block) + 2
    return out


def test_a_line_opening_with_a_mark_and_running_unclosed_is_a_quotation() -> None:
    found = [BLOCK[q.inner_start : q.inner_end] for q in find_quotations(BLOCK, _paragraphs(BLOCK))]
    assert found == [
        "The board met late on Monday and agreed that the fares would rise in the spring",
        "The vote was close,",
    ]


def test_a_stray_mark_after_the_writers_words_is_still_dropped() -> None:
    found = [
        MID_LINE[q.inner_start : q.inner_end]
        for q in find_quotations(MID_LINE, _paragraphs(MID_LINE))
    ]
    assert found == ["The vote was close,"]


# -- a reported clause ends before the next act of saying (second_acts.py) ------------------

ACT = "Ines Lund told the board that the plan “was never costed,” adding, “We found out late.”"
ACT_PLAIN = "Ines Lund told the board that the plan was never costed, adding, “We found out late.”"
ACT_AND = "Ines Lund told the board that the plan was never costed and adding “We found out late.”"


def _cut(text: str) -> str:
    """The 'told' frame's content after the cut, over a misparse built by hand: the clause
    of "told" runs to the end of the second quotation's first words."""
    told = text.index("told")
    start = text.index("the plan")
    adding = text.index("adding")
    frame = Frame(
        cue_token=2,
        cue=(told, told + 4),
        source=(0, 9),
        source_token=1,
        content=[(start, text.index("late"))],
    )
    opening = text.index("We found")
    second = Candidate(
        kind=QuoteKind.DIRECT,
        parts=[(opening, text.index("late.") + 5)],
        cue=(adding, adding + 6),
        source=None,
    )
    cut_before_acts(text, frame, [second])
    a, b = frame.content[-1]
    return text[a:b]


def test_a_clause_run_into_the_next_act_ends_with_its_fragment() -> None:
    assert _cut(ACT) == "the plan “was never costed,”"


def test_a_plain_clause_run_into_the_next_act_ends_before_the_comma() -> None:
    assert _cut(ACT_PLAIN) == "the plan was never costed"


def test_a_clause_joined_to_the_next_act_without_a_comma_is_left() -> None:
    start, end = ACT_AND.index("the plan"), ACT_AND.index("late")
    assert _cut(ACT_AND) == ACT_AND[start:end]
