"""The China application materials a certification body asks for with the application,
as one readiness rule."""

from __future__ import annotations

from pathlib import Path

from emskit.analysis import Analysis
from emskit.certification.verdict import Verdict
from emskit.vocabulary import FAIL, PASS
from emskit.words import Joined, say

APPLICATION_MATERIALS = (
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


def _non_empty_file(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def application_materials(ctx: Analysis) -> Verdict:
    clauses = ("4.3",)
    cert = ctx.repo.config.certification if ctx.repo.config else None
    application = cert.application if cert else None
    missing, absent_files = [], []
    for name in APPLICATION_MATERIALS:
        material = getattr(application, name, None)
        if material is not None and material.not_applicable and name in NOT_APPLICABLE_ALLOWED:
            continue
        paths = material.files if material is not None else []
        expired = bool(material and material.valid_until and material.valid_until < ctx.as_of)
        if not paths or expired:
            missing.append(f"{name} (expired)" if paths else name)
        absent_files += [p for p in paths if not _non_empty_file(Path(ctx.repo.root) / p)]
    if missing or absent_files:
        parts = ([say("ready.materials-unlisted", names=", ".join(missing))] if missing else []) + (
            [say("ready.materials-absent", files=", ".join(absent_files))] if absent_files else []
        )
        return Verdict("application-materials", FAIL, Joined(parts), clauses)
    return Verdict("application-materials", PASS, say("ready.materials-present"), clauses)
