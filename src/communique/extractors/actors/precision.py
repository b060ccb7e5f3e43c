"""Step 11, precision: drop what cannot act, merge what is the same actor.

* The dateline ("HANOI, Vietnam (AP) —") is where the story was filed, never an actor:
  mentions inside it go, and an actor left without mentions goes with them (the reason is
  kept in the article-level debug list the extractor returns).
* Page furniture is never an actor: mentions on a teaser or heading line ("SEE MORE: Who is
  on the ballot in Georgia?", "READ MORE: …", a line in capitals) go.
* A place used as a location is not an actor: a name governed by a locative preposition
  ("nurses in Japan and Denmark", "the besieged city of Taiz", "the siege of Mariupol")
  loses that mention, unless it is a person the text titles or the knowledge links.
* A sub-national place before a local title ("Georgia Gov. Caroline Pruitt") describes the
  official; it is not the country of the same name.
* A bare generic plural ("analysts", "doctors", "governments", "sources") names nobody: an
  actor with no name, no country and only one-word mentions goes, unless its role is a
  state body that acts in the news (police, officials, troops, rebels: see
  :data:`ACTING_SECTORS`).
* In a language that capitalises its nouns (German), the English model tags common nouns as
  names ("Einigung", "Streit"): a one-word name the knowledge base does not link, that is
  no acronym and no listed given name, goes; a capitalised title compound before a person's
  name ("Verkehrsminister Volker Wissing") is cut from it.
* A short form is its full name: a later "Warren" is "Elizabeth Warren" whatever spaCy
  called it (organisation, place), when exactly one person of the article has that family
  name and the short form names nobody else (no knowledge link of its own).
"""

from __future__ import annotations

import re

from communique.extractors.actors.edits import add_mention
from communique.knowledge import KnowledgeBase
from communique.models import Actor, ActorKind, Mention, MentionForm
from communique.parse import ParseView

__all__ = [
    "ACTING_SECTORS",
    "NOUN_CAPITALISING",
    "drop_dateline",
    "drop_non_actors",
    "merge_short_forms",
    "noun_capitals",
]

NOUN_CAPITALISING = frozenset({"de", "lb"})
"""Languages whose common nouns are capitalised (ISO 639-1)."""

ACTING_SECTORS = frozenset({"COP", "GOV", "MIL", "JUD", "LEG", "REB", "OPP", "UAF", "IGO"})
"""Sectors of bodies that act under a bare plural ("police said", "rebels attacked")."""

_LOCATIVE = frozenset(
    {"in", "near", "at", "into", "across", "inside", "outside", "around", "throughout"}
)
_PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "region",
        "province",
        "district",
        "capital",
        "siege",
        "streets",
        "outskirts",
        "port",
        "state",
        "border",
        "area",
        "suburb",
        "county",
    }
)
_TEASER = re.compile(
    r"^\s*(?:[A-Z0-9][A-Z0-9 '’&!?.,\-]{2,}:|(?:Read more|See more|Related|"
    r"Lesen Sie|Mehr zum Thema)\b)"
)
_BOILERPLATE = re.compile(
    r"^\s*©|\b(?i:all rights reserved)\b|[\w.+-]+@[\w-]+\.[\w.]+"
    r"|^\s*[A-Z][\w'’-]*(?: [\w'’-]+)?:\s*['‘“\"].*['’”\"]\s*$"
)
"""Copyright lines, author boxes with an e-mail address, and teaser lines quoting a label
("Retailer: 'Christmas sales were the worst in a decade'")."""
_CREDIT = re.compile(
    r"^\s*(?i:(?:additional )?(?:reporting|writing|editing|compiled|research) by\b|with files "
    r"from\b)|\b(?i:contributed (?:to )?(?:this |the )?(?:report|reporting|research)"
    r"(?: (?:to|for|from|in) [^.,;]*)?)\.?\s*$"
)
"""Credit lines ("Reporting by …; Editing by …", "Ana Roe contributed reporting."): the
newsroom's staff, not actors of the story."""
_PROMO = re.compile(
    r"(?i:^\s*(?:sign up|subscribe|download the)\b|\bsign up (?:here|free|now|for)\b|"
    r"\bin your inbox\b|^\s*disclosure:|\bno position in the securities\b|"
    r"\bnot investment advice\b)"
)
"""Newsletter and subscription promotions ("Sign up for the Ledger's Morning Brief") and a
market page's disclosure ("Ledgerline's parent company has no position in the securities
mentioned")."""
_LABEL = re.compile(r"^\s*(?:[A-Z][\w'’-]*(?: [\w'’-]+)?:(?:\s+[A-Z0-9][^\s:]*)+\s*)+(?<=\.)$")
"""A short label line ending in a full stop, no lower-case word after its colon ("Referee:
Ana Roe. Attendance: 8,412."); a headline ("Kyiv: Roe Says Talks Failed") has no stop."""
_LOCAL_TITLES = frozenset(
    {"gov", "governor", "sen", "lt", "rep", "premier", "mayor", "attorney", "state"}
)


