"""The title lexicon: which words before or after a name are a title, and how to print it.

Titles come only from this lexicon (no guessing from capitalisation), so "State" in
"Secretary of State" is recognised as part of a title and not as an organisation. Role nouns
("diplomat", "counterpart", "official") describe people without being titles; they head the
nominal mentions resolved in :mod:`.coref`.
"""

from __future__ import annotations

TITLES: tuple[str, ...] = (
    "secretary of state",
    "secretary-general",
    "secretary general",
    "under secretary",
    "foreign minister",
    "prime minister",
    "deputy prime minister",
    "deputy foreign minister",
    "defense minister",
    "defence minister",
    "interior minister",
    "finance minister",
    "economy minister",
    "energy minister",
    "justice minister",
    "health minister",
    "information minister",
    "oil minister",
    "trade minister",
    "minister of foreign affairs",
    "foreign affairs minister",
    "minister",
    "deputy minister",
    "foreign secretary",
    "defense secretary",
    "defence secretary",
    "home secretary",
    "treasury secretary",
    "press secretary",
    "secretary",
    "vice president",
    "president",
    "president-elect",
    "vice-president",
    "chancellor",
    "senator",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "crown prince",
    "emir",
    "sheikh",
    "ayatollah",
    "supreme leader",
    "speaker",
    "house speaker",
    "ambassador",
    "envoy",
    "special envoy",
    "peace envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "admiral",
    "rear admiral",
    "vice admiral",
    "lieutenant colonel",
    "lieutenant general",
    "major general",
    "brigadier general",
    "colonel",
    "commander",
    "chief of staff",
    "attorney general",
    "director",
    "chairman",
    "chairwoman",
    "leader",
    "opposition leader",
    "pope",
    "premier",
    "national security adviser",
    "national security advisor",
    "adviser",
    "advisor",
    "chief justice",
    "judge",
    "prosecutor",
    "prosecutor general",
    "chief prosecutor",
    "archbishop",
    "bishop",
    "cardinal",
    "trade representative",
    "commissioner",
    "high commissioner",
    "mediator",
    "chief negotiator",
    "negotiator",
    "director-general",
    "chief executive",
    "ceo",
    "foreign policy chief",
    "army chief",
    "defense chief",
    "intelligence chief",
    "majority leader",
    "minority leader",
    "nominee",
    "presidential nominee",
    "presidential candidate",
    "candidate",
    "running mate",
    # local government, courts and police, as local news names them
    "lieutenant governor",
    "state senator",
    "state representative",
    "assemblyman",
    "assemblywoman",
    "assembly member",
    "councilman",
    "councilwoman",
    "councillor",
    "councilor",
    "council member",
    "councilmember",
    "alderman",
    "alderwoman",
    "county executive",
    "city manager",
    "district attorney",
    "sheriff",
    "police chief",
    "fire chief",
    "superintendent",
    "detective",
    "detective sergeant",
    "detective inspector",
    "sergeant",
    "inspector",
    "constable",
)

ABBREVIATIONS: dict[str, str] = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "col": "colonel",
    "lt": "lieutenant",
    "pres": "president",
    "amb": "ambassador",
    "sec": "secretary",
    "cmdr": "commander",
    "adm": "admiral",
    "maj": "major",
    "brig": "brigadier",
    "coun": "councillor",
    "cllr": "councillor",
    "supt": "superintendent",
    "insp": "inspector",
    "sgt": "sergeant",
    "det": "detective",
    "const": "constable",
}

_SMALL = frozenset({"of", "the", "and", "for", "on", "in", "to", "at"})

ROLE_NOUNS: frozenset[str] = frozenset(
    {
        "minister",
        "secretary",
        "president",
        "diplomat",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "ambassador",
        "counterpart",
        "leader",
        "premier",
        "general",
        "commander",
        "chancellor",
        "senator",
        "governor",
        "mayor",
        "king",
        "queen",
        "prince",
        "emir",
        "chief",
        "negotiator",
        "mediator",
        "adviser",
        "advisor",
        "aide",
        "source",
        "analyst",
        "expert",
        "lawmaker",
        "legislator",
        "candidate",
        "nominee",
        "director",
        "chairman",
        "chairwoman",
        "judge",
        "prosecutor",
        "officer",
        "activist",
        "witness",
        "monitor",
        "observer",
        "spokesmen",
        "representative",
        "congressman",
        "congresswoman",
        "strategist",
        "staffer",
        "insider",
        "critic",
        "supporter",
        "voter",
        "resident",
        "commissioner",
        "foreign minister",
        "prime minister",
        "protester",
        "demonstrator",
        "environmentalist",
        "veteran",
        "researcher",
        "scientist",
        "economist",
        "doctor",
        "lawyer",
        "attorney",
        "investigator",
        "student",
        "worker",
        "farmer",
        "soldier",
        "journalist",
        "reporter",
        "employee",
        "member",
        "organizer",
        "campaigner",
        "pollster",
        "historian",
        "boss",
        "coach",
        "manager",
        "driver",
    }
)
"""Lemmas of nouns that head person descriptions ("the Russian diplomat", "a senior official")."""

