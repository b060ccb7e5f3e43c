"""Step 4, screen: the precision pass: frames that say nothing was said, and page furniture.

Frames come from the parse alone, so some describe acts that are not statements: a refusal
("declined to comment"), an unanswered request ("did not respond to a request for
comment"), a negated report ("Neither Seoul nor Tokyo has signaled that …"), a passive
expectation with no one expecting ("the repairs are expected to last several hours"), the
anonymity formula ("who asked not to be identified"), an embedded question after a verb of
belief ("you can feel where the click is"). :func:`screen_frames` drops those and marks a
negated statement that still reports content ("did not say that …") as ``negated``.

:func:`screen_candidates` then drops quotations that sit in the headline, the dateline or
page furniture (teasers such as "SEE MORE: …", all-capital headlines), and clears a source
that lies in the dateline ("BUFFALO, N.Y. (AP) —" is nobody's name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from communique.extractors.quotes.candidates import Candidate, Frame, Range
from communique.extractors.quotes.findings import finding_source
from communique.extractors.quotes.lexicon import (
    ANONYMITY_VERBS,
    ARTEFACT_VERBS,
    FINITE_TAGS,
    FURNITURE_LABELS,
    HOLDING_BACK,
    NAMING,
    REFUSAL_VERBS,
    REPORTING,
    SAYING_ACTS,
    SHORT_OF,
    SPEECH,
    STANCE_NOUNS,
    TITLE_HEADS,
    TOPIC_VERBS,
    lemma_of,
)
from communique.extractors.quotes.marks import QUOTE_MARKS
from communique.parse import ParseView, looks_like_headline

_NEGATIVE_SUBJECTS = frozenset("nobody none neither no-one noone".split())
_WH_WORDS = frozenset("where how what when why whether which who if".split())
_SENSING = frozenset("feel sense".split())
"""Belief verbs that also name a sensation: with an embedded question ("you can feel where
the click is") they describe what is sensed, not a claim. Other belief verbs keep theirs:
PolNeAR annotates "How do you know when …" as content."""
_FORECASTS = frozenset("expect project forecast".split())
"""In the passive with no agent ("are expected to last several hours") nobody forecasts."""
_ORDERS = frozenset({"order"})
"""The directive that in the passive with no agent reports a measure, not words ("were
ordered to leave"); an agentless "was instructed to start singing" is annotated in PolNeAR."""
_APPEALS = frozenset("ask urge encourage request".split())
"""Requests that, in the passive to "anyone", are a public appeal (a tip line), not words."""
_ANYONE = frozenset("anyone anybody whoever".split())


def _anyone_subject(tok: Any) -> bool:
    """Whether the passive's subject is "anyone" ("Anyone with information is asked …")."""
    return any(c.dep_ == "nsubjpass" and c.lower_ in _ANYONE for c in tok.children)


_PEOPLE_NOUNS = frozenset(
    """
    candidate official leader president voter delegate member lawmaker senator governor
    minister people group party company government campaign
    """.split()
)
"""Nouns for actors: "the candidates are expected to speak" is about them."""
_REPLIES = frozenset("comment respond reply answer".split())
"""Verbs of replying: negated, with an object ("has not commented on the surrenders"),
nothing was said."""
_UNANSWERED = frozenset(
    "request requests question questions message messages call calls response comment".split()
)
"""Objects of a negated reply ("did not respond to a request for comment", "did not offer a
response"): nothing was said."""

_FURNITURE = re.compile(
    r"^\s*(see more|see also|don'?t miss|don’t miss|read more|read also|also read|related|"
    r"more|watch|listen|recommended|trending|most read|photos?|video|advertisement|"
    r"sign up|subscribe|follow us|editor'?s note|editor’s note)\b\s*([:|»>-]|$)",
    re.IGNORECASE,
)
"""Labels that open a teaser, a related-link box or a caption, not a paragraph of news."""


def _negation(view: ParseView, tok: Any) -> str:
    """How the cue is negated: "none" (no one said it), "not" (it was not said), or ""."""
    doc = view.doc
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            words = {doc[i].lower_ for i in range(int(child.left_edge.i), int(child.i) + 1)}
            if words & _NEGATIVE_SUBJECTS or any(
                c.dep_ == "det" and c.lower_ == "no" for c in child.children
            ):
                return "none"
    if any(c.dep_ == "neg" for c in tok.children) or _held_back(tok) or _none_of(tok):
        return "not"
    return ""


def _none_of(tok: Any) -> bool:
    """A noun cue with "no" ("has no plans to raise fares", "made no promise to …"): what
    the noun names was not made."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _held_back(tok: Any) -> bool:
    """Whether the act of ``tok`` is one the subject held back from: "stopped short of
    calling for …", "refrained from criticising …", "avoided saying whether …"."""
    head = tok.head
    if tok.dep_ == "xcomp":
        return tok.tag_ == "VBG" and lemma_of(head) in HOLDING_BACK
    if tok.dep_ != "pcomp" or head.dep_ != "prep":
        return False
    holder = head.head
    if head.lower_ == "from":
        return lemma_of(holder) in HOLDING_BACK
    return head.lower_ == "of" and holder.lower_ == "short" and lemma_of(holder.head) in SHORT_OF


def _predicate_taken(tok: Any) -> bool:
    """A participle on a noun the parser made the sentence's root, whose "clause" holds the
    only finite verb: the sentence's own predicate was read as what was said ("An amendment
    adding that requirement passed 6-1": "adding" is not a report there)."""
    head = tok.head
    if tok.tag_ != "VBG" or tok.dep_ != "acl" or head.dep_ != "ROOT":
        return False
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ == "ccomp" and c.tag_ in ("VBD", "VBZ", "VBP") for c in tok.children)


_IDENTITY = frozenset({"name", "identity", "surname"})
_ASKED = frozenset({"question", "inquiry", "enquiry", "query", "request", "call"})
"""What a body refers elsewhere when it answers nothing itself."""


def _opens(tok: Any) -> bool:
    """First word of its sentence or of what follows a colon: where an imperative stands."""
    return bool(tok.i == tok.sent.start or tok.nbor(-1).text == ":")


def _name_withheld(tok: Any) -> bool:
    """ "asked that her last name not be used / published": a negated clause whose subject
    is the speaker's name is a request for anonymity, nothing reported."""
    for comp in tok.children:
        if comp.dep_ != "ccomp" or not any(c.dep_ == "neg" for c in comp.children):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_ in _IDENTITY for c in comp.children):
            return True
    return False


