"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from emskit import __version__
from emskit.finding import Finding
from emskit.report.finding_cap import capped
from emskit.report.json_out import write_json
from emskit.rules import RULES

if TYPE_CHECKING:
    from emskit.check_result import CheckResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/emskit/emskit"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def document(result: CheckResult) -> dict[str, Any]:
    rules = list(result.rules or RULES)  # a cached result carries none: every rule
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "emskit",
                        "semanticVersion": __version__,
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_descriptor(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": result.root.resolve().as_uri() + "/"}},
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "properties": {"asOf": result.as_of.isoformat(), "edition": result.edition},
                    }
                ],
                "results": [_result(f, rule_index[f.code]) for f in capped(result.findings)],
            }
        ],
    }


def _descriptor(rule: Any) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": rule.description, "markdown": rule.description},
        "defaultConfiguration": {"level": _LEVEL[rule.severity.label]},
        "properties": {"tags": ["iso14001", *(f"clause-{c}" for c in rule.clauses)]},
    }


def _result(finding: Finding, index: int) -> dict[str, Any]:
    return {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": _LEVEL[finding.severity.label],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": finding.file, "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": finding.line or 1, "startColumn": finding.column or 1},
                }
            }
        ],
        "partialFingerprints": {"emskit/v1": _fingerprint(finding)},
        "properties": {
            "clauses": list(finding.clauses),
            "ids": list(finding.ids),
            "path": finding.path,
        },
    }


def _fingerprint(finding: Finding) -> str:
    # Stable across line moves: the rule, the file, the data path and the message.
    import hashlib

    key = "\0".join((finding.code, finding.file, finding.path, finding.message))
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def render(result: CheckResult, out: TextIO) -> None:
    write_json(document(result), out)
