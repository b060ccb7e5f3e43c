"""Step 3, content edges: what a reported clause's content does not begin with.

The parse hangs two kinds of words on the reported clause that PolNeAR leaves out of the
content: the day the statement was made, right after the cue ("said Tuesday his actions
were legal", "announced on Monday that …"), and a sentence connective that is the
writer's, not the source's ("In fact, the plan …", "Even so, the party …"). It also says
which contents too short to be a clause still count: a name or a personal pronoun. Two edges
PolNeAR draws differently from the parse: a stance noun conveyed by a light verb belongs to
the cue ("expressed concern that …" has the content "that …"), and a bare subject cut off by a
parenthetical attribution ("Survival, Mr. Okafor says, depends on …") starts the content.
Where a content ends: a content that is one proper name stops before the writer's comma aside
on it ("Ivo Marek, the head of the rail company"), and an object content takes an "in" phrase the
parse hung on the verb ("his skill in cutting $5 million off the bill") and the second term of
a comparison or attribution ("compared the levy to a toll", "blamed the outage on the heat");
a clause content takes the condition the parse hung outside it ("said she would resign should
the board object"), and a content ends before a closing relative aside on a name or on its
head ("questioned the health of Ivo Marek, who is 70") or a closing apposition on a name in it
("praised the speech of Ivo Marek, the father of …"). An "according to X" content ends with
the clause the phrase closes ("Turnout rose, according to the clerk, but …").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from communique.extractors.quotes.candidates import Candidate, Frame, Range
from communique.extractors.quotes.lexicon import (
    CONVEYED_NOUNS,
    DIRECTIVES,
    QUESTIONING,
    REQUEST_VERBS,
    STANCE_NOUNS,
    lemma_of,
)
from communique.extractors.quotes.spans import opened_inside, trim
from communique.models import QuoteKind
from communique.parse import ParseView

_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_LEAD = re.compile(
    rf"(?:(?:on|last|this|late|early)\s+)?(?:{_DAYS})(?:\s+(?:morning|afternoon|evening|night))?"
    r"\s+(?=\S)"
    r"|(?:In fact|In contrast|Even so|However|Indeed|Meanwhile|Moreover|Nevertheless|"
    r"Of course|Still|Instead),\s+(?=\S)"
)
"""A day of the week (with "on"/"last" and a part of the day), or a connective and comma."""


def lead_end(text: str, start: int, end: int) -> int:
    """Where the content ``[start, end)`` begins once a leading day or connective is skipped.

    Example:
        >>> s = "Tuesday his actions were legal"
        >>> s[lead_end(s, 0, len(s)):]
        'his actions were legal'
        >>> s = "In fact, the plan would cost more"
        >>> s[lead_end(s, 0, len(s)):]
        'the plan would cost more'
        >>> lead_end("Sunday would be the deadline", 0, 28)
        0
        >>> lead_end("on Tuesday night, in Jupiter, he yanked her arm", 0, 47)
        0
    """
    match = _LEAD.match(text, start, end)
    if match is None:
        return start
    rest = text[match.end() : end]
    first = rest.split(None, 1)[0].lower() if rest.split() else ""
    if first in _VERB_NEXT or first.rstrip(",") in _PART_OF_DAY:
        return start  # "Sunday would be …": the subject; "on Tuesday night, …": fronted
    return match.end()


_PART_OF_DAY = frozenset("morning afternoon evening night".split())
_VERB_NEXT = frozenset("would will is was are were has had could should might may".split())


def skip_leads(text: str, candidates: Sequence[Candidate]) -> None:
    """Start each reported clause's content after a leading day or connective."""
    for cand in candidates:
        if cand.kind is QuoteKind.DIRECT:
            continue
        a, b = cand.parts[0]
        new_a = lead_end(text, a, b)
        if new_a != a and new_a < b:
            cand.parts[0] = (new_a, b)


def passive_subject(view: ParseView, cand: Candidate) -> tuple[int, int] | None:
    """The passive subject of "Trump is expected to speak" / "Sanders was asked to name …",
    which PolNeAR makes the first part of the content (there is no source): the content is
    "Trump" + "to speak", the cue "is expected" between them. None for other candidates."""
    if cand.kind is QuoteKind.DIRECT or cand.source is not None or cand.cue is None:
        return None
    if not view.text.startswith("to ", cand.parts[0][0]):
        return None
    head = view.doc[view.token_at(max(cand.cue[1] - 1, cand.cue[0]))]
    subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return None
    start, end = int(subj.left_edge.idx), view.end[int(subj.right_edge.i)]
    return (start, end) if end <= cand.cue[0] else None


def include_passive_subjects(view: ParseView, candidates: Sequence[Candidate]) -> None:
    """Give "X is expected to …" content its subject as a first part (see
    :func:`passive_subject`)."""
    for cand in candidates:
        subject = passive_subject(view, cand)
        if subject is not None:
            cand.parts.insert(0, subject)


