"""Things that fell due and nobody noticed, the commonest surveillance findings (emskit due).

Four rules share one pass over the EMS calendar; all are warnings by default, and any can be
raised to error in emskit.yaml (``rules: {overdue-evaluation: error}``) to make CI insist.

EMS501 overdue-evaluation: an applicable obligation not evaluated within its frequency.

Passes::

    obligations: [{id: OBL-1, evaluation_frequency: annual, ...}]   # evaluated 2026-03-01, as of 2026-11-22

Fails::

    obligations: [{id: OBL-1, evaluation_frequency: annual, ...}]   # last evaluated 2025-03-01

EMS502 obligation-expired: a permit or obligation past its ``expires`` date and still applicable;
a waste contractor's licence or contract, or an application material's ``valid_until``, past.

Passes::

    - {id: OBL-2, type: permit, expires: 2028-06-30, ...}

Fails::

    - {id: OBL-2, type: permit, expires: 2026-06-30, ...}           # as of 2026-11-22

EMS503 overdue-item: a document review, calibration, drill, planned internal audit, yearly
management review, corrective action, objective action, review action, objective target or
planned step of the implementation project (``implementation.yaml``) past its date.

Passes::

    equipment: [{id: EQ-1, calibrated_on: 2026-03-01, calibration_interval: annual}]

Fails::

    equipment: [{id: EQ-1, calibrated_on: 2025-03-01, calibration_interval: annual}]

EMS504 certification-deadline: a deadline of the certification cycle passed: stage 2 within
3 months of stage 1, closure of stage 1 or major stage 2 nonconformities, a surveillance
audit, recertification, certificate expiry.

Passes::

    certification: {stage1: 2026-10-01}                            # as of 2026-11-22

Fails::

    certification: {stage1: 2026-06-01}                            # no stage 2 by 2026-09-01
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.rule import WARNING, Rule

_DOC = __doc__ or ""
EVALUATION = Rule("EMS501", "overdue-evaluation", WARNING, ("9.1.2",), _DOC)
EXPIRED = Rule("EMS502", "obligation-expired", WARNING, ("6.1.3",), _DOC)
ITEM = Rule(
    "EMS503", "overdue-item", WARNING, ("6.2", "7.5", "8.2", "9.1.1", "9.2", "9.3", "10.2"), _DOC
)
CERTIFICATION = Rule("EMS504", "certification-deadline", WARNING, ("9.2", "10.2"), _DOC)

_RULE_OF_KIND = {
    "compliance-evaluation": EVALUATION,
    "obligation-expiry": EXPIRED,
    "stage-2": CERTIFICATION,
    "nonconformity-closure": CERTIFICATION,
    "surveillance": CERTIFICATION,
    "recertification": CERTIFICATION,
    "certificate-expiry": CERTIFICATION,
    "stage-1": CERTIFICATION,
    "contractor-licence": EXPIRED,
    "contractor-contract": EXPIRED,
    "material-expiry": EXPIRED,
}
# Kinds whose lateness a rule of their own reports, with the reason: MSDS age (EMS602), waste
# stored too long (EMS608), a special position's licence (EMS611).
_REPORTED_ELSEWHERE = frozenset({"msds-revision", "waste-storage", "licence-expiry"})


def check(ctx: Analysis) -> Iterator[Finding]:
    for item in ctx.due_items:
        if item.due >= ctx.as_of or item.kind in _REPORTED_ELSEWHERE:
            continue
        rule = _RULE_OF_KIND.get(item.kind, ITEM)
        days = (ctx.as_of - item.due).days
        note = f"; {item.note}" if item.note else ""
        finding = rule.at(
            item.file,
            item.loc,
            f"{item.title}: due {item.due}, {days} days overdue{note}",
            ids=(item.id,),
        )
        yield finding.with_(clauses=item.clauses or rule.clauses)
