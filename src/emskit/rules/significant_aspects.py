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

A significant aspect that arises under emergency conditions needs an emergency scenario (8.2)
that names it: a routine control does not answer a spill or a fire.

Passes::

    aspects:
      - {id: ASP-020, condition: emergency, significant: true, ...}
    scenarios:
      - {id: EMG-001, scenario: Fire in the chemical store, aspects: [ASP-020]}

Fails::

    aspects:
      - {id: ASP-020, condition: emergency, significant: true, controls: [CTL-008], ...}
    # and no scenario names ASP-020
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.aspects import aspect_shortfall
from emskit.rule import ERROR, Rule

RULE = Rule(
    "EMS303",
    "significant-aspect-unaddressed",
    ERROR,
    ("6.1.4", "8.1", "8.2", "9.1.1"),
    __doc__ or "",
)


def check(ctx: Analysis) -> Iterator[Finding]:
    # The significant ones, in register order: no other aspect can fall short.
    for record in ctx.significant_aspects():
        shortfall = aspect_shortfall(ctx, record)
        if shortfall is not None:
            yield RULE.at(record.file, record.loc, shortfall.reason, ids=shortfall.ids)
