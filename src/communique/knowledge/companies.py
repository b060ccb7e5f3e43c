"""Words of company names that short forms leave out: the knowledge behind "Norvale" being
"Norvale Foods Inc." and "Calder" being "Calder Systems".

Two kinds, because they license different short forms. A *legal suffix* ("Inc.", "plc",
"GmbH") marks the name as a registered company, so its first word alone is the trading
name whatever words stand between ("Norvale Foods Inc." → "Norvale"). An *industry word*
("Foods", "Systems", "Airlines") is dropped only when every word after the first is one, so
"Calder Systems" gives "Calder" but "Pacific Gas and Electric" gives nothing.
"""

from __future__ import annotations

LEGAL_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company ltd limited llc llp lp plc ag se sa sas "
    "spa nv bv ab asa oyj gmbh kg kgaa pty pte bhd tbk kk".split()
)
"""Legal-form words (compared lower-cased, full stops removed)."""

INDUSTRY_WORDS = frozenset(
    "systems dynamics group holdings industries technologies technology motors airlines "
    "airways energy marine research capital partners press bank foods brands beverages "
    "pharmaceuticals pharma therapeutics biosciences biotech labs laboratories networks "
    "communications media entertainment studios games software solutions services "
    "financial insurance logistics chemicals materials mining resources petroleum electric "
    "steel automotive robotics electronics devices aerospace shipping telecom retail stores "
    "properties hotels ventures investments securities health healthcare international "
    "global enterprises".split()
)
"""Industry and generic words a company's short name leaves out when they are all that
follows it ("Calder Systems" → "Calder", "Halvorsen Research" → "Halvorsen")."""

__all__ = ["INDUSTRY_WORDS", "LEGAL_SUFFIXES"]