_PERSONAL = frozenset("me him her us them".split())
"""Object pronouns that stand for a person (not "it", "this", "that")."""

_ADDRESSING = DIRECTIVES | QUESTIONING | frozenset("urge promise plead beg implore assure".split())
"""Cues whose object is the person spoken to ("asked him", "urged them"), not content."""


def names_someone(view: ParseView, frame: Frame) -> bool:
    """Whether a content too short to be a clause is one name or personal pronoun: the
    person a source endorses, backs or attacks ("endorsed Cruz", "support for him"), which
    PolNeAR annotates as the content a little under half the time (measured on train; a
    right prediction gains about twice what a wrong one costs). The person addressed
    ("asked him", "urged them") and a negated cue ("did not name him") are left out.

    Example:
        >>> from communique.extractors.quotes.candidates import Frame
        >>> view = ParseView.build(nlp("Ryan endorsed Trump."))
        >>> names_someone(view, Frame(cue_token=1, cue=(5, 13), source=(0, 4),
        ...                           source_token=0, content=[(14, 19)]))
        True
    """
    if len(frame.content) != 1 or frame.negated:
        return False
    tokens = view.tokens_in(*frame.content[0])
    if len(tokens) != 1:
        return False
    token = view.doc[tokens[0]]
    if view.doc[frame.cue_token].lemma_.lower() in _ADDRESSING:
        return False
    return token.pos_ == "PROPN" or token.lower_ in _PERSONAL


_CONVEYING = frozenset("express voice show offer signal air register convey".split())
"""Light verbs that convey a stance noun ("expressed concern", "showed no sign"): the verb and
the noun together are the cue, as PolNeAR annotates them."""

_SIGNALS = frozenset("sign interest reason amusement alarm surprise anger".split())
"""Attitude nouns a light verb conveys besides :data:`.lexicon.STANCE_NOUNS` ("showed no
sign of", "showed interest in"); "showed images of" shows a thing, not a stance."""

_STANCE_PREPS = frozenset("about on of for over at in with".split())
"""Prepositions that attach what a stance noun is about ("concern about", "dismay at")."""


def stance_complement(view: ParseView, cand: Candidate) -> tuple[int, int, Range | None] | None:
    """For content that is a bare stance noun conveyed by a light verb ("expressed concern
    that the rules would cut pay", "showed no sign of backing down", "voiced support for the
    pass"): where the content really starts, where the cue ends (after the noun or its
    preposition) and the "that" complementizer, if any. None for other candidates.

    PolNeAR puts the noun in the cue (measured on train: strict matches +3 on the first 200
    sorted articles, +11 on the next 200, none lost). A noun with a determiner or possessor
    ("his frustration over …", "a deep regret for …") is left whole, as the gold mostly
    does, and so is a noun that names a thing shown ("showed images of …").

    Example:
        >>> text = "Union leader Marta Koval expressed concern that the rules would cut pay."
        >>> view = ParseView.build(nlp(text))
        >>> cand = Candidate(kind=QuoteKind.INDIRECT, parts=[(35, 71)], cue=(25, 34),
        ...                  source=(13, 24))
        >>> start, cue_end, that = stance_complement(view, cand)
        >>> text[start:71], text[25:cue_end], text[slice(*that)]
        ('the rules would cut pay', 'expressed concern', 'that')
    """
    if cand.kind is QuoteKind.DIRECT or cand.cue is None or len(cand.parts) != 1:
        return None
    doc = view.doc
    start, end = cand.parts[0]
    first = view.token_at(start)
    noun = doc[first]
    if noun.lower_ == "no" and first + 1 < len(doc) and doc[first + 1].pos_ == "NOUN":
        noun = doc[first + 1]
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.left_edge.i != first:
        return None
    if lemma_of(noun) not in STANCE_NOUNS and lemma_of(noun) not in _SIGNALS:
        return None
    verb = noun.head
    if not cand.cue[0] <= verb.idx < cand.cue[1] or lemma_of(verb) not in _CONVEYING:
        return None
    for child in noun.rights:
        if view.end[int(child.right_edge.i)] < end:
            continue
        head_first = child.left_edge
        if child.dep_ in ("acl", "ccomp", "relcl"):
            if head_first.lower_ == "that" and head_first.dep_ == "mark":
                after = doc[head_first.i + 1]
                that = (int(head_first.idx), view.end[int(head_first.i)])
                return int(after.idx), view.end[int(noun.i)], that
            if head_first.lower_ == "to":
                return int(head_first.idx), view.end[int(noun.i)], None
        if child.dep_ == "prep" and child.lower_ in _STANCE_PREPS:
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return int(obj.left_edge.idx), view.end[int(child.i)], None
    return None