def _line(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin : end if end >= 0 else len(text)]


def _furniture(text: str, start: int, dateline: int = -1) -> bool:
    """On a short teaser or heading line: a capitals label with a colon, or all capitals;
    not on the line the dateline opens ("BIKANER: Chief Minister …" is the story)."""
    if dateline >= 0 and text.rfind("\n", 0, start) + 1 == dateline:
        return False
    line = _line(text, start).strip()
    if len(line) > 160:
        return False
    letters = [c for c in line if c.isalpha()]
    if _BOILERPLATE.search(line):
        return True
    if _roster(line) or (len(line.split()) <= 6 and _LABEL.match(line)):
        return True
    return bool(_TEASER.match(line)) or (
        len(line.split()) >= 2 and bool(letters) and all(c.isupper() for c in letters)
    )


def _roster(line: str) -> bool:
    """A list of names, not a sentence: a line-up ("Rovers: Roe; Hale, Vance (Moss 46)"), a
    cast or a panel. Four or more separators and at most three lower-case words."""
    separators = line.count(",") + line.count(";")
    lower = sum(1 for w in line.split() if w[:1].islower())
    return separators >= 4 and lower <= 3


def _credit_or_promo(view: ParseView, m: Mention) -> bool:
    """In a credit or newsletter-promotion sentence (cut at line breaks too, so a promotion
    that shares a paragraph with the story takes only its own sentence)."""
    i = view.token_at(m.span.start)
    start, end = view.line_start[i], view.line_end[i]
    sentence = view.text[view.idx[start] : view.end[end - 1]]
    return bool(_CREDIT.search(sentence) or _PROMO.search(sentence))


def _heading_piece(text: str, m: Mention) -> bool:
    """The first part of a hyphenated heading word ("Line-ups"), alone on a short line."""
    line = _line(text, m.span.start).strip()
    after = text[m.span.end : m.span.end + 2]
    return len(line.split()) <= 3 and len(after) == 2 and after[0] == "-" and after[1].islower()


def _locative(view: ParseView, m: Mention) -> bool:
    """A name not tagged as an organisation (spaCy sm calls "Taiz" a person) governed by a locative
    preposition (following coordination)."""
    i = view.token_at(m.span.end - 1)
    while view.dep[i] == "conj" and view.head[i] != i:
        i = view.head[i]
    if view.dep[i] != "pobj":
        return False
    prep = view.head[i]
    if view.idx[prep] >= m.span.start:
        return False  # the name's own "of" ("the City of Port Ashby", "Bank of America")
    if view.lower[prep] in _LOCATIVE:
        # "a researcher at Kyoto University": an organisation, not a place
        return view.ent_type[i] != "ORG"
    return view.lower[prep] == "of" and view.lemma[view.head[prep]] in _PLACE_NOUNS


_PEOPLE_FROM = frozenset(
    "man woman boy girl parent mother father resident native contractor farmer family "
    "couple".split()
)
"""Nouns of people whose "from" phrase says where they live ("a contractor from Gresham"),
not whom they work for ("a worker from Acme")."""


