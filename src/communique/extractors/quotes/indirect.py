"""Step 2, frames: attribution frames from the dependency parse: cue, source and reported content.

One pass over the tokens finds every cue whose lemma is in the :mod:`.lexicon`, then reads
its content off the parse: the complement clause (with or without "that", before or after
the verb), the host clause of a parenthetical "…, he said, …", an infinitive of intention,
the object of verbs such as "deny"; noun and adjective cues ("his claim that", "according
to X") are read by :mod:`.nominal`, both through the :mod:`.clauses` helpers. Subtree
extents are read from ``left_edge`` and ``right_edge`` (constant time), so the pass stays
linear however long a sentence is.
"""

from __future__ import annotations

from typing import Any

from communique.extractors.quotes.boundaries import holds_quotation
from communique.extractors.quotes.candidates import Frame, Range
from communique.extractors.quotes.clauses import (
    adjunct_clause,
    clause_content,
    completion,
    content_end,
    fronted_rest,
    host_content,
    is_time_phrase,
    make_frame,
    span_range,
    that_clause,
    verb_group,
)
from communique.extractors.quotes.findings import (
    closing_finding_frame,
    extend_finding,
    finding_source,
)
from communique.extractors.quotes.lexicon import (
    BUILTIN_VERBS,
    CLAUSE_CUES,
    CONVEYED_NOUNS,
    DESIRE,
    DIRECTIVES,
    FINANCIAL_RESULTS,
    FINITE_TAGS,
    GERUND_CUES,
    INTENTION,
    JUDGING,
    NAMED_SIDES,
    NAMING,
    NOUN_CUES,
    NOUN_INTENTIONS,
    NOUN_PREP_CONTENT,
    OBJECT_CONTENT,
    OBJECT_TABLE,
    PREP_CONTENT,
    PROPOSALS,
    QUESTIONING,
    RAISING,
    RATING,
    REPEATING,
    SAYING_NOUNS,
    SETTINGS,
    SIDE_NOUNS,
    SIDE_TAKING,
    TENSED_TAGS,
    TOPIC_VERBS,
    VERDICT_ADVERBS,
    VIEWING,
    VOUCHING_VERBS,
    WORDNET_CLAUSE,
    WORDNET_OBJECT,
    ReportingVerbs,
    lemma_of,
)
from communique.extractors.quotes.nominal import (
    according_frame,
    adjective_frame,
    copular_noun_frame,
    light_noun_frame,
    noun_frame,
    noun_prep_frame,
    noun_to_frame,
    survey_frame,
)
from communique.extractors.quotes.speakers import subject_of
from communique.parse import ParseView

_CLAUSE_DEPS = ("ccomp",)


CLAUSE_FALLBACK = frozenset(
    "say tell add write note argue claim insist warn explain believe think".split()
)
"""Core verbs of saying whose clause is taken even when the parser misattaches it."""


def _speech_frame(
    view: ParseView, tok: Any, lemma: str, cue: Range, verbs: ReportingVerbs
) -> Frame | None:
    """A verb of saying or belief with a clause: "said (that) …", "…, he said, …"."""
    # a clause after the cue beats one before it the parser also hung on the cue
    # ("WASHINGTON ― …, Manafort told friends that …", "Sitting down with …, she remarked that …")
    last = max((c.i for c in tok.children if c.dep_ in _CLAUSE_DEPS), default=-1)
    for child in tok.children:
        if child.dep_ in _CLAUSE_DEPS and not child.i < tok.i < last:
            content, comp = clause_content(view, child)
            rest = _contraction_rest(view, tok, child)
            if content and rest is not None:
                content = [(content[0][0], rest[1])]
            after = fronted_rest(view, tok, child)
            if (
                content
                and after is not None
                and not holds_quotation(view.text[content[0][0] : after[1]])
            ):
                content = [content[0], after]
            if content:
                # "said that A, but that B": a coordinated "that" clause is more content
                for conj in tok.rights:
                    if (
                        conj.i > child.i
                        and conj.dep_ in ("conj", "ccomp")
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in conj.children)
                    ):
                        end = span_range(view, int(conj.left_edge.i), content_end(view, conj))
                        if end is not None:
                            content = [(content[0][0], end[1])]
                return make_frame(view, tok, cue, "ccomp", content, comp)
    for child in tok.rights:
        if child.dep_ == "advcl" and lemma in QUESTIONING:
            mark = next((m for m in child.children if m.dep_ == "mark"), None)
            if mark is None or mark.i != child.left_edge.i:
                continue
            if mark.lower_ in ("if", "whether"):
                # "asked if he had been bullied": the question asked (parsed as a condition)
                rng = span_range(view, int(mark.i), content_end(view, child))
                if rng:
                    return make_frame(view, tok, cue, "ccomp", [rng])
    if (
        tok.dep_ in ("parataxis", "ccomp")
        and lemma in verbs.speech
        and (tok.head.i < tok.i or tok.dep_ == "parataxis")
        and _parenthetical(view, tok)
        and subject_of(tok) is not None
    ):
        # "The talks will go on, he said" / "The talks, he said, will go on": only a
        # parenthetical set off by a comma
        content = host_content(view, tok)
        if content:
            return make_frame(view, tok, cue, "parataxis", content)
    return _as_clause_frame(view, tok, cue)


def _set_off(view: ParseView, first: int) -> bool:
    """Whether a comma or dash comes right before token ``first``."""
    return first > 0 and view.doc[first - 1].text in (",", "—", "--", "-")


def _parenthetical(view: ParseView, tok: Any) -> bool:
    """Whether the verb group of a clause of saying is set off by a comma: "The talks, he
    said, will go on", or with a fronted phrase the parser hung on the
    verb of saying ("At the hearing last week, two aides said, the minister …")."""
    first = int(tok.left_edge.i)
    while first < tok.i and view.doc[first].is_punct:
        first += 1
    if _set_off(view, first):
        return True
    subj = subject_of(tok)
    return (
        subj is not None
        and first < subj.i < tok.i
        and subj.head.i == tok.i
        and _set_off(view, int(subj.left_edge.i))
    )


