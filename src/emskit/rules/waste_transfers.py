"""A hazardous waste transfer happens while the contractor's licence and contract are valid.

A transfer dated after the receiving contractor's ``licence.expires`` or
``contract.expires`` (or before the contract was ``signed``) is EMS606; a transfer without its
manifest number (转移联单) is EMS607.

Passes::

    # records/waste-transfers/WT-1.yaml, contractor CON-001 licensed until 2027-09-30
    {id: WT-1, date: 2026-05-12, stream: WST-001, contractor: CON-001, manifest: "3205072026"}

Fails::

    # the same contractor's contract expired on 2025-12-31
    {id: WT-1, date: 2026-05-12, stream: WST-001, contractor: CON-001, manifest: "3205072026"}
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.waste import contractors, transfer_unlicensed, without_manifest
from emskit.model.waste import WasteTransfer
from emskit.rule import ERROR, Rule

RULE = Rule("EMS606", "waste-transfer-unlicensed", ERROR, ("8.1", "6.1.3"), __doc__ or "")
MANIFEST = Rule(
    "EMS607",
    "waste-transfer-without-manifest",
    ERROR,
    ("8.1", "7.5.3"),
    """
A waste transfer record gives no ``manifest`` number: every hazardous waste transfer has a
transfer manifest (electronic since 2022), and its number is the record's proof.

Passes: ``manifest: "3205072026051200143"``

Fails: a transfer record without ``manifest:``, or with ``manifest: ""``
""",
)


def check(ctx: Analysis) -> Iterator[Finding]:
    known = contractors(ctx)
    for record in ctx.records("waste-transfer", WasteTransfer):
        missing = without_manifest(record)
        if missing is not None:
            yield MANIFEST.at(record.file, record.loc, missing.reason, ids=missing.ids)
        for shortfall in transfer_unlicensed(record, known):
            yield RULE.at(record.file, (*record.loc, "date"), shortfall.reason, ids=shortfall.ids)
