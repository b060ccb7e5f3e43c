"""The knowledge layer: everything communique looks up rather than computes.

A :class:`KnowledgeBase` holds the country table (:mod:`.countries`), the reporting-verb
lexicon with its classes (:mod:`.verbs`), titles (:mod:`.titles`), first names and known
actors (:mod:`.actors`). Each :class:`~communique.Pipeline` owns one and fills it once,
through the ``communique_register_knowledge`` hook; the built-in data arrives through that
hook too (:mod:`.builtin`).
"""

from communique.knowledge.actors import ActorDictionary, ActorEntry
from communique.knowledge.base import CountrySource, KnowledgeBase
from communique.knowledge.countries import Country, CountryTable
from communique.knowledge.verbs import VerbClass, VerbLexicon

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "Country",
    "CountrySource",
    "CountryTable",
    "KnowledgeBase",
    "VerbClass",
    "VerbLexicon",
]