def _says_nothing(view: ParseView, frame: Frame, tok: Any) -> bool:
    """The frame reports an act that conveyed nothing, or is no statement at all."""
    lemma = lemma_of(tok)
    deps = {c.dep_ for c in tok.children}
    if tok.dep_ == "xcomp" and lemma_of(tok.head) in REFUSAL_VERBS and lemma in SAYING_ACTS:
        return True  # the "comment" of "declined to comment on the lawsuit"
    if _predicate_taken(tok):
        return True  # "An amendment adding that rule passed 6-1": "passed" is the sentence's
    if frame.attachment == "xcomp":
        comp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if comp is not None:
            if lemma in REFUSAL_VERBS and lemma_of(comp) in SAYING_ACTS:
                return True  # "declined to comment", "refused to say whether …"
            if lemma_of(comp) in ANONYMITY_VERBS and (
                lemma in REFUSAL_VERBS
                or "neg" in deps
                or any(c.dep_ == "neg" for c in comp.children)
            ):
                return True  # "asked not to be identified", "did not wish to be named"
        if lemma in _FORECASTS and "agent" not in deps and _thing_subject(view, tok):
            return True  # "the repairs are expected to last several hours": no one expects
        if lemma in _ORDERS and "nsubjpass" in deps and "agent" not in deps:
            return True  # "6,500 people were ordered to leave": an order with no one giving it
        if lemma in _APPEALS and "agent" not in deps and _anyone_subject(tok):
            return True  # "Anyone with information is asked to call": a tip-line appeal
    if lemma in _APPEALS and _name_withheld(tok):
        return True  # "asked that her last name not be used": the anonymity formula
    if lemma in NAMING and tok.tag_ == "VB" and not deps & {"nsubj", "aux"} and _opens(tok):
        return True  # "Hotline: call 929 free of charge": an instruction, no one naming
    if lemma == "refer" and any(c.dep_ == "dobj" and c.lemma_ in _ASKED for c in tok.children):
        return True  # "referred all questions to the foreign ministry": passed on, not answered
    if lemma == "deny" and "auxpass" in deps and "dobj" in deps:
        return True  # "after being denied a ticket", "was denied bail": refused a thing
    if (
        frame.attachment in ("dobj", "prep")
        and tok.tag_ == "VBG"
        and tok.dep_ == "advcl"
        and tok.i < tok.head.i
        and lemma_of(tok.head) in SPEECH
    ):
        return True  # "Referring to the talks, Brandt said …": it frames what was said
    if (
        frame.attachment in ("dobj", "prep")
        and lemma in TOPIC_VERBS
        and _bare(view, frame)
        and not (lemma in _CONVEYING and _stance(view, frame))
        and not _survey_finding(tok)
        and not _characterised(view, frame, tok)
    ):
        return True  # "discussed the economy", "warned of a backlash": a topic, not words
    if frame.attachment == "ccomp" and lemma in _SENSING and frame.content:
        first = view.token_at(frame.content[0][0])
        if view.lower[first] in _WH_WORDS:
            return True  # "you can feel where the click is": a sensation, not a claim
    return False


