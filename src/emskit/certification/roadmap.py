"""The implementation project step by step: declared dates against what the records show.

Every step of the route is listed in order, whether ``implementation.yaml`` names it or not.
A step is done when declared done, or when the records show it done (inferred); a declared
step the records contradict (not shown done, or shown only after the declared date) is
``contradicted`` and a check finding. The current step is the first one neither done nor
skipped; what the records lack for it is what blocks the next. The planned dates of steps not
yet done are due items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from emskit.calendar.due_item import DueItem
from emskit.certification.step_evidence import Shown, shown_for
from emskit.model.implementation import STEPS, Implementation, Step
from emskit.repo.repository import Repository
from emskit.words import Message, say

FILE = "implementation.yaml"
STATUSES = ("done", "inferred", "contradicted", "skipped", "late", "open")


@dataclass(frozen=True)
class RoadmapStep:
    step: str
    number: int  # 1-based place on the route
    index: int | None  # position in implementation.yaml's steps, None when not listed there
    planned: dt.date | None
    declared: dt.date | None  # the done date implementation.yaml gives
    skipped: str
    shown: Shown
    status: str

    @property
    def done_on(self) -> dt.date | None:
        """The date the step was done: as declared, or as the records show it."""
        return self.declared or (self.shown.on if self.status == "inferred" else None)

    @property
    def is_done(self) -> bool:
        return self.status in ("done", "inferred", "skipped")

    @property
    def contradiction(self) -> Message | None:
        """Why the records contradict the declared done date (None when they do not)."""
        if self.status != "contradicted":
            return None
        if not self.shown.done:
            return self.shown.reason
        return say("roadmap.dated-later", date=self.shown.on, reason=self.shown.reason)


@dataclass(frozen=True)
class Roadmap:
    as_of: dt.date
    start: dt.date | None
    declared: bool  # implementation.yaml exists
    steps: tuple[RoadmapStep, ...]

    @property
    def current(self) -> RoadmapStep | None:
        return next((s for s in self.steps if not s.is_done), None)

    @property
    def blocker(self) -> Message | None:
        """What keeps the current step from being done, so the next cannot start."""
        step = self.current
        if step is None:
            return None
        if step.contradiction is not None:
            return say("roadmap.declared-but", why=step.contradiction)
        if step.shown.judged:
            return step.shown.reason
        return say("roadmap.not-declared")


def status_of(step: Step | None, shown: Shown, as_of: dt.date) -> str:
    if step is not None and step.skipped:
        return "skipped"
    declared = step.done if step is not None else None
    if declared is not None and shown.judged:
        late = shown.on is not None and shown.on > declared
        return "contradicted" if not shown.done or late else "done"
    if declared is not None:
        return "done"
    if shown.judged and shown.done:
        return "inferred"
    planned = step.planned if step is not None else None
    return "late" if planned is not None and planned < as_of else "open"


def build_roadmap(repo: Repository, as_of: dt.date) -> Roadmap:
    record = repo.singletons.get("implementation")
    plan: Implementation = record.model if record else Implementation()
    listed: dict[str, tuple[int | None, Step | None]] = {
        s.step: (i, s) for i, s in enumerate(plan.steps)
    }
    steps = []
    for number, name in enumerate(STEPS, start=1):
        index, step = listed.get(name, (None, None))
        shown = shown_for(name, repo, as_of)
        steps.append(
            RoadmapStep(
                name,
                number,
                index,
                step.planned if step else None,
                step.done if step else None,
                str(step.skipped or "") if step else "",
                shown,
                status_of(step, shown, as_of),
            )
        )
    return Roadmap(as_of, plan.start, record is not None, tuple(steps))


def step_items(repo: Repository, as_of: dt.date) -> Iterator[DueItem]:
    """The planned date of every step not yet done: the implementation project's calendar."""
    if "implementation" not in repo.singletons:
        return
    for step in build_roadmap(repo, as_of).steps:
        # A contradicted step is the roadmap rule's finding, not a second, overdue one.
        if step.planned is None or step.is_done or step.index is None:
            continue
        if step.status == "contradicted":
            continue
        yield DueItem(
            step.step,
            "implementation-step",
            f"Implementation step {step.number}: {step.step}",
            step.planned,
            None,
            FILE,
            ("steps", step.index, "planned"),
            (),
            step.shown.reason if step.shown.judged and not step.shown.done else "",
        )
