"""emskit diff: a change between two revisions in EMS terms, read from git blobs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF, run_cli
from ems_git import commit_all, edit, git, sample_repository

ASPECT = """  - id: ASP-099
    site: SITE-SZ
    department: Die casting
    activity: New shot blasting line
    aspect: Dust from shot blasting
    impact: [Air pollution]
    category: emissions-to-air
    condition: normal
    lifecycle_stage: production
    scores: {frequency: 5, legal: 5, extent: 3, recoverability: 2, public_concern: 2, difficulty: 2}
    owner: ROLE-DC
    reviewed: 2026-11-01
"""


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample organisation, then one commit each: an aspect added, a score changed, a
    permit expired, an evaluation failed."""
    root = sample_repository(tmp_path_factory.mktemp("diff") / "ems")
    with (root / "aspects/die-casting.yaml").open("a", encoding="utf-8") as stream:
        stream.write(ASPECT)
    commit_all(root, "add an aspect")
    edit(
        root,
        "aspects/die-casting.yaml",
        "scores: {frequency: 5, legal: 1, extent: 3, recoverability: 3, public_concern: 1,",
        "scores: {frequency: 5, legal: 3, extent: 3, recoverability: 3, public_concern: 2,",
    )
    commit_all(root, "change a score")
    edit(root, "obligations/permits-and-local.yaml", "expires: 2028-06-30", "expires: 2026-10-31")
    commit_all(root, "expire a permit")
    edit(
        root,
        "records/evaluations/EVA-2026-02.yaml",
        "{obligation: OBL-011, result: compliant}",
        "{obligation: OBL-011, result: non-compliant, note: COD over the limit in October}",
    )
    commit_all(root, "fail an evaluation")
    return root


