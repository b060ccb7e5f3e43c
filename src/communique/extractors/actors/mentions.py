"""Step 1, candidates: name candidates: spaCy entities made exact, repaired, and sorted into rough
kinds.

Entities become candidates here (trimmed, possessives cut, split at spaced dashes, junk
dropped) and names spaCy missed are recovered by evidence: parenthesised acronyms,
standalone country names, given-name + surname runs, coordination with a tagged person.
Merging is :mod:`.cluster`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from communique.extractors.actors.candidates import Candidate
from communique.extractors.actors.descriptions import GOV_HEADS, MIL_HEADS, ORG_NOUNS, country_in
from communique.extractors.actors.names import (
    GENERIC,
    HONORIFICS,
    strip_possessive,
)
from communique.extractors.actors.shapes import aged, agency_start, kin_named
from communique.knowledge import titles as T
from communique.knowledge.countries import CountryTable
from communique.knowledge.roles import APPOSITIVE_ROLES, KIN_NOUNS
from communique.knowledge.venues import HONOUR_NOUNS
from communique.models import MentionForm
from communique.parse import ParseView

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_HEADLINE_VERBS = frozenset({"says", "said", "tells", "told", "warns", "urges", "slams"})
_PAREN_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z.&\-]{1,11})\s*\)")


def title_spans(view: ParseView) -> list[tuple[int, int]]:
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


_SEPARATORS = frozenset({"-", "–", "—", "―", "/", "|", ":"})


def _entity_pieces(view: ParseView) -> Iterator[tuple[str, int, int]]:
    """spaCy entities of the kinds we use, cut at spaced separators ("Scott - Brentley
    Vinson" is two names; "Al-Nusra" is one)."""
    raw = view.text
    for ent in view.doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        begin = ent.start
        for k in range(ent.start, ent.end):
            if view.words[k] in _SEPARATORS and (
                (view.idx[k] > 0 and raw[view.idx[k] - 1].isspace())
                or (view.end[k] < len(raw) and raw[view.end[k]].isspace())
            ):
                if k > begin:
                    yield ent.label_, begin, k
                begin = k + 1
        if begin < ent.end:
            yield ent.label_, begin, ent.end


def name_candidates(
    view: ParseView, table: CountryTable, blocked: list[bool], first_names: Mapping[str, str]
) -> list[Candidate]:
    """Names from spaCy entities, trimmed to exact spans and sorted into rough kinds.

    Entities wholly inside a title ("State" in "Secretary of State") are dropped; capitals
    and other places count only when they act; demonyms ("Russian") are evidence for
    affiliation, not mentions.
    """
    out: list[Candidate] = []
    for label, first, last in _entity_pieces(view):
        bounds = _exact_bounds(view, first, last, blocked)
        if bounds is None:
            continue
        start, end, cstart, cend = bounds
        if (
            label == "NORP"
            and end < view.n
            and view.pos[end] == "PROPN"
            and view.words[end][:1].isupper()
            and view.head[end - 1] == end
            and not blocked[end]
        ):
            end += 1  # "Islamic" + "State": an adjective entity and the name it modifies
            cend = view.end[end - 1]
            label = "ORG"
        if _junk(view, start, end):
            continue
        if end - start == 1 and table.by_national(view.words[start]):
            continue  # "the Frenchman": a description of a person (see descriptions)
        if label == "ORG" and "(" in view.words[start + 1 : end]:
            end = view.words.index("(", start + 1, end)  # "Brenholt Rail (BRNL": the name
            cend = view.end[end - 1]
        if label == "PERSON" and _hyphened_on(view, end):
            end, cend = end + 2, view.end[end + 1]  # "Camila Reyes" + "-Otero": one surname
        if label in ("ORG", "PERSON") and _numbered_unit(view, end):
            end, cend, label = end + 1, view.end[end], "ORG"  # "Machinists Lodge" + "1207"
        if (
            start > 0
            and view.lower[start - 1].rstrip(".") in HONORIFICS
            and (label == "PERSON" or _full_name_org(view, label, start, end))
        ) or (start > 0 and view.lower[start - 1].rstrip(".") in ("mr", "mrs", "ms")):
            start -= 1
            cstart = view.idx[start]
            label = "PERSON"
        head = next((k for k in range(start, end) if not start <= view.head[k] < end), end - 1)
        agency = agency_start(view, start, head, blocked) if label == "GPE" else None
        if agency is not None and table.by_name(view.text[cstart:cend]):
            start, cstart, label = agency, view.idx[agency], "ORG"  # "Environment Canada"
        text = view.text[cstart:cend]
        old = aged(view, head, end)
        if old or (label in ("ORG", "NORP") and _looks_like_person(text, first_names)):
            label = "PERSON"
        if label in ("GPE", "ORG", "NORP") and end - start <= 2 and kin_named(view, head):
            label = "PERSON"
        cand = Candidate(
            start,
            end,
            cstart,
            cend,
            MentionForm.NAME,
            "",
            text,
            head,
            label=label,
            subject=view.is_subject(head),
            plural=view.tag[head] == "NNPS",
        )
        if old:
            cand.extra["aged"] = True  # decides the entity's kind (cluster._decide_kind)
        if _sort_kind(view, table, cand, label):
            out.append(cand)
    return out


def _exact_bounds(
    view: ParseView, start: int, end: int, blocked: list[bool]
) -> tuple[int, int, int, int] | None:
    """Token and character bounds of an entity piece without title words, possessive,
    trailing junk and edge punctuation; None when nothing is left."""
    while start < end and blocked[start]:
        start += 1
    if start == end:
        return None
    cstart, cend = view.idx[start], view.end[end - 1]
    surface = view.text[cstart:cend]
    trimmed = strip_possessive(surface)
    if trimmed != surface:
        cend -= len(surface) - len(trimmed)
        if view.idx[end - 1] >= cend:
            end -= 1
    while end > start and _trailing_junk(view, end - 1):
        end -= 1
        cend = view.end[end - 1]
    while start < end and (view.pos[start] in ("PUNCT", "SPACE") or view.words[start].isspace()):
        start += 1
        cstart = view.idx[start] if start < end else cstart
    if end <= start:
        return None
    while cstart < cend and (view.text[cstart].isspace() or view.text[cstart] in "-–—―"):
        cstart += 1
    while cend > cstart and view.text[cend - 1].isspace():
        cend -= 1
    return start, end, cstart, cend


def _sort_kind(view: ParseView, table: CountryTable, cand: Candidate, label: str) -> bool:
    """Set the candidate's rough kind (and country) from its label and the country table;
    False when it is not a mention at all (a place that does not act, a bare demonym)."""
    start, end, cend, head, text = cand.start, cand.end, cand.cend, cand.head, cand.text
    if label in ("GPE", "NORP", "ORG"):
        code = table.by_name(text)
        if (code and label != "ORG") or (
            code
            and end - start <= 3
            and label == "ORG"
            and not any(view.lower[k] in ("party", "army", "bank") for k in range(start, end))
        ):
            cand.kind, cand.country = "country", code
            return True
    if label == "ORG" and end - start == 1 and table.by_capital(text) and view.agentive(head):
        label = "GPE"
    if label == "GPE":
        if _inside_gov_phrase(view, head):
            return False
        capital = table.by_capital(text)
        if not view.agentive(head):
            return False
        if _municipal_body(text):
            cand.kind, cand.label = "org", "ORG"  # "the City of Port Ashby said": the council
            return True
        if capital:
            cand.kind, cand.country = "country", capital
            cand.extra["capital"] = True
        else:
            cand.kind = "other"
        return True
    if label == "NORP":
        if table.by_demonym(text):
            return False
        cand.kind = "norp"
        return True
    cand.kind = "person" if label == "PERSON" else "org"
    match = _PAREN_ACRONYM.match(view.text, cend)
    if match and cand.kind == "org":
        cand.extra["paren_acronym"] = match.group(1)
    if cand.kind == "org":
        # "Russian Defense Ministry", "U.S. State Department": the country in the name
        cand.country = country_in(view, table, start, end)
    return True


_MUNICIPAL = frozenset(
    "city town county borough municipality village township province state commonwealth".split()
)


def _municipal_body(text: str) -> bool:
    """ "(the) City of Port Ashby", "Town of Gresham": a local government's formal name."""
    words = text.split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    return len(words) >= 3 and words[0].casefold() in _MUNICIPAL and words[1] == "of"


_CALENDAR = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)


