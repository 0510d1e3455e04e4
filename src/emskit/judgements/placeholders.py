"""Is this text content, or a placeholder standing in for it?

An auditor reading a management review whose inputs say ``-``, ``TBD`` and ``n/a`` sees a
form nobody filled in, not a review. Every judgement that asks "does this field say
something?" (review inputs and outputs, audit conclusions, the EMS scope) asks it here, so
the list of placeholders is written once.
"""

from __future__ import annotations

import re
from typing import Any

# Compared after stripping blanks and trailing full stops, case-folded.
PLACEHOLDERS = frozenset(
    {
        "-",
        "--",
        "---",
        "–",
        "—",
        "/",
        "?",
        "...",
        "…",
        "x",
        "xx",
        "xxx",
        "na",
        "n/a",
        "n.a",
        "tbd",
        "tba",
        "tbc",
        "todo",
        "to do",
        "待定",
        "待补充",
        "待填写",
        "略",
    }
)
# What emskit init and emskit new leave to fill in: "TODO: describe ...".
_TODO = re.compile(r"^todo\b", re.IGNORECASE)


def is_placeholder_text(text: str) -> bool:
    """A single string that says nothing: empty, blanks, or a placeholder word."""
    folded = text.strip().rstrip(".。").strip().casefold()
    return not folded or folded in PLACEHOLDERS or bool(_TODO.match(folded))


def has_content(value: Any) -> bool:
    """Whether a field's value says something: a text (or each language of a bilingual text)
    that is no placeholder, or a list with at least one such item. None, empty and
    placeholder values are not content."""
    if value is None:
        return False
    if isinstance(value, dict):
        texts = [v for v in value.values() if v is not None]
        return bool(texts) and all(has_content(v) for v in texts)
    if isinstance(value, (list, tuple)):
        return any(has_content(item) for item in value)
    if isinstance(value, str):
        return not is_placeholder_text(value)
    return True
