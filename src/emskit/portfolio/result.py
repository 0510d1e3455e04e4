"""What emskit portfolio returns: one row per repository, worst first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from emskit.portfolio.summary import RepoSummary


@dataclass
class PortfolioResult:
    as_of: dt.date
    rows: list[RepoSummary]  # worst first

    @property
    def failed(self) -> bool:
        """Some repository could not be read."""
        return any(row.error is not None for row in self.rows)
