"""Where an import's records go, and the text of each file (planned, not yet written)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from emskit.errors import UsageError
from emskit.importing.builders.common import Links
from emskit.importing.builders.readings import build_readings, indicator_records
from emskit.importing.mapping import Mapping
from emskit.importing.rows import Built, Context
from emskit.importing.table import Table
from emskit.importing.writer import (
    LIST_FOLDERS,
    RECORD_FOLDERS,
    list_file_text,
    merged_list_text,
    merged_record_text,
    plan,
    readings_csv,
    record_file_text,
    slug,
)
from emskit.repo.repository import Repository

INDICATORS = "monitoring/indicators.yaml"


def target_rels(kind: str, source: str, repo: Repository) -> set[str]:
    """The files an import of this source writes: their records are ours to re-create."""
    if kind in LIST_FOLDERS:
        return {f"{LIST_FOLDERS[kind]}/{slug(source)}.yaml"}
    if kind == "readings":
        return {INDICATORS}
    folder, mark = RECORD_FOLDERS[kind], f"# Imported by emskit from {source} row "
    return {
        r.file
        for r in repo.records
        if r.file.startswith(folder + "/") and _first_line(repo.root / r.file).startswith(mark)
    }


def _first_line(path: Path) -> str:
    try:
        with path.open(encoding="utf-8") as stream:
            return stream.readline()
    except (OSError, UnicodeDecodeError):
        return ""


def plan_records(
    root: Path,
    kind: str,
    source: str,
    built: list[Built],
    options: Any,
    result: Any,
    merge_into: dict[str, str],
) -> None:
    """New records go to the import's own file(s); records whose id another file holds are
    merged into that file (only with --update: the builders refused them otherwise)."""
    elsewhere: dict[str, list[Built]] = {}
    own: list[Built] = []
    for item in built:
        target = merge_into.get(item.record["id"])
        (elsewhere.setdefault(target, []) if target else own).append(item)
    for rel, items in sorted(elsewhere.items()):
        if kind in LIST_FOLDERS:
            text = merged_list_text(root / rel, kind, items, source)
        else:
            text = merged_record_text(root / rel, items[0])
        result.files.append(plan(root, rel, text))
    if kind in LIST_FOLDERS:
        if not own:
            return
        rel = f"{LIST_FOLDERS[kind]}/{slug(source)}.yaml"
        text = list_file_text(kind, own, source)
        if options.update and (root / rel).exists():
            text = merged_list_text(root / rel, kind, own, source)
        result.files.append(_guarded(root, rel, text, options))
        return
    for item in own:
        rel = f"{RECORD_FOLDERS[kind]}/{item.record['id']}.yaml"
        text = record_file_text(item, source)
        if options.update and (root / rel).exists():
            text = merged_record_text(root / rel, item)
        result.files.append(_guarded(root, rel, text, options))


def _guarded(root: Path, rel: str, text: str, options: Any) -> Any:
    planned = plan(root, rel, text)
    if planned.state == "changed" and not options.update:
        raise UsageError(
            f"{rel} exists and differs from this import; give --update to merge into it "
            "(records by id, comments kept), or move it away"
        )
    return planned


def plan_readings(
    root: Path,
    repo: Repository,
    table: Table,
    mapping: Mapping,
    context: Context,
    links: Links,
    options: Any,
    result: Any,
) -> None:
    readings = build_readings(table, mapping, context, links, options.date, options.guideline)
    existing = _existing_indicators(repo)
    indicators, ids = indicator_records(readings, links, existing, _key)
    rows = sorted(
        (r.date.isoformat(), ids[r.series], _number(r.value), r.site, r.note) for r in readings.rows
    )
    result.records, result.readings = len(indicators), len(rows)
    new = [i for i in indicators if _key(i) not in existing]
    if new:
        result.files.append(_indicators_file(root, new, context.file, options))
    rel = f"monitoring/data/{slug(context.file)}.csv"
    if rows:
        result.files.append(_guarded(root, rel, readings_csv(rows), options))


def _indicators_file(root: Path, new: list[dict[str, Any]], source: str, options: Any) -> Any:
    path = root / INDICATORS
    built = [Built(record, 0) for record in new]
    if not path.exists():
        return plan(root, INDICATORS, list_file_text("indicators", built, source))
    return plan(root, INDICATORS, merged_list_text(path, "indicators", built, source))


def _existing_indicators(repo: Repository) -> dict[Any, str]:
    out = {}
    for record in repo.of_kind("indicator"):
        limit = record.model.limit
        data = {"name": record.model.name, "unit": record.model.unit}
        if limit is not None:
            data["limit"] = {
                k: v for k, v in (("min", limit.min), ("max", limit.max)) if v is not None
            }
        out[_key(data)] = record.id
    return out


def _key(record: dict[str, Any]) -> tuple[str, str, str]:
    limit = record.get("limit") or {}
    return (str(record["name"]), str(record["unit"]),
            f"{_number(Decimal(str(limit['min']))) if 'min' in limit else ''}/"
            f"{_number(Decimal(str(limit['max']))) if 'max' in limit else ''}")  # fmt: skip


def _number(value: Decimal) -> str:
    return format(value, "f")  # as the file wrote it: 253894.70 stays 253894.70


__all__ = ["dt", "plan_readings", "plan_records", "target_rels"]
