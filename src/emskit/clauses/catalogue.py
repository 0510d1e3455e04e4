"""The clause catalogue of each edition, read from the data files beside this module.

One data file per edition (clauses/data/*.yaml): number, short title, our own paraphrase,
documented information, parent, the 2004 clauses it came from, and the mapping to the other
numbering. Findings, the gap report and the documents all take clause titles and numbers
from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from emskit.model.common import clause_covered as clause_covered  # asked by audits, gap, ready
from emskit.vocabulary import EDITIONS

_DATA = Path(__file__).parent / "data"
_FILES = {"2015": "2015.yaml", "2015+A1:2024": "2015+A1-2024.yaml", "2026": "2026.yaml"}


@dataclass(frozen=True)
class Clause:
    number: str
    title: str
    says: str  # our paraphrase
    documented: str | None  # "maintain" | "retain" | None
    parent: str | None
    iso2004: tuple[str, ...]
    other: tuple[str, ...]  # 2015-family -> 2026 numbers, or 2026 -> 2015 numbers
    assessed: bool


@dataclass(frozen=True)
class Catalogue:
    edition: str
    clauses: tuple[Clause, ...]

    def get(self, number: str) -> Clause | None:
        return self._by_number().get(number)

    def _by_number(self) -> dict[str, Clause]:
        return {clause.number: clause for clause in self.clauses}

    @property
    def assessed(self) -> tuple[Clause, ...]:
        return tuple(clause for clause in self.clauses if clause.assessed)


@cache
def catalogue(edition: str) -> Catalogue:
    from emskit.repo.yaml_reader import parse_yaml

    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}")
    data = parse_yaml((_DATA / _FILES[edition]).read_text(encoding="utf-8"))
    other_key = "edition_2015" if edition == "2026" else "edition_2026"
    clauses = tuple(
        Clause(
            str(item["clause"]),
            item["title"],
            item["says"],
            item["documented"],
            None if item["parent"] is None else str(item["parent"]),
            tuple(str(c) for c in item["iso2004"]),
            tuple(str(c) for c in item[other_key]),
            bool(item["assessed"]),
        )
        for item in data["clauses"]
    )
    return Catalogue(edition, clauses)


@cache
def to_edition(clause: str, edition: str) -> tuple[str, ...]:
    """A clause in 2015 numbering, as the given edition numbers it."""
    if edition != "2026":
        return (clause,)
    entry = catalogue("2015").get(clause)
    return entry.other if entry else (clause,)


def iso2004_for(clause: str, edition: str) -> tuple[str, ...]:
    entry = catalogue(edition).get(clause)
    return entry.iso2004 if entry else ()
