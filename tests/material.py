"""Matching code for the hand-written evaluation material in ``tests/data/cases``.

The tables (``actors.jsonl``, ``agreements.jsonl``) say what a good extraction of each short
news text contains. This module compares an :class:`~communique.Article` with one table entry
and returns plain figures, so the same judgement drives both ``benchmarks/material.py`` (the
per-class numbers) and ``tests/test_material_cases.py`` (one ratcheting test per entry). It
uses only the public model, never extractor internals, so a rewrite of an extractor is judged
by what it outputs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.models import Actor, Agreement, Article, PartyRole

CASES_DIR = Path(__file__).resolve().parent / "data" / "cases"
ACTORS_TABLE = CASES_DIR / "actors.jsonl"
AGREEMENTS_TABLE = CASES_DIR / "agreements.jsonl"

COMPATIBLE_KINDS: dict[str, frozenset[str]] = {
    "ceasefire": frozenset({"truce"}),
    "truce": frozenset({"ceasefire"}),
    "peace_agreement": frozenset({"treaty"}),
    "treaty": frozenset({"peace_agreement"}),
    "memorandum": frozenset({"understanding"}),
    "understanding": frozenset({"memorandum"}),
}
"""Kinds that name the same thing in news usage; anything else must match exactly (an entry
may also list several acceptable kinds)."""


def load_cases(path: Path) -> list[dict[str, Any]]:
    """The entries of one JSONL table, in file order (blank lines skipped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def unmark_passing(table: Path, passing: set[str]) -> int:
    """Remove the ``xfail`` marker of entries that now pass; return how many were removed.

    Only removes: a new failure must be looked at by a person, never marked automatically.
    Used by ``benchmarks/material.py`` (actor and agreement tables) and
    ``benchmarks/material_web.py --cases`` (the quote table), so all three tables are
    rewritten the same way, one JSON object per line.
    """
    cases = load_cases(table)
    removed = 0
    for case in cases:
        if case["id"] in passing and case.pop("xfail", None) is not None:
            removed += 1
    lines = (json.dumps(case, ensure_ascii=False) + "\n" for case in cases)
    table.write_text("".join(lines), encoding="utf-8")
    return removed


def find_surface(text: str, surface: str, nth: int = 0) -> tuple[int, int] | None:
    """Offsets of the ``nth`` word-bounded occurrence of ``surface`` in ``text``, or None."""
    pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
    hits = [m.span() for m in re.finditer(pattern, text)]
    return hits[nth] if len(hits) > nth else None


def surface_occurrences(text: str, spec: str | dict[str, Any]) -> list[tuple[int, int]]:
    """Every occurrence a ``not_actors`` item names: all of a bare string, or one ``nth``."""
    if isinstance(spec, dict):
        one = find_surface(text, spec["surface"], spec.get("nth", 0))
        return [one] if one else []
    pattern = r"(?<!\w)" + re.escape(spec) + r"(?!\w)"
    return [m.span() for m in re.finditer(pattern, text)]


def normalise_name(name: str) -> str:
    """Case-folded name without dots, a leading article or a trailing possessive, for comparing.

    Example:
        >>> normalise_name("the U.S.  Air Force's"), normalise_name("George H.W. Bush")
        ('u s air force', 'george h w bush')
    """
    flat = " ".join(name.replace(".", " ").split()).casefold()
    flat = re.sub(r"^(the)\s+", "", flat)
    return re.sub(r"(['’]s|['’])$", "", flat).strip()


def _overlapping(article: Article, start: int, end: int) -> Iterator[Actor]:
    for actor in article.actors:
        if any(min(end, m.span.end) > max(start, m.span.start) for m in actor.mentions):
            yield actor


def actor_names(actor: Actor) -> set[str]:
    """The normalised canonical name, aliases and mention texts of an actor."""
    names = {actor.name, *actor.aliases, *(m.span.text for m in actor.mentions)}
    return {normalise_name(n) for n in names}


# -- actors -------------------------------------------------------------------------------


@dataclass
class ActorCheck:
    """How one expected actor fared; None for an aspect the entry does not state."""

    surface: str
    found: bool = False
    name: bool | None = None
    kind: bool | None = None
    country: bool | None = None
    sector: bool | None = None
    got: str = ""

    @property
    def ok(self) -> bool:
        aspects = (self.name, self.kind, self.country, self.sector)
        return self.found and all(a is not False for a in aspects)


@dataclass
class ActorResult:
    """The judgement of one actors entry."""

    checks: list[ActorCheck] = field(default_factory=list)
    false_actors: list[str] = field(default_factory=list)
    dateline: bool | None = None

    @property
    def ok(self) -> bool:
        return (
            all(c.ok for c in self.checks) and not self.false_actors and self.dateline is not False
        )

    def failures(self) -> list[str]:
        """One readable line per problem (for ``--verbose`` and assertion messages)."""
        lines = [f"{c.surface!r}: {_aspects(c)} (got {c.got})" for c in self.checks if not c.ok]
        lines += [f"false actor: {s!r}" for s in self.false_actors]
        if self.dateline is False:
            lines.append("dateline not read")
        return lines


def _aspects(check: ActorCheck) -> str:
    if not check.found:
        return "not found"
    wrong = [k for k in ("name", "kind", "country", "sector") if getattr(check, k) is False]
    return "wrong " + ", ".join(wrong)


def _score(actor: Actor, want: dict[str, Any]) -> ActorCheck:
    check = ActorCheck(surface=want["surface"], found=True, got=repr(actor))
    if "name" in want:
        check.name = normalise_name(want["name"]) in actor_names(actor)
    if "kind" in want:
        kinds = want["kind"] if isinstance(want["kind"], list) else [want["kind"]]
        check.kind = actor.kind.value in kinds
    if "country" in want:
        check.country = actor.country == want["country"]
    if want.get("sector"):
        check.sector = (actor.sector or "")[:3] == want["sector"][:3]
    return check


def _rank(check: ActorCheck) -> int:
    return sum(v is True for v in (check.name, check.kind, check.country, check.sector))


def _identity(want: dict[str, Any]) -> tuple[Any, ...]:
    return (want.get("name"), want.get("country"), str(want.get("kind")), want.get("sector"))


def judge_actors(article: Article, case: dict[str, Any]) -> ActorResult:
    """Compare an article with one actors entry.

    An expected actor is found when an actor mention overlaps its surface; when several do,
    the one that fits the entry best is taken. Two expected actors that differ (name, country,
    kind or sector) may not be the same extracted actor, so a conjunction such as "Hungarian
    and Romanian officials" needs two actors.
    """
    result = ActorResult()
    claimed: dict[str, tuple[Any, ...]] = {}
    for want in case.get("actors", []):
        where = find_surface(article.text, want["surface"], want.get("nth", 0))
        if where is None:
            raise ValueError(f"{case['id']}: {want['surface']!r} #{want.get('nth', 0)} not in text")
        ident = _identity(want)
        candidates = [a for a in _overlapping(article, *where) if claimed.get(a.id, ident) == ident]
        if not candidates:
            result.checks.append(ActorCheck(surface=want["surface"], got="no mention"))
            continue
        best = max(candidates, key=lambda a: _rank(_score(a, want)))
        claimed[best.id] = ident
        result.checks.append(_score(best, want))
    for spec in case.get("not_actors", []):
        for start, end in surface_occurrences(article.text, spec):
            if any(True for _ in _overlapping(article, start, end)):
                result.false_actors.append(spec if isinstance(spec, str) else spec["surface"])
                break
    if case.get("dateline"):
        got = article.dateline.text if article.dateline else ""
        result.dateline = _dateline_key(got) == _dateline_key(case["dateline"])
    return result


def _dateline_key(text: str) -> str:
    return " ".join(text.split()).strip(" —–-:").casefold()


# -- agreements ---------------------------------------------------------------------------


def kinds_accepted(want: dict[str, Any]) -> frozenset[str]:
    """The kinds that count as a match for an expected agreement."""
    kinds = want["kind"] if isinstance(want["kind"], list) else [want["kind"]]
    accepted: set[str] = set(kinds)
    for kind in kinds:
        accepted |= COMPATIBLE_KINDS.get(kind, frozenset())
    return frozenset(accepted)


def _names_of(article: Article, agreement: Agreement, role: PartyRole) -> list[set[str]]:
    out = []
    for party in agreement.parties:
        if party.role is role:
            out.append(actor_names(article.actor(party.actor_id)))
    return out


@dataclass
class AgreementCheck:
    """How one expected agreement fared."""

    kind: str
    found: bool = False
    status: bool | None = None
    parties_expected: int = 0
    parties_found: int = 0
    parties_extracted: int = 0
    parties_correct: int = 0
    brokers: bool | None = None
    date: bool | None = None
    got: str = ""

    @property
    def ok(self) -> bool:
        return (
            self.found
            and self.status is not False
            and self.parties_found == self.parties_expected
            and self.parties_correct == self.parties_extracted
            and self.brokers is not False
            and self.date is not False
        )


@dataclass
class AgreementResult:
    """The judgement of one agreements entry."""

    checks: list[AgreementCheck] = field(default_factory=list)
    extracted: int = 0
    allowed: int = 0

    @property
    def extra(self) -> int:
        """Records beyond what the entry allows (duplicates, or false positives)."""
        return max(0, self.extracted - self.allowed)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks) and self.extra == 0

    def failures(self) -> list[str]:
        """One readable line per problem."""
        lines = []
        for c in self.checks:
            if c.ok:
                continue
            if not c.found:
                lines.append(f"{c.kind}: not found (got {c.got or 'nothing'})")
                continue
            wrong = [
                f"parties {c.parties_found}/{c.parties_expected} found, "
                f"{c.parties_correct}/{c.parties_extracted} right"
                if c.parties_found < c.parties_expected or c.parties_correct < c.parties_extracted
                else "",
                "status" if c.status is False else "",
                "brokers" if c.brokers is False else "",
                "date" if c.date is False else "",
            ]
            lines.append(f"{c.kind}: wrong {'; '.join(w for w in wrong if w)} ({c.got})")
        if self.extra:
            lines.append(f"{self.extracted} records, at most {self.allowed} allowed")
        return lines


