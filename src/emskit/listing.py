"""Lists of ids in messages: sorted, and cut after a few so that a message about 2,000
overdue obligations stays one readable line (the full list is in the JSON 'ids')."""

from __future__ import annotations

from collections.abc import Iterable


def listing(ids: Iterable[str], most: int = 8) -> str:
    listed = sorted(ids)
    shown = ", ".join(listed[:most])
    return shown + (f" and {len(listed) - most} more" if len(listed) > most else "")
