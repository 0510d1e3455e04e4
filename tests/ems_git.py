"""Test helper: EMS repositories under git, built from the sample organisation."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import SAMPLE


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def sample_repository(dest: Path) -> Path:
    """A copy of the sample organisation in its own git repository, one commit."""
    shutil.copytree(SAMPLE, dest)
    git(dest, "init", "-q")
    commit_all(dest, "the sample organisation")
    return dest


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
