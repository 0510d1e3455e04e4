"""emskit roadmap: the nineteen steps, what the records show for each, the current step, the
contradiction finding, the Gantt chart in a real browser, and init's implementation.yaml."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import AS_OF, SAMPLE, run_cli

from emskit.model.implementation import STEPS

STEP_LINE = {
    "auditor-training": "  - {step: auditor-training, planned: 2025-02-28, done: 2025-04-10}",
    "certificate": "  - {step: certificate, planned: 2027-03-31}",
    "internal-audit": "  - {step: internal-audit, planned: 2025-09-30, done: 2025-11-19}",
}


def _roadmap(root: Path, fmt: str = "json") -> tuple[int, str]:
    result = run_cli("roadmap", "--repo", str(root), "--as-of", AS_OF.isoformat(), "-f", fmt)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout


def _sample(tmp_path: Path, step: str, new_line: str) -> Path:
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    plan = root / "implementation.yaml"
    text = plan.read_text(encoding="utf-8")
    assert STEP_LINE[step] in text
    plan.write_text(text.replace(STEP_LINE[step], new_line), encoding="utf-8")
    return root


def test_the_sample_roadmap_in_order_with_the_current_step() -> None:
    code, out = _roadmap(SAMPLE)
    data = json.loads(out)
    assert code == 0 and [s["step"] for s in data["steps"]] == list(STEPS)
    steps = {s["step"]: s for s in data["steps"]}
    assert steps["trial-operation"]["records"] == {
        "judged": True,
        "done": True,
        "on": "2025-03-01",
        "reason": "operating since 2025-03-01",
    }
    assert steps["internal-audit"]["records"]["on"] == "2025-11-19"
    assert steps["pre-assessment"]["status"] == "skipped"
    assert data["current"] == "pre-certification"
    assert steps["certification-audit"]["records"]["reason"].startswith(
        "stage 1 planned on 2026-12-08"
    )
    assert steps["diagnosis"]["line"] == 4 and steps["diagnosis"]["file"] == "implementation.yaml"
    code, text = _roadmap(SAMPLE, "text")
    assert "Current step: 16 pre-certification, planned 2026-12-04" in text
    assert "Blocking the next step: not declared done in implementation.yaml" in text
    assert re.search(r"13\s+internal-audit\s+2025-09-30\s+2025-11-19\s+done", text)


def test_a_step_the_records_show_is_inferred_with_their_date(tmp_path: Path) -> None:
    root = _sample(tmp_path, "internal-audit", "  - {step: internal-audit, planned: 2025-09-30}")
    steps = {s["step"]: s for s in json.loads(_roadmap(root)[1])["steps"]}
    assert steps["internal-audit"]["status"] == "inferred"
    assert steps["internal-audit"]["done"] == "2025-11-19"


@pytest.mark.parametrize(
    ("step", "line", "says"),
    [
        (
            "auditor-training",
            "  - {step: auditor-training, planned: 2025-02-28, done: 2025-02-24}",
            "the records date it 2025-04-10 (TRN-2025-003 passed)",
        ),
        (
            "certificate",
            "  - {step: certificate, planned: 2027-03-31, done: 2026-11-01}",
            "no certification decision or certificate issued",
        ),
    ],
)
def test_a_declared_step_the_records_contradict_is_a_finding(
    tmp_path: Path, step: str, line: str, says: str
) -> None:
    root = _sample(tmp_path, step, line)
    code, out = _roadmap(root)
    steps = {s["step"]: s for s in json.loads(out)["steps"]}
    assert code == 1 and steps[step]["status"] == "contradicted"
    assert says in steps[step]["contradiction"]
    check = run_cli("check", "--repo", str(root), "--as-of", AS_OF.isoformat(), "-f", "json")
    found = [f for f in json.loads(check.stdout)["findings"] if f["code"] == "EMS613"]
    assert len(found) == 1 and found[0]["file"] == "implementation.yaml"
    lines = (root / "implementation.yaml").read_text(encoding="utf-8").splitlines()
    row = next(i for i, text in enumerate(lines, start=1) if f"step: {step}," in text)
    assert found[0]["line"] == row and found[0]["column"] == lines[row - 1].index("done: ") + 7
    assert says in found[0]["message"]


def test_a_fresh_cn_init_checks_with_missing_content_only_and_has_a_roadmap(
    tmp_path: Path,
) -> None:
    target = tmp_path / "new"
    assert run_cli("init", str(target), "--jurisdiction", "CN").returncode == 0
    assert (target / "chemicals/chemicals.yaml").is_file() and (
        target / "waste/waste.yaml"
    ).is_file()
    ignored = (target / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/pack/" in ignored and "/pack.zip" in ignored
    check = run_cli("check", "--repo", str(target), "--as-of", AS_OF.isoformat(), "-f", "json")
    codes = {f["code"] for f in json.loads(check.stdout)["findings"]}
    assert codes == {"EMS004"}
    code, out = _roadmap(target)
    data = json.loads(out)
    assert code == 0 and data["current"] == "diagnosis" and len(data["steps"]) == 19
    assert all(s["line"] for s in data["steps"])  # every step listed in the written file
    assert "Current step: 1 diagnosis" in _roadmap(target, "text")[1]
    assert _roadmap(target, "html")[1].count('<g class="step') == 19


def test_init_without_cn_writes_no_cn_files_but_the_gitignore(tmp_path: Path) -> None:
    target = tmp_path / "plain"
    assert run_cli("init", str(target)).returncode == 0
    assert (target / ".gitignore").is_file()
    assert not (target / "implementation.yaml").exists() and not (target / "waste").exists()
    code, out = _roadmap(target, "text")
    assert code == 0 and "No implementation.yaml" in out


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
FLAGS += ["--disable-background-networking", "--disable-component-update", "--disable-quic"]


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("EMSKIT_REQUIRE_BROWSER"),
    reason="Chromium is not installed (.ci/run installs it)",
)
def test_the_gantt_chart_renders_in_headless_chromium(tmp_path: Path) -> None:
    assert CHROMIUM, "EMSKIT_REQUIRE_BROWSER is set but chromium is not installed"
    page = tmp_path / "roadmap.html"
    page.write_text(_roadmap(SAMPLE, "html")[1], encoding="utf-8")
    profile = f"--user-data-dir={tmp_path / 'profile'}"
    dom = subprocess.run(
        [CHROMIUM, *FLAGS, profile, "--enable-logging=stderr", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "Uncaught" not in dom.stderr
    groups = re.findall(r'<g class="step ([a-z]+)" data-step="([a-z-]+)"', dom.stdout)
    assert [step for _, step in groups] == list(STEPS)
    # A planned bar for each planned step, an actual bar for each step done with a date.
    assert dom.stdout.count('class="planned"') == 18
    assert dom.stdout.count('class="actual"') == 15
    assert 'id="as-of"' in dom.stdout
    shot = tmp_path / "roadmap.png"
    subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            profile,
            f"--screenshot={shot}",
            "--window-size=1000,1200",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.stat().st_size > 20_000  # a drawn chart and table, not a blank page
