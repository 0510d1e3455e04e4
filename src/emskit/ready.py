"""emskit ready: the certification readiness verdict as of a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from emskit.calendar.readiness import FAIL, Verdict, readiness
from emskit.repo.loader import load_repository
from emskit.rules.context import CheckContext


@dataclass
class ReadyResult:
    as_of: dt.date
    verdicts: list[Verdict]

    @property
    def ready(self) -> bool:
        return not any(v.status == FAIL for v in self.verdicts)


def run_ready(root: Path, as_of: dt.date) -> ReadyResult:
    repo = load_repository(root)
    return ReadyResult(as_of, readiness(CheckContext(repo, as_of)))
