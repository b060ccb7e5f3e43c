"""Names of venues and the nouns of facilities: where things happen, not who acts.

An app or social network ("wrote on Telegram"), a league or competition ("leave for Serie
A") or a hospital ("at Aden's Al-Gamhuria hospital") is an actor only when the text makes
it act; the actors layer reads these lists (:mod:`communique.extractors.actors.nonactors`).
Lower case, so lookups fold case.
"""

from __future__ import annotations

__all__ = ["FACILITY_NOUNS", "HONOUR_NOUNS", "MEDIA_WORDS", "THING_NOUNS", "VENUES"]

PLATFORMS = frozenset(
    {
        "telegram",
        "twitter",
        "x",
        "facebook",
        "instagram",
        "tiktok",
        "youtube",
        "whatsapp",
        "wechat",
        "weibo",
        "vkontakte",
        "truth social",
        "threads",
        "bluesky",
        "linkedin",
        "snapchat",
        "reddit",
        "signal",
    }
)
"""Apps and social networks statements are posted on."""

COMPETITIONS = frozenset(
    {
        "serie a",
        "serie b",
        "la liga",
        "premier league",
        "championship",
        "league one",
        "league two",
        "national league",
        "scottish premiership",
        "ligue 2",
        "segunda division",
        "a-league",
        "mls",
        "bundesliga",
        "ligue 1",
        "eredivisie",
        "champions league",
        "europa league",
        "conference league",
        "world cup",
        "olympics",
        "olympic games",
        "super bowl",
        "world series",
        "stanley cup",
        "grand slam",
        "tour de france",
        "copa america",
        "africa cup of nations",
        "euro 2024",
        "six nations",
    }
)
"""Leagues and competitions a player moves to or plays in."""

EXCHANGES = frozenset(
    {"nasdaq", "new york stock exchange", "nyse", "london stock exchange", "euronext"}
)
"""Stock exchanges a company is listed on."""

VENUES = PLATFORMS | COMPETITIONS | EXCHANGES

FACILITY_NOUNS = frozenset(
    {
        "hospital",
        "clinic",
        "airport",
        "stadium",
        "prison",
        "jail",
        "camp",
        "base",
        "mosque",
        "cathedral",
        "square",
        "hotel",
        "market",
        "crossing",
        "station",
        "bridge",
        "street",
        "port",
        "refinery",
        "plant",
    }
)
"""Head nouns of named facilities ("Al-Shifa hospital", "Bagram air base")."""

STREET_WORDS = frozenset(
    {
        "street",
        "road",
        "lane",
        "avenue",
        "boulevard",
        "drive",
        "terrace",
        "quay",
        "row",
        "crescent",
        "close",
    }
)
"""Last words of street names ("Quay Lane", "Harbour Road"): a place, when the name is only
ever where something is."""

THING_NOUNS = frozenset(
    {
        "river",
        "lake",
        "mountains",
        "valley",
        "island",
        "sea",
        "gulf",
        "desert",
        "app",
        "software",
        "smartphone",
        "phone",
        "tablet",
        "vaccine",
        "drug",
        "pill",
        "console",
    }
)
"""Head nouns that make the name before them a place or a product ("the Ibar river", "the
Lumora Health app"), whatever the preposition."""

HONOUR_NOUNS = frozenset(
    "award awards prize prizes medal medals trophy fellowship scholarship laureate "
    "oscar oscars grammy grammys emmy emmys".split()
)
"""Last words of an honour's name ("the two-time Aurora Award winner", "a Pulitzer Prize
finalist"): the small model tags such names as people, and nobody they name acts."""

MEDIA_WORDS = frozenset(
    {
        "herald",
        "post",
        "times",
        "news",
        "tv",
        "ledger",
        "courier",
        "gazette",
        "tribune",
        "journal",
        "chronicle",
        "radio",
        "press",
        "daily",
        "mail",
        "telegraph",
        "guardian",
        "observer",
        "record",
        "express",
        "standard",
        "examiner",
        "inquirer",
        "bulletin",
        "dispatch",
        "sentinel",
        "globe",
        "star",
    }
)
"""Last words of newspaper and broadcaster names ("the Southern Herald", "CBN News"): the
outlet a source talks to is where the story is told, not an actor in it."""
