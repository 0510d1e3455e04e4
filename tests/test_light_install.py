"""The light install: checking needs none of the document libraries, and the pack says what
to install; YAML is read the same (YAML 1.2) when the fast reader is missing.

A missing library is simulated in a fresh process by an import hook that refuses the module,
as a venv without it would (the wheel in a fresh venv is tested in test_installed_package).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLE

DOCUMENT_LIBRARIES = ("docx", "fpdf", "matplotlib", "fontTools")

_HIDING_RUNNER = """
import runpy, sys
hidden = set(sys.argv[1].split(","))

class Hide:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in hidden:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, Hide())
sys.argv = ["emskit", *sys.argv[2:]]
runpy.run_module("emskit", run_name="__main__")
"""


def run_hiding(hidden: tuple[str, ...], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _HIDING_RUNNER, ",".join(hidden), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": ""},
    )


def test_check_score_gap_run_without_the_document_libraries() -> None:
    for args in (
        ("check", "--repo", str(SAMPLE), "--as-of", "2026-11-22", "--format", "json"),
        ("score", "--repo", str(SAMPLE)),
        ("gap", "--repo", str(SAMPLE), "--as-of", "2026-11-22", "--format", "html"),
        ("ready", "--repo", str(SAMPLE), "--as-of", "2026-11-22"),
    ):
        light = run_hiding(DOCUMENT_LIBRARIES, *args)
        full = run_hiding((), *args)
        assert "Traceback" not in light.stderr, light.stderr
        assert (light.returncode, light.stdout) == (full.returncode, full.stdout), args


def test_pack_without_the_document_libraries_says_what_to_install(tmp_path: Path) -> None:
    out = tmp_path / "pack"
    result = run_hiding(
        ("matplotlib", "fpdf"),
        *("pack", "--repo", str(SAMPLE), "--as-of", "2026-11-22", "--allow-dirty"),
        *("--out", str(out)),
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "fpdf2, matplotlib are not installed" in result.stderr
    assert 'pip install "emskit[documents]"' in result.stderr
    assert not out.exists()


def test_docs_render_asks_only_for_what_the_format_needs(tmp_path: Path) -> None:
    pdf = run_hiding(
        ("fpdf",),
        "docs",
        "--repo",
        str(SAMPLE),
        "render",
        "DOC-MAN-01",
        "--out",
        str(tmp_path / "a.pdf"),
    )
    assert pdf.returncode == 2, pdf.stdout + pdf.stderr
    assert "fpdf2 is not installed" in pdf.stderr and "emskit[documents]" in pdf.stderr
    markdown = run_hiding(
        DOCUMENT_LIBRARIES,
        *("docs", "--repo", str(SAMPLE), "render", "DOC-MAN-01", "--format", "md"),
        *("--out", str(tmp_path / "a.md")),
    )
    assert markdown.returncode == 0, markdown.stderr
    assert (tmp_path / "a.md").read_text(encoding="utf-8").strip()


def _check_json(hidden: tuple[str, ...], root: Path) -> tuple[int, object]:
    result = run_hiding(
        hidden, "check", "--repo", str(root), "--as-of", "2026-11-22", "--format", "json"
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)


def test_without_yaml_rs_the_sample_org_gives_the_same_findings(tmp_path: Path) -> None:
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    # A YAML 1.1 boolean word, a duplicate key and a syntax error: read as yaml-rs reads them.
    extra = {
        "words.yaml": "aspects:\n  - id: ASP-900\n    significant: yes\n    condition: on\n",
        "twice.yaml": "aspects:\n  - id: ASP-901\n    owner: a\n    owner: b\n",
        "broken.yaml": "aspects: [1, 2\n",
    }
    for name, text in extra.items():
        (root / "aspects" / name).write_text(text, encoding="utf-8")
    fast = _check_json((), root)
    fallback = _check_json(("yaml_rs",), root)
    assert fast == fallback
    messages = " ".join(f["message"] for f in fast[1]["findings"])  # type: ignore[index]
    assert "duplicate key 'owner'" in messages and "YAML syntax" in messages
    assert "condition: 'on' is not allowed" in messages  # the word, not YAML 1.1's True


def test_the_fallback_reads_yaml_1_2_scalars_like_yaml_rs() -> None:
    import yaml_rs

    from emskit.repo.yaml_fallback import load

    words = "yes no on off y n true True FALSE null ~ 012 0o12 0x1F 1_000 1e3 .5 -.inf .nan"
    text = "".join(f"k{i}: {word}\n" for i, word in enumerate(words.split()))
    text += "date: 2026-01-01\ntime: 12:30:00\nquoted: 'true'\n"
    expected = yaml_rs.loads(text, parse_datetime=False)
    got = load(text)
    assert repr(got) == repr(expected)
    assert got["k0"] == "yes" and got["k6"] is True and got["k11"] == 12


def test_the_latin_font_is_bundled_with_its_licence() -> None:
    import emskit

    fonts = Path(emskit.__file__).parent / "fonts"
    assert (fonts / "DejaVuSans.ttf").read_bytes()[:4] == b"\x00\x01\x00\x00"
    assert (fonts / "DejaVuSans-Bold.ttf").is_file()
    assert "Bitstream Vera" in (fonts / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