def move_stance_nouns(view: ParseView, candidates: Sequence[Candidate]) -> None:
    """Hand a conveyed stance noun to the cue (see :func:`stance_complement`)."""
    for cand in candidates:
        found = stance_complement(view, cand)
        if found is None or cand.cue is None:
            continue
        start, cue_end, that = found
        if start < cand.parts[0][1]:
            cand.parts[0] = (start, cand.parts[0][1])
            cand.cue = (cand.cue[0], max(cand.cue[1], cue_end))
            cand.complementizer = that


_SUBJECT_POS = frozenset("NOUN PROPN DET PRON".split())
"""Parts of speech a bare subject cut off by a parenthetical attribution starts with (a
fronted "In the end," or "But," is left as the parse gives it)."""


def cut_subject(view: ParseView, cand: Candidate) -> Range | None:
    """The subject before a parenthetical attribution that the content left out: in
    "Survival, Mr. Okafor says, depends on finding readers" the parse may hang "Survival" on
    the cue, and the content would start at "depends". PolNeAR's content runs from the
    sentence start. Only a short phrase (at most six words, one comma, no quotation mark)
    starting with a noun, name, determiner or pronoun; None otherwise. A fronted phrase
    ("In the long run, X said, …") is left as the parse gives it: the gold goes both ways.

    Example:
        >>> text = "Survival, Mr. Okafor says, depends on finding new readers online."
        >>> view = ParseView.build(nlp(text))
        >>> cand = Candidate(kind=QuoteKind.INDIRECT, parts=[(27, 64)], cue=(21, 25),
        ...                  source=(10, 20))
        >>> text[slice(*cut_subject(view, cand))]
        'Survival'
    """
    if cand.kind is QuoteKind.DIRECT or cand.cue is None or cand.source is None:
        return None
    text = view.text
    src, cue = cand.source, cand.cue
    if not src[0] < cue[0] < cand.start or not text.startswith(",", cue[1]):
        return None
    if text[cue[1] + 1 : cand.start].strip():
        return None
    sent = view.doc[view.token_at(src[0])].sent
    head = text[sent.start_char : src[0]].rstrip()
    if not head.endswith(",") or "," in head[:-1] or len(head.split()) > 6:
        return None
    if any(ch in "\"“”«»'‘’" for ch in head):
        return None
    if view.doc[sent.start].pos_ not in _SUBJECT_POS:
        return None
    return (int(sent.start_char), int(sent.start_char) + len(head) - 1)


def include_cut_subjects(view: ParseView, candidates: Sequence[Candidate]) -> None:
    """Give content its subject back when a parenthetical attribution cut it off (see
    :func:`cut_subject`)."""
    for cand in candidates:
        subject = cut_subject(view, cand)
        if subject is not None:
            cand.parts.insert(0, subject)


_CLOSER_AFTER = re.compile(r"[,;:.!?]?[”\"]")
"""A closing mark right after a content's end, maybe after the fragment's own punctuation."""

_ASIDE = re.compile(r",?\s+(?:which|who)\b|\s+[—–]\s|\s*--\s")
"""What opens the writer's aside after a quoted fragment: ", which …", ", who …", a dash
(the comma may sit inside the closing mark: '“a scam,” which …')."""

_DASH = re.compile(r"\s[—–]\s|--")

_COMMA_ASIDE = re.compile(r"\s+(?:\w+ing\b|while\b|whereas\b)")
"""What opens the writer's aside after a fragment that ends in a comma inside its closing
mark ('“ultimate hypocrite,” linking to …', '“balanced,” while …'): a participle or a
contrast. Not a noun phrase: after 'once “the money runs out,”' a noun phrase is as often
the subject of the main clause ('a new strike will follow') as an appositive."""


def fragment_end(text: str, start: int, end: int) -> int:
    """Where the content ``[start, end)`` ends once the quoted fragment it opens is closed.

    The parse often hangs the fragment's last comma and closing mark on the cue ('that
    waterboarding is “peanuts,” compared to …'), so the content stops inside the quotation;
    PolNeAR's content runs through the mark.

    Example:
        >>> s = 'that the levy is “a disgrace,” compared to last year'
        >>> s[: fragment_end(s, 0, s.index(",”"))]
        'that the levy is “a disgrace,”'
        >>> fragment_end('that the levy is “a disgrace” now', 0, 12)
        12
    """
    match = _CLOSER_AFTER.match(text, end)
    if match is None or not opened_inside(text, start, match.end() - 1):
        return end
    return match.end()


_RELATIVE_ASIDE = re.compile(r"(,)?\s+(?:which|who)\b")


def relative_aside(text: str, start: int, end: int) -> bool:
    """Whether what follows a closing mark at ``start`` is the writer's relative aside on the
    quoted words ('denounced “cheap politics,” which her rivals …'): the content stops at
    the mark — for a quoted fragment (:func:`aside_cut`) and for a direct quote whose
    reported clause runs on past its mark (``direct.attribute_quotations``).

    Example:
        >>> s = '“cheap politics,” which is fair'
        >>> relative_aside(s, 17, len(s)), relative_aside('“no” to the plan', 4, 16)
        (True, False)

    The comma makes it an aside (after the mark, or inside it before the mark); without one
    the clause restricts the quoted words and is content:

        >>> relative_aside('“the people” who built it', 12, 25)
        False
    """
    match = _RELATIVE_ASIDE.match(text, start, end)
    return match is not None and (match.group(1) is not None or text[start - 2 : start - 1] == ",")