_CONVEYING = frozenset("offer express voice discuss signal cite".split())
"""Topic verbs that convey their object ("expressed support"); "released a statement" or
"issued a warning" hand over an artefact, whose words are not the object."""


def _bare(view: ParseView, frame: Frame) -> bool:
    """Content that is a plain noun phrase: no clause (finite verb or to-infinitive) and no
    quotation mark in it; "a working lunch" is still a noun phrase."""
    for a, b in frame.content:
        if any(ch in '“”"«»' for ch in view.text[a:b]):
            return False
        for i in view.tokens_in(a, b):
            if view.tag[i] in FINITE_TAGS or (view.lower[i] == "to" and view.dep[i] == "aux"):
                return False
            if view.pos[i] == "VERB" and view.dep[i] in ("acl", "ccomp", "xcomp", "advcl"):
                return False  # a small clause: "polls show Pruitt leading by two points"
    return True


def _stance(view: ParseView, frame: Frame) -> bool:
    """The content's head noun names a stance or something said ("his assessment of the
    game", "their support for Trump"): what was conveyed, not a topic."""
    for a, b in frame.content[:1]:
        for i in view.tokens_in(a, b):
            if view.pos[i] == "NOUN" and view.doc[i].head.i not in view.tokens_in(a, b):
                return lemma_of(view.doc[i]) in STANCE_NOUNS
    return False


def _survey_finding(tok: Any) -> bool:
    """ "A CNN poll showed a one-point difference", "the figures show a slimmer lead": a
    survey's finding is content even as a bare noun phrase; "the senator has shown little
    interest" is a display, screened as before."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and finding_source(subj)


def _characterised(view: ParseView, frame: Frame, tok: Any) -> bool:
    """ "identified Clinton's Wall Street ties as her biggest weakness", "cites them as
    evidence of …": an object with the "as" phrase that characterises it is a view stated,
    not a topic. Verbs handing over an artefact ("issued subpoenas as part of an inquiry")
    characterise nothing, nor does "as part of", nor a role held ("discussed the economy
    as governor of Ohio", "cited the report as secretary of state")."""
    if lemma_of(tok) in ARTEFACT_VERBS:
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and not any(g.dep_ == "pobj" and (g.lower_ == "part" or _role(g)) for g in c.children)
        and any(a <= view.doc[int(c.i)].idx < b for a, b in frame.content)
        for c in tok.rights
    )


