"""emskit ready: the certification readiness verdict as of a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from emskit.analysis import Analysis
from emskit.certification.readiness import readiness
from emskit.certification.ready_result import ReadyResult
from emskit.repo.loader import load_repository


def run_ready(root: Path, as_of: dt.date) -> ReadyResult:
    repo = load_repository(root)
    return ReadyResult(as_of, readiness(Analysis(repo, as_of)))