def aside_cut(text: str, start: int, end: int) -> int:
    """Where the content ``[start, end)`` ends when a quoted fragment in it is followed by the
    writer's aside (', which …', ', who …', ' — …'): the aside explains the quoted words and
    PolNeAR leaves it out ('called the judge “Spanish,” which is what …').

    Example:
        >>> s = 'the plan “a scam,” which it is not'
        >>> s[: aside_cut(s, 0, len(s))]
        'the plan “a scam,”'
        >>> s = 'was “a gift to smugglers,” pointing to a report'
        >>> s[: aside_cut(s, 0, len(s))]
        'was “a gift to smugglers,”'
        >>> s = 'the plan “a scam,” he added, which it is not'
        >>> aside_cut(s, 0, len(s)) == len(s)
        True
    """
    for i in range(start + 1, end):
        if text[i] not in '”"' or not opened_inside(text, start, i):
            continue
        aside = _ASIDE.match(text, i + 1, end)
        if aside is None:
            if text[i - 1] == "," and _COMMA_ASIDE.match(text, i + 1, end):
                return i + 1
            continue
        if aside.group().rstrip().endswith(("which", "who")):
            if relative_aside(text, i + 1, end):
                return i + 1
        elif not _DASH.search(text, start, i) and text[aside.end() : aside.end() + 1] not in '“"':
            return i + 1  # a dash that closes no earlier one and brings no quotation
    return tail_aside_cut(text, start, end)


_TAIL_ASIDE = re.compile(
    r"(?<=\w),\s+(?:(?:in\s+)?which"
    r"|(?:a|an)\s+(?:[^\s,;:]+\s+){1,4}?(?:that|which)\b)"
)
"""The writer's aside after a mixed content's own words, on a common noun: a relative clause
or an appositive that a relative clause restricts (', which would give …', ', a charge that
…', ', a move that …'). A bare noun phrase is not enough (it may begin the main clause);
after a name or a person ("Lena Ortiz, who …", "voters, who …") PolNeAR keeps the clause."""

_MARK_CHARS = '“”"«»„'


def tail_aside_cut(text: str, start: int, end: int) -> int:
    """Where a content ``[start, end)`` with a quoted fragment ends when the writer's aside
    follows the fragment's clause (see ``_TAIL_ASIDE``, or a single dash): PolNeAR ends the
    content before it ('that the vote was “rigged” against him, a charge that …').

    Example:
        >>> s = 'the vote was “rigged” against him, a charge that they deny'
        >>> s[: tail_aside_cut(s, 0, len(s))]
        'the vote was “rigged” against him'
        >>> s = 'the vote was “rigged” against him, and a charge that they deny'
        >>> tail_aside_cut(s, 0, len(s)) == len(s)
        True

    The aside must come after the content's last quotation mark, which must close a fragment
    that the content opens:

        >>> s = 'the vote was rigged, a charge that they deny'
        >>> tail_aside_cut(s, 0, len(s)) == len(s)
        True
    """
    last = max(text.rfind(ch, start, end) for ch in _MARK_CHARS)
    if last < 0 or text[last] not in '”"»' or not opened_inside(text, start, last):
        return end
    match = _TAIL_ASIDE.search(text, last + 1, end)
    dash = _DASH.search(text, last + 1, end)
    if dash is not None and len(_DASH.findall(text, start, end)) == 1:
        return dash.start()  # one dash, no pair: '“hopeful” about it — a rare …'
    if match is None or "," in text[match.end() : end]:
        return end  # the aside closes and the clause goes on ('that Ames, who …, is …')
    between = text[last + 1 : match.start()]
    if between.split()[-1:] and not between.split()[-1][0].islower():
        return end  # on a name ('the Hawks, who …', 'in Ohio, which …'): PolNeAR keeps it
    if "," in between or (text[last - 1] == "," and len(between.split()) <= 4):
        return end  # a parenthetical between mark and aside ('“…,” he added, which …')
    return match.start()


def close_fragments(text: str, candidates: Sequence[Candidate]) -> None:
    """End each content with its quoted fragment's closing mark (see :func:`fragment_end`)
    and before an aside on the fragment (see :func:`aside_cut`)."""
    for cand in candidates:
        a, b = cand.parts[-1]
        b = aside_cut(text, a, fragment_end(text, a, b))
        cand.parts[-1] = (a, b)


_NAME_ASIDES = frozenset("appos relcl acl".split())
"""What the writer adds after a name, between commas: who the person is ("Ivo Marek, the
president of FIFA"), a relative clause ("Jeb Bush, who ended his bid"), a participle."""

