"""The certification cycle as due dates (ISO/IEC 17021-1 with the IAF documents, and the
Chinese bodies' practice where the domain notes say so).

- Stage 2 (and closing stage 1's nonconformities) within 3 months of stage 1 (CN practice).
- Major nonconformities from stage 2 closed within 6 months of its last day.
- Surveillance: the first no later than 12 months after the decision, then once in each
  calendar year except the recertification year.
- Recertification 3 to 6 months before expiry (the window opens 6 months before); the
  certificate expires 3 years after the decision unless its expiry is written down.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from emskit.calendar.due_dates import due_items
from emskit.calendar.due_item import DueItem
from emskit.calendar.periods import add, add_days, add_months
from emskit.model.common import text_in
from emskit.model.config import Certification
from emskit.repo.layout import CONFIG_FILE
from emskit.repo.repository import Repository

_CERT = ("certification",)


def all_due_items(repo: Repository, as_of: dt.date) -> list[DueItem]:
    """The EMS calendar and the certification cycle: one reading of dates for due, gap,
    ready and check."""
    from emskit.certification.roadmap import step_items

    return due_items(repo, as_of, also=[*cycle_items(repo, as_of), *step_items(repo, as_of)])


_LONGEST_CYCLE_YEARS = 10


def cycle_items(repo: Repository, as_of: dt.date) -> Iterator[DueItem]:
    config = repo.config
    cert = config.certification if config else None
    if cert is None:
        return
    yield from _scheduled_stages(cert, as_of)
    if cert.stage1 and cert.stage1 <= as_of and cert.stage2 is None:
        yield DueItem(
            "stage-2",
            "stage-2",
            "Stage 2 audit (within 3 months of stage 1)",
            add(cert.stage1, "P3M"),
            None,
            CONFIG_FILE,
            (*_CERT, "stage1"),
            ("9.2",),
            f"stage 1 on {cert.stage1}",
        )
    yield from _nonconformities(repo, as_of)
    decision = cert.decision
    if decision is None:
        return
    expires = (
        cert.certificate.expires
        if cert.certificate and cert.certificate.expires
        else add_days(add_months(decision, 36), -1)
    )
    yield from _surveillance(cert, decision, expires)
    if cert.status == "certified" or expires >= as_of:
        yield DueItem(
            "recertification",
            "recertification",
            f"Recertification audit (window opens {add_months(expires, -6)})",
            add_months(expires, -3),
            None,
            CONFIG_FILE,
            (*_CERT, "certificate"),
            (),
            "3 to 6 months before expiry",
        )
        yield DueItem(
            "certificate",
            "certificate-expiry",
            "Certificate expires",
            expires,
            None,
            CONFIG_FILE,
            (*_CERT, "certificate"),
            (),
        )


def _scheduled_stages(cert: Certification, as_of: dt.date) -> Iterator[DueItem]:
    """Stage 1 and stage 2 as dated in ``certification:``, while they are still ahead: once
    held they are done (stage 2's deadline and the nonconformities take over)."""
    if cert.stage1 and cert.stage1 >= as_of:
        yield DueItem(
            "stage-1",
            "stage-1",
            "Stage 1 audit (documents and readiness)",
            cert.stage1,
            None,
            CONFIG_FILE,
            (*_CERT, "stage1"),
            ("9.2",),
            f"by {text_in(cert.body, 'en')}" if cert.body else "",
        )
    if cert.stage2 and cert.stage2.start >= as_of:
        yield DueItem(
            "stage-2",
            "stage-2",
            "Stage 2 audit (implementation on site)",
            cert.stage2.start,
            None,
            CONFIG_FILE,
            (*_CERT, "stage2", "start"),
            ("9.2",),
            f"until {cert.stage2.end}" if cert.stage2.end else "",
        )


def _surveillance(cert: Certification, decision: dt.date, expires: dt.date) -> Iterator[DueItem]:
    recorded = list(cert.surveillance)
    first_due = add_months(decision, 12)
    dues = [first_due]
    year = first_due.year + 1
    # Once each calendar year, not in the recertification year; a certificate that "never"
    # expires (9999-12-31) still gets a cycle's worth, not eight thousand audits.
    last = min(expires.year, first_due.year + _LONGEST_CYCLE_YEARS)
    while year < last:
        dues.append(dt.date(year, 12, 31))
        year += 1
    for index, due in enumerate(dues):
        entry = recorded[index] if index < len(recorded) else None
        if entry is not None and entry.done:
            continue
        if entry is not None and entry.due:
            due = entry.due
        yield DueItem(
            f"surveillance-{index + 1}",
            "surveillance",
            f"Surveillance audit {index + 1}",
            due,
            None,
            CONFIG_FILE,
            (*_CERT, "surveillance", index) if entry else (*_CERT, "decision"),
            (),
        )


def _nonconformities(repo: Repository, as_of: dt.date) -> Iterator[DueItem]:
    cert = repo.config.certification if repo.config else None
    if cert is None or cert.stage1 is None:
        return
    by_id = {r.id: r for r in repo.records if r.kind == "nonconformity"}
    for audit in (r for r in repo.records if r.kind == "audit" and r.model.type == "certification"):
        stage2 = cert.stage2 if cert.stage2 and audit.model.date >= cert.stage2.start else None
        for finding in audit.model.findings:
            nc = by_id.get(finding.nonconformity or "")
            if nc is None or nc.model.status != "open":
                continue
            if stage2 is None:
                due, why = (
                    add(cert.stage1, "P3M"),
                    "stage 1 nonconformity: closed within 3 months of stage 1",
                )
            elif (finding.grade or nc.model.grade) == "major":
                end = stage2.end or stage2.start
                due, why = add(end, "P6M"), "major stage 2 nonconformity: closed within 6 months"
            else:
                continue  # minor: an accepted plan, verified at the next audit
            yield DueItem(
                nc.id,
                "nonconformity-closure",
                f"Close {nc.id} ({why})",
                due,
                None,
                nc.file,
                nc.loc,
                ("10.2",),
                why,
            )
