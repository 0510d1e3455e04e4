"""The words of the repository format that several layers use, each defined once: the
conditions of an aspect, the editions of the standard, the period grammar, the readiness
statuses, the significance verdicts, the audit complexities.

Plain literals and tuples, no imports beyond typing: the models, the judgements and the
CLI's choices (derived from these, so an option can never drift from the format) all read
them, and `emskit --help` must stay fast.
"""

from __future__ import annotations

from typing import Literal, get_args

Condition = Literal["normal", "abnormal", "emergency"]
CONDITIONS: tuple[str, ...] = get_args(Condition)

Edition = Literal["2015", "2015+A1:2024", "2026"]
EDITIONS: tuple[str, ...] = get_args(Edition)
DEFAULT_EDITION = "2015+A1:2024"  # the edition in force; a new repository starts on it

# Named periods and the ISO 8601 duration each stands for.
PERIOD_NAMES: dict[str, str] = {
    "monthly": "P1M",
    "quarterly": "P3M",
    "semiannual": "P6M",
    "annual": "P1Y",
    "biennial": "P2Y",
    "triennial": "P3Y",
}
NAMED_PERIODS: tuple[str, ...] = tuple(PERIOD_NAMES)
# P, then at least one of years, months, weeks, days, in that order (P1Y2M3W4D).
DURATION_PATTERN = r"P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?"
PERIOD_PATTERN = r"^(" + DURATION_PATTERN + "|" + "|".join(NAMED_PERIODS) + r")$"

# not-applicable: the rule's subject does not exist and is not required (no hazardous waste).
ReadinessStatus = Literal["pass", "fail", "warn", "not-applicable"]
PASS, FAIL, WARN, NOT_APPLICABLE = get_args(ReadinessStatus)

Verdict = Literal["significant", "not-significant", "unscored"]
VERDICTS: tuple[str, ...] = get_args(Verdict)

Complexity = Literal["high", "medium", "low", "limited"]  # IAF MD 5's columns, in its order
COMPLEXITIES: tuple[str, ...] = get_args(Complexity)
