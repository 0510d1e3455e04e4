"""Everything in the repository that falls due, with its date: the EMS calendar.

Each source of dates is one small function yielding DueItems; `due_items` runs them all and
sorts. States (overdue / due within the window / later) depend on the as-of date and the
window, so they are computed by `state_of`, never stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from emskit.calendar.due_item import DueItem
from emskit.calendar.periods import add
from emskit.calendar.site_records import site_record_items
from emskit.model.common import text_in
from emskit.model.evaluation import ReviewAction
from emskit.model.improvement import CorrectiveAction
from emskit.model.planning import ObjectiveAction
from emskit.repo.repository import Record, Repository


def due_items(repo: Repository, as_of: dt.date, also: Iterable[DueItem] = ()) -> list[DueItem]:
    """The EMS calendar's items, with ``also`` (the certification cycle's and the
    implementation steps', which are not calendar logic and live above this package), in one
    sorted list."""
    items: list[DueItem] = list(also)
    for source in (
        _evaluations,
        _expiries,
        _documents,
        _calibrations,
        _drills,
        _audits,
        _review,
        _actions,
        _targets,
        site_record_items,
    ):
        items.extend(source(repo, as_of))
    return sorted(items, key=lambda i: (i.due, i.kind, i.id))


def _records(repo: Repository, kind: str) -> list[Record]:
    return [r for r in repo.records if r.kind == kind]


def _title(record: Record, field: str = "title") -> str:
    return text_in(getattr(record.model, field, None), "en")


def _start(repo: Repository) -> dt.date | None:
    return repo.config.ems.operating_since if repo.config else None


def evaluation_start(repo: Repository, obligation: Record) -> dt.date | None:
    """When an obligation's evaluations start to fall due: the later of its ``effective`` date
    and ``ems.operating_since`` (a 2021 permit in an EMS live since 2026 is due a frequency
    after 2026, not after 2021); None when neither is known."""
    dates = [d for d in (obligation.model.effective, _start(repo)) if d is not None]
    return max(dates, default=None)


def evaluation_dates(repo: Repository, as_of: dt.date) -> dict[str, list[dt.date]]:
    """Each obligation's evaluation dates up to ``as_of``, oldest first: its history."""
    dates: dict[str, set[dt.date]] = {}
    for evaluation in _records(repo, "evaluation"):
        if evaluation.model.date <= as_of:
            for result in evaluation.model.results:
                dates.setdefault(result.obligation, set()).add(evaluation.model.date)
    return {obligation: sorted(days) for obligation, days in dates.items()}


def _evaluations(repo: Repository, as_of: dt.date) -> Iterator[DueItem]:
    history = evaluation_dates(repo, as_of)
    last = {obligation: days[-1] for obligation, days in history.items()}
    for record in _records(repo, "obligation"):
        model = record.model
        if model.status != "applicable" or not model.evaluation_frequency:
            continue  # pending and not-applicable obligations are never due
        start = evaluation_start(repo, record)
        anchors = [d for d in (last.get(record.id), start) if d is not None]
        since = max(anchors, default=None)
        note = f"last evaluated {last[record.id]}" if record.id in last else "never evaluated"
        due = add(since, model.evaluation_frequency) if since else as_of
        yield DueItem(
            record.id,
            "compliance-evaluation",
            f"Evaluate compliance: {_title(record)}",
            due,
            model.owner,
            record.file,
            record.loc,
            ("9.1.2",),
            note,
            last.get(record.id),
        )


def _expiries(repo: Repository, as_of: dt.date) -> Iterator[DueItem]:
    for record in _records(repo, "obligation"):
        if record.model.expires and record.model.status != "not-applicable":
            what = "Renew permit" if record.model.type == "permit" else "Obligation expires"
            yield DueItem(
                record.id,
                "obligation-expiry",
                f"{what}: {_title(record)}",
                record.model.expires,
                record.model.owner,
                record.file,
                record.loc,
                ("6.1.3",),
            )


def _documents(repo: Repository, as_of: dt.date) -> Iterator[DueItem]:
    for record in _records(repo, "document"):
        model = record.model
        if model.status == "approved" and model.approved_on and model.review_interval:
            yield DueItem(
                record.id,
                "document-review",
                f"Review document: {_title(record)}",
                add(model.approved_on, model.review_interval),
                model.owner,
                record.file,
                record.loc,
                ("7.5",),
                f"approved {model.approved_on}",
            )


