"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from typing import TextIO

from emskit.check_result import CheckResult
from emskit.escaping import terminal_text
from emskit.report.check_text import summary
from emskit.report.finding_cap import capped

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return terminal_text(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: CheckResult, out: TextIO) -> None:
    for f in capped(result.findings):
        clauses = f" [{', '.join(f.clauses)}]" if f.clauses else ""
        out.write(
            f"::{_COMMAND[f.severity.label]} file={_escape_property(f.file)},line={f.line},"
            f"col={f.column},title={_escape_property(f'{f.code} {f.rule}')}::"
            f"{_escape_data(f.message + clauses)}\n"
        )
    out.write(summary(result) + "\n")
