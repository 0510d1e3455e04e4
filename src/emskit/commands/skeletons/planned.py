"""Skeletons pre-filled from the programme, the calendar and earlier records: the audit of a
programme entry, the review after the last one, the evaluation of the obligations now due, the
nonconformity raised from a finding or an incident."""

from __future__ import annotations

from emskit.calendar.periods import add
from emskit.clauses.evidence import required_review_inputs
from emskit.commands.skeletons.context import Draft
from emskit.commands.skeletons.text import TODO, Skeleton, allowed, todo
from emskit.errors import UsageError
from emskit.judgements.reviews import REVIEW_OUTPUTS
from emskit.model.common import text_in
from emskit.model.evaluation import Audit, AuditFinding, EvaluationResult
from emskit.model.improvement import Nonconformity
from emskit.repo.repository import Record


def audit(draft: Draft, out: Skeleton) -> None:
    plan = _programme_entry(draft)
    out.key("id", draft.record_id)
    if plan is None:
        out.note("no planned audit left in audits/programme.yaml: name one with planned_as")
        out.optional("planned_as", "AP-...")
    else:
        out.key("planned_as", plan.id, f"programme entry planned for {plan.model.planned}")
    out.key("type", "internal", allowed(Audit, "type"))
    out.key("date", draft.as_of, "first day of the audit")
    out.optional("end", "YYYY-MM-DD", "last day, when the audit took more than one")
    lead = plan.model.lead if plan is not None else None
    out.items(
        "auditors",
        [(lead, "lead of the programme entry")] if lead else [(TODO, "")],
        "person or role ids; an auditor does not audit their own work",
    )
    scope = plan.model.scope if plan is not None else None
    out.key("scope", scope if isinstance(scope, str) else todo("what the audit covers"))
    clauses = plan.model.clauses if plan is not None else "all"
    if clauses == "all":
        out.key("clauses", "all", "or the clause numbers covered")
    else:
        out.items("clauses", [str(c) for c in clauses], "from the programme entry")
    out.key("findings", None, "one item per finding; remove the example when there is none")
    out.item(
        [
            ("id", "AF-01", ""),
            ("type", "conformity", allowed(AuditFinding, "type")),
            ("clause", "4.1", ""),
            ("description", todo("what was found, with the evidence seen"), ""),
        ],
        indent=2,
    )
    out.optional("grade", "minor", "major | minor, for a nonconformity", indent=4)
    out.optional(
        "nonconformity",
        "NC-...",
        f"for a nonconformity: emskit new nonconformity --from {draft.record_id}/AF-01",
        indent=4,
    )
    out.key("conclusion", todo("the audit's conclusion on the EMS"))
    out.items("evidence", [], "the audit report, checklists")


def _programme_entry(draft: Draft) -> Record | None:
    if draft.source is not None:
        if draft.source.kind != "audit-plan":
            raise UsageError(
                f"--from {draft.source.id}: an audit is planned by an entry of "
                f"audits/programme.yaml (AP-...), not by a {draft.source.kind}"
            )
        return draft.source
    due = draft.ctx.calendar("internal-audit")
    if not due:
        return None
    first = min(due, key=lambda item: (item.due, item.id))
    return next(r for r in draft.ctx.records("audit-plan") if r.id == first.id)


def review(draft: Draft, out: Skeleton) -> None:
    reviews = sorted(
        (r for r in draft.ctx.records("review") if r.model.date <= draft.as_of),
        key=lambda r: (r.model.date, r.id),
    )
    last = reviews[-1] if reviews else None
    out.key("id", draft.record_id)
    out.key("date", draft.as_of)
    out.key("chair", last.model.chair if last else TODO, "top management: a person or role id")
    attendees = list(last.model.attendees) if last else []
    out.items("attendees", attendees, f"as at {last.id}" if last else "person or role ids")
    since = last.model.date if last else None
    audits = [
        a.id
        for a in draft.ctx.records("audit")
        if a.model.date <= draft.as_of and (since is None or a.model.date > since)
    ]
    out.items("audits", sorted(audits), "audits since the last review")
    out.key("inputs", None, f"what the {draft.ctx.edition} edition asks a review to consider")
    for name in required_review_inputs(draft.ctx.edition):
        if name == "previous_actions":
            _previous_actions(draft, out, last)
        else:
            out.key(name, todo(f"what the review considered on {name.replace('_', ' ')}"), indent=2)
    out.key("outputs")
    out.key("conclusions", todo("is the EMS suitable, adequate and effective?"), indent=2)
    for name in REVIEW_OUTPUTS[1:]:
        out.key(name, todo(f"what the review decided on {name.replace('_', ' ')}"), indent=2)
    out.items("actions", [], "decisions, each with what, who and due", indent=2)
    out.items("evidence", [], "the minutes")


