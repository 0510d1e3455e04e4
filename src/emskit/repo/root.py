"""Which folder is the repository: a module of its own, so that finding the root imports
neither the models nor the loader (a check answered from the cache needs only this)."""

from __future__ import annotations

from pathlib import Path

from emskit.errors import RepositoryNotFound

CONFIG_FILE = "emskit.yaml"


def find_root(repo: Path | None, cwd: Path) -> Path:
    """``--repo`` when given, else the nearest folder upwards holding emskit.yaml."""
    if repo is not None:
        if not (repo / CONFIG_FILE).is_file():
            raise RepositoryNotFound(
                f"{repo}: no {CONFIG_FILE} here; run 'emskit init {repo}' to start a repository"
            )
        return repo.resolve()
    for folder in (cwd, *cwd.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise RepositoryNotFound(
        f"no {CONFIG_FILE} in {cwd} or any folder above it: pass --repo PATH, "
        f"or run 'emskit init' to start a repository"
    )