def _role(tok: Any) -> bool:
    """A noun naming a title or role held ("governor", "secretary", "candidate")."""
    return tok.pos_ in ("NOUN", "PROPN") and (
        tok.lower_ in TITLE_HEADS or lemma_of(tok) in TITLE_HEADS
    )


def _thing_subject(view: ParseView, tok: Any) -> bool:
    """The passive subject of a forecast is a thing, not an actor: "the repairs are expected
    to …" is nobody's forecast, while PolNeAR annotates "Trump is expected to …" and "the
    candidates are expected to …" (people expected to act) as attributions."""
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return False
    i = int(subj.i)
    return view.pos[i] == "NOUN" and not view.ent_type[i] and lemma_of(subj) not in _PEOPLE_NOUNS


def _unanswered(view: ParseView, frame: Frame) -> bool:
    """A negated reply to a request: "did not respond to a request for comment"."""
    if frame.attachment not in ("dobj", "prep") or not frame.content:
        return False
    if lemma_of(view.doc[frame.cue_token]) in _REPLIES:
        return True
    head = view.tokens_in(*frame.content[0])
    return any(view.lower[i] in _UNANSWERED and view.dep[i] in ("pobj", "dobj") for i in head[:4])


def _dateline_colon(view: ParseView, frame: Frame) -> bool:
    """The colon of a dateline ("JODHPUR: Chief Minister … accused"), not a speaker's label."""
    dateline = view.dateline
    return dateline is not None and dateline.span.start <= frame.cue[0] < dateline.span.end


def _clip_dateline(view: ParseView, frame: Frame) -> None:
    """Content and source start after the dateline: "TOLEDO, Ohio (AP) — “…,” he said"."""
    if view.dateline is None:
        return
    start, end = view.dateline.span.start, view.dateline.span.end
    while end < len(view.text) and view.text[end].isspace():
        end += 1
    frame.content = [
        (max(a, end), b) if a < end <= b or start <= a < end else (a, b) for a, b in frame.content
    ]
    frame.content = [(a, b) for a, b in frame.content if b > a]
    if frame.source is not None and frame.source[0] < end and frame.source[1] > start:
        head = frame.source_token
        if head is not None and view.idx[head] < end:
            # "HANOI (AP) — Vietnam's trade minister … said": the parse made the dateline
            # the subject and the speaker its apposition
            head = next(
                (
                    int(c.i)
                    for c in view.doc[head].children
                    if c.dep_ == "appos" and view.idx[c.i] >= end
                ),
                None,
            )
        if head is not None and frame.source[1] > end:
            frame.source, frame.source_token = (end, frame.source[1]), head
        else:
            frame.source, frame.source_token = None, None


def screen_frames(view: ParseView, frames: Sequence[Frame]) -> list[Frame]:
    """The frames that report something said or thought, negated ones marked."""
    kept: list[Frame] = []
    silent: list[Range] = []
    doc = view.doc
    for frame in frames:
        tok = doc[frame.cue_token]
        _clip_dateline(view, frame)
        if frame.attachment == "colon":
            if not _label_line(view, frame) and not _dateline_colon(view, frame):
                kept.append(frame)
            continue
        if _reported_clause_aside(view, frame, tok) or _hyphenated(view, frame.cue_token):
            continue
        _cut_own_cue(view, frame)
        negation = _negation(view, tok)
        if (
            _says_nothing(view, frame, tok)
            or (negation == "none" and frame.content)
            or (negation and _unanswered(view, frame))
        ):
            # "declined to comment", "Neither Washington nor Moscow has signaled that …",
            # "did not respond to a request": nothing was said, nor anything inside it
            silent.extend(frame.content)
            continue
        frame.negated = negation == "not"
        kept.append(frame)
    return [f for f in kept if not any(a <= f.cue[0] < b for a, b in silent)]


_DEGREE_WORDS = frozenset(
    "well best better little least lesser long much most ill oft widely".split()
)
"""Degree adverbs that make a participle an adjective ("best-known", "little-noticed")."""