_MARKS = frozenset('“”"«»‘')


def name_end(view: ParseView, start: int, end: int) -> int:
    """Where a content ``[start, end)`` that is one proper name ends once the writer's comma
    aside on the name is cut: "rose to the defence of Ivo Marek, the head of
    the rail company" has the content "Ivo Marek", as PolNeAR annotates such asides (the aside says
    who he is, not what was said). Contents with quotation marks are left whole (the aside
    there is :func:`aside_cut`'s), and so are common-noun heads ("his predecessor, Sheila
    Bair": the gold keeps the name that says who is meant)."""
    if holds_quotation(view.text[start:end]):
        return end
    tokens = view.tokens_in(start, end)
    doc = view.doc
    roots = [i for i in tokens if doc[i].head.i == i or not start <= view.idx[doc[i].head.i] < end]
    if len(roots) != 1 or doc[roots[0]].pos_ != "PROPN":
        return end
    if _names_a_list(doc[roots[0]]):
        return end
    for child in doc[roots[0]].rights:
        first = int(child.left_edge.i)
        if child.dep_ in _NAME_ASIDES and first >= 2 and doc[first - 1].text == ",":
            last = first - 2
            if view.idx[first] < end and view.end[last] > start:
                return view.end[last]
    return end


def _names_a_list(name: Any) -> bool:
    """Whether a name opens a list of names ("mocked Ivo Marek, Ada Lund, and Tomas Grell for
    …", "backed Sen. Lia Berg, D-Ohio, and former mayor Ada Lund"): the parser reads the
    second name (or the party-and-state tag) as an apposition and hangs the last name on it
    or on the first as a conjunct. The comma phrase is then a list item, not the writer's
    aside, and PolNeAR's content keeps the whole list."""
    heads = [name] + [c for c in name.rights if c.dep_ == "appos"]
    return any(c.dep_ == "conj" and c.pos_ == "PROPN" for h in heads for c in h.rights)


def holds_quotation(words: str) -> bool:
    """Whether a content holds quoted words (a mark, or the tokenizer's ``''``): its extent is
    the quotation's, which the content-edge cuts here and in ``elaboration.py`` leave alone."""
    return "''" in words or any(ch in _MARKS for ch in words)


def relative_end(view: ParseView, start: int, end: int) -> int:
    """Where a content ``[start, end)`` ends once a closing ", who …" clause on a proper name,
    or a closing ", which/who …" clause on the content's own head noun, is cut: "questioned
    the health of Ivo Marek, who is 70", "defended the bill, which passed in 2013". The
    clause tells the reader who or what is meant; PolNeAR leaves it out of what was said.
    Not ", which" on a name inside a longer content, nor a clause on another common noun
    inside the content (there the gold keeps it about as often as not)."""
    tokens = view.tokens_in(start, end)
    if holds_quotation(view.text[start:end]) or len(tokens) < 4:
        return end
    doc, inside = view.doc, set(tokens)
    last = tokens[-1]
    while last > tokens[0] and doc[last].is_punct:
        last -= 1
    for comma in tokens[2:]:
        pronoun = doc[comma + 1] if comma + 1 < len(doc) else None
        if doc[comma].text != "," or pronoun is None or pronoun.lower_ not in ("which", "who"):
            continue
        clause = pronoun.head
        if clause.dep_ != "relcl" or clause.right_edge.i < last:
            continue
        noun = clause.head
        own_head = noun.head.i == noun.i or noun.head.i not in inside
        named = noun.pos_ == "PROPN" and pronoun.lower_ == "who"
        if named or (own_head and noun.pos_ in ("NOUN", "PROPN")):
            return int(view.end[comma - 1])
        return end
    return end


def cut_name_asides(view: ParseView, candidates: Sequence[Candidate]) -> None:
    """End a reported content that is one proper name before the writer's aside on it, or a
    content before a closing relative clause on a name or on its head (see :func:`name_end`
    and :func:`relative_end`)."""
    for cand in candidates:
        if cand.kind is QuoteKind.DIRECT or cand.cue is None or len(cand.parts) != 1:
            continue
        a, b = cand.parts[0]
        new_b = name_end(view, a, b)
        cand.parts[0] = (a, relative_end(view, a, b) if new_b == b else new_b)


def _object_next(view: ParseView, start: int, end: int) -> int | None:
    """The token right after an object content ``[start, end)`` (one noun, name or pronoun
    that is the object of a verb or preposition, no quotation marks), or None."""
    found = _object_root(view, start, end)
    return None if found is None else found[1]


