"""Docs and code must not drift apart (after datasette's tests/test_docs.py)."""

from __future__ import annotations

import inspect
import re

import pytest

import communique
from communique import hookspecs
from communique.cli import app

from conftest import ROOT

DOCS = ROOT / "docs"


def hook_names() -> list[str]:
    return sorted(name for name in dir(hookspecs) if name.startswith("communique_"))


def signature_text(name: str) -> str:
    """``name(arg: Type, ...) -> Return``, from the hookspec's (string) annotations."""
    func = getattr(hookspecs, name)
    annotations = dict(func.__annotations__)
    ret = annotations.pop("return", "None")
    params = ", ".join(f"{p}: {annotations[p]}" for p in inspect.signature(func).parameters)
    return f"{name}({params}) -> {ret}"


def test_there_are_hooks() -> None:
    assert "communique_register_extractors" in hook_names()


@pytest.mark.parametrize("name", hook_names())
def test_every_hook_is_documented_with_its_exact_signature(name: str) -> None:
    text = (DOCS / "plugins" / "hooks.md").read_text(encoding="utf-8")
    assert f"## {name}\n" in text, f"docs/plugins/hooks.md has no section for {name}"
    section = text.split(f"## {name}\n", 1)[1].split("\n## ", 1)[0]
    assert signature_text(name) in section, (
        f"the signature of {name} in docs/plugins/hooks.md differs from the code: "
        f"expected {signature_text(name)!r}"
    )


def test_hooks_page_documents_no_unknown_hooks() -> None:
    text = (DOCS / "plugins" / "hooks.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^## (communique_\w+)", text, re.M))
    assert documented == set(hook_names())


def test_every_cli_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands]
    names += [g.name for g in app.registered_groups]
    for name in names:
        assert name and f"communique {name}" in text, f"docs/cli.md does not document {name}"


def test_every_builtin_extractor_has_a_page() -> None:
    pipeline = communique.Pipeline()
    for extractor in pipeline.extractors:
        if pipeline.registration(extractor.name).package == "communique":
            assert (DOCS / "extractors" / f"{extractor.name}.md").is_file()


def test_public_names_have_docstrings_with_an_example() -> None:
    missing = []
    for name in communique.__all__:
        value = getattr(communique, name)
        if name.startswith("__") or isinstance(value, str):
            continue
        doc = value.__doc__ or ""
        if ">>>" not in doc:
            missing.append(name)
    assert not missing, f"public names without a docstring example: {missing}"


@pytest.mark.parametrize("package", ["actors", "agreements", "quotes"])
def test_every_extractor_module_is_in_its_page(package: str) -> None:
    """Each built-in extractor page lists its package's modules, one job each: a new module
    added without a line on the page is drift (the plugin glue and ``__init__`` aside)."""
    page = (DOCS / "extractors" / f"{package}.md").read_text(encoding="utf-8")
    modules = ROOT / "src" / "communique" / "extractors" / package
    missing = [
        path.name
        for path in sorted(modules.glob("*.py"))
        if path.name not in ("__init__.py", "plugin.py") and f"`{path.name}`" not in page
    ]
    assert not missing, f"docs/extractors/{package}.md does not list {missing}"
