"""In a zh-CN repository, every free-text field has Chinese text (info).

With ``ems.language: zh-CN`` the pack is written in Chinese: emskit's own words always are,
and the organisation's text is shown in Chinese where the repository has it. A field with no
Chinese falls back to the other language in the documents; this finding lists each such
field, once, so that the gaps can be translated before the pack goes to the body. A text
counts as Chinese when it is a ``zh-CN`` entry of a bilingual map, or a plain string that
holds Chinese characters. Nothing is reported in a repository whose language is ``en``.

Passes (ems.language: zh-CN)::

    aspects:
      - {id: ASP-001, activity: {en: Melting, zh-CN: 熔炼}, aspect: 天然气消耗, ...}

Fails (ems.language: zh-CN)::

    aspects:
      - {id: ASP-001, activity: Melting, aspect: {en: Gas use}, ...}
    # activity and aspect have no Chinese: two info findings
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.model.common import Text
from emskit.rule import INFO, Rule

RULE = Rule("EMS701", "missing-chinese", INFO, ("7.5.2",), __doc__ or "")
_TEXT_METADATA = get_args(Text)[1:]  # the validators that mark a field as free text
Path = tuple[str | int, ...]


def check(ctx: Analysis) -> Iterator[Finding]:
    config = ctx.repo.config
    if config is None or config.ems.language != "zh-CN":
        return
    # Records first, so that a field is named by its record; a singleton file (the audit
    # programme, the context) holds some of those records again and is walked for the rest.
    records = [*ctx.repo.records, *ctx.repo.singletons.values()]
    sources = [(r.file, r.loc, r.model, r.id) for r in records]
    seen: set[tuple[str, Path]] = set()
    for file, loc, model, record_id in [("emskit.yaml", (), config, ""), *sources]:
        for path, value in text_fields(model):
            place = (file, (*loc, *path))
            if place in seen or has_chinese(value):
                continue
            seen.add(place)
            yield RULE.at(
                file,
                place[1],
                f"{_name(record_id, path)} has no Chinese text: the zh-CN pack shows it "
                "in another language; write it as {en: ..., zh-CN: ...}",
                ids=(record_id,) if record_id else (),
            )


def has_chinese(value: Any) -> bool:
    if isinstance(value, dict):
        return bool(value.get("zh-CN"))
    return any("\u3400" <= char <= "\u9fff" for char in str(value))


def text_fields(model: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    """(path, value) of every free-text (Text) value in a model, nested models included."""
    if not isinstance(model, BaseModel):
        return
    for name in type(model).model_fields:
        value = getattr(model, name)
        if value is None:
            continue
        kind = _field_kind(type(model), name)
        if kind and isinstance(value, list):  # one text or a list of them
            yield from (((*path, name, i), v) for i, v in enumerate(value) if _is_text_value(v))
        elif kind and _is_text_value(value):  # a union may also allow a number (shifts: 2)
            yield (*path, name), value
        elif isinstance(value, BaseModel):
            yield from text_fields(value, (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from text_fields(item, (*path, name, index))


@cache
def _field_kind(model: type[BaseModel], name: str) -> str:
    """'text' for a Text field, 'texts' for a list of them, '' otherwise (cached per field)."""
    info = model.model_fields[name]
    if any(m in _TEXT_METADATA for m in info.metadata):
        return "text"
    for arg in _flatten(info.annotation):
        if _is_text(arg):
            return "text"
        if get_origin(arg) is list and any(_is_text(a) for a in get_args(arg)):
            return "texts"
    return ""


def _is_text_value(value: Any) -> bool:
    return bool(value) and isinstance(value, str | dict)


def _flatten(annotation: Any) -> list[Any]:
    """The members of a union (Text | None), or the annotation itself."""
    if get_origin(annotation) is Annotated:
        return [annotation]
    args = get_args(annotation)
    return [annotation, *args] if args and get_origin(annotation) is not list else [annotation]


def _is_text(annotation: Any) -> bool:
    return get_origin(annotation) is Annotated and any(
        m in _TEXT_METADATA for m in getattr(annotation, "__metadata__", ())
    )


def _name(record_id: str, path: Path) -> str:
    field = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")
    return f"{record_id} {field}" if record_id else field