def _object_root(view: ParseView, start: int, end: int) -> tuple[int, int] | None:
    """The head of an object content ``[start, end)`` and the token right after it (see
    :func:`_object_next`), or None."""
    doc = view.doc
    tokens = view.tokens_in(start, end)
    if not tokens or any(ch in _MARKS for ch in view.text[start:end]):
        return None
    roots = [i for i in tokens if doc[i].head.i == i or not start <= view.idx[doc[i].head.i] < end]
    if len(roots) != 1:
        return None
    root, after = doc[roots[0]], tokens[-1] + 1
    if root.pos_ not in ("NOUN", "PROPN", "PRON") or root.dep_ not in ("dobj", "pobj"):
        return None
    return (roots[0], after) if after < len(doc) else None


def _verb_phrase_end(view: ParseView, start: int, end: int, after: int, word: str) -> int | None:
    """The end of the ``word`` phrase at token ``after`` when the parse hung it on the verb
    outside the content (not on the content itself) and it holds no date or time; else
    None."""
    doc = view.doc
    prep = doc[after]
    if prep.lower_ != word or prep.dep_ not in ("prep", "dative" if word == "to" else "prep"):
        return None
    if prep.head.pos_ != "VERB" or start <= view.idx[prep.head.i] < end:
        return None
    last = int(prep.right_edge.i)
    if any(view.ent_type[i] in ("DATE", "TIME") for i in range(after, last + 1)):
        return None
    while last > after and doc[last].is_punct:
        last -= 1
    if "\n" in view.text[end : view.end[last]]:
        return None
    return view.end[last]


def in_phrase_end(view: ParseView, start: int, end: int) -> int:
    """Where an object content ``[start, end)`` ends once an "in" phrase right after it, which
    the parse hung on the verb, is taken in: "boasted of his skill in cutting $5 million
    off the bill", "backed Ana Ruiz in the runoff" have that phrase in PolNeAR-style
    content. Not a date or time ("in September") and not the medium of the
    statement ("criticised the plan in a statement")."""
    after = _object_next(view, start, end)
    if after is None:
        return end
    prep = view.doc[after]
    if any(c.dep_ == "pobj" and lemma_of(c) in CONVEYED_NOUNS for c in prep.children):
        return end
    new_end = _verb_phrase_end(view, start, end, after, "in")
    return end if new_end is None else max(end, new_end)


_ADDRESSEES = frozenset("me us you him her them".split())
"""Personal pronouns after "to": the person spoken to ("mentioned the plan to me")."""

_MEDIA = frozenset(
    "page show program programme radio television tv news network channel air site website "
    "blog podcast interview call broadcast statement twitter facebook".split()
)
"""Where something was said ("on its Facebook page", "on cable news"): not content."""

_SECOND_TERMS = frozenset("to on with".split())
"""Prepositions whose phrase after an object completes what was said: "compared X to Y",
"blamed X on Y", "named X to Y", "criticised X on two fronts", "credited X with Y"."""


def object_phrase_end(view: ParseView, start: int, end: int) -> int:
    """Where an object content ``[start, end)`` ends once a "to", "on" or "with" phrase right
    after it, which the parse hung on the verb, is taken in: the second term of a comparison
    or an attribution ("compared the levy to a toll", "blamed the outage on the heat",
    "credited the mayor with the rescue", "defended her ties to the mining lobby"), which
    PolNeAR keeps in the content. Not an infinitive ("to cut taxes": often a purpose clause,
    which the gold leaves out), not a date, not a person spoken to ("mentioned it to me")
    and not where it was said ("on cable news")."""
    after = _object_next(view, start, end)
    if after is None:
        return end
    doc = view.doc
    prep = doc[after]
    if prep.lower_ not in _SECOND_TERMS:
        return end
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not objects or objects[0].lower_ in _ADDRESSEES or doc[after + 1].tag_ == "VB":
        return end
    if lemma_of(objects[0]) in _MEDIA:
        return end
    new_end = _verb_phrase_end(view, start, end, after, prep.lower_)
    return end if new_end is None else max(end, new_end)


_INFINITIVE_HEADS = frozenset("advcl xcomp acl relcl".split())


def _requested(root: Any) -> bool:
    """Whether ``root`` is the object of "for" after a verb of asking ("called for X to …");
    after other verbs ("voted for the bill to show support") the infinitive is a purpose.
    The one addressed by a verb of urging or asking is asked the infinitive too ("urged
    voters | to register", "called on the board | to resign")."""
    prep = root.head
    if root.dep_ == "dobj" and lemma_of(prep) in _ADDRESSING:
        return True
    if root.dep_ == "pobj" and prep.lower_ == "on" and lemma_of(prep.head) in REQUEST_VERBS:
        return True
    return root.dep_ == "pobj" and prep.lower_ == "for" and lemma_of(prep.head) in REQUEST_VERBS


