"""Helper: name normalisation and the tests that decide when two surface names are one entity.

Names are compared by *keys*, never raw text, so "U.S."/"US", "Al-Qaeda’s"/"Al-Qaeda" and
"the United Nations"/"United Nations" meet; the merge rules in :mod:`.cluster` only ever
compare keys and significant-token sets built here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_DOTS = re.compile(r"\.")
_SPLIT = re.compile(r"[\s\-‐–]+")

HONORIFICS: dict[str, str | None] = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "mme": "f",
    "madam": "f",
    "sir": "m",
    "dame": "f",
    "lady": "f",
    "lord": "m",
    "dr": None,
    "prof": None,
    "rev": None,
}
"""Honorific (lower case, no dot) → the gender it signals, if any."""

PARTICLES = frozenset(
    {
        "al",
        "el",
        "the",
        "of",
        "and",
        "de",
        "du",
        "la",
        "le",
        "von",
        "van",
        "bin",
        "ibn",
        "abu",
        "&",
        "for",
        "der",
        "den",
    }
)
"""Tokens that never make two names the same entity on their own (Al-Qaeda vs Al-Nusra)."""

GENERIC = frozenset(
    {
        "front",
        "party",
        "council",
        "ministry",
        "department",
        "committee",
        "united",
        "national",
        "international",
        "organization",
        "organisation",
        "union",
        "group",
        "army",
        "forces",
        "movement",
        "state",
        "states",
        "republic",
        "federal",
        "agency",
        "office",
        "house",
        "news",
        "association",
        "institute",
        "university",
        "bank",
        "company",
        "corporation",
        "corp",
        "inc",
        "foundation",
        "commission",
        "court",
        "center",
        "centre",
        "service",
        "services",
        "new",
        "democratic",
        "republican",
        "people",
        "peoples",
        "islamic",
        "liberation",
        "general",
        "assembly",
        "senate",
        "congress",
        "parliament",
        "government",
        "times",
        "post",
        "press",
        "daily",
        "world",
        "global",
        "american",
        "european",
        "nations",
        "alliance",
        "coalition",
        "brigade",
        "brigades",
        "authority",
        "board",
        "secretary",
        "minister",
        "foreign",
        "defense",
        "defence",
        "security",
        "affairs",
        "supreme",
        "high",
        "south",
        "north",
        "east",
        "west",
    }
)
"""Words too common to identify an organisation by themselves ("Front", "National")."""


def strip_possessive(text: str) -> str:
    """ "Al-Qaeda’s" → "Al-Qaeda"; "Hamas'" stays "Hamas'" only when no s precedes."""
    return POSSESSIVE.sub("", text)


def strip_article(text: str) -> str:
    """Drop a leading "the"/"The" (canonical names never start with it)."""
    return text[4:] if text[:4].casefold() == "the " else text


def name_key(text: str) -> str:
    """Case-folded, dot-free, article-free, possessive-free key of a name."""
    bare = strip_article(strip_possessive(text.strip()))
    return " ".join(_DOTS.sub("", bare).casefold().split())


def words(text: str) -> list[str]:
    """Name words, split at spaces and hyphens, case-folded, dots removed."""
    bare = _DOTS.sub("", strip_article(strip_possessive(text)))
    return [w.casefold() for w in _SPLIT.split(bare) if w]


def significant(text: str) -> frozenset[str]:
    """Words that can identify an entity: no particles, no one-letter initials."""
    return frozenset(w for w in words(text) if w not in PARTICLES and len(w) > 1)


def is_acronym(text: str) -> bool:
    """ "UN", "U.N.", "APEC", "ISIS": 2–6 capitals, dots allowed."""
    bare = _DOTS.sub("", text)
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()


def acronym_of(text: str) -> str:
    """Initials of the non-particle words: "Asia-Pacific Economic Cooperation" → "APEC"."""
    parts = [w for w in _SPLIT.split(strip_article(strip_possessive(text))) if w]
    return "".join(w[0].upper() for w in parts if w.casefold() not in PARTICLES and w[0].isalpha())


def acronym_matches(short: str, long: str) -> bool:
    """Is ``short`` an acronym of ``long``? Particles may be kept or left out ("DoD")."""
    bare = _DOTS.sub("", short).upper()
    if len(bare) < 2:
        return False
    parts = [w for w in _SPLIT.split(strip_article(strip_possessive(long))) if w]
    with_particles = "".join(w[0].upper() for w in parts if w[0].isalpha())
    return bare in (acronym_of(long), with_particles)


def person_parts(text: str) -> list[str]:
    """Name tokens of a person without honorifics: "Mr. John F. Kerry" → [John, F., Kerry]."""
    parts = [p for p in strip_possessive(text).split() if p]
    while parts and parts[0].rstrip(".").casefold() in HONORIFICS:
        parts = parts[1:]
    while parts and parts[-1].rstrip(".").casefold() in ("jr", "sr", "ii", "iii"):
        parts = parts[:-1]
    return parts


def gender_of_name(text: str, first_names: Mapping[str, str]) -> str | None:
    """Gender signalled by an honorific or a listed given name, else None."""
    raw = strip_possessive(text).split()
    if raw:
        signal = HONORIFICS.get(raw[0].rstrip(".").casefold())
        if signal:
            return signal
    parts = person_parts(text)
    if len(parts) >= 2:
        return first_names.get(parts[0])
    return None
