"""Evidence paths exist and stay inside the repository.

``evidence:`` entries are paths relative to the repository root with ``/`` separators, or
``https://``/``http://`` links (never fetched). A path may be a folder. A path that leaves
the repository (``..``, an absolute path, a symbolic link pointing outside) is an error, and
so are backslashes and other URL schemes.

Passes::

    evidence: [evidence/permits/air-permit.pdf, https://example.org/permit]

Fails::

    evidence: [evidence/permits/missing.pdf, ../other-client/permit.pdf, file:///etc/passwd]
"""

import os
import re
from collections.abc import Iterator
from pathlib import Path

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.repo.positions import Loc
from emskit.repo.repository import Record
from emskit.rule import ERROR, Rule

RULE = Rule("EMS105", "evidence-missing", ERROR, ("7.5.3",), __doc__ or "")
OUTSIDE = Rule(
    "EMS106",
    "evidence-outside-repository",
    ERROR,
    ("7.5.3",),
    """
An evidence path that is not a path inside the repository: absolute, with ``..``, with a
backslash, a URL scheme other than https/http, or a symbolic link that resolves outside.

Passes: ``evidence: [evidence/training/attendance.pdf]``

Fails: ``evidence: [../../secrets.txt]``, ``evidence: ['evidence\\\\scan.pdf']``
""",
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def check(ctx: Analysis) -> Iterator[Finding]:
    root = ctx.repo.root
    real_root = os.path.realpath(root)
    for record in ctx.repo.records:
        for index, path in enumerate(getattr(record.model, "evidence", None) or ()):
            yield from _check_path(
                root,
                real_root,
                path,
                record.file,
                (*record.loc, "evidence", index),
                (record.id,) if record.id else (),
            )
        for loc, path in _nested_evidence(record):
            yield from _check_path(
                root, real_root, path, record.file, loc, (record.id,) if record.id else ()
            )
    config = ctx.repo.config
    application = config.certification.application if config and config.certification else None
    if application is not None:
        raw = ctx.repo.raw_config.get("certification", {}).get("application", {})
        for name in type(application).model_fields:
            # The list form holds the paths directly; the mapping form under 'files'.
            where = () if isinstance(raw.get(name), list) else ("files",)
            for index, path in enumerate(application.files_of(name)):
                yield from _check_path(
                    root,
                    real_root,
                    path,
                    "emskit.yaml",
                    ("certification", "application", name, *where, index),
                    (),
                )


# Records whose evidence also sits in parts that are no records of their own: a person's
# licences, a waste contractor's licence and contract.
_NESTED_EVIDENCE = {"person": ("licences",), "contractor": ("licence", "contract")}


def _nested_evidence(record: Record) -> Iterator[tuple[Loc, str]]:
    for field in _NESTED_EVIDENCE.get(record.kind, ()):
        value = getattr(record.model, field, None)
        parts = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, part in parts:
            here = (*record.loc, field) if index is None else (*record.loc, field, index)
            for position, path in enumerate(getattr(part, "evidence", None) or ()):
                yield (*here, "evidence", position), path


def _check_path(
    root: Path, real_root: str, path: str, file: str, loc: Loc, ids: tuple[str, ...]
) -> Iterator[Finding]:
    if path.startswith(("https://", "http://")):
        return
    problem = not_in_repository(path)
    if problem:
        yield OUTSIDE.at(file, loc, f"evidence {path!r} {problem}", ids=ids)
        return
    full = root / path
    if not os.path.lexists(full):
        yield RULE.at(
            file, loc, f"evidence {path} does not exist: add the file or fix the path", ids=ids
        )
        return
    if not os.path.exists(full):  # the name is there but following it fails
        yield RULE.at(
            file,
            loc,
            f"evidence {path} is a symbolic link that leads nowhere (a loop, or a missing "
            "target): replace it with the file",
            ids=ids,
        )
        return
    real = os.path.realpath(full)
    if real != real_root and not real.startswith(real_root + os.sep):
        yield OUTSIDE.at(
            file,
            loc,
            f"evidence {path} is a link that resolves outside the "
            "repository: copy the file into the repository",
            ids=ids,
        )


def not_in_repository(path: str) -> str:
    """Why ``path`` is not a path inside the repository, or "" when it is one."""
    if "\\" in path:
        return "uses a backslash: write paths with '/'"
    if _SCHEME.match(path):
        return "is a URL of a scheme other than https or http: use a repository path or a web link"
    if path.startswith("/"):
        return "is an absolute path: write it relative to the repository root"
    if ".." in path.split("/"):
        return "leaves the repository ('..'): keep evidence inside the repository"
    if not path.strip():
        return "is empty"
    return ""
