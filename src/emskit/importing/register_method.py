"""The significance method a register states in its prose, as an emskit.yaml method.

Registers write their arithmetic in words: "Score = (Scale × Frequency) + Stakeholder Concern
+ (Legal × 5)", or "Sum the criteria scores ... score ≥12 are considered Significant". The
formula's words are matched to the criterion columns; a register with no formula but a sum
instruction adds its criteria. Without a threshold there is no method to write.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from emskit.importing.mapping import CRITERIA, normal
from emskit.importing.values import is_yes_no

_FORMULA = re.compile(r"score\W*\s*=\s*(?P<expr>[^\n]+)", re.IGNORECASE)
_THRESHOLD = re.compile(r"(?:≥|>=|at least|or more than)\s*(\d+(?:\.\d+)?)", re.IGNORECASE)
_STRICT = re.compile(r"(?:>(?!=)|greater than|above)\s*(\d+(?:\.\d+)?)", re.IGNORECASE)
_RANGE = re.compile(r"\((\d+)\s*[-–]\s*(\d+)\)")


def stated_method(
    text: str, criteria: dict[str, str], values: dict[str, list[str]]
) -> dict[str, Any] | None:
    """`criteria`: criterion -> its column header; `values`: criterion -> the column's cells."""
    threshold = _threshold(text)
    if threshold is None or not criteria:
        return None
    aggregate: Any = _formula(text, list(criteria)) or "sum"
    return {
        "criteria": {name: {"values": _scale(criteria[name], values[name])} for name in criteria},
        "aggregate": aggregate,
        "threshold": threshold[0],
        **({"threshold_inclusive": False} if not threshold[1] else {}),
    }


def _threshold(text: str) -> tuple[int | float, bool] | None:
    for line in text.split("\n"):
        if "significant" not in line.lower() or "not significant" in line.lower():
            continue
        for pattern, inclusive in ((_THRESHOLD, True), (_STRICT, False)):
            match = pattern.search(line)
            if match:
                number = Decimal(match.group(1))
                return (int(number) if number == number.to_integral() else float(number)), inclusive
    return None


def _formula(text: str, criteria: list[str]) -> dict[str, Any] | None:
    match = _FORMULA.search(text)
    if not match:
        return None
    terms = []
    for part in re.split(r"\s\+\s|\+", match.group("expr").replace("*", "")):
        factors = [f.strip(" ()`_") for f in re.split(r"[×x·⋅]", part) if f.strip(" ()`_")]
        weight = Decimal(1)
        names = []
        for factor in factors:
            if re.fullmatch(r"\d+(\.\d+)?", factor):
                weight *= Decimal(factor)
            else:
                name = _criterion(factor, criteria)
                if name is None:
                    return None  # a word we cannot place: no formula rather than a wrong one
                names.append(name)
        if not names:
            return None
        term: dict[str, Any] = {"criterion": names[0]} if len(names) == 1 else {"product": names}
        if weight != 1:
            term["weight"] = int(weight) if weight == weight.to_integral() else float(weight)
        terms.append(term)
    return {"terms": terms} if terms else None


def _criterion(word: str, criteria: list[str]) -> str | None:
    word = normal(word)
    for name in criteria:
        words = (name.replace("_", " "), *CRITERIA.get(name, ()))
        if any(word == w or word.startswith(w) or w.startswith(word.split(" ")[0]) for w in words):
            return name
    return None


def _scale(header: str, cells: list[str]) -> list[Any]:
    if cells and all(is_yes_no(c) for c in cells if c):
        return ["no", "yes"]
    match = _RANGE.search(header)
    if match:
        return list(range(int(match.group(1)), int(match.group(2)) + 1))
    numbers = [int(float(c)) for c in cells if re.fullmatch(r"\d+(\.0+)?", c)]
    top = max(numbers, default=5)
    return list(range(min(1, min(numbers, default=1)), max(top, 5) + 1))