def _hyphenated(view: ParseView, cue: int) -> bool:
    """A cue word that ends a hyphenated adjective of degree ("the best-known of four
    candidates", "a long-promised review"): a modifier, not a verb that reports. Not
    "self-described" or "re-tweeted", which do report."""
    return (
        cue >= 2
        and view.words[cue - 1] == "-"
        and view.lower[cue - 2] in _DEGREE_WORDS
        and view.idx[cue - 1] + 1 == view.idx[cue]
        and view.end[cue - 2] == view.idx[cue - 1]
    )


def _reported_clause_aside(view: ParseView, frame: Frame, tok: Any) -> bool:
    """A "parenthetical" whose host is a verb of saying that takes the cue's clause as its
    complement: "She said, if elected, she would ask …", "Officials reported that during
    the visit, the minister repeated his request": the cue's clause is what was said, not a
    comment on "She said" (the saying verb's own frame reports it)."""
    head = tok.head
    return (
        frame.attachment == "parataxis"
        and tok.dep_ == "ccomp"
        and head.i < tok.i
        and lemma_of(head) in REPORTING
        and _own_subject(head)
    )


def _own_subject(tok: Any) -> bool:
    """Whether ``tok`` has a subject of its own (not one borrowed from its head)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


_FRONTED_WORDS = frozenset("what which who whom that whatever where when why how".split())
"""The relative or question words a content clause fronts before its own cue."""


def _cut_own_cue(view: ParseView, frame: Frame) -> None:
    """ "what many analysts said was a sign of …", "which the probe said were covered up":
    a content clause whose fronted relative or question word the parse put before its own
    cue holds the cue and its source; they are cut out, leaving the word and the rest
    (PolNeAR marks the content as those two parts). Without the cut the frame's cue lies in
    its own content and the frame is dropped as nested."""
    cut_end = frame.cue[1]
    parts: list[Range] = []
    for a, b in frame.content:
        cut_start = frame.cue[0]
        if frame.source is not None and a < frame.source[0] and frame.source[1] <= cut_start:
            cut_start = frame.source[0]
        if not a < cut_start < cut_end < b:
            parts.append((a, b))
            continue
        left = view.text[a:cut_start].rstrip(" ,")
        words = left.split()
        if words and words[0].lower() not in _FRONTED_WORDS:
            parts.append((a, b))  # "progress appears to …": a subject, not a fronted word
            continue
        right = view.text[cut_end:b]
        pad = len(right) - len(right.lstrip(" ,"))
        if left:
            parts.append((a, a + len(left)))
        if b > cut_end + pad:
            parts.append((cut_end + pad, b))
    frame.content = [p for p in parts if not any(_strictly_within(p, o) for o in parts)]


def _strictly_within(part: Range, other: Range) -> bool:
    """Whether ``part`` lies strictly inside ``other`` (an appearance frame's second part)."""
    return part != other and other[0] <= part[0] and part[1] <= other[1]


_STATEMENT_TAGS = FINITE_TAGS | {"VB"}
"""Tags of the verbs that make a statement (finite, modal or imperative)."""


def _label_line(view: ParseView, frame: Frame) -> bool:
    """A "Label: value" line that is page furniture, not a speaker's words: a furniture
    label (``lexicon.FURNITURE_LABELS``), or a value with no verb that lists three or more
    items (a team's line-up, a roster of names) or holds an e-mail address. Interviewers'
    questions ("Q: What changed?") and headline-style lines without a verb ("Poll: Mayor
    Holds Wide Lead In Harbour Race.") stay: PolNeAR annotates both (train a and c). On
    train a, b, c the rule removes 7 predictions, all wrong (rosters, "BYLINE:", "Paid
    Notice:")."""
    text = view.text
    if frame.source is not None and FURNITURE_LABELS.fullmatch(
        text[frame.source[0] : frame.source[1]].strip(" .*")
    ):
        return True
    if any(
        view.tag[i] in _STATEMENT_TAGS and view.lower[i][:1].isalpha()
        for a, b in frame.content
        for i in view.tokens_in(a, b)
    ):
        return False
    value = " ".join(text[a:b] for a, b in frame.content)
    return value.count(",") >= 2 or "@" in value


def _furniture(view: ParseView, top: list[Range]) -> list[Range]:
    """Character ranges where no quote or speaker may come from.

    A teaser box is a label paragraph ("SEE MORE", "DON'T MISS") followed by link lines
    ("Health: Coffee after 3pm: how bad is it really?"): short paragraphs that end without a
    full stop, up to the next paragraph of prose.
    """
    ranges: list[Range] = list(top)
    if view.dateline is not None:
        ranges.append((view.dateline.span.start, view.dateline.span.end))
    in_box = False
    for start, end in view.paragraph_ranges:
        para = view.text[start:end].strip()
        letters = [ch for ch in para if ch.isalpha()]
        shouting = len(letters) >= 12 and not any(ch.islower() for ch in letters)
        link_line = len(para.split()) <= 20 and not para.endswith((".", "”", '"', ":"))
        if _FURNITURE.match(para):
            in_box = True
        elif not (in_box and link_line):
            in_box = False
        if shouting or in_box:
            ranges.append((start, end))
    return ranges


def _top_matter(view: ParseView) -> list[Range]:
    """The lines above the body that read as headings: a section label ("HEALTH"), the
    headline, a deck ("Researchers say the findings need a trial"), a time line. A headline
    written as a sentence, full stop included, reports like one (PolNeAR annotates "Clinton
    calls Obamacare ‘crazy system’ during campaign stop."), and so does the body."""
    top: list[Range] = []
    for start, end in view.paragraph_ranges:
        if not looks_like_headline(view.text[start:end]):
            break
        top.append((start, end))
    return top if view.headline is not None or len(top) > 1 else []


def _inside(rng: Range, ranges: Sequence[Range]) -> bool:
    return any(a <= rng[0] and rng[1] <= b for a, b in ranges)


def _quoted_colon(view: ParseView, cand: Candidate) -> bool:
    """A headline "Name: ‘quoted words’" line: the quotation marks say these are the named
    source's words (PolNeAR annotates them), unlike "Julian Assange: Sweden drops rape
    investigation", which is news about the name."""
    if cand.cue is None or cand.source is None or view.text[cand.cue[0] : cand.cue[1]] != ":":
        return False
    text = view.text
    marked = any(
        text[i] in QUOTE_MARKS and not _apostrophe(text, i)
        for a, b in cand.parts
        for i in range(max(0, a - 1), min(len(text), b + 1))
    )
    return marked or any(
        view.lower[i] in _FIRST_PERSON
        for a, b in cand.parts
        for i in range(view.token_at(a), view.token_at(max(a, b - 1)) + 1)
    )


_FIRST_PERSON = frozenset("i me my we us our".split())
"""Words that make an unmarked "Name: words" headline the name's own words ("Rubio: I'm
Not Interested In Being Vice President")."""


def _apostrophe(text: str, i: int) -> bool:
    """A mark between two letters ("Trump’s", "don't") is an apostrophe, not a quotation."""
    return (
        text[i] in "’'"
        and 0 < i < len(text) - 1
        and text[i - 1].isalpha()
        and text[i + 1].isalpha()
    )


def screen_candidates(view: ParseView, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Candidates outside the headline, dateline and furniture; no source in the dateline."""
    top = _top_matter(view)
    ranges = _furniture(view, top)
    if not ranges:
        return list(candidates)
    kept: list[Candidate] = []
    for cand in candidates:
        if _inside((cand.start, cand.start + 1), ranges) and not (
            _inside((cand.start, cand.start + 1), top) and _quoted_colon(view, cand)
        ):
            continue
        if cand.source is not None and _inside(cand.source, ranges):
            cand.source, cand.source_token = None, None
        kept.append(cand)
    return kept


__all__ = ["screen_candidates", "screen_frames"]
