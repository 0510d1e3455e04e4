"""One dated thing in the EMS calendar and its state on a date: the value every calendar,
certification and report module shares, kept apart so none of them imports another for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from emskit.repo.positions import Loc

KINDS = (
    "compliance-evaluation",
    "obligation-expiry",
    "document-review",
    "calibration",
    "drill",
    "internal-audit",
    "management-review",
    "corrective-action",
    "objective-action",
    "review-action",
    "objective-target",
    "stage-2",
    "nonconformity-closure",
    "surveillance",
    "recertification",
    "certificate-expiry",
    "stage-1",
    # The records a certification body checks on site (calendar/site_records.py).
    "contractor-licence",
    "contractor-contract",
    "msds-revision",
    "waste-storage",
    "licence-expiry",
    "material-expiry",
    # The implementation project's planned steps (certification/roadmap.py).
    "implementation-step",
)


@dataclass(frozen=True)
class DueItem:
    id: str  # the record the date belongs to (OBL-007, DOC-12, NC-3/CA-1, certificate...)
    kind: str
    title: str
    due: dt.date
    owner: str | None
    file: str
    loc: Loc
    clauses: tuple[str, ...]
    note: str = ""
    last: dt.date | None = None  # when it was last done (evaluation, drill, calibration), if ever

    @property
    def uid_key(self) -> str:
        """What identifies the item across runs (for calendar UIDs): kind and id, not the date,
        so that a moved due date updates the event instead of adding one."""
        return f"{self.kind}/{self.id}"


def state_of(item: DueItem, as_of: dt.date, until: dt.date) -> str:
    if item.due < as_of:
        return "overdue"
    return "due" if item.due <= until else "later"


STATES = ("overdue", "due", "later")
