"""The document number of each generated document: stable, so a certification body's file
of the last audit still finds "EMS-REG-ASP" in this year's pack.

A document the repository itself controls (documents/**/*.md with an id) keeps its own id;
every document emskit generates is numbered here, once. A new document adds its line.
"""

from __future__ import annotations

GENERATED_NUMBERS: dict[str, str] = {
    "00-index": "EMS-IDX-PCK",
    "application-materials": "EMS-APP-MAT",
    "application-summary": "EMS-APP-SUM",
    "aspects-register": "EMS-REG-ASP",
    "audit-programme": "EMS-PLN-AUD",
    "calibration-list": "EMS-REG-CAL",
    "clause-cross-reference": "EMS-IDX-CLS",
    "communication-register": "EMS-REC-COM",
    "compliance-evaluation": "EMS-REC-EVA",
    "context-register": "EMS-REG-CTX",
    "controls-and-emergency": "EMS-REG-CTL",
    "distribution-record": "EMS-REC-DST",
    "drill-records": "EMS-REC-DRL",
    "environmental-manual": "EMS-MAN",
    "environmental-policy": "EMS-POL",
    "gap-report": "EMS-RPT-GAP",
    "incidents": "EMS-REC-INC",
    "inspections-log": "EMS-REC-INS",
    "internal-audits": "EMS-REC-AUD",
    "management-reviews": "EMS-REC-MRV",
    "master-list": "EMS-IDX-DOC",
    "monitoring-results": "EMS-REC-MON",
    "monitoring-summary": "EMS-REG-MON",
    "msds-register": "EMS-REG-MSD",
    "nonconformity-log": "EMS-REC-NCR",
    "objectives": "EMS-REG-OBJ",
    "obligations-register": "EMS-REG-OBL",
    "readiness-report": "EMS-RPT-RDY",
    "risks-register": "EMS-REG-RSK",
    "roadmap": "EMS-PLN-IMP",
    "roles-register": "EMS-REG-ROL",
    "scope-statement": "EMS-SCO",
    "significant-aspects": "EMS-REG-SIG",
    "special-positions": "EMS-REG-SPP",
    "training-records": "EMS-REC-TRN",
    "waste-ledger": "EMS-REC-WST",
}


def generated_number(name: str) -> str:
    """The number of the generated document ``name`` (its file name without extension)."""
    return GENERATED_NUMBERS[name]


__all__ = ["GENERATED_NUMBERS", "generated_number"]