GENDERED: dict[str, str] = {
    "spokesman": "m",
    "spokeswoman": "f",
    "chairman": "m",
    "chairwoman": "f",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "congressman": "m",
    "congresswoman": "f",
    "emir": "m",
    "sheikh": "m",
    "ayatollah": "m",
    "pope": "m",
}

ROLE_CLASSES: dict[str, frozenset[str]] = {
    "diplomat": frozenset(
        {
            "minister",
            "secretary",
            "ambassador",
            "envoy",
            "diplomat",
            "negotiator",
            "mediator",
            "commissioner",
        }
    ),
    "leader": frozenset(
        {
            "president",
            "prime minister",
            "chancellor",
            "king",
            "queen",
            "leader",
            "premier",
            "emir",
            "supreme leader",
            "crown prince",
            "prince",
        }
    ),
    "official": frozenset(
        {
            "minister",
            "secretary",
            "president",
            "ambassador",
            "envoy",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "director",
            "adviser",
            "advisor",
            "commissioner",
            "governor",
            "mayor",
            "chief",
            "official",
            "general",
            "commander",
            "negotiator",
            "senator",
            "representative",
        }
    ),
    "chief": frozenset({"chief", "director", "commander", "leader", "head"}),
    "premier": frozenset({"prime minister", "premier"}),
}
"""A role noun matches an actor whose title head is in its class ("the diplomat" → a minister)."""

_INDEX: dict[str, list[tuple[str, ...]]] = {}
for _title in TITLES:
    _parts = tuple(_title.split())
    _INDEX.setdefault(_parts[0], []).append(_parts)
for _options in _INDEX.values():
    _options.sort(key=len, reverse=True)

MAX_WORDS = max(len(t.split()) for t in TITLES)


def _word(token_lower: str) -> str:
    """Expand a dotted abbreviation ("sen." → "senator"); other words pass through."""
    if token_lower.endswith("."):
        bare = token_lower.rstrip(".")
        return ABBREVIATIONS.get(bare, bare)
    return token_lower


def match_at(lowers: list[str], start: int) -> int:
    """Length (in tokens) of the longest title starting at ``start``; 0 if none."""
    if start >= len(lowers):
        return 0
    first = _word(lowers[start])
    for option in _INDEX.get(first, ()):
        n = len(option)
        if start + n <= len(lowers) and all(
            _word(lowers[start + k]) == option[k] for k in range(1, n)
        ):
            return n
    return 0


def match_ending(lowers: list[str], end: int) -> int:
    """Start token of the longest title ending just before ``end``; -1 if none."""
    best = -1
    for n in range(MAX_WORDS, 0, -1):
        start = end - n
        if start >= 0 and match_at(lowers, start) == n:
            best = start
            break
    return best


def normalise(words: list[str]) -> str:
    """ "foreign minister" / "FOREIGN MINISTER" / "Sen." → "Foreign Minister" / "Senator"."""
    out = []
    for i, raw in enumerate(words):
        word = _word(raw.casefold())
        if i and word in _SMALL:
            out.append(word)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(out)


def head_of(title: str) -> str:
    """The head word of a title: "Secretary of State" → "secretary"; "Foreign Minister" →
    "minister"."""
    low = title.casefold()
    if " of " in low:
        low = low.split(" of ", 1)[0]
    return low.split()[-1] if low.split() else low


def role_matches(role: str, modifier_title: str | None, titles: tuple[str, ...]) -> bool:
    """Does a description headed by ``role`` (optionally with a full title such as "foreign
    minister") fit an actor holding ``titles``?"""
    folded = [t.casefold() for t in titles]
    if modifier_title is not None:
        return modifier_title.casefold() in folded
    heads = {head_of(t) for t in titles} | {t for t in folded}
    if role in heads:
        return True
    allowed = ROLE_CLASSES.get(role)
    return bool(allowed and heads & allowed)


TITLE_WORDS: frozenset[str] = frozenset(w for t in TITLES for w in t.replace("-", " ").split())
"""Every word of a title: a role noun among them ("minister", "spokesman") names an office
the person must have been given; other role nouns ("witness", "boss") may describe anyone."""

UNNAMED_SOURCES: frozenset[str] = frozenset(
    {"source", "official", "insider", "aide", "staffer", "employee", "member"}
)
"""Role nouns news uses for people it does not name ("another source said … . The source
added"): "the source" is rarely someone named just before."""

ROLE_KINDS: tuple[frozenset[str], ...] = (
    frozenset({"boss", "manager", "coach", "chief", "head", "director", "chairman", "executive"}),
    frozenset({"lawyer", "attorney", "counsel", "prosecutor"}),
    frozenset({"expert", "analyst", "researcher", "scientist", "economist", "specialist"}),
)
"""Role nouns that describe the same kind of person ("the Rovers boss" is their manager)."""


def roles_agree(role: str, roles: frozenset[str]) -> bool:
    """Can someone introduced as ``roles`` be called "the ``role``"? The same noun, or two
    of one kind (:data:`ROLE_KINDS`)."""
    if role in roles:
        return True
    return any(role in kind and roles & kind for kind in ROLE_KINDS)
