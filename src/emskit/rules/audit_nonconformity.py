"""An audit finding of type nonconformity names the nonconformity record raised for it.

Passes::

    findings:
      - {id: AF-01, type: nonconformity, grade: minor, clause: "7.5.3", description: ...,
         nonconformity: NC-2026-001}

Fails::

    findings:
      - {id: AF-01, type: nonconformity, grade: minor, clause: "7.5.3", description: ...}
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.model.evaluation import Audit
from emskit.rule import ERROR, Rule

RULE = Rule("EMS305", "audit-nonconformity-unrecorded", ERROR, ("9.2", "10.2"), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    for record in ctx.records("audit", Audit):
        for index, finding in enumerate(record.model.findings):
            if finding.type == "nonconformity" and not finding.nonconformity:
                yield RULE.at(
                    record.file,
                    (*record.loc, "findings", index),
                    f"audit {record.id} finding {finding.id} is a nonconformity with no "
                    "record: raise one under records/nonconformities/ and name it "
                    "('nonconformity: NC-...')",
                    ids=(record.id,),
                )
