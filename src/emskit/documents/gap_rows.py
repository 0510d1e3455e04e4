"""The gap report as plain values: one dict per clause, shared by the JSON, Markdown, HTML
and text reports so that they cannot disagree."""

from __future__ import annotations

from typing import Any

from emskit import __version__
from emskit.clauses.assessment import GapResult


def document(result: GapResult, numbering: str | None) -> dict[str, Any]:
    return {
        "emskit": __version__,
        "as_of": result.as_of.isoformat(),
        "edition": result.edition,
        "repository_edition": result.repository_edition,
        "transition": result.transition,
        "numbering": numbering or result.edition,
        "summary": result.summary,
        "readiness": result.readiness,
        "clauses": [
            {
                "clause": c.clause.number,
                **({"iso2004": list(c.clause.iso2004)} if numbering == "2004" else {}),
                "title": _title(result, c.clause),
                "says": c.clause.says,
                "documented": c.clause.documented,
                "status": c.status,
                "reasons": list(c.reasons),
                "evidence": [{"file": e.file, "line": e.line, "id": e.id} for e in c.evidence],
            }
            for c in result.clauses
        ],
    }


def _title(result: GapResult, clause: Any) -> str:
    """'General' alone says nothing in a list; name the parent too."""
    from emskit.clauses.catalogue import catalogue

    parent = catalogue(result.edition).get(clause.parent) if clause.parent else None
    return f"{parent.title}: general" if clause.title == "General" and parent else clause.title


def summary_line(result: GapResult) -> str:
    s = result.summary
    kind = f"transition to {result.edition}" if result.transition else f"edition {result.edition}"
    return (
        f"emskit gap: {s['met']} met, {s['partial']} partial, {s['missing']} missing, "
        f"{s['not-applicable']} not applicable; readiness {result.readiness:g} % "
        f"({kind}, as of {result.as_of})"
    )


def evidence_text(clause: dict[str, Any], most: int = 3) -> str:
    shown = [f"{e['file']}:{e['line']}" for e in clause["evidence"][:most]]
    more = len(clause["evidence"]) - most
    return ", ".join(shown) + (f" +{more} more" if more > 0 else "")
