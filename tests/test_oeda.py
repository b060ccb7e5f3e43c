"""The OEDA knowledge base: dictionary parsing, the shipped data, matching and dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy

from communique.knowledge.oeda import OedaKnowledge, codes_on, parse_code
from communique.knowledge.oeda.build import build_entries, display_name
from communique.knowledge.oeda.dictionary import parse_actors, parse_agents, parse_restriction
from communique.knowledge.oeda.loader import ACTORS_FILE, ROLES_FILE
from communique.knowledge.oeda.matcher import OedaMatcher

SNIPPET = """\
# a comment line
GEORGE_BUSH_  # CountryInfo.txt
+PRESIDENT_BUSH
+GEORGE_H._W._BUSH
\t[USAELI 420101-710216]
\t[USAGOV 890120-930120]
\t[USAELI]
GEORGE_W._BUSH_  # CountryInfo.txt
+PRESIDENT_BUSH_
\t[USAELI 640101-010120]
\t[USAGOV 010120-090120]
\t[USAELI]
JUNICHIRO_KOIZUMI_  ; CountryInfo.txt
\t[JAPGOV 20010426-060926]
BUSH_  [USAELI]
ITALIA_ [ITL]
+I
"""

ORGS = """\
UN_ [IGOUNO]
U.N._