def _home_town(actor: Actor, view: ParseView, m: Mention) -> bool:
    """Where a person is from ("Daniel from Dunedin", "a building contractor from Gresham"):
    a place, not an actor. Not a country (its people's country is an affiliation) and not
    a name of several words tagged ORG ("a farmer from Hill Growers Ltd")."""
    i = view.token_at(m.span.end - 1)
    firm = view.ent_type[i] == "ORG" and len(m.span.text.split()) > 1
    if actor.kind is ActorKind.COUNTRY or view.dep[i] != "pobj" or firm:
        return False
    prep = view.head[i]
    if view.lower[prep] != "from" or prep == view.head[prep]:
        return False
    owner = view.head[prep]
    person = view.pos[owner] == "PROPN" and view.ent_type[owner] == "PERSON"
    return person or (view.pos[owner] == "NOUN" and view.lemma[owner] in _PEOPLE_FROM)


def _before_local_title(view: ParseView, knowledge: KnowledgeBase, m: Mention) -> bool:
    i = view.token_at(m.span.end - 1)
    return (
        m.span.text in knowledge.subnational
        and i + 1 < view.n
        and view.lower[i + 1].rstrip(".") in _LOCAL_TITLES
    )


def _generic(actor: Actor, knowledge: KnowledgeBase) -> bool:
    if actor.country or actor.kb_id or actor.sector in ACTING_SECTORS:
        return False
    if any(m.form is MentionForm.NAME for m in actor.mentions):
        return False
    words = [m.span.text for m in actor.mentions if m.form is not MentionForm.PRONOUN]
    return all(
        len(w.split()) == 1 and knowledge.role_sector(w) not in ACTING_SECTORS for w in words
    )


def drop_non_actors(actors: list[Actor], view: ParseView, knowledge: KnowledgeBase) -> list[Actor]:
    """``actors`` without furniture, locations and generic plurals (see the module doc)."""
    out = []
    dateline = view.dateline.span.start if view.dateline is not None else -1
    for actor in actors:
        protected = actor.kind is ActorKind.PERSON and (actor.titles or actor.kb_id)
        kept = tuple(
            m
            for m in actor.mentions
            if not (
                _furniture(view.text, m.span.start, dateline)
                or _heading_piece(view.text, m)
                or _credit_or_promo(view, m)
                or (m.form is MentionForm.NAME and not protected and _locative(view, m))
                or (m.form is MentionForm.NAME and not protected and _home_town(actor, view, m))
                or (m.form is MentionForm.NAME and _before_local_title(view, knowledge, m))
            )
        )
        if not any(m.form is not MentionForm.PRONOUN for m in kept) or _generic(actor, knowledge):
            continue
        out.append(
            actor
            if len(kept) == len(actor.mentions)
            else actor.model_copy(update={"mentions": kept})
        )
    return out


def drop_dateline(actors: list[Actor], view: ParseView) -> tuple[list[Actor], list[str]]:
    """``actors`` without mentions inside the dateline, and the names of those dropped; a
    name form only the dateline used ("ASTANA") is no alias, and the town the story was
    filed in is no actor where the text only locates things there ("the east side of Carver
    Falls")."""
    if view.dateline is None:
        return actors, []
    start, end = view.dateline.span.start, view.dateline.span.end
    town = view.dateline.place.split(",")[0].strip().casefold()
    out: list[Actor] = []
    dropped: list[str] = []
    for actor in actors:
        kept = tuple(m for m in actor.mentions if not (m.span.start < end and start < m.span.end))
        if not kept or _filed_in(actor, kept, town, view):
            dropped.append(actor.name)
        elif len(kept) == len(actor.mentions):
            out.append(actor)
        else:
            out.append(_without_forms(actor, kept))
    return out, dropped


def _without_forms(actor: Actor, kept: tuple[Mention, ...]) -> Actor:
    """``actor`` with only the ``kept`` mentions and no name form only the others used."""
    left = {m.span.text for m in kept}
    gone = {m.span.text for m in actor.mentions} - left
    update: dict[str, object] = {
        "mentions": kept,
        "aliases": tuple(a for a in actor.aliases if a not in gone),
    }
    names = [m.span.text for m in kept if m.form is MentionForm.NAME]
    if actor.name in gone and names:
        update["name"] = names[0]
    return actor.model_copy(update=update)


