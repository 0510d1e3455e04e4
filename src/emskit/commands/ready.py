"""emskit ready: the certification readiness verdict as of a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from emskit.analysis import Analysis
from emskit.certification.readiness import readiness
from emskit.certification.ready_result import ReadyResult
from emskit.repo.loader import load_repository


def run_ready(root: Path, as_of: dt.date, today: dt.date | None = None) -> ReadyResult:
    """The verdicts as of ``as_of``; with ``today`` (the CLI reads the clock), a past as-of
    date leaves out what is dated later, as check and gap do."""
    ctx = Analysis(load_repository(root), as_of, today=today)
    return ReadyResult(as_of, readiness(ctx), ctx.left_out)
