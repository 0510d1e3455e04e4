"""Evidence for section 8 of the standard: operation."""

from __future__ import annotations

from emskit.analysis import Analysis
from emskit.clauses.evidence.common import (
    Assessment,
    id_list,
    judge,
)
from emskit.judgements.breaches import compliant_despite_breach
from emskit.judgements.incidents import unraised_incidents
from emskit.judgements.placeholders import has_content
from emskit.model.operation import Control, Drill, Scenario


def clause_8_1(ctx: Analysis) -> Assessment:
    controls = ctx.records("control", Control)
    uncontrolled = [
        a
        for a in ctx.significant_aspects()
        if not ctx.linked(a, "control") and not ctx.linked(a, "objective")
    ]
    problems = (
        [f"significant aspects with no operational control: {id_list(uncontrolled)}"]
        if uncontrolled
        else []
    )
    no_criteria = [c for c in controls if not c.model.criteria and not c.model.document]
    if no_criteria:
        problems.append(
            f"controls with neither operating criteria nor a document: {id_list(no_criteria)}"
        )
    # Incidents and breaches of operating criteria lead to nonconformities, and the
    # obligations they breach are not evaluated compliant as if nothing had happened.
    problems += [s.reason for s in (*unraised_incidents(ctx), *compliant_despite_breach(ctx))]
    return judge(problems, controls, "no operational controls (controls/)")


def clause_8_2(ctx: Analysis) -> Assessment:
    scenarios = ctx.records("scenario", Scenario)
    drilled = {d.model.scenario for d in ctx.records("drill", Drill) if d.model.date <= ctx.as_of}
    problems = [f"{s.id} has no planned response" for s in scenarios if not s.model.response]
    for scenario in scenarios:
        reason = scenario.model.drill_not_practicable
        if scenario.id in drilled:
            continue
        if reason is None:
            problems.append(f"{scenario.id} has never been tested by a drill")
        elif not has_content(reason):
            problems.append(
                f"{scenario.id} is declared not practicable to drill without a reason "
                "(drill_not_practicable): say why, or drill it"
            )
    problems += [
        f"{item.id}: last drill {item.last} is older than its frequency"
        for item in ctx.calendar("drill")
        if item.last is not None and item.due < ctx.as_of
    ]
    return judge(
        problems, scenarios + ctx.records("drill", Drill), "no emergency scenarios (emergency/)"
    )
