"""emskit gap: every assessed clause of an edition, met / partial / missing, with reasons and
the files that evidence it. Nothing here prints or reads the clock.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from emskit.analysis import Analysis
from emskit.clauses.assessment import (
    STATUSES,
    ClauseResult,
    Evidence,
    GapResult,
    assess,
)
from emskit.errors import UsageError
from emskit.repo.loader import load_repository
from emskit.vocabulary import EDITIONS

__all__ = ["STATUSES", "ClauseResult", "Evidence", "GapResult", "run_gap"]


def run_gap(
    root: Path, as_of: dt.date, edition: str | None = None, today: dt.date | None = None
) -> GapResult:
    if edition is not None and edition not in EDITIONS:
        raise UsageError(f"--edition {edition!r}: use one of {', '.join(EDITIONS)}")
    repo = load_repository(root)
    target = edition or repo.edition
    ctx = Analysis(repo, as_of, target, today=today)
    results = assess(ctx)
    return GapResult(root, as_of, target, repo.edition, results, ctx.left_out)
