"""Step 7, resolve: resolving descriptions and pronouns to entities by documented, conservative
rules.

Both walk the text once, left to right, keeping per-sentence lists of what has been mentioned
so far, so each lookup reads a handful of sentences, never the whole document.

Window: the current sentence up to the mention, earlier sentences of the same paragraph (at
most :data:`MAX_BACK`), then the last sentences of up to :data:`MAX_PARAGRAPHS_BACK` earlier
paragraphs; the nearest sentence with a fitting candidate decides. Beyond the previous
paragraph (runs of quotes: '"…," he said') only a lone candidate is accepted.

Pronouns (he/she/it/they and their case forms; "we" only for a collective speaker):
  * agreement: he/she → people whose gender is that or unknown; it → one organisation,
    country or group; they → a plural group or description;
  * binding: an object pronoun is never its own clause's subject ("Kerry thanked him");
  * a subject pronoun of a clause reported by a speech verb is that verb's subject
    ("Kerry said he …");
  * else the nearest sentence with candidates decides: one candidate → it; several → the
    only known-gender match, else the only subject; otherwise unresolved;
  * it/they resolve only to a subject, and only in the nearest sentence holding a fitting
    mention (plural and neuter reference is too loose otherwise).
Descriptions ("the foreign minister", "his Russian counterpart"):
  * apposition to a name is that name's entity;
  * a definite description joins the one person in the window whose title fits its head
    noun (and whose country fits its demonym); "counterpart" wants a person of the named
    country who is not the possessor; several fits → unresolved;
  * indefinite descriptions start a new actor when they are subjects ("a spokesman said")
    or carry a country, owner or title ("a senior US official"); unresolved definite ones
    only when anchored to a country or owner ("the Kremlin's spokesman"); a bare "the
    president" that fits nobody is dropped rather than made into a nameless actor;
  * "we"/"our" is the speaker when an organisation, country or group speaks ("'We will
    respond,' the Kremlin said"); a person's "we" is left unresolved;
  * pronouns inside quotation marks resolve only to mentions inside quotation marks (a
    quoted "he" is never the quote's own speaker).
Every resolved pronoun of a person fixes that person's gender for later pronouns.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from communique.extractors.actors.candidates import Candidate
from communique.extractors.actors.descriptions import ORG_NOUNS
from communique.extractors.actors.entities import Entity
from communique.extractors.actors.names import name_key, strip_article, strip_possessive, words
from communique.knowledge import titles as T
from communique.models import ActorKind, MentionForm
from communique.parse import ParseView

MAX_BACK = 4
_BUSINESS_NOUNS = frozenset({"the company"})
"""A bare noun that stands for the company just named, when the sentence names only one
("the firm" was tried: an investor's "firm" beside the company it holds is too common)."""
_OTHER_BODIES = ORG_NOUNS - {"company", "firm"}
"""Name words of bodies that are not companies ("Committee", "Ministry")."""
_BODY_WORDS = {"agency": frozenset({"agency", "administration", "authority", "bureau"})}
"""Name words of bodies a noun also stands for ("the agency" for a "… Administration")."""
_STATE_BODIES = frozenset(
    {"ministry", "department", "agency", "embassy", "commission", "council", "committee", "court"}
)
"""Bodies a country's possessive names ("Tajikistan's foreign ministry")."""
MAX_PARAGRAPHS_BACK = 3
MAX_PER_SENTENCE = 24
"""Only the nearest mentions of a sentence are read, so a run-on sentence stays linear."""
_NEUTER = (ActorKind.ORGANIZATION, ActorKind.COUNTRY, ActorKind.GROUP, ActorKind.OTHER)


class Resolver:
    """Text-ordered resolution of description and pronoun candidates onto entities."""

    def __init__(
        self,
        view: ParseView,
        entities: list[Entity],
        new_entity: Callable[[Entity], None],
        speech_verbs: frozenset[str] = frozenset(),
    ) -> None:
        self.view = view
        self.speech_verbs = speech_verbs
        """Lemmas whose subject speaks the clause they govern (the lexicon's core verbs)."""
        self.entities = entities
        self.new_entity = new_entity
        self.by_sent: dict[int, list[tuple[int, Entity, bool]]] = {}
        self.token_entity: dict[int, Entity] = {}
        self.keyed: dict[tuple[str, ...], Entity] = {}
        self._role_cache: dict[int, list[int]] = {}
        self.late: list[tuple[Candidate, Entity]] = []
        """Descriptions joined to a person named after them, attached once all is resolved."""
        # first sentence of each sentence's paragraph, so windows jump paragraphs in O(1)
        self.para_first: list[int] = []
        for k, start in enumerate(view.sent_start):
            same = k > 0 and view.para[start] == view.para[view.sent_start[k - 1]]
            self.para_first.append(self.para_first[k - 1] if same else k)
        for ent in entities:
            for cand in ent.cands:
                self._note(cand, ent)

    def _note(self, cand: Candidate, ent: Entity) -> None:
        entries = self.by_sent.setdefault(self.view.sent[cand.head], [])
        bisect.insort(entries, (cand.head, ent, cand.subject), key=lambda x: x[0])
        for k in range(cand.start, cand.end):
            self.token_entity[k] = ent

    def attach(self, cand: Candidate, ent: Entity) -> None:
        ent.add(cand)
        self._note(cand, ent)

    def run(self, cands: list[Candidate]) -> None:
        """Resolve every candidate; unresolved ones are simply not added.

        Governments, forces and rebels go first (they depend only on the text, and a
        country-less "government forces" needs to know every country-specific one); then
        descriptions and pronouns in text order, so each sees what came before it.
        """
        ordered = sorted(cands, key=lambda c: c.start)
        collectives = [c for c in ordered if c.kind in ("gov", "mil", "opp")]
        pending = [c for c in collectives if not self._collective(c)]
        for cand in pending:
            self._collective_without_country(cand)
        for cand in ordered:
            if cand.kind == "relative":
                ent = self.token_entity.get(int(cand.extra["antecedent"]))
                if ent is not None:
                    self.attach(cand, ent)
            elif cand.kind == "we":
                ent = self._collective_speaker(cand.head)
                if ent is not None:
                    self.attach(cand, ent)
            elif cand.form is MentionForm.PRONOUN:
                self._pronoun(cand)
            elif cand.kind == "orgdesc":
                self._org_description(cand)
            elif cand.kind not in ("gov", "mil", "opp"):
                self._description(cand)
        for cand, ent in self.late:
            self._apply_description(cand, ent)

    # -- governments, forces, rebels ------------------------------------------------------

    def _collective(self, cand: Candidate) -> bool:
        """Country-specific collectives merge by (kind, country): all "Syrian government",
        "Damascus regime" and "government forces"-with-country mentions are one actor."""
        if cand.country is None:
            return False
        kind = "gov" if cand.kind == "gov" else cand.kind
        key: tuple[str, ...] = (kind, cand.country)
        if kind == "mil":
            key = (kind, cand.country, cand.role or "")
        ent = self.keyed.get(key)
        if ent is None:
            ent = Entity(
                ActorKind.GROUP if kind == "opp" else ActorKind.ORGANIZATION,
                key,
                plural=cand.plural and kind != "gov",
            )
            self.keyed[key] = ent
            self.new_entity(ent)
        self.attach(cand, ent)
        return True

    def _collective_without_country(self, cand: Candidate) -> None:
        """ "government forces", "the regime", "opposition groups": join the one collective
        of that kind with a country; with several, unresolved; with none, rebels (and
        source-position forces or governments) form their own actor, merged only with the
        same wording ("insurgents" ≠ "Houthi insurgents")."""
        kind = cand.kind
        same = [e for k, e in self.keyed.items() if k[0] == kind and len(k) > 1 and k[1]]
        if len(same) == 1:
            self.attach(cand, same[0])
            return
        if same or not (kind == "opp" or cand.extra.get("source")):
            return
        if cand.possessor is not None and self.view.pos[cand.possessor] == "PRON":
            return  # "its troops": whose troops depends on an unresolved pronoun
        key = (kind, "", _wording(cand))
        ent = self.keyed.get(key)
        if ent is None:
            ent = Entity(
                ActorKind.GROUP if kind == "opp" else ActorKind.ORGANIZATION,
                key,
                plural=cand.plural,
            )
            self.keyed[key] = ent
            self.new_entity(ent)
        self.attach(cand, ent)

    # -- organisations by description ------------------------------------------------------

    def _org_description(self, cand: Candidate) -> None:
        """ "the agency" → the one organisation in the window with "Agency" in its name
        ("the group" → the one group); unresolved subjects start a new organisation."""
        if cand.appos_to is not None:
            ent = self.token_entity.get(cand.appos_to)
            if ent is not None and ent.kind is not ActorKind.PERSON:
                self._apply_description(cand, ent)
                return
        if not cand.definite or cand.plural:
            return
        role = cand.role or ""
        fits: list[Entity] = []
        for _, ent, _subject in self._window(cand.start):
            if ent in fits or ent.kind not in (ActorKind.ORGANIZATION, ActorKind.GROUP):
                continue
            if cand.country and _country_of(ent) != cand.country:
                continue  # "the UAE foreign ministry" is not Russia's defence ministry
            if cand.possessor is not None and self.token_entity.get(cand.possessor) is ent:
                continue  # "the RNC's rules committee" is not the RNC
            named = {
                w.casefold()
                for c in ent.cands
                if c.form is MentionForm.NAME
                for w in c.text.replace("-", " ").split()
            } | {w.casefold() for w in ent.name.split()}
            if named & _BODY_WORDS.get(role, {role}) or (
                role == "group" and ent.kind is ActorKind.GROUP
            ):
                fits.append(ent)
        if not fits and role == "company":
            fits = self._one_named_here(cand)
        if len(fits) == 1:
            self._apply_description(cand, fits[0])
        elif not fits and cand.extra.get("source") and self._names_a_body(cand):
            name = strip_article(cand.text)
            if cand.possessor is not None:  # "Tajikistan's foreign ministry", as written
                name = self.view.text[
                    self.view.idx[self.view.left_edge(cand.possessor)] : cand.cend
                ]
            ent = Entity(ActorKind.ORGANIZATION, ("orgdesc", str(cand.start)), name=name)
            self.new_entity(ent)
            self._apply_description(cand, ent)

    def _names_a_body(self, cand: Candidate) -> bool:
        """ "the Interior Ministry", "Tajikistan's foreign ministry", "the Lithuanian foreign
        ministry": a body named by a proper noun, a country's possessive or its demonym is an
        organisation of its own, so a later "the ministry" can join it ("its ministry", "the
        new ministry" are not)."""
        view = self.view
        if cand.possessor is not None:  # not "America's closest ally", "Mexico's network"
            return (
                bool(cand.country)
                and view.pos[cand.possessor] == "PROPN"
                and (cand.role in _STATE_BODIES)
            )
        kids = view.children[cand.head]
        if cand.country and cand.role in _STATE_BODIES:
            # "the Lithuanian foreign ministry": a country's body by its demonym
            return any(
                view.dep[c] in ("amod", "nmod", "compound") and view.words[c][:1].isupper()
                for c in kids
            )
        return any(view.dep[c] == "compound" and view.pos[c] == "PROPN" for c in kids)

    def _one_named_here(self, cand: Candidate) -> list[Entity]:
        """ "Brightfield's sales fell 4%, the company disclosed": a company noun stands for
        the one organisation named before it in its own sentence, or else the one named as
        a subject in the nearest earlier sentence of the window that has one ("Harlow Motors
        said … . The company said …"); two there, or a body that is no company ("the House
        committee"), and it stays open."""
        if strip_possessive(cand.text).casefold() not in _BUSINESS_NOUNS:
            return []  # "its parent company", "the largest exporting company", "our company"
        for back, entries in enumerate(self._window_by_sentence(cand.start)):
            found: list[Entity] = []
            for _, ent, subject in entries:
                if ent.kind is not ActorKind.ORGANIZATION or ent in found:
                    continue
                if back and not subject:
                    continue  # earlier, only a subject counts ("on the Nasdaq" does not)
                if ent.plural and ent.key[0] != "name":
                    continue  # "the unions"; a name ending in -s ("Harlow Motors") is one
                if set(words(ent.name)) & _OTHER_BODIES:
                    return []  # "a member of the House committee, said the company's …"
                found.append(ent)
            if found:
                return found if len(found) == 1 and found[0].key[0] != "orgdesc" else []
        return []

    # -- descriptions ---------------------------------------------------------------------

    def _description(self, cand: Candidate) -> None:
        if cand.appos_to is not None:
            ent = self.token_entity.get(cand.appos_to)
            if ent is not None:
                if (
                    ent.kind in (ActorKind.ORGANIZATION, ActorKind.OTHER)
                    and not ent.plural
                    and not cand.plural
                    and ent.key[0] == "name"
                ):
                    ent.kind = ActorKind.PERSON  # "the envoy, Staffan de Mistura": a person
                    if not ent.name:
                        ent.name = ent.cands[0].text
                self._apply_description(cand, ent)
                return
        if cand.definite and not cand.plural:
            fits = [] if cand.extra.get("bare") else self._fitting_people(cand)
            if not fits and self._speaks(cand):
                fits = self._nearest_fit(cand)
            if len(fits) == 1:
                self._apply_description(cand, fits[0])
                return
            if len(fits) > 1 or cand.extra.get("bare"):
                return
        anchored = bool(cand.country or cand.affiliate_of is not None)
        if cand.extra.get("indefinite"):
            named = self._named_next(cand)
            if named is not None:  # joined at the end: a pronoun before the name is no clue
                self.late.append((cand, named))
            elif cand.extra.get("source") or (not cand.plural and (anchored or cand.title)):
                self._new_description(cand)
        elif cand.extra.get("source") and anchored:
            self._new_description(cand)

    def _apply_description(self, cand: Candidate, ent: Entity) -> None:
        if cand.title and ent.kind is ActorKind.PERSON:
            ent.add_title(cand.title, former=bool(cand.extra.get("former")))
        if cand.affiliate_of is not None and ent.affiliation is None:
            owner = self.token_entity.get(cand.affiliate_of)
            if owner is not None and owner is not ent:
                ent.affiliation = owner
        self.attach(cand, ent)

    def _new_description(self, cand: Candidate) -> None:
        if cand.possessor is not None and self.view.pos[cand.possessor] == "PRON":
            return  # "our experts", "his aides": whose depends on an unresolved pronoun
        plural = cand.plural
        surface = strip_article(cand.text)
        for det in ("a ", "an ", "A ", "An ", "one ", "One "):
            if surface.startswith(det):
                surface = surface[len(det) :]
        for pron in ("his ", "her ", "their ", "its ", "our ", "my ", "your "):
            if surface.casefold().startswith(pron):
                return
        key = ("desc", name_key(surface)) if plural else ("desc", str(cand.start))
        ent = self.keyed.get(key)
        if ent is None:
            ent = Entity(
                ActorKind.OTHER if plural else ActorKind.PERSON, key, plural=plural, name=surface
            )
            self.keyed[key] = ent
            self.new_entity(ent)
        self._apply_description(cand, ent)

    def _fitting_people(self, cand: Candidate) -> list[Entity]:
        """People in the window whose title, country and gender fit the description."""
        role = cand.role or ""
        possessor = self.token_entity.get(cand.possessor) if cand.possessor is not None else None
        found: list[Entity] = []
        for _, ent, _subject in self._window(cand.start):
            if ent in found or ent.kind is not ActorKind.PERSON or ent is possessor:
                continue
            if _at_odds(cand, ent):
                continue
            country = _country_of(ent)
            if role == "counterpart":
                if cand.country and country != cand.country:
                    continue
            elif not T.role_matches(
                role,
                cand.title if cand.title and " " in cand.title else None,
                tuple(ent.titles) if cand.extra.get("former") else ent.current_titles(),
            ):
                continue
            found.append(ent)
        return found

    def _named_next(self, cand: Candidate) -> Entity | None:
        """A lede that describes before it names: "A bus driver told jurors … . Lorna Pike,
        who …, testified …". An indefinite role noun speaking in the first sentence of the
        text (nobody named before it) is the person the next sentence opens with as its
        subject and names there for the first time, unless their roles disagree."""
        view, sent = self.view, self.view.sent[cand.head]
        if cand.plural or not cand.role or not self._speech_verb_subject(cand.head):
            return None
        if any(self.by_sent.get(k) for k in range(sent + 1)) or sent + 1 >= len(view.sent_start):
            return None
        entries = self.by_sent.get(sent + 1, [])
        opening = view.sent_start[sent + 1]
        while opening < view.n and view.pos[opening] == "SPACE":
            opening += 1
        if not entries or entries[0][0] not in (opening, opening + 1) or not entries[0][2]:
            return None  # the head of a two-word name is its second word
        ent = entries[0][1]
        first = min(c.start for c in ent.cands)
        if ent.kind is not ActorKind.PERSON or ent.plural or view.sent[first] != sent + 1:
            return None
        roles = self._roles(ent)
        return ent if not roles or T.roles_agree(cand.role, roles) else None

    def _speaks(self, cand: Candidate) -> bool:
        """A bare description ("the 24-year-old", "the Italian") or a role noun that is no
        title ("the witness", "the boss") as the subject of a speech verb: news names a
        person and then says what they said under a description."""
        view, i = self.view, cand.head
        if not self._speech_verb_subject(i):
            return False
        if cand.possessor is not None or any(self._person_at(c) for c in view.children[i]):
            return False  # "Sullivan's lawyer", "lawyer Beth Wilkinson": someone else, or named
        return bool(cand.extra.get("bare")) or (
            cand.kind == "role"
            and (cand.role or "") not in T.TITLE_WORDS
            and (cand.role or "") not in T.UNNAMED_SOURCES
        )

    def _speech_verb_subject(self, i: int) -> bool:
        """Whether token ``i`` is the subject of a speech verb ("The witness said")."""
        return (
            self.view.dep[i] == "nsubj" and self.view.lemma[self.view.head[i]] in self.speech_verbs
        )

    def _person_at(self, i: int) -> bool:
        ent = self.token_entity.get(i)
        return ent is not None and ent.kind is ActorKind.PERSON

    def _nearest_fit(self, cand: Candidate) -> list[Entity]:
        """The people who fit ``cand`` in the nearest sentence of this or the previous
        paragraph that holds any (one → it; several → unresolved)."""
        para = self.view.para[cand.head]
        possessor = self.token_entity.get(cand.possessor) if cand.possessor is not None else None
        for entries in self._window_by_sentence(cand.start):
            if entries and self.view.para[entries[0][0]] < para - 1:
                return []
            fits: list[Entity] = []
            for t, ent, _subject in entries:
                if self.view.quoted[t] or ent in fits or ent is possessor:
                    continue  # a person a quotation speaks of is not who it is described as
                if self._loose_fit(cand, ent):
                    fits.append(ent)
            if fits:
                return fits
        return []

    def _loose_fit(self, cand: Candidate, ent: Entity) -> bool:
        """One person whose stated gender, country and roles do not contradict ``cand``
        ("the witness" is not the one introduced as "defense attorney X")."""
        if ent.kind is not ActorKind.PERSON or ent.plural or _at_odds(cand, ent):
            return False
        if cand.extra.get("bare") == "demonym":
            word = self.view.lower[cand.head]
            return all(a == word for a in self._adjectives(ent))
        if not cand.role:
            return True
        roles = self._roles(ent)
        return not roles or T.roles_agree(cand.role, roles)

    def _roles(self, ent: Entity) -> frozenset[str]:
        """What a person was introduced as: title heads, a common noun before the name
        ("defense attorney Sylvie Arcand", "striker Kwame Adjei") or beside it in
        apposition ("Luca Ferretti, the head coach"; "the head coach, Luca Ferretti")."""
        nouns = {self.view.lemma[k] for k in self._introduced(ent) if self.view.pos[k] == "NOUN"}
        return frozenset(nouns | {T.head_of(t) for t in ent.titles})

    def _adjectives(self, ent: Entity) -> frozenset[str]:
        """Capitalised adjectives a person was introduced with ("Swedish player Anna Berg"):
        a nationality, so "the Italian" is someone else."""
        view = self.view
        return frozenset(
            view.lower[a]
            for k in self._introduced(ent)
            for a in (k, *view.children[k])
            if view.pos[a] == "ADJ" and view.words[a][:1].isupper()
        )

    def _introduced(self, ent: Entity) -> list[int]:
        """Tokens beside a person's names: compounds and appositions of the name, or the
        noun the name is in apposition to."""
        found = self._role_cache.get(id(ent))
        if found is not None:
            return found
        view = self.view
        out: list[int] = []
        for c in ent.cands:
            if c.form is not MentionForm.NAME:
                continue
            near = [
                k for k in view.children[c.head] if view.dep[k] in ("compound", "appos", "amod")
            ]
            if view.dep[c.head] == "appos":
                near.append(view.head[c.head])
            out.extend(k for k in near if not c.start <= k < c.end)
        self._role_cache[id(ent)] = out
        return out

    # -- pronouns -------------------------------------------------------------------------

    def _pronoun(self, cand: Candidate) -> None:
        ent = self._resolve_pronoun(cand)
        if ent is None:
            return
        if ent.kind is ActorKind.PERSON and cand.gender in ("m", "f") and ent.gender is None:
            ent.gender = cand.gender
        self.attach(cand, ent)

    def _compatible(self, cand: Candidate, ent: Entity) -> bool:
        g = cand.gender
        if g in ("m", "f"):
            return ent.kind is ActorKind.PERSON and not ent.plural and ent.gender in (None, g)
        if g == "n":
            return ent.kind in _NEUTER and not ent.plural
        return (ent.plural or ent.kind is ActorKind.GROUP) and ent.kind is not ActorKind.PERSON

    def _resolve_pronoun(self, cand: Candidate) -> Entity | None:
        view = self.view
        i = cand.head
        if cand.gender in ("m", "f") and self._in_who_clause(i):
            return None
        blocked = (
            self._clause_subjects(i)
            if view.dep[i] in ("dobj", "pobj", "iobj") and not view.lower[i].endswith("self")
            else set()
        )
        speech = self._speech_subject(i) if view.dep[i] in ("nsubj", "nsubjpass") else None
        needs_subject = cand.gender in ("n", "p")
        quoted = view.quoted[i]
        para = view.para[i]
        for sent_entries in self._window_by_sentence(cand.start):
            far = bool(sent_entries) and view.para[sent_entries[0][0]] < para - 1
            entries = [
                (t, e, s)
                for t, e, s in sent_entries
                if self._compatible(cand, e) and e not in blocked and (not quoted or view.quoted[t])
            ]
            if not entries:
                continue
            if needs_subject:
                entries = [x for x in entries if x[2]]
                if not entries:
                    return None  # the nearest fitting mention is not a subject: too loose
            distinct: list[Entity] = []
            for _, e, _ in entries:
                if e not in distinct:
                    distinct.append(e)
            if speech is not None and speech in distinct:
                return speech
            if len(distinct) == 1:
                return distinct[0]
            if far:
                return None
            known = [e for e in distinct if e.gender is not None and e.gender == cand.gender]
            if len(known) == 1:
                return known[0]
            subjects: list[Entity] = []
            for _, e, s in entries:
                if s and e not in subjects:
                    subjects.append(e)
            if len(subjects) == 1:
                return subjects[0]
            return None
        return None

    def _collective_speaker(self, i: int) -> Entity | None:
        """ "we"/"our" in what an organisation, country or group says is that speaker: in
        a quotation, the subject of a speech verb outside the quotes in the same sentence;
        unquoted, the subject of the speech verb reporting the pronoun's clause ("Hamas
        said we …" is rare but the same). A person's "we" (their team? their country?) stays
        unresolved."""
        view = self.view
        speaker: Entity | None = None
        if view.quoted[i]:
            sent = view.sent[i]
            start = view.sent_start[sent]
            end = view.sent_start[sent + 1] if sent + 1 < len(view.sent_start) else view.n
            found = []
            for k in range(start, end):
                if view.quoted[k] or view.lemma[k] not in self.speech_verbs:
                    continue
                for c in view.children[k]:
                    if view.dep[c] in ("nsubj", "nsubjpass") and not view.quoted[c]:
                        ent = self.token_entity.get(c)
                        if ent is not None and ent not in found:
                            found.append(ent)
            speaker = found[0] if len(found) == 1 else None
        elif view.dep[i] in ("nsubj", "nsubjpass"):
            speaker = self._speech_subject(i)
        if speaker is None or speaker.kind is ActorKind.PERSON:
            return None
        return speaker

    def _in_who_clause(self, i: int) -> bool:
        """Whether a he/she sits in a "who" clause of an unnamed person ("a widowed vineyard
        owner who discovers that her late husband …"): the clause's subject is that person,
        whose pronoun it is, not a name's from the window, so it stays open ("her mother,
        who she said taught me …" has a subject of its own: not this)."""
        view = self.view
        k, steps = i, 0
        while view.head[k] != k and steps < 8:
            if view.dep[k] == "relcl":
                noun = view.head[k]
                who = any(
                    view.lower[c] == "who" and view.dep[c] in ("nsubj", "nsubjpass")
                    for c in view.children[k]
                )
                own = view.head[i] == k and view.dep[i] in ("nsubj", "nsubjpass")
                return (
                    who and not own and view.pos[noun] == "NOUN" and noun not in self.token_entity
                )
            k, steps = view.head[k], steps + 1
        return False

    def _clause_subjects(self, i: int) -> set[Entity]:
        view = self.view
        head = view.head[i]
        if view.dep[i] == "pobj":
            head = view.head[head]
        out = set()
        for c in view.children[head]:
            if view.dep[c] in ("nsubj", "nsubjpass"):
                ent = self.token_entity.get(c)
                if ent is not None:
                    out.add(ent)
        return out

    def _speech_subject(self, i: int) -> Entity | None:
        """The subject of a speech verb governing the pronoun's clause ("Kerry said he")."""
        view = self.view
        clause = view.head[i]
        parent = view.head[clause]
        if view.dep[clause] in ("ccomp", "parataxis") and view.lemma[parent] in self.speech_verbs:
            for c in view.children[parent]:
                if view.dep[c] in ("nsubj", "nsubjpass") and c < i:
                    return self.token_entity.get(c)
        return None

    # -- windows --------------------------------------------------------------------------

    def _window_by_sentence(self, before: int) -> list[list[tuple[int, Entity, bool]]]:
        """Entries per sentence, nearest first: this sentence (tokens before ``before``),
        up to MAX_BACK earlier sentences of this paragraph, then the last MAX_BACK
        sentences of each of up to MAX_PARAGRAPHS_BACK earlier paragraphs. Constant work
        per lookup, however long the paragraph."""
        sent = self.view.sent[before]
        entries = self.by_sent.get(sent, [])
        upto = bisect.bisect_left(entries, before, key=lambda x: x[0])
        out = [entries[max(0, upto - MAX_PER_SENTENCE) : upto][::-1]]
        k, first = sent - 1, self.para_first[sent]
        for _ in range(MAX_PARAGRAPHS_BACK + 1):
            steps = 0
            while k >= first and steps < MAX_BACK:
                out.append(self.by_sent.get(k, [])[-MAX_PER_SENTENCE:][::-1])
                k -= 1
                steps += 1
            k = first - 1
            if k < 0:
                break
            first = self.para_first[k]
        return out

    def _window(self, before: int) -> list[tuple[int, Entity, bool]]:
        """Every entry of the window, nearest sentence first (for descriptions)."""
        flat: list[tuple[int, Entity, bool]] = []
        for entries in self._window_by_sentence(before):
            flat.extend(entries)
        return flat


def _at_odds(cand: Candidate, ent: Entity) -> bool:
    """Whether what is known of a person contradicts a description: its gender or country."""
    if cand.gender and ent.gender and cand.gender != ent.gender:
        return True
    country = _country_of(ent)
    return bool(cand.country and country and cand.country != country)


def _wording(cand: Candidate) -> str:
    """A description's words without determiners and quantifiers, for identity merging."""
    skip = {
        "the",
        "a",
        "an",
        "some",
        "many",
        "several",
        "all",
        "other",
        "these",
        "those",
        "this",
        "that",
        "about",
        "most",
    }
    words = [
        w for w in name_key(cand.text.replace("“", "").replace("”", "")).split() if w not in skip
    ]
    return " ".join(words)


def _country_of(ent: Entity) -> str | None:
    if ent.country:
        return ent.country
    if ent.country_votes:
        return ent.country_votes.most_common(1)[0][0]
    return None
