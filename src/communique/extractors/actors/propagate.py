"""Step 3, propagation: spreading names spaCy found once to the places it missed them.

"Nusra" tagged in one sentence and not in the next is still Nusra; so is a person's family
name on its own ("Merkel" before "Angela Merkel") and a name in capitals ("PENCE"). Only
exact token sequences of an entity's own names are spread, never capitals or a family name
two people share, so the repair cannot create a merge the cluster rules would refuse.
"""

from __future__ import annotations

from communique.extractors.actors.candidates import Candidate
from communique.extractors.actors.entities import Entity
from communique.extractors.actors.shapes import street_only
from communique.models import ActorKind, MentionForm
from communique.parse import ParseView


def keep_entity(view: ParseView, ent: Entity) -> bool:
    """spaCy's NORP also fires on places ("the city of Aleppo"): a NORP-only name that did
    not merge with an organisation counts only when it acts or names a plural body
    ("Republicans said"). A street ("on Quay Lane") is no actor whatever its label."""
    names = ent.names()
    if street_only(view, [c.text.split() for c in names], [c.head for c in names]):
        return False
    if not all(c.label == "NORP" for c in ent.cands) or ent.kind is ActorKind.GROUP:
        return True
    return any(c.subject or view.agentive(c.head) or view.tag[c.head] == "NNPS" for c in ent.cands)


def propagate(view: ParseView, entities: list[Entity], taken: list[bool]) -> list[Candidate]:
    """Names spaCy tagged once but missed elsewhere ("Nusra" at a sentence start) are
    mentions too: exact token sequences of an entity's own names, capitalised, unclaimed.
    Family names shared by two people and capitals are not spread."""
    # one entry per (token sequence, entity), however often the name occurs
    entries: dict[tuple[tuple[str, ...], int], tuple[tuple[str, ...], Entity, Candidate]] = {}
    owners: dict[tuple[str, ...], set[int]] = {}
    surnamed: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for ent in entities:
        if ent.extensions.get("ambiguous"):
            continue
        for cand in ent.names():
            if cand.extra.get("capital"):
                continue
            seq = tuple(view.words[cand.start : cand.end])
            if not seq[0][:1].isupper():
                continue
            variants = [seq]
            shouted = tuple(w.upper() for w in seq)
            if shouted != seq and len(seq[0]) > 2:  # "PENCE"; never a two-letter acronym
                variants.append(shouted)
            if ent.kind is ActorKind.PERSON and len(seq) > 1 and seq[-1][:1].isupper():
                variants.append((seq[-1],))
            for variant in variants:
                owners.setdefault(variant, set()).add(id(ent))
                entries.setdefault((variant, id(ent)), (variant, ent, cand))
                if variant != seq:
                    surnamed.setdefault(variant, set()).add(seq)
    # a family name standing alone as an entity of its own ("Ferreira said") and the full
    # name it ends ("Nadia Ferreira") are one owner, not two people sharing it
    for variant, fulls in surnamed.items():
        if len(fulls) != 1:
            continue
        for owner in list(owners[variant]):
            if entries[(variant, owner)][2].end - entries[(variant, owner)][2].start == 1:
                owners[variant].discard(owner)
                del entries[(variant, owner)]
    forms: dict[str, list[tuple[tuple[str, ...], Entity, Candidate]]] = {}
    for variant, ent, cand in entries.values():
        forms.setdefault(variant[0], []).append((variant, ent, cand))
    for options in forms.values():
        options.sort(key=lambda o: -len(o[0]))
    out: list[Candidate] = []
    i = 0
    while i < view.n:
        word = view.words[i]
        found = None if taken[i] else forms.get(word)
        matched = 0
        for seq, ent, model in found or ():
            n = len(seq)
            if len(owners[seq]) > 1 or i + n > view.n or tuple(view.words[i : i + n]) != seq:
                continue
            if n == 1 and view.pos[i] != "PROPN" and not _misread_subject(view, i):
                continue
            if n == 1 and ent.kind is ActorKind.PERSON and _modifies_common_noun(view, i):
                continue  # "the Lithuanian foreign ministry": a modifier, no person
            if any(taken[k] for k in range(i, i + n)):
                continue
            head = i + n - 1
            cand = Candidate.over(
                view,
                i,
                i + n,
                MentionForm.NAME,
                model.kind,
                head,
                label=model.label,
                country=model.country if model.kind == "country" else None,
                subject=view.is_subject(head),
                plural=model.plural,
            )
            ent.add(cand)
            out.append(cand)
            matched = n
            break
        i += matched or 1
    return out


def _modifies_common_noun(view: ParseView, i: int) -> bool:
    """A one-word name standing before the common noun it modifies ("the Lithuanian foreign
    ministry", "the Obama administration"): it describes the noun's referent and is no
    mention of a person."""
    head = view.head[i]
    return (
        view.dep[i] in ("nmod", "amod", "compound")
        and head > i
        and view.words[head].islower()
        and view.pos[head] in ("NOUN", "PROPN")
    )


def _misread_subject(view: ParseView, i: int) -> bool:
    """A lone family name the tagger misread as some other word class where it is a clause's
    subject ("Foust, who voted with the majority, said …" tags "Foust" an adverb). A common
    noun or adjective is left alone ("Price rose", "Young voters"): it may be just that."""
    return view.dep[i] in ("nsubj", "nsubjpass") and view.pos[i] not in (
        "NOUN",
        "ADJ",
        "PRON",
        "DET",
        "NUM",
        "AUX",
    )
