"""Evidence for section 5 of the standard: leadership."""

from __future__ import annotations

from emskit.analysis import Analysis
from emskit.clauses.evidence.common import (
    MISSING,
    Assessment,
    id_list,
    judge,
)
from emskit.model.context import Person, Role
from emskit.model.evaluation import Review


def clause_5_1(ctx: Analysis) -> Assessment:
    top = ctx.top_management()
    if not top:
        return Assessment(MISSING, ["no role is marked top_management: true with a person in it"])
    reviews = ctx.records("review", Review)
    chaired = [r for r in reviews if r.model.chair in top]
    problems = [] if chaired else ["no management review chaired by top management"]
    return judge(problems, chaired)


def clause_5_2(ctx: Analysis) -> Assessment:
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


def clause_5_3(ctx: Analysis) -> Assessment:
    roles, people = ctx.records("role", Role), ctx.records("person", Person)
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
        problems.append(f"roles with nobody assigned: {id_list(empty)}")
    return judge(problems, roles)
