"""One row per aspect, the same cells for the text table, CSV and JSON reports."""

from __future__ import annotations

from typing import Any

from emskit.model.common import text_in
from emskit.scoring.engine import Outcome
from emskit.scoring.explain import override_text, value_text
from emskit.scoring.results import ScoreResult, verdict_of


def criteria_columns(result: ScoreResult) -> list[str]:
    """Every criterion of every method in use, in method order, each once."""
    names: list[str] = []
    if result.scoring.methods:
        for method in result.scoring.methods.all():
            names += [name for name in method.names if name not in names]
    return names


def declared_text(outcome: Outcome) -> str:
    declared = outcome.declared
    return "" if declared is None else "yes" if declared else "no"


def row(outcome: Outcome, criteria: list[str], language: str) -> dict[str, Any]:
    aspect = outcome.record.model
    cells: dict[str, Any] = {
        "id": outcome.record.id,
        "site": aspect.site or "",
        "department": text_in(aspect.department, language),
        "aspect": text_in(aspect.aspect, language),
        "condition": aspect.condition,
    }
    for name in criteria:
        value = aspect.scores.get(name)
        cells[name] = (
            ""
            if value is None
            else value_text(outcome.values[name])
            if name in outcome.values
            else str(value)
        )
    cells.update(
        {
            "score": outcome.score_text,
            "verdict": verdict_of(outcome),
            "declared": declared_text(outcome),
            "override": override_text(outcome, language),
        }
    )
    return cells
