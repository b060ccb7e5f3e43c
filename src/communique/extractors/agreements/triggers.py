"""Data: the agreement lexicon: which words signal an agreement, its kind, its status and roles.

Kept apart from the rules that use it so the vocabulary can be reviewed (and extended)
without reading parse-tree code. Every entry is a lower-case lemma.
"""

from __future__ import annotations

from communique.knowledge.builtin import PLACE_ADJECTIVES
from communique.models import AgreementKind as K
from communique.models import AgreementStatus as S

STRONG_NOUNS: dict[str, K] = {
    "ceasefire": K.CEASEFIRE,
    "cease-fire": K.CEASEFIRE,
    "truce": K.TRUCE,
    "armistice": K.CEASEFIRE,
    "treaty": K.TREATY,
    "pact": K.TREATY,
    "accord": K.OTHER,
    "agreement": K.OTHER,
    "deal": K.DEAL,
    "memorandum": K.MEMORANDUM,
    "mou": K.MEMORANDUM,
}
"""Nouns that name an agreement whenever they are used as nouns (guards still apply)."""

WEAK_NOUNS: dict[str, K] = {
    "plan": K.PLAN,
    "framework": K.PLAN,
    "roadmap": K.PLAN,
    "blueprint": K.PLAN,
    "proposal": K.PLAN,
    "initiative": K.PLAN,
    "protocol": K.OTHER,
    "settlement": K.OTHER,
    "understanding": K.UNDERSTANDING,
    "declaration": K.OTHER,
    "moratorium": K.OTHER,
}
"""Nouns that name an agreement only when licensed: by an agreement verb governing them, a
peace-type modifier, or "between X and Y". Unlicensed they are ordinary words ("plans to
visit", "diplomatic protocol", "a better understanding of")."""

GENERIC_KINDS = frozenset({K.OTHER, K.DEAL})
"""Kinds that corefer with any more specific kind ("the deal" can be the ceasefire)."""

KIND_MODIFIERS: dict[str, K] = {
    "peace": K.PEACE_AGREEMENT,
    "trade": K.TRADE_AGREEMENT,
    "free-trade": K.TRADE_AGREEMENT,
    "tariff": K.TRADE_AGREEMENT,
    "commercial": K.TRADE_AGREEMENT,
    "ceasefire": K.CEASEFIRE,
    "truce": K.TRUCE,
}
"""Modifiers that make a generic noun specific ("peace deal", "trade pact")."""

LICENSING_MODIFIERS = frozenset(
    {
        "peace",
        "trade",
        "ceasefire",
        "truce",
        "political",
        "negotiated",
        "nuclear",
        "security",
        "evacuation",
        "reconciliation",
        "transition",
        "transitional",
        "power-sharing",
        "final",
        "bilateral",
        "multilateral",
        "humanitarian",
        "withdrawal",
        "prisoner",
        "exchange",
        "normalization",
        "normalisation",
        "arms",
        "de-escalation",
    }
)
"""Modifiers that license a weak noun ("peace plan", "political settlement")."""

NAME_EXEMPT_HEADS = frozenset({"agreement", "accord", "treaty", "protocol", "pact", "deal"})
"""A capitalised trigger heading a name ("the Paris Agreement") may be an agreement."""

TALK_NOUNS = frozenset(
    {
        "talk",
        "talks",
        "negotiation",
        "negotiations",
        "discussion",
        "discussions",
        "consultation",
        "consultations",
        "dialogue",
    }
)
"""Nouns of negotiating: "ceasefire talks", "talks on a truce"."""

# -- status cues --------------------------------------------------------------------------

