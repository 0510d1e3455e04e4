"""What in the repository evidences each clause, and what makes it met, partial or missing.

Computed from the data, never self-declared: a clause is met because the records are there
and say the right things. One small function per assessed clause, registered in RULES; each
returns an Assessment with its reasons and the records (file, line) it looked at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from emskit.calendar.due_dates import DueItem
from emskit.calendar.periods import add, add_years
from emskit.listing import listing
from emskit.model.common import text_in
from emskit.repo.repository import Record
from emskit.rules.context import CheckContext

MET, PARTIAL, MISSING, NOT_APPLICABLE = "met", "partial", "missing", "not-applicable"


@dataclass
class Assessment:
    status: str
    reasons: list[str] = field(default_factory=list)
    evidence: list[Record] = field(default_factory=list)


@dataclass
class GapContext:
    check: CheckContext
    edition: str  # the edition assessed against (may differ from the repository's)

    @property
    def as_of(self) -> dt.date:
        return self.check.as_of

    def records(self, kind: str) -> list[Record]:
        return self.check.records(kind)

    def singleton(self, name: str) -> Record | None:
        return self.check.repo.singletons.get(name)

    def significant_aspects(self) -> list[Record]:
        return [r for r in self.records("aspect") if self.check.is_significant(r)]

    def linked(self, record: Record, kind: str) -> list[Record]:
        return self.check.index.linked(record, kind)

    def calendar(self, kind: str) -> list[DueItem]:
        """The EMS calendar's items of one kind (calendar/due_dates.py): one reading of dates
        for gap, due, ready and check."""
        return [item for item in self.check.due_items if item.kind == kind]

    def top_management(self) -> set[str]:
        roles = {r.id for r in self.records("role") if r.model.top_management}
        people = {p.id for p in self.records("person") if roles & set(p.model.roles)}
        return people | roles


def judge(
    problems: Iterable[str], evidence: list[Record], missing_when_empty: str | None = None
) -> Assessment:
    """met when nothing is wrong; missing when there is no evidence at all (with the reason
    given); partial otherwise."""
    reasons = list(problems)
    if not evidence and missing_when_empty:
        return Assessment(MISSING, [missing_when_empty])
    return Assessment(PARTIAL if reasons else MET, reasons, evidence)


def _texts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, dict):
        return [str(v).casefold() for v in value.values()]
    if isinstance(value, list):
        return [t for item in value for t in _texts(item)]
    return [str(value).casefold()]


def _ids(records: Iterable[Record]) -> str:
    return listing(r.id for r in records)


def _item_ids(items: Iterable[DueItem]) -> str:
    return listing(item.id for item in items)


# --- 4 Context ---------------------------------------------------------------------------

TOPICS_2026 = {
    "climate change": ("climate", "气候"),
    "biodiversity": ("biodiversity", "生物多样性"),
    "ecosystem health": ("ecosystem", "生态系统"),
    "availability of natural resources": ("resource", "资源"),
    "pollution": ("pollution", "污染"),
}


def clause_4_1(ctx: GapContext) -> Assessment:
    issues = ctx.records("issue")
    types = {r.model.type for r in issues}
    problems = [
        f"no {kind} issue recorded" for kind in ("internal", "external") if kind not in types
    ]
    context = ctx.singleton("context")
    if ctx.edition != "2015":
        decision = context.model.climate_change if context else None
        if decision is None:
            problems.append(
                "no decision on whether climate change is a relevant issue (climate_change:)"
            )
        elif not text_in(decision.rationale, "en").strip():
            problems.append("the climate-change decision has no rationale")
    if ctx.edition == "2026":
        words = [t for r in issues for t in _texts(r.model.topic) + _texts(r.model.description)]
        for topic, keys in TOPICS_2026.items():
            if not any(key in text for key in keys for text in words):
                problems.append(f"no issue considers {topic} (2026 names it in 4.1)")
    return judge(
        problems, issues + ([context] if context else []), "no internal or external issues recorded"
    )


def clause_4_2(ctx: GapContext) -> Assessment:
    parties = ctx.records("party")
    problems = [
        f"{p.id} has no needs and expectations recorded" for p in parties if not p.model.needs
    ]
    if parties and not any(p.model.compliance_obligation for p in parties):
        problems.append("no party's requirement is marked as becoming a compliance obligation")
    return judge(problems, parties, "no interested parties recorded")


def clause_4_3(ctx: GapContext) -> Assessment:
    config = ctx.check.repo.config
    scope = text_in(config.ems.scope, "en").strip() if config else ""
    problems = []
    if not scope or "TODO" in scope:
        return Assessment(MISSING, ["ems.scope in emskit.yaml is not written yet"])
    if config and not config.organization.sites:
        problems.append(
            "no sites listed under organization.sites: the physical boundary is not stated"
        )
    if ctx.edition == "2026":
        stages = {r.model.lifecycle_stage for r in ctx.records("aspect")} - {None, "production"}
        if not stages:
            problems.append(
                "no aspect is assessed beyond production: 2026 asks for a life-cycle perspective"
            )
    return judge(problems, ctx.records("site"))


# --- 5 Leadership --------------------------------------------------------------------------


def clause_5_1(ctx: GapContext) -> Assessment:
    top = ctx.top_management()
    if not top:
        return Assessment(MISSING, ["no role is marked top_management: true with a person in it"])
    reviews = ctx.records("review")
    chaired = [r for r in reviews if r.model.chair in top]
    problems = [] if chaired else ["no management review chaired by top management"]
    return judge(problems, chaired)


def clause_5_2(ctx: GapContext) -> Assessment:
    policy = ctx.singleton("policy")
    if policy is None:
        return Assessment(MISSING, ["no environmental policy (policy.yaml)"])
    commitments = policy.model.commitments
    problems = [
        f"the policy lacks the commitment to {name.replace('_', ' ')}"
        for name in ("environmental_protection", "compliance_obligations", "continual_improvement")
        if not getattr(commitments, name)
    ]
    if policy.model.approved_by not in ctx.top_management():
        problems.append(
            f"the policy is approved by {policy.model.approved_by}, who is not top management"
        )
    return judge(problems, [policy])


def clause_5_3(ctx: GapContext) -> Assessment:
    roles, people = ctx.records("role"), ctx.records("person")
    if not roles:
        return Assessment(MISSING, ["no roles defined (roles.yaml)"])
    problems = []
    if not any(r.model.ems_representative for r in roles):
        problems.append(
            "no role is responsible for EMS conformity and reporting (ems_representative: true)"
        )
    filled = {role for p in people for role in p.model.roles}
    empty = [r for r in roles if r.id not in filled]
    if empty:
        problems.append(f"roles with nobody assigned: {_ids(empty)}")
    return judge(problems, roles)


# --- 6 Planning ----------------------------------------------------------------------------


def _risks(ctx: GapContext) -> Assessment:
    risks = ctx.records("risk")
    types = {r.model.type for r in risks}
    problems = [f"no {kind} recorded" for kind in ("risk", "opportunity") if kind not in types]
    unplanned = [r for r in risks if not r.model.actions]
    if unplanned:
        problems.append(f"risks and opportunities without planned action: {_ids(unplanned)}")
    return judge(problems, risks, "no risks and opportunities recorded (risks.yaml)")


def clause_6_1_1(ctx: GapContext) -> Assessment:
    if ctx.edition == "2026":  # from 2026 the determination itself is 6.1.4
        scenarios = ctx.records("scenario")
        return judge(
            [] if scenarios else ["no potential emergency situations determined"],
            scenarios,
            "no potential emergency situations determined",
        )
    return _risks(ctx)


def clause_6_1_2(ctx: GapContext) -> Assessment:
    aspects = ctx.records("aspect")
    if not aspects:
        return Assessment(MISSING, ["no environmental aspects recorded"])
    problems = [
        f"no aspect in {c} conditions"
        for c in ("normal", "abnormal", "emergency")
        if c not in {a.model.condition for a in aspects}
    ]
    scoring = ctx.check.scoring
    if scoring.methods is None:
        problems.append("no significance method in emskit.yaml: the criteria are not documented")
    elif scoring.problems:
        problems.append("the significance method in emskit.yaml cannot be used (see emskit check)")
    else:
        unscored = [o.record for o in scoring.outcomes if o.significant is None]
        if unscored:
            problems.append(f"aspects whose significance cannot be computed: {_ids(unscored)}")
        if not ctx.significant_aspects():
            problems.append("no aspect is significant: check the method's threshold")
    return judge(problems, aspects)


def clause_6_1_3(ctx: GapContext) -> Assessment:
    obligations = ctx.records("obligation")
    applicable = [o for o in obligations if o.model.status == "applicable"]
    problems = [] if applicable else ["no applicable obligation"]
    regulated = [
        a for a in ctx.significant_aspects() if a.model.obligations or ctx.linked(a, "obligation")
    ]
    if applicable and not regulated:
        problems.append("no significant aspect is linked to a compliance obligation")
    expired = [o for o in applicable if o.model.expires and o.model.expires < ctx.as_of]
    if expired:
        problems.append(f"applicable obligations past their expiry date: {_ids(expired)}")
    return judge(problems, obligations, "no compliance obligations recorded")


def clause_planning_action(ctx: GapContext) -> Assessment:
    significant = ctx.significant_aspects()
    unaddressed = [
        a
        for a in significant
        if not any(ctx.linked(a, kind) for kind in ("control", "objective", "indicator"))
    ]
    problems = (
        [f"significant aspects with no planned action: {_ids(unaddressed)}"] if unaddressed else []
    )
    unplanned = [r for r in ctx.records("risk") if not r.model.actions]
    if unplanned:
        problems.append(f"risks without planned action: {_ids(unplanned)}")
    return judge(problems, significant, "no significant aspects to plan action on")


def clause_6_1_4(ctx: GapContext) -> Assessment:
    return _risks(ctx) if ctx.edition == "2026" else clause_planning_action(ctx)


def clause_6_2(ctx: GapContext) -> Assessment:
    objectives = [o for o in ctx.records("objective") if o.model.status != "cancelled"]
    problems = []
    for record in objectives:
        model = record.model
        gaps = [
            what
            for what, absent in (
                ("an indicator", model.indicator is None),
                ("a plan of actions", not model.actions),
            )
            if absent
        ]
        if gaps:
            problems.append(f"{record.id} has no {' and no '.join(gaps)}")
    significant = {a.id for a in ctx.significant_aspects()}
    if (
        objectives
        and significant
        and not any(significant & set(o.model.addresses) for o in objectives)
    ):
        problems.append("no objective addresses a significant aspect")
    return judge(problems, objectives, "no environmental objectives set")


def clause_6_3(ctx: GapContext) -> Assessment:
    documents = [d for d in ctx.records("document") if _covers(d, "6.3")]
    reviews = [r for r in ctx.records("review") if r.model.outputs and r.model.outputs.changes]
    if documents:
        return judge([], documents)
    if reviews:
        return Assessment(
            PARTIAL,
            [
                "changes are decided in management reviews, but no document says how "
                "changes to the EMS are planned (a document with clauses: [6.3])"
            ],
            reviews,
        )
    return Assessment(MISSING, ["no evidence that changes to the EMS are planned (new in 2026)"])


# --- 7 Support -----------------------------------------------------------------------------


def clause_7_1(ctx: GapContext) -> Assessment:
    resourced = [o for o in ctx.records("objective") if o.model.resources]
    reviews = [r for r in ctx.records("review") if r.model.outputs and r.model.outputs.resources]
    evidence = resourced + reviews
    return judge(
        [],
        evidence,
        "no resources recorded: neither objectives' resources nor a review decision on resources",
    )


def clause_7_2(ctx: GapContext) -> Assessment:
    competence = ctx.singleton("competence")
    training = ctx.records("training")
    problems = []
    if competence is None or not competence.model.requirements:
        problems.append("no competence requirements per role (competence.yaml)")
    if not training:
        problems.append("no training records")
    elif not any(t.model.assessment == "passed" for t in training):
        problems.append(
            "no training record shows its effectiveness was evaluated (assessment: passed)"
        )
    evidence = ([competence] if competence else []) + training
    return judge(problems, evidence, "no competence requirements and no training records")


def clause_7_3(ctx: GapContext) -> Assessment:
    trained = [t for t in ctx.records("training") if t.model.attendees]
    plan = ctx.singleton("communication")
    internal = plan is not None and any(p.audience == "internal" for p in plan.model.plan)
    problems = [] if internal else ["no internal communication planned to build awareness"]
    if not trained:
        problems.append("no training record with attendees")
    return judge(
        problems, trained + ([plan] if plan else []), "no awareness training or communication"
    )


def clause_7_4(ctx: GapContext) -> Assessment:
    plan = ctx.singleton("communication")
    audiences = {p.audience for p in plan.model.plan} if plan else set()
    problems = [
        f"no {a} communication planned" for a in ("internal", "external") if a not in audiences
    ]
    records = ctx.records("communication")
    unanswered = [
        c
        for c in records
        if c.model.direction == "in" and c.model.complaint and not c.model.response
    ]
    if unanswered:
        problems.append(f"complaints without a response: {_ids(unanswered)}")
    if not records:
        problems.append("no communication records")
    return judge(
        problems, ([plan] if plan else []) + records, "no communication plan and no records"
    )


def clause_7_5(ctx: GapContext) -> Assessment:
    documents = [d for d in ctx.records("document") if d.model.status != "obsolete"]
    unapproved = [d for d in documents if d.model.status != "approved" or not d.model.approved_on]
    overdue = [item for item in ctx.calendar("document-review") if item.due < ctx.as_of]
    problems = []
    if unapproved:
        problems.append(f"documents not approved: {_ids(unapproved)}")
    if overdue:
        problems.append(f"documents past their review date: {_item_ids(overdue)}")
    return judge(problems, documents, "no controlled documents (documents/)")


# --- 8 Operation ---------------------------------------------------------------------------


def clause_8_1(ctx: GapContext) -> Assessment:
    controls = ctx.records("control")
    uncontrolled = [
        a
        for a in ctx.significant_aspects()
        if not ctx.linked(a, "control") and not ctx.linked(a, "objective")
    ]
    problems = (
        [f"significant aspects with no operational control: {_ids(uncontrolled)}"]
        if uncontrolled
        else []
    )
    no_criteria = [c for c in controls if not c.model.criteria and not c.model.document]
    if no_criteria:
        problems.append(
            f"controls with neither operating criteria nor a document: {_ids(no_criteria)}"
        )
    return judge(problems, controls, "no operational controls (controls/)")


def clause_8_2(ctx: GapContext) -> Assessment:
    scenarios = ctx.records("scenario")
    drilled = {d.model.scenario for d in ctx.records("drill") if d.model.date <= ctx.as_of}
    problems = [f"{s.id} has no planned response" for s in scenarios if not s.model.response]
    problems += [
        f"{s.id} has never been tested by a drill" for s in scenarios if s.id not in drilled
    ]
    problems += [
        f"{item.id}: last drill {item.last} is older than its frequency"
        for item in ctx.calendar("drill")
        if item.last is not None and item.due < ctx.as_of
    ]
    return judge(problems, scenarios + ctx.records("drill"), "no emergency scenarios (emergency/)")


# --- 9 Performance evaluation --------------------------------------------------------------


def clause_9_1_1(ctx: GapContext) -> Assessment:
    indicators = ctx.records("indicator")
    measured = {reading.indicator for reading in ctx.check.repo.readings}
    problems = []
    unmeasured = [i for i in indicators if i.id not in measured]
    if unmeasured:
        problems.append(f"indicators with no monitoring data: {_ids(unmeasured)}")
    lapsed = {
        item.id for item in ctx.calendar("calibration") if item.due < ctx.as_of or item.last is None
    }
    lapsed |= {e.id for e in ctx.records("equipment") if not e.model.calibrated_on}
    if lapsed:
        problems.append(
            f"equipment not calibrated or past calibration: {', '.join(sorted(lapsed))}"
        )
    return judge(
        problems,
        indicators + ctx.records("equipment"),
        "no indicators (monitoring/indicators.yaml)",
    )


def clause_9_1_2(ctx: GapContext) -> Assessment:
    evaluations = [e for e in ctx.records("evaluation") if e.model.date <= ctx.as_of]
    items = ctx.calendar("compliance-evaluation")
    never = [item for item in items if item.last is None]
    late = [item for item in items if item.last is not None and item.due < ctx.as_of]
    problems = []
    if never:
        problems.append(f"applicable obligations never evaluated: {_item_ids(never)}")
    if late:
        problems.append(
            f"obligations whose evaluation is overdue for their frequency: {_item_ids(late)}"
        )
    return judge(problems, evaluations, "no compliance evaluation records")


AUDIT_CYCLE_YEARS = 3


def clause_9_2(ctx: GapContext) -> Assessment:
    from emskit.clauses.catalogue import catalogue

    programme = ctx.singleton("programme")
    plans = ctx.records("audit-plan")
    start = add_years(ctx.as_of, -AUDIT_CYCLE_YEARS)
    audits = [
        a
        for a in ctx.records("audit")
        if a.model.type == "internal" and start <= a.model.date <= ctx.as_of
    ]
    problems = [] if plans else ["no audit programme (audits/programme.yaml)"]
    if not audits:
        problems.append(f"no internal audit completed in the last {AUDIT_CYCLE_YEARS} years")
    else:
        covered: set[str] = set()
        for audit in audits:
            clauses = audit.model.clauses
            covered |= (
                {c.number for c in catalogue(ctx.edition).assessed}
                if clauses == "all"
                else set(clauses)
            )
        needed = [c.number for c in catalogue(ctx.edition).assessed]
        uncovered = [n for n in needed if not any(n == c or n.startswith(c + ".") for c in covered)]
        if uncovered:
            problems.append(
                f"clauses no internal audit covered in the cycle: {', '.join(uncovered)}"
            )
    if ctx.edition == "2026":
        vague = [
            p for p in plans if not (p.model.objectives and p.model.criteria and p.model.scope)
        ]
        if vague:
            problems.append(
                f"planned audits without their own objectives, criteria and scope (9.2.2 in 2026): {_ids(vague)}"
            )
    return judge(
        problems,
        ([programme] if programme else []) + audits,
        "no audit programme and no internal audits",
    )


REVIEW_INPUTS = (
    "previous_actions",
    "changes",
    "objectives",
    "performance",
    "resources",
    "communications",
    "opportunities",
)
PERFORMANCE_PARTS = ("nonconformities", "monitoring", "compliance", "audits")


def missing_review_inputs(review: Record, edition: str) -> list[str]:
    """The inputs the edition requires that the review does not record ('performance' may be
    given as its four parts)."""
    inputs = set(review.model.inputs)
    if "performance" not in inputs and set(PERFORMANCE_PARTS) <= inputs:
        inputs.add("performance")
    required = REVIEW_INPUTS + (("risks",) if edition == "2026" else ())
    return [name for name in required if name not in inputs]


def clause_9_3(ctx: GapContext) -> Assessment:
    reviews = sorted(
        (r for r in ctx.records("review") if r.model.date <= ctx.as_of), key=lambda r: r.model.date
    )
    if not reviews:
        return Assessment(MISSING, ["no management review record"])
    latest = reviews[-1]
    problems = [
        f"{latest.id} does not cover the input '{name}'"
        for name in missing_review_inputs(latest, ctx.edition)
    ]
    if latest.model.outputs is None or not latest.model.outputs.conclusions:
        problems.append(
            f"{latest.id} records no conclusion on the suitability, adequacy and effectiveness of the EMS"
        )
    if add(latest.model.date, "P12M") < ctx.as_of:
        problems.append(f"the last review ({latest.model.date}) is more than 12 months old")
    return judge(problems, reviews)


# --- 10 Improvement ------------------------------------------------------------------------


def clause_10_1(ctx: GapContext) -> Assessment:
    found = [
        a for a in ctx.records("audit") if any(f.type == "opportunity" for f in a.model.findings)
    ]
    decided = [r for r in ctx.records("review") if r.model.outputs and r.model.outputs.improvements]
    return judge(
        [],
        found + decided,
        "no improvement opportunities recorded (audit findings or review outputs)",
    )


def clause_10_2(ctx: GapContext) -> Assessment:
    ncs = ctx.records("nonconformity")
    problems = []
    for nc in ncs:
        model = nc.model
        gaps = [
            what
            for what, absent in (
                ("root cause", not model.root_cause),
                ("corrective action", not model.corrective_actions),
            )
            if absent
        ]
        if model.status == "closed" and model.effectiveness is None:
            gaps.append("effectiveness check")
        if gaps:
            problems.append(f"{nc.id} has no {', '.join(gaps)}")
    if not ncs:
        procedures = [d for d in ctx.records("document") if _covers(d, "10.2")]
        return judge(
            [] if procedures else ["no nonconformity recorded and no procedure for handling one"],
            procedures,
            None,
        )
    return judge(problems, ncs)


def clause_10_3(ctx: GapContext) -> Assessment:
    achieved = [o for o in ctx.records("objective") if o.model.status == "achieved"]
    decided = [r for r in ctx.records("review") if r.model.outputs and r.model.outputs.improvements]
    problems = [] if decided else ["no management review decided on improvements"]
    return judge(problems, decided + achieved, "no evidence of continual improvement")


def clause_4_4(ctx: GapContext, others: dict[str, Assessment]) -> Assessment:
    short = sorted((n for n, a in others.items() if a.status == MISSING), key=clause_key)
    return judge([f"processes missing for clauses {', '.join(short)}"] if short else [], [])


def clause_key(number: str) -> tuple[int, ...]:
    """Sort key: 9.3 before 10.1."""
    return tuple(int(part) for part in number.split("."))


def _covers(document: Record, clause: str) -> bool:
    clauses = document.model.clauses
    return clauses == "all" or any(clause == c or clause.startswith(c + ".") for c in clauses)


RULES: dict[str, Callable[[GapContext], Assessment]] = {
    "4.1": clause_4_1,
    "4.2": clause_4_2,
    "4.3": clause_4_3,
    "5.1": clause_5_1,
    "5.2": clause_5_2,
    "5.3": clause_5_3,
    "6.1.1": clause_6_1_1,
    "6.1.2": clause_6_1_2,
    "6.1.3": clause_6_1_3,
    "6.1.4": clause_6_1_4,
    "6.1.5": clause_planning_action,
    "6.2": clause_6_2,
    "6.3": clause_6_3,
    "7.1": clause_7_1,
    "7.2": clause_7_2,
    "7.3": clause_7_3,
    "7.4": clause_7_4,
    "7.5": clause_7_5,
    "8.1": clause_8_1,
    "8.2": clause_8_2,
    "9.1.1": clause_9_1_1,
    "9.1.2": clause_9_1_2,
    "9.2": clause_9_2,
    "9.3": clause_9_3,
    "10.1": clause_10_1,
    "10.2": clause_10_2,
    "10.3": clause_10_3,
}
