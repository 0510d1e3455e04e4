"""Clause numbers per edition, for the clauses findings bear on.

Rules name clauses in 2015 numbering; a repository on the 2026 edition sees them in its own
numbering. Only the clauses that moved are listed (from the secondary sources summarised in
the domain notes; confirm against the published 2026 text before relying on them).
"""

from __future__ import annotations

EDITIONS = ("2015", "2015+A1:2024", "2026")

_TO_2026 = {
    "6.1.4": ("6.1.5",),  # planning action moved when risks and opportunities got 6.1.4
    "9.2.2": ("9.2.2",),
    "9.3": ("9.3.2",),  # management review inputs are 9.3.2 from 2026
}


def clauses_for(clauses: tuple[str, ...], edition: str) -> tuple[str, ...]:
    if edition != "2026":
        return clauses
    out: list[str] = []
    for clause in clauses:
        for mapped in _TO_2026.get(clause, (clause,)):
            if mapped not in out:
                out.append(mapped)
    return tuple(out)
