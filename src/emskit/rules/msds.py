"""A hazardous chemical has a safety data sheet: on file, not empty, current, posted at use.

A chemical with ``hazardous: true`` needs ``msds.file`` naming a file that exists in the
repository and is not empty. A hazardous chemical is checked by the three rules of this
module: EMS601 (the sheet is missing or empty), EMS602 (revised longer ago than
``limits.msds_max_age``, default P5Y, or with no revision date) and EMS603 (not posted at the
points of use).

Passes::

    chemicals:
      - {id: CHEM-001, name: Xylene, hazardous: true, used_at: [Line 2],
         msds: {file: evidence/msds/xylene.pdf, revised: 2024-05-10, posted_at_use: true}}

Fails::

    chemicals:
      - {id: CHEM-001, name: Xylene, hazardous: true, msds: {file: evidence/msds/none.pdf}}
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.chemicals import msds_missing, msds_not_posted, msds_outdated
from emskit.model.chemicals import Chemical
from emskit.rule import ERROR, WARNING, Rule

RULE = Rule("EMS601", "msds-missing", ERROR, ("8.1", "7.5.3"), __doc__ or "")
OUTDATED = Rule(
    "EMS602",
    "msds-outdated",
    WARNING,
    ("8.1",),
    """
A hazardous chemical's MSDS was revised longer ago than ``limits.msds_max_age`` (P5Y unless
set in emskit.yaml), or gives no ``revised`` date to judge by: ask the supplier for the
current sheet.

Passes: ``msds: {file: evidence/msds/xylene.pdf, revised: 2024-05-10}`` as of 2026-11-22

Fails: ``msds: {file: evidence/msds/xylene.pdf, revised: 2019-01-10}`` as of 2026-11-22
""",
)
NOT_POSTED = Rule(
    "EMS603",
    "msds-not-posted",
    WARNING,
    ("8.1", "7.4"),
    """
A hazardous chemical's MSDS is not posted at its points of use (``posted_at_use`` is not true):
the people handling it must be able to read it where they work.

Passes: ``msds: {file: evidence/msds/xylene.pdf, revised: 2024-05-10, posted_at_use: true}``

Fails: ``msds: {file: evidence/msds/xylene.pdf, revised: 2024-05-10}``
""",
)


def check(ctx: Analysis) -> Iterator[Finding]:
    for record in ctx.records("chemical", Chemical):
        msds, at = record.model.msds, record.loc
        missing = msds_missing(ctx, record)
        if missing is not None:
            where = (*at, "msds", "file") if msds is not None else at
            yield RULE.at(record.file, where, missing.reason, ids=missing.ids)
        outdated = msds_outdated(ctx, record)
        if outdated is not None and msds is not None:
            where = (*at, "msds", "revised") if msds.revised else (*at, "msds")
            yield OUTDATED.at(record.file, where, outdated.reason, ids=outdated.ids)
        unposted = msds_not_posted(record)
        if unposted is not None:
            yield NOT_POSTED.at(record.file, (*at, "msds"), unposted.reason, ids=unposted.ids)
