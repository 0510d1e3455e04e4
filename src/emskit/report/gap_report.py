"""emskit gap in text (a table), JSON, Markdown and HTML (a jinja2 template)."""

from __future__ import annotations

from typing import Any, TextIO

from emskit.escaping import markdown_cell, markdown_code
from emskit.gap import GapResult
from emskit.report.gap_rows import document, evidence_text, summary_line
from emskit.report.json_out import write_json
from emskit.report.table import render_table

_MARK = {"met": "met", "partial": "PARTIAL", "missing": "MISSING", "not-applicable": "n/a"}


def render_text(result: GapResult, out: TextIO, numbering: str | None) -> None:
    doc = document(result, numbering)
    old = numbering == "2004"
    headers = ["clause", *(["2004"] if old else []), "title", "status", "why not met", "evidence"]
    rows = [
        [
            c["clause"],
            *([", ".join(c["iso2004"])] if old else []),
            c["title"],
            _MARK[c["status"]],
            "; ".join(c["reasons"]),
            evidence_text(c),
        ]
        for c in doc["clauses"]
    ]
    render_table(out, headers, rows, title=_title(result))
    out.write(summary_line(result) + "\n")


def _title(result: GapResult) -> str:
    if result.transition:
        return (
            f"Transition report: a {result.repository_edition} repository assessed against "
            f"ISO 14001:{result.edition}"
        )
    return f"Gap report against ISO 14001:{result.edition}"


def render_json(result: GapResult, out: TextIO, numbering: str | None) -> None:
    write_json(document(result, numbering), out)


def render_markdown(result: GapResult, out: TextIO, numbering: str | None) -> None:
    doc = document(result, numbering)
    old = numbering == "2004"
    lines = [
        f"# {markdown_cell(_title(result))}",
        "",
        f"As of {doc['as_of']}. {markdown_cell(summary_line(result))}",
        "",
        "| clause |" + (" 2004 |" if old else "") + " title | status | why not met | evidence |",
        "| --- |" + (" --- |" if old else "") + " --- | --- | --- | --- |",
    ]
    for c in doc["clauses"]:
        cells = [
            markdown_cell(c["clause"]),
            *([markdown_cell(", ".join(c["iso2004"]))] if old else []),
            markdown_cell(c["title"]),
            markdown_cell(c["status"]),
            "<br>".join(markdown_cell(reason) for reason in c["reasons"]),
            "<br>".join(markdown_code(f"{e['file']}:{e['line']}") for e in c["evidence"][:10]),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    out.write("\n".join(lines) + "\n")


def render_html(result: GapResult, out: TextIO, numbering: str | None) -> None:
    from emskit.documents.render import render_template

    context: dict[str, Any] = {
        "report": document(result, numbering),
        "title": _title(result),
        "summary_line": summary_line(result),
        "old_numbering": numbering == "2004",
    }
    out.write(render_template(result.root, "reports/gap.html.j2", context))
