"""What emskit check returns: the findings of one run, settled, located and sorted.

A value below every judgement (like Finding), so that a check answered from the cache and
its reporters never import the rules, the models or the loader.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from emskit.finding import Finding, Severity
from emskit.rule import Rule


@dataclass
class CheckResult:
    root: Path
    as_of: dt.date
    edition: str
    findings: list[Finding]
    # The rules the run knew; empty for a result read back from the cache (a reporter that
    # lists every rule then reads emskit.rules.RULES itself).
    rules: tuple[Rule, ...] = ()

    def counts(self) -> dict[str, int]:
        tally = Counter(finding.severity for finding in self.findings)
        return {
            level.label: tally.get(level, 0)
            for level in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        }

    def failed(self, fail_on: Severity) -> bool:
        return any(finding.severity >= fail_on for finding in self.findings)