def _diff(root: Path, *args: str, format: str = "json") -> Any:
    result = run_cli(
        "diff", *args, "--repo", str(root), "--as-of", AS_OF.isoformat(), "--format", format
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Warning" not in result.stderr
    return json.loads(result.stdout) if format == "json" else result.stdout


def test_an_added_aspect(history: Path) -> None:
    doc = _diff(history, "HEAD~4", "HEAD~3")
    assert [(r["kind"], r["id"], r["change"]) for r in doc["records"]] == [
        ("aspect", "ASP-099", "added")
    ]
    [change] = doc["significance"]["changes"]
    assert change["id"] == "ASP-099" and change["cause"] == "added"
    assert change["significant"] == {"before": False, "after": True}
    assert {c["rule"]: c["after"] for c in doc["readiness"]} == {
        "significant-aspects-controlled": "fail"
    }
    assert {c["clause"] for c in doc["clauses"]} == {"6.1.4", "8.1"}
    assert {f["code"] for f in doc["findings"]["new"]} == {"EMS303"}
    assert doc["summary"]["records_added"] == 1
    assert "- added aspect ASP-099 (aspects/die-casting.yaml)" in _diff(
        history, "HEAD~4", "HEAD~3", format="text"
    )
    assert "**added** aspect `ASP-099` in `aspects/die-casting.yaml`" in _diff(
        history, "HEAD~4", "HEAD~3", format="md"
    )


def test_a_changed_score_says_the_data_changed(history: Path) -> None:
    doc = _diff(history, "HEAD~3", "HEAD~2")
    [record] = doc["records"]
    assert (record["id"], record["change"]) == ("ASP-002", "changed")
    assert {f["name"]: (f["before"], f["after"]) for f in record["fields"]} == {
        "scores.legal": ("1", "3"),
        "scores.public_concern": ("1", "2"),
    }
    [change] = doc["significance"]["changes"]
    assert change["id"] == "ASP-002" and change["cause"] == "data"
    assert change["score"] == {"before": 15, "after": 18}
    assert "scores.legal 1 -> 3" in change["data_changes"]


def test_an_expired_permit(history: Path) -> None:
    doc = _diff(history, "HEAD~2", "HEAD~1")
    assert doc["obligations"] == [
        {"id": "OBL-007", "change": "expired", "detail": "expired on 2026-10-31"}
    ]
    assert [(c["clause"], c["before"], c["after"]) for c in doc["clauses"]] == [
        ("6.1.3", "met", "partial")
    ]
    assert {f["code"] for f in doc["findings"]["new"]} == {"EMS502"}


def test_a_failed_evaluation(history: Path) -> None:
    doc = _diff(history, "HEAD~1", "HEAD")
    assert doc["obligations"] == [
        {
            "id": "OBL-011",
            "change": "evaluation",
            "detail": "compliant -> non-compliant (EVA-2026-02)",
        }
    ]
    assert [(c["rule"], c["before"], c["after"]) for c in doc["readiness"]] == [
        ("compliance-evaluation", "pass", "fail")
    ]
    assert {f["code"] for f in doc["findings"]["new"]} == {"EMS304"}
    assert doc["findings"]["resolved"] == []


@pytest.mark.parametrize(
    ("revisions", "expected"),
    [
        (("HEAD~4", "HEAD~3"), ["ASP-099: score - -> 19; added"]),
        (("HEAD~3", "HEAD~2"), ["ASP-002: score 15 -> 18; data (scores.legal 1 -> 3"]),
        (("HEAD~2", "HEAD~1"), ["OBL-007 expired: expired on 2026-10-31"]),
        (
            ("HEAD~1", "HEAD"),
            [
                "OBL-011 evaluation: compliant -> non-compliant",
                "compliance-evaluation: pass -> fail",
            ],
        ),
    ],
)
def test_each_step_in_text_and_markdown(
    history: Path, revisions: tuple[str, str], expected: list[str]
) -> None:
    text = _diff(history, *revisions, format="text")
    md = _diff(history, *revisions, format="md")
    for phrase in expected:
        assert phrase in text
        assert phrase.replace("->", "-&gt;") in md
    assert md.startswith(f"### EMS changes: `{revisions[0]}` → `{revisions[1]}`")
    assert "| change | count |" in md
    assert md.count("<details>") == md.count("</details>") >= 2


def test_head_against_the_work_tree_leaves_the_work_tree_alone(history: Path) -> None:
    edit(history, "policy.yaml", "\n", "\n# a reviewer's note\n")
    try:
        status = git(history, "status", "--porcelain")
        text = _diff(history, format="text")
        assert "EMS changes from HEAD to work tree" in text
        assert "No change to the EMS." in text  # a comment changes no record
        assert git(history, "status", "--porcelain") == status
        assert "a reviewer's note" in (history / "policy.yaml").read_text(encoding="utf-8")
    finally:
        git(history, "checkout", "-q", "--", "policy.yaml")


def test_whole_history_in_one_diff(history: Path) -> None:
    summary = _diff(history, "HEAD~4", "HEAD")["summary"]
    assert summary["records_added"] == 1 and summary["records_changed"] == 3
    assert summary["significance_changes"] == 2 and summary["obligation_changes"] == 2
    assert summary["readiness_changes"] == 2 and summary["new_findings"] == 4


def test_repository_text_cannot_inject_html_into_the_comment(history: Path) -> None:
    edit(
        history,
        "aspects/die-casting.yaml",
        "aspect: Dust from shot blasting",
        'aspect: "<img src=x onerror=alert(1)> | dust"',
    )
    try:
        md = _diff(history, format="md")
        assert "<img" not in md and "&lt;img" in md
    finally:
        git(history, "checkout", "-q", "--", "aspects/die-casting.yaml")


@pytest.mark.parametrize(
    ("args", "message"),
    [(["no-such-branch"], "'no-such-branch' is not a commit"), (["HEAD", "nope"], "'nope'")],
)
def test_unknown_revisions_exit_2(history: Path, args: list[str], message: str) -> None:
    result = run_cli("diff", *args, "--repo", str(history))
    assert result.returncode == 2 and message in result.stderr


def test_outside_git_exits_2(tmp_path: Path) -> None:
    (tmp_path / "emskit.yaml").write_text(
        "emskit: 1\norganization: {name: X, sites: [{id: S, name: S}]}\n"
        "ems: {edition: '2015+A1:2024', scope: x}\n",
        encoding="utf-8",
    )
    result = run_cli("diff", "--repo", str(tmp_path))
    assert result.returncode == 2 and "not in a git repository" in result.stderr
