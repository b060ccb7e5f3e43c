"""Data: the reporting lexicon: which lemmas signal that content is attributed to a source.

Lemmas, not word forms, so "said", "says", "saying" and "has said" all match ``say``, and a
speaker whose verb is merely unusual ("quipped", "fumed") is still found. The lists follow
PolNeAR's notion of attribution: statements, beliefs, intentions, decrees and evidence, not
only speech. Each class says how the content attaches, because a verb that takes a clause
("said that …") is much safer than one that takes a noun phrase ("denied the report").

- :data:`SPEECH`: verbs of saying and writing; content is a clause, with or without "that",
  before or after the verb ("…, officials said"), or a direct quotation.
- :data:`COGNITION`: verbs of belief, knowledge and expectation; clause content only.
- :data:`EVIDENCE`: artefact verbs (a report *shows* that …); clause content only.
- :data:`INTENTION`: verbs whose content is a to-infinitive ("vowed to fight").
- :data:`OBJECT_CONTENT`: verbs whose direct object is what was said ("denied the claims").
- :data:`NAMING`: verbs that attribute a characterisation ("called the test “reckless”").
- :data:`QUOTE_ONLY`: manner verbs that attribute only a direct quotation
  ("“Never,” he laughed"); on their own they are actions.
- :data:`PREP_CONTENT`: verbs whose content follows a preposition ("called for a truce").
- :data:`NOUN_CUES`: nouns of saying whose "that" clause is content ("his claim that …").
- :data:`ADJECTIVE_CUES`: predicative adjectives of attitude and their complement
  ("was critical *of the deal*", "is confident *that …*", "was quick *to dismiss it*").

Besides the hand-written lists, each class takes the cues of the generated cue table
(:func:`communique.knowledge.verbs.cue_complements`): lemmas that PolNeAR train annotates as
attribution cues in most of their occurrences with one complement. The long tail too rare to
count comes from WordNet (:func:`communique.knowledge.verbs.word_senses`):
:data:`WORDNET_OBJECT` and :data:`WORDNET_CLAUSE` (verbs kin to judging and stating verbs)
and :data:`CONVEYED_NOUNS` (nouns of saying, thinking and feeling after a light verb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from communique.knowledge import verbs as _V
from communique.knowledge.titles import TITLES as _TITLES
from communique.knowledge.titles import head_of as _title_head
from communique.knowledge.verbs import VerbClass, VerbLexicon


@dataclass(frozen=True)
class ReportingVerbs:
    """The cue verbs by class, read from a knowledge base's :class:`VerbLexicon`, so verbs a
    plugin registers through ``communique_register_knowledge`` reach the quote layer.

    Speech and writing verbs take a clause or a quotation, belief verbs a clause, evidence
    verbs a clause or a finding, action verbs only a direct quotation. Perception verbs are
    read for no class: what someone saw or heard is not something they said.

    Example:
        >>> verbs = VerbLexicon()
        >>> verbs.add(["say"], VerbClass.SPEECH); verbs.add(["hear"], VerbClass.PERCEPTION)
        >>> sorted(ReportingVerbs.of(verbs).speech), ReportingVerbs.of(verbs).belief
        (['say'], frozenset())
    """

    speech: frozenset[str]
    belief: frozenset[str]
    evidence: frozenset[str]
    action: frozenset[str]

    @classmethod
    def of(cls, verbs: VerbLexicon) -> ReportingVerbs:
        """The classes of ``verbs``; the built-in ones when it is empty (a bare knowledge
        base, as in ``Pipeline(entry_points=False)`` without the built-in plugin)."""
        if not len(verbs):
            verbs = _V.builtin_lexicon()
        return cls(
            speech=verbs.lemmas(VerbClass.SPEECH, VerbClass.WRITING),
            belief=verbs.lemmas(VerbClass.BELIEF),
            evidence=verbs.lemmas(VerbClass.EVIDENCE),
            action=verbs.lemmas(VerbClass.ACTION),
        )


BUILTIN_VERBS: ReportingVerbs = ReportingVerbs.of(_V.builtin_lexicon())
"""The built-in cue verbs, for callers with no knowledge base (the core's tests, scripts)."""

TENSED_TAGS: frozenset[str] = frozenset(("VBD", "VBZ", "VBP"))
"""Penn tags of a verb that carries tense itself ("said", "says", "say"): a finite verb, not a
participle, infinitive or modal."""
FINITE_TAGS: frozenset[str] = TENSED_TAGS | {"MD"}
"""Tags that make a clause finite: a tensed verb or a modal ("will", "could")."""

SPEECH: frozenset[str] = _V.SPEECH | _V.WRITING

COGNITION: frozenset[str] = _V.BELIEF
"""Verbs of belief. Perception verbs ("heard the sirens start", "saw that …") never cue a
quote: what someone perceived is not something they said or held."""

REPORTING: frozenset[str] = SPEECH | COGNITION
"""Verbs whose subject is the one reported (speech, writing and belief): the source of a
clause they govern, and of a pronoun subject inside it."""

EVIDENCE: frozenset[str] = _V.EVIDENCE

_PREP_HAND: dict[str, frozenset[str]] = {
    lemma: frozenset(preps.split(","))
    for lemma, preps in (
        ("talk", "about,of"),
        ("speak", "about,of,on"),
        ("refer", "to"),
        ("call", "for,on"),
        ("point", "to"),
        ("rail", "against"),
        ("push", "for"),
        ("advocate", "for"),
        ("apologize", "for"),
        ("apologise", "for"),
        ("vouch", "for"),
        ("warn", "of,about,against"),
        ("complain", "about,of"),
        ("ask", "about,for"),
        ("comment", "on"),
        ("argue", "for,against"),
        ("testify", "about"),
        ("write", "about,of"),
        ("joke", "about"),
        ("boast", "about,of"),
        ("worry", "about"),
        ("insist", "on"),
        ("hint", "at"),
        ("allude", "to"),
        ("lash", "at"),
        ("side", "with"),
        ("pivot", "to"),
        ("campaign", "for,against,on"),
        ("plead", "for,with"),
        ("lobby", "for,against"),
        ("fight", "for,against"),
        ("object", "to"),
        ("agree", "on,with"),
        ("respond", "to"),
        ("reply", "to"),
        ("react", "to"),
        ("criticize", "for"),
        ("praise", "for"),
        ("blame", "for"),
        ("accuse", "of"),
        ("elaborate", "on"),
        ("reflect", "on"),
        ("weigh", "in,on"),
        ("remark", "on"),
        ("tweet", "about"),
        ("think", "about,of"),
        ("care", "about"),
        ("know", "about,of"),
        ("dream", "of,about"),
        ("brag", "about"),
        ("vote", "for,against"),
    )
}
"""Hand-written verbs whose content follows a preposition (see :data:`PREP_CONTENT`)."""

INTENTION: frozenset[str] = frozenset(
    """
    want plan intend hope promise vow pledge refuse decline threaten seek aim wish vow agree
    offer urge ask vow expect prefer propose demand seem appear encourage push vote
    """.split()
) | (_V.complements_of("verb", "to") - frozenset(_PREP_HAND))
"""Verbs whose to-infinitive is content ("vowed to fight"). A table verb that also has a
hand-written prepositional frame keeps that frame: "called on Congress to act" is the call
on Congress, not a call to act (the table counts "call to" only without the preposition,
but the infinitive frame is tried first)."""

_OBJECT_HAND: frozenset[str] = frozenset(
    """
    deny announce reject endorse criticize criticise condemn praise support oppose propose
    confirm dismiss question dispute defend blame accuse describe predict welcome
    acknowledge admit reveal disclose cite express attack discuss blast denounce slam mock
    highlight portray list thank remind identify echo compare voice publish reference quote
    decry applaud underscore credit invoke congratulate detail outline chide paint disavow
    contrast characterize characterise recite retweet rebut liken chant attribute rebuke
    assail articulate tout lambaste ridicule deride tweet release issue note mention recall
    emphasize stress show report ask offer signal back name
    """.split()
)

OBJECT_TABLE: frozenset[str] = _V.complements_of("verb", "dobj") - _OBJECT_HAND
"""Object verbs from the generated cue table ("reiterated", "hailed") and no hand-written
list: for them a noun cue object with its own clause ("reiterated his claim that …") yields
the noun's frame. For the hand-written verbs PolNeAR train annotates the whole object
("rejected the notion that …"; measured: taking the noun's clause there loses 8 strict
matches on 400 train articles), also when the table lists them."""

OBJECT_CONTENT: frozenset[str] = _OBJECT_HAND | OBJECT_TABLE

CLAUSE_CUES: frozenset[str] = _V.complements_of("verb", "that")
"""Verbs outside the speech and belief classes whose "that" clause is content ("recognized
that the plan had failed"); nothing else they govern is."""

VIEWING: frozenset[str] = _V.complements_of("verb", "as")
"""Verbs of regarding: "sees Cruz as a uniter" attributes the characterisation, object and
"as" phrase together; without the "as" phrase ("saw the truck") nothing is attributed."""
DEPICTING: frozenset[str] = VIEWING | frozenset(
    "describe depict characterize characterise paint present frame label brand hail tout".split()
)
"""Verbs whose object and "as" predicate together are what was said ("described X as Y")."""

_NON_PREP = frozenset({"dobj", "to", "that", "as", "gerund"})


RAISING: frozenset[str] = frozenset("seem appear".split())
"""Verbs of appearance: "X seems to …" attributes the whole clause to no one in particular."""


def _table(pos: str, *, prepositions_only: bool) -> dict[str, frozenset[str]]:
    """Lemma → complements of part of speech ``pos`` in the generated cue table (the
    table's ``prep_to``, the preposition, becomes "to", the word the frames look for).
    :data:`RAISING` verbs are left out: their appearance frame alone decides "seems like
    X" (it refuses an expletive subject, which a prepositional frame would take back)."""
    found: dict[str, set[str]] = {}
    for c in _V.cue_complements():
        if pos == "verb" and c.lemma in RAISING:
            continue
        if c.pos == pos and not (prepositions_only and c.complement in _NON_PREP):
            found.setdefault(c.lemma, set()).add(c.complement.removeprefix("prep_"))
    return {k: frozenset(v) for k, v in found.items()}


def _merged(
    table: dict[str, frozenset[str]], extra: dict[str, frozenset[str]]
) -> dict[str, frozenset[str]]:
    """``table`` with ``extra``'s complements added to each lemma's (new lemmas last)."""
    out = dict(table)
    for lemma, complements in extra.items():
        out[lemma] = out.get(lemma, frozenset()) | complements
    return out


DESIRE: frozenset[str] = frozenset("want prefer".split())
"""Verbs of wanting whose noun-phrase object is what is wanted ("Palestinians want East
Jerusalem for their state", "voters preferred Clinton"): PolNeAR annotates the wish as an
attribution, as it does the to-infinitive of :data:`INTENTION` ("want to win")."""

PREP_CONTENT: dict[str, frozenset[str]] = _merged(
    _PREP_HAND, _table("verb", prepositions_only=True)
)
"""Verbs whose content is the object of a preposition ("referred to the deal", "called
for a ceasefire"); the cue then includes the preposition, as PolNeAR's does."""

SETTINGS: frozenset[str] = frozenset(
    "condition behalf background camera phone telephone television radio air".split()
)
"""Heads of a phrase that says how or for whom someone spoke, not about what ("spoke on
the condition of anonymity", "spoke on behalf of the senator", "spoke on background",
"spoke on the phone"): the object of a cue's preposition with such a head is no content."""

WORKS: frozenset[str] = frozenset(
    """
    book memoir novel biography autobiography film movie documentary show program programme
    series episode album song play musical column essay podcast newsletter magazine newspaper
    broadcast segment
    """.split()
)
"""Nouns of a work that a quoted title names ("in his 2012 book, “An American Son.”", "the
show “Face the Nation”"): the quotation after one is the work's name, not anybody's words."""

NAMING: frozenset[str] = frozenset("call brand label dub term".split())
"""Verbs that attribute a characterisation ("called him “a con artist”"); content is the
object with its predicate, never the object alone."""

QUOTE_ONLY: frozenset[str] = _V.ACTION

NOUN_CUES: frozenset[str] = frozenset(
    """
    statement claim assertion view belief warning argument promise pledge report
    announcement suggestion allegation accusation charge insistence contention assessment
    conclusion admission denial remark comment prediction assurance message opinion
    hope fear concern notion idea suspicion expectation worry testimony
    """.split()
) | _V.complements_of("noun", "that")

NOUN_PREP_CONTENT: dict[str, frozenset[str]] = _merged(
    {
        lemma: frozenset(preps.split(","))
        for lemma, preps in (
            ("criticism", "of"),
            ("support", "for"),
            ("call", "for"),
            ("praise", "for"),
            ("opposition", "to"),
            ("demand", "for"),
            ("concern", "about,over"),
            ("warning", "about,of,against"),
            ("endorsement", "of"),
            ("condemnation", "of"),
            ("denial", "of"),
            ("rejection", "of"),
            ("defense", "of"),
            ("defence", "of"),
            ("attack", "on"),
            ("accusation", "of"),
            ("allegation", "of"),
            ("promise", "of"),
            ("plea", "for"),
            ("appeal", "for"),
            ("push", "for"),
            ("description", "of"),
        )
    },
    _table("noun", prepositions_only=True),
)
"""Nouns of saying whose content follows a preposition ("her criticism of the deal")."""

WILL_NOUNS: frozenset[str] = frozenset(
    "plan proposal decision desire refusal intention reluctance unwillingness".split()
)
"""Nouns of deciding, proposing and (un)willingness, the nominal forms of :data:`INTENTION`
verbs ("planned to", "decided to", "refused to"): their to-infinitive is the course of action
held ("her plan to cut taxes", "the council's decision not to appeal"), as the verb's is.
PolNeAR train annotates about half of them (a+b+c, new contents right / wrong: plan 20 / 18,
decision 10 / 15, proposal 8 / 8, desire, refusal, reluctance 10 / 3); "effort", "attempt",
"chance", "ability", "need" to … are far below that and stay out."""

NOUN_INTENTIONS: frozenset[str] = (
    _V.complements_of("noun", "to") | frozenset("vow threat call request".split()) | WILL_NOUNS
)
"""Nouns of committing and demanding whose to-infinitive is content ("his promise to cut
taxes", "her call to boycott"); the table gives promise and pledge, the rest are their
speech-act kin, too rare in train to be counted."""

SAYING_NOUNS: frozenset[str] = (
    NOUN_CUES
    | frozenset(NOUN_PREP_CONTENT)
    | frozenset("call question point line word argument demand mantra refrain theme".split())
)
"""Nouns that name something said ("claim", "call", "criticism", "mantra")."""

STANCE_NOUNS: frozenset[str] = SAYING_NOUNS | frozenset(
    """
    assessment thought review view opinion condolence congratulation apology support praise
    gratitude thanks sympathy regret opposition frustration outrage dismay disappointment
    objection reservation doubt skepticism confidence optimism position stance
    """.split()
)
"""Nouns that name a stance or something said: as the object of a topic verb ("offered his
assessment of …", "expressed their support for Trump") they are content, not a topic."""

QUESTIONING: frozenset[str] = frozenset("ask wonder question inquire enquire".split())
"""Verbs of asking: an "if"/"whether" clause after them is the question asked ("asked if
he had been bullied"), though the parser reads it as a condition."""

REPEATING: frozenset[str] = frozenset("repeat reprise".split())
"""Verbs of repeating: their object is content only when it names something said
("repeated his claim that …"); "repeated the landing" repeats an act."""

_ATTITUDES = (
    (
        "that",
        "confident hopeful optimistic pessimistic concerned worried skeptical sceptical "
        "adamant convinced upset angry pleased disappointed frustrated glad certain",
    ),
    (
        "about",
        "concerned worried upbeat optimistic pessimistic skeptical sceptical angry "
        "vocal outspoken nervous",
    ),
    ("of", "critical skeptical sceptical wary supportive dismissive"),
    ("on", "divided outspoken"),
)


def _attitudes() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for complement, words in _ATTITUDES:
        table = _merged(table, {word: frozenset({complement}) for word in words.split()})
    return _merged(table, _table("adj", prepositions_only=False))


ADJECTIVE_CUES: dict[str, frozenset[str]] = _attitudes()
"""Predicative adjectives of attitude → the complements that carry their content ("that",
"to" or a preposition): "is confident that …", "was quick to …", "has been critical of …"."""

DIRECTIVES: frozenset[str] = frozenset(
    "tell order instruct advise remind direct warn caution".split()
)
"""Verbs of saying that also take an addressee and a to-infinitive: what was told ("told
residents to stay indoors"); their content is the addressee with the infinitive."""

REQUEST_VERBS: frozenset[str] = frozenset(
    "call push press ask appeal plead lobby campaign argue advocate demand".split()
)
"""Verbs of asking whose "for" phrase can open a "for … to" clause ("called for the board to
resign"): the infinitive completes what was asked for, not a purpose of the asker."""

CAUSATIVES: frozenset[str] = frozenset(
    "require lead prompt pressure force leave drive cause compel push spur inspire".split()
)
"""Verbs that bring their object to act ("would force the board to admit …", "the storm led
him to declare …"): the object, not the subject, performs the infinitive. Not speech verbs,
whose directive ("urged the council to drop …") is the speaker's own act, nor "use X to …"
(a purpose: the user acts)."""

OPEN_GROUNDS: frozenset[str] = frozenset("reason cause ground need".split())
"""Nouns whose infinitive is open to anyone ("reasons to doubt", "no need to ask"): nobody in
the sentence performs it."""

GERUND_CUES: frozenset[str] = frozenset(
    "deny admit acknowledge recall recount regret mention report describe confess".split()
) | _V.complements_of("verb", "gerund")
"""Verbs of saying whose content may be a gerund clause ("denied having met …", "admitted
breaking export rules")."""

TOPIC_VERBS: frozenset[str] = frozenset(
    """
    discuss cite issue welcome release publish list detail express voice show offer signal
    quote recall identify remind warn address raise
    """.split()
)
"""Cue-like verbs whose bare noun object is a topic or a thing, not what was said
("discussed the economy", "cited a slowdown", "issued an injunction", "warned of a
backlash"); only an object holding a clause or a quotation is content for them. Measured on
PolNeAR train and dev: "note", "report", "mention", "thank", "highlight", "outline", "echo",
"reference" and "name" with a bare object are annotated as attributions more often than
not, so they are left out."""

SIDE_TAKING: frozenset[str] = frozenset({"come"})
"""Verbs read only by the side-taking frame ("came out for/against X", "came out in
support of X"), never as other cues."""

VERDICT_ADVERBS: frozenset[str] = frozenset(
    "favorably unfavorably favourably unfavourably positively negatively".split()
)
"""Adverbs that state a view of the object ("viewed him favorably"), as an "as" phrase does."""

RATING: frozenset[str] = frozenset("consider deem".split())
"""Verbs of judging something to be so, whose passive takes a bare predicate ("is
considered an asset", "was deemed too risky") as well as an "as" phrase."""

SURVEYS: frozenset[str] = frozenset(
    "poll survey study data result record audit analysis research count tally".split()
)
"""Nouns of measured evidence: what a poll "shows" is its finding, not a topic."""

FINDING_SOURCES: frozenset[str] = SURVEYS | frozenset(
    "report document filing review investigation inquiry paper estimate".split()
)
"""Artefacts of inquiry whose findings are attributed to them ("the review found", "campaign
documents show"); a person who finds or sees something perceives it, which cues no quote."""

SURVEY_PLURALS: frozenset[str] = frozenset("figures numbers".split())
"""Nouns that are measured evidence only in the plural: "the figures show", but "a key
figure in the party showed little interest" (a person), "a number of senators"."""

ARTEFACT_VERBS: frozenset[str] = frozenset("issue release publish".split())
"""Topic verbs that hand over a thing: an "as" phrase after them is no characterisation."""

SIDE_NOUNS: frozenset[str] = frozenset("support favor favour defense defence".split())
"""Nouns of "came out in support of X": taking a side in public; X is the content."""

PROPOSALS: frozenset[str] = frozenset(
    """
    bill measure plan proposal amendment referendum initiative resolution legislation law
    reform candidate candidacy nominee nomination deal treaty agreement ban policy budget
    tax levy ballot motion
    """.split()
)
"""Nouns of something proposed or put forward: "came out for the measure" takes a side;
"came out for the rally" does not (a bare "for/against" needs one of these or a name)."""

NAMED_SIDES: frozenset[str] = frozenset("PERSON ORG NORP GPE".split())
"""Entity types that name someone one can come out for or against ("came out for Cruz")."""

TITLE_HEADS: frozenset[str] = frozenset(_title_head(t) for t in _TITLES)
"""Head words of the knowledge base's titles ("governor", "secretary" of "secretary of
state"): "discussed the economy as governor" names a role held, not a characterisation."""

_HAND_WRITTEN_VERBS: frozenset[str] = (
    SPEECH
    | COGNITION
    | EVIDENCE
    | INTENTION
    | OBJECT_CONTENT
    | CLAUSE_CUES
    | VIEWING
    | DESIRE
    | NAMING
    | QUOTE_ONLY
    | DIRECTIVES
    | GERUND_CUES
    | TOPIC_VERBS
    | frozenset(PREP_CONTENT)
    | _V.PERCEPTION
)


def _first_sense(pos: str, files: frozenset[str]) -> frozenset[str]:
    """Lemmas of ``pos`` whose most frequent WordNet sense is filed under one of ``files``."""
    return frozenset(
        lemma
        for (p, lemma), entry in _V.word_senses().items()
        if p == pos and entry.senses[0] in files
    )


def _kin(of: frozenset[str]) -> frozenset[str]:
    """Verbs whose first WordNet sense is a synonym or narrower term of a verb in ``of``
    ("castigate" and "excoriate" of "criticize", "extol" of "praise")."""
    return frozenset(
        lemma
        for (p, lemma), entry in _V.word_senses().items()
        if p == "verb" and not of.isdisjoint(entry.broader)
    )


JUDGING: frozenset[str] = frozenset(
    """
    deny reject endorse criticize criticise condemn praise support oppose dismiss dispute
    defend blame accuse attack blast denounce slam mock decry applaud chide disavow rebut
    rebuke assail lambaste ridicule deride tout hail
    """.split()
)
"""Object verbs that judge their object (for or against): what they say of it is the
content, whatever the object is ("condemned the decision")."""

_CONTESTING: frozenset[str] = frozenset("challenge contest".split())
"""Kin of "dispute" that political news mostly uses for a race ("challenging the incumbent",
"contesting Ohio"): their objects were right in about a third of train and dev uses."""

WORDNET_OBJECT: frozenset[str] = (
    (_kin(JUDGING) & _first_sense("verb", frozenset({"communication"})))
    - _HAND_WRITTEN_VERBS
    - _CONTESTING
)
"""Verbs no list above holds whose first WordNet sense is a synonym or narrower term of a
judging verb ("castigated the authority" as "criticized", "extolled the port" as
"praised"), and whose most frequent sense is one of communication (not "promote" or
"endure", kin to "support" in a social sense): their direct object is content, as for the
verb they are kin to."""

WORDNET_CLAUSE: frozenset[str] = (
    _kin(frozenset("say state tell assert declare claim affirm announce insist argue".split()))
    | (
        _kin(frozenset("think believe suppose conclude judge know".split()))
        & _first_sense("verb", frozenset({"cognition"}))
    )
) - _HAND_WRITTEN_VERBS
"""Verbs no list above holds whose first WordNet sense is a synonym or narrower term of a
verb of stating ("reaffirmed that …", "guaranteed that …"), or of a verb of belief with a
first sense of cognition ("anticipated that …", "calculates that …"): their "that" clause
is content."""

CONVEYED_NOUNS: frozenset[str] = _first_sense(
    "noun", frozenset({"communication", "cognition", "feeling"})
) | frozenset("case swipe shot aim jab dig stance position".split())
"""Nouns whose most frequent WordNet sense is something said, thought or felt ("comments",
"allegations", "remorse", "plans"), plus the idioms of arguing and attacking WordNet files
elsewhere ("make *the case*", "take *a swipe* at"): as the object of a light verb they carry
the content in their clause or preposition ("made comments about the fraud")."""

LIGHT_VERBS: frozenset[str] = frozenset(
    "make take offer raise voice express issue lay level hurl pay".split()
)
"""Verbs that say little on their own and take their meaning from a noun object ("made the
case that", "took a swipe at", "raised concerns about", "paid tribute to")."""

WITNESSED_VERBS: frozenset[str] = frozenset("quote hear overhear".split())
"""Verbs whose passive subject is heard speaking ("is quoted as saying", "can be heard
asking"); "is shown discussing" only shows an image (PolNeAR gives no source)."""

CONTINUING_VERBS: frozenset[str] = frozenset({"add"})
"""Verbs of a statement going on: an aside under them ("…,” she said, adding that …") is the
speaker continuing, so a cue-less quotation after it continues the aside."""

SUBORDINATORS: frozenset[str] = frozenset(
    "as when while after before because since though although".split()
)
"""Words that open an adverbial clause: after a quotation's cue ("“…!” she said as she
opened the count") the clause says when or why, not what was said."""

FURNITURE_LABELS: re.Pattern[str] = re.compile(
    r"(?:media\s+|press\s+)?contacts?|byline|referee|attendance|(?:our\s+)?standards"
    r"|paid\s+notice|photos?|photo\s+credit|credits?|subs(?:\s+not\s+used)?|line-?ups?"
    r"|(?:additional\s+)?(?:contribut\w*|reporting|editing|writing)(?:\s+by)?",
    re.IGNORECASE,
)
"""Labels of page furniture written as "Label: value" ("Media Contact: Jenna Park",
"BYLINE: Lena Osei", "Referee: Alan Tait", "Contributing: Ann Lee", "Additional reporting
by: …"): what follows the colon is nobody's words."""

VOUCHING_VERBS: frozenset[str] = frozenset(
    "say report note write reveal show point learn observe document demonstrate suggest "
    "explain predict find argue state put remind indicate claim confirm detail describe "
    "warn disclose announce recount recall mention acknowledge admit concede hint speculate "
    "estimate".split()
)
"""Verbs whose "as" clause vouches for the clause it is attached to ("As the Courier
reported, …", "…, as Lund pointed out."): reports, findings and observations. Not every
speech verb: "as the game continued", "as protesters shouted outside", "as she joked" are
times and manners, not sources."""

HOLDING_BACK: frozenset[str] = frozenset("refrain avoid".split())
"""Verbs of holding back from an act of saying ("refrained from criticising the court",
"avoided saying whether …"): the act was not performed, so its report is negated."""

SHORT_OF: frozenset[str] = frozenset("stop fall".split())
"""Verbs of "stopped short of / fell short of" + gerund: the gerund's act was not performed
("stopped short of calling for her resignation")."""

REFUSAL_VERBS: frozenset[str] = frozenset("decline refuse".split())
"""Verbs of refusing: with a verb of saying ("declined to comment") nothing was said."""

SAYING_ACTS: frozenset[str] = frozenset(
    """
    comment say discuss elaborate answer speculate respond reply specify detail confirm deny
    explain address
    """.split()
)
"""What a refusal may refuse for nothing to have been said ("declined to comment", "refused
to say whether …"); refusing an act ("refused to release the names") is reported as an
intention, as PolNeAR annotates it."""

ANONYMITY_VERBS: frozenset[str] = frozenset("identify name quote".split())
"""The anonymity formula: "asked not to be identified / named / quoted"."""

COMPLEMENTIZERS: frozenset[str] = frozenset({"that"})
"""Leading words of a reported clause that the content excludes (kept as a separate span)."""

ANONYMOUS_HEADS: frozenset[str] = frozenset(
    """
    official officials source sources spokesman spokeswoman spokesperson aide aides
    diplomat diplomats person people insider insiders adviser advisers advisor advisors
    analyst analysts expert experts observer observers witness witnesses resident residents
    officer officers lawmaker lawmakers member members staffer staffers negotiator
    negotiators commander commanders activist activists
    """.split()
)
"""Head nouns of descriptions that name an unnamed person ("a senior US official")."""

FINANCIAL_RESULTS: frozenset[str] = frozenset(
    "revenue revenues profit profits loss losses earnings result results sales income "
    "decline declines".split()
)
"""What a company "reports" as figures ("reported quarterly results", "reported revenue of
$612 million"): filing numbers, not saying something (1 of 5 such objects was PolNeAR
content on train)."""

ARTEFACTS: frozenset[str] = frozenset(
    "report statement study letter memo ruling filing survey complaint audit review".split()
)
"""Documents that "say" what their authors wrote ("The report warns that …", "The statement
said …"): the speaker is the body that issued the one the text introduced."""

PRONOUNS: frozenset[str] = frozenset("he she they i we it you him her them me us who which".split())


_LEMMA_FIXES = {"hop": "hope", "retweete": "retweet", "hope": "hope"}


def lemma_of(tok: object) -> str:
    """The token's lemma, with the few the small English model gets wrong put right
    ("hoping" is not a form of "hop" in news copy)."""
    lemma = str(getattr(tok, "lemma_", "")).lower()
    lower = str(getattr(tok, "lower_", ""))
    if lemma == "hop" and not lower.startswith("hopp"):
        return "hope"
    return _LEMMA_FIXES.get(lemma, lemma)
