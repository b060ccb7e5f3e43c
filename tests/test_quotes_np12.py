"""Content extents, round 12 (noun-phrase objects that stop too early): an object content
runs on over the other side of a comparison ("backed X rather *than* Y", "compared X *to
Y*"), over a second object that the parser hung on the verb instead of on the first object
("made references to her record *and her support for the ferry bill*") and over an
infinitive the object owns ("proposed $2 billion in loans *to help towns …*"); a content that
opens a list of names is not cut as one name with an aside. A second verb the tagger read
as a noun, a conjunct of a completing phrase, a closing comma clause on the second object
and the actor's purpose after another noun stay out."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from communique.extractors.quotes.clauses import completion
from communique.parse import ParseView


def _contents(nlp: Any, text: str) -> list[str]:
    from communique.extractors.quotes.core import find_candidates

    view = ParseView.build(nlp(text), text)
    return [text[c.parts[0][0] : c.parts[-1][1]] for c in find_candidates(view)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The union backed Ivo Marek rather than his rival.",
            "Ivo Marek rather than his rival",
        ),
        (
            "The mayor would rather praise Ada Lund than Tomas Grell.",
            "Ada Lund than Tomas Grell",
        ),
        (
            "Ada Lund praised the mayor, comparing him favorably to the governor.",
            "him favorably to the governor",
        ),
    ],
)
def test_comparison_completes_the_object(nlp: Any, text: str, content: str) -> None:
    """ "than", and "to" after a verb of comparing, give the other side of the comparison:
    without it the object says the opposite of what was reported, or nothing."""
    assert content in _contents(nlp, text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Lia Berg made veiled references to the mayor's voting record and his support"
            " for the ferry bill.",
            "the mayor's voting record and his support for the ferry bill",
        ),
        (
            "Ivo Marek made pointed references to the council's spending record and its"
            " support for the toll bridge.",
            "the council's spending record and its support for the toll bridge",
        ),
    ],
)
def test_second_object_hung_on_the_verb(nlp: Any, text: str, content: str) -> None:
    """The parser hangs the second conjunct on the verb; the content takes both objects."""
    assert content in _contents(nlp, text)


def _doc(nlp: Any, rows: list[tuple[str, int, str, str]]) -> Any:
    """A parse written out by hand (word, head, dep, tag), to pin the parser's misreading."""
    words, heads, deps, tags = (list(col) for col in zip(*rows, strict=True))
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_second_object_guards(nlp: Any) -> None:
    """The second conjunct is taken when it is a noun phrase joined by "and"; its closing
    ", declaring …" clause is the writer's; a bare noun-tagged verb ("and praises") and a
    conjunct that hangs off a completing phrase ("for the past decade and a half") are not
    a second object."""
    doc = _doc(
        nlp,
        [
            ("She", 1, "nsubj", "PRP"),
            ("condemned", 1, "ROOT", "VBD"),
            ("the", 3, "det", "DT"),
            ("plan", 1, "dobj", "NN"),
            ("and", 3, "cc", "CC"),
            ("its", 6, "poss", "PRP$"),
            ("author", 1, "conj", "NN"),
            (",", 8, "punct", ","),
            ("declaring", 6, "advcl", "VBG"),
            ("it", 8, "dobj", "PRP"),
            ("void", 8, "oprd", "JJ"),
            (".", 1, "punct", "."),
        ],
    )
    assert completion(doc[1], doc[3], 4) == 6
    doc = _doc(
        nlp,
        [
            ("She", 1, "nsubj", "PRP"),
            ("condemned", 1, "ROOT", "VBD"),
            ("the", 3, "det", "DT"),
            ("plan", 1, "dobj", "NN"),
            ("and", 1, "cc", "CC"),
            ("praises", 1, "conj", "NNS"),
            ("Ada", 5, "dobj", "NNP"),
            (".", 1, "punct", "."),
        ],
    )
    assert completion(doc[1], doc[3], 3) == 3
    doc = _doc(
        nlp,
        [
            ("She", 1, "nsubj", "PRP"),
            ("blamed", 1, "ROOT", "VBD"),
            ("Ada", 1, "dobj", "NNP"),
            ("for", 1, "prep", "IN"),
            ("the", 5, "det", "DT"),
            ("decade", 3, "pobj", "NN"),
            ("and", 1, "cc", "CC"),
            ("a", 8, "det", "DT"),
            ("half", 1, "conj", "NN"),
            (".", 1, "punct", "."),
        ],
    )
    assert completion(doc[1], doc[2], 2) == 5


