"""What every auditor's casebook (tests/test_casebook_*.py) does: copy the sample organisation,
change what the case describes, and read the verdict of one readiness rule or one clause."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import AS_OF, SAMPLE

from emskit.certification.verdict import Verdict
from emskit.clauses.assessment import ClauseResult
from emskit.commands.gap import run_gap
from emskit.commands.ready import run_ready

Mutation = Callable[[Path], None]


def mutated(tmp_path: Path, *mutations: Mutation) -> Path:
    """A copy of the sample organisation with ``mutations`` applied in order."""
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    for mutation in mutations:
        mutation(root)
    return root


def verdict(root: Path, rule: str, as_of: dt.date = AS_OF) -> Verdict:
    return {v.id: v for v in run_ready(root, as_of).verdicts}[rule]


def clause(root: Path, number: str, as_of: dt.date = AS_OF) -> ClauseResult:
    return {c.clause.number: c for c in run_gap(root, as_of).clauses}[number]
