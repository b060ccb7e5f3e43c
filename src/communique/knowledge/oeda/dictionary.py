"""Read PETRARCH/TABARI actor and agent dictionaries (the OEDA ``Phoenix.*.txt`` files).

Only the parts communique uses are read: primary phrases, ``+`` synonyms, codes with their date
restrictions (``[USAGOV 010120-090120]``, ``[USAGOV >090120]``, ``[USAELI <061231]``, undated
defaults), and the agents' plurals and ``!PERSON!`` substitution sets. See FORMAT.rst in the
dictionaries for the full format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from communique.knowledge.oeda.codes import parse_code, parse_date, sector_of_agent_code
from communique.knowledge.oeda.records import CodeRange, RoleNoun

__all__ = ["RawActor", "parse_actors", "parse_agents", "parse_restriction", "phrase"]

_CODE = re.compile(r"\[([^\]]*)\]")
_COMMENT = re.compile(r"[#;]")


@dataclass
class RawActor:
    """One actor record as written in a dictionary, before names are tokenized or filtered."""

    primary: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[CodeRange] = field(default_factory=list)
    comment: str = ""


def phrase(text: str) -> str:
    """A dictionary phrase as upper-case words: ``_`` joins words, a trailing ``_`` is dropped.

    Example:
        >>> phrase("+PRESIDENT_GEORGE_W._BUSH_ ")
        'PRESIDENT GEORGE W. BUSH'
    """
    return " ".join(text.lstrip("+").replace("_", " ").split()).upper()


def parse_restriction(body: str) -> CodeRange | None:
    """One ``[CODE restriction]`` body → a :class:`CodeRange`; None for null or malformed codes.

    Example:
        >>> parse_restriction("USAGOV >090120").start
        datetime.date(2009, 1, 20)
        >>> parse_restriction("USAELI 780101-000101").until
        datetime.date(2000, 1, 1)
        >>> parse_restriction("---") is None
        True
    """
    parts = body.split()
    if not parts or not parts[0].isalpha():
        return None
    code = parts[0].upper()
    country, sector = parse_code(code)
    if len(parts) == 1:
        return CodeRange(code, country, sector, None, None)
    when = "".join(parts[1:])
    if when.startswith(">"):
        start, until = parse_date(when[1:]), None
        ok = start is not None
    elif when.startswith("<"):
        start, until = None, parse_date(when[1:])
        ok = until is not None
    else:
        first, _, last = when.partition("-")
        start, until = parse_date(first), parse_date(last)
        ok = start is not None and until is not None
    return CodeRange(code, country, sector, start, until) if ok else None


def _codes(text: str) -> list[CodeRange]:
    found = (parse_restriction(body) for body in _CODE.findall(text))
    return [code for code in found if code is not None]


def parse_actors(text: str) -> list[RawActor]:
    """Every actor record in an actor dictionary, in file order.

    Example:
        >>> [a] = parse_actors("BARACK_OBAMA\\n+PRESIDENT_OBAMA_\\n\\t[USAGOV >090120]\\n")
        >>> a.primary, a.synonyms, a.codes[0].code
        ('BARACK OBAMA', ['PRESIDENT OBAMA'], 'USAGOV')
    """
    actors: list[RawActor] = []
    current: RawActor | None = None
    for line in text.splitlines():
        content, _, comment = _COMMENT.split(line, maxsplit=1)[0], "", ""
        if _COMMENT.search(line):
            comment = line[_COMMENT.search(line).end() :]  # type: ignore[union-attr]
        head = _CODE.sub(" ", content).strip()
        if not content.strip():
            continue
        if line[0] in " \t" or not head:
            if current is not None:
                current.codes.extend(_codes(content))
            continue
        if head.startswith("+"):
            if current is not None and phrase(head):
                current.synonyms.append(phrase(head))
                current.codes.extend(_codes(content))
            continue
        current = RawActor(phrase(head), codes=_codes(content), comment=comment.strip())
        actors.append(current)
    return actors


def _substitutions(text: str) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    for line in text.splitlines():
        match = re.match(r"\s*(![A-Z]+!)\s*=\s*(.+)", line)
        if match:
            sets[match.group(1)] = [w.strip() for w in match.group(2).split(",") if w.strip()]
    return sets


def _plural(word: str) -> str:
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("SS", "SH", "CH", "X")):
        return word + "ES"
    return word + "S"


def _expand(root: str, sets: dict[str, list[str]]) -> list[str]:
    for marker, words in sets.items():
        if marker in root:
            return [form for word in words for form in _expand(root.replace(marker, word), sets)]
    return [root]


def parse_agents(text: str) -> list[RoleNoun]:
    """Role nouns with their sector: singulars, regular plurals and the plurals given in ``{}``.

    A ``{}`` with nothing inside means the noun has no separate plural ("police").

    Example:
        >>> text = "LAWMAN {LAWMEN} [~COP]\\nPOLICE {} [~COP]"
        >>> [(r.phrase, r.sector) for r in parse_agents(text)]
        [('lawman', 'COP'), ('lawmen', 'COP'), ('police', 'COP')]
    """
    sets = _substitutions(text)
    nouns: list[RoleNoun] = []
    for line in text.splitlines():
        content = line.split("#", 1)[0]
        code = re.search(r"\[([^\]\}]*)[\]\}]", content)
        if not code or "=" in content:
            continue
        sector = sector_of_agent_code(code.group(1))
        if sector is None:
            continue
        root_part = content[: code.start()]
        plural = re.search(r"\{([^}]*)\}", root_part)
        root = phrase(re.sub(r"\{[^}]*\}", " ", root_part))
        forms = _expand(root, sets)
        if plural is None:
            if "!" not in root:
                forms = [*forms, _plural(root)]
        elif plural.group(1).strip():
            forms = [*forms, *_expand(phrase(plural.group(1)), sets)]
        raw = code.group(1).strip("~ ")
        nouns.extend(RoleNoun(form.lower(), sector, raw) for form in forms if form)
    return nouns
