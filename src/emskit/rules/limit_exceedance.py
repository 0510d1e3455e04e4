"""A reading outside its indicator's limit is an exceedance.

``limit: {min: ..., max: ...}`` on an indicator is a legal or permit limit per reading. Each
reading outside it is reported at its CSV line, so that it is investigated (an incident or
a nonconformity) and shows in the compliance evaluation.

Passes (limit max 1.2)::

    2026-01-31,IND-VOC,1.02,SITE-MAIN,

Fails::

    2026-02-28,IND-VOC,1.35,SITE-MAIN,
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.exceedances import limits, readings_outside
from emskit.rule import WARNING, Rule

RULE = Rule("EMS306", "limit-exceedance", WARNING, ("9.1.1", "9.1.2"), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    outside = readings_outside(ctx)
    if not outside:
        return
    bounds = limits(ctx)
    for reading in outside:
        low, high, unit = bounds[reading.indicator]
        if high is not None and reading.value > high:
            side, limit_value = "above the maximum", high
        else:
            assert low is not None  # outside and not above: below a minimum there is
            side, limit_value = "below the minimum", low
        yield RULE.at(
            reading.file,
            (),
            f"{reading.indicator} reading {reading.value:g} {unit} on "
            f"{reading.date} is {side} {limit_value:g} {unit}",
            line=reading.line,
            column=1,
            ids=(reading.indicator,),
        )