def _alternatives(spec: str | list[str]) -> set[str]:
    return {normalise_name(n) for n in ([spec] if isinstance(spec, str) else spec)}


def _match_names(
    expected: Iterable[str | list[str]], extracted: list[set[str]], also: Iterable[str] = ()
) -> tuple[int, int]:
    """(expected parties found, extracted parties that are right), matched one-to-one.

    An expected party is a name or a list of acceptable names; ``also`` names parties that
    are right if extracted but not required (a side the text leaves implicit).
    """
    used: set[int] = set()
    found = 0
    for spec in expected:
        names = _alternatives(spec)
        for i, got in enumerate(extracted):
            if i not in used and names & got:
                used.add(i)
                found += 1
                break
    optional = _alternatives(list(also))
    right = len(used) + sum(
        1 for i, got in enumerate(extracted) if i not in used and optional & got
    )
    return found, right


def _agreement_check(
    article: Article, agreement: Agreement, want: dict[str, Any]
) -> AgreementCheck:
    kinds = want["kind"] if isinstance(want["kind"], list) else [want["kind"]]
    check = AgreementCheck(kind="/".join(kinds), found=True)
    check.got = f"{agreement.kind.value} {agreement.status.value} " + ", ".join(
        article.actor(p.actor_id).name + ("" if p.role is PartyRole.PARTY else f"[{p.role.value}]")
        for p in agreement.parties
    )
    if "status" in want:
        statuses = want["status"] if isinstance(want["status"], list) else [want["status"]]
        check.status = agreement.status.value in statuses
    parties = _names_of(article, agreement, PartyRole.PARTY)
    check.parties_expected = len(want.get("parties", []))
    check.parties_extracted = len(parties) if "parties" in want else 0
    found, correct = _match_names(want.get("parties", []), parties, want.get("also_parties", []))
    check.parties_found, check.parties_correct = found, correct if "parties" in want else 0
    if want.get("brokers"):
        brokers = _names_of(article, agreement, PartyRole.BROKER)
        check.brokers = _match_names(want["brokers"], brokers)[0] == len(want["brokers"])
    if want.get("date"):
        check.date = agreement.date is not None and agreement.date.isoformat() == want["date"]
    return check