def untagged_people(
    view: ParseView,
    taken: list[bool],
    blocked: list[bool],
    person_heads: set[int],
    first_names: Mapping[str, str],
) -> list[Candidate]:
    """Proper-noun runs spaCy left untagged that are people by other evidence: a listed
    given name first ("Theresa May"), a bare role noun in apposition ("Sia Tau, principal
    of Hill School"), or coordination with a tagged person ("Jones and Smith")."""
    out: list[Candidate] = []
    i = 0
    names = first_names
    while i < view.n:
        if taken[i] or blocked[i] or view.pos[i] != "PROPN" or not view.words[i][:1].isupper():
            i += 1
            continue
        j = i
        while (
            j + 1 < view.n
            and view.pos[j + 1] == "PROPN"
            and not taken[j + 1]
            and not blocked[j + 1]
            and view.words[j + 1][:1].isupper()
            and j - i < 2
        ):
            j += 1
        if j > i and _hyphened_on(view, j + 1) and not taken[j + 2] and not blocked[j + 2]:
            j += 2  # "Camila Reyes" + "-Otero": a double-barrelled surname
        if j + 1 < view.n and view.lower[j + 1] in HONOUR_NOUNS and view.words[j + 1][:1].isupper():
            i = j + 2  # "the Aldo Beckman Memorial Award": an honour's name, no person
            continue
        head = j
        linked = (view.dep[head] == "conj" and view.head[head] in person_heads) or any(
            view.dep[c] == "conj" and c in person_heads for c in view.children[head]
        )
        given = j > i and (view.words[i] in names or _role_appositive(view, head))
        if given or (linked and j == i and view.lower[i] not in _CALENDAR):
            out.append(
                Candidate.over(
                    view,
                    i,
                    j + 1,
                    MentionForm.NAME,
                    "person",
                    head,
                    label="PERSON",
                    subject=view.is_subject(head),
                )
            )
        i = j + 1
    return out


