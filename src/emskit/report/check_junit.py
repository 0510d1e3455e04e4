"""JUnit XML: one test suite per file checked, one failing test case per finding (at most
100 per rule and file, then one saying how many more: see finding_cap).

CI systems that read JUnit show each finding as a failed test named after its rule and
location; a clean repository is one passing test case.
"""

from __future__ import annotations

from itertools import groupby
from typing import TextIO
from xml.etree import ElementTree as ET

from emskit.check_result import CheckResult
from emskit.escaping import xml_text
from emskit.finding import Finding, Severity
from emskit.report.finding_cap import capped


def render(result: CheckResult, out: TextIO, fail_on: Severity) -> None:
    root = ET.Element("testsuites", name="emskit check")
    total = failures = 0
    for file, group in groupby(capped(result.findings), key=lambda f: f.file):
        findings = list(group)
        failed = [f for f in findings if f.severity >= fail_on]
        suite = ET.SubElement(
            root,
            "testsuite",
            name=xml_text(file),
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
    # Findings quote the repository's text: XML cannot hold every character it may contain.
    file, message = xml_text(finding.file), xml_text(finding.message)
    case = ET.SubElement(
        suite,
        "testcase",
        classname=f"{finding.code}.{finding.rule}",
        name=f"{file}:{finding.line}:{finding.column}",
        file=file,
        line=str(finding.line),
    )
    detail = f"{message}\nclauses: {', '.join(finding.clauses) or '-'}"
    if failed:
        ET.SubElement(case, "failure", message=message, type=finding.severity.label).text = detail
    else:
        ET.SubElement(case, "system-out").text = f"[{finding.severity.label}] {detail}"
