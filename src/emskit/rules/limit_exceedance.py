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
from emskit.model.evaluation import Indicator
from emskit.rule import WARNING, Rule

RULE = Rule("EMS306", "limit-exceedance", WARNING, ("9.1.1", "9.1.2"), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    limits = {}
    for record in ctx.records("indicator", Indicator):
        limit = record.model.limit
        if limit is not None and (limit.min is not None or limit.max is not None):
            limits[record.id] = (limit.min, limit.max, record.model.unit)
    if not limits:
        return
    for reading in ctx.repo.readings:
        bounds = limits.get(reading.indicator)
        if bounds is None:
            continue
        low, high, unit = bounds
        if high is not None and reading.value > high:
            side, limit_value = "above the maximum", high
        elif low is not None and reading.value < low:
            side, limit_value = "below the minimum", low
        else:
            continue
        yield RULE.at(
            reading.file,
            (),
            f"{reading.indicator} reading {reading.value:g} {unit} on "
            f"{reading.date} is {side} {limit_value:g} {unit}",
            line=reading.line,
            column=1,
            ids=(reading.indicator,),
        )
