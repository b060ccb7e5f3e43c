"""Sub-national places that give their country ("Kentucky Gov. Matt Bevin" → USA).

Event-data coders read a US state, a Canadian province or an Australian state before an
official's title as the official's country. Plugins add their own with
``knowledge.subnational[name] = "ISO3"`` in the knowledge hook.
"""

from __future__ import annotations

_US = (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia "
    "Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts "
    "Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon "
    "Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming"
).split()
_US += [
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "West Virginia",
]
_CA = [
    "Ontario",
    "Quebec",
    "Alberta",
    "British Columbia",
    "Manitoba",
    "Saskatchewan",
    "Nova Scotia",
    "New Brunswick",
    "Newfoundland",
]
_AU = [
    "New South Wales",
    "Victoria",
    "Queensland",
    "Tasmania",
    "South Australia",
    "Western Australia",
]

_US_CITIES = [
    "Atlanta",
    "Boston",
    "Chicago",
    "Dallas",
    "Denver",
    "Detroit",
    "Houston",
    "Los Angeles",
    "Miami",
    "Philadelphia",
    "Phoenix",
    "San Francisco",
    "Seattle",
    "Sacramento",
    "Albany",
    "Austin",
    "Nashville",
    "New Orleans",
    "Baltimore",
    "Minneapolis",
    "St. Louis",
    "Pittsburgh",
    "Cleveland",
    "Las Vegas",
    "San Diego",
]
"""US dateline cities ("ATLANTA (AP) —" places a story in the United States)."""

_US_AP = (
    "Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. "
    "Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. "
    "S.D. Tenn. Tex. Vt. Va. Wash. W.Va. Wis. Wyo. D.C."
).split()
"""The states as AP style abbreviates them in datelines ("SAN JOSE, Calif. —" is in the
United States, not Costa Rica)."""
_CA_AP = "Ont. Que. B.C. Alta. Man. Sask. N.S. N.B. Nfld. P.E.I.".split()

SUBNATIONAL: dict[str, str] = {
    **{name: "USA" for name in _US},
    **{name: "USA" for name in _US_AP},
    **{name: "CAN" for name in _CA_AP},
    **{name: "USA" for name in _US_CITIES},
    **{name: "CAN" for name in _CA},
    **{name: "AUS" for name in _AU},
}
"""Place name → ISO alpha-3 of its country."""

__all__ = ["SUBNATIONAL"]
