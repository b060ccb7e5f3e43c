"""Direct quotes, round 11 (issue 14): a quote read off the attribution on the same cue as
the direct quote before it does not take the next cue-less quotation away from that quote;
and a paragraph opening with a quotation that ends on a comma inside its marks (an
attribution of its own follows) is not joined to the previous paragraph's quote.

The small parser does not always make the aside a quote of its own on invented sentences,
so the rule is tested on candidates built by hand over real parses (as round 8 did for
``_shares_cue``): a direct quote cued by the first "said", an indirect quote over the aside
on the same cue, and a cue-less quotation after them.
"""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.candidates import Candidate
from communique.extractors.quotes.core import (
    _attribution_follows,
    _carried_from,
    _link_continuations,
    _merge_continuations,
    _same_cue_tail,
)
from communique.extractors.quotes.marks import find_quotations
from communique.models import QuoteKind
from communique.parse import ParseView


def _built(
    nlp: Any, text: str, aside: str, tail_cue: str = "said"
) -> tuple[ParseView, list[Candidate]]:
    """Direct quote (first quotation, cued by the first "said", its subject as source), an
    indirect quote over ``aside`` cued by ``tail_cue``, and the last quotation with no cue."""
    view = ParseView.build(nlp(text), text)
    quotations = find_quotations(text, [(0, len(text))])
    first, last = quotations[0], quotations[-1]
    said = text.index("said")
    cue = (said, said + 4)
    name_end = said - 1
    name_start = first.end + 1
    quote = Candidate(
        QuoteKind.DIRECT, [(first.inner_start, first.inner_end)], cue, (name_start, name_end)
    )
    at = text.index(aside)
    tail_at = text.index(tail_cue)
    tail = Candidate(
        QuoteKind.INDIRECT,
        [(at, at + len(aside))],
        (tail_at, tail_at + len(tail_cue)),
        (name_start, name_end),
    )
    rest = Candidate(QuoteKind.DIRECT, [(last.inner_start, last.inner_end)], None, None)
    return view, [quote, tail, rest]


ON_SHOW = (
    "“We will publish the full accounts,” Marta Quill said during an interview on the "
    "“Evening Ledger” show on Sunday. “Thank goodness, the numbers are healthy.”"
)
OF_VOTE = (
    "“It is over,” Lena Varga said of the harbour vote, in which she was sure the Tidewater "
    "bill would pass. “In my view, anyway.”"
)
ADDING = (
    "“We must act on the river first,” Tomas Brandt said, adding that the permits can wait. "
    "“The rest can go to the autumn session.”"
)

GIVING = (
    "“We have to win back the coast,” said the authors of the “Harbour Renewal Plan,” "
    "giving the example of the ferry towns. “If they think we do not care, they will leave.”"
)


@pytest.mark.parametrize(
    ("text", "aside", "tail_cue", "expected"),
    [
        # a title in the attribution read as what was said, on the same cue
        (ON_SHOW, "Evening Ledger", "said", True),
        # a relative clause in the attribution read as what was said, on the same cue
        (OF_VOTE, "the Tidewater bill would pass", "said", True),
        # controls: a verb of its own introduces the aside — a second act
        (ADDING, "the permits can wait", "said", False),
        # the aside has a cue of its own
        (ADDING, "the permits can wait", "adding", False),
        # the parser took the participle into the aside: it opens with a verb
        (ADDING, "adding that the permits can wait", "said", False),
        # a verb after the aside, before the next quotation: a second act
        (GIVING, "Harbour Renewal Plan", "said", False),
    ],
)
def test_same_cue_tail(nlp: Any, text: str, aside: str, tail_cue: str, expected: bool) -> None:
    view, (quote, tail, rest) = _built(nlp, text, aside, tail_cue)
    assert _same_cue_tail(view, quote, tail, rest.start) is expected


def test_same_cue_tail_needs_the_cue_after_the_quotation(nlp: Any) -> None:
    text = "Marta Quill said “we will publish the accounts” on the “Evening Ledger” show."
    view = ParseView.build(nlp(text), text)
    first = find_quotations(text, [(0, len(text))])[0]
    said = text.index("said")
    quote = Candidate(
        QuoteKind.DIRECT, [(first.inner_start, first.inner_end)], (said, said + 4), None
    )
    at = text.index("Evening Ledger")
    tail = Candidate(QuoteKind.INDIRECT, [(at, at + 14)], (said, said + 4), None)
    assert _same_cue_tail(view, quote, tail, len(text)) is False


@pytest.mark.parametrize(
    ("text", "aside"), [(ON_SHOW, "Evening Ledger"), (OF_VOTE, "the Tidewater bill would pass")]
)
def test_quotation_after_same_cue_aside_carries_on_the_quote(
    nlp: Any, text: str, aside: str
) -> None:
    view, cands = _built(nlp, text, aside)
    assert _carried_from(view, cands, 2) == 0
    _link_continuations(view, cands, {})
    kept = _merge_continuations(view, cands)
    contents = [[text[a:b] for a, b in c.parts] for c in kept]
    first, last = (
        find_quotations(text, [(0, len(text))])[0],
        find_quotations(text, [(0, len(text))])[-1],
    )
    assert contents[0] == [
        text[first.inner_start : first.inner_end],
        text[last.inner_start : last.inner_end],
    ]
    assert contents[1] == [aside]


def test_quotation_after_second_act_stays_with_the_act(nlp: Any) -> None:
    view, cands = _built(nlp, ADDING, "the permits can wait", "said")
    assert _carried_from(view, cands, 2) == 1


def _continuation(text: str) -> Candidate:
    """A cue-less direct candidate over the last quotation of ``text``."""
    last = find_quotations(text, [(0, len(text))])[-1]
    return Candidate(QuoteKind.DIRECT, [(last.inner_start, last.inner_end)], None, None)


@pytest.mark.parametrize(
    ("text", "follows"),
    [
        # a comma or a dash inside the closing mark: an attribution of its own comes next
        ("“It is late,” Abara said.\n\n“They are all here for the boats,” Lund shot back.", True),
        ("“It is late,” Abara said.\n\n“And while I am at it —” Lund began.", True),
        # controls: a full stop, or a comma outside the marks (a phrase quoted in a list)
        ("“It is late,” Abara said.\n\n“They will need new boats before spring.”", False),
        (
            "“It is late,” Abara said.\n\nHer themes were “boats”, “crews”, “ports”, in order.",
            False,
        ),
    ],
)
def test_attribution_follows(text: str, follows: bool) -> None:
    assert _attribution_follows(text, _continuation(text)) is follows
