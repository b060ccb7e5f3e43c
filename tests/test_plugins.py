"""Plugin discovery, registration checks, blocking and load-failure isolation."""

from __future__ import annotations

import types
from importlib import metadata
from typing import Any

import pytest

import communique
from communique import PluginError, hookimpl
from communique.plugins import DISABLE_ENV, disabled_from_env, load_plugins

from helpers import Declared, Plugin


def test_builtins_come_through_the_entry_point_group() -> None:
    eps = {ep.name: ep.value for ep in metadata.entry_points(group="communique")}
    assert eps["actors"] == "communique.extractors.actors.plugin"
    host = load_plugins()
    registered = {r.extractor.name: r for r in host.extractors()}
    assert "actors" in registered
    assert registered["actors"].plugin == "actors"
    assert registered["actors"].package == "communique"


def test_misspelt_hook_fails_loudly() -> None:
    module = types.ModuleType("typo_plugin")

    @hookimpl
    def communique_register_extractor(register: Any) -> None:  # missing "s"
        raise AssertionError("never called")

    module.communique_register_extractor = communique_register_extractor  # type: ignore[attr-defined]
    with pytest.raises(
        PluginError, match=r"plugin 'typo_plugin' is invalid: .*communique_register_extractor"
    ):
        load_plugins(plugins=[module], entry_points=False)


def test_wrong_hook_argument_fails_loudly() -> None:
    module = types.ModuleType("bad_args")

    @hookimpl
    def communique_register_extractors(registry: Any) -> None:
        raise AssertionError("never called")

    module.communique_register_extractors = communique_register_extractors  # type: ignore[attr-defined]
    with pytest.raises(PluginError, match="bad_args"):
        load_plugins(plugins=[module], entry_points=False)


def test_invalid_extractor_is_refused_with_reasons() -> None:
    class NoName:
        version = "1"
        requires = ["not", "a", "tuple"]  # noqa: RUF012 - deliberately wrong
        provides = ()

        def extract(self, ctx: Any) -> None: ...

    host = load_plugins(plugins=[Plugin(NoName(), name="sloppy")], entry_points=False)  # type: ignore[arg-type]
    with pytest.raises(
        PluginError,
        match=r"'sloppy' registered an invalid extractor.*`name`.*`requires` must be a tuple",
    ):
        host.extractors()


def test_failing_registration_hook_is_recorded_and_others_load() -> None:
    class Exploding:
        __name__ = "exploding"

        @hookimpl
        def communique_register_extractors(self, register: Any) -> None:
            raise RuntimeError("cannot start")

    host = load_plugins(plugins=[Exploding(), Plugin(Declared("fine"))], entry_points=False)
    assert [r.extractor.name for r in host.extractors()] == ["fine"]
    assert host.failures[0].name == "exploding"
    assert "RuntimeError: cannot start" in host.failures[0].error


def test_disable_by_plugin_and_by_extractor_name() -> None:
    host = load_plugins(disabled={"actors"})
    assert "actors" not in {r.extractor.name for r in host.extractors()}
    host = load_plugins(
        plugins=[Plugin(Declared("one"), Declared("two"))], entry_points=False, disabled={"two"}
    )
    assert [r.extractor.name for r in host.extractors()] == ["one"]


def test_disable_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert disabled_from_env({DISABLE_ENV: "quotes, agreements money"}) == {
        "quotes",
        "agreements",
        "money",
    }
    monkeypatch.setenv(DISABLE_ENV, "agreements")
    pipeline = communique.Pipeline()
    assert "agreements" not in [e.name for e in pipeline.extractors]
    assert "agreements" in pipeline.explain()


def test_pipeline_strict_refuses_plugin_load_failures() -> None:
    class Exploding:
        __name__ = "exploding"

        @hookimpl
        def communique_register_extractors(self, register: Any) -> None:
            raise RuntimeError("cannot start")

    pipeline = communique.Pipeline(plugins=[Exploding()], entry_points=False)
    assert pipeline.load_failures[0][0] == "exploding"
    with pytest.raises(PluginError, match=r"plugin 'exploding' failed to load: .*cannot start"):
        communique.Pipeline(plugins=[Exploding()], entry_points=False, strict=True)


def test_prepare_nlp_hook_sees_the_pipeline(nlp: Any) -> None:
    seen: list[Any] = []

    class Preparer:
        __name__ = "preparer"

        @hookimpl
        def communique_prepare_nlp(self, nlp: Any) -> None:
            seen.append(nlp)

    communique.Pipeline(nlp, plugins=[Preparer()], entry_points=False)
    assert seen == [nlp]
