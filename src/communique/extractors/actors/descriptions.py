"""Step 5, candidates: description candidates: "the foreign minister", "the Syrian government",
"rebels".

Noun phrases headed by a role noun (titles.ROLE_NOUNS), a government word, a force word, a
rebel/opposition word or an organisation noun, with what they say about who is meant:
determiner, possessor, country, title, apposition. Resolution is :mod:`.resolve`'s job.
"""

from __future__ import annotations

import re

from communique.extractors.actors.candidates import Candidate
from communique.extractors.actors.names import strip_possessive
from communique.knowledge import titles as T
from communique.knowledge.countries import CountryTable
from communique.models import MentionForm
from communique.parse import ParseView

GOV_HEADS = frozenset(
    {"government", "regime", "administration", "authorities", "cabinet", "junta", "leadership"}
)
MIL_HEADS = frozenset({"forces", "troops", "army", "military", "police", "navy", "militia"})
ORG_NOUNS = frozenset(
    {
        "agency",
        "union",
        "campaign",
        "company",
        "committee",
        "party",
        "ministry",
        "department",
        "council",
        "organization",
        "organisation",
        "fund",
        "bank",
        "court",
        "commission",
        "firm",
        "newspaper",
        "network",
        "alliance",
        "coalition",
        "bloc",
        "institute",
        "foundation",
        "board",
        "embassy",
        "group",
        "team",
        "league",
        "federation",
        "corporation",
        "affiliate",
        "offshoot",
        "branch",
        "wing",
        "ally",
        "faction",
    }
)
OPP_HEADS = frozenset(
    {
        "rebel",
        "rebels",
        "insurgent",
        "insurgents",
        "militant",
        "militants",
        "opposition",
        "jihadist",
        "jihadists",
        "guerrilla",
        "guerrillas",
    }
)
OPP_MODIFIERS = frozenset({"rebel", "opposition", "militant", "insurgent", "jihadist", "armed"})
OPP_GROUP_HEADS = frozenset(
    {
        "group",
        "groups",
        "faction",
        "factions",
        "forces",
        "fighters",
        "militias",
        "movement",
        "movements",
    }
)
_BACKED = ("backed", "led", "supported", "funded", "allied", "sponsored", "trained")
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»"})


def country_in(view: ParseView, table: CountryTable, start: int, end: int) -> str | None:
    """A country named or implied by a demonym inside ``[start, end)`` (first found)."""
    i = start
    while i < end:
        word = view.words[i]
        if word[:1].isupper():
            for n in (4, 3, 2, 1):
                if i + n <= end:
                    phrase = view.text[view.idx[i] : view.end[i + n - 1]]
                    code = table.by_name(strip_possessive(phrase))
                    if code:
                        return code
            code = table.by_demonym(word)
            if code:
                return code
        i += 1
    return None


def _description_kind(view: ParseView, i: int) -> str:
    """What the noun at ``i`` describes: "gov", "mil", "opp", "orgdesc", "role", or ""."""
    low, lemma = view.lower[i], view.lemma[i]
    if low in GOV_HEADS or (lemma in GOV_HEADS and low != "governments"):
        return "gov"
    if low in MIL_HEADS or lemma in MIL_HEADS:
        return "mil"
    if (
        low in OPP_HEADS or lemma in OPP_HEADS or _rebel_group(view, i)
    ) and not _abstract_opposition(view, i):
        return "opp"
    if lemma in ORG_NOUNS and (view.tag[i] == "NN" or view.words[i] == low):
        return "orgdesc"  # a lower-case "ministry" the tagger calls NNP is still a common noun
    if lemma in T.ROLE_NOUNS or low in T.ROLE_NOUNS:
        if view.pos[i] == "PROPN" and i + 1 < view.n and view.pos[i + 1] == "PROPN":
            return ""  # a title inside a name ("Secretary Blinken" is the name's)
        return "role"
    return ""


