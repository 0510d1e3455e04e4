"""emskit audit-time: an estimate of certification audit time from the repository's
organisation (personnel and sites) and the complexity the user gives."""

from __future__ import annotations

from pathlib import Path

from emskit.certification.audit_time import AuditTime, estimate, personnel_of
from emskit.repo.loader import load_repository


def run_audit_time(
    root: Path, complexity: str, personnel: int | None = None, reduction: int = 0
) -> AuditTime:
    """Personnel defaults to the organisation's employees (or the sum over its sites)."""
    loaded = load_repository(root, parts=())
    organization = loaded.config.organization if loaded.config else None
    sites = len(organization.sites) if organization else 1
    if personnel is None and organization is not None:
        personnel = personnel_of(organization)
    return estimate(personnel or 0, complexity, max(sites, 1), reduction)