def _calibrations(repo: Repository, as_of: dt.date) -> Iterator[DueItem]:
    for record in _records(repo, "equipment"):
        model = record.model
        if model.calibration_interval:
            due = (
                add(model.calibrated_on, model.calibration_interval)
                if model.calibrated_on
                else as_of
            )
            yield DueItem(
                record.id,
                "calibration",
                f"Calibrate: {_title(record, 'name')}",
                due,
                None,
                record.file,
                record.loc,
                ("9.1.1",),
                f"calibrated {model.calibrated_on}" if model.calibrated_on else "never calibrated",
                model.calibrated_on,
            )


def _drills(repo: Repository, as_of: dt.date) -> Iterator[DueItem]:
    held: dict[str, dt.date] = {}
    for drill in _records(repo, "drill"):
        if drill.model.date <= as_of:
            held[drill.model.scenario] = max(
                held.get(drill.model.scenario, drill.model.date), drill.model.date
            )
    for record in _records(repo, "scenario"):
        frequency = record.model.drill_frequency
        since = held.get(record.id) or _start(repo)
        # A scenario that cannot be drilled, for its stated reason, falls due for no drill.
        if frequency and not record.model.drill_not_practicable:
            yield DueItem(
                record.id,
                "drill",
                f"Emergency drill: {_title(record, 'scenario')}",
                add(since, frequency) if since else as_of,
                record.model.owner,
                record.file,
                record.loc,
                ("8.2",),
                f"last drill {held[record.id]}" if record.id in held else "never drilled",
                held.get(record.id),
            )


def _audits(repo: Repository, as_of: dt.date) -> Iterator[DueItem]:
    done = {
        a.model.planned_as
        for a in _records(repo, "audit")
        if a.model.planned_as and a.model.date <= as_of
    }
    for plan in _records(repo, "audit-plan"):
        if plan.id not in done:
            yield DueItem(
                plan.id,
                "internal-audit",
                f"Internal audit {plan.id}",
                plan.model.planned,
                plan.model.lead,
                plan.file,
                plan.loc,
                ("9.2",),
            )


def _review(repo: Repository, as_of: dt.date) -> Iterator[DueItem]:
    reviews = sorted(
        (r for r in _records(repo, "review") if r.model.date <= as_of), key=lambda r: r.model.date
    )
    if reviews:
        last = reviews[-1]
        yield DueItem(
            last.id,
            "management-review",
            "Management review (at least yearly)",
            add(last.model.date, "P12M"),
            last.model.chair,
            last.file,
            last.loc,
            ("9.3",),
            f"last review {last.model.date}",
        )
    elif start := _start(repo):
        yield DueItem(
            "management-review",
            "management-review",
            "First management review",
            add(start, "P12M"),
            None,
            "emskit.yaml",
            ("ems", "operating_since"),
            ("9.3",),
        )


def _open_actions(
    record: Record,
    actions: Sequence[CorrectiveAction | ObjectiveAction | ReviewAction],
    kind: str,
    clauses: tuple[str, ...],
    path: tuple[str, ...],
) -> Iterator[DueItem]:
    for index, action in enumerate(actions):
        done = action.done_on or getattr(action, "status", "open") != "open"
        if action.due and not done:
            action_id = f"{record.id}/{action.id or index + 1}"
            yield DueItem(
                action_id,
                kind,
                text_in(action.what, "en"),
                action.due,
                action.who,
                record.file,
                (*record.loc, *path, index),
                clauses,
            )


def _actions(repo: Repository, as_of: dt.date) -> Iterator[DueItem]:
    for nc in _records(repo, "nonconformity"):
        if nc.model.status == "open":
            yield from _open_actions(
                nc,
                nc.model.corrective_actions,
                "corrective-action",
                ("10.2",),
                ("corrective_actions",),
            )
    for objective in _records(repo, "objective"):
        if objective.model.status == "active":
            yield from _open_actions(
                objective, objective.model.actions, "objective-action", ("6.2",), ("actions",)
            )
    for review in _records(repo, "review"):
        if review.model.outputs:
            yield from _open_actions(
                review,
                review.model.outputs.actions,
                "review-action",
                ("9.3",),
                ("outputs", "actions"),
            )


def _targets(repo: Repository, as_of: dt.date) -> Iterator[DueItem]:
    for record in _records(repo, "objective"):
        if record.model.status == "active":
            yield DueItem(
                record.id,
                "objective-target",
                f"Objective target: {_title(record)}",
                record.model.target.by,
                record.model.owner,
                record.file,
                record.loc,
                ("6.2",),
            )