def _adjunct_clause_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """The frame of a verb of saying whose "that" clause the parser hung on a phrase
    between them (see :func:`.clauses.adjunct_clause`): the clause is the content, "that" its
    complementizer, the phrase (when, where, to whom) neither. Not in a phrase that is the
    verb's own content or predicate ("pointing to figures that auditors released", "described
    it as a fad that voters would reject")."""
    if any(c.dep_ == "dobj" and lemma_of(c) in NOUN_CUES for c in tok.rights):
        return None  # "recalled the mayor's claim during the debate that …": the noun's
    clause = adjunct_clause(tok, PREP_CONTENT.get(lemma_of(tok), frozenset()))
    if clause is None:
        return None
    content, comp = clause_content(view, clause)
    return make_frame(view, tok, cue, "ccomp", content, comp) if content else None


_OWN_CONTENT = frozenset("ccomp dobj xcomp acomp oprd".split())


def _as_clause_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """ "As the Tribune reported, the mayor …", "But as Okafor noted, turnout fell", "…,
    as the Tribune reported.": an "as" clause of saying vouches for its host clause, as a
    parenthetical "…, the Tribune reported" does. After the host only when set off by a
    comma and closing the sentence: elsewhere "as" clauses are comparisons ("not as bad as
    she said") or manner ("as she had promised it would") more often than attributions.
    Only verbs of reporting and finding vouch (``lexicon.VOUCHING_VERBS``): "as the game
    continued" is a time."""
    if tok.dep_ != "advcl" or lemma_of(tok) not in VOUCHING_VERBS or subject_of(tok) is None:
        return None
    mark = view.doc[int(tok.left_edge.i)]
    if mark.lower_ != "as" or mark.dep_ != "mark" or mark.head.i != tok.i:
        return None
    doc = view.doc
    last = int(tok.right_edge.i)  # the parser hangs the comma on the clause or the host
    if tok.head.i < tok.i:
        end = last if doc[last].is_punct else last + 1
        if mark.i == 0 or doc[mark.i - 1].text != ",":
            return None
        if end >= len(doc) or doc[end].text not in (".", "!", "?"):
            return None
    elif doc[last].text != "," and (last + 1 >= len(doc) or doc[last + 1].text != ","):
        return None
    if any(c.dep_ in _OWN_CONTENT for c in tok.children):
        return None  # "as he told reporters the plan …": content of its own
    content = host_content(view, tok)
    if not content or any(view.quoted[i] for a, b in content for i in view.tokens_in(a, b)):
        return None  # the host's quoted words are a direct quote of their own
    return make_frame(view, tok, cue, "parataxis", content)


def _intention_frame(view: ParseView, tok: Any, lemma: str, cue: Range) -> Frame | None:
    """A verb with a to-infinitive: "vowed to fight", "urged Moscow to act"."""
    for child in tok.children:
        if child.dep_ == "xcomp" and child.i > tok.i:
            first = int(child.left_edge.i)
            if lemma in RAISING:
                # "Trump appears to have learned …": the appearance has no source;
                # the whole clause, subject included, is the content
                subj = next((c for c in tok.lefts if c.dep_ == "nsubj"), None)
                if subj is not None:
                    parts = [
                        r
                        for r in (
                            span_range(view, int(subj.left_edge.i), int(subj.right_edge.i)),
                            span_range(view, first, int(child.right_edge.i)),
                        )
                        if r
                    ]
                    if len(parts) == 2:
                        frame = make_frame(view, tok, cue, "xcomp", parts)
                        frame.source, frame.source_token = None, None
                        return frame
            obj = next(
                (c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < child.i), None
            )
            if obj is not None:
                first = int(obj.left_edge.i)  # "urged Moscow to act": what was urged
            rng = span_range(view, first, int(child.right_edge.i))
            if rng:
                return make_frame(view, tok, cue, "xcomp", [rng])
    return None


def _caused(tok: Any) -> bool:
    """A bare infinitive under another verb ("made the governor *seem* kinder", "let it
    seem easy"): no "to", no auxiliary; what the causer brings about, not anyone's view."""
    return (
        tok.tag_ == "VB"
        and tok.dep_ in ("ccomp", "xcomp")
        and tok.head.i != tok.i
        and not any(c.dep_ in ("aux", "auxpass", "mark") for c in tok.children)
    )


def _past_a_comma(view: ParseView, tok: Any, pred: Any) -> bool:
    """Whether what the parser made an appearance verb's predicate is no predicate: one past
    a comma or a preposition ("will next appear opposite Kapoor in “Northbound,” a thriller
    due out …" is an acting role and an apposition), not a look ("seemed irritated")."""
    if pred.dep_ == "oprd" and pred.pos_ == "ADP":
        return True  # "appear opposite Lind in …": a role beside someone, not a look
    return any(view.words[k] == "," for k in range(int(tok.i) + 1, int(pred.left_edge.i)))


