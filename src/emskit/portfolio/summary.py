"""One portfolio row: what a consultant wants to see of a client's EMS at a glance, built from
one analysis and that repository's check result. Plain values, so a worker process can send
it back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from emskit.analysis import Analysis
from emskit.certification.ready_result import ReadyResult
from emskit.certification.verdict import Verdict
from emskit.check_result import CheckResult
from emskit.clauses.assessment import STATUSES, ClauseResult
from emskit.model.common import text_in
from emskit.vocabulary import FAIL

NEXT_DUE = 3  # the next items a row shows; the full calendar is `emskit due`

# Status of a row, worst first: the order of the text report and the dashboard's filter.
BROKEN = "broken"  # could not be read at all
NOT_READY = "not-ready"  # readiness fails or check finds errors
OVERDUE = "overdue"  # ready, but something is overdue
READY = "ready"
STATUS_ORDER = (BROKEN, NOT_READY, OVERDUE, READY)


@dataclass(frozen=True)
class DueEntry:
    id: str
    kind: str
    title: str
    due: str  # YYYY-MM-DD


@dataclass
class RepoSummary:
    path: str  # the folder, as found
    organisation: str = ""
    edition: str = ""
    errors: int = 0
    warnings: int = 0
    ready: bool = False
    failing_rules: list[str] = field(default_factory=list)
    gap: dict[str, int] = field(default_factory=dict)  # met, partial, missing, not-applicable
    overdue: int = 0
    next_due: list[DueEntry] = field(default_factory=list)
    certificate_status: str = "none"
    certificate_expires: str | None = None
    last_commit: str | None = None
    error: str | None = None  # set on a broken row: why it could not be read
    # Per-repository pages of the dashboard (HTML), made in the worker when asked for.
    pages: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def status(self) -> str:
        if self.error is not None:
            return BROKEN
        if not self.ready or self.errors:
            return NOT_READY
        return OVERDUE if self.overdue else READY

    def as_dict(self) -> dict[str, Any]:
        """The row as plain values: what json, csv, text and the dashboard all show."""
        return {
            "path": self.path,
            "status": self.status,
            "organisation": self.organisation,
            "edition": self.edition,
            "error": self.error,
            "check": {"errors": self.errors, "warnings": self.warnings},
            "ready": self.ready if self.error is None else None,
            "failing_rules": self.failing_rules,
            "gap": self.gap,
            "overdue": self.overdue,
            "next_due": [
                {"id": d.id, "kind": d.kind, "title": d.title, "due": d.due} for d in self.next_due
            ],
            "certificate": {"status": self.certificate_status, "expires": self.certificate_expires},
            "last_commit": self.last_commit,
        }

    def sort_key(self) -> tuple[int, int, int, int, int, str]:
        """Worst first: status, then check errors, failing rules, missing clauses, overdue."""
        return (
            STATUS_ORDER.index(self.status),
            -self.errors,
            -len(self.failing_rules),
            -self.gap.get("missing", 0),
            -self.overdue,
            self.path,
        )


def summarise(
    ctx: Analysis,
    check: CheckResult,
    verdicts: list[Verdict],
    clauses: list[ClauseResult],
    last_commit: str | None,
) -> RepoSummary:
    counts = check.counts()
    config = ctx.repo.config
    summary = RepoSummary(
        path=str(ctx.repo.root),
        organisation=(
            text_in(config.organization.name, config.ems.language) if config else ctx.repo.root.name
        ),
        edition=ctx.repo.edition,
        errors=counts["error"],
        warnings=counts["warning"],
        ready=ReadyResult(ctx.as_of, verdicts).ready,
        failing_rules=sorted(v.id for v in verdicts if v.status == FAIL),
        gap={s: sum(1 for c in clauses if c.status == s) for s in STATUSES},
        last_commit=last_commit,
    )
    _add_calendar(summary, ctx)
    return summary


def _add_calendar(summary: RepoSummary, ctx: Analysis) -> None:
    items = sorted(ctx.due_items, key=lambda i: (i.due, i.kind, i.id))
    summary.overdue = sum(1 for i in items if i.due < ctx.as_of)
    summary.next_due = [
        DueEntry(i.id, i.kind, i.title, i.due.isoformat()) for i in items if i.due >= ctx.as_of
    ][:NEXT_DUE]
    cert = ctx.repo.config.certification if ctx.repo.config else None
    if cert is not None:
        summary.certificate_status = cert.status
    expiry = [i.due for i in items if i.kind == "certificate-expiry"]
    if expiry:
        summary.certificate_expires = expiry[0].isoformat()
    elif cert is not None and cert.certificate is not None and cert.certificate.expires:
        summary.certificate_expires = cert.certificate.expires.isoformat()


def broken(path: str, error: str) -> RepoSummary:
    return RepoSummary(path=path, error=error)
