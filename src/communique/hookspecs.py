"""The hooks a communique plugin can implement. This module is the whole plugin interface.

A plugin is a module or object with functions decorated by :data:`hookimpl` whose names
match the specs below. Every hook name starts with ``communique_``; a function so named
that matches no spec makes plugin loading fail loudly (``check_pending``), so a misspelt
hook never goes silently unused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from spacy.language import Language

    from communique.extractor import Extractor
    from communique.knowledge import KnowledgeBase

PROJECT_NAME = "communique"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)


class HookimplMarker(pluggy.HookimplMarker):  # type: ignore[misc]  # final for typing only
    """Decorator that marks a plugin function as a communique hook implementation.

    Example:
        >>> from communique import hookimpl
        >>> @hookimpl
        ... def communique_register_extractors(register):
        ...     pass
    """

    __slots__ = ()


hookimpl = HookimplMarker(PROJECT_NAME)


@hookspec
def communique_register_extractors(register: Callable[[Extractor], None]) -> None:
    """Register extractors by calling ``register(extractor)`` once for each.

    Example:
        >>> @hookimpl
        ... def communique_register_extractors(register):
        ...     register(MoneyExtractor())
    """


@hookspec
def communique_prepare_nlp(nlp: Language) -> None:
    """Adjust the loaded spaCy pipeline before any text is parsed.

    Called once per :class:`~communique.Pipeline`, after the model is loaded. Use it to add
    components (an ``entity_ruler`` with domain names, say). Changes apply to every
    extractor, so add, never remove.
    """


@hookspec
def communique_register_knowledge(knowledge: KnowledgeBase) -> None:
    """Add entries to the pipeline's knowledge base: known actors, verbs, countries, names.

    Called once per :class:`~communique.Pipeline`, the first time its knowledge is needed,
    in plugin-name order. The built-in data (countries, reporting verbs, titles, first
    names) comes through this same hook. Add, never remove: other plugins rely on what the
    built-ins register.

    Example:
        >>> @hookimpl
        ... def communique_register_knowledge(knowledge):
        ...     knowledge.add_actor("Acme Corp", kind="organization", kb_id="acme:1",
        ...                         aliases=("Acme",), country="USA", sector="BUS")
    """
