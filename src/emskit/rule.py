"""What a rule is: a stable code, a kebab-case name, a default level, the clauses it bears on."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from emskit.finding import Finding, Severity

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    clauses: tuple[str, ...]  # ISO 14001:2015 numbering; mapped to the repository's edition
    doc: str  # the user documentation: what it checks, a passing and a failing example

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name

    @property
    def description(self) -> str:
        return textwrap.dedent(self.doc).strip()

    def at(
        self,
        file: str,
        loc: tuple[str | int, ...] = (),
        message: str = "",
        *,
        ids: tuple[str, ...] | list[str] = (),
        line: int | None = None,
        column: int | None = None,
        at_key: bool = False,
    ) -> Finding:
        return Finding(
            code=self.code,
            rule=self.name,
            severity=self.severity,
            message=message,
            file=file,
            line=line,
            column=column,
            loc=loc,
            clauses=self.clauses,
            ids=tuple(ids),
            at_key=at_key,
        )
