"""The certification application form (application summary): what a certification body's
form asks, from emskit.yaml. A field the repository does not hold is printed as "—", never
guessed; the audit-time estimate is the audit-time command's (IAF MD 5, MD 1)."""

from __future__ import annotations

from decimal import Decimal

from emskit.certification.audit_time import estimate, personnel_of
from emskit.documents.content import Document, Fields, Heading, Paragraph, Table
from emskit.documents.context import PackContext
from emskit.errors import UsageError
from emskit.model.config import Certification, Config
from emskit.scoring.arithmetic import format_number

NONE = "—"


def application_summary(ctx: PackContext) -> Document:
    L, config = ctx.labels, ctx.repo.config
    assert config is not None
    org, cert = config.organization, config.certification
    contact = cert.contact if cert else None
    doc = Document("application-summary", L("application-summary"))
    doc.add(
        Heading(L("form.organisation"), 3),
        _fields(
            (L("organization"), ctx.text(org.name)),
            (L("legal-name"), ctx.text(org.legal_name)),
            (L("registration"), org.registration_id or ""),
            (L("address"), ctx.text(org.address)),
            (L("sector"), ctx.text(org.sector)),
            (L("form.legal-representative"), ctx.text(cert.legal_representative) if cert else ""),
        ),
        Heading(L("form.contact"), 3),
        _fields(
            (L("form.contact-name"), ctx.text(contact.name) if contact else ""),
            (L("form.phone"), contact.phone or "" if contact else ""),
            (L("form.email"), contact.email or "" if contact else ""),
        ),
    )
    sites = tuple(
        (s.id, ctx.text(s.name), ctx.text(s.address) or NONE, str(s.employees or NONE))
        for s in org.sites
    )
    doc.add(
        Heading(L("sites"), 3),
        Table((L("id"), L("site"), L("address"), L("personnel")), sites, sheet="Sites"),
    )
    shifts = cert.shifts if cert else None
    outsourced = [ctx.text(o) for o in cert.outsourced] if cert else []
    doc.add(
        Heading(L("form.personnel"), 3),
        _fields(
            (L("personnel"), str(personnel_of(org) or "")),
            (L("form.shifts"), ctx.text(shifts) if not isinstance(shifts, int) else str(shifts)),
        ),
        Heading(L("form.outsourced"), 3),
        Paragraph("\n".join(f"- {o}" for o in outsourced) if outsourced else NONE),
        Heading(L("scope"), 3),
        Paragraph(ctx.text(config.ems.scope)),
        _fields(
            (L("edition"), f"ISO 14001:{config.ems.edition}"),
            (
                L("operating-since"),
                config.ems.operating_since.isoformat() if config.ems.operating_since else "",
            ),
        ),
        Heading(L("audit-time"), 3),
        _fields(*_audit_time(ctx, config)),
        Heading(L("form.certification"), 3),
        _fields(
            (L("form.consultant"), ctx.text(cert.consultant) if cert else ""),
            (L("certification-body"), ctx.text(cert.body) if cert else ""),
            (L("status"), L.term(cert.status) if cert else ""),
        ),
        Heading(L("certification-history"), 3),
        _fields(*_history(ctx, cert)),
    )
    return doc


def _fields(*pairs: tuple[str, str]) -> Fields:
    """Every field of the form, "—" where the repository holds nothing for it."""
    return Fields(tuple((label, value or NONE) for label, value in pairs))


def _audit_time(ctx: PackContext, config: Config) -> list[tuple[str, str]]:
    L, cert = ctx.labels, config.certification
    complexity = cert.complexity if cert else None
    pairs = [(L("form.complexity"), L.term(complexity))]
    try:
        time = estimate(
            personnel_of(config.organization),
            complexity or "",
            max(len(config.organization.sites), 1),
        )
    except UsageError:  # no personnel or no complexity: the form says so, no estimate
        return [*pairs, (L("form.initial-audit"), ""), (L("form.surveillance-audit"), "")]
    days = L("form.days", days=format_number(Decimal(str(time.initial))))
    return [
        *pairs,
        (L("form.initial-audit"), days),
        (
            L("form.surveillance-audit"),
            L("form.days", days=format_number(Decimal(str(time.surveillance)))),
        ),
        (
            L("form.recertification-audit"),
            L("form.days", days=format_number(Decimal(str(time.recertification)))),
        ),
        (L("form.sites-sampled"), str(time.sampled_initial)),
    ]


def _history(ctx: PackContext, cert: Certification | None) -> list[tuple[str, str]]:
    L = ctx.labels
    if cert is None:
        return [(L("form.stage1"), ""), (L("form.stage2"), ""), (L("form.decision"), "")]
    certificate = cert.certificate
    stage2 = cert.stage2
    pairs = [
        (L("form.stage1"), cert.stage1.isoformat() if cert.stage1 else ""),
        (L("form.stage2"), stage2.start.isoformat() if stage2 else ""),
        (L("form.decision"), cert.decision.isoformat() if cert.decision else ""),
        (L("form.certificate"), certificate.number or "" if certificate else ""),
        (
            L("form.certificate-valid"),
            certificate.expires.isoformat() if certificate and certificate.expires else "",
        ),
    ]
    pairs += [
        (
            L("form.surveillance", due=s.due.isoformat() if s.due else NONE),
            s.done.isoformat() if s.done else "",
        )
        for s in cert.surveillance
    ]
    return pairs
