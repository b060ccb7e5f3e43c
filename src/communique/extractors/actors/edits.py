"""Data: small edits on frozen :class:`~communique.models.Actor` objects, shared by the steps
after :mod:`.build` (knowledge, groups, precision, context).

Those steps read whole actors and the whole article, so they work on the frozen actors
(``model_copy``) rather than on the working entities; :func:`renumber` gives the final ids
once they are done, in first-mention order as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from communique.models import Actor, ActorKind, Mention, MentionForm

__all__ = ["add_mention", "make_actor", "overlapping", "renumber"]


def mention(text: str, start: int, end: int, form: MentionForm = MentionForm.NAME) -> Mention:
    """A mention of ``text[start:end]``."""
    return Mention(span={"start": start, "end": end, "text": text[start:end]}, form=form)


def overlapping(actors: Iterable[Actor], start: int, end: int) -> list[tuple[Actor, Mention]]:
    """Every (actor, mention) whose mention overlaps the characters ``[start, end)``."""
    return [(a, m) for a in actors for m in a.mentions if m.span.start < end and start < m.span.end]


def make_actor(text: str, start: int, end: int, kind: ActorKind, **fields: object) -> Actor:
    """A new one-mention actor (temporary id; :func:`renumber` gives the final one)."""
    name = fields.pop("name", None) or text[start:end]
    return Actor(
        id=f"new-{start}-{end}-{kind.value}",
        name=str(name),
        kind=kind,
        aliases=(text[start:end],),
        mentions=(mention(text, start, end),),
        **fields,
    )


def add_mention(actor: Actor, new: Mention) -> Actor:
    """``actor`` with one more mention (kept in text order, no duplicates)."""
    spans = {(m.span.start, m.span.end) for m in actor.mentions}
    if (new.span.start, new.span.end) in spans:
        return actor
    mentions = tuple(sorted((*actor.mentions, new), key=lambda m: (m.span.start, m.span.end)))
    aliases = actor.aliases
    if new.form is MentionForm.NAME and new.span.text not in aliases:
        aliases = (*aliases, new.span.text)
    return actor.model_copy(update={"mentions": mentions, "aliases": aliases})


def renumber(actors: Iterable[Actor], new_id: Callable[[str], str]) -> tuple[Actor, ...]:
    """Actors with mentions, ordered by first mention, with final ids (affiliations kept)."""
    live = sorted(
        (a for a in actors if a.mentions),
        key=lambda a: (a.mentions[0].span.start, a.mentions[0].span.end, a.name),
    )
    ids = {a.id: str(new_id("actor")) for a in live}
    return tuple(
        a.model_copy(
            update={
                "id": ids[a.id],
                "affiliation_id": ids.get(a.affiliation_id) if a.affiliation_id else None,
            }
        )
        for a in live
    )