_BODY_HEADS = ORG_NOUNS | frozenset(
    "tribunal authority administration service university association bureau office".split()
)
"""Head words that make a capitalised name a body ("the Eastern High Court", "the Polar
Monitoring Network")."""


def untagged_bodies(view: ParseView, taken: list[bool], blocked: list[bool]) -> list[Candidate]:
    """Capitalised names spaCy left untagged that end in a body's head word and are the
    subject of their clause ("The Eastern High Court said in its ruling …"): an
    organisation. Two to five proper nouns after "the"; not a name inside another."""
    out: list[Candidate] = []
    for head in range(1, view.n):
        if view.dep[head] not in ("nsubj", "nsubjpass") or view.lower[head] not in _BODY_HEADS:
            continue
        start = head
        while (
            start > 0
            and head - start < 4
            and view.pos[start - 1] == "PROPN"
            and view.words[start - 1][:1].isupper()
        ):
            start -= 1
        run = range(start, head + 1)
        if (
            start == head
            or view.lower[start - 1] != "the"
            or any(view.pos[k] != "PROPN" or taken[k] or blocked[k] for k in run)
            or not all(view.words[k][:1].isupper() for k in run)
        ):
            continue
        out.append(
            Candidate.over(
                view,
                start,
                head + 1,
                MentionForm.NAME,
                "organization",
                head,
                label="ORG",
                subject=True,
            )
        )
    return out


