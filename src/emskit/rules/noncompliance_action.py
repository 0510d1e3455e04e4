"""A non-compliant or partial evaluation result names its action.

When a compliance evaluation finds an obligation unmet, 9.1.2 asks for action; the result
names the nonconformity raised for it.

Passes::

    results:
      - {obligation: OBL-007, result: non-compliant, action: NC-2026-004}

Fails::

    results:
      - {obligation: OBL-007, result: non-compliant}
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.model.evaluation import Evaluation
from emskit.rule import ERROR, Rule

RULE = Rule("EMS304", "noncompliance-without-action", ERROR, ("9.1.2", "10.2"), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    for record in ctx.records("evaluation", Evaluation):
        for index, result in enumerate(record.model.results):
            if result.result in ("non-compliant", "partial") and not result.action:
                yield RULE.at(
                    record.file,
                    (*record.loc, "results", index),
                    f"evaluation {record.id}: {result.result} result for "
                    f"{result.obligation} names no action: add 'action: NC-...'",
                    ids=(record.id, result.obligation),
                )
