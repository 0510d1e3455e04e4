"""The gap report as HTML, from the jinja2 template reports/gap.html.j2 (or the
organisation's own)."""

from __future__ import annotations

from typing import Any, TextIO

from emskit.clauses.assessment import GapResult
from emskit.documents.gap_rows import document, summary_line
from emskit.documents.render import render_template


def title(result: GapResult) -> str:
    if result.transition:
        return (
            f"Transition report: a {result.repository_edition} repository assessed against "
            f"ISO 14001:{result.edition}"
        )
    return f"Gap report against ISO 14001:{result.edition}"


def render_html(result: GapResult, out: TextIO, numbering: str | None) -> None:
    context: dict[str, Any] = {
        "report": document(result, numbering),
        "title": title(result),
        "summary_line": summary_line(result),
        "old_numbering": numbering == "2004",
    }
    out.write(render_template(result.root, "reports/gap.html.j2", context))
