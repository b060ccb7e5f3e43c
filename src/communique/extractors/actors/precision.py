"""Step 11, precision: drop what cannot act, merge what is the same actor.

* The dateline ("HANOI, Vietnam (AP) —") is where the story was filed, never an actor:
  mentions inside it go, and an actor left without mentions goes with them (the reason is
  kept in the article-level debug list the extractor returns).
* A short form is its full name: a later "Warren" is "Elizabeth Warren" whatever spaCy
  called it (organisation, place), when exactly one person of the article has that family
  name and the short form names nobody else (no knowledge link of its own).
"""

from __future__ import annotations

from communique.extractors.actors.edits import add_mention
from communique.models import Actor, ActorKind, MentionForm
from communique.parse import ParseView

__all__ = ["drop_dateline", "merge_short_forms"]


def drop_dateline(actors: list[Actor], view: ParseView) -> tuple[list[Actor], list[str]]:
    """``actors`` without mentions inside the dateline, and the names of those dropped."""
    if view.dateline is None:
        return actors, []
    start, end = view.dateline.span.start, view.dateline.span.end
    out: list[Actor] = []
    dropped: list[str] = []
    for actor in actors:
        kept = tuple(m for m in actor.mentions if not (m.span.start < end and start < m.span.end))
        if not kept:
            dropped.append(actor.name)
        elif len(kept) == len(actor.mentions):
            out.append(actor)
        else:
            out.append(actor.model_copy(update={"mentions": kept}))
    return out, dropped


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
