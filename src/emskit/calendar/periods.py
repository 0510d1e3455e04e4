"""Period arithmetic: ISO 8601 durations (P1Y2M3W4D) and the named periods of the format.

Months are calendar months clamped at month end: 31 January + P1M is 28 (or 29) February,
which is how a yearly or monthly obligation is read by people and by auditors; so 29 February
+ P1Y is 28 February.

Arithmetic saturates at the ends of the calendar (0001-01-01 and 9999-12-31): a "never" written
as 9999-12-31 or P99999Y stays "never" instead of overflowing, and every command that adds
periods goes through here so none of them can crash on such a date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from emskit.vocabulary import DURATION_PATTERN, PERIOD_NAMES

_DURATION = re.compile(DURATION_PATTERN)
# A count beyond this already passes the end of the calendar: longer digit runs are read as
# this (they saturate anyway), which keeps int() away from 5,000-digit strings.
_LARGEST_COUNT = 10**7
_FIRST_MONTH = dt.date.min.year * 12
_LAST_MONTH = dt.date.max.year * 12 + 11


@functools.lru_cache(maxsize=4096)  # a run asks for the same few periods thousands of times
def parse(period: str) -> tuple[int, int]:
    """(months, days) of a period; raises ValueError for anything else."""
    match = _DURATION.fullmatch(PERIOD_NAMES.get(period, period))
    if match is None or period in ("P", ""):
        raise ValueError(f"{period!r} is not a period")
    # Each group holds a number and its unit letter (3M), or nothing.
    years, months, weeks, days = (_count(group[:-1] if group else None) for group in match.groups())
    return years * 12 + months, weeks * 7 + days


def _count(digits: str | None) -> int:
    if not digits:
        return 0
    return _LARGEST_COUNT if len(digits) > len(str(_LARGEST_COUNT)) else int(digits)


def add(day: dt.date, period: str, times: int = 1) -> dt.date:
    """``day`` plus ``times`` the period (negative goes back), saturating at the calendar ends."""
    months, days = parse(period)
    return add_days(add_months(day, months * times), days * times)


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months, clamped at month end, saturating at 0001-01-01 and 9999-12-31."""
    index = day.year * 12 + day.month - 1 + months
    if index < _FIRST_MONTH:
        return dt.date.min
    if index > _LAST_MONTH:
        return dt.date.max
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_days(day: dt.date, days: int) -> dt.date:
    """Days, saturating at the calendar ends."""
    ordinal = day.toordinal() + days
    return dt.date.fromordinal(min(max(ordinal, 1), dt.date.max.toordinal()))


def add_years(day: dt.date, years: int) -> dt.date:
    """Whole years; 29 February becomes 28 February in a year without one."""
    return add_months(day, years * 12)
