"""Entries in the user's cache directory that are never trusted blindly: each is signed with
HMAC-SHA256 under a per-user key (a 0600 file in the cache directory), so an entry written by
someone else, cut short or edited reads as absent. Shared by the check cache (findings) and
the chart cache (PNG bytes). Nothing here raises on a bad cache: a read returns None, a write
that cannot be made is left out, and the caller computes as if there were no cache.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
import sys
from functools import cache
from pathlib import Path

# The emskit package itself: a cached answer depends on every module, words.tsv and the
# bundled data.
PACKAGE = Path(__file__).resolve().parent


def default_dir(environ: dict[str, str]) -> Path:
    """``EMSKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/emskit``, else ``~/.cache/emskit``."""
    if environ.get("EMSKIT_CACHE_DIR"):
        return Path(environ["EMSKIT_CACHE_DIR"])
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "emskit"


@cache
def emskit_fingerprint(package: Path = PACKAGE) -> str:
    """Python, emskit's version and the name, size and mtime of every file of the package:
    computed once a run (some 300 stat calls), so an edited module never reuses an answer."""
    from emskit import __version__

    parts = [sys.version, __version__]
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            info = os.stat(os.path.join(folder, name))
            parts.append(
                f"{os.path.relpath(folder, package)}/{name}:{info.st_size}:{info.st_mtime_ns}"
            )
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def read_signed(path: Path, key: str) -> bytes | None:
    """The body stored at ``path`` under ``key``, or None when absent or not to be trusted."""
    secret = _secret(path.parent, create=False)
    if secret is None:
        return None
    try:
        mac, _, body = path.read_bytes().partition(b"\n")
    except OSError:
        return None
    return body if hmac.compare_digest(mac, _sign(secret, key, body)) else None


def write_signed(path: Path, key: str, body: bytes) -> None:
    """Keep ``body`` at ``path`` under ``key``, atomically; silently left out on failure."""
    from emskit.atomic import write_bytes

    try:
        secret = _secret(path.parent, create=True)
        if secret is not None:
            write_bytes(path, _sign(secret, key, body) + b"\n" + body)
    except OSError:
        return


def _sign(secret: bytes, key: str, body: bytes) -> bytes:
    return hmac.new(secret, key.encode() + b"\0" + body, hashlib.sha256).hexdigest().encode()


def _secret(cache_dir: Path, create: bool) -> bytes | None:
    """The per-user signing key; None when it is missing (and not to be made) or unsafe:
    not a regular file of ours, or readable or writable by others."""
    path = cache_dir / "key"
    if create and not path.exists():
        cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(handle, "wb") as stream:
                stream.write(os.urandom(32).hex().encode())
    try:
        info = os.lstat(path)
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_mode & 0o077
            or (hasattr(os, "getuid") and info.st_uid != os.getuid())
        ):
            return None
        secret = path.read_bytes()
    except OSError:
        return None
    return secret if len(secret) >= 32 else None
