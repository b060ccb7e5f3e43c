"""The reporting-verb lexicon: lemmas that signal speech, writing, belief, perception or action.

One table for every extractor that asks "is this a verb of saying?": the quotes layer (which
verbs introduce content), the actors layer (whose subject a pronoun in a reported clause
refers to) and any plugin. Entries are lemmas, so "said", "says" and "has said" all match
``say``. A lemma may have several classes ("write" is writing; "recall" is speech and, with a
direct quotation only, an action).

Classes start coarse: :attr:`VerbClass.SPEECH` and :attr:`VerbClass.WRITING` introduce
clauses and quotations, :attr:`VerbClass.BELIEF` and :attr:`VerbClass.PERCEPTION` introduce
clauses only, :attr:`VerbClass.EVIDENCE` is what artefacts do ("a report *shows* that"),
:attr:`VerbClass.ACTION` verbs attribute only a direct quotation ("“Never,” he laughed").
``core`` marks the common, unambiguous verbs whose subject is taken as the speaker of the
clause they govern.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from functools import cache
from typing import NamedTuple

from communique.knowledge.packaged import packaged_rows


class VerbClass(str, Enum):
    """How a reporting verb relates its subject to its content."""

    SPEECH = "speech"
    WRITING = "writing"
    BELIEF = "belief"
    PERCEPTION = "perception"
    EVIDENCE = "evidence"
    ACTION = "action"


class VerbLexicon:
    """Lemma → classes, plus the ``core`` subset; filled by the knowledge hook.

    Example:
        >>> verbs = VerbLexicon()
        >>> verbs.add(["say", "tell"], VerbClass.SPEECH, core=True)
        >>> verbs.is_a("say", VerbClass.SPEECH), sorted(verbs.lemmas(VerbClass.SPEECH))
        (True, ['say', 'tell'])
    """

    def __init__(self) -> None:
        self._classes: dict[str, set[VerbClass]] = {}
        self._core: set[str] = set()

    def add(self, lemmas: Iterable[str], verb_class: VerbClass, *, core: bool = False) -> None:
        """Add lemmas (lower case) to a class; ``core`` also puts them in :meth:`core`."""
        for lemma in lemmas:
            self._classes.setdefault(lemma, set()).add(verb_class)
            if core:
                self._core.add(lemma)

    def classes(self, lemma: str) -> frozenset[VerbClass]:
        """The classes of a lemma (empty if it is not a reporting verb)."""
        return frozenset(self._classes.get(lemma, ()))

    def is_a(self, lemma: str, *verb_classes: VerbClass) -> bool:
        """Whether the lemma belongs to any of the given classes."""
        return not self._classes.get(lemma, set()).isdisjoint(verb_classes)

    def lemmas(self, *verb_classes: VerbClass) -> frozenset[str]:
        """Every lemma in any of the given classes."""
        wanted = set(verb_classes)
        return frozenset(k for k, v in self._classes.items() if not v.isdisjoint(wanted))

    def core(self) -> frozenset[str]:
        """The common, unambiguous reporting verbs (registered with ``core=True``)."""
        return frozenset(self._core)

    def __len__(self) -> int:
        return len(self._classes)

    def __contains__(self, lemma: object) -> bool:
        return lemma in self._classes


SPEECH: frozenset[str] = frozenset(
    """
    accuse acknowledge add admit advise affirm agree allege announce answer argue ask assert
    assure blame boast brag brief caution charge claim clarify comment complain concede
    conclude concur condemn confirm contend continue convince counter criticize declare decree
    demand deny describe disclose discuss editorialize elaborate emphasise emphasize estimate
    exclaim explain express forecast grumble hail hint imply indicate inform insist instruct
    joke lament maintain mention muse note object observe opine order persuade pledge point
    posit praise predict proclaim project promise propose protest question quip read reason
    reassure recall recommend recount reiterate remark remind repeat reply report respond
    retort reveal rule say scoff share shout signal specify speculate state stipulate stress
    suggest tell testify theorize threaten tout urge vow warn welcome whisper wonder yell
    """.split()
)
"""Built-in verbs of saying."""

WRITING: frozenset[str] = frozenset(
    """
    post tweet write
    """.split()
)
"""Built-in verbs of writing and posting."""

BELIEF: frozenset[str] = frozenset(
    """
    assume believe conclude consider decide determine doubt expect fear feel figure forget
    guess hope imagine insist judge know presume realise realize reckon remember suppose
    suspect think understand worry
    """.split()
)
"""Built-in verbs of belief, knowledge and expectation."""

PERCEPTION: frozenset[str] = frozenset(
    """
    discover find hear learn notice recognise recognize see
    """.split()
)
"""Built-in verbs of perception and finding out."""

EVIDENCE: frozenset[str] = frozenset(
    """
    confirm demonstrate document estimate find indicate learn project prove reveal show suggest
    """.split()
)
"""Built-in verbs of what artefacts and inquiries show. "learn" is here as well as in
perception because newsrooms report their findings with it ("…, the Post has learned")."""

ACTION: frozenset[str] = frozenset(
    """
    beg begin chuckle continue counter fume go grin gush interject laugh marvel plead post put
    rage read recall roar shrug sigh smile snap thunder tweet write
    """.split()
)
"""Built-in manner verbs that attribute only a direct quotation."""

CORE: frozenset[str] = frozenset(
    """
    acknowledge add admit agree announce argue assert believe caution claim complain concede
    confirm contend declare deny emphasise emphasize expect explain hope indicate insist
    maintain note predict promise recall reiterate reply report respond say signal state stress
    suggest tell think urge vow warn write
    """.split()
)
"""The built-in core reporting verbs."""


def builtin_lexicon() -> VerbLexicon:
    """A lexicon with the built-in English verbs, as the built-in knowledge plugin adds them."""
    verbs = VerbLexicon()
    add_builtin_verbs(verbs)
    return verbs


def add_builtin_verbs(verbs: VerbLexicon) -> None:
    """Add the built-in English verbs to ``verbs``."""
    for lemmas, verb_class in (
        (SPEECH, VerbClass.SPEECH),
        (WRITING, VerbClass.WRITING),
        (BELIEF, VerbClass.BELIEF),
        (PERCEPTION, VerbClass.PERCEPTION),
        (EVIDENCE, VerbClass.EVIDENCE),
        (ACTION, VerbClass.ACTION),
    ):
        verbs.add(lemmas, verb_class)
    for lemma in CORE:
        verbs.add([lemma], _class_of(lemma), core=True)


def _class_of(lemma: str) -> VerbClass:
    for lemmas, verb_class in (
        (WRITING, VerbClass.WRITING),
        (SPEECH, VerbClass.SPEECH),
        (BELIEF, VerbClass.BELIEF),
        (PERCEPTION, VerbClass.PERCEPTION),
    ):
        if lemma in lemmas:
            return verb_class
    return VerbClass.SPEECH


class CueComplement(NamedTuple):
    """A cue lemma and the complement that carries its content ("reiterated *his support*",
    "critical *of the deal*"), with how often it cued an attribution in annotated news."""

    pos: str
    """"verb", "noun" or "adj"."""
    lemma: str
    complement: str
    """"dobj", "to" (infinitive), "that", "as", "gerund" or a preposition ("prep_to" for
    "to")."""
    occurrences: int
    cues: int


@cache
def cue_complements() -> tuple[CueComplement, ...]:
    """The packaged cue table (``communique/data/cue_complements.tsv``, generated by
    ``scripts/build_cue_table.py``): cues that take their content in one complement, kept
    because PolNeAR train annotates them as cues in most of their occurrences with it (only
    counts are packaged). Counts are summed over the table's subsets.

    Example:
        >>> ("adj", "critical", "of") in {(c.pos, c.lemma, c.complement) for c in cue_complements()}
        True
    """
    return tuple(_cue_row(cells) for cells in packaged_rows("cue_complements.tsv"))


def _cue_row(cells: list[str]) -> CueComplement:
    """One table row: pos, lemma, complement, then (occurrences, cues) per subset.

    Example:
        >>> _cue_row(["verb", "urge", "dobj", "13", "9", "29", "20"])
        CueComplement(pos='verb', lemma='urge', complement='dobj', occurrences=42, cues=29)
    """
    pos, lemma, complement, *counts = cells
    if not counts or len(counts) % 2:
        raise ValueError(f"cue table row needs (occurrences, cues) pairs: {cells!r}")
    numbers = [int(n) for n in counts]
    return CueComplement(pos, lemma, complement, sum(numbers[::2]), sum(numbers[1::2]))


def complements_of(pos: str, complement: str | None = None) -> frozenset[str]:
    """Lemmas of part of speech ``pos`` in the cue table taking ``complement`` (any if None)."""
    return frozenset(
        c.lemma
        for c in cue_complements()
        if c.pos == pos and (complement is None or c.complement == complement)
    )


class WordSenses(NamedTuple):
    """What WordNet 3.0 says of one verb or noun: the lexicographer files of its first
    senses, most frequent first, and (verbs) the broader terms of its first sense."""

    senses: tuple[str, ...]
    """"communication", "cognition", "feeling", ... (the file name without "verb."/"noun.")."""
    broader: tuple[str, ...]
    """Synonyms of the first sense and words of its hypernyms up to two levels up."""


@cache
def word_senses() -> dict[tuple[str, str], WordSenses]:
    """(part of speech, lemma) → its :class:`WordSenses` (``communique/data/word_senses.tsv``,
    built from WordNet 3.0 by ``scripts/build_word_senses.py``): general knowledge of which
    words are about saying, thinking or feeling, for the cues that neither a hand-written list
    nor an annotated count reaches. Only words with such a sense among their first three are
    listed.

    Example:
        >>> word_senses()[("verb", "tout")].senses, word_senses()[("noun", "remorse")].senses
        (('communication', 'communication'), ('feeling',))
        >>> "criticize" in word_senses()[("verb", "castigate")].broader
        True
    """
    return {
        (pos, lemma): WordSenses(tuple(senses.split(",")), tuple(filter(None, broader.split(","))))
        for pos, lemma, senses, broader in packaged_rows("word_senses.tsv")
    }


def first_sense(pos: str, lemma: str) -> str | None:
    """The lexicographer file of the most frequent WordNet sense of a verb or noun
    ("communication", "cognition", "feeling", ...), or None when the table does not hold
    the word (none of its first senses is about saying, thinking or feeling).

    Example:
        >>> first_sense("verb", "hail"), first_sense("verb", "walk")
        ('communication', None)
    """
    entry = word_senses().get((pos, lemma))
    return entry.senses[0] if entry else None


__all__ = [
    "ACTION",
    "BELIEF",
    "CORE",
    "EVIDENCE",
    "PERCEPTION",
    "SPEECH",
    "WRITING",
    "CueComplement",
    "VerbClass",
    "VerbLexicon",
    "WordSenses",
    "add_builtin_verbs",
    "builtin_lexicon",
    "complements_of",
    "cue_complements",
    "first_sense",
    "word_senses",
]