def description_candidates(
    view: ParseView, table: CountryTable, taken: list[bool], name_heads: dict[int, Candidate]
) -> list[Candidate]:
    """Descriptions: role nouns ("the foreign minister"), governments ("the Syrian
    government", "the Damascus regime"), forces, and rebels/opposition."""
    out: list[Candidate] = []
    for i in range(view.n):
        bare = _bare_person(view, table, i) if not taken[i] else None
        if bare is not None:
            out.append(bare)
            continue
        if view.pos[i] not in ("NOUN", "PROPN") or taken[i] or view.dep[i] == "compound":
            continue
        lemma = view.lemma[i]
        kind = _description_kind(view, i)
        if not kind:
            continue
        start = view.np_start(i)
        for k in range(start, i):
            # a possessor ("Al-Qaeda's", "his") is its own mention: start after it
            if view.dep[k] == "poss" or view.lower[k] in ("'s", "’s"):
                start = k + 1
        if any(
            taken[k]
            and name_heads.get(k) is None
            and view.dep[k] not in ("compound", "amod", "nmod")
            for k in range(start, i)
        ):
            start = max(k for k in range(start, i) if taken[k]) + 1
        for k in range(start, i):
            if view.pos[k] in ("CCONJ", "PUNCT") and view.words[k] not in ("-", "–"):
                start = k + 1  # "USA and Russian experts": only the last conjunct
        end = i + 1
        if kind == "role":
            n = T.match_at(view.lower, i)
            if n > 1:
                end = i + n
        while start < i and view.pos[start] in ("PUNCT", "CCONJ", "ADP", "PART"):
            start += 1
        if any(view.tag[k] in ("``", "''") or view.words[k] in _QUOTES for k in range(start, i)):
            start = i
        cand = Candidate.over(
            view,
            start,
            end,
            MentionForm.NOMINAL,
            kind,
            i,
            subject=view.is_subject(i),
            plural=view.tag[i] in ("NNS", "NNPS"),
        )
        cand.role = lemma
        cand.extra["source"] = view.source_role(i)
        _describe(view, table, cand, name_heads)
        if kind == "mil" and any(view.lower[c] == "government" for c in view.children[i]):
            cand.kind = "gov"
        if (
            kind == "mil"
            and cand.country is None
            and cand.kind == "mil"
            and not cand.extra["source"]
        ):
            continue
        out.append(cand)
    return out


_AGE = re.compile(r"^\d{1,3}-year-old$")


def _bare_person(view: ParseView, table: CountryTable, i: int) -> Candidate | None:
    """ "The 24-year-old said", "The Italian said": a definite description headed by an age
    or a demonym alone, the subject of its clause, refers back to a person (resolution
    decides who); "the Italian side", "Italians", "an Italian" are not."""
    if view.dep[i] not in ("nsubj", "nsubjpass"):
        return None
    kids = [k for k in view.children[i] if view.pos[k] != "PUNCT"]
    if len(kids) != 1 + (view.lower[i] == "old") or view.lower[kids[0]] != "the":
        return None
    low = view.lower[i]
    extra: dict[str, str] = {}
    country = None
    if _AGE.match(low) or (
        low == "old" and i >= 4 and view.lower[i - 2] == "year" and view.lower[i - 4].isdigit()
    ):
        extra["bare"] = "age"
    elif view.tag[i] in ("NNP", "NN", "JJ") and (
        country := table.by_demonym(view.words[i]) or table.by_national(view.words[i])
    ):
        if view.words[i].casefold().endswith("s") and not view.words[i].endswith("ss"):
            return None  # a plural demonym ("the Swiss" aside) is a people
        extra["bare"] = "demonym"
    else:
        return None
    start = kids[0]
    cand = Candidate.over(
        view, start, i + 1, MentionForm.NOMINAL, "role", i, subject=True, definite=True
    )
    cand.role = ""
    cand.country = country
    cand.extra.update(extra)
    cand.extra["source"] = True
    return cand


