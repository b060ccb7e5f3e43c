"""Hand-written, news-style cases for the ``actors`` extractor, one rule each.

Each case is a short text and a list of checks. A check names a surface form (its ``nth``
word-bounded occurrence) and says which actor it must — or must not — be a mention of, so a
case fails when a merge, a title, a country, a kind or a resolution goes wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest

import communique
from communique.extractors.actors import ActorIndex
from communique.models import Actor, ActorKind, Article, MentionForm

Check = tuple[Any, ...]


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    checks: tuple[Check, ...]


def _find(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    pattern = r"(?<![\w])" + re.escape(surface) + r"(?![\w])"
    hits = [m.span() for m in re.finditer(pattern, text)]
    assert len(hits) > nth, f"{surface!r} #{nth} not in test text"
    return hits[nth]


def _at(article: Article, index: ActorIndex, surface: str, nth: int = 0) -> Actor | None:
    start, end = _find(article.text, surface, nth)
    found = index.mention_at(start, end)
    if found is None:
        return None
    overlap = min(end, found.end) - max(start, found.start)
    return found.actor if overlap > 0 else None


def _named(article: Article, name: str) -> Actor:
    hits = [a for a in article.actors if a.name == name]
    names = [a.name for a in article.actors]
    assert len(hits) == 1, f"expected one actor named {name!r}, got {names}"
    return hits[0]


def _ref(spec: Any) -> tuple[str, int]:
    return (spec, 0) if isinstance(spec, str) else (spec[0], spec[1])


def _run_check(article: Article, index: ActorIndex, check: Check) -> None:
    op = check[0]
    if op == "is":  # surface (or (surface, nth)) is a mention of the actor named check[2]
        surface, nth = _ref(check[1])
        actor = _at(article, index, surface, nth)
        assert actor is not None, f"{surface!r} #{nth} is no actor's mention"
        assert actor.name == check[2], f"{surface!r} #{nth} is {actor.name!r}, not {check[2]!r}"
    elif op == "none":  # surface is nobody's mention (place, pleonastic, unresolved)
        surface, nth = _ref(check[1])
        actor = _at(article, index, surface, nth)
        assert actor is None, f"{surface!r} #{nth} should not be a mention, is {actor}"
    elif op == "same":
        first = [_at(article, index, *_ref(s)) for s in check[1:]]
        assert all(a is not None for a in first), f"unmatched surface in {check[1:]}"
        assert len({a.id for a in first if a}) == 1, f"{check[1:]} are not one actor"
    elif op == "differ":
        actors = [_at(article, index, *_ref(s)) for s in check[1:]]
        ids = [a.id if a else None for a in actors]
        assert len(set(ids)) == len(ids), f"{check[1:]} should be different actors: {ids}"
    elif op == "kind":
        assert _named(article, check[1]).kind is ActorKind(check[2])
    elif op == "title":
        titles = [t.casefold() for t in _named(article, check[1]).titles]
        assert check[2].casefold() in titles, f"{check[1]} titles {titles}"
    elif op == "country":
        assert _named(article, check[1]).country == check[2]
    elif op == "affiliated":  # affiliation_id points at the actor named check[2]
        actor = _named(article, check[1])
        assert actor.affiliation_id is not None, f"{check[1]} has no affiliation"
        assert index.get(actor.affiliation_id).name == check[2]
    elif op == "alias":
        assert check[2] in _named(article, check[1]).aliases
    elif op == "form":
        surface, nth = _ref(check[1])
        start, end = _find(article.text, surface, nth)
        found = index.mention_at(start, end)
        assert found is not None and found.mention.form is MentionForm(check[2])
    elif op == "exact":  # a mention's span is exactly this text
        surface, nth = _ref(check[1])
        start, end = _find(article.text, surface, nth)
        assert any(m.start == start and m.end == end for m in index.mentions), (
            f"no mention spans exactly {surface!r}"
        )
    elif op == "no_actor":
        assert all(a.name != check[1] for a in article.actors), f"{check[1]} is an actor"
    else:  # pragma: no cover
        raise AssertionError(f"unknown check {op}")


CASES = (
    # -- merging people by surname ------------------------------------------------------
    Case(
        "surname-after-full-name",
        "Foreign Secretary Boris Johnson met reporters in London on Monday. "
        "Johnson said the talks had been useful.",
        (
            ("same", "Boris Johnson", "Johnson"),
            ("kind", "Boris Johnson", "person"),
            ("title", "Boris Johnson", "Foreign Secretary"),
        ),
    ),
    Case(
        "surname-before-full-name",
        "Merkel said Europe had to act quickly. Chancellor Angela Merkel spoke after a "
        "meeting of her cabinet in Berlin.",
        (
            ("same", "Merkel", "Angela Merkel"),
            ("title", "Angela Merkel", "Chancellor"),
            ("none", "Berlin"),
        ),
    ),
    Case(
        "honorific-surname",
        "John Kerry arrived in Vienna on Sunday for the nuclear talks. Mr. Kerry told "
        "reporters that a deal was within reach.",
        (("same", "John Kerry", "Kerry"), ("alias", "John Kerry", "Mr. Kerry"), ("none", "Vienna")),
    ),
    Case(
        "spacy-org-surname",
        "Lavrov said after talks on Friday that the two sides would meet again. Russian "
        "Foreign Minister Sergei Lavrov did not give a date.",
        (("same", "Lavrov", "Sergei Lavrov"), ("kind", "Sergei Lavrov", "person")),
    ),
    # -- same surname, different people --------------------------------------------------
    Case(
        "same-surname-ambiguous",
        "Hillary Clinton and Bill Clinton appeared together at a rally in Philadelphia on "
        "Tuesday. Clinton said the race was far from over.",
        (
            ("differ", "Hillary Clinton", "Bill Clinton"),
            ("differ", ("Clinton", 2), "Hillary Clinton"),
            ("differ", ("Clinton", 2), "Bill Clinton"),
        ),
    ),
    Case(
        "same-surname-honorific",
        "Hillary Clinton and Bill Clinton appeared together at a rally in Philadelphia on "
        "Tuesday. Mrs. Clinton said the race was far from over.",
        (("same", "Hillary Clinton", "Mrs. Clinton"), ("differ", "Bill Clinton", "Mrs. Clinton")),
    ),
    Case(
        "same-surname-introduced-first",
        "Hillary Clinton campaigned in Ohio on Monday. Clinton told supporters that jobs "
        "came first. Later in the week Bill Clinton joined the tour.",
        (
            ("same", "Hillary Clinton", ("Clinton", 1)),
            ("differ", "Hillary Clinton", "Bill Clinton"),
        ),
    ),
    # -- acronyms, dotted and undotted -----------------------------------------------------
    Case(
        "acronym-in-parentheses",
        "The Asia-Pacific Economic Cooperation (APEC) summit opened in Lima on Saturday. "
        "APEC members pledged to resist protectionism.",
        (
            ("same", "Asia-Pacific Economic Cooperation", "APEC", ("APEC", 1)),
            ("kind", "Asia-Pacific Economic Cooperation", "organization"),
        ),
    ),
    Case(
        "acronym-letters",
        "The International Atomic Energy Agency will send inspectors next month, diplomats "
        "said. The IAEA has not visited the site since March.",
        (("same", "International Atomic Energy Agency", "IAEA"),),
    ),
    Case(
        "dotted-undotted-un",
        "The United Nations called for a humanitarian pause on Friday. The U.N. said aid "
        "convoys were ready. The UN also urged all sides to protect civilians.",
        (("same", "United Nations", "U.N.", "UN"), ("kind", "United Nations", "organization")),
    ),
    # -- country variants -------------------------------------------------------------------
    Case(
        "country-variants-us",
        "The United States will keep its sanctions, a spokesman said. U.S. officials said "
        "America would not back down, and the US Treasury agreed. USA diplomats were silent.",
        (
            ("same", "United States", "U.S.", "America", "US", "USA"),
            ("kind", "United States", "country"),
            ("country", "United States", "USA"),
        ),
    ),
    Case(
        "country-variants-russia",
        "The Russian Federation rejected the report on Tuesday. Russia said it would respond "
        "in kind.",
        (
            ("same", "Russian Federation", "Russia"),
            ("is", "Russia", "Russia"),
            ("is", "it", "Russia"),
        ),
    ),
    Case(
        "country-common-name",
        "The Syrian Arab Republic and Iran signed the accord. Syria later said it had no "
        "objections.",
        (
            ("same", "Syrian Arab Republic", "Syria"),
            ("is", "Syria", "Syria"),
            ("country", "Iran", "IRN"),
        ),
    ),
    Case(
        "country-uk",
        "Britain said it would send more troops. The UK has about 800 soldiers in Estonia.",
        (("same", "Britain", "UK"), ("is", "Britain", "United Kingdom")),
    ),
    # -- organisation short forms -----------------------------------------------------------
    Case(
        "org-short-form",
        "The Al-Nusra Front has changed its name. Nusra says it no longer answers to Al-Qaeda.",
        (
            ("same", "Al-Nusra Front", "Nusra"),
            ("differ", "Nusra", "Al-Qaeda"),
            ("kind", "Al-Nusra Front", "group"),
            ("kind", "Al-Qaeda", "group"),
        ),
    ),
    Case(
        "org-possessive-stripped",
        "Hezbollah's leader gave a televised speech on Sunday. Hezbollah denied any role "
        "in the attack.",
        (
            ("exact", "Hezbollah"),
            ("same", "Hezbollah", ("Hezbollah", 1)),
            ("kind", "Hezbollah", "group"),
        ),
    ),
    Case(
        "org-generic-words-not-merged",
        "The National Guard was deployed on Friday. The National Front said the deployment "
        "was illegal.",
        (("differ", "National Guard", "National Front"),),
    ),
    # -- capitals -------------------------------------------------------------------------
    Case(
        "capitals-as-agents",
        "Neither Beijing nor Tokyo has commented on the report. Washington said it was "
        "studying the findings.",
        (
            ("is", "Beijing", "China"),
            ("is", "Tokyo", "Japan"),
            ("is", "Washington", "United States"),
        ),
    ),
    Case(
        "capital-possessive",
        "Moscow's position has not changed, the official said.",
        (("is", "Moscow", "Russia"),),
    ),
    Case(
        "capital-as-place",
        "The ministers met in Moscow on Monday and flew to Ankara the next day.",
        (("none", "Moscow"), ("none", "Ankara"), ("no_actor", "Russia")),
    ),
    # -- governments, forces, rebels ------------------------------------------------------
    Case(
        "syrian-government-vs-syria",
        "The Syrian government accused rebels of shelling a school in northern Syria.",
        # issue 13: "in northern Syria" is a location, not an actor
        (
            ("is", "Syrian government", "Syrian government"),
            ("none", "Syria"),
            ("kind", "Syrian government", "organization"),
            ("country", "Syrian government", "SYR"),
        ),
    ),
    Case(
        "regime-merges-with-government",
        "The Syrian government rejected the plan. Observers said the Damascus regime had "
        "little reason to compromise, and government forces pressed on.",
        (("same", "Syrian government", "Damascus regime", "government forces"),),
    ),
    Case(
        "two-governments-no-merge",
        "The Syrian government and the Turkish government traded accusations. Government "
        "forces shelled the town overnight.",
        (("differ", "Syrian government", "Turkish government"), ("none", "Government")),
    ),
    Case(
        "rebels-group",
        "Syrian rebels said they would not leave the city. Opposition groups backed them.",
        (
            ("same", "Syrian rebels", "Opposition groups"),
            ("kind", "Syrian rebels", "group"),
            ("is", "they", "Syrian rebels"),
        ),
    ),
    Case(
        "org-apposition-affiliate",
        "Fighters from the Nusra Front, Al-Qaeda's Syrian affiliate, seized the town.",
        (
            ("is", "Syrian affiliate", "Nusra Front"),
            ("affiliated", "Nusra Front", "Al-Qaeda"),
            ("country", "Nusra Front", "SYR"),
            ("exact", "Al-Qaeda"),
        ),
    ),
    Case(
        "rebels-without-country-they",
        "Rebels said they would withdraw from the town by Friday.",
        (("is", "they", "Rebels"), ("kind", "Rebels", "group")),
    ),
    Case(
        "org-country-in-name",
        "The Russian Defense Ministry said Russia had no troops in the area.",
        (
            ("country", "Russian Defense Ministry", "RUS"),
            ("affiliated", "Russian Defense Ministry", "Russia"),
            ("kind", "Russian Defense Ministry", "organization"),
        ),
    ),
    Case(
        "country-specific-org",
        "Israeli police said three people were arrested.",
        (("country", "Israeli police", "ISR"), ("kind", "Israeli police", "organization")),
    ),
    # -- titles and affiliation -------------------------------------------------------------
    Case(
        "title-premodifier-us",
        "US Secretary of State John Kerry landed in Geneva on Thursday.",
        (
            ("title", "John Kerry", "Secretary of State"),
            ("country", "John Kerry", "USA"),
            ("none", "State"),
            ("none", "Geneva"),
            ("affiliated", "John Kerry", "United States"),
        ),
    ),
    Case(
        "title-premodifier-demonym",
        "German Chancellor Angela Merkel said Europe must share the burden.",
        (("title", "Angela Merkel", "Chancellor"), ("country", "Angela Merkel", "DEU")),
    ),
    Case(
        "title-apposition-possessive",
        "Sergei Lavrov, Russia's foreign minister, said the proposal was unacceptable.",
        (
            ("title", "Sergei Lavrov", "Foreign Minister"),
            ("country", "Sergei Lavrov", "RUS"),
            ("affiliated", "Sergei Lavrov", "Russia"),
            ("is", "foreign minister", "Sergei Lavrov"),
        ),
    ),
    Case(
        "title-apposition-before-name",
        "Iran's foreign minister, Mohammad Javad Zarif, said he was ready to meet.",
        (
            ("title", "Mohammad Javad Zarif", "Foreign Minister"),
            ("country", "Mohammad Javad Zarif", "IRN"),
            ("is", "he", "Mohammad Javad Zarif"),
        ),
    ),
    Case(
        "country-of",
        "Foreign Minister Sergei Lavrov of Russia met the envoy on Friday.",
        (("country", "Sergei Lavrov", "RUS"), ("title", "Sergei Lavrov", "Foreign Minister")),
    ),
    Case(
        "title-abbreviation",
        "Sen. Ted Cruz said the bill would fail.",
        (("title", "Ted Cruz", "Senator"),),
    ),
    Case(
        "org-leader-affiliation",
        "Hamas leader Ismail Haniyeh said the truce would hold.",
        (("affiliated", "Ismail Haniyeh", "Hamas"), ("title", "Ismail Haniyeh", "Leader")),
    ),
    # -- pronouns ------------------------------------------------------------------------------
    Case(
        "pronoun-reported-speech",
        "Kerry said he would return to Geneva next week.",
        (("is", "he", "Kerry"), ("form", "he", "pronoun")),
    ),
    Case(
        "pronoun-next-sentence",
        "Angela Merkel arrived in Paris on Monday. She said the summit would focus on trade.",
        (("is", "She", "Angela Merkel"),),
    ),
    Case(
        "pronoun-gender",
        "Theresa May met Donald Trump at the White House. She said the talks had been productive.",
        (("is", "She", "Theresa May"),),
    ),
    Case(
        "pronoun-ambiguous",
        "Jones and Smith arrived at the courthouse on Tuesday. He said the case was weak.",
        (("none", "He"),),
    ),
    Case("pronoun-no-antecedent", "He said the ceasefire would not last.", (("none", "He"),)),
    Case("pronoun-binding", "Kerry thanked him for the invitation.", (("none", "him"),)),
    Case(
        "pronoun-it-org",
        "The European Union said it would impose new sanctions on Monday.",
        (("is", "it", "European Union"),),
    ),
    Case(
        "pronoun-pleonastic-it",
        "The European Union met on Monday. It is not clear whether the ceasefire will hold.",
        (("none", "It"),),
    ),
    Case(
        "pronoun-chain-previous-paragraph",
        "Kerry spoke to reporters in Geneva on Friday.\n\n"
        "\u201cWe are not there yet,\u201d he said.",
        (("is", "he", "Kerry"),),
    ),
    Case(
        "relative-pronoun",
        "Lavrov, who arrived on Friday, said the talks would continue.",
        (("is", "who", "Lavrov"),),
    ),
    # -- descriptions ---------------------------------------------------------------------------
    Case(
        "nominal-the-minister",
        "Russian Foreign Minister Sergei Lavrov arrived in Geneva on Friday. The minister "
        "said talks would continue into the weekend.",
        (("is", "The minister", "Sergei Lavrov"), ("form", "The minister", "nominal")),
    ),
    Case(
        "nominal-demonym-diplomat",
        "John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva. The Russian diplomat "
        "later said nothing had been agreed.",
        (("is", "The Russian diplomat", "Sergei Lavrov"),),
    ),
    Case(
        "nominal-counterpart",
        "Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov on Friday. "
        "Kerry said his Russian counterpart had accepted the plan.",
        (("is", "Russian counterpart", "Sergei Lavrov"), ("is", "his", "John Kerry")),
    ),
    Case(
        "nominal-ambiguous",
        "Foreign Minister Sergei Lavrov met Foreign Minister Mohammad Javad Zarif on Monday. "
        "The minister said the meeting went well.",
        (("none", "The minister"),),
    ),
    Case(
        "nominal-former-title",
        "Former President Bill Clinton spoke in Flint on Monday. The president signed the "
        "bill into law last year, the White House said.",
        (("none", "The president"), ("title", "Bill Clinton", "President")),
    ),
    Case(
        "opposition-as-act-not-group",
        "The plan has been met with opposition in Congress. The Syrian opposition rejected it.",
        (("none", "opposition"), ("kind", "Syrian opposition", "group")),
    ),
    Case(
        "nominal-indefinite-official",
        "A senior US official said the talks were productive.",
        (
            ("country", "senior US official", "USA"),
            ("kind", "senior US official", "person"),
            ("form", "A senior US official", "nominal"),
        ),
    ),
    # -- kinds ---------------------------------------------------------------------------------
    Case(
        "kinds",
        "The Taliban said they had captured the district, while the World Health Organization "
        "warned of an outbreak and France sent aid.",
        (
            ("kind", "Taliban", "group"),
            ("kind", "World Health Organization", "organization"),
            ("kind", "France", "country"),
            ("is", "they", "Taliban"),
        ),
    ),
    Case(
        "honorific-without-full-name",
        "Trump told the rally that the polls were rigged. Mr. Trump then left for Ohio.",
        (("same", "Trump", "Mr. Trump"), ("kind", "Trump", "person")),
    ),
    Case(
        "short-form-needs-generic-rest",
        "The Charlotte Observer reported the arrests. Charlotte police said the city was calm.",
        (("differ", "Charlotte Observer", ("Charlotte", 1)),),
    ),
    Case(
        "org-long-form-not-place",
        "Bank of America said it would close the branch near Bank of America Stadium.",
        (("differ", "Bank of America", "Bank of America Stadium"),),
    ),
    Case(
        "quoted-pronoun-not-speaker",
        "John Smith arrived in court on Monday.\n\n"
        "\u201cHe cannot be trusted,\u201d Smith said of the witness.",
        (("none", "He"),),
    ),
    Case(
        "we-collective-speaker",
        "\u201cWe will respond to any provocation,\u201d the Taliban said in a statement.",
        (("is", "We", "Taliban"), ("form", "We", "pronoun")),
    ),
    Case(
        "we-person-speaker-unresolved",
        "\u201cWe want a durable peace,\u201d Kerry said on Friday.",
        (("none", "We"),),
    ),
    Case(
        "plural-name-not-he",
        "Democrats said the bill was dead. He said nothing.",
        (("none", "He"),),
    ),
    Case(
        "ap-style-said-of",
        "Kerry, who spoke in Geneva, said he was confident. He added that Lavrov agreed.",
        (("is", "who", "Kerry"), ("is", "he", "Kerry"), ("is", "He", "Kerry")),
    ),
    Case(
        "kinds-islamic-state",
        "Islamic State claimed the attack, and Boko Haram denied involvement.",
        (("kind", "Islamic State", "group"), ("kind", "Boko Haram", "group")),
    ),
)


@pytest.fixture(scope="module")
def extract(pipeline: communique.Pipeline) -> Any:
    cache: dict[str, Article] = {}

    def run(text: str) -> Article:
        if text not in cache:
            cache[text] = pipeline.extract(text)
        return cache[text]

    return run


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, extract: Any) -> None:
    article = extract(case.text)
    assert not article.problems, article.problems
    index = ActorIndex(article.actors)
    for check in case.checks:
        _run_check(article, index, check)
