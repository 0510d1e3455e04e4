"""emskit ready for people and for programs."""

from __future__ import annotations

from typing import TextIO

from emskit import __version__
from emskit.certification.ready_result import ReadyResult
from emskit.report.json_out import write_json
from emskit.report.table import render_table
from emskit.vocabulary import FAIL, NOT_APPLICABLE, PASS, WARN

_MARK = {PASS: "pass", FAIL: "FAIL", WARN: "warn", NOT_APPLICABLE: "n/a"}


def render_text(result: ReadyResult, out: TextIO) -> None:
    rows = [[v.id, _MARK[v.status], v.message, ", ".join(v.clauses)] for v in result.verdicts]
    render_table(
        out,
        ["rule", "status", "why", "clauses"],
        rows,
        title=f"Certification readiness as of {result.as_of}",
    )
    failed = [v.id for v in result.verdicts if v.status == FAIL]
    verdict = (
        "ready to apply"
        if result.ready
        else f"not ready ({len(failed)} rules fail: {', '.join(failed)})"
    )
    out.write(f"emskit ready: {verdict}\n")


def render_json(result: ReadyResult, out: TextIO) -> None:
    write_json(
        {
            "emskit": __version__,
            "as_of": result.as_of.isoformat(),
            "ready": result.ready,
            "rules": [
                {
                    "id": v.id,
                    "status": v.status,
                    "message": v.message,
                    "ids": v.ids,
                    "clauses": list(v.clauses),
                }
                for v in result.verdicts
            ],
        },
        out,
    )