"""

GROUPS = """\
MORO_ISLAMIC_LIBERATION_FRONT_(MILF)_ [PHLREB] #  kkl 21 Mar 13
HEZBOLLAH_ [LBNREB]
+HIZBULLAH_
"""

COMMON = frozenset({"bush", "front", "i", "is", "who"})


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


def _tokenize(nlp: spacy.language.Language):  # type: ignore[no-untyped-def]
    return lambda text: [t.text for t in nlp.tokenizer(text)]


@pytest.fixture(scope="module")
def small(nlp: spacy.language.Language):  # type: ignore[no-untyped-def]
    sources = [
        ("countries", parse_actors(SNIPPET)),
        ("international", parse_actors(ORGS)),
        ("milnonstate", parse_actors(GROUPS)),
    ]
    return build_entries(sources, COMMON, _tokenize(nlp))


@pytest.fixture(scope="module")
def kb() -> OedaKnowledge:
    return OedaKnowledge()


# --- parsing the dictionary format -------------------------------------------------------


def test_date_restrictions_parse_all_forms() -> None:
    after = parse_restriction("USAGOV >090120")
    before = parse_restriction("HTIOPPMED <061231")
    between = parse_restriction("USAELI 19290101-810120")
    assert after is not None and after.start == dt.date(2009, 1, 20) and after.until is None
    assert before is not None and before.until == dt.date(2006, 12, 31) and before.start is None
    assert between is not None and between.start == dt.date(1929, 1, 1)
    assert parse_restriction("KORGOVBUS 2004017-20061201") is None  # malformed date
    default = parse_restriction("USAELI")
    assert default is not None and default.is_default


def test_non_iso_and_regional_codes() -> None:
    assert parse_code("JAPGOV") == ("JPN", "GOV")
    assert parse_code("ITL") == ("ITA", None)
    assert parse_code("VTNMIL") == ("VNM", "MIL")
    assert parse_code("WSTGOV") == (None, "GOV")
    assert parse_code("MEA") == (None, None)
    assert parse_code("IGOUNOREF") == (None, "IGO")
    assert parse_code("USAGOVLEG") == ("USA", "GOV")


def test_snippet_records_synonyms_and_comments() -> None:
    actors = parse_actors(SNIPPET)
    assert [a.primary for a in actors][:3] == ["GEORGE BUSH", "GEORGE W. BUSH", "JUNICHIRO KOIZUMI"]
    assert actors[0].synonyms == ["PRESIDENT BUSH", "GEORGE H. W. BUSH"]
    assert len(actors[0].codes) == 3 and "CountryInfo" in actors[0].comment
    assert actors[2].codes[0].country == "JPN"


def test_build_acronyms_common_words_and_skips(small) -> None:  # type: ignore[no-untyped-def]
    entries, report = small
    by_id = {e.kb_id: e for e in entries}
    assert by_id["oeda:UN"].acronyms == ("UN",)
    assert by_id["oeda:UN"].names == ()
    assert "oeda:U.N." not in by_id  # no code at all
    assert "oeda:BUSH" not in by_id  # "bush" alone is an English word
    assert by_id["country:ITA"].names == ("italia",)  # "I" dropped
    assert report.skipped["single common English word"] == 1
    assert report.skipped["one-letter token"] == 1
    assert report.skipped["entry without a usable code"] == 1
    milf = by_id["oeda:MORO_ISLAMIC_LIBERATION_FRONT"]
    assert milf.name == "Moro Islamic Liberation Front" and milf.kind == "group"
    assert milf.acronyms == ("MILF",)
    assert by_id["oeda:GEORGE_W._BUSH"].names[0] == "george w. bush"
    assert by_id["oeda:GEORGE_BUSH"].kind == "person"


def test_display_names() -> None:
    assert display_name("HEZBOLLAH", "group", COMMON) == "Hezbollah"
    assert display_name("BARACK OBAMA", "person", COMMON) == "Barack Obama"
    assert display_name("UNITED STATES OF AMERICA", "country", COMMON) == "United States of America"
    assert display_name("NATO", "organization", COMMON) == "NATO"
    assert display_name("BAN KI-MOON", "person", COMMON) == "Ban Ki-Moon"


def test_agents_plurals_irregular_and_substitutions() -> None:
    text = "!PERSON! = MAN, MEN\nPOLICE {} [~COP]\nLAWMAN {LAWMEN} [~COP]\nREBEL [~REB]\n"
    text += "MILITIA [~REB]\nCONGRESS!PERSON! [~LEG]\nFOREIGN_MINISTER [~GOVFRM]\nCHARITY [NGO~]\n"
    roles = {r.phrase: r.sector for r in parse_agents(text)}
    assert roles["police"] == "COP" and "polices" not in roles
    assert roles["lawmen"] == "COP" and roles["rebels"] == "REB" and roles["militias"] == "REB"
    assert roles["congressmen"] == "LEG" and roles["foreign ministers"] == "GOV"
    assert roles["charities"] == "NGO"


# --- dates ---------------------------------------------------------------------------------


def test_president_bush_depends_on_the_date(small, nlp) -> None:  # type: ignore[no-untyped-def]
    entries, _ = small
    matcher = OedaMatcher(nlp.vocab, entries)
    doc = nlp("President Bush spoke.")
    [in_1991] = matcher(doc, dt.date(1991, 6, 1))
    [in_2005] = matcher(doc, dt.date(2005, 6, 1))
    [undated] = matcher(doc, None)
    assert in_1991.entry.kb_id == "oeda:GEORGE_BUSH" and in_1991.code.code == "USAGOV"
    assert in_2005.entry.kb_id == "oeda:GEORGE_W._BUSH" and in_2005.code.code == "USAGOV"
    assert undated.entry.kb_id == "oeda:GEORGE_W._BUSH"
    assert len(in_1991.candidates) == 2


def test_codes_on_defaults_and_gaps(kb: OedaKnowledge) -> None:
    obama = kb.entry("oeda:BARACK_OBAMA")
    assert obama is not None
    assert codes_on(obama, dt.date(2012, 1, 1)).code == "USAGOV"  # type: ignore[union-attr]
    assert codes_on(obama, dt.date(1990, 1, 1)).code == "USAELI"  # type: ignore[union-attr]
    assert codes_on(obama, dt.date(2005, 1, 1)) is None  # no range, no default
    assert codes_on(obama, None).code == "USAGOV"  # type: ignore[union-attr]
    mubarak = kb.entry("oeda:HOSNI_MUBARAK")
    assert mubarak is not None
    assert kb.codes_on(mubarak, dt.date(2005, 1, 1)).sector == "GOV"  # type: ignore[union-attr]


# --- the shipped data ---------------------------------------------------------------------


def test_shipped_data_loads(kb: OedaKnowledge) -> None:
    data = Path(__file__).resolve().parent.parent / "src/communique/knowledge/oeda/data"
    assert (data / ACTORS_FILE).stat().st_size < 5_000_000
    assert (data / ROLES_FILE).exists()
    assert len(kb.entries) > 20_000
    assert {e.kind for e in kb.entries.values()} == {"person", "organization", "country", "group"}
    assert kb.entry("country:USA") is not None


@pytest.mark.parametrize(
    ("sentence", "phrase", "kb_id", "country", "sector"),
    [
        ("President Mugabe said on Monday.", "Mugabe", "oeda:ROBERT_MUGABE", "ZWE", "GOV"),
        ("Robert Mugabe said on Monday.", "Robert Mugabe", "oeda:ROBERT_MUGABE", "ZWE", "GOV"),
        ("Hosni Mubarak met envoys.", "Hosni Mubarak", "oeda:HOSNI_MUBARAK", "EGY", "GOV"),
        ("Fighters of the Taliban attacked.", "Taliban", "oeda:TALIBAN", "AFG", "REB"),
        ("Hezbollah denied it.", "Hezbollah", "oeda:HEZBOLLAH", "LBN", "REB"),
        (
            "The Moro Islamic Liberation Front signed.",
            "Moro Islamic Liberation Front",
            "oeda:MORO_ISLAMIC_LIBERATION_FRONT",
            "PHL",
            "REB",
        ),
        ("HOSNI MUBARAK RESIGNS", "HOSNI MUBARAK", "oeda:HOSNI_MUBARAK", "EGY", "GOV"),
    ],
)
def test_matches_known_actors(  # type: ignore[no-untyped-def]
    kb, nlp, sentence, phrase, kb_id, country, sector
) -> None:
    doc = nlp(sentence)
    found = {m.text: m for m in kb.match(doc, dt.date(2008, 5, 1))}
    assert phrase in found, found
    match = found[phrase]
    assert match.entry.kb_id == kb_id
    assert doc.text[match.start : match.end] == phrase
    assert match.code is not None and (match.code.country, match.code.sector) == (country, sector)


def test_surname_alone_is_a_marked_weaker_link(kb: OedaKnowledge, nlp) -> None:  # type: ignore[no-untyped-def]
    [surname] = kb.match(nlp("Mugabe spoke."), dt.date(2010, 1, 1))
    [full] = kb.match(nlp("Robert Mugabe spoke."), dt.date(2010, 1, 1))
    assert surname.by_surname and not full.by_surname
    assert surname.entry.kb_id == full.entry.kb_id == "oeda:ROBERT_MUGABE"


def test_surnames_only_when_unambiguous(small) -> None:  # type: ignore[no-untyped-def]
    entries, report = small
    by_id = {e.kb_id: e for e in entries}
    assert by_id["oeda:JUNICHIRO_KOIZUMI"].surnames == ("koizumi",)
    assert by_id["oeda:GEORGE_BUSH"].surnames == ()  # shared, and an English word
    assert report.surnames == 1


def test_acronyms_are_case_sensitive(kb: OedaKnowledge, nlp) -> None:  # type: ignore[no-untyped-def]
    upper = kb.match(nlp("The UN said it is un peu late."))
    assert [m.text for m in upper] == ["UN"]
    assert kb.match(nlp("who is un the au pair")) == []


def test_small_build_matches_acronym_by_case(small, nlp) -> None:  # type: ignore[no-untyped-def]
    matcher = OedaMatcher(nlp.vocab, small[0])
    assert [m.entry.kb_id for m in matcher(nlp("UN aid, un peu, Hizbullah."))] == [
        "oeda:UN",
        "oeda:HEZBOLLAH",
    ]


def test_longest_match_wins(kb: OedaKnowledge, nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("US President Barack Obama spoke.")
    [match] = kb.match(doc, dt.date(2013, 1, 1))
    assert match.entry.kb_id == "oeda:BARACK_OBAMA" and match.text == "US President Barack Obama"


def test_matcher_is_built_once_per_loader(kb: OedaKnowledge, nlp) -> None:  # type: ignore[no-untyped-def]
    assert kb.matcher(nlp.vocab) is kb.matcher(nlp.vocab)
    assert OedaKnowledge()._matchers == {}  # a new loader shares nothing


def test_role_nouns(kb: OedaKnowledge) -> None:
    assert kb.sector_of_role("police") == "COP"
    assert kb.sector_of_role("Rebels") == "REB"
    assert kb.sector_of_role("rebel") == "REB"
    assert kb.sector_of_role("soldiers") == "MIL"
    assert kb.sector_of_role("lawmakers") == "LEG"
    assert kb.sector_of_role("teapot") is None
