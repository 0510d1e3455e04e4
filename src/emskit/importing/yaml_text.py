"""Block-style YAML for the records an import writes, without a general dumper.

The records are plain: text, numbers, booleans, dates, lists of those and small maps
(`scores`, `target`, `limit`). PyYAML's representer spends most of a 10,000-row import
deciding that; this writes the same YAML directly. A string is left plain only when it
cannot be read back as anything else; otherwise it is written as a JSON string, which is
valid double-quoted YAML.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

_PLAIN = re.compile(r"[A-Za-z\u00c0-\uffff][\w\u00c0-\uffff .,()/&+%'’-]*")
_RESERVED = frozenset(
    ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"]
)  # what YAML 1.1 readers turn into booleans or null


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def block(record: dict[str, Any], indent: str, first: str) -> list[str]:
    """The record as lines; `first` prefixes the first line ('- ' for a list item)."""
    lines: list[str] = []
    lead = first
    for name, value in record.items():
        key = scalar(name)  # a criterion may be called anything, even 'no'
        if isinstance(value, dict):
            lines.append(f"{indent}{lead}{key}:")
            lines.extend(block(value, indent + " " * (len(lead) + 2), ""))
        elif isinstance(value, list):
            if value:
                lines.append(f"{indent}{lead}{key}:")
                pad = indent + " " * (len(lead) + 2)
                lines.extend(f"{pad}- {scalar(item)}" for item in value)
            else:
                lines.append(f"{indent}{lead}{key}: []")
        else:
            lines.append(f"{indent}{lead}{key}: {scalar(value)}")
        if lead:
            indent, lead = indent + " " * len(lead), ""
    return lines