def _role_appositive(view: ParseView, head: int) -> bool:
    """A bare person noun in apposition right after the name ("Sia Tau, principal of Hill
    School, said"): spaCy can miss a name it does not know (after a live blog's time stamp),
    and a role without an article names a person's post, not a place's or firm's kind."""
    for c in view.children[head]:
        if c < head or view.dep[c] != "appos" or view.pos[c] != "NOUN":
            continue
        lemma = view.lemma[c]
        # not "owner", "member", "partner": firms and trusts are those too
        person = lemma in APPOSITIVE_ROLES or (lemma in KIN_NOUNS and lemma != "partner")
        bare = not any(view.dep[d] == "det" or view.pos[d] == "DET" for d in view.children[c])
        if person and bare and view.words[head + 1] == ",":
            return True
    return False


def untagged_countries(view: ParseView, table: CountryTable, taken: list[bool]) -> list[Candidate]:
    """A country name spaCy missed ("USA diplomats"): a standalone proper noun (no proper
    noun on either side) that is a name or variant in the country table."""
    out: list[Candidate] = []
    for i in range(view.n):
        if taken[i] or view.pos[i] != "PROPN" or not view.words[i][:1].isupper():
            continue
        before = i > 0 and view.pos[i - 1] == "PROPN"
        if before or (i + 1 < view.n and view.pos[i + 1] == "PROPN"):
            continue
        code = table.by_name(view.words[i])
        if code:
            out.append(
                Candidate.over(
                    view,
                    i,
                    i + 1,
                    MentionForm.NAME,
                    "country",
                    i,
                    label="GPE",
                    country=code,
                    subject=view.is_subject(i),
                )
            )
    return out


def _trailing_junk(view: ParseView, k: int) -> bool:
    """Tokens spaCy sometimes lets an entity run into: punctuation (not an abbreviation
    dot), headline verbs ("Obama Says"), lower-case function words ("Vikings - while")."""
    if view.pos[k] == "PUNCT":
        return view.words[k] != "."
    if view.lower[k] in _HEADLINE_VERBS:
        return True
    return view.words[k].islower() and view.pos[k] in _FUNCTION_POS


_FUNCTION_POS = frozenset({"SCONJ", "CCONJ", "ADP", "ADV", "VERB", "AUX", "DET"})


def _junk(view: ParseView, start: int, end: int) -> bool:
    """Entities that cannot name an actor: no capital letter ("taco"), a pronoun inside
    ("I'd"), a single generic word ("World", "United") or an honour ("Aurora Award")."""
    if not any(view.words[k][:1].isupper() for k in range(start, end)):
        return True
    if view.lower[end - 1] in HONOUR_NOUNS and view.words[end - 1][:1].isupper():
        return True
    if any(view.pos[k] == "PRON" for k in range(start, end)):
        return True
    return end - start == 1 and view.lower[start] in GENERIC


_NUMBERED_UNITS = frozenset({"local", "lodge", "chapter", "post", "district", "branch"})
"""Words that a union local's, lodge's or chapter's number follows ("Teamsters Local 705")."""


def _hyphened_on(view: ParseView, end: int) -> bool:
    """A double-barrelled surname the entity stopped inside ("Camila Reyes" of "Camila
    Reyes-Otero"): a hyphen glued to the name's last word and to a capitalised word, the
    whole not modifying a noun ("the Clinton-Sanders race", "the Dodd-Frank rules")."""
    after = end + 2
    return (
        end + 1 < view.n
        and view.words[end] == "-"
        and view.idx[end] == view.end[end - 1]
        and view.idx[end + 1] == view.end[end]
        and view.words[end + 1][:1].isupper()
        and view.words[end + 1].isalpha()
        and not (after < view.n and view.pos[after] == "NOUN" and view.words[after].islower())
    )


