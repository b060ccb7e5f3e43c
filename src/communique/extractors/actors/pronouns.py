"""Step 6, candidates: pronoun candidates: he/she/it/they, collective "we", and relative
who/which/that.

Pleonastic "it" ("it is not clear whether…") is left out here so it can never be
resolved. Which actor a pronoun is belongs to :mod:`.resolve`.
"""

from __future__ import annotations

from communique.extractors.actors.candidates import Candidate
from communique.models import MentionForm
from communique.parse import SUBJECT_DEPS, ParseView

PRONOUNS: dict[str, str] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
    "it": "n",
    "its": "n",
    "itself": "n",
    "they": "p",
    "them": "p",
    "their": "p",
    "theirs": "p",
    "themselves": "p",
}
"""Third-person pronouns → m(ale), f(emale), n(euter singular), p(lural)."""
WE = frozenset({"we", "us", "our", "ours", "ourselves"})
"""First person plural: resolved only when an organisation, country or group is speaking."""


def pronoun_candidates(view: ParseView, taken: list[bool]) -> list[Candidate]:
    """Third-person pronouns that could refer to an actor (pleonastic "it" left out)."""
    out = []
    for i in range(view.n):
        low = view.lower[i]
        kind = PRONOUNS.get(low)
        if kind is None or taken[i] or view.pos[i] not in ("PRON", "DET"):
            continue
        if low == "it" and _pleonastic(view, i):
            continue
        out.append(
            Candidate(
                i,
                i + 1,
                view.idx[i],
                view.end[i],
                MentionForm.PRONOUN,
                "pronoun",
                view.words[i],
                i,
                subject=view.dep[i] in SUBJECT_DEPS,
                plural=kind == "p",
                gender=kind,
            )
        )
    for i in range(view.n):
        if view.lower[i] in WE and not taken[i] and view.pos[i] in ("PRON", "DET"):
            out.append(
                Candidate(
                    i,
                    i + 1,
                    view.idx[i],
                    view.end[i],
                    MentionForm.PRONOUN,
                    "we",
                    view.words[i],
                    i,
                    subject=view.dep[i] in SUBJECT_DEPS,
                    plural=True,
                    gender="w",
                )
            )
    for i in range(view.n):
        if view.lower[i] not in RELATIVES or taken[i]:
            continue
        clause = view.head[i]
        if view.dep[clause] != "relcl" or view.dep[i] not in _RELATIVE_DEPS:
            continue
        if view.lower[i] == "whose" and view.dep[i] != "poss":
            continue
        cand = Candidate(
            i,
            i + 1,
            view.idx[i],
            view.end[i],
            MentionForm.PRONOUN,
            "relative",
            view.words[i],
            i,
            subject=view.dep[i] in SUBJECT_DEPS,
        )
        cand.extra["antecedent"] = view.head[clause]
        out.append(cand)
    out.sort(key=lambda c: c.start)
    return out


RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})
_RELATIVE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "pobj"})
_RAISING = frozenset({"be", "seem", "appear", "remain", "become", "take", "make", "look"})


def _pleonastic(view: ParseView, i: int) -> bool:
    """ "It was not clear if…", "it is expected that…", "it takes…": no referent."""
    if view.dep[i] == "expl":
        return True
    head = view.head[i]
    kids = view.children[head]
    clausal = any(view.dep[c] in ("ccomp", "xcomp", "csubj", "advcl") for c in kids)
    if view.lemma[head] in _RAISING and clausal:
        return True
    if view.dep[i] == "nsubjpass" and any(view.dep[c] == "ccomp" for c in kids):
        return True
    return view.lemma[head] in ("rain", "snow")
