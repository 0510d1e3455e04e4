"""implementation.yaml: the implementation project a consultant runs, step by step."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from emskit.model.common import Date, Evidence, Model, Text

# The usual Chinese implementation route, in order (see the repository format).
StepName = Literal[
    "diagnosis",
    "committee",
    "basic-training",
    "data-collection",
    "policy-objectives",
    "procedures",
    "manual",
    "instructions",
    "forms",
    "trial-operation",
    "midterm-check",
    "auditor-training",
    "internal-audit",
    "application",
    "management-review",
    "pre-certification",
    "pre-assessment",
    "certification-audit",
    "certificate",
]
STEPS: tuple[str, ...] = get_args(StepName)


class Step(Model):
    """One step of the implementation project with its planned and done dates."""

    step: StepName = Field(description="Which step of the route this is.")
    planned: Date | None = Field(default=None, description="Date the step is planned to be done.")
    done: Date | None = Field(default=None, description="Date the step was done.")
    skipped: Text | None = Field(
        default=None, description="Why the step is skipped (it is optional)."
    )
    note: Text | None = Field(default=None, description="A remark on the step.")
    evidence: Evidence = Field(default_factory=list, description="Records of the step.")


class Implementation(Model):
    """The implementation project: when it started and its steps."""

    start: Date | None = Field(default=None, description="Date the project started.")
    steps: list[Step] = Field(default_factory=list, description="Planned and done dates per step.")
