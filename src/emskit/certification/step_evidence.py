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
from emskit.words import Message, say


@dataclass(frozen=True)
class Shown:
    """What the records show for one step."""

    done: bool
    reason: Message  # what the records show, or what they lack (said in any language)
    on: dt.date | None = None  # the date the records give for it, where they give one
    judged: bool = True  # False: the records cannot say; the declaration decides


DECLARED_ONLY = Shown(False, say("roadmap.declared-only"), judged=False)
# Words that make a competence requirement one for internal auditors (its competence, its
# training or its role's title).
_AUDITOR_WORDS = ("audit", "审核", "内审")


def _of(repo: Repository, kind: str) -> list[Record]:
    return [r for r in repo.records if r.kind == kind]


def _data_collection(repo: Repository, as_of: dt.date) -> Shown:
    aspects, obligations = _of(repo, "aspect"), _of(repo, "obligation")
    unevaluated = [a.id for a in aspects if not a.model.scores and a.model.significant is None]
    if not aspects:
        return Shown(False, say("roadmap.no-aspects"))
    if not obligations:
        return Shown(False, say("roadmap.no-obligations"))
    if unevaluated:
        return Shown(False, say("roadmap.unevaluated", ids=", ".join(unevaluated[:8])))
    return Shown(
        True, say("roadmap.data-collected", aspects=len(aspects), obligations=len(obligations))
    )


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
            return Shown(False, say("roadmap.no-document", type=say(f"term.{doc_type}")))
        # Revisions move approved_on, so the documents prove the step but do not date it.
        return Shown(True, say("roadmap.approved", ids=", ".join(approved[:8])))

    return judge


def _trial_operation(repo: Repository, as_of: dt.date) -> Shown:
    since = repo.config.ems.operating_since if repo.config else None
    if since is None or since > as_of:
        return Shown(False, say("roadmap.not-operating"))
    return Shown(True, say("roadmap.operating", date=since), since)


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
        return Shown(False, say("roadmap.no-auditor-requirement"))
    passed = sorted(
        (t for t in _of(repo, "training") if t.model.date <= as_of),
        key=lambda t: t.model.date,
    )
    for training in passed:
        if training.model.assessment == "passed" and wanted & set(training.model.requirements):
            return Shown(True, say("roadmap.passed", id=training.id), training.model.date)
    return Shown(False, say("roadmap.no-auditor-training", ids=", ".join(sorted(wanted))))


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
        return Shown(False, say("roadmap.no-internal-audit"))
    blocked: Message | None = None
    for audit in audits:
        still_open, closed = _closed_by(_raised_by(repo, audit), as_of)
        if still_open:
            blocked = blocked or say(
                "roadmap.audit-ncs-open", audit=audit.id, ids=", ".join(still_open)
            )
            continue
        last_day = audit.model.end or audit.model.date
        on = max(last_day, closed or last_day)
        return Shown(True, say("roadmap.audit-done", audit=audit.id), on)
    return Shown(False, blocked or say("roadmap.no-internal-audit"))


def _management_review(repo: Repository, as_of: dt.date) -> Shown:
    reviews = sorted(
        (r for r in _of(repo, "review") if r.model.date <= as_of), key=lambda r: r.model.date
    )
    if not reviews:
        return Shown(False, say("roadmap.no-review"))
    return Shown(True, say("roadmap.review-held", id=reviews[0].id), reviews[0].model.date)


def _application(repo: Repository, as_of: dt.date) -> Shown:
    cert = repo.config.certification if repo.config else None
    if cert is None or cert.status == "preparing":
        return Shown(False, say("roadmap.status", status=say("term.preparing")))
    return Shown(True, say("roadmap.status", status=say(f"term.{cert.status}")))


def _certification_audit(repo: Repository, as_of: dt.date) -> Shown:
    cert = repo.config.certification if repo.config else None
    if cert is None or cert.stage1 is None:
        return Shown(False, say("roadmap.no-stage1"))
    if cert.stage1 > as_of:
        return Shown(False, say("roadmap.stage1-ahead", date=cert.stage1))
    if cert.stage2 is None or (cert.stage2.end or cert.stage2.start) > as_of:
        return Shown(False, say("roadmap.stage2-ahead", date=cert.stage1))
    last_day = cert.stage2.end or cert.stage2.start
    ncs = [
        nc
        for a in _of(repo, "audit")
        if a.model.type == "certification"
        for nc in _raised_by(repo, a)
    ]
    still_open, closed = _closed_by(ncs, as_of)
    if still_open:
        return Shown(False, say("roadmap.cert-ncs-open", ids=", ".join(still_open)))
    return Shown(True, say("roadmap.audited"), max(last_day, closed or last_day))


def _certificate(repo: Repository, as_of: dt.date) -> Shown:
    cert = repo.config.certification if repo.config else None
    issued = (cert.certificate.issued if cert and cert.certificate else None) or (
        cert.decision if cert else None
    )
    if issued is None or issued > as_of:
        return Shown(False, say("roadmap.no-certificate"))
    return Shown(True, say("roadmap.issued", date=issued), issued)


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