def _abstract_opposition(view: ParseView, i: int) -> bool:
    """ "met with opposition", "opposition to the plan", "because of opposition by X": the
    act of opposing, not a body. "the opposition", "Syrian opposition", "opposition
    groups", "the government and opposition" are bodies."""
    if view.lower[i] != "opposition":
        return False
    kids = view.children[i]
    if any(view.dep[c] == "prep" and view.lower[c] == "to" for c in kids):
        return True
    if any(view.dep[c] in ("det", "amod", "poss", "compound") for c in kids if c < i):
        return False
    if any(view.dep[c] == "prep" and view.lower[c] in ("from", "by") for c in kids):
        return True
    head = view.head[i]
    if view.dep[i] == "pobj" and view.lower[head] in ("with", "of", "despite", "amid"):
        return True
    return view.dep[i] == "dobj" and view.lemma[head] in _OPPOSITION_VERBS


_OPPOSITION_VERBS = frozenset(
    {
        "face",
        "meet",
        "encounter",
        "draw",
        "express",
        "voice",
        "signal",
        "provoke",
        "spark",
        "overcome",
    }
)


def _rebel_group(view: ParseView, i: int) -> bool:
    """ "rebel groups", "opposition factions", "armed groups"."""
    if view.lower[i] not in OPP_GROUP_HEADS and view.lemma[i] not in OPP_GROUP_HEADS:
        return False
    return any(view.lower[c] in OPP_MODIFIERS for c in view.children[i] if c < i)


def _describe(
    view: ParseView, table: CountryTable, cand: Candidate, name_heads: dict[int, Candidate]
) -> None:
    """Fill in determiner, possessor, country, title and apposition of a description."""
    i = cand.head
    for c in view.children[i]:
        dep = view.dep[c]
        if dep == "det":
            word = view.lower[c]
            if word in ("the", "this", "that", "these", "those"):
                cand.definite = True
            elif word in ("a", "an", "one", "another"):
                cand.extra["indefinite"] = True
        elif dep == "poss" or (
            dep == "nmod" and any(view.dep[g] == "case" for g in view.children[c])
        ):  # "Al-Qaeda’s" as nmod
            cand.definite = True
            cand.possessor = c
            named = name_heads.get(c)
            if named is not None:
                if named.kind == "country":
                    cand.country = named.country
                else:
                    cand.affiliate_of = c
        elif dep == "appos" and c in name_heads:
            cand.appos_to = c
        elif dep == "prep" and view.lower[c] == "of":
            for g in view.children[c]:
                named = name_heads.get(g)
                if named is not None and named.kind == "country":
                    cand.country = named.country
    if view.dep[i] == "appos" and view.head[i] in name_heads:
        cand.appos_to = view.head[i]
    if not cand.definite and "indefinite" not in cand.extra and cand.plural:
        cand.extra["indefinite"] = True
    if cand.country is None and not any(
        view.lower[k].lstrip("-").startswith(_BACKED) for k in range(cand.start, i)
    ):
        # "US-backed forces" are not US forces
        cand.country = country_in(view, table, cand.start, cand.head)
    if cand.country is None:
        for c in view.children[i]:
            if c < i and view.dep[c] == "compound" and view.words[c][:1].isupper():
                cand.country = table.by_capital(view.words[c])
    tstart = T.match_ending(view.lower, cand.end)
    if tstart >= cand.start:
        words = view.lower[tstart : cand.end]
        if len(words) > 1 or (cand.kind == "role" and words[0] not in ("official", "source")):
            cand.title = T.normalise(view.words[tstart : cand.end])
    if any(view.lower[c] in ("former", "ex") for c in view.children[i] if c < i):
        cand.extra["former"] = True
    gender = T.GENDERED.get(view.lower[i])
    if gender:
        cand.gender = gender
