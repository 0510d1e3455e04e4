"""What emskit ready returns: the readiness verdicts as of a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from emskit.certification.verdict import Verdict
from emskit.vocabulary import FAIL


@dataclass
class ReadyResult:
    as_of: dt.date
    verdicts: list[Verdict]

    @property
    def ready(self) -> bool:
        return not any(v.status == FAIL for v in self.verdicts)
