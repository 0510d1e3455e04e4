"""A hazardous waste stream goes to a licensed contractor whose licence covers its category.

A stream with ``hazardous: true`` names its ``contractor`` (EMS604), and that contractor holds
a licence whose ``categories`` include the stream's category, the ``HWnn`` prefix of its
``code`` (EMS605).

Passes::

    streams:
      - {id: WST-001, name: Waste oil, hazardous: true, code: HW08 900-214-08, contractor: CON-001}
    contractors:
      - {id: CON-001, name: Xinyuan, licence: {number: JS-1, categories: [HW08]}}

Fails::

    streams:
      - {id: WST-001, name: Waste oil, hazardous: true, code: HW08 900-214-08}
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.waste import contractors, licence_not_covering, without_contractor
from emskit.model.waste import WasteStream
from emskit.rule import ERROR, Rule

RULE = Rule("EMS604", "hazardous-waste-without-contractor", ERROR, ("8.1",), __doc__ or "")
CATEGORY = Rule(
    "EMS605",
    "waste-licence-category",
    ERROR,
    ("8.1", "6.1.3"),
    """
A hazardous stream's contractor holds no licence, or its licence does not list the stream's
category (the ``HWnn`` prefix of ``code``): the contractor may not receive that waste.

Passes: stream ``code: HW08 900-214-08`` to a contractor with ``categories: [HW08, HW12]``

Fails: stream ``code: HW08 900-214-08`` to a contractor with ``categories: [HW12]``
""",
)


def check(ctx: Analysis) -> Iterator[Finding]:
    known = contractors(ctx)
    for record in ctx.records("waste-stream", WasteStream):
        missing = without_contractor(record)
        if missing is not None:
            yield RULE.at(record.file, record.loc, missing.reason, ids=missing.ids)
        uncovered = licence_not_covering(record, known)
        if uncovered is not None:
            yield CATEGORY.at(
                record.file, (*record.loc, "contractor"), uncovered.reason, ids=uncovered.ids
            )
