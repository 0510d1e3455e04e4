"""The sample organisation checks clean; a freshly initialised repository checks with only
missing-content findings."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import AS_OF, SAMPLE, findings, run_cli


def test_sample_org_checks_clean() -> None:
    assert findings(SAMPLE) == []


def test_sample_org_is_substantial() -> None:
    from emskit.repo.loader import load_repository

    repo = load_repository(SAMPLE)
    kinds = repo.by_kind()
    aspects = [r.model for r in kinds["aspect"]]
    assert len(aspects) >= 25 and {a.condition for a in aspects} == {
        "normal",
        "abnormal",
        "emergency",
    }
    assert {a.tense for a in aspects} == {"past", "present", "future"}
    assert len({a.category for a in aspects}) >= 8
    assert len(kinds["obligation"]) >= 15 and any(
        r.model.type == "permit" for r in kinds["obligation"]
    )
    months = {(r.date.year, r.date.month) for r in repo.readings}
    assert len(months) >= 24
    for kind in (
        "document",
        "audit",
        "review",
        "evaluation",
        "nonconformity",
        "training",
        "drill",
        "incident",
    ):
        assert kinds.get(kind), kind


def test_init_scaffolds_a_checkable_repository(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    result = run_cli("init", str(target), "--language", "zh-CN", "--jurisdiction", "CN")
    assert result.returncode == 0, result.stderr
    assert (target / ".git").is_dir()
    check = run_cli(
        "check", "--repo", str(target), "--as-of", AS_OF.isoformat(), "--format", "json"
    )
    report = json.loads(check.stdout)
    assert check.returncode == 0
    warnings = [f for f in report["findings"] if f["severity"] != "info"]
    assert warnings and {f["code"] for f in warnings} == {"EMS004"}
    # In zh-CN, the English placeholders are named as text without Chinese (info).
    assert {f["code"] for f in report["findings"] if f["severity"] == "info"} <= {"EMS701"}


def test_init_writes_editor_schema_hints_that_resolve(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    run_cli("init", str(target))
    for path in [
        target / "emskit.yaml",
        target / "aspects/aspects.yaml",
        target / "audits/programme.yaml",
    ]:
        first = path.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file() and json.loads(schema.read_text())["$schema"]


def test_init_inside_a_git_work_tree_does_not_nest(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    result = run_cli("init", str(tmp_path / "client"))
    assert result.returncode == 0 and not (tmp_path / "client/.git").exists()


def test_init_refuses_an_existing_repository() -> None:
    result = run_cli("init", str(SAMPLE))
    assert result.returncode == 2 and "already an emskit repository" in result.stderr


def test_init_rejects_an_unknown_preset(tmp_path: Path) -> None:
    result = run_cli("init", str(tmp_path / "x"), "--preset", "guesswork")
    assert result.returncode == 2 and "--preset" in result.stderr
