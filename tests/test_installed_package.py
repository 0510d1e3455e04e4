"""The wheel, installed into a fresh virtual environment, works without the source tree:
templates and schemas travel inside it, and the console script runs the main job."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [built] = list(out.glob("emskit-*.whl"))
    return built


def test_wheel_carries_templates_and_schemas(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "emskit/templates/init/emskit.yaml" in names
    assert "emskit/schemas/aspects.schema.json" in names
    assert "emskit/cli/main.py" in names
    assert "emskit/templates/reports/gap.html.j2" in names
    assert "emskit/templates/documents/document.html.j2" in names
    assert "emskit/fonts/DroidSansFallback.ttf" in names
    assert "emskit/fonts/DejaVuSans.ttf" in names and "emskit/fonts/LICENSE-DejaVu.txt" in names
    assert {
        "emskit/clauses/data/2015.yaml",
        "emskit/clauses/data/2015+A1-2024.yaml",
        "emskit/clauses/data/2026.yaml",
        "emskit/certification/data/iaf-md5-ems.yaml",
    } <= set(names)


def test_fresh_venv_install_runs_check_and_init(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)], capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr
    emskit = env_dir / "bin" / "emskit"
    check = subprocess.run(
        [str(emskit), "check", "--repo", str(SAMPLE), "--as-of", "2026-11-22"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "no findings" in check.stdout
    init = subprocess.run(
        [str(emskit), "init", str(tmp_path / "new")], capture_output=True, text=True
    )
    assert init.returncode == 0, init.stderr
    assert (tmp_path / "new/.emskit/schemas/emskit.schema.json").is_file()
    # The commands that read packaged data: the clause catalogue and the report templates.
    gap = subprocess.run(
        [str(emskit), "gap", "--repo", str(SAMPLE), "--as-of", "2026-11-22", "--format", "html"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert gap.returncode == 0 and "<table" in gap.stdout, gap.stderr
    score = subprocess.run(
        [str(emskit), "score", "--repo", str(SAMPLE)], capture_output=True, text=True
    )
    assert score.returncode == 0 and "16 of 35 aspects significant" in score.stdout, score.stderr
    # The light install has no document libraries: the pack says what to install.
    pack_args = [
        str(emskit),
        "pack",
        "--repo",
        str(SAMPLE),
        "--as-of",
        "2026-11-22",
        "--allow-dirty",
        "--formats",
        "pdf,xlsx",
        "--out",
        str(tmp_path / "pack"),
    ]
    light = subprocess.run(pack_args, capture_output=True, text=True)
    assert light.returncode == 2, light.stdout + light.stderr
    assert 'pip install "emskit[documents]"' in light.stderr and "Traceback" not in light.stderr
    # With them, the pack uses the bundled fonts and the templates of the wheel.
    extra = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", f"{wheel}[documents]"],
        capture_output=True,
        text=True,
    )
    assert extra.returncode == 0, extra.stderr
    pack = subprocess.run(pack_args, capture_output=True, text=True)
    assert pack.returncode == 0, pack.stderr
    assert (tmp_path / "pack/pdf/aspects-register.pdf").stat().st_size > 10_000
    module = subprocess.run(
        [str(python), "-m", "emskit", "--version"], capture_output=True, text=True
    )
    assert module.returncode == 0 and module.stdout.startswith("emskit ")
