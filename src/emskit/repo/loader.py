"""Load a repository: discover files by the layout, parse, validate, collect records.

A broken file is a finding; the rest of the repository is still loaded.  Only a missing or
unreadable emskit.yaml stops the load (ConfigError, exit 2).
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path
from types import GenericAlias
from typing import Any, cast

from pydantic import TypeAdapter, ValidationError
from typing_extensions import TypeForm

from emskit.errors import ConfigError
from emskit.finding import Finding
from emskit.model.common import Model
from emskit.model.config import SUPPORTED_FORMATS, Config
from emskit.repo.collection import paused_collection
from emskit.repo.confinement import inside as _inside
from emskit.repo.confinement import links_out
from emskit.repo.layout import (
    ALL_PARTS,
    CONFIG_FILE,
    DOCUMENTS,
    SKIPPED_FOLDERS,
    Part,
    is_readings,
    part_for,
)
from emskit.repo.loading_rules import (
    MISPLACED_FILE,
    MISSING_CONTENT,
    PATH_OUTSIDE,
    SCHEMA,
    UNREADABLE_FILE,
    YAML_SYNTAX,
)
from emskit.repo.pack_output import is_pack_output
from emskit.repo.positions import Loc
from emskit.repo.readings import read_readings
from emskit.repo.records import ids_in, records_of
from emskit.repo.repository import Record, Repository, SourceFile
from emskit.repo.root import find_root
from emskit.repo.text_file import FileProblem, decode_utf8, read_limited
from emskit.repo.validation import findings_from
from emskit.repo.yaml_hints import explain_syntax
from emskit.repo.yaml_reader import parse_yaml

_ADAPTERS: dict[type[Model], TypeAdapter[list[Model]]] = {}


def load_repository(root: Path, parts: Collection[str] | None = None) -> Repository:
    """Load the whole repository, or only the layout ``parts`` named (e.g. {"aspects"}):
    commands that read a few registers need not pay for records and monitoring data."""
    raw = _read_config(root)
    repo = Repository(root=root, raw_config=raw, config=None)
    config_file = SourceFile(CONFIG_FILE, "config", text=_config_text(root), data=raw)
    repo.files[CONFIG_FILE] = config_file
    try:
        repo.config = Config.model_validate(raw)
    except ValidationError as error:
        repo.load_findings.extend(findings_from(error, CONFIG_FILE, (), raw))
    if repo.config is not None:
        for index, site in enumerate(repo.config.organization.sites):
            repo.records.append(
                Record("site", site.id, site, CONFIG_FILE, ("organization", "sites", index))
            )
    load_parts(repo, parts)
    return repo


def load_parts(repo: Repository, parts: Collection[str] | None = None) -> None:
    """Load the files of ``parts`` (all when None) into ``repo``; a part already loaded is not
    read again, so a command can start small and load more once it knows it needs it."""
    with paused_collection():
        _load_parts(repo, parts)


def _load_parts(repo: Repository, parts: Collection[str] | None) -> None:
    limits = repo.config.limits if repo.config else None
    yaml_mb, csv_mb = (limits.yaml_mb, limits.csv_mb) if limits else (10.0, 50.0)
    if repo.discovered is None:
        repo.discovered = _discover(repo.root, repo.load_findings)
    for rel, kind in repo.discovered:
        if rel in repo.files or (parts is not None and kind not in parts):
            continue
        if kind == "readings":
            _load_readings(repo, rel, csv_mb)
        elif kind == "misplaced":
            repo.files[rel] = SourceFile(rel, "misplaced")
            repo.load_findings.append(
                MISPLACED_FILE.at(rel, message=_misplaced_message(rel), line=1, column=1)
            )
        else:
            part = part_for(rel)
            assert part is not None
            _load_part_file(repo, part, rel, yaml_mb)


def _config_text(root: Path) -> str:
    return decode_utf8((root / CONFIG_FILE).read_bytes())


def _read_config(root: Path) -> dict[str, Any]:
    path = root / CONFIG_FILE
    text = ""
    try:
        text = decode_utf8(read_limited(str(path), 10))
        data = parse_yaml(text)
    except FileProblem as problem:
        problem = explain_syntax(text, problem)
        raise ConfigError(
            f"{CONFIG_FILE}:{problem.line}:{problem.column}: {problem.message}"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{CONFIG_FILE}: cannot be read ({exc.strerror})") from None
    if not isinstance(data, dict):
        raise ConfigError(
            f"{CONFIG_FILE}: must be a mapping with at least 'emskit: 1', 'organization:' and 'ems:'"
        )
    if "emskit" not in data:
        raise ConfigError(f"{CONFIG_FILE}: no format version; add 'emskit: 1' as the first line")
    if data["emskit"] not in SUPPORTED_FORMATS or isinstance(data["emskit"], bool):
        raise ConfigError(
            f"{CONFIG_FILE}: format version {data['emskit']!r} is not one this emskit reads "
            f"(it reads {', '.join(map(str, SUPPORTED_FORMATS))}); upgrade emskit or fix the version"
        )
    return data


def _discover(root: Path, findings: list[Finding]) -> list[tuple[str, str]]:
    """(relative path, kind) of every file the layout knows, sorted; kind is the part."""
    out: list[tuple[str, str]] = []
    real_root = os.path.realpath(root)
    visited: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        rel_folder = "" if rel_folder == "." else rel_folder + "/"
        real = os.path.realpath(folder)
        if not _inside(real, real_root) or real in visited:
            if not _inside(real, real_root):
                findings.append(
                    PATH_OUTSIDE.at(
                        rel_folder.rstrip("/"),
                        message="folder is a link to outside the repository; it was not read",
                        line=1,
                        column=1,
                    )
                )
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and not (rel_folder == "" and d in SKIPPED_FOLDERS)
            and not is_pack_output(Path(folder, d))  # emskit's own output, not the EMS
        )
        for name in sorted(files):
            rel = rel_folder + name
            kind = _classify(rel)
            if kind is None:
                continue
            if os.path.islink(os.path.join(folder, name)) and not _inside(
                os.path.realpath(os.path.join(folder, name)), real_root
            ):
                findings.append(
                    PATH_OUTSIDE.at(
                        rel,
                        message="file is a link to outside the repository; it was not read",
                        line=1,
                        column=1,
                    )
                )
                continue
            out.append((rel, kind))
    for rel in links_out(root, "templates"):  # templates are read when documents are built
        findings.append(
            PATH_OUTSIDE.at(
                rel,
                message="template link to outside the repository; emskit will not read it "
                "(replace the link by the file)",
                line=1,
                column=1,
            )
        )
    return sorted(out)


def _classify(rel: str) -> str | None:
    if rel == CONFIG_FILE:
        return None
    if is_readings(rel):
        return "readings"
    part = part_for(rel)
    if part is not None:
        return part.name
    if rel.endswith((".yaml", ".yml")) and not rel.rpartition("/")[2].startswith("."):
        return "misplaced"
    return None


def _misplaced_message(rel: str) -> str:
    if rel.endswith(".yml"):
        return "emskit reads '.yaml' files only: rename it to end in .yaml"
    return "YAML file outside the repository layout is ignored: move it to the folder of its kind"


def _read_text(repo: Repository, rel: str, limit_mb: float) -> str | None:
    try:
        return decode_utf8(read_limited(str(repo.root / rel), limit_mb))
    except FileProblem as problem:
        repo.load_findings.append(
            UNREADABLE_FILE.at(
                rel, message=problem.message, line=problem.line, column=problem.column
            )
        )
    except OSError as exc:
        repo.load_findings.append(
            UNREADABLE_FILE.at(rel, message=f"cannot be read: {exc.strerror}", line=1, column=1)
        )
    return None


def _load_readings(repo: Repository, rel: str, limit_mb: float) -> None:
    text = _read_text(repo, rel, limit_mb)
    repo.files[rel] = SourceFile(rel, "readings")
    if text is None:
        return
    readings, problems = read_readings(text, rel)
    repo.readings.extend(readings)
    repo.load_findings.extend(problems)


def _load_part_file(repo: Repository, part: Part, rel: str, limit_mb: float) -> None:
    text = _read_text(repo, rel, limit_mb)
    source = SourceFile(rel, part.name)
    repo.files[rel] = source
    if text is None:
        return
    if part is DOCUMENTS:
        text, source.line_offset = _front_matter(repo, rel, text)
        if text is None:
            return
    source.text = text
    try:
        data = parse_yaml(text)
    except FileProblem as problem:
        problem = explain_syntax(text, problem)
        repo.load_findings.append(
            YAML_SYNTAX.at(
                rel,
                message=problem.message,
                line=problem.line + source.line_offset,
                column=problem.column,
            )
        )
        return
    source.data = data
    if data is None:
        repo.load_findings.append(
            MISSING_CONTENT.at(rel, message=_empty_message(part), line=1, column=1).with_(
                clauses=part.clauses
            )
        )
    elif part.shape == "list":
        _load_list(repo, part, rel, data)
    else:
        _load_one(repo, part, rel, data)


def _empty_message(part: Part) -> str:
    clauses = ", ".join(part.clauses)
    return f"file is empty: record the {part.name} here ({clauses})"


def split_front_matter(text: str) -> tuple[str, str] | None:
    """A controlled document's YAML front matter and its body; the front matter opens with
    '---' and closes with '---' or '...' (YAML's own end-of-document marker). None when it has
    no front matter. The one reading of the format: the loader and 'docs render' both use it."""
    lines = text.split("\n")
    if lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                return "\n".join(lines[1:index]) + "\n", "\n".join(lines[index + 1 :])
    return None


def _front_matter(repo: Repository, rel: str, text: str) -> tuple[str | None, int]:
    parts = split_front_matter(text)
    if parts is not None:
        return parts[0], 1
    repo.load_findings.append(
        SCHEMA.at(
            rel,
            message="a controlled document starts with YAML front matter between two '---' lines "
            "(id, title, type, owner, approved_by, approved_on...)",
            line=1,
            column=1,
        )
    )
    return None, 0


def _adapter(model: type[Model]) -> TypeAdapter[list[Model]]:
    if model not in _ADAPTERS:
        # list[model] spelt as the alias it is (the item model is only known at run time), and
        # named for mypy as the type form it is.
        items = cast(TypeForm[list[Model]], GenericAlias(list, (model,)))
        _ADAPTERS[model] = TypeAdapter(items)
    return _ADAPTERS[model]


def _load_list(repo: Repository, part: Part, rel: str, data: Any) -> None:
    key = part.list_key
    if not isinstance(data, dict) or key not in data or len(data) != 1:
        repo.load_findings.append(
            SCHEMA.at(
                rel,
                message=f"a file in {part.pattern.rpartition('/')[0]}/ holds one key, '{key}:', with a list",
                line=1,
                column=1,
            )
        )
        return
    items = data[key]
    if items is None:
        repo.load_findings.append(
            MISSING_CONTENT.at(rel, (key,), _empty_message(part)).with_(clauses=part.clauses)
        )
        return
    if not isinstance(items, list):
        repo.load_findings.append(SCHEMA.at(rel, (key,), f"'{key}' must be a list ('- ...' items)"))
        return
    try:
        models = _adapter(part.model).validate_python(items)
        pairs = list(enumerate(models))
    except ValidationError:
        pairs = _salvage(repo, part, rel, items)
    for index, model in pairs:
        repo.records.extend(records_of(part.record_kind, model, rel, (key, index)))


def _salvage(repo: Repository, part: Part, rel: str, items: list[Any]) -> list[tuple[int, Any]]:
    """Validate item by item so one bad aspect does not hide the good ones."""
    out = []
    for index, item in enumerate(items):
        try:
            out.append((index, part.model.model_validate(item)))
        except ValidationError as error:
            repo.load_findings.extend(findings_from(error, rel, (part.list_key, index), item))
            _keep_invalid_ids(repo, rel, (part.list_key, index), item)
    return out


def _keep_invalid_ids(repo: Repository, rel: str, loc: Loc, data: Any) -> None:
    for record_id, where in ids_in(data, loc):
        repo.invalid_ids.setdefault(record_id, (rel, where))


def _load_one(repo: Repository, part: Part, rel: str, data: Any) -> None:
    try:
        model = part.model.model_validate(data)
    except ValidationError as error:
        repo.load_findings.extend(findings_from(error, rel, (), data))
        _keep_invalid_ids(repo, rel, (), data)
        return
    records = records_of(part.record_kind, model, rel, ())
    if part.shape == "single":
        repo.singletons[part.name] = Record(
            part.record_kind or part.name, getattr(model, "id", ""), model, rel, ()
        )
    repo.records.extend(records)


__all__ = ["ALL_PARTS", "find_root", "load_repository"]
