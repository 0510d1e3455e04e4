"""Dates inside one record do not contradict each other.

A nonconformity is not closed, or its effectiveness checked, before it was raised; an audit
does not end before it starts; a response does not precede the communication; a permit does
not expire before it takes effect; the certification steps follow each other.

Passes::

    {id: NC-2026-001, raised: 2026-05-15, closed_on: 2026-08-01, ...}

Fails::

    {id: NC-2026-001, raised: 2026-05-15, closed_on: 2026-04-01, ...}
"""

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.model.improvement import Nonconformity
from emskit.repo.positions import Loc
from emskit.rule import ERROR, Rule

RULE = Rule("EMS201", "date-order", ERROR, ("7.5.3",), __doc__ or "")

# (kind, earlier field path, later field path, what the later one is)
_PAIRS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...] = (
    ("nonconformity", ("raised",), ("closed_on",), "closed"),
    ("nonconformity", ("raised",), ("effectiveness", "checked_on"), "checked for effectiveness"),
    ("audit", ("date",), ("end",), "ended"),
    ("communication", ("date",), ("responded_on",), "answered"),
    ("obligation", ("effective",), ("expires",), "expires"),
    ("objective", ("baseline", "date"), ("target", "by"), "targeted"),
)


def check(ctx: Analysis) -> Iterator[Finding]:
    for kind, early, late, verb in _PAIRS:
        for record in ctx.records(kind):
            first, second = _get(record.model, early), _get(record.model, late)
            if first and second and second < first:
                yield RULE.at(
                    record.file,
                    (*record.loc, *late),
                    f"{kind} {record.id} is {verb} on {second}, before its {early[-1]} date {first}",
                    ids=(record.id,),
                )
    for record in ctx.records("nonconformity", Nonconformity):
        for index, action in enumerate(record.model.corrective_actions):
            if action.done_on and action.done_on < record.model.raised:
                yield RULE.at(
                    record.file,
                    (*record.loc, "corrective_actions", index, "done_on"),
                    f"corrective action of {record.id} done on {action.done_on}, before the "
                    f"nonconformity was raised on {record.model.raised}",
                    ids=(record.id,),
                )
    yield from _certification(ctx)


def _certification(ctx: Analysis) -> Iterator[Finding]:
    config = ctx.repo.config
    cert = config.certification if config else None
    if cert is None:
        return
    steps: list[tuple[Loc, dt.date | None, str]] = [
        (("certification", "stage1"), cert.stage1, "stage 1"),
        (
            ("certification", "stage2", "start"),
            cert.stage2.start if cert.stage2 else None,
            "stage 2 start",
        ),
        (
            ("certification", "stage2", "end"),
            cert.stage2.end if cert.stage2 else None,
            "stage 2 end",
        ),
        (("certification", "decision"), cert.decision, "the certification decision"),
    ]
    known = [(loc, day, name) for loc, day, name in steps if day]
    for (_, before, name_before), (loc, after, name) in pairwise(known):
        if after < before:
            yield RULE.at(
                "emskit.yaml", loc, f"{name} ({after}) is before {name_before} ({before})"
            )
    certificate = cert.certificate
    if (
        certificate
        and certificate.issued
        and certificate.expires
        and certificate.expires <= certificate.issued
    ):
        yield RULE.at(
            "emskit.yaml",
            ("certification", "certificate", "expires"),
            f"certificate expires ({certificate.expires}) on or before it was issued "
            f"({certificate.issued})",
        )


def _get(model: Any, path: tuple[str, ...]) -> Any:
    for attr in path:
        model = getattr(model, attr, None)
        if model is None:
            return None
    return model
