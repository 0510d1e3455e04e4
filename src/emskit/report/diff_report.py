"""emskit diff for programs (JSON) and people (text). The Markdown for a pull-request comment
is in diff_markdown.py; all three read the same document() values."""

from __future__ import annotations

from typing import Any, TextIO

from emskit import __version__
from emskit.changes.judgements import StatusChange
from emskit.changes.obligations import ObligationChange
from emskit.changes.records import RecordChange
from emskit.changes.result import EmsDiff
from emskit.escaping import terminal_text
from emskit.finding import Finding
from emskit.report.json_out import write_json
from emskit.report.score_json import verdict_change
from emskit.report.score_text import change_line


def document(diff: EmsDiff) -> dict[str, Any]:
    return {
        "emskit": __version__,
        "as_of": diff.as_of.isoformat(),
        "base": diff.base,
        "head": diff.head,
        "summary": counts(diff),
        "records": [_record(c) for c in diff.records],
        "significance": {
            "method": {"before": diff.method_before, "after": diff.method_after},
            "changes": [verdict_change(c) for c in diff.significance],
        },
        "obligations": [
            {"id": c.id, "change": c.change, "detail": c.detail} for c in diff.obligations
        ],
        "clauses": [_status(c, "clause") for c in diff.clauses],
        "readiness": [_status(c, "rule") for c in diff.readiness],
        "findings": {
            "new": [_finding(f) for f in diff.new_findings],
            "resolved": [_finding(f) for f in diff.resolved_findings],
        },
    }


def counts(diff: EmsDiff) -> dict[str, int]:
    """The headline numbers, in the order a reviewer reads them."""
    return {
        "records_added": sum(1 for c in diff.records if c.change == "added"),
        "records_removed": sum(1 for c in diff.records if c.change == "removed"),
        "records_changed": sum(1 for c in diff.records if c.change == "changed"),
        "significance_changes": len(diff.significance),
        "obligation_changes": len(diff.obligations),
        "clause_changes": len(diff.clauses),
        "readiness_changes": len(diff.readiness),
        "new_findings": len(diff.new_findings),
        "resolved_findings": len(diff.resolved_findings),
    }


def _record(c: RecordChange) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "id": c.id,
        "change": c.change,
        "file": c.file,
        "fields": [{"name": f.name, "before": f.before, "after": f.after} for f in c.fields],
    }


def _status(c: StatusChange, key: str) -> dict[str, Any]:
    return {key: c.id, "title": c.title, "before": c.before, "after": c.after, "reason": c.reason}


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "rule": f.rule,
        "severity": f.severity.label,
        "message": f.message,
        "file": f.file,
        "line": f.line,
    }


def render_json(diff: EmsDiff, out: TextIO) -> None:
    write_json(document(diff), out)


def field_text(c: RecordChange) -> str:
    return ", ".join(
        f"{f.name} {f.before} -> {f.after}" if f.before and f.after else f.name for f in c.fields
    )


def status_text(c: StatusChange) -> str:
    text = f"{c.id} {c.title}: " if c.title != c.id else f"{c.id}: "
    text += f"{c.before or 'not assessed'} -> {c.after or 'not assessed'}"
    return text + (f" ({c.reason})" if c.reason else "")


def obligation_text(c: ObligationChange) -> str:
    return f"{c.id} {c.change}: {c.detail}"


def finding_text(f: Finding) -> str:
    return f"{f.file}:{f.line or 1}: [{f.severity.label}] {f.message} ({f.code} {f.rule})"


def render_text(diff: EmsDiff, out: TextIO) -> None:
    out.write(terminal_text(f"EMS changes from {diff.base} to {diff.head} as of {diff.as_of}\n"))
    if diff.empty:
        out.write("No change to the EMS.\n")
        return
    sections: list[tuple[str, list[str]]] = [
        (
            "Records",
            [
                f"{c.change} {c.kind} {c.id} ({c.file})"
                + (f": {field_text(c)}" if c.fields else "")
                for c in diff.records
            ],
        ),
        ("Significance", [change_line(c) for c in diff.significance]),
        ("Obligations", [obligation_text(c) for c in diff.obligations]),
        ("Clauses (gap)", [status_text(c) for c in diff.clauses]),
        ("Readiness", [status_text(c) for c in diff.readiness]),
        ("New findings", [finding_text(f) for f in diff.new_findings]),
        ("Resolved findings", [finding_text(f) for f in diff.resolved_findings]),
    ]
    if diff.method_before != diff.method_after:
        sections[1][1].insert(0, f"method {diff.method_before} -> {diff.method_after}")
    for title, lines in sections:
        if lines:
            out.write(f"\n{title} ({len(lines)}):\n")
            out.writelines(f"- {terminal_text(line)}\n" for line in lines)
