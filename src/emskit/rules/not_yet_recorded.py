"""Records dated after a past as-of date are left out, as not yet existing.

``--as-of`` before today asks what the repository said on that day: audits, incidents,
readings and other records dated later had not happened yet, so check, gap and ready all
leave them out (a nonconformity raised before is read as it stood: later closure, checks and
actions not yet done). This info line says how many were left out. A record dated after
today is still an error (EMS203).

Passes (as of 2026-11-22, today 2026-11-22)::

    2026-10-31,IND-VOC,1.02,SITE-MAIN,

Fails (an info line; as of 2026-10-01, today 2026-11-22)::

    2026-10-31,IND-VOC,1.02,SITE-MAIN,
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.rule import INFO, Rule
from emskit.words import say

RULE = Rule("EMS204", "dated-after-as-of", INFO, ("7.5.3",), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    count, latest, _ = ctx.left_out
    if count:
        yield RULE.at(
            "emskit.yaml", (), say("dated.left-out", count=count, as_of=ctx.as_of, latest=latest)
        )
