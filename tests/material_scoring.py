"""Scoring for the hand-written evaluation material: the quote case table and the web pages.

The measures mirror the held-out evaluation of issues 13-15, so that a change can be judged
on our own material before it meets material we never see:

* **cases** (``tests/data/cases/quotes.jsonl``): per entry, is each gold quote found (its
  ``content`` inside one extracted quote's text or content), with the right kind, speaker,
  cue and negation; does any quote contain a ``no_quotes`` string; are there more quotes
  than ``max_quotes``.
* **web pages** (``tests/data/web/NN-slug.html`` + ``.gold.json``): actors (real, core
  found, country and sector right), quotes (precision, core recall, speaker right) and
  agreements (precision, recall, duplicates, status, party recall).

Matching is by text, never by offsets, so the gold survives changes to the HTML reader.
Both ``benchmarks/material_web.py`` and ``tests/test_material_quotes.py`` import this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique import Actor, Agreement, Article, ArticleInput, MentionForm, Quote, read_html

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "data" / "cases" / "quotes.jsonl"
WEB = ROOT / "tests" / "data" / "web"


# -- shared helpers ----------------------------------------------------------------------


def norm(name: str) -> str:
    """A name form for comparison: case-folded, spaces collapsed, a leading "the" dropped.

    >>> norm("  The  World Food Programme ")
    'world food programme'
    """
    flat = " ".join(name.split()).casefold()
    return flat[4:] if flat.startswith("the ") else flat


def actor_forms(actor: Actor) -> set[str]:
    """The canonical name and every alias of an extracted actor, normalised."""
    return {norm(actor.name), *(norm(alias) for alias in actor.aliases)}


def quote_texts(quote: Quote) -> tuple[str, str]:
    """What a reader sees (``Quote.text``) and the raw content span's text."""
    return quote.text, quote.content.text


def contains(quote: Quote, snippet: str, exact: bool = False) -> bool:
    """Whether ``snippet`` lies inside the quote (or is its whole content when ``exact``)."""
    if exact:
        wanted = snippet.strip()
        return any(text.strip(" ,.;:") == wanted.strip(" ,.;:") for text in quote_texts(quote))
    return any(snippet in text for text in quote_texts(quote))


def occurrences(text: str, snippet: str) -> Iterator[tuple[int, int]]:
    """Every ``[start, end)`` range where ``snippet`` occurs in ``text``."""
    start = text.find(snippet)
    while start >= 0:
        yield start, start + len(snippet)
        start = text.find(snippet, start + 1)


def quote_ranges(quote: Quote) -> list[tuple[int, int]]:
    """The character ranges a quote covers: its parts, or its content."""
    spans = quote.parts or (quote.content,)
    return [(span.start, span.end) for span in spans]


