"""emskit status: what to do next, in one ranked list: check's errors, the readiness rules
failing, what is overdue, the clauses not met, what falls due within the window. Each step
names the file or the command to act on.

One load and one analysis serve every judgement, so the status costs about as much as the
slowest of check, gap and ready alone, not their sum.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from emskit.analysis import Analysis
from emskit.calendar.due_item import DueItem, state_of
from emskit.calendar.periods import add
from emskit.certification.readiness import readiness
from emskit.certification.status_result import LEVELS, StatusResult, Step
from emskit.certification.verdict import Verdict
from emskit.clauses.assessment import judge
from emskit.clauses.catalogue import Clause
from emskit.clauses.evidence import MISSING, PARTIAL, Assessment
from emskit.commands.check import check_findings
from emskit.errors import UsageError
from emskit.finding import Finding, Severity
from emskit.repo.layout import ALL_PARTS
from emskit.repo.loader import load_repository
from emskit.vocabulary import FAIL

# The record that answers a calendar item, a readiness rule or a clause, where `emskit new`
# writes it.
_NEW_FOR_DUE = {
    "compliance-evaluation": "emskit new evaluation",
    "internal-audit": "emskit new audit --from {id}",
    "management-review": "emskit new review",
    "drill": "emskit new drill --from {id}",
}
_NEW_FOR_RULE = {
    "operating-period": "emskit.yaml",  # ems.operating_since
    "internal-audit": "emskit new audit",
    "management-review": "emskit new review",
    "compliance-evaluation": "emskit new evaluation",
    "competence-evidenced": "emskit new training",
}
_NEW_FOR_CLAUSE = {
    "7.2": "emskit new training",
    "7.4": "emskit new communication",
    "7.5": "emskit new document",
    "8.2": "emskit new drill",
    "9.1.2": "emskit new evaluation",
    "9.2": "emskit new audit",
    "9.2.2": "emskit new audit",
    "9.3": "emskit new review",
    "10.2": "emskit new nonconformity",
}


def run_status(
    root: Path, as_of: dt.date, within: str = "P30D", today: dt.date | None = None
) -> StatusResult:
    """With ``today`` (the CLI reads the clock), a past as-of date reads the repository as it
    stood that day, as check, gap and ready do."""
    try:
        until = add(as_of, within)
    except ValueError:
        raise UsageError(f"--within {within!r}: write a period such as P30D or P3M") from None
    repo = load_repository(root)
    ctx = Analysis(repo, as_of, today=today)
    verdicts = readiness(ctx)
    steps = [_from_finding(f) for f in check_findings(ctx, at_least=Severity.ERROR)]
    steps += [_from_verdict(ctx, v) for v in verdicts if v.status == FAIL]
    steps += _from_calendar(ctx, until)
    steps += [
        _from_clause(ctx, clause, assessment)
        for clause, assessment in judge(ctx)
        if assessment.status in (MISSING, PARTIAL)
    ]
    steps.sort(key=lambda s: LEVELS.index(s.level))  # stable: each source keeps its order
    ready = not any(v.status == FAIL for v in verdicts)
    return StatusResult(root, as_of, ctx.edition, within, ready, steps)


def _from_finding(finding: Finding) -> Step:
    where = f"{finding.file}:{finding.line or 1}:{finding.column or 1}"
    return Step(
        "error",
        "check",
        f"{finding.message} ({finding.code})",
        where,
        finding.file,
        finding.line,
        finding.ids,
        finding.clauses,
    )


def _from_verdict(ctx: Analysis, verdict: Verdict) -> Step:
    record = next((r for i in verdict.ids for r in ctx.index.resolve(i)), None)
    file = record.file if record is not None else None
    line = ctx.repo.position(record.file, record.loc)[0] if record is not None else None
    act = _NEW_FOR_RULE.get(verdict.id) or (f"{file}:{line}" if file else "emskit ready")
    message = f"not ready: {verdict.id}: {verdict.message}"
    return Step("fail", "ready", message, act, file, line, tuple(verdict.ids), verdict.clauses)


def _from_calendar(ctx: Analysis, until: dt.date) -> list[Step]:
    dated = [(state_of(item, ctx.as_of, until), item) for item in ctx.due_items]
    steps = [
        _from_item(ctx, state, item)
        for state, item in sorted(dated, key=lambda pair: (pair[1].due, pair[1].id))
        if state != "later"
    ]
    return steps


def _from_item(ctx: Analysis, state: str, item: DueItem) -> Step:
    command = _NEW_FOR_DUE.get(item.kind)
    # Located only when the file is what to act on: a large repository has thousands of
    # obligations due for evaluation, all answered by one command.
    line = None if command else ctx.repo.position(item.file, item.loc)[0] if item.loc else 1
    act = command.format(id=item.id) if command else f"{item.file}:{line}"
    when = f"overdue since {item.due}" if state == "overdue" else f"due {item.due}"
    return Step(
        state,
        "due",
        f"{item.title} ({item.id}): {when}",
        act,
        item.file,
        line,
        (item.id,),
        item.clauses,
        item.due,
    )


def _from_clause(ctx: Analysis, clause: Clause, assessment: Assessment) -> Step:
    number = clause.number
    reasons = "; ".join(assessment.reasons) or assessment.status
    # Only the first record is located: the gap report's thousands of evidence lines are not
    # wanted here, and locating them is most of a gap run on a large repository.
    first = min(assessment.evidence, key=lambda r: (r.file, r.id), default=None)
    line = ctx.repo.position(first.file, first.loc)[0] if first is not None and first.loc else 1
    on_file = f"{first.file}:{line}" if first is not None else None
    command = _NEW_FOR_CLAUSE.get(number)
    # A clause partly met is fixed in the records that evidence it; a missing one by writing one.
    preferred, fallback = (on_file, command) if assessment.status == PARTIAL else (command, on_file)
    return Step(
        assessment.status,
        "gap",
        f"clause {number} {clause.title} is {assessment.status}: {reasons}",
        preferred or fallback or _where_to_write(number),
        first.file if first is not None else None,
        line if first is not None else None,
        (),
        (number,),
    )


def _where_to_write(number: str) -> str:
    """The file or folder of the layout that holds what a clause asks for."""
    if number == "4.3":
        return "emskit.yaml"  # ems.scope
    if number == "5.1":
        return "roles.yaml"  # top_management roles with their people
    for part in ALL_PARTS:
        if number in part.clauses:
            return part.pattern.split("*")[0] or part.pattern
    return "emskit gap"