def _check_rank(check: AgreementCheck) -> tuple[int, int, int]:
    return (int(check.status is not False), check.parties_found, check.parties_correct)


def judge_agreements(article: Article, case: dict[str, Any]) -> AgreementResult:
    """Compare an article with one agreements entry.

    Each expected agreement is matched to the best unused extracted record of an accepted
    kind (status, then parties found, then parties right). Records beyond ``max_agreements``
    (default: the number expected) count as extra: duplicates of one deal, or false positives
    when nothing is expected.
    """
    wants = case.get("agreements", [])
    result = AgreementResult(
        extracted=len(article.agreements), allowed=case.get("max_agreements", len(wants))
    )
    used: set[str] = set()
    for want in wants:
        accepted = kinds_accepted(want)
        options = [
            _agreement_check(article, a, want)
            for a in article.agreements
            if a.id not in used and a.kind.value in accepted
        ]
        ids = [a.id for a in article.agreements if a.id not in used and a.kind.value in accepted]
        if not options:
            got = ", ".join(f"{a.kind.value} {a.status.value}" for a in article.agreements)
            result.checks.append(AgreementCheck(kind="/".join(sorted(accepted)), got=got))
            continue
        best = max(range(len(options)), key=lambda i: _check_rank(options[i]))
        used.add(ids[best])
        result.checks.append(options[best])
    return result
