"""Every significant aspect leads somewhere: a control, an objective or an indicator.

A significant aspect that nothing controls, improves or monitors is the first thing an
auditor traces (6.1.4 planning action, 8.1 operational control, 9.1.1 monitoring). Links
count from either side: the aspect listing ``controls:``, or a control listing the aspect.

Passes::

    aspects:
      - {id: ASP-001, significant: true, controls: [CTL-002], ...}

Fails::

    aspects:
      - {id: ASP-001, significant: true, ...}    # and no control, objective or indicator names it
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.model.planning import Aspect
from emskit.rule import ERROR, Rule

RULE = Rule(
    "EMS303", "significant-aspect-unaddressed", ERROR, ("6.1.4", "8.1", "9.1.1"), __doc__ or ""
)


def check(ctx: Analysis) -> Iterator[Finding]:
    for record in ctx.records("aspect", Aspect):
        if not ctx.is_significant(record):
            continue
        if ctx.is_addressed(record):
            continue
        yield RULE.at(
            record.file,
            record.loc,
            f"significant aspect {record.id} has no control, objective or indicator: "
            "link one (controls:, objectives: or indicators:)",
            ids=(record.id,),
        )