def _numbered_unit(view: ParseView, end: int) -> bool:
    """Whether the organisation name ending before token ``end`` is a numbered unit whose
    number spaCy left outside (the local's name without its number names no one)."""
    return (
        end < view.n
        and view.lower[end - 1] in _NUMBERED_UNITS
        and view.words[end - 1][:1].isupper()
        and view.words[end].isdigit()
    )


def _full_name_org(view: ParseView, label: str, start: int, end: int) -> bool:
    """ "Dr Ana Roe" tagged ORG: two or three capitalised words, none an organisation word,
    after an honorific are a person's given name and surname ("Dr Pepper", one word, stays
    a firm)."""
    words = view.words[start:end]
    return (
        label == "ORG"
        and 2 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not any(w.casefold() in GENERIC for w in words)
    )


def _looks_like_person(text: str, first_names: Mapping[str, str]) -> bool:
    """spaCy sm sometimes calls a full name ORG ("Frank-Walter Steinmeier"): two or three
    capitalised words starting with a listed given name and no organisation word."""
    parts = text.split()
    if not 2 <= len(parts) <= 3 or not all(p[:1].isupper() for p in parts):
        return False
    return parts[0] in first_names and not any(p.casefold() in GENERIC for p in parts)


def _inside_gov_phrase(view: ParseView, i: int) -> bool:
    """ "Damascus" in "the Damascus regime" belongs to the government description."""
    head = view.head[i]
    return view.dep[i] == "compound" and (
        view.lower[head] in GOV_HEADS or view.lower[head] in MIL_HEADS
    )


def paren_acronyms(view: ParseView, names: list[Candidate], taken: list[bool]) -> list[Candidate]:
    """ "Asia-Pacific Economic Cooperation (APEC)": the acronym, when spaCy missed it."""
    out = []
    starts = {view.idx[i]: i for i in range(view.n)}
    for cand in names:
        acronym = cand.extra.get("paren_acronym")
        if not acronym:
            continue
        match = _PAREN_ACRONYM.match(view.text, cand.cend)
        if match is None:
            continue
        i = starts.get(match.start(1))
        if i is None or taken[i] or view.end[i] != match.end(1):
            continue
        out.append(
            Candidate(
                i,
                i + 1,
                match.start(1),
                match.end(1),
                MentionForm.NAME,
                "org",
                acronym,
                i,
                label="ORG",
                acronym_for=cand.head,
            )
        )
    return out


def paren_names(view: ParseView, names: list[Candidate], taken: list[bool]) -> list[Candidate]:
    """ "Kerrivex Energy (KRVX)" with only the acronym tagged: the capitalised run before the
    parenthesis is the organisation's name, and the acronym (a ticker, often) abbreviates it;
    otherwise the acronym alone became the actor and the name was lost."""
    out = []
    for cand in names:
        if cand.label != "ORG" or cand.end - cand.start != 1 or not cand.text.isupper():
            continue
        lead = _name_before_paren(view, cand.start, taken)
        if lead is None:
            continue
        start, end = lead
        name = Candidate.over(
            view,
            start,
            end,
            MentionForm.NAME,
            "org",
            end - 1,
            label="ORG",
            subject=view.is_subject(end - 1),
        )
        name.extra["paren_acronym"] = cand.text
        cand.acronym_for = name.head
        out.append(name)
    return out


def _name_before_paren(view: ParseView, i: int, taken: list[bool]) -> tuple[int, int] | None:
    """Token range of the untagged run of two to five capitalised proper nouns right before
    "(" + token ``i`` + ")", if there is one."""
    if not (1 < i < view.n - 1 and view.words[i - 1] == "(" and view.words[i + 1] == ")"):
        return None
    end = start = i - 1
    while start > 0 and end - start < 5:
        k = start - 1
        if taken[k] or view.pos[k] != "PROPN" or not view.words[k][:1].isupper():
            break
        start = k
    return (start, end) if end - start >= 2 else None
