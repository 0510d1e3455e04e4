"""A reading outside its limit is handled: an exceedance incident or a nonconformity.

A reading outside its indicator's ``limit`` is handled when an incident of ``type:
exceedance`` names the indicator (``indicators: [IND-COD]``) within 30 days after the reading,
or a nonconformity with ``source: monitoring`` names it in ``source_ref`` (the indicator, the
monitoring report, or ``IND-COD@2026-07-31``). Under ``jurisdiction: CN`` an exceedance in
the last 12 months also needs an active objective on the indicator or one of its obligations.

Passes (limit max 500)::

    2026-07-31,IND-COD,540,SITE-SZ,
    # records/nonconformities/NC-2026-006.yaml
    {id: NC-2026-006, raised: 2026-08-02, source: monitoring, source_ref: IND-COD@2026-07-31, ...}

Fails::

    2026-07-31,IND-COD,540,SITE-SZ,
    # and no exceedance incident or monitoring nonconformity names IND-COD
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.exceedances import unhandled_exceedances
from emskit.rule import WARNING, Rule

RULE = Rule("EMS342", "exceedance-not-handled", WARNING, ("9.1.1", "10.2"), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    for judged in unhandled_exceedances(ctx, recent_only=False):
        exceedance, shortfall = judged
        yield RULE.at(
            exceedance.file,
            exceedance.loc,
            shortfall.reason,
            line=exceedance.line,
            column=1 if exceedance.line else None,
            ids=shortfall.ids,
        )
