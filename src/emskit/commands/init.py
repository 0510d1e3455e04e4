"""emskit init: a new repository with every file of the layout, commented, checkable at once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from emskit.atomic import write_text
from emskit.commands.schema import all_schemas, dump, schema_name
from emskit.errors import UsageError
from emskit.model.config import PRESETS
from emskit.repo.layout import RECORD_FOLDERS
from emskit.resources import data_dir
from emskit.vocabulary import DEFAULT_EDITION, EDITIONS

SCHEMA_DIR = ".emskit/schemas"
# Scaffold file -> the schema its editor hint names.
_FILES = {
    "emskit.yaml": "emskit",
    "context.yaml": "context",
    "policy.yaml": "policy",
    "roles.yaml": "roles",
    "risks.yaml": "risks",
    "competence.yaml": "competence",
    "communication.yaml": "communication",
    "aspects/aspects.yaml": "aspects",
    "obligations/obligations.yaml": "obligations",
    "objectives/objectives.yaml": "objectives",
    "controls/controls.yaml": "controls",
    "emergency/scenarios.yaml": "emergency",
    "monitoring/indicators.yaml": "indicators",
    "audits/programme.yaml": "programme",
}
# Written for --jurisdiction CN: what a Chinese certification body checks on site, and the
# implementation route consultants walk there.
_CN_FILES = {
    "implementation.yaml": "implementation",
    "chemicals/chemicals.yaml": "chemicals",
    "waste/waste.yaml": "waste",
}
_EXAMPLES = {
    "training": "TRN-2026-001",
    "communications": "COM-2026-001",
    "drills": "DRL-2026-01",
    "evaluations": "EVA-2026-01",
    "audits": "AUD-2026-01",
    "reviews": "MR-2026-01",
    "nonconformities": "NC-2026-001",
    "incidents": "INC-2026-001",
}


@dataclass(frozen=True)
class InitOptions:
    name: str
    edition: str = DEFAULT_EDITION
    language: str = "en"
    jurisdiction: str | None = None
    preset: str = "likelihood-x-severity"


def validate(options: InitOptions) -> None:
    if options.edition not in EDITIONS:
        raise UsageError(f"--edition {options.edition!r}: use one of {', '.join(EDITIONS)}")
    if options.language not in ("en", "zh-CN"):
        raise UsageError(f"--language {options.language!r}: use en or zh-CN")
    if options.preset not in PRESETS:
        raise UsageError(f"--preset {options.preset!r}: use one of {', '.join(PRESETS)}")


@dataclass
class Scaffolded:
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # already there: left as they were


def scaffold(target: Path, options: InitOptions) -> Scaffolded:
    """Write the new repository's files; refuses to touch an existing EMS repository, and
    leaves every file already in the folder (a hand-written policy.yaml...) as it is."""
    validate(options)
    if (target / "emskit.yaml").exists():
        raise UsageError(f"{target}: already an emskit repository (emskit.yaml exists)")
    templates = data_dir("templates") / "init"
    written = Scaffolded()
    files = dict(_FILES)
    if (options.jurisdiction or "").upper() == "CN":
        files.update(_CN_FILES)
    for rel, schema in files.items():
        depth = rel.count("/")
        hint = (
            f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{schema_name(schema)}\n"
        )
        body = _fill((templates / rel).read_text(encoding="utf-8"), options)
        _write(written, target / rel, hint + body)
    readme = (templates / "records-README.md").read_text(encoding="utf-8")
    for part in RECORD_FOLDERS:
        folder = part.pattern.rpartition("/")[0]
        text = (
            readme.replace("{{folder}}", folder)
            .replace("{{what}}", part.name)
            .replace("{{example}}", _EXAMPLES[part.name])
        )
        _write(written, target / folder / "README.md", text)
    _write(written, target / "monitoring/data/readings.csv", "date,indicator,value,site,note\n")
    _write(
        written,
        target / "templates/README.md",
        (templates / "templates-README.md").read_text(encoding="utf-8"),
    )
    _write(written, target / ".gitignore", (templates / "gitignore").read_text("utf-8"))
    for keep in ("documents", "evidence"):
        _write(written, target / keep / ".gitkeep", "")
    for name, schema_body in all_schemas().items():
        _write(written, target / SCHEMA_DIR / name, dump(schema_body))
    return written


def _fill(text: str, options: InitOptions) -> str:
    jurisdiction = f"  jurisdiction: {options.jurisdiction}\n" if options.jurisdiction else ""
    return (
        text.replace("{{name}}", _yaml_string(options.name))
        .replace("{{edition}}", options.edition)
        .replace("{{language}}", options.language)
        .replace("{{preset}}", options.preset)
        .replace("{{jurisdiction}}\n", jurisdiction)
    )


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write(done: Scaffolded, path: Path, text: str) -> None:
    if os.path.lexists(path):
        done.skipped.append(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, text)
    done.written.append(path)


@dataclass(frozen=True)
class InitResult:
    target: Path
    written: list[Path]
    skipped: list[Path]  # already in the folder: left as they were
    git: str  # "missing" (no git found), "initialised", or "existing" (already in a work tree)


def run_init(directory: Path, options: InitOptions) -> InitResult:
    """Scaffold the repository in ``directory`` (created if needed) and ``git init`` it unless
    it is already inside a git work tree."""
    from emskit import git

    target = directory.resolve()
    try:
        target.mkdir(parents=True, exist_ok=True)
        done = scaffold(target, options)
    except OSError as error:
        raise UsageError(f"{directory}: cannot write the repository ({error.strerror})") from None
    if not git.available():
        return InitResult(target, done.written, done.skipped, "missing")
    if git.in_work_tree(target):
        return InitResult(target, done.written, done.skipped, "existing")
    git.init_repository(target)
    return InitResult(target, done.written, done.skipped, "initialised")
