"""Finding mention candidates in the parse: names, descriptions and pronouns.

Everything here reads a :class:`DocView` (plain Python lists copied once from the spaCy
``Doc``) so the rest of the layer never builds spaCy ``Span`` objects in loops — that is what
keeps the actor layer within 10% of the parse time. Candidates are not yet actors: merging is
:mod:`.cluster`'s job and resolution is :mod:`.coref`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from communique.extractors.actors import titles as T
from communique.extractors.actors.countries import CountryTable
from communique.extractors.actors.names import (
    GENERIC,
    HONORIFICS,
    POSSESSIVE,
    first_names,
    strip_possessive,
)
from communique.models import MentionForm

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NP_LEFT_DEPS = frozenset({"det", "poss", "amod", "compound", "nmod", "nummod", "quantmod",
                           "advmod", "predet", "case", "punct"})
GOV_HEADS = frozenset({"government", "regime", "administration", "authorities", "cabinet",
                       "junta", "leadership", "kremlin"})
MIL_HEADS = frozenset({"forces", "troops", "army", "military", "police", "navy", "militia"})
ORG_NOUNS = frozenset({"agency", "union", "campaign", "company", "committee", "party",
                       "ministry", "department", "council", "organization", "organisation",
                       "fund", "bank", "court", "commission", "firm", "newspaper", "network",
                       "alliance", "coalition", "bloc", "institute", "foundation", "board",
                       "embassy", "group", "team", "league", "federation", "corporation"})
OPP_HEADS = frozenset({"rebel", "rebels", "insurgent", "insurgents", "militant", "militants",
                       "opposition", "jihadist", "jihadists", "guerrilla", "guerrillas"})
OPP_MODIFIERS = frozenset({"rebel", "opposition", "militant", "insurgent", "jihadist", "armed"})
OPP_GROUP_HEADS = frozenset({"group", "groups", "faction", "factions", "forces", "fighters",
                             "militias", "movement", "movements"})
PRONOUNS: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "it": "n", "its": "n", "itself": "n",
    "they": "p", "them": "p", "their": "p", "theirs": "p", "themselves": "p",
}
"""Third-person pronouns → m(ale), f(emale), n(euter singular), p(lural). "We" is not here:
who "we" are depends on the quote's speaker, which is the quotes extractor's business."""
_HEADLINE_VERBS = frozenset({"says", "said", "tells", "told", "warns", "urges", "slams"})
_BACKED = ("backed", "led", "supported", "funded", "allied", "sponsored", "trained")
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»"})
_PAREN_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z.&\-]{1,11})\s*\)")


@dataclass
class Cand:
    """One mention candidate (token range ``[start, end)``, characters ``[cstart, cend)``)."""

    start: int
    end: int
    cstart: int
    cend: int
    form: MentionForm
    kind: str
    """name kinds: person, org, country, norp, other; nominal kinds: role, gov, mil, opp;
    pronoun: pronoun."""
    text: str
    head: int
    label: str = ""
    country: str | None = None
    subject: bool = False
    plural: bool = False
    gender: str | None = None
    title: str | None = None
    role: str | None = None
    definite: bool = False
    possessor: int | None = None
    """Token index of a possessive pronoun/name inside a description ("his counterpart")."""
    appos_to: int | None = None
    """Head token of a name this description stands in apposition to."""
    affiliate_of: int | None = None
    """Head token of an organisation named as owner ("Al-Qaeda's affiliate")."""
    acronym_for: int | None = None
    """For "(APEC)" after a name: the head token of the name it abbreviates."""
    extra: dict[str, Any] = field(default_factory=dict)


class DocView:
    """Plain-list copy of the parse, with sentence and paragraph numbers per token."""

    def __init__(self, doc: Any, text: str, paragraph_of: Any) -> None:
        tokens = list(doc)
        self.doc = doc
        self.n = len(tokens)
        self.text: list[str] = [t.text for t in tokens]
        self.lower: list[str] = [t.lower_ for t in tokens]
        self.lemma: list[str] = [t.lemma_.lower() for t in tokens]
        self.pos: list[str] = [t.pos_ for t in tokens]
        self.tag: list[str] = [t.tag_ for t in tokens]
        self.dep: list[str] = [t.dep_ for t in tokens]
        self.head: list[int] = [t.head.i for t in tokens]
        self.idx: list[int] = [t.idx for t in tokens]
        self.end: list[int] = [t.idx + len(t.text) for t in tokens]
        self.children: list[list[int]] = [[] for _ in tokens]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)
        self.sent = [0] * self.n
        self.sent_start: list[int] = []
        for k, sent in enumerate(doc.sents):
            self.sent_start.append(sent.start)
            for i in range(sent.start, sent.end):
                self.sent[i] = k
        self.para: list[int] = [paragraph_of(i) for i in self.idx]
        self.quoted = _quoted(self.text, self.para)
        self.raw = text

    def is_subject(self, i: int) -> bool:
        """Subject of its clause, directly or as a conjunct of the subject."""
        seen = 0
        while self.dep[i] in ("conj", "appos") and seen < 5:
            i = self.head[i]
            seen += 1
        return self.dep[i] in SUBJECT_DEPS

    def agentive(self, i: int) -> bool:
        """A place name acting ("Moscow said", "Moscow's position"), not a location."""
        seen = 0
        while self.dep[i] == "conj" and seen < 5:
            i = self.head[i]
            seen += 1
        if self.dep[i] == "poss":
            return True
        if self.dep[i] in ("nsubj", "nsubjpass"):
            return bool(self.lemma[self.head[i]] != "be")
        return bool(self.dep[i] == "pobj" and self.lower[self.head[i]] == "by")

    def np_start(self, head: int) -> int:
        """Left edge of the noun phrase core (determiners and premodifiers) of ``head``."""
        start = head
        for c in self.children[head]:
            if c < head and self.dep[c] in _NP_LEFT_DEPS:
                start = min(start, _left_edge(self, c))
        while start < head and self.pos[start] == "PUNCT":
            start += 1
        return start


def _quoted(texts: list[str], paras: list[int]) -> list[bool]:
    """Is each token inside quotation marks? Curly quotes open and close; straight quotes
    toggle; every paragraph starts outside."""
    out = [False] * len(texts)
    inside = False
    for k, word in enumerate(texts):
        if k and paras[k] != paras[k - 1]:
            inside = False
        if word in ("“", "``", "«"):
            inside = True
        elif word in ("”", "''", "»"):
            inside = False
        elif word == '"':
            inside = not inside
        else:
            out[k] = inside
    return out


def _left_edge(view: DocView, i: int) -> int:
    edge = i
    stack = [i]
    while stack:
        k = stack.pop()
        for c in view.children[k]:
            if c < edge:
                edge = c
            if c < k:
                stack.append(c)
    return edge


def title_spans(view: DocView) -> list[tuple[int, int]]:
    """Every lexicon title ``[start, end)`` in the text (longest match, left to right)."""
    out = []
    i = 0
    while i < view.n:
        n = T.match_at(view.lower, i) if view.pos[i] in ("NOUN", "PROPN", "ADJ") else 0
        if n:
            out.append((i, i + n))
            i += n
        else:
            i += 1
    return out


def country_in(view: DocView, table: CountryTable, start: int, end: int) -> str | None:
    """A country named or implied by a demonym inside ``[start, end)`` (first found)."""
    i = start
    while i < end:
        word = view.text[i]
        if word[:1].isupper():
            for n in (4, 3, 2, 1):
                if i + n <= end:
                    phrase = view.raw[view.idx[i]:view.end[i + n - 1]]
                    code = table.by_name(strip_possessive(phrase))
                    if code:
                        return code
            code = table.by_demonym(word)
            if code:
                return code
        i += 1
    return None


def name_candidates(view: DocView, table: CountryTable, blocked: list[bool]) -> list[Cand]:
    """Names from spaCy entities, trimmed to exact spans and sorted into rough kinds.

    Entities wholly inside a title ("State" in "Secretary of State") are dropped; capitals
    and other places count only when they act; demonyms ("Russian") are evidence for
    affiliation, not mentions.
    """
    out: list[Cand] = []
    for ent in view.doc.ents:
        label = ent.label_
        if label not in NAME_LABELS:
            continue
        start, end = ent.start, ent.end
        while start < end and blocked[start]:
            start += 1
        if start == end:
            continue
        cstart, cend = view.idx[start], ent.end_char
        surface = view.raw[cstart:cend]
        trimmed = strip_possessive(surface)
        if trimmed != surface:
            cend -= len(surface) - len(trimmed)
            if view.idx[end - 1] >= cend:
                end -= 1
        while end > start and _trailing_junk(view, end - 1):
            end -= 1
            cend = view.end[end - 1]
        while start < end and (view.pos[start] in ("PUNCT", "SPACE") or view.text[start].isspace()):
            start += 1
            cstart = view.idx[start] if start < end else cstart
        if end <= start:
            continue
        while cstart < cend and (view.raw[cstart].isspace() or view.raw[cstart] in "-–—―"):
            cstart += 1
        while cend > cstart and view.raw[cend - 1].isspace():
            cend -= 1
        if label == "NORP" and end < view.n and view.pos[end] == "PROPN" \
                and view.text[end][:1].isupper() and view.head[end - 1] == end \
                and not blocked[end]:
            end += 1  # "Islamic" + "State": an adjective entity and the name it modifies
            cend = view.end[end - 1]
            label = "ORG"
        if _junk(view, start, end):
            continue
        if (start > 0 and view.lower[start - 1].rstrip(".") in HONORIFICS and label == "PERSON") \
                or (start > 0 and view.lower[start - 1].rstrip(".") in ("mr", "mrs", "ms")):
            start -= 1
            cstart = view.idx[start]
            label = "PERSON"
        head = ent.root.i if start <= ent.root.i < end else end - 1
        text = view.raw[cstart:cend]
        if label in ("ORG", "NORP") and _looks_like_person(text):
            label = "PERSON"
        cand = Cand(start, end, cstart, cend, MentionForm.NAME, "", text, head, label=label,
                    subject=view.is_subject(head), plural=view.tag[head] == "NNPS")
        if label in ("GPE", "NORP", "ORG"):
            code = table.by_name(text)
            if (code and label != "ORG") or (code and end - start <= 3 and label == "ORG" \
                    and not any(view.lower[k] in ("party", "army", "bank") for k in
                                range(start, end))):
                cand.kind, cand.country = "country", code
                out.append(cand)
                continue
        if label == "ORG" and end - start == 1 and table.by_capital(text) \
                and view.agentive(head):
            label = "GPE"
        if label == "GPE":
            if _inside_gov_phrase(view, head):
                continue
            capital = table.by_capital(text)
            if not view.agentive(head):
                continue
            if capital:
                cand.kind, cand.country = "country", capital
                cand.extra["capital"] = True
            else:
                cand.kind = "other"
            out.append(cand)
            continue
        if label == "NORP":
            if table.by_demonym(text):
                continue
            cand.kind = "norp"
            out.append(cand)
            continue
        cand.kind = "person" if label == "PERSON" else "org"
        match = _PAREN_ACRONYM.match(view.raw, cend)
        if match and cand.kind == "org":
            cand.extra["paren_acronym"] = match.group(1)
        out.append(cand)
    return out


_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december", "monday", "tuesday",
                       "wednesday", "thursday", "friday", "saturday", "sunday"})


def untagged_people(view: DocView, taken: list[bool], blocked: list[bool],
                    person_heads: set[int]) -> list[Cand]:
    """Proper-noun runs spaCy left untagged that are people by other evidence: a listed
    given name first ("Theresa May"), or coordination with a tagged person ("Jones and
    Smith")."""
    out: list[Cand] = []
    i = 0
    names = first_names()
    while i < view.n:
        if taken[i] or blocked[i] or view.pos[i] != "PROPN" or not view.text[i][:1].isupper():
            i += 1
            continue
        j = i
        while j + 1 < view.n and view.pos[j + 1] == "PROPN" and not taken[j + 1] \
                and not blocked[j + 1] and view.text[j + 1][:1].isupper() and j - i < 2:
            j += 1
        head = j
        linked = (view.dep[head] == "conj" and view.head[head] in person_heads) or any(
            view.dep[c] == "conj" and c in person_heads for c in view.children[head])
        given = j > i and view.text[i] in names
        if given or (linked and j == i and view.lower[i] not in _CALENDAR):
            out.append(Cand(i, j + 1, view.idx[i], view.end[j], MentionForm.NAME, "person",
                            view.raw[view.idx[i]:view.end[j]], head, label="PERSON",
                            subject=view.is_subject(head)))
        i = j + 1
    return out


def untagged_countries(view: DocView, table: CountryTable, taken: list[bool]) -> list[Cand]:
    """A country name spaCy missed ("USA diplomats"): a standalone proper noun (no proper
    noun on either side) that is a name or variant in the country table."""
    out: list[Cand] = []
    for i in range(view.n):
        if taken[i] or view.pos[i] != "PROPN" or not view.text[i][:1].isupper():
            continue
        before = i > 0 and view.pos[i - 1] == "PROPN"
        if before or (i + 1 < view.n and view.pos[i + 1] == "PROPN"):
            continue
        code = table.by_name(view.text[i])
        if code:
            out.append(Cand(i, i + 1, view.idx[i], view.end[i], MentionForm.NAME, "country",
                            view.text[i], i, label="GPE", country=code,
                            subject=view.is_subject(i)))
    return out


def _trailing_junk(view: DocView, k: int) -> bool:
    """Tokens spaCy sometimes lets an entity run into: punctuation (not an abbreviation
    dot), headline verbs ("Obama Says"), lower-case function words ("Vikings - while")."""
    if view.pos[k] == "PUNCT":
        return view.text[k] != "."
    if view.lower[k] in _HEADLINE_VERBS:
        return True
    return view.text[k].islower() and view.pos[k] in _FUNCTION_POS


_FUNCTION_POS = frozenset({"SCONJ", "CCONJ", "ADP", "ADV", "VERB", "AUX", "DET"})


def _junk(view: DocView, start: int, end: int) -> bool:
    """Entities that cannot name an actor: no capital letter ("taco"), a pronoun inside
    ("I'd"), or a single generic word ("World", "United")."""
    if not any(view.text[k][:1].isupper() for k in range(start, end)):
        return True
    if any(view.pos[k] == "PRON" for k in range(start, end)):
        return True
    return end - start == 1 and view.lower[start] in GENERIC


def _looks_like_person(text: str) -> bool:
    """spaCy sm sometimes calls a full name ORG ("Frank-Walter Steinmeier"): two or three
    capitalised words starting with a listed given name and no organisation word."""
    parts = text.split()
    if not 2 <= len(parts) <= 3 or not all(p[:1].isupper() for p in parts):
        return False
    return parts[0] in first_names() and not any(p.casefold() in GENERIC for p in parts)


def _inside_gov_phrase(view: DocView, i: int) -> bool:
    """ "Damascus" in "the Damascus regime" belongs to the government description."""
    head = view.head[i]
    return view.dep[i] == "compound" and (view.lower[head] in GOV_HEADS
                                          or view.lower[head] in MIL_HEADS)


def paren_acronyms(view: DocView, names: list[Cand], taken: list[bool]) -> list[Cand]:
    """ "Asia-Pacific Economic Cooperation (APEC)": the acronym, when spaCy missed it."""
    out = []
    starts = {view.idx[i]: i for i in range(view.n)}
    for cand in names:
        acronym = cand.extra.get("paren_acronym")
        if not acronym:
            continue
        match = _PAREN_ACRONYM.match(view.raw, cand.cend)
        if match is None:
            continue
        i = starts.get(match.start(1))
        if i is None or taken[i] or view.end[i] != match.end(1):
            continue
        out.append(Cand(i, i + 1, match.start(1), match.end(1), MentionForm.NAME, "org",
                        acronym, i, label="ORG", acronym_for=cand.head))
    return out


def description_candidates(view: DocView, table: CountryTable, taken: list[bool],
                           name_heads: dict[int, Cand]) -> list[Cand]:
    """Descriptions: role nouns ("the foreign minister"), governments ("the Syrian
    government", "the Damascus regime"), forces, and rebels/opposition."""
    out: list[Cand] = []
    for i in range(view.n):
        if view.pos[i] not in ("NOUN", "PROPN") or taken[i] or view.dep[i] == "compound":
            continue
        low, lemma = view.lower[i], view.lemma[i]
        kind = ""
        if low in GOV_HEADS or (lemma in GOV_HEADS and low != "governments"):
            kind = "gov"
        elif low in MIL_HEADS or lemma in MIL_HEADS:
            kind = "mil"
        elif low in OPP_HEADS or lemma in OPP_HEADS or _rebel_group(view, i):
            kind = "opp"
        elif lemma in ORG_NOUNS and view.tag[i] == "NN":
            kind = "orgdesc"
        elif lemma in T.ROLE_NOUNS or low in T.ROLE_NOUNS:
            if view.pos[i] == "PROPN" and i + 1 < view.n and view.pos[i + 1] == "PROPN":
                continue
            kind = "role"
        if not kind:
            continue
        start = view.np_start(i)
        for k in range(start, i):
            # a possessor ("Al-Qaeda's", "his") is its own mention: start after it
            if view.dep[k] == "poss" or view.lower[k] in ("'s", "’s"):
                start = k + 1
        if any(taken[k] and name_heads.get(k) is None and view.dep[k] not in (
                "compound", "amod", "nmod") for k in range(start, i)):
            start = max(k for k in range(start, i) if taken[k]) + 1
        for k in range(start, i):
            if view.pos[k] in ("CCONJ", "PUNCT") and view.text[k] not in ("-", "–"):
                start = k + 1  # "USA and Russian experts": only the last conjunct
        end = i + 1
        if kind == "role":
            n = T.match_at(view.lower, i)
            if n > 1:
                end = i + n
        while start < i and view.pos[start] in ("PUNCT", "CCONJ", "ADP", "PART"):
            start += 1
        if any(view.tag[k] in ("``", "''") or view.text[k] in _QUOTES for k in range(start, i)):
            start = i
        cand = Cand(start, end, view.idx[start], view.end[end - 1], MentionForm.NOMINAL, kind,
                    view.raw[view.idx[start]:view.end[end - 1]], i,
                    subject=view.is_subject(i), plural=view.tag[i] in ("NNS", "NNPS"))
        cand.role = lemma
        _describe(view, table, cand, name_heads)
        if kind == "gov" and cand.country is None and view.lower[i] == "kremlin":
            cand.country = table.by_name("Russia")
        if kind == "gov" and low in ("forces",):
            cand.kind = "gov"
        if kind == "mil" and any(view.lower[c] == "government" for c in view.children[i]):
            cand.kind = "gov"
        if kind == "mil" and cand.country is None and cand.kind == "mil" and not cand.subject:
            continue
        out.append(cand)
    return out


def _rebel_group(view: DocView, i: int) -> bool:
    """ "rebel groups", "opposition factions", "armed groups"."""
    if view.lower[i] not in OPP_GROUP_HEADS and view.lemma[i] not in OPP_GROUP_HEADS:
        return False
    return any(view.lower[c] in OPP_MODIFIERS for c in view.children[i] if c < i)


def _describe(view: DocView, table: CountryTable, cand: Cand, name_heads: dict[int, Cand]) -> None:
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
        elif dep == "poss":
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
            view.lower[k].lstrip("-").startswith(_BACKED) for k in range(cand.start, i)):
        # "US-backed forces" are not US forces
        cand.country = country_in(view, table, cand.start, cand.head)
    if cand.country is None:
        for c in view.children[i]:
            if c < i and view.dep[c] == "compound" and view.text[c][:1].isupper():
                cand.country = table.by_capital(view.text[c])
    tstart = T.match_ending(view.lower, cand.end)
    if tstart >= cand.start:
        words = view.lower[tstart:cand.end]
        if len(words) > 1 or (cand.kind == "role" and words[0] not in ("official", "source")):
            cand.title = T.normalise(view.text[tstart:cand.end])
    gender = T.GENDERED.get(view.lower[i])
    if gender:
        cand.gender = gender


