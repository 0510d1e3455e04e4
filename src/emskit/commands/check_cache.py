"""A cache of check results, so a second `emskit check` with nothing changed only reads.

The key is a hash of everything the result depends on: the content of every file the loader
could read, the git commit checked out (the documents' history is read from it, EMS350),
the name, size and mtime of every other file (evidence the rules look for), the options,
the as-of date, and emskit itself (version and the size and mtime of each of its own files,
so an edited checkout or a new schema never reuses an old answer). A repository holding a
symbolic link or a non-regular file is never cached: what such an entry reads as is the
loader's decision, not this module's.

An entry is plain JSON signed with HMAC-SHA256 under a per-user key (a 0600 file in the
cache directory): an entry written by someone else, cut short or edited is not trusted and
the check simply runs. Nothing here raises on a bad cache; it returns None and the caller
checks as if there were no cache.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import stat
import sys
from functools import cache
from pathlib import Path

from emskit.finding import Finding, Severity

_FORMAT = "emskit-check-cache/1"
# The emskit package itself (not only commands/): a result depends on every rule, judgement,
# model and loader module, and on words.tsv and the bundled data.
_PACKAGE = Path(__file__).resolve().parent.parent
# Files whose content the loader reads; of any other file only name, size and mtime count.
_READ_SUFFIXES = (".yaml", ".yml", ".md", ".csv", ".json", ".txt")


def default_dir(environ: dict[str, str]) -> Path:
    """``EMSKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/emskit``, else ``~/.cache/emskit``."""
    if environ.get("EMSKIT_CACHE_DIR"):
        return Path(environ["EMSKIT_CACHE_DIR"])
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "emskit"


def result_key(root: Path, as_of: dt.date, options: tuple[str, ...]) -> str | None:
    """The hex key of a check of ``root``, or None when the repository cannot be cached."""
    digest = hashlib.blake2b(digest_size=32)
    digest.update(f"{_FORMAT}\0{_emskit_fingerprint()}\0{as_of.isoformat()}\0".encode())
    digest.update("\0".join(options).encode() + b"\1")
    digest.update(os.path.realpath(root).encode() + b"\1")
    # The documents' git history is read too (EMS350): a new commit is a new answer.
    digest.update(f"{_head(root)}\1".encode())
    for folder, dirs, files in os.walk(root):
        rel = os.path.relpath(folder, root)
        for name in dirs:
            if os.path.islink(os.path.join(folder, name)):
                return None
        # Every folder but git's own: rules look at evidence files wherever they are.
        dirs[:] = sorted(d for d in dirs if not (rel == "." and d == ".git"))
        digest.update(f"{rel}/\0{len(dirs)}\0".encode("utf-8", "surrogateescape"))
        for name in sorted(files):
            path = os.path.join(folder, name)
            try:
                info = os.lstat(path)
                if not stat.S_ISREG(info.st_mode):
                    return None
                digest.update(f"{rel}/{name}\0{info.st_size}\0".encode("utf-8", "surrogateescape"))
                if name.endswith(_READ_SUFFIXES):
                    with open(path, "rb") as handle:
                        digest.update(handle.read())
                else:  # evidence: only its presence and size are looked at
                    digest.update(str(info.st_mtime_ns).encode())
            except OSError:
                return None
    return digest.hexdigest()


def _head(root: Path) -> str:
    from emskit import git

    try:
        return git.head(root) or "no commit"
    except git.GitError:
        return "refused"


@cache
def _emskit_fingerprint(package: Path = _PACKAGE) -> str:
    """Python, emskit's version and the name, size and mtime of every file of the package:
    computed once a run (some 300 stat calls), so an edited module never reuses a result."""
    parts = [sys.version, _version()]
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            info = os.stat(os.path.join(folder, name))
            parts.append(
                f"{os.path.relpath(folder, package)}/{name}:{info.st_size}:{info.st_mtime_ns}"
            )
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def _version() -> str:
    from emskit import __version__

    return __version__


def load(cache_dir: Path, key: str) -> tuple[str, list[Finding]] | None:
    """(edition, findings) stored under ``key``, or None when absent or not to be trusted."""
    secret = _secret(cache_dir, create=False)
    if secret is None:
        return None
    try:
        raw = (cache_dir / f"{key}.json").read_bytes()
        mac, _, body = raw.partition(b"\n")
        if not hmac.compare_digest(mac, _sign(secret, key, body)):
            return None
        data = json.loads(body)
        if data.get("format") != _FORMAT or data.get("key") != key:
            return None
        findings = [_finding(item) for item in data["findings"]]
        return str(data["edition"]), findings
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store(cache_dir: Path, key: str, edition: str, findings: list[Finding]) -> None:
    """Keep the result; a cache that cannot be written is silently left out."""
    try:
        secret = _secret(cache_dir, create=True)
        if secret is None:
            return
        body = json.dumps(
            {
                "format": _FORMAT,
                "key": key,
                "edition": edition,
                "findings": [_plain(finding) for finding in findings],
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        from emskit.atomic import write_bytes

        write_bytes(cache_dir / f"{key}.json", _sign(secret, key, body) + b"\n" + body)
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


def _plain(finding: Finding) -> dict[str, object]:
    return {
        "code": finding.code,
        "rule": finding.rule,
        "severity": int(finding.severity),
        "message": finding.message,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "loc": list(finding.loc),
        "clauses": list(finding.clauses),
        "ids": list(finding.ids),
        "at_key": finding.at_key,
    }


def _finding(item: dict[str, object]) -> Finding:
    def text(name: str) -> str:
        value = item[name]
        if not isinstance(value, str):
            raise TypeError(name)
        return value

    def number(name: str) -> int | None:
        value = item[name]
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise TypeError(name)
        return value

    def strings(name: str) -> tuple[str, ...]:
        value = item[name]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TypeError(name)
        return tuple(value)

    loc = item["loc"]
    if not isinstance(loc, list) or not all(
        isinstance(step, str) or (isinstance(step, int) and not isinstance(step, bool))
        for step in loc
    ):
        raise TypeError("loc")
    severity = item["severity"]
    if not isinstance(severity, int):
        raise TypeError("severity")
    return Finding(
        code=text("code"),
        rule=text("rule"),
        severity=Severity(severity),
        message=text("message"),
        file=text("file"),
        line=number("line"),
        column=number("column"),
        loc=tuple(loc),
        clauses=strings("clauses"),
        ids=strings("ids"),
        at_key=bool(item["at_key"]),
    )
