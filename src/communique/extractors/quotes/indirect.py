"""Step 2, frames: attribution frames from the dependency parse: cue, source and reported content.

One pass over the tokens finds every cue whose lemma is in the :mod:`.lexicon`, then reads
its content off the parse: the complement clause (with or without "that", before or after
the verb), the host clause of a parenthetical "…, he said, …", an infinitive of intention,
the object of verbs such as "deny", the clause beside "according to X", and the "that"
clause of a noun such as "statement". Subtree extents are read from ``left_edge`` and
``right_edge`` (constant time), so the pass stays linear however long a sentence is.
"""

from __future__ import annotations

from typing import Any

from communique.extractors.quotes.candidates import Frame, Range
from communique.extractors.quotes.lexicon import (
    ADJECTIVE_CUES,
    BUILTIN_VERBS,
    CLAUSE_CUES,
    COMPLEMENTIZERS,
    CONVEYED_NOUNS,
    DESIRE,
    DIRECTIVES,
    GERUND_CUES,
    INTENTION,
    LIGHT_VERBS,
    NAMING,
    NOUN_CUES,
    NOUN_INTENTIONS,
    NOUN_PREP_CONTENT,
    OBJECT_CONTENT,
    OBJECT_TABLE,
    PREP_CONTENT,
    QUESTIONING,
    RAISING,
    REPEATING,
    SAYING_NOUNS,
    SPEECH,
    VIEWING,
    WORDNET_CLAUSE,
    WORDNET_OBJECT,
    ReportingVerbs,
    lemma_of,
)
from communique.extractors.quotes.spans import opened_inside, trim
from communique.extractors.quotes.speakers import source_range, subject_of
from communique.parse import ParseView

_VERB_GROUP_LEFT = ("aux", "neg", "advmod", "auxpass")
_CLAUSE_DEPS = ("ccomp",)


def verb_group(view: ParseView, tok: Any) -> Range:
    """The cue span: the verb with its adjacent auxiliaries, negation, adverbs and particle."""
    left = int(tok.i)
    lefts = sorted((c for c in tok.lefts if c.dep_ in _VERB_GROUP_LEFT), key=lambda c: -c.i)
    for child in lefts:
        if child.i == left - 1:
            left = int(child.i)
    right = int(tok.i)
    for child in tok.rights:
        if child.dep_ == "prt" and child.i == right + 1:
            right = int(child.i)
    return int(view.doc[left].idx), view.end[right]


_DANGLING = frozenset(", ; : - -- —".split())


def _span_range(view: ParseView, first: int, last: int) -> Range | None:
    doc = view.doc
    while last > first and (doc[last].dep_ == "cc" or doc[last].text in _DANGLING):
        last -= 1  # "…, and" left by a conjunct the content does not take
    if last < first:
        return None
    start, end = trim(view.text, int(view.doc[first].idx), view.end[last])
    text = view.text
    if end < len(text) and text[end] in '”»"' and opened_inside(text, start, end):
        end += 1  # the parse left the closing mark of a quoted fragment outside
    return (start, end) if end > start else None


def _content_end(view: ParseView, head: Any) -> int:
    """Last token of the content headed by ``head``, without a trailing comma-separated
    participle or contrast ("…, calling it “meritless”", "…, before reversing himself"),
    which PolNeAR leaves to the author."""
    last = int(head.right_edge.i)
    doc = view.doc
    # a closing non-restrictive relative clause (", which raised concerns") is the author's
    for i in range(last, max(int(head.i), last - 40), -1):
        tok = doc[i]
        if (
            tok.lower_ in ("which", "who")
            and i > 0
            and doc[i - 1].text == ","
            and tok.head.dep_ == "relcl"
            and int(tok.head.right_edge.i) >= last
            and tok.head.head.head.i == head.i
        ):
            return i - 2
    for child in head.rights:
        left = int(child.left_edge.i)
        if child.dep_ in ("advcl", "acl", "prep") and doc[left - 1].text in (",", "-", "—", "--"):
            first_word = doc[left]
            if first_word.tag_ == "VBG" or first_word.lower_ in _TRAILING_WORDS:
                return left - 2
        if (
            child.dep_ == "conj"
            and lemma_of(child) in SPEECH
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        ):
            # "said that … and insisted that …": a second attribution, not more content
            cc = left - 1
            while cc > head.i and (doc[cc].dep_ == "cc" or doc[cc].is_punct):
                cc -= 1
            return cc
    return last


