"""Every git call emskit makes, through gitpython (imported only by the commands that need it)."""

from __future__ import annotations

from pathlib import Path


def in_work_tree(path: Path) -> bool:
    import git

    try:
        git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return False
    return True


def init_repository(path: Path) -> None:
    import git

    git.Repo.init(path)


def available() -> bool:
    try:
        import git  # noqa: F401 - gitpython raises ImportError when no git executable is found
    except ImportError:
        return False
    return True