VERB_STATUS: dict[str, S] = {
    # reached
    "agree": S.REACHED,
    "reach": S.REACHED,
    "strike": S.REACHED,
    "conclude": S.REACHED,
    "clinch": S.REACHED,
    "seal": S.REACHED,
    "finalize": S.REACHED,
    "finalise": S.REACHED,
    "secure": S.REACHED,
    "broker": S.REACHED,
    "mediate": S.REACHED,
    "achieve": S.REACHED,
    "announce": S.REACHED,
    "accept": S.REACHED,
    "approve": S.REACHED,
    "endorse": S.REACHED,
    "hammer": S.REACHED,
    "forge": S.REACHED,
    "welcome": S.REACHED,
    "unveil": S.PROPOSED,
    # signed
    "sign": S.SIGNED,
    "ink": S.SIGNED,
    "ratify": S.SIGNED,
    "initial": S.SIGNED,
    # in force
    "implement": S.IN_FORCE,
    "enforce": S.IN_FORCE,
    "observe": S.IN_FORCE,
    "respect": S.IN_FORCE,
    "hold": S.IN_FORCE,
    "extend": S.IN_FORCE,
    "renew": S.IN_FORCE,
    "declare": S.IN_FORCE,
    "begin": S.IN_FORCE,
    "start": S.IN_FORCE,
    # violated
    "violate": S.VIOLATED,
    "breach": S.VIOLATED,
    "break": S.VIOLATED,
    "flout": S.VIOLATED,
    "undermine": S.VIOLATED,
    "jeopardize": S.VIOLATED,
    "threaten": S.VIOLATED,
    # rejected
    "reject": S.REJECTED,
    "refuse": S.REJECTED,
    "rebuff": S.REJECTED,
    "dismiss": S.REJECTED,
    "spurn": S.REJECTED,
    "veto": S.REJECTED,
    "oppose": S.REJECTED,
    "decline": S.REJECTED,
    # collapsed
    "collapse": S.COLLAPSED,
    "fail": S.COLLAPSED,
    "unravel": S.COLLAPSED,
    "crumble": S.COLLAPSED,
    "expire": S.COLLAPSED,
    "scrap": S.COLLAPSED,
    "abandon": S.COLLAPSED,
    "end": S.COLLAPSED,
    "suspend": S.COLLAPSED,
    # proposed
    "propose": S.PROPOSED,
    "offer": S.PROPOSED,
    "suggest": S.PROPOSED,
    "demand": S.PROPOSED,
    "urge": S.PROPOSED,
    "float": S.PROPOSED,
    "table": S.PROPOSED,
    "submit": S.PROPOSED,
    "present": S.PROPOSED,
    "put": S.PROPOSED,
    "draft": S.PROPOSED,
    "seek": S.PROPOSED,
    # negotiating
    "negotiate": S.NEGOTIATING,
    "discuss": S.NEGOTIATING,
    "pursue": S.NEGOTIATING,
    "rush": S.NEGOTIATING,
    "finish": S.NEGOTIATING,
    "revive": S.NEGOTIATING,
    "work": S.NEGOTIATING,
    "consider": S.NEGOTIATING,
    "study": S.NEGOTIATING,
    # counted events (contracts, mergers, partnerships, exchanges)
    "win": S.REACHED,
    "award": S.SIGNED,
    "receive": S.REACHED,
    "place": S.REACHED,
    "land": S.REACHED,
    "form": S.REACHED,
    "launch": S.REACHED,
    "establish": S.REACHED,
    "enter": S.REACHED,
    "complete": S.IN_FORCE,
    "block": S.REJECTED,
    "carry": S.IN_FORCE,
    "conduct": S.IN_FORCE,
}
"""Lemma of the verb governing an agreement mention → the status it reports."""

