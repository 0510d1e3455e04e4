"""emskit score as JSON (commands.md, "JSON shapes"), and as CSV for spreadsheets."""

from __future__ import annotations

import csv
from decimal import Decimal
from typing import Any, TextIO

from emskit import __version__
from emskit.escaping import spreadsheet_cell
from emskit.report.json_out import write_json
from emskit.report.score_rows import criteria_columns, row
from emskit.scoring.compare import VerdictChange
from emskit.scoring.engine import Outcome
from emskit.scoring.explain import formula, override_text, substituted, when_text
from emskit.scoring.method import Method, Value
from emskit.scoring.results import DiffResult, ScoreResult


def _number(value: Decimal | None) -> int | float | None:
    return None if value is None else _json_number(value)


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _value(value: Value) -> int | float | str:
    return value if isinstance(value, str) else _json_number(value)


def method_json(method: Method) -> dict[str, Any]:
    return {
        "name": method.name,
        "condition": method.condition,
        "criteria": {
            c.name: {"values": [_value(v) for v in c.values], "label": c.label}
            for c in method.criteria
        },
        "formula": formula(method),
        "threshold": _number(method.threshold),
        "threshold_inclusive": method.inclusive,
        "overrides": [{"when": when_text(o.when), "reason": o.reason} for o in method.overrides],
    }


def outcome_json(outcome: Outcome, line: int | None, language: str) -> dict[str, Any]:
    record = outcome.record
    return {
        "id": record.id,
        "file": record.file,
        "line": line,
        "condition": record.model.condition,
        "method": outcome.method.name,
        "scores": {k: _value(v) for k, v in outcome.values.items()},
        "score": _number(outcome.score),
        "significant": outcome.significant,
        "declared": outcome.declared,
        "override": override_text(outcome, language) or None,
        "reason": outcome.reason,
        "arithmetic": substituted(outcome) if outcome.score is not None else None,
        "problems": [p.message for p in outcome.problems],
    }


def render(result: ScoreResult, out: TextIO, lines: dict[int, int]) -> None:
    methods = result.scoring.methods
    assert methods is not None
    document = {
        "emskit": __version__,
        "as_of": result.as_of.isoformat(),
        "method": methods.default.name,
        "threshold": _number(methods.default.threshold),
        "methods": [method_json(m) for m in methods.all()],
        "aspects": [
            outcome_json(o, lines.get(id(o.record)), result.language) for o in result.outcomes
        ],
        "findings": [f.to_dict() for f in result.findings],
    }
    write_json(document, out)


def render_diff(result: DiffResult, as_of: str, out: TextIO) -> None:
    write_json(
        {
            "emskit": __version__,
            "as_of": as_of,
            "ref": result.ref,
            "method": {"before": result.before_method, "after": result.after_method},
            "changes": [verdict_change(c) for c in result.changes],
        },
        out,
    )


def verdict_change(c: VerdictChange) -> dict[str, Any]:
    """One changed verdict as JSON: score --diff and emskit diff show it alike."""
    return {
        "id": c.id,
        "significant": {
            "before": bool(c.before and c.before.significant),
            "after": bool(c.after and c.after.significant),
        },
        "score": {
            "before": _number(c.before.score) if c.before else None,
            "after": _number(c.after.score) if c.after else None,
        },
        "cause": c.cause,
        "data_changes": list(c.data_changes),
        "method_changes": list(c.method_changes),
    }


def render_csv(result: ScoreResult, out: TextIO, lines: dict[int, int]) -> None:
    criteria = criteria_columns(result)
    headers = [
        "id",
        "site",
        "department",
        "aspect",
        "condition",
        *criteria,
        "score",
        "verdict",
        "declared",
        "override",
        "file",
        "line",
    ]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([spreadsheet_cell(h) for h in headers])
    for outcome in result.outcomes:
        cells = row(outcome, criteria, result.language)
        cells.update(file=outcome.record.file, line=lines.get(id(outcome.record), ""))
        writer.writerow([spreadsheet_cell(str(cells[h])) for h in headers])
