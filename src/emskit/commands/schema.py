"""JSON Schemas of every file kind, generated from the models (what ``schemas/`` holds)."""

from __future__ import annotations

import json
from pathlib import Path
from types import GenericAlias
from typing import Any

from pydantic import create_model

from emskit.model.common import Model
from emskit.model.config import Config
from emskit.model.descriptions import describe
from emskit.repo.layout import ALL_PARTS, Part

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_name(part_name: str) -> str:
    return f"{part_name}.schema.json"


def _file_model(part: Part) -> type[Model]:
    if part.shape != "list":
        return part.model
    name = part.model.__name__ + "File"
    # list[part.model] spelt as the alias it is: the item model is only known at run time.
    # The field is passed by a name known only at run time too, so mypy cannot tell it from
    # create_model's own keywords (__base__...) unless the mapping's values are open.
    fields: dict[str, Any] = {part.list_key: (GenericAlias(list, (part.model,)), ...)}
    file_model: type[Model] = create_model(name, __base__=Model, **fields)
    return file_model


def _schema(model: Any, title: str, description: str) -> dict[str, Any]:
    body = model.model_json_schema(by_alias=True)
    _describe(body)
    for definition in body.get("$defs", {}).values():
        _describe(definition)
    return {"$schema": DIALECT, "title": title, "description": description, **body}


def _describe(schema: dict[str, Any]) -> None:
    """Give each property without a description of its own the vocabulary's one."""
    model = schema.get("title", "")
    for name, prop in schema.get("properties", {}).items():
        if "description" not in prop:
            text = describe(model, name)
            if text:
                prop["description"] = text


def all_schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, for emskit.yaml and every part of the layout."""
    out = {
        schema_name("emskit"): _schema(
            Config,
            "emskit.yaml",
            "Organisation, EMS settings, certification, significance method and rule levels.",
        )
    }
    for part in ALL_PARTS:
        where = part.pattern + (" (front matter)" if part.pattern.endswith(".md") else "")
        out[schema_name(part.name)] = _schema(
            _file_model(part),
            where,
            f"{part.name} ({', '.join(part.clauses)}) in the emskit repository format, version 1.",
        )
    return dict(sorted(out.items()))


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(out: Path) -> list[Path]:
    """Every schema into ``out``, created if needed; returns the files written."""
    from emskit.atomic import write_text
    from emskit.errors import UsageError

    written: list[Path] = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, body in all_schemas().items():
            write_text(out / name, dump(body))
            written.append(out / name)
    except OSError as error:
        raise UsageError(f"{out}: cannot write the schemas ({error.strerror})") from None
    return written