def infinitive_end(view: ParseView, start: int, end: int) -> int:
    """Where an object content ``[start, end)`` ends once a "to"-infinitive right after it,
    which the parse hung on the verb, is taken in, when the object is a noun with a
    possessor: "praised his call to raise the minimum wage", "questioned the senator's
    fitness to lead". The possessor is the one who calls or is fit, so the infinitive
    completes the noun; after other objects it is mostly a purpose clause of the verb's
    subject ("invoked the rising seas to rally his supporters"), which PolNeAR leaves out.
    After "for" the infinitive is the rest of a "for … to" clause: "called for the board to
    publish the minutes", "pressed for the port to lower its fees"; after the one a verb of
    urging or asking addresses it is what they are asked ("called on the board to resign")."""
    found = _object_root(view, start, end)
    if found is None:
        return end
    doc = view.doc
    root, after = doc[found[0]], found[1]
    possessed = root.pos_ == "NOUN" and any(c.dep_ == "poss" for c in root.children)
    if not possessed and not _requested(root):
        return end
    verb = after + 1
    if doc[after].lower_ != "to" or verb >= len(doc):
        return end
    if doc[verb].tag_ == "RB" and verb + 1 < len(doc):
        verb += 1  # "to radically expand"
    head = doc[verb]
    if head.tag_ != "VB" or head.dep_ not in _INFINITIVE_HEADS:
        return end
    if start <= view.idx[head.head.i] < end:
        return end
    last = int(head.right_edge.i)
    while last > verb and doc[last].is_punct:
        last -= 1
    if "\n" in view.text[end : view.end[last]]:
        return end
    return max(end, view.end[last])


_CONDITIONS = frozenset("if unless because".split())
"""Subordinators of a condition or a reason that PolNeAR keeps with the reported clause."""

_INVERTED = frozenset("should had were".split())
"""Auxiliaries that open an inverted condition ("should he win", "had they known")."""


def condition_end(view: ParseView, start: int, end: int) -> int:
    """Where a clause content ``[start, end)`` ends once the condition or reason right after
    it is taken in, when the parse hung that clause outside the content: "said the board
    would resign should the levy pass", "warned it would close the mill unless the port
    cut its fees". The small parser often makes an inverted "should/had/were" condition a
    second complement of the cue, or the sentence's root; PolNeAR keeps the condition with
    what was said. "if", "unless" and "because" only without a comma between (after a
    comma the clause is as often the writer's), an inverted condition also after one."""
    doc = view.doc
    tokens = view.tokens_in(start, end)
    if not tokens or any(ch in _MARKS for ch in view.text[start:end]):
        return end
    inside = set(tokens)
    roots = [i for i in tokens if doc[i].head.i == i or doc[i].head.i not in inside]
    if len(roots) != 1 or doc[roots[0]].pos_ not in ("VERB", "AUX"):
        return end
    after = tokens[-1] + 1
    comma = after < len(doc) and doc[after].text == ","
    after += int(comma)
    if after + 2 >= len(doc):
        return end
    word = doc[after]
    head = word.head
    if word.lower_ in _INVERTED and word.dep_ in ("aux", "auxpass"):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if head.i <= after or not any(after < c.i < head.i for c in subjects):
            return end
    elif comma or word.dep_ != "mark" or word.lower_ not in _CONDITIONS:
        return end
    if head.i in inside or (word.dep_ == "mark" and head.left_edge.i < after):
        return end
    last = int(head.right_edge.i)
    while last > head.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if "\n" in view.text[end : view.end[last]]:
        return end
    return max(end, view.end[last])


def take_in_phrases(view: ParseView, candidates: Sequence[Candidate]) -> None:
    """Extend object contents over the "in", "to", "on" or "with" phrase after them, or a
    "to"-infinitive after a possessed noun, and clause contents over a condition the parse
    hung outside them (see :func:`in_phrase_end`, :func:`object_phrase_end`,
    :func:`infinitive_end` and :func:`condition_end`)."""
    for cand in candidates:
        if cand.kind is QuoteKind.DIRECT or cand.cue is None or len(cand.parts) != 1:
            continue
        a, b = cand.parts[0]
        new_b = in_phrase_end(view, a, b)
        if new_b == b:
            new_b = object_phrase_end(view, a, b)
        if new_b == b:
            new_b = infinitive_end(view, a, b)
        if new_b == b:
            new_b = condition_end(view, a, b)
        cand.parts[0] = (a, new_b)


_MIN_VOUCHED_WORDS = 3
_VOUCHED_CONDITIONS = tuple(
    f", {word} " for word in "unless if because since provided except including so".split()
)
"""What after an "according to X" phrase still belongs to the vouched clause: a condition,
cause or inclusion that changes what X vouches for ("Ames will resign, according to two
aides, unless the board backs her"). Other continuations (", but …", ", even as …", a
participle, an aside) are the writer's: PolNeAR ends the content before them."""
"""A clause before "according to X" shorter than this is a fronted phrase, not a claim."""


