"""Period arithmetic: ISO 8601 durations (P1Y2M3W4D) and the named periods of the format.

Months are calendar months clamped at month end: 31 January + P1M is 28 (or 29) February,
which is how a yearly or monthly obligation is read by people and by auditors.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from emskit.vocabulary import DURATION_PATTERN, PERIOD_NAMES

_DURATION = re.compile("^" + DURATION_PATTERN + "$")


def parse(period: str) -> tuple[int, int]:
    """(months, days) of a period; raises ValueError for anything else."""
    match = _DURATION.match(PERIOD_NAMES.get(period, period))
    if match is None or period in ("P", ""):
        raise ValueError(f"{period!r} is not a period")
    # Each group holds a number and its unit letter (3M), or nothing.
    years, months, weeks, days = (int(group[:-1]) if group else 0 for group in match.groups())
    return years * 12 + months, weeks * 7 + days


def add(day: dt.date, period: str, times: int = 1) -> dt.date:
    months, days = parse(period)
    return add_months(day, months * times) + dt.timedelta(days=days * times)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))