CLAUSE_FALLBACK = frozenset(
    "say tell add write note argue claim insist warn explain believe think".split()
)
"""Core verbs of saying whose clause is taken even when the parser misattaches it."""

_TRAILING_WORDS = frozenset("before after unlike despite amid though although except".split())


def _clause_content(view: ParseView, clause: Any) -> tuple[list[Range], Range | None]:
    """Content of a reported clause, its leading complementizer split off."""
    first, last = int(clause.left_edge.i), _content_end(view, clause)
    comp: Range | None = None
    doc = view.doc
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    first = _skip_discourse(view, first, last)
    if doc[first].lower_ in COMPLEMENTIZERS and doc[first].dep_ == "mark":
        comp = (int(doc[first].idx), view.end[first])
        first += 1
    rng = _span_range(view, first, last)
    return ([rng] if rng else []), comp


_DISCOURSE = frozenset("but and so still however yet also meanwhile instead indeed".split())


def _skip_discourse(view: ParseView, first: int, last: int) -> int:
    """Skip a sentence-initial connective ("But", "Still,"): it is the author's, not part of
    what the source said."""
    doc = view.doc
    if first < last and doc[first].lower_ in _DISCOURSE and doc[first].dep_ in ("cc", "advmod"):
        first += 1
        while first < last and doc[first].is_punct:
            first += 1
    return first


def _host_content(view: ParseView, tok: Any) -> list[Range]:
    """Content of a parenthetical cue ("The talks, he said, will go on"): its host clause
    without the cue's own subtree."""
    head = tok.head
    h_first, h_last = int(head.left_edge.i), int(head.right_edge.i)
    c_first, c_last = int(tok.left_edge.i), int(tok.right_edge.i)
    parts: list[Range] = []
    h_first = _skip_discourse(view, h_first, c_first - 1)
    for a, b in ((h_first, c_first - 1), (c_last + 1, h_last)):
        rng = _span_range(view, a, b)
        if rng is not None and b - a >= 1:
            parts.append(rng)
    return parts


def _frame(
    view: ParseView,
    tok: Any,
    cue: Range,
    attachment: str,
    content: list[Range],
    comp: Range | None = None,
    source_tok: Any | None = None,
) -> Frame:
    pstart, pend = view.paragraph_bounds(cue[0])
    content = [(max(a, pstart), min(b, pend)) for a, b in content if b > pstart and a < pend]
    subj = source_tok if source_tok is not None else subject_of(tok)
    source = source_range(view, subj) if subj is not None else None
    if (
        subj is not None
        and str(subj.lower_) in ("it", "there")
        and any(c.dep_ == "auxpass" for c in tok.children)
    ):
        source, subj = None, None
    return Frame(
        cue_token=int(tok.i),
        cue=cue,
        source=source,
        source_token=int(subj.i) if subj is not None else None,
        content=content,
        complementizer=comp,
        attachment=attachment,
    )


_COMPLETING_PREPS = frozenset("as of for within against over about".split())


def _completion(verb: Any, after: Any, last: int) -> int:
    """Extend object content over what completes it ("accused X *of lying*", "called on X
    *to act*", "called him *a liar*")."""
    for other in verb.rights:
        if other.i > after.i and (
            other.dep_ in ("oprd", "xcomp", "ccomp")
            or (other.dep_ == "prep" and other.lower_ in _COMPLETING_PREPS)
        ):
            last = max(last, int(other.right_edge.i))
    return last