def _appearance_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """ "The group seems unlikely to …", "the governor seemed irritated", "the plan seems
    like a fair idea": an appearance with a predicate, like "seems to …", attributes subject
    and predicate to no one in particular (PolNeAR's convention for raising verbs); with an
    expletive or a wh-word for subject ("it may seem surprising") nothing is attributed."""
    pred = next((c for c in tok.rights if c.dep_ in ("acomp", "oprd")), None)
    if pred is None:
        pred = next(
            (c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "like" and c.n_rights),
            None,
        )
    subj = next((c for c in tok.lefts if c.dep_ == "nsubj"), None)
    if (
        pred is None
        or subj is None
        or _past_a_comma(view, tok, pred)
        or subj.lower_ == "it"
        or view.tag[int(subj.left_edge.i)] in _WH_TAGS
        or _caused(tok)
    ):
        # "it may seem surprising", "what seems most striking", "whose support appeared
        # steady", "to make him seem kinder": no one's view, or not this verb's subject
        return None
    last = content_end(view, pred)
    for other in tok.rights:  # "seemed irritated *by the question*": the parser's agent
        if other.dep_ == "agent" and int(other.i) == last + 1:
            last = int(other.right_edge.i)
    parts = [
        span_range(view, int(subj.left_edge.i), int(subj.right_edge.i)),
        span_range(view, int(pred.left_edge.i), last),
    ]
    if parts[0] is None or parts[1] is None:
        return None
    frame = make_frame(view, tok, cue, "xcomp", [parts[0], parts[1]])
    frame.source, frame.source_token = None, None
    return frame


_SMALL_CLAUSE_DEPS = frozenset("advmod prep oprd acomp xcomp ccomp".split())


def _finding_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """A finding with a small clause: "the poll found Pruitt leading Bell by 47% to 45%",
    "polls showed the Republican ahead by eight points". The object alone ("showed the
    price") is no finding; what the verb predicates of it makes one."""
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.lower_.endswith(("self", "selves")):
        return None  # "found himself in a fight": where someone ended up, not a finding
    last = int(obj.right_edge.i)
    extended = any(view.pos[i] == "VERB" for i in range(int(obj.left_edge.i), last + 1))
    for child in tok.rights:
        if child.i <= obj.i or child.dep_ not in _SMALL_CLAUSE_DEPS:
            continue
        if any(view.doc[i].is_punct for i in range(last + 1, int(child.left_edge.i))):
            break
        last, extended = int(child.right_edge.i), True
    subj = subject_of(tok)
    if not extended and (subj is None or not finding_source(subj)):
        return None
    rng = span_range(view, int(obj.left_edge.i), last)
    return make_frame(view, tok, cue, "finding", [rng]) if rng else None


def _desire_clause_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """A wish with its own subject: "wants all immigrants to be deported", "want government
    playing an active role" (the parser makes the clause a ccomp)."""
    for child in tok.rights:
        if child.dep_ == "ccomp":
            rng = span_range(view, int(child.left_edge.i), content_end(view, child))
            if rng:
                return make_frame(view, tok, cue, "xcomp", [rng])
    return None


def _gerund_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """A gerund clause as content: "denied having met the lobbyist", "admitted breaking …"."""
    for child in tok.rights:
        if child.dep_ in ("xcomp", "ccomp") and view.tag[int(child.left_edge.i)] == "VBG":
            rng = span_range(view, int(child.left_edge.i), content_end(view, child))
            if rng:
                return make_frame(view, tok, cue, "xcomp", [rng])
    return None


def _for_clause_frame(view: ParseView, tok: Any, cue: Range, preps: frozenset[str]) -> Frame | None:
    """A "for X to do Y" clause after a verb that takes "for" ("called for the federal
    government to step up its aid"): the parser makes "for" the clause's marker, not a
    preposition."""
    for child in tok.rights:
        if child.dep_ not in ("advcl", "ccomp", "xcomp"):
            continue
        mark = next((m for m in child.children if m.dep_ == "mark"), None)
        if mark is None or mark.lower_ not in preps or int(mark.i) != int(child.left_edge.i):
            continue
        rng = span_range(view, int(mark.i) + 1, content_end(view, child))
        if rng:
            return make_frame(view, tok, (cue[0], view.end[int(mark.i)]), "prep", [rng])
    return None


_CLARITY = frozenset("clear plain".split())
"""Predicates of "make": "made (it) clear that …" says what follows, as "stated" does."""

_MADE_CLAUSE_DEPS = frozenset("advcl csubj ccomp".split())


def _that_or_bare(clause: Any) -> bool:
    """Whether a clause opens with "that" or its own subject ("made clear that …", "made it
    clear she …"), not with a time or reason ("made this clear when …", "… as they
    mourned")."""
    first = clause.left_edge
    subjects = ("nsubj", "nsubjpass", "csubj")
    return first.lower_ == "that" or any(
        c.dep_ in subjects and c.left_edge.i == first.i for c in clause.children
    )


def _made_clear_frame(view: ParseView, tok: Any) -> Frame | None:
    """ "made clear that …", "has made it very clear to voters that …": the clause is the
    content, "made (it) clear" the cue. The parser hangs the clause on "clear" (as an
    adverbial or subject clause) or on "make", or as a relative clause on a phrase in
    between (see :func:`.clauses.adjunct_clause`); only a finite clause after "clear"."""
    clear = next((c for c in tok.rights if c.lower_ in _CLARITY and c.pos_ == "ADJ"), None)
    if clear is None or any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return None  # "was made clear when …": no one says it
    heads = [c for c in (*clear.rights, *tok.rights) if c.i > clear.i and _finite(c)]
    clause = next((c for c in heads if c.dep_ in _MADE_CLAUSE_DEPS and _that_or_bare(c)), None)
    if clause is None:
        clause = adjunct_clause(clear, frozenset()) or adjunct_clause(tok, frozenset())
    if clause is None:
        return None
    content, comp = clause_content(view, clause)
    cue = (verb_group(view, tok)[0], view.end[int(clear.i)])
    return make_frame(view, tok, cue, "ccomp", content, comp) if content else None


