"""A register's columns derived from the model of its records: every field the repository
format defines for a kind of record is a column, in the model's order, so a field added to the
format appears in every register of that kind without a line of code here.

A register may replace a field's column (the criteria of an aspect's scores, a person's name)
or add columns the records do not hold (the last evaluation, the next due date); the rest is
derived. A field holding a small model (an objective's target, a chemical's MSDS) becomes one
column per field of that model; a list of models is one cell, an item a line.

Headers say what the field is, from the vocabulary: ``field.<kind>.<name>`` where one kind
means something of its own by the name (an audit's scope is 审核范围), else ``field.<name>``,
else the documents' label of that name.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, PlainValidator

from emskit.documents.content import Paragraph, Table
from emskit.documents.context import PackContext
from emskit.model.common import PEOPLE, RefTo
from emskit.repo.repository import Record
from emskit.words import has_word, word

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Column:
    field: str  # the model field it shows; "" for a column the records do not hold
    header: str
    value: Callable[[Any], str]  # of the row's item (a Record, or a sub-item)


def field_label(name: str, language: str, kind: str = "") -> str:
    """What a field is, in the pack's language: 'Effective from', 'Applies to sites'."""
    key = name.replace("_", "-").rstrip("-")
    for candidate in (f"field.{kind}.{key}" if kind else "", f"field.{key}", key):
        if candidate and has_word(candidate):
            return word(candidate, language)
    return key.replace("-", " ").capitalize()  # a field newer than the vocabulary


@cache
def _hint(model: type[BaseModel], name: str) -> str:
    """How a field's value reads: 'term' (a value of the format), 'person', 'period', ''."""
    info = model.model_fields[name]
    found: set[str] = set()

    def walk(annotation: Any, metadata: Iterable[Any]) -> None:
        for meta in metadata:
            if isinstance(meta, RefTo) and set(meta.kinds) & set(PEOPLE):
                found.add("person")
            if isinstance(meta, PlainValidator) and getattr(meta.func, "__name__", "") == "_period":
                found.add("period")
        origin = typing.get_origin(annotation)
        if origin is typing.Literal:
            found.add("term")
        elif origin is typing.Annotated:
            args = typing.get_args(annotation)
            walk(args[0], args[1:])
        else:
            for arg in typing.get_args(annotation):
                walk(arg, ())

    walk(info.annotation, info.metadata)
    for hint in ("person", "period", "term"):
        if hint in found:
            return hint
    return ""


