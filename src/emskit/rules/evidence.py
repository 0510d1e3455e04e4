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
from collections.abc import Iterator
from pathlib import Path

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.evidence_files import evidence_paths, not_in_repository
from emskit.repo.confinement import resolves_inside
from emskit.repo.positions import Loc
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


def check(ctx: Analysis) -> Iterator[Finding]:
    root = ctx.repo.root
    for evidence in evidence_paths(ctx):
        yield from _check_path(root, evidence.path, evidence.file, evidence.loc, evidence.ids)


def _check_path(
    root: Path, path: str, file: str, loc: Loc, ids: tuple[str, ...]
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
    if not resolves_inside(full, root):
        yield OUTSIDE.at(
            file,
            loc,
            f"evidence {path} is a link that resolves outside the "
            "repository: copy the file into the repository",
            ids=ids,
        )


__all__ = ["OUTSIDE", "RULE", "check", "not_in_repository"]
