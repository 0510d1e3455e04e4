"""Test helpers: build small repositories from dicts, run emskit on them."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
# The check cache of the tests lives in a folder of their own, never the user's cache.
__import__("os").environ["EMSKIT_CACHE_DIR"] = __import__("tempfile").mkdtemp(
    prefix="emskit-test-cache-"
)
# "Today" for every emskit the tests start: a record dated after it is an error, one between
# a past --as-of and it is left out (EMS204). Fixed, so no verdict moves with the clock.
__import__("os").environ["EMSKIT_TODAY"] = "2026-11-22"
SAMPLE = ROOT / "examples" / "sample-org"
# The team's shared folder (specs, published real-world registers) sits beside the checkout;
# EMSKIT_SHARED points elsewhere for a clone that lives somewhere else.
SHARED = Path(__import__("os").environ.get("EMSKIT_SHARED", ROOT.parent / "shared"))
AS_OF = dt.date(2026, 11, 22)

BASE_CONFIG: dict[str, Any] = {
    "emskit": 1,
    "organization": {"name": "Test Co", "sites": [{"id": "SITE-A", "name": "Plant A"}]},
    "ems": {"edition": "2015+A1:2024", "scope": "Making test parts at plant A"},
}


def write_tree(root: Path, files: dict[str, Any]) -> Path:
    """Write files: a dict or list is dumped as YAML, str written as text, bytes as bytes."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(
                yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    return root


@pytest.fixture
def make_repo(tmp_path: Path):
    def make(files: dict[str, Any] | None = None, config: dict[str, Any] | None = None) -> Path:
        tree = {"emskit.yaml": config if config is not None else BASE_CONFIG}
        tree.update(files or {})
        return write_tree(tmp_path / "repo", tree)

    return make


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the installed emskit as a user would: a fresh process, exit code and both streams."""
    return subprocess.run(
        [sys.executable, "-m", "emskit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        env={**__import__("os").environ, "NO_COLOR": "1", "GITHUB_ACTIONS": ""},
    )


def check_json(repo: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    result = run_cli(
        "check", "--repo", str(repo), "--as-of", AS_OF.isoformat(), "--format", "json", *extra
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)


def findings(repo: Path):
    """In-process check: the findings as values."""
    from emskit.commands.check import run_check

    return run_check(repo, AS_OF).findings


def replace_in(rel: str, old: str, new: str):  # type: ignore[no-untyped-def]
    """A mutation of a copied repository: replace text in one file (the text must be there)."""

    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    return apply


def remove_path(rel: str):  # type: ignore[no-untyped-def]
    """A mutation of a copied repository: delete a file or a folder."""

    def apply(root: Path) -> None:
        import shutil

        target = root / rel
        shutil.rmtree(target) if target.is_dir() else target.unlink()

    return apply


def emptied(rel: str, content: bytes = b""):  # type: ignore[no-untyped-def]
    """A mutation of a copied repository: overwrite one file with ``content`` (empty)."""

    def apply(root: Path) -> None:
        (root / rel).write_bytes(content)

    return apply


def appended(rel: str, text: str):  # type: ignore[no-untyped-def]
    """A mutation of a copied repository: add text at the end of one file."""

    def apply(root: Path) -> None:
        with (root / rel).open("a", encoding="utf-8") as out:
            out.write(text)

    return apply