PREP_VERB_STATUS: dict[tuple[str, str], S] = {
    ("call", "for"): S.PROPOSED,
    ("press", "for"): S.PROPOSED,
    ("push", "for"): S.PROPOSED,
    ("clamor", "for"): S.PROPOSED,
    ("clamour", "for"): S.PROPOSED,
    ("appeal", "for"): S.PROPOSED,
    ("ask", "for"): S.PROPOSED,
    ("lobby", "for"): S.PROPOSED,
    ("campaign", "for"): S.PROPOSED,
    ("plead", "for"): S.PROPOSED,
    ("agree", "on"): S.REACHED,
    ("agree", "to"): S.REACHED,
    ("agree", "in"): S.REACHED,
    ("agree", "upon"): S.REACHED,
    ("come", "to"): S.REACHED,
    ("arrive", "at"): S.REACHED,
    ("come", "into"): S.IN_FORCE,
    ("enter", "into"): S.IN_FORCE,
    ("go", "into"): S.IN_FORCE,
    ("take", "effect"): S.IN_FORCE,
    ("abide", "by"): S.IN_FORCE,
    ("stick", "to"): S.IN_FORCE,
    ("adhere", "to"): S.IN_FORCE,
    ("comply", "with"): S.IN_FORCE,
    ("withdraw", "from"): S.COLLAPSED,
    ("pull", "out"): S.COLLAPSED,
    ("walk", "away"): S.COLLAPSED,
    ("back", "out"): S.COLLAPSED,
    ("work", "on"): S.NEGOTIATING,
    ("work", "toward"): S.NEGOTIATING,
    ("work", "towards"): S.NEGOTIATING,
    ("move", "toward"): S.NEGOTIATING,
    ("move", "towards"): S.NEGOTIATING,
    ("rush", "to"): S.NEGOTIATING,
    ("talk", "about"): S.NEGOTIATING,
    ("negotiate", "on"): S.NEGOTIATING,
    ("vote", "on"): S.NEGOTIATING,
    ("debate", "on"): S.NEGOTIATING,
    ("turn", "down"): S.REJECTED,
    ("break", "down"): S.COLLAPSED,
    ("fall", "apart"): S.COLLAPSED,
    ("fall", "through"): S.COLLAPSED,
    ("tear", "up"): S.COLLAPSED,
    ("put", "forward"): S.PROPOSED,
}
"""(verb lemma, preposition or particle) → status, for phrasal and prepositional verbs."""

SUBJECT_VERB_STATUS: dict[str, S] = {
    "hold": S.IN_FORCE,
    "take": S.IN_FORCE,
    "come": S.IN_FORCE,
    "go": S.IN_FORCE,
    "begin": S.IN_FORCE,
    "start": S.IN_FORCE,
    "remain": S.IN_FORCE,
    "last": S.IN_FORCE,
    "collapse": S.COLLAPSED,
    "fail": S.COLLAPSED,
    "unravel": S.COLLAPSED,
    "expire": S.COLLAPSED,
    "end": S.COLLAPSED,
    "crumble": S.COLLAPSED,
    "break": S.COLLAPSED,
    "fall": S.COLLAPSED,
    "falter": S.COLLAPSED,
    "call": S.REACHED,
    "envisage": S.REACHED,
    "envision": S.REACHED,
    "require": S.REACHED,
    "stipulate": S.REACHED,
    "provide": S.REACHED,
    "allow": S.REACHED,
}
"""Lemma of a verb whose *subject* is the agreement ("the truce is holding")."""

NOUN_CUE_STATUS: dict[str, S] = {
    "violation": S.VIOLATED,
    "breach": S.VIOLATED,
    "infringement": S.VIOLATED,
    "collapse": S.COLLAPSED,
    "breakdown": S.COLLAPSED,
    "failure": S.COLLAPSED,
    "proposal": S.PROPOSED,
    "call": S.PROPOSED,
    "demand": S.PROPOSED,
    "offer": S.PROPOSED,
    "signing": S.SIGNED,
    "ratification": S.SIGNED,
    "implementation": S.IN_FORCE,
    "rejection": S.REJECTED,
    **{noun: S.NEGOTIATING for noun in TALK_NOUNS},
}
"""A noun the agreement modifies or depends on: "ceasefire violations", "talks on a truce"."""

MODIFIER_STATUS: dict[str, S] = {
    "proposed": S.PROPOSED,
    "draft": S.PROPOSED,
    "suggested": S.PROPOSED,
    "prospective": S.NEGOTIATING,
    "possible": S.NEGOTIATING,
    "potential": S.NEGOTIATING,
    "future": S.NEGOTIATING,
    "planned": S.NEGOTIATING,
    "revamped": S.NEGOTIATING,
    "new": S.NEGOTIATING,
    "durable": S.NEGOTIATING,
    "lasting": S.NEGOTIATING,
    "elusive": S.NEGOTIATING,
    "imminent": S.NEGOTIATING,
    "agreed": S.REACHED,
    "brokered": S.REACHED,
    "mediated": S.REACHED,
    "signed": S.SIGNED,
    "ratified": S.SIGNED,
    "existing": S.IN_FORCE,
    "current": S.IN_FORCE,
    "fragile": S.IN_FORCE,
    "shaky": S.IN_FORCE,
    "tenuous": S.IN_FORCE,
    "ongoing": S.IN_FORCE,
    "violated": S.VIOLATED,
    "failed": S.COLLAPSED,
    "collapsed": S.COLLAPSED,
    "defunct": S.COLLAPSED,
    "rejected": S.REJECTED,
}
"""Adjectives and participles on the agreement noun; weaker evidence than a verb."""

