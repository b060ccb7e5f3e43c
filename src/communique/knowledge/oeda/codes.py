"""CAMEO actor codes → (ISO 3166-1 alpha-3 country, sector), and PETRARCH dates → dates.

A CAMEO code is a chain of three-letter parts: a country (almost always ISO alpha-3) or an
international type (IGO, NGO, IMG, MNC), then sectors and sub-sectors ("USAGOVLEG",
"IGOUNOREFHCR"). Event-data coders compare the country and the first sector; we keep exactly
those two, plus the raw code so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pycountry

__all__ = ["SECTORS", "parse_code", "parse_date", "sector_of_agent_code"]

SECTORS: dict[str, str] = {
    "GOV": "government: heads of state and government, ministers, officials",
    "MIL": "military: armed forces, soldiers, officers",
    "REB": "rebels: armed insurgents and non-state armed groups",
    "OPP": "opposition: political opposition, protesters, dissidents",
    "PTY": "political party",
    "COP": "police and security services",
    "JUD": "judiciary: courts, judges, prosecutors",
    "LEG": "legislature: parliament, lawmakers",
    "ELI": "elites: former office-holders and other prominent people",
    "CVL": "civilians: ordinary people, residents",
    "BUS": "business: companies, executives",
    "MED": "media: journalists, newspapers, broadcasters",
    "EDU": "education: students, teachers, universities",
    "REL": "religion: clergy and religious groups",
    "REF": "refugees and displaced people",
    "LAB": "labour: unions and workers",
    "SPY": "intelligence services",
    "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation",
    "IMG": "international militarised group (e.g. transnational armed groups)",
    "MNC": "multinational corporation",
    "AGR": "agriculture: farmers",
    "CRM": "criminals",
    "DEV": "development",
    "ENV": "environment",
    "HLH": "health",
    "HRI": "human rights",
    "MOD": "moderates",
    "RAD": "radicals",
    "SEP": "separatists",
    "UAF": "unaligned armed forces",
    "INS": "insurgents",
}
"""The sector vocabulary kept from the dictionaries, one line each (CAMEO's codes)."""

_RELIGIONS = frozenset(
    {
        "ADR",
        "ALE",
        "ATH",
        "BAH",
        "BUD",
        "CHR",
        "CON",
        "CPT",
        "CTH",
        "DOX",
        "HIN",
        "HSD",
        "ITR",
        "JAN",
        "JEW",
        "JHW",
        "LDS",
        "MOS",
        "MUS",
        "NEW",
        "ORT",
        "PRO",
        "SHI",
        "SHN",
        "SIK",
        "SUN",
        "TAO",
        "ZRO",
    }
)
"""CAMEO's religion codes: as a sector they all become REL."""

_INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM"})

NON_ISO_COUNTRIES: dict[str, str] = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "TMP": "TLS",
    "ROM": "ROU",
    "ZAR": "COD",
    "BUR": "MMR",
}
"""CAMEO country codes that differ from ISO 3166-1 alpha-3 for the same country.

Historic states (USR, YUG, SCG, CSK, DDR) and Kosovo (KSV) have no current ISO code and give no
country; regional codes (AFR, MEA, WST, EUR, ...) give none either.
"""


@lru_cache(maxsize=512)
def _iso(code: str) -> str | None:
    if code in NON_ISO_COUNTRIES:
        return NON_ISO_COUNTRIES[code]
    return code if pycountry.countries.get(alpha_3=code) is not None else None


def _sector(part: str) -> str | None:
    if part in SECTORS:
        return part
    return "REL" if part in _RELIGIONS else None


def parse_code(code: str) -> tuple[str | None, str | None]:
    """The (ISO country, sector) of a CAMEO actor code; either may be None.

    Example:
        >>> parse_code("USAGOVLEG"), parse_code("JAPMIL"), parse_code("IGOUNOREF")
        (('USA', 'GOV'), ('JPN', 'MIL'), (None, 'IGO'))
        >>> parse_code("AFRREB"), parse_code("ELI")
        ((None, 'REB'), (None, 'ELI'))
    """
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not parts or not parts[0]:
        return None, None
    if parts[0] in _INTERNATIONAL:
        return None, parts[0]
    country = _iso(parts[0])
    rest = parts[1:] if country is not None or _sector(parts[0]) is None else parts
    sector = next((s for s in map(_sector, rest) if s is not None), None)
    return country, sector


def sector_of_agent_code(code: str) -> str | None:
    """The sector of an agents-dictionary code ("~GOVFRM" → GOV, "NGO~" → NGO, "~MUS" → REL)."""
    letters = code.strip("~[]{} ")
    return _sector(letters[:3]) if len(letters) >= 3 else None


def parse_date(text: str) -> dt.date | None:
    """A PETRARCH date (YYYYMMDD, or YYMMDD with 00-30 read as 20xx); None when malformed.

    Example:
        >>> parse_date("090120"), parse_date("19290101"), parse_date("780101")
        (datetime.date(2009, 1, 20), datetime.date(1929, 1, 1), datetime.date(1978, 1, 1))
    """
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        century = 2000 if int(text[:2]) <= 30 else 1900
        year, rest = century + int(text[:2]), text[2:]
    else:
        year, rest = int(text[:4]), text[4:]
    try:
        return dt.date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        return None
