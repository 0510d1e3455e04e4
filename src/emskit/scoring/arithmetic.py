"""How scores are multiplied and written: the two number rules every scoring module shares."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any


def product(values: Any) -> Decimal:
    out = Decimal(1)
    for value in values:
        out *= value
    return out


@lru_cache(maxsize=4096)
def format_number(value: Decimal) -> str:
    """17, 0.5, 1.25: no trailing zeros, no exponent."""
    # format() and not str(int()): a 5,000-digit integer is past int-to-str's digit limit.
    text = format(value.normalize(), "f")
    return "0" if text == "-0" else text
