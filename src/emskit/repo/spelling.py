""" "Did you mean ...?": the nearest known names to a word that names nothing."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(word: str, known: Iterable[str], cutoff: float = 0.7) -> str | None:
    """The known name closest to ``word`` (ignoring case), or None when none is close."""
    by_folded: dict[str, str] = {}
    for name in sorted(known):
        by_folded.setdefault(name.casefold(), name)
    close = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=cutoff)
    return by_folded[close[0]] if close else None


def did_you_mean(word: str, known: Iterable[str], cutoff: float = 0.7) -> str:
    """``"; did you mean 'X'?"`` for the closest known name, or ``""``."""
    found = nearest(word, known, cutoff)
    return f"; did you mean '{found}'?" if found else ""
