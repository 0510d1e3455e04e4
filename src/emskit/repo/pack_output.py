"""Recognising a pack emskit wrote: a folder or a .zip holding emskit's MANIFEST.json.

A pack written inside the repository is emskit's output, not part of the EMS: the loader does
not read it (its Markdown would otherwise be taken for controlled documents) and the pack's
clean-commit check does not count it as an uncommitted change.
"""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path
from typing import Any

MANIFEST = "MANIFEST.json"
_MAX_MANIFEST_BYTES = 16 * 1024 * 1024


def is_pack_output(path: Path) -> bool:
    """Whether ``path`` is a pack folder or a pack zip (never follows a FIFO or a device)."""
    try:
        info = os.lstat(path)
        if stat.S_ISDIR(info.st_mode):
            return _is_manifest(_read_regular(path / MANIFEST))
        if stat.S_ISREG(info.st_mode) and path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                entry = archive.getinfo(MANIFEST)
                if entry.file_size > _MAX_MANIFEST_BYTES:
                    return False
                return _is_manifest(archive.read(entry))
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False
    return False


def within_pack_output(top: Path, rel: str, cache: dict[str, bool]) -> bool:
    """Whether the file ``rel`` (relative to ``top``) is a pack or lies in a pack folder."""
    parts = rel.rstrip("/").split("/")
    for depth in range(1, len(parts) + 1):
        prefix = "/".join(parts[:depth])
        if prefix not in cache:
            cache[prefix] = is_pack_output(top / prefix)
        if cache[prefix]:
            return True
    return False


def _read_regular(path: Path) -> bytes | None:
    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_MANIFEST_BYTES:
        return None
    return path.read_bytes()


def _is_manifest(data: bytes | None) -> bool:
    if data is None:
        return False
    manifest: Any = json.loads(data)
    return (
        isinstance(manifest, dict)
        and "emskit" in manifest
        and "as_of" in manifest
        and isinstance(manifest.get("files"), list)
    )
