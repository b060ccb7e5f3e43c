"""The built-in knowledge plugin: registers communique's own data through the public hook.

Declared as the ``knowledge`` entry point in ``pyproject.toml``, so it loads, and can be
disabled (``COMMUNIQUE_DISABLE=knowledge``), like any third-party plugin.
"""

from __future__ import annotations

from communique.hookspecs import hookimpl
from communique.knowledge.base import KnowledgeBase
from communique.knowledge.countries import Country, countryinfo_rows, curated_rows
from communique.knowledge.institutions import INSTITUTIONS
from communique.knowledge.names import load_first_names
from communique.knowledge.oeda.loader import OedaKnowledge
from communique.knowledge.places import SUBNATIONAL
from communique.knowledge.roles import ROLE_SECTORS
from communique.knowledge.titles import TITLES
from communique.knowledge.verbs import add_builtin_verbs

PLACE_ADJECTIVES: dict[str, str] = {
    "syrian": "Syria",
    "russian": "Russia",
    "american": "United States",
    "turkish": "Turkey",
    "iranian": "Iran",
    "iraqi": "Iraq",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "lebanese": "Lebanon",
    "egyptian": "Egypt",
    "libyan": "Libya",
    "yemeni": "Yemen",
    "saudi": "Saudi Arabia",
    "afghan": "Afghanistan",
    "pakistani": "Pakistan",
    "indian": "India",
    "chinese": "China",
    "japanese": "Japan",
    "korean": "Korea",
    "ukrainian": "Ukraine",
    "georgian": "Georgia",
    "armenian": "Armenia",
    "azerbaijani": "Azerbaijan",
    "sudanese": "Sudan",
    "ethiopian": "Ethiopia",
    "somali": "Somalia",
    "colombian": "Colombia",
    "french": "France",
    "german": "Germany",
    "british": "United Kingdom",
    "qatari": "Qatar",
    "jordanian": "Jordan",
    "kurdish": "Kurdistan",
    "malian": "Mali",
    "nigerian": "Nigeria",
    "congolese": "Congo",
    "european": "Europe",
    "mexican": "Mexico",
    "canadian": "Canada",
    "venezuelan": "Venezuela",
}
"""Place adjectives whose place name differs from, or is missing in, the country table
("korean" → "Korea", "kurdish" → "Kurdistan", "european" → "Europe"); the table's demonyms
cover the rest (see :meth:`KnowledgeBase.adjective_place`)."""


def _countries() -> list[Country]:
    """The curated table, its blanks filled from countryinfo."""
    return countryinfo_rows(curated_rows())


@hookimpl
def communique_register_knowledge(knowledge: KnowledgeBase) -> None:
    """Add the packaged countries, verbs, titles, first names, place adjectives, role
    nouns and the OEDA actor dictionaries."""
    knowledge.add_countries(_countries)
    add_builtin_verbs(knowledge.verbs)
    knowledge.titles.update(TITLES)
    knowledge.first_names.update(load_first_names())
    knowledge.place_adjectives.update(PLACE_ADJECTIVES)
    knowledge.role_sectors.update(ROLE_SECTORS)
    knowledge.subnational.update(SUBNATIONAL)
    for entry in INSTITUTIONS:
        knowledge.actors.add(entry)
    if knowledge.oeda is None:
        knowledge.oeda = OedaKnowledge()  # read on first use, not here


def builtin_knowledge() -> KnowledgeBase:
    """A new knowledge base holding only the built-in data, for use outside a Pipeline
    (scripts, tests, notebooks). A Pipeline's ``knowledge`` also has its plugins' entries.

    Example:
        >>> builtin_knowledge().countries.by_demonym("Russian")
        'RUS'
    """
    knowledge = KnowledgeBase()
    communique_register_knowledge(knowledge)
    return knowledge
