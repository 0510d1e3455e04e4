"""8.1 chemicals: does each hazardous chemical have a current safety data sheet, on file and
not empty, posted at its points of use?

Check asks each question of one chemical (EMS601 the sheet, EMS602 its age, EMS603 its
posting); readiness (chemicals-msds) asks all three of every hazardous chemical.
"""

from __future__ import annotations

from pathlib import Path

from emskit.analysis import Analysis
from emskit.calendar.periods import add
from emskit.judgements.evidence_files import inside, is_empty_file, not_in_repository
from emskit.judgements.shortfall import Shortfall
from emskit.model.chemicals import Chemical
from emskit.repo.repository import Record
from emskit.words import say


def hazardous_chemicals(ctx: Analysis) -> list[Record[Chemical]]:
    return [c for c in ctx.records("chemical", Chemical) if c.model.hazardous]


def max_age(ctx: Analysis) -> str:
    config = ctx.repo.config
    return config.limits.msds_max_age if config else "P5Y"


def _who(record: Record[Chemical]) -> str:
    return record.id


def msds_missing(ctx: Analysis, record: Record[Chemical]) -> Shortfall | None:
    """No sheet, or one outside the repository, absent or empty (EMS601)."""
    msds, ids = record.model.msds, (record.id,)
    if not record.model.hazardous:
        return None
    if msds is None:
        return Shortfall(ids, say("msds.none", chemical=_who(record)))
    outside = not_in_repository(msds.file)
    if outside:
        return Shortfall(
            ids, say("msds.outside", chemical=_who(record), path=repr(msds.file), why=outside)
        )
    full = inside(Path(ctx.repo.root), msds.file)
    if full is None or not full.is_file():
        return Shortfall(ids, say("msds.absent", chemical=_who(record), path=msds.file))
    if is_empty_file(full):
        return Shortfall(ids, say("msds.empty", chemical=_who(record), path=msds.file))
    return None


def msds_outdated(ctx: Analysis, record: Record[Chemical]) -> Shortfall | None:
    """A sheet with no revision date, or revised longer ago than limits.msds_max_age (EMS602)."""
    msds = record.model.msds
    if not record.model.hazardous or msds is None:
        return None
    if msds.revised is None:
        return Shortfall((record.id,), say("msds.undated", chemical=_who(record)))
    oldest = max_age(ctx)
    if add(msds.revised, oldest) < ctx.as_of:
        return Shortfall(
            (record.id,),
            say("msds.outdated", chemical=_who(record), revised=msds.revised, max_age=oldest),
        )
    return None


def msds_not_posted(record: Record[Chemical]) -> Shortfall | None:
    """A sheet not posted where the chemical is used (EMS603)."""
    msds = record.model.msds
    if not record.model.hazardous or msds is None or msds.posted_at_use:
        return None
    return Shortfall((record.id,), say("msds.not-posted", chemical=_who(record)))


def chemicals_msds(ctx: Analysis) -> list[Shortfall]:
    """Every hazardous chemical's sheet: on file, current and posted."""
    out = []
    for record in hazardous_chemicals(ctx):
        for shortfall in (
            msds_missing(ctx, record),
            msds_outdated(ctx, record),
            msds_not_posted(record),
        ):
            if shortfall is not None:
                out.append(shortfall)
    return out
