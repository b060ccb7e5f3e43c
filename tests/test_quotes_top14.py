"""Session 11: the lines above an article's body that read as headings — a section label,
the headline, a deck, a time line — give no quotes, however many there are."""

from __future__ import annotations

from typing import Any

from communique.parse import ParseView

BODY = (
    "Patients who walked every day after surgery went home sooner, according to a study"
    " published on Tuesday."
)


def _contents(nlp: Any, text: str) -> list[str]:
    from communique.extractors.quotes.core import find_candidates

    view = ParseView.build(nlp(text), text)
    return [text[c.parts[0][0] : c.parts[-1][1]] for c in find_candidates(view)]


def test_headline_and_deck_under_a_section_label_give_no_quotes(nlp: Any) -> None:
    text = (
        "HEALTH\n\nDaily walks cut hospital stays by a third, study finds\n\n"
        "Doctors say the findings need a larger trial\n\n"
        "Published 4:05 p.m. March 3 | Updated 6:12 p.m.\n\n" + BODY
    )
    assert _contents(nlp, text) == ["Patients who walked every day after surgery went home sooner"]


def test_a_body_sentence_without_full_stop_after_prose_is_not_top_matter(nlp: Any) -> None:
    """Only the lines before the first paragraph of prose are headings."""
    text = "Daily walks help, study finds\n\n" + BODY + "\n\nDoctors say more trials are needed"
    assert _contents(nlp, text)[-1] == "more trials are needed"
