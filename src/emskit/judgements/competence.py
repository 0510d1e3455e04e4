"""7.2: is every person evidenced for every competence requirement of their roles?

A person in a role with a requirement is evidenced for it by a passed training record, dated
on or before the as-of date, that lists them as attendee and names the requirement (and, where
the requirement says how long training stays valid, ``valid_for``, is not older than that),
or, for a requirement with a ``licence``, by an unexpired licence they hold for it. A
requirement without an id cannot be named: it is evidenced by any passed training of the
person. One training record that passed somewhere in the EMS evidences nobody else.

How serious: a special position without evidence (CN: pre-job training and certificate) and
an internal auditor without evidence who audited are what a certification body refuses; other
requirements without evidence it notes. Readiness (competence-evidenced) and gap (7.2) ask it
here.
"""

from __future__ import annotations

import datetime as dt

from emskit.analysis import Analysis
from emskit.calendar.periods import add
from emskit.certification.step_evidence import is_auditor_requirement
from emskit.judgements.shortfall import Shortfall
from emskit.model.common import text_in
from emskit.model.context import Person
from emskit.model.evaluation import Audit
from emskit.model.support import CompetenceRequirement, Training
from emskit.repo.repository import Record
from emskit.vocabulary import FAIL, WARN
from emskit.words import say


def requirements(ctx: Analysis) -> list[Record[CompetenceRequirement]]:
    competence = ctx.repo.singletons.get("competence")
    if competence is None:
        return []
    # Requirements without an id are no records of their own: wrap them so each is judged.
    return [
        Record("competence-requirement", r.id or "", r, competence.file, ("requirements", i))
        for i, r in enumerate(competence.model.requirements)
    ]


def _passed(ctx: Analysis) -> list[Record[Training]]:
    return sorted(
        (
            t
            for t in ctx.records("training", Training)
            if t.model.assessment == "passed" and t.model.date <= ctx.as_of
        ),
        key=lambda t: (t.model.date, t.id),
    )


def _auditors(ctx: Analysis) -> set[str]:
    return {
        person
        for audit in ctx.records("audit", Audit)
        if audit.model.type == "internal" and audit.model.date <= ctx.as_of
        for person in audit.model.auditors
    }


def people_to_evidence(ctx: Analysis) -> list[tuple[Record[Person], Record[CompetenceRequirement]]]:
    """(person, requirement) for every person in a role with a requirement, by person id."""
    out = []
    reqs = requirements(ctx)
    for person in sorted(ctx.records("person", Person), key=lambda p: p.id):
        for requirement in reqs:
            if requirement.model.role in person.model.roles:
                out.append((person, requirement))
    return out


def competence_shortfalls(ctx: Analysis) -> list[Shortfall]:
    """Each person and requirement not evidenced, with the person, role and requirement named."""
    passed: dict[str, list[Record[Training]]] = {}
    for training in _passed(ctx):
        for attendee in dict.fromkeys(training.model.attendees):
            passed.setdefault(attendee, []).append(training)
    auditors = _auditors(ctx)
    out = []
    for person, requirement in people_to_evidence(ctx):
        shortfall = _unevidenced(ctx, person, requirement, passed.get(person.id, []))
        if shortfall is None:
            continue
        refused = requirement.model.special_position or (
            person.id in auditors and is_auditor_requirement(ctx.repo, requirement)
        )
        severity = FAIL if refused else WARN
        out.append(Shortfall(shortfall.ids, shortfall.reason, severity))
    return out


def _unevidenced(
    ctx: Analysis,
    person: Record[Person],
    requirement: Record[CompetenceRequirement],
    passed: list[Record[Training]],
) -> Shortfall | None:
    """Why ``person`` is not evidenced for ``requirement`` (``passed``: the passed trainings
    they attended, oldest first), or None."""
    model = requirement.model
    if _licensed(ctx, person, requirement):
        return None
    trainings = [t for t in passed if not requirement.id or requirement.id in t.model.requirements]
    name = requirement.id or model.role
    values = {
        "person": person.id,
        "role": model.role,
        "requirement": name,
        "competence": text_in(model.competence, "en"),
    }
    ids = (person.id, name)
    if trainings:
        last = trainings[-1]
        until = add(last.model.date, model.valid_for) if model.valid_for else None
        if until is None or until >= ctx.as_of:
            return None
        reason = say(
            "competence.lapsed",
            training=last.id,
            date=last.model.date,
            valid_for=model.valid_for,
            until=until,
            **values,
        )
        return Shortfall((*ids, last.id), reason)
    key = "competence.unevidenced-licence" if model.licence else "competence.unevidenced"
    licence = text_in(model.licence, "en") if model.licence else ""
    return Shortfall(ids, say(key, licence=licence, **values))


def _licensed(
    ctx: Analysis, person: Record[Person], requirement: Record[CompetenceRequirement]
) -> bool:
    if not requirement.model.licence or not requirement.id:
        return False
    return any(
        licence.requirement == requirement.id and _valid(licence.expires, ctx.as_of)
        for licence in person.model.licences
    )


def _valid(expires: dt.date | None, as_of: dt.date) -> bool:
    return expires is None or expires >= as_of
