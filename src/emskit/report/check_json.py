"""The JSON contract of ``emskit check`` (repository-format.md, "Output contract")."""

from __future__ import annotations

from typing import TextIO

from emskit import __version__
from emskit.check_result import CheckResult
from emskit.finding import Severity
from emskit.report.json_out import write_json


def document(result: CheckResult, fail_on: Severity) -> dict[str, object]:
    return {
        "emskit": __version__,
        "as_of": result.as_of.isoformat(),
        "edition": result.edition,
        "status": "fail" if result.failed(fail_on) else "pass",
        "summary": result.counts(),
        "findings": [finding.to_dict() for finding in result.findings],
    }


def render(result: CheckResult, out: TextIO, fail_on: Severity) -> None:
    write_json(document(result, fail_on), out)
