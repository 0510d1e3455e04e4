"""Exit codes 0, 1, 2, 3 and 130 exactly as spec/commands.md gives them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BASE_CONFIG, SAMPLE, check_json, run_cli, write_tree
from typer.testing import CliRunner

from emskit.cli.main import app

WARNING_ONLY = {"emskit.yaml": BASE_CONFIG, "policy.yaml": "# to do\n"}


def test_0_when_clean() -> None:
    assert run_cli("check", "--repo", str(SAMPLE), "--as-of", "2026-11-22").returncode == 0


def test_0_with_warnings_below_fail_on(tmp_path: Path) -> None:
    repo = write_tree(tmp_path / "r", WARNING_ONLY)
    assert run_cli("check", "--repo", str(repo)).returncode == 0


def test_1_with_warnings_at_fail_on_warning(tmp_path: Path) -> None:
    repo = write_tree(tmp_path / "r", WARNING_ONLY)
    assert run_cli("check", "--repo", str(repo), "--fail-on", "warning").returncode == 1


def test_1_with_errors(tmp_path: Path) -> None:
    repo = write_tree(tmp_path / "r", {"emskit.yaml": BASE_CONFIG, "policy.yaml": "id: [\n"})
    assert run_cli("check", "--repo", str(repo)).returncode == 1


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "xml"],
        ["check", "--as-of", "22/11/2026"],
        ["check", "--select", "EMS999"],
        ["check", "--no-such-option"],
        ["nonsense"],
    ],
)
def test_2_when_the_command_cannot_run_as_asked(args: list[str]) -> None:
    result = run_cli(*args, "--repo", str(SAMPLE)) if args[0] == "check" else run_cli(*args)
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr


def test_2_without_a_repository(tmp_path: Path) -> None:
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 2 and "no emskit.yaml" in result.stderr


def test_repository_found_upwards(tmp_path: Path) -> None:
    repo = write_tree(tmp_path / "r", WARNING_ONLY)
    (repo / "records/audits").mkdir(parents=True)
    result = run_cli("check", cwd=repo / "records/audits")
    assert result.returncode == 0 and "policy.yaml:1:1" in result.stdout


def test_3_on_an_internal_error_without_traceback(monkeypatch, tmp_path: Path) -> None:
    import emskit.commands.check

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(emskit.commands.check, "run_check", broken)
    result = CliRunner().invoke(app, ["check", "--repo", str(SAMPLE)])
    assert result.exit_code == 3
    assert "internal error" in result.output and "Traceback" not in result.output


def test_debug_shows_the_traceback(monkeypatch) -> None:
    import emskit.commands.check

    monkeypatch.setattr(emskit.commands.check, "run_check", lambda *a, **k: 1 / 0)
    result = CliRunner().invoke(app, ["--debug", "check", "--repo", str(SAMPLE)])
    assert result.exit_code == 3 and "Traceback" in result.output


def test_130_when_interrupted(monkeypatch) -> None:
    import emskit.commands.check

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(emskit.commands.check, "run_check", interrupted)
    result = CliRunner().invoke(app, ["check", "--repo", str(SAMPLE)])
    assert result.exit_code == 130


def test_rule_levels_from_emskit_yaml(tmp_path: Path) -> None:
    config = {**BASE_CONFIG, "rules": {"missing-content": "error", "EMS005": "off"}}
    repo = write_tree(
        tmp_path / "r", {"emskit.yaml": config, "policy.yaml": "# to do\n", "x/y.yaml": "a: 1\n"}
    )
    status, report = check_json(repo)
    codes = {(f["code"], f["severity"]) for f in report["findings"]}
    assert status == 1 and ("EMS004", "error") in codes and not any(c == "EMS005" for c, _ in codes)


def test_unknown_rule_in_emskit_yaml_is_a_finding(tmp_path: Path) -> None:
    repo = write_tree(tmp_path / "r", {"emskit.yaml": {**BASE_CONFIG, "rules": {"EMS998": "off"}}})
    _, report = check_json(repo)
    assert any(f["code"] == "EMS003" and "EMS998" in f["message"] for f in report["findings"])


def test_select_and_ignore(tmp_path: Path) -> None:
    repo = write_tree(
        tmp_path / "r",
        {"emskit.yaml": BASE_CONFIG, "policy.yaml": "# to do\n", "x/y.yaml": "a: 1\n"},
    )
    _, only = check_json(repo, "--select", "EMS005")
    assert {f["code"] for f in only["findings"]} == {"EMS005"}
    _, without = check_json(repo, "--ignore", "missing-content")
    assert "EMS004" not in {f["code"] for f in without["findings"]} and without["findings"]
