"""Helper: which organisations are armed groups, rebels, militias or opposition movements.

spaCy tags them all ORG; the model's ``group`` kind needs a decision. A short lexicon of
well-known armed groups plus name words that mark one ("Front", "Brigades", an "Army" with no
country in its name) decides, so new groups with such names are still caught.
"""

from __future__ import annotations

from communique.extractors.actors.names import words

STRICT_WORDS = frozenset(
    {
        "qaeda",
        "qaida",
        "nusra",
        "taliban",
        "hamas",
        "hezbollah",
        "hizbollah",
        "hizballah",
        "isis",
        "isil",
        "daesh",
        "shabab",
        "shabaab",
        "boko",
        "houthi",
        "houthis",
        "farc",
        "jabhat",
        "mujahideen",
        "mujahedeen",
        "lashkar",
        "jaish",
        "polisario",
        "peshmerga",
        "janjaweed",
    }
)
"""Names of armed groups so specific that they win even over spaCy's PERSON label."""

GROUP_WORDS = STRICT_WORDS | frozenset(
    {
        "pkk",
        "eln",
        "ypg",
        "sdf",
        "hts",
        "ansar",
        "ansarullah",
        "tahrir",
        "militia",
        "militias",
        "brigades",
        "brigade",
        "battalion",
        "battalions",
        "rebels",
        "insurgents",
        "jihad",
        "wagner",
        "m23",
        "ira",
        "eta",
        "sendero",
        "zapatista",
        "zapatistas",
        "opposition",
        "front",
        "fateh",
        "sham",
        "levant",
    }
)
"""One of these words in a name makes the organisation a group."""

GROUP_PHRASES = (
    "islamic state",
    "free syrian army",
    "muslim brotherhood",
    "lord's resistance army",
    "irish republican army",
    "shining path",
    "kurdistan workers",
    "syrian democratic forces",
    "rapid support forces",
)


def is_group(name: str, has_country: bool, strict: bool = False) -> bool:
    """Is an organisation with this name an armed group or opposition movement?

    "Army" and "Forces" count only without a country ("Free Syrian Army" yes, "U.S. Army"
    no); "National Front"-style party names are accepted as movements.
    """
    low = name.casefold()
    if any(phrase in low for phrase in GROUP_PHRASES):
        return True
    ws = set(words(name))
    if strict:
        return bool(ws & STRICT_WORDS)
    if ws & GROUP_WORDS:
        return True
    return bool(ws & {"army", "forces"}) and not has_country and len(ws) > 1
