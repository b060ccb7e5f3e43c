"""Step 10, groups: group actors named by a demonym ("the Palestinians", "Russian diplomats").

Wire news makes nations and their officials act all the time, and NER tags neither. Three
patterns, read on the parse (no sentence-specific rules):

* a demonym plural: "Israelis", "North Koreans"; with an ethnic head ("Iraqi Kurds",
  "Bosnian Serbs") the country is the modifier's, unless the head is the country's own
  demonym ("Greek Cypriots" are Cypriots: CYP);
* a demonym (or a country's acronym: "U.S. lawmakers", "UAE foreign ministry"; or a
  country's possessive: "India's finance ministry") + role noun:
  "Russian diplomats", "the South Korean army", "Serbian parliament"; the sector comes from
  the role noun (:meth:`KnowledgeBase.role_sector`, which reads the OEDA agents list), plural
  heads are groups, singular ones organisations; the country named as a modifier keeps its
  own mention;
* distributive coordination: "Hungarian and Romanian officials", "the Turkish and Greek
  sides" are one actor per demonym, each with the role's sector.

An actor the earlier steps made for the same words is corrected in place (country, sector,
and kind when they left it "other"); otherwise a new actor is made. The country of a group is
said in the text
(``country_source="text"``).
"""

from __future__ import annotations

from dataclasses import dataclass

from communique.extractors.actors.edits import make_actor, mention, overlapping
from communique.knowledge import KnowledgeBase
from communique.models import Actor, ActorKind, CountrySource, MentionForm
from communique.parse import ParseView

__all__ = ["GroupPhrase", "find_groups", "group_phrases"]

_NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class GroupPhrase:
    """One group: character span, country, sector, kind."""

    start: int
    end: int
    country: str
    sector: str | None
    kind: ActorKind


def _demonym_at(view: ParseView, knowledge: KnowledgeBase, i: int) -> tuple[int, str] | None:
    """(end token, country) of a one- or two-word demonym starting at token ``i``."""
    table = knowledge.countries
    if not view.words[i][:1].isupper():
        return None
    if i + 1 < view.n and view.words[i + 1][:1].isupper():
        code = table.by_demonym(f"{view.words[i]} {view.words[i + 1]}")
        if code:
            return i + 2, code
    for width in (1, 2):
        k = i + width
        if k < view.n and view.lower[k] in ("'s", "’s") and view.words[k - 1][:1].isupper():
            code = table.by_name(" ".join(view.words[i:k]))
            if code:
                return k + 1, code  # "India's finance ministry", "Ukraine's parliament"
    code = table.by_demonym(view.words[i])
    if code is None and view.words[i].replace(".", "").isupper() and len(view.words[i]) > 1:
        code = table.by_name(view.words[i])  # "U.S. lawmakers", "UAE foreign ministry"
        if code and (i + 1 >= view.n or not view.words[i + 1].islower()):
            code = None  # "U.S. Navy" is a name, read by the earlier steps
    return (i + 1, code) if code else None


def _role(view: ParseView, knowledge: KnowledgeBase, start: int, head: int) -> str | None:
    """The sector of the role words ``[start, head]``: the longest listed suffix, then any
    single listed word right to left ("army officers" → army's MIL)."""
    for k in range(start, head + 1):
        sector = knowledge.role_sector(" ".join(view.lower[k : head + 1]))
        if sector:
            return sector
    for k in range(head - 1, start - 1, -1):
        sector = knowledge.role_sector(view.lower[k])
        if sector:
            return sector
    return None


def _ethnic_country(
    view: ParseView,
    knowledge: KnowledgeBase,
    code: str,
    end: int,
) -> tuple[int, str] | None:
    """ "Iraqi Kurds", "Greek Cypriots": a plural proper noun after the demonym."""
    if end >= view.n or (
        view.tag[end] != "NNPS" and not (view.pos[end] == "PROPN" and view.words[end].endswith("s"))
    ):
        return None
    head = view.words[end]
    own = knowledge.countries.by_demonym(head)
    if own and knowledge.countries.demonym_of(own) == head[:-1]:
        return end + 1, own
    return end + 1, code