def _inner_prep_frame(view: ParseView, tok: Any, cue: Range, preps: frozenset[str]) -> Frame | None:
    """ "was asked at the forum on Monday about the ferry contract": the content phrase of a
    prepositional cue that the parser hung on the noun of a phrase between them (where or
    when it was asked). The preposition, which the cue does not reach, starts the content, as
    PolNeAR has it ("asked … | about the contract"). Only a phrase that ends the one it is hung
    in, after a verb of asking (after "spoke" or "talked" the phrase is as often an audience
    or a place)."""
    for outer in tok.rights:
        if outer.dep_ != "prep" or outer.lower_ in preps:
            continue
        for inner in outer.subtree:
            if inner.dep_ != "prep" or inner.lower_ not in preps or inner.i == outer.i:
                continue
            if inner.right_edge.i != outer.right_edge.i:
                continue
            pobj = next((c for c in inner.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None or is_time_phrase(view, pobj):
                continue
            rng = span_range(view, int(inner.i), int(pobj.right_edge.i))
            return make_frame(view, tok, cue, "prep", [rng]) if rng else None
    return None


_RETORT_VERBS = frozenset("shoot fire hit snap".split())
"""Verbs that with "back" are a retort ("shot back that …", "“No,” she fired back")."""


def _retort(tok: Any, lemma: str) -> bool:
    """ "shot back", "fired back", "hit back": a reply, a verb of saying with its particle."""
    return lemma in _RETORT_VERBS and any(
        c.lower_ == "back" and c.dep_ in ("prt", "advmod") and c.i == tok.i + 1
        for c in tok.children
    )


def verb_frame(view: ParseView, tok: Any, verbs: ReportingVerbs = BUILTIN_VERBS) -> Frame | None:
    """The frame of a verb cue, or None when the verb has no attributable content."""
    lemma = lemma_of(tok)
    speech = lemma in verbs.speech or lemma in verbs.belief or lemma in verbs.evidence
    cue = verb_group(view, tok)
    if _retort(tok, lemma):
        speech, cue = True, (cue[0], max(cue[1], view.end[tok.i + 1]))
    if lemma == "make":
        frame = _made_clear_frame(view, tok)
        if frame is not None:
            return frame
    if lemma in SIDE_TAKING:
        return _come_out_frame(view, tok, cue)
    if speech or lemma in CLAUSE_CUES:
        frame = _speech_frame(view, tok, lemma, cue, verbs)
        if frame is None:
            frame = _adjunct_clause_frame(view, tok, cue)
        if frame is not None:
            return frame
    if lemma in INTENTION or lemma in DIRECTIVES:
        frame = _intention_frame(view, tok, lemma, cue)
        if frame is None and lemma in RAISING:
            frame = _appearance_frame(view, tok, cue)
        if frame is not None:
            return frame
    if lemma in DESIRE:
        frame = _desire_clause_frame(view, tok, cue)
        if frame is not None:
            return frame
    if lemma in GERUND_CUES:
        frame = _gerund_frame(view, tok, cue)
        if frame is not None:
            return frame
    if lemma in verbs.evidence:
        frame = _finding_frame(view, tok, cue)
        if frame is not None:
            return frame
    if lemma in VIEWING or lemma in RATING:
        frame = _passive_view_frame(view, tok, lemma, cue)
        if frame is None and lemma in VIEWING:
            frame = _viewing_frame(view, tok, cue)
        if frame is not None:
            return frame
    if lemma in OBJECT_CONTENT or lemma in NAMING or lemma in DESIRE:
        frame = _object_frame(view, tok, lemma, cue)
        if frame is not None:
            return frame
    if lemma in CLAUSE_FALLBACK:
        frame = _fallback_frame(view, tok, cue)
        if frame is not None:
            return frame
    preps = PREP_CONTENT.get(lemma)
    if preps:
        frame = _prep_object_frame(view, tok, cue, preps)
        if frame is None:
            frame = _for_clause_frame(view, tok, cue, preps)
        if frame is None and lemma in QUESTIONING:
            frame = _inner_prep_frame(view, tok, cue, preps)
        if frame is not None:
            return frame
    frame = _wordnet_frame(view, tok, lemma, cue)  # checks the WordNet lists itself
    if frame is None and _passive_cue(lemma):
        frame = _passive_frame(view, tok, cue)
    if frame is None and lemma in verbs.speech:
        frame = _same_frame(view, tok, cue)
    if frame is None and speech:
        frame = _clausal_object_frame(view, tok, cue)
    if frame is None and speech:
        frame = _trailing_cue_frame(view, tok, cue)
    if frame is not None:
        return frame
    if speech or lemma in verbs.action:
        # no content of its own: may still attribute an adjacent quotation
        return make_frame(view, tok, cue, "", [])
    return None


def _fallback_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """A misparsed complement ("said having Trump on the ticket puts …" as xcomp): a verbal
    xcomp or adverbial clause after the cue is its content."""
    for child in tok.rights:
        verbal = child.tag_ == "VBG" or child.tag_ in TENSED_TAGS
        if child.dep_ in ("xcomp", "advcl") and verbal:
            rng = span_range(view, int(child.left_edge.i), content_end(view, child))
            if rng:
                return make_frame(view, tok, cue, "fallback", [rng])
    return None


def _prep_object_frame(
    view: ParseView, tok: Any, cue: Range, preps: frozenset[str]
) -> Frame | None:
    """The object of the cue's own preposition ("railed against the levy", "lashed out at
    …"): the content, the preposition part of the cue; not a time phrase."""
    for child in tok.rights:
        if child.dep_ in ("prep", "prt") and child.lower_ in preps:
            holder = child
            if child.dep_ == "prt":  # "lashed out at"
                holder = next((c for c in tok.rights if c.dep_ == "prep"), child)
            pobj = next((c for c in holder.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and not is_time_phrase(view, pobj) and pobj.lemma_ not in SETTINGS:
                last = completion(tok, holder, int(pobj.right_edge.i))
                rng = span_range(view, int(pobj.left_edge.i), last)
                if rng:
                    cue = (cue[0], view.end[int(holder.i)])
                    return make_frame(view, tok, cue, "prep", [rng])
    return None


def _object_frame(view: ParseView, tok: Any, lemma: str, cue: Range) -> Frame | None:
    """The object of an object verb as content ("denied the report", "condemned the test as
    reckless"), or its small clause after a naming verb ("calls Clinton unqualified"), or a
    gerund clause as the object ("supports squeezing out …")."""
    for child in tok.children:
        if child.dep_ == "dobj" and child.i < tok.i:
            frame = _relative_name_frame(view, tok, child, cue)
            if frame is not None:
                return frame
        if child.dep_ == "dobj" and child.i > tok.i:
            if lemma in REPEATING and lemma_of(child) not in SAYING_NOUNS:
                break  # "repeated the landing": an act, not words
            if lemma == "report" and lemma_of(child) in FINANCIAL_RESULTS:
                break  # "reported quarterly results": figures filed, not words
            if lemma in OBJECT_TABLE and lemma_of(child) in NOUN_CUES and that_clause(child):
                break  # "repeated his claim that …": the noun's clause is the content
            # "condemned the test as “reckless”", "called him “a con artist”",
            # "accused Cruz of lying", "criticized the media for ignoring them"
            last = completion(tok, child, int(child.right_edge.i))
            # "calls the offer unacceptable": the parser's postnominal amod is the name
            if (
                lemma in NAMING
                and last == int(child.right_edge.i)
                and not any(c.dep_ == "amod" and c.i > child.i for c in child.children)
            ):
                break
            rng = span_range(view, int(child.left_edge.i), last)
            if rng:
                return make_frame(view, tok, cue, "dobj", [rng])
    if lemma in NAMING:
        frame = _small_clause_frame(view, tok, cue)
        if frame is not None:
            return frame
    if lemma in OBJECT_CONTENT and lemma not in TOPIC_VERBS and lemma not in NAMING:
        # "supports squeezing out …", "opposed raising taxes": a gerund clause as the object
        frame = _gerund_frame(view, tok, cue)
        if frame is not None:
            return frame
    return None


_NAMED_RELATIVES = frozenset("which what whom who".split())
"""Fronted relative pronouns that PolNeAR annotates with what they are called or taken for
("a clip that X called …" is left: PolNeAR takes the antecedent there)."""


def _relative_name_frame(view: ParseView, tok: Any, rel: Any, cue: Range) -> Frame | None:
    """What a fronted relative pronoun is called or taken for by an object verb ("…, which he
    called “a club”", "…, which she described as “like a sieve”", "who he mocked as a
    “fraud”"): the pronoun and the predicate after the verb are the content, in two
    parts, as PolNeAR annotates them (the parse leaves no object after the verb)."""
    subj = next((c for c in tok.lefts if c.dep_ == "nsubj"), None)
    if rel.lower_ not in _NAMED_RELATIVES or subj is None or subj.left_edge.i != rel.i + 1:
        return None  # "a clip that X called …": PolNeAR takes the antecedent there
    pred = next(
        (c for c in tok.rights if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")),
        None,
    )
    if pred is None:
        return None
    parts = [
        span_range(view, int(rel.i), int(rel.i)),
        span_range(view, int(pred.left_edge.i), content_end(view, pred)),
    ]
    if parts[0] is None or parts[1] is None:
        return None
    return make_frame(view, tok, cue, "dobj", [parts[0], parts[1]])


def _proposed(tok: Any) -> bool:
    """Whether a noun names someone or something proposed: a name, a person, party or
    place, a pronoun, or a noun of :data:`~.lexicon.PROPOSALS` ("the bill", "the plan")."""
    return (
        tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in NAMED_SIDES or lemma_of(tok) in PROPOSALS
    )


def _come_out_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """ "came out in support of Cruz", "came out for the measure", "came out against the
    reform": a public declaration of a side; what it is for or against is the content, as
    for "endorsed Cruz" or "opposed the reform"."""
    kids = {c.dep_: c.lower_ for c in tok.children}
    if kids.get("prt") != "out" or "neg" in kids:
        return None  # "haven't come out for anyone": no side declared
    for prep in tok.rights:
        if prep.dep_ != "prep":
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or is_time_phrase(view, pobj):
            continue
        if prep.lower_ == "in" and lemma_of(pobj) in SIDE_NOUNS:
            # "in support of X": X is the content
            prep = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), prep)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None or prep.lower_ != "of":
                continue
        elif prep.lower_ not in ("for", "against") or not _proposed(pobj):
            continue  # "came out for the rally", "came out for a few minutes": no side
        last = int(pobj.right_edge.i)
        appos = next((c for c in pobj.rights if c.dep_ == "appos"), None)
        if appos is not None and pobj.pos_ == "PROPN":
            last = int(appos.left_edge.i) - 1  # "Cruz, the choice of party insiders": the name
        rng = span_range(view, int(pobj.left_edge.i), last)
        if rng:
            return make_frame(view, tok, (cue[0], view.end[int(prep.i)]), "prep", [rng])
    return None


_BACKING = frozenset("back echo second".split())
"""Verbs of taking someone's side that no judging list holds ("was backed by the union")."""


_ADDRESSING = frozenset("ask remind thank congratulate tell urge".split())
"""Object verbs whose object is the person addressed: "was asked by reporters" names the
addressee, not what was said."""


PRO_FORM = "pro-form"
"""Attachment of a one-word answer standing for what was said ("said so", "said yes")."""

_PRO_FORMS = frozenset(
    {("advmod", "so"), ("intj", "yes"), ("intj", "no"), ("advmod", "yes"), ("advmod", "no")}
)


def _same_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """ "Three-quarters said the same of Sanders": the pro-form "the same" stands for the
    words said again, and is what PolNeAR annotates as the content."""
    same = next((c for c in tok.rights if c.dep_ == "dobj" and c.lower_ == "same"), None)
    if same is not None:
        rng = span_range(view, int(same.left_edge.i), int(same.right_edge.i))
        return make_frame(view, tok, cue, "dobj", [rng]) if rng else None
    answer = next((c for c in tok.rights if c.i == tok.i + 1), None)
    if (
        answer is not None
        and (answer.dep_, answer.lower_) in _PRO_FORMS
        and not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.rights)
    ):  # "said no to the war" is a vote, not an answer
        # "after half said so", "75 percent said yes": the word stands for the statement
        # (kept by the core's size floor as a pro-form)
        rng = (int(answer.idx), view.end[int(answer.i)])
        return make_frame(view, tok, cue, PRO_FORM, [rng])
    return None


def _clausal_object_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """ "told the story of how the two had met", "shared the advice her father gave her",
    "said the plan that passed the House would fail": the object of a verb of saying,
    belief or finding that carries a clause of its own (a relative or "that" clause, a
    clause inside a prepositional phrase, or a clause the parser hung under the object) is
    what was said. A topic verb's object stays a topic however long ("discussed the budget
    that …"), a name with a relative clause ("told Holder, who …") is the person addressed,
    and a noun cue's "that" clause ("repeated his claim that …") is the noun's frame."""
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ == "PROPN" or lemma_of(tok) in TOPIC_VERBS:
        return None
    if lemma_of(obj) in NOUN_CUES and that_clause(obj):
        return None  # "repeated his claim that …": the noun's own frame gives its clause
    first, last = int(obj.left_edge.i), int(obj.right_edge.i)
    if not any(_clause_of(view.doc[i], obj) for i in range(first, last + 1)):
        return None
    rng = span_range(view, first, last)
    return make_frame(view, tok, cue, "dobj", [rng]) if rng else None


def _clause_of(tok: Any, obj: Any) -> bool:
    """Whether ``tok`` is a finite verb whose clause belongs to the noun phrase ``obj``
    itself, not to a participle inside it ("a message *thanking* the volunteers who rebuilt
    the bridge": the participle is a cue of its own)."""
    if tok.tag_ not in FINITE_TAGS:
        return False
    head = tok.head
    while head.i != obj.i:
        if head.tag_ in ("VBG", "VBN") and head.dep_ in ("acl", "advcl"):
            return False
        if head.head.i == head.i:
            return False
        head = head.head
    return True


def _passive_cue(lemma: str) -> bool:
    """Object verbs whose passive subject is the content ("was rejected by", "was first
    reported by", "was confirmed by"): not topic verbs ("an injunction was issued by a
    judge") nor verbs of addressing."""
    if lemma in JUDGING or lemma in WORDNET_OBJECT or lemma in _BACKING:
        return True
    return lemma in OBJECT_CONTENT and lemma not in TOPIC_VERBS and lemma not in _ADDRESSING


def _passive_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """A judging verb in the passive with its agent: "the proposal was rejected by the
    council", "he was backed by the union": the judged subject is the content and the agent
    the source, as for the active "the council rejected the proposal". Without an agent
    ("was booed") no one is named, and the judgement is the author's report; in the simple
    present ("the bill is opposed by farmers") it is a standing position, not something said.
    """
    subj = next((c for c in tok.lefts if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in tok.rights if c.dep_ == "agent"), None)
    if subj is None or agent is None or not any(c.dep_ == "pobj" for c in agent.children):
        return None
    aux = [c for c in tok.lefts if c.dep_ in ("aux", "auxpass")]
    if len(aux) == 1 and aux[0].tag_ in ("VBZ", "VBP"):
        return None
    rng = span_range(view, int(subj.left_edge.i), int(subj.right_edge.i))
    return make_frame(view, tok, cue, "dobj", [rng]) if rng else None


def _wordnet_frame(view: ParseView, tok: Any, lemma: str, cue: Range) -> Frame | None:
    """A verb known as a cue only from WordNet: the object of a judging verb's kin
    ("castigated the authority"), the "that" clause of a stating verb's kin ("reaffirmed
    that …")."""
    for child in tok.rights:
        if (
            lemma in WORDNET_CLAUSE
            and child.dep_ == "ccomp"
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
        ):
            content, comp = clause_content(view, child)
            if content:
                return make_frame(view, tok, cue, "ccomp", content, comp)
        if lemma in WORDNET_OBJECT and child.dep_ == "dobj":
            last = completion(tok, child, int(child.right_edge.i))
            rng = span_range(view, int(child.left_edge.i), last)
            if rng:
                return make_frame(view, tok, cue, "dobj", [rng])
    return None


def _viewing_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """ "sees Cruz as a uniter", "views the tariff as a tax": the object and its "as"
    phrase together are the view held; the object alone ("saw the truck") is no view."""
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    as_phrase = next(
        (c for c in tok.rights if c.i > obj.i and c.dep_ == "prep" and c.lower_ == "as"), None
    )
    if as_phrase is None:
        as_phrase = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_phrase is None:  # "87 percent view him favorably": the poll's verdict
        as_phrase = next(
            (c for c in tok.rights if c.i > obj.i and c.lower_ in VERDICT_ADVERBS), None
        )
    if as_phrase is None:
        return None
    last = max(int(obj.right_edge.i), int(as_phrase.right_edge.i))
    rng = span_range(view, int(obj.left_edge.i), last)
    return make_frame(view, tok, cue, "dobj", [rng]) if rng else None


_WH_TAGS = frozenset("WDT WP WP$".split())


def _passive_view_frame(view: ParseView, tok: Any, lemma: str, cue: Range) -> Frame | None:
    """A view in the passive: "the process is seen as one way to …", "was widely viewed as
    payback", "is considered a liberal": the subject and what it is taken for are the view
    held, as for the active "sees X as Y"; the "by" agent, if any, holds it, else no one
    named does."""
    subj = next((c for c in tok.lefts if c.dep_ == "nsubjpass"), None)
    if subj is None and lemma in RATING:
        return _rating_frame(view, tok, cue)
    if subj is None or view.tag[int(subj.left_edge.i)] in _WH_TAGS:
        return None  # "which was seen as …": the view is of the antecedent, out of reach
    pred = next(
        (
            c
            for c in tok.rights
            if (c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pobj" for g in c.children))
            or (lemma in RATING and c.dep_ == "oprd")
        ),
        None,
    )
    if pred is None:
        return None
    parts = [
        span_range(view, int(subj.left_edge.i), int(subj.right_edge.i)),
        span_range(view, int(pred.left_edge.i), content_end(view, pred)),
    ]
    if parts[0] is None or parts[1] is None:
        return None
    return make_frame(view, tok, cue, "dobj", [parts[0], parts[1]])


def _rating_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """ "has long considered a merger likely": the object with its predicate is the
    judgement held (the parser reads "considered the projects too risky" as a clause, which
    the speech frame takes)."""
    pred = next((c for c in tok.rights if c.dep_ == "oprd"), None)
    obj = None
    if pred is not None:
        obj = next((c for c in tok.rights if c.dep_ == "dobj" and c.i < pred.i), None)
    if obj is None:
        return _small_clause_frame(view, tok, cue)
    rng = span_range(view, int(obj.left_edge.i), content_end(view, pred))
    return make_frame(view, tok, cue, "dobj", [rng]) if rng else None


def _small_clause_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """ "considered [a merger of the carriers] unavoidable", "calls [Clinton] unqualified":
    the parser reads object and predicate as a clause with its own subject and no
    complementizer or auxiliary; that small clause is the judgement or name given."""
    for pred in tok.rights:
        if pred.dep_ not in ("oprd", "ccomp"):
            continue
        deps = {c.dep_ for c in pred.children}
        if "nsubj" in deps and not deps & {"mark", "aux", "auxpass", "dobj"}:
            rng = span_range(view, int(pred.left_edge.i), content_end(view, pred))
            return make_frame(view, tok, cue, "dobj", [rng]) if rng else None
    return None


_NOT_SPEAKERS = frozenset(
    """
    note editor update updated related read watch photo photos video transcript advertisement
    source sources correction clarification disclosure warning share follow see also listen
    """.split()
)


def colon_frames(view: ParseView) -> list[Frame]:
    """ "KERRY: We are not …" and headline-style "Poll: Clinton leads …": a paragraph that
    opens with a name and a colon attributes the rest of the paragraph to that name."""
    frames = []
    doc = view.doc
    for pstart, pend in view.paragraph_ranges:
        toks = view.tokens_in(pstart, pend)
        if len(toks) < 4:
            continue
        colon = next((i for i in toks[:7] if doc[i].text == ":"), None)
        if colon is None or colon == toks[0]:
            continue
        words = [doc[i] for i in range(toks[0], colon) if not doc[i].is_punct]
        if (
            not words
            or words[0].lower_ in _NOT_SPEAKERS
            or any(
                w.like_num or not (w.is_title or w.is_upper or w.lower_ in ("'s", "’s", "of"))
                for w in words
            )
            or _heading_label(words)
        ):
            continue
        content = span_range(view, colon + 1, toks[-1])
        source = span_range(view, toks[0], colon - 1)
        if content is None or source is None or _words_between(view, *content) < 2:
            continue
        frames.append(
            Frame(
                cue_token=colon,
                cue=(int(doc[colon].idx), view.end[colon]),
                source=source,
                source_token=colon - 1,
                content=[content],
                attachment="colon",
            )
        )
    return frames


_HEADING_WORDS = frozenset(
    """
    latest update updates email newsletter briefing stat week today live breaking analysis
    explainer recap roundup digest
    """.split()
)


def _heading_label(words: list[Any]) -> bool:
    """A column or rubric heading before the colon, not a speaker: a word of a recurring
    rubric ("The Latest:", "Delegate Update:", "Monday's Morning Email:") or a verb, which
    makes the label a headline of its own ("FIX IS IN:")."""
    return any(w.lower_ in _HEADING_WORDS or w.pos_ in ("VERB", "AUX") for w in words)


def _words_between(view: ParseView, start: int, end: int) -> int:
    return sum(1 for i in view.tokens_in(start, end) if not view.doc[i].is_punct)


def find_frames(view: ParseView, verbs: ReportingVerbs = BUILTIN_VERBS) -> list[Frame]:
    """Every attribution frame in the document, in text order of the cue; ``verbs`` are the
    cue verbs by class (the knowledge base's, see :class:`~.lexicon.ReportingVerbs`)."""
    frames: list[Frame] = []
    for tok in view.doc:
        pos = tok.pos_
        frame: Frame | None = None
        if tok.lower_ == "according":
            frame = according_frame(view, tok)
        elif tok.lower_ == "in":
            frame = survey_frame(view, tok)
        elif pos in ("VERB", "AUX") or _verb_tagged_noun(tok, verbs):
            frame = verb_frame(view, tok, verbs)
            if frame is not None:
                frame = extend_finding(view, tok, frame, verbs)
        elif pos == "ADJ":
            frame = adjective_frame(view, tok)
        elif pos == "NOUN":
            lemma = lemma_of(tok)
            if lemma in NOUN_CUES:
                frame = noun_frame(view, tok)
            if frame is None and lemma in NOUN_CUES:
                frame = copular_noun_frame(view, tok)
            if frame is None and lemma in NOUN_PREP_CONTENT:
                frame = noun_prep_frame(view, tok)
            if frame is None and lemma in NOUN_INTENTIONS:
                frame = noun_to_frame(view, tok)
            if frame is None and lemma in CONVEYED_NOUNS:
                frame = light_noun_frame(view, tok)
        if frame is None or not frame.content:
            frame = closing_finding_frame(view, tok, verbs) or frame
        if frame is not None:
            frames.append(frame)
    frames.extend(colon_frames(view))
    frames.sort(key=lambda f: f.cue[0])
    return frames


_TRAILING_DEPS = frozenset("conj advcl".split())
"""How the small parser hangs a cue that closes its content's sentence when it does not
make it a parenthetical: as a conjunct ("…, but it is under pressure, said the chief
executive") or an adverbial clause ("…, the budget office reported on Tuesday")."""
_RELATIVE_TAGS = frozenset("WDT WP WP$ WRB".split())
_SENTENCE_END = frozenset(". ! ? ; ” ’ \" '".split())
_CLAUSE_OF_ITS_OWN = frozenset("ccomp xcomp acomp oprd".split())


def _trailing_speaker(tok: Any) -> Any | None:
    """The cue's own speaker: its subject ("…, finance records show"), or the noun right
    after a cue that opens its phrase ("…, said the chief executive, Jo Marsh"), which the
    parser often reads as an object."""
    subj = subject_of(tok)
    if subj is not None and subj.head.i == tok.i:
        return subj
    if subj is None and int(tok.left_edge.i) == tok.i and tok.tag_ in TENSED_TAGS:
        return next(
            (
                c
                for c in tok.rights
                if c.dep_ in ("dobj", "attr", "nsubj")
                and c.pos_ in ("NOUN", "PROPN")
                and int(c.left_edge.i) == tok.i + 1
            ),
            None,
        )
    return None  # "… and added": the head's subject, a second act of the same speaker


def _finite(tok: Any) -> bool:
    """Whether the verb group makes a statement: a finite verb or a finite auxiliary, not an
    infinitive or participle ("Cruz, who relies on …, to counter")."""
    return tok.tag_ in TENSED_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in tok.children
    )


def _trailing_cue_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """ "The plant is hanging on, but it is under pressure, said its chief executive.",
    "X gave $5,000 to the committee, finance records showed.": a cue set off by a comma after
    its content, closing the sentence, with a speaker of its own and no content of its own
    (the last reading tried), which the parser made a conjunct or an adverbial clause of
    the content's verb. It vouches for the host clause before it as "…, he said." does.
    Not with a subordinator ("than the office had predicted", "as expected": comparisons)
    nor with "and" before it ("…, and workers said so": a second statement); an object
    only as the addressee of "told"."""
    doc = view.doc
    first, last = int(tok.left_edge.i), int(tok.right_edge.i)
    while first < tok.i and doc[first].is_punct:
        first += 1  # the parser hangs the comma before the cue on it
    while last > tok.i and doc[last].is_punct:
        last -= 1
    if tok.dep_ not in _TRAILING_DEPS or tok.head.i >= tok.i or first == 0:
        return None
    if not _set_off(view, first) or any(
        c.dep_ in ("mark", "cc", "preconj")
        or c.dep_ in _CLAUSE_OF_ITS_OWN
        or c.tag_ in _RELATIVE_TAGS
        for c in tok.children
    ):
        return None
    speaker = _trailing_speaker(tok)
    if speaker is None or not _finite(tok):
        return None
    if lemma_of(tok) not in DIRECTIVES and any(
        c.dep_ == "dobj" and c.i != speaker.i for c in tok.children
    ):
        return None  # "…, the report shows a decline": content of its own
    end = last + 1
    if (
        end < len(doc)
        and doc[end].sent.start == doc[first].sent.start
        and doc[end].text not in _SENTENCE_END
        and doc[end].text not in ("—", "--")  # a dash opens the writer's aside
    ):
        return None
    content = host_content(view, tok)[:1]  # not a dash's aside after the cue
    if (
        not content
        or content[0][1] > view.idx[first]
        or any(view.quoted[i] for a, b in content for i in view.tokens_in(a, b))
    ):
        return None  # the host's quoted words are a direct quote of their own
    return make_frame(view, tok, cue, "parataxis", content, source_tok=speaker)


_CLAUSE_HEAD_DEPS = frozenset("ROOT conj ccomp".split())


def _verb_tagged_noun(tok: Any, verbs: ReportingVerbs) -> bool:
    """ "Tolver claims he is worth …", "Trump predicts that …": a verb of saying, belief or
    evidence the small tagger took for a noun ("claims", "predicts") while the parse still
    gives it a clause's place (the root, a conjunct or a complement) and a subject of its
    own; a noun there with a subject is the verb. Whether it fires depends on the parse:
    "…, finance records show." is sometimes parsed with "records" as the head and is missed.
    Nouns with a determiner, possessor, adjective or compound are left alone ("the
    estimates", "his claims")."""
    if tok.pos_ != "NOUN" or tok.dep_ not in _CLAUSE_HEAD_DEPS or not tok.is_lower:
        return False  # a capitalised one is a headline's noun ("Claim That X Is …")
    lemma = lemma_of(tok)
    if lemma not in verbs.speech and lemma not in verbs.evidence and lemma not in verbs.belief:
        return False
    return any(c.dep_ == "nsubj" for c in tok.children) and not any(
        c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children
    )


def _contraction_rest(view: ParseView, tok: Any, clause: Any) -> Range | None:
    """ "told me he’s had a quiet life": the small parser reads a contraction as the
    clause's verb, with nothing to its right, and hangs the verb phrase after it on the cue;
    that phrase is the rest of the clause."""
    if clause.text[:1] not in ("’", "'") or any(True for _ in clause.rights):
        return None
    after = next((c for c in tok.rights if int(c.left_edge.i) == int(clause.i) + 1), None)
    if after is None or after.is_punct:
        return None
    return span_range(view, int(after.left_edge.i), content_end(view, after))
