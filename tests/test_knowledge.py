"""The knowledge layer: built-in data through the hook, plugin entries, lazy loading."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import communique
from communique import hookimpl
from communique.capabilities import ACTORS, ActorIndex, Capability
from communique.knowledge import KnowledgeBase, VerbClass
from communique.knowledge.builtin import builtin_knowledge
from communique.models import ActorKind


def test_builtin_knowledge() -> None:
    kb = builtin_knowledge()
    assert kb.countries.by_demonym("Russians") == "RUS"
    assert kb.countries.by_capital("Moscow") == "RUS"
    assert kb.verbs.is_a("say", VerbClass.SPEECH) and "say" in kb.verbs.core()
    assert kb.verbs.is_a("tweet", VerbClass.WRITING)
    assert kb.verbs.is_a("believe", VerbClass.BELIEF)
    assert "secretary of state" in kb.titles
    assert kb.adjective_place("syrian") == "Syria"
    assert kb.adjective_place("kurdish") == "Kurdistan"  # the hand list wins


def test_countryinfo_fills_only_blank_cells() -> None:
    table = builtin_knowledge().countries
    bhutan = table.get("BTN")
    assert bhutan is not None and bhutan.demonyms and bhutan.capitals
    ukraine = table.get("UKR")
    assert ukraine is not None and "Kyiv" in ukraine.capitals


def test_actor_entries_and_dates() -> None:
    kb = KnowledgeBase()
    kb.add_actor(
        "Ban Ki-moon",
        kind="person",
        kb_id="t:ban",
        aliases=("Ban",),
        valid_from=dt.date(2007, 1, 1),
        valid_until=dt.date(2016, 12, 31),
    )
    assert [e.kb_id for e in kb.actors.lookup("ban")] == ["t:ban"]
    assert kb.actors.lookup("Ban", on=dt.date(2020, 1, 1)) == []
    kb.add_actor("Ban Ki-moon", kind=ActorKind.PERSON, kb_id="t:ban")  # replaces
    assert kb.actors.lookup("Ban") == [] and len(kb.actors) == 1


class _Newsroom:
    @hookimpl
    def communique_register_knowledge(self, knowledge: KnowledgeBase) -> None:
        knowledge.add_actor(
            "Zorblax Holdings",
            kind="organization",
            kb_id="news:1",
            aliases=("Zorblax",),
            country="FRA",
            sector="BUS",
        )


def test_plugin_entry_links_an_actor(nlp: Any) -> None:
    pipeline = communique.Pipeline(nlp, plugins=[_Newsroom()])
    assert pipeline.knowledge is pipeline.knowledge  # filled once
    article = pipeline.extract("Zorblax Holdings said on Monday that profits rose.")
    linked = [a for a in article.actors if a.kb_id == "news:1"]
    assert linked and linked[0].sector == "BUS" and linked[0].country == "FRA"
    assert linked[0].country_source is not None and linked[0].country_source.value == "knowledge"
    # what a plugin's entry puts in the Article survives validation when read back
    assert communique.Article.model_validate_json(article.model_dump_json()) == article


@pytest.mark.parametrize(("field", "value"), [("sector", "business"), ("country", "France")])
def test_entry_with_a_wrong_code_is_refused_when_registered(field: str, value: str) -> None:
    knowledge = KnowledgeBase()
    with pytest.raises(ValueError, match=f"{field} must be a three-letter"):
        knowledge.add_actor("Zorblax", kind="organization", kb_id="news:1", **{field: value})


def test_typed_capability_key() -> None:
    assert isinstance(ACTORS, Capability) and ACTORS.name == "actors"
    assert ACTORS.type is ActorIndex