FUTURE_GOVERNORS = frozenset(
    {
        "hope",
        "aim",
        "seek",
        "try",
        "want",
        "plan",
        "expect",
        "intend",
        "work",
        "push",
        "struggle",
        "strive",
        "race",
        "attempt",
        "wish",
        "need",
        "rush",
        "go",
        "prepare",
        "likely",
        "close",
        "set",
        "poised",
    }
)
"""A verb governing a completion verb ("hope to reach a deal") makes it not yet done."""

FAIL_GOVERNORS = frozenset({"fail"})
REFUSE_GOVERNORS = frozenset({"refuse", "decline", "reject"})
ACCUSE_VERBS = frozenset({"accuse", "charge", "blame"})

PROPOSE_STATUSES = frozenset({S.PROPOSED})
COMPLETION_STATUSES = frozenset({S.REACHED, S.SIGNED, S.IN_FORCE})

# -- roles ---------------------------------------------------------------------------------

BROKER_VERBS = frozenset({"broker", "mediate", "facilitate", "sponsor", "guarantee", "host"})
"""Verbs whose subject (or ``by`` agent) brokers rather than joins the agreement."""

BROKER_MODIFIERS = frozenset(
    {"brokered", "mediated", "sponsored", "backed", "guaranteed", "led", "drafted"}
)
"""Participles in "a US-brokered truce": the actors before them are brokers."""

PROPOSER_VERBS = frozenset(
    {
        "propose",
        "offer",
        "suggest",
        "demand",
        "urge",
        "call",
        "press",
        "push",
        "clamor",
        "clamour",
        "appeal",
        "ask",
        "float",
        "table",
        "submit",
        "present",
        "put",
        "draft",
        "unveil",
        "lobby",
        "campaign",
        "plead",
        "seek",
    }
)
"""Verbs whose subject proposes the agreement."""

NON_PARTY_VERBS = frozenset(
    {
        "welcome",
        "say",
        "report",
        "praise",
        "criticize",
        "comment",
        "criticise",
        "hail",
        "condemn",
        "accuse",
        "vote",
        "debate",
    }
)
"""Verbs whose subject comments on an agreement without being a party to it."""

GROUP_HEADS: dict[str, str] = {
    "rebel": "group",
    "insurgent": "group",
    "militant": "group",
    "fighter": "group",
    "opposition": "group",
    "militia": "group",
    "faction": "group",
    "guerrilla": "group",
    "separatist": "group",
    "jihadist": "group",
    "government": "organization",
    "force": "organization",
    "army": "organization",
    "troop": "organization",
    "regime": "organization",
    "authority": "organization",
    "military": "organization",
    "administration": "organization",
    "group": "group",
    "ministry": "organization",
    "union": "organization",
    "junta": "organization",
    "kidnapper": "group",
    "captor": "group",
    "gunman": "group",
    "leader": "group",
    "police": "organization",
    "peacekeeper": "organization",
    "regulator": "organization",
    "shareholder": "group",
    "coalition": "organization",
    "council": "organization",
    "board": "organization",
    "company": "organization",
    "club": "organization",
}
"""Heads of party phrases that may become new actors when the actors layer lacks them."""

PRONOUN_ANAPHORS = frozenset({"it"})

DEMONYMS: dict[str, str] = PLACE_ADJECTIVES
"""Country adjectives, to read "a new Syrian truce" as a truce located in Syria (the
knowledge layer's list)."""

STATUS_RANK: dict[S, int] = {
    S.PROPOSED: 0,
    S.NEGOTIATING: 1,
    S.REJECTED: 2,
    S.REACHED: 3,
    S.SIGNED: 4,
    S.IN_FORCE: 5,
    S.VIOLATED: 6,
    S.COLLAPSED: 7,
}
"""Lifecycle order: when two equally strong cues disagree, the later stage wins."""

