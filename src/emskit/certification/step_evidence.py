"""What the records show for each step of the implementation project.

A step the records can judge is *shown* done (with the date the records give, where they give
one) or not, with the reason; steps the records cannot judge (the committee, the forms...)
are done when ``implementation.yaml`` says so. Each judge is one small function of the
repository and the as-of date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from emskit.model.common import text_in
from emskit.repo.repository import Record, Repository


@dataclass(frozen=True)
class Shown:
    """What the records show for one step."""

    done: bool
    reason: str  # what the records show, or what they lack
    on: dt.date | None = None  # the date the records give for it, where they give one
    judged: bool = True  # False: the records cannot say; the declaration decides


DECLARED_ONLY = Shown(False, "done when declared in implementation.yaml", judged=False)
# Words that make a competence requirement one for internal auditors (its competence, its
# training or its role's title).
_AUDITOR_WORDS = ("audit", "审核", "内审")


def _of(repo: Repository, kind: str) -> list[Record]:
    return [r for r in repo.records if r.kind == kind]


def _data_collection(repo: Repository, as_of: dt.date) -> Shown:
    aspects, obligations = _of(repo, "aspect"), _of(repo, "obligation")
    unevaluated = [a.id for a in aspects if not a.model.scores and a.model.significant is None]
    if not aspects or not obligations:
        lacking = " and ".join(
            name
            for name, found in (("aspects", aspects), ("obligations", obligations))
            if not found
        )
        return Shown(False, f"no {lacking} recorded")
    if unevaluated:
        return Shown(False, f"aspects not evaluated for significance: {', '.join(unevaluated[:8])}")
    return Shown(True, f"{len(aspects)} aspects evaluated, {len(obligations)} obligations")


def _documents_of(doc_type: str) -> Callable[[Repository, dt.date], Shown]:
    def judge(repo: Repository, as_of: dt.date) -> Shown:
        approved = sorted(
            d.id
            for d in _of(repo, "document")
            if d.model.type == doc_type
            and d.model.status == "approved"
            and (d.model.approved_on is None or d.model.approved_on <= as_of)
        )
        if not approved:
            return Shown(False, f"no approved document of type {doc_type}")
        # Revisions move approved_on, so the documents prove the step but do not date it.
        return Shown(True, f"approved: {', '.join(approved[:8])}")

    return judge


def _trial_operation(repo: Repository, as_of: dt.date) -> Shown:
    since = repo.config.ems.operating_since if repo.config else None
    if since is None or since > as_of:
        return Shown(False, "ems.operating_since is not set or still ahead")
    return Shown(True, f"operating since {since}", since)


def is_auditor_requirement(repo: Repository, requirement: Record) -> bool:
    titles = [
        text_in(r.model.title, "en") for r in _of(repo, "role") if r.id == requirement.model.role
    ]
    texts = [text_in(requirement.model.competence, "en"), *titles]
    texts += [text_in(t, "en") for t in requirement.model.training]
    return any(word in text.casefold() for text in texts for word in _AUDITOR_WORDS)


def _auditor_training(repo: Repository, as_of: dt.date) -> Shown:
    wanted = {r.id for r in _of(repo, "competence-requirement") if is_auditor_requirement(repo, r)}
    if not wanted:
        return Shown(False, "no competence requirement for internal auditors (with an id)")
    passed = sorted(
        (t for t in _of(repo, "training") if t.model.date <= as_of),
        key=lambda t: t.model.date,
    )
    for training in passed:
        if training.model.assessment == "passed" and wanted & set(training.model.requirements):
            return Shown(True, f"{training.id} passed", training.model.date)
    return Shown(False, f"no passed training record naming {', '.join(sorted(wanted))}")


def _raised_by(repo: Repository, audit: Record) -> list[Record]:
    """The nonconformities an audit raised: linked from its findings or naming it as source."""
    linked = {f.nonconformity for f in audit.model.findings if f.nonconformity}
    return [
        nc
        for nc in _of(repo, "nonconformity")
        if nc.id in linked or (nc.model.source == "audit" and nc.model.source_ref == audit.id)
    ]


def _closed_by(ncs: list[Record], as_of: dt.date) -> tuple[list[str], dt.date | None]:
    """(ids still open on the as-of date, the last closing date)."""
    still_open = sorted(
        nc.id
        for nc in ncs
        if nc.model.status != "closed" or (nc.model.closed_on and nc.model.closed_on > as_of)
    )
    closings = [nc.model.closed_on for nc in ncs if nc.model.closed_on]
    return still_open, max(closings, default=None)


def _internal_audit(repo: Repository, as_of: dt.date) -> Shown:
    audits = sorted(
        (
            a
            for a in _of(repo, "audit")
            if a.model.type == "internal" and (a.model.end or a.model.date) <= as_of
        ),
        key=lambda a: a.model.end or a.model.date,
    )
    if not audits:
        return Shown(False, "no internal audit record")
    blocked = ""
    for audit in audits:
        still_open, closed = _closed_by(_raised_by(repo, audit), as_of)
        if still_open:
            blocked = blocked or f"{audit.id}'s nonconformities still open: {', '.join(still_open)}"
            continue
        last_day = audit.model.end or audit.model.date
        return Shown(True, f"{audit.id}, nonconformities closed", max(last_day, closed or last_day))
    return Shown(False, blocked)


def _management_review(repo: Repository, as_of: dt.date) -> Shown:
    reviews = sorted(
        (r for r in _of(repo, "review") if r.model.date <= as_of), key=lambda r: r.model.date
    )
    if not reviews:
        return Shown(False, "no management review record")
    return Shown(True, f"{reviews[0].id} held", reviews[0].model.date)


def _application(repo: Repository, as_of: dt.date) -> Shown:
    cert = repo.config.certification if repo.config else None
    if cert is None or cert.status == "preparing":
        return Shown(False, "certification.status is preparing")
    return Shown(True, f"certification.status is {cert.status}")


def _certification_audit(repo: Repository, as_of: dt.date) -> Shown:
    cert = repo.config.certification if repo.config else None
    if cert is None or cert.stage1 is None:
        return Shown(False, "no stage 1 audit dated (certification.stage1)")
    if cert.stage1 > as_of:
        return Shown(False, f"stage 1 planned on {cert.stage1}, not yet held")
    if cert.stage2 is None or (cert.stage2.end or cert.stage2.start) > as_of:
        return Shown(False, f"stage 1 held on {cert.stage1}; stage 2 not yet held")
    last_day = cert.stage2.end or cert.stage2.start
    ncs = [
        nc
        for a in _of(repo, "audit")
        if a.model.type == "certification"
        for nc in _raised_by(repo, a)
    ]
    still_open, closed = _closed_by(ncs, as_of)
    if still_open:
        return Shown(False, f"certification audit nonconformities open: {', '.join(still_open)}")
    return Shown(
        True, "stage 1 and stage 2 held, nonconformities closed", max(last_day, closed or last_day)
    )


def _certificate(repo: Repository, as_of: dt.date) -> Shown:
    cert = repo.config.certification if repo.config else None
    issued = (cert.certificate.issued if cert and cert.certificate else None) or (
        cert.decision if cert else None
    )
    if issued is None or issued > as_of:
        return Shown(False, "no certification decision or certificate issued")
    return Shown(True, f"certificate issued {issued}", issued)


JUDGES: dict[str, Callable[[Repository, dt.date], Shown]] = {
    "data-collection": _data_collection,
    "procedures": _documents_of("procedure"),
    "manual": _documents_of("manual"),
    "instructions": _documents_of("instruction"),
    "trial-operation": _trial_operation,
    "auditor-training": _auditor_training,
    "internal-audit": _internal_audit,
    "management-review": _management_review,
    "application": _application,
    "certification-audit": _certification_audit,
    "certificate": _certificate,
}


def shown_for(step: str, repo: Repository, as_of: dt.date) -> Shown:
    judge = JUDGES.get(step)
    return judge(repo, as_of) if judge else DECLARED_ONLY
