"""Plugin discovery and registration.

Plugins are found through the ``communique`` entry-point group. The built-in extractors are
declared in communique's own ``pyproject.toml`` under that group and load through exactly this
code, like any third-party package. A plugin is blocked by its entry-point name; an extractor
can also be disabled by its own name (see :func:`disabled_from_env`).

A plugin that fails to import is recorded as a :class:`PluginLoadFailure`, with its
entry-point name, and the others still load. A plugin that implements a misspelt
``communique_*`` hook raises :class:`~communique.errors.PluginError` at once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from typing import Any

import pluggy

from communique import hookspecs
from communique.errors import PluginError
from communique.extractor import Extractor

ENTRY_POINT_GROUP = "communique"
DISABLE_ENV = "COMMUNIQUE_DISABLE"
"""Environment variable: comma-separated plugin or extractor names to turn off."""


@dataclass(frozen=True)
class PluginLoadFailure:
    """A plugin that could not be imported or could not register its extractors."""

    name: str
    error: str


@dataclass(frozen=True)
class RegisteredExtractor:
    """An extractor together with the plugin and distribution that registered it."""

    extractor: Extractor
    plugin: str
    package: str | None


def disabled_from_env(environ: dict[str, str] | None = None) -> frozenset[str]:
    """Names listed in ``COMMUNIQUE_DISABLE`` (comma or space separated)."""
    raw = (os.environ if environ is None else environ).get(DISABLE_ENV, "")
    return frozenset(part for part in raw.replace(",", " ").split() if part)


def _check_extractor(extractor: Any, plugin: str) -> Extractor:
    problems = []
    if not isinstance(getattr(extractor, "name", None), str) or not extractor.name:
        problems.append("`name` must be a non-empty str")
    if not isinstance(getattr(extractor, "version", None), str):
        problems.append("`version` must be a str")
    for attr in ("requires", "provides"):
        value = getattr(extractor, attr, None)
        if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
            problems.append(f"`{attr}` must be a tuple of str")
    if not callable(getattr(extractor, "extract", None)):
        problems.append("`extract(ctx)` must be a method")
    if problems:
        raise PluginError(
            f"plugin {plugin!r} registered an invalid extractor {extractor!r}: "
            + "; ".join(problems),
            plugin=plugin,
        )
    return extractor  # type: ignore[no-any-return]


class PluginHost:
    """A pluggy manager with communique's hooks, loaded plugins and load failures."""

    def __init__(self, disabled: Iterable[str] = ()) -> None:
        self.disabled = frozenset(disabled)
        self.manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.manager.add_hookspecs(hookspecs)
        self.failures: list[PluginLoadFailure] = []
        self._packages: dict[str, str | None] = {}

    def load_entry_points(self) -> None:
        """Import and register every plugin of the ``communique`` entry-point group."""
        seen: set[str] = set()
        for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if ep.name in seen:
                continue
            seen.add(ep.name)
            if ep.name in self.disabled:
                self.manager.set_blocked(ep.name)
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must not stop the others
                self.failures.append(
                    PluginLoadFailure(ep.name, f"import of {ep.value!r} failed: {_brief(exc)}")
                )
                continue
            dist = getattr(ep, "dist", None)
            self.register(plugin, ep.name, package=dist.name if dist is not None else None)

    def register(self, plugin: object, name: str, *, package: str | None = None) -> None:
        """Register one plugin object or module under ``name``; checks hook names at once."""
        if name in self.disabled:
            return
        try:
            self.manager.register(plugin, name=name)
            self.manager.check_pending()
        except ValueError as exc:  # pluggy: the name or the object is registered already
            raise PluginError(f"plugin {name!r} cannot be registered: {exc}", plugin=name) from exc
        except pluggy.PluginValidationError as exc:
            self.manager.unregister(name=name)
            raise PluginError(
                f"plugin {name!r} is invalid: {exc}. Hook names must match those in "
                f"communique.hookspecs; set {DISABLE_ENV}={name} to skip it.",
                plugin=name,
            ) from exc
        self._packages[name] = package

    def extractors(self) -> list[RegisteredExtractor]:
        """Collect extractors from every plugin; a plugin whose hook raises is recorded."""
        collected: list[RegisteredExtractor] = []
        hook = self.manager.hook.communique_register_extractors
        for impl in sorted(hook.get_hookimpls(), key=lambda i: i.plugin_name):
            batch: list[Any] = []
            try:
                impl.function(register=batch.append)
            except Exception as exc:
                self.failures.append(
                    PluginLoadFailure(
                        impl.plugin_name, f"registering extractors failed: {_brief(exc)}"
                    )
                )
                continue
            for extractor in batch:
                checked = _check_extractor(extractor, impl.plugin_name)
                if checked.name in self.disabled:
                    continue
                collected.append(
                    RegisteredExtractor(
                        checked, impl.plugin_name, self._packages.get(impl.plugin_name)
                    )
                )
        return collected

    def prepare_nlp(self, nlp: Any) -> None:
        """Let plugins adjust the spaCy pipeline (``communique_prepare_nlp``)."""
        for impl in sorted(
            self.manager.hook.communique_prepare_nlp.get_hookimpls(), key=lambda i: i.plugin_name
        ):
            try:
                impl.function(nlp=nlp)
            except Exception as exc:
                raise PluginError(
                    f"plugin {impl.plugin_name!r} failed in communique_prepare_nlp: {_brief(exc)}",
                    plugin=impl.plugin_name,
                ) from exc

    def register_knowledge(self, knowledge: Any) -> None:
        """Let plugins fill the knowledge base (``communique_register_knowledge``)."""
        for impl in sorted(
            self.manager.hook.communique_register_knowledge.get_hookimpls(),
            key=lambda i: i.plugin_name,
        ):
            try:
                impl.function(knowledge=knowledge)
            except Exception as exc:
                raise PluginError(
                    f"plugin {impl.plugin_name!r} failed in communique_register_knowledge: "
                    f"{_brief(exc)}",
                    plugin=impl.plugin_name,
                ) from exc


def load_plugins(
    *, disabled: Iterable[str] = (), plugins: Sequence[object] = (), entry_points: bool = True
) -> PluginHost:
    """Build a :class:`PluginHost` with the entry-point plugins and any extra plugin objects.

    Extra plugins (used by tests and scripts) are registered under their ``__name__`` or,
    failing that, their class name.
    """
    host = PluginHost(disabled)
    if entry_points:
        host.load_entry_points()
    for plugin in plugins:
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        host.register(plugin, str(name))
    return host


def _brief(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


__all__ = [
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "PluginHost",
    "PluginLoadFailure",
    "RegisteredExtractor",
    "disabled_from_env",
    "load_plugins",
]
