"""Table-driven cases for the agreements extractor, and an evaluation over the whole table.

Every case is a short, hand-written text in news style. Parties are matched by the name of
the actor they point to; the test index makes one actor per spaCy entity (GPE, ORG, PERSON,
NORP), named by the entity text without a leading "the", so these tests do not depend on the
actors extractor. Group actors created by the agreements layer are named by their phrase.

``evaluate`` computes the figures reported in docs/extractors/agreements.md: detection
recall, the false-positive rate on texts without agreements, status accuracy and party
precision/recall.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from communique.capabilities import ActorIndex
from communique.extractor import IdFactory
from communique.extractors.agreements.extractor import find_agreements
from communique.models import Actor, ActorKind, Agreement, Mention, MentionForm, Span
from communique.parse import ParseView


@dataclass(frozen=True)
class Want:
    """An expected agreement: ``trigger`` must lie inside one of its evidence spans."""

    trigger: str
    kinds: tuple[str, ...]
    status: str
    parties: tuple[str, ...] = ()
    brokers: tuple[str, ...] = ()
    proposers: tuple[str, ...] = ()
    date: str | None = None
    granularity: str | None = None
    location: str | None = None
    term: str | None = None


@dataclass(frozen=True)
class Case:
    text: str
    wants: tuple[Want, ...] = ()
    published: str | None = "2016-08-26"
    note: str = ""
    known_failures: tuple[str, ...] = field(default=())
    """Aspects we know we get wrong (reported, not hidden): 'detect', 'status', 'parties'."""


W = Want
CASES: list[Case] = [
    # -- reached --------------------------------------------------------------------------
    Case(
        "Israel and Hamas agreed to a ceasefire on Tuesday after eleven days of fighting.",
        (
            W(
                "ceasefire",
                ("ceasefire",),
                "reached",
                parties=("Israel", "Hamas"),
                date="2016-08-23",
            ),
        ),
    ),
    Case(
        "Colombia's government and FARC rebels reached a peace deal in Havana on Wednesday.",
        (
            W(
                "peace deal",
                ("peace_agreement",),
                "reached",
                parties=("Colombia's government", "FARC"),
                date="2016-08-24",
                location="Havana",
            ),
        ),
        known_failures=("parties",),
        note="spaCy parses 'government' as a modifier of 'rebels'",
    ),
    Case(
        "Iran and six world powers struck a deal in Vienna to curb Tehran's nuclear program.",
        (
            W(
                "deal",
                ("deal",),
                "reached",
                parties=("Iran",),
                location="Vienna",
                term="curb Tehran's nuclear program",
            ),
        ),
    ),
    Case(
        "Rebels and government forces agreed in a deal on Monday to evacuate the town of Madaya.",
        (
            W(
                "deal",
                ("deal",),
                "reached",
                parties=("Rebels", "government forces"),
                date="2016-08-22",
                term="evacuate the town of Madaya",
            ),
        ),
    ),
    Case(
        "The two sides clinched an agreement on prisoner exchanges late on Saturday.",
        (W("agreement", ("other", "deal", "understanding"), "reached"),),
    ),
    Case(
        "Armenia and Azerbaijan agreed to a truce in Nagorno-Karabakh last week.",
        (
            W(
                "truce",
                ("truce", "ceasefire"),
                "reached",
                parties=("Armenia", "Azerbaijan"),
                date="2016-08-19",
                location="Nagorno-Karabakh",
            ),
        ),
    ),
    Case(
        "Ukraine and Russia reached an understanding on gas transit on Friday.",
        (
            W(
                "understanding",
                ("understanding",),
                "reached",
                parties=("Ukraine", "Russia"),
                date="2016-08-26",
            ),
        ),
    ),
    Case(
        "Hamas accepted the Egyptian proposal for a long-term truce.",
        (W("truce", ("truce", "ceasefire", "plan"), "reached", parties=("Hamas",)),),
    ),
    Case(
        "Under the deal announced in Doha, the Taliban agreed to release 1,000 prisoners.",
        (W("deal", ("deal",), "reached", parties=("Taliban",), location="Doha"),),
    ),
    Case(
        "Sudan's army and the Rapid Support Forces agreed that aid convoys would be allowed "
        "into Khartoum.",
        (
            W(
                "agreed",
                ("understanding", "deal"),
                "reached",
                parties=("Sudan's army", "Rapid Support Forces"),
            ),
        ),
    ),
    # -- signed ---------------------------------------------------------------------------
    Case(
        "Japan and Australia signed a trade agreement in Canberra on July 8.",
        (
            W(
                "trade agreement",
                ("trade_agreement",),
                "signed",
                parties=("Japan", "Australia"),
                date="2016-07-08",
                location="Canberra",
            ),
        ),
    ),
    Case(
        "Ethiopia and Eritrea signed a peace treaty in Jeddah in September 2018.",
        (
            W(
                "treaty",
                ("peace_agreement", "treaty"),
                "signed",
                parties=("Ethiopia", "Eritrea"),
                date="2018-09-01",
                granularity="month",
                location="Jeddah",
            ),
        ),
    ),
    Case(
        "The memorandum of understanding was signed by Kenya and Uganda on Thursday.",
        (
            W(
                "memorandum",
                ("memorandum",),
                "signed",
                parties=("Kenya", "Uganda"),
                date="2016-08-25",
            ),
        ),
    ),
    Case(
        "Parliament ratified the border treaty with Georgia on Tuesday.",
        (W("treaty", ("treaty",), "signed", parties=("Parliament", "Georgia"), date="2016-08-23"),),
    ),
    Case(
        "The United States and Vietnam inked a defense pact in Hanoi.",
        (W("pact", ("treaty",), "signed", parties=("United States", "Vietnam"), location="Hanoi"),),
    ),
    # -- in force -------------------------------------------------------------------------
    Case(
        "A Russian-brokered ceasefire took effect in eastern Ukraine at midnight.",
        (W("ceasefire", ("ceasefire",), "in_force", brokers=("Russian",), location="Ukraine"),),
    ),
    Case(
        "The truce between the army and the rebels is holding, residents said.",
        (W("truce", ("truce", "ceasefire"), "in_force", parties=("army", "rebels")),),
    ),
    Case(
        "On March 1, a UN-mediated truce came into force across Yemen.",
        (
            W(
                "truce",
                ("truce", "ceasefire"),
                "in_force",
                brokers=("UN",),
                date="2016-03-01",
                location="Yemen",
            ),
        ),
    ),
    Case(
        "A fragile ceasefire brokered by Egypt has largely held since Sunday.",
        (W("ceasefire", ("ceasefire",), "in_force", brokers=("Egypt",)),),
    ),
    Case(
        "The new trade deal between Canada and the European Union entered into force in September.",
        (
            W(
                "trade deal",
                ("trade_agreement",),
                "in_force",
                parties=("Canada", "European Union"),
                date="2015-09-01",
                granularity="month",
            ),
        ),
        note="past tense, so dateparser's preference for the past is right",
    ),
    Case(
        "Both sides continue to observe the armistice signed in 1953.",
        (W("armistice", ("ceasefire",), "in_force"),),
    ),
    # -- violated -------------------------------------------------------------------------
    Case(
        "Kiev accused Moscow of violating the ceasefire in the Donbas region.",
        (W("ceasefire", ("ceasefire",), "violated", parties=("Moscow",)),),
    ),
    Case(
        "Government troops breached the truce on Sunday, opposition activists said.",
        (
            W(
                "truce",
                ("truce", "ceasefire"),
                "violated",
                parties=("Government troops",),
                date="2016-08-21",
            ),
        ),
    ),
    Case(
        "Monitors reported dozens of violations of the truce in Idlib province.",
        (W("truce", ("truce", "ceasefire"), "violated"),),
    ),
    Case(
        "The ceasefire that began on Monday is not holding, aid workers say.",
        (W("ceasefire", ("ceasefire",), "violated"),),
    ),
    # -- rejected -------------------------------------------------------------------------
    Case(
        "Hamas rejected the proposal for a ceasefire put forward by Egypt.",
        (W("ceasefire", ("ceasefire", "plan"), "rejected", parties=("Hamas",)),),
    ),
    Case(
        "The rebels refused to sign the peace agreement drafted in Khartoum.",
        (W("peace agreement", ("peace_agreement",), "rejected", parties=("rebels",)),),
    ),
    Case(
        "Voters rejected the peace deal with the FARC in a referendum on Sunday.",
        (W("peace deal", ("peace_agreement",), "rejected", parties=("Voters", "FARC")),),
        known_failures=("parties",),
    ),
    Case(
        "Pyongyang dismissed the U.S. plan for denuclearization as a fraud.",
        (W("plan", ("plan",), "rejected", parties=("Pyongyang",), proposers=("U.S.",)),),
    ),
    # -- collapsed ------------------------------------------------------------------------
    Case(
        "The talks in Geneva failed to reach agreement on a transitional government.",
        (W("agreement", ("other", "deal", "understanding"), "collapsed"),),
    ),
    Case(
        "The truce collapsed on Saturday after rebels shelled the city.",
        (W("truce", ("truce", "ceasefire"), "collapsed", date="2016-08-20"),),
    ),
    Case(
        "The 2014 ceasefire in Gaza broke down within hours.",
        (W("ceasefire", ("ceasefire",), "collapsed", location="Gaza"),),
    ),
    Case(
        "Washington withdrew from the nuclear deal with Iran in May.",
        (W("nuclear deal", ("deal",), "collapsed", parties=("Washington", "Iran")),),
    ),
    # -- proposed -------------------------------------------------------------------------
    Case(
        "The United Nations called for a 72-hour humanitarian truce in Aleppo.",
        (
            W(
                "truce",
                ("truce", "ceasefire"),
                "proposed",
                proposers=("United Nations",),
                location="Aleppo",
            ),
        ),
    ),
    Case(
        "France proposed a new peace plan for Libya on Wednesday.",
        (
            W(
                "peace plan",
                ("plan", "peace_agreement"),
                "proposed",
                proposers=("France",),
                date="2016-08-24",
                location="Libya",
            ),
        ),
    ),
    Case(
        "Pope Francis urged a ceasefire in South Sudan.",
        (
            W(
                "ceasefire",
                ("ceasefire",),
                "proposed",
                proposers=("Pope Francis",),
                location="South Sudan",
            ),
        ),
    ),
    Case(
        "Turkey offered a truce to Kurdish militants on Thursday.",
        (W("truce", ("truce", "ceasefire"), "proposed", proposers=("Turkey",), date="2016-08-25"),),
    ),
    Case(
        "Aid groups have demanded an immediate ceasefire so that food can reach Mosul.",
        (W("ceasefire", ("ceasefire",), "proposed"),),
    ),
    Case(
        "Germany and France are pushing for a ceasefire in Ukraine.",
        (
            W(
                "ceasefire",
                ("ceasefire",),
                "proposed",
                proposers=("Germany", "France"),
                location="Ukraine",
            ),
        ),
    ),
    # -- negotiating ----------------------------------------------------------------------
    Case(
        "Negotiators are working on a deal to end the war in Yemen.",
        (W("deal", ("deal",), "negotiating", term="end the war in Yemen"),),
    ),
    Case(
        "Kabul and the Taliban held peace talks in Doha on Monday.",
        (
            W(
                "peace talks",
                ("peace_agreement",),
                "negotiating",
                parties=("Kabul", "Taliban"),
                date="2016-08-22",
                location="Doha",
            ),
        ),
    ),
    Case(
        "Diplomats hope to finalize a trade pact next month.",
        (
            W(
                "trade pact",
                ("trade_agreement",),
                "negotiating",
                date="2016-09-01",
                granularity="month",
            ),
        ),
    ),
    Case(
        "We are not going to rush to an agreement, the minister said.",
        (W("agreement", ("other", "deal"), "negotiating"),),
    ),
    Case("Neither side has signed the deal yet.", (W("deal", ("deal",), "negotiating"),)),
    Case(
        "Officials from both countries will sign the accord in Paris next week.",
        (W("accord", ("other", "deal", "treaty"), "negotiating", location="Paris"),),
    ),
    Case(
        "Ceasefire talks between Israel and Hamas resumed in Cairo.",
        (
            W(
                "Ceasefire",
                ("ceasefire",),
                "negotiating",
                parties=("Israel", "Hamas"),
                location="Cairo",
            ),
        ),
    ),
    Case(
        "Serbia and Kosovo are close to a deal on normalising relations.",
        (W("deal", ("deal",), "negotiating", parties=("Serbia", "Kosovo")),),
    ),
    # -- coreference ----------------------------------------------------------------------
    Case(
        "Russia and Turkey agreed to a ceasefire in Idlib on Thursday. The truce took effect "
        "at midnight. Activists said it was largely holding.",
        (
            W(
                "ceasefire",
                ("ceasefire", "truce"),
                "in_force",
                parties=("Russia", "Turkey"),
                date="2016-08-25",
                location="Idlib",
            ),
        ),
        note="one agreement, three mentions",
    ),
    Case(
        "The UN proposed a truce in Taiz on Monday. The rebels rejected it on Tuesday.",
        (W("truce", ("truce", "ceasefire"), "rejected", proposers=("UN",), location="Taiz"),),
    ),
    Case(
        "Turkey and Russia held talks in Sochi. Both sides agreed to a ceasefire in Idlib.",
        (
            W(
                "ceasefire",
                ("ceasefire",),
                "reached",
                parties=("Turkey", "Russia"),
                location="Idlib",
            ),
        ),
        note="'both sides' are the two actors mentioned last",
    ),
    Case(
        "Kerry met Lavrov in Geneva. The two men signed a deal on Syria.",
        (W("deal", ("deal",), "signed", parties=("Kerry", "Lavrov")),),
    ),
    Case("A peace deal remains elusive.", (W("peace deal", ("peace_agreement",), "negotiating"),)),
    Case(
        "The government pulled out of the peace talks on Tuesday.",
        (
            W(
                "peace talks",
                ("peace_agreement",),
                "collapsed",
                parties=("government",),
                date="2016-08-23",
            ),
        ),
    ),
    Case(
        "Negotiators reached a tentative deal early Sunday to end the strike.",
        (W("deal", ("deal",), "reached", date="2016-08-21", term="end the strike"),),
    ),
    # -- dates ----------------------------------------------------------------------------
    Case(
        "The ceasefire was signed on Friday.",
        (W("ceasefire", ("ceasefire",), "signed", date="2016-08-26"),),
        note="same weekday as publication: the publication day",
    ),
    Case(
        "The two governments signed the deal on December 30.",
        (W("deal", ("deal",), "signed", date="2016-12-30"),),
        published="2017-01-02",
        note="month-day without year: nearest to publication",
    ),
    Case(
        "The ceasefire is due to take effect at midnight on Sunday.",
        (W("ceasefire", ("ceasefire",), "reached", date="2016-08-28"),),
        note="future sentence: the next Sunday",
    ),
    Case(
        "The deal is expected to be signed next week.",
        (W("deal", ("deal",), "negotiating", date="2016-09-02"),),
    ),
    Case(
        "The agreement, reached after marathon talks in Minsk, calls for a withdrawal of "
        "heavy weapons.",
        (W("agreement", ("other", "deal"), "reached"),),
    ),
    Case(
        "The peace agreement ended five decades of war.",
        (W("peace agreement", ("peace_agreement",), "reached"),),
    ),
    Case(
        "A peace accord was signed in Bogota in 2016.",
        (
            W(
                "peace accord",
                ("peace_agreement",),
                "signed",
                date="2016-01-01",
                granularity="year",
                location="Bogota",
            ),
        ),
        published=None,
        note="no publication date: absolute dates only",
    ),
    Case(
        "The truce was agreed on Wednesday.",
        (W("truce", ("truce", "ceasefire"), "reached"),),
        published=None,
        note="no publication date: a weekday stays unresolved",
    ),
    Case(
        "Rebels and the army signed a local truce last month.",
        (
            W(
                "truce",
                ("truce", "ceasefire"),
                "signed",
                parties=("Rebels", "army"),
                date="2016-07-01",
                granularity="month",
            ),
        ),
    ),
    # -- relative clauses, participles, conditions ----------------------------------------
    Case(
        "The deal, which was brokered by Turkey and Russia, allows rebels to leave Aleppo.",
        (W("deal", ("deal",), "reached", brokers=("Turkey", "Russia")),),
    ),
    Case(
        "The truce that began on Monday has largely held.",
        (W("truce", ("truce", "ceasefire"), "in_force", date="2016-08-22"),),
    ),
    Case(
        "The peace process has stalled since the deal was signed in 2015.",
        (W("deal", ("deal",), "signed", date="2015-01-01", granularity="year"),),
    ),
    Case(
        "It was not clear whether the truce would hold.",
        (W("truce", ("truce", "ceasefire"), "reached"),),
        note="a condition is not a violation",
    ),
    Case(
        "Israel and the UAE announced a normalization agreement brokered by Washington.",
        (
            W(
                "agreement",
                ("other", "deal"),
                "reached",
                parties=("Israel", "UAE"),
                brokers=("Washington",),
            ),
        ),
    ),
    Case(
        "Russia agreed with Turkey to set up a buffer zone around Idlib.",
        (
            W(
                "agreed",
                ("deal", "understanding"),
                "reached",
                parties=("Russia", "Turkey"),
                term="set up a buffer zone around Idlib",
            ),
        ),
    ),
    Case(
        "The White House said it would not accept any deal that leaves Assad in power.",
        (W("deal", ("deal",), "negotiating"),),
    ),
    # -- names and other words that only look like agreements -------------------------------
    Case("Former members of the Warsaw Pact met in Prague on Tuesday."),
    Case("The Ceasefire Violations Committee met in Geneva on Monday."),
    Case("The foreign minister plans to visit Moscow next month."),
    Case("The government must deal with the problem of unemployment."),
    Case("I agree with the analysis that the economy is slowing."),
    Case("The ambassador was criticized for a breach of diplomatic protocol."),
    Case("The company has plans to expand into Asia."),
    Case("The report improved our understanding of the conflict."),
    Case("There was a great deal of anger in the capital."),
    Case("Israel approved new settlements in the West Bank on Monday."),
    Case("Analysts are in agreement that growth will slow."),
    Case("The hospital followed the standard protocol for cholera patients."),
    Case("Analysts agreed that the economy would slow in the second half."),
    Case("The club agreed to sign the striker for 40 million euros."),
    Case("It was a big deal for the small town."),
    Case("The treaty port of Tianjin was opened to foreign trade in 1860."),
    Case("The Good Friday Agreement anniversary was marked with a concert in Belfast."),
    Case("The minister said the plan was to reopen the border crossing by March."),
    # -- no agreement at all ----------------------------------------------------------------
    Case("Heavy fighting continued in the suburbs of Damascus on Sunday."),
    Case("The prime minister resigned after losing a confidence vote."),
    Case("Floods displaced thousands of people in northern Bangladesh."),
    Case("Kerry met Lavrov in Geneva for several hours on Friday."),
    Case("The central bank raised interest rates by a quarter point."),
    Case("Protesters gathered outside parliament to demand new elections."),
    Case("Airstrikes killed at least 20 civilians in Idlib, monitors said."),
    Case("The president will visit China and Japan next week."),
]


HELDOUT: list[Case] = [
    # Written after the rules were frozen; figures reported separately (first run, and
    # after two gold errors — "The African Union", Norway's broker role — were corrected).
    Case(
        "Egypt brokered a truce between Israel and Islamic Jihad on Sunday night.",
        (
            W(
                "truce",
                ("truce", "ceasefire"),
                "reached",
                brokers=("Egypt",),
                parties=("Israel", "Islamic Jihad"),
                date="2016-08-21",
            ),
        ),
    ),
    Case(
        "The warring parties in South Sudan signed a power-sharing deal in Addis Ababa.",
        (W("deal", ("deal",), "signed", location="Addis Ababa"),),
    ),
    Case(
        "Moscow and Kiev swapped accusations as the Minsk ceasefire crumbled.",
        (W("ceasefire", ("ceasefire",), "collapsed"),),
    ),
    Case(
        "Qatar-mediated talks on a hostage deal stalled on Wednesday.",
        (W("deal", ("deal",), "negotiating", brokers=("Qatar",)),),
    ),
    Case(
        "The Saudi-led coalition announced a unilateral ceasefire in Yemen on Thursday.",
        (W("ceasefire", ("ceasefire",), "reached", date="2016-08-25", location="Yemen"),),
    ),
    Case(
        "Beijing and Washington are negotiating a trade agreement to end tariffs.",
        (
            W(
                "trade agreement",
                ("trade_agreement",),
                "negotiating",
                parties=("Beijing", "Washington"),
                term="end tariffs",
            ),
        ),
    ),
    Case(
        "Syrian opposition leaders rejected the Russian peace plan on Monday.",
        (
            W(
                "peace plan",
                ("plan", "peace_agreement"),
                "rejected",
                proposers=("Russian",),
                date="2016-08-22",
            ),
        ),
    ),
    Case(
        "The African Union called for an immediate truce in Tigray.",
        (
            W(
                "truce",
                ("truce", "ceasefire"),
                "proposed",
                proposers=("African Union",),
                location="Tigray",
            ),
        ),
    ),
    Case(
        "India and Pakistan agreed to strictly observe the 2003 ceasefire along the border.",
        (W("ceasefire", ("ceasefire",), "in_force", parties=("India", "Pakistan")),),
    ),
    Case(
        "The agreement, signed in Oslo in 1993, created the Palestinian Authority.",
        (W("agreement", ("other", "deal", "treaty"), "signed", location="Oslo"),),
    ),
    Case(
        "Militants violated the ceasefire several times overnight, the army said.",
        (W("ceasefire", ("ceasefire",), "violated", parties=("Militants",)),),
    ),
    Case(
        "Negotiations on a new Iran nuclear deal collapsed last year.",
        (W("deal", ("deal",), "collapsed"),),
    ),
    Case(
        "Turkey and Russia sealed an agreement on a demilitarized zone in Idlib.",
        (
            W(
                "agreement",
                ("other", "deal", "understanding"),
                "reached",
                parties=("Turkey", "Russia"),
            ),
        ),
    ),
    Case(
        "The treaty will come into force once 50 countries ratify it.",
        (W("treaty", ("treaty",), "reached"),),
    ),
    Case(
        "Norway offered to host talks on a ceasefire between the government and the ELN.",
        (
            W(
                "ceasefire",
                ("ceasefire",),
                "negotiating",
                parties=("government", "ELN"),
                brokers=("Norway",),
            ),
        ),
    ),
    Case(
        "Both leaders signed a memorandum of understanding on energy cooperation.",
        (W("memorandum", ("memorandum",), "signed"),),
    ),
    # no agreement
    Case("The minister has no plans to resign, his spokesman said."),
    Case("Police are dealing with a large crowd outside the stadium."),
    Case("Most economists agree with the central bank's forecast."),
    Case("The Treaty Room of the State Department was renovated last year."),
    Case("The army shelled rebel positions near Aleppo on Monday."),
    Case("She signed the guest book and left for the airport."),
    Case("Officials say the plan is to reopen schools in September."),
    Case("Thousands marched in Madrid to protest against austerity."),
]


HELDOUT2: list[Case] = [
    # Written at the end and evaluated once; later rule changes (prompted by other
    # sentences, not by this table) left its figures unchanged.
    Case(
        "Armenia and Azerbaijan signed a peace deal at the White House on Friday.",
        (
            W(
                "peace deal",
                ("peace_agreement",),
                "signed",
                parties=("Armenia", "Azerbaijan"),
                date="2016-08-26",
            ),
        ),
    ),
    Case(
        "The Houthis rejected a Saudi offer of a nationwide ceasefire.",
        (W("ceasefire", ("ceasefire",), "rejected", parties=("Houthis",)),),
    ),
    Case(
        "Mediators from Qatar and Egypt are pressing both sides to extend the truce.",
        (W("truce", ("truce", "ceasefire"), "in_force"),),
    ),
    Case(
        "The ceasefire in Nagorno-Karabakh collapsed within minutes on Saturday.",
        (W("ceasefire", ("ceasefire",), "collapsed", date="2016-08-20"),),
    ),
    Case(
        "Ethiopia's government and Tigrayan forces agreed to a permanent cessation of "
        "hostilities in Pretoria.",
        (W("cessation", ("ceasefire",), "reached", location="Pretoria"),),
    ),
    Case(
        "The Kremlin said it was ready to discuss a ceasefire over the Easter holiday.",
        (W("ceasefire", ("ceasefire",), "negotiating"),),
    ),
    Case(
        "Britain and India launched negotiations on a free trade agreement in January.",
        (W("trade agreement", ("trade_agreement",), "negotiating", parties=("Britain", "India")),),
    ),
    Case(
        "Rebels accused the army of breaching the truce in Idlib on Monday.",
        (W("truce", ("truce", "ceasefire"), "violated", parties=("army",)),),
    ),
    Case(
        "The Senate ratified the New START treaty with Russia in December.",
        (W("treaty", ("treaty",), "signed", parties=("Senate", "Russia")),),
    ),
    Case(
        "Colombia's president proposed a bilateral ceasefire with the ELN rebels.",
        (W("ceasefire", ("ceasefire",), "proposed"),),
    ),
    Case(
        "Talks between Kyiv and Moscow on a grain deal broke down last week.",
        (W("deal", ("deal",), "collapsed", parties=("Kyiv", "Moscow")),),
    ),
    Case(
        "The accord, mediated by Algeria, ended years of fighting in northern Mali.",
        (W("accord", ("other", "deal"), "reached", brokers=("Algeria",)),),
    ),
    Case("The minister dealt with reporters' questions for an hour."),
    Case(
        "The agreement between the two clubs remains confidential, the spokesman said.",
        (W("agreement", ("other", "deal"), "in_force"),),
        note="'remains' reads as in force; a business agreement is still an agreement",
    ),
    Case("Voters in the region will decide on the plan in a referendum next month."),
    Case("She has a good understanding of the region's politics."),
]


# -- helpers ---------------------------------------------------------------------------------


def index_from_ents(doc: Any, ids: IdFactory) -> ActorIndex:
    """One actor per distinct entity text (GPE, ORG, PERSON, NORP), named without "the"."""
    spans: dict[str, list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "ORG", "PERSON", "NORP"}:
            continue
        start = ent.start_char + (4 if ent.text.lower().startswith("the ") else 0)
        spans.setdefault(doc.text[start : ent.end_char], []).append(
            Span.of(doc.text, start, ent.end_char)
        )
    actors = [
        Actor(
            id=ids.new("actor"),
            name=name,
            kind=ActorKind.OTHER,
            mentions=tuple(Mention(span=s, form=MentionForm.NAME) for s in found),
        )
        for name, found in spans.items()
    ]
    return ActorIndex(actors)


def run(nlp: Any, case: Case) -> tuple[tuple[Agreement, ...], dict[str, str]]:
    doc = nlp(case.text)
    ids = IdFactory()
    index = index_from_ents(doc, ids)
    published = dt.date.fromisoformat(case.published) if case.published else None
    agreements, created = find_agreements(ParseView.build(doc), index, ids, published)
    names = {a.id: a.name for a in (*index.actors, *created)}
    return agreements, names


def match(want: Want, agreements: tuple[Agreement, ...], text: str) -> Agreement | None:
    at = text.find(want.trigger)
    for agreement in agreements:
        if any(e.start <= at and at + len(want.trigger) <= e.end for e in agreement.evidence):
            return agreement
    return None


def roles(agreement: Agreement, names: dict[str, str]) -> set[tuple[str, str]]:
    return {(names[p.actor_id].casefold(), p.role.value) for p in agreement.parties}


def wanted_roles(want: Want) -> set[tuple[str, str]]:
    return (
        {(n.casefold(), "party") for n in want.parties}
        | {(n.casefold(), "broker") for n in want.brokers}
        | {(n.casefold(), "proposer") for n in want.proposers}
    )


# -- per-case tests --------------------------------------------------------------------------


def _ids(case: Case) -> str:
    return case.text[:40]


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_case(nlp: Any, case: Case) -> None:
    agreements, names = run(nlp, case)
    if not case.wants:
        assert agreements == (), [a.evidence for a in agreements]
        return
    for want in case.wants:
        found = match(want, agreements, case.text)
        if "detect" in case.known_failures:
            pytest.xfail("known detection failure")
        assert found is not None, f"not detected: {want.trigger!r}"
        assert found.kind.value in want.kinds
        if "status" not in case.known_failures:
            assert found.status.value == want.status
        if want.date is not None:
            assert found.date is not None and found.date.isoformat() == want.date
        if want.granularity is not None:
            assert found.date_granularity is not None
            assert found.date_granularity.value == want.granularity
        if want.location is not None:
            assert found.location == want.location
        if want.term is not None:
            assert any(want.term in t.text for t in found.terms), found.terms
        if "parties" not in case.known_failures:
            assert wanted_roles(want) <= roles(found, names)
    if case.known_failures:
        pytest.xfail(f"known failures: {', '.join(case.known_failures)}")


def test_table_size() -> None:
    assert len(CASES) >= 60
    statuses = {w.status for c in CASES for w in c.wants}
    assert statuses == {
        "proposed",
        "negotiating",
        "reached",
        "signed",
        "in_force",
        "violated",
        "rejected",
        "collapsed",
    }
    assert sum(1 for c in CASES if not c.wants) >= 15


# -- evaluation ------------------------------------------------------------------------------


def evaluate(nlp: Any, cases: list[Case]) -> dict[str, float]:
    """Detection recall, FP rate on agreement-free texts, status accuracy, party P/R."""
    expected = detected = status_ok = 0
    negatives = false_positive_texts = 0
    party_tp = party_pred = party_gold = 0
    for case in cases:
        agreements, names = run(nlp, case)
        if not case.wants:
            negatives += 1
            false_positive_texts += bool(agreements)
            continue
        for want in case.wants:
            expected += 1
            found = match(want, agreements, case.text)
            gold = wanted_roles(want)
            party_gold += len(gold)
            if found is None:
                continue
            detected += 1
            status_ok += found.status.value == want.status
            predicted = roles(found, names)
            if gold:  # only score parties where the table states them
                party_pred += len(predicted)
                party_tp += len(predicted & gold)
    return {
        "recall": detected / expected,
        "fp_rate": false_positive_texts / negatives,
        "status_accuracy": status_ok / detected if detected else 0.0,
        "party_precision": party_tp / party_pred if party_pred else 0.0,
        "party_recall": party_tp / party_gold if party_gold else 0.0,
    }


def test_heldout_figures(nlp: Any) -> None:
    """Figures on cases written after the rules were frozen (reported, loosely bounded)."""
    figures = evaluate(nlp, HELDOUT)
    print({k: round(v, 3) for k, v in figures.items()})
    assert figures["recall"] >= 0.75
    assert figures["fp_rate"] <= 0.25


def test_second_heldout_figures(nlp: Any) -> None:
    """Figures on a second table, written last; no rule was changed because of it."""
    figures = evaluate(nlp, HELDOUT2)
    print({k: round(v, 3) for k, v in figures.items()})
    assert figures["recall"] >= 0.75
    assert figures["fp_rate"] <= 0.34


def test_figures(nlp: Any) -> None:
    figures = evaluate(nlp, CASES)
    print({k: round(v, 3) for k, v in figures.items()})
    assert figures["recall"] >= 0.85
    assert figures["fp_rate"] <= 0.05
    assert figures["status_accuracy"] >= 0.75
    assert figures["party_precision"] >= 0.70
    assert figures["party_recall"] >= 0.70
