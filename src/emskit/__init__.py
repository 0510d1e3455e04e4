"""emskit: an ISO 14001 environmental management system kept as plain text in git.

The library API, for scripts that use emskit without the CLI (see the README, "Using emskit
as a library"). Every function takes plain values (a folder, an as-of date) and returns a
result value; none prints, and none reads the clock.

- ``load_repository(root)``: the repository, parsed and validated (``Repository``).
- ``run_check(root, as_of)``: every rule's findings (``CheckResult``).
- ``run_score(root, as_of)``: the significance of every aspect (``ScoreResult``).
- ``run_gap(root, as_of, edition=None)``: every clause met, partial or missing (``GapResult``).
- ``run_ready(root, as_of)``: the certification readiness verdicts (``ReadyResult``).
- ``run_due(root, as_of, within="P30D")``: what falls due (``DueResult``).
- ``run_status(root, as_of, within="P30D")``: what to do next, ranked (``StatusResult``).
- ``run_new(root, kind, as_of, record_id=None, from_id=None)``: write the next record of a kind
  from its skeleton (``NewResult``).
- ``run_roadmap(root, as_of)``: the implementation steps as declared and as the records show
  them (``RoadmapResult``).
- ``build_pack(root, out, as_of)``: the certification pack (``PackResult``).
- ``run_portfolio(folders, as_of, jobs=None)``: one row per repository (``PortfolioResult``).
- ``run_diff(root, as_of, base="HEAD", head=None)``: the EMS change between revisions
  (``EmsDiff``).

The names are imported on first use (PEP 562), so ``import emskit`` and ``emskit --help``
stay fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> the module that defines it
_API = {
    "load_repository": "emskit.repo.loader",
    "run_check": "emskit.commands.check",
    "run_score": "emskit.commands.score",
    "run_gap": "emskit.commands.gap",
    "run_ready": "emskit.commands.ready",
    "run_due": "emskit.commands.due",
    "run_status": "emskit.commands.status",
    "run_new": "emskit.commands.new",
    "run_roadmap": "emskit.commands.roadmap",
    "build_pack": "emskit.commands.pack",
    "run_portfolio": "emskit.commands.portfolio",
    "run_diff": "emskit.commands.diff",
}

__all__ = [
    "__version__",
    "build_pack",
    "load_repository",
    "run_check",
    "run_diff",
    "run_due",
    "run_gap",
    "run_new",
    "run_portfolio",
    "run_ready",
    "run_roadmap",
    "run_score",
    "run_status",
]

if TYPE_CHECKING:
    from emskit.commands.check import run_check
    from emskit.commands.diff import run_diff
    from emskit.commands.due import run_due
    from emskit.commands.gap import run_gap
    from emskit.commands.new import run_new
    from emskit.commands.pack import build_pack
    from emskit.commands.portfolio import run_portfolio
    from emskit.commands.ready import run_ready
    from emskit.commands.roadmap import run_roadmap
    from emskit.commands.score import run_score
    from emskit.commands.status import run_status
    from emskit.repo.loader import load_repository


def __getattr__(name: str) -> Any:
    if name not in _API:
        # Not part of the API: let `from emskit import git` find the submodule.
        raise AttributeError(f"module 'emskit' has no attribute {name!r}")
    value = getattr(import_module(_API[name]), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
