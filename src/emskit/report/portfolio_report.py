"""emskit portfolio for people (a table, worst first), for programs (JSON) and spreadsheets
(CSV). Every format shows the same row values (RepoSummary.as_dict)."""

from __future__ import annotations

import csv
from typing import TextIO

from emskit import __version__
from emskit.escaping import spreadsheet_cell, terminal_text
from emskit.portfolio.result import PortfolioResult
from emskit.portfolio.summary import STATUS_ORDER, RepoSummary
from emskit.report.json_out import write_json
from emskit.report.table import render_table

CSV_COLUMNS = (
    "path",
    "status",
    "organisation",
    "edition",
    "errors",
    "warnings",
    "ready",
    "failing_rules",
    "gap_met",
    "gap_partial",
    "gap_missing",
    "overdue",
    "next_due",
    "certificate_status",
    "certificate_expires",
    "last_commit",
    "error",
)


def render_text(result: PortfolioResult, out: TextIO) -> None:
    headers = [
        "status",
        "repository",
        "organisation",
        "check",
        "readiness",
        "gap m/p/x",
        "overdue",
        "next due",
        "certificate",
        "last commit",
    ]
    render_table(
        out,
        headers,
        [_text_cells(row) for row in result.rows],
        title=f"EMS portfolio as of {result.as_of}",
    )
    # Errors are long sentences: under the table, so the columns stay readable.
    out.writelines(
        terminal_text(f"{row.path}: {row.error}") + "\n" for row in result.rows if row.error
    )
    counts = {s: sum(1 for r in result.rows if r.status == s) for s in STATUS_ORDER}
    shown = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    out.write(f"emskit portfolio: {len(result.rows)} repositories ({shown})\n")


def _text_cells(row: RepoSummary) -> list[str]:
    if row.error is not None:
        return [row.status, row.path, "(cannot be read: see below)", *[""] * 7]
    failing = "ready" if row.ready else " ".join(["not ready:", *row.failing_rules])
    return [
        row.status,
        row.path,
        row.organisation,
        f"{row.errors} E / {row.warnings} W",
        failing,
        f"{row.gap['met']}/{row.gap['partial']}/{row.gap['missing']}",
        str(row.overdue),
        "; ".join(f"{d.due} {d.id}" for d in row.next_due),
        row.certificate_status
        + (f" to {row.certificate_expires}" if row.certificate_expires else ""),
        row.last_commit or "",
    ]


def render_json(result: PortfolioResult, out: TextIO) -> None:
    write_json(
        {
            "emskit": __version__,
            "as_of": result.as_of.isoformat(),
            "summary": {s: sum(1 for r in result.rows if r.status == s) for s in STATUS_ORDER},
            "repositories": [row.as_dict() for row in result.rows],
        },
        out,
    )


def render_csv(result: PortfolioResult, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in result.rows:
        writer.writerow([spreadsheet_cell(_csv_value(row, column)) for column in CSV_COLUMNS])


def _csv_value(row: RepoSummary, column: str) -> str:
    if column.startswith("gap_"):
        return str(row.gap.get(column[4:], "")) if row.error is None else ""
    value = {
        "status": row.status,
        "ready": ("yes" if row.ready else "no") if row.error is None else "",
        "failing_rules": " ".join(row.failing_rules),
        "next_due": "; ".join(f"{d.due} {d.kind} {d.id}" for d in row.next_due),
    }.get(column, getattr(row, column, ""))
    return "" if value is None else str(value)
