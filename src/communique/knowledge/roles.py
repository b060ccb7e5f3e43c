"""Role nouns and the sector they imply ("police" → COP, "rebels" → REB).

The OEDA agents dictionary (:mod:`communique.knowledge.oeda`) lists about 2,000 role nouns
but misses some of the commonest in wire news ("officials", "negotiators", "leaders",
"forces"): the supplement below fills those, and a plugin can add its own through
:meth:`communique.knowledge.KnowledgeBase.add_role`. Our supplement is consulted first, so a
plugin can also correct a sector the agents dictionary gets wrong for its texts.
"""

from __future__ import annotations

ROLE_SECTORS: dict[str, str] = {
    "spokesman": "", "spokeswoman": "", "spokesperson": "", "source": "", "sources": "",
    "official": "GOV", "officials": "GOV",
    "negotiator": "GOV", "negotiators": "GOV",
    "leader": "GOV", "leaders": "GOV",
    "delegation": "GOV", "delegations": "GOV",
    "side": "GOV", "sides": "GOV",
    "forces": "MIL", "military": "MIL", "troops": "MIL", "army": "MIL",
    "navy": "MIL", "air force": "MIL", "soldiers": "MIL", "warplanes": "MIL",
    "police": "COP", "policemen": "COP", "police officers": "COP",
    "parliament": "LEG", "lawmakers": "LEG", "legislators": "LEG", "senators": "LEG",
    "government": "GOV", "authorities": "GOV", "diplomats": "GOV", "ministers": "GOV",
    "rebels": "REB", "insurgents": "REB", "guerrillas": "REB", "separatists": "REB",
    "militants": "UAF", "gunmen": "UAF",
    "protesters": "OPP", "demonstrators": "OPP", "opposition": "OPP",
    "judges": "JUD", "prosecutors": "JUD", "courts": "JUD",
    "journalists": "MED", "reporters": "MED",
    "businessmen": "BUS", "companies": "BUS", "firms": "BUS",
    "refugees": "REF", "migrants": "REF",
    "farmers": "AGR", "workers": "LAB", "unions": "LAB",
    "students": "EDU", "clerics": "REL",
    "president": "GOV", "prime minister": "GOV", "minister": "GOV", "governor": "GOV",
    "gov": "GOV", "mayor": "GOV", "secretary": "GOV", "chancellor": "GOV", "premier": "GOV",
    "senator": "LEG", "sen": "LEG", "lawmaker": "LEG", "rep": "LEG", "congressman": "LEG",
    "congresswoman": "LEG", "judge": "JUD", "general": "MIL", "gen": "MIL",
    "state television": "MED", "state media": "MED", "television": "MED", "media": "MED",
    "fishermen": "CVL", "civilians": "CVL",
    "commissioner": "GOV", "ambassador": "GOV", "representative": "LEG", "commander": "MIL",
    "chief executive": "BUS", "executive": "BUS", "ceo": "BUS", "chairman": "BUS",
    "chairwoman": "BUS", "professor": "EDU", "researcher": "EDU",
    "bank": "BUS", "university": "EDU", "college": "EDU", "school": "EDU", "party": "PTY",
    "union": "LAB", "city council": "LEG", "ministry": "GOV", "defence ministry": "MIL",
    "defense ministry": "MIL", "defense department": "MIL", "pentagon": "MIL",
    "division": "MIL", "brigade": "MIL", "residents": "CVL", "villagers": "CVL", "voters": "CVL",
}
"""Our own role nouns → sector, singular and plural where both occur in group phrases; an
empty sector says the noun implies none (a spokesman speaks for any kind of body)."""

__all__ = ["ROLE_SECTORS"]