def show(ctx: PackContext, value: Any, hint: str = "") -> str:
    """A field's value as a reader sees it, in the pack's language."""
    L = ctx.labels
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return L.yes_no(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, str):
        if hint == "person":
            return ctx.name_of(value)
        if hint == "period":
            return L.period(value)
        return L.term(value) if hint == "term" else value
    if isinstance(value, dict):
        if all(isinstance(k, str) and _LANGUAGE_TAG.fullmatch(k) for k in value):
            return ctx.text(value)
        return L.separator.join(f"{k}{L('colon')}{show(ctx, v, hint)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        if any(isinstance(v, BaseModel) for v in value):
            return "\n".join(summary(ctx, v) for v in value)
        return L.list_separator.join(show(ctx, v, hint) for v in value)
    if isinstance(value, BaseModel):
        return summary(ctx, value)
    return str(value)


def number(value: float) -> str:
    """17, 0.5, 1250: no exponent, no trailing zeros."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.12g}"


def summary(ctx: PackContext, item: BaseModel) -> str:
    """A sub-item in one line: its filled fields, labelled."""
    model, L = type(item), ctx.labels
    parts = []
    for name in model.model_fields:
        text = show(ctx, getattr(item, name), _hint(model, name))
        if text:
            parts.append(f"{field_label(name, L.language)}{L('colon')}{text}")
    return L.separator.join(parts)


def _nested(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds when it holds one model (not a list of them)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _nested(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        for arg in typing.get_args(annotation):
            inner = _nested(arg)
            if inner is not None:
                return inner
    return None


def field_columns(
    ctx: PackContext,
    model: type[BaseModel],
    kind: str,
    replace: Mapping[str, Sequence[Column]] | None = None,
    of: Callable[[Any], Any] = lambda record: record.model,
) -> list[Column]:
    """One column per field of ``model`` in its order (``replace`` gives a field's own
    columns, or none), read from ``of(item)``; nested models flattened one level."""
    language, replace = ctx.labels.language, replace or {}
    columns: list[Column] = []
    for name, info in model.model_fields.items():
        if name in replace:
            columns.extend(replace[name])
            continue
        label = field_label(name, language, kind)
        inner = _nested(info.annotation)
        if inner is not None and set(inner.model_fields) == {"value", "unit"}:  # 2 t, 450 L
            columns.append(Column(name, label, _quantity(of, name)))
            continue
        if inner is not None:
            for sub in inner.model_fields:
                key = f"{name}.{sub}"
                full = f"field.{kind}.{key}".replace("_", "-")
                head = (
                    word(full, language)
                    if has_word(full)
                    else f"{label}{ctx.labels('colon')}{field_label(sub, language)}"
                )
                columns.append(Column(key, head, _sub_value(ctx, of, name, sub, inner)))
            continue
        columns.append(Column(name, label, _value(ctx, of, name, _hint(model, name))))
    return columns


def _value(ctx: PackContext, of: Callable[[Any], Any], name: str, hint: str) -> Callable[..., str]:
    return lambda item: show(ctx, getattr(of(item), name, None), hint)


def _sub_value(
    ctx: PackContext, of: Callable[[Any], Any], name: str, sub: str, inner: type[BaseModel]
) -> Callable[..., str]:
    hint = _hint(inner, sub)
    return lambda item: show(ctx, getattr(getattr(of(item), name, None), sub, None), hint)


def _quantity(of: Callable[[Any], Any], name: str) -> Callable[..., str]:
    def value(item: Any) -> str:
        amount = getattr(of(item), name, None)
        return f"{number(amount.value)} {amount.unit}".strip() if amount is not None else ""

    return value


def limit_text(limit: Any) -> str:
    """'≤ 500', '≥ 760', '6–9': a limit as a register prints it."""
    low, high = getattr(limit, "min", None), getattr(limit, "max", None)
    if low is not None and high is not None:
        return f"{number(low)}–{number(high)}"
    if high is not None:
        return f"≤ {number(high)}"
    return f"≥ {number(low)}" if low is not None else ""


def derived(ctx: PackContext, key: str, value: Callable[[Any], str]) -> Column:
    """A column the records do not hold (a join, a computed date), headed by label ``key``."""
    return Column("", ctx.labels(key), value)


def table(columns: Sequence[Column], items: Iterable[Any], sheet: str) -> Table:
    """The register table: a row per item, in the order given (sorted by id by the caller)."""
    rows = tuple(tuple(c.value(item) for c in columns) for item in items)
    return Table(tuple(c.header for c in columns), rows, sheet=sheet)


def by_id(records: Iterable[Record]) -> list[Record]:
    """Records sorted stably by id (equal ids keep their order in the repository)."""
    return sorted(records, key=lambda r: r.id)


def listed(ctx: PackContext, count: int) -> Paragraph:
    """'Records listed: 35' under a register's table."""
    return Paragraph(ctx.labels("records-listed", count=count))


def register(
    ctx: PackContext,
    kind: str,
    model: type[BaseModel],
    sheet: str,
    replace: Mapping[str, Sequence[Column]] | None = None,
    extra: Sequence[Column] = (),
    records: Sequence[Record] | None = None,
) -> tuple[Table, Paragraph]:
    """The register of every record of ``kind``: the model's columns, then ``extra``."""
    rows = by_id(ctx.records(kind) if records is None else records)
    columns = [*field_columns(ctx, model, kind, replace), *extra]
    return table(columns, rows, sheet), listed(ctx, len(rows))