def group_phrases(view: ParseView, knowledge: KnowledgeBase) -> list[list[GroupPhrase]]:
    """Every demonym group in the text; a distributive coordination is one inner list."""
    out: list[list[GroupPhrase]] = []
    i = 0
    while i < view.n:
        found = _demonym_at(view, knowledge, i)
        if found is None:
            i += 1
            continue
        end, code = found
        if (
            view.words[end - 1].endswith("s")
            and view.pos[end - 1] in _NOUN_POS
            and not (end < view.n and view.pos[end] == "NOUN")
        ):  # "Swiss diplomats"
            out.append([GroupPhrase(view.idx[i], view.end[end - 1], code, None, ActorKind.GROUP)])
            i = end
            continue
        chain = [(i, end, code)]
        while end + 1 < view.n and view.lower[end] in ("and", "or", ","):
            nxt = _demonym_at(view, knowledge, end + 1)
            if nxt is None:
                break
            chain.append((end + 1, nxt[0], nxt[1]))
            end = nxt[0]
        phrases = _with_role(view, knowledge, chain, end)
        if phrases:
            out.append(phrases)
        i = end
    return out


def _with_role(
    view: ParseView, knowledge: KnowledgeBase, chain: list[tuple[int, int, str]], end: int
) -> list[GroupPhrase]:
    """The groups of a demonym chain followed by a role noun (none without one)."""
    ethnic = _ethnic_country(view, knowledge, chain[-1][2], end) if len(chain) == 1 else None
    if ethnic is not None:
        return [
            GroupPhrase(
                view.idx[chain[0][0]], view.end[ethnic[0] - 1], ethnic[1], None, ActorKind.GROUP
            )
        ]
    k = end - 1
    while view.head[k] < end and view.head[k] != k:  # "Palestinian" is a conj of "Israeli"
        k = view.head[k]
    head = view.head[k]
    if (
        not (end <= head < end + 4)
        or view.pos[head] not in _NOUN_POS
        or any(view.pos[k] not in ("NOUN", "PROPN", "ADJ") for k in range(end, head))
    ):
        return []
    if (head + 1 < view.n and view.pos[head + 1] == "PROPN") or (
        view.tag[head] == "NN" and " ".join(view.lower[end : head + 1]) in knowledge.titles
    ):
        return []  # "Russian Foreign Minister Sergei Lavrov": a title, not a group
    sector = _role(view, knowledge, end, head)
    if sector is None:
        return []
    kind = ActorKind.GROUP if view.tag[head] in ("NNS", "NNPS") else ActorKind.ORGANIZATION
    stop = view.end[head]
    out = [
        GroupPhrase(view.idx[s], view.end[e - 1], code, sector, kind) for s, e, code in chain[:-1]
    ]
    out.append(GroupPhrase(view.idx[chain[-1][0]], stop, chain[-1][2], sector, kind))
    return out


def find_groups(actors: list[Actor], view: ParseView, knowledge: KnowledgeBase) -> list[Actor]:
    """``actors`` with the demonym groups made or corrected (see the module docstring)."""
    out = list(actors)
    for phrases in group_phrases(view, knowledge):
        distributive = len(phrases) > 1
        for phrase in phrases:
            hits = [  # the country named as a modifier stays its own mention
                (a, m)
                for a, m in overlapping(out, phrase.start, phrase.end)
                if a.kind is not ActorKind.COUNTRY
                or not (phrase.start <= m.span.start and m.span.end < phrase.end)
            ]
            if not hits:
                out.append(
                    make_actor(
                        view.text,
                        phrase.start,
                        phrase.end,
                        phrase.kind,
                        country=phrase.country,
                        sector=phrase.sector,
                        country_source=CountrySource.TEXT,
                    )
                )
                continue
            actor, _ = hits[0]
            if actor.kind in (ActorKind.PERSON, ActorKind.COUNTRY) or actor.kb_id:
                continue
            out[out.index(actor)] = _correct(actor, phrase, view.text, distributive)
    return out


def _correct(actor: Actor, phrase: GroupPhrase, text: str, distributive: bool) -> Actor:
    """The actor of the group's words, with the group's kind, country and sector (and, in a
    coordination, its mention cut to this demonym's part)."""
    update: dict[str, object] = {"country": phrase.country, "country_source": CountrySource.TEXT}
    if actor.kind is ActorKind.OTHER or phrase.sector is None:
        # a people ("Iraqi Kurds") is a group; for a role phrase step 7 chose already
        update["kind"] = phrase.kind
    if phrase.sector and actor.sector is None:
        update["sector"] = phrase.sector
    if distributive:
        kept = tuple(
            m
            for m in actor.mentions
            if not (m.span.start < phrase.end and phrase.start < m.span.end)
            or m.form is MentionForm.PRONOUN
        )
        update["mentions"] = tuple(
            sorted(
                (*kept, mention(text, phrase.start, phrase.end)),
                key=lambda m: (m.span.start, m.span.end),
            )
        )
    return actor.model_copy(update=update)
