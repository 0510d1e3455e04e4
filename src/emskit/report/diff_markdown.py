"""emskit diff as Markdown to paste (or post from CI) as a pull-request comment: the headline
counts first, then one collapsible section per kind of change, so a reviewer sees the size of
the change at a glance and opens what concerns them."""

from __future__ import annotations

from typing import TextIO

from emskit.changes.result import EmsDiff
from emskit.escaping import markdown_cell as _md
from emskit.escaping import markdown_code as _code
from emskit.report.diff_report import (
    counts,
    field_text,
    finding_text,
    obligation_text,
    status_text,
)
from emskit.report.score_text import change_line

_HEADLINES = (
    ("records_added", "records added"),
    ("records_removed", "records removed"),
    ("records_changed", "records changed"),
    ("significance_changes", "significance verdicts changed"),
    ("obligation_changes", "obligation changes"),
    ("clause_changes", "clauses changed gap status"),
    ("readiness_changes", "readiness rules changed verdict"),
    ("new_findings", "new check findings"),
    ("resolved_findings", "check findings resolved"),
)


def render_markdown(diff: EmsDiff, out: TextIO) -> None:
    lines = [f"### EMS changes: {_code(diff.base)} → {_code(diff.head)} (as of {diff.as_of})", ""]
    if diff.empty:
        out.write("\n".join([*lines, "No change to the EMS.", ""]))
        return
    numbers = counts(diff)
    lines += ["| change | count |", "| --- | ---: |"]
    lines += [f"| {label} | {numbers[key]} |" for key, label in _HEADLINES if numbers[key]]
    lines.append("")
    for title, rows in _sections(diff):
        if rows:
            lines += [f"<details><summary>{title} ({len(rows)})</summary>", ""]
            lines += [f"- {row}" for row in rows]
            lines += ["", "</details>", ""]
    out.write("\n".join(lines))


def _sections(diff: EmsDiff) -> list[tuple[str, list[str]]]:
    records = [
        f"**{c.change}** {_md(c.kind)} {_code(c.id)} in {_code(c.file)}"
        + (f": {_md(field_text(c))}" if c.fields else "")
        for c in diff.records
    ]
    significance = [_md(change_line(c)) for c in diff.significance]
    if diff.method_before != diff.method_after:
        significance.insert(0, _md(f"method {diff.method_before} -> {diff.method_after}"))
    return [
        ("Records", records),
        ("Significance", significance),
        ("Obligations", [_md(obligation_text(c)) for c in diff.obligations]),
        ("Clauses (gap)", [_md(status_text(c)) for c in diff.clauses]),
        ("Readiness", [_md(status_text(c)) for c in diff.readiness]),
        ("New check findings", [_md(finding_text(f)) for f in diff.new_findings]),
        ("Resolved check findings", [_md(finding_text(f)) for f in diff.resolved_findings]),
    ]
