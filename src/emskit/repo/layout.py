"""Where each kind of file lives, and which model reads it (the Layout section of the spec)."""

from __future__ import annotations

import fnmatch
import functools
from dataclasses import dataclass

from emskit.model.chemicals import Chemical
from emskit.model.common import Model
from emskit.model.context import Context, Policy, Risks, Roles
from emskit.model.evaluation import Audit, Evaluation, Indicators, Programme, Review
from emskit.model.external_checks import Inspection, MonitoringReport
from emskit.model.implementation import Implementation
from emskit.model.improvement import Incident, Nonconformity
from emskit.model.operation import Control, Drill, Scenario
from emskit.model.planning import Aspect, Objective, Obligation
from emskit.model.support import (
    Communication,
    CommunicationPlan,
    Competence,
    Distribution,
    Document,
    Training,
)
from emskit.model.waste import WasteFile, WasteTransfer
from emskit.repo.root import CONFIG_FILE as CONFIG_FILE  # the one spelling, re-exported


@dataclass(frozen=True)
class Part:
    name: str  # how messages and schemas name it
    pattern: str  # a glob relative to the root
    model: type[Model]  # the model of one item (list folders), one record, or the whole file
    shape: str  # "single" file, "list" folder (one key holding a list), "record" per file
    list_key: str = ""
    record_kind: str = ""  # the kind of record each item or file is
    clauses: tuple[str, ...] = ()

    def matches(self, rel: str) -> bool:
        return _matches(self.pattern, rel)


SINGLE_FILES = (
    Part("context", "context.yaml", Context, "single", clauses=("4.1", "4.2")),
    Part("policy", "policy.yaml", Policy, "single", record_kind="policy", clauses=("5.2",)),
    Part("roles", "roles.yaml", Roles, "single", clauses=("5.3",)),
    Part("risks", "risks.yaml", Risks, "single", clauses=("6.1.1",)),
    Part("competence", "competence.yaml", Competence, "single", clauses=("7.2",)),
    Part("communication", "communication.yaml", CommunicationPlan, "single", clauses=("7.4",)),
    Part("indicators", "monitoring/indicators.yaml", Indicators, "single", clauses=("9.1.1",)),
    Part("programme", "audits/programme.yaml", Programme, "single", clauses=("9.2",)),
)
LIST_FOLDERS = (
    Part("aspects", "aspects/*.yaml", Aspect, "list", "aspects", "aspect", ("6.1.2",)),
    Part(
        "obligations",
        "obligations/*.yaml",
        Obligation,
        "list",
        "obligations",
        "obligation",
        ("6.1.3",),
    ),
    Part("objectives", "objectives/*.yaml", Objective, "list", "objectives", "objective", ("6.2",)),
    Part("controls", "controls/*.yaml", Control, "list", "controls", "control", ("8.1",)),
    Part("emergency", "emergency/*.yaml", Scenario, "list", "scenarios", "scenario", ("8.2",)),
)
RECORD_FOLDERS = (
    Part(
        "training",
        "records/training/*.yaml",
        Training,
        "record",
        record_kind="training",
        clauses=("7.2",),
    ),
    Part(
        "communications",
        "records/communications/*.yaml",
        Communication,
        "record",
        record_kind="communication",
        clauses=("7.4",),
    ),
    Part("drills", "records/drills/*.yaml", Drill, "record", record_kind="drill", clauses=("8.2",)),
    Part(
        "evaluations",
        "records/evaluations/*.yaml",
        Evaluation,
        "record",
        record_kind="evaluation",
        clauses=("9.1.2",),
    ),
    Part("audits", "records/audits/*.yaml", Audit, "record", record_kind="audit", clauses=("9.2",)),
    Part(
        "reviews",
        "records/reviews/*.yaml",
        Review,
        "record",
        record_kind="review",
        clauses=("9.3",),
    ),
    Part(
        "nonconformities",
        "records/nonconformities/*.yaml",
        Nonconformity,
        "record",
        record_kind="nonconformity",
        clauses=("10.2",),
    ),
    Part(
        "incidents",
        "records/incidents/*.yaml",
        Incident,
        "record",
        record_kind="incident",
        clauses=("8.2", "10.2"),
    ),
)
DOCUMENTS = Part(
    "documents", "documents/**/*.md", Document, "record", record_kind="document", clauses=("7.5",)
)
# Added to format 1: optional parts, so their absence is no missing-content finding.
ADDED_PARTS = (
    Part("chemicals", "chemicals/*.yaml", Chemical, "list", "chemicals", "chemical", ("8.1",)),
    # Two lists per file (streams, contractors): the file is no record, its items are.
    Part("waste", "waste/*.yaml", WasteFile, "record", clauses=("8.1",)),
    Part(
        "waste-transfers",
        "records/waste-transfers/*.yaml",
        WasteTransfer,
        "record",
        record_kind="waste-transfer",
        clauses=("8.1",),
    ),
    Part(
        "inspections",
        "records/inspections/*.yaml",
        Inspection,
        "record",
        record_kind="inspection",
        clauses=("9.1.2",),
    ),
    Part(
        "monitoring-reports",
        "records/monitoring-reports/*.yaml",
        MonitoringReport,
        "record",
        record_kind="monitoring-report",
        clauses=("9.1.1",),
    ),
    Part("distribution", "documents/distribution.yaml", Distribution, "single", clauses=("7.5.3",)),
    Part("implementation", "implementation.yaml", Implementation, "single", clauses=("4.4",)),
)
READINGS_PATTERN = "monitoring/data/*.csv"
YAML_PARTS = SINGLE_FILES + LIST_FOLDERS + RECORD_FOLDERS + ADDED_PARTS
ALL_PARTS = (*YAML_PARTS, DOCUMENTS)
# Folders a walk of the repository never enters: attachments and the org's own templates.
SKIPPED_FOLDERS = frozenset({"evidence", "templates", "node_modules", "venv"})


@functools.lru_cache(maxsize=16384)  # asked for each file when found and again when loaded
def part_for(rel: str) -> Part | None:
    for part in ALL_PARTS:
        if part.matches(rel):
            return part
    return None


def is_readings(rel: str) -> bool:
    return _matches(READINGS_PATTERN, rel)


def _matches(pattern: str, rel: str) -> bool:
    """Glob matching where ``*`` stays inside one folder and ``**/`` spans any depth."""
    if "*" not in pattern:
        return rel == pattern
    folder, _, name = pattern.rpartition("/")
    head, _, tail = rel.rpartition("/")
    if folder.endswith("/**"):
        base = folder[:-3]
        return (head == base or head.startswith(base + "/")) and fnmatch.fnmatchcase(tail, name)
    return head == folder and fnmatch.fnmatchcase(tail, name)
