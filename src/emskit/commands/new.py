"""emskit new KIND: the next record of a kind as a commented skeleton, pre-filled from the
repository, written under its own id and never over an existing file."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from emskit.analysis import Analysis
from emskit.commands.skeletons import KINDS, Kind
from emskit.commands.skeletons.context import Draft
from emskit.commands.skeletons.text import Skeleton
from emskit.errors import UsageError
from emskit.importing.ids import IdAllocator
from emskit.model.common import ID_PATTERN
from emskit.repo.loader import load_repository
from emskit.repo.repository import Record, Repository
from emskit.repo.spelling import did_you_mean

SCHEMA_DIR = ".emskit/schemas"
# What --from may name, per kind: the record the new one comes from.
_FROM = {
    "nonconformity": ("*",),
    "audit": ("audit-plan",),
    "drill": ("scenario",),
    "waste-transfer": ("waste-stream",),
}


@dataclass
class NewResult:
    path: str  # relative to the repository root
    id: str
    kind: str
    notes: list[str] = field(default_factory=list)


def run_new(
    root: Path,
    kind: str,
    as_of: dt.date,
    record_id: str | None = None,
    from_id: str | None = None,
) -> NewResult:
    spec = _kind(kind)
    repo = load_repository(root)
    ctx = Analysis(repo, as_of)
    new_id = _chosen_id(repo, record_id) if record_id else _next_id(repo, spec, as_of)
    source, detail = _source(ctx, spec, from_id) if from_id else (None, "")
    draft = Draft(ctx, new_id, source, detail)
    text = skeleton_text(spec, draft)
    rel = _path(spec, new_id)
    _write_new(root / rel, text)
    return NewResult(rel, new_id, spec.name, draft.notes)


def skeleton_text(spec: Kind, draft: Draft) -> str:
    out = Skeleton()
    depth = spec.folder.count("/") + 1
    hint = f"yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{spec.part.name}.schema.json"
    if spec.name == "document":
        out.lines.append("---")
    out.note(hint)
    out.note(f"A new {spec.name} record: replace every TODO, then run 'emskit check'.")
    spec.fill(draft, out)
    if spec.name == "document":
        out.lines += ["---", "", "# TODO: the document's title", "", "TODO: the content."]
    return out.text()


def _kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise UsageError(
            f"emskit new {kind!r}: no such kind{did_you_mean(kind, KINDS)}; "
            f"use one of {', '.join(KINDS)}"
        )
    return KINDS[kind]


def _taken(repo: Repository) -> set[str]:
    return {r.id.casefold() for r in repo.records if r.id} | {
        i.casefold() for i in repo.invalid_ids
    }


def _chosen_id(repo: Repository, record_id: str) -> str:
    if not re.fullmatch(ID_PATTERN.strip("^$"), record_id):
        raise UsageError(
            f"--id {record_id!r}: an id is ASCII letters, digits and '-', starting with a letter"
        )
    if record_id.casefold() in _taken(repo):
        raise UsageError(f"--id {record_id}: the repository already has a record with this id")
    return record_id


def _next_id(repo: Repository, spec: Kind, as_of: dt.date) -> str:
    first = spec.first_id.replace("YYYY", str(as_of.year))
    prefix, _, number = first.rpartition("-")
    own = [r.id for r in repo.records if r.kind == spec.part.record_kind and r.id]
    allocator = IdAllocator(
        spec.name, own, _taken(repo), year=as_of.year, default=(prefix + "-", len(number))
    )
    while True:  # a file no record comes from (unreadable, a draft) still holds its name
        candidate = allocator.allocate()
        if not (repo.root / _path(spec, candidate)).exists():
            return candidate


def _path(spec: Kind, record_id: str) -> str:
    return f"{spec.folder}/{record_id}{'.md' if spec.name == 'document' else '.yaml'}"


def _source(ctx: Analysis, spec: Kind, from_id: str) -> tuple[Record, str]:
    allowed = _FROM.get(spec.name)
    if allowed is None:
        raise UsageError(f"--from: 'emskit new {spec.name}' takes nothing from another record")
    wanted, _, detail = from_id.partition("/")
    found = ctx.index.resolve(wanted)
    if not found:
        known = [r.id for r in ctx.repo.records if r.id]
        raise UsageError(f"--from {wanted}: no record has this id{did_you_mean(wanted, known)}")
    record = found[0]
    if "*" not in allowed and record.kind not in allowed:
        raise UsageError(
            f"--from {wanted}: a {spec.name} comes from {' or '.join(allowed)}, "
            f"and {wanted} is a {record.kind}"
        )
    return record, detail


def _write_new(path: Path, text: str) -> None:
    """Atomically, and only if nothing is there: the file appears whole or not at all, and a
    record written meanwhile by someone else is never replaced (link fails on an existing
    name, where rename would overwrite)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o666 & ~_umask())
        os.link(temporary, path)
    except FileExistsError:
        raise UsageError(f"{path}: already exists; emskit new never overwrites a file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot be written ({exc.strerror})") from None
    finally:
        os.unlink(temporary)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
