"""The evidence files the application materials and records name, to copy into the pack under
``attachments/<their repository path>``: read only inside the repository (a link that leads
out of it is never followed), each path once, sorted, so the pack stays reproducible."""

from __future__ import annotations

import os
from pathlib import Path

from emskit.analysis import Analysis
from emskit.judgements.evidence_files import evidence_paths, inside

FOLDER = "attachments"


def attachments(ctx: Analysis) -> dict[str, bytes]:
    """``{repository path: bytes}`` of every evidence file named that is a regular file
    inside the repository; web links, missing files and folders are left out (check reports
    them)."""
    root = ctx.repo.root
    out: dict[str, bytes] = {}
    for path in sorted({e.path for e in evidence_paths(ctx)}):
        full = inside(root, path)
        if full is None or not _regular_file(full):
            continue
        try:
            out[_normal(path)] = full.read_bytes()
        except OSError:  # unreadable: left out, as a missing file is
            continue
    return dict(sorted(out.items()))


def _regular_file(path: Path) -> bool:
    return os.path.isfile(os.path.realpath(path))


def _normal(path: str) -> str:
    """One spelling per file: 'evidence/./a.pdf' and 'evidence/a.pdf' are the same attachment."""
    return "/".join(part for part in path.split("/") if part not in ("", "."))