def _speech_frame(
    view: ParseView, tok: Any, lemma: str, cue: Range, verbs: ReportingVerbs
) -> Frame | None:
    """A verb of saying or belief with a clause: "said (that) …", "…, he said, …"."""
    # a clause after the cue beats one before it the parser also hung on the cue
    # ("WASHINGTON ― …, Manafort told friends that …", "Sitting down with …, she remarked that …")
    last = max((c.i for c in tok.children if c.dep_ in _CLAUSE_DEPS), default=-1)
    for child in tok.children:
        if child.dep_ in _CLAUSE_DEPS and not child.i < tok.i < last:
            content, comp = _clause_content(view, child)
            if content:
                # "said that A, but that B": a coordinated "that" clause is more content
                for conj in tok.rights:
                    if (
                        conj.i > child.i
                        and conj.dep_ in ("conj", "ccomp")
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in conj.children)
                    ):
                        end = _span_range(view, int(conj.left_edge.i), _content_end(view, conj))
                        if end is not None:
                            content = [(content[0][0], end[1])]
                return _frame(view, tok, cue, "ccomp", content, comp)
    for child in tok.rights:
        if child.dep_ == "advcl" and lemma in QUESTIONING:
            mark = next((m for m in child.children if m.dep_ == "mark"), None)
            if mark is None or mark.i != child.left_edge.i:
                continue
            if mark.lower_ in ("if", "whether"):
                # "asked if he had been bullied": the question asked (parsed as a condition)
                rng = _span_range(view, int(mark.i), _content_end(view, child))
                if rng:
                    return _frame(view, tok, cue, "ccomp", [rng])
    if (
        tok.dep_ in ("parataxis", "ccomp")
        and lemma in verbs.speech
        and (tok.head.i < tok.i or tok.dep_ == "parataxis")
    ):
        # "The talks will go on, he said" / "The talks, he said, will go on": only a
        # parenthetical set off by a comma
        first = int(tok.left_edge.i)
        while first < tok.i and view.doc[first].is_punct:
            first += 1
        before = first - 1
        parenthetical = before >= 0 and view.doc[before].text in (",", "—", "--", "-")
        if parenthetical and subject_of(tok) is not None:
            content = _host_content(view, tok)
            if content:
                return _frame(view, tok, cue, "parataxis", content)
    return None


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
                            _span_range(view, int(subj.left_edge.i), int(subj.right_edge.i)),
                            _span_range(view, first, int(child.right_edge.i)),
                        )
                        if r
                    ]
                    if len(parts) == 2:
                        frame = _frame(view, tok, cue, "xcomp", parts)
                        frame.source, frame.source_token = None, None
                        return frame
            obj = next(
                (c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < child.i), None
            )
            if obj is not None:
                first = int(obj.left_edge.i)  # "urged Moscow to act": what was urged
            rng = _span_range(view, first, int(child.right_edge.i))
            if rng:
                return _frame(view, tok, cue, "xcomp", [rng])
    return None


_SMALL_CLAUSE_DEPS = frozenset("advmod prep oprd acomp xcomp ccomp".split())


def _finding_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """A finding with a small clause: "the poll found Pruitt leading Bell by 47% to 45%",
    "polls showed the Republican ahead by eight points". The object alone ("showed the
    price") is no finding; what the verb predicates of it makes one."""
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    last = int(obj.right_edge.i)
    extended = any(view.pos[i] == "VERB" for i in range(int(obj.left_edge.i), last + 1))
    for child in tok.rights:
        if child.i <= obj.i or child.dep_ not in _SMALL_CLAUSE_DEPS:
            continue
        if any(view.doc[i].is_punct for i in range(last + 1, int(child.left_edge.i))):
            break
        last, extended = int(child.right_edge.i), True
    if not extended:
        return None
    rng = _span_range(view, int(obj.left_edge.i), last)
    return _frame(view, tok, cue, "finding", [rng]) if rng else None


def _desire_clause_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """A wish with its own subject: "wants all immigrants to be deported", "want government
    playing an active role" (the parser makes the clause a ccomp)."""
    for child in tok.rights:
        if child.dep_ == "ccomp":
            rng = _span_range(view, int(child.left_edge.i), _content_end(view, child))
            if rng:
                return _frame(view, tok, cue, "xcomp", [rng])
    return None


def _gerund_frame(view: ParseView, tok: Any, cue: Range) -> Frame | None:
    """A gerund clause as content: "denied having met the lobbyist", "admitted breaking …"."""
    for child in tok.rights:
        if child.dep_ in ("xcomp", "ccomp") and view.tag[int(child.left_edge.i)] == "VBG":
            rng = _span_range(view, int(child.left_edge.i), _content_end(view, child))
            if rng:
                return _frame(view, tok, cue, "xcomp", [rng])
    return None


