"""emskit score --write (edits that keep everything else) and --diff REF (verdicts across commits)."""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
from pathlib import Path

from conftest import BASE_CONFIG, SAMPLE, run_cli, write_tree

CONFIG = {**BASE_CONFIG, "significance": {"preset": "likelihood-x-severity"}}

COMMENTED = """\
# Paint shop aspects — reviewed 2026-01
aspects:
  # the big one
  - id: ASP-001
    activity: "Spray painting, two coats"   # quoted on purpose
    aspect: 'VOC emissions'
    impact: [Air pollution]
    condition: normal
    scores: {likelihood: 5, severity: 4}   # 20
    significant: false
    owner: ROLE-X

  - {id: ASP-002, activity: Drying, aspect: Gas use, impact: [Climate], condition: normal, scores: {likelihood: 1, severity: 2}, significant: yes}
  - id: ASP-003
    activity: {en: Cleaning guns, zh-CN: 清洗喷枪}
    aspect: Solvent waste
    impact: Soil
    condition: abnormal
    scores:
      likelihood: 3
      severity: 5

    # kept as it is
    reviewed: 2026-01-20
  - id: ASP-004
    activity: Masking
    aspect: Tape waste
    impact: Landfill
    condition: normal
    scores: {likelihood: 1, severity: 1}
    significant: true
    significance_note: Customer requires it to be managed as significant
"""

EXPECTED = (
    COMMENTED.replace(
        "    scores: {likelihood: 5, severity: 4}   # 20\n    significant: false\n",
        "    scores: {likelihood: 5, severity: 4}   # 20\n    significant: true\n",
    )
    .replace(
        "scores: {likelihood: 1, severity: 2}, significant: yes}",
        "scores: {likelihood: 1, severity: 2}, significant: false}",
    )
    .replace("      severity: 5\n\n", "      severity: 5\n    significant: true\n\n")
)


def _repo(tmp_path: Path, aspects: str) -> Path:
    return write_tree(tmp_path / "repo", {"emskit.yaml": CONFIG, "aspects/paint.yaml": aspects})


def test_write_changes_only_the_verdicts(tmp_path: Path) -> None:
    root = _repo(tmp_path, COMMENTED)
    result = run_cli("score", "--repo", str(root), "--write")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 verdicts written in 1 file" in result.stdout
    assert "ASP-004 kept significant: true" in result.stdout  # documented decision left alone
    after = (root / "aspects/paint.yaml").read_text(encoding="utf-8")
    assert after == EXPECTED, "".join(
        difflib.unified_diff(EXPECTED.splitlines(True), after.splitlines(True))
    )
    assert sorted(p.name for p in (root / "aspects").iterdir()) == [
        "paint.yaml"
    ]  # no temporary left
    again = run_cli("score", "--repo", str(root), "--write")
    assert "0 verdicts written in 0 files" in again.stdout


def test_write_keeps_crlf_and_bom(tmp_path: Path) -> None:
    root = _repo(tmp_path, "")
    (root / "aspects/paint.yaml").write_bytes(
        b"\xef\xbb\xbf" + COMMENTED.replace("\n", "\r\n").encode()
    )
    assert run_cli("score", "--repo", str(root), "--write").returncode == 0
    assert (root / "aspects/paint.yaml").read_bytes() == b"\xef\xbb\xbf" + EXPECTED.replace(
        "\n", "\r\n"
    ).encode()


def test_write_refuses_when_the_repository_has_yaml_errors(tmp_path: Path) -> None:
    root = _repo(tmp_path, COMMENTED)
    (root / "aspects/broken.yaml").write_text(
        "aspects:\n  - {id: ASP-9, activity: [unclosed\n", encoding="utf-8"
    )
    result = run_cli("score", "--repo", str(root), "--write")
    assert result.returncode == 1
    assert "aspects/broken.yaml:3" in result.stdout and "nothing written" in result.stdout
    assert (root / "aspects/paint.yaml").read_text(encoding="utf-8") == COMMENTED


def _sample_copy(tmp_path: Path, threshold: int) -> Path:
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    config = root / "emskit.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "  preset: multi-factor-cn\n", f"  preset: multi-factor-cn\n  threshold: {threshold}\n"
        ),
        encoding="utf-8",
    )
    return root


def test_write_round_trips_the_sample_org(tmp_path: Path) -> None:
    # Raising the threshold to 18 turns the three aspects that score exactly 17 without
    # legal = 5 (ASP-001, ASP-028, ASP-030) not significant; nothing else may move.
    root = _sample_copy(tmp_path, 18)
    result = run_cli("score", "--repo", str(root), "--write")
    assert result.returncode == 0, result.stdout
    changed = []
    for path in sorted((SAMPLE / "aspects").glob("*.yaml")):
        before = path.read_text(encoding="utf-8").splitlines()
        after = (root / "aspects" / path.name).read_text(encoding="utf-8").splitlines()
        assert len(before) == len(after)
        changed += [
            (path.name, a.strip(), b.strip()) for a, b in zip(before, after, strict=False) if a != b
        ]
    assert [(old, new) for _, old, new in changed] == [
        ("significant: true", "significant: false")
    ] * 3
    assert "ASP-001" in result.stdout and "ASP-028" in result.stdout and "ASP-030" in result.stdout


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_diff_against_a_ref_says_why(tmp_path: Path) -> None:
    root = _sample_copy(tmp_path, 17)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "first")
    # The method changes (threshold 16) and one aspect's data changes (ASP-002: 15 -> 17).
    config = root / "emskit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("threshold: 17", "threshold: 16"),
        encoding="utf-8",
    )
    aspects = root / "aspects/die-casting.yaml"
    aspects.write_text(
        aspects.read_text(encoding="utf-8").replace(
            "extent: 3, recoverability: 3, public_concern: 1, difficulty: 2}   # total 15\n    significant: false\n    controls: [CTL-001]",
            "extent: 3, recoverability: 3, public_concern: 3, difficulty: 2}   # total 17\n    significant: false\n    controls: [CTL-001]",
            1,
        ),
        encoding="utf-8",
    )
    _git(root, "commit", "-qam", "second")
    result = run_cli("score", "--repo", str(root), "--diff", "HEAD~1", "--format", "json")
    assert result.returncode == 0, result.stderr
    changes = {c["id"]: c for c in json.loads(result.stdout)["changes"]}
    assert set(changes) == {"ASP-002", "ASP-003"}
    assert changes["ASP-002"]["cause"] == "both"
    assert changes["ASP-002"]["data_changes"] == ["scores.public_concern 1 -> 3"]
    assert changes["ASP-003"]["cause"] == "method"
    assert "threshold >= 17 -> >= 16" in changes["ASP-003"]["method_changes"]
    assert changes["ASP-003"]["significant"] == {"before": False, "after": True}
    text = run_cli("score", "--repo", str(root), "--diff", "HEAD~1")
    assert "2 became significant, 0 stopped being significant" in text.stdout
    assert "- ASP-003: score 16 -> 16; method" in text.stdout


def test_diff_with_a_bad_ref_or_no_git(tmp_path: Path) -> None:
    root = _repo(tmp_path, COMMENTED)
    outside = run_cli("score", "--repo", str(root), "--diff", "HEAD")
    assert outside.returncode == 2 and "not in a git repository" in outside.stderr
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "first")
    bad = run_cli("score", "--repo", str(root), "--diff", "no-such-branch")
    assert bad.returncode == 2 and "not a commit" in bad.stderr and "Traceback" not in bad.stderr
