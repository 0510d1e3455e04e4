"""Ids in the repository's own style: the prefix and width its records of a kind already use."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

DEFAULT_PREFIX = {
    "aspects": "ASP",
    "obligations": "OBL",
    "readings": "IND",
    "objectives": "OBJ",
    "nonconformities": "NC",
    "training": "TRN",
}
_NUMBERED = re.compile(r"^(?P<prefix>[A-Za-z][A-Za-z0-9-]*?-)(?P<number>\d+)$")
# A year as the last part of a prefix (AUD-2026-): records numbered afresh each year.
_YEAR = re.compile(r"(?<=-)(?:19|20)\d\d-$")


class IdAllocator:
    """Hands out the next free ids; `taken` is every id in the repository, any kind.

    With `year`, a style that numbers per year (AUD-2025-03) continues in that year
    (AUD-2026-01); `default` is the (prefix, width) when the repository has no id of the kind.
    """

    def __init__(
        self,
        kind: str,
        own: Iterable[str],
        taken: Iterable[str],
        year: int | None = None,
        default: tuple[str, int] | None = None,
    ) -> None:
        self.taken = {i.upper() for i in taken}
        styles: Counter[tuple[str, int]] = Counter()
        numbers = [0]
        for record_id in own:
            match = _NUMBERED.match(record_id)
            if match:
                prefix = match.group("prefix")
                if year is not None:
                    prefix = _YEAR.sub(f"{year}-", prefix)
                styles[(prefix, len(match.group("number")))] += 1
        style: tuple[str, int] = (
            styles.most_common(1)[0][0] if styles else default or (f"{DEFAULT_PREFIX[kind]}-", 3)
        )
        self.prefix, self.width = style
        for record_id in self.taken:
            match = _NUMBERED.match(record_id)
            if match and match.group("prefix").upper() == self.prefix.upper():
                numbers.append(int(match.group("number")))
        self.next = max(numbers) + 1

    def allocate(self) -> str:
        while True:
            candidate = f"{self.prefix}{self.next:0{self.width}d}"
            self.next += 1
            if candidate.upper() not in self.taken:
                self.taken.add(candidate.upper())
                return candidate

    def claim(self, record_id: str) -> bool:
        """Take an id the file gives; False when the repository already has it."""
        if record_id.upper() in self.taken:
            return False
        self.taken.add(record_id.upper())
        return True
