"""Pydantic models of the repository format, one module per area of the standard."""

from __future__ import annotations

from types import ModuleType

from pydantic import BaseModel


def all_models() -> list[type[BaseModel]]:
    """Every model class of the format, nested ones included."""
    from emskit.model import (
        chemicals,
        config,
        context,
        evaluation,
        external_checks,
        implementation,
        improvement,
        operation,
        planning,
        support,
        waste,
    )

    out: list[type[BaseModel]] = []
    modules: tuple[ModuleType, ...] = (
        config,
        context,
        planning,
        support,
        operation,
        evaluation,
        improvement,
    )
    modules += (chemicals, waste, external_checks, implementation)
    for module in modules:
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseModel)
                and value.__module__ == module.__name__
            ):
                out.append(value)
    return out
