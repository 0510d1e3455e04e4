"""Methods and outcomes in words: formulas, substituted arithmetic, override conditions.

Shared by the text and JSON reports and the documents, so that an aspect is explained the
same way wherever it appears.
"""

from __future__ import annotations

from collections.abc import Callable

from emskit.model.common import text_in
from emskit.scoring.arithmetic import format_number
from emskit.scoring.engine import Outcome
from emskit.scoring.method import Method, Term, Value, When, as_number

_JOIN = {"sum": " + ", "product": " × "}


def formula(method: Method) -> str:
    """'frequency + legal + extent', 'scale × frequency + stakeholder + 5 × legal'."""
    if isinstance(method.aggregate, tuple):
        return " + ".join(_term(term, lambda name: name) for term in method.aggregate)
    if method.aggregate == "max":
        return f"max({', '.join(method.names)})"
    return _JOIN.get(method.aggregate, " ? ").join(method.names)


def substituted(outcome: Outcome) -> str:
    """The formula with the aspect's values in place of the criteria."""
    method, values = outcome.method, outcome.values

    def show(name: str) -> str:
        return value_text(values[name], numeric=True)

    if isinstance(method.aggregate, tuple):
        return " + ".join(_term(term, show) for term in method.aggregate)
    shown = [show(name) for name in method.names]
    if method.aggregate == "max":
        return f"max({', '.join(shown)})"
    return _JOIN.get(method.aggregate, " ? ").join(shown)


def _term(term: Term, show: Callable[[str], str]) -> str:
    factors = " × ".join(show(name) for name in term.criteria)
    return factors if term.weight == 1 else f"{format_number(term.weight)} × {factors}"


def value_text(value: Value, numeric: bool = False) -> str:
    if isinstance(value, str):
        return f"{format_number(as_number(value))} ({value})" if numeric else value
    return format_number(value)


def threshold_text(method: Method) -> str:
    assert method.threshold is not None
    return f"{'>=' if method.inclusive else '>'} {format_number(method.threshold)}"


def when_text(when: When) -> str:
    parts = []
    if when.criterion is not None:
        if when.equals is not None:
            parts.append(f"{when.criterion} = {value_text(when.equals)}")
        if when.at_least is not None:
            parts.append(f"{when.criterion} >= {format_number(when.at_least)}")
        if when.at_most is not None:
            parts.append(f"{when.criterion} <= {format_number(when.at_most)}")
    parts += [
        f"{name} = {str(value).lower() if isinstance(value, bool) else value}"
        for name, value in when.fields
    ]
    if when.has:
        parts.append(f"has {when.has}")
    return " and ".join(parts)


def override_text(outcome: Outcome, language: str = "en") -> str:
    if outcome.override is None:
        return ""
    return text_in(outcome.override.reason, language) or when_text(outcome.override.when)


def method_summary(method: Method) -> str:
    """'multi-factor-cn: frequency + legal + ... >= 17, or legal = 5'."""
    if method.threshold is None:
        return method.name
    text = f"{method.name}: {formula(method)} {threshold_text(method)}"
    for override in method.overrides:
        text += f", or {when_text(override.when)}"
    return text
