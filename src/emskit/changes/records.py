"""Records added, removed and changed between two loaded repositories, by kind and id, with
the fields that changed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from emskit.repo.layout import CONFIG_FILE
from emskit.repo.repository import Record, Repository

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
_SHORT = 60  # a value longer than this is named, not shown: a comment is no place for essays
CONFIG_KIND = "config"


@dataclass(frozen=True)
class FieldChange:
    name: str
    before: str | None  # None: too long or nested to show
    after: str | None


@dataclass(frozen=True)
class RecordChange:
    kind: str
    id: str
    change: str  # added | removed | changed
    file: str  # where the record is now (where it was, if removed)
    fields: tuple[FieldChange, ...] = ()


def record_changes(before: Repository, after: Repository) -> list[RecordChange]:
    old, new = _by_key(before), _by_key(after)
    out = []
    for key in sorted(old.keys() | new.keys()):
        was, now = old.get(key), new.get(key)
        if was is None:
            assert now is not None
            out.append(RecordChange(key[0], key[1], ADDED, now[1]))
        elif now is None:
            out.append(RecordChange(key[0], key[1], REMOVED, was[1]))
        else:
            fields = field_changes(was[0], now[0])
            if fields:
                out.append(RecordChange(key[0], key[1], CHANGED, now[1], fields))
    return out


def _by_key(repo: Repository) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
    """(kind, id) -> (the record's values as written, its file). emskit.yaml is one record."""
    out = {(r.kind, r.id or r.kind): (_values(repo, r), r.file) for r in repo.records}
    out[(CONFIG_KIND, CONFIG_FILE)] = (dict(repo.raw_config), CONFIG_FILE)
    return out


def _values(repo: Repository, record: Record) -> dict[str, Any]:
    """The record as its YAML has it: a reviewer changed the file, not the parsed model (whose
    defaults and conversions would show as changes nobody made)."""
    source = repo.files.get(record.file)
    data: Any = source.data if source else None
    for step in record.loc:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            data = None
            break
    return dict(data) if isinstance(data, dict) else {"value": data}


def field_changes(was: dict[str, Any], now: dict[str, Any]) -> tuple[FieldChange, ...]:
    """Changed fields; a mapping (scores, a certificate) is opened one level, so the change
    reads 'scores.legal 1 -> 3' rather than 'scores'."""
    out = []
    for name in sorted(was.keys() | now.keys(), key=str):
        old, new = was.get(name), now.get(name)
        if _canonical(old) == _canonical(new):
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            out += [
                FieldChange(f"{name}.{key}", _show(old.get(key)), _show(new.get(key)))
                for key in sorted(old.keys() | new.keys(), key=str)
                if _canonical(old.get(key)) != _canonical(new.get(key))
            ]
        else:
            out.append(FieldChange(str(name), _show(old), _show(new)))
    return tuple(out)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def _show(value: Any) -> str | None:
    if value is None:
        return "(none)"
    text = value if isinstance(value, str) else _canonical(value)
    return text if len(text) <= _SHORT and "\n" not in text else None
