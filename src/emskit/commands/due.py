"""emskit due: what falls due or is overdue by the as-of date, or within a window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from emskit.analysis import Analysis
from emskit.calendar.due_item import KINDS, state_of
from emskit.calendar.due_result import Dated, DueResult
from emskit.calendar.periods import add
from emskit.errors import UsageError
from emskit.model.common import text_in
from emskit.repo.loader import load_repository


def run_due(
    root: Path,
    as_of: dt.date,
    within: str = "P30D",
    kinds: tuple[str, ...] = (),
    owner: str | None = None,
    today: dt.date | None = None,
) -> DueResult:
    """What falls due; with ``today`` (the CLI reads the clock), a past as-of date reads the
    repository as it stood that day, as check, gap and ready do: an audit held later does not
    answer an audit due then."""
    try:
        until = add(as_of, within)
    except ValueError:
        raise UsageError(
            f"--within {within!r}: write a period such as P90D, P3M or quarterly"
        ) from None
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise UsageError(f"--kind {unknown[0]!r}: use one of {', '.join(KINDS)}")
    repo = load_repository(root)
    ctx = Analysis(repo, as_of, today=today)
    items = [
        i
        for i in ctx.due_items
        if (not kinds or i.kind in kinds)
        and (owner is None or (i.owner or "").casefold() == owner.casefold())
    ]
    dated = [
        Dated(i, state_of(i, as_of, until), repo.position(i.file, i.loc)[0] if i.loc else 1)
        for i in items
    ]
    name = text_in(repo.config.organization.name, "en") if repo.config else root.name
    return DueResult(as_of, until, name, dated)
