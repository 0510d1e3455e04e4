"""A person's licence for a special position is valid on the as-of date.

A licence in ``roles.yaml`` (``people[].licences``) that meets a ``special_position``
requirement of ``competence.yaml`` and whose ``expires`` is before the as-of date leaves the
person unqualified for that position (CN: 特种作业 certificates must be current).

Passes::

    people:
      - {id: PER-ZHAO, name: Zhao Lei, roles: [ROLE-WWT],
         licences: [{requirement: CMP-003, number: JS-WW-0117, expires: 2027-03-31}]}

Fails::

    people:
      - {id: PER-ZHAO, name: Zhao Lei, roles: [ROLE-WWT],
         licences: [{requirement: CMP-003, number: JS-WW-0117, expires: 2026-03-31}]}
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.model.context import Person
from emskit.model.support import CompetenceRequirement
from emskit.rule import ERROR, INFO, Rule

RULE = Rule("EMS611", "special-position-licence-expired", ERROR, ("7.2",), __doc__ or "")
NO_ID = Rule(
    "EMS612",
    "requirement-without-id",
    INFO,
    ("7.2",),
    """
A competence requirement has no ``id``, so training records and licences cannot name it and
it is judged by role only: give it one (``id: CMP-003``).

Passes: ``requirements: [{id: CMP-003, role: ROLE-WWT, competence: Wastewater operation}]``

Fails: ``requirements: [{role: ROLE-WWT, competence: Wastewater operation}]``
""",
)


def check(ctx: Analysis) -> Iterator[Finding]:
    special = {
        r.id
        for r in ctx.records("competence-requirement", CompetenceRequirement)
        if r.model.special_position and r.id
    }
    for person in ctx.records("person", Person):
        for index, licence in enumerate(person.model.licences):
            if licence.requirement not in special or licence.expires is None:
                continue
            if licence.expires < ctx.as_of:
                yield RULE.at(
                    person.file,
                    (*person.loc, "licences", index, "expires"),
                    f"{person.id}'s licence {licence.number or ''} for the special position of "
                    f"{licence.requirement} expired on {licence.expires}: renew it before the "
                    "person works in that position again",
                    ids=(person.id, licence.requirement),
                )
    competence = ctx.repo.singletons.get("competence")
    if competence is None:
        return
    for index, requirement in enumerate(competence.model.requirements):
        if not requirement.id:
            yield NO_ID.at(
                competence.file,
                ("requirements", index),
                f"the competence requirement of {requirement.role} has no id: add "
                "'id: CMP-...' so training records and licences can name it",
            )
