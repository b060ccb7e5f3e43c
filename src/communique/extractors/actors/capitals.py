"""Step 10b, capitals: a capital that acts is its government ("Kabul has accused Islamabad").

Every capital of the country table is read as its country when it acts, and as a place
otherwise ("talks in Nairobi"). It acts when it is a subject (or coordinated with one:
"Seoul and Washington agreed"), the possessive owner of a noun ("Tehran's response"), or the
object of a reporting verb of the knowledge layer's lexicon or of an agreement verb
("accused Islamabad", "warned Tokyo", "signed with Kigali"). The mention joins the country's
actor, made when the text has none yet; step 1 already did this for the capitals spaCy
tagged and read as acting, so only the ones it left are added here.
"""

from __future__ import annotations

from communique.extractors.actors.edits import add_mention, make_actor, mention, overlapping
from communique.knowledge import KnowledgeBase
from communique.models import Actor, ActorKind, CountrySource
from communique.parse import ParseView

__all__ = ["AGREEMENT_LEMMAS", "acts", "capital_actors"]

AGREEMENT_LEMMAS = frozenset(
    {
        "sign",
        "agree",
        "reach",
        "conclude",
        "negotiate",
        "meet",
        "join",
        "recognize",
        "recognise",
        "host",
    }
)
"""Verbs whose object is a party: a capital there is a government."""

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "iobj", "dative"})


def acts(view: ParseView, knowledge: KnowledgeBase, i: int) -> bool:
    """Whether token ``i`` acts: a subject, a possessive owner, or the object of a reporting
    or agreement verb (coordination followed)."""
    dep = view.dep[i]
    while dep == "conj" and view.head[i] != i:  # "Seoul and Washington"
        i = view.head[i]
        dep = view.dep[i]
    if dep in _SUBJECTS or (dep == "poss" and view.pos[view.head[i]] == "NOUN"):
        return True
    head = view.head[i]
    if dep == "pobj" and view.dep[head] == "prep":
        dep, head = "dobj" if view.lower[head] in ("with", "to") else dep, view.head[head]
    lemma = view.lemma[head]
    return (
        dep in _OBJECTS
        and view.pos[head] == "VERB"
        and (lemma in knowledge.verbs or lemma in AGREEMENT_LEMMAS)
    )


def capital_actors(actors: list[Actor], view: ParseView, knowledge: KnowledgeBase) -> list[Actor]:
    """``actors`` with every acting capital a mention of its country."""
    table = knowledge.countries
    out = list(actors)
    dateline_end = view.dateline.span.end if view.dateline is not None else -1
    for i in range(view.n):
        if view.pos[i] != "PROPN" or view.idx[i] < dateline_end:
            continue
        start, end = view.idx[i], view.end[i]
        if (i + 1 < view.n and view.pos[i + 1] == "PROPN") or (
            i > 0 and view.pos[i - 1] == "PROPN"
        ):
            continue  # part of a longer name ("Washington Post", "Paris Saint-Germain")
        code = table.by_capital(view.words[i])
        if code is None or overlapping(out, start, end) or not acts(view, knowledge, i):
            continue
        owner = next((a for a in out if a.kind is ActorKind.COUNTRY and a.country == code), None)
        if owner is None:
            out.append(
                make_actor(
                    view.text,
                    start,
                    end,
                    ActorKind.COUNTRY,
                    name=table.name_of(code),
                    country=code,
                    country_source=CountrySource.TEXT,
                )
            )
        else:
            out[out.index(owner)] = add_mention(owner, mention(view.text, start, end))
    return out
