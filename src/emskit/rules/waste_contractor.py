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
from emskit.model.waste import Contractor, WasteStream
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
    contractors = {r.id: r.model for r in ctx.records("contractor", Contractor)}
    for record in ctx.records("waste-stream", WasteStream):
        stream = record.model
        if not stream.hazardous:
            continue
        ids = (record.id,)
        if not stream.contractor:
            yield RULE.at(
                record.file,
                record.loc,
                f"hazardous waste stream {record.id} names no contractor: add "
                "'contractor: CON-...' (the licensed receiver)",
                ids=ids,
            )
            continue
        contractor = contractors.get(stream.contractor)
        if contractor is None:  # a dangling reference, reported by EMS104
            continue
        where = (*record.loc, "contractor")
        if contractor.licence is None:
            yield CATEGORY.at(
                record.file,
                where,
                f"waste stream {record.id} goes to {stream.contractor}, which records no "
                "licence: add its 'licence: {number, categories, expires}'",
                ids=(*ids, stream.contractor),
            )
        elif stream.category and stream.category not in _upper(contractor.licence.categories):
            yield CATEGORY.at(
                record.file,
                where,
                f"waste stream {record.id} ({stream.category}) goes to {stream.contractor}, "
                f"whose licence does not cover {stream.category} (it covers "
                f"{', '.join(contractor.licence.categories) or 'no category'})",
                ids=(*ids, stream.contractor),
            )


def _upper(categories: list[str]) -> set[str]:
    return {category.strip().upper() for category in categories}
