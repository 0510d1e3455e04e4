"""Every reference in the repository, the id index, and the undirected link graph.

Which fields hold references, and to which kinds, is read once per model class from the
``Ref`` annotations of the models, so adding a field to a model is all it takes.
"""

from __future__ import annotations

import re
import types
import typing
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from pydantic import BaseModel

from emskit.model.common import RefTo
from emskit.repo.layout import ADDED_PARTS, DOCUMENTS, LIST_FOLDERS, RECORD_FOLDERS
from emskit.repo.positions import Loc
from emskit.repo.repository import Record, Repository

_LOOKS_LIKE_ID = re.compile(r"^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9-]+$")


class Reference(NamedTuple):
    source: Record | None  # the innermost record holding the reference
    file: str
    loc: Loc
    value: str
    to: RefTo


@dataclass(frozen=True)
class _FieldPlan:
    name: str  # attribute name
    key: str  # key in the file (alias)
    scalar: RefTo | None  # applies to a string value
    items: RefTo | None  # applies to strings inside a list value
    in_dict: bool  # the field is a mapping whose values carry the references


@cache
def _plan(model: type[BaseModel]) -> tuple[_FieldPlan, ...]:
    plans = []
    for name, info in model.model_fields.items():
        scalar, items, nested, in_dict = _analyse(info.annotation, info.metadata)
        if scalar or items or nested:
            plans.append(_FieldPlan(name, info.alias or name, scalar, items, in_dict))
    return tuple(plans)


def _analyse(annotation: Any, metadata: list[Any]) -> tuple[RefTo | None, RefTo | None, bool, bool]:
    """(ref for a bare string, ref for list items, holds models, is a dict of such values)."""
    scalar = next((m for m in metadata if isinstance(m, RefTo)), None)
    items: RefTo | None = None
    nested = False
    in_dict = False
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        s, i, n, d = _analyse(args[0], list(args[1:]))
        return scalar or s, i, n, d
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            s, i, n, d = _analyse(arg, [])
            scalar, items, nested, in_dict = scalar or s, items or i, nested or n, in_dict or d
    elif origin is list:
        s, _, n, _ = _analyse(args[0], [])
        items, nested = s, n
    elif origin is dict:
        scalar, items, nested, _ = _analyse(args[1], [])
        in_dict = bool(scalar or items or nested)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        nested = True
    return scalar, items, nested, in_dict


def iter_references(repo: Repository) -> Iterator[Reference]:
    return iter(all_references(repo))


def all_references(repo: Repository) -> list[Reference]:
    """Every reference, unit by unit in record order, each in field order."""
    holders = {(r.file, r.loc): r for r in repo.records}
    units: list[Record] = list(repo.singletons.values())
    units += [r for r in repo.records if r.kind != "policy" and _is_unit(r)]
    out: list[Reference] = []
    for unit in units:
        _walk(unit.model, unit.file, unit.loc, holders.get((unit.file, unit.loc)), holders, out)
    return out


# Records that are a whole file or a list-folder item; nested ones are walked with their holder.
# The items of a waste file are units too: the file itself is no record that could hold them.
_UNIT_KINDS = frozenset(
    p.record_kind for p in LIST_FOLDERS + RECORD_FOLDERS + ADDED_PARTS + (DOCUMENTS,)
) | {"waste-stream", "contractor"}


def _is_unit(record: Record) -> bool:
    return record.kind in _UNIT_KINDS


# Appending to one list rather than yielding through nested generators: some 100,000
# references in a large repository, each of which would climb every generator above it.
_make = tuple.__new__  # a NamedTuple's own __new__ is a Python call per reference


def _walk(
    model: BaseModel,
    file: str,
    loc: Loc,
    source: Record | None,
    holders: dict[tuple[str, Loc], Record],
    out: list[Reference],
) -> None:
    for plan in _plan(type(model)):
        value = getattr(model, plan.name)
        if not value:  # None, or an empty list: most link fields of most records
            continue
        here = (*loc, plan.key)
        if plan.in_dict:
            for key, item in value.items():
                _values(item, plan, file, (*here, key), source, holders, out)
        elif type(value) is str:  # the common cases written out: a call less per field
            if plan.scalar and _is_reference(value, plan.scalar):
                out.append(_make(Reference, (source, file, here, value, plan.scalar)))
        elif type(value) is list and plan.items is not None:
            to = plan.items
            for index, item in enumerate(value):
                if isinstance(item, str):
                    if not to.text_allowed or _LOOKS_LIKE_ID.fullmatch(item):
                        out.append(_make(Reference, (source, file, (*here, index), item, to)))
                elif isinstance(item, BaseModel):
                    at = (*here, index)
                    _walk(item, file, at, holders.get((file, at), source), holders, out)
        else:
            _values(value, plan, file, here, source, holders, out)


def _values(
    value: Any,
    plan: _FieldPlan,
    file: str,
    loc: Loc,
    source: Record | None,
    holders: dict[tuple[str, Loc], Record],
    out: list[Reference],
) -> None:
    if isinstance(value, str):
        if plan.scalar and _is_reference(value, plan.scalar):
            out.append(_make(Reference, (source, file, loc, value, plan.scalar)))
    elif isinstance(value, BaseModel):
        _walk(value, file, loc, holders.get((file, loc), source), holders, out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                if plan.items and _is_reference(item, plan.items):
                    out.append(_make(Reference, (source, file, (*loc, index), item, plan.items)))
            elif isinstance(item, BaseModel):
                here = (*loc, index)
                _walk(item, file, here, holders.get((file, here), source), holders, out)


def _is_reference(value: str, to: RefTo) -> bool:
    return not to.text_allowed or bool(_LOOKS_LIKE_ID.fullmatch(value))


class Index:
    """Ids (exact and case-folded) and undirected links between records."""

    def __init__(self, repo: Repository) -> None:
        self.by_id: dict[str, list[Record]] = {}
        self.by_folded: dict[str, list[Record]] = {}
        for record in repo.records:
            if record.id:
                self.by_id.setdefault(record.id, []).append(record)
                self.by_folded.setdefault(record.id.casefold(), []).append(record)
        self.references = all_references(repo)
        # One pass over the references gives the links and the references that do not
        # resolve: to no record, or to none of a kind the field allows (check's EMS104 and
        # EMS103 read these instead of walking some 100,000 references again).
        self.unresolved: list[Reference] = []
        links: defaultdict[int, set[str]] = defaultdict(set)
        by_id = self.by_id
        last: Record | None = None  # a record's references come one after another
        mine: set[str] = set()
        source_id = ""
        for ref in self.references:
            source, _, _, value, to = ref  # unpacked: no attribute look-ups
            target = by_id.get(value)
            if not target:
                self.unresolved.append(ref)
                continue
            kinds = to.kinds
            single = len(target) == 1
            if "*" not in kinds and (
                target[0].kind not in kinds if single else not any(t.kind in kinds for t in target)
            ):
                self.unresolved.append(ref)
            if source is None:
                continue
            if source is not last:
                last, mine, source_id = source, links[id(source)], source.id
            mine.add(value)
            if source_id:
                if single:
                    links[id(target[0])].add(source_id)
                else:
                    for record in target:
                        links[id(record)].add(source_id)
        self._links: dict[int, set[str]] = dict(links)

    def resolve(self, value: str) -> list[Record]:
        return self.by_id.get(value, [])

    def linked(self, record: Record, kind: str) -> list[Record]:
        """Records of ``kind`` linked with ``record`` from either side."""
        out = []
        for other_id in sorted(self._links.get(id(record), ())):
            out += [r for r in self.by_id.get(other_id, []) if r.kind == kind]
        return out
