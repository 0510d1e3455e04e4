"""An objective's target is on the wrong side of its baseline.

A ``decrease`` objective whose target is above its baseline (or an ``increase`` one whose
target is below it) is met by getting worse: the direction, the baseline or the target is
written wrong. Asked of judgements/objectives.py, as readiness (objectives-on-track) and gap
(6.2) ask it.

Passes::

    objectives:
      - {id: OBJ-002, direction: decrease, baseline: {value: 1250, date: 2025-12-31},
         target: {value: 1150, by: 2026-12-31}, ...}

Fails (to decrease, from 350 to 400)::

    objectives:
      - {id: OBJ-004, direction: decrease, baseline: {value: 350, date: 2025-12-31},
         target: {value: 400, by: 2026-12-31}, ...}
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.objectives import wrong_side
from emskit.model.planning import Objective
from emskit.rule import ERROR, Rule

RULE = Rule("EMS330", "objective-target-wrong-side", ERROR, ("6.2",), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    for record in ctx.records("objective", Objective):
        if record.model.status == "cancelled":
            continue
        shortfall = wrong_side(record)
        if shortfall is not None:
            yield RULE.at(
                record.file, (*record.loc, "target", "value"), shortfall.reason, ids=shortfall.ids
            )
