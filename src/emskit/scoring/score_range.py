"""The lowest and highest score a significance method can give, from each criterion's range."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from emskit.scoring.method import Method, Term


def score_range(method: Method) -> tuple[Decimal, Decimal]:
    """The lowest and highest score the method can give (scales may hold negatives).

    Computed from each criterion's own range, never by trying every combination of values:
    a product of 30 criteria has 2^30 corners.
    """
    if isinstance(method.aggregate, tuple):
        parts = [_term_range(method, term) for term in method.aggregate]
        return sum((p[0] for p in parts), Decimal(0)), sum((p[1] for p in parts), Decimal(0))
    ranges = [(min(c.numbers), max(c.numbers)) for c in method.criteria]
    if method.aggregate == "sum":
        return sum((r[0] for r in ranges), Decimal(0)), sum((r[1] for r in ranges), Decimal(0))
    if method.aggregate == "max":
        return max(r[0] for r in ranges), max(r[1] for r in ranges)
    return product_range(ranges)


def _term_range(method: Method, term: Term) -> tuple[Decimal, Decimal]:
    ranges = [
        (min(c.numbers), max(c.numbers)) for name in term.criteria if (c := method.criterion(name))
    ]
    low, high = product_range(ranges)
    return min(term.weight * low, term.weight * high), max(term.weight * low, term.weight * high)


def product_range(ranges: list[tuple[Decimal, Decimal]]) -> tuple[Decimal, Decimal]:
    """The range of a product of independent factors, one factor at a time.

    The product is linear in each factor, so its extremes over a box lie at corners; and the
    extremes over the corners of n factors are reached by multiplying the extremes of the
    first n-1 factors by an end of the n-th, four candidates per factor (signs may flip).
    """
    low = high = Decimal(1)
    for first, last in ranges:
        candidates = (low * first, low * last, high * first, high * last)
        low, high = min(candidates), max(candidates)
    return low, high
