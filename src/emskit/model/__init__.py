"""Pydantic models of the repository format, one module per area of the standard."""

from __future__ import annotations

from pydantic import BaseModel


def all_models() -> list[type[BaseModel]]:
    """Every model class of the format, nested ones included."""
    from emskit.model import config, context, evaluation, improvement, operation, planning, support

    out: list[type[BaseModel]] = []
    for module in (config, context, planning, support, operation, evaluation, improvement):
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseModel)
                and value.__module__ == module.__name__
            ):
                out.append(value)
    return out