def overlaps(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> bool:
    """Whether any range of ``a`` shares a character with any range of ``b``."""
    b = list(b)
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


# -- the case table ----------------------------------------------------------------------


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    """The entries of the quote case table, in file order."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class CaseResult:
    """How one case-table entry came out; ``problems`` is empty when it passes."""

    gold: int = 0
    found: int = 0
    kind_right: int = 0
    speaker_right: int = 0
    false_quotes: int = 0
    extra: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def speaker_name(article: Article, quote: Quote) -> str | None:
    """The resolved speaker's canonical name, or None when the quote has no speaker."""
    speaker = article.speaker(quote)
    return speaker.name if speaker else None


def is_named(actor: Actor) -> bool:
    """Whether the actor is named in the text (a name mention, not only descriptions)."""
    return any(mention.form is MentionForm.NAME for mention in actor.mentions)


def quote_with(article: Article, words: str) -> Quote:
    """The first quote whose printed text holds ``words`` (failing with all quotes shown)."""
    hits = [q for q in article.quotes if words in q.text]
    assert hits, [q.text for q in article.quotes]
    return hits[0]


def speaker_matches(article: Article, quote: Quote, wanted: str | None) -> bool:
    """Right speaker: the gold name is the actor's name or an alias.

    A gold speaker of None means nobody named said it ("a senior diplomat", "officials"):
    unresolved is right, and so is an unnamed (nominal) actor; a named actor is wrong, which
    is how datelines, carry-over past another speaker and "Neither X nor Y" are caught.
    """
    speaker = article.speaker(quote)
    if wanted is None:
        return speaker is None or not is_named(speaker)
    return speaker is not None and norm(wanted) in actor_forms(speaker)


def score_case(article: Article, case: dict[str, Any]) -> CaseResult:
    """Score one entry of ``quotes.jsonl`` against the article extracted from its text."""
    result = CaseResult(gold=len(case["quotes"]))
    for gold in case["quotes"]:
        hits = [q for q in article.quotes if contains(q, gold["content"], gold.get("exact", False))]
        if not hits:
            result.problems.append(f"missed {gold['kind']} quote {gold['content']!r}")
            continue
        result.found += 1
        quote = hits[0]
        if quote.kind.value == gold["kind"]:
            result.kind_right += 1
        else:
            result.problems.append(
                f"{gold['content']!r}: kind {quote.kind.value}, want {gold['kind']}"
            )
        if speaker_matches(article, quote, gold["speaker"]):
            result.speaker_right += 1
        else:
            got = speaker_name(article, quote)
            result.problems.append(
                f"{gold['content']!r}: speaker {got!r}, want {gold['speaker']!r}"
            )
        cue = gold.get("cue")
        if cue and (quote.cue is None or cue.casefold() not in quote.cue.text.casefold()):
            got_cue = quote.cue.text if quote.cue else None
            result.problems.append(f"{gold['content']!r}: cue {got_cue!r}, want {cue!r}")
        if "negated" in gold and quote.negated != gold["negated"]:
            result.problems.append(
                f"{gold['content']!r}: negated {quote.negated}, want {gold['negated']}"
            )
    for snippet in case.get("no_quotes", []):
        bad = [q for q in article.quotes if snippet in q.text]
        if bad:
            result.false_quotes += len(bad)
            result.problems.append(f"false quote containing {snippet!r}: {bad[0].text!r}")
    limit = case.get("max_quotes", len(case["quotes"]))
    if len(article.quotes) > limit:
        result.extra = len(article.quotes) - limit
        shown = [q.text for q in article.quotes]
        result.problems.append(f"{len(article.quotes)} quotes, at most {limit} wanted: {shown}")
    return result


# -- web pages ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One annotated web page: its HTML file, what the reader made of it, and its gold."""

    slug: str
    html: Path
    page: ArticleInput
    gold: dict[str, Any]


def load_pages(directory: Path = WEB) -> list[Page]:
    """Every ``NN-slug.html`` with its ``NN-slug.gold.json``, read with :func:`read_html`."""
    pages = []
    for html in sorted(directory.glob("*.html")):
        gold = json.loads(html.with_suffix(".gold.json").read_text(encoding="utf-8"))
        page = read_html(html.read_bytes())
        pages.append(Page(slug=html.stem, html=html, page=page, gold=gold))
    return pages


def gold_forms(entry: dict[str, Any]) -> set[str]:
    """The name and aliases of a gold actor, normalised."""
    return {norm(entry["name"]), *(norm(alias) for alias in entry.get("aliases", []))}


def gold_actor_for(actor: Actor, gold: dict[str, Any]) -> dict[str, Any] | None:
    """The gold actor an extracted actor is (shares a name form with), if any."""
    forms = actor_forms(actor)
    for entry in gold["actors"]:
        if forms & gold_forms(entry):
            return entry
    return None


def is_not_actor(actor: Actor, gold: dict[str, Any]) -> bool:
    """Whether an extracted actor is one the gold lists as not an actor."""
    banned = {norm(name) for name in gold.get("not_actors", [])}
    return bool(actor_forms(actor) & banned)


def gold_quote_ranges(text: str, gold: dict[str, Any]) -> list[tuple[int, int]]:
    """Where a gold quote's content lies in the article text (empty if the reader lost it)."""
    return list(occurrences(text, gold["content"]))


@dataclass
class WebScore:
    """Counts for one page (or a sum over pages); ratios are computed by :func:`ratios`."""

    actors: int = 0
    actors_real: int = 0
    core_actors: int = 0
    core_found: int = 0
    country_gold: int = 0
    country_right: int = 0
    sector_gold: int = 0
    sector_right: int = 0
    quotes: int = 0
    quotes_right: int = 0
    core_quotes: int = 0
    core_quotes_found: int = 0
    core_quotes_lost: int = 0
    speaker_right: int = 0
    agreements: int = 0
    agreements_right: int = 0
    core_agreements: int = 0
    agreements_found: int = 0
    duplicates: int = 0
    kind_right: int = 0
    status_right: int = 0
    parties_gold: int = 0
    parties_found: int = 0
    dateline_gold: int = 0
    dateline_right: int = 0
    language_right: int = 0
    pages: int = 0
    false_actors: list[str] = field(default_factory=list)
    false_quotes: list[str] = field(default_factory=list)
    missed_quotes: list[str] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)
    false_agreements: list[str] = field(default_factory=list)

    def add(self, other: WebScore) -> None:
        """Add another page's counts and lists into this one."""
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)


