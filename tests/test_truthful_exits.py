"""Exit codes and reports that say the truth: an unusable method is a failure, not "0 of 0";
a front matter closed by '...' renders; machine reports cap repeated findings with a count."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from conftest import AS_OF, BASE_CONFIG, run_cli

from emskit.report.finding_cap import MOST_PER_RULE_AND_FILE

UNUSABLE = {"criteria": {}, "aggregate": "sum", "threshold": 2}
ASPECT = {
    "id": "ASP-001",
    "activity": "Work",
    "aspect": "Waste",
    "impact": "Harm",
    "condition": "normal",
    "scores": {"severity": 2},
}


def _scored(make_repo, significance: dict[str, object]) -> Path:
    return make_repo(
        {"aspects/a.yaml": {"aspects": [ASPECT]}}, {**BASE_CONFIG, "significance": significance}
    )


@pytest.mark.parametrize("extra", [[], ["--format", "csv"], ["--explain", "ASP-001"]])
def test_score_with_an_unusable_method_fails_with_the_method_finding(
    make_repo, extra: list[str]
) -> None:
    result = run_cli("score", "--repo", str(_scored(make_repo, UNUSABLE)), *extra)
    assert result.returncode == 1, result.stdout + result.stderr
    said = result.stdout + result.stderr
    assert "EMS401" in said and "the method has no criteria" in said
    assert "no aspect scored" in said and "0 of 0" not in said
    if "csv" in extra:
        assert result.stdout == ""  # no half table for a spreadsheet to read as the answer


def test_score_json_with_an_unusable_method_exits_1(make_repo) -> None:
    result = run_cli("score", "--repo", str(_scored(make_repo, UNUSABLE)), "--format", "json")
    assert result.returncode == 1
    assert any(f["code"] == "EMS401" for f in json.loads(result.stdout)["findings"])


def test_score_with_a_broken_config_names_the_problem(make_repo) -> None:
    root = _scored(make_repo, {"preset": "likelihood-x-severity", "bogus": 1})
    result = run_cli("score", "--repo", str(root))
    assert result.returncode == 2
    assert "emskit.yaml:" in result.stderr and "bogus" in result.stderr


def test_docs_render_reads_a_front_matter_closed_by_dots(make_repo, tmp_path: Path) -> None:
    document = (
        "---\nid: DOC-001\ntitle: Waste handling\ntype: procedure\nowner: ROLE-EHS\n"
        "status: draft\n...\n# Waste handling\n\nSort the waste at the source.\n"
    )
    root = make_repo(
        {
            "documents/waste.md": document,
            "roles.yaml": {"roles": [{"id": "ROLE-EHS", "title": "EHS engineer"}]},
        }
    )
    target = tmp_path / "waste.md"
    result = run_cli(
        "docs", "--repo", str(root), "render", "DOC-001", "-f", "md", "--out", str(target)
    )
    assert result.returncode == 0, result.stderr
    assert "Sort the waste at the source." in target.read_text(encoding="utf-8")


@pytest.fixture
def many_bad_rows(make_repo) -> Path:
    rows = "".join(f"2026-13-01,IND-X,abc{n},SITE-A,\n" for n in range(250))
    return make_repo({"monitoring/data/2026.csv": "date,indicator,value,site,note\n" + rows})


def _check(root: Path, fmt: str) -> str:
    result = run_cli("check", "--repo", str(root), "--as-of", AS_OF.isoformat(), "-f", fmt)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stdout


def test_sarif_caps_each_rule_per_file_with_a_count(many_bad_rows: Path) -> None:
    text_lines = [line for line in _check(many_bad_rows, "text").splitlines() if ".csv:" in line]
    by_rule: dict[str, int] = {}
    for line in text_lines:
        code = line.rsplit("(", 1)[1].split()[0]
        by_rule[code] = by_rule.get(code, 0) + 1
    code, total = max(by_rule.items(), key=lambda item: item[1])
    assert total > MOST_PER_RULE_AND_FILE  # the text format lists every finding
    results = json.loads(_check(many_bad_rows, "sarif"))["runs"][0]["results"]
    mine = [
        r
        for r in results
        if r["ruleId"] == code
        and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".csv")
    ]
    assert len(mine) == MOST_PER_RULE_AND_FILE + 1
    assert f"and {total - MOST_PER_RULE_AND_FILE} more {code}" in mine[-1]["message"]["text"]


def test_junit_caps_each_rule_per_file_with_a_count(many_bad_rows: Path) -> None:
    root = ET.fromstring(_check(many_bad_rows, "junit"))
    suite = next(s for s in root.iter("testsuite") if s.get("name", "").endswith(".csv"))
    cases = suite.findall("testcase")
    names = [c.get("classname") for c in cases]
    for code in set(names):
        assert names.count(code) <= MOST_PER_RULE_AND_FILE + 1
    assert any("more" in (f.get("message") or "") for c in cases for f in c.iter("failure"))
    assert int(suite.get("tests", "0")) == len(cases)


def test_docs_render_pdf_breaks_a_long_paragraph_across_pages(make_repo, tmp_path: Path) -> None:
    words = [f"word{n:05d}" for n in range(30000)]  # 300 KB in one paragraph
    document = (
        "---\nid: DOC-001\ntitle: Long\ntype: procedure\nowner: ROLE-EHS\nstatus: draft\n---\n"
        + " ".join(words)
        + "\n"
    )
    root = make_repo(
        {
            "documents/long.md": document,
            "roles.yaml": {"roles": [{"id": "ROLE-EHS", "title": "EHS engineer"}]},
        }
    )
    target = tmp_path / "long.pdf"
    result = run_cli("docs", "--repo", str(root), "render", "DOC-001", "--out", str(target))
    assert result.returncode == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = text.split()
    assert found.count("word00000") == 1 and found.count("word29999") == 1
    assert len([w for w in found if w.startswith("word")]) == len(words)  # nothing lost or cut
    assert text.count("\f") > 10  # onto many pages