def test_list_of_names_is_not_an_aside(nlp: Any) -> None:
    """A content that opens a list of names keeps the list ("ridiculed Ivo Marek, Ada Lund,
    and Tomas Grell for …"): the parser's apposition there is the second item; a single
    name's closing apposition is still the writer's aside."""
    from communique.extractors.quotes.boundaries import name_end

    text = "She attacked Gov. Ivo Marek, Sen. Ada Lund, and Rep. Tomas Grell over the toll."
    assert "Gov. Ivo Marek, Sen. Ada Lund, and Rep. Tomas Grell over the toll" in _contents(
        nlp, text
    )
    rows = [
        ("Ivo", 1, "compound", "NNP"),
        ("Marek", 1, "ROOT", "NNP"),
        (",", 1, "punct", ","),
        ("Ada", 4, "compound", "NNP"),
        ("Lund", 1, "appos", "NNP"),
        (",", 4, "punct", ","),
        ("and", 4, "cc", "CC"),
        ("Tomas", 8, "compound", "NNP"),
        ("Grell", 4, "conj", "NNP"),
    ]
    doc = _doc(nlp, rows)
    for tok in doc:
        tok.pos_ = "PUNCT" if tok.tag_ == "," else ("CCONJ" if tok.tag_ == "CC" else "PROPN")
    view = ParseView.build(doc, doc.text)
    assert name_end(view, 0, len(doc.text)) == len(doc.text)
    doc = _doc(
        nlp,
        [
            ("Ivo", 1, "compound", "NNP"),
            ("Marek", 1, "ROOT", "NNP"),
            (",", 1, "punct", ","),
            ("the", 5, "det", "DT"),
            ("harbour", 5, "compound", "NN"),
            ("master", 1, "appos", "NN"),
        ],
    )
    doc[1].pos_ = "PROPN"
    view = ParseView.build(doc, doc.text)
    assert doc.text[: name_end(view, 0, len(doc.text))] == "Ivo Marek"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The governor proposed nearly $2 billion in loans to help towns rebuild their"
            " ferry piers.",
            "nearly $2 billion in loans to help towns rebuild their ferry piers",
        ),
        (
            "The council calls for $40 million in new spending to repair the bridges and"
            " widen the roads.",
            "$40 million in new spending to repair the bridges and widen the roads",
        ),
    ],
)
def test_infinitive_of_a_sum(nlp: Any, text: str, content: str) -> None:
    """What a sum is for belongs to the sum, though the parser hangs it on the verb."""
    assert content in _contents(nlp, text)


def _infinitive_doc(nlp: Any, noun: str, tag: str, verb: str) -> Any:
    """ "She decried the NOUN to VERB it": the infinitive hung on the cue verb."""
    return _doc(
        nlp,
        [
            ("She", 1, "nsubj", "PRP"),
            ("decried", 1, "ROOT", "VBD"),
            ("the", 3, "det", "DT"),
            (noun, 1, "dobj", tag),
            ("to", 5, "aux", "TO"),
            (verb, 1, "advcl", "VB"),
            ("it", 5, "dobj", "PRP"),
            (".", 1, "punct", "."),
        ],
    )


def test_infinitive_the_object_owns(nlp: Any) -> None:
    """A noun of demanding or intending owns the infinitive after it ("decried the calls to
    ban it"); after another noun the infinitive is the actor's purpose ("cited the floods
    to make a point") and stays out."""
    doc = _infinitive_doc(nlp, "calls", "NNS", "ban")
    doc[3].lemma_ = "call"
    assert completion(doc[1], doc[3], 3) == 6
    doc = _infinitive_doc(nlp, "floods", "NNS", "stress")
    doc[3].lemma_ = "flood"
    assert completion(doc[1], doc[3], 3) == 3


def test_second_object_after_as_well_as(nlp: Any) -> None:
    """ "as well as" and "rather than" coordinate a second object as "and" does."""
    doc = _doc(
        nlp,
        [
            ("She", 1, "nsubj", "PRP"),
            ("opposed", 1, "ROOT", "VBD"),
            ("the", 3, "det", "DT"),
            ("toll", 1, "dobj", "NN"),
            ("as", 5, "advmod", "RB"),
            ("well", 6, "advmod", "RB"),
            ("as", 3, "cc", "IN"),
            ("the", 8, "det", "DT"),
            ("fares", 1, "conj", "NNS"),
            (".", 1, "punct", "."),
        ],
    )
    assert completion(doc[1], doc[3], 6) == 8