def score_page(article: Article, gold: dict[str, Any]) -> WebScore:
    """Score one extracted page against its gold annotation."""
    score = WebScore(pages=1, language_right=int(article.language == gold["language"]))
    _score_actors(article, gold, score)
    _score_quotes(article, gold, score)
    _score_agreements(article, gold, score)
    if gold.get("dateline"):
        score.dateline_gold = 1
        got = article.dateline.text if article.dateline else ""
        score.dateline_right = int(
            bool(got) and norm(got).strip(" -—–") == norm(gold["dateline"]).strip(" -—–")
        )
    return score


def _score_actors(article: Article, gold: dict[str, Any], score: WebScore) -> None:
    score.actors = len(article.actors)
    for actor in article.actors:
        if gold_actor_for(actor, gold) is not None:
            score.actors_real += 1
        else:
            score.false_actors.append(actor.name)
    for entry in gold["actors"]:
        if not entry.get("core", True):
            continue
        score.core_actors += 1
        found = [a for a in article.actors if actor_forms(a) & gold_forms(entry)]
        if not found:
            continue
        score.core_found += 1
        if entry.get("country"):
            score.country_gold += 1
            score.country_right += int(any(a.country == entry["country"] for a in found))
        if entry.get("sector"):
            score.sector_gold += 1
            score.sector_right += int(
                any((a.sector or "")[:3] == entry["sector"][:3] for a in found)
            )


def _gold_speaker_forms(gold: dict[str, Any], name: str) -> set[str]:
    for entry in gold["actors"]:
        if norm(name) in gold_forms(entry):
            return gold_forms(entry)
    return {norm(name)}


def _score_quotes(article: Article, gold: dict[str, Any], score: WebScore) -> None:
    text = article.text
    located = [(entry, gold_quote_ranges(text, entry)) for entry in gold["quotes"]]
    score.quotes = len(article.quotes)
    for quote in article.quotes:
        if any(overlaps(quote_ranges(quote), ranges) for _, ranges in located):
            score.quotes_right += 1
        else:
            score.false_quotes.append(quote.text)
    for entry, ranges in located:
        if not entry.get("core", True):
            continue
        score.core_quotes += 1
        if not ranges:
            score.core_quotes_lost += 1
            score.missed_quotes.append(f"(not in text) {entry['content']}")
            continue
        hits = [q for q in article.quotes if overlaps(quote_ranges(q), ranges)]
        if not hits:
            score.missed_quotes.append(entry["content"])
            continue
        score.core_quotes_found += 1
        speaker = article.speaker(hits[0])
        if entry["speaker"] is None:
            right = speaker is None or not is_named(speaker)
        else:
            right = speaker is not None and bool(
                actor_forms(speaker) & _gold_speaker_forms(gold, entry["speaker"])
            )
        score.speaker_right += int(right)
        if not right:
            got = speaker.name if speaker else None
            score.wrong_speakers.append(
                f"{entry['content'][:40]!r}: {got!r}, want {entry['speaker']!r}"
            )


def _agreement_matches(
    article: Article, agreement: Agreement, entry: dict[str, Any], gold: dict[str, Any]
) -> int:
    """0 when ``agreement`` cannot be the gold one; else 1 + how many gold parties it has.

    A record is the gold agreement when one of its evidence spans overlaps one of the
    gold's ``evidence`` snippets (a human judges "is this a real deal", whatever its kind);
    without evidence on either side, when its kind is one the gold accepts.
    """
    ranges = [
        r for snippet in entry.get("evidence", []) for r in occurrences(article.text, snippet)
    ]
    spans = [(span.start, span.end) for span in agreement.evidence]
    if ranges and spans:
        if not overlaps(spans, ranges):
            return 0
    elif agreement.kind.value not in {entry["kind"], *entry.get("also_kinds", [])}:
        return 0
    return 1 + len(_parties_found(article, agreement, entry, gold))


def _parties_found(
    article: Article, agreement: Agreement, entry: dict[str, Any], gold: dict[str, Any]
) -> list[str]:
    forms = [actor_forms(article.actor(p.actor_id)) for p in agreement.parties]
    return [
        name
        for name in entry.get("parties", [])
        if any(f & _gold_speaker_forms(gold, name) for f in forms)
    ]


