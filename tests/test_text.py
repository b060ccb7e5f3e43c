"""Paragraph spans and chunk boundaries."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.text import MAX_RUN, chunk_bounds, paragraph_spans


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n\"“”'"), max_size=400), st.integers(1, 60))
def test_chunks_cover_the_text_exactly(text: str, limit: int) -> None:
    bounds = chunk_bounds(text, limit, max_run=7)
    assert "".join(text[s:e] for s, e in bounds) == text
    assert all(e - s <= limit for s, e in bounds)
    assert all(b[1] == c[0] for b, c in itertools.pairwise(bounds))


def test_chunks_prefer_line_then_sentence_breaks() -> None:
    text = "First paragraph here.\nSecond one is here. And more words follow on."
    bounds = chunk_bounds(text, 30)
    assert text[bounds[0][0] : bounds[0][1]] == "First paragraph here.\n"
    assert chunk_bounds("", 10) == [(0, 0)]


def test_long_runs_without_spaces_are_cut() -> None:
    text = "He said " + '"' * (3 * MAX_RUN + 5) + " end"
    bounds = chunk_bounds(text, 10_000)
    assert max(e - s for s, e in bounds) <= MAX_RUN + 8
    assert "".join(text[s:e] for s, e in bounds) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n\r\t"), max_size=80))
def test_paragraphs_are_trimmed_slices(text: str) -> None:
    for span in paragraph_spans(text):
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip() and span.text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["a" * 120, "b b.", "C c", "\n", "\n\n", "\r\n", " "]), max_size=12)
)
def test_unwrapped_blocks_stay_trimmed_slices(pieces: list[str]) -> None:
    text = "".join(pieces)
    for span in paragraph_spans(text):
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip()


def test_heading_inside_a_block_of_long_lines_is_a_paragraph() -> None:
    """A text that separates a title by a blank line but its paragraphs by one line break:
    a heading line between long paragraphs is a paragraph of its own."""
    body = "The council met on Monday and spoke for hours about the harbour and its cranes."
    text = f"Title\n\n{body} {body}\nA SHORT HEADING\nThe mayor said the port would reopen."
    assert [p.text for p in paragraph_spans(text)] == [
        "Title",
        f"{body} {body}",
        "A SHORT HEADING",
        "The mayor said the port would reopen.",
    ]


def test_hard_wrapped_blocks_and_stray_breaks_stay_whole() -> None:
    """Lines of a wrapped paragraph are one paragraph; in a block of long lines, a break
    before a lower-case word is a stray break inside a sentence."""
    wrapped = "The council met on Monday\nand spoke about the harbour.\n\nNext paragraph."
    assert [p.text for p in paragraph_spans(wrapped)] == [
        "The council met on Monday\nand spoke about the harbour.",
        "Next paragraph.",
    ]
    long_line = (
        "The council met on Monday and spoke for hours about the harbour, its cranes, its"
        " ferries, its quays and"
    )
    stray = f"Title\n\n{long_line} a hate\ncrime that shook the town."
    assert [p.text for p in paragraph_spans(stray)][
        1
    ] == f"{long_line} a hate\ncrime that shook the town."