def vouched_clause_end(view: ParseView, cand: Candidate) -> list[Range] | None:
    """The content of an "according to X" quote that follows the clause it vouches for,
    or None to leave it. "Turnout rose by 8 percent, according to the county, but the
    count is not final" and "Ida Marsh leads by 90 delegates according to a tally — despite
    losing Ohio" have the clause before the cue as content: X vouches for the clause its
    phrase closes (the parse hangs "according" on that clause's verb), and what follows is
    the writer's. An unclosed "(" before the cue starts the clause. Left whole: "according
    to X" inside the clause ("The next day, according to Ann Lee, the talks resumed": the
    phrase hangs on a verb after it) and an ", and" clause after the phrase, which carries
    the figures on ("…, according to the agency, and 40 more were hurt")."""
    if cand.cue is None or not view.text[cand.cue[0] : cand.cue[1]].lower().startswith("according"):
        return None
    ca = cand.cue[0]
    before = [p for p in cand.parts if p[0] < ca]
    if len(before) != 1:
        return None
    tokens = view.tokens_in(ca, cand.cue[1])
    if not tokens:
        return None
    doc = view.doc
    tok = doc[tokens[0]]
    head = tok.head
    a = before[0][0]
    if head.i >= tok.i or view.idx[head.i] < a or head.pos_ not in ("VERB", "AUX"):
        return None
    rest = view.text[view.end[int(tok.right_edge.i)] :].lstrip(" \u00a0")
    if rest.startswith((", and ", "and ", *_VOUCHED_CONDITIONS)):
        return None  # ", and 40 more were hurt", ", unless …": the clause goes on
    opened = view.text.rfind("(", a, ca)
    if opened >= 0 and ")" not in view.text[opened:ca]:
        a = opened + 1
    new = trim(view.text, a, min(before[0][1], ca))
    if len(view.text[new[0] : new[1]].split()) < _MIN_VOUCHED_WORDS:
        return None
    return None if [new] == cand.parts else [new]


def cut_vouched_clauses(view: ParseView, candidates: Sequence[Candidate]) -> None:
    """End unquoted "according to X" contents with the clause X vouches for (see
    :func:`vouched_clause_end`); a content holding quoted words is left whole."""
    for cand in candidates:
        if cand.kind is not QuoteKind.INDIRECT or any(
            holds_quotation(view.text[a:b]) for a, b in cand.parts
        ):
            continue  # a quoted fragment's extent is the quotation's, not the phrase's
        parts = vouched_clause_end(view, cand)
        if parts is not None:
            cand.parts = parts


def _determined(tok: Any) -> bool:
    """Whether a noun has an article or determiner of its own ("the police chief"): a new
    item of a list, not a second title of the same person ("a former governor and envoy")."""
    return tok.pos_ == "PROPN" or any(c.dep_ in ("det", "poss") for c in tok.children)


_NAMED_ASIDE_HEADS = frozenset("PERSON ORG NORP LAW FAC".split())
"""Entity types of a name whose closing apposition is the writer's: people, bodies, laws,
buildings. Not places ("Lowell, Vermont", "Vardo, the capital": the gold keeps them)."""

_ASIDE_ARTICLES = frozenset("the a an".split())


def closing_name_aside_end(view: ParseView, start: int, end: int) -> int:
    """Where a content ``[start, end)`` ends once a closing apposition on a name inside it is
    cut: "praised the speech of Ivo Marek, the father of a fallen officer", "defended her
    ties to the Harbour Trust, a charity that …" have the content up to the name. The
    apposition ("the …", "a …") tells the reader who is meant, as after a content that is
    one name (:func:`name_end`). Left whole: a content that starts with the name (that is
    :func:`name_end`'s), places, appositions that are not set off by an article ("Heidi
    Marsh, Senator Marsh's wife") and contents with quoted words."""
    tokens = view.tokens_in(start, end)
    if holds_quotation(view.text[start:end]) or len(tokens) < 4:
        return end
    doc = view.doc
    last = tokens[-1]
    while last > tokens[0] and doc[last].is_punct:
        last -= 1
    for i in tokens:
        aside = doc[i]
        name = aside.head
        if aside.dep_ != "appos" or aside.right_edge.i < last or name.i > aside.i:
            continue
        if any(c.dep_ == "conj" and _determined(c) for c in aside.children):
            return end  # "thanked Ivo Marek, the mayor and the police chief": a list
        first = int(aside.left_edge.i)
        if name.pos_ != "PROPN" or name.i not in tokens or doc[first - 1].text != ",":
            continue
        if first - 1 <= tokens[0] + 1 or name.left_edge.i <= tokens[0]:
            return end
        if view.ent_type[name.i] in _NAMED_ASIDE_HEADS and doc[first].lower_ in _ASIDE_ARTICLES:
            return int(view.end[first - 2])
        return end
    return end


def cut_closing_name_asides(view: ParseView, candidates: Sequence[Candidate]) -> None:
    """End a reported content before a closing apposition on a name inside it (see
    :func:`closing_name_aside_end`)."""
    for cand in candidates:
        if cand.kind is QuoteKind.DIRECT or cand.cue is None or len(cand.parts) != 1:
            continue
        a, b = cand.parts[0]
        cand.parts[0] = (a, closing_name_aside_end(view, a, b))
