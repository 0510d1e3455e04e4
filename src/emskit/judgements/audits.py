"""9.2: is there a complete internal audit cycle, reported, by auditors who did not audit their
own work?

A cycle is the most recent internal audits that, together, cover every assessed clause (one
audit of "all", or several each covering a part: two consecutive audits of half the clauses
each are a cycle). Only audits that ended on or before the as-of date, after the EMS went
live and within the window count. Of each audit of the cycle an auditor asks:
are its nonconformity findings raised as nonconformity records; does an audit with findings
have a conclusion (the report); and where the records say who owns the work of an audited
clause (a document's owner, a control's, an obligation's), was there an auditor on the team
who does not (ISO 19011: objectivity and impartiality). Readiness (internal-audit, management-review) and gap (9.2) ask it here; the
clauses needed come from the edition's catalogue, given by the caller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from emskit.analysis import Analysis, audit_last_day
from emskit.judgements.placeholders import has_content
from emskit.judgements.shortfall import Shortfall
from emskit.listing import listing
from emskit.model.common import clause_covered
from emskit.model.context import Person
from emskit.model.evaluation import Audit
from emskit.model.support import Document
from emskit.repo.records import KIND_CLAUSES
from emskit.repo.repository import Record
from emskit.words import say

ALL_SECTIONS = ("4", "5", "6", "7", "8", "9", "10")  # a document of "all" clauses


@dataclass(frozen=True)
class Cycle:
    """The audits of the latest cycle, newest last, and the clauses they leave uncovered
    (empty: the cycle is complete)."""

    audits: list[Record[Audit]] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return bool(self.audits) and not self.uncovered

    @property
    def last_day(self) -> dt.date | None:
        return max((audit_last_day(a.model) for a in self.audits), default=None)


def internal_audits(ctx: Analysis, since: dt.date) -> list[Record[Audit]]:
    """Internal audits that ended between ``since`` and the as-of date, and after the EMS went
    live, oldest first."""
    start = ctx.repo.config.ems.operating_since if ctx.repo.config else None
    return sorted(
        (
            a
            for a in ctx.records("audit", Audit)
            if a.model.type == "internal"
            and since <= audit_last_day(a.model) <= ctx.as_of
            and (start is None or audit_last_day(a.model) >= start)
        ),
        key=lambda a: (audit_last_day(a.model), a.id),
    )


def audit_cycle(ctx: Analysis, needed: Sequence[str], since: dt.date) -> Cycle:
    """The newest audits that together cover ``needed``; when none do, every audit of the
    window and what they leave uncovered."""
    audits = internal_audits(ctx, since)
    taken: list[Record[Audit]] = []
    for audit in reversed(audits):
        taken.insert(0, audit)
        if _uncovered(needed, taken) == []:
            return Cycle(taken, [])
    return Cycle(audits, _uncovered(needed, audits))


def _uncovered(needed: Sequence[str], audits: Sequence[Record[Audit]]) -> list[str]:
    return [n for n in needed if not any(clause_covered(n, a.model.clauses) for a in audits)]


def cycle_names(cycle: Cycle) -> str:
    return listing(a.id for a in cycle.audits)


def audit_shortfalls(ctx: Analysis, audits: Sequence[Record[Audit]]) -> list[Shortfall]:
    """Each audit's findings raised, its conclusion written, its auditors objective."""
    out: list[Shortfall] = []
    if not audits:
        return out
    owned = _owned_work(ctx)
    answers = _answers_for(ctx)
    for audit in audits:
        unraised = [
            f.id for f in audit.model.findings if f.type == "nonconformity" and not f.nonconformity
        ]
        if unraised:
            out.append(
                Shortfall(
                    (audit.id,), say("ready.audit-unraised", audit=audit.id, ids=listing(unraised))
                )
            )
        if audit.model.findings and not has_content(audit.model.conclusion):
            out.append(
                Shortfall(
                    (audit.id,),
                    say("audits.no-conclusion", audit=audit.id, count=len(audit.model.findings)),
                )
            )
        out += own_work(audit, owned, answers)
    return out


def own_work(
    audit: Record[Audit],
    owned: dict[str, list[tuple[Record, tuple[str, ...]]]],
    answers: dict[str, set[str]],
) -> list[Shortfall]:
    """Records of the clauses an audit covered (a document, a control, an obligation...)
    whose owner every auditor of it answers for: nobody on the team could look at that work
    from outside."""
    auditors = audit.model.auditors
    shared = set.intersection(*(answers.get(a, {a}) for a in auditors)) if auditors else set()
    out = []
    mine = sorted((item for o in shared for item in owned.get(o, [])), key=lambda i: i[0].id)
    for record, clauses in mine:
        audited = [c for c in clauses if _audited(c, audit.model.clauses)]
        if audited:
            out.append(
                Shortfall(
                    (audit.id, record.id),
                    say(
                        "audits.own-work",
                        audit=audit.id,
                        auditors=listing(auditors),
                        clauses=", ".join(audited),
                        record=record.id,
                        owner=record.model.owner,
                    ),
                )
            )
    return out


def _owned_work(ctx: Analysis) -> dict[str, list[tuple[Record, tuple[str, ...]]]]:
    """What each owner (a person or a role) answers for, with the clauses it is work of: a
    document its own clauses, any other record the clause of its kind."""
    out: dict[str, list[tuple[Record, tuple[str, ...]]]] = {}
    for record in ctx.repo.records:
        owner = getattr(record.model, "owner", None)
        if not isinstance(owner, str) or not record.id:
            continue
        if isinstance(record.model, Document):
            if record.model.status == "obsolete":
                continue
            listed = record.model.clauses
            clauses = tuple(listed) if listed != "all" else ALL_SECTIONS
        else:
            clauses = KIND_CLAUSES.get(record.kind, ())
        if clauses:
            out.setdefault(owner, []).append((record, clauses))
    return out


def _audited(clause: str, covered: Sequence[str] | str) -> bool:
    """A document's clause the audit looked at: the audit covers it, or a part of it."""
    if clause_covered(clause, covered):
        return True
    return not isinstance(covered, str) and any(c.startswith(clause + ".") for c in covered)


def _answers_for(ctx: Analysis) -> dict[str, set[str]]:
    """What each person answers for: themselves and their roles (a role auditor, itself)."""
    return {p.id: {p.id, *p.model.roles} for p in ctx.records("person", Person)}
