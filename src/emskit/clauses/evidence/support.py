"""Evidence for section 7 of the standard: support."""

from __future__ import annotations

from emskit.analysis import Analysis
from emskit.clauses.evidence.common import (
    Assessment,
    id_list,
    item_id_list,
    judge,
)
from emskit.judgements.competence import competence_shortfalls
from emskit.judgements.document_changes import changed_after_approval
from emskit.judgements.placeholders import has_content
from emskit.model.evaluation import Review
from emskit.model.planning import Objective
from emskit.model.support import Communication, Document, Training
from emskit.words import say


def clause_7_1(ctx: Analysis) -> Assessment:
    resourced = [o for o in ctx.records("objective", Objective) if o.model.resources]
    reviews = [
        r
        for r in ctx.records("review", Review)
        if r.model.outputs and has_content(r.model.outputs.resources)
    ]
    evidence = resourced + reviews
    return judge(
        [],
        evidence,
        "no resources recorded: neither objectives' resources nor a review decision on resources",
    )


def clause_7_2(ctx: Analysis) -> Assessment:
    competence = ctx.singleton("competence")
    training = ctx.records("training", Training)
    problems = []
    if competence is None or not competence.model.requirements:
        problems.append("no competence requirements per role (competence.yaml)")
    if not training:
        problems.append("no training records")
    elif not any(t.model.assessment == "passed" for t in training):
        problems.append(
            "no training record shows its effectiveness was evaluated (assessment: passed)"
        )
    problems += [s.reason for s in competence_shortfalls(ctx)]
    evidence = ([competence] if competence else []) + training
    return judge(problems, evidence, "no competence requirements and no training records")


def clause_7_3(ctx: Analysis) -> Assessment:
    trained = [t for t in ctx.records("training", Training) if t.model.attendees]
    plan = ctx.singleton("communication")
    internal = plan is not None and any(p.audience == "internal" for p in plan.model.plan)
    problems = [] if internal else ["no internal communication planned to build awareness"]
    if not trained:
        problems.append("no training record with attendees")
    return judge(
        problems, trained + ([plan] if plan else []), "no awareness training or communication"
    )


def clause_7_4(ctx: Analysis) -> Assessment:
    plan = ctx.singleton("communication")
    audiences = {p.audience for p in plan.model.plan} if plan else set()
    problems = [
        f"no {a} communication planned" for a in ("internal", "external") if a not in audiences
    ]
    records = ctx.records("communication", Communication)
    unanswered = [
        c
        for c in records
        if c.model.direction == "in" and c.model.complaint and not c.model.response
    ]
    if unanswered:
        problems.append(f"complaints without a response: {id_list(unanswered)}")
    if not records:
        problems.append("no communication records")
    return judge(
        problems, ([plan] if plan else []) + records, "no communication plan and no records"
    )


def clause_7_5(ctx: Analysis) -> Assessment:
    documents = [d for d in ctx.records("document", Document) if d.model.status != "obsolete"]
    unapproved = [d for d in documents if d.model.status != "approved" or not d.model.approved_on]
    overdue = [item for item in ctx.calendar("document-review") if item.due < ctx.as_of]
    problems = []
    if unapproved:
        problems.append(f"documents not approved: {id_list(unapproved)}")
    if overdue:
        problems.append(f"documents past their review date: {item_id_list(overdue)}")
    changed = [document for document, _ in changed_after_approval(ctx)]
    if changed:
        problems.append(say("gap.changed-after-approval", ids=id_list(changed)))
    assessment = judge(problems, documents, "no controlled documents (documents/)")
    if documents and not ctx.document_histories.known:  # a note, not a gap: nothing to judge by
        assessment.reasons.append(say("gap.versions-not-judged"))
    return assessment