def _previous_actions(draft: Draft, out: Skeleton, last: Record | None) -> None:
    actions = last.model.outputs.actions if last and last.model.outputs else []
    open_actions = [a for a in actions if a.done_on is None]
    with_ids = [a for a in open_actions if a.id]
    if last is not None and with_ids:
        out.items(
            "previous_actions",
            [(a.id, _what(draft, a)) for a in with_ids],
            f"open actions of {last.id}: say what became of each",
            indent=2,
        )
        return
    listed = "; ".join(_what(draft, a) for a in open_actions)
    what = "what became of the actions of the previous review"
    if last is not None and listed:
        what = f"what became of the open actions of {last.id}: {listed}"
    out.key("previous_actions", todo(what), indent=2)


def _what(draft: Draft, action: object) -> str:
    return " ".join(text_in(getattr(action, "what", ""), draft.language).split())


def evaluation(draft: Draft, out: Skeleton) -> None:
    due = draft.due("compliance-evaluation")
    out.key("id", draft.record_id)
    out.key("date", draft.as_of)
    out.key("evaluator", TODO, "person or role id")
    out.key("method", todo("site visit, records and permits checked"))
    out.key(
        "results",
        None,
        f"the obligations due for evaluation by {draft.as_of} or within 30 days; judge each",
    )
    result_note = allowed(EvaluationResult, "result")
    for item in due or ():
        out.item([("obligation", item.id, item.title), ("result", TODO, result_note)], 2)
    if not due:
        out.item(
            [
                ("obligation", TODO, "none is due: name the obligation evaluated"),
                ("result", TODO, result_note),
            ],
            2,
        )
    out.note("non-compliant or partial: add 'action: NC-...' naming the nonconformity", 4)
    out.items("evidence", [], "permits, measurements, photographs")


# The source of a nonconformity, by the kind of the record it comes from.
_SOURCE = {
    "audit": "audit",
    "evaluation": "evaluation",
    "incident": "incident",
    "communication": "complaint",
    "indicator": "monitoring",
    "monitoring-report": "monitoring",
    "drill": "drill",
    "review": "review",
}


def nonconformity(draft: Draft, out: Skeleton) -> None:
    source, finding = draft.source, _audit_finding(draft)
    out.key("id", draft.record_id)
    out.key("raised", draft.as_of)
    kind = _SOURCE.get(source.kind, "other") if source else TODO
    out.key("source", kind, allowed(Nonconformity, "source"))
    if source is not None:
        out.key("source_ref", source.id, _where(draft, source))
    else:
        out.optional("source_ref", "AUD-...", "the audit, incident, evaluation... it came from")
    description = _description(draft, source, finding)
    out.key("description", description or todo("what does not conform, and the evidence"))
    if finding is not None and finding.clause:
        out.key("requirement", str(finding.clause), "the clause or obligation not met")
    else:
        out.optional("requirement", '"8.1"', "the clause or obligation not met")
    grade = finding.grade if finding is not None and finding.grade else "minor"
    out.key("grade", grade, allowed(Nonconformity, "grade"))
    out.key("correction", todo("what was done at once to contain it"))
    out.key("root_cause", todo("why it happened"))
    out.key("corrective_actions", None, "what removes the cause")
    due = add(draft.as_of, "P30D")
    out.item(
        [("what", todo("the action"), ""), ("who", TODO, "person or role id"), ("due", due, "")],
        indent=2,
    )
    out.key("status", "open", "closed once the actions are done and found effective")
    out.items("evidence", [])


def _audit_finding(draft: Draft) -> AuditFinding | None:
    source = draft.source
    if source is None or source.kind != "audit":
        return None
    findings = source.model.findings
    if draft.detail:
        found = [f for f in findings if f.id.casefold() == draft.detail.casefold()]
        if not found:
            known = ", ".join(f.id for f in findings) or "none"
            raise UsageError(
                f"--from {source.id}/{draft.detail}: audit {source.id} has no "
                f"finding {draft.detail} (its findings: {known})"
            )
        finding: AuditFinding = found[0]
    else:
        unrecorded = [f for f in findings if f.type == "nonconformity" and not f.nonconformity]
        if not unrecorded:
            return None
        finding = unrecorded[0]
    if not finding.nonconformity:
        draft.notes.append(
            f"name the new record in {source.file}, finding {finding.id}: "
            f"'nonconformity: {draft.record_id}'"
        )
    return finding


def _description(draft: Draft, source: Record | None, finding: AuditFinding | None) -> str:
    if finding is not None:
        return " ".join(text_in(finding.description, draft.language).split())
    if source is not None and getattr(source.model, "description", None):
        return " ".join(text_in(source.model.description, draft.language).split())
    return ""


def _where(draft: Draft, source: Record) -> str:
    title = draft.title(source)
    return f"{source.kind}{': ' + title if title else ''}"
