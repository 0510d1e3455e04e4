"""The library API: the README's example runs as written, and `import emskit` stays light."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import ROOT, run_cli


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Using emskit as a library") :]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the README's library section has no python code block"
    return match.group(1)


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_the_readme_example_runs_and_agrees_with_the_cli() -> None:
    result = run_python(readme_example())
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert set(lines) == {"check", "score", "gap", "ready", "due", "aspects"}
    # The same answers as the commands give for the same repository and date.
    assert lines["check"] == "{'error': 0, 'warning': 0, 'info': 0}"
    cli_ready = run_cli("ready", "--repo", "examples/sample-org", "--as-of", "2026-12-01", cwd=ROOT)
    assert (lines["ready"].startswith("True")) == (cli_ready.returncode == 0)
    gap = run_cli(
        "gap",
        "--repo",
        "examples/sample-org",
        "--as-of",
        "2026-12-01",
        "--edition",
        "2026",
        "-f",
        "json",
        cwd=ROOT,
    )
    assert f"{json.loads(gap.stdout)['readiness']} % ready" in lines["gap"]


def test_import_emskit_loads_no_pipeline_until_asked() -> None:
    code = (
        "import sys, emskit\n"
        "print(sorted(m for m in sys.modules if m.startswith('emskit.')))\n"
        "emskit.run_check\n"
        "print('emskit.commands.check' in sys.modules)\n"
        "from emskit import git\n"
        "print(git.__name__)\n"
        "try:\n    emskit.no_such_name\nexcept AttributeError:\n    print('AttributeError')\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[]", "True", "emskit.git", "AttributeError"]
