"""Which document of the pack an auditor opens for a clause: the registers that carry the
records of each kind, the clauses those records evidence, and the repository's own
procedures that name the clause. The environmental manual and the clause cross-reference
both cite through here, so they never disagree on where a clause's records are."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from emskit.clauses.catalogue import Clause, clause_covered
from emskit.documents.content import Document
from emskit.documents.context import PackContext
from emskit.documents.numbers import GENERATED_NUMBERS
from emskit.repo.repository import Record


@dataclass(frozen=True)
class Carrier:
    """A generated document that lists records: its name, the record kinds it lists and the
    clauses (2015 numbering, as the evidence rules name them) those records evidence."""

    document: str
    kinds: tuple[str, ...]
    clauses: tuple[str, ...]


CARRIERS: tuple[Carrier, ...] = (
    Carrier("scope-statement", ("site",), ("4.3",)),
    Carrier("context-register", ("issue", "party"), ("4.1", "4.2")),
    Carrier("roadmap", (), ("4.4",)),
    Carrier("environmental-policy", ("policy",), ("5.1", "5.2")),
    Carrier("roles-register", ("role", "person", "competence-requirement"), ("5.3", "7.2")),
    Carrier("risks-register", ("risk",), ("6.1.1", "6.1.4")),
    Carrier("aspects-register", ("aspect",), ("6.1.2",)),
    Carrier("significant-aspects", (), ("6.1.2",)),
    Carrier("obligations-register", ("obligation",), ("6.1.3",)),
    Carrier("objectives", ("objective",), ("6.1.4", "6.2", "7.1", "10.3")),
    Carrier("training-records", ("training",), ("7.2", "7.3")),
    Carrier("special-positions", (), ("7.2",)),
    Carrier("communication-register", ("communication",), ("7.4",)),
    Carrier("master-list", ("document",), ("7.5",)),
    Carrier("distribution-record", (), ("7.5.3",)),
    Carrier("controls-and-emergency", ("control", "scenario"), ("8.1", "8.2")),
    Carrier("msds-register", ("chemical",), ("8.1",)),
    Carrier("waste-ledger", ("waste-stream", "contractor", "waste-transfer"), ("8.1",)),
    Carrier("drill-records", ("drill",), ("8.2",)),
    Carrier("incidents", ("incident",), ("8.2", "10.2")),
    Carrier("monitoring-summary", ("indicator",), ("9.1.1",)),
    Carrier("monitoring-results", ("monitoring-report",), ("9.1.1",)),
    Carrier("calibration-list", ("equipment",), ("9.1.1",)),
    Carrier("compliance-evaluation", ("evaluation",), ("9.1.2",)),
    Carrier("inspections-log", ("inspection",), ("9.1.2",)),
    Carrier("audit-programme", ("audit-plan",), ("9.2",)),
    Carrier("internal-audits", ("audit",), ("9.2", "10.1")),
    Carrier("management-reviews", ("review",), ("5.1", "7.1", "9.3", "10.1", "10.3")),
    Carrier("nonconformity-log", ("nonconformity",), ("10.1", "10.2")),
)

# The register(s) of each record kind, for any reader that starts from a record.
REGISTERS_OF_KIND: dict[str, tuple[str, ...]] = {
    kind: tuple(c.document for c in CARRIERS if kind in c.kinds)
    for kind in sorted({k for c in CARRIERS for k in c.kinds})
}


@dataclass(frozen=True)
class Citation:
    """A register of the pack that carries a clause's records: number, title, how many."""

    number: str
    title: str
    name: str
    count: int | None  # records it lists; None when it lists no record kind of its own


def numbers_2015(clause: Clause, edition: str) -> tuple[str, ...]:
    """The clause in the 2015 numbering the carriers use (2026 maps through the catalogue)."""
    return clause.other if edition == "2026" else (clause.number,)


def registers_for(
    ctx: PackContext, clause: Clause, documents: Sequence[Document]
) -> list[Citation]:
    """The registers in this pack that carry the records of ``clause``, in pack order."""
    numbers = numbers_2015(clause, ctx.repo.edition)
    wanted = {
        carrier.document: carrier
        for carrier in CARRIERS
        if any(clause_covered(c, numbers) for c in carrier.clauses)
    }
    return [
        Citation(
            GENERATED_NUMBERS[doc.name],
            doc.title,
            doc.name,
            sum(len(ctx.records(k)) for k in wanted[doc.name].kinds)
            if wanted[doc.name].kinds
            else None,
        )
        for doc in documents
        if doc.name in wanted
    ]


def procedures_for(ctx: PackContext, clause: Clause) -> list[Record]:
    """The repository's controlled documents (not obsolete) whose ``clauses:`` name the clause
    or a clause above it, by id."""
    return [
        d
        for d in ctx.records("document")
        if d.model.status != "obsolete" and clause_covered(clause.number, d.model.clauses)
    ]
