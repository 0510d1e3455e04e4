"""What emskit roadmap returns: the roadmap, and what its reports print beside it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from emskit.certification.roadmap import Roadmap


@dataclass(frozen=True)
class RoadmapResult:
    root: Path
    organization: str
    language: str
    roadmap: Roadmap
    lines: dict[str, int]  # step -> its line in implementation.yaml (listed steps only)

    @property
    def contradicted(self) -> int:
        return sum(1 for s in self.roadmap.steps if s.status == "contradicted")
