"""Option choices derived from the format's literals, so an option cannot drift from what
the repository accepts (emskit/vocabulary.py defines each word once)."""

from __future__ import annotations

from enum import Enum
from typing import cast, get_args


def choices(name: str, literal: object) -> type[Enum]:
    """A str Enum for typer whose members are the literal's values, in its order; the member
    names are the values themselves (``Verdict["not-significant"]``)."""
    return cast("type[Enum]", Enum(name, [(value, value) for value in get_args(literal)], type=str))
