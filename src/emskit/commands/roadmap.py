"""emskit roadmap: the implementation project step by step, as declared and as the records
show it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from emskit.certification.roadmap import FILE, build_roadmap
from emskit.certification.roadmap_result import RoadmapResult
from emskit.model.common import text_in
from emskit.repo.loader import load_repository


def run_roadmap(root: Path, as_of: dt.date) -> RoadmapResult:
    repo = load_repository(root)
    roadmap = build_roadmap(repo, as_of)
    lines = {
        s.step: repo.position(FILE, ("steps", s.index))[0]
        for s in roadmap.steps
        if s.index is not None
    }
    config = repo.config
    name = text_in(config.organization.name, "en") if config else root.name
    language = config.ems.language if config else "en"
    return RoadmapResult(root, name, language, roadmap, lines)
