"""A hazardous chemical has a safety data sheet: on file, not empty, current, posted at use.

A chemical with ``hazardous: true`` needs ``msds.file`` naming a file that exists in the
repository and is not empty. A hazardous chemical is checked by the three rules of this
module: EMS601 (the sheet is missing or empty), EMS602 (revised longer ago than
``limits.msds_max_age``, default P5Y, or with no revision date) and EMS603 (not posted at the
points of use).

Passes::

    chemicals:
      - {id: CHEM-001, name: Xylene, hazardous: true, used_at: [Line 2],
         msds: {file: evidence/msds/xylene.pdf, revised: 2024-05-10, posted_at_use: true}}

Fails::

    chemicals:
      - {id: CHEM-001, name: Xylene, hazardous: true, msds: {file: evidence/msds/none.pdf}}
"""

from collections.abc import Iterator
from pathlib import Path

from emskit.analysis import Analysis
from emskit.calendar.periods import add
from emskit.finding import Finding
from emskit.model.chemicals import Chemical
from emskit.repo.repository import Record
from emskit.rule import ERROR, WARNING, Rule
from emskit.rules.evidence import not_in_repository

RULE = Rule("EMS601", "msds-missing", ERROR, ("8.1", "7.5.3"), __doc__ or "")
OUTDATED = Rule(
    "EMS602",
    "msds-outdated",
    WARNING,
    ("8.1",),
    """
A hazardous chemical's MSDS was revised longer ago than ``limits.msds_max_age`` (P5Y unless
set in emskit.yaml), or gives no ``revised`` date to judge by: ask the supplier for the
current sheet.

Passes: ``msds: {file: evidence/msds/xylene.pdf, revised: 2024-05-10}`` as of 2026-11-22

Fails: ``msds: {file: evidence/msds/xylene.pdf, revised: 2019-01-10}`` as of 2026-11-22
""",
)
NOT_POSTED = Rule(
    "EMS603",
    "msds-not-posted",
    WARNING,
    ("8.1", "7.4"),
    """
A hazardous chemical's MSDS is not posted at its points of use (``posted_at_use`` is not true):
the people handling it must be able to read it where they work.

Passes: ``msds: {file: evidence/msds/xylene.pdf, revised: 2024-05-10, posted_at_use: true}``

Fails: ``msds: {file: evidence/msds/xylene.pdf, revised: 2024-05-10}``
""",
)


def check(ctx: Analysis) -> Iterator[Finding]:
    config = ctx.repo.config
    max_age = config.limits.msds_max_age if config else "P5Y"
    for record in ctx.records("chemical", Chemical):
        chemical = record.model
        if chemical.hazardous:
            yield from _check_one(ctx, record, max_age)


def _check_one(ctx: Analysis, record: Record[Chemical], max_age: str) -> Iterator[Finding]:
    msds, at, ids = record.model.msds, record.loc, (record.id,)
    who = f"hazardous chemical {record.id}"
    if msds is None:
        yield RULE.at(
            record.file, at, f"{who} has no MSDS: add 'msds: {{file: ..., revised: ...}}'", ids=ids
        )
        return
    path = Path(ctx.repo.root) / msds.file
    outside = not_in_repository(msds.file)
    if outside:
        yield RULE.at(
            record.file, (*at, "msds", "file"), f"{who}: MSDS {msds.file!r} {outside}", ids=ids
        )
    elif not path.is_file():
        yield RULE.at(
            record.file,
            (*at, "msds", "file"),
            f"{who}: MSDS {msds.file} does not exist: add the file or fix the path",
            ids=ids,
        )
    elif path.stat().st_size == 0:
        yield RULE.at(
            record.file,
            (*at, "msds", "file"),
            f"{who}: MSDS {msds.file} is empty: file the supplier's sheet",
            ids=ids,
        )
    if msds.revised is None:
        yield OUTDATED.at(
            record.file,
            (*at, "msds"),
            f"{who}: the MSDS gives no revision date: add 'revised: YYYY-MM-DD'",
            ids=ids,
        )
    elif add(msds.revised, max_age) < ctx.as_of:
        yield OUTDATED.at(
            record.file,
            (*at, "msds", "revised"),
            f"{who}: the MSDS was revised on {msds.revised}, longer ago than {max_age}: "
            "ask the supplier for the current sheet",
            ids=ids,
        )
    if not msds.posted_at_use:
        yield NOT_POSTED.at(
            record.file,
            (*at, "msds"),
            f"{who}: the MSDS is not posted at the points of use: post it and set "
            "'posted_at_use: true'",
            ids=ids,
        )