def _filed_in(actor: Actor, kept: tuple[Mention, ...], town: str, view: ParseView) -> bool:
    """The dateline's town named again only as a place: no country, no acting mention."""
    if actor.kind is ActorKind.COUNTRY or actor.kb_id or not town:
        return False
    names = [m for m in kept if m.form is MentionForm.NAME]
    if not names or any(m.span.text.casefold() != town for m in names):
        return False
    for m in kept:
        i = view.token_at(m.span.end - 1)
        if view.is_subject(i) or view.dep[i] == "poss":
            return False
    return True


def _family_name(actor: Actor) -> str | None:
    parts = actor.name.split()
    return parts[-1] if actor.kind is ActorKind.PERSON and len(parts) >= 2 else None


def merge_short_forms(actors: list[Actor]) -> list[Actor]:
    """Actors named only by a person's family name merged into that person."""
    people: dict[str, list[Actor]] = {}
    for actor in actors:
        family = _family_name(actor)
        if family:
            people.setdefault(family, []).append(actor)
    out = list(actors)
    for actor in actors:
        names = {m.span.text for m in actor.mentions if m.form is MentionForm.NAME}
        if len(names) != 1 or actor.kb_id or actor.kind is ActorKind.COUNTRY:
            continue
        owners = people.get(next(iter(names)), [])
        if len(owners) != 1 or owners[0] is actor or _family_name(actor):
            continue
        owner = owners[0]
        if owner.mentions[0].span.start > actor.mentions[0].span.start:
            continue  # the short form comes first: too loose to merge
        merged = owner
        for m in actor.mentions:
            merged = add_mention(merged, m)
        k = out.index(owner)
        out[k] = merged
        people[next(iter(names))] = [merged]
        out.remove(actor)
    return out


_TITLE_ENDINGS = (
    "minister",
    "ministerin",
    "chef",
    "chefin",
    "vorstand",
    "sprecher",
    "sprecherin",
    "präsident",
    "präsidentin",
    "vorsitzender",
    "vorsitzende",
    "kanzler",
    "kanzlerin",
    "direktor",
    "direktorin",
)
"""Endings of German title compounds ("Verkehrsminister", "GDL-Chef", "Personalvorstand")."""


def _cut_title(actor: Actor, knowledge: KnowledgeBase) -> Actor:
    """ "Verkehrsminister Volker Wissing" → the person "Volker Wissing" (name, mentions;
    spaCy often calls the whole an organisation)."""
    parts = actor.name.split()
    if (
        len(parts) != 3
        or actor.kind is ActorKind.COUNTRY
        or not parts[0].casefold().endswith(_TITLE_ENDINGS)
    ):
        return actor
    cut = len(parts[0]) + 1
    mentions = tuple(
        m.model_copy(
            update={
                "span": m.span.model_copy(
                    update={"start": m.span.start + cut, "text": m.span.text[cut:]}
                )
            }
        )
        if m.form is MentionForm.NAME and m.span.text.startswith(parts[0] + " ")
        else m
        for m in actor.mentions
    )
    aliases = tuple(a[cut:] if a.startswith(parts[0] + " ") else a for a in actor.aliases)
    return actor.model_copy(
        update={
            "name": actor.name[cut:],
            "mentions": mentions,
            "kind": ActorKind.PERSON,
            "aliases": tuple(dict.fromkeys(aliases)),
        }
    )


def noun_capitals(actors: list[Actor], knowledge: KnowledgeBase, language: str) -> list[Actor]:
    """For German and other noun-capitalising languages (see the module docstring)."""
    if language.split("-")[0].lower() not in NOUN_CAPITALISING:
        return actors
    out = []
    for actor in actors:
        words = actor.name.split()
        if (
            len(words) == 1
            and not actor.kb_id
            and not actor.name.isupper()
            and actor.name not in knowledge.first_names
        ):
            continue
        out.append(_cut_title(actor, knowledge))
    return out
