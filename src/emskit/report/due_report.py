"""emskit due as a table grouped by state and owner, as JSON, and as an iCalendar file."""

from __future__ import annotations

import hashlib
from itertools import groupby
from typing import TextIO

from emskit import __version__
from emskit.calendar.due_item import STATES
from emskit.calendar.due_result import DueResult
from emskit.calendar.periods import add_days
from emskit.escaping import ics_fold, ics_text
from emskit.report.json_out import write_json
from emskit.report.table import render_table


def render_text(result: DueResult, out: TextIO) -> None:
    for state in STATES:
        group = sorted(
            (d for d in result.items if d.state == state),
            key=lambda d: (d.item.owner or "~", d.item.due),
        )
        if not group:
            continue
        title = {
            "overdue": f"Overdue (before {result.as_of})",
            "due": f"Due by {result.until}",
            "later": "Later",
        }[state]
        rows = [
            [
                owner or "(no owner)",
                d.item.due.isoformat(),
                d.item.kind,
                d.item.id,
                d.item.title,
                f"{d.item.file}:{d.line}",
            ]
            for owner, items in groupby(group, key=lambda d: d.item.owner)
            for d in items
        ]
        render_table(out, ["owner", "due", "kind", "id", "what", "where"], rows, title=title)
        out.write("\n")
    counts = {s: sum(1 for d in result.items if d.state == s) for s in STATES}
    out.write(
        f"emskit due: {counts['overdue']} overdue, {counts['due']} due by {result.until}, "
        f"{counts['later']} later (as of {result.as_of})\n"
    )


def render_json(result: DueResult, out: TextIO) -> None:
    write_json(
        {
            "emskit": __version__,
            "as_of": result.as_of.isoformat(),
            "until": result.until.isoformat(),
            "items": [
                {
                    "id": d.item.id,
                    "kind": d.item.kind,
                    "title": d.item.title,
                    "due": d.item.due.isoformat(),
                    "state": d.state,
                    "owner": d.item.owner,
                    "file": d.item.file,
                    "line": d.line,
                    "clauses": list(d.item.clauses),
                    "note": d.item.note,
                }
                for d in result.items
            ],
        },
        out,
    )


def render_ics(result: DueResult, out: TextIO) -> None:
    """RFC 5545: CRLF lines folded at 75 octets, all-day events, UIDs stable across runs so
    that importing again updates events instead of duplicating them. DTSTAMP is the as-of
    date, so the same repository and date give the same bytes."""
    stamp = result.as_of.strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//emskit//emskit {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        _text("X-WR-CALNAME", f"EMS calendar: {result.organization}"),
    ]
    for dated in result.items:
        item = dated.item
        digest = hashlib.sha256(f"{result.organization}\n{item.uid_key}".encode()).hexdigest()[:32]
        lines += [
            "BEGIN:VEVENT",
            f"UID:{digest}@emskit",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{item.due.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{add_days(item.due, 1).strftime('%Y%m%d')}",
            _text("SUMMARY", f"{item.title} ({item.id})"),
            _text(
                "DESCRIPTION",
                f"{item.kind}; owner {item.owner or 'none'}; {item.file}:{dated.line}"
                + (f"; {item.note}" if item.note else "")
                + (f"; ISO 14001 {', '.join(item.clauses)}" if item.clauses else ""),
            ),
            _text("CATEGORIES", item.kind),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    out.write("".join(ics_fold(line) + "\r\n" for line in lines))


def _text(name: str, value: str) -> str:
    return f"{name}:{ics_text(value)}"
