"""At most a fixed number of findings per rule and file in the reports made for machines that
hold every result in memory (SARIF, JUnit, GitHub annotations), then one finding saying how
many more there are.

A bad 100,000-row CSV gives 100,000 findings of one rule; SARIF of them took 800 MB and
GitHub shows only the first few annotations of a step anyway. The text and JSON formats list
every finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from emskit.finding import Finding, Severity

MOST_PER_RULE_AND_FILE = 100


@dataclass
class _Omitted:
    count: int = 0
    severity: Severity = Severity.INFO


def capped(findings: Iterable[Finding], most: int = MOST_PER_RULE_AND_FILE) -> Iterator[Finding]:
    """The findings in their order, the first ``most`` of each (file, rule); in place of the
    first one left out, a summary with the count left out and their highest severity."""
    findings = list(findings)
    seen: dict[tuple[str, str], int] = {}
    omitted: dict[tuple[str, str], _Omitted] = {}
    for finding in findings:
        key = (finding.file, finding.code)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > most:
            left = omitted.setdefault(key, _Omitted())
            left.count += 1
            left.severity = max(left.severity, finding.severity)
    seen.clear()
    for finding in findings:
        key = (finding.file, finding.code)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= most:
            yield finding
        elif seen[key] == most + 1:
            yield _summary(finding, omitted[key], most)


def _summary(first: Finding, left: _Omitted, most: int) -> Finding:
    return first.with_(
        severity=left.severity,
        message=(
            f"and {left.count} more {first.code} {first.rule} finding"
            f"{'s' if left.count != 1 else ''} in this file, from here on (this format lists "
            f"the first {most} per rule and file; 'emskit check -f text' or '-f json' lists all)"
        ),
        loc=(),
        ids=(),
    )
