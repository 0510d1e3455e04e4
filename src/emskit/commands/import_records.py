"""emskit import KIND FILE: a register from a spreadsheet, Markdown or JSON into YAML records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from emskit.errors import UsageError
from emskit.importing.builders.common import Links
from emskit.importing.ids import IdAllocator
from emskit.importing.mapping import KINDS, Mapping, load_map, map_text
from emskit.importing.names import NameIndex
from emskit.importing.readers import read_source
from emskit.importing.rows import Built, Context, Row
from emskit.importing.selection import register_table
from emskit.importing.table import RowProblem, Table
from emskit.importing.writer import PlannedFile
from emskit.repo.loader import load_repository
from emskit.repo.repository import Repository

RECORD_KIND = {"aspects": "aspect", "obligations": "obligation", "readings": "indicator",
               "objectives": "objective", "nonconformities": "nonconformity",
               "training": "training"}  # fmt: skip


@dataclass(frozen=True)
class Options:
    sheet: str | None = None
    map_file: Path | None = None
    date_format: str | None = None
    date: dt.date | None = None  # for readings tables with no date column
    method: bool = False
    update: bool = False
    frequency: str = "annual"
    guideline: str | None = None  # the guideline row whose limits apply, when several


@dataclass(frozen=True)
class Difference:
    """A row where emskit's score or verdict is not the register's."""

    id: str
    row: int
    register_score: Decimal | None
    register_significant: bool | None
    score: Decimal | None
    significant: bool | None


@dataclass
class ImportResult:
    kind: str
    file: str
    table: str
    mapping: Mapping
    map_text: str
    records: int = 0
    readings: int = 0
    files: list[PlannedFile] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unresolved: dict[str, list[str]] = field(default_factory=dict)
    method: dict[str, Any] | None = None
    differences: list[Difference] = field(default_factory=list)
    compared: int = 0


def run_import(root: Path, kind: str, file: Path, options: Options) -> ImportResult:
    """Plan the import; write_import then writes it (or not, for --dry-run)."""
    if kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}; import reads {', '.join(KINDS)}")
    shown = file.name
    source = read_source(file, shown, options.sheet)
    fixed = load_map(options.map_file, kind) if options.map_file else None
    found = register_table(kind, source, fixed)
    if found is None:
        raise UsageError(
            f"{shown}: no table whose header looks like {kind} (found "
            f"{len(source.grids)} table(s)); give --map mapping.yaml to say which column is what"
        )
    table, mapping = found
    repo = load_repository(root)
    context = Context(shown, source.decimal_comma, options.date_format)
    result = ImportResult(kind, shown, table.name, mapping, map_text(kind, mapping, table))
    from emskit.commands import import_output

    links = _links(repo, kind, import_output.target_rels(kind, shown, repo), options.update)
    if kind == "readings":
        import_output.plan_readings(root, repo, table, mapping, context, links, options, result)
    else:
        built = _build(kind, table, mapping, context, links, options)
        built = _validated(kind, built, table, mapping, context)
        result.records = len(built)
        if kind == "aspects":
            from emskit.commands import import_verdicts

            import_verdicts.compare(root, repo, source.text, table, mapping, built, options, result)
        import_output.plan_records(root, kind, shown, built, options, result, links.merge_into)
    result.problems = sorted(context.problems, key=lambda p: (p.row, p.column))
    result.notes = context.notes
    result.unresolved = dict(sorted(links.people.unresolved.items()))
    return result


def write_import(
    root: Path, result: ImportResult, save_map: Path | None = None, dry_run: bool = False
) -> None:
    """Write the planned files that change (none for a dry run) and, if asked, the mapping."""
    from emskit.atomic import write_text

    if not dry_run:
        for planned in result.files:
            if planned.state != "unchanged":
                (root / planned.rel).parent.mkdir(parents=True, exist_ok=True)
                write_text(root / planned.rel, planned.text)
    if save_map is not None:
        write_text(save_map, result.map_text)


def _links(repo: Repository, kind: str, own_files: set[str], update: bool) -> Links:
    people, sites = NameIndex(), NameIndex()
    for record in repo.of_kind("person"):
        people.add(record.id, record.model.name)
    for record in repo.of_kind("role"):
        people.add(record.id, record.model.title)
    config = repo.config
    for site in config.organization.sites if config else []:
        sites.add(site.id, site.name)
    ours = [r for r in repo.records if r.kind == RECORD_KIND[kind]]
    taken = [r.id for r in repo.records if r.id and r.file not in own_files]
    allocator = IdAllocator(kind, [r.id for r in ours], taken)
    elsewhere = {r.id: r.file for r in ours if r.file not in own_files}
    existing = {r.id.upper() for r in repo.records if r.id}
    return Links(people, sites, allocator, existing, elsewhere, update)


def _build(
    kind: str, table: Table, mapping: Mapping, context: Context, links: Links, options: Options
) -> list[Built]:
    from emskit.importing.builders import aspects, obligations, records

    builders: dict[str, Any] = {
        "aspects": aspects.build_aspect,
        "objectives": records.build_objective,
        "nonconformities": records.build_nonconformity,
        "training": records.build_training,
    }
    out = []
    for number, cells in table.rows:
        row = Row(table, mapping, number, cells, context)
        if kind == "obligations":
            item = obligations.build_obligation(row, links, options.frequency)
        else:
            item = builders[kind](row, links)
        if item is not None and item.record["id"]:
            out.append(item)
    return out


def _validated(
    kind: str, built: list[Built], table: Table, mapping: Mapping, context: Context
) -> list[Built]:
    """Only records the repository format accepts are written; the others are row findings."""
    from pydantic import ValidationError

    from emskit.model.improvement import Nonconformity
    from emskit.model.planning import Aspect, Objective, Obligation
    from emskit.model.support import Training

    model: Any = {"aspects": Aspect, "obligations": Obligation, "objectives": Objective,
                  "nonconformities": Nonconformity, "training": Training}[kind]  # fmt: skip
    good = []
    for item in built:
        try:
            model.model_validate(item.record)
        except ValidationError as error:
            first = error.errors()[0]
            name = str(first["loc"][0]) if first["loc"] else ""
            header = mapping.column_of(name)
            column = table.header.index(header) + 1 if header else 1
            context.problems.append(
                RowProblem(context.file, item.row, column, f"{name}: {first['msg']}")
            )
            continue
        good.append(item)
    return good
