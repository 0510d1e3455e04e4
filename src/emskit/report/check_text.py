"""``file:line:col: [level] message (CODE rule) [clauses]``, one finding a line, and a summary.

Plain on a pipe or with NO_COLOR; coloured with rich on a terminal (rich is imported only then).
"""

from __future__ import annotations

import os
from typing import TextIO

from emskit.check_result import CheckResult
from emskit.escaping import terminal_text
from emskit.finding import Finding

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(result: CheckResult, out: TextIO) -> None:
    colour = out.isatty() and "NO_COLOR" not in os.environ
    if colour:
        _render_rich(result, out)
        return
    out.writelines(finding_line(finding) + "\n" for finding in result.findings)
    out.write(summary(result) + "\n")


def finding_line(finding: Finding) -> str:
    clauses = f" [{', '.join(finding.clauses)}]" if finding.clauses else ""
    return terminal_text(
        f"{finding.file}:{finding.line}:{finding.column}: [{finding.severity.label}] "
        f"{finding.message} ({finding.code} {finding.rule}){clauses}"
    )


def summary(result: CheckResult) -> str:
    counts = result.counts()
    files = len({finding.file for finding in result.findings})
    if not result.findings:
        return f"emskit check: no findings (edition {result.edition}, as of {result.as_of})"
    parts = [f"{n} {level}{'s' if n != 1 else ''}" for level, n in counts.items() if n]
    return (
        f"emskit check: {', '.join(parts)} in {files} file{'s' if files != 1 else ''} "
        f"(edition {result.edition}, as of {result.as_of})"
    )


def _render_rich(result: CheckResult, out: TextIO) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False)
    for finding in result.findings:
        level = finding.severity.label
        line = Text()
        line.append(terminal_text(f"{finding.file}:{finding.line}:{finding.column}"), style="bold")
        line.append(": ")
        line.append(f"[{level}]", style=_STYLE[level])
        line.append(f" {terminal_text(finding.message)} ")
        line.append(f"({finding.code} {finding.rule})", style="dim")
        if finding.clauses:
            line.append(f" [{', '.join(finding.clauses)}]", style="dim")
        console.print(line)
    console.print(Text(summary(result), style="bold"))
