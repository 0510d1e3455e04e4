"""Records laid out as files of the repository, each record under a comment naming its origin.

Text is produced here and written by the use case only after every file is planned, each
atomically: an import that fails half-way leaves the repository as it was, file by file.
`--update` merges by id with ruamel's round-trip tree, so the comments and order a user
added to an earlier import survive.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from emskit.importing.rows import Built
from emskit.importing.yaml_text import block

LIST_FOLDERS = {"aspects": "aspects", "obligations": "obligations", "objectives": "objectives"}
RECORD_FOLDERS = {"nonconformities": "records/nonconformities", "training": "records/training"}


@dataclass(frozen=True)
class PlannedFile:
    rel: str
    text: str
    state: str  # "new" | "changed" | "unchanged"


def slug(name: str) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", Path(name).stem.lower()).strip("-")
    return stem[:60].strip("-") or "imported"


def _dump(value: Any) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(
        value, Dumper=dumper, allow_unicode=True, sort_keys=False, width=4096,
        default_flow_style=False,
    )  # fmt: skip
    return text


def _comment(text: str) -> str:
    return " ".join(text.split())


def list_file_text(key: str, built: list[Built], source: str) -> str:
    out = [f"# Imported by emskit from {source}.", f"{key}:"]
    for item in built:
        out.append(f"  # from {source}" + (f" row {item.row}" if item.row else ""))
        out.extend(f"  #   {_comment(c)}" for c in item.comments)
        out.extend(block(item.record, "  ", "- "))
    return "\n".join(out) + "\n"


def record_file_text(item: Built, source: str) -> str:
    head = [f"# Imported by emskit from {source} row {item.row}."]
    head.extend(f"#   {_comment(c)}" for c in item.comments)
    return "\n".join(head + block(item.record, "", "")) + "\n"


def readings_csv(rows: list[tuple[str, str, str, str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["date", "indicator", "value", "site", "note"])
    writer.writerows(rows)
    return buffer.getvalue()


def plan(root: Path, rel: str, text: str) -> PlannedFile:
    path = root / rel
    if not path.exists():
        return PlannedFile(rel, text, "new")
    old = path.read_text(encoding="utf-8")
    return PlannedFile(rel, text, "unchanged" if old == text else "changed")


def merged_list_text(path: Path, key: str, built: list[Built], source: str) -> str:
    """The existing file with records of the same id updated in place and new ones appended."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml_rt = _round_trip()
    data = yaml_rt.load(path.read_text(encoding="utf-8")) or CommentedMap()
    items = data.get(key)
    if items is None:  # 'indicators:' with nothing under it yet
        items = data[key] = CommentedSeq()
    by_id = {str(i.get("id")): i for i in items if isinstance(i, dict)}
    for item in built:
        plain = _plain(item.record)
        existing = by_id.get(str(item.record["id"]))
        if existing is None:
            items.append(plain)
            items.yaml_set_comment_before_after_key(
                len(items) - 1, before=f"from {source} row {item.row}", indent=2
            )
            continue
        _merge(existing, plain)
    return _dumped(yaml_rt, data)


def merged_record_text(path: Path, item: Built) -> str:
    """A one-record file with the imported fields set in place; its comments stay."""
    yaml_rt = _round_trip()
    data = yaml_rt.load(path.read_text(encoding="utf-8"))
    _merge(data, _plain(item.record))
    return _dumped(yaml_rt, data)


def _merge(existing: Any, plain: dict[str, Any]) -> None:
    for name, value in plain.items():
        if existing.get(name) != value:  # an unchanged field keeps its quoting and comments
            existing[name] = value


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    """The record as YAML would read it back (dates as dates), to compare with the file."""
    loaded: dict[str, Any] = yaml.safe_load(_dump(record))
    return loaded


def _round_trip() -> Any:
    from ruamel.yaml import YAML

    yaml_rt = YAML(typ="rt")
    yaml_rt.width = 4096
    yaml_rt.indent(mapping=2, sequence=4, offset=2)
    return yaml_rt


def _dumped(yaml_rt: Any, data: Any) -> str:
    buffer = io.StringIO()
    yaml_rt.dump(data, buffer)
    return buffer.getvalue()
