"""Lists of ids in messages: sorted, and cut after a few so that a message about 2,000
overdue obligations stays one readable line (the full list is in the JSON 'ids')."""

from __future__ import annotations

from collections.abc import Iterable

from emskit.words import say


def listing(ids: Iterable[str], most: int = 8) -> str:
    listed = sorted(ids)
    shown = ", ".join(listed[:most])
    if len(listed) <= most:
        return shown
    return say("and-more", shown=shown, count=len(listed) - most)
