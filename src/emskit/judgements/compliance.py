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

from emskit.analysis import Analysis
from emskit.calendar.due_dates import evaluation_dates, evaluation_start
from emskit.calendar.periods import add
from emskit.judgements.shortfall import Shortfall
from emskit.model.evaluation import Evaluation, EvaluationResult
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


def evaluation_shortfalls(ctx: Analysis) -> list[Shortfall]:
    """Every applicable obligation evaluated within its frequency now and in the last 12
    months, and every unmet result with its action. (Further questions of the evaluations'
    content join this list, so ready and gap ask them too.)"""
    return [*frequency_shortfalls(ctx), *unanswered_results(ctx)]


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


def not_reevaluated(
    ctx: Analysis, evaluation: Record[Evaluation], result: EvaluationResult
) -> Shortfall | None:
    """An unmet result whose action (a nonconformity) is closed, with no evaluation of the
    obligation on or after the closure: nobody knows whether the obligation is now met."""
    if result.result not in UNMET or not result.action:
        return None
    action = next(
        (
            n
            for n in ctx.records("nonconformity", Nonconformity)
            if n.id == result.action and n.model.status == "closed"
        ),
        None,
    )
    if action is None:
        return None
    closed = action.model.closed_on or evaluation.model.date
    if closed > ctx.as_of:
        return None
    later = [
        e
        for e in _evaluations(ctx)
        if e.model.date > evaluation.model.date
        and e.model.date >= closed
        and any(r.obligation == result.obligation for r in e.model.results)
    ]
    if later:
        return None
    return Shortfall(
        (evaluation.id, result.obligation, action.id),
        say(
            "compliance.not-reevaluated",
            evaluation=evaluation.id,
            result=say(f"term.{result.result}"),
            obligation=result.obligation,
            action=action.id,
            closed=closed,
        ),
        WARN,
    )


def not_reevaluated_results(ctx: Analysis) -> list[Shortfall]:
    """Every unmet result closed without a fresh evaluation (EMS320 and 9.1.2)."""
    out = []
    for evaluation in _evaluations(ctx):
        for result in evaluation.model.results:
            shortfall = not_reevaluated(ctx, evaluation, result)
            if shortfall is not None:
                out.append(shortfall)
    return out
