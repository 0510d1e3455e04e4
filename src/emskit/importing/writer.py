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
        body = _dump([item.record]).rstrip("\n").split("\n")
        out.extend("  " + line for line in body)
    return "\n".join(out) + "\n"


def record_file_text(item: Built, source: str) -> str:
    head = [f"# Imported by emskit from {source} row {item.row}."]
    head.extend(f"#   {_comment(c)}" for c in item.comments)
    return "\n".join(head) + "\n" + _dump(item.record)


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
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml_rt = YAML(typ="rt")
    yaml_rt.width = 4096
    yaml_rt.indent(mapping=2, sequence=4, offset=2)
    data = yaml_rt.load(path.read_text(encoding="utf-8")) or CommentedMap()
    items = data.get(key)
    if items is None:  # 'indicators:' with nothing under it yet
        items = data[key] = CommentedSeq()
    by_id = {str(i.get("id")): i for i in items if isinstance(i, dict)}
    for item in built:
        plain = yaml.safe_load(_dump(item.record))
        existing = by_id.get(str(item.record["id"]))
        if existing is None:
            items.append(plain)
            items.yaml_set_comment_before_after_key(
                len(items) - 1, before=f"from {source} row {item.row}", indent=2
            )
            continue
        for field, value in plain.items():
            if existing.get(field) != value:
                existing[field] = value
    buffer = io.StringIO()
    yaml_rt.dump(data, buffer)
    return buffer.getvalue()