PENDING = frozenset({S.PROPOSED, S.NEGOTIATING, S.REJECTED, S.COLLAPSED})
ESTABLISHED = frozenset({S.REACHED, S.SIGNED, S.IN_FORCE, S.VIOLATED, S.COLLAPSED})
"""Stages: an indefinite mention corefers only with an agreement at a compatible stage."""

# -- events researchers count as agreements (ACLED "agreement", PLOVER AGREE) ---------------

CAPTIVE_NOUNS = frozenset(
    {
        "prisoner",
        "hostage",
        "detainee",
        "captive",
        "body",
        "remains",
        "soldier",
        "sailor",
        "marine",
        "fighter",
        "rebel",
        "militant",
        "civilian",
        "national",
        "citizen",
        "journalist",
        "reporter",
        "worker",
        "engineer",
        "student",
        "schoolboy",
        "schoolgirl",
        "child",
        "people",
        "person",
        "man",
        "woman",
        "pilot",
        "officer",
        "policeman",
        "guard",
        "captain",
        "crew",
        "crewman",
        "seafarer",
        "tourist",
        "missionary",
        "activist",
        "dissident",
        "tanker",
        "ship",
        "vessel",
        "aid",
        "teacher",
        "nurse",
        "doctor",
        "priest",
        "nun",
        "businessman",
        "diplomat",
        "farmer",
        "fisherman",
        "villager",
        "passenger",
        "schoolchild",
        "abductee",
        "athlete",
        "player",
    }
)
"""Objects of "release"/"free"/"swap" that make it a release or exchange of people (or of
seized ships): "freed 12 soldiers", not "released a statement"."""

NOT_CAPTIVES = frozenset(
    {
        "statement",
        "report",
        "figure",
        "data",
        "video",
        "album",
        "film",
        "fund",
        "funds",
        "tension",
        "pressure",
        "gas",
        "water",
        "energy",
        "product",
        "version",
        "book",
        "document",
        "details",
        "name",
        "names",
        "list",
        "image",
        "photo",
        "footage",
    }
)
"""Objects that make "release" ordinary publishing or letting go of a thing."""

CAPTIVE_TITLES = frozenset({"student", "engineer", "journalist", "reporter", "worker"})

SWAP_VERBS = frozenset({"swap", "exchange", "trade"})
RELEASE_VERBS = frozenset({"release", "free"})
SURRENDER_VERBS = frozenset({"surrender", "capitulate"})
ACQUIRE_VERBS = frozenset({"acquire", "buy", "merge", "purchase"})
DROP_VERBS = frozenset({"drop", "abandon", "withdraw", "shelve", "waive", "relinquish"})
DEMAND_NOUNS = frozenset(
    {
        "demand",
        "objection",
        "insistence",
        "call",
        "claim",
        "condition",
        "precondition",
        "veto",
        "opposition",
        "request",
    }
)
""""agreed to drop its demand for …": a concession researchers code as an agreement."""

EXCHANGE_PREPS = frozenset({"exchange", "return"})
""""released 30 rebels in exchange for / in return for 16 soldiers": an exchange."""

EVENT_NOUNS: dict[str, K] = {
    "swap": K.EXCHANGE,
    "exchange": K.EXCHANGE,
    "evacuation": K.EVACUATION,
    "contract": K.CONTRACT,
    "order": K.CONTRACT,
    "merger": K.MERGER,
    "acquisition": K.MERGER,
    "takeover": K.MERGER,
    "buyout": K.MERGER,
    "partnership": K.PARTNERSHIP,
    "alliance": K.PARTNERSHIP,
    "venture": K.PARTNERSHIP,
    "surrender": K.SURRENDER,
}
"""Nouns of the counted events; each needs its own licence (see :mod:`.events`)."""

