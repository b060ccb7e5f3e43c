"""Speech cues with no prediction, round 11: a cue after its content that the parser made a
conjunct or an adverbial clause ("…, said the line's owner, Jo Marsh."), a content whose
fronted relative word the parse put before its own cue ("what several economists said
was a sign"), a complement clause set off by a comma that was read as a parenthetical on
"Ostrova said", and a verb of saying tagged as a noun — with the controls that keep
comparisons, second statements and headline nouns out."""

from __future__ import annotations

from typing import Any

import pytest

from quote_candidates import candidate_texts as _quotes


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            "The shipyard will stay open through the winter, its owner, Pieter Lind, told the"
            " Valley Courier.",
            "The shipyard will stay open through the winter",
            "told",
            "its owner, Pieter Lind",
        ),
        (
            "The ferry line is still running, but it is losing passengers to the new bridge,"
            " said the line's owner, Jo Marsh.",
            "The ferry line is still running, but it is losing passengers to the new bridge",
            "said",
            "the line's owner, Jo Marsh",
        ),
        (
            "The crew was freed within hours, in what several economists said was a sign of"
            " warmer relations.",
            "what was a sign of warmer relations",
            "said",
            "several economists",
        ),
        (
            "Ostrova said, if chosen, she would ask the council to delay the vote.",
            "if chosen, she would ask the council to delay the vote",
            "said",
            "Ostrova",
        ),
    ],
)
def test_round11_closing_frames(
    nlp: Any, text: str, content: str, cue: str, source: str | None
) -> None:
    assert (content, cue, source) in _quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "not_content"),
    [
        # a comparison after "than", not an attribution
        ("The deficit grew faster than the budget office had predicted.", "The deficit grew"),
        # "and" before the cue: a second statement, not a cue for the first clause
        ("The plant closed in May, and workers said nothing about it.", "The plant closed"),
        # "as expected": a comparison
        ("Fewer people signed up for the plan, as expected.", "Fewer people"),
    ],
)
def test_round11_controls(nlp: Any, text: str, not_content: str) -> None:
    assert all(not c.startswith(not_content) for c, _, _ in _quotes(nlp, text))


def test_a_complement_set_off_by_a_comma_is_not_an_aside_on_its_verb(nlp: Any) -> None:
    """ "Ostrova said, if chosen, she would ask …": "would ask" is what she said, not a
    cue whose content is "Ostrova said"."""
    found = _quotes(nlp, "Ostrova said, if chosen, she would ask the council to delay the vote.")
    assert all(not c.startswith("Ostrova said") for c, _, _ in found)


def test_own_cue_cut_leaves_other_contents_whole(nlp: Any) -> None:
    """A content that does not hold its own cue keeps its one part."""
    found = _quotes(nlp, "The inquiry said the documents were hidden for years.")
    assert ("the documents were hidden for years", "said", "The inquiry") in found


def _parsed(nlp: Any, noun_tag: str, words: list[str], lemma: str) -> Any:
    """ "Tolver claims he is worth $10 billion." as the small tagger sometimes reads it in
    running text: the verb tagged as a plural noun, still the root with a subject and a
    clause (built by hand, since the tagger reads this sentence alone correctly)."""
    from spacy.tokens import Doc

    return Doc(
        nlp.vocab,
        words=words,
        spaces=[True, True, True, True, True, False, True, False, False],
        pos=["PROPN", "NOUN", "PRON", "AUX", "ADJ", "SYM", "NUM", "NUM", "PUNCT"],
        tags=["NNP", noun_tag, "PRP", "VBZ", "JJ", "$", "CD", "CD", "."],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "quantmod", "compound", "pobj", "punct"],
        heads=[1, 1, 3, 1, 3, 7, 7, 4, 1],
        lemmas=[words[0], lemma, "he", "be", "worth", "$", "10", "billion", "."],
        sent_starts=[True] + [False] * 8,
    )


def test_a_verb_of_saying_tagged_as_a_noun_still_cues(nlp: Any) -> None:
    from communique.extractors.quotes.indirect import find_frames
    from communique.parse import ParseView

    words = ["Tolver", "claims", "he", "is", "worth", "$", "10", "billion", "."]
    view = ParseView.build(_parsed(nlp, "NNS", words, "claim"))
    found = [
        (view.text[f.cue[0] : f.cue[1]], [view.text[a:b] for a, b in f.content])
        for f in find_frames(view)
    ]
    assert ("claims", ["he is worth $10 billion"]) in found


def test_a_capitalised_noun_is_a_headline_word_not_a_cue(nlp: Any) -> None:
    """ "Tolver Claims He Is Worth …": a headline's capitalised noun stays a noun."""
    from communique.extractors.quotes.indirect import find_frames
    from communique.parse import ParseView

    words = ["Tolver", "Claims", "he", "is", "worth", "$", "10", "billion", "."]
    view = ParseView.build(_parsed(nlp, "NNS", words, "claim"))
    assert all(view.text[f.cue[0] : f.cue[1]] != "Claims" for f in find_frames(view))
