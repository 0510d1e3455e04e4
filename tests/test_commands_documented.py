"""Every command has help and a README section, every rule is in the README's table, and every
command runs on a freshly initialised repository without a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from emskit.rules import RULES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    help_text = run_cli("--help").stdout
    listed = help_text.split("Commands:", 1)[1]
    return re.findall(r"^  ([a-z-]+)\s", listed, flags=re.MULTILINE)


def test_every_command_has_help_and_a_readme_section() -> None:
    commands = _commands()
    assert {"check", "init", "schema", "score", "gap", "due", "ready", "audit-time"} <= set(
        commands
    )
    for command in commands:
        result = run_cli(command, "--help")
        assert result.returncode == 0 and "Usage: emskit" in result.stdout, command
        assert f"### `emskit {command}" in README, f"README has no section for {command}"


def test_every_rule_is_in_the_readme_table() -> None:
    for rule in RULES:
        assert f"| {rule.code} | {rule.name} |" in README, rule.code


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("init") / "ems"
    assert run_cli("init", str(root)).returncode == 0
    return root


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "--format", "sarif"],
        ["score"],
        ["score", "--format", "json"],
        ["score", "--write"],
        ["gap"],
        ["gap", "--edition", "2026", "--format", "html"],
        ["due", "--format", "ics"],
        ["ready"],
        ["roadmap", "--format", "html"],
        ["audit-time", "--complexity", "low", "--personnel", "12"],
        ["status"],
        ["new", "review"],
    ],
)
def test_commands_run_on_a_fresh_repository(fresh: Path, args: list[str]) -> None:
    result = run_cli(*args, "--repo", str(fresh))
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
