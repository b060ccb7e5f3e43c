"""Step 4, attributes: titles and countries written around a person's name.

"US Secretary of State John Kerry", "Russian Foreign Minister Sergei Lavrov", "Hamas leader
Ismail Haniyeh", "Sergei Lavrov of Russia", "Russia's Lavrov": a lexicon title right before
the name is a title, and a country (name or demonym) or organisation right before the title
is the affiliation. Appositions ("Lavrov, Russia's foreign minister") are descriptions and
handled in :mod:`.resolve`.
"""

from __future__ import annotations

from communique.extractors.actors.entities import Entity
from communique.extractors.actors.names import strip_possessive
from communique.knowledge import titles as T
from communique.knowledge.countries import CountryTable
from communique.models import ActorKind
from communique.parse import ParseView

_TITLE_LEAD = frozenset(
    {
        "former",
        "then",
        "acting",
        "outgoing",
        "incoming",
        "senior",
        "top",
        "interim",
        "new",
        "late",
        "current",
    }
)


def _country_ending(view: ParseView, table: CountryTable, j: int) -> str | None:
    """Country named or implied by the tokens ending at ``j`` ("US", "U.S.", "Russian",
    "United States", "Russia 's")."""
    if j >= 0 and view.lower[j] in ("'s", "’s"):
        j -= 1
    if j < 0:
        return None
    code = table.by_demonym(view.words[j])
    if code:
        return code
    for n in (3, 2, 1):
        if j - n + 1 >= 0:
            phrase = view.text[view.idx[j - n + 1] : view.end[j]]
            code = table.by_name(strip_possessive(phrase))
            if code:
                return code
    return None


def _name_end(view: ParseView, i: int) -> int:
    """Last token of the capitalised run starting at ``i`` ("of the United States")."""
    if view.lower[i] == "the" and i + 1 < view.n:
        i += 1
    while i + 1 < view.n and view.words[i + 1][:1].isupper() and view.pos[i + 1] == "PROPN":
        i += 1
    return i


def read_premodifiers(view: ParseView, table: CountryTable, entities: list[Entity]) -> None:
    """ "US Secretary of State John Kerry", "Russian Foreign Minister Sergei Lavrov",
    "Hamas leader X": a lexicon title right before a person's name is their title, and a
    country or organisation right before the title is their affiliation."""
    owner = {k: e for e in entities for c in e.cands for k in range(c.start, c.end)}
    for ent in entities:
        for cand in ent.names():
            if ent.kind is not ActorKind.PERSON:
                continue
            start = cand.start
            if start > 0 and view.lower[start - 1].rstrip(".") in ("mr", "mrs", "ms", "dr"):
                start -= 1
            after = cand.end
            if after + 1 < view.n and view.lower[after] == "of":
                code = _country_ending(view, table, _name_end(view, after + 1))
                if code:
                    ent.country_votes[code] += 2
            tstart = T.match_ending(view.lower, start)
            if tstart < 0:
                if start > 1 and view.lower[start - 1] in ("'s", "’s"):
                    code = _country_ending(view, table, start - 1)
                    if code:
                        ent.country_votes[code] += 2
                continue
            j = tstart - 1
            while j >= 0 and view.lower[j] in _TITLE_LEAD:
                j -= 1
            former = any(view.lower[k] in ("former", "ex") for k in range(j + 1, tstart))
            ent.add_title(T.normalise(view.words[tstart:start]), former=former)
            code = _country_ending(view, table, j)
            if code:
                ent.country_votes[code] += 2
                continue
            if j >= 0 and view.lower[j] in ("'s", "’s"):
                j -= 1
            org = owner.get(j)
            if org is not None and org is not ent and org.kind is not ActorKind.PERSON:
                ent.affiliation = ent.affiliation or org