def _for_clause_frame(view: ParseView, tok: Any, cue: Range, preps: frozenset[str]) -> Frame | None:
    """A "for X to do Y" clause after a verb that takes "for" ("called for the United States
    to step up its aid"): the parser makes "for" the clause's marker, not a preposition."""
    for child in tok.rights:
        if child.dep_ not in ("advcl", "ccomp", "xcomp"):
            continue
        mark = next((m for m in child.children if m.dep_ == "mark"), None)
        if mark is None or mark.lower_ not in preps or int(mark.i) != int(child.left_edge.i):
            continue
        rng = _span_range(view, int(mark.i) + 1, _content_end(view, child))
        if rng:
            return _frame(view, tok, (cue[0], view.end[int(mark.i)]), "prep", [rng])
    return None


def verb_frame(view: ParseView, tok: Any, verbs: ReportingVerbs = BUILTIN_VERBS) -> Frame | None:
    """The frame of a verb cue, or None when the verb has no attributable content."""
    lemma = lemma_of(tok)
    speech = lemma in verbs.speech or lemma in verbs.belief or lemma in verbs.evidence
    cue = verb_group(view, tok)
    if speech or lemma in CLAUSE_CUES:
        frame = _speech_frame(view, tok, lemma, cue, verbs)
        if frame is not None:
            return frame
    if lemma in INTENTION or lemma in DIRECTIVES:
        frame = _intention_frame(view, tok, lemma, cue)
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
    if lemma in VIEWING:
        frame = _viewing_frame(view, tok, cue)
        if frame is not None:
            return frame
    if lemma in OBJECT_CONTENT or lemma in NAMING or lemma in DESIRE:
        for child in tok.children:
            if child.dep_ == "dobj" and child.i > tok.i:
                if lemma in REPEATING and lemma_of(child) not in SAYING_NOUNS:
                    break  # "repeated the landing": an act, not words
                if lemma in OBJECT_TABLE and lemma_of(child) in NOUN_CUES and _that_clause(child):
                    break  # "repeated his claim that …": the noun's clause is the content
                last = int(child.right_edge.i)
                # "condemned the test as “reckless”", "called him “a con artist”",
                # "accused Cruz of lying", "criticized the media for ignoring them"
                last = _completion(tok, child, last)
                if lemma in NAMING and last == int(child.right_edge.i):
                    break
                rng = _span_range(view, int(child.left_edge.i), last)
                if rng:
                    return _frame(view, tok, cue, "dobj", [rng])
    if lemma in CLAUSE_FALLBACK:
        # a misparsed complement ("said having Trump on the ticket puts …" as xcomp)
        for child in tok.rights:
            if child.dep_ in ("xcomp", "advcl") and child.tag_ in ("VBG", "VBD", "VBZ", "VBP"):
                rng = _span_range(view, int(child.left_edge.i), _content_end(view, child))
                if rng:
                    return _frame(view, tok, cue, "fallback", [rng])
    preps = PREP_CONTENT.get(lemma)
    if preps:
        for child in tok.rights:
            if child.dep_ in ("prep", "prt") and child.lower_ in preps:
                holder = child
                if child.dep_ == "prt":  # "lashed out at"
                    holder = next((c for c in tok.rights if c.dep_ == "prep"), child)
                pobj = next((c for c in holder.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and not _when(view, pobj):
                    last = _completion(tok, holder, int(pobj.right_edge.i))
                    rng = _span_range(view, int(pobj.left_edge.i), last)
                    if rng:
                        cue = (cue[0], view.end[int(holder.i)])
                        return _frame(view, tok, cue, "prep", [rng])
        frame = _for_clause_frame(view, tok, cue, preps)
        if frame is not None:
            return frame
    if lemma in WORDNET_OBJECT or lemma in WORDNET_CLAUSE:
        frame = _wordnet_frame(view, tok, lemma, cue)
        if frame is not None:
            return frame
    if speech or lemma in verbs.action:
        # no content of its own: may still attribute an adjacent quotation
        return _frame(view, tok, cue, "", [])
    return None


_CONVEYED_PREPS = frozenset("about against at over".split())
"""Prepositions whose object is what a noun of saying is about or aimed at ("comments
about", "a swipe at"); "on" and "for" as often give the medium, the day or the beneficiary
("comments on CNBC", "made a donation for"), and "to" the addressee ("made appeals to
Hispanic voters"): each right in under a third of their uses on train and dev."""


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
            content, comp = _clause_content(view, child)
            if content:
                return _frame(view, tok, cue, "ccomp", content, comp)
        if lemma in WORDNET_OBJECT and child.dep_ == "dobj":
            last = _completion(tok, child, int(child.right_edge.i))
            rng = _span_range(view, int(child.left_edge.i), last)
            if rng:
                return _frame(view, tok, cue, "dobj", [rng])
    return None


def _that_clause(tok: Any) -> bool:
    """Whether a noun governs a "that" clause ("his claim that …")."""
    return any(
        c.dep_ in ("acl", "ccomp", "appos")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in tok.rights
    )


def _when(view: ParseView, tok: Any) -> bool:
    """A date or time ("reported on Monday", "wrote on Tuesday"): when, not what."""
    return view.ent_type[int(tok.i)] in ("DATE", "TIME")


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
    if as_phrase is None:
        return None
    last = max(int(obj.right_edge.i), int(as_phrase.right_edge.i))
    rng = _span_range(view, int(obj.left_edge.i), last)
    return _frame(view, tok, cue, "dobj", [rng]) if rng else None


_COPULAS = frozenset("be seem remain become appear sound look stay".split())


def adjective_frame(view: ParseView, tok: Any) -> Frame | None:
    """A predicative adjective of attitude with its complement: "X was critical of the
    deal", "is confident that …", "was quick to dismiss …"; X, the copula's subject, holds
    the attitude. An attributive use ("a critical bridge") attributes nothing."""
    comps = ADJECTIVE_CUES.get(lemma_of(tok))
    if not comps or tok.dep_ != "acomp" or lemma_of(tok.head) not in _COPULAS:
        return None
    content: list[Range] = []
    comp: Range | None = None
    cue = (int(tok.idx), view.end[int(tok.i)])
    for child in tok.rights:
        mark = {c.lower_ for c in child.children if c.dep_ in ("mark", "aux")}
        if child.dep_ == "ccomp" and "that" in comps and "that" in mark:
            content, comp = _clause_content(view, child)
        elif child.dep_ == "xcomp" and "to" in comps and "to" in mark:
            rng = _span_range(view, int(child.left_edge.i), _content_end(view, child))
            content = [rng] if rng else []
        elif child.dep_ == "prep" and child.lower_ in comps:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None or _when(view, pobj):
                continue
            rng = _span_range(view, int(pobj.left_edge.i), int(pobj.right_edge.i))
            content = [rng] if rng else []
            cue = (cue[0], view.end[int(child.i)])
        if content:
            return _frame(view, tok, cue, "xcomp", content, comp, source_tok=subject_of(tok.head))
    return None


def according_frame(view: ParseView, tok: Any) -> Frame | None:
    """ "According to X, …" — X is the source and the rest of the clause is the content."""
    to = next((c for c in tok.rights if c.lower_ == "to"), None)  # never a "to" before it
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    cue = (int(tok.idx), view.end[int(to.i)])
    source = source_range(view, pobj) if pobj is not None else None
    phrase_first = int(tok.left_edge.i)
    phrase_last = int(tok.right_edge.i)
    s = view.line_start[tok.i]
    e = view.line_end[tok.i] - 1
    s = _skip_discourse(view, s, phrase_first - 1)
    parts = [
        r
        for r in (_span_range(view, s, phrase_first - 1), _span_range(view, phrase_last + 1, e))
        if r
    ]
    pstart, pend = view.paragraph_bounds(cue[0])
    parts = [(max(a, pstart), min(b, pend)) for a, b in parts if b > pstart and a < pend]
    if not parts:
        return None
    return Frame(
        cue_token=int(tok.i),
        cue=cue,
        source=source,
        source_token=int(pobj.i) if pobj is not None else None,
        content=parts,
        attachment="according",
    )


def noun_prep_frame(view: ParseView, tok: Any) -> Frame | None:
    """ "Her criticism of the deal", "calls for a ceasefire": a noun cue and its object."""
    preps = NOUN_PREP_CONTENT.get(lemma_of(tok))
    if not preps:
        return None
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                return None
            last = _completion(tok, child, int(pobj.right_edge.i))
            rng = _span_range(view, int(pobj.left_edge.i), last)
            if rng is None:
                return None
            cue = (int(tok.idx), view.end[int(child.i)])
            return _noun_frame(view, tok, cue, [rng], _possessor(tok))
    return None


def _possessor(tok: Any) -> Any | None:
    return next((c for c in tok.children if c.dep_ == "poss"), None)


def _noun_frame(
    view: ParseView,
    tok: Any,
    cue: Range,
    content: list[Range],
    owner: Any | None,
    comp: Range | None = None,
) -> Frame:
    """A nominal cue's frame: its owner ("her promise", "X said in a statement") is the
    source; with no owner there is none, not the subject of whatever verb holds the noun."""
    frame = _frame(view, tok, cue, "noun", content, comp, source_tok=owner)
    if owner is None:
        frame.source, frame.source_token = None, None
    return frame


def light_noun_frame(view: ParseView, tok: Any) -> Frame | None:
    """A light verb with a noun of saying or thinking: "made the case that …", "took a
    swipe at the plan", "raised concerns about …"; the verb's subject is the source."""
    verb = tok.head
    if tok.dep_ != "dobj" or lemma_of(verb) not in LIGHT_VERBS:
        return None
    owner = subject_of(verb)
    start = verb_group(view, verb)[0]
    for child in tok.rights:
        if child.dep_ in ("acl", "ccomp", "appos") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in child.children
        ):
            content, comp = _clause_content(view, child)
            if content:
                return _noun_frame(view, tok, (start, view.end[int(tok.i)]), content, owner, comp)
    for holder in list(tok.rights) + [c for c in verb.rights if c.i > tok.i]:
        if holder.dep_ == "prep" and holder.lower_ in _CONVEYED_PREPS:
            pobj = next((c for c in holder.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None or _when(view, pobj):
                continue
            rng = _span_range(view, int(pobj.left_edge.i), int(pobj.right_edge.i))
            if rng:
                return _noun_frame(view, tok, (start, view.end[int(holder.i)]), [rng], owner)
    return None


def noun_to_frame(view: ParseView, tok: Any) -> Frame | None:
    """ "Her promise to cut taxes", "his pledge to work together": the commitment made;
    its owner (the possessive), if any, is the source."""
    for child in tok.rights:
        infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
        if child.dep_ == "acl" and infinitive:
            rng = _span_range(view, int(child.left_edge.i), _content_end(view, child))
            if rng is None:
                return None
            cue = (int(tok.idx), view.end[int(tok.i)])
            return _noun_frame(view, tok, cue, [rng], _possessor(tok))
    return None


def noun_frame(view: ParseView, tok: Any) -> Frame | None:
    """ "X's statement that …", "the claim by X that …": a noun cue with a "that" clause."""
    for child in tok.children:
        if child.dep_ in ("acl", "ccomp", "appos") and child.i > tok.i:
            marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ == "that"]
            if not marks:
                continue
            content, comp = _clause_content(view, child)
            if not content:
                continue
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None:
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
                        owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if owner is None and tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
                owner = subject_of(tok.head)
            cue = (int(tok.idx), view.end[int(tok.i)])
            verb = _medium_verb(tok)
            if owner is None and verb is not None:
                # "X said in a statement that …": X said it; the cue runs from the verb
                owner = subject_of(verb)
                cue = (verb_group(view, verb)[0], cue[1])
            return _noun_frame(view, tok, cue, content, owner, comp)
    return None


def _medium_verb(tok: Any) -> Any | None:
    """The verb of saying a noun cue is the medium of ("said *in a statement* that …",
    "wrote in a letter that …"), or None."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "through"):
        return None
    verb = prep.head
    return verb if verb.pos_ == "VERB" and lemma_of(verb) in SPEECH else None


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
        ):
            continue
        content = _span_range(view, colon + 1, toks[-1])
        source = _span_range(view, toks[0], colon - 1)
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
        elif pos in ("VERB", "AUX"):
            frame = verb_frame(view, tok, verbs)
        elif pos == "ADJ":
            frame = adjective_frame(view, tok)
        elif pos == "NOUN":
            lemma = lemma_of(tok)
            if lemma in NOUN_CUES:
                frame = noun_frame(view, tok)
            if frame is None and lemma in NOUN_PREP_CONTENT:
                frame = noun_prep_frame(view, tok)
            if frame is None and lemma in NOUN_INTENTIONS:
                frame = noun_to_frame(view, tok)
            if frame is None and lemma in CONVEYED_NOUNS:
                frame = light_noun_frame(view, tok)
        if frame is not None:
            frames.append(frame)
    frames.extend(colon_frames(view))
    frames.sort(key=lambda f: f.cue[0])
    return frames
