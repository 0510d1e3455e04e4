"""The CI examples in examples/ci work: their shell steps run on a two-commit repository (a
branch on top of origin/main), with emskit and a recording `gh` on PATH."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from ems_git import commit_all, git, sample_repository
from test_diff import ASPECT

CI = ROOT / "examples" / "ci"
# What GitHub puts into ${{ }} expressions for a pull request from 'feature' into 'main'.
EXPRESSIONS = {
    "github.base_ref": "main",
    "github.event.pull_request.number": "7",
    "github.token": "not-a-token",
}
GH = """#!/bin/sh
# Records each call; --edit-last fails while there is no comment yet, as gh does.
echo "$*" >> "$GH_LOG"
case "$*" in *--edit-last*) [ -e "$GH_LOG.posted" ] || exit 1;; esac
cp ems-diff.md "$GH_LOG.posted"
"""


@pytest.fixture
def pull_request(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A clone of origin (the sample organisation on main) with one commit on 'feature' that
    adds a significant aspect nothing addresses; and the environment the steps run in."""
    upstream = sample_repository(tmp_path / "upstream")
    git(upstream, "branch", "-M", "main")
    git(tmp_path, "clone", "-q", "--bare", str(upstream), "origin.git")
    git(tmp_path, "clone", "-q", str(tmp_path / "origin.git"), "checkout")
    checkout = tmp_path / "checkout"
    git(checkout, "checkout", "-q", "-b", "feature")
    with (checkout / "aspects/die-casting.yaml").open("a", encoding="utf-8") as stream:
        stream.write(ASPECT)
    commit_all(checkout, "add the shot blasting line")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "emskit").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m emskit "$@"\n')
    (bin_dir / "gh").write_text(GH)
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "GH_LOG": str(tmp_path / "gh.log"),
        "NO_COLOR": "1",
    }
    return checkout, env


def _expand(script: str) -> str:
    return re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: EXPRESSIONS[m.group(1)], script)


def _run(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # GitHub's and GitLab's default shell for a step: bash, stop at the first failure.
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_github_workflow_steps(pull_request: tuple[Path, dict[str, str]]) -> None:
    checkout, env = pull_request
    workflow: dict[str, Any] = yaml.safe_load((CI / "github-actions.yml").read_text())
    steps = [s for s in workflow["jobs"]["ems"]["steps"] if "run" in s]
    assert steps[0]["name"] == "Install emskit"
    done = {
        s["name"]: _run(_expand(s["run"]), checkout, {**env, **s.get("env", {})})
        for s in steps[1:]  # emskit is on PATH already
    }
    check = done.pop("Check")
    assert check.returncode == 1  # the job fails on the new error...
    assert re.search(r"^::error file=aspects/die-casting\.yaml,line=\d+", check.stdout, re.M)
    assert "EMS303" in check.stdout
    for name, result in done.items():  # ...and every later step still does its work
        assert result.returncode == 0, (name, result.stderr)
    sarif = json.loads((checkout / "emskit.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    assert "EMS303" in {r["ruleId"] for r in sarif["runs"][0]["results"]}
    comment = (checkout / "ems-diff.md").read_text()
    assert comment.startswith("### EMS changes: `origin/main` → `HEAD`")
    assert "**added** aspect `ASP-099`" in comment
    calls = Path(env["GH_LOG"]).read_text().splitlines()
    assert calls == [
        "pr comment 7 --edit-last --body-file ems-diff.md",
        "pr comment 7 --body-file ems-diff.md",
    ]
    assert Path(env["GH_LOG"] + ".posted").read_text() == comment


def test_gitlab_job_script(pull_request: tuple[Path, dict[str, str]]) -> None:
    checkout, env = pull_request
    job: dict[str, Any] = yaml.safe_load((CI / "gitlab-ci.yml").read_text())["emskit"]
    assert job["script"][0] == "pip install emskit"
    base = git(checkout, "rev-parse", "origin/main").strip()
    result = _run(
        "\n".join(job["script"][1:]), checkout, {**env, "CI_MERGE_REQUEST_DIFF_BASE_SHA": base}
    )
    assert result.returncode == 1  # the job fails on the new error, after writing its reports
    report = job["artifacts"]["reports"]["junit"]
    failures = ET.parse(checkout / report).getroot().iter("failure")
    assert any("ASP-099" in (f.get("message", "") + (f.text or "")) for f in failures)
    assert "**added** aspect `ASP-099`" in (checkout / "ems-diff.md").read_text()
    assert set(job["artifacts"]["paths"]) == {"ems-diff.md", report}
