"""Negation by holding back (issue 14: negated and refused statements are marked): a report
whose act the subject stopped short of, refrained from or avoided is ``negated``; the same
verbs of saying elsewhere are not."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.core import find_candidates
from communique.parse import ParseView


def _negated(nlp: Any, text: str) -> dict[str, bool]:
    view = ParseView.build(nlp(text), text)
    return {" ".join(text[a:b] for a, b in c.parts): c.negated for c in find_candidates(view)}


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Governor Alma Reyes praised the inspectors but stopped short of calling for the "
            "port director to resign.",
            "the port director to resign",
        ),
        ("The union fell short of endorsing the merger plan.", "the merger plan"),
        ("The minister refrained from criticising the court ruling.", "the court ruling"),
        (
            "Mayor Ida Voss avoided saying whether the port would close.",
            "whether the port would close",
        ),
    ],
)
def test_a_held_back_report_is_negated(nlp: Any, text: str, content: str) -> None:
    assert _negated(nlp, text)[content] is True


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the first act of the same sentence was performed
        (
            "Governor Alma Reyes praised the inspectors but stopped short of calling for the "
            "port director to resign.",
            "the inspectors",
        ),
        # "from" and a gerund after another verb: the act took place
        (
            "The minister fell from the stage after criticising the court ruling.",
            "the court ruling",
        ),
        ("Mayor Ida Voss said the port would close.", "the port would close"),
    ],
)
def test_a_performed_report_is_not_negated(nlp: Any, text: str, content: str) -> None:
    assert _negated(nlp, text)[content] is False
