"""9.1.2: is every applicable obligation evaluated at its frequency, and is every unmet result
acted on and, once acted on, evaluated again?

Readiness (compliance-evaluation), gap (9.1.2) and check (EMS320) ask these questions here.
An auditor reads the history, not only the last evaluation: an obligation evaluated quarterly
that went seven months between two evaluations was not evaluated at its frequency, even if it
is on time today. Lapses are read from the later of the obligation's ``effective`` date and
``ems.operating_since`` (nothing is due before the EMS existed), and those that ended in the
12 months before the as-of date are raised (older ones were for earlier audits to find).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import NamedTuple

from emskit.analysis import Analysis, once
from emskit.calendar.due_dates import evaluation_dates, evaluation_start
from emskit.calendar.periods import add
from emskit.judgements.breaches import compliant_despite_breach
from emskit.judgements.shortfall import Shortfall
from emskit.model.evaluation import Evaluation
from emskit.model.improvement import Nonconformity
from emskit.model.planning import Obligation
from emskit.repo.repository import Record
from emskit.vocabulary import WARN
from emskit.words import say

UNMET = ("non-compliant", "partial")
LOOK_BACK = "P12M"  # how far back a lapse between evaluations is still raised


def applicable_obligations(ctx: Analysis) -> list[Record[Obligation]]:
    """The obligations that fall due: applicable ones (pending and not-applicable never are)."""
    return sorted(
        (
            o
            for o in ctx.records("obligation", Obligation)
            if o.model.status == "applicable" and o.model.evaluation_frequency
        ),
        key=lambda o: o.id,
    )


@once
def evaluation_shortfalls(ctx: Analysis) -> list[Shortfall]:
    """Every applicable obligation evaluated within its frequency now and in the last 12
    months, every unmet result with its action, and no obligation rated compliant right after
    a breach of it that nobody acted on. (Further questions of the evaluations' content join
    this list, so ready and gap ask them too.)"""
    return [*frequency_shortfalls(ctx), *unanswered_results(ctx), *compliant_despite_breach(ctx)]


def frequency_shortfalls(ctx: Analysis) -> list[Shortfall]:
    history = evaluation_dates(ctx.repo, ctx.as_of)
    due = {item.id: item for item in ctx.calendar("compliance-evaluation")}
    out: list[Shortfall] = []
    for obligation in applicable_obligations(ctx):
        out += _lapses(ctx, obligation, history.get(obligation.id, []))
        item = due.get(obligation.id)
        if (
            item is not None
            and item.last is None
            and evaluation_start(ctx.repo, obligation) is None
        ):
            # Nothing tells when it fell due: never evaluated is all an auditor can read.
            reason = say("compliance.never-evaluated-undated", id=obligation.id)
            out.append(Shortfall((obligation.id,), reason))
        elif item is not None and item.due < ctx.as_of:
            frequency = obligation.model.evaluation_frequency
            days = (ctx.as_of - item.due).days
            out.append(
                Shortfall(
                    (obligation.id,),
                    say(
                        "compliance.overdue",
                        id=obligation.id,
                        last=item.last,
                        due=item.due,
                        frequency=frequency,
                        days=days,
                    )
                    if item.last
                    else say(
                        "compliance.never-evaluated",
                        id=obligation.id,
                        due=item.due,
                        frequency=frequency,
                        days=days,
                    ),
                )
            )
    return out


def _lapses(ctx: Analysis, obligation: Record[Obligation], dates: list[dt.date]) -> list[Shortfall]:
    """The past gaps between evaluations longer than the frequency (the current one is the
    calendar's overdue item)."""
    frequency = obligation.model.evaluation_frequency or ""
    start = evaluation_start(ctx.repo, obligation)
    since = add(ctx.as_of, LOOK_BACK, -1)
    out = []
    previous = start
    for day in dates:
        if start is not None and day < start:
            continue
        if previous is not None and add(previous, frequency) < day and day >= since:
            key = "compliance.lapse" if previous != start else "compliance.late-first"
            out.append(
                Shortfall(
                    (obligation.id,),
                    say(
                        key,
                        id=obligation.id,
                        previous=previous,
                        next=day,
                        days=(day - previous).days,
                        frequency=frequency,
                        due=add(previous, frequency),
                    ),
                )
            )
        previous = day
    return out


def unanswered_results(ctx: Analysis) -> list[Shortfall]:
    """Non-compliant and partial results that name no action (a nonconformity)."""
    return [
        Shortfall(
            (evaluation.id, result.obligation),
            say(
                "compliance.unanswered",
                evaluation=evaluation.id,
                date=evaluation.model.date,
                result=say(f"term.{result.result}"),
                obligation=result.obligation,
            ),
        )
        for evaluation in _evaluations(ctx)
        for result in evaluation.model.results
        if result.result in UNMET and not result.action
    ]


def _evaluations(ctx: Analysis) -> list[Record[Evaluation]]:
    return [e for e in ctx.records("evaluation", Evaluation) if e.model.date <= ctx.as_of]


class Unchecked(NamedTuple):
    """An unmet result (``evaluation``'s result at ``position``) acted on but not evaluated
    since."""

    evaluation: Record[Evaluation]
    position: int
    shortfall: Shortfall


def not_reevaluated_results(ctx: Analysis) -> list[Unchecked]:
    """Every unmet result whose action (a nonconformity) is closed, with no evaluation of the
    obligation on or after the closure: nobody knows whether the obligation is now met. Asked
    by EMS320 (at the result) and 9.1.2; one pass, the closures and evaluation days indexed."""
    closed = {
        n.id: n for n in ctx.records("nonconformity", Nonconformity) if n.model.status == "closed"
    }
    evaluations = _evaluations(ctx)
    evaluated_on: dict[str, list[dt.date]] = defaultdict(list)
    for evaluation in evaluations:
        for result in evaluation.model.results:
            evaluated_on[result.obligation].append(evaluation.model.date)
    out = []
    for evaluation in evaluations:
        date = evaluation.model.date
        for index, result in enumerate(evaluation.model.results):
            action = closed.get(result.action or "") if result.result in UNMET else None
            if action is None:
                continue
            closed_on = action.model.closed_on or date
            if closed_on > ctx.as_of or any(
                day > date and day >= closed_on for day in evaluated_on[result.obligation]
            ):
                continue
            reason = say(
                "compliance.not-reevaluated",
                evaluation=evaluation.id,
                result=say(f"term.{result.result}"),
                obligation=result.obligation,
                action=action.id,
                closed=closed_on,
            )
            shortfall = Shortfall((evaluation.id, result.obligation, action.id), reason, WARN)
            out.append(Unchecked(evaluation, index, shortfall))
    return out
