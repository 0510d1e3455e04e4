"""6.1.4: does every significant aspect lead somewhere?

A significant aspect is addressed by a control (8.1), an objective (6.2) or an indicator
(9.1.1); one that arises under emergency conditions is prepared for by an emergency scenario
(8.2), since no routine control answers a spill or a fire. Readiness
(significant-aspects-controlled), gap (planning action) and check (EMS303) ask it here.
"""

from __future__ import annotations

from emskit.analysis import Analysis, once
from emskit.judgements.shortfall import Shortfall
from emskit.repo.repository import Record
from emskit.words import say


@once
def aspect_shortfall(ctx: Analysis, aspect: Record) -> Shortfall | None:
    """Why a significant aspect is not addressed, or None (also for one not significant)."""
    if not ctx.is_significant(aspect):
        return None
    if aspect.model.condition == "emergency":
        if ctx.linked(aspect, "scenario"):
            return None
        return Shortfall((aspect.id,), say("aspects.no-scenario", aspect=aspect.id))
    if ctx.is_addressed(aspect):
        return None
    return Shortfall((aspect.id,), say("aspects.unaddressed", aspect=aspect.id))


@once
def unaddressed_significant(ctx: Analysis) -> list[Shortfall]:
    """Every significant aspect nothing addresses, in register order."""
    out = []
    for aspect in ctx.significant_aspects():
        shortfall = aspect_shortfall(ctx, aspect)
        if shortfall is not None:
            out.append(shortfall)
    return out
