"""Which folders below the given ones are EMS repositories (they hold ``emskit.yaml``)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from emskit.errors import UsageError
from emskit.repo.layout import CONFIG_FILE

# Never EMS content, and large: walking them would cost more than every repository together.
_SKIPPED = frozenset({".git", "node_modules", "__pycache__", ".venv", "venv"})


def find_repositories(folders: Iterable[Path]) -> list[Path]:
    """Every folder holding emskit.yaml at or below ``folders``, sorted, each once. A folder
    found is not searched further: an EMS does not hold another one."""
    found: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            raise UsageError(f"{folder}: no such folder; give folders that hold EMS repositories")
        found.update(_walk(folder))
    return sorted(found)


def _walk(top: Path) -> Iterable[Path]:
    # os.walk with followlinks=False: a link loop in a client's folder must not hang the run.
    for current, dirs, files in os.walk(top):
        if CONFIG_FILE in files:
            dirs.clear()
            yield Path(current).resolve()
            continue
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and not d.startswith("."))
