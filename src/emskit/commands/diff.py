"""emskit diff: what changed in the EMS between two git revisions (default: HEAD and the work
tree), in its own terms. Each revision is read from git's blobs into a temporary folder, so
the work tree is never touched. Nothing here prints or reads the clock.

Both sides go through the same use cases and judgements as `check`, `score`, `gap` and
`ready`; the comparison itself lives in emskit.changes and scoring.compare (the logic of
`score --diff`).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from emskit import git
from emskit.analysis import Analysis
from emskit.certification.readiness import readiness
from emskit.certification.verdict import Verdict
from emskit.changes.judgements import (
    clause_changes,
    new_findings,
    readiness_changes,
    resolved_findings,
)
from emskit.changes.obligations import obligation_changes
from emskit.changes.records import record_changes
from emskit.changes.result import EmsDiff
from emskit.clauses.assessment import ClauseResult, assess
from emskit.commands.check import run_check
from emskit.errors import UsageError
from emskit.finding import Finding
from emskit.repo.document_history import read_document_histories
from emskit.repo.layout import CONFIG_FILE
from emskit.repo.loader import load_repository
from emskit.scoring.compare import compare

WORK_TREE = "work tree"


@dataclass
class _Side:
    ctx: Analysis
    findings: list[Finding]
    clauses: list[ClauseResult]
    verdicts: list[Verdict]


def run_diff(root: Path, as_of: dt.date, base: str = "HEAD", head: str | None = None) -> EmsDiff:
    """``head`` None: the work tree as it is, uncommitted edits included."""
    with tempfile.TemporaryDirectory(prefix="emskit-diff-") as folder:
        old = _side(root, as_of, base, Path(folder) / "base")
        new = _side(root, as_of, head, Path(folder) / "head")
    methods = [s.ctx.scoring.methods for s in (old, new)]
    return EmsDiff(
        base=base,
        head=head or WORK_TREE,
        as_of=as_of,
        records=record_changes(old.ctx.repo, new.ctx.repo),
        significance=compare(old.ctx.scoring, new.ctx.scoring),
        method_before=methods[0].default.name if methods[0] else "none",
        method_after=methods[1].default.name if methods[1] else "none",
        obligations=obligation_changes(old.ctx.repo, new.ctx.repo, as_of),
        clauses=clause_changes(old.clauses, new.clauses),
        readiness=readiness_changes(old.verdicts, new.verdicts),
        new_findings=new_findings(old.findings, new.findings),
        resolved_findings=resolved_findings(old.findings, new.findings),
    )


def _revision(root: Path, ref: str, dest: Path) -> Path:
    folder = git.export_at(root, ref, dest)
    if not (folder / CONFIG_FILE).is_file():
        raise UsageError(f"there was no {CONFIG_FILE} in this folder at {ref!r}")
    return folder


def _side(root: Path, as_of: dt.date, ref: str | None, folder: Path) -> _Side:
    """One side: a revision read into ``folder``, or (``ref`` None) the work tree. Each side's
    documents are judged by their own git history, up to that revision (EMS350, gap 7.5)."""
    source = _revision(root, ref, folder) if ref is not None else root
    repo = load_repository(source)
    commit = git.resolve_commit(root, ref) if ref is not None else None
    documents = [r for r in repo.records if r.kind == "document"]
    histories = read_document_histories(root, documents, commit)
    ctx = Analysis(repo, as_of, histories=histories)
    findings = run_check(source, as_of, histories=histories).findings
    return _Side(ctx, findings, assess(ctx), readiness(ctx))
