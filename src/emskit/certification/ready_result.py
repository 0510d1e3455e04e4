"""What emskit ready returns: the readiness verdicts as of a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from emskit.certification.verdict import Verdict
from emskit.repo.as_of import NOTHING_LEFT_OUT, LeftOut
from emskit.vocabulary import FAIL


@dataclass
class ReadyResult:
    as_of: dt.date
    verdicts: list[Verdict]
    # Records dated after a past as-of date, left out as not yet existing (repo/as_of.py).
    left_out: LeftOut = NOTHING_LEFT_OUT

    @property
    def ready(self) -> bool:
        return not any(v.status == FAIL for v in self.verdicts)
