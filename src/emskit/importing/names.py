"""Records referenced by name (an owner written as a person's name) linked to their ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class NameIndex:
    ids: dict[str, str] = field(default_factory=dict)  # normalised name or id -> id
    unresolved: dict[str, list[str]] = field(default_factory=dict)  # name -> "file:row"

    def add(self, record_id: str, *names: Any) -> None:
        self.ids[_key(record_id)] = record_id
        for name in names:
            texts = name.values() if isinstance(name, dict) else [name]
            for text in texts:
                if isinstance(text, str) and text.strip():
                    self.ids.setdefault(_key(text), record_id)

    def resolve(self, text: str, where: str) -> str | None:
        found = self.ids.get(_key(text))
        if found is None:
            self.unresolved.setdefault(" ".join(text.split()), []).append(where)
        return found
