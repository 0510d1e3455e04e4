"""Clause numbers per edition, for the clauses findings bear on.

Rules name clauses in 2015 numbering; a repository on the 2026 edition sees them in its own
numbering, mapped through the clause catalogue (clauses/data).
"""

from __future__ import annotations

from emskit.clauses.catalogue import to_edition
from emskit.vocabulary import EDITIONS

__all__ = ["EDITIONS", "clauses_for"]


def clauses_for(clauses: tuple[str, ...], edition: str) -> tuple[str, ...]:
    if edition != "2026":
        return clauses
    out: list[str] = []
    for clause in clauses:
        for mapped in to_edition(clause, edition):
            if mapped not in out:
                out.append(mapped)
    return tuple(out)
