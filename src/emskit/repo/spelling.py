""" "Did you mean ...?": the nearest known names to a word that names nothing."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(word: str, known: Iterable[str], cutoff: float = 0.7) -> str | None:
    """The known name closest to ``word`` (ignoring case), or None when none is close."""
    by_folded: dict[str, str] = {}
    for name in sorted(known):
        by_folded.setdefault(name.casefold(), name)
    folded = word.casefold()
    close = difflib.get_close_matches(folded, list(by_folded), n=2, cutoff=cutoff)
    if not close:
        return None
    if len(close) == 2 and _ratio(folded, close[0]) == _ratio(folded, close[1]):
        return None  # WST-009 is as near WST-001 as WST-002: a guess would mislead
    return by_folded[close[0]]


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def did_you_mean(word: str, known: Iterable[str], cutoff: float = 0.7) -> str:
    """``"; did you mean 'X'?"`` for the closest known name, or ``""``."""
    found = nearest(word, known, cutoff)
    return f"; did you mean '{found}'?" if found else ""
