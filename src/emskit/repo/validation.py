"""Pydantic validation errors as findings at the offending value."""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from emskit.finding import Finding
from emskit.repo.loading_rules import SCHEMA
from emskit.repo.positions import Loc


def findings_from(error: ValidationError, file: str, base: Loc, data: Any) -> list[Finding]:
    """One finding per offending value; ``data`` is what ``base`` points at in the file."""
    out: list[Finding] = []
    seen: set[tuple[Loc, str]] = set()
    for item in error.errors(include_url=False):
        loc = _trim(tuple(item["loc"]), data, keep_missing=item["type"] == "missing")
        message = _message(item, loc, data)
        record_id = _record_id(data, loc)
        at_key = item["type"] == "extra_forbidden"
        key = (loc, "union" if item["type"] != "missing" else message)
        if key in seen:  # a union reports once per member; one message per value is enough
            continue
        seen.add(key)
        if record_id:
            message = f"{record_id}: {message}"
        ids = (record_id,) if record_id else ()
        out.append(SCHEMA.at(file, base + loc, message, at_key=at_key, ids=ids))
    return out


def _record_id(data: Any, loc: Loc) -> str:
    """The id of the innermost record on the way to the offending value, so that a finding in
    a long register says which record it is about."""
    found = ""
    node = data
    for part in (None, *loc):
        if part is not None:
            node = _child(node, part)
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
    return found


def _holder(data: Any, loc: Loc) -> Any:
    node = data
    for part in loc:
        node = _child(node, part)
    return node


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _trim(loc: tuple[Any, ...], data: Any, keep_missing: bool) -> Loc:
    """The longest prefix of ``loc`` that exists in the data (drops union member tags)."""
    out: list[str | int] = []
    node = data
    for part in loc:
        found, child = _entry(node, part)
        if found:
            node = child
        else:
            if keep_missing and isinstance(node, dict) and isinstance(part, str):
                out.append(part)  # a missing key still names its place
            break
        out.append(part)
    return tuple(out)


def _entry(node: Any, part: str | int) -> tuple[bool, Any]:
    """(whether it exists, the value) of a mapping's key or a list's index."""
    if isinstance(node, dict) and isinstance(part, str) and part in node:
        return True, node[part]
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return True, node[part]
    return False, None


def _message(item: Any, loc: Loc, data: Any) -> str:
    kind = item["type"]
    field = str(item["loc"][-1]) if item["loc"] else "value"
    ctx = item.get("ctx") or {}
    if kind == "missing":
        return f"missing required field '{field}'"
    if kind == "extra_forbidden" and item["input"] is None and loc:
        split = _comma_split(field, _holder(data, loc[:-1]))
        if split:
            return split
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        # pydantic names the model class here; the user knows a mapping, not our classes
        return (
            f"{_name(loc)}: expected keys and values ('key: value' lines indented below it), "
            f"got {_short(item.get('input'))}"
        )
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(field, sorted(_field_names()), n=1, cutoff=0.75)
        hint = f" (did you mean '{close[0]}'?)" if close else ": remove it or fix its spelling"
        return f"unknown key '{field}'{hint}"
    if kind == "literal_error":
        return (
            f"{_name(loc)}: {item['input']!r} is not allowed; use one of {ctx.get('expected', '')}"
        )
    message = str(item["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if kind in ("value_error", "assertion_error"):
        return f"{_name(loc)}: {message}" if loc else message
    return f"{_name(loc)}: {message[:1].lower()}{message[1:]} (got {_short(item.get('input'))})"


def _comma_split(field: str, holder: Any) -> str:
    """The comma trap: in ``{a: Compressors, heating}`` YAML reads ``heating`` as a key with no
    value. An unknown empty key right after a key holding text is that, far more often than a
    misspelt field."""
    if not isinstance(holder, dict) or field not in holder:
        return ""
    keys = list(holder)
    position = keys.index(field)
    before = keys[position - 1] if position else None
    if before is None or not isinstance(holder[before], str):
        return ""
    whole = f"{holder[before]}, {field}".replace('"', '\\"')
    return (
        f"unknown key '{field}' with no value: it looks like the rest of the value of "
        f"'{before}', cut at a comma; quote the value: {before}: \"{whole}\""
    )


def _name(loc: Loc) -> str:
    names = [part for part in loc if isinstance(part, str)]
    return names[-1] if names else "record"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@lru_cache(maxsize=1)
def _field_names() -> frozenset[str]:
    """Every key the format knows, for "did you mean" hints."""
    from emskit.model import all_models

    names: set[str] = set()
    for model in all_models():
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
    return frozenset(names)