def _score_agreements(article: Article, gold: dict[str, Any], score: WebScore) -> None:
    golds = gold.get("agreements", [])
    score.agreements = len(article.agreements)
    assigned: dict[int, list[Agreement]] = {i: [] for i in range(len(golds))}
    for agreement in article.agreements:
        fits = [
            (_agreement_matches(article, agreement, g, gold), g.get("core", True), -i)
            for i, g in enumerate(golds)
        ]
        best = max(fits, default=(0, False, 1))
        if best[0] == 0:
            score.false_agreements.append(
                f"{agreement.kind.value} {agreement.status.value}: "
                f"{agreement.evidence[0].text[:60] if agreement.evidence else ''!r}"
            )
            continue
        score.agreements_right += 1
        assigned[-best[2]].append(agreement)
    for i, entry in enumerate(golds):
        if not entry.get("core", True):
            continue
        score.core_agreements += 1
        score.parties_gold += len(entry.get("parties", []))
        records = assigned[i]
        if not records:
            continue
        score.agreements_found += 1
        score.duplicates += len(records) - 1
        first = max(records, key=lambda a: _agreement_matches(article, a, entry, gold))
        score.status_right += int(first.status.value == entry["status"])
        score.kind_right += int(first.kind.value in {entry["kind"], *entry.get("also_kinds", [])})
        score.parties_found += len(_parties_found(article, first, entry, gold))


def ratio(part: int, whole: int) -> float | None:
    """``part / whole``, or None when there is nothing to divide."""
    return part / whole if whole else None


def ratios(score: WebScore) -> dict[str, tuple[int, int]]:
    """The measures of the held-out evaluation, each as (numerator, denominator)."""
    return {
        "actors: extracted that are real": (score.actors_real, score.actors),
        "actors: core found": (score.core_found, score.core_actors),
        "actors: country right on found core": (score.country_right, score.country_gold),
        "actors: sector right on found core": (score.sector_right, score.sector_gold),
        "quotes: precision": (score.quotes_right, score.quotes),
        "quotes: recall of core": (score.core_quotes_found, score.core_quotes),
        "quotes: speaker right on found core": (score.speaker_right, score.core_quotes_found),
        "agreements: precision": (score.agreements_right, score.agreements),
        "agreements: recall of core": (score.agreements_found, score.core_agreements),
        "agreements: kind right on found": (score.kind_right, score.agreements_found),
        "agreements: status right on found": (score.status_right, score.agreements_found),
        "agreements: party recall on found": (score.parties_found, score.parties_gold),
        "dateline right": (score.dateline_right, score.dateline_gold),
        "language right": (score.language_right, score.pages),
    }


FLOORS = ("furniture", "dateline", "not_actors")
"""The floors a page's test checks, each a test of its own (and an ``xfail`` key in the gold)."""


def floor_problems(article: Article, gold: dict[str, Any], floor: str) -> list[str]:
    """What breaks one floor: ``furniture`` (a quote holding a ``not_quotes`` string: teaser,
    caption, headline, credit, or a non-statement), ``dateline`` (a quote whose speaker
    mention lies in the dateline opening the text) or ``not_actors`` (a banned actor)."""
    if floor == "furniture":
        return [
            f"quote from furniture {snippet!r}: {quote.text!r}"
            for snippet in gold.get("not_quotes", [])
            for quote in article.quotes
            if snippet in quote.text
        ]
    if floor == "dateline":
        return _dateline_speakers(article, gold.get("dateline"))
    if floor == "not_actors":
        return [f"not an actor: {a.name!r}" for a in article.actors if is_not_actor(a, gold)]
    raise ValueError(f"unknown floor {floor!r}; expected one of {FLOORS}")


def _dateline_speakers(article: Article, dateline: str | None) -> list[str]:
    head = article.text.find(dateline) if dateline else -1
    if not dateline or not 0 <= head <= 200:
        return []
    where = [(head, head + len(dateline))]
    return [
        f"dateline speaker {q.speaker_mention.text!r} for {q.text[:40]!r}"
        for q in article.quotes
        if q.speaker_mention is not None
        and overlaps([(q.speaker_mention.start, q.speaker_mention.end)], where)
    ]


__all__ = [
    "CASES",
    "FLOORS",
    "WEB",
    "CaseResult",
    "Page",
    "WebScore",
    "floor_problems",
    "load_cases",
    "load_pages",
    "ratio",
    "ratios",
    "score_case",
    "score_page",
]
