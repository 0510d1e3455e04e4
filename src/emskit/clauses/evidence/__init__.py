"""The evidence rules, one module per section of the standard, in one registry."""

from __future__ import annotations

from collections.abc import Callable

from emskit.analysis import Analysis
from emskit.clauses.evidence import (
    context,
    improvement,
    leadership,
    operation,
    performance,
    planning,
    support,
)
from emskit.clauses.evidence.common import (
    MET,
    MISSING,
    NOT_APPLICABLE,
    PARTIAL,
    Assessment,
    clause_key,
)
from emskit.clauses.evidence.context import clause_4_4
from emskit.judgements.reviews import missing_review_inputs, required_review_inputs

RULES: dict[str, Callable[[Analysis], Assessment]] = {
    "4.1": context.clause_4_1,
    "4.2": context.clause_4_2,
    "4.3": context.clause_4_3,
    "5.1": leadership.clause_5_1,
    "5.2": leadership.clause_5_2,
    "5.3": leadership.clause_5_3,
    "6.1.1": planning.clause_6_1_1,
    "6.1.2": planning.clause_6_1_2,
    "6.1.3": planning.clause_6_1_3,
    "6.1.4": planning.clause_6_1_4,
    "6.1.5": planning.clause_planning_action,
    "6.2": planning.clause_6_2,
    "6.3": planning.clause_6_3,
    "7.1": support.clause_7_1,
    "7.2": support.clause_7_2,
    "7.3": support.clause_7_3,
    "7.4": support.clause_7_4,
    "7.5": support.clause_7_5,
    "8.1": operation.clause_8_1,
    "8.2": operation.clause_8_2,
    "9.1.1": performance.clause_9_1_1,
    "9.1.2": performance.clause_9_1_2,
    "9.2": performance.clause_9_2,
    "9.3": performance.clause_9_3,
    "10.1": improvement.clause_10_1,
    "10.2": improvement.clause_10_2,
    "10.3": improvement.clause_10_3,
}


__all__ = [
    "MET",
    "MISSING",
    "NOT_APPLICABLE",
    "PARTIAL",
    "RULES",
    "Assessment",
    "clause_4_4",
    "clause_key",
    "missing_review_inputs",
    "required_review_inputs",
]
