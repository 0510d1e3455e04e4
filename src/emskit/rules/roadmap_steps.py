"""A step of the implementation project declared done that the records contradict.

``implementation.yaml`` may say a step is done; where the records can judge the step (data
collection, procedures, manual, instructions, trial operation, auditor training, internal
audit, management review, application, certification audit, certificate: see ``emskit
roadmap``), they must show it done, and not only after the declared date.

Passes::

    steps:
      - {step: management-review, planned: 2025-11-30, done: 2025-12-18}
    # records/reviews/MR-2025-01.yaml: {id: MR-2025-01, date: 2025-12-18, ...}

Fails::

    steps:
      - {step: management-review, planned: 2025-11-30, done: 2025-12-05}
    # the first management review record is dated 2025-12-18 (or there is none)
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.certification.roadmap import FILE, build_roadmap
from emskit.finding import Finding
from emskit.rule import WARNING, Rule

RULE = Rule("EMS613", "roadmap-step-contradicted", WARNING, ("4.4",), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    if "implementation" not in ctx.repo.singletons:
        return
    for step in build_roadmap(ctx.repo, ctx.as_of).steps:
        if step.status == "contradicted" and step.index is not None:
            yield RULE.at(
                FILE,
                ("steps", step.index, "done"),
                f"implementation step {step.step} is declared done on {step.declared}, but "
                f"{step.contradiction}: correct the date or complete the records",
                ids=(step.step,),
            )
