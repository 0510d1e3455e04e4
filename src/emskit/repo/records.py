"""Which records a validated model holds: itself, and the ones nested inside it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from emskit.repo.positions import Loc
from emskit.repo.repository import Record

# Records nested in a model: (attribute path, kind).  Nested ids share the repository's
# id space, so an objective action or a programme entry can be referenced like any record.
_NESTED: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "Context": ((("issues",), "issue"), (("interested_parties",), "party")),
    "Roles": ((("roles",), "role"), (("people",), "person")),
    "Competence": ((("requirements",), "competence-requirement"),),
    "WasteFile": ((("streams",), "waste-stream"), (("contractors",), "contractor")),
    "Risks": ((("risks",), "risk"),),
    "Indicators": ((("indicators",), "indicator"), (("equipment",), "equipment")),
    "Programme": ((("audits",), "audit-plan"),),
    "Objective": ((("actions",), "action"),),
    "Nonconformity": ((("corrective_actions",), "action"),),
    "Review": ((("outputs", "actions"), "action"),),
}


def records_of(kind: str, model: Any, file: str, loc: Loc) -> Iterator[Record]:
    if kind:
        yield Record(kind, getattr(model, "id", "") or "", model, file, loc)
    for path, nested_kind in _NESTED.get(type(model).__name__, ()):
        holder = model
        for attr in path[:-1]:
            holder = getattr(holder, attr, None)
        items = getattr(holder, path[-1], None) if holder is not None else None
        for index, item in enumerate(items or ()):
            if getattr(item, "id", None):
                yield Record(nested_kind, item.id, item, file, (*loc, *path, index))


def ids_in(data: Any, loc: Loc) -> Iterator[tuple[str, Loc]]:
    """Every ``id:`` written in raw data that failed its schema, with where it sits: a record
    that is invalid is still the record other records mean when they name its id."""
    if isinstance(data, dict):
        if isinstance(data.get("id"), str) and data["id"]:
            yield data["id"], loc
        for key, value in data.items():
            if isinstance(value, (dict, list)):
                yield from ids_in(value, (*loc, str(key)))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from ids_in(item, (*loc, index))
