"""The cross-article linking rule: which stored entity an article's actor is.

An :class:`~communique.models.Actor` lives in one article; an *entity* is the same person,
organisation, country or group across articles. The rule is a plain function from an actor
to a :class:`LinkKey`, so it can be replaced (``Corpus(path, link=my_rule)``) without
touching the store. Two actors are one entity when their keys are equal and their countries
do not disagree (a ``None`` country agrees with every country).

The default, :func:`link_key`, links by the knowledge-base id when the actors layer linked
one (``kb_id``), otherwise by the normalised canonical name and the kind, so "John Kerry"
in thirty articles is one entity, while "Georgia" the country and "Georgia" a person are two.
Keep one rule per database: entities already stored were linked with the rule in force then.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

from communique.models import Actor


class LinkKey(NamedTuple):
    """What an actor is linked by: a ``key`` that must match, and a ``country`` that must
    not contradict (``None`` when unknown or not to be compared).

    Example:
        >>> LinkKey("name:person:john kerry", "USA").key
        'name:person:john kerry'
    """

    key: str
    country: str | None = None


LinkRule = Callable[[Actor], LinkKey]
"""The signature of a linking rule."""

_NOT_WORD = re.compile(r"[^\w]+")
_LEADING_THE = re.compile(r"^the\s+")


def normalise_name(name: str) -> str:
    """A name folded for comparison: no accents, case, punctuation or leading "the".

    Example:
        >>> normalise_name("The  U.N. Security-Council")
        'u n security council'
        >>> normalise_name("Sergéi Lavrov") == normalise_name("SERGEI LAVROV")
        True
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = _NOT_WORD.sub(" ", plain.casefold()).replace("_", " ")
    return _LEADING_THE.sub("", " ".join(folded.split()))


def link_key(actor: Actor) -> LinkKey:
    """The default rule: the knowledge-base id when there is one, else name, kind and country.

    Example:
        >>> from communique.models import ActorKind
        >>> link_key(Actor(id="actor-1", name="John Kerry", kind=ActorKind.PERSON))
        LinkKey(key='name:person:john kerry', country=None)
        >>> link_key(Actor(id="actor-2", name="Kerry", kind=ActorKind.PERSON, kb_id="oeda:KERRY"))
        LinkKey(key='kb:oeda:KERRY', country=None)
    """
    if actor.kb_id:
        return LinkKey(f"kb:{actor.kb_id}")
    name = normalise_name(actor.name) or actor.name.casefold()
    return LinkKey(f"name:{actor.kind.value}:{name}", actor.country)


__all__ = ["LinkKey", "LinkRule", "link_key", "normalise_name"]