EVENT_NOUN_VERBS = frozenset(
    {
        "sign",
        "win",
        "award",
        "receive",
        "place",
        "land",
        "secure",
        "ink",
        "complete",
        "close",
        "announce",
        "approve",
        "block",
        "clear",
        "form",
        "forge",
        "enter",
        "launch",
        "establish",
        "carry",
        "conduct",
        "agree",
        "reach",
        "negotiate",
        "finalize",
        "finalise",
        "seal",
        "broker",
        "mediate",
        "cancel",
        "terminate",
        "extend",
        "renew",
        "strike",
        "propose",
        "pursue",
        "implement",
        "hold",
        "reject",
        "accept",
        "oversee",
        "facilitate",
        "organize",
        "arrange",
        "allow",
        "permit",
        "begin",
        "start",
        "resume",
        "create",
        "expand",
        "deepen",
        "abandon",
        "scrap",
        "call",
        "delay",
        "halt",
        "bid",
        "book",
        "lose",
        "get",
        "obtain",
        "unveil",
        "sweeten",
        "raise",
        "consider",
        "explore",
        "discuss",
        "oppose",
        "welcome",
        "challenge",
        "investigate",
        "review",
        "probe",
        "clinch",
        "value",
        "include",
        "hand",
    }
)
"""Verbs that license an event noun as their object or subject ("won a contract", "the
merger was approved", "the swap was mediated by Turkey")."""

EVENT_MODIFIERS: dict[str, K] = {
    "prisoner": K.EXCHANGE,
    "prisoners": K.EXCHANGE,
    "hostage": K.EXCHANGE,
    "body": K.EXCHANGE,
    "bodies": K.EXCHANGE,
    "detainee": K.EXCHANGE,
    "captive": K.EXCHANGE,
    "evacuation": K.EVACUATION,
    "merger": K.MERGER,
    "acquisition": K.MERGER,
    "takeover": K.MERGER,
    "partnership": K.PARTNERSHIP,
    "co-production": K.PARTNERSHIP,
    "joint": K.PARTNERSHIP,
    "strategic": K.PARTNERSHIP,
    "supply": K.CONTRACT,
    "purchase": K.CONTRACT,
    "procurement": K.CONTRACT,
    "defense": K.CONTRACT,
    "defence": K.CONTRACT,
    "arms": K.CONTRACT,
    "surrender": K.SURRENDER,
}
"""Modifiers that make a generic noun one of the counted kinds ("a prisoner swap deal", "an
evacuation agreement", "a partnership agreement", "a supply contract")."""

EVENT_VERB_STATUS: dict[str, S] = {
    **{verb: S.IN_FORCE for verb in (*SWAP_VERBS, *RELEASE_VERBS, *SURRENDER_VERBS)},
    "lay": S.IN_FORCE,
    "turn": S.IN_FORCE,
    "hand": S.IN_FORCE,
    "evacuate": S.IN_FORCE,
    **{verb: S.IN_FORCE for verb in ACQUIRE_VERBS},
    **{verb: S.REACHED for verb in DROP_VERBS},
    "sign": S.SIGNED,
}
"""Status a counted event's own verb reports: done in the past tense; "would acquire" is
announced (reached), "will swap" agreed but not done (modality lowers it one stage)."""

BUSINESS_KINDS = frozenset({K.CONTRACT, K.MERGER, K.PARTNERSHIP})
"""Kinds that need a named party: "signed a five-year contract" alone is no record."""

SHOPPING_MODIFIERS = frozenset(
    {
        "best",
        "good",
        "great",
        "cheap",
        "cheapest",
        "top",
        "hot",
        "hottest",
        "discount",
        "two-for-one",
        "holiday",
        "doorbuster",
        "bargain",
        "exclusive",
        "early",
        "flash",
        "daily",
        "lightning",
        "friday",
        "monday",
        "day",
        "sale",
        "shopping",
        "travel",
        "bundle",
        "price",
    }
)
"""Modifiers of "deals" that mean offers to shoppers ("Black Friday deals", "the best deals
on flights"), not agreements."""

TEASER_LABELS = (
    "read more",
    "also in the news",
    "related",
    "see also",
    "more:",
    "watch:",
    "also read",
    "recommended",
    "most read",
    "top stories",
    "trending",
    "more from",
    "latest:",
    "you may also like",
    "popular",
    "editor's picks",
    "in other news",
    "see more",
    "don't miss",
    "shopping:",
    "sponsored",
    "advertisement",
    "opinion:",
    "analysis:",
)
"""Labels of links to other stories inside a body: their agreement nouns are not this
article's."""
