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


# The clause each kind of record is evidence for (2015 numbering, mapped to the edition like
# every rule's clauses): a reference to an obligation that does not exist leaves a gap in the
# compliance obligations (6.1.3), one to a control in operational control (8.1). Kinds not
# listed (an action of a review, a nonconformity or an objective; "any record") bear on
# document control.
KIND_CLAUSES: dict[str, tuple[str, ...]] = {
    "site": ("4.3",),
    "issue": ("4.1",),
    "party": ("4.2",),
    "policy": ("5.2",),
    "role": ("5.3",),
    "person": ("5.3",),
    "risk": ("6.1.1",),
    "aspect": ("6.1.2",),
    "obligation": ("6.1.3",),
    "objective": ("6.2",),
    "competence-requirement": ("7.2",),
    "training": ("7.2",),
    "communication": ("7.4",),
    "document": ("7.5",),
    "control": ("8.1",),
    "chemical": ("8.1",),
    "waste-stream": ("8.1",),
    "contractor": ("8.1",),
    "waste-transfer": ("8.1",),
    "scenario": ("8.2",),
    "drill": ("8.2",),
    "incident": ("8.2", "10.2"),
    "indicator": ("9.1.1",),
    "equipment": ("9.1.1",),
    "monitoring-report": ("9.1.1",),
    "evaluation": ("9.1.2",),
    "inspection": ("9.1.2",),
    "audit-plan": ("9.2",),
    "audit": ("9.2",),
    "review": ("9.3",),
    "nonconformity": ("10.2",),
}
DOCUMENT_CONTROL = ("7.5.3",)


def clauses_of_kinds(kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The clauses a reference to one of ``kinds`` bears on, in the order of the kinds."""
    found = tuple(dict.fromkeys(c for kind in kinds for c in KIND_CLAUSES.get(kind, ())))
    return found or DOCUMENT_CONTROL


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
