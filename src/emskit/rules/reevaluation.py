"""A non-compliant or partial result whose action is closed, and no evaluation since.

When an evaluation finds an obligation unmet, its action (a nonconformity) puts it right;
9.1.2 asks the organisation to know its compliance status, so once the action is closed the
obligation is evaluated again. Until then the register still says "non-compliant", or nobody
has confirmed the fix worked.

Passes::

    # EVA-2026-01: {obligation: OBL-007, result: partial, action: NC-2026-004}
    # NC-2026-004 closed_on: 2026-08-01
    # EVA-2026-02 (2026-10-12): {obligation: OBL-007, result: compliant}

Fails::

    # EVA-2026-01: {obligation: OBL-007, result: partial, action: NC-2026-004}
    # NC-2026-004 closed_on: 2026-08-01, and no later evaluation names OBL-007
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.compliance import not_reevaluated_results
from emskit.rule import WARNING, Rule

RULE = Rule("EMS320", "unmet-result-not-reevaluated", WARNING, ("9.1.2", "10.2"), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    for unchecked in not_reevaluated_results(ctx):
        record, shortfall = unchecked.evaluation, unchecked.shortfall
        yield RULE.at(
            record.file,
            (*record.loc, "results", unchecked.position),
            shortfall.reason,
            ids=shortfall.ids,
        )
