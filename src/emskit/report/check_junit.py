"""JUnit XML: one test suite per file checked, one failing test case per finding.

CI systems that read JUnit show each finding as a failed test named after its rule and
location; a clean repository is one passing test case.
"""

from __future__ import annotations

from itertools import groupby
from typing import TextIO
from xml.etree import ElementTree as ET

from emskit.finding import Finding, Severity
from emskit.rules.result import CheckResult


def render(result: CheckResult, out: TextIO, fail_on: Severity) -> None:
    root = ET.Element("testsuites", name="emskit check")
    total = failures = 0
    for file, group in groupby(result.findings, key=lambda f: f.file):
        findings = list(group)
        failed = [f for f in findings if f.severity >= fail_on]
        suite = ET.SubElement(
            root,
            "testsuite",
            name=file,
            tests=str(len(findings)),
            failures=str(len(failed)),
            errors="0",
            skipped="0",
        )
        for finding in findings:
            _case(suite, finding, finding.severity >= fail_on)
        total += len(findings)
        failures += len(failed)
    if not result.findings:
        suite = ET.SubElement(
            root, "testsuite", name="emskit", tests="1", failures="0", errors="0", skipped="0"
        )
        ET.SubElement(suite, "testcase", classname="emskit", name="repository checks clean")
        total = 1
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def _case(suite: ET.Element, finding: Finding, failed: bool) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        classname=f"{finding.code}.{finding.rule}",
        name=f"{finding.file}:{finding.line}:{finding.column}",
        file=finding.file,
        line=str(finding.line),
    )
    detail = f"{finding.message}\nclauses: {', '.join(finding.clauses) or '-'}"
    if failed:
        ET.SubElement(
            case, "failure", message=finding.message, type=finding.severity.label
        ).text = detail
    else:
        ET.SubElement(case, "system-out").text = f"[{finding.severity.label}] {detail}"
