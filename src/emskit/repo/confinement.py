"""What "inside the repository" means, for every reader of repository files: the layout's
loader, the template loader and check's report of links that leave the repository."""

from __future__ import annotations

import os
from pathlib import Path


def inside(path: str, root: str) -> bool:
    """Whether ``path`` (already resolved) is ``root`` (already resolved) or below it."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def resolves_inside(path: Path | str, root: Path | str) -> bool:
    return inside(os.path.realpath(path), os.path.realpath(root))


def links_out(root: Path, folder: str) -> list[str]:
    """The links under ``root/folder`` (the folder itself included) that resolve outside
    ``root``, as sorted paths relative to ``root``; a link to a folder is not entered."""
    real_root = os.path.realpath(root)
    start = root / folder
    if not os.path.lexists(start):
        return []
    if os.path.islink(start):
        return [] if resolves_inside(start, real_root) else [folder]
    out: list[str] = []
    for current, dirs, files in os.walk(start):
        for name in (*dirs, *files):
            path = os.path.join(current, name)
            if os.path.islink(path) and not inside(os.path.realpath(path), real_root):
                out.append(os.path.relpath(path, root).replace(os.sep, "/"))
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(current, d))]
    return sorted(out)
