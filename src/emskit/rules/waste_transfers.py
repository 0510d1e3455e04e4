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

import datetime as dt
from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.model.waste import Contractor, WasteTransfer
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
    contractors = {r.id: r.model for r in ctx.records("contractor", Contractor)}
    for record in ctx.records("waste-transfer", WasteTransfer):
        transfer = record.model
        ids = (record.id,)
        if not (transfer.manifest or "").strip():
            yield MANIFEST.at(
                record.file,
                record.loc,
                f"waste transfer {record.id} gives no manifest number: add 'manifest: \"...\"'",
                ids=ids,
            )
        contractor = contractors.get(transfer.contractor)
        if contractor is None:  # a dangling reference, reported by EMS104
            continue
        for problem in _invalid_on(contractor, transfer.date):
            yield RULE.at(
                record.file,
                (*record.loc, "date"),
                f"waste transfer {record.id} on {transfer.date} to {transfer.contractor}: "
                f"{problem}",
                ids=(*ids, transfer.contractor),
            )


def _invalid_on(contractor: Contractor, day: dt.date) -> list[str]:
    licence, contract = contractor.licence, contractor.contract
    out = []
    if licence is not None and licence.expires is not None and licence.expires < day:
        out.append(f"its licence expired on {licence.expires}")
    if contract is not None and contract.expires is not None and contract.expires < day:
        out.append(f"its contract expired on {contract.expires}")
    if contract is not None and contract.signed is not None and day < contract.signed:
        out.append(f"its contract was only signed on {contract.signed}")
    return out
