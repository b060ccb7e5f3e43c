"""Direct-quote boundaries, on the parse alone (no actors layer): a quotation paragraph that
carries on a "“…,” he said." paragraph joins it; the outermost attribution takes a quotation
that a nested cue also introduces; a subordinate clause after a quotation is not its cue."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.core import find_candidates
from communique.parse import ParseView


def _candidates(nlp: Any, text: str) -> list[tuple[str, str | None, list[str]]]:
    """(kind, cue, parts) of every candidate, as text; each part checked against offsets."""
    view = ParseView.build(nlp(text), text)
    out = []
    for cand in find_candidates(view):
        parts = [text[a:b] for a, b in cand.parts]
        cue = text[cand.cue[0] : cand.cue[1]] if cand.cue else None
        out.append((cand.kind.value, cue, parts))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "“The vote was fair,” commissioner Maria Duarte told reporters on Tuesday.\n\n"
        "“Every ballot was counted twice, and observers watched the count.”",
        "“We lost the whole crop,” said Joseph Mwangi, a maize farmer.\n\n"
        "“The rains came three weeks late. Nobody had seed left to plant again.”",
    ],
)
def test_quotation_paragraph_after_said_paragraph_joins_it(nlp: Any, text: str) -> None:
    cands = _candidates(nlp, text)
    assert len(cands) == 1
    kind, cue, parts = cands[0]
    assert kind == "direct" and cue is not None and len(parts) == 2
    assert "\n" in text[text.index(parts[0]) : text.index(parts[1])]


@pytest.mark.parametrize(
    "text",
    [
        # the first paragraph does not open with the quotation
        "Officials called the plan “a gamble that will fail,” the minister said.\n\n"
        "“Nobody in this building believes the numbers.”",
        # the cue comes before the quotation
        "The minister said on Monday: “The plan is a gamble that will fail.”\n\n"
        "“Nobody in this building believes the numbers.”",
    ],
)
def test_quotation_paragraph_after_other_paragraphs_stays_apart(nlp: Any, text: str) -> None:
    parts = [p for _, _, ps in _candidates(nlp, text) for p in ps]
    assert "Nobody in this building believes the numbers." in parts
    assert len(_candidates(nlp, text)) >= 2


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Senator Ruth Calloway criticised the governors on Friday, saying her party does "
            "not want “that kind of politics” in the capital.",
            "saying",
            "her party does not want “that kind of politics",
        ),
        (
            "Mayor Kenji Ito said the council believes “the budget cannot wait another year.”",
            "said",
            "the council believes “the budget cannot wait another year",
        ),
    ],
)
def test_outermost_attribution_takes_the_quotation(
    nlp: Any, text: str, cue: str, content: str
) -> None:
    cands = _candidates(nlp, text)
    hits = [c for c in cands if any(content in p for p in c[2])]
    assert hits and hits[0][0] == "mixed" and hits[0][1] == cue


@pytest.mark.parametrize("word", ["because", "when", "after"])
def test_subordinate_clause_after_quotation_is_not_its_cue(nlp: Any, word: str) -> None:
    text = (
        "The mayor bemoaned a climate in which neighbours “no longer speak to each other” "
        f"{word} they vote differently."
    )
    cues = [c[1] for c in _candidates(nlp, text)]
    assert "vote" not in cues


def test_short_clause_after_quotation_is_still_a_manner_cue(nlp: Any) -> None:
    assert _candidates(nlp, "“Get out of my office,” Novak snapped.") == [
        ("direct", "snapped", ["Get out of my office,"])
    ]
