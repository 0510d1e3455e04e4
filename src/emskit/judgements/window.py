"""The window an auditor reads incidents, penalties, inspections and exceedances in: the 12
months before the as-of date, in every jurisdiction.

A certification body asks "any pollution incident, penalty or failed inspection in the last
year?". The CN condition "none in the current year" is read the same way: on 10 January a
pollution incident of 20 December still counts (a calendar-year window would forget it).
"""

from __future__ import annotations

import datetime as dt

from emskit.calendar.periods import add
from emskit.words import Message, say

LOOK_BACK = "P12M"


def window_start(as_of: dt.date) -> dt.date:
    """The first day of the window: the same day 12 months before ``as_of``."""
    return add(as_of, LOOK_BACK, -1)


def in_window(day: dt.date, as_of: dt.date) -> bool:
    """``day`` lies in the 12 months before ``as_of`` (both ends included)."""
    return window_start(as_of) <= day <= as_of


def window_words(as_of: dt.date) -> Message:
    """The window as a reason says it: "in the 12 months from 2025-11-22 to 2026-11-22"."""
    return say("window.last-12-months", start=window_start(as_of), end=as_of)


__all__ = ["LOOK_BACK", "in_window", "window_start", "window_words"]