def pronoun_candidates(view: DocView, taken: list[bool]) -> list[Cand]:
    """Third-person pronouns that could refer to an actor (pleonastic "it" left out)."""
    out = []
    for i in range(view.n):
        low = view.lower[i]
        kind = PRONOUNS.get(low)
        if kind is None or taken[i] or view.pos[i] not in ("PRON", "DET"):
            continue
        if low == "it" and _pleonastic(view, i):
            continue
        out.append(Cand(i, i + 1, view.idx[i], view.end[i], MentionForm.PRONOUN, "pronoun",
                        view.text[i], i, subject=view.dep[i] in SUBJECT_DEPS,
                        plural=kind == "p", gender=kind))
    for i in range(view.n):
        if view.lower[i] not in RELATIVES or taken[i]:
            continue
        clause = view.head[i]
        if view.dep[clause] != "relcl" or view.dep[i] not in _RELATIVE_DEPS:
            continue
        if view.lower[i] == "whose" and view.dep[i] != "poss":
            continue
        cand = Cand(i, i + 1, view.idx[i], view.end[i], MentionForm.PRONOUN, "relative",
                    view.text[i], i, subject=view.dep[i] in SUBJECT_DEPS)
        cand.extra["antecedent"] = view.head[clause]
        out.append(cand)
    out.sort(key=lambda c: c.start)
    return out


RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})
_RELATIVE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "pobj"})
_RAISING = frozenset({"be", "seem", "appear", "remain", "become", "take", "make", "look"})


def _pleonastic(view: DocView, i: int) -> bool:
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


def occupied(view: DocView, cands: list[Cand]) -> list[bool]:
    """Token occupancy of a list of candidates."""
    taken = [False] * view.n
    for cand in cands:
        for k in range(cand.start, cand.end):
            taken[k] = True
    return taken


__all__ = ["POSSESSIVE", "Cand", "DocView"]
