"""Turn parsed dictionary records into shipped :class:`OedaEntry` records.

This is where the judgement calls live: the kind of each entry, its display name, which
synonyms are acronyms (matched case-sensitively), and which are skipped because they would match
ordinary English ("Bush" alone, "Justice", one-letter tokens). ``tools/build_oeda.py`` runs it
over the four dictionaries; tests run it over small inline snippets.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from communique.knowledge.oeda.dates import codes_on
from communique.knowledge.oeda.dictionary import RawActor
from communique.knowledge.oeda.records import CodeRange, OedaEntry

__all__ = ["BuildReport", "build_entries", "display_name"]

Tokenize = Callable[[str], list[str]]

_SMALL = frozenset(
    "OF THE AND FOR ON IN TO AT BY DE DEL DES DA DO DOS DU LA LE LES EL VON VAN DER Y E".split()
)
_NAME_PARTS = frozenset("AL EL ABU BIN IBN BEN BEN SAN SAO MAN NEW OLD RED".split())
"""Short words that are parts of names, never acronyms."""
_ORG_WORDS = frozenset(
    """ORGANIZATION ORGANISATION AGENCY COUNCIL UNION COMMISSION BANK FUND COURT COMMITTEE PARTY
    FRONT ARMY MOVEMENT ASSOCIATION FEDERATION INSTITUTE OFFICE PROGRAMME PROGRAM FORCE FORCES
    GROUP BRIGADE BRIGADES LEAGUE ALLIANCE CENTER CENTRE FOUNDATION SOCIETY NETWORK MISSION
    ADMINISTRATION MINISTRY CONTINGENT TRIBUNAL PANEL INITIATIVE NATIONS CORPS COALITION""".split()
)
_PAREN = re.compile(r"\(([A-Z][A-Z.\-]*)\)")


@dataclass
class BuildReport:
    """What the build kept and skipped, and why (for the build log and the docs)."""

    entries: int = 0
    patterns: int = 0
    acronyms: int = 0
    surnames: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def _is_initials(token: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", token))


def _word(token: str, first: bool, acronym: bool) -> str:
    if not first and token in _SMALL:
        return token.lower()
    if _is_initials(token) or acronym:
        return token
    parts = token.split("-")
    cased = "-".join(part[:1] + part[1:].lower() for part in parts)
    return re.sub(r"\b([OD])'([a-z])", lambda m: f"{m.group(1)}'{m.group(2).upper()}", cased)


def _acronym_shaped(token: str, kind: str, common: frozenset[str], alone: bool = True) -> bool:
    """Whether an upper-case token is an acronym: short, vowel-less, or (alone, outside countries)
    a four-letter non-word such as NATO or FARC; a four-letter word in a longer name ("Moro
    Islamic ...") is a name."""
    letters = token.replace(".", "").replace("&", "")
    if kind == "person" or not letters.isalpha() or not token.isupper() or token in _NAME_PARTS:
        return False
    return (
        len(letters) <= 3
        or (len(letters) <= 5 and not re.search("[AEIOU]", letters))
        or (alone and len(letters) == 4 and kind != "country" and letters.lower() not in common)
    )


def display_name(text: str, kind: str, common: frozenset[str]) -> str:
    """A readable name for an upper-case dictionary phrase; acronyms stay upper-case.

    Example:
        >>> display_name("MORO ISLAMIC LIBERATION FRONT", "group", frozenset({"front"}))
        'Moro Islamic Liberation Front'
        >>> display_name("GEORGE W. BUSH", "person", frozenset())
        'George W. Bush'
        >>> display_name("NATO", "organization", frozenset())
        'NATO'
    """
    tokens = text.split()
    alone = len(tokens) == 1
    return " ".join(
        _word(t, i == 0, _acronym_shaped(t, kind, common, alone)) for i, t in enumerate(tokens)
    )


def _latest(raw: RawActor) -> CodeRange | None:
    return codes_on(OedaEntry("", "", "", (), (), tuple(raw.codes)), None)


def _kind(source: str, raw: RawActor, common: frozenset[str]) -> str:
    """The entry's kind. The dictionaries do not say it, so: the armed-groups file gives groups;
    a record whose latest code is a bare country ("[UKR >911221]") is that country; a record
    commented "CountryInfo" (the leaders' lists), or a name of 2-4 non-English words with dated
    codes (an office held for a time), is a person; IMG/REB codes make a group; the rest are
    organisations ("Wells Fargo", "White House")."""
    if source == "milnonstate":
        return "group"
    latest = _latest(raw)
    bare_country = latest is not None and len(latest.code) == 3 and latest.country is not None
    if source == "countries" and "CountryInfo" not in raw.comment and bare_country:
        return "country"
    if "CountryInfo" in raw.comment or "rulers" in raw.comment:
        return "person"
    if latest is not None and latest.sector in ("IMG", "REB"):
        return "group"
    words = raw.primary.split()
    dated = any(not code.is_default for code in raw.codes)
    named = 2 <= len(words) <= 4 and all(w.isalpha() and w.lower() not in common for w in words)
    return "person" if dated and named and not _ORG_WORDS.intersection(words) else "organization"


def _names(
    raw: RawActor, kind: str, common: frozenset[str], tokenize: Tokenize, report: BuildReport
) -> tuple[list[str], list[str]]:
    names: list[str] = []
    acronyms: list[str] = []
    phrases = [raw.primary, *raw.synonyms]
    for text in list(phrases):
        phrases.extend(_PAREN.findall(text))
    for text in phrases:
        text = " ".join(_PAREN.sub(" ", text).split())
        if text.startswith("THE ") and len(text) > 4:
            # The article is not part of the name: the actor's span is "UN", not "the UN".
            text = text[4:]
        tokens = tokenize(display_name(text, kind, common)) if text else []
        if not tokens:
            continue
        if len(tokens) == 1 and len(tokens[0].strip(".")) <= 1:
            report.skipped["one-letter token"] += 1
        elif len(tokens) == 1 and _acronym_shaped(text, kind, common):
            acronyms.append(text)
        elif len(tokens) == 1 and kind != "country" and tokens[0].lower() in common:
            report.skipped["single common English word"] += 1
        else:
            names.append(" ".join(tokens).lower())
    return list(dict.fromkeys(names)), list(dict.fromkeys(acronyms))


def _kb_id(raw: RawActor, kind: str) -> str:
    latest = _latest(raw)
    if kind == "country" and latest is not None and latest.country:
        return f"country:{latest.country}"
    return "oeda:" + _primary(raw).replace(" ", "_")


def _primary(raw: RawActor) -> str:
    """The primary phrase without a parenthesised acronym or a leading "THE" (so "THE UN" and
    "UN" are one entry, ``oeda:UN``)."""
    text = " ".join(_PAREN.sub(" ", raw.primary).split())
    return text[4:] if text.startswith("THE ") and len(text) > 4 else text


def build_entries(
    sources: Iterable[tuple[str, list[RawActor]]], common: frozenset[str], tokenize: Tokenize
) -> tuple[list[OedaEntry], BuildReport]:
    """Shipped entries from parsed records of each source ("countries", "international",
    "milnonstate"); ``common`` is a set of lower-case ordinary English words."""
    report = BuildReport()
    entries: dict[str, OedaEntry] = {}
    for source, actors in sources:
        for raw in actors:
            if not raw.codes:
                report.skipped["entry without a usable code"] += 1
                continue
            kind = _kind(source, raw, common)
            names, acronyms = _names(raw, kind, common, tokenize, report)
            if not names and not acronyms:
                report.skipped["entry left without a name"] += 1
                continue
            kb_id = _kb_id(raw, kind)
            entries[kb_id] = _merge(entries.get(kb_id), kb_id, raw, kind, names, acronyms, common)
    _add_surnames(entries, common, report)
    report.entries = len(entries)
    report.patterns = sum(len(e.names) + len(e.acronyms) for e in entries.values())
    report.acronyms = sum(len(e.acronyms) for e in entries.values())
    return list(entries.values()), report


def _merge(
    old: OedaEntry | None,
    kb_id: str,
    raw: RawActor,
    kind: str,
    names: list[str],
    acronyms: list[str],
    common: frozenset[str],
) -> OedaEntry:
    """A new entry, or ``old`` with the names and codes of a second record of the same id."""
    codes: tuple[CodeRange, ...] = tuple(dict.fromkeys(raw.codes))
    if old is None:
        name = display_name(_primary(raw), kind, common)
        return OedaEntry(kb_id, name, kind, tuple(names), tuple(acronyms), codes)
    return OedaEntry(
        kb_id,
        old.name,
        old.kind,
        tuple(dict.fromkeys([*old.names, *names])),
        tuple(dict.fromkeys([*old.acronyms, *acronyms])),
        tuple(dict.fromkeys([*old.codes, *codes])),
    )


def _is_common(word: str, common: frozenset[str]) -> bool:
    """An English word, or a plural of one ("laws", "communities")."""
    if word in common:
        return True
    stems = [word[:-1]] if word.endswith("s") else []
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    return any(stem in common for stem in stems)


def _add_surnames(
    entries: dict[str, OedaEntry], common: frozenset[str], report: BuildReport
) -> None:
    """Give each person its family name alone when that name is unambiguous and no word.

    The dictionaries list "ROBERT_MUGABE" but news says "President Mugabe" or "Mugabe". A last
    name is added only if it has at least four letters, is no English word (nor a plural of
    one), is no other entry's one-word name (a country, a capital), is nobody's first name
    ("Carlos", "Julie") and belongs to no other person.
    """
    owners: dict[str, set[str]] = {}
    given: set[str] = set()
    one_word = {n for e in entries.values() for n in e.names if " " not in n}
    for entry in entries.values():
        if entry.kind != "person" or not entry.names:
            continue
        tokens = entry.names[0].split()
        if len(tokens) > 1:
            owners.setdefault(tokens[-1], set()).add(entry.kb_id)
            given.add(tokens[0])
    for surname, ids in owners.items():
        if len(ids) != 1 or len(surname) < 4 or not surname.isalpha() or surname in given:
            continue
        if _is_common(surname, common) or surname in one_word:
            continue
        if surname.upper() in _SMALL | _NAME_PARTS:
            continue
        entry = entries[next(iter(ids))]
        entries[entry.kb_id] = replace(entry, surnames=(surname,))
        report.surnames += 1
