"""emskit status for people (a ranked table) and for programs (JSON)."""

from __future__ import annotations

from typing import TextIO

from emskit import __version__
from emskit.certification.status_result import StatusResult
from emskit.report.json_out import write_json
from emskit.report.table import render_table

# A message longer than this runs on: on a large repository one step lists thousands of
# obligations (half a million characters), and padding every line to it wrote gigabytes.
_WIDEST = 120


def render_text(result: StatusResult, out: TextIO) -> None:
    if result.steps:
        rows = [
            [str(number), step.level, step.message, step.act]
            for number, step in enumerate(result.steps, start=1)
        ]
        render_table(
            out,
            ["#", "level", "what", "act on"],
            rows,
            title=f"What to do next, as of {result.as_of}",
            right=frozenset({0}),
            widest=_WIDEST,
        )
    counts = ", ".join(f"{n} {level}" for level, n in result.counts().items() if n)
    readiness = "ready to apply" if result.ready else "not ready"
    if result.steps:
        out.write(f"emskit status: {len(result.steps)} to do ({counts}); {readiness}\n")
    else:
        out.write(f"emskit status: nothing to do as of {result.as_of}; {readiness}\n")


def render_json(result: StatusResult, out: TextIO) -> None:
    write_json(
        {
            "emskit": __version__,
            "as_of": result.as_of.isoformat(),
            "edition": result.edition,
            "within": result.within,
            "ready": result.ready,
            "failing": result.failing,
            "summary": result.counts(),
            "items": [
                {
                    "rank": number,
                    "level": step.level,
                    "source": step.source,
                    "message": step.message,
                    "act": step.act,
                    "file": step.file,
                    "line": step.line,
                    "ids": list(step.ids),
                    "clauses": list(step.clauses),
                    "due": step.due.isoformat() if step.due else None,
                }
                for number, step in enumerate(result.steps, start=1)
            ],
        },
        out,
    )
