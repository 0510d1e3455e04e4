"""The China application materials: is each required material there as files that say
something, valid on the as-of date, or not applicable for a reason where that is allowed?

Readiness (application-materials) and the pack's list of application materials ask it here.
A material counts when each file exists inside the repository and is not empty (0 bytes or
only blanks), and its ``valid_until`` (if given) is not before the as-of date;
``not_applicable`` with a reason counts for the materials a plant may lack.
"""

from __future__ import annotations

from pathlib import Path

from emskit.analysis import Analysis
from emskit.judgements.evidence_files import inside, is_empty_file
from emskit.judgements.shortfall import Shortfall
from emskit.model.config import Application, Material
from emskit.words import Message, say

# The materials every application needs (a subsidiary also needs group_authorisation).
REQUIRED = (
    "legal_status",
    "process_flow",
    "eia_approval",
    "acceptance_report",
    "discharge_permit",
    "compliance_certificate",
)

# Materials a plant may lack for a reason (an EIA registration form instead of a report...).
NOT_APPLICABLE_ALLOWED = frozenset(
    {"eia_approval", "acceptance_report", "three_simultaneities", "discharge_permit"}
)


def application(ctx: Analysis) -> Application | None:
    config = ctx.repo.config
    return config.certification.application if config and config.certification else None


def required_materials(ctx: Analysis) -> tuple[str, ...]:
    """The six required materials, and the group's authorisation where one is listed (the
    format cannot tell a subsidiary otherwise)."""
    listed = application(ctx)
    extra = ("group_authorisation",) if listed and listed.group_authorisation else ()
    return REQUIRED + extra


def material_shortfall(ctx: Analysis, name: str) -> Shortfall | None:
    """Why material ``name`` does not count on the as-of date, or None when it does."""
    material = getattr(application(ctx), name, None)
    if not isinstance(material, Material):
        return _short(name, say("ready.materials-unlisted", names=name))
    if material.not_applicable and name in NOT_APPLICABLE_ALLOWED:
        return None
    if not material.files:
        if material.not_applicable:
            return _short(name, say("ready.materials-not-applicable-refused", name=name))
        return _short(name, say("ready.materials-unlisted", names=name))
    root = Path(ctx.repo.root)
    absent = [f for f in material.files if not _is_file(root, f)]
    if absent:
        return _short(name, say("ready.materials-absent", name=name, files=", ".join(absent)))
    empty = [f for f in material.files if is_empty_file(root / f)]
    if empty:
        return _short(name, say("ready.materials-empty", name=name, files=", ".join(empty)))
    if material.valid_until and material.valid_until < ctx.as_of:
        return _short(
            name,
            say(
                "ready.materials-expired",
                name=name,
                until=material.valid_until,
                as_of=ctx.as_of,
            ),
        )
    return None


def _is_file(root: Path, path: str) -> bool:
    full = inside(root, path)
    return full is not None and full.is_file()


def _short(name: str, reason: Message) -> Shortfall:
    return Shortfall((name,), reason)


def material_counts(ctx: Analysis, name: str) -> bool:
    return material_shortfall(ctx, name) is None


def application_materials(ctx: Analysis) -> list[Shortfall]:
    """Every required material that does not count, in the order of the list."""
    out = []
    for name in required_materials(ctx):
        shortfall = material_shortfall(ctx, name)
        if shortfall is not None:
            out.append(shortfall)
    return out
