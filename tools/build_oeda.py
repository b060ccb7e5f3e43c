"""Build communique's shipped OEDA knowledge base from the four PETRARCH dictionaries.

Usage (from the project root; needs the ``knowledge-build`` extra for the word list)::

    python tools/build_oeda.py ../shared/knowledge/oeda-dictionaries

Writes ``src/communique/knowledge/oeda/data/actors.jsonl.gz`` (one JSON object per actor entry)
and ``roles.tsv`` (role noun, sector, agent code), and prints what it kept and skipped. The
output is deterministic: the same dictionaries give byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from pathlib import Path

import spacy
from spacy.lang.en.stop_words import STOP_WORDS

from communique.knowledge.oeda.build import BuildReport, build_entries
from communique.knowledge.oeda.dictionary import parse_actors, parse_agents
from communique.knowledge.oeda.loader import ACTORS_FILE, ROLES_FILE
from communique.knowledge.oeda.records import OedaEntry, RoleNoun

SOURCES = {
    "countries": "Phoenix.Countries.actors.txt",
    "international": "Phoenix.International.actors.txt",
    "milnonstate": "Phoenix.MilNonState.actors.txt",
}
AGENTS = "Phoenix.agents.txt"
OUT = Path(__file__).resolve().parent.parent / "src/communique/knowledge/oeda/data"


def common_words() -> frozenset[str]:
    """Lower-case English words that a one-word name must not be (they would match prose)."""
    from english_words import get_english_words_set

    # web2 keeps proper nouns capitalised, so its lower-case entries are ordinary words.
    words = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    return frozenset(words | set(STOP_WORDS))


def write_actors(entries: list[OedaEntry], path: Path) -> None:
    """Gzip'd JSON lines, sorted by id, with a fixed gzip mtime so rebuilds are identical."""
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        for entry in sorted(entries, key=lambda e: e.kb_id):
            line = json.dumps(entry.to_json(), ensure_ascii=False, separators=(",", ":"))
            handle.write((line + "\n").encode("utf-8"))


def write_roles(roles: list[RoleNoun], path: Path) -> None:
    """One role noun per line; the first sector given for a phrase wins."""
    seen: dict[str, RoleNoun] = {}
    for role in roles:
        seen.setdefault(role.phrase, role)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        for role in sorted(seen.values(), key=lambda r: r.phrase):
            writer.writerow([role.phrase, role.sector, role.code])


def print_report(report: BuildReport, roles: int) -> None:
    print(f"entries kept: {report.entries}")
    print(f"patterns: {report.patterns} ({report.acronyms} case-sensitive acronyms)")
    print(f"surnames added (unambiguous, not English words): {report.surnames}")
    for reason, count in sorted(report.skipped.items()):
        print(f"skipped, {reason}: {count}")
    print(f"role nouns: {roles}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionaries", type=Path, help="folder with the Phoenix.*.txt files")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    tokenizer = spacy.blank("en").tokenizer
    sources = [
        (
            name,
            parse_actors((args.dictionaries / file).read_text(encoding="utf-8", errors="replace")),
        )
        for name, file in SOURCES.items()
    ]
    entries, report = build_entries(
        sources, common_words(), lambda t: [x.text for x in tokenizer(t)]
    )
    roles = parse_agents((args.dictionaries / AGENTS).read_text(encoding="utf-8", errors="replace"))
    args.out.mkdir(parents=True, exist_ok=True)
    write_actors(entries, args.out / ACTORS_FILE)
    write_roles(roles, args.out / ROLES_FILE)
    print_report(report, len({r.phrase for r in roles}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
