"""The Open Event Data Alliance actor and agent dictionaries as a knowledge base.

About 30,000 known actors (heads of state and government, ministers, party leaders,
international organisations, armed non-state groups) with date-ranged CAMEO codes, and about
2,000 role nouns with sectors; processed by ``tools/build_oeda.py`` and shipped under the MIT
licence in ``LICENSE`` beside this file. Coverage ends around 2014.

Example:
    >>> import datetime as dt
    >>> import spacy
    >>> kb = OedaKnowledge()
    >>> doc = spacy.blank("en")("President Mugabe and the UN disagreed.")
    >>> [(m.text, m.entry.kb_id, m.code.sector) for m in kb.match(doc, dt.date(2010, 1, 1))]
    [('Mugabe', 'oeda:ROBERT_MUGABE', 'GOV'), ('UN', 'oeda:UN', 'IGO')]
"""

from __future__ import annotations

from communique.knowledge.oeda.codes import SECTORS, parse_code
from communique.knowledge.oeda.dates import codes_on, resolve
from communique.knowledge.oeda.loader import OedaKnowledge
from communique.knowledge.oeda.matcher import ActorMatch, OedaMatcher
from communique.knowledge.oeda.records import CodeRange, OedaEntry, RoleNoun

__all__ = [
    "SECTORS",
    "ActorMatch",
    "CodeRange",
    "OedaEntry",
    "OedaKnowledge",
    "OedaMatcher",
    "RoleNoun",
    "codes_on",
    "parse_code",
    "resolve",
]
