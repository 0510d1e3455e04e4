"""JSON arrays (and YAML lists) of objects; Django fixtures with their foreign keys resolved."""

from __future__ import annotations

import json
from typing import Any

from emskit.errors import UsageError
from emskit.importing.table import Grid, Source


def read_records(text: str, shown: str, suffix: str) -> Source:
    try:
        if suffix == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception as error:  # json and yaml errors both carry the position in their text
        raise UsageError(f"{shown}: not readable ({error})") from None
    items = _items(data)
    if items is None:
        raise UsageError(f"{shown}: expected a list of objects (or a mapping holding one)")
    if items and all(isinstance(i, dict) and {"model", "fields"} <= set(i) for i in items):
        return Source(shown, _django(items))
    return Source(shown, [_grid("", [i for i in items if isinstance(i, dict)])])


def _items(data: Any) -> list[Any] | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v]
        if lists:  # a register file: the longest list of records is the register
            return max(lists, key=len)
    return None


def _grid(name: str, objects: list[dict[str, Any]]) -> Grid:
    header: list[str] = []
    for item in objects:
        header.extend(key for key in item if key not in header)
    rows = [(0, header)] + [
        (number, [_text(item.get(key)) for key in header])
        for number, item in enumerate(objects, start=1)
    ]
    return Grid(name, rows)


def _django(items: list[dict[str, Any]]) -> list[Grid]:
    """A fixture holds several models; the largest is the register, the others are looked up."""
    by_model: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        by_model.setdefault(str(item["model"]), []).append(item)
    names = {
        model.rsplit(".", 1)[-1]: {i.get("pk"): _label(i["fields"]) for i in group}
        for model, group in by_model.items()
    }
    grids = []
    for model, group in sorted(by_model.items(), key=lambda kv: -len(kv[1])):
        objects = []
        for item in group:
            fields = dict(item["fields"])
            for key, value in fields.items():
                if key in names and not isinstance(value, (list, dict)) and value in names[key]:
                    fields[key] = names[key][value]
            objects.append(fields)
        grids.append(_grid(model, objects))
    return grids


def _label(fields: dict[str, Any]) -> str:
    for key in ("name", "title", "code"):
        if fields.get(key):
            return str(fields[key])
    return ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value).strip()
