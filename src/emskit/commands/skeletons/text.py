"""A record's skeleton as commented block-style YAML, written line by line.

A skeleton is for a person to fill in, so each line may carry a comment (the allowed values,
where a pre-filled value came from) and whole lines may be commented-out optional keys. Values
go through the import's scalar writer: one rule for when a string needs quotes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, get_args, get_origin

from emskit.importing.yaml_text import scalar

# A value to replace. Left as it is, a placeholder in a reference or in a field with a fixed
# list of values fails `emskit check`; in free text, `check` warns about it (missing-content).
TODO = "TODO"


def todo(what: str) -> str:
    """A free-text placeholder saying what to write."""
    return f"{TODO}: {what}"


class Skeleton:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def note(self, text: str, indent: int = 0) -> None:
        self.lines.append(f"{' ' * indent}# {text}")

    def key(self, name: str, value: Any = None, note: str = "", indent: int = 0) -> None:
        """``name: value``; without a value, ``name:`` opens a block below it."""
        line = f"{' ' * indent}{name}:" + ("" if value is None else f" {scalar(value)}")
        self.lines.append(_with_note(line, note))

    def items(self, name: str, values: Iterable[Any], note: str = "", indent: int = 0) -> None:
        """A list of scalars, one per line, each with its own comment when given as a pair."""
        values = list(values)
        if not values:
            self.lines.append(_with_note(f"{' ' * indent}{name}: []", note))
            return
        self.lines.append(_with_note(f"{' ' * indent}{name}:", note))
        for value in values:
            item, comment = value if isinstance(value, tuple) else (value, "")
            self.lines.append(_with_note(f"{' ' * indent}  - {scalar(item)}", comment))

    def item(self, fields: list[tuple[str, Any, str]], indent: int) -> None:
        """One mapping in a list: ``- first: value`` then the other keys below it."""
        for index, (name, value, note) in enumerate(fields):
            lead = "- " if index == 0 else "  "
            self.lines.append(_with_note(f"{' ' * indent}{lead}{name}: {scalar(value)}", note))

    def optional(self, name: str, example: str, note: str = "", indent: int = 0) -> None:
        """A key left out, shown commented so that it is known to exist."""
        self.lines.append(_with_note(f"{' ' * indent}# {name}: {example}", note))

    def blank(self) -> None:
        self.lines.append("")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _with_note(line: str, note: str) -> str:
    return f"{line}  # {note}" if note else line


def choices(values: Iterable[str]) -> str:
    return " | ".join(values)


def allowed(model: Any, field: str) -> str:
    """The values a Literal field of a model allows, as a comment: ``a | b | c``."""
    annotation = model.model_fields[field].annotation
    for candidate in (annotation, *get_args(annotation)):
        if get_origin(candidate) is Literal:
            return choices(get_args(candidate))
    return ""
