"""A cache of check results, so a second `emskit check` with nothing changed only reads.

The key is a hash of everything the result depends on: the content of every file the loader
could read, the git commit checked out (the documents' history is read from it, EMS350),
the name, size and mtime of every other file (evidence the rules look for), the options,
the as-of date, and emskit itself (version and the size and mtime of each of its own files,
so an edited checkout or a new schema never reuses an old answer). A repository holding a
symbolic link or a non-regular file is never cached: what such an entry reads as is the
loader's decision, not this module's.

An entry is plain JSON, signed (signed_cache.py): an entry written by someone else, cut short
or edited is not trusted and the check simply runs. Nothing here raises on a bad cache; it
returns None and the caller checks as if there were no cache.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from pathlib import Path

from emskit.finding import Finding, Severity
from emskit.signed_cache import PACKAGE, emskit_fingerprint, read_signed, write_signed

_FORMAT = "emskit-check-cache/1"
# The emskit package itself (not only commands/): a result depends on every rule, judgement,
# model and loader module, and on words.tsv and the bundled data.
_PACKAGE = PACKAGE
_emskit_fingerprint = emskit_fingerprint
# Files whose content the loader reads; of any other file only name, size and mtime count.
_READ_SUFFIXES = (".yaml", ".yml", ".md", ".csv", ".json", ".txt")


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


def load(cache_dir: Path, key: str) -> tuple[str, list[Finding]] | None:
    """(edition, findings) stored under ``key``, or None when absent or not to be trusted."""
    body = read_signed(cache_dir / f"{key}.json", key)
    if body is None:
        return None
    try:
        data = json.loads(body)
        if data.get("format") != _FORMAT or data.get("key") != key:
            return None
        findings = [_finding(item) for item in data["findings"]]
        return str(data["edition"]), findings
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def store(cache_dir: Path, key: str, edition: str, findings: list[Finding]) -> None:
    """Keep the result; a cache that cannot be written is silently left out."""
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
    write_signed(cache_dir / f"{key}.json", key, body)


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
