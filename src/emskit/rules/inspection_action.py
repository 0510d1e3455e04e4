"""A failed or penalised authority inspection names the action taken on it.

An inspection with ``result: failed`` or ``penalty: true`` names the nonconformity (or action)
raised for it in ``action:`` (9.1.2, 10.2); a failed spot check in the year also blocks a
certification application in China.

Passes::

    {id: INS-2026-02, date: 2026-06-18, authority: EEB, type: spot-check, result: failed,
     action: NC-2026-003}

Fails::

    {id: INS-2026-02, date: 2026-06-18, authority: EEB, type: spot-check, result: passed,
     penalty: true}
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.model.external_checks import Inspection
from emskit.rule import ERROR, Rule

RULE = Rule("EMS609", "inspection-without-action", ERROR, ("9.1.2", "10.2"), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    for record in ctx.records("inspection", Inspection):
        inspection = record.model
        if inspection.action:
            continue
        if inspection.result == "failed":
            field, why = "result", "failed"
        elif inspection.penalty:
            field, why = "penalty", "ended in a penalty"
        else:
            continue
        yield RULE.at(
            record.file,
            (*record.loc, field),
            f"inspection {record.id} by the authority {why} and names no action: add "
            "'action: NC-...' (the nonconformity raised for it)",
            ids=(record.id,),
        )
