"""Helper: name shapes the small model labels wrongly, read from the parse around the name.

* An age in apposition ("Aoife Rooney, 24, who …") makes a name a person, whatever label
  spaCy gave it: organisations have no age.
* A name in apposition to a kinship noun ("His wife, Nuala, …") is a person: spaCy makes
  a first name it does not know a place.
* A capitalised word compounded onto a country ("Environment Canada", "Transport
  Canada") names an agency of that country, not the country: spaCy tags only the country.
* A name ending in a street word ("Quay Lane", "Harbour Road") that is only ever the object
  of a preposition ("on Quay Lane") is a place, even when spaCy calls it a person; left in,
  it takes the next "she" from the person named beside it.
"""

from __future__ import annotations

from communique.knowledge.roles import KIN_NOUNS
from communique.knowledge.venues import STREET_WORDS
from communique.parse import ParseView

_MAX_AGE = 120


def aged(view: ParseView, head: int, end: int) -> bool:
    """ "Name, 24," : a number of at most three digits in apposition right after the name."""
    k = end + 1
    if end >= view.n or view.words[end] != "," or k >= view.n:
        return False
    word = view.words[k]
    if view.dep[k] != "appos" or view.head[k] != head or not word.isdigit() or len(word) > 3:
        return False
    return 0 < int(word) <= _MAX_AGE and (k + 1 >= view.n or view.words[k + 1] in (",", ".", ";"))


def agency_start(view: ParseView, start: int, head: int, blocked: list[bool]) -> int | None:
    """The first token of "Environment" in "Environment Canada": a capitalised proper noun
    outside any entity, compounded onto the country; None when there is none."""
    k = start - 1
    if k < 0 or blocked[k] or view.head[k] != head or view.dep[k] != "compound":
        return None
    word = view.words[k]
    if view.pos[k] != "PROPN" or view.ent_type[k] or not word[:1].isupper() or word.isupper():
        return None
    if k > 0 and view.head[k - 1] == head and view.pos[k - 1] == "PROPN":
        return None  # a longer run of names is a phrase spaCy had reasons to cut
    return k


def street_only(view: ParseView, words: list[list[str]], heads: list[int]) -> bool:
    """Every name ends in a street word and every mention is the object of a preposition."""
    if not words or not all(w and w[-1].casefold() in STREET_WORDS and len(w) > 1 for w in words):
        return False
    return all(view.dep[h] == "pobj" for h in heads)


def kin_named(view: ParseView, head: int) -> bool:
    """ "His wife, Nuala, …", "her son Tom": the name is in apposition to (or compounded
    after) a kinship noun."""
    noun = view.head[head]
    return (
        noun != head
        and view.dep[head] == "appos"
        and view.pos[noun] == "NOUN"
        and view.lemma[noun] in KIN_NOUNS
    )
