"""Is the evidence really there? Every evidence path a record lists, and whether its file says
anything.

A certification body rejects an application whose discharge permit is a 0-byte file: the
presence of a name is not evidence. Check (EMS105-EMS107), the application materials
(readiness and the pack) and the MSDS rules all read evidence files through here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from emskit.analysis import Analysis, once
from emskit.judgements.shortfall import Shortfall
from emskit.repo.confinement import resolves_inside
from emskit.repo.positions import Loc
from emskit.repo.repository import Record
from emskit.words import say

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_CHUNK = 1 << 16


class EvidencePath(NamedTuple):
    """One evidence path as a record lists it: the YAML file and place that name it."""

    file: str
    loc: Loc
    path: str
    ids: tuple[str, ...]


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


def inside(root: Path, path: str) -> Path | None:
    """The file ``path`` names when it is a repository path that resolves inside ``root``
    (links followed), else None: nothing outside the repository is ever read."""
    if path.startswith(("https://", "http://")) or not_in_repository(path):
        return None
    full = root / path
    return full if resolves_inside(full, root) else None


def is_empty_file(path: Path) -> bool:
    """A regular file holding nothing but whitespace (0 bytes, blanks, newlines)."""
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                if chunk.strip():
                    return False
    except OSError:  # a directory, a missing file: not an empty file
        return False
    return path.is_file()


@once
def evidence_paths(ctx: Analysis) -> tuple[EvidencePath, ...]:
    """Every evidence path in the repository: records' ``evidence:``, the parts of records
    that carry their own (licences, contracts) and the application materials' files (read
    once per run: EMS105, EMS107 and the clauses walk the same records)."""
    return tuple(_evidence_paths(ctx))


def _evidence_paths(ctx: Analysis) -> Iterator[EvidencePath]:
    for record in ctx.repo.records:
        ids = (record.id,) if record.id else ()
        # The field read from the model's values: a getattr on a model without the field
        # raises inside pydantic first (10,000 aspects in a large repository have none).
        for index, path in enumerate(vars(record.model).get("evidence") or ()):
            yield EvidencePath(record.file, (*record.loc, "evidence", index), path, ids)
        for loc, path in _nested_evidence(record):
            yield EvidencePath(record.file, loc, path, ids)
    config = ctx.repo.config
    application = config.certification.application if config and config.certification else None
    if application is not None:
        raw = ctx.repo.raw_config.get("certification", {}).get("application", {})
        for name in type(application).model_fields:
            # The list form holds the paths directly; the mapping form under 'files'.
            where = () if isinstance(raw.get(name), list) else ("files",)
            for index, path in enumerate(application.files_of(name)):
                loc = ("certification", "application", name, *where, index)
                yield EvidencePath("emskit.yaml", loc, path, ())


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


def empty_evidence(ctx: Analysis) -> list[tuple[EvidencePath, Shortfall]]:
    """Evidence files that exist but say nothing, each with the shortfall an auditor writes."""
    out = []
    for evidence in evidence_paths(ctx):
        full = inside(ctx.repo.root, evidence.path)
        if full is not None and is_empty_file(full):
            who = evidence.ids[0] if evidence.ids else evidence.file
            reason = say("evidence.empty", record=who, path=evidence.path)
            out.append((evidence, Shortfall(evidence.ids or (evidence.path,), reason)))
    return out
