"""What emskit concludes, compared between two revisions: clauses whose gap status changed,
readiness rules whose verdict changed, and check findings the newer revision brings."""

from __future__ import annotations

from dataclasses import dataclass

from emskit.certification.verdict import Verdict
from emskit.clauses.assessment import ClauseResult
from emskit.finding import Finding


@dataclass(frozen=True)
class StatusChange:
    id: str  # the clause number or readiness rule id
    title: str
    before: str | None  # None: not assessed at that revision
    after: str | None
    reason: str  # why it is what it is now (the first reason, or the rule's message)


def clause_changes(before: list[ClauseResult], after: list[ClauseResult]) -> list[StatusChange]:
    old = {c.clause.number: c for c in before}
    new = {c.clause.number: c for c in after}
    out = []
    for number in sorted(old.keys() | new.keys(), key=_clause_order):
        was, now = old.get(number), new.get(number)
        if was is not None and now is not None and was.status == now.status:
            continue
        shown = now or was
        assert shown is not None
        out.append(
            StatusChange(
                number,
                shown.clause.title,
                was.status if was else None,
                now.status if now else None,
                "; ".join(now.reasons) if now else "",
            )
        )
    return out


def _clause_order(number: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in number.split("."))


def readiness_changes(before: list[Verdict], after: list[Verdict]) -> list[StatusChange]:
    old = {v.id: v for v in before}
    new = {v.id: v for v in after}
    out = []
    for rule in sorted(old.keys() | new.keys()):
        was, now = old.get(rule), new.get(rule)
        if was is not None and now is not None and was.status == now.status:
            continue
        out.append(
            StatusChange(
                rule,
                rule,
                was.status if was else None,
                now.status if now else None,
                now.message if now else "",
            )
        )
    return out


def new_findings(before: list[Finding], after: list[Finding]) -> list[Finding]:
    """Findings of the newer revision that the older did not have. Lines move when a file is
    edited above a finding, so a finding is matched by rule, file and message, not line."""
    seen = {_identity(f) for f in before}
    return [f for f in after if _identity(f) not in seen]


def resolved_findings(before: list[Finding], after: list[Finding]) -> list[Finding]:
    return new_findings(after, before)


def _identity(finding: Finding) -> tuple[str, str, str]:
    return (finding.code, finding.file or "", finding.message)
