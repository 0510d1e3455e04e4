"""9.3: does a management review consider every input and decide every output, in words that
say something?

An input written as ``-``, ``TBD`` or ``n/a`` was not considered, and an input left out was
not either; risks and opportunities are an input in every edition (the 2015 text lists them
among the changes to consider, 2026 gives them their own item). The outputs the standard asks
without "if needed" (conclusions on suitability, adequacy and effectiveness; decisions on
improvement; on changes to the EMS; implications for strategic direction) need content, and
so does the action on objectives not achieved when one was missed. Readiness
(management-review), gap (9.3) and the review skeleton of ``emskit new`` ask it here.
"""

from __future__ import annotations

from emskit.analysis import Analysis
from emskit.judgements.placeholders import has_content
from emskit.judgements.shortfall import Shortfall
from emskit.model.evaluation import Review
from emskit.model.planning import Objective
from emskit.repo.repository import Record
from emskit.words import say

REVIEW_INPUTS = (
    "previous_actions",
    "changes",
    "objectives",
    "performance",
    "resources",
    "communications",
    "opportunities",
    "risks",
)
PERFORMANCE_PARTS = ("nonconformities", "monitoring", "compliance", "audits")
REVIEW_OUTPUTS = ("conclusions", "improvements", "changes", "strategic")


def required_review_inputs(edition: str) -> tuple[str, ...]:
    """The inputs a management review must consider (the same list in every edition: 2026
    numbers them differently, 2015 lists risks and opportunities among the changes)."""
    return REVIEW_INPUTS


def _inputs_with_content(review: Record[Review]) -> set[str]:
    given: set[str] = {n for n, value in review.model.inputs.items() if has_content(value)}
    if all(part in given for part in PERFORMANCE_PARTS):
        given.add("performance")
    return given


def missing_review_inputs(review: Record[Review], edition: str) -> list[str]:
    """The inputs the edition requires that the review leaves out or fills with a
    placeholder ('performance' may be given as its four parts)."""
    given = _inputs_with_content(review)
    return [name for name in required_review_inputs(edition) if name not in given]


def placeholder_inputs(review: Record[Review]) -> list[str]:
    """The inputs written but saying nothing (``-``, ``TBD``, ``n/a``, blank)."""
    return sorted(name for name, value in review.model.inputs.items() if not has_content(value))


def required_review_outputs(ctx: Analysis, review: Record[Review]) -> tuple[str, ...]:
    """The outputs the review must decide: the four always asked, and the action on
    objectives not achieved when an objective was missed by the review's date."""
    missed = any(
        o.model.status == "missed" and o.model.target.by <= review.model.date
        for o in ctx.records("objective", Objective)
    )
    return REVIEW_OUTPUTS + (("objectives_not_achieved",) if missed else ())


def missing_review_outputs(ctx: Analysis, review: Record[Review]) -> list[str]:
    outputs = review.model.outputs
    return [
        name
        for name in required_review_outputs(ctx, review)
        if outputs is None or not has_content(getattr(outputs, name))
    ]


def review_shortfalls(ctx: Analysis, review: Record[Review]) -> list[Shortfall]:
    """What an auditor would write about one review's inputs and outputs: each input left
    out or written as a placeholder, each output not decided."""
    out = []
    for name in missing_review_inputs(review, ctx.edition):
        inputs: dict[str, object] = {str(k): v for k, v in review.model.inputs.items()}
        value = inputs.get(name)
        if value is None:
            reason = say("reviews.input-missing", review=review.id, input=name)
        else:
            reason = say(
                "reviews.input-placeholder", review=review.id, input=name, value=_shown(value)
            )
        out.append(Shortfall((review.id,), reason))
    for name in missing_review_outputs(ctx, review):
        out.append(
            Shortfall((review.id,), say("reviews.output-missing", review=review.id, output=name))
        )
    return out


def _shown(value: object) -> str:
    """A placeholder as written, to quote it back ("'TBD'", "an empty list")."""
    if isinstance(value, dict):
        value = next((v for v in value.values() if not has_content(v)), "")
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value).strip()
