"""Hand-written cases for the quote core (no actors needed): one behaviour per case.

Every sentence here was written for these tests in the style of wire copy; none is taken
from PolNeAR or any other corpus. Cases run on :func:`find_candidates` with the session's
spaCy model, so they check character offsets, kinds, cues and sources directly.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import pytest

from communique.extractors.quotes.candidates import Candidate
from communique.extractors.quotes.core import find_candidates
from communique.extractors.quotes.lexicon import BUILTIN_VERBS, ReportingVerbs
from communique.extractors.quotes.marks import find_quotations
from communique.knowledge.verbs import VerbClass, builtin_lexicon
from communique.models import QuoteKind, Span
from communique.parse import ParseView
from communique.text import paragraph_spans

D, IND, M = QuoteKind.DIRECT, QuoteKind.INDIRECT, QuoteKind.MIXED


@dataclass(frozen=True)
class Found:
    kind: QuoteKind
    content: str
    parts: tuple[str, ...]
    cue: str | None
    source: str | None
    continues: bool
    candidate: Candidate


def run(nlp: Any, text: str) -> list[Found]:
    out = []
    for c in find_candidates(ParseView.build(nlp(text), text, paragraph_spans(text))):
        out.append(
            Found(
                kind=c.kind,
                content=text[c.start : c.end],
                parts=tuple(text[a:b] for a, b in c.parts),
                cue=text[c.cue[0] : c.cue[1]] if c.cue else None,
                source=text[c.source[0] : c.source[1]] if c.source else None,
                continues=c.continues is not None,
                candidate=c,
            )
        )
    return out


def only(found: list[Found], containing: str) -> Found:
    hits = [f for f in found if containing in f.content]
    assert len(hits) == 1, f"expected one quote containing {containing!r}, got {found}"
    return hits[0]


# (id, text, content snippet, kind, cue, source (substring) or None)
CASES = [
    # -- direct quotes, every kind of mark -------------------------------------------------
    (
        "curly-after",
        "“We will keep talking until there is a deal,” Kerry said on Friday.",
        "We will keep talking until there is a deal",
        D,
        "said",
        "Kerry",
    ),
    (
        "straight-after",
        '"The convoy reached the city before dawn," the spokesman said.',
        "The convoy reached the city before dawn",
        D,
        "said",
        "the spokesman",
    ),
    (
        "colon-before",
        "Lavrov told reporters: “Nobody wants this war to go on.”",
        "Nobody wants this war to go on",
        D,
        "told",
        "Lavrov",
    ),
    (
        "comma-before",
        "The minister said, “Our patience has limits.”",
        "Our patience has limits",
        D,
        "said",
        "The minister",
    ),
    (
        "guillemets",
        "«We are not leaving the negotiating table,» the envoy said.",
        "We are not leaving the negotiating table",
        D,
        "said",
        "the envoy",
    ),
    (
        "low-high-german",
        "„The ceasefire must hold everywhere“, the foreign minister said.",
        "The ceasefire must hold everywhere",
        D,
        "said",
        "the foreign minister",
    ),
    (
        "single-primary",
        "‘We are ready to sign tomorrow,’ the rebel commander said.",
        "We are ready to sign tomorrow",
        D,
        "said",
        "the rebel commander",
    ),
    (
        "double-apostrophe",
        "''The talks were useful but hard,'' the mediator said.",
        "The talks were useful but hard",
        D,
        "said",
        "the mediator",
    ),
    (
        "inverted",
        "“This is an example others will follow,” said Lavrov.",
        "This is an example others will follow",
        D,
        "said",
        "Lavrov",
    ),
    (
        "pronoun",
        "“We still have minor issues to finalize,” he said.",
        "We still have minor issues to finalize",
        D,
        "said",
        "he",
    ),
    (
        "question",
        "“Why should we trust them now?” the senator asked.",
        "Why should we trust them now?",
        D,
        "asked",
        "the senator",
    ),
    (
        "rare-verb",
        "“The plan is dead on arrival,” the governor scoffed.",
        "The plan is dead on arrival",
        D,
        "scoffed",
        "the governor",
    ),
    (
        "multi-sentence",
        "“The shelling stopped at noon. Then it began again. We counted forty "
        "blasts,” a resident said.",
        "We counted forty blasts",
        D,
        "said",
        "a resident",
    ),
    (
        "told-reporters",
        "“There will be no extension,” the ambassador told reporters in Vienna.",
        "There will be no extension",
        D,
        "told",
        "the ambassador",
    ),
    (
        "nested-single",
        "“He told me ‘never again,’ and I believed him,” the widow said.",
        "He told me ‘never again,’ and I believed him",
        D,
        "said",
        "the widow",
    ),
    (
        "apostrophes-inside",
        "“We don’t accept Assad’s terms, not in the ’90s and not now,” the opposition leader said.",
        "We don’t accept Assad’s terms",
        D,
        "said",
        "the opposition leader",
    ),
    (
        "statement",
        "“Our forces acted in self-defence,” the ministry said in a statement.",
        "Our forces acted in self-defence",
        D,
        "said",
        "the ministry",
    ),
    (
        "titled-source",
        "“No country can solve this alone,” said Maria Lopez, a senior adviser "
        "to the secretary-general.",
        "No country can solve this alone",
        D,
        "said",
        "Maria Lopez",
    ),
    # -- indirect quotes: reporting verbs of the lexicon -----------------------------------
    (
        "say-that",
        "The foreign minister said that the talks would resume next week.",
        "the talks would resume next week",
        IND,
        "said",
        "The foreign minister",
    ),
    (
        "say-bare",
        "Kerry said experts would meet again in Geneva on Monday.",
        "experts would meet again in Geneva on Monday",
        IND,
        "said",
        "Kerry",
    ),
    (
        "tell",
        "The general told lawmakers that the troops would stay through the winter.",
        "the troops would stay through the winter",
        IND,
        "told",
        "The general",
    ),
    (
        "stress",
        "Lavrov stressed that any deal had to include the northern provinces.",
        "any deal had to include the northern provinces",
        IND,
        "stressed",
        "Lavrov",
    ),
    (
        "claim",
        "The militia claimed it had captured two villages overnight.",
        "it had captured two villages overnight",
        IND,
        "claimed",
        "The militia",
    ),
    (
        "insist",
        "Officials insisted that the election would go ahead as planned.",
        "the election would go ahead as planned",
        IND,
        "insisted",
        "Officials",
    ),
    (
        "warn",
        "The agency warned that food supplies would run out within days.",
        "food supplies would run out within days",
        IND,
        "warned",
        "The agency",
    ),
    (
        "deny",
        "The ministry denied that its aircraft had struck the market.",
        "its aircraft had struck the market",
        IND,
        "denied",
        "The ministry",
    ),
    (
        "announce",
        "The president announced that the border would reopen on Thursday.",
        "the border would reopen on Thursday",
        IND,
        "announced",
        "The president",
    ),
    (
        "argue",
        "Critics argued that the sanctions had hurt only ordinary families.",
        "the sanctions had hurt only ordinary families",
        IND,
        "argued",
        "Critics",
    ),
    (
        "acknowledge",
        "The envoy acknowledged that progress had been slower than hoped.",
        "progress had been slower than hoped",
        IND,
        "acknowledged",
        "The envoy",
    ),
    (
        "concede",
        "The mayor conceded that the evacuation had started too late.",
        "the evacuation had started too late",
        IND,
        "conceded",
        "The mayor",
    ),
    (
        "reiterate",
        "Beijing reiterated that it opposed any foreign interference.",
        "it opposed any foreign interference",
        IND,
        "reiterated",
        "Beijing",
    ),
    (
        "lament",
        "The aid workers lamented that convoys were still being turned back.",
        "convoys were still being turned back",
        IND,
        "lamented",
        "The aid workers",
    ),
    (
        "predict",
        "Analysts predicted the currency would fall further next month.",
        "the currency would fall further next month",
        IND,
        "predicted",
        "Analysts",
    ),
    (
        "add-participle",
        "The minister spoke for an hour, adding that more talks were needed.",
        "more talks were needed",
        IND,
        "adding",
        "The minister",
    ),
    (
        "final-officials",
        "The convoy was allowed through the checkpoint late on Tuesday, officials said.",
        "The convoy was allowed through the checkpoint late on Tuesday",
        IND,
        "said",
        "officials",
    ),
    (
        "final-inverted-he",
        "The negotiations will continue in Geneva next week, he said.",
        "The negotiations will continue in Geneva next week",
        IND,
        "said",
        "he",
    ),
    (
        "final-has-learned",
        "The minister was taken to hospital after the blast, the Post has learned.",
        "The minister was taken to hospital after the blast",
        IND,
        "has learned",
        "the Post",
    ),
    (
        "final-reported",
        "Officials are considering a second evacuation route, Reuters reported on Tuesday.",
        "Officials are considering a second evacuation route",
        IND,
        "reported",
        "Reuters",
    ),
    (
        "according-to-start",
        "According to the monitoring group, at least 40 people were killed.",
        "at least 40 people were killed",
        IND,
        "According to",
        "the monitoring group",
    ),
    (
        "according-to-end",
        "The airport was closed for six hours, according to local media.",
        "The airport was closed for six hours",
        IND,
        "according to",
        "local media",
    ),
    (
        "said-in-statement",
        "The company said in a statement that it would cut 300 jobs.",
        "it would cut 300 jobs",
        IND,
        "said",
        "The company",
    ),
    (
        "nominal-statement",
        "Kerry's statement that the truce would hold surprised diplomats.",
        "the truce would hold",
        IND,
        "statement",
        "Kerry",
    ),
    (
        "nominal-claim",
        "The rebels' claim that the bridge had fallen was soon disproved.",
        "the bridge had fallen",
        IND,
        "claim",
        "the rebels",
    ),
    (
        "intention",
        "Russia vowed to continue the air strikes until the city is secured.",
        "to continue the air strikes",
        IND,
        "vowed",
        "Russia",
    ),
    (
        "call-for",
        "The United Nations called for a 48-hour pause in the fighting.",
        "a 48-hour pause in the fighting",
        IND,
        "called for",
        "The United Nations",
    ),
    (
        "anonymous",
        "A senior US official said the strike had been approved in advance.",
        "the strike had been approved in advance",
        IND,
        "said",
        "A senior US official",
    ),
    (
        "sources",
        "The envoy will resign before the summit, sources said.",
        "The envoy will resign before the summit",
        IND,
        "said",
        "sources",
    ),
    (
        "parenthetical-mid",
        "The talks, the envoy said, would resume in Vienna next month.",
        "would resume in Vienna next month",
        IND,
        "said",
        "the envoy",
    ),
    (
        "object-completed",
        "The senator accused the agency of hiding the report from Congress.",
        "the agency of hiding the report from Congress",
        IND,
        "accused",
        "The senator",
    ),
    (
        "coordinated-that",
        "The minister said that prices would rise, but that wages would follow within a year.",
        "prices would rise, but that wages would follow",
        IND,
        "said",
        "The minister",
    ),
    (
        "manner-verb",
        "“Not a chance, not this year,” the candidate barked.",
        "Not a chance, not this year",
        D,
        "barked",
        "the candidate",
    ),
    (
        "reversed-opening-mark",
        "”We will rebuild the bridge by spring,” the mayor said.",
        "We will rebuild the bridge by spring",
        D,
        "said",
        "the mayor",
    ),
    (
        "quote-right-after-cue",
        "Asked about a third term, he said “no” and left the room.",
        "no",
        D,
        "said",
        "he",
    ),
    # -- mixed: a quoted fragment inside a reported clause ---------------------------------
    (
        "scare-label-stays-indirect",
        "Lavrov stressed that no deal was possible without "
        "separating the “opposition” from terrorists.",
        "no deal was possible without separating",
        IND,
        "stressed",
        "Lavrov",
    ),
    (
        "mixed-two-fragments",
        "The minister said the rebels had been “routed” and were “fleeing in panic.”",
        "the rebels had been “routed”",
        M,
        "said",
        "The minister",
    ),
    (
        "mixed-fragment",
        "The spokeswoman said the company was “deeply proud” of its record.",
        "the company was “deeply proud” of its record",
        M,
        "said",
        "The spokeswoman",
    ),
    (
        "mixed-called",
        "The opposition leader called the vote “a farce staged for television.”",
        "a farce staged for television",
        M,
        "called",
        "The opposition leader",
    ),
]


@pytest.mark.parametrize(
    ("text", "snippet", "kind", "cue", "source"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_case(
    nlp: Any, text: str, snippet: str, kind: QuoteKind, cue: str, source: str | None
) -> None:
    found = only(run(nlp, text), snippet)
    assert found.kind is kind
    assert found.cue is not None and cue.lower() in found.cue.lower()
    if source is None:
        assert found.source is None
    else:
        assert found.source is not None and source.lower() in found.source.lower()
    # content excludes the cue and the source
    c = found.candidate
    assert c.cue is not None and not (c.start < c.cue[0] < c.end and len(c.parts) == 1)
    if c.source is not None and len(c.parts) == 1:
        assert c.source[1] <= c.start or c.source[0] >= c.end


# -- cases that need more than one assertion --------------------------------------------


def test_complementizer_is_split_off_in_the_core(nlp: Any) -> None:
    text = "The minister said that the border would stay closed."
    found = only(run(nlp, text), "border")
    assert found.content == "the border would stay closed"
    comp = found.candidate.complementizer
    assert comp is not None and text[comp[0] : comp[1]] == "that"


def test_quote_content_keeps_the_complementizer_as_polnear_does(pipeline: Any) -> None:
    text = "The minister said that the border would stay closed."
    (quote,) = pipeline.extract(text).quotes
    assert quote.content.text == "that the border would stay closed"
    assert quote.complementizer is not None and quote.complementizer.text == "that"
    assert quote.complementizer.start == quote.content.start


def test_split_quote_has_parts(nlp: Any) -> None:
    text = "“We are close,” Kerry said, “but we are not there yet.”"
    found = only(run(nlp, text), "We are close")
    assert found.kind is D
    assert found.parts == ("We are close,", "but we are not there yet.")
    assert found.cue == "said" and found.source == "Kerry"


def test_split_quote_across_sentences_is_one_quote(nlp: Any) -> None:
    # a cue-less continuation in the same paragraph is a further part of the quote
    text = "“We are close,” Kerry said. “But we are not there yet, and nobody should pretend.”"
    found = only(run(nlp, text), "We are close")
    assert found.cue == "said" and found.source == "Kerry" and not found.continues
    assert found.parts == ("We are close,", "But we are not there yet, and nobody should pretend.")


def test_cueless_quote_continues_previous_paragraph(nlp: Any) -> None:
    text = (
        "Lavrov said the two sides had agreed on the main points.\n"
        "“But we will not rush into an agreement that fails the Syrian people.”"
    )
    found = only(run(nlp, text), "rush into")
    assert found.kind is D and found.continues and found.source == "Lavrov"


def test_cueless_quote_far_away_does_not_inherit(nlp: Any) -> None:
    text = (
        "Lavrov said the talks had gone well.\n\nThe city was quiet.\n\n"
        "The market reopened.\n\n“Nobody knows what will happen next in this war.”"
    )
    found = only(run(nlp, text), "Nobody knows")
    assert not found.continues and found.source is None


def test_multi_paragraph_quote(nlp: Any) -> None:
    text = (
        "The commander described the night.\n\n"
        "“We heard the first explosion at two in the morning,” he said. “Then the lights "
        "went out and the shooting started.\n\n"
        "“By dawn the checkpoint had changed hands twice.”\n\n"
        "The army did not comment."
    )
    found = run(nlp, text)
    q = only(found, "lights went out")
    assert "By dawn the checkpoint had changed hands twice" in q.content
    assert "did not comment" not in q.content


def test_cue_closing_previous_paragraph(nlp: Any) -> None:
    text = "The speaker added:\n\n“There is no place for this in our campaign.”"
    found = only(run(nlp, text), "no place for this")
    assert found.kind is D and found.cue == "added"


def test_transcript_colon(nlp: Any) -> None:
    text = "KERRY: We are not going to rush to an agreement that does not hold."
    found = only(run(nlp, text), "rush to an agreement")
    assert found.source == "KERRY" and found.cue == ":"


def test_scare_quotes_and_titles_are_not_direct(nlp: Any) -> None:
    text = (
        "Later that evening he appeared on “Meet the Press” to defend the plan. "
        "It was not so much a “truce” as mutual exhaustion."
    )
    assert all(f.kind is not D for f in run(nlp, text))


def test_called_them_terrorists_is_not_direct(nlp: Any) -> None:
    text = "The government has repeatedly called the protesters “terrorists” on state television."
    assert all(f.kind is not D for f in run(nlp, text))


def test_no_nested_attribution(nlp: Any) -> None:
    text = "Kerry said Lavrov had told him that the deal was close."
    found = run(nlp, text)
    assert [f.cue for f in found] == ["said"]


def test_speech_inside_quotes_is_not_a_cue(nlp: Any) -> None:
    text = "“I think the deal will hold, and I believe both sides want it,” the envoy said."
    found = run(nlp, text)
    assert len(found) == 1 and found[0].cue == "said"


def test_raising_verb_keeps_subject(nlp: Any) -> None:
    text = "The government appears to have underestimated the scale of the protests."
    found = only(run(nlp, text), "underestimated")
    assert found.content.startswith("The government") and found.source is None


# -- offsets, robustness, speed -----------------------------------------------------------


def test_character_offsets_with_multibyte_text(nlp: Any) -> None:
    text = "\n  Zoë Ñúñez 🙂 said the café in Saïda had reopened.  “Ça va,” she added.\n"
    found = run(nlp, text)
    for f in found:
        c = f.candidate
        for a, b in c.parts:
            assert text[a:b] == text[a:b].strip()
        assert f.content == text[c.start : c.end]
    assert only(found, "café").content == "the café in Saïda had reopened"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "“",
        "”",
        '"',
        "“We will win, he said.\n\nThe next paragraph is plain reporting about the weather.",
        "He said ” the talks failed “ and left.",
        "“Unclosed at the very end",
        "'''''' “ ‘ ’ ” « » „ “",
        "“One.” “Two.” “Three.” “Four",
    ],
)
def test_unbalanced_marks_never_raise(nlp: Any, text: str) -> None:
    found = run(nlp, text)
    for f in found:
        assert "\n\n" not in f.content or f.kind is D


def test_unclosed_quote_does_not_swallow_the_article(nlp: Any) -> None:
    text = (
        "“We will not withdraw, the commander said.\n\n"
        "Aid groups said the road had been cut for days.\n\n"
        "The ministry denied that civilians had been hit."
    )
    found = run(nlp, text)
    unclosed = [f for f in found if "withdraw" in f.content]
    assert all("Aid groups" not in f.content for f in unclosed)
    assert any("the road had been cut" in f.content for f in found)
    assert any("civilians had been hit" in f.content for f in found)


def test_apostrophes_are_not_quote_marks() -> None:
    text = "Assad’s allies don’t expect the ’90s to return, and the rebels’ leaders agree."
    assert find_quotations(text, [(0, len(text))]) == []


def _scan_seconds(text: str) -> float:
    """The fastest of three scans: the least disturbed by other work on the machine."""
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        find_quotations(text, [(0, len(text))])
        timings.append(time.perf_counter() - start)
    return min(timings)


@pytest.mark.parametrize("unit", ["“", '"', "a “b ", "’ ‘x "])
def test_marks_scan_is_linear(unit: str) -> None:
    """Four times the text takes about four times as long (a quadratic scan: sixteen). A
    ratio of two timings in one run, so a busy machine slows both and the check holds."""
    small, large = unit * 10_000, unit * 40_000
    assert len(find_quotations(large, [(0, len(large))])) <= len(large) // 2
    assert _scan_seconds(large) < 8 * _scan_seconds(small) + 0.02


def test_long_line_core_is_fast(nlp: Any) -> None:
    sentence = "He said “we will go on” and then “it is over, said Kerry that “nothing. "
    text = (sentence * (50_000 // len(sentence) + 1))[:50_000]
    doc = nlp(text)
    start = time.perf_counter()
    find_candidates(ParseView.build(doc, text, (Span.of(text, 0, len(text)),)))
    assert time.perf_counter() - start < 5.0


def test_deterministic(nlp: Any) -> None:
    text = "“We are close,” Kerry said. Lavrov said the talks would go on, officials said."
    assert run(nlp, text) == run(nlp, text)


def test_cue_verbs_come_from_the_knowledge_lexicon(nlp: Any) -> None:
    # a verb a plugin registers as speech becomes a cue; perception verbs never do
    text = "The mayor groused that the budget was far too small."
    view = ParseView.build(nlp(text), text, paragraph_spans(text))
    assert not [c for c in find_candidates(view, BUILTIN_VERBS) if c.cue is not None]
    verbs = builtin_lexicon()
    verbs.add(["grouse"], VerbClass.SPEECH)
    (found,) = find_candidates(view, ReportingVerbs.of(verbs))
    assert text[found.start : found.end] == "the budget was far too small"
    heard = "Residents heard that the dam had burst."
    view = ParseView.build(nlp(heard), heard, paragraph_spans(heard))
    assert find_candidates(view, ReportingVerbs.of(verbs)) == []
